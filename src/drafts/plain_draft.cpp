// simdjson's On-Demand API over the fields of a plain draft. Every value is consumed (strings unescaped,
// numbers parsed, the end of the text checked), so nothing it accepts has gone unvalidated; on any error,
// unknown key, repeated key or unexpected type it declines, and the DOM path gives the message.
#include "backup_request/drafts/plain_draft.hpp"

#include "backup_request/output/payload.hpp"

#include <array>
#include <simdjson.h>
#include <string>

namespace backup_request {
namespace {

namespace ondemand = simdjson::ondemand;

// The top-level keys a plain draft may hold, each at most once.
enum class Key : unsigned {
    point_in_time,
    time_zone,
    environments,
    justification,
    contact,
    reference,
    retention,
    schema_version,
    request_type,
    example,
    count,
};

constexpr std::array<std::string_view, static_cast<std::size_t>(Key::count)> key_names = {
    "point_in_time", "time_zone", "environments",   "justification", "contact",
    "reference",     "retention", "schema_version", "request_type",  "example"};

std::optional<Key> key_of(std::string_view name) {
    for (std::size_t i = 0; i < key_names.size(); ++i) {
        if (key_names[i] == name) {
            return static_cast<Key>(i);
        }
    }
    return std::nullopt;
}

// Null is consumed and reported as true; any other value is left for the caller.
bool take_null(ondemand::value& value, bool& was_null) {
    ondemand::json_type type{};
    if (value.type().get(type) != simdjson::SUCCESS) {
        return false;
    }
    was_null = type == ondemand::json_type::null;
    if (!was_null) {
        return true;
    }
    bool is_null = false;
    return value.is_null().get(is_null) == simdjson::SUCCESS && is_null;
}

// A string or null (absent), as string_field reads it.
bool read_text(ondemand::value value, std::optional<std::string>& out) {
    bool was_null = false;
    if (!take_null(value, was_null)) {
        return false;
    }
    if (was_null) {
        out.reset();
        return true;
    }
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) {
        return false;
    }
    if (out) {
        out->assign(text); // the reader's draft is reused: its strings keep their capacity
    } else {
        out.emplace(text);
    }
    return true;
}

// An array of strings, or null (none).
bool read_text_list(ondemand::value value, std::vector<std::string>& out) {
    bool was_null = false;
    if (!take_null(value, was_null)) {
        return false;
    }
    std::size_t count = 0;
    if (!was_null) {
        ondemand::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS) {
            return false;
        }
        for (auto element : array) {
            std::string_view text;
            if (element.get_string().get(text) != simdjson::SUCCESS) {
                return false;
            }
            // Into the strings the last draft left, so that most drafts allocate nothing here.
            if (count < out.size()) {
                out[count].assign(text);
            } else {
                out.emplace_back(text);
            }
            ++count;
        }
    }
    out.resize(count);
    return true;
}

// {"days": N} with an integer or null, or null; read_draft reports every other shape.
bool read_retention(ondemand::value value, std::int64_t& days) {
    bool was_null = false;
    if (!take_null(value, was_null)) {
        return false;
    }
    if (was_null) {
        return true;
    }
    ondemand::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) {
        return false;
    }
    bool seen = false;
    for (auto field : object) {
        std::string_view key;
        ondemand::value inner;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS || key != "days" || seen ||
            field.value().get(inner) != simdjson::SUCCESS) {
            return false;
        }
        seen = true;
        bool inner_null = false;
        if (!take_null(inner, inner_null)) {
            return false;
        }
        // Only what fits in int64: nlohmann reads a larger integer as unsigned and the DOM path clamps it.
        if (!inner_null && inner.get_int64().get(days) != simdjson::SUCCESS) {
            return false;
        }
    }
    return true;
}

