// Defaults people repeat in every case, from a TOML file (read with toml++): top-level keys apply to every
// command that has that flag, a [create] or [extend] table to that command alone, and flags win. A config
// file holds who you are and how you work; the clock, a request's own facts, the output target and the
// safety switches are refused there.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"

#include <CLI/App.hpp>
#include <CLI/Config.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace backup_request {

struct ConfigChoice {
    std::string path;      // empty: no config file at all
    bool required = false; // given with --config or BACKUP_REQUEST_CONFIG: it must exist
};

struct ConfigChoiceError {
    std::string message;
};

// --config PATH (or --config=PATH) in `args`, else BACKUP_REQUEST_CONFIG, else
// $XDG_CONFIG_HOME/backup-request/config.toml (~/.config when XDG_CONFIG_HOME is unset or relative, as the
// XDG spec says). An empty --config is an error.
[[nodiscard]] std::variant<ConfigChoice, ConfigChoiceError>
choose_config(const std::vector<std::string>& args, const Environment& environment);

// The config file's values as CLI11 takes them, or every problem found, each naming its line and column
// ("config.toml:3:1: 'now' cannot be set in a config file: ..."), in the order of the file.
struct ConfigError {
    std::vector<std::string> messages;
};
[[nodiscard]] std::variant<std::vector<CLI::ConfigItem>, ConfigError>
read_config_text(const std::string& text, const CLI::App& app, const std::string& path);

// Where in the config file a flag's value is set, for an error CLI11 reports about that flag
// ("--retention-days: Value abc not in range 1 to 365"): "config.toml:2", or none when the message names no
// key of the file.
[[nodiscard]] std::optional<std::string>
config_location_of_error(const std::string& text, const std::string& path, const std::string& message);

// Hands CLI11 the values read_config_text() produced: the file was read once, under its size limit, and is
// not opened again.
class PreparsedConfig : public CLI::Config {
  public:
    explicit PreparsedConfig(std::vector<CLI::ConfigItem> values) : items_(std::move(values)) {}
    std::string to_config(const CLI::App* /*app*/, bool /*defaults*/, bool /*write_description*/,
                          std::string /*prefix*/) const override {
        return {};
    }
    std::vector<CLI::ConfigItem> from_config(std::istream& /*input*/) const override { return items_; }

  private:
    std::vector<CLI::ConfigItem> items_;
};

} // namespace backup_request
