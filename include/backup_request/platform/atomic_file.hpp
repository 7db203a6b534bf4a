// Replacing a file all at once: a temporary file beside it, flushed to the disk, renamed over it, with
// interrupts held off in between, so that an interrupted or failed run leaves the old file or the whole new
// one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace backup_request::platform {

enum class AtomicStep {
    create_temporary, // the folder does not take a new file
    write,            // writing, flushing or closing the temporary file
    rename,           // putting it in place; EEXIST when `replace` was false and a file appeared
};

struct AtomicFailure {
    AtomicStep step;
    int error; // an errno value
};

// Writes `content` to `path` (UTF-8) atomically. With `replace`, an existing file is replaced (its
// permissions kept, where the system has them); without, the rename fails with EEXIST if a file is there.
// Nothing of the temporary file is left after a failure.
[[nodiscard]] std::optional<AtomicFailure> write_file_atomically(const std::string& path,
                                                                 std::string_view content, bool replace);

} // namespace backup_request::platform
