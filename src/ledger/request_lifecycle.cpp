// The lifecycle rules: forward only, each mark with what it sets, and the deadline that comes next.
#include "backup_request/ledger/request_lifecycle.hpp"

#include "backup_request/rules/request.hpp"

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

std::optional<MarkRefusal> extension_refusal(const LedgerRecord& record, const Mark& mark) {
    if (record.state != RequestState::delivered && record.state != RequestState::extended) {
        return MarkRefusal{"request " + record.id + " is " + named(record.state) +
                           "; only delivered access can be extended (mark it delivered first)"};
    }
    if (!mark.until) {
        return MarkRefusal{"mark extended needs --until TIME, the new end of access the vendor gave"};
    }
    if (record.access_ends_at && *mark.until <= *record.access_ends_at) {
        return MarkRefusal{"--until " + format_utc_time(*mark.until) +
                           " is not after the current end of access (" +
                           format_utc_time(*record.access_ends_at) + ")"};
    }
    return std::nullopt;
}

std::optional<MarkRefusal> refusal(const LedgerRecord& record, const Mark& mark, sys_seconds now) {
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
    switch (mark.state) {
    case RequestState::written:
        return MarkRefusal{"every request starts as written; a request cannot go back to it"};
    case RequestState::submitted:
        return record.state == RequestState::written ? std::nullopt : only_forward(record, mark.state);
    case RequestState::delivered:
        return delivery_refusal(record, mark, now);
    case RequestState::extended:
        return extension_refusal(record, mark);
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
        add("case " + *mark.case_id);
    }
    if (mark.ticket) {
        add("ticket " + *mark.ticket);
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
        updated.case_id = mark.case_id;
    }
    if (mark.ticket) {
        updated.ticket = mark.ticket;
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

bool is_open(const LedgerRecord& record) {
    return record.state != RequestState::declined && record.state != RequestState::closed;
}

std::optional<Deadline> next_deadline(const LedgerRecord& record) {
    if (!is_open(record)) {
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
