// UTF-8 to UTF-16 and back, for the Windows API's wide functions.
#pragma once

#include <string>
#include <string_view>

namespace backup_request::platform {

[[nodiscard]] std::wstring to_wide(std::string_view text);
[[nodiscard]] std::string to_utf8(std::wstring_view text);

// errno for a Windows error code (GetLastError), for the messages the POSIX branch gives.
[[nodiscard]] int errno_from_windows(unsigned long code);

} // namespace backup_request::platform
