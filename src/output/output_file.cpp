// Atomic replacement through mkstemp + fsync + rename(2), with RENAME_NOREPLACE when replacing is not
// allowed.
#include "backup_request/output/output_file.hpp"

#include "backup_request/text/ascii_text.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace backup_request {
namespace {

std::string describe_errno(int error) {
    return std::strerror(error);
}

bool write_all(int fd, std::string_view content, int& error) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            error = errno;
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

std::optional<std::string> write_directly(const std::string& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        return "cannot open " + quoted(path) + ": " + describe_errno(errno);
    }
    int error = 0;
    const bool ok = write_all(fd, content, error);
    if (::close(fd) != 0 && ok) {
        return "cannot write " + quoted(path) + ": " + describe_errno(errno);
    }
    if (!ok) {
        return "cannot write " + quoted(path) + ": " + describe_errno(error);
    }
    return std::nullopt;
}

bool is_special_path(const std::string& path) {
    return path.starts_with("/dev/") || path.starts_with("/proc/");
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

mode_t default_file_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666) & ~mask;
}

int rename_without_replacing(const char* from, const char* to) {
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) {
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return errno;
    }
    // The file system cannot rename without replacing: link(2) fails on an existing target just the same.
    if (::link(from, to) != 0) {
        return errno;
    }
    ::unlink(from);
    return 0;
}

// Holds off SIGINT, SIGTERM, SIGHUP and SIGQUIT while it lives: a signal that arrives between creating the
// temporary file and renaming it is delivered afterwards, so an interrupted run leaves the old file or the
// whole new one, and never a temporary file.
class SignalsHeldOff {
  public:
    SignalsHeldOff() {
        sigset_t held;
        sigemptyset(&held);
        for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
            sigaddset(&held, signal);
        }
        pthread_sigmask(SIG_BLOCK, &held, &previous_);
    }
    ~SignalsHeldOff() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
    SignalsHeldOff(const SignalsHeldOff&) = delete;
    SignalsHeldOff& operator=(const SignalsHeldOff&) = delete;

  private:
    sigset_t previous_{};
};

std::optional<std::string> write_atomically(const std::string& path, std::string_view content, bool replacing,
                                            mode_t mode, bool force) {
    const SignalsHeldOff held_off;
    const std::string folder = folder_of(path);
    std::string pattern = folder + "/." + name_of(path) + ".tmp-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkostemp(buffer.data(), O_CLOEXEC);
    if (fd < 0) {
        return "cannot write to the folder " + quoted(folder) + ": " + describe_errno(errno);
    }
    const std::string temporary(buffer.data());
    const auto fail = [&](int error) -> std::optional<std::string> {
        ::unlink(temporary.c_str());
        return "cannot write " + quoted(path) + ": " + describe_errno(error) +
               (replacing ? " (the existing file is unchanged)" : "");
    };
    int error = 0;
    if (!write_all(fd, content, error)) {
        ::close(fd);
        return fail(error);
    }
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        error = errno;
        ::close(fd);
        return fail(error);
    }
    if (::close(fd) != 0) {
        return fail(errno);
    }
    if (force) {
        if (::rename(temporary.c_str(), path.c_str()) != 0) {
            return fail(errno);
        }
    } else if (const int rename_error = rename_without_replacing(temporary.c_str(), path.c_str());
               rename_error != 0) {
        ::unlink(temporary.c_str());
        if (rename_error == EEXIST) {
            return quoted(path) +
                   " already exists: pass --force to replace it, or choose another --output path";
        }
        return "cannot write " + quoted(path) + ": " + describe_errno(rename_error);
    }
    // Make the rename itself durable; a failure here loses nothing already visible, so it is not reported.
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> write_output_file(const std::string& path, std::string_view content,
                                             const OutputFileOptions& options) {
    if (path.empty()) {
        return std::string("the --output path is empty: give a file name, or leave --output out for stdout");
    }
    struct stat info {};
    const bool exists = ::stat(path.c_str(), &info) == 0;
    if (!exists && errno != ENOENT) {
        return "cannot write " + quoted(path) + ": " + describe_errno(errno);
    }
    if (exists && S_ISDIR(info.st_mode)) {
        return quoted(path) + " is a folder: give a file name for --output";
    }
    if ((exists && !S_ISREG(info.st_mode)) || (exists && is_special_path(path))) {
        return write_directly(path, content);
    }
    if (exists && !options.force) {
        return quoted(path) + " already exists: pass --force to replace it, or choose another --output path";
    }
    const mode_t mode = exists ? static_cast<mode_t>(info.st_mode & 07777) : default_file_mode();
    return write_atomically(path, content, exists, mode, options.force);
}

} // namespace backup_request
