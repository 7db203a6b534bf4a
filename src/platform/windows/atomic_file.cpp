// Atomic replacement on Windows: a new temporary file (CREATE_NEW) beside the target, FlushFileBuffers, then
// MoveFileExW with MOVEFILE_WRITE_THROUGH, replacing only when asked (without MOVEFILE_REPLACE_EXISTING it
// fails on an existing file). Ctrl+C is held off meanwhile: it arrives on a thread of its own, not as a
// signal.
#include "backup_request/platform/atomic_file.hpp"

#include "backup_request/platform/folders.hpp"
#include "wide_text.hpp"

#include <atomic>
#include <cerrno>
#include <windows.h>

namespace backup_request::platform {
namespace {

std::size_t last_separator(const std::string& path) {
    return path.find_last_of("/\\");
}

std::string name_of(const std::string& path) {
    const auto slash = last_separator(path);
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

class CtrlCHeldOff {
  public:
    CtrlCHeldOff() : held_(SetConsoleCtrlHandler(nullptr, TRUE) != 0) {}
    ~CtrlCHeldOff() {
        if (held_) {
            SetConsoleCtrlHandler(nullptr, FALSE);
        }
    }
    CtrlCHeldOff(const CtrlCHeldOff&) = delete;
    CtrlCHeldOff& operator=(const CtrlCHeldOff&) = delete;

  private:
    bool held_;
};

// A handle closed when it goes out of scope.
class FileHandle {
  public:
    explicit FileHandle(HANDLE handle) : handle_(handle) {}
    ~FileHandle() { close(); }
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    [[nodiscard]] HANDLE get() const { return handle_; }
    bool close() {
        const bool ok = handle_ == INVALID_HANDLE_VALUE || CloseHandle(handle_) != 0;
        handle_ = INVALID_HANDLE_VALUE;
        return ok;
    }

  private:
    HANDLE handle_;
};

int last_error() {
    return errno_from_windows(GetLastError());
}

int write_all(HANDLE handle, std::string_view content) {
    while (!content.empty()) {
        DWORD written = 0;
        const auto chunk = static_cast<DWORD>(std::min<std::size_t>(content.size(), std::size_t{1} << 30U));
        if (WriteFile(handle, content.data(), chunk, &written, nullptr) == 0) {
            return last_error();
        }
        content.remove_prefix(written);
    }
    return 0;
}

} // namespace

std::optional<AtomicFailure> write_file_atomically(const std::string& path, std::string_view content,
                                                   bool replace) {
    const CtrlCHeldOff held_off;
    static std::atomic<unsigned> counter{0};
    std::wstring temporary;
    HANDLE created = INVALID_HANDLE_VALUE;
    for (int attempt = 0; attempt < 100 && created == INVALID_HANDLE_VALUE; ++attempt) {
        temporary = to_wide(join_path(parent_folder(path), "." + name_of(path) + ".tmp-" +
                                                               std::to_string(GetCurrentProcessId()) + "-" +
                                                               std::to_string(counter++)));
        created = CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL,
                              nullptr);
        if (created == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS) {
            return AtomicFailure{AtomicStep::create_temporary, last_error()};
        }
    }
    if (created == INVALID_HANDLE_VALUE) {
        return AtomicFailure{AtomicStep::create_temporary, EEXIST};
    }
    FileHandle file(created);
    const auto fail = [&](AtomicStep step, int error) {
        file.close();
        DeleteFileW(temporary.c_str());
        return AtomicFailure{step, error};
    };
    if (const int error = write_all(file.get(), content); error != 0) {
        return fail(AtomicStep::write, error);
    }
    if (FlushFileBuffers(file.get()) == 0 || !file.close()) {
        return fail(AtomicStep::write, last_error());
    }
    const DWORD flags = MOVEFILE_WRITE_THROUGH | (replace ? MOVEFILE_REPLACE_EXISTING : 0);
    if (MoveFileExW(temporary.c_str(), to_wide(path).c_str(), flags) == 0) {
        return fail(AtomicStep::rename, last_error());
    }
    return std::nullopt;
}

} // namespace backup_request::platform
