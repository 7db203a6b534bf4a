// Reads lines with a hard size bound, so a huge line or a file without newlines cannot grow memory.
#include "backup_request/draft_stream.hpp"

#include <istream>
#include <string>

namespace backup_request {
namespace {

enum class LineStatus { ok, too_long, end };

// Reads up to '\n' into `line` (without it, and without a trailing '\r'). Past `limit` bytes, the rest of the
// line is read and dropped.
LineStatus read_bounded_line(std::streambuf& input, std::string& line, std::size_t limit) {
    line.clear();
    bool too_long = false;
    bool any = false;
    for (;;) {
        const auto c = input.sbumpc();
        if (c == std::streambuf::traits_type::eof()) {
            break;
        }
        any = true;
        if (c == '\n') {
            break;
        }
        if (line.size() < limit) {
            line.push_back(static_cast<char>(c));
        } else {
            too_long = true;
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
void read_whole_document(std::streambuf& input, std::string first, std::size_t first_line,
                         const std::function<void(DraftDocument&&)>& each) {
    std::string document = std::move(first);
    std::string line;
    bool every_line_an_object = starts_with_brace(document);
    for (;;) {
        const LineStatus status = read_bounded_line(input, line, max_draft_bytes);
        if (status == LineStatus::end) {
            break;
        }
        if (status == LineStatus::too_long || document.size() + line.size() + 1 > max_draft_bytes) {
            each({first_line, too_large(first_line)});
            while (read_bounded_line(input, line, 0) != LineStatus::end) {
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
    std::streambuf* input = in.rdbuf();
    if (input == nullptr) {
        return;
    }
    std::string line;
    std::size_t number = 0;
    bool first = true;
    for (;;) {
        const LineStatus status = read_bounded_line(*input, line, max_draft_bytes);
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
            read_whole_document(*input, std::move(line), number, each);
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
