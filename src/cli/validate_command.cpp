// `backup-request validate`: streams each input through the draft reader and the rules, reporting as it goes.
#include "validate_command.hpp"

#include "backup_request/cli/standard_streams.hpp"
#include "backup_request/drafts/draft.hpp"
#include "backup_request/drafts/draft_stream.hpp"
#include "backup_request/drafts/plain_draft.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/validation_report.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/time/time_zone.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "progress_line.hpp"
#include "terminal_style.hpp"

#include <istream>
#include <memory>
#include <optional>
#include <ostream>

namespace backup_request {
namespace {

constexpr const char* validate_examples = R"(
Examples:
  backup-request validate draft.json
  backup-request validate --format json drafts.ndjson | jq '.drafts[] | select(.valid | not)'
  cat drafts/*.json | backup-request validate --strict -

Exit codes: 0 every draft valid, 1 a draft breaks a rule, 2 usage, 3 a path cannot be read or is not JSON.)";

// Receives each result as it is produced: prints it (stderr or the JSON report) and adds it to the totals.
class ResultSink {
  public:
    ResultSink(const ValidateOptions& options, CommandContext& context)
        : options_(options), context_(context),
          progress_(context.err, progress_style(options, context), std::chrono::steady_clock::now,
                    context.environment.stderr_columns) {
        if (options.format == "json") {
            json_.emplace(context.out);
        }
    }

    void add(DraftResult&& result) {
        result.strict = options_.strict;
        totals_.add(result);
        if (json_) {
            json_->add(result);
        } else {
            if (!result.diagnostics.empty()) {
                progress_.clear();
            }
            // Under --strict a warning fails the draft, so -q shows it as it shows errors.
            print_draft_result(context_.err, result, !context_.quiet || options_.strict);
        }
        progress_.update(totals_.drafts, totals_.invalid);
    }

    ProgressLine& progress() { return progress_; }

    ExitCode finish() {
        progress_.clear();
        if (json_) {
            json_->finish(totals_);
        } else if (!context_.quiet) {
            context_.err << summary_line(totals_) << '\n';
        }
        if (totals_.input_failure) {
            return ExitCode::input;
        }
        return totals_.invalid == 0 ? ExitCode::ok : ExitCode::rule_violation;
    }

  private:
    // Only for a person watching stderr: never in a pipe or under -q, nor when the JSON report goes to the
    // same terminal.
    static ProgressStyle progress_style(const ValidateOptions& options, const CommandContext& context) {
        const Environment& environment = context.environment;
        if (!environment.stderr_is_terminal || context.quiet ||
            (options.format == "json" && environment.stdout_is_terminal)) {
            return ProgressStyle::off;
        }
        return use_color(context, true) ? ProgressStyle::ansi : ProgressStyle::plain;
    }

    const ValidateOptions& options_;
    CommandContext& context_;
    ProgressLine progress_;
    std::optional<JsonReportWriter> json_;
    ReportTotals totals_;
};

DraftResult unreadable(const std::string& source, const std::string& why) {
    DraftResult result{
        source, std::nullopt, {make_error("input-unreadable", "", "cannot read it: " + why)}, true};
    return result;
}

struct Judgement {
    sys_seconds now;
    std::string time_zone; // default for drafts without one; empty for none
    bool allow_secrets = false;
};

// The size of the input when it is a regular file, and how far reading has got, for the progress line.
void start_progress(std::istream& in, std::optional<std::uint64_t> size, ResultSink& sink) {
    std::streambuf* buffer = in.rdbuf();
    if (!size || buffer == nullptr) {
        sink.progress().start_input(std::nullopt, {});
        return;
    }
    sink.progress().start_input(size, [buffer]() -> std::uint64_t {
        const auto position = buffer->pubseekoff(0, std::ios::cur, std::ios::in);
        return position < 0 ? 0 : static_cast<std::uint64_t>(position);
    });
}

std::optional<std::uint64_t> regular_file_size(const platform::FileStatus& status) {
    return status.kind == platform::FileKind::regular ? std::optional<std::uint64_t>(status.size)
                                                      : std::nullopt;
}

void check_stream(std::istream& in, const std::string& source, const Judgement& judgement, ResultSink& sink) {
    std::size_t documents = 0;
    PlainDraftReader plain;
    // Most drafts of a batch are plain: read without a DOM, judged by the same rules (docs/performance.md).
    const auto take_plain = [&](std::size_t line, std::string_view text) {
        auto draft = plain.read(text);
        if (!draft) {
            return false;
        }
        ++documents;
        if (!draft->time_zone_given && !judgement.time_zone.empty()) {
            draft->input.time_zone = judgement.time_zone;
        }
        draft->input.allow_secrets = judgement.allow_secrets;
        sink.add({source, line, diagnose_request(draft->input, judgement.now), false});
        return true;
    };
    const auto each = [&](DraftDocument&& document) {
        ++documents;
        DraftResult result{source, document.line, {}, false};
        if (const auto* error = std::get_if<JsonError>(&document.parsed)) {
            result.diagnostics.push_back(
                error->code == "json-invalid"
                    ? make_error(error->code, "",
                                 "not JSON (column " + std::to_string(error->column) + "): " + error->message)
                    : make_error(error->code, "", error->message));
            result.line = error->line;
            result.input_failure = true;
        } else {
            auto& draft = std::get<nlohmann::json>(document.parsed);
            if (!judgement.time_zone.empty() && draft.is_object() && !draft.contains("time_zone")) {
                draft["time_zone"] = judgement.time_zone;
            }
            result.diagnostics =
                diagnose_draft(draft, judgement.now,
                               DraftOptions{judgement.allow_secrets, std::move(document.duplicate_keys)});
        }
        sink.add(std::move(result));
    };
    const auto failure = read_draft_documents(in, DraftVisitor{take_plain, each});
    if (failure) {
        // The drafts read before the failure were judged; the rest of this input is lost, the next path is
        // not.
        sink.add(unreadable(source, *failure));
        return;
    }
    if (documents == 0) {
        // Most often a step before this one in a pipeline failed; passing it would hide that.
        sink.add({source,
                  std::nullopt,
                  {make_error("input-empty", "", "no draft found: the input is empty")},
                  true});
    }
}

void check_path(const std::string& path, const Judgement& judgement, CommandContext& context,
                ResultSink& sink) {
    if (path == "-") {
        start_progress(context.in, regular_file_size(platform::descriptor_status(platform::standard_input)),
                       sink);
        check_stream(context.in, "<stdin>", judgement, sink);
        return;
    }
    const auto status = platform::path_status(path);
    if (status.kind == platform::FileKind::folder) {
        sink.add(unreadable(path, "it is a folder; give the draft files inside it"));
        return;
    }
    const auto opened = platform::open_for_reading(path);
    if (opened.fd < 0) {
        sink.add(unreadable(path, platform::error_text(opened.error)));
        return;
    }
    DescriptorInput buffer(opened.fd, false, DescriptorInput::Ownership::owned);
    std::istream file(&buffer);
    // The size is the file's at the start; a file that grows shows its reading capped at that size.
    start_progress(file, regular_file_size(status), sink);
    check_stream(file, path, judgement, sink);
}

} // namespace

CLI::App* add_validate_command(CLI::App& app, ValidateOptions& options) {
    CLI::App* validate = app.add_subcommand("validate", "Check drafts against the rules, as of now");
    validate->footer(validate_examples);
    validate
        ->add_option("paths", options.paths,
                     "Draft files: one JSON object, or NDJSON (one per line); '-' or none "
                     "for stdin")
        ->type_name("PATH");
    validate
        ->add_option("--format", options.format, "human (diagnostics on stderr) or json (a report on stdout)")
        ->check(CLI::IsMember({"human", "json"}))
        ->default_str("human");
    validate
        ->add_option("--now", options.now,
                     "Judge against this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    validate
        ->add_option(
            "--timezone,--time-zone", options.time_zone,
            "Zone for drafts whose point_in_time has no offset and no time_zone (env BACKUP_REQUEST_TZ)")
        ->type_name("AREA/CITY");
    validate->add_flag("--strict", options.strict, "Warnings make a draft invalid");
    validate->add_flag("--allow-secrets", options.allow_secrets,
                       "Accept text that looks like a credential (a false positive of the secret check)");
    return validate;
}

Command validate_command() {
    auto options = std::make_shared<ValidateOptions>();
    return Command{"validate", [options](CLI::App& app) { return add_validate_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_validate(*options, context);
                   }};
}

CommandResult run_validate(const ValidateOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("validate", error->message);
    }
    Judgement judgement{std::get<ResolvedNow>(now).time, options.time_zone, options.allow_secrets};
    if (judgement.time_zone.empty()) {
        judgement.time_zone = default_time_zone(context.environment);
        if (!judgement.time_zone.empty()) {
            if (const auto error = check_time_zone(judgement.time_zone)) {
                // Drafts whose times have offsets do not need it; those that do report time-no-zone.
                context.log->warn("BACKUP_REQUEST_TZ: {}; ignored", visible_text(error->message));
                judgement.time_zone.clear();
            }
        }
    }
    context.log->info("judging against {} ({})", format_utc_time(judgement.now),
                      std::get<ResolvedNow>(now).source);

    ResultSink sink(options, context);
    if (options.paths.empty()) {
        check_path("-", judgement, context, sink);
    }
    for (const auto& path : options.paths) {
        check_path(path, judgement, context, sink);
    }
    return sink.finish();
}

} // namespace backup_request
