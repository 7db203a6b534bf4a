// Unit tests for run(): the CLI in process, with a fixed clock and environment.
#include "backup_request/cli/run.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace backup_request;
using backup_request::test::utc;

namespace {

struct Result {
    int code;
    std::string out;
    std::string err;
};

Result run_with(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& variables = {}, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const Environment environment{
        [variables](const std::string& name) -> std::optional<std::string> {
            const auto found = variables.find(name);
            if (found == variables.end() && name == "BACKUP_REQUEST_NO_LEDGER") {
                return "1"; // no test records into the ledger of the user running it (on Windows, a real
                            // folder)
            }
            return found == variables.end() ? std::nullopt : std::optional<std::string>(found->second);
        },
        [] { return utc("2026-11-20T12:00:00Z"); },
    };
    const int code = run(args, in, out, err, environment);
    return {code, out.str(), err.str()};
}

const std::string justification = "A failed deployment at 14:40 UTC deleted 3,000 invoices from the "
                                  "production database. Finance cannot close "
                                  "the month.";

} // namespace

TEST_CASE("create writes the payload on stdout and nothing on stderr") {
    const auto result = run_with({"--no-ledger", "create", "--at", "2026-11-20T10:00:00Z", "--env",
                                  "acme.example.com", "-j", justification});
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    const auto payload = nlohmann::json::parse(result.out);
    CHECK(payload.at("created_at") == "2026-11-20T12:00:00Z");
    CHECK(payload.at("point_in_time") == "2026-11-20T10:00:00Z");
    // A time that was not a full UTC instant is echoed as read; -q keeps stderr empty.
    const auto relative = run_with(
        {"--no-ledger", "create", "--at", "now-2h", "--env", "acme.example.com", "-j", justification});
    CHECK(relative.err ==
          "note: \"now-2h\" (UTC) read as 2026-11-20T10:00:00Z, Friday 20 November, 10:00 UTC\n");
    CHECK(run_with({"--no-ledger", "-q", "create", "--at", "now-2h", "--env", "acme.example.com", "-j",
                    justification})
              .err.empty());
}

TEST_CASE("BACKUP_REQUEST_NOW sets the clock and --now beats it") {
    const std::vector<std::string> args = {"create", "--example", "--compact"};
    auto result = run_with(args, {{"BACKUP_REQUEST_NOW", "2026-11-01T00:00:00Z"}});
    CHECK(nlohmann::json::parse(result.out).at("created_at") == "2026-11-01T00:00:00Z");
    auto with_flag = args;
    with_flag.insert(with_flag.end(), {"--now", "2026-10-01 08:00 UTC"});
    result = run_with(with_flag, {{"BACKUP_REQUEST_NOW", "2026-11-01T00:00:00Z"}});
    CHECK(nlohmann::json::parse(result.out).at("created_at") == "2026-10-01T08:00:00Z");
    result = run_with(args, {{"BACKUP_REQUEST_NOW", "yesterday"}});
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err,
               Catch::StartsWith("error: BACKUP_REQUEST_NOW: 'yesterday' is not a date and time"));
}

TEST_CASE("Exit codes: rule violation 1, usage 2, unreadable input 3") {
    auto broken = run_with({"create", "--at", "now-20d", "--env", "acme.example.com", "-j", justification});
    CHECK(broken.code == 1);
    CHECK(broken.out.empty());
    CHECK(broken.err ==
          "error: point_in_time: 2026-10-31T12:00:00Z is older than the 15-day retention window by 5 "
          "days (it left the window at 2026-11-15T12:00:00Z); the earliest point in time allowed now "
          "is 2026-11-05T12:00:00Z [time-too-old]\n");
    CHECK(run_with({"create", "--unknown"}).code == 2);
    CHECK(run_with({"create", "--retention-days", "x", "--example"}).code == 2);
    CHECK(run_with({}).code == 2);
    const auto missing = run_with({"create", "--at", "now"});
    CHECK(missing.code == 2);
    CHECK(missing.err ==
          "error: missing --env, --justification (or --justification-file) (or try --example to "
          "see a complete request)\nRun 'backup-request create --help' for usage.\n");
    const auto unreadable = run_with({"create", "--at", "now-1h", "--env", "a.example.com",
                                      "--justification-file", "/nonexistent/reason.txt"});
    CHECK(unreadable.code == 3);
    CHECK(unreadable.err ==
          "error: --justification-file: cannot read '/nonexistent/reason.txt': No such file or "
          "directory\n");
}

TEST_CASE("The justification can come from stdin") {
    const auto result = run_with(
        {"create", "--at", "now-1h", "--env", "a.example.com", "--justification-file", "-", "--compact"}, {},
        justification + "\n");
    CHECK(result.code == 0);
    CHECK(nlohmann::json::parse(result.out).at("justification") == justification);
}

TEST_CASE("The --strict flag turns warnings into a failure and writes nothing, -q hides warnings") {
    const std::vector<std::string> args = {"create",        "--at", "now-1m",     "--env",
                                           "a.example.com", "-j",   justification};
    auto strict = args;
    strict.emplace_back("--strict");
    const auto failed = run_with(strict);
    CHECK(failed.code == 1);
    CHECK(failed.out.empty());
    CHECK_THAT(failed.err,
               Catch::EndsWith("error: --strict: 1 warning counts as an error; nothing was written\n"));
    auto quiet = args;
    quiet.emplace_back("-q");
    const auto hushed = run_with(quiet);
    CHECK(hushed.code == 0);
    CHECK(hushed.err.empty());
}

TEST_CASE("The --help and --version flags succeed on stdout") {
    const auto help = run_with({"create", "--help"});
    CHECK(help.code == 0);
    CHECK_THAT(help.out, Catch::Contains("--justification-file") && Catch::Contains("Examples:"));
    const auto version = run_with({"--version"});
    CHECK(version.code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("0.1.0"));
}
