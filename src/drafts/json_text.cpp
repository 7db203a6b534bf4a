// nlohmann::json::parse behind a value-returning interface, with a nesting limit checked before it recurses.
#include "backup_request/drafts/json_text.hpp"

#include "backup_request/text/utf8_text.hpp"
#include "draft_fields.hpp"

#include <set>

namespace backup_request {
namespace {

struct Position {
    std::size_t line;
    std::size_t column;
};

Position position_of(std::string_view text, std::size_t offset) {
    Position position{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

// The byte offset where nesting first goes deeper than the limit, outside strings.
std::optional<std::size_t> find_excess_depth(std::string_view text) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth) {
                return i;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

std::string without_exception_prefix(std::string message) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> "syntax error
    // ..."
    // "[json.exception.out_of_range.406] number overflow ..." -> "number overflow ..."
    if (message.starts_with("[json.exception.")) {
        if (const auto bracket = message.find("] "); bracket != std::string::npos) {
            message.erase(0, bracket + 2);
        }
        if (message.starts_with("parse error")) {
            if (const auto colon = message.find(": "); colon != std::string::npos) {
                message.erase(0, colon + 2);
            }
        }
    }
    return message;
}

// A SAX handler that accepts every event and keeps the parse error, which nlohmann hands it without throwing.
struct ErrorCatcher : nlohmann::json_sax<nlohmann::json> {
    std::size_t byte = 0;
    std::string message = "syntax error";

    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool number_integer(number_integer_t /*value*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
    bool string(string_t& /*value*/) override { return true; }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*size*/) override { return true; }
    bool key(string_t& /*value*/) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t /*size*/) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) override {
        byte = position;
        message = error.what();
        return false;
    }
};

// Follows the parse through nlohmann's callback to find keys repeated within one object.
class DuplicateKeyFinder {
  public:
    explicit DuplicateKeyFinder(std::vector<std::string>& found) : found_(found) {}

    bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        switch (event) {
        case Event::object_start:
        case Event::array_start:
            frames_.push_back({event == Event::object_start, {}, {}, 0});
            break;
        case Event::object_end:
        case Event::array_end:
            frames_.pop_back();
            count_element();
            break;
        case Event::key: {
            auto& frame = frames_.back();
            frame.key = parsed.get<std::string>();
            if (!frame.keys.insert(frame.key).second) {
                found_.push_back(pointer() + "/" + escape_pointer_token(frame.key));
            }
            break;
        }
        case Event::value:
            count_element();
            break;
        }
        return true;
    }

  private:
    struct Frame {
        bool object;
        std::set<std::string> keys;
        std::string key;
        std::size_t index;
    };

    void count_element() {
        if (!frames_.empty() && !frames_.back().object) {
            ++frames_.back().index;
        }
    }

    // The pointer of the innermost object, from the keys and indexes of the frames around it.
    [[nodiscard]] std::string pointer() const {
        std::string out;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
            out += "/" + (frames_[i].object ? escape_pointer_token(frames_[i].key) : std::to_string(frames_[i].index));
        }
        return out;
    }

    std::vector<std::string>& found_;
    std::vector<Frame> frames_;
};

} // namespace

JsonParseResult parse_json_text(std::string_view text, std::vector<std::string>* duplicate_keys) {
    if (const auto offset = find_invalid_utf8(text)) {
        const auto where = position_of(text, *offset);
        return JsonError{where.line, where.column, "invalid UTF-8; save the file as UTF-8"};
    }
    // nlohmann's parser takes a NUL byte for the end of the text; JSON never holds a raw one.
    if (const auto offset = text.find('\0'); offset != std::string_view::npos) {
        const auto where = position_of(text, offset);
        return JsonError{where.line, where.column, "a NUL byte, which JSON text cannot hold"};
    }
    if (const auto offset = find_excess_depth(text)) {
        const auto where = position_of(text, *offset);
        return JsonError{where.line, where.column,
                         "nested more than " + std::to_string(max_json_depth) +
                             " levels deep; a draft is a flat object"};
    }
    try {
        // Without exceptions first: a batch may hold many broken lines, and a throw per line costs more than
        // parsing again to learn where and why.
        auto value = duplicate_keys == nullptr
                         ? nlohmann::json::parse(text, nullptr, false)
                         : nlohmann::json::parse(text, DuplicateKeyFinder(*duplicate_keys), false);
        if (!value.is_discarded()) {
            return value;
        }
        if (duplicate_keys != nullptr) {
            duplicate_keys->clear();
        }
        ErrorCatcher catcher;
        (void)nlohmann::json::sax_parse(text, &catcher);
        const auto where = position_of(text, catcher.byte == 0 ? 0 : catcher.byte - 1);
        return JsonError{where.line, where.column, without_exception_prefix(catcher.message)};
    } catch (const nlohmann::json::out_of_range& error) {
        // A number too large for a double (1e100000): valid JSON, but no value this tool could use.
        return JsonError{1, 1, without_exception_prefix(error.what())};
    }
}

} // namespace backup_request
