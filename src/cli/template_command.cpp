// `backup-request template`: a draft skeleton with example values in the accepted forms.
#include "template_command.hpp"

#include "backup_request/drafts/request_kind.hpp"
#include "backup_request/exit_code.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"

#include <memory>
#include <ostream>

namespace backup_request {

CLI::App* add_template_command(CLI::App& app, TemplateOptions& options) {
    CLI::App* command =
        app.add_subcommand("template", "Print a draft to fill in, for validate and create --from");
    command->footer("\nExample:\n  backup-request template > draft.json && $EDITOR draft.json && "
                    "backup-request validate draft.json\n\npoint_in_time " +
                    std::string(accepted_time_forms));
    command
        ->add_option("--now", options.now,
                     "Base the example point in time on this time (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    return command;
}

Command template_command() {
    auto options = std::make_shared<TemplateOptions>();
    return Command{"template", [options](CLI::App& app) { return add_template_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_template(*options, context);
                   }};
}

CommandResult run_template(const TemplateOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("template", error->message);
    }
    context.out << backup_access_kind().template_draft(std::get<ResolvedNow>(now).time).dump(2) << '\n'
                << std::flush;
    return ExitCode::ok;
}

} // namespace backup_request
