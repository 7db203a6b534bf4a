// One request as the ledger remembers it: the facts of the case that was written, where it went, and its life
// after the case as the user tells it (submitted, delivered, extended, declined, closed).
#pragma once

#include "backup_request/time/utc_time.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backup_request {

// In the order a request lives them; declined and closed end it.
enum class RequestState { written, submitted, delivered, extended, declined, closed };

[[nodiscard]] std::string_view state_name(RequestState state);
[[nodiscard]] std::optional<RequestState> state_named(std::string_view name);
[[nodiscard]] const std::vector<std::string>& state_names();

// One step of a request's life: the state it reached, when the user said so, and what came with it.
struct LedgerEvent {
    RequestState state = RequestState::written;
    sys_seconds recorded_at;
    std::string detail; // "case 01234567", "access until 2026-12-14T09:00:00Z", "" ...

    friend bool operator==(const LedgerEvent&, const LedgerEvent&) = default;
};

struct LedgerRecord {
    std::string id;                           // short and typeable: "k7m2qz"
    std::string request_type;                 // the payload's: database-backup-access or access-extension
    std::optional<sys_seconds> point_in_time; // backup access only
    std::vector<std::string> environments;    // an extension's come from the request it extends
    std::optional<std::string> reference;
    std::optional<std::string> contact;
    std::string justification;
    sys_seconds written_at;                        // the payload's created_at
    std::optional<sys_seconds> retention_deadline; // the point leaves the window (backup access only)
    std::string format;                            // --format of the written case
    std::string destination;                       // "stdout" or the --output path
    std::string payload;                           // the payload JSON, compact, whatever format was written
    RequestState state = RequestState::written;
    std::optional<std::string> case_id; // the vendor's support case
    std::optional<std::string> ticket;  // the team's own tracker key or URL
    std::optional<sys_seconds> delivered_at;
    std::optional<sys_seconds> access_ends_at; // 7 days after delivery, or the extension's end
    std::optional<std::string> extends;        // an extension: the id of the request it extends
    std::vector<LedgerEvent> history;          // oldest first; the first is "written"
    std::optional<std::string> written_by;     // "user@host" that wrote it; none before ledger schema 4

    friend bool operator==(const LedgerRecord&, const LedgerRecord&) = default;
};

// The record for a payload that was just written (its id not yet chosen): facts from the payload itself.
[[nodiscard]] LedgerRecord record_from_payload(const nlohmann::ordered_json& payload, std::string format,
                                               std::string destination);

} // namespace backup_request
