// Why a read from a stream failed, in words for a message.
#pragma once

#include <ios>
#include <string>

namespace backup_request {

// The reason from an exception of the standard library's stream buffers: libstdc++ throws from a file buffer
// when read(2) fails (EIO, EISDIR, EBADF), whatever the stream's exception mask. "Input/output error",
// "it is a folder", "it is closed".
[[nodiscard]] std::string read_failure_reason(const std::ios_base::failure& failure);

} // namespace backup_request
