// The process's file descriptors, whatever the system: read, write, close, is-a-terminal, open for reading.
// Failures are errno values (the Windows branch maps its own codes onto them), so callers word them once.
#pragma once

#include <cstddef>
#include <string>

namespace backup_request::platform {

inline constexpr int standard_input = 0;
inline constexpr int standard_output = 1;
inline constexpr int standard_error = 2;

// What one read or write moved, or why it failed (error != 0, an errno value). A read of 0 bytes without an
// error is the end of the input.
struct Transfer {
    std::size_t bytes = 0;
    int error = 0;
};

// One write(2): may move fewer bytes than asked; EINTR is retried. A reader that went away is EPIPE on every
// system.
[[nodiscard]] Transfer write_some(int fd, const char* data, std::size_t size);

// One read(2); EINTR is retried. On a Windows console the typed text arrives as UTF-8.
[[nodiscard]] Transfer read_some(int fd, char* data, std::size_t size);

// close(2): 0, or the errno (some file systems report a failed write only here).
[[nodiscard]] int close_descriptor(int fd);

struct OpenedFile {
    int fd = -1;
    int error = 0; // errno when fd < 0
};

// Opens a file (UTF-8 name) for reading in binary mode, not inherited by child processes.
[[nodiscard]] OpenedFile open_for_reading(const std::string& path);

// Opens an existing file (UTF-8 name) for appending, in binary mode: a FIFO, a device, a terminal.
[[nodiscard]] OpenedFile open_for_appending(const std::string& path);

// Whether fd is a terminal (a console on Windows; the NUL device is not one).
[[nodiscard]] bool is_terminal(int fd);

// The width in columns of the terminal (or console) on `fd`; 0 when it is none or does not say.
[[nodiscard]] std::size_t terminal_columns(int fd);

// Whether fd was closed when the process started; then the null device is opened on it, so that a file opened
// later cannot take its number and become "stdout".
[[nodiscard]] bool reserve_if_closed(int fd);

// The words of strerror(3) for an errno value.
[[nodiscard]] std::string error_text(int error);

} // namespace backup_request::platform
