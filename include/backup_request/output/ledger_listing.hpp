// The ledger shown: `list` as a table or JSON records (docs/schema/ledger.schema.json), `show` as one
// request with its history, and the access end as a calendar event.
#pragma once

#include "backup_request/ledger/ledger_record.hpp"

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {

// What ends within this long stands out at a terminal.
inline constexpr auto urgent_within = std::chrono::hours{48};

struct ListingFilter {
    bool all = false; // declined and closed requests, and extensions, too
    std::optional<std::string> environment;
    std::optional<RequestState> state;
    std::optional<std::string> writer; // only what this person wrote (the user part of written_by)
};

// The person in a written_by: "ana" of "ana@laptop-7" (the same user on another machine is the same person).
[[nodiscard]] std::string writer_part(const std::string& written_by);

// The records `filter` keeps, the most urgent first: open ones by their next deadline, then the rest, newest
// first.
[[nodiscard]] std::vector<LedgerRecord> listed_records(std::vector<LedgerRecord> records,
                                                       const ListingFilter& filter);

// One record as JSON: id, request_type, state, point_in_time, environments, reference, written_at, deadline
// (with its meaning and the seconds left at `now`), and the rest of what is known; `with_history` adds the
// justification and the events (`show`).
[[nodiscard]] nlohmann::ordered_json record_json(const LedgerRecord& record, sys_seconds now,
                                                 bool with_history);

// "2d 3h", "5h 12m", "40m", "passed": the time left, short enough for a table column.
[[nodiscard]] std::string time_left_text(std::chrono::seconds left);

// The table `list` prints, its columns padded by display width; `emphasis` wraps a row whose deadline is
// within urgent_within (colour at a terminal), or is empty. With `max_width` (a terminal's columns; 0: no
// limit), a row too wide for it has its environments, then its reference, cut with an ellipsis.
[[nodiscard]] std::string listing_table(const std::vector<LedgerRecord>& records, sys_seconds now,
                                        const std::function<std::string(const std::string&)>& emphasis,
                                        std::size_t max_width = 0);

// `show ID`: the facts, the next deadline and the history, one per line.
// `extensions`: the extension records written for it, whose writing shows in its history.
[[nodiscard]] std::string record_detail(const LedgerRecord& record, sys_seconds now,
                                        const std::vector<LedgerRecord>& extensions = {});

// The end of access as an iCalendar event with a reminder a day ahead; the record must be delivered.
[[nodiscard]] std::string access_calendar(const LedgerRecord& record, sys_seconds now);

} // namespace backup_request
