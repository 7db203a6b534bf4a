// Reads the environment edge of the rules: --now or BACKUP_REQUEST_NOW through the same parser as --at, so
// both accept the same absolute forms.
#include "now_option.hpp"

#include "backup_request/cli/diagnostic_printer.hpp"

#include <date/date.h>
#include <ostream>

namespace backup_request {

std::variant<ResolvedNow, NowError> resolve_now(const std::string& flag_value, CommandContext& context) {
    std::string source = "--now";
    std::optional<std::string> text;
    if (!flag_value.empty()) {
        text = flag_value;
    } else if (auto variable = context.environment.variable("BACKUP_REQUEST_NOW");
               variable && !variable->empty()) {
        source = "BACKUP_REQUEST_NOW";
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
    constexpr auto latest = date::sys_days{9998_y / date::December / 31};
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

void apply_time_zone_variable(const CommandContext& context, nlohmann::json& draft) {
    if (!draft.is_object() || draft.contains("time_zone")) {
        return;
    }
    if (auto zone = context.environment.variable("BACKUP_REQUEST_TZ"); zone && !zone->empty()) {
        draft["time_zone"] = std::move(*zone);
    }
}

} // namespace backup_request
