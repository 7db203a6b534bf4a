// An iCalendar (RFC 5545) file for the deadline: one VEVENT with a VALARM a day ahead. Text values are
// escaped (section 3.3.11) and long lines folded at 75 octets (section 3.1), never inside a UTF-8 sequence.
#include "backup_request/output/deadline_calendar.hpp"

#include "backup_request/text/utf8_text.hpp"

#include <date/date.h>
#include <functional>

namespace backup_request {
namespace {

std::string escaped_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

// One content line, folded: at most 75 octets per physical line, continuation lines start with a space.
std::string folded(std::string_view line) {
    std::string out;
    std::size_t width = 0;
    std::size_t offset = 0;
    while (offset < line.size()) {
        const auto sequence = utf8_sequence_at(line, offset);
        const std::size_t length = sequence.length == 0 ? 1 : sequence.length;
        if (width + length > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(offset, length));
        width += length;
        offset += length;
    }
    return out + "\r\n";
}

std::string stamp(sys_seconds time) {
    return date::format("%Y%m%dT%H%M%SZ", time);
}

} // namespace

std::string deadline_calendar(const CaseDocument& document, sys_seconds now) {
    // The same case gives the same UID, so importing it twice updates one event.
    const std::size_t id = std::hash<std::string>{}(document.summary + stamp(document.deadline));
    return deadline_calendar(document, now, CalendarIdentity{std::to_string(id), std::nullopt});
}

std::string deadline_calendar(const CaseDocument& document, sys_seconds now,
                              const CalendarIdentity& identity) {
    const std::string description =
        "Deadline: " + document.deadline_meaning + ".\n\n" + render_plain(document);
    std::string out;
    for (const std::string& line : {
             std::string("BEGIN:VCALENDAR"),
             std::string("VERSION:2.0"),
             std::string("PRODID:-//backup-request//backup-request//EN"),
             std::string("CALSCALE:GREGORIAN"),
             std::string("BEGIN:VEVENT"),
             "UID:" + identity.uid + "@backup-request.invalid",
             identity.sequence ? "SEQUENCE:" + std::to_string(*identity.sequence) : std::string(),
             "DTSTAMP:" + stamp(now),
             "DTSTART:" + stamp(document.deadline),
             std::string("DURATION:PT30M"),
             "SUMMARY:" + escaped_text("Deadline: " + document.summary),
             "DESCRIPTION:" + escaped_text(description),
             std::string("BEGIN:VALARM"),
             std::string("ACTION:DISPLAY"),
             std::string("TRIGGER:-P1D"),
             "DESCRIPTION:" + escaped_text("Tomorrow: " + document.deadline_meaning),
             std::string("END:VALARM"),
             std::string("END:VEVENT"),
             std::string("END:VCALENDAR"),
         }) {
        if (line.empty()) {
            continue;
        }
        out += folded(line);
    }
    return out;
}

} // namespace backup_request
