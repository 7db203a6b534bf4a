// A core file that reaches for the command line: compiled as core code, it must not build.
#include "backup_request/cli/run.hpp"
