// request-duplicate and service-routine-use, from the records of earlier requests.
#include "backup_request/ledger/ledger_warnings.hpp"

#include "backup_request/ledger/request_lifecycle.hpp"

#include <algorithm>

namespace backup_request {
namespace {

constexpr const char* vendor_words =
    "the vendor \"won't provide this service on a regular basis, so you shouldn't include it in the design "
    "of your regular tasks\"";

bool names_host(const LedgerRecord& record, const std::string& host) {
    return std::find(record.environments.begin(), record.environments.end(), host) !=
           record.environments.end();
}

bool is_backup_access(const LedgerRecord& record) {
    return record.request_type == "database-backup-access";
}

// Where an open request stands, in the words a person uses.
std::string standing(RequestState state) {
    switch (state) {
    case RequestState::written:
        return "not yet submitted";
    case RequestState::submitted:
        return "submitted, not yet delivered";
    case RequestState::delivered:
        return "delivered, its access still open";
    case RequestState::extended:
        return "extended, its access still open";
    case RequestState::declined:
    case RequestState::closed:
        break;
    }
    return std::string(state_name(state));
}

std::string duplicate_message(const LedgerRecord& earlier, const std::string& host, const std::string& run) {
    return "request " + earlier.id + (earlier.reference ? " (" + *earlier.reference + ")" : std::string()) +
           " for " + host + " at " + format_utc_time(*earlier.point_in_time) +
           ", within an hour of this point in " + "time, is " + standing(earlier.state) + " (written " +
           format_utc_time(earlier.written_at) + "); if it is the same need, follow that one up (" + run +
           "show " + earlier.id + ") instead of filing it twice";
}

} // namespace

Diagnostics ledger_warnings(const LedgerRecord& request, const std::vector<LedgerRecord>& earlier,
                            sys_seconds now, const std::string& run) {
    Diagnostics warnings;
    if (!is_backup_access(request) || !request.point_in_time) {
        return warnings;
    }
    for (std::size_t index = 0; index < request.environments.size(); ++index) {
        const std::string& host = request.environments[index];
        const std::string field = "environments[" + std::to_string(index) + "]";
        // The most recently written open request that matches: one warning per environment.
        const LedgerRecord* duplicate = nullptr;
        int recent = 0;
        for (const auto& record : earlier) {
            if (!is_backup_access(record) || !names_host(record, host)) {
                continue;
            }
            if (record.written_at > now - routine_period && record.written_at <= now) {
                ++recent;
            }
            if (is_open(record) && record.point_in_time &&
                std::chrono::abs(*record.point_in_time - *request.point_in_time) <= duplicate_distance &&
                (duplicate == nullptr || record.written_at >= duplicate->written_at)) {
                duplicate = &record;
            }
        }
        if (duplicate != nullptr) {
            warnings.push_back(
                make_warning("request-duplicate", field, duplicate_message(*duplicate, host, run)));
        }
        if (recent + 1 >= routine_request_count) {
            warnings.push_back(make_warning(
                "service-routine-use", field,
                "this is request number " + std::to_string(recent + 1) + " for " + host +
                    " in 30 days, and " + vendor_words +
                    "; if you need this data regularly, plan your own exports or a copy environment"));
        }
    }
    return warnings;
}

} // namespace backup_request
