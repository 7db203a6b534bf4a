// The one rules engine: every check on a request, judged against a given now, all problems at once.
#pragma once

#include "backup_request/rules/request.hpp"

namespace backup_request {

struct Evaluation {
    Diagnostics diagnostics;        // errors and warnings, in field order
    std::optional<Request> request; // set when there are no errors
};

[[nodiscard]] Evaluation evaluate_request(const RequestInput& input, sys_seconds now);

// evaluate_request's diagnostics alone, without assembling the request: what validate reports.
[[nodiscard]] Diagnostics diagnose_request(const RequestInput& input, sys_seconds now);

} // namespace backup_request
