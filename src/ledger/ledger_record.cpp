// State names, and a record made from the payload that was written.
#include "backup_request/ledger/ledger_record.hpp"

#include <array>

namespace backup_request {
namespace {

constexpr std::array<std::string_view, 6> names = {"written",  "submitted", "delivered",
                                                   "extended", "declined",  "closed"};

std::optional<sys_seconds> time_at(const nlohmann::ordered_json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) {
        return std::nullopt;
    }
    const auto parsed = parse_absolute_time(found->get<std::string>());
    if (const auto* time = std::get_if<ParsedTime>(&parsed)) {
        return time->time;
    }
    return std::nullopt;
}

std::optional<std::string> text_at(const nlohmann::ordered_json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) {
        return std::nullopt;
    }
    return found->get<std::string>();
}

} // namespace

std::string_view state_name(RequestState state) {
    return names.at(static_cast<std::size_t>(state));
}

std::optional<RequestState> state_named(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names.at(i) == name) {
            return static_cast<RequestState>(i);
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& state_names() {
    static const std::vector<std::string> all(names.begin(), names.end());
    return all;
}

LedgerRecord record_from_payload(const nlohmann::ordered_json& payload, std::string format,
                                 std::string destination) {
    LedgerRecord record;
    record.request_type = payload.value("request_type", "");
    record.point_in_time = time_at(payload, "point_in_time");
    if (const auto environments = payload.find("environments");
        environments != payload.end() && environments->is_array()) {
        for (const auto& host : *environments) {
            record.environments.push_back(host.get<std::string>());
        }
    }
    record.reference = text_at(payload, "reference");
    record.contact = text_at(payload, "contact");
    record.justification = text_at(payload, "justification").value_or("");
    record.written_at = time_at(payload, "created_at").value_or(sys_seconds{});
    if (const auto retention = payload.find("retention");
        retention != payload.end() && retention->is_object()) {
        record.retention_deadline = time_at(*retention, "expires_at");
    }
    record.case_id = text_at(payload, "case");
    record.format = std::move(format);
    record.destination = std::move(destination);
    record.payload = payload.dump();
    record.history.push_back({RequestState::written, record.written_at, "written to " + record.destination});
    return record;
}

} // namespace backup_request
