// How a record is kept in a SQL store's columns, the same in SQLite and PostgreSQL: times as UTC text,
// environments as a JSON list, states by name. Reading back what cannot be read is a LedgerUnavailable.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"

#include <functional>
#include <optional>
#include <string>

namespace backup_request::stored {

// The requests table's columns in the order record_from_row reads them (and add writes them).
inline constexpr const char* record_columns =
    "id, request_type, point_in_time, environments, reference, contact, justification, written_at, "
    "retention_deadline, format, destination, payload, state, case_id, ticket, delivered_at, access_ends_at, "
    "extends, written_by";
inline constexpr int record_column_count = 19;

// The columns to select, in record_columns' order: NULL for written_by in a store not yet at version 4; for
// `list`, empty justifications and payloads (but an unsubmitted extension's payload, its deadline's source).
[[nodiscard]] std::string select_columns(bool has_written_by, bool for_listing);

// The values add writes, in record_columns' order (the id first).
[[nodiscard]] std::vector<std::optional<std::string>> record_values(const std::string& id,
                                                                    const LedgerRecord& record);

[[nodiscard]] std::optional<std::string> time_text(const std::optional<sys_seconds>& time);
// `where` names the store in the message ("/home/ana/ledger.sqlite").
[[nodiscard]] sys_seconds stored_time(const std::string& text, const std::string& where);
[[nodiscard]] RequestState stored_state(const std::string& text, const std::string& where);
[[nodiscard]] AttemptOutcome stored_outcome(const std::string& text, const std::string& id,
                                            const std::string& where);

// A record (without its history) from a row: `column(i)` is the i-th of record_columns, none for NULL.
[[nodiscard]] LedgerRecord record_from_row(const std::function<std::optional<std::string>(int)>& column,
                                           const std::string& where);

} // namespace backup_request::stored
