// Reading a whole text input named on the command line: a file path, or "-" for stdin.
#pragma once

#include <iosfwd>
#include <string>
#include <variant>

namespace backup_request {

struct ReadError {
    std::string message;
};

[[nodiscard]] std::variant<std::string, ReadError> read_text_input(const std::string& path, std::istream& in);

} // namespace backup_request
