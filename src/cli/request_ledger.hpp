// What create and extend do with the ledger: read it for the warnings before the case is written, record the
// case after it was, and fill `extend --request ID` from a recorded request. The case always comes first: a
// ledger that cannot be used is one `ledger-unavailable` warning, never a lost case or another exit code.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/ledger/ledger_store.hpp"
#include "backup_request/rules/diagnostic.hpp"
#include "command_context.hpp"
#include "command_failure.hpp"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace backup_request {

class RequestLedger {
  public:
    // `enabled`: false for an example, which is never filed and so never recorded.
    RequestLedger(CommandContext& context, bool enabled);

    // Reads the ledger's warnings for `record` (request-duplicate, service-routine-use) and records it, in
    // one step of the store: two teammates creating the same request at once, the second is warned of the
    // first. `admit(warnings)` false (--strict with a warning) records nothing. The warnings; empty when the
    // ledger is off or unusable (then the one ledger-unavailable warning is printed).
    [[nodiscard]] Diagnostics claim(LedgerRecord record, sys_seconds now,
                                    const std::function<bool(const Diagnostics&)>& admit);

    // The id claim() recorded the case under, for a text that names it; none when nothing was recorded.
    [[nodiscard]] const std::optional<std::string>& claimed_id() const { return claimed_; }

    // The case was not written after all (declined at the prompt, its destination failed): the claimed
    // record is taken back.
    void withdraw();

    // The case reached its destination: says the id it is recorded as on stderr; the id.
    std::optional<std::string> confirm();

    // "--ledger PATH " when the ledger was typed, for commands printed to be run as they are.
    [[nodiscard]] std::string hint() const;

    // The store the case was recorded in (create --submit goes on with it); nullptr when there is none.
    [[nodiscard]] LedgerStore* recorded_store() { return store_.get(); }

  private:
    void unavailable(const std::string& reason);

    // The store opened for the warnings, kept for the record: one open (and one close, which may checkpoint)
    // per case, which matters when many processes write at once.
    LedgerStore* store(bool create);

    CommandContext& context_;
    std::optional<std::string> path_;
    std::optional<std::string> claimed_;
    std::string request_type_;
    std::unique_ptr<LedgerStore> store_;
    bool reported_ = false;
};

// Before anything is read or written for a case that will be recorded: a usage failure when the ledger's
// choice is (--ledger with --no-ledger, BACKUP_REQUEST_LEDGER set but empty), or when `output` (a path, or
// '-' for stdout) is the ledger file itself.
[[nodiscard]] std::optional<CommandFailure>
ledger_conflict(const std::string& command, const std::string& output, const CommandContext& context);

// `extend --request ID`: the draft fields the ledger knows of a delivered request (case, delivered_at or
// access_expires_at, contact, reference), or why it cannot be extended.
struct RecordedFacts {
    nlohmann::json fields;
    LedgerRecord record;
};
[[nodiscard]] OrFailure<RecordedFacts> recorded_facts(const std::string& id, sys_seconds now,
                                                      const CommandContext& context);

} // namespace backup_request
