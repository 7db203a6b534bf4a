// `backup-request window`: the window's facts on stdout, as text with a picture, or as JSON.
#include "window_command.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/window_picture.hpp"
#include "backup_request/time/time_field.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "request_output.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>

namespace backup_request {

bool use_color(const CommandContext& context, bool stream_is_terminal) {
    if (context.color == "always") {
        return true;
    }
    if (context.color == "never") {
        return false;
    }
    const auto no_color = context.environment.variable("NO_COLOR");
    const auto term = context.environment.variable("TERM");
    return stream_is_terminal && !(no_color && !no_color->empty()) && !(term && *term == "dumb") &&
           locale_is_utf8(context.environment);
}

bool locale_is_utf8(const Environment& environment) {
    // POSIX's precedence: LC_ALL, then LC_CTYPE, then LANG; none set is the C locale.
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        if (auto value = environment.variable(name); value && !value->empty()) {
            std::string lower = *value;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
        }
    }
    return false;
}

CLI::App* add_window_command(CLI::App& app, WindowOptions& options) {
    CLI::App* command =
        app.add_subcommand("window", "Show the retention window now, and where a point in time is");
    command->footer(
        "\nExamples:\n  backup-request window\n  backup-request window --at 2026-11-06T10:00:00Z\n"
        "  backup-request window --at '2026-11-06 09:00' --timezone Europe/Lisbon --format json\n\n"
        "Times: " +
        std::string(accepted_time_forms));
    command->add_option("--at,--point-in-time", options.at, "A point in time to place in the window")
        ->type_name("TIME");
    command
        ->add_option("--timezone,--time-zone", options.time_zone,
                     "Read --at without an offset as local time in this IANA zone (env BACKUP_REQUEST_TZ)")
        ->type_name("AREA/CITY");
    command->add_option("--now", options.now, "Use this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    command->add_option("--retention-days", options.retention_days, "Retention window in days")
        ->type_name("N")
        ->check(whole_number_in(1, 365, "days"))
        ->default_str("15");
    command->add_option("--format", options.format, "human (text and a picture) or json")
        ->check(CLI::IsMember({"human", "json"}))
        ->default_str("human");
    return command;
}

int run_window(const WindowOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_error(context, "window", error->message);
    }
    WindowFacts facts{std::get<ResolvedNow>(now).time, options.retention_days, std::nullopt};
    if (!options.at.empty()) {
        // The same reading of --timezone and BACKUP_REQUEST_TZ as create's, through a one-field draft.
        nlohmann::json draft{{"point_in_time", options.at}};
        if (!options.time_zone.empty()) {
            draft["time_zone"] = options.time_zone;
        }
        if (auto error = apply_time_zone_variable(context, draft, facts.now)) {
            return usage_error(context, "window", *error);
        }
        std::optional<std::string> zone;
        if (draft.contains("time_zone")) {
            zone = draft["time_zone"].get<std::string>();
        }
        Diagnostics found;
        std::optional<ParsedTime> parsed;
        if (check_time_zone_field(zone, found)) {
            parsed = read_time_field("point_in_time", options.at, facts.now, zone ? *zone : "", found);
        }
        print_diagnostics(context.err, found, !context.quiet);
        if (!parsed) {
            return to_int(ExitCode::rule_violation);
        }
        facts.point_in_time = parsed->time;
    }
    if (options.format == "json") {
        context.out << window_json(facts).dump(2) << '\n' << std::flush;
        return to_int(ExitCode::ok);
    }
    const PictureStyle style = use_color(context, context.environment.stdout_is_terminal)
                                   ? PictureStyle::fancy
                                   : PictureStyle::plain;
    context.out << window_summary(facts) << '\n' << window_picture(facts, style) << std::flush;
    return to_int(ExitCode::ok);
}

} // namespace backup_request
