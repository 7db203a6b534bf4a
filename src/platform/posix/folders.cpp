// Folders on POSIX systems: the XDG base directories, and the running executable through /proc (Linux) or
// _NSGetExecutablePath (macOS).
#include "backup_request/platform/folders.hpp"

#include <cerrno>
#include <climits>
#include <cstdint>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

namespace backup_request::platform {
namespace {

// The XDG Base Directory rule: a relative value is invalid and must be ignored.
std::optional<std::string> xdg_folder(const VariableLookup& variable, const char* name,
                                      const char* fallback) {
    if (auto value = variable(name); value && value->starts_with('/')) {
        return *value;
    }
    if (auto home = variable("HOME"); home && !home->empty()) {
        return *home + "/" + fallback;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> user_config_folder(const VariableLookup& variable) {
    return xdg_folder(variable, "XDG_CONFIG_HOME", ".config");
}

std::optional<std::string> user_state_folder(const VariableLookup& variable) {
    return xdg_folder(variable, "XDG_STATE_HOME", ".local/state");
}

std::string parent_folder(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string join_path(const std::string& folder, const std::string& name) {
    return folder.ends_with('/') ? folder + name : folder + "/" + name;
}

std::optional<std::string> home_folder(const VariableLookup& variable) {
    auto home = variable("HOME");
    if (!home || home->empty()) {
        return std::nullopt;
    }
    return home;
}

bool is_absolute_path(const std::string& path) {
    return path.starts_with('/');
}

std::string absolute_path(const std::string& path) {
    if (is_absolute_path(path)) {
        return path;
    }
    std::vector<char> buffer(PATH_MAX, '\0');
    if (::getcwd(buffer.data(), buffer.size()) == nullptr) {
        return path;
    }
    std::string relative = path;
    while (relative.starts_with("./")) {
        relative.erase(0, 2);
    }
    return join_path(buffer.data(), relative);
}

int create_private_folders(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0) {
        return S_ISDIR(status.st_mode) ? 0 : ENOTDIR;
    }
    if (errno != ENOENT) {
        return errno;
    }
    const std::string parent = parent_folder(path);
    if (parent != path && parent != "." && parent != "/") {
        if (const int error = create_private_folders(parent); error != 0) {
            return error;
        }
    }
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
        return errno;
    }
    return 0;
}

int create_private_file(const std::string& path) {
    // O_EXCL: a file that is there (another process's, just made) is left as it is.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return errno == EEXIST ? 0 : errno;
    }
    return ::close(fd) == 0 ? 0 : errno;
}

std::optional<std::string> executable_folder() {
    std::string path;
#ifdef __APPLE__
    std::uint32_t size = 0;
    (void)_NSGetExecutablePath(nullptr, &size);
    std::vector<char> buffer(size + 1U, '\0');
    if (_NSGetExecutablePath(buffer.data(), &size) != 0) {
        return std::nullopt;
    }
    path = buffer.data();
#else
    std::vector<char> buffer(PATH_MAX, '\0');
    const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (length <= 0) {
        return std::nullopt; // no /proc (an empty root, a sandbox)
    }
    path.assign(buffer.data(), static_cast<std::size_t>(length));
#endif
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

} // namespace backup_request::platform
