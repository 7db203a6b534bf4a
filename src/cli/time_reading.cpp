// The machine's zone (TZ on POSIX, then date's current_zone: /etc/localtime, or Windows' setting) and the
// echo lines, at the edge: the core's parser never looks at the machine.
#include "time_reading.hpp"

#include "backup_request/platform/machine_zone.hpp"
#include "backup_request/text/visible_text.hpp"
#include "backup_request/time/natural_time.hpp"
#include "backup_request/time/time_zone.hpp"

#include <date/tz.h>
#include <ostream>

namespace backup_request {
namespace {

bool is_utc_name(std::string_view name) {
    for (const std::string_view utc :
         {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "GMT",
          "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "Etc/Greenwich", "Greenwich"}) {
        if (name == utc) {
            return true;
        }
    }
    return false;
}

// UTC by name, or a zone that has kept +00:00 without daylight saving for a year either side of `now`.
bool is_utc_all_year(const std::string& name, sys_seconds now) {
    if (is_utc_name(name)) {
        return true; // also without a zone database
    }
    try {
        const auto info = date::locate_zone(name)->get_info(now);
        constexpr date::days year{366};
        return info.offset == std::chrono::seconds::zero() && info.save == std::chrono::minutes::zero() &&
               info.begin <= now - year && info.end >= now + year;
    } catch (const std::exception&) {
        return false; // not in the database: not suggested either (check_time_zone said so)
    }
}

} // namespace

std::optional<std::string> machine_time_zone(const Environment& environment, sys_seconds now) {
    std::string name;
    if (auto variable = platform::zone_variable(environment.variable); variable && !variable->empty()) {
        name = variable->front() == ':' ? variable->substr(1) : *variable;
        // A POSIX rule ("CET-1CEST") or a file path is not a name to suggest.
        if (check_time_zone(name)) {
            return std::nullopt;
        }
    } else {
        try {
            name = std::string(date::current_zone()->name());
        } catch (const std::exception&) {
            return std::nullopt; // no /etc/localtime, no database: nothing to suggest
        }
    }
    if (name.empty() || is_utc_all_year(name, now)) {
        return std::nullopt;
    }
    return name;
}

std::string naming_machine_zone(std::string message, const Environment& environment, sys_seconds now) {
    constexpr std::string_view generic = "--timezone Area/City";
    const auto at = message.find(generic);
    if (at == std::string::npos) {
        return message;
    }
    if (const auto zone = machine_time_zone(environment, now)) {
        message.replace(at, generic.size(), "--timezone " + *zone + " (this machine's zone)");
    }
    return message;
}

void name_machine_zone(Diagnostics& diagnostics, const Environment& environment, sys_seconds now) {
    for (auto& diagnostic : diagnostics) {
        if (diagnostic.code == "time-no-zone") {
            diagnostic.message = naming_machine_zone(std::move(diagnostic.message), environment, now);
        }
    }
}

void echo_time_reading(CommandContext& context, std::string_view text, const ParsedTime& parsed,
                       sys_seconds now) {
    if (context.quiet) {
        return;
    }
    const std::string note = time_reading_note(text, parsed, now);
    if (!note.empty()) {
        context.err << "note: " << visible_text(note) << '\n';
    }
}

void echo_draft_times(CommandContext& context, const nlohmann::json& draft, sys_seconds now,
                      std::string_view skip) {
    if (context.quiet || !draft.is_object()) {
        return;
    }
    const auto zone_field = draft.find("time_zone");
    const std::string zone =
        zone_field != draft.end() && zone_field->is_string() ? zone_field->get<std::string>() : std::string();
    for (const char* field : {"point_in_time", "delivered_at", "access_expires_at"}) {
        const auto found = draft.find(field);
        if (found == draft.end() || !found->is_string() || field == skip) {
            continue;
        }
        const std::string& text = found->get_ref<const std::string&>();
        const auto parsed = parse_point_in_time(text, now, zone);
        if (const auto* time = std::get_if<ParsedTime>(&parsed)) {
            echo_time_reading(context, text, *time, now);
        }
    }
}

} // namespace backup_request
