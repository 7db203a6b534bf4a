// Unit tests for the config file: which file is chosen, what it may hold, and its errors' positions.
#include "config_file.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace backup_request;

namespace {

Environment environment_with(std::map<std::string, std::string> variables) {
    return Environment{[variables](const std::string& name) -> std::optional<std::string> {
                           const auto found = variables.find(name);
                           return found == variables.end() ? std::nullopt : std::optional(found->second);
                       },
                       [] { return sys_seconds{}; }};
}

struct TestApp {
    CLI::App app{"test", "backup-request"};
    std::string contact;
    std::vector<std::string> environments;
    std::string now;
    bool compact = false;
    int retention_days = 15;
    TestApp() {
        auto* create = app.add_subcommand("create", "Create")->group("Commands");
        create->add_option("--contact", contact);
        create->add_option("-e,--env", environments)
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        create->add_option("--now", now);
        create->add_flag("--compact", compact);
        create->add_option("--retention-days", retention_days)->check(CLI::Range(1, 365));
        app.add_subcommand("window", "Window")->group("Commands")->add_option("--now", now);
    }
};

std::vector<std::string> errors_of(const std::string& text) {
    TestApp test;
    auto read = read_config_text(text, test.app, "c.toml");
    const auto* error = std::get_if<ConfigError>(&read);
    return error == nullptr ? std::vector<std::string>{} : error->messages;
}

} // namespace

TEST_CASE(
    "the config file chosen: --config, then the variable, then an absolute XDG_CONFIG_HOME, then HOME") {
    const auto path_of = [](const std::vector<std::string>& args, std::map<std::string, std::string> vars) {
        const auto choice = choose_config(args, environment_with(std::move(vars)));
        return std::get<ConfigChoice>(choice).path;
    };
    CHECK(path_of({"--config", "a.toml", "create"}, {{"BACKUP_REQUEST_CONFIG", "b.toml"}}) == "a.toml");
    CHECK(path_of({"--config=a.toml"}, {}) == "a.toml");
    CHECK(path_of({}, {{"BACKUP_REQUEST_CONFIG", "b.toml"}}) == "b.toml");
#ifdef _WIN32 // XDG_CONFIG_HOME where set, else %APPDATA% (tests/unit/platform has the folder rules)
    CHECK(path_of({}, {{"XDG_CONFIG_HOME", "D:\\x"}}) == "D:\\x\\backup-request\\config.toml");
    CHECK(path_of({}, {}).ends_with("\\backup-request\\config.toml"));
#else
    CHECK(path_of({}, {{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}}) == "/x/backup-request/config.toml");
    CHECK(path_of({}, {{"XDG_CONFIG_HOME", "rel"}, {"HOME", "/h"}}) ==
          "/h/.config/backup-request/config.toml");
    CHECK(path_of({}, {}).empty());
#endif
    const auto empty = choose_config({"--config", ""}, environment_with({}));
    REQUIRE(std::holds_alternative<ConfigChoiceError>(empty));
    CHECK(std::get<ConfigChoiceError>(empty).message ==
          "--config: the path is empty; name a TOML file, or leave --config out");
}

TEST_CASE("config values become CLI11 items for every command with that flag, a table wins") {
    TestApp test;
    auto read = read_config_text("contact = \"a@b.example\"\nenvironments = [\"x.example.com\",\n  "
                                 "\"y.example.com\"]\ncompact = true\nretention_days = 10\n",
                                 test.app, "c.toml");
    REQUIRE(std::holds_alternative<std::vector<CLI::ConfigItem>>(read));
    const auto& items = std::get<std::vector<CLI::ConfigItem>>(read);
    REQUIRE(items.size() == 4);
    std::map<std::string, std::vector<std::string>> by_name;
    for (const auto& item : items) {
        CHECK(item.parents == std::vector<std::string>{"create"});
        by_name[item.name] = item.inputs;
    }
    CHECK(by_name["contact"] == std::vector<std::string>{"a@b.example"});
    CHECK(by_name["env"] == std::vector<std::string>{"x.example.com", "y.example.com"});
    CHECK(by_name["compact"] == std::vector<std::string>{"true"});
    CHECK(by_name["retention-days"] == std::vector<std::string>{"10"});

    auto table = read_config_text("contact = \"top@b.example\"\n[create]\ncontact = \"own@b.example\"\n",
                                  test.app, "c.toml");
    const auto& overridden = std::get<std::vector<CLI::ConfigItem>>(table);
    REQUIRE(overridden.size() == 1);
    CHECK(overridden[0].inputs == std::vector<std::string>{"own@b.example"});
}

TEST_CASE("the clock and unknown keys are refused, every problem at once, in the file's order") {
    CHECK(errors_of("now = \"2020-01-01T00:00:00Z\"\ncontakt = \"x\"\n") ==
          std::vector<std::string>{
              "c.toml:1:1: 'now' cannot be set in a config file: it is the clock; use --now or "
              "BACKUP_REQUEST_NOW for one run",
              "c.toml:2:1: unknown key 'contakt' (did you mean 'contact'?)"});
    CHECK(errors_of("[windw]\n") ==
          std::vector<std::string>{"c.toml:1:2: unknown table [windw] (did you mean [window]?)"});
}

TEST_CASE("TOML syntax and type errors carry line and column") {
    CHECK(errors_of("contact = \"open\n") ==
          std::vector<std::string>{"c.toml:1:16: not TOML: Error while parsing string: unescaped control "
                                   "characters other than TAB (U+0009) are explicitly prohibited"});
    CHECK(errors_of("compact = 1\n") ==
          std::vector<std::string>{"c.toml:1:11: 'compact' must be true or false, not an integer"});
    CHECK(errors_of("contact = 5\n") ==
          std::vector<std::string>{"c.toml:1:11: 'contact' must be a string, not an integer"});
    CHECK(errors_of("retention_days = \"x\"\n").empty()); // a string is CLI11's to check, against the range
    CHECK(errors_of("a = 1\na = 2\n").size() == 1);
}
