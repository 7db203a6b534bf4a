// The steps of every request command, over the kind's fields: flags in, one draft, the kind's rules, out.
#include "request_command.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/ledger_record.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/portal_form.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/text/visible_text.hpp"
#include "guided_intake.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "request_ledger.hpp"
#include "ticket_submission.hpp"
#include "time_reading.hpp"
#include "tracker_flags.hpp"

#include <memory>
#include <ostream>

namespace backup_request {

using json = nlohmann::json;

namespace {

// The draft value a nested key ("retention.days") lives at, created as an object on the way.
json& draft_slot(json& draft, const std::string& key) {
    const auto dot = key.find('.');
    if (dot == std::string::npos) {
        return draft[key];
    }
    json& parent = draft[key.substr(0, dot)];
    if (!parent.is_object()) {
        parent = json::object();
    }
    return parent[key.substr(dot + 1)];
}

void overlay_flags(const CLI::App& command, const RequestKind& kind, const RequestOptions& options,
                   json& draft) {
    if (!draft.is_object()) {
        return; // the rules report it; flags cannot fix a draft that is not an object
    }
    if (kind.stamps_request_type) {
        draft["request_type"] = kind.request_type;
    }
    for (const auto& field : kind.fields) {
        if (command.count(flag_name(field)) == 0) {
            continue;
        }
        switch (field.shape) {
        case FieldShape::text:
        case FieldShape::justification:
            draft_slot(draft, field.key) = options.texts.at(field.key);
            break;
        case FieldShape::text_list:
            draft_slot(draft, field.key) = options.lists.at(field.key);
            break;
        case FieldShape::whole_number:
            draft_slot(draft, field.key) = options.numbers.at(field.key);
            break;
        }
        if (!field.erases.empty()) {
            draft.erase(field.erases); // two ways to say one thing replace each other
        }
    }
}

// "--at, --env, --justification (or --justification-file)": the required fields no flag gave.
// The required fields neither a flag, its alternative nor (with --request) the ledger gives.
std::vector<const RequestField*> missing_fields(const CLI::App& command, const RequestKind& kind,
                                                const RequestOptions& options) {
    std::vector<const RequestField*> missing;
    const bool from_ledger = !options.request_id.empty();
    for (const auto& field : kind.fields) {
        if (from_ledger && field.known_to_ledger) {
            continue;
        }
        const std::string alternative =
            field.shape == FieldShape::justification ? "--justification-file" : field.or_flag;
        if (!field.required || command.count(flag_name(field)) != 0 ||
            (!alternative.empty() && command.count(alternative) != 0)) {
            continue;
        }
        missing.push_back(&field);
    }
    return missing;
}

std::string missing_flags(const std::vector<const RequestField*>& missing) {
    std::string list;
    for (const RequestField* field : missing) {
        const std::string alternative =
            field->shape == FieldShape::justification ? "--justification-file" : field->or_flag;
        list += (list.empty() ? "" : ", ") + flag_name(*field) +
                (alternative.empty() ? "" : " (or " + alternative + ")");
    }
    return list;
}

void add_field_flag(CLI::App& command, const RequestField& field, RequestOptions& options) {
    switch (field.shape) {
    case FieldShape::text:
        command.add_option(field.flags, options.texts[field.key], field.help)->type_name(field.type_name);
        break;
    case FieldShape::text_list:
        command.add_option(field.flags, options.lists[field.key], field.help)
            ->type_name(field.type_name)
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        break;
    case FieldShape::whole_number: {
        int& value = options.numbers[field.key];
        value = field.fallback.value_or(0);
        auto* option = command.add_option(field.flags, value, field.help)
                           ->type_name(field.type_name)
                           ->transform(whole_number_in(field.minimum, field.maximum, "days"));
        if (field.fallback) {
            option->default_str(std::to_string(*field.fallback));
        }
        break;
    }
    case FieldShape::justification: {
        auto* text =
            command.add_option(field.flags, options.texts[field.key], field.help)->type_name(field.type_name);
        auto* file = command.add_option("--justification-file", options.justification_file, field.file_help)
                         ->type_name("PATH");
        text->excludes(file);
        break;
    }
    }
}

// The chosen --format's text: the payload, case text, a tracker's body, or the calendar file.
OrFailure<std::string> rendered(const JudgedRequest& judged, const RequestKind& kind,
                                const RequestOptions& options, sys_seconds now,
                                const std::string& record_command) {
    const std::string& format = options.output.format;
    if (format == "ics") {
        return deadline_calendar(judged.document(), now);
    }
    if (const auto tracker = tracker_named(format)) {
        auto body = tracker_body(*tracker, judged.document(), options.tracker, options.output.compact);
        if (auto* error = std::get_if<TrackerError>(&body)) {
            return error->missing_setting ? usage_failure(kind.command, error->message)
                                          : failure(ExitCode::rule_violation, error->message);
        }
        return std::get<std::string>(body);
    }
    if (format == "text") {
        return render_portal_case(judged.document(), judged.render(OutputFormat::text, false),
                                  PortalForm{options.infrastructure, record_command});
    }
    const OutputFormat text_format = format == "text"       ? OutputFormat::text
                                     : format == "markdown" ? OutputFormat::markdown
                                                            : OutputFormat::json;
    return judged.render(text_format, options.output.compact);
}

// The draft from --example, --from and the flags (in that order of precedence, lowest first), with the zone
// from BACKUP_REQUEST_TZ, the reference prefix and --justification-file applied.
OrFailure<DraftFile> build_draft(const CLI::App& command, const RequestKind& kind,
                                 const RequestOptions& options, sys_seconds now, CommandContext& context,
                                 const json& recorded) {
    DraftFile built{options.example ? *kind.example : json::object(), {}};
    json& draft = built.document;
    if (command.count("--from") != 0) {
        auto read = read_draft_file("--from", options.from, context.in);
        if (auto* failed = std::get_if<CommandFailure>(&read)) {
            return std::move(*failed);
        }
        built = std::move(std::get<DraftFile>(read));
        if (options.example && draft.is_object()) {
            draft.insert(kind.example->begin(), kind.example->end()); // only the fields the draft lacks
        }
    }
    if (draft.is_object() && recorded.is_object()) {
        // --request: what the ledger knows fills what the draft lacks; an access end it knows replaces a
        // delivery time the draft gave, as the flags do (two ways to say one thing).
        if (draft.contains("delivered_at") || draft.contains("access_expires_at")) {
            json known = recorded;
            known.erase("delivered_at");
            known.erase("access_expires_at");
            draft.insert(known.begin(), known.end());
        } else {
            draft.insert(recorded.begin(), recorded.end());
        }
    }
    overlay_flags(command, kind, options, draft);
    if (auto error = apply_time_zone_variable(context, draft, now)) {
        return usage_failure(kind.command, *error);
    }
    apply_reference_prefix(options.reference_prefix, draft);
    if (command.count("--justification-file") != 0) {
        if (auto failed = read_justification_file(options.justification_file, context.in, draft)) {
            return std::move(*failed);
        }
    }
    return built;
}

bool is_example_payload(const JudgedRequest& judged) {
    if (!judged.render) {
        return false;
    }
    const auto& payload = judged.payload();
    const auto found = payload.find("example");
    return found != payload.end() && found->is_boolean() && found->get<bool>();
}

// Where the case went, as the ledger records it.
std::string destination_of(const CLI::App& command, const RequestOptions& options) {
    const std::string& output = options.output.output;
    // Absolute, so show says where the case is from any folder; escaped, so the record holds UTF-8 only
    // (a Latin-1 file name is bytes that no JSON listing could write).
    return command.count("--output") == 0 || output == "-" ? std::string("stdout")
                                                           : visible_text(platform::absolute_path(output));
}

// Whether the missing required fields are asked for at the terminal; a usage failure naming them where they
// cannot be (no terminal, --no-input, a kind without prompts, stdin taken by --justification-file -).
OrFailure<bool> needs_guided_intake(const CLI::App& command, const RequestKind& kind,
                                    const RequestOptions& options, const CommandContext& context) {
    if (command.count("--from") != 0 || options.example) {
        return false;
    }
    const auto fields = missing_fields(command, kind, options);
    if (fields.empty()) {
        return false;
    }
    const std::string missing = missing_flags(fields);
    const bool terminal = context.environment.stdin_is_terminal && context.environment.stderr_is_terminal;
    // Asked for only when every missing field has a prompt (extend without --request lacks the case's facts).
    const bool askable = std::all_of(fields.begin(), fields.end(),
                                     [](const RequestField* field) { return can_ask_for(field->key); });
    if (!kind.guided || !askable || options.no_input || !terminal || options.justification_file == "-") {
        return usage_failure(kind.command,
                             "missing " + missing +
                                 (kind.example ? " (or try --example to see a complete request)" : ""));
    }
    return true;
}

// --request ID: what the ledger knows of the request an extension extends; none without --request.
OrFailure<std::optional<RecordedFacts>> request_facts(const RequestOptions& options, sys_seconds now,
                                                      const CommandContext& context) {
    if (options.request_id.empty()) {
        return std::optional<RecordedFacts>();
    }
    auto facts = recorded_facts(options.request_id, now, context);
    if (auto* failed = std::get_if<CommandFailure>(&facts)) {
        return std::move(*failed);
    }
    return std::optional<RecordedFacts>(std::move(std::get<RecordedFacts>(facts)));
}

// The record a judged request would leave in the ledger once written; none when a rule is broken.
std::optional<LedgerRecord> ledger_record_of(const JudgedRequest& judged,
                                             const std::optional<RecordedFacts>& recorded,
                                             const CLI::App& command, const RequestOptions& options) {
    if (!judged.render) {
        return std::nullopt;
    }
    auto record =
        record_from_payload(judged.payload(), options.output.format, destination_of(command, options));
    if (recorded) {
        record.extends = recorded->record.id;
        record.environments = recorded->record.environments;
    }
    return record;
}

// create --submit: the case is written and recorded; its ticket is opened as `submit ID` would, and a
// failure costs neither. The URL goes to stderr: stdout holds the case.
CommandResult submit_written(const std::optional<std::string>& id, const RequestOptions& options,
                             RequestLedger& ledger, sys_seconds now, CommandContext& context) {
    const std::string& named = options.submit_to.empty() ? options.submit.tracker : options.submit_to;
    if (named.empty()) {
        return usage_failure("create",
                             "the case is written, not submitted: --submit needs a tracker (--submit "
                             "github, --tracker, or tracker = \"github\" in the config)");
    }
    LedgerStore* store = ledger.recorded_store();
    if (!id || store == nullptr) {
        return failure(ExitCode::tracker, "the case is written, not submitted: submitting needs the ledger, "
                                          "which keeps a retry from opening a second ticket");
    }
    const Tracker tracker = *tracker_named(named);
    SubmitSettings submit = options.submit;
    submit.tracker = named;
    // The record as stored: its history is what the store compares before it adds the ticket.
    std::optional<LedgerRecord> stored;
    try {
        stored = store->find(*id);
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::output, std::string("ledger: ") + unavailable.what());
    }
    if (!stored) {
        return failure(ExitCode::output, "the case is written, not submitted: its record " + *id +
                                             " is not in the ledger any more");
    }
    auto submitted = open_ticket(*stored, tracker, options.tracker, submit, *store, now, context);
    if (auto* failed = std::get_if<CommandFailure>(&submitted)) {
        failed->messages.back() += "; the case is written and recorded as " + *id +
                                   ": backup-request submit " + *id + " --to " + named + " tries again";
        return std::move(*failed);
    }
    const auto& done = std::get<SubmittedTicket>(submitted);
    if (!context.quiet) {
        context.err << visible_text(done.note) << ": " << submitted_text(done, false);
    }
    return ExitCode::ok;
}

// --output naming a file this command reads (--from, --justification-file) is refused before anything is
// read.
std::optional<CommandFailure> output_over_an_input(const CLI::App& command, const RequestKind& kind,
                                                   const RequestOptions& options) {
    if (command.count("--output") == 0) {
        return std::nullopt;
    }
    std::vector<NamedInput> inputs;
    if (command.count("--from") != 0) {
        inputs.push_back({"--from", options.from});
    }
    if (command.count("--justification-file") != 0) {
        inputs.push_back({"--justification-file", options.justification_file});
    }
    return output_overwrites_input(kind.command, options.output, inputs);
}

} // namespace

