// What create and extend share at the edge: reading a draft or a justification file, and writing the result
// (JSON, or case text) to stdout or --output.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_failure.hpp"

#include <CLI/App.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

namespace backup_request {

struct OutputOptions {
    std::string output;
    std::string format = "json"; // json, text, markdown
    bool force = false;
    bool compact = false;
};

void add_output_flags(CLI::App& command, OutputOptions& options);

// A draft read from a file, with the keys its text repeats (JSON keeps only the last of each).
struct DraftFile {
    nlohmann::json document;
    std::vector<std::string> duplicate_keys;
};

// The JSON document at `path` ('-' for `in`) for `flag`.
[[nodiscard]] OrFailure<DraftFile> read_draft_file(const std::string& flag, const std::string& path,
                                                   std::istream& in);

// Reads --justification-file into draft["justification"] (a byte order mark dropped).
[[nodiscard]] std::optional<CommandFailure> read_justification_file(const std::string& path, std::istream& in,
                                                                    nlohmann::json& draft);

// An input the command reads: its flag and path ('-' for stdin).
struct NamedInput {
    std::string flag;
    std::string path;
};

// Refuses an --output that is the same file as an input, whatever name reaches it (a link, another path,
// stdin redirected from it): writing it would destroy what is being read.
[[nodiscard]] std::optional<CommandFailure> output_overwrites_input(const std::string& command_name,
                                                                    const OutputOptions& options,
                                                                    const std::vector<NamedInput>& inputs);

// Writes `text` to stdout, or atomically to --output.
[[nodiscard]] CommandResult write_result(const std::string& text, const CLI::App& command,
                                         const OutputOptions& options, CommandContext& context);

// --reference-prefix: "INC-" and a reference "4711" make "INC-4711"; a reference that has the prefix is kept.
void add_reference_prefix(CLI::App& command, std::string& prefix);
void apply_reference_prefix(const std::string& prefix, nlohmann::json& draft);

// "--strict: 2 warnings count as an error" when --strict and there are warnings.
[[nodiscard]] std::optional<CommandFailure> strict_failure(bool strict, std::size_t warnings);

} // namespace backup_request
