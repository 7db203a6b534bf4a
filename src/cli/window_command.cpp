// `backup-request window`: the window's facts on stdout, as text with a picture, or as JSON.
#include "window_command.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/window_picture.hpp"
#include "backup_request/time/time_field.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "request_output.hpp"
#include "terminal_style.hpp"
#include "time_reading.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <ostream>

namespace backup_request {

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
        ->transform(whole_number_in(1, 365, "days"))
        ->default_str("15");
    command->add_option("--format", options.format, "human (text and a picture) or json")
        ->check(CLI::IsMember({"human", "json"}))
        ->default_str("human");
    return command;
}

Command window_command() {
    auto options = std::make_shared<WindowOptions>();
    return Command{"window", [options](CLI::App& app) { return add_window_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_window(*options, context);
                   }};
}

CommandResult run_window(const WindowOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("window", error->message);
    }
    WindowFacts facts{std::get<ResolvedNow>(now).time, options.retention_days, std::nullopt};
    if (!options.at.empty()) {
        // The same reading of --timezone and BACKUP_REQUEST_TZ as create's, through a one-field draft.
        nlohmann::json draft{{"point_in_time", options.at}};
        if (!options.time_zone.empty()) {
            draft["time_zone"] = options.time_zone;
        }
        if (auto error = apply_time_zone_variable(context, draft, facts.now)) {
            return usage_failure("window", *error);
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
        if (parsed) {
            echo_time_reading(context, options.at, *parsed, facts.now);
        }
        name_machine_zone(found, context.environment, facts.now);
        print_diagnostics(context.err, found, !context.quiet);
        if (!parsed) {
            return ExitCode::rule_violation;
        }
        facts.point_in_time = parsed->time;
    }
    if (options.format == "json") {
        context.out << window_json(facts).dump(2) << '\n' << std::flush;
        return ExitCode::ok;
    }
    const PictureStyle style = use_color(context, context.environment.stdout_is_terminal)
                                   ? PictureStyle::fancy
                                   : PictureStyle::plain;
    context.out << window_summary(facts) << '\n' << window_picture(facts, style) << std::flush;
    return ExitCode::ok;
}

} // namespace backup_request
