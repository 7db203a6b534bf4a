// Defaults people repeat in every case, from a TOML file through CLI11's config support: top-level keys apply
// to every command that has that flag, a [create] or [extend] table to that command alone, and flags win.
#pragma once

#include "command_context.hpp"

#include <CLI/App.hpp>
#include <CLI/Config.hpp>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {

struct ConfigChoice {
    std::string path;      // empty: no config file at all
    bool required = false; // given with --config or BACKUP_REQUEST_CONFIG: it must exist
};

// --config PATH (or --config=PATH) in `args`, else BACKUP_REQUEST_CONFIG, else
// $XDG_CONFIG_HOME/backup-request/config.toml (~/.config when XDG_CONFIG_HOME is unset).
[[nodiscard]] ConfigChoice choose_config(const std::vector<std::string>& args,
                                         const Environment& environment);

// An error naming the line ("config.toml:3: unknown key 'contct' (did you mean 'contact'?)"), if the file's
// sections and keys do not fit the commands of `app`.
[[nodiscard]] std::optional<std::string> check_config_text(const std::string& text, const CLI::App& app,
                                                           const std::string& path);

// Where in the config file a flag's value is set, for an error CLI11 reports about that flag
// ("--retention-days: Value abc not in range 1 to 365"): "config.toml:2", or none when the message names no
// key of the file.
[[nodiscard]] std::optional<std::string>
config_location_of_error(const std::string& text, const std::string& path, const std::string& message);

// CLI11's TOML reader, with each top-level key copied to every command that has a flag of that name, and
// "environments" read as --env.
class SharedKeysConfig : public CLI::ConfigTOML {
  public:
    explicit SharedKeysConfig(const CLI::App& app) : app_(app) {}
    std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

  private:
    const CLI::App& app_;
};

} // namespace backup_request
