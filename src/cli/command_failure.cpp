// Prints command failures, the one place that does.
#include "command_failure.hpp"

#include "backup_request/text/visible_text.hpp"

#include <ostream>

namespace backup_request {

CommandFailure usage_failure(const std::string& command, std::string message) {
    return CommandFailure{ExitCode::usage,
                          {std::move(message)},
                          "Run 'backup-request" + (command.empty() ? "" : " " + command) +
                              " --help' for usage."};
}

CommandFailure failure(ExitCode code, std::string message) {
    return CommandFailure{code, {std::move(message)}, {}};
}

CommandFailure config_failure(ExitCode code, std::vector<std::string> messages) {
    for (auto& message : messages) {
        message.insert(0, "config file ");
    }
    return CommandFailure{code, std::move(messages), {}};
}

int report(const CommandResult& result, std::ostream& err) {
    if (const auto* code = std::get_if<ExitCode>(&result)) {
        return to_int(*code);
    }
    const auto& failed = std::get<CommandFailure>(result);
    for (const auto& message : failed.messages) {
        err << "error: " << visible_text(message) << '\n';
    }
    if (!failed.hint.empty()) {
        err << failed.hint << '\n';
    }
    return to_int(failed.code);
}

} // namespace backup_request
