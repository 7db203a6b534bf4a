// One step for the text fields of both request kinds, so their order and their secret scan cannot drift.
#include "request_texts.hpp"

#include "backup_request/rules/secret_scan.hpp"

namespace backup_request {

RequestTexts check_request_texts(const RequestTextsInput& input, Diagnostics& found) {
    RequestTexts texts;
    if (input.justification) {
        texts.justification = check_justification(*input.justification);
        append_diagnostics(found, texts.justification.diagnostics);
    } else {
        found.push_back(
            make_error("justification-missing", "justification", std::string(input.missing_justification)));
    }
    texts.contact = check_contact_fields(input.contact, input.reference, found);
    auto scanned = input.other_texts;
    scanned.emplace_back("justification", &input.justification);
    scanned.emplace_back("reference", &input.reference);
    scanned.emplace_back("contact", &input.contact);
    check_secrets(scanned, input.allow_secrets, found);
    return texts;
}

} // namespace backup_request
