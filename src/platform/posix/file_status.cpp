// File status on POSIX systems: stat(2) and fstat(2).
#include "backup_request/platform/file_status.hpp"

#include <cerrno>
#include <sys/stat.h>

namespace backup_request::platform {
namespace {

FileStatus from_stat(const struct stat& info) {
    if (S_ISDIR(info.st_mode)) {
        return {FileKind::folder, 0, 0};
    }
    if (S_ISREG(info.st_mode)) {
        return {FileKind::regular, static_cast<std::uint64_t>(info.st_size), 0};
    }
    return {FileKind::other, 0, 0};
}

} // namespace

FileStatus path_status(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return {FileKind::missing, 0, errno == ENOENT ? 0 : errno};
    }
    return from_stat(info);
}

FileStatus descriptor_status(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return {FileKind::missing, 0, errno};
    }
    return from_stat(info);
}

bool is_device_path(const std::string& path) {
    return path.starts_with("/dev/") || path.starts_with("/proc/");
}

const char* null_device_path() {
    return "/dev/null";
}

} // namespace backup_request::platform
