// The lifecycle rules: forward only, each mark with what it sets, and the deadline that comes next.
#include "backup_request/ledger/request_lifecycle.hpp"

#include "backup_request/rules/extension_request.hpp"
#include "backup_request/rules/request.hpp"
#include "backup_request/rules/secret_scan.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>

namespace backup_request {
namespace {

std::string named(RequestState state) {
    return std::string(state_name(state));
}

std::optional<MarkRefusal> only_forward(const LedgerRecord& record, RequestState mark) {
    return MarkRefusal{"request " + record.id + " is already " + named(record.state) +
                       (mark == record.state ? "" : ", which comes after " + named(mark)) +
                       "; states only move forward"};
}

std::optional<MarkRefusal> delivery_refusal(const LedgerRecord& record, const Mark& mark, sys_seconds now) {
    if (record.state == RequestState::delivered || record.state == RequestState::extended) {
        return only_forward(record, mark.state);
    }
    if (mark.at && *mark.at > now) {
        return MarkRefusal{"--at " + format_utc_time(*mark.at) +
                           " is in the future; say when access was handed over, which has happened"};
    }
    if (mark.at && *mark.at < record.written_at) {
        return MarkRefusal{"--at " + format_utc_time(*mark.at) + " is before the case was written (" +
                           format_utc_time(record.written_at) + ")"};
    }
    return std::nullopt;
}

// "did you mean ...?" for an --until far past the current end whose year (a slip of the keyboard, or last
// year's date copied) is all that differs from a time within one extension.
std::string year_typo_hint(sys_seconds until, sys_seconds current_end) {
    std::string guess = format_utc_time(until);
    const std::string end = format_utc_time(current_end);
    if (guess.size() < 4 || end.size() < 4 || guess.compare(0, 4, end, 0, 4) == 0) {
        return {};
    }
    guess.replace(0, 4, end, 0, 4);
    const auto parsed = parse_absolute_time(guess);
    const auto* time = std::get_if<ParsedTime>(&parsed);
    if (time == nullptr || time->time <= current_end ||
        time->time > current_end + std::chrono::days{max_extension_days}) {
        return " (a typo in the year?)";
    }
    return " (did you mean " + guess + "?)";
}

std::optional<MarkRefusal> extension_refusal(const LedgerRecord& record, const Mark& mark, sys_seconds now) {
    if (record.state != RequestState::delivered && record.state != RequestState::extended) {
        return MarkRefusal{"request " + record.id + " is " + named(record.state) +
                           "; only delivered access can be extended (mark it delivered first)"};
    }
    if (!mark.until) {
        return MarkRefusal{"mark extended needs --until TIME, the new end of access the vendor gave"};
    }
    if (!record.access_ends_at) {
        return std::nullopt;
    }
    // The same words as extend --request, which refuses the same thing.
    if (*record.access_ends_at <= now) {
        return MarkRefusal{"request " + record.id + ": access ended (" +
                           format_utc_time(*record.access_ends_at) +
                           "), and ended access cannot be extended; file a new request with backup-request "
                           "create"};
    }
    if (*mark.until <= *record.access_ends_at) {
        return MarkRefusal{"--until " + format_utc_time(*mark.until) +
                           " is not after the current end of access (" +
                           format_utc_time(*record.access_ends_at) + ")"};
    }
    if (*mark.until > *record.access_ends_at + std::chrono::days{max_extension_days}) {
        return MarkRefusal{"--until " + format_utc_time(*mark.until) + " is more than " +
                           std::to_string(max_extension_days) + " days after the current end of access (" +
                           format_utc_time(*record.access_ends_at) + "), more than one extension gives" +
                           year_typo_hint(*mark.until, *record.access_ends_at)};
    }
    return std::nullopt;
}

constexpr std::size_t max_ticket_length = 2000; // a long tracker URL still fits

// --case and --ticket end up in extension drafts and tracker bodies: the rules they would meet there apply
// now.
std::optional<MarkRefusal> text_refusal(const Mark& mark) {
    if (mark.case_id) {
        if (!is_valid_case_id(trim_whitespace(*mark.case_id))) {
            return MarkRefusal{"--case: the support case id must be plain text of 1 to 100 characters, like "
                               "00123456 [case-invalid]"};
        }
        if (auto secret = find_secret(*mark.case_id)) {
            return MarkRefusal{"--case looks like it holds a credential (" + *secret +
                               "); give the vendor's case id only [secret-detected]"};
        }
    }
    if (mark.ticket) {
        const std::string_view ticket = trim_whitespace(*mark.ticket);
        if (ticket.empty() || ticket.size() > max_ticket_length || find_invalid_utf8(ticket) ||
            find_control_character(ticket)) {
            return MarkRefusal{"--ticket must be one line of 1 to " + std::to_string(max_ticket_length) +
                               " characters without control characters, like OPS-88 or the ticket's URL"};
        }
        if (auto secret = find_secret(*mark.ticket)) {
            return MarkRefusal{"--ticket looks like it holds a credential (" + *secret +
                               "); give the ticket's key or URL without it [secret-detected]"};
        }
    }
    return std::nullopt;
}

// A mark is recorded at `now`: a clock before what the record already holds is wrong, as an --at there is.
std::optional<MarkRefusal> clock_refusal(const LedgerRecord& record, sys_seconds now) {
    if (now < record.written_at) {
        return MarkRefusal{"the clock (" + format_utc_time(now) + ") is before the case was written (" +
                           format_utc_time(record.written_at) +
                           "); check --now, BACKUP_REQUEST_NOW or the "
                           "system clock"};
    }
    if (!record.history.empty() && now < record.history.back().recorded_at) {
        return MarkRefusal{"the clock (" + format_utc_time(now) + ") is before the last step recorded (" +
                           named(record.history.back().state) + " at " +
                           format_utc_time(record.history.back().recorded_at) +
                           "); check --now, BACKUP_REQUEST_NOW or the system clock"};
    }
    return std::nullopt;
}

std::optional<MarkRefusal> refusal(const LedgerRecord& record, const Mark& mark, sys_seconds now) {
    if (auto refused = text_refusal(mark)) {
        return refused;
    }
    if (!is_open(record)) {
        return MarkRefusal{"request " + record.id + " is " + named(record.state) +
                           "; nothing follows that (file a new request with backup-request create)"};
    }
    if (record.request_type != "database-backup-access" &&
        (mark.state == RequestState::delivered || mark.state == RequestState::extended)) {
        return MarkRefusal{"request " + record.id + " is an access extension; mark the request it extends" +
                           (record.extends ? " (" + *record.extends + ")" : std::string()) + " " +
                           named(mark.state) + " instead"};
    }
    if (auto refused = clock_refusal(record, now)) {
        return refused;
    }
    switch (mark.state) {
    case RequestState::written:
        return MarkRefusal{"every request starts as written; a request cannot go back to it"};
    case RequestState::submitted:
        return record.state == RequestState::written ? std::nullopt : only_forward(record, mark.state);
    case RequestState::delivered:
        return delivery_refusal(record, mark, now);
    case RequestState::extended:
        return extension_refusal(record, mark, now);
    case RequestState::declined:
        if (record.state != RequestState::written && record.state != RequestState::submitted) {
            return MarkRefusal{"request " + record.id + " is " + named(record.state) +
                               "; the vendor already agreed to it (mark it closed when you are done)"};
        }
        return std::nullopt;
    case RequestState::closed:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string detail_of(const Mark& mark, const LedgerRecord& updated) {
    std::string detail;
    const auto add = [&detail](const std::string& part) { detail += (detail.empty() ? "" : ", ") + part; };
    if (mark.case_id) {
        add("case " + *updated.case_id);
    }
    if (mark.ticket) {
        add("ticket " + *updated.ticket);
    }
    if (mark.state == RequestState::delivered || mark.state == RequestState::extended) {
        if (mark.state == RequestState::delivered) {
            add("delivered " + format_utc_time(*updated.delivered_at));
        }
        add("access until " + format_utc_time(*updated.access_ends_at));
    }
    return detail;
}

} // namespace

std::variant<LedgerRecord, MarkRefusal> apply_mark(const LedgerRecord& record, const Mark& mark,
                                                   sys_seconds now) {
    if (auto refused = refusal(record, mark, now)) {
        return *refused;
    }
    LedgerRecord updated = record;
    updated.state = mark.state;
    if (mark.case_id) {
        updated.case_id = std::string(trim_whitespace(*mark.case_id));
    }
    if (mark.ticket) {
        updated.ticket = std::string(trim_whitespace(*mark.ticket));
    }
    if (mark.state == RequestState::delivered) {
        updated.delivered_at = mark.at.value_or(now);
        updated.access_ends_at = *updated.delivered_at + std::chrono::days{standard_access_days};
    }
    if (mark.state == RequestState::extended) {
        updated.access_ends_at = mark.until;
    }
    updated.history.push_back({mark.state, now, detail_of(mark, updated)});
    return updated;
}

LedgerRecord with_ticket(const LedgerRecord& record, const std::string& ticket, sys_seconds now) {
    LedgerRecord updated = record;
    updated.ticket = ticket;
    if (record.state == RequestState::written) {
        updated.state = RequestState::submitted;
        const sys_seconds last =
            record.history.empty() ? record.written_at : record.history.back().recorded_at;
        updated.history.push_back({RequestState::submitted, std::max(now, last), "ticket " + ticket});
    }
    return updated;
}

bool is_open(const LedgerRecord& record) {
    return record.state != RequestState::declined && record.state != RequestState::closed;
}

std::optional<Deadline> next_deadline(const LedgerRecord& record) {
    if (!is_open(record)) {
        return std::nullopt;
    }
    if (record.request_type != "database-backup-access") {
        // A written extension must be filed before the access it extends ends (its payload's
        // access_expires_at); once submitted, the request it extends carries the deadline.
        if (record.state != RequestState::written) {
            return std::nullopt;
        }
        const auto payload = nlohmann::json::parse(record.payload, nullptr, false);
        const auto end = payload.is_object() ? payload.find("access_expires_at") : payload.end();
        if (end == payload.end() || !end->is_string()) {
            return std::nullopt;
        }
        const auto parsed = parse_absolute_time(end->get<std::string>());
        if (const auto* time = std::get_if<ParsedTime>(&parsed)) {
            return Deadline{time->time, "access ends, extension not yet submitted"};
        }
        return std::nullopt;
    }
    if (record.access_ends_at) {
        return Deadline{*record.access_ends_at, "access ends"};
    }
    if (record.retention_deadline) {
        return Deadline{*record.retention_deadline, "leaves the window"};
    }
    return std::nullopt;
}

} // namespace backup_request
