// Writing the payload to --output: all or nothing, never a half-written or lost file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

struct OutputFileOptions {
    bool force = false; // replace an existing regular file
};

// Regular files (new or, with force, existing) are written to a temporary file in the same folder, flushed to
// disk, then renamed over the target. Anything else that exists (a FIFO, /dev/stdout, a terminal) is written
// directly. Returns a one-line message on failure; then the old file is untouched and no temporary file is
// left.
[[nodiscard]] std::optional<std::string> write_output_file(const std::string& path, std::string_view content,
                                                           const OutputFileOptions& options);

} // namespace backup_request
