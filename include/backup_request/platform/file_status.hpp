// What a path or a descriptor is (missing, a regular file and its size, a folder, something else), whatever
// the system, in one call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace backup_request::platform {

enum class FileKind { missing, regular, folder, other };

struct FileStatus {
    FileKind kind = FileKind::missing;
    std::uint64_t size = 0; // regular files only
    int error = 0;          // an errno value when the status could not be read (not for a missing path)
};

// stat(2) of a UTF-8 path; `missing` when nothing is there.
[[nodiscard]] FileStatus path_status(const std::string& path);

// fstat(2) of an open descriptor.
[[nodiscard]] FileStatus descriptor_status(int fd);

// Which file a path or descriptor is, whatever name reaches it: the device (volume) and the file's number on
// it (inode, file index). Two names with the same identity are the same file.
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t file = 0;
    bool operator==(const FileIdentity&) const = default;
};

// The identity of the file a path names, links followed; nullopt when nothing is there.
[[nodiscard]] std::optional<FileIdentity> path_identity(const std::string& path);

// The identity of the file an open descriptor holds (stdin redirected from a file, say).
[[nodiscard]] std::optional<FileIdentity> descriptor_identity(int fd);

// Where a chain of symbolic links that starts at `path` ends, the link's own folder taken for a relative
// target: the path itself when it is not a link. An errno value (ELOOP for more than 40 links, or what
// reading a link gave) when the chain cannot be followed.
struct LinkDestination {
    std::string path;
    bool was_link = false;
    int error = 0;
};
[[nodiscard]] LinkDestination link_destination(const std::string& path);

// Whether a path names a device or a kernel view rather than a file in a folder (/dev/..., /proc/...,
// NUL, CON, \\.\...): written in place, never through a temporary file.
[[nodiscard]] bool is_device_path(const std::string& path);

// The null device's name: /dev/null, or NUL on Windows.
[[nodiscard]] const char* null_device_path();

} // namespace backup_request::platform
