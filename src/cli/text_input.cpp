// Reads a file or stdin whole, in blocks and under a limit; errors are messages for exit code 3.
#include "text_input.hpp"

#include "backup_request/cli/standard_streams.hpp"
#include "backup_request/drafts/read_failure.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"

#include <array>
#include <ios>
#include <istream>

namespace backup_request {

std::string display_name(const std::string& path) {
    return path == "-" ? std::string("stdin") : "'" + path + "'";
}

namespace {

std::variant<std::string, ReadError> read_limited(std::streambuf& input, const std::string& path,
                                                  std::size_t limit) {
    std::string content;
    std::array<char, std::size_t{64} * 1024> block{};
    for (;;) {
        std::streamsize got = 0;
        try {
            got = input.sgetn(block.data(), static_cast<std::streamsize>(block.size()));
        } catch (const std::ios_base::failure& failure) {
            return ReadError{"cannot read " + display_name(path) + ": " + read_failure_reason(failure)};
        }
        if (got <= 0) {
            return content;
        }
        if (content.size() + static_cast<std::size_t>(got) > limit) {
            return ReadError{display_name(path) + " is larger than " + size_text(limit) +
                                 ", the limit for this input",
                             true};
        }
        content.append(block.data(), static_cast<std::size_t>(got));
    }
}

} // namespace

std::string size_text(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20U) && bytes % (std::size_t{1} << 20U) == 0) {
        return std::to_string(bytes >> 20U) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
        return std::to_string(bytes / 1024) + " KiB";
    }
    return std::to_string(bytes) + " bytes";
}

std::variant<std::string, ReadError> read_text_input(const std::string& path, std::istream& in,
                                                     std::size_t limit) {
    if (path == "-") {
        if (in.rdbuf() == nullptr) {
            return ReadError{"cannot read stdin"};
        }
        return read_limited(*in.rdbuf(), path, limit);
    }
    if (platform::path_status(path).kind == platform::FileKind::folder) {
        return ReadError{"cannot read '" + path + "': it is a folder"};
    }
    const auto opened = platform::open_for_reading(path);
    if (opened.fd < 0) {
        return ReadError{"cannot read '" + path + "': " + platform::error_text(opened.error)};
    }
    DescriptorInput file(opened.fd, false, DescriptorInput::Ownership::owned);
    return read_limited(file, path, limit);
}

} // namespace backup_request
