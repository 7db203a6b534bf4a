// Reads lines with a hard size bound, so a huge line or a file without newlines cannot grow memory.
#include "backup_request/drafts/draft_stream.hpp"

#include "backup_request/drafts/read_failure.hpp"

#include <algorithm>
#include <cstring>
#include <ios>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {
namespace {

enum class LineStatus { ok, too_long, end };

// Reads lines from a stream buffer in 64 KiB blocks, found with memchr: NDJSON batches are read byte for
// byte, and this is the loop they go through. Past `limit` bytes, the rest of a line is read and dropped.
class LineReader {
  public:
    explicit LineReader(std::streambuf& input) : input_(input), block_(std::size_t{64} * 1024) {}

    LineStatus read(std::string& line, std::size_t limit) {
        line.clear();
        if (stopped_) {
            return LineStatus::end;
        }
        bool too_long = false;
        bool any = false;
        for (;;) {
            if (pos_ == end_ && !refill()) {
                break;
            }
            any = true;
            const char* start = block_.data() + pos_;
            const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            const std::size_t length =
                newline == nullptr ? end_ - pos_ : static_cast<std::size_t>(newline - start);
            // One byte more than the limit, so a line of exactly `limit` bytes can still end in '\r'.
            const std::size_t room = limit + 1 > line.size() ? limit + 1 - line.size() : 0;
            line.append(start, std::min(length, room));
            too_long = too_long || length > room;
            if (too_long) {
                // Past the limit the input ends here: the rest of an endless line (/dev/zero) is never read.
                stopped_ = true;
                break;
            }
            pos_ += length;
            if (newline != nullptr) {
                ++pos_;
                break;
            }
        }
        if (!any) {
            return LineStatus::end;
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        // The limit is on the line's content: its line end, LF or CRLF, is not counted.
        too_long = too_long || line.size() > limit;
        if (too_long) {
            line.resize(std::min(line.size(), limit));
            stopped_ = true;
        }
        return too_long ? LineStatus::too_long : LineStatus::ok;
    }

    // Why reading stopped early, if a read failed ("Input/output error").
    [[nodiscard]] const std::optional<std::string>& failure() const { return failure_; }

  private:
    bool refill() {
        std::streamsize got = 0;
        if (!failure_) {
            try {
                got = input_.sgetn(block_.data(), static_cast<std::streamsize>(block_.size()));
            } catch (const std::ios_base::failure& error) {
                // The input's buffer throws when a read fails; the input ends there.
                failure_ = read_failure_reason(error);
            }
        }
        pos_ = 0;
        end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
        return end_ > 0;
    }

    std::streambuf& input_;
    std::vector<char> block_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::optional<std::string> failure_;
    bool stopped_ = false;
};

bool is_blank(const std::string& line) {
    return line.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

JsonError too_large(std::size_t line) {
    return JsonError{line, 1,
                     "larger than 1 MiB, the limit for a draft; split it up or shorten the justification",
                     "draft-too-large"};
}

bool starts_with_brace(const std::string& line) {
    const auto first = line.find_first_not_of(" \t");
    return first != std::string::npos && line[first] == '{';
}

// One NDJSON line: taken by the plain reader, or a document of its own, or its error, reported at its line
// number.
void emit_line(const std::string& line, std::size_t number, LineStatus status, const DraftVisitor& visit) {
    if (status == LineStatus::too_long) {
        visit.each({number, too_large(number), {}});
        return;
    }
    if (is_blank(line) || (visit.take_plain && visit.take_plain(number, line))) {
        return;
    }
    std::vector<std::string> duplicates;
    auto parsed = parse_json_text(line, &duplicates);
    if (auto* error = std::get_if<JsonError>(&parsed)) {
        error->line = number;
    }
    visit.each({number, std::move(parsed), std::move(duplicates)});
}

// Reads the rest of the input as NDJSON, one line at a time.
void stream_lines(LineReader& input, std::size_t number, const DraftVisitor& visit) {
    std::string line;
    for (;;) {
        const LineStatus status = input.read(line, max_draft_bytes);
        if (status == LineStatus::end) {
            return;
        }
        emit_line(line, ++number, status, visit);
    }
}

// Where a JSON text's nesting stands after each line: brackets outside strings counted, so the end of a
// pretty-printed document is the line that brings the depth back to zero.
class NestingDepth {
  public:
    void feed(std::string_view line) {
        for (const char c : line) {
            if (in_string_) {
                if (escaped_) {
                    escaped_ = false;
                } else if (c == '\\') {
                    escaped_ = true;
                } else if (c == '"') {
                    in_string_ = false;
                }
            } else if (c == '"') {
                in_string_ = true;
            } else if (c == '{' || c == '[') {
                ++depth_;
            } else if (c == '}' || c == ']') {
                --depth_;
            }
        }
    }
    [[nodiscard]] bool closed() const { return depth_ <= 0 && !in_string_; }
    void reset() { *this = NestingDepth{}; }

  private:
    long depth_ = 0;
    bool in_string_ = false;
    bool escaped_ = false;
};

// One document of a sequence, or its error, at the line it starts on.
void emit_document(const std::string& document, std::size_t first_line, const DraftVisitor& visit) {
    std::vector<std::string> duplicates;
    auto parsed = parse_json_text(document, &duplicates);
    if (auto* error = std::get_if<JsonError>(&parsed)) {
        error->line += first_line - 1;
    }
    visit.each({first_line, std::move(parsed), std::move(duplicates)});
}

// A document of a sequence at its end: judged, or reported as too large.
void finish_document(const std::string& document, std::size_t first_line, bool too_long,
                     const DraftVisitor& visit) {
    if (too_long) {
        visit.each({first_line, too_large(first_line), {}});
    } else {
        emit_document(document, first_line, visit);
    }
}

// After a first document that parsed: more documents, one after another (`cat drafts/*.json`), pretty or
// compact; each ends on the line that closes its brackets and is judged at the line it starts on.
void stream_documents(LineReader& input, std::size_t number, const DraftVisitor& visit) {
    std::string line;
    std::string document;
    std::size_t first_line = 0;
    bool too_long = false;
    NestingDepth depth;
    for (;;) {
        const LineStatus status = input.read(line, max_draft_bytes);
        if (status == LineStatus::end) {
            break;
        }
        ++number;
        if (first_line == 0) {
            if (is_blank(line)) {
                continue;
            }
            first_line = number;
        }
        depth.feed(line);
        too_long = too_long || status == LineStatus::too_long ||
                   document.size() + line.size() + (document.empty() ? 0 : 1) > max_draft_bytes;
        if (!too_long) {
            document += document.empty() ? "" : "\n";
            document += line;
        }
        if (depth.closed()) {
            finish_document(document, first_line, too_long, visit);
            document.clear();
            first_line = 0;
            too_long = false;
            depth.reset();
        }
    }
    if (first_line != 0) {
        finish_document(document, first_line, too_long, visit);
    }
}

// Whether a line is a JSON object on its own (NDJSON's shape).
bool is_object_alone(const std::string& line) {
    const auto alone = parse_json_text(line);
    const auto* value = std::get_if<nlohmann::json>(&alone);
    return value != nullptr && value->is_object();
}

// One (pretty-printed) document past the limit: one error for it, and the rest of the input dropped.
void too_large_document(LineReader& input, std::size_t first_line, const DraftVisitor& visit) {
    visit.each({first_line, too_large(first_line), {}});
    std::string rest;
    while (input.read(rest, max_draft_bytes) != LineStatus::end) {
    }
}

// The lines so far, judged when they are a whole document; false (and nothing judged) when they do not parse.
bool judged_if_whole(const std::vector<std::string>& lines, std::size_t first_line,
                     const DraftVisitor& visit) {
    std::string document;
    for (const auto& part : lines) {
        document += part;
        document += '\n';
    }
    std::vector<std::string> duplicates;
    auto parsed = parse_json_text(document, &duplicates);
    if (!std::holds_alternative<nlohmann::json>(parsed)) {
        return false;
    }
    visit.each({first_line, std::move(parsed), std::move(duplicates)});
    return true;
}

// The first line did not parse alone: the input is one (multi-line) document, several of them one after
// another, or NDJSON with a broken first line. Up to 1 MiB is gathered to tell: one document that parses, or
// a broken one whose lines are not all objects, is one draft; otherwise (and always past 1 MiB, which no
// single draft may be) the lines are NDJSON after all.
void read_whole_document(LineReader& input, std::string first, std::size_t first_line,
                         const DraftVisitor& visit) {
    std::vector<std::string> lines;
    std::size_t size = first.size();
    NestingDepth depth;
    depth.feed(first);
    lines.push_back(std::move(first));
    bool every_line_an_object = starts_with_brace(lines.front());
    bool a_later_line_is_an_object = false;
    std::string line;
    const auto as_ndjson = [&]() {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            emit_line(lines[i], first_line + i, LineStatus::ok, visit);
        }
    };
    for (;;) {
        const LineStatus status = input.read(line, max_draft_bytes);
        if (status == LineStatus::end) {
            break;
        }
        if (status == LineStatus::too_long || size + line.size() + 1 > max_draft_bytes) {
            if (!every_line_an_object && !a_later_line_is_an_object) {
                too_large_document(input, first_line, visit);
                return;
            }
            as_ndjson();
            const std::size_t number = first_line + lines.size();
            emit_line(line, number, status, visit);
            stream_lines(input, number, visit);
            return;
        }
        every_line_an_object = every_line_an_object && (is_blank(line) || starts_with_brace(line));
        a_later_line_is_an_object =
            a_later_line_is_an_object || (starts_with_brace(line) && is_object_alone(line));
        size += line.size() + 1;
        lines.push_back(line);
        const bool was_open = !depth.closed();
        depth.feed(line);
        // Tried once per closing bracket that ends a pretty-printed shape, so a broken input is never parsed
        // again and again as it grows.
        if (was_open && depth.closed() && !every_line_an_object && !a_later_line_is_an_object &&
            judged_if_whole(lines, first_line, visit)) {
            // A whole document, with more to follow.
            stream_documents(input, first_line + lines.size() - 1, visit);
            return;
        }
    }
    std::string document;
    document.reserve(size);
    for (const auto& part : lines) {
        document += part;
        document += '\n';
    }
    std::vector<std::string> duplicates;
    auto parsed = parse_json_text(document, &duplicates);
    if (auto* error = std::get_if<JsonError>(&parsed)) {
        if (every_line_an_object || a_later_line_is_an_object) {
            as_ndjson();
            return;
        }
        error->line += first_line - 1;
    }
    visit.each({first_line, std::move(parsed), std::move(duplicates)});
}

// The first line decides: a JSON value alone means NDJSON; otherwise the input is one document, or NDJSON
// with a broken first line.
void read_documents(LineReader& input, const DraftVisitor& visit) {
    std::string line;
    std::size_t number = 0;
    for (;;) {
        const LineStatus status = input.read(line, max_draft_bytes);
        if (status == LineStatus::end) {
            return;
        }
        ++number;
        if (status == LineStatus::too_long) {
            emit_line(line, number, status, visit);
            stream_lines(input, number, visit);
            return;
        }
        // Editors on Windows start UTF-8 files with a byte order mark; it is not part of any draft.
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.erase(0, 3);
        }
        if (is_blank(line)) {
            continue;
        }
        // A plain draft is a JSON value alone on its line: the input is NDJSON.
        if (visit.take_plain && visit.take_plain(number, line)) {
            stream_lines(input, number, visit);
            return;
        }
        std::vector<std::string> duplicates;
        auto parsed = parse_json_text(line, &duplicates);
        if (std::holds_alternative<JsonError>(parsed)) {
            read_whole_document(input, std::move(line), number, visit);
            return;
        }
        visit.each({number, std::move(parsed), std::move(duplicates)});
        stream_lines(input, number, visit);
        return;
    }
}

} // namespace

std::size_t draft_content_size(std::string_view text) {
    std::size_t size = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto newline = text.find('\n', start);
        std::string_view line =
            text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        size += (start == 0 ? 0 : 1) + line.size();
        if (newline == std::string_view::npos) {
            break;
        }
        start = newline + 1;
    }
    return size;
}

std::optional<std::string> read_draft_documents(std::istream& in, const DraftVisitor& visit) {
    if (in.rdbuf() == nullptr) {
        return std::nullopt;
    }
    LineReader input(*in.rdbuf());
    read_documents(input, visit);
    return input.failure();
}

std::optional<std::string> read_draft_documents(std::istream& in,
                                                const std::function<void(DraftDocument&&)>& each) {
    return read_draft_documents(in, DraftVisitor{{}, each});
}

} // namespace backup_request
