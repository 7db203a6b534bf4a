// libFuzzer target: the validate path — splitting input into drafts, reading them, judging them — and the
// payload writer for every accepted request, which must never throw (invalid UTF-8 must not get that far).
#include "backup_request/drafts/draft.hpp"
#include "backup_request/drafts/draft_stream.hpp"
#include "backup_request/drafts/extension_draft.hpp"
#include "backup_request/output/payload.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace backup_request;
    const sys_seconds now{std::chrono::seconds{1'795'176'000}}; // 2026-11-20T12:00:00Z
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    read_draft_documents(in, [&](DraftDocument&& document) {
        const auto* draft = std::get_if<nlohmann::json>(&document.parsed);
        if (draft == nullptr) {
            return;
        }
        (void)diagnose_draft(*draft, now);
        const auto evaluation = evaluate_draft(*draft, now);
        if (evaluation.request) {
            (void)serialize_payload(to_payload(*evaluation.request), false);
        }
        const auto extension = evaluate_extension_draft(*draft, now);
        if (extension.request) {
            (void)serialize_payload(to_extension_payload(*extension.request), true);
        }
    });
    return 0;
}
