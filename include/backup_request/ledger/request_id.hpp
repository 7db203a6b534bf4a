// Request ids: six characters a person can read aloud and type (no 0/o, 1/l/i), taken from a hash of the
// written payload, so the same run gives the same id and tests can name it; `attempt` picks another when an
// id is taken.
#pragma once

#include <string>
#include <string_view>

namespace backup_request {

inline constexpr std::size_t request_id_length = 6;

[[nodiscard]] std::string request_id(std::string_view payload, unsigned attempt);

} // namespace backup_request