Command request_command(const RequestKind& kind) {
    auto options = std::make_shared<RequestOptions>();
    return Command{
        kind.command, [&kind, options](CLI::App& app) { return add_request_command(app, kind, *options); },
        [&kind, options](const CLI::App& /*app*/, const CLI::App& command, CommandContext& context) {
            return run_request(command, kind, *options, context);
        }};
}

CLI::App* add_request_command(CLI::App& app, const RequestKind& kind, RequestOptions& options) {
    CLI::App* command = app.add_subcommand(kind.command, kind.summary);
    command->footer(kind.footer);
    command->add_option("--from", options.from, kind.from_help)->type_name("PATH");
    for (const auto& field : kind.fields) {
        if (!field.after_clock) {
            add_field_flag(*command, field, options);
        }
    }
    command
        ->add_option("--now", options.now,
                     "Judge against this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    for (const auto& field : kind.fields) {
        if (field.after_clock) {
            add_field_flag(*command, field, options);
        }
    }
    add_reference_prefix(*command, options.reference_prefix);
    add_output_flags(*command, options.output);
    command
        ->add_option("--infrastructure", options.infrastructure,
                     "--format text: your infrastructure's name, the Support Portal form's first field")
        ->type_name("NAME")
        ->check(non_empty("the infrastructure's name as the portal lists it"));
    add_tracker_flags(*command, options.tracker);
    const std::string submitting =
        "Submitting (open the ticket in your tracker, exactly once; docs/ticketing.md)";
    command
        ->add_option("--submit", options.submit_to,
                     "Once the case is written and recorded, open its ticket in TRACKER (else --tracker's); "
                     "its URL goes to stderr")
        ->type_name("[TRACKER]")
        ->expected(0, 1)
        ->check(
            CLI::IsMember({"jira", "jira-server", "github", "gitlab", "zendesk", "servicenow", "redmine"}))
        ->group(submitting);
    command
        ->add_option("--tracker", options.submit.tracker,
                     "The tracker --submit opens the ticket in (config: tracker)")
        ->type_name("TRACKER")
        ->check(
            CLI::IsMember({"jira", "jira-server", "github", "gitlab", "zendesk", "servicenow", "redmine"}))
        ->group(submitting);
    add_submit_flags(*command, options.submit, submitting);
    add_tracker_connection_flags(*command, options.tracker);
    command->add_flag("--strict", options.strict, "Fail on warnings as on errors");
    command->add_flag("--allow-secrets", options.allow_secrets,
                      "Accept text that looks like a credential (a false positive of the secret check)");
    if (kind.guided) {
        command->add_flag(
            "--no-input", options.no_input,
            "Never prompt: missing flags are an error even at a terminal (without a terminal, never)");
    }
    if (kind.extends_recorded) {
        command
            ->add_option("--request", options.request_id,
                         "A delivered request in the ledger: its case, delivery or access end, contact and "
                         "reference fill the flags not given")
            ->type_name("ID")
            ->check(non_empty("an id that backup-request list shows"));
    }
    if (kind.example) {
        command->add_flag(
            "--example", options.example,
            "Print an example payload (marked \"example\": true); other flags override its fields");
    }
    return command;
}

