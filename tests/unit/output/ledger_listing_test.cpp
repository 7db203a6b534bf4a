// The list table: columns line up by display width, and a table too wide for the terminal is cut to fit.
#include "backup_request/output/ledger_listing.hpp"
#include "backup_request/text/display_width.hpp"
#include "ledger/ledger_test_records.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace backup_request;
using backup_request::test::access_record;
using backup_request::test::utc;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The column where `needle` starts on `line`, counted in display columns.
std::size_t column_of(const std::string& line, const std::string& needle) {
    return display_width(line.substr(0, line.find(needle)));
}

} // namespace

TEST_CASE("list pads by display width: wide references keep the columns in line (issue 24, 25)") {
    auto wide = access_record("aaaaaa", "2026-11-20T09:30:00Z", "2026-11-20T12:00:00Z");
    wide.reference = "\u6771\u4eac-4711"; // 東京-4711: 9 columns, 7 clusters
    auto plain = access_record("bbbbbb", "2026-11-20T09:31:00Z", "2026-11-20T12:00:00Z");
    plain.reference = "INC-4711";
    const auto lines = lines_of(listing_table({wide, plain}, utc("2026-11-20T12:00:00Z"), {}));
    REQUIRE(lines.size() == 3);
    const std::size_t environments = column_of(lines[0], "ENVIRONMENTS");
    CHECK(column_of(lines[1], "acme-prd") == environments);
    CHECK(column_of(lines[2], "acme-prd") == environments);
}

TEST_CASE("list fits a terminal's width by cutting environments, then references (issue 24, 30)") {
    auto record = access_record("aaaaaa", "2026-11-20T09:30:00Z", "2026-11-20T12:00:00Z",
                                {"acme-production-environment.outsystemsenterprise.com", "b.example.com"});
    record.reference = "INC-4711-customer-orders-overwritten";
    const sys_seconds now = utc("2026-11-20T12:00:00Z");
    const std::string whole = listing_table({record}, now, {});
    const std::size_t full = display_width(lines_of(whole)[1]);
    CHECK(whole.find("acme-production-environment.outsystemsenterprise.com +1") != std::string::npos);
    for (const std::size_t width : {full, full - 10, std::size_t{123}, std::size_t{115}}) {
        const auto lines = lines_of(listing_table({record}, now, {}, width));
        for (const auto& line : lines) {
            CHECK(display_width(line) <= width);
        }
        // Every column still in line with its heading.
        CHECK(column_of(lines[1], "2026-11-20T09:30:00Z") == column_of(lines[0], "POINT IN TIME"));
    }
    // (The BY column, 4 wide with its gap, came later: the widths are the old ones plus 4.)
    const auto narrow = lines_of(listing_table({record}, now, {}, 115));
    CHECK(narrow[1].find("\u2026") != std::string::npos);
    CHECK(narrow[1].starts_with("aaaaaa  INC-4711\u2026  acme-produc\u2026  "));
    // No room to be had: environments and reference at their least, the rest whole (the line wraps).
    const auto tiny = lines_of(listing_table({record}, now, {}, 20));
    CHECK(tiny[1].find("2026-11-20T09:30:00Z") != std::string::npos);
    CHECK(listing_table({record}, now, {}, 0) == whole);
}
