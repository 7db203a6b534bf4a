// libFuzzer target, differential: whatever the plain-draft reader (simdjson) accepts, nlohmann's parser must
// accept too and read_draft must read to the same input without a word; otherwise validate's fast path would
// judge a draft differently from create --from.
#include "backup_request/drafts/draft.hpp"
#include "backup_request/drafts/json_text.hpp"
#include "backup_request/drafts/plain_draft.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

bool same(const backup_request::RequestInput& a, const backup_request::RequestInput& b) {
    return a.point_in_time == b.point_in_time && a.time_zone == b.time_zone &&
           a.environments == b.environments && a.justification == b.justification && a.contact == b.contact &&
           a.reference == b.reference && a.retention_days == b.retention_days && a.example == b.example;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace backup_request;
    static PlainDraftReader reader;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto plain = reader.read(text);
    if (!plain) {
        return 0;
    }
    std::vector<std::string> duplicates;
    const auto parsed = parse_json_text(text, &duplicates);
    const auto* document = std::get_if<nlohmann::json>(&parsed);
    if (document == nullptr || !duplicates.empty()) {
        std::abort(); // accepted text that nlohmann refuses, or a repeated key
    }
    const auto reading = read_draft(*document);
    if (!reading.diagnostics.empty() || !same(reading.input, plain->input) ||
        plain->time_zone_given != document->contains("time_zone")) {
        std::abort();
    }
    return 0;
}
