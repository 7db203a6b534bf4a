// Checks on flag values that CLI11's own validators word poorly: an empty value, a number of days that is not
// a whole number. Each fails with one sentence that says what to give instead.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include <CLI/Error.hpp>
#include <CLI/Validators.hpp>
#include <string>

namespace backup_request {

// A value that must not be empty ("--now ''" is a mistake, not "use the clock").
[[nodiscard]] CLI::Validator non_empty(const std::string& example);

// A whole number from `min` to `max` of `unit` ("days"); "3.5" and "abc" are refused by name. Its description
// is the one CLI::Range gives, so --help reads as before.
[[nodiscard]] CLI::Validator whole_number_in(int min, int max, const std::string& unit);

} // namespace backup_request
