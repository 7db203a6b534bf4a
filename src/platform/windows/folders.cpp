// Folders on Windows: the Known Folders (Roaming and Local AppData), and the executable's own folder.
#include "backup_request/platform/folders.hpp"

#include "wide_text.hpp"

// clang-format off
#include <windows.h> // first: the other Windows headers build on its macros
// clang-format on
#include <cerrno>
#include <shlobj.h>
#include <vector>

namespace backup_request::platform {
namespace {

std::optional<std::string> known_folder(const KNOWNFOLDERID& id, const VariableLookup& variable,
                                        const char* fallback_variable) {
    PWSTR found = nullptr;
    if (SHGetKnownFolderPath(id, 0, nullptr, &found) == S_OK) {
        std::string folder = to_utf8(found);
        CoTaskMemFree(found);
        return folder;
    }
    CoTaskMemFree(found);
    if (auto value = variable(fallback_variable); value && !value->empty()) {
        return *value;
    }
    return std::nullopt;
}

// XDG_CONFIG_HOME and XDG_STATE_HOME win where they are set to an absolute path, as with gh and git on
// Windows: people who keep their configuration in one place across systems set them.
std::optional<std::string> xdg_override(const VariableLookup& variable, const char* name) {
    auto value = variable(name);
    if (!value || value->empty()) {
        return std::nullopt;
    }
    const bool rooted = value->front() == '/' || value->front() == '\\';
    const bool drive =
        value->size() >= 3 && (*value)[1] == ':' && ((*value)[2] == '\\' || (*value)[2] == '/');
    return rooted || drive ? value : std::nullopt;
}

} // namespace

std::optional<std::string> user_config_folder(const VariableLookup& variable) {
    if (auto folder = xdg_override(variable, "XDG_CONFIG_HOME")) {
        return folder;
    }
    return known_folder(FOLDERID_RoamingAppData, variable, "APPDATA");
}

std::optional<std::string> user_state_folder(const VariableLookup& variable) {
    if (auto folder = xdg_override(variable, "XDG_STATE_HOME")) {
        return folder;
    }
    return known_folder(FOLDERID_LocalAppData, variable, "LOCALAPPDATA");
}

std::string parent_folder(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    if (slash == std::string::npos) {
        return ".";
    }
    // "C:\\file" lives in "C:\\", "\\file" in "\\".
    return slash == 0 || (slash == 2 && path[1] == ':') ? path.substr(0, slash + 1) : path.substr(0, slash);
}

std::string join_path(const std::string& folder, const std::string& name) {
    return folder.ends_with('\\') || folder.ends_with('/') ? folder + name : folder + "\\" + name;
}

std::optional<std::string> home_folder(const VariableLookup& variable) {
    auto home = variable("USERPROFILE");
    if (!home || home->empty()) {
        home = variable("HOME");
    }
    if (!home || home->empty()) {
        return std::nullopt;
    }
    return home;
}

bool is_absolute_path(const std::string& path) {
    const bool drive = path.size() >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
    return drive || path.starts_with("\\\\") || path.starts_with("//");
}

std::string absolute_path(const std::string& path) {
    if (is_absolute_path(path)) {
        return path;
    }
    const std::wstring wide = to_wide(path);
    const DWORD size = GetFullPathNameW(wide.c_str(), 0, nullptr, nullptr);
    if (size == 0) {
        return path;
    }
    std::vector<wchar_t> buffer(size + 1U, L'\0');
    if (GetFullPathNameW(wide.c_str(), size + 1U, buffer.data(), nullptr) == 0) {
        return path;
    }
    return to_utf8(buffer.data());
}

int create_private_folders(const std::string& path) {
    const std::wstring wide = to_wide(path);
    const DWORD attributes = GetFileAttributesW(wide.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES) {
        return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ? 0 : ENOTDIR;
    }
    const std::string parent = parent_folder(path);
    if (parent != path && parent != "." && !parent.ends_with(':') && !parent.ends_with(":\\")) {
        if (const int error = create_private_folders(parent); error != 0) {
            return error;
        }
    }
    if (CreateDirectoryW(wide.c_str(), nullptr) == 0 && GetLastError() != ERROR_ALREADY_EXISTS) {
        return errno_from_windows(GetLastError());
    }
    return 0;
}

int create_private_file(const std::string& path) {
    // Shared while it is being made: another process opening the new ledger at this moment must not be
    // refused (SQLite would then open it read-only, and every write would fail).
    HANDLE file = CreateFileW(to_wide(path).c_str(), GENERIC_WRITE,
                              FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, CREATE_NEW,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        const DWORD code = GetLastError();
        return code == ERROR_FILE_EXISTS ? 0 : errno_from_windows(code);
    }
    CloseHandle(file);
    return 0;
}

std::optional<std::string> executable_folder() {
    std::vector<wchar_t> buffer(MAX_PATH);
    for (;;) {
        const DWORD length = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
        if (length == 0) {
            return std::nullopt;
        }
        if (length < buffer.size()) {
            const std::string path = to_utf8(std::wstring_view(buffer.data(), length));
            const auto slash = path.find_last_of("\\/");
            return slash == std::string::npos ? std::nullopt : std::optional(path.substr(0, slash));
        }
        buffer.resize(buffer.size() * 2);
    }
}

} // namespace backup_request::platform
