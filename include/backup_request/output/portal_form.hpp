// The vendor's own case, laid out as its Support Portal form asks for it (issue 26): the portal has no public
// API, so a person fills the form; the fields come in the form's order, the description is the case text,
// and the last lines say how to record the vendor's case id once it is filed.
#pragma once

#include "backup_request/output/case_document.hpp"

#include <string>

namespace backup_request {

struct PortalForm {
    std::string infrastructure{}; // the config's `infrastructure`; empty: the form's list must be picked from
    std::string record_command{}; // "backup-request mark k7m2qz submitted --case CASE-ID"; empty: no ledger
};

// `description` (the case as --format text writes it) between the form's fields and the command that records
// the vendor's case id.
[[nodiscard]] std::string render_portal_case(const CaseDocument& document, const std::string& description,
                                             const PortalForm& form);

} // namespace backup_request
