// A command-line file that reaches for a system header instead of the platform layer: the check must refuse it.
#include <unistd.h>
