// `backup-request schema NAME`: the JSON Schemas from docs/schema/, as compiled into the binary.
#include "schema_command.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/output/schemas.hpp"

#include <memory>
#include <ostream>
#include <vector>

namespace backup_request {

CLI::App* add_schema_command(CLI::App& app, SchemaOptions& options) {
    CLI::App* command =
        app.add_subcommand("schema", "Print the JSON Schema of the payload, a draft, or the report");
    command->footer("\nExample:\n  backup-request schema payload > payload.schema.json");
    const std::vector<std::string> names(schema_names.begin(), schema_names.end());
    command->add_option("name", options.name, "payload, draft, report or ledger")
        ->required()
        ->check(CLI::IsMember(names))
        ->type_name("NAME");
    return command;
}

Command schema_command() {
    auto options = std::make_shared<SchemaOptions>();
    return Command{"schema", [options](CLI::App& app) { return add_schema_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_schema(*options, context);
                   },
                   false};
}

CommandResult run_schema(const SchemaOptions& options, CommandContext& context) {
    const auto text = schema_text(options.name);
    if (!text) {
        return failure(ExitCode::usage,
                       "no schema named '" + options.name + "': use payload, draft, report or ledger");
    }
    context.out << *text << std::flush;
    return ExitCode::ok;
}

} // namespace backup_request
