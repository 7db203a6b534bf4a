// A record to and from its columns, shared by the SQL stores so both keep it the same way.
#include "stored_record.hpp"

#include <nlohmann/json.hpp>

namespace backup_request::stored {

std::optional<std::string> time_text(const std::optional<sys_seconds>& time) {
    return time ? std::optional<std::string>(format_utc_time(*time)) : std::nullopt;
}

sys_seconds stored_time(const std::string& text, const std::string& where) {
    const auto parsed = parse_absolute_time(text);
    if (const auto* time = std::get_if<ParsedTime>(&parsed)) {
        return time->time;
    }
    throw LedgerUnavailable("cannot read " + where + ": it holds a time this version cannot read: " + text);
}

RequestState stored_state(const std::string& text, const std::string& where) {
    if (const auto state = state_named(text)) {
        return *state;
    }
    throw LedgerUnavailable("cannot read " + where +
                            ": it holds a state this version does not know: " + text);
}

AttemptOutcome stored_outcome(const std::string& text, const std::string& id, const std::string& where) {
    if (const auto outcome = outcome_named(text)) {
        return *outcome;
    }
    throw LedgerUnavailable("cannot read " + where + ": request " + id +
                            " has an attempt whose outcome this version does not know: " + text);
}

std::vector<std::optional<std::string>> record_values(const std::string& id, const LedgerRecord& record) {
    return {id,
            record.request_type,
            time_text(record.point_in_time),
            nlohmann::json(record.environments).dump(),
            record.reference,
            record.contact,
            record.justification,
            format_utc_time(record.written_at),
            time_text(record.retention_deadline),
            record.format,
            record.destination,
            record.payload,
            std::string(state_name(record.state)),
            record.case_id,
            record.ticket,
            time_text(record.delivered_at),
            time_text(record.access_ends_at),
            record.extends,
            record.written_by};
}

LedgerRecord record_from_row(const std::function<std::optional<std::string>(int)>& column,
                             const std::string& where) {
    const auto text = [&column](int index) { return column(index).value_or(std::string()); };
    const auto time = [&column, &where](int index) {
        const auto value = column(index);
        return value ? std::optional<sys_seconds>(stored_time(*value, where)) : std::nullopt;
    };
    LedgerRecord record;
    record.id = text(0);
    record.request_type = text(1);
    record.point_in_time = time(2);
    const auto environments = nlohmann::json::parse(text(3), nullptr, false);
    if (!environments.is_array()) {
        throw LedgerUnavailable("cannot read " + where + ": request " + record.id +
                                " has environments that are not a JSON list");
    }
    for (const auto& host : environments) {
        record.environments.push_back(host.is_string() ? host.get<std::string>() : host.dump());
    }
    record.reference = column(4);
    record.contact = column(5);
    record.justification = text(6);
    record.written_at = stored_time(text(7), where);
    record.retention_deadline = time(8);
    record.format = text(9);
    record.destination = text(10);
    record.payload = text(11);
    record.state = stored_state(text(12), where);
    record.case_id = column(13);
    record.ticket = column(14);
    record.delivered_at = time(15);
    record.access_ends_at = time(16);
    record.extends = column(17);
    record.written_by = column(18);
    return record;
}

} // namespace backup_request::stored
