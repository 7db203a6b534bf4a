# Cross-building for Windows x86-64 with Debian's MinGW-w64 (g++-mingw-w64-x86-64-posix: the POSIX thread
# model, which std::thread and std::mutex need). Dependencies come from the prefix that
# scripts/build-deps.sh windows makes (BACKUP_REQUEST_DEPS, default .cache/deps/windows), never from the
# host's /usr; tests run under Wine's 64-bit loader.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

if(NOT BACKUP_REQUEST_DEPS)
  set(BACKUP_REQUEST_DEPS "${CMAKE_CURRENT_LIST_DIR}/../../.cache/deps/windows")
endif()
get_filename_component(BACKUP_REQUEST_DEPS "${BACKUP_REQUEST_DEPS}" ABSOLUTE)
set(BACKUP_REQUEST_DEPS "${BACKUP_REQUEST_DEPS}" CACHE PATH "The dependency prefix of scripts/build-deps.sh")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES BACKUP_REQUEST_DEPS)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 "${BACKUP_REQUEST_DEPS}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# One .exe that needs only the DLLs every Windows has: the C++ runtime and winpthreads linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
# <windows.h> (pulled in by header-only spdlog and date) must not define min/max or the rest of its macros.
add_compile_definitions(WIN32_LEAN_AND_MEAN NOMINMAX _WIN32_WINNT=0x0A00)

# Tests, the man page and the completions run the .exe under Wine, through scripts/wine-run.sh (Debian's
# wine64 keeps the 64-bit loader off PATH, and the `wine` wrapper prints a notice on every run).
if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/../../scripts/wine-run.sh")
endif()
