// The machine's zone (TZ, then date's current_zone) and the echo lines, at the edge: the core's parser never
// looks at the machine.
#include "time_reading.hpp"

#include "backup_request/text/visible_text.hpp"
#include "backup_request/time/natural_time.hpp"
#include "backup_request/time/time_zone.hpp"

#include <date/tz.h>
#include <ostream>

namespace backup_request {
namespace {

bool is_utc_name(std::string_view name) {
    for (const std::string_view utc : {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu",
                                       "Etc/Zulu", "GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0",
                                       "GMT0", "Etc/Greenwich", "Greenwich"}) {
        if (name == utc) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<std::string> machine_time_zone(const Environment& environment) {
    std::string name;
    if (auto variable = environment.variable("TZ"); variable && !variable->empty()) {
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
    if (name.empty() || is_utc_name(name)) {
        return std::nullopt;
    }
    return name;
}

std::string naming_machine_zone(std::string message, const Environment& environment) {
    constexpr std::string_view generic = "--timezone Area/City";
    const auto at = message.find(generic);
    if (at == std::string::npos) {
        return message;
    }
    if (const auto zone = machine_time_zone(environment)) {
        message.replace(at, generic.size(), "--timezone " + *zone + " (this machine's zone)");
    }
    return message;
}

void name_machine_zone(Diagnostics& diagnostics, const Environment& environment) {
    for (auto& diagnostic : diagnostics) {
        if (diagnostic.code == "time-no-zone") {
            diagnostic.message = naming_machine_zone(std::move(diagnostic.message), environment);
        }
    }
}

void echo_time_reading(CommandContext& context, std::string_view text, const ParsedTime& parsed, sys_seconds now) {
    if (context.quiet) {
        return;
    }
    const std::string note = time_reading_note(text, parsed, now);
    if (!note.empty()) {
        context.err << "note: " << visible_text(note) << '\n';
    }
}

void echo_draft_times(CommandContext& context, const nlohmann::json& draft, sys_seconds now, std::string_view skip) {
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
