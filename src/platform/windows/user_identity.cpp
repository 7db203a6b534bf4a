// The account name (GetUserNameW, else %USERNAME%) and the computer's DNS host name, on Windows.
#include "backup_request/platform/user_identity.hpp"

#include "wide_text.hpp"

// clang-format off
#include <windows.h> // first: the other Windows headers build on its macros
// clang-format on
#include <array>

namespace backup_request::platform {

std::optional<std::string> login_name(const VariableLookup& variable) {
    // The system's account name; %USERNAME% only when it cannot be read (a variable anyone can set).
    std::array<wchar_t, 257> name{}; // UNLEN + 1
    auto size = static_cast<DWORD>(name.size());
    if (GetUserNameW(name.data(), &size) != 0 && size > 1) {
        return to_utf8(std::wstring_view(name.data(), size - 1)); // size counts the terminating NUL
    }
    if (auto value = variable("USERNAME"); value && !value->empty()) {
        return value;
    }
    return std::nullopt;
}

std::optional<std::string> machine_name() {
    std::array<wchar_t, 256> name{};
    auto size = static_cast<DWORD>(name.size());
    if (GetComputerNameExW(ComputerNameDnsHostname, name.data(), &size) == 0 || size == 0) {
        return std::nullopt;
    }
    return to_utf8(std::wstring_view(name.data(), size));
}

} // namespace backup_request::platform
