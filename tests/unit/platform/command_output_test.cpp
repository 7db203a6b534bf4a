// token_command's runner: what the command prints, its failure in one line, and a command that hangs stopped.
#include "backup_request/platform/command_output.hpp"

#include <catch2/catch.hpp>

using namespace backup_request::platform;

namespace {

std::string failure_of(const std::variant<std::string, CommandOutputFailure>& result) {
    const auto* failed = std::get_if<CommandOutputFailure>(&result);
    return failed == nullptr ? std::string("(no failure)") : failed->message;
}

} // namespace

TEST_CASE("command_output returns what the command printed on stdout") {
    const auto printed = command_output("echo s3cret", std::chrono::seconds{20});
    REQUIRE(std::holds_alternative<std::string>(printed));
    // cmd.exe ends its lines with CRLF; the first line's trailing space and CR are the caller's to trim.
    CHECK(std::get<std::string>(printed).starts_with("s3cret"));
}

TEST_CASE("command_output names an exit status that is not 0") {
    CHECK(failure_of(command_output("exit 3", std::chrono::seconds{20})) == "exited with status 3");
}

#ifndef _WIN32
TEST_CASE("command_output stops a command that runs past the timeout, with what it started") {
    const auto started = std::chrono::steady_clock::now();
    CHECK(failure_of(command_output("sleep 30 & sleep 30", std::chrono::milliseconds{300})) ==
          "still running after 1 s, so it was stopped");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds{10});
    CHECK(failure_of(command_output("no-such-command-here 2>/dev/null", std::chrono::seconds{20})) ==
          "exited with status 127 (command not found)");
}
#endif
