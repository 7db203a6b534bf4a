// Where records live, behind one interface: the SQLite file on one machine, or PostgreSQL for a team
// (docs/ledger.md).
#pragma once

#include "backup_request/ledger/ledger_record.hpp"
#include "backup_request/ledger/submission_attempt.hpp"

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace backup_request {

// The schema this version writes, the same steps in every store (SQLite: PRAGMA user_version;
// PostgreSQL: the schema's ledger_schema table). Version 1: requests and their events; version 2: an
// indexed table of each request's environments, for the warnings at create; 3: the attempts to open a
// ticket; 4: who wrote each request.
inline constexpr int ledger_schema_version = 4;

// The store could not be read or changed (locked past the timeout, read-only, full, corrupt, too new): an I/O
// failure, so an exception, caught at the command's edge.
class LedgerUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class LedgerStore {
  public:
    LedgerStore() = default;
    LedgerStore(const LedgerStore&) = delete;
    LedgerStore& operator=(const LedgerStore&) = delete;
    LedgerStore(LedgerStore&&) = delete;
    LedgerStore& operator=(LedgerStore&&) = delete;
    virtual ~LedgerStore() = default;

    // Every record, oldest first, with its history.
    [[nodiscard]] virtual std::vector<LedgerRecord> records() = 0;
    // Every record, oldest first, as `list` shows them: without history, justification or payload (an
    // extension not yet submitted keeps its payload, which holds its deadline). Cheaper by far for a big
    // ledger.
    [[nodiscard]] virtual std::vector<LedgerRecord> records_for_listing() = 0;
    // The records of requests that name any of `hosts`, oldest first.
    [[nodiscard]] virtual std::vector<LedgerRecord> records_naming(const std::vector<std::string>& hosts) = 0;
    [[nodiscard]] virtual std::optional<LedgerRecord> find(const std::string& id) = 0;
    // Adds `record` under the first free id that `choose_id(attempt)` gives, in one transaction; returns it.
    std::string add(const LedgerRecord& record, const std::function<std::string(unsigned)>& choose_id) {
        return add_if(record, choose_id, nullptr).value_or(std::string());
    }
    // The same, admitted by `admit` first: in the same transaction, holding the store's lock for adding (so
    // no other add can come between), `admit` sees the records that name any of the record's environments and
    // says whether it goes in. Two teammates creating the same request at once: the second sees the first.
    // None when `admit` said no, or `choose_id` gave an empty id (no id it would take is free).
    using Admission = std::function<bool(const std::vector<LedgerRecord>& naming)>;
    [[nodiscard]] virtual std::optional<std::string>
    add_if(const LedgerRecord& record, const std::function<std::string(unsigned)>& choose_id,
           const Admission& admit) = 0;
    // Takes back a record added for a case that could then not be written (or was declined at the
    // prompt): only while it is still as added (written, one event, no attempt); false otherwise.
    virtual bool withdraw(const std::string& id) = 0;
    // Replaces the record's lifecycle (state, case, ticket, delivery, access end, history) with `updated`'s,
    // in one transaction, if it is still as it was read (`as_read`: its state, end of access and number of
    // events); false when another process changed it first, and then nothing is written.
    [[nodiscard]] virtual bool update_lifecycle(const LedgerRecord& updated, const LedgerRecord& as_read) = 0;

    // The attempts to open request `id`'s ticket in a tracker, oldest first.
    [[nodiscard]] virtual std::vector<SubmissionAttempt> attempts(const std::string& id) = 0;
    // Records an attempt before its request is sent, under its seq; false when another run took that seq
    // first (it read the same attempts and is submitting now), and then nothing is written.
    [[nodiscard]] virtual bool begin_attempt(const SubmissionAttempt& attempt) = 0;
    // Records how the attempt ended (outcome, ticket, URL, detail).
    virtual void finish_attempt(const SubmissionAttempt& attempt) = 0;

    // What `ledger info` reports: the kind of store, where it is (a path, or the server without password),
    // its schema version and how many requests it holds.
    struct Description {
        std::string kind; // "sqlite" or "postgresql"
        std::string location;
        int schema_version = 0;
        std::size_t records = 0;
    };
    [[nodiscard]] virtual Description describe() = 0;
};

} // namespace backup_request
