// Unit tests for the progress line: what it says, when it draws (a fake clock), and how it clears.
#include "progress_line.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace backup_request;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    ProgressLine::Clock reader() {
        return [this] { return now; };
    }
};

// Feeds `drafts` more drafts, one update each, as validate does.
void feed(ProgressLine& line, std::size_t& drafts, std::size_t more, std::size_t invalid = 0) {
    for (std::size_t i = 0; i < more; ++i) {
        line.update(++drafts, invalid);
    }
}

} // namespace

TEST_CASE("progress_text says drafts, rate, invalid and bytes of the size when known") {
    CHECK(progress_text({1, 0, 0, std::nullopt}, 0s) == "1 draft checked, 0 invalid");
    CHECK(progress_text({250000, 31, 0, std::nullopt}, 2s) == "250000 drafts checked (125000/s), 31 invalid");
    CHECK(progress_text({1000, 2, 3'100'000, 39'257'159}, 0.5s) ==
          "1000 drafts checked (2000/s), 2 invalid, 3.1 of 39.3 MB read");
}

TEST_CASE("The line shows only after a second, then at most ten times a second, and clears") {
    FakeClock clock;
    std::ostringstream err;
    ProgressLine line(err, ProgressStyle::ansi, clock.reader());
    std::size_t drafts = 0;
    feed(line, drafts, 640);
    CHECK(err.str().empty()); // under a second: nothing
    clock.now += 1500ms;
    feed(line, drafts, 64, 3);
    CHECK(err.str() == "\r\x1b[2K704 drafts checked (469/s), 3 invalid");
    CHECK(line.shown());
    clock.now += 50ms;
    feed(line, drafts, 64, 3);
    CHECK(err.str() == "\r\x1b[2K704 drafts checked (469/s), 3 invalid"); // too soon to redraw
    clock.now += 50ms;
    feed(line, drafts, 64, 3);
    CHECK(err.str().ends_with("\r\x1b[2K832 drafts checked (520/s), 3 invalid"));
    line.clear();
    CHECK(err.str().ends_with("\r\x1b[2K"));
    CHECK_FALSE(line.shown());
    line.clear(); // nothing on screen: nothing written
    CHECK(err.str().ends_with("3 invalid\r\x1b[2K"));
}

TEST_CASE("On a narrow terminal the line is cut to one column less than its width, so it never wraps") {
    FakeClock clock;
    std::ostringstream err;
    ProgressLine line(err, ProgressStyle::plain, clock.reader(), 30);
    std::size_t drafts = 0;
    feed(line, drafts, 640);
    clock.now += 1500ms;
    feed(line, drafts, 64, 3);
    CHECK(err.str() == "\r704 drafts checked (469/s), 3");
    CHECK(err.str().size() == 1 + 29);
    line.clear();
    CHECK(err.str().ends_with("\r" + std::string(29, ' ') + "\r"));
}

TEST_CASE("The plain line uses carriage returns and spaces only") {
    FakeClock clock;
    std::ostringstream err;
    ProgressLine line(err, ProgressStyle::plain, clock.reader());
    line.start_input(1'000'000, [] { return std::uint64_t{2'000'000}; }); // past the size: capped
    std::size_t drafts = 0;
    clock.now += 2s;
    feed(line, drafts, 64);
    CHECK(err.str() == "\r64 drafts checked (32/s), 0 invalid, 1.0 of 1.0 MB read");
    line.clear();
    CHECK(err.str().ends_with("MB read\r" + std::string(55, ' ') + "\r"));
    CHECK(err.str().find('\x1b') == std::string::npos);
}

TEST_CASE("Off draws nothing and never reads the clock") {
    bool read = false;
    std::ostringstream err;
    ProgressLine line(err, ProgressStyle::off, [&read] {
        read = true;
        return std::chrono::steady_clock::time_point{};
    });
    std::size_t drafts = 0;
    feed(line, drafts, 1000);
    line.clear();
    CHECK(err.str().empty());
    CHECK_FALSE(read);
}
