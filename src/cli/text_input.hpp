// Reading a whole text input named on the command line: a file path, or "-" for stdin, never more than a
// limit, with read errors as values.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include <cstddef>
#include <iosfwd>
#include <string>
#include <variant>

namespace backup_request {

// The documented size limits of each input (docs/usage.md, docs/security.md).
inline constexpr std::size_t max_justification_file_bytes = std::size_t{64} * 1024;
inline constexpr std::size_t max_config_file_bytes = std::size_t{64} * 1024;

struct ReadError {
    std::string message; // "cannot read 'x.json': Input/output error", "'x' is larger than 64 KiB, ..."
    bool too_large = false;
};

// The whole input, read in blocks; past `limit` bytes reading stops with an error, so /dev/zero cannot grow
// memory.
[[nodiscard]] std::variant<std::string, ReadError> read_text_input(const std::string& path, std::istream& in,
                                                                   std::size_t limit);

// "'draft.json'", or "stdin" for "-".
[[nodiscard]] std::string display_name(const std::string& path);

// "1 MiB", "64 KiB", "512 bytes".
[[nodiscard]] std::string size_text(std::size_t bytes);

} // namespace backup_request
