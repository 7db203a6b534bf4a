// `backup-request extend`: builds an extension draft from --from and the flags, runs the extension rules,
// writes it.
#include "extend_command.hpp"

#include "backup_request/drafts/extension_draft.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/output/case_text.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/payload.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"

#include <ostream>

namespace backup_request {
namespace {

using json = nlohmann::json;

constexpr const char* extend_examples = R"(
Access to the restored database lasts 7 days from delivery; an extension adds 1 to 7 days, on justification.

Examples:
  backup-request extend --case 00123456 --delivered-at 2026-11-20T09:00:00Z --days 3 \
      --justification "Reconciling 1,200 orders takes longer than planned: ..."
  backup-request extend --case 00123456 --expires-at 2026-11-30T09:00:00Z --days 7 \
      --justification-file reason.txt --format markdown)";

void overlay_flags(const CLI::App& command, const ExtendOptions& options, json& draft) {
    if (!draft.is_object()) {
        return;
    }
    draft["request_type"] = extension_request_type;
    const auto set = [&](const char* flag, const char* key, const std::string& value) {
        if (command.count(flag) != 0) {
            draft[key] = value;
        }
    };
    set("--case", "case", options.case_id);
    set("--timezone", "time_zone", options.time_zone);
    set("--justification", "justification", options.justification);
    set("--contact", "contact", options.contact);
    set("--reference", "reference", options.reference);
    // The two ways to say when access ends replace each other.
    if (command.count("--delivered-at") != 0) {
        draft["delivered_at"] = options.delivered_at;
        draft.erase("access_expires_at");
    }
    if (command.count("--expires-at") != 0) {
        draft["access_expires_at"] = options.expires_at;
        draft.erase("delivered_at");
    }
    if (command.count("--days") != 0) {
        draft["extension_days"] = options.days;
    }
}

std::string missing_flags(const CLI::App& command) {
    std::string list;
    const auto add = [&](const char* flag) { list += (list.empty() ? "" : ", ") + std::string(flag); };
    if (command.count("--case") == 0) {
        add("--case");
    }
    if (command.count("--delivered-at") == 0 && command.count("--expires-at") == 0) {
        add("--delivered-at (or --expires-at)");
    }
    if (command.count("--days") == 0) {
        add("--days");
    }
    if (command.count("--justification") == 0 && command.count("--justification-file") == 0) {
        add("--justification (or --justification-file)");
    }
    return list;
}

std::string render(const ExtensionRequest& request, const OutputOptions& output) {
    if (output.format == "text") {
        return extension_case_text(request, TextStyle::plain);
    }
    if (output.format == "markdown") {
        return extension_case_text(request, TextStyle::markdown);
    }
    return serialize_payload(to_extension_payload(request), output.compact);
}

} // namespace

CLI::App* add_extend_command(CLI::App& app, ExtendOptions& options) {
    CLI::App* extend = app.add_subcommand("extend", "Ask for more days of access to a restored backup");
    extend->footer(std::string(extend_examples) + "\n\nTimes: " + std::string(accepted_time_forms));
    extend->add_option("--from", options.from, "Start from an extension draft (JSON, '-' for stdin)")
        ->type_name("PATH");
    extend->add_option("--case", options.case_id, "The vendor's support case id")->type_name("ID");
    auto* delivered = extend
                          ->add_option("--delivered-at", options.delivered_at,
                                       "When access was handed over (it lasts 7 days from then)")
                          ->type_name("TIME");
    auto* expires = extend
                        ->add_option("--expires-at", options.expires_at,
                                     "When access ends now, if it was extended before")
                        ->type_name("TIME");
    delivered->excludes(expires);
    extend->add_option("--days", options.days, "Extra days of access wanted")
        ->type_name("N")
        ->check(whole_number_in(1, 7, "days"));
    extend
        ->add_option("--timezone,--time-zone", options.time_zone,
                     "Read times without an offset as local time in this IANA zone (env BACKUP_REQUEST_TZ)")
        ->type_name("AREA/CITY");
    auto* text = extend->add_option("-j,--justification", options.justification, "Why access is still needed")
                     ->type_name("TEXT");
    auto* file = extend
                     ->add_option("--justification-file", options.justification_file,
                                  "Read the justification from a file ('-' for stdin)")
                     ->type_name("PATH");
    text->excludes(file);
    extend->add_option("--contact", options.contact, "Contact e-mail address")->type_name("EMAIL");
    extend->add_option("--reference", options.reference, "Your own incident or ticket id")->type_name("ID");
    extend
        ->add_option("--now", options.now,
                     "Judge against this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    add_reference_prefix(*extend, options.reference_prefix);
    add_output_flags(*extend, options.output);
    extend->add_flag("--strict", options.strict, "Fail on warnings as on errors");
    extend->add_flag("--allow-secrets", options.allow_secrets,
                     "Accept text that looks like a credential (a false positive of the secret check)");
    return extend;
}

int run_extend(const CLI::App& command, const ExtendOptions& options, CommandContext& context) {
    const bool from_draft = command.count("--from") != 0;
    if (from_draft && options.from == "-" && options.justification_file == "-") {
        return usage_error(context, "extend", "--from - and --justification-file - cannot both read stdin");
    }
    if (!from_draft) {
        if (const std::string missing = missing_flags(command); !missing.empty()) {
            return usage_error(context, "extend", "missing " + missing);
        }
    }
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_error(context, "extend", error->message);
    }
    const sys_seconds time = std::get<ResolvedNow>(now).time;

    json draft = json::object();
    std::vector<std::string> duplicate_keys;
    if (from_draft) {
        auto read = read_draft_file("--from", options.from, context);
        if (const int* code = std::get_if<int>(&read)) {
            return *code;
        }
        draft = std::move(std::get<DraftFile>(read).document);
        duplicate_keys = std::move(std::get<DraftFile>(read).duplicate_keys);
    }
    overlay_flags(command, options, draft);
    if (auto error = apply_time_zone_variable(context, draft, time)) {
        return usage_error(context, "extend", *error);
    }
    apply_reference_prefix(options.reference_prefix, draft);
    if (command.count("--justification-file") != 0) {
        if (auto code = read_justification_file(options.justification_file, context, draft)) {
            return *code;
        }
    }

    const ExtensionEvaluation evaluation =
        evaluate_extension_draft(draft, time, options.allow_secrets, duplicate_keys);
    print_diagnostics(context.err, evaluation.diagnostics, !context.quiet);
    if (!evaluation.request) {
        return to_int(ExitCode::rule_violation);
    }
    if (fails_strict(options.strict, count(evaluation.diagnostics, Severity::warning), context)) {
        return to_int(ExitCode::rule_violation);
    }
    return write_result(render(*evaluation.request, options.output), command, options.output, context);
}

} // namespace backup_request
