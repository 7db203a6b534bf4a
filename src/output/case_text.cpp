// Case bodies for the vendor's support form: the case document, rendered as plain text or Markdown.
#include "backup_request/output/case_text.hpp"

#include "backup_request/output/case_document.hpp"

namespace backup_request {

std::string case_text(const Request& request, TextStyle style) {
    const CaseDocument document = case_document(request);
    return style == TextStyle::markdown ? render_markdown(document) : render_plain(document);
}

std::string extension_case_text(const ExtensionRequest& request, TextStyle style) {
    const CaseDocument document = case_document(request);
    return style == TextStyle::markdown ? render_markdown(document) : render_plain(document);
}

} // namespace backup_request
