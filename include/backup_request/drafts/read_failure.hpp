// Why a read from a stream failed, in words for a message.
#pragma once

#include <ios>
#include <string>

namespace backup_request {

// The reason from the exception a stream buffer throws when a read fails (EIO, EISDIR, EBADF): the command
// line's DescriptorInput throws it with the errno on every system and C++ library. "Input/output error",
// "it is a folder", "it is closed".
[[nodiscard]] std::string read_failure_reason(const std::ios_base::failure& failure);

} // namespace backup_request
