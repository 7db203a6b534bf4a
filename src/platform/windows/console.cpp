// The process's start on Windows: binary standard streams, a UTF-8 console with ANSI sequences where it takes
// them, and the arguments from the wide command line (argv holds them in the ANSI code page).
#include "backup_request/platform/console.hpp"

#include "wide_text.hpp"

// clang-format off
#include <windows.h> // first: the other Windows headers build on its macros
// clang-format on
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>

namespace backup_request::platform {
namespace {

// Virtual-terminal processing on a console output, when the console has it (Windows 10 and later).
bool enable_terminal_sequences(DWORD which) {
    const HANDLE handle = GetStdHandle(which);
    DWORD mode = 0;
    if (handle == INVALID_HANDLE_VALUE || GetConsoleMode(handle, &mode) == 0) {
        return false;
    }
    return (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0 ||
           SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
}

} // namespace

ConsoleSetup prepare_console() {
    for (const int fd : {0, 1, 2}) {
        (void)_setmode(fd, _O_BINARY);
    }
    const bool utf8 = SetConsoleOutputCP(CP_UTF8) != 0;
    const bool sequences_out = enable_terminal_sequences(STD_OUTPUT_HANDLE);
    const bool sequences_err = enable_terminal_sequences(STD_ERROR_HANDLE);
    return ConsoleSetup{utf8 && (sequences_out || sequences_err)};
}

std::vector<std::string> command_line_arguments(int argc, char** argv) {
    int count = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
    if (wide == nullptr) {
        return {argv + 1, argv + argc};
    }
    std::vector<std::string> args;
    for (int i = 1; i < count; ++i) {
        args.push_back(to_utf8(wide[i]));
    }
    LocalFree(wide);
    return args;
}

} // namespace backup_request::platform
