// Unit tests for the command table: every command in it is in the CLI tree, and hidden ones stay hidden.
#include "command_table.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

TEST_CASE("the table builds the CLI tree, visible_commands leaves the hidden manual out") {
    CLI::App app{"test", "backup-request"};
    std::vector<std::string> names;
    for (const Command& command : command_table()) {
        CLI::App* added = command.add(app);
        REQUIRE(added != nullptr);
        CHECK(added->get_name() == command.name);
        names.push_back(command.name);
    }
    CHECK(names == std::vector<std::string>{"create", "validate", "template", "extend", "list", "show",
                                            "mark", "ledger", "submit", "window", "completion", "manual",
                                            "schema"});
    std::vector<std::string> visible;
    for (const CLI::App* command : visible_commands(app)) {
        visible.push_back(command->get_name());
    }
    CHECK(visible == std::vector<std::string>{"create", "validate", "template", "extend", "list", "show",
                                              "mark", "ledger", "submit", "window", "completion", "schema"});
    for (const CLI::Option* option : visible_options(*app.get_subcommand("create"))) {
        CHECK_FALSE(option->get_group().empty());
    }
}
