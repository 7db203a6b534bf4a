// The rules of --output over the platform's atomic write: what is replaced, what is refused, what is written
// in place, and the one-line message for each failure.
#include "backup_request/output/output_file.hpp"

#include "backup_request/platform/atomic_file.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/text/ascii_text.hpp"

#include <cerrno>

namespace backup_request {
namespace {

using platform::error_text;

std::string already_exists(const std::string& path) {
    return quoted(path) + " already exists: pass --force to replace it, or choose another --output path";
}

// A FIFO, a device or a terminal: written in place, as a shell's redirection would.
std::optional<std::string> write_in_place(const std::string& path, std::string_view content) {
    const auto opened = platform::open_for_appending(path);
    if (opened.fd < 0) {
        return "cannot open " + quoted(path) + ": " + error_text(opened.error);
    }
    int error = 0;
    while (!content.empty() && error == 0) {
        const auto sent = platform::write_some(opened.fd, content.data(), content.size());
        error = sent.error;
        content.remove_prefix(sent.bytes);
    }
    const int close_error = platform::close_descriptor(opened.fd);
    if (error == 0) {
        error = close_error;
    }
    if (error != 0) {
        return "cannot write " + quoted(path) + ": " + error_text(error);
    }
    return std::nullopt;
}

std::optional<std::string> write_whole(const std::string& path, std::string_view content, bool replacing,
                                       bool force) {
    const auto failure = platform::write_file_atomically(path, content, force);
    if (!failure) {
        return std::nullopt;
    }
    switch (failure->step) {
    case platform::AtomicStep::create_temporary:
        return "cannot write to the folder " + quoted(platform::parent_folder(path)) + ": " +
               error_text(failure->error);
    case platform::AtomicStep::rename:
        if (!force) {
            return failure->error == EEXIST
                       ? already_exists(path)
                       : "cannot write " + quoted(path) + ": " + error_text(failure->error);
        }
        break;
    case platform::AtomicStep::write:
        break;
    }
    return "cannot write " + quoted(path) + ": " + error_text(failure->error) +
           (replacing ? " (the existing file is unchanged)" : "");
}

} // namespace

std::optional<std::string> write_output_file(const std::string& path, std::string_view content,
                                             const OutputFileOptions& options) {
    if (path.empty()) {
        return std::string("the --output path is empty: give a file name, or leave --output out for stdout");
    }
    // A symbolic link stays a link: the file it leads to is the one replaced, beside itself, and a link to a
    // device or a pipe (/proc/self/fd/1) is written in place like the device.
    const auto destination = platform::link_destination(path);
    if (destination.error != 0) {
        return "cannot follow the link " + quoted(path) + ": " + error_text(destination.error);
    }
    const std::string& target = destination.path;
    const auto status = platform::path_status(target);
    if (status.error != 0) {
        return "cannot write " + quoted(path) + ": " + error_text(status.error);
    }
    const bool exists = status.kind != platform::FileKind::missing;
    if (status.kind == platform::FileKind::folder) {
        return quoted(path) + " is a folder: give a file name for --output";
    }
    // A device may not show in a file status at all (NUL on Windows).
    if (status.kind == platform::FileKind::other || platform::is_device_path(target)) {
        return write_in_place(target, content);
    }
    if (exists && !options.force) {
        return already_exists(path);
    }
    return write_whole(target, content, exists, options.force);
}

} // namespace backup_request
