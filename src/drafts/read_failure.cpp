// Turns a stream buffer's read failure into the words of strerror(3), with plainer ones for the common cases.
#include "backup_request/drafts/read_failure.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

namespace backup_request {

std::string read_failure_reason(const std::ios_base::failure& failure) {
    const std::error_code code = failure.code();
    if (code.category() != std::generic_category() && code.category() != std::system_category()) {
        return failure.what();
    }
    switch (code.value()) {
    case EBADF:
        return "it is closed";
    case EISDIR:
        return "it is a folder";
    default:
        return std::strerror(code.value());
    }
}

} // namespace backup_request
