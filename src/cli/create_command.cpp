// `backup-request create`: gathers the request from flags (or the built-in example), runs the rules, writes
// JSON.
#include "create_command.hpp"

#include "backup_request/cli/diagnostic_printer.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/output_file.hpp"
#include "backup_request/payload.hpp"
#include "backup_request/request_rules.hpp"
#include "now_option.hpp"
#include "text_input.hpp"

#include <ostream>

namespace backup_request {
namespace {

constexpr const char* example_environment = "acme-prd.outsystemsenterprise.com";
constexpr const char* example_justification =
    "A faulty data migration deployed to production about an hour ago overwrote the delivery addresses of "
    "roughly 1,200 open orders. Shipping is blocked until they are corrected. We need read access to the "
    "Orders and Addresses tables as they were before the deployment to copy the lost addresses back.";

constexpr const char* create_examples = R"(
Examples:
  backup-request create --at 2026-11-20T14:30:00Z --env acme-prd.outsystemsenterprise.com \
      --justification-file incident.txt --contact ops@acme.example --reference INC-4711
  backup-request create --at now-2h --env https://acme-prd.outsystemsenterprise.com/ServiceCenter/ \
      --justification "A failed deployment deleted ..." --output case.json
  backup-request create --example | jq .point_in_time

Times: )";

int usage_error(CommandContext& context, const std::string& message) {
    context.err << "error: " << message << "\nRun 'backup-request create --help' for usage.\n";
    return to_int(ExitCode::usage);
}

} // namespace

CLI::App* add_create_command(CLI::App& app, CreateOptions& options) {
    CLI::App* create =
        app.add_subcommand("create", "Check a backup access request and write its support-case payload");
    create->footer(std::string(create_examples) + std::string(accepted_time_forms));
    create
        ->add_option("--at,--point-in-time", options.at,
                     "Point in time to restore, in UTC (or with an offset)")
        ->type_name("TIME");
    create
        ->add_option("-e,--env,--environment", options.environments,
                     "Environment address (host name or URL); repeat for several")
        ->type_name("ADDRESS")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    auto* text = create->add_option("-j,--justification", options.justification, "Business justification")
                     ->type_name("TEXT");
    auto* file = create
                     ->add_option("--justification-file", options.justification_file,
                                  "Read the business justification from a file ('-' for stdin)")
                     ->type_name("PATH");
    text->excludes(file);
    create->add_option("--contact", options.contact, "Contact e-mail address for the case")
        ->type_name("EMAIL");
    create->add_option("--reference", options.reference, "Your own incident or ticket id")->type_name("ID");
    create
        ->add_option("--now", options.now,
                     "Judge against this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME");
    create->add_option("--retention-days", options.retention_days, "Retention window in days")
        ->type_name("N")
        ->check(CLI::Range(1, 365))
        ->default_str("15");
    create->add_option("-o,--output", options.output, "Write the payload to this file instead of stdout")
        ->type_name("PATH");
    create->add_flag("-f,--force", options.force, "Replace the --output file if it exists");
    create->add_flag("--compact", options.compact, "One line of JSON");
    create->add_flag("--strict", options.strict, "Fail on warnings as on errors");
    create->add_flag("--example", options.example,
                     "Print an example payload (marked \"example\": true); other flags override its fields");
    return create;
}

int run_create(const CLI::App& command, const CreateOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_error(context, error->message);
    }
    const auto& resolved = std::get<ResolvedNow>(now);
    context.log->info("judging against {} ({})", format_utc_time(resolved.time), resolved.source);

    RequestInput input;
    input.retention_days = options.retention_days;
    input.example = options.example;
    if (options.example) {
        input.point_in_time = "now-2h";
        input.environments = {example_environment};
        input.justification = example_justification;
        input.contact = "ops@acme.example";
        input.reference = "INC-4711";
    }
    if (command.count("--at") != 0) {
        input.point_in_time = options.at;
    }
    if (!options.environments.empty()) {
        input.environments = options.environments;
    }
    if (command.count("--justification") != 0) {
        input.justification = options.justification;
    }
    if (command.count("--contact") != 0) {
        input.contact = options.contact;
    }
    if (command.count("--reference") != 0) {
        input.reference = options.reference;
    }

    std::vector<std::string> missing;
    if (!input.point_in_time) {
        missing.emplace_back("--at");
    }
    if (input.environments.empty()) {
        missing.emplace_back("--env");
    }
    if (!input.justification && command.count("--justification-file") == 0) {
        missing.emplace_back("--justification (or --justification-file)");
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& flag : missing) {
            list += (list.empty() ? "" : ", ") + flag;
        }
        return usage_error(context, "missing " + list + " (or try --example to see a complete request)");
    }

    if (command.count("--justification-file") != 0) {
        auto content = read_text_input(options.justification_file, context.in);
        if (auto* error = std::get_if<ReadError>(&content)) {
            context.err << "error: --justification-file: " << visible_text(error->message) << '\n';
            return to_int(ExitCode::input);
        }
        input.justification = std::move(std::get<std::string>(content));
    }

    const Evaluation evaluation = evaluate_request(input, resolved.time);
    print_diagnostics(context.err, evaluation.diagnostics, !context.quiet);
    if (!evaluation.request) {
        return to_int(ExitCode::rule_violation);
    }
    const auto warnings = count(evaluation.diagnostics, Severity::warning);
    if (options.strict && warnings > 0) {
        context.err << "error: --strict: " << warnings
                    << (warnings == 1 ? " warning counts" : " warnings count")
                    << " as an error; nothing was written\n";
        return to_int(ExitCode::rule_violation);
    }

    const std::string text = serialize_payload(to_payload(*evaluation.request), options.compact);
    if (command.count("--output") == 0 || options.output == "-") {
        context.out << text << std::flush;
        return to_int(ExitCode::ok);
    }
    if (auto error = write_output_file(options.output, text, OutputFileOptions{options.force})) {
        context.err << "error: " << visible_text(*error) << '\n';
        return to_int(ExitCode::output);
    }
    context.log->info("wrote the payload to {}", options.output);
    return to_int(ExitCode::ok);
}

} // namespace backup_request