CommandResult run_request(const CLI::App& command, const RequestKind& kind, const RequestOptions& options,
                          CommandContext& context) {
    const bool from_draft = command.count("--from") != 0;
    if (from_draft && options.from == "-" && options.justification_file == "-") {
        return usage_failure(kind.command, "--from - and --justification-file - cannot both read stdin");
    }
    if (auto refused = output_over_an_input(command, kind, options)) {
        return std::move(*refused);
    }
    if (!options.example) {
        if (auto refused = ledger_conflict(
                kind.command, command.count("--output") == 0 ? std::string("-") : options.output.output,
                context)) {
            return std::move(*refused);
        }
    }
    const auto guided_or_not = needs_guided_intake(command, kind, options, context);
    if (const auto* failed = std::get_if<CommandFailure>(&guided_or_not)) {
        return *failed;
    }
    const bool guided = std::get<bool>(guided_or_not);
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure(kind.command, error->message);
    }
    const auto& resolved = std::get<ResolvedNow>(now);
    context.log->info("judging against {} ({})", format_utc_time(resolved.time), resolved.source);

    auto facts = request_facts(options, resolved.time, context);
    if (auto* failed = std::get_if<CommandFailure>(&facts)) {
        return std::move(*failed);
    }
    const auto& recorded = std::get<std::optional<RecordedFacts>>(facts);
    auto built =
        build_draft(command, kind, options, resolved.time, context, recorded ? recorded->fields : json());
    if (auto* failed = std::get_if<CommandFailure>(&built)) {
        return std::move(*failed);
    }
    auto& [draft, duplicate_keys] = std::get<DraftFile>(built);
    if (guided && !ask_missing_fields(kind, draft, resolved.time, options.allow_secrets, context)) {
        return failure(ExitCode::usage,
                       "the input ended before the request was complete; nothing was written");
    }

    JudgedRequest judged =
        kind.judge(draft, resolved.time,
                   DraftOptions{options.allow_secrets, std::move(duplicate_keys), options.example});
    // This machine's zone named where a wall time has none.
    name_machine_zone(judged.diagnostics, context.environment, resolved.time);
    // An example is never filed, so never recorded: given with --example, or an example draft fed back with
    // --from (its payload keeps "example": true).
    RequestLedger ledger(context, !options.example && judged.render && !is_example_payload(judged));
    const auto record = ledger_record_of(judged, recorded, command, options);
    if (record) {
        // The warnings read and the case recorded in one step of the store (a teammate's same request at the
        // same moment is seen); taken back below if the case is then not written.
        const std::size_t warned = count(judged.diagnostics, Severity::warning);
        append_diagnostics(judged.diagnostics,
                           ledger.claim(*record, resolved.time, [&](const Diagnostics& ledger_warnings) {
                               return !options.strict || warned + ledger_warnings.size() == 0;
                           }));
    }
    print_diagnostics(context.err, judged.diagnostics, !context.quiet);
    if (!judged.render) {
        return ExitCode::rule_violation;
    }
    if (auto failed = strict_failure(options.strict, count(judged.diagnostics, Severity::warning))) {
        ledger.withdraw();
        return std::move(*failed);
    }
    if (guided && !confirm_request(judged.render(OutputFormat::text, false), context)) {
        ledger.withdraw();
        context.err << "Nothing was written.\n";
        return ExitCode::rule_violation;
    }
    // The text form ends with the command that records the vendor's case id: the id it is recorded as.
    std::string record_command;
    if (options.output.format == "text" && ledger.claimed_id()) {
        record_command =
            "backup-request " + ledger.hint() + "mark " + *ledger.claimed_id() + " submitted --case CASE-ID";
    }
    auto text = rendered(judged, kind, options, resolved.time, record_command);
    if (auto* failed = std::get_if<CommandFailure>(&text)) {
        ledger.withdraw();
        return std::move(*failed);
    }
    // What each time was read as, once the case is written from it (the prompt already said it for the one it
    // asked; an example's times are the example's, not the user's).
    if (!options.example && !is_example_payload(judged)) {
        echo_draft_times(context, draft, resolved.time, guided ? "point_in_time" : "");
    }
    auto written = write_result(std::get<std::string>(text), command, options.output, context);
    // Only a case that reached its destination is remembered: a full or closed stdout shows in the stream
    // (main reports it, exit 4).
    if (const auto* code = std::get_if<ExitCode>(&written);
        code != nullptr && *code == ExitCode::ok && context.out.flush().good()) {
        const auto id = ledger.confirm();
        if (command.count("--submit") != 0) {
            return submit_written(id, options, ledger, resolved.time, context);
        }
    } else {
        ledger.withdraw();
    }
    return written;
}

} // namespace backup_request
