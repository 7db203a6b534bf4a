# Warnings as an INTERFACE target, linked PRIVATE, so only our own code is held to them.
add_library(backup_request_warnings INTERFACE)
target_compile_options(backup_request_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(BACKUP_REQUEST_WERROR)
  target_compile_options(backup_request_warnings INTERFACE -Werror)
endif()
