// request-duplicate and service-routine-use fire exactly when they should.
#include "backup_request/ledger/ledger_warnings.hpp"
#include "ledger/ledger_test_records.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::access_record;
using backup_request::test::codes;
using backup_request::test::Codes;
using backup_request::test::utc;

TEST_CASE("request-duplicate: an open request for the environment within an hour of the point") {
    const auto now = utc("2026-11-20T17:00:00Z");
    const auto request = access_record("new", "2026-11-20T14:30:00Z", "2026-11-20T17:00:00Z",
                                       {"other.example.com", "acme-prd.example.com"});
    const auto earlier = access_record("k7m2qz", "2026-11-20T15:30:00Z", "2026-11-20T16:00:00Z");
    const auto found = ledger_warnings(request, {earlier}, now);
    REQUIRE(codes(found) == Codes{"request-duplicate"});
    CHECK(found[0].field == "environments[1]");
    CHECK(found[0].message ==
          "request k7m2qz (INC-k7m2qz) for acme-prd.example.com at 2026-11-20T15:30:00Z, within an hour of "
          "this point in time, is not yet submitted (written 2026-11-20T16:00:00Z); if it is the same need, "
          "follow that "
          "one up (backup-request show k7m2qz) instead of filing it twice");
    // Its standing in words (issue 24, 31), and the hint runs as printed with the ledger that was given (22).
    auto submitted = earlier;
    submitted.state = RequestState::submitted;
    const auto told = ledger_warnings(request, {submitted}, now, "backup-request --ledger team.sqlite ");
    REQUIRE(told.size() == 1);
    CHECK(told[0].message.find("is submitted, not yet delivered (written 2026-11-20T16:00:00Z)") !=
          std::string::npos);
    CHECK(told[0].message.find("(backup-request --ledger team.sqlite show k7m2qz)") != std::string::npos);

    // One second more than an hour apart, another environment, or over: no warning.
    CHECK(ledger_warnings(request, {access_record("a", "2026-11-20T15:30:01Z", "2026-11-20T16:00:00Z")}, now)
              .empty());
    CHECK(ledger_warnings(request, {access_record("a", "2026-11-20T13:30:00Z", "2026-11-20T16:00:00Z")}, now)
              .size() == 1);
    CHECK(ledger_warnings(
              request,
              {access_record("a", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z", {"qa.example.com"})}, now)
              .empty());
    auto closed = earlier;
    closed.state = RequestState::closed;
    CHECK(ledger_warnings(request, {closed}, now).empty());
    auto declined = earlier;
    declined.state = RequestState::declined;
    CHECK(ledger_warnings(request, {declined}, now).empty());
}

TEST_CASE("service-routine-use: the third request for an environment within 30 days") {
    const auto now = utc("2026-11-30T12:00:00Z");
    const auto request = access_record("new", "2026-11-30T08:00:00Z", "2026-11-30T12:00:00Z");
    const auto first = access_record("a", "2026-11-01T08:00:00Z", "2026-11-01T12:00:01Z");
    const auto second = access_record("b", "2026-11-15T08:00:00Z", "2026-11-15T12:00:00Z");
    CHECK(ledger_warnings(request, {second}, now).empty());
    const auto found = ledger_warnings(request, {first, second}, now);
    REQUIRE(codes(found) == Codes{"service-routine-use"});
    CHECK(found[0].field == "environments[0]");
    CHECK(found[0].message ==
          "this is request number 3 for acme-prd.example.com in 30 days, and the vendor \"won't provide this "
          "service on a regular basis, so you shouldn't include it in the design of your regular tasks\"; if "
          "you need this data regularly, plan your own exports or a copy environment");
    // Written exactly 30 days before: outside the period.
    const auto old = access_record("a", "2026-10-31T08:00:00Z", "2026-10-31T12:00:00Z");
    CHECK(ledger_warnings(request, {old, second}, now).empty());
    // Declined requests still count: they were asked for.
    auto declined = first;
    declined.state = RequestState::declined;
    CHECK(codes(ledger_warnings(request, {declined, second}, now)) == Codes{"service-routine-use"});
    // Extensions are not new requests.
    auto extension = first;
    extension.request_type = "access-extension";
    CHECK(ledger_warnings(request, {extension, second}, now).empty());
}
