# Warnings as an INTERFACE target, linked PRIVATE, so only our own code is held to them.
add_library(backup_request_warnings INTERFACE)
target_compile_options(backup_request_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(BACKUP_REQUEST_WERROR)
  target_compile_options(backup_request_warnings INTERFACE -Werror)
endif()
# g++ 12 at -O3 reports -Wrestrict on ordinary `"text" + std::string` (GCC bug 105329, a false positive in
# libstdc++'s inlined string code); Release builds would fail with -Werror for no fault of ours.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(backup_request_warnings INTERFACE -Wno-restrict)
endif()
