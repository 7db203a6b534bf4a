// Unit tests for the checked stdout: every failed write is kept, and the final flush tells.
#include "backup_request/cli/standard_streams.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "scratch_folder.hpp"

#include <catch2/catch.hpp>
#include <cerrno>
#include <istream>
#include <ostream>
#include <string>
#include <system_error>
#ifndef _WIN32
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace backup_request;

namespace {

int read_failure_code(std::streambuf& buffer) {
    char block[8];
    try {
        (void)buffer.sgetn(block, sizeof block);
    } catch (const std::ios_base::failure& failure) {
        return failure.code().value();
    }
    return 0;
}

} // namespace

TEST_CASE("a file is read through the input buffer whole, in any block sizes, with its position") {
    ScratchFolder folder;
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += std::to_string(i) + '\n';
    }
    write_file(folder.path / "lines", text);
    const auto opened = platform::open_for_reading((folder.path / "lines").string());
    REQUIRE(opened.fd >= 0);
    DescriptorInput buffer(opened.fd, false, DescriptorInput::Ownership::owned);
    std::istream in(&buffer);
    std::string line;
    REQUIRE(std::getline(in, line));
    CHECK(line == "0");
    CHECK(buffer.pubseekoff(0, std::ios::cur, std::ios::in) == 2);
    std::string rest(100000, '\0');
    const auto got = buffer.sgetn(rest.data(), 100000); // larger than the buffer: partly straight through
    CHECK(got > 0);
    rest.resize(static_cast<std::size_t>(got));
    char small[3];
    for (std::streamsize more = 0; (more = buffer.sgetn(small, sizeof small)) > 0;) {
        rest.append(small, static_cast<std::size_t>(more));
    }
    CHECK("0\n" + rest == text);
    CHECK(buffer.pubseekoff(0, std::ios::cur, std::ios::in) == static_cast<std::streamoff>(text.size()));
}

TEST_CASE("a descriptor closed at start fails every read with EBADF, never as an empty input") {
    DescriptorInput closed(platform::standard_input, true);
    CHECK(read_failure_code(closed) == EBADF);
}

#ifndef _WIN32
TEST_CASE("a read error is kept, never an empty input (a folder: EISDIR, kernel memory: EIO)") {
    const auto folder = platform::open_for_reading("/");
    REQUIRE(folder.fd >= 0);
    DescriptorInput from_folder(folder.fd, false, DescriptorInput::Ownership::owned);
    CHECK(read_failure_code(from_folder) == EISDIR);
    const auto memory = platform::open_for_reading("/proc/self/mem");
    REQUIRE(memory.fd >= 0);
    DescriptorInput from_memory(memory.fd, false, DescriptorInput::Ownership::owned);
    CHECK(read_failure_code(from_memory) == EIO);
}
#endif

#ifndef _WIN32 // the output tests below use POSIX devices and pipes (/dev/full, SIGPIPE, F_SETPIPE_SZ)
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
#endif
