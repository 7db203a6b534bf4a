// The deadline as an iCalendar file, one event that a calendar keeps up to date for a request's whole life.
#pragma once

#include "backup_request/output/case_document.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace backup_request {

// An iCalendar (RFC 5545) file: the deadline as an event, with a reminder a day ahead; `now` stamps it.
// A calendar event for a recorded request keeps one UID for the request's whole life and raises SEQUENCE on
// each change, so re-importing it updates the event (RFC 5545 3.8.4.7, 3.8.7.4) instead of adding another.
struct CalendarIdentity {
    std::string uid;
    std::optional<std::size_t> sequence; // none: a one-off event (create --format ics)
};
[[nodiscard]] std::string deadline_calendar(const CaseDocument& document, sys_seconds now);
[[nodiscard]] std::string deadline_calendar(const CaseDocument& document, sys_seconds now,
                                            const CalendarIdentity& identity);

} // namespace backup_request
