// The ledger around create and extend: warnings before the case, the record after it, --request's facts.
#include "request_ledger.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/ledger_warnings.hpp"
#include "backup_request/ledger/postgres_location.hpp"
#include "backup_request/ledger/request_id.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "ledger_access.hpp"

#include <ostream>

namespace backup_request {

RequestLedger::RequestLedger(CommandContext& context, bool enabled) : context_(context) {
    if (!enabled) {
        return;
    }
    try {
        auto chosen = choose_ledger(context);
        if (auto* choice = std::get_if<LedgerChoice>(&chosen)) {
            path_ = choice->path;
        }
    } catch (const LedgerUnavailable& failure) {
        unavailable(failure.what());
    }
}

LedgerStore* RequestLedger::store(bool create) {
    if (!store_) {
        store_ = open_ledger(*path_, create ? LedgerOpening::create : LedgerOpening::write);
    }
    return store_.get();
}

void RequestLedger::unavailable(const std::string& reason) {
    const bool server = path_ && is_postgres_location(*path_);
    path_.reset();
    store_.reset();
    if (reported_) {
        return;
    }
    reported_ = true;
    if (context_.quiet) {
        return; // -q: only errors, and this changes no exit code
    }
    context_.err << diagnostic_line(make_warning(
                        "ledger-unavailable", "",
                        "the ledger cannot be used, so this case is not remembered (" + reason +
                            "); the case itself is unaffected. " +
                            (server ? std::string("Check the server and the connection (docs/ledger.md, "
                                                  "\"For a team\"), or give --no-ledger")
                                    : std::string("Fix the file, or give --ledger PATH or --no-ledger"))))
                 << '\n';
}

Diagnostics RequestLedger::claim(LedgerRecord record, sys_seconds now,
                                 const std::function<bool(const Diagnostics&)>& admit) {
    if (!path_) {
        return {};
    }
    Diagnostics warnings;
    try {
        record.written_by = written_by(context_);
        const std::string payload = record.payload;
        const std::string hint = "backup-request " + ledger_hint(context_);
        claimed_ = store(true)->add_if(
            record, [&payload](unsigned attempt) { return request_id(payload, attempt); },
            [&](const std::vector<LedgerRecord>& naming) {
                warnings = ledger_warnings(record, naming, now, hint);
                return admit(warnings);
            });
        request_type_ = record.request_type;
    } catch (const LedgerUnavailable& failure) {
        unavailable(failure.what());
    }
    return warnings;
}

void RequestLedger::withdraw() {
    if (!claimed_ || !store_) {
        return;
    }
    try {
        (void)store_->withdraw(*claimed_);
    } catch (const LedgerUnavailable& failure) {
        // The record stays, naming a case that was not written: say so rather than leave it unexplained.
        context_.err << diagnostic_line(make_warning(
                            "ledger-unavailable", "",
                            "request " + *claimed_ +
                                " was recorded but its case was not written, and it "
                                "could not be taken back (" +
                                std::string(failure.what()) + "); close it with backup-request " +
                                ledger_hint(context_) + "mark " + *claimed_ + " closed"))
                     << '\n';
    }
    claimed_.reset();
}

std::string RequestLedger::hint() const {
    return ledger_hint(context_);
}

std::optional<std::string> RequestLedger::confirm() {
    if (claimed_ && !context_.quiet) {
        context_.err << "recorded as " << *claimed_
                     << (request_type_ == "database-backup-access"
                             ? " (once filed: backup-request " + ledger_hint(context_) + "mark " + *claimed_ +
                                   " submitted --case CASE-ID)"
                             : std::string())
                     << '\n';
    }
    return claimed_;
}

std::optional<CommandFailure> ledger_conflict(const std::string& command, const std::string& output,
                                              const CommandContext& context) {
    try {
        auto chosen = choose_ledger(context);
        if (auto* failed = std::get_if<CommandFailure>(&chosen)) {
            return usage_failure(command, failed->messages.front());
        }
    } catch (const LedgerUnavailable&) {
        return std::nullopt; // reported once the case is written, as ledger-unavailable
    }
    return output_is_the_ledger(command, output, context);
}

OrFailure<RecordedFacts> recorded_facts(const std::string& id, sys_seconds now,
                                        const CommandContext& context) {
    auto opened = open_record("extend", id, context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    auto& record = std::get<OpenedRecord>(opened).record;
    if (record.request_type != "database-backup-access") {
        return failure(ExitCode::rule_violation,
                       "--request " + record.id + " is itself an extension; give the request it extends" +
                           (record.extends ? " (" + *record.extends + ")" : std::string()));
    }
    if (!record.access_ends_at) {
        return failure(
            ExitCode::rule_violation,
            "--request " + record.id + " is " + std::string(state_name(record.state)) +
                ": access was never marked delivered, so there is nothing to extend; once the vendor "
                "hands it over, run backup-request " +
                ledger_hint(context) + "mark " + record.id + " delivered --at TIME");
    }
    if (record.state == RequestState::declined || record.state == RequestState::closed ||
        *record.access_ends_at <= now) {
        return failure(ExitCode::rule_violation,
                       "--request " + record.id + ": access " +
                           (record.state == RequestState::closed ? "was closed" : "ended") + " (" +
                           format_utc_time(*record.access_ends_at) +
                           "), and ended access cannot be extended; file a new request with backup-request "
                           "create");
    }
    nlohmann::json fields = nlohmann::json::object();
    if (record.case_id) {
        fields["case"] = *record.case_id;
    }
    if (record.state == RequestState::extended) {
        fields["access_expires_at"] = format_utc_time(*record.access_ends_at);
    } else {
        fields["delivered_at"] = format_utc_time(*record.delivered_at);
    }
    if (record.contact) {
        fields["contact"] = *record.contact;
    }
    if (record.reference) {
        fields["reference"] = *record.reference;
    }
    return RecordedFacts{std::move(fields), std::move(record)};
}

} // namespace backup_request
