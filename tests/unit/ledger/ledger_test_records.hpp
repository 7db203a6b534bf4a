// Records for the ledger's tests: a backup access request written at a time, for some environments.
#pragma once

#include "backup_request/ledger/ledger_record.hpp"
#include "test_time.hpp"

#include <string>
#include <vector>

namespace backup_request::test {

inline LedgerRecord access_record(std::string id, std::string point, std::string written,
                                  std::vector<std::string> environments = {"acme-prd.example.com"}) {
    LedgerRecord record;
    record.id = std::move(id);
    record.request_type = "database-backup-access";
    record.point_in_time = utc(point);
    record.environments = std::move(environments);
    record.reference = "INC-" + record.id;
    record.justification = "A faulty migration overwrote 1,200 delivery addresses.";
    record.written_at = utc(written);
    record.retention_deadline = *record.point_in_time + std::chrono::days{15};
    record.format = "json";
    record.destination = "stdout";
    record.payload = "{\"id\":\"" + record.id + "\"}";
    record.history.push_back({RequestState::written, record.written_at, "written to stdout"});
    return record;
}

} // namespace backup_request::test
