// The descriptors on POSIX systems: read(2), write(2), close(2), isatty(3), fcntl(2).
#include "backup_request/platform/descriptors.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace backup_request::platform {

Transfer write_some(int fd, const char* data, std::size_t size) {
    for (;;) {
        const ssize_t written = ::write(fd, data, size);
        if (written >= 0) {
            return {static_cast<std::size_t>(written), 0};
        }
        if (errno != EINTR) {
            return {0, errno};
        }
    }
}

Transfer read_some(int fd, char* data, std::size_t size) {
    for (;;) {
        const ssize_t got = ::read(fd, data, size);
        if (got >= 0) {
            return {static_cast<std::size_t>(got), 0};
        }
        if (errno != EINTR) {
            return {0, errno};
        }
    }
}

int close_descriptor(int fd) {
    return ::close(fd) == 0 ? 0 : errno;
}

OpenedFile open_for_reading(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    return fd < 0 ? OpenedFile{-1, errno} : OpenedFile{fd, 0};
}

OpenedFile open_for_appending(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);
    return fd < 0 ? OpenedFile{-1, errno} : OpenedFile{fd, 0};
}

std::size_t terminal_columns(int fd) {
    winsize size{};
    return ::ioctl(fd, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

bool is_terminal(int fd) {
    return ::isatty(fd) == 1;
}

bool reserve_if_closed(int fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) {
        return false;
    }
    const int opened = ::open("/dev/null", fd == standard_input ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) {
        (void)::dup2(opened, fd);
        (void)::close(opened);
    }
    return true;
}

std::string error_text(int error) {
    return std::strerror(error);
}

} // namespace backup_request::platform
