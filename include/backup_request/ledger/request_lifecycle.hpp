// The service's lifecycle as pure rules over a record: which mark may follow which, what each sets, and what
// the next deadline of a request is.
#pragma once

#include "backup_request/ledger/ledger_record.hpp"

#include <string>
#include <variant>

namespace backup_request {

// What the user tells with `backup-request mark ID STATE ...`.
struct Mark {
    RequestState state = RequestState::submitted;
    std::optional<std::string> case_id; // submitted --case
    std::optional<std::string> ticket;  // submitted --ticket
    std::optional<sys_seconds> at;      // delivered --at (default: now)
    std::optional<sys_seconds> until;   // extended --until (required)
};

// Why a mark was refused: one sentence that says what to do instead.
struct MarkRefusal {
    std::string message;
};

// The record after `mark` at `now`, or why not: states only move forward (declined only before delivery;
// extended again with a later end), and an extension record has no lifecycle of its own beyond closed.
[[nodiscard]] std::variant<LedgerRecord, MarkRefusal> apply_mark(const LedgerRecord& record, const Mark& mark,
                                                                 sys_seconds now);

// The record once `submit` opened (or found) its ticket in the team's tracker: submitted with the ticket when
// it was only written, as `mark submitted --ticket` makes it; a request further on keeps its state and gains
// the ticket. Recorded at `now`, or at its last step if the clock is behind it.
[[nodiscard]] LedgerRecord with_ticket(const LedgerRecord& record, const std::string& ticket,
                                       sys_seconds now);

// Declined and closed requests are over; every other one is open.
[[nodiscard]] bool is_open(const LedgerRecord& record);

struct Deadline {
    sys_seconds at;
    std::string meaning; // "leaves the window", "access ends"
};

// What comes next: before delivery, the point leaving the retention window; once delivered, the access end.
// None for an extension record or a request that is over.
[[nodiscard]] std::optional<Deadline> next_deadline(const LedgerRecord& record);

} // namespace backup_request
