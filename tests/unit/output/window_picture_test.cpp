// Unit tests for the window picture and facts: golden ASCII, colour only when asked, JSON standing.
#include "backup_request/output/window_picture.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

TEST_CASE("The plain picture is ASCII with a tick per day, shading and the point marked") {
    const WindowFacts facts{utc("2026-11-20T12:00:00Z"), 15, utc("2026-11-19T14:30:00Z")};
    const std::string picture = window_picture(facts, PictureStyle::plain);
    CHECK(picture ==
          "  11-05   11-07   11-09   11-11   11-13   11-15   11-17   11-20\n"
          "  |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
          "  ########...................................................!\n"
          "                                                          ^\n"
          "  # leaves the window within 48 hours   ! newest 5 minutes, maybe not restorable yet   ^ point "
          "in time\n");
    for (const char c : picture) {
        CHECK(static_cast<unsigned char>(c) < 0x80);
    }
}

TEST_CASE("The fancy picture uses Unicode and colour, and marks points outside the window") {
    const WindowFacts facts{utc("2026-11-20T12:00:00Z"), 15, utc("2026-11-01T00:00:00Z")};
    const std::string picture = window_picture(facts, PictureStyle::fancy);
    CHECK_THAT(picture, Catch::Contains("┬───┬") && Catch::Contains("\x1b[33m░░░░░░░░") &&
                            Catch::Contains("◀ older than the window"));
    CHECK_THAT(window_picture(facts, PictureStyle::plain), Catch::Contains("^ < older than the window"));
}

TEST_CASE("The summary says how long until the point in time leaves the window") {
    const WindowFacts facts{utc("2026-11-20T12:00:00Z"), 15, utc("2026-11-06T10:00:00Z")};
    CHECK(window_summary(facts) == "Now (UTC):                 2026-11-20T12:00:00Z\n"
                                   "Earliest allowed:          2026-11-05T12:00:00Z  (15 days ago)\n"
                                   "Newest safely restorable:  2026-11-20T11:55:00Z  (5 minutes ago)\n"
                                   "Point in time:             2026-11-06T10:00:00Z\n"
                                   "                           inside: leaves the window in 22 hours, at "
                                   "2026-11-21T10:00:00Z\n");
}

TEST_CASE("JSON: standing of the point in time") {
    const auto standing = [](std::string_view point) {
        const WindowFacts facts{utc("2026-11-20T12:00:00Z"), 15, utc(point)};
        return window_json(facts)["point_in_time"]["standing"].get<std::string>();
    };
    CHECK(standing("2026-11-19T00:00:00Z") == "inside");
    CHECK(standing("2026-11-20T11:58:00Z") == "too-recent");
    CHECK(standing("2026-11-06T00:00:00Z") == "expiring");
    CHECK(standing("2026-11-05T11:59:59Z") == "too-old");
    CHECK(standing("2026-11-20T12:00:01Z") == "in-future");
    const WindowFacts none{utc("2026-11-20T12:00:00Z"), 15, std::nullopt};
    CHECK_FALSE(window_json(none).contains("point_in_time"));
    CHECK(window_json(none)["newest_safe"] == "2026-11-20T11:55:00Z");
}