// The constant fields, only in the forms that make read_draft say nothing.
bool read_constant(Key key, ondemand::value value) {
    if (key == Key::schema_version) {
        std::int64_t version = 0;
        return value.get_int64().get(version) == simdjson::SUCCESS && version == 1;
    }
    if (key == Key::request_type) {
        std::string_view type;
        return value.get_string().get(type) == simdjson::SUCCESS && type == backup_request_type;
    }
    bool example = true; // "example": true adds a warning: the DOM path words it
    return value.get_bool().get(example) == simdjson::SUCCESS && !example;
}

bool read_field(Key key, ondemand::value value, PlainDraft& draft) {
    RequestInput& input = draft.input;
    switch (key) {
    case Key::point_in_time:
        return read_text(value, input.point_in_time);
    case Key::time_zone:
        draft.time_zone_given = true;
        return read_text(value, input.time_zone);
    case Key::environments:
        return read_text_list(value, input.environments);
    case Key::justification:
        return read_text(value, input.justification);
    case Key::contact:
        return read_text(value, input.contact);
    case Key::reference:
        return read_text(value, input.reference);
    case Key::retention:
        input.retention_days = default_retention_days;
        return read_retention(value, input.retention_days);
    default:
        return read_constant(key, value);
    }
}

// A field the draft does not hold is absent, as in a new draft.
void clear_unseen(unsigned seen, PlainDraft& draft) {
    RequestInput& input = draft.input;
    const auto unseen = [seen](Key key) { return (seen & (1U << static_cast<unsigned>(key))) == 0; };
    if (unseen(Key::point_in_time)) {
        input.point_in_time.reset();
    }
    draft.time_zone_given = !unseen(Key::time_zone);
    if (unseen(Key::time_zone)) {
        input.time_zone.reset();
    }
    if (unseen(Key::environments)) {
        input.environments.clear();
    }
    if (unseen(Key::justification)) {
        input.justification.reset();
    }
    if (unseen(Key::contact)) {
        input.contact.reset();
    }
    if (unseen(Key::reference)) {
        input.reference.reset();
    }
    if (unseen(Key::retention)) {
        input.retention_days = default_retention_days;
    }
    input.example = false;
    input.allow_secrets = false;
}

} // namespace

struct PlainDraftReader::State {
    ondemand::parser parser;
    std::string padded; // the text, with simdjson's padding after it
    PlainDraft draft;   // reused from one draft to the next: a batch's drafts mostly allocate nothing
};

PlainDraftReader::PlainDraftReader() : state_(std::make_unique<State>()) {}
PlainDraftReader::~PlainDraftReader() = default;
PlainDraftReader::PlainDraftReader(PlainDraftReader&& other) noexcept = default;
PlainDraftReader& PlainDraftReader::operator=(PlainDraftReader&& other) noexcept = default;

PlainDraft* PlainDraftReader::read(std::string_view text) {
    std::string& padded = state_->padded;
    padded.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    padded.assign(text);
    ondemand::document document;
    ondemand::object object;
    if (state_->parser.iterate(padded.data(), padded.size(), padded.capacity()).get(document) !=
            simdjson::SUCCESS ||
        document.get_object().get(object) != simdjson::SUCCESS) {
        return nullptr;
    }
    PlainDraft& draft = state_->draft;
    unsigned seen = 0;
    for (auto field : object) {
        std::string_view name;
        ondemand::value value;
        if (field.unescaped_key().get(name) != simdjson::SUCCESS ||
            field.value().get(value) != simdjson::SUCCESS) {
            return nullptr;
        }
        const auto key = key_of(name);
        if (!key) {
            return nullptr;
        }
        const unsigned bit = 1U << static_cast<unsigned>(*key);
        if ((seen & bit) != 0 || !read_field(*key, value, draft)) {
            return nullptr;
        }
        seen |= bit;
    }
    // simdjson 3.0.1's document has no at_end(): past the last token, current_location() says OUT_OF_BOUNDS;
    // trailing content ("{} {}") leaves it a location, and so does an error.
    if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) {
        return nullptr;
    }
    clear_unseen(seen, draft);
    return &draft;
}

} // namespace backup_request
