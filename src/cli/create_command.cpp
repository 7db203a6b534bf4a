// `backup-request create`: builds a draft from --example, --from and the flags (in that order of precedence,
// lowest first), runs the one rules engine on it, and writes the payload.
#include "create_command.hpp"

#include "backup_request/drafts/draft.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/output/case_text.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/payload.hpp"
#include "guided_intake.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"

#include <ostream>

namespace backup_request {
namespace {

using json = nlohmann::json;

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
  backup-request create --from draft.json --at now-30m | jq .point_in_time

Times: )";

json example_draft() {
    return {{"point_in_time", "now-2h"},
            {"environments", {"acme-prd.outsystemsenterprise.com"}},
            {"justification", example_justification},
            {"contact", "ops@acme.example"},
            {"reference", "INC-4711"}};
}

void overlay_flags(const CLI::App& command, const CreateOptions& options, json& draft) {
    if (!draft.is_object()) {
        return; // the rules report it; flags cannot fix a draft that is not an object
    }
    if (command.count("--at") != 0) {
        draft["point_in_time"] = options.at;
    }
    if (command.count("--timezone") != 0) {
        draft["time_zone"] = options.time_zone;
    }
    if (!options.environments.empty()) {
        draft["environments"] = options.environments;
    }
    if (command.count("--justification") != 0) {
        draft["justification"] = options.justification;
    }
    if (command.count("--contact") != 0) {
        draft["contact"] = options.contact;
    }
    if (command.count("--reference") != 0) {
        draft["reference"] = options.reference;
    }
    if (command.count("--retention-days") != 0) {
        if (!draft.contains("retention") || !draft["retention"].is_object()) {
            draft["retention"] = json::object();
        }
        draft["retention"]["days"] = options.retention_days;
    }
}

std::string missing_flags(const CLI::App& command, const CreateOptions& options) {
    std::string list;
    const auto add = [&](const char* flag) { list += (list.empty() ? "" : ", ") + std::string(flag); };
    if (command.count("--at") == 0) {
        add("--at");
    }
    if (options.environments.empty()) {
        add("--env");
    }
    if (command.count("--justification") == 0 && command.count("--justification-file") == 0) {
        add("--justification (or --justification-file)");
    }
    return list;
}

std::string render(const Request& request, const OutputOptions& output) {
    if (output.format == "text") {
        return case_text(request, TextStyle::plain);
    }
    if (output.format == "markdown") {
        return case_text(request, TextStyle::markdown);
    }
    return serialize_payload(to_payload(request), output.compact);
}

} // namespace

CLI::App* add_create_command(CLI::App& app, CreateOptions& options) {
    CLI::App* create =
        app.add_subcommand("create", "Check a backup access request and write its support-case payload");
    create->footer(std::string(create_examples) + std::string(accepted_time_forms));
    create
        ->add_option("--from", options.from,
                     "Start from a draft (JSON, '-' for stdin); flags override its fields")
        ->type_name("PATH");
    create
        ->add_option("--at,--point-in-time", options.at,
                     "Point in time to restore, in UTC (or with an offset)")
        ->type_name("TIME");
    create
        ->add_option("--timezone,--time-zone", options.time_zone,
                     "Read --at without an offset as local time in this IANA zone (env BACKUP_REQUEST_TZ)")
        ->type_name("AREA/CITY");
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
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    create->add_option("--retention-days", options.retention_days, "Retention window in days")
        ->type_name("N")
        ->check(whole_number_in(1, 365, "days"))
        ->default_str("15");
    add_reference_prefix(*create, options.reference_prefix);
    add_output_flags(*create, options.output);
    create->add_flag("--strict", options.strict, "Fail on warnings as on errors");
    create->add_flag("--allow-secrets", options.allow_secrets,
                     "Accept text that looks like a credential (a false positive of the secret check)");
    create->add_flag(
        "--no-input", options.no_input,
        "Never prompt: missing flags are an error even at a terminal (without a terminal, never)");
    create->add_flag("--example", options.example,
                     "Print an example payload (marked \"example\": true); other flags override its fields");
    return create;
}

int run_create(const CLI::App& command, const CreateOptions& options, CommandContext& context) {
    const bool from_draft = command.count("--from") != 0;
    if (from_draft && options.from == "-" && options.justification_file == "-") {
        return usage_error(context, "create", "--from - and --justification-file - cannot both read stdin");
    }
    bool guided = false;
    if (!from_draft && !options.example) {
        if (const std::string missing = missing_flags(command, options); !missing.empty()) {
            const bool terminal =
                context.environment.stdin_is_terminal && context.environment.stderr_is_terminal;
            if (options.no_input || !terminal || options.justification_file == "-") {
                return usage_error(context, "create",
                                   "missing " + missing + " (or try --example to see a complete request)");
            }
            guided = true;
        }
    }
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_error(context, "create", error->message);
    }
    const auto& resolved = std::get<ResolvedNow>(now);
    context.log->info("judging against {} ({})", format_utc_time(resolved.time), resolved.source);

    json draft = options.example ? example_draft() : json::object();
    std::vector<std::string> duplicate_keys;
    if (from_draft) {
        auto read = read_draft_file("--from", options.from, context);
        if (const int* code = std::get_if<int>(&read)) {
            return *code;
        }
        draft = std::move(std::get<DraftFile>(read).document);
        duplicate_keys = std::move(std::get<DraftFile>(read).duplicate_keys);
        if (options.example && draft.is_object()) {
            const json example = example_draft();
            draft.insert(example.begin(), example.end()); // only the fields the draft lacks
        }
    }
    overlay_flags(command, options, draft);
    if (auto error = apply_time_zone_variable(context, draft, resolved.time)) {
        return usage_error(context, "create", *error);
    }
    apply_reference_prefix(options.reference_prefix, draft);
    if (command.count("--justification-file") != 0) {
        if (auto code = read_justification_file(options.justification_file, context, draft)) {
            return *code;
        }
    }

    if (guided && !ask_missing_fields(draft, resolved.time, options.allow_secrets, context)) {
        context.err << "error: the input ended before the request was complete; nothing was written\n";
        return to_int(ExitCode::usage);
    }

    Evaluation evaluation =
        evaluate_draft(draft, resolved.time, DraftOptions{options.allow_secrets, std::move(duplicate_keys)});
    print_diagnostics(context.err, evaluation.diagnostics, !context.quiet);
    if (!evaluation.request) {
        return to_int(ExitCode::rule_violation);
    }
    if (fails_strict(options.strict, count(evaluation.diagnostics, Severity::warning), context)) {
        return to_int(ExitCode::rule_violation);
    }
    evaluation.request->example = evaluation.request->example || options.example;
    if (guided && !confirm_request(case_text(*evaluation.request, TextStyle::plain), context)) {
        context.err << "Nothing was written.\n";
        return to_int(ExitCode::rule_violation);
    }
    return write_result(render(*evaluation.request, options.output), command, options.output, context);
}

} // namespace backup_request
