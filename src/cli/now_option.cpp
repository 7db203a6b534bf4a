// Reads the environment edge of the rules: --now or BACKUP_REQUEST_NOW through the same parser as --at, so
// both accept the same absolute forms.
#include "now_option.hpp"

#include "backup_request/cli/diagnostic_printer.hpp"

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
