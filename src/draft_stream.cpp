// Reads lines with a hard size bound, so a huge line or a file without newlines cannot grow memory.
#include "backup_request/draft_stream.hpp"

#include <algorithm>
#include <cstring>
#include <istream>
#include <string>
#include <vector>

namespace backup_request {
namespace {

enum class LineStatus { ok, too_long, end };

// Reads lines from a stream buffer in 64 KiB blocks, found with memchr: NDJSON batches are read byte for
// byte, and this is the loop they go through. Past `limit` bytes, the rest of a line is read and dropped.
class LineReader {
  public:
    explicit LineReader(std::streambuf& input) : input_(input), block_(64 * 1024) {}

    LineStatus read(std::string& line, std::size_t limit) {
        line.clear();
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
            const std::size_t room = limit > line.size() ? limit - line.size() : 0;
            line.append(start, std::min(length, room));
            too_long = too_long || length > room;
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
        return too_long ? LineStatus::too_long : LineStatus::ok;
    }

  private:
    bool refill() {
        const std::streamsize got = input_.sgetn(block_.data(), static_cast<std::streamsize>(block_.size()));
        pos_ = 0;
        end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
        return end_ > 0;
    }

    std::streambuf& input_;
    std::vector<char> block_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
};

bool is_blank(const std::string& line) {
    return line.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

JsonError too_large(std::size_t line) {
    return JsonError{line, 1,
                     "larger than 1 MiB, the limit for a draft; split it up or shorten the justification"};
}

bool starts_with_brace(const std::string& line) {
    const auto first = line.find_first_not_of(" \t");
    return first != std::string::npos && line[first] == '{';
}

// The first line did not parse alone: the input is one (multi-line) document, or NDJSON with a broken first
// line.
void read_whole_document(LineReader& input, std::string first, std::size_t first_line,
                         const std::function<void(DraftDocument&&)>& each) {
    std::string document = std::move(first);
    std::string line;
    bool every_line_an_object = starts_with_brace(document);
    for (;;) {
        const LineStatus status = input.read(line, max_draft_bytes);
        if (status == LineStatus::end) {
            break;
        }
        if (status == LineStatus::too_long || document.size() + line.size() + 1 > max_draft_bytes) {
            each({first_line, too_large(first_line)});
            while (input.read(line, 0) != LineStatus::end) {
            }
            return;
        }
        every_line_an_object = every_line_an_object && (is_blank(line) || starts_with_brace(line));
        document += '\n';
        document += line;
    }
    auto parsed = parse_json_text(document);
    if (auto* error = std::get_if<JsonError>(&parsed)) {
        if (every_line_an_object) {
            std::size_t number = first_line;
            std::size_t start = 0;
            while (start <= document.size()) {
                const std::size_t end = std::min(document.find('\n', start), document.size());
                const std::string part = document.substr(start, end - start);
                if (!is_blank(part)) {
                    auto result = parse_json_text(part);
                    if (auto* line_error = std::get_if<JsonError>(&result)) {
                        line_error->line = number;
                    }
                    each({number, std::move(result)});
                }
                ++number;
                start = end + 1;
            }
            return;
        }
        error->line += first_line - 1;
    }
    each({first_line, std::move(parsed)});
}

} // namespace

void read_draft_documents(std::istream& in, const std::function<void(DraftDocument&&)>& each) {
    if (in.rdbuf() == nullptr) {
        return;
    }
    LineReader input(*in.rdbuf());
    std::string line;
    std::size_t number = 0;
    bool first = true;
    for (;;) {
        const LineStatus status = input.read(line, max_draft_bytes);
        if (status == LineStatus::end) {
            return;
        }
        ++number;
        if (status == LineStatus::too_long) {
            each({number, too_large(number)});
            first = false;
            continue;
        }
        if (is_blank(line)) {
            continue;
        }
        auto parsed = parse_json_text(line);
        if (first && std::holds_alternative<JsonError>(parsed)) {
            read_whole_document(input, std::move(line), number, each);
            return;
        }
        first = false;
        if (auto* error = std::get_if<JsonError>(&parsed)) {
            error->line = number;
        }
        each({number, std::move(parsed)});
    }
}

} // namespace backup_request
