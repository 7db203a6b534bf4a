// The descriptors on Windows: the C runtime's _read/_write/_close over the console or file handles; a
// console's typed text read with ReadConsoleW and handed on as UTF-8; a console found with GetConsoleMode
// (isatty() is true for NUL too).
#include "backup_request/platform/descriptors.hpp"

#include "wide_text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <io.h>
#include <string>
#include <windows.h>

namespace backup_request::platform {
namespace {

// _read and _write take an unsigned count; larger blocks go in pieces.
constexpr std::size_t largest_block = std::size_t{1} << 30U;

HANDLE handle_of(int fd) {
    // NOLINTNEXTLINE(performance-no-int-to-ptr): the C runtime hands out handles as integers.
    return reinterpret_cast<HANDLE>(_get_osfhandle(fd));
}

bool is_console(int fd) {
    DWORD mode = 0;
    const HANDLE handle = handle_of(fd);
    return handle != INVALID_HANDLE_VALUE && GetConsoleMode(handle, &mode) != 0;
}

// What a console read left over: UTF-8 bytes of typed text that did not fit the caller's buffer.
std::string& console_pending() {
    static std::string pending;
    return pending;
}

Transfer read_console(int fd, char* data, std::size_t size) {
    std::string& pending = console_pending();
    if (pending.empty()) {
        std::array<wchar_t, 4096> typed{};
        DWORD count = 0;
        if (ReadConsoleW(handle_of(fd), typed.data(), static_cast<DWORD>(typed.size()), &count, nullptr) ==
            0) {
            return {0, errno_from_windows(GetLastError())};
        }
        std::wstring text(typed.data(), count);
        // Ctrl+Z at the start of a line is the console's end of input.
        if (const auto stop = text.find(L'\x1a'); stop != std::wstring::npos) {
            text.resize(stop);
        }
        pending = to_utf8(text);
        // The console ends lines with CRLF; the program reads LF, as from a file.
        pending.erase(std::remove(pending.begin(), pending.end(), '\r'), pending.end());
        if (pending.empty()) {
            return {0, 0};
        }
    }
    const std::size_t taken = std::min(size, pending.size());
    std::memcpy(data, pending.data(), taken);
    pending.erase(0, taken);
    return {taken, 0};
}

} // namespace

Transfer write_some(int fd, const char* data, std::size_t size) {
    const auto count = static_cast<unsigned>(std::min(size, largest_block));
    SetLastError(ERROR_SUCCESS); // so that a failure the C runtime finds itself is not read as the system's
    const int written = _write(fd, data, count);
    if (written >= 0) {
        return {static_cast<std::size_t>(written), 0};
    }
    // A closed pipe is EINVAL to the C runtime; the handle's own error tells that the reader went away
    // (ERROR_NO_DATA on Windows, ERROR_PIPE_NOT_CONNECTED under Wine), and becomes EPIPE as on POSIX.
    const DWORD code = GetLastError();
    return {0, errno == EINVAL && code != ERROR_SUCCESS ? errno_from_windows(code) : errno};
}

Transfer read_some(int fd, char* data, std::size_t size) {
    if (is_console(fd)) {
        return read_console(fd, data, size);
    }
    SetLastError(ERROR_SUCCESS);
    const int got = _read(fd, data, static_cast<unsigned>(std::min(size, largest_block)));
    if (got >= 0) {
        return {static_cast<std::size_t>(got), 0};
    }
    // The writer of a pipe closing is the end of input, as on POSIX.
    if (GetLastError() == ERROR_BROKEN_PIPE) {
        return {0, 0};
    }
    return {0, errno};
}

int close_descriptor(int fd) {
    return _close(fd) == 0 ? 0 : errno;
}

OpenedFile open_for_reading(const std::string& path) {
    const int fd = _wopen(to_wide(path).c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
    return fd < 0 ? OpenedFile{-1, errno} : OpenedFile{fd, 0};
}

OpenedFile open_for_appending(const std::string& path) {
    const int fd = _wopen(to_wide(path).c_str(), _O_WRONLY | _O_APPEND | _O_BINARY | _O_NOINHERIT);
    return fd < 0 ? OpenedFile{-1, errno} : OpenedFile{fd, 0};
}

bool is_terminal(int fd) {
    return is_console(fd);
}

std::size_t terminal_columns(int fd) {
    CONSOLE_SCREEN_BUFFER_INFO info{};
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(fd)); // NOLINT(performance-no-int-to-ptr)
    if (handle == INVALID_HANDLE_VALUE || GetConsoleScreenBufferInfo(handle, &info) == 0) {
        return 0;
    }
    return static_cast<std::size_t>(info.srWindow.Right - info.srWindow.Left + 1);
}

bool reserve_if_closed(int fd) {
    if (_get_osfhandle(fd) != -1) {
        return false;
    }
    const int opened = _open("NUL", fd == standard_input ? _O_RDONLY : _O_WRONLY);
    if (opened >= 0 && opened != fd) {
        (void)_dup2(opened, fd);
        (void)_close(opened);
    }
    return true;
}

std::string error_text(int error) {
    return std::strerror(error);
}

} // namespace backup_request::platform
