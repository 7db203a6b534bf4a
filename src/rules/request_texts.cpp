// One step for the text fields of both request kinds, so their order and their secret scan cannot drift.
#include "request_texts.hpp"

#include "backup_request/rules/secret_scan.hpp"
#include "backup_request/text/text_profile.hpp"

namespace backup_request {

RequestTexts check_request_texts(const RequestTextsInput& input, Diagnostics& found) {
    // One classification pass per text, read by every check of it; one profile for the draft's texts. Not
    // thread_local: MinGW's runtime runs the destructors of thread_local objects after it has freed their
    // storage, and validate --jobs crashed at the workers' exit under Wine.
    TextProfile profile;
    RequestTexts texts;
    std::optional<Diagnostic> justification_secret; // reported after the other texts', as it always was
    if (input.justification) {
        profile_text(*input.justification, profile);
        texts.justification = check_justification(*input.justification, profile);
        append_diagnostics(found, std::move(texts.justification.diagnostics));
        if (!input.allow_secrets) {
            justification_secret = secret_diagnostic("justification", *input.justification, profile);
        }
    } else {
        found.push_back(
            make_error("justification-missing", "justification", std::string(input.missing_justification)));
    }
    texts.contact = check_contact_fields(input.contact, input.reference, found);
    if (input.allow_secrets) {
        return texts;
    }
    const auto scan = [&](const std::string& field, const std::optional<std::string>& value) {
        if (value) {
            profile_text(*value, profile);
            if (auto secret = secret_diagnostic(field, *value, profile)) {
                found.push_back(std::move(*secret));
            }
        }
    };
    for (const auto& [field, value] : input.other_texts) {
        scan(field, *value);
    }
    if (justification_secret) {
        found.push_back(std::move(*justification_secret));
    }
    scan("reference", input.reference);
    scan("contact", input.contact);
    return texts;
}

} // namespace backup_request
