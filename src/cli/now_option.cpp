// Reads the environment edge of the rules: --now or BACKUP_REQUEST_NOW through the same parser as --at, so
// both accept the same absolute forms.
#include "now_option.hpp"

#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/time/time_zone.hpp"

#include <date/date.h>
#include <ostream>

namespace backup_request {

std::variant<ResolvedNow, NowError> resolve_now(const std::string& flag_value, CommandContext& context) {
    std::string source = "--now";
    std::optional<std::string> text;
    if (!flag_value.empty()) {
        text = flag_value;
    } else if (auto variable = context.environment.variable("BACKUP_REQUEST_NOW")) {
        source = "BACKUP_REQUEST_NOW";
        if (variable->find_first_not_of(" \t") == std::string::npos) {
            // Set but empty is a mistake in a script (an unset variable expanded), not a wish for the clock.
            return NowError{"BACKUP_REQUEST_NOW is set but empty: give a time like 2026-11-20T12:00:00Z, or "
                            "unset it to use the clock"};
        }
        text = std::move(variable);
    }
    if (!text) {
        return ResolvedNow{context.environment.clock(), "the system clock"};
    }
    auto parsed = parse_absolute_time(*text);
    if (auto* error = std::get_if<TimeParseError>(&parsed)) {
        return NowError{source + ": " + visible_text(error->message)};
    }
    const auto& time = std::get<ParsedTime>(parsed);
    // Every time a request holds is within a year of now; these bounds keep all of them four-digit years.
    using namespace date::literals;
    constexpr auto earliest = date::sys_days{1971_y / date::January / 1};
    constexpr auto latest = date::sys_days{9999_y / date::January / 1};
    if (time.time < earliest || time.time >= latest) {
        return NowError{source + ": " + visible_text(*text) +
                        " is too far from today to judge a request against; give a time from 1971 to 9998"};
    }
    if (time.subseconds_dropped && !context.quiet) {
        context.err << diagnostic_line(make_warning("time-subseconds-dropped", "now",
                                                    source +
                                                        ": the fraction of a second was dropped: now is " +
                                                        format_utc_time(time.time)))
                    << '\n';
    }
    return ResolvedNow{time.time, source};
}

namespace {

// Whether a time field of the draft is a wall time that needs a zone to mean anything.
bool needs_time_zone(const nlohmann::json& draft, sys_seconds now) {
    for (const char* field : {"point_in_time", "delivered_at", "access_expires_at"}) {
        const auto found = draft.find(field);
        if (found == draft.end() || !found->is_string()) {
            continue;
        }
        const auto parsed = parse_point_in_time(found->get<std::string>(), now);
        const auto* error = std::get_if<TimeParseError>(&parsed);
        if (error != nullptr && error->code == "time-no-zone") {
            return true;
        }
    }
    return false;
}

} // namespace

std::string default_time_zone(const Environment& environment) {
    return environment.variable("BACKUP_REQUEST_TZ").value_or("");
}

std::optional<std::string> apply_time_zone_variable(const CommandContext& context, nlohmann::json& draft,
                                                    sys_seconds now) {
    if (!draft.is_object() || draft.contains("time_zone")) {
        return std::nullopt;
    }
    std::string zone = default_time_zone(context.environment);
    if (zone.empty()) {
        return std::nullopt;
    }
    if (const auto error = check_time_zone(zone)) {
        if (needs_time_zone(draft, now)) {
            return "BACKUP_REQUEST_TZ: " + visible_text(error->message);
        }
        // Every time has its own offset: a broken variable changes nothing, so it only earns a note.
        context.log->warn("BACKUP_REQUEST_TZ={}: {}; ignored, since every time given has an offset",
                          visible_text(zone), visible_text(error->message));
        return std::nullopt;
    }
    draft["time_zone"] = std::move(zone);
    return std::nullopt;
}

} // namespace backup_request
