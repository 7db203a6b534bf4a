// Atomic replacement on POSIX systems: mkostemp, fsync (F_FULLFSYNC on macOS, where fsync stops at the
// drive's cache), rename(2), and a rename that never replaces (renameat2 on Linux, renamex_np on macOS,
// link(2) elsewhere), with SIGINT, SIGTERM, SIGHUP and SIGQUIT held off in between.
#include "backup_request/platform/atomic_file.hpp"

#include "backup_request/platform/folders.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace backup_request::platform {
namespace {

std::string name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

int write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return 0;
}

int flush_to_disk(int fd) {
#ifdef __APPLE__
    // macOS's fsync leaves the data in the drive's cache; F_FULLFSYNC reaches the platter (not every file
    // system has it, and then fsync is the best there is).
    if (::fcntl(fd, F_FULLFSYNC) == 0) {
        return 0;
    }
#endif
    return ::fsync(fd) == 0 ? 0 : errno;
}

mode_t default_file_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666) & ~mask;
}

int rename_without_replacing(const char* from, const char* to) {
#if defined(__linux__) && defined(RENAME_NOREPLACE)
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) {
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return errno;
    }
#elif defined(__APPLE__)
    if (::renamex_np(from, to, RENAME_EXCL) == 0) {
        return 0;
    }
    if (errno != ENOTSUP) {
        return errno;
    }
#endif
    // The file system cannot rename without replacing: link(2) fails on an existing target just the same.
    if (::link(from, to) != 0) {
        return errno;
    }
    ::unlink(from);
    return 0;
}

// Holds off SIGINT, SIGTERM, SIGHUP and SIGQUIT while it lives: a signal that arrives between creating the
// temporary file and renaming it is delivered afterwards, so an interrupted run never leaves a temporary
// file.
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

} // namespace

std::optional<AtomicFailure> write_file_atomically(const std::string& path, std::string_view content,
                                                   bool replace) {
    const SignalsHeldOff held_off;
    struct stat existing {};
    const mode_t mode = replace && ::stat(path.c_str(), &existing) == 0
                            ? static_cast<mode_t>(existing.st_mode & 07777)
                            : default_file_mode();
    const std::string folder = parent_folder(path);
    const std::string pattern = folder + "/." + name_of(path) + ".tmp-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkostemp(buffer.data(), O_CLOEXEC);
    if (fd < 0) {
        return AtomicFailure{AtomicStep::create_temporary, errno};
    }
    const std::string temporary(buffer.data());
    const auto fail = [&](AtomicStep step, int error) {
        ::unlink(temporary.c_str());
        return AtomicFailure{step, error};
    };
    int error = write_all(fd, content);
    if (error == 0 && ::fchmod(fd, mode) != 0) {
        error = errno;
    }
    if (error == 0) {
        error = flush_to_disk(fd);
    }
    if (error != 0) {
        ::close(fd);
        return fail(AtomicStep::write, error);
    }
    if (::close(fd) != 0) {
        return fail(AtomicStep::write, errno);
    }
    if (replace) {
        if (::rename(temporary.c_str(), path.c_str()) != 0) {
            return fail(AtomicStep::rename, errno);
        }
    } else if (const int rename_error = rename_without_replacing(temporary.c_str(), path.c_str());
               rename_error != 0) {
        return fail(AtomicStep::rename, rename_error);
    }
    // Make the rename itself durable; a failure here loses nothing already visible, so it is not reported.
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return std::nullopt;
}

} // namespace backup_request::platform
