// File status on Windows: _wstat64 and _fstat64, with UTF-8 names turned into wide ones.
#include "backup_request/platform/file_status.hpp"

#include "wide_text.hpp"

#include <cerrno>
#include <io.h>
#include <sys/stat.h>
#include <windows.h>

namespace backup_request::platform {
namespace {

FileStatus from_stat(const struct _stat64& info) {
    if ((info.st_mode & _S_IFMT) == _S_IFDIR) {
        return {FileKind::folder, 0, 0};
    }
    if ((info.st_mode & _S_IFMT) == _S_IFREG) {
        return {FileKind::regular, static_cast<std::uint64_t>(info.st_size), 0};
    }
    return {FileKind::other, 0, 0};
}

} // namespace

FileStatus path_status(const std::string& path) {
    struct _stat64 info {};
    if (_wstat64(to_wide(path).c_str(), &info) != 0) {
        return {FileKind::missing, 0, errno == ENOENT ? 0 : errno};
    }
    return from_stat(info);
}

FileStatus descriptor_status(int fd) {
    struct _stat64 info {};
    if (_fstat64(fd, &info) != 0) {
        return {FileKind::missing, 0, errno};
    }
    return from_stat(info);
}

namespace {

std::optional<FileIdentity> handle_identity(HANDLE handle) {
    BY_HANDLE_FILE_INFORMATION info{};
    if (handle == INVALID_HANDLE_VALUE || GetFileInformationByHandle(handle, &info) == 0) {
        return std::nullopt;
    }
    return FileIdentity{info.dwVolumeSerialNumber,
                        (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32U) | info.nFileIndexLow};
}

} // namespace

std::optional<FileIdentity> path_identity(const std::string& path) {
    // Opened for its attributes only, sharing everything, so an open file is never disturbed; the backup
    // flag lets a folder be opened too.
    HANDLE handle = CreateFileW(to_wide(path).c_str(), FILE_READ_ATTRIBUTES,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return std::nullopt;
    }
    auto identity = handle_identity(handle);
    CloseHandle(handle);
    return identity;
}

std::optional<FileIdentity> descriptor_identity(int fd) {
    // A console or pipe has no file index worth comparing: only disk files have an identity here.
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(fd)); // NOLINT(performance-no-int-to-ptr)
    if (handle == INVALID_HANDLE_VALUE || GetFileType(handle) != FILE_TYPE_DISK) {
        return std::nullopt;
    }
    return handle_identity(handle);
}

LinkDestination link_destination(const std::string& path) {
    // Symbolic links need a privilege on Windows and are rare in a user's folders; the system's own rename
    // replaces the link itself (docs/platforms.md).
    return {path, false, 0};
}

bool is_device_path(const std::string& path) {
    if (path.starts_with("\\\\.\\") || path.starts_with("//./")) {
        return true;
    }
    // The reserved device names, with or without an extension: NUL, CON, NUL.txt, COM1...
    std::string name = path.substr(0, path.find('.'));
    for (char& c : name) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    for (const char* device : {"nul", "con", "prn", "aux", "conin$", "conout$"}) {
        if (name == device) {
            return true;
        }
    }
    return name.size() == 4 && (name.starts_with("com") || name.starts_with("lpt")) && name[3] >= '1' &&
           name[3] <= '9';
}

const char* null_device_path() {
    return "NUL";
}

} // namespace backup_request::platform
