// The ledger around create and extend: warnings before the case, the record after it, --request's facts.
#include "request_ledger.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/ledger_warnings.hpp"
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
                            "); the case itself is unaffected. Fix the file, or give --ledger PATH or "
                            "--no-ledger"))
                 << '\n';
}

Diagnostics RequestLedger::warnings(const LedgerRecord& prospective, sys_seconds now) {
    if (!path_) {
        return {};
    }
    try {
        auto* opened = store(false);
        if (opened == nullptr) {
            return {}; // nothing recorded yet
        }
        return ledger_warnings(prospective, opened->records_naming(prospective.environments), now,
                               "backup-request " + ledger_hint(context_));
    } catch (const LedgerUnavailable& failure) {
        unavailable(failure.what());
        return {};
    }
}

std::optional<std::string> RequestLedger::next_id(const LedgerRecord& record) {
    if (!path_) {
        return std::nullopt;
    }
    try {
        auto* opened = store(false);
        for (unsigned attempt = 0;; ++attempt) {
            std::string id = request_id(record.payload, attempt);
            if (opened == nullptr || !opened->find(id)) {
                return id;
            }
        }
    } catch (const LedgerUnavailable& failure) {
        unavailable(failure.what());
        return std::nullopt;
    }
}

std::string RequestLedger::hint() const {
    return ledger_hint(context_);
}

std::optional<std::string> RequestLedger::record(const LedgerRecord& record) {
    if (!path_) {
        return std::nullopt;
    }
    try {
        const std::string payload = record.payload;
        const std::string id =
            store(true)->add(record, [&payload](unsigned attempt) { return request_id(payload, attempt); });
        if (!context_.quiet) {
            context_.err << "recorded as " << id
                         << (record.request_type == "database-backup-access"
                                 ? " (once filed: backup-request " + ledger_hint(context_) + "mark " + id +
                                       " submitted --case CASE-ID)"
                                 : std::string())
                         << '\n';
        }
        return id;
    } catch (const LedgerUnavailable& failure) {
        unavailable(failure.what());
    }
    return std::nullopt;
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
