// Splitting an input into draft documents: one JSON object, or NDJSON (one object per line), read as a
// stream.
#pragma once

#include "backup_request/drafts/json_text.hpp"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

// A draft or NDJSON line larger than this is reported, skipped, and the stream goes on.
inline constexpr std::size_t max_draft_bytes = std::size_t{1} << 20U;

// The most bytes a file holding a draft within the limit can have: every content byte a line end, written
// CRLF.
inline constexpr std::size_t max_draft_file_bytes = 2 * max_draft_bytes + 2;

// The size that `max_draft_bytes` limits, the same for every command that reads drafts: the draft's lines
// joined by one LF, whatever line ends the file has (LF or CRLF), and without a final line end.
[[nodiscard]] std::size_t draft_content_size(std::string_view text);

struct DraftDocument {
    std::size_t line = 1; // where the document starts, 1-based
    JsonParseResult parsed;
    std::vector<std::string> duplicate_keys; // JSON Pointers of repeated keys
};

// What a reader of drafts does with each one.
struct DraftVisitor {
    // Offered each line of NDJSON (and a single-line document) before it is parsed into a DOM; returns true
    // when it has judged the line itself. Only ever true for well-formed JSON, so the input's shape is read
    // as it would be without it. May be empty.
    std::function<bool(std::size_t line, std::string_view text)> take_plain;
    std::function<void(DraftDocument&&)> each; // every other document, parsed, or its error
};

// Calls `each` for every document, in order, as soon as it is read: NDJSON never holds more than one line in
// memory. The input is NDJSON when its first non-blank line is a JSON value on its own; otherwise it is one
// document (or, when that fails to parse and every line starts with '{' or a later line is a JSON object on
// its own, NDJSON with broken lines).
// Returns why reading stopped early when a read failed ("Input/output error"); the documents read before it
// have been passed to `each`.
[[nodiscard]] std::optional<std::string>
read_draft_documents(std::istream& in, const std::function<void(DraftDocument&&)>& each);
[[nodiscard]] std::optional<std::string> read_draft_documents(std::istream& in, const DraftVisitor& visit);

} // namespace backup_request
