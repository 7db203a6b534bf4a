// validate's fast path: the common draft read straight from its bytes into a RequestInput, without a DOM.
#pragma once

#include "backup_request/rules/request.hpp"

#include <memory>
#include <optional>
#include <string_view>

namespace backup_request {

// A plain draft's fields, as read_draft would have read them.
struct PlainDraft {
    RequestInput input;
    bool time_zone_given = false; // the key is there, even as null: a default zone must not replace it
};

// Reads "plain" drafts: a JSON object holding only the backup-request fields a user types (point_in_time,
// time_zone, environments, justification, contact, reference, retention.days, and schema_version 1,
// request_type "database-backup-access", example false), each of its type or null, no key twice. Anything
// else, well-formed or not, is declined, and the caller takes the DOM path, whose messages need the values.
// Whatever it accepts is valid JSON that read_draft reads to the same input with no diagnostics of its own.
// Holds simdjson's parser and a padded copy of the text, both reused from one draft to the next.
class PlainDraftReader {
  public:
    PlainDraftReader();
    ~PlainDraftReader();
    PlainDraftReader(const PlainDraftReader&) = delete;
    PlainDraftReader& operator=(const PlainDraftReader&) = delete;
    PlainDraftReader(PlainDraftReader&& other) noexcept;
    PlainDraftReader& operator=(PlainDraftReader&& other) noexcept;

    // The draft, or nullptr when declined. The draft is the reader's own, reused (its strings keep their
    // capacity): valid, and the caller's to change or move from, until the next read.
    [[nodiscard]] PlainDraft* read(std::string_view text);

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace backup_request
