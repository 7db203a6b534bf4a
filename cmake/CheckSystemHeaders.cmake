# Fails the build when a source outside src/platform/ includes a system header: the calls that differ by system
# live behind the platform layer (include/backup_request/platform/), so a port touches that folder only.
#   cmake "-DSOURCES=a.cpp|b.hpp" -P CheckSystemHeaders.cmake
string(REPLACE "|" ";" SOURCES "${SOURCES}")
set(problems "")
foreach(source IN LISTS SOURCES)
  file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "<(unistd|fcntl|pthread|signal|termios|poll|dirent|dlfcn|pwd|io|direct|windows|winsock2|shlobj|shellapi|mach-o/[a-z_]+)\\.h>"
       OR line MATCHES "<(sys|arpa|netinet)/[a-z_]+\\.h>" OR line MATCHES "<csignal>")
      string(APPEND problems "\n  ${source}: ${line}")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "Only src/platform/ may include system headers; use include/backup_request/platform/:${problems}")
endif()
