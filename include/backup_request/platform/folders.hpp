// Where a user's configuration and state live on this system, and where the running program is.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace backup_request::platform {

using VariableLookup = std::function<std::optional<std::string>(const std::string&)>;

// The folder for the user's configuration of an application (UTF-8, without a trailing separator):
// $XDG_CONFIG_HOME or ~/.config elsewhere; %APPDATA% on Windows. None when the environment gives no home.
[[nodiscard]] std::optional<std::string> user_config_folder(const VariableLookup& variable);

// The folder for the user's local state: $XDG_STATE_HOME or ~/.local/state; %LOCALAPPDATA% on Windows.
[[nodiscard]] std::optional<std::string> user_state_folder(const VariableLookup& variable);

// The folder part of a path ("." for a bare name; "/" for a file at the root), with the system's separators.
[[nodiscard]] std::string parent_folder(const std::string& path);

// Joins a folder and a relative name with the system's separator.
[[nodiscard]] std::string join_path(const std::string& folder, const std::string& name);

// The user's home folder: $HOME, or %USERPROFILE% on Windows; none when unset or empty.
[[nodiscard]] std::optional<std::string> home_folder(const VariableLookup& variable);

// Whether `path` is absolute ("/x"; on Windows "C:\\x", "\\\\server\\share\\x").
[[nodiscard]] bool is_absolute_path(const std::string& path);

// `path` made absolute against the current folder (as given when it already is, or when the current folder
// cannot be found): what a record keeps, so it still names the file from any folder.
[[nodiscard]] std::string absolute_path(const std::string& path);

// Creates the folder `path` and its missing parents, each one it creates open to the user alone (0700; on
// Windows a new folder inherits the per-user permissions of %LOCALAPPDATA%). 0 on success, or an errno value.
[[nodiscard]] int create_private_folders(const std::string& path);

// Creates `path` as an empty file open to the user alone (0600) unless a file is there already. 0 on success
// (or when it exists), or an errno value.
[[nodiscard]] int create_private_file(const std::string& path);

// The folder holding the running executable, where a release puts the files that travel with it (the time
// zone database on Windows). None when the system cannot tell.
[[nodiscard]] std::optional<std::string> executable_folder();

} // namespace backup_request::platform
