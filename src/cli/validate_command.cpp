// `backup-request validate`: streams each input through the draft reader and the rules, reporting as it goes.
#include "validate_command.hpp"

#include "backup_request/cli/standard_streams.hpp"
#include "backup_request/drafts/draft.hpp"
#include "backup_request/drafts/draft_stream.hpp"
#include "backup_request/drafts/json_text.hpp"
#include "backup_request/drafts/plain_draft.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/validation_report.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/time/time_zone.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "ordered_judging.hpp"
#include "progress_line.hpp"
#include "terminal_style.hpp"

#include <algorithm>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

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
        if (json_format_) {
            json_.emplace(context.out);
        }
    }

    // A draft's tally, and its output appended to `text`: the report's entry, or the diagnostic lines. Reads
    // only the options, so the pool's workers call it.
    DraftTally render(DraftResult& result, std::string& text) const {
        result.strict = options_.strict;
        if (json_format_) {
            append_report_entry(text, result);
        } else {
            // Under --strict a warning fails the draft, so -q shows it as it shows errors.
            append_draft_result(text, result, !context_.quiet || options_.strict);
        }
        return tally(result);
    }

    // Counts a rendered draft and writes its output, in input order.
    void add_rendered(const DraftTally& tally, std::string_view text) {
        totals_.add(tally);
        if (json_) {
            json_->add_entry(text);
        } else if (!text.empty()) {
            progress_.clear();
            context_.err << text;
        }
        progress_.update(totals_.drafts, totals_.invalid);
    }

    void add(DraftResult&& result) {
        text_.clear(); // one buffer for every draft
        const DraftTally counted = render(result, text_);
        add_rendered(counted, text_);
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
    const bool json_format_ = options_.format == "json"; // read by the workers; json_ is the writer's
    std::optional<JsonReportWriter> json_;
    ReportTotals totals_;
    std::string text_;
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

DraftResult judged_plain(PlainDraft& draft, const std::string& source, std::size_t line,
                         const Judgement& judgement) {
    if (!draft.time_zone_given && !judgement.time_zone.empty()) {
        draft.input.time_zone = judgement.time_zone;
    }
    draft.input.allow_secrets = judgement.allow_secrets;
    return {source, line, diagnose_request(draft.input, judgement.now), false};
}

DraftResult judged_document(DraftDocument& document, const std::string& source, const Judgement& judgement) {
    DraftResult result{source, document.line, {}, false};
    if (const auto* error = std::get_if<JsonError>(&document.parsed)) {
        result.diagnostics.push_back(
            error->code == "json-invalid"
                ? make_error(error->code, "",
                             "not JSON (column " + std::to_string(error->column) + "): " + error->message)
                : make_error(error->code, "", error->message));
        result.line = error->line;
        result.input_failure = true;
        return result;
    }
    auto& draft = std::get<nlohmann::json>(document.parsed);
    if (!judgement.time_zone.empty() && draft.is_object() && !draft.contains("time_zone")) {
        draft["time_zone"] = judgement.time_zone;
    }
    result.diagnostics = diagnose_draft(
        draft, judgement.now, DraftOptions{judgement.allow_secrets, std::move(document.duplicate_keys)});
    return result;
}

// One NDJSON line, on a worker: as the stream would read it (a plain draft, else parsed into a DOM with its
// repeated keys), then judged.
DraftResult judged_line(PlainDraftReader& plain, std::string_view text, const std::string& source,
                        std::size_t line, const Judgement& judgement) {
    if (auto draft = plain.read(text)) {
        return judged_plain(*draft, source, line, judgement);
    }
    std::vector<std::string> duplicates;
    auto parsed = parse_json_text(text, &duplicates);
    if (auto* error = std::get_if<JsonError>(&parsed)) {
        error->line = line;
    }
    DraftDocument document{line, std::move(parsed), std::move(duplicates)};
    return judged_document(document, source, judgement);
}

// Where a draft's judgement goes: straight to the sink on this thread (--jobs 1), or to the pool, which hands
// the results to the sink in input order.
struct Judging {
    ResultSink& sink;
    OrderedJudging* pool = nullptr;

    void add(DraftResult&& ready) {
        if (pool != nullptr) {
            pool->add([result = std::move(ready)](PlainDraftReader& /*reader*/,
                                                  OrderedJudging::Results& results) mutable {
                results.add(std::move(result));
            });
        } else {
            sink.add(std::move(ready));
        }
    }
};

// NDJSON lines for the pool, copied one after another into one buffer: a batch of lines is one allocation
// and one piece of work, not one of each per line.
class LineRun {
  public:
    static constexpr std::size_t max_lines = 1024;

    void add(std::size_t line, std::string_view text) {
        lines_.push_back({line, text_.size(), text.size()});
        text_.append(text);
    }
    [[nodiscard]] bool full() const { return lines_.size() >= max_lines; }

    // Hands the lines to the pool, judged as the stream would read them, and starts a new run.
    void submit(OrderedJudging& pool, const std::string& source, const Judgement& judgement) {
        if (lines_.empty()) {
            return;
        }
        const std::size_t drafts = lines_.size();
        const std::size_t last_size = text_.size();
        pool.add(
            [text = std::move(text_), lines = std::move(lines_), &source,
             &judgement](PlainDraftReader& reader, OrderedJudging::Results& results) {
                for (const auto& line : lines) {
                    results.add(judged_line(reader, std::string_view(text).substr(line.offset, line.size),
                                            source, line.number, judgement));
                }
            },
            drafts);
        // The next run is likely the size of this one: reserved at once, not grown by doubling and copying.
        text_ = std::string();
        text_.reserve(last_size + last_size / 8);
        lines_ = std::vector<Line>();
        lines_.reserve(max_lines);
    }

  private:
    struct Line {
        std::size_t number;
        std::size_t offset;
        std::size_t size;
    };
    std::string text_;
    std::vector<Line> lines_;
};

// `source` must outlive the judging (the pool judges later): a path of the options, or stdin's name.
void check_stream(std::istream& in, const std::string& source, const Judgement& judgement, Judging& judging) {
    std::size_t documents = 0;
    PlainDraftReader plain;
    LineRun run; // lines waiting to go to the pool together; sent before anything else is added
    const auto send_run = [&] {
        if (judging.pool != nullptr) {
            run.submit(*judging.pool, source, judgement);
        }
    };
    // Most drafts of a batch are plain: read without a DOM, judged by the same rules (docs/performance.md).
    bool shape_known = false;
    const auto take_plain = [&](std::size_t line, std::string_view text) {
        // Once the first line has shown the input is NDJSON, every other line only needs splitting here: the
        // pool reads it (plain, or through the DOM exactly as the stream would have) on a worker.
        if (judging.pool != nullptr && shape_known) {
            ++documents;
            run.add(line, text);
            if (run.full()) {
                send_run();
            }
            return true;
        }
        shape_known = true;
        auto draft = plain.read(text);
        if (!draft) {
            return false;
        }
        ++documents;
        if (judging.pool != nullptr) {
            send_run();
            judging.pool->add([draft = std::move(*draft), &source, line, &judgement](
                                  PlainDraftReader& /*reader*/, OrderedJudging::Results& results) mutable {
                results.add(judged_plain(draft, source, line, judgement));
            });
        } else {
            judging.sink.add(judged_plain(*draft, source, line, judgement));
        }
        return true;
    };
    const auto each = [&](DraftDocument&& document) {
        ++documents;
        if (judging.pool != nullptr) {
            send_run();
            judging.pool->add([document = std::move(document), &source, &judgement](
                                  PlainDraftReader& /*reader*/, OrderedJudging::Results& results) mutable {
                results.add(judged_document(document, source, judgement));
            });
        } else {
            judging.sink.add(judged_document(document, source, judgement));
        }
    };
    const auto failure = read_draft_documents(in, DraftVisitor{take_plain, each});
    send_run();
    if (failure) {
        // The drafts read before the failure were judged; the rest of this input is lost, the next path is
        // not.
        judging.add(unreadable(source, *failure));
        return;
    }
    if (documents == 0) {
        // Most often a step before this one in a pipeline failed; passing it would hide that.
        judging.add({source,
                     std::nullopt,
                     {make_error("input-empty", "", "no draft found: the input is empty")},
                     true});
    }
}

const std::string stdin_name = "<stdin>";

void check_path(const std::string& path, const Judgement& judgement, CommandContext& context,
                Judging& judging) {
    if (path == "-") {
        start_progress(context.in, regular_file_size(platform::descriptor_status(platform::standard_input)),
                       judging.sink);
        check_stream(context.in, stdin_name, judgement, judging);
        return;
    }
    const auto status = platform::path_status(path);
    if (status.kind == platform::FileKind::folder) {
        judging.add(unreadable(path, "it is a folder; give the draft files inside it"));
        return;
    }
    const auto opened = platform::open_for_reading(path);
    if (opened.fd < 0) {
        judging.add(unreadable(path, platform::error_text(opened.error)));
        return;
    }
    DescriptorInput buffer(opened.fd, false, DescriptorInput::Ownership::owned);
    std::istream file(&buffer);
    // The size is the file's at the start; a file that grows shows its reading capped at that size.
    start_progress(file, regular_file_size(status), judging.sink);
    check_stream(file, path, judgement, judging);
}

// The threads that judge: --jobs, or the cores available; one (this thread alone) when stdin is read and is
// not a regular file, so that drafts typed or piped in are judged as they arrive.
unsigned judging_threads(const ValidateOptions& options) {
    const bool reads_stream =
        (options.paths.empty() ||
         std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) &&
        platform::descriptor_status(platform::standard_input).kind != platform::FileKind::regular;
    if (reads_stream) {
        return 1;
    }
    if (options.jobs > 0) {
        return static_cast<unsigned>(options.jobs);
    }
    return std::max(1U, std::thread::hardware_concurrency());
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
    validate
        ->add_option(
            "--jobs", options.jobs,
            "Threads that judge drafts (default: the cores available); the output is the same for any "
            "number. Stdin that is not a file is judged on one, as it arrives")
        ->type_name("N")
        ->transform(whole_number_in(1, 256, "threads"))
        ->default_str("cores");
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
    const unsigned threads = judging_threads(options);
    std::optional<OrderedJudging> pool;
    if (threads > 1) {
        // simdjson picks its implementation for this CPU on first use: done here, on one thread, before the
        // workers' readers exist.
        PlainDraftReader first_use;
        (void)first_use.read("{}");
        pool.emplace(
            threads, [&sink](DraftResult& result, std::string& text) { return sink.render(result, text); },
            [&sink](const DraftTally& counted, std::string_view text) { sink.add_rendered(counted, text); });
    }
    Judging judging{sink, pool ? &*pool : nullptr};
    if (options.paths.empty()) {
        check_path("-", judgement, context, judging);
    }
    for (const auto& path : options.paths) {
        check_path(path, judgement, context, judging);
    }
    if (pool) {
        pool->finish();
    }
    return sink.finish();
}

} // namespace backup_request
