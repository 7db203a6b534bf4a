// Unit tests for the checked stdout: every failed write is kept, and the final flush tells.
#include "backup_request/cli/standard_streams.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <fcntl.h>
#include <ostream>
#include <string>
#include <unistd.h>

using namespace backup_request;

TEST_CASE("output that fits in the buffer fails only when it is flushed to a full device") {
    const int fd = ::open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    DescriptorOutput buffer(fd);
    std::ostream out(&buffer);
    out << "{\"a\": 1}\n";
    CHECK_FALSE(buffer.error().has_value());
    const auto failure = finish_output(buffer, "stdout");
    REQUIRE(failure.has_value());
    CHECK(*failure == "cannot write to stdout: No space left on device");
}

TEST_CASE("a descriptor closed at start fails on the first write, and only then") {
    const int fd = ::open("/dev/null", O_WRONLY);
    REQUIRE(fd >= 0);
    DescriptorOutput quiet(fd, true);
    CHECK_FALSE(finish_output(quiet, "stdout").has_value());

    const int other = ::open("/dev/null", O_WRONLY);
    DescriptorOutput buffer(other, true);
    std::ostream out(&buffer);
    out << 'x';
    CHECK(finish_output(buffer, "stdout") ==
          "cannot write to stdout: it is closed; give it a file or a pipe");
}

TEST_CASE("a reader that went away is a failure without a message") {
    (void)std::signal(SIGPIPE, SIG_IGN);
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    ::close(ends[0]);
    DescriptorOutput buffer(ends[1]);
    std::ostream out(&buffer);
    out << std::string(200000, 'x'); // larger than the buffer: written at once
    CHECK(buffer.error() == EPIPE);
    CHECK(finish_output(buffer, "stdout") == std::string());
}

TEST_CASE("everything written reaches a pipe, in order, across the buffer's size") {
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    REQUIRE(::fcntl(ends[1], F_SETPIPE_SZ, 1 << 20) > 0);
    DescriptorOutput buffer(ends[1]);
    std::ostream out(&buffer);
    const std::string first(50000, 'a');
    const std::string second(30000, 'b');
    out << first << second << 'c';
    CHECK_FALSE(finish_output(buffer, "stdout").has_value());
    std::string read_back(80001, '\0');
    std::size_t got = 0;
    while (got < read_back.size()) {
        const auto n = ::read(ends[0], read_back.data() + got, read_back.size() - got);
        REQUIRE(n > 0);
        got += static_cast<std::size_t>(n);
    }
    CHECK(read_back == first + second + "c");
    ::close(ends[0]);
}
