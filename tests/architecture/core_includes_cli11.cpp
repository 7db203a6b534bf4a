// A core file that includes CLI11: the boundary check must refuse it.
#include <CLI/CLI.hpp>
