// Shared edge code of the commands that write a request: files in, payload or case text out.
#include "request_output.hpp"

#include "backup_request/drafts/draft_stream.hpp"
#include "backup_request/drafts/json_text.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/output_file.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "text_input.hpp"

#include <ostream>

namespace backup_request {

void add_output_flags(CLI::App& command, OutputOptions& options) {
    command.add_option("-o,--output", options.output, "Write to this file instead of stdout")
        ->type_name("PATH");
    command.add_flag("-f,--force", options.force, "Replace the --output file if it exists");
    command
        .add_option(
            "--format", options.format,
            "json (the payload); text or markdown (a case body to paste into the support form); jira, "
            "jira-server, github, gitlab, zendesk, servicenow or redmine (the body of that tracker's "
            "create-issue API); ics (the deadline as a calendar event)")
        ->check(CLI::IsMember({"json", "text", "markdown", "jira", "jira-server", "github", "gitlab",
                               "zendesk", "servicenow", "redmine", "ics"}))
        ->default_str("json");
    command.add_flag("--compact", options.compact, "One line of JSON");
}

OrFailure<DraftFile> read_draft_file(const std::string& flag, const std::string& path, std::istream& in) {
    // The file may be larger than the limit by its line ends; the limit is on the content (draft_stream.hpp).
    auto content = read_text_input(path, in, max_draft_file_bytes);
    const auto* text = std::get_if<std::string>(&content);
    const auto* read_error = std::get_if<ReadError>(&content);
    if ((read_error != nullptr && read_error->too_large) ||
        (text != nullptr && draft_content_size(*text) > max_draft_bytes)) {
        return failure(ExitCode::input,
                       flag + ": " + display_name(path) + " is larger than " + size_text(max_draft_bytes) +
                           ", the limit for this input; split it into drafts of at most 1 MiB each");
    }
    if (read_error != nullptr) {
        return failure(ExitCode::input, flag + ": " + read_error->message);
    }
    std::vector<std::string> duplicates;
    auto parsed = parse_json_text(std::get<std::string>(content), &duplicates);
    if (auto* error = std::get_if<JsonError>(&parsed)) {
        return failure(ExitCode::input, flag + ": " + (path == "-" ? "<stdin>" : path) + ":" +
                                            std::to_string(error->line) + ":" +
                                            std::to_string(error->column) + ": not JSON: " + error->message +
                                            " [json-invalid]");
    }
    return DraftFile{std::move(std::get<nlohmann::json>(parsed)), std::move(duplicates)};
}

std::optional<CommandFailure> read_justification_file(const std::string& path, std::istream& in,
                                                      nlohmann::json& draft) {
    auto content = read_text_input(path, in, max_justification_file_bytes);
    if (auto* error = std::get_if<ReadError>(&content)) {
        return failure(ExitCode::input,
                       "--justification-file: " + error->message +
                           (error->too_large ? "; a justification holds at most 4000 characters" : ""));
    }
    auto& text = std::get<std::string>(content);
    // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the text.
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
    }
    if (draft.is_object()) {
        draft["justification"] = std::move(text);
    }
    return std::nullopt;
}

std::optional<CommandFailure> output_overwrites_input(const std::string& command_name,
                                                      const OutputOptions& options,
                                                      const std::vector<NamedInput>& inputs) {
    if (options.output.empty() || options.output == "-") {
        return std::nullopt;
    }
    // Only a file can be destroyed this way: a terminal or a pipe may well be both stdin and the output.
    const auto output = platform::path_identity(options.output);
    if (!output || platform::path_status(options.output).kind != platform::FileKind::regular) {
        return std::nullopt;
    }
    for (const auto& input : inputs) {
        const auto identity =
            input.path == "-" ? platform::descriptor_identity(0) : platform::path_identity(input.path);
        if (identity == output) {
            return usage_failure(command_name,
                                 "--output " + backup_request::quoted(options.output) + " is the file that " +
                                     input.flag + " " +
                                     (input.path == "-" ? std::string("reads (stdin)")
                                                        : "reads, " + backup_request::quoted(input.path)) +
                                     ": writing it would destroy the input; choose another --output path");
        }
    }
    return std::nullopt;
}

CommandResult write_result(const std::string& text, const CLI::App& command, const OutputOptions& options,
                           CommandContext& context) {
    // These name stdout itself: written through the checked stream, so a closed or full stdout is reported.
    const bool is_stdout = options.output == "-" || options.output == "/dev/stdout" ||
                           options.output == "/dev/fd/1" || options.output == "/proc/self/fd/1";
    if (command.count("--output") == 0 || is_stdout) {
        context.out << text << std::flush;
        return ExitCode::ok;
    }
    if (auto error = write_output_file(options.output, text, OutputFileOptions{options.force})) {
        return failure(ExitCode::output, *error);
    }
    context.log->info("wrote {}", options.output);
    return ExitCode::ok;
}

void add_reference_prefix(CLI::App& command, std::string& prefix) {
    command.add_option("--reference-prefix", prefix, "Put this before --reference unless it starts with it")
        ->type_name("TEXT");
}

void apply_reference_prefix(const std::string& prefix, nlohmann::json& draft) {
    if (prefix.empty() || !draft.is_object()) {
        return;
    }
    const auto reference = draft.find("reference");
    if (reference != draft.end() && reference->is_string() &&
        !reference->get<std::string>().starts_with(prefix)) {
        *reference = prefix + reference->get<std::string>();
    }
}

std::optional<CommandFailure> strict_failure(bool strict, std::size_t warnings) {
    if (!strict || warnings == 0) {
        return std::nullopt;
    }
    return failure(ExitCode::rule_violation, "--strict: " + std::to_string(warnings) +
                                                 (warnings == 1 ? " warning counts" : " warnings count") +
                                                 " as an error; nothing was written");
}

} // namespace backup_request
