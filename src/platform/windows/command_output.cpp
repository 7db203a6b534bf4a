// Windows: the command through cmd.exe /d /c with stdout on a pipe, read while waiting up to the timeout;
// then the process is terminated.
#include "backup_request/platform/command_output.hpp"

#include "wide_text.hpp"

#include <windows.h>

namespace backup_request::platform {
namespace {

constexpr std::size_t most_output = 64 * 1024;

class Handle {
  public:
    explicit Handle(HANDLE handle = nullptr) : handle_(handle) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&&) = delete;
    Handle& operator=(Handle&&) = delete;
    ~Handle() { reset(); }
    void reset() {
        if (handle_ != nullptr && handle_ != INVALID_HANDLE_VALUE) {
            CloseHandle(handle_);
        }
        handle_ = nullptr;
    }
    HANDLE get() const { return handle_; }
    HANDLE* put() { return &handle_; }

  private:
    HANDLE handle_;
};

std::string last_error_text() {
    return "Windows error " + std::to_string(GetLastError());
}

} // namespace

std::variant<std::string, CommandOutputFailure> command_output(const std::string& command,
                                                               std::chrono::milliseconds timeout) {
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    Handle read_end;
    Handle write_end;
    if (CreatePipe(read_end.put(), write_end.put(), &inherit, 0) == 0) {
        return CommandOutputFailure{"could not start: " + last_error_text()};
    }
    SetHandleInformation(read_end.get(), HANDLE_FLAG_INHERIT, 0);
    Handle nothing(CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                               OPEN_EXISTING, 0, nullptr));
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = nothing.get();
    startup.hStdOutput = write_end.get();
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    std::wstring line = L"cmd.exe /d /s /c \"" + to_wide(command) + L"\"";
    PROCESS_INFORMATION process{};
    if (CreateProcessW(nullptr, line.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW, nullptr, nullptr,
                       &startup, &process) == 0) {
        return CommandOutputFailure{"could not start cmd.exe: " + last_error_text()};
    }
    Handle process_handle(process.hProcess);
    Handle thread_handle(process.hThread);
    write_end.reset(); // only the child writes now: its exit ends the reading
    // Read what is there while the child runs (a full pipe would block it), polling: a grandchild that keeps
    // the pipe open must not keep this process waiting past the timeout.
    std::string output;
    const auto drain = [&output, pipe = read_end.get()] {
        DWORD available = 0;
        while (PeekNamedPipe(pipe, nullptr, 0, nullptr, &available, nullptr) != 0 && available > 0) {
            char buffer[4096];
            DWORD got = 0;
            if (ReadFile(pipe, buffer, sizeof buffer, &got, nullptr) == 0 || got == 0) {
                return;
            }
            if (output.size() < most_output) {
                output.append(buffer, got);
            }
        }
    };
    const auto deadline = GetTickCount64() + static_cast<ULONGLONG>(timeout.count());
    DWORD waited = WAIT_TIMEOUT;
    while (waited == WAIT_TIMEOUT && GetTickCount64() < deadline) {
        drain();
        waited = WaitForSingleObject(process_handle.get(), 10);
    }
    drain();
    if (waited != WAIT_OBJECT_0) {
        TerminateProcess(process_handle.get(), 1);
        WaitForSingleObject(process_handle.get(), INFINITE);
        return CommandOutputFailure{"still running after " + std::to_string((timeout.count() + 999) / 1000) +
                                    " s, so it was stopped"};
    }
    DWORD status = 0;
    GetExitCodeProcess(process_handle.get(), &status);
    if (status != 0) {
        return CommandOutputFailure{"exited with status " + std::to_string(status)};
    }
    return output;
}

} // namespace backup_request::platform
