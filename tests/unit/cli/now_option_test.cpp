// Unit tests for the clock and zone the commands take from flags and the environment.
#include "now_option.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <spdlog/spdlog.h>
#include <sstream>

using namespace backup_request;
using backup_request::test::utc;

namespace {

struct Fixture {
    std::map<std::string, std::string> variables;
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    Environment environment{[this](const std::string& name) -> std::optional<std::string> {
                                const auto found = variables.find(name);
                                return found == variables.end() ? std::nullopt : std::optional(found->second);
                            },
                            [] { return utc("2026-11-27T17:00:00Z"); }};
    CommandContext context{in,    out,   err,   environment, spdlog::default_logger(), false, "never", "",
                           false, false, false, ""};
};

} // namespace

TEST_CASE("now comes from --now, else BACKUP_REQUEST_NOW, else the clock, and says which") {
    Fixture f;
    auto clock = std::get<ResolvedNow>(resolve_now("", f.context));
    CHECK(format_utc_time(clock.time) == "2026-11-27T17:00:00Z");
    CHECK(clock.source == "the system clock");
    f.variables["BACKUP_REQUEST_NOW"] = "2026-11-20T12:00:00Z";
    auto variable = std::get<ResolvedNow>(resolve_now("", f.context));
    CHECK(format_utc_time(variable.time) == "2026-11-20T12:00:00Z");
    CHECK(variable.source == "BACKUP_REQUEST_NOW");
    auto flag = std::get<ResolvedNow>(resolve_now("2026-11-21 09:00 UTC", f.context));
    CHECK(format_utc_time(flag.time) == "2026-11-21T09:00:00Z");
    CHECK(flag.source == "--now");
}

TEST_CASE("a bad or far-off now is an error naming where it came from") {
    Fixture f;
    auto relative = resolve_now("now-1h", f.context);
    REQUIRE(std::holds_alternative<NowError>(relative));
    CHECK(std::get<NowError>(relative).message.starts_with("--now: 'now-1h' is relative"));
    f.variables["BACKUP_REQUEST_NOW"] = "1960-01-01T00:00:00Z";
    auto distant = resolve_now("", f.context);
    REQUIRE(std::holds_alternative<NowError>(distant));
    CHECK(std::get<NowError>(distant).message ==
          "BACKUP_REQUEST_NOW: 1960-01-01T00:00:00Z is too far from today to judge a request against; give a "
          "time from 1971 to 9998");
}

TEST_CASE("BACKUP_REQUEST_TZ fills a draft's zone, and a bad one matters only when a time needs it") {
    Fixture f;
    f.variables["BACKUP_REQUEST_TZ"] = "Europe/Lisbon";
    CHECK(default_time_zone(f.environment) == "Europe/Lisbon");
    nlohmann::json draft = {{"point_in_time", "2026-11-20 09:30"}};
    CHECK_FALSE(apply_time_zone_variable(f.context, draft, utc("2026-11-20T12:00:00Z")).has_value());
    CHECK(draft["time_zone"] == "Europe/Lisbon");
    nlohmann::json own = {{"point_in_time", "2026-11-20 09:30"}, {"time_zone", "Asia/Tokyo"}};
    CHECK_FALSE(apply_time_zone_variable(f.context, own, utc("2026-11-20T12:00:00Z")).has_value());
    CHECK(own["time_zone"] == "Asia/Tokyo");

    f.variables["BACKUP_REQUEST_TZ"] = "Mars/Base";
    nlohmann::json local = {{"point_in_time", "2026-11-20 09:30"}};
    const auto error = apply_time_zone_variable(f.context, local, utc("2026-11-20T12:00:00Z"));
    REQUIRE(error.has_value());
    CHECK(error->starts_with("BACKUP_REQUEST_TZ: unknown time zone 'Mars/Base'"));
    nlohmann::json utc_time = {{"point_in_time", "2026-11-20T09:30:00Z"}};
    CHECK_FALSE(apply_time_zone_variable(f.context, utc_time, utc("2026-11-20T12:00:00Z")).has_value());
    CHECK_FALSE(utc_time.contains("time_zone"));
}
