// The version from CMake's project(VERSION), and the git revision when built from a checkout.
#pragma once

#include <string>

namespace backup_request {

[[nodiscard]] std::string version_text(); // "0.1.0 (git 1a2b3c4d5e6f)" or "0.1.0"

} // namespace backup_request
