// The Support Portal's fields in the form's order, around the case text.
#include "backup_request/output/portal_form.hpp"

#include "backup_request/text/visible_text.hpp"

namespace backup_request {

std::string render_portal_case(const CaseDocument& document, const std::string& description,
                               const PortalForm& form) {
    const std::string rule(64, '-');
    std::string out = "OutSystems Support Portal: open a case with these fields, in the form's order\n";
    out +=
        "  Infrastructure: " +
        (form.infrastructure.empty()
             ? std::string("(pick yours in the form; infrastructure = \"...\" in the config names it here)")
             : visible_text(form.infrastructure)) +
        "\n";
    out += "  Case type:      Configure the platform\n";
    out += "  Subject:        " + document.summary + "\n";
    out += "  Description:    the text between the lines below\n\n";
    out += rule + "\n" + description;
    if (!description.empty() && description.back() != '\n') {
        out += "\n";
    }
    out += rule + "\n\n";
    if (form.record_command.empty()) {
        out += "Once filed, keep the vendor's case id with this request: no ledger records it here.\n";
    } else {
        out += "Once filed, record the vendor's case id:\n  " + form.record_command + "\n";
    }
    return out;
}

} // namespace backup_request
