// POSIX: the command through /bin/sh in a process group of its own (posix_spawn, safe beside threads), read
// through a pipe under poll() until it closes or the time is up; then the whole group is killed.
#include "backup_request/platform/command_output.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX leaves it to the program

namespace backup_request::platform {
namespace {

constexpr std::size_t most_output = std::size_t{64} * 1024;

class SpawnActions {
  public:
    SpawnActions() { posix_spawn_file_actions_init(&actions_); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    SpawnActions(SpawnActions&&) = delete;
    SpawnActions& operator=(SpawnActions&&) = delete;
    ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
    posix_spawn_file_actions_t* get() { return &actions_; }

  private:
    posix_spawn_file_actions_t actions_{};
};

class SpawnAttributes {
  public:
    SpawnAttributes() { posix_spawnattr_init(&attributes_); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
    SpawnAttributes(SpawnAttributes&&) = delete;
    SpawnAttributes& operator=(SpawnAttributes&&) = delete;
    ~SpawnAttributes() { posix_spawnattr_destroy(&attributes_); }
    posix_spawnattr_t* get() { return &attributes_; }

  private:
    posix_spawnattr_t attributes_{};
};

int wait_for(pid_t child) {
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace

std::variant<std::string, CommandOutputFailure> command_output(const std::string& command,
                                                               std::chrono::milliseconds timeout) {
    std::array<int, 2> pipe_ends = {-1, -1};
    // pipe() and then close-on-exec (pipe2 is not on macOS): the child gets its end through dup2 only.
    if (pipe(pipe_ends.data()) != 0) {
        return CommandOutputFailure{std::string("could not start: ") + std::strerror(errno)};
    }
    for (const int end : pipe_ends) {
        fcntl(end, F_SETFD, FD_CLOEXEC);
    }
    SpawnActions actions;
    posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(actions.get(), pipe_ends[1], 1);
    SpawnAttributes attributes;
    posix_spawnattr_setflags(attributes.get(), POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(attributes.get(), 0);
    // posix_spawn takes char*, not const char*.
    std::string sh = "sh";
    std::string dash_c = "-c";
    std::string argument = command;
    std::array<char*, 4> argv = {sh.data(), dash_c.data(), argument.data(), nullptr};
    pid_t child = 0;
    const int started = posix_spawn(&child, "/bin/sh", actions.get(), attributes.get(), argv.data(), environ);
    close(pipe_ends[1]);
    if (started != 0) {
        close(pipe_ends[0]);
        return CommandOutputFailure{std::string("could not start /bin/sh: ") + std::strerror(started)};
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string output;
    bool timed_out = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd readable{pipe_ends[0], POLLIN, 0};
        const int ready = poll(&readable, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            timed_out = ready == 0;
            break;
        }
        std::array<char, 4096> buffer{};
        const ssize_t got = read(pipe_ends[0], buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            break;
        }
        if (output.size() < most_output) {
            output.append(buffer.data(), static_cast<std::size_t>(got));
        }
    }
    close(pipe_ends[0]);
    if (timed_out) {
        kill(-child, SIGKILL);
        (void)wait_for(child);
        return CommandOutputFailure{"still running after " + std::to_string((timeout.count() + 999) / 1000) +
                                    " s, so it was stopped"};
    }
    const int status = wait_for(child);
    if (WIFSIGNALED(status)) {
        return CommandOutputFailure{"was killed by signal " + std::to_string(WTERMSIG(status))};
    }
    if (WEXITSTATUS(status) != 0) {
        return CommandOutputFailure{"exited with status " + std::to_string(WEXITSTATUS(status)) +
                                    (WEXITSTATUS(status) == 127 ? " (command not found)" : "")};
    }
    return output;
}

} // namespace backup_request::platform
