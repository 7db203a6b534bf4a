// A record to and from its columns, shared by the SQL stores so both keep it the same way.
#include "stored_record.hpp"

#include <nlohmann/json.hpp>

namespace backup_request::stored {

std::optional<std::string> time_text(const std::optional<sys_seconds>& time) {
    return time ? std::optional<std::string>(format_utc_time(*time)) : std::nullopt;
}

namespace {

// The form every store writes, "2026-11-20T09:30:00Z", read without the general parser: a list of 100,000
// records reads half a million of them.
std::optional<sys_seconds> canonical_time(std::string_view text) {
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != shape.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 'd' ? !(text[i] >= '0' && text[i] <= '9') : text[i] != shape[i]) {
            return std::nullopt;
        }
    }
    const auto number = [text](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const std::chrono::year_month_day day{std::chrono::year{number(0, 4)},
                                          std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                          std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    if (!day.ok() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    return sys_seconds{std::chrono::sys_days{day}} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

// The environments as add wrote them (nlohmann's compact dump of host names, which need no escapes): split
// directly; anything else goes through the JSON parser.
std::optional<std::vector<std::string>> plain_host_list(std::string_view text) {
    if (text.size() < 2 || text.front() != '[' || text.back() != ']' ||
        text.find('\\') != std::string_view::npos) {
        return std::nullopt;
    }
    std::vector<std::string> hosts;
    std::string_view rest = text.substr(1, text.size() - 2);
    while (!rest.empty()) {
        if (rest.size() < 2 || rest.front() != '"') {
            return std::nullopt;
        }
        const auto end = rest.find('"', 1);
        if (end == std::string_view::npos) {
            return std::nullopt;
        }
        hosts.emplace_back(rest.substr(1, end - 1));
        rest = rest.substr(end + 1);
        if (!rest.empty()) {
            if (rest.front() != ',') {
                return std::nullopt;
            }
            rest = rest.substr(1);
        }
    }
    return hosts;
}

} // namespace

sys_seconds stored_time(const std::string& text, const std::string& where) {
    if (const auto time = canonical_time(text)) {
        return *time;
    }
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

std::string select_columns(bool has_written_by, bool for_listing) {
    std::string columns = record_columns;
    const auto replace = [&columns](std::string_view name, std::string_view with) {
        const auto at = columns.find(name);
        columns.replace(at, name.size(), with);
    };
    if (!has_written_by) {
        replace("written_by", "NULL");
    }
    if (for_listing) {
        replace("justification", "''");
        replace("payload",
                "CASE WHEN request_type <> 'database-backup-access' AND state = 'written' THEN payload "
                "ELSE '' END");
    }
    return columns;
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
    const std::string hosts = text(3);
    if (auto plain = plain_host_list(hosts)) {
        record.environments = std::move(*plain);
    } else {
        const auto environments = nlohmann::json::parse(hosts, nullptr, false);
        if (!environments.is_array()) {
            throw LedgerUnavailable("cannot read " + where + ": request " + record.id +
                                    " has environments that are not a JSON list");
        }
        for (const auto& host : environments) {
            record.environments.push_back(host.is_string() ? host.get<std::string>() : host.dump());
        }
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
