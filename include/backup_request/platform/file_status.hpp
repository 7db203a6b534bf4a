// What a path or a descriptor is (missing, a regular file and its size, a folder, something else), whatever
// the system, in one call.
#pragma once

#include <cstdint>
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

// Whether a path names a device or a kernel view rather than a file in a folder (/dev/..., /proc/...,
// NUL, CON, \\.\...): written in place, never through a temporary file.
[[nodiscard]] bool is_device_path(const std::string& path);

// The null device's name: /dev/null, or NUL on Windows.
[[nodiscard]] const char* null_device_path();

} // namespace backup_request::platform
