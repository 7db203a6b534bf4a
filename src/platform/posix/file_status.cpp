// File status on POSIX systems: stat(2) and fstat(2).
#include "backup_request/platform/file_status.hpp"

#include "backup_request/platform/folders.hpp"

#include <array>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<FileIdentity> path_identity(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

std::optional<FileIdentity> descriptor_identity(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return std::nullopt;
    }
    return FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

LinkDestination link_destination(const std::string& path) {
    // The limit of links the kernel follows in one lookup (MAXSYMLINKS on Linux).
    constexpr int max_links = 40;
    LinkDestination result{path, false, 0};
    for (int hops = 0;; ++hops) {
        struct stat info {};
        if (::lstat(result.path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) {
            return result;
        }
        if (hops == max_links) {
            result.error = ELOOP;
            return result;
        }
        std::array<char, 4096> target{};
        const ssize_t length = ::readlink(result.path.c_str(), target.data(), target.size());
        if (length < 0 || static_cast<std::size_t>(length) >= target.size()) {
            result.error = length < 0 ? errno : ENAMETOOLONG;
            return result;
        }
        std::string next(target.data(), static_cast<std::size_t>(length));
        if (!next.starts_with('/')) {
            next = join_path(parent_folder(result.path), next);
        }
        result.path = std::move(next);
        result.was_link = true;
        // /proc/self/fd/1 and its kind are not links to follow by hand ("pipe:[123]"): opened, the kernel
        // resolves them, as it does for any device.
        if (is_device_path(result.path)) {
            return result;
        }
    }
}

bool is_device_path(const std::string& path) {
    return path.starts_with("/dev/") || path.starts_with("/proc/");
}

const char* null_device_path() {
    return "/dev/null";
}

} // namespace backup_request::platform
