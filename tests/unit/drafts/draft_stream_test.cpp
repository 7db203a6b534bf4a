// Unit tests for read_draft_documents: single documents, NDJSON, broken lines, size limits.
#include "backup_request/drafts/draft_stream.hpp"

#include <catch2/catch.hpp>
#include <cerrno>
#include <ios>
#include <sstream>
#include <system_error>

using namespace backup_request;

namespace {

// "line:ok" or "line:error" for each document.
std::vector<std::string> documents(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    const auto failure = read_draft_documents(in, [&](DraftDocument&& d) {
        const bool ok = std::holds_alternative<nlohmann::json>(d.parsed);
        const std::size_t line = ok ? d.line : std::get<JsonError>(d.parsed).line;
        out.push_back(std::to_string(line) + (ok ? ":ok" : ":error"));
    });
    if (failure) {
        out.push_back("failed: " + *failure);
    }
    return out;
}

using Lines = std::vector<std::string>;

// A stream that gives `good` in one read and then fails as a file buffer does when read(2) fails.
class FailingInput : public std::stringbuf {
  public:
    explicit FailingInput(const std::string& good) : std::stringbuf(good) {}

  protected:
    std::streamsize xsgetn(char* data, std::streamsize size) override {
        const auto got = std::stringbuf::xsgetn(data, size);
        if (got == 0) {
            throw std::ios_base::failure("read error", std::error_code(EIO, std::generic_category()));
        }
        return got;
    }
};

} // namespace

TEST_CASE("One document over several lines") {
    CHECK(documents("{\n  \"a\": 1\n}\n") == Lines{"1:ok"});
    CHECK(documents("\n\n{\n  \"a\": 1\n}") == Lines{"3:ok"});
    CHECK(documents("{\n  \"a\": 1\n  \"b\": 2\n}\n") == Lines{"3:error"});
}

TEST_CASE("NDJSON: one document per line, blank lines skipped, broken lines reported in place") {
    CHECK(documents("{\"a\":1}\n{\"b\":2}\n\n{\"c\":3}\n") == Lines{"1:ok", "2:ok", "4:ok"});
    CHECK(documents("{\"a\":1}\nnot json\n{\"c\":3}") == Lines{"1:ok", "2:error", "3:ok"});
    CHECK(documents("{\"a\":1}\r\n{\"b\":2}\r\n") == Lines{"1:ok", "2:ok"});
    SECTION("a broken first line does not hide the rest") {
        CHECK(documents("{bad\n{\"b\":2}\n{\"c\":3}\n") == Lines{"1:error", "2:ok", "3:ok"});
    }
}

TEST_CASE("A broken first line in a batch over 1 MiB does not turn the batch into one document") {
    std::string batch = "not json at all\n";
    for (int i = 0; i < 50000; ++i) {
        batch += "{\"reference\":\"INC-" + std::to_string(i) + "\"}\n";
    }
    REQUIRE(batch.size() > max_draft_bytes);
    const auto found = documents(batch);
    REQUIRE(found.size() == 50001);
    CHECK(found[0] == "1:error");
    CHECK(found[1] == "2:ok");
    CHECK(found[50000] == "50001:ok");
}

TEST_CASE("Empty input yields no documents") {
    CHECK(documents("").empty());
    CHECK(documents("\n \n\t\n").empty());
}

TEST_CASE("A line over 1 MiB is draft-too-large, and the input ends there (an endless line is never read)") {
    const std::string huge = "{\"justification\":\"" + std::string(max_draft_bytes, 'x') + "\"}";
    const auto found = documents("{\"a\":1}\n" + huge + "\n{\"c\":3}\n");
    CHECK(found == Lines{"1:ok", "2:error"});
    std::istringstream in(huge);
    (void)read_draft_documents(in, [](DraftDocument&& d) {
        REQUIRE(std::holds_alternative<JsonError>(d.parsed));
        CHECK(std::get<JsonError>(d.parsed).code == "draft-too-large");
        CHECK(std::get<JsonError>(d.parsed).message ==
              "larger than 1 MiB, the limit for a draft; split it up or shorten the justification");
    });
}

TEST_CASE("A byte order mark alone is no draft at all") {
    CHECK(documents("\xEF\xBB\xBF").empty());
    CHECK(documents("\xEF\xBB\xBF\r\n").empty());
    CHECK(documents("\xEF\xBB\xBF{\"a\":1}\n") == Lines{"1:ok"});
}

TEST_CASE("A read error ends the input after the documents read before it, with the reason") {
    FailingInput buffer("{\"a\":1}\n{\"b\":2}\n");
    std::istream in(&buffer);
    std::vector<std::size_t> lines;
    const auto failure = read_draft_documents(in, [&](DraftDocument&& d) { lines.push_back(d.line); });
    CHECK(lines == std::vector<std::size_t>{1, 2});
    CHECK(failure == "Input/output error");
}

TEST_CASE("NDJSON whose first line is not JSON stays NDJSON: the later lines are judged") {
    CHECK(documents("garbage\n{\"a\":1}\n{\"b\":2}\n") == Lines{"1:error", "2:ok", "3:ok"});
    CHECK(documents("not json\nat all\n") == Lines{"1:error"});
}

TEST_CASE("A draft's size is its content: line ends count one byte, a final one none") {
    CHECK(draft_content_size("") == 0);
    CHECK(draft_content_size("{}") == 2);
    CHECK(draft_content_size("{}\n") == 2);
    CHECK(draft_content_size("{}\r\n") == 2);
    CHECK(draft_content_size("{\r\n}\r\n") == 3);
    CHECK(draft_content_size("{\n}") == 3);
    CHECK(draft_content_size("{}\n\n") == 3);
}

TEST_CASE("A line of exactly the limit passes with LF or CRLF, one byte more does not") {
    const auto line = [](std::size_t size) {
        std::string text = "{";
        text.append(size - 2, ' ');
        return text + "}";
    };
    CHECK(documents(line(max_draft_bytes) + "\n") == Lines{"1:ok"});
    CHECK(documents(line(max_draft_bytes) + "\r\n") == Lines{"1:ok"});
    CHECK(documents(line(max_draft_bytes) + "\r\n{}\r\n") == Lines{"1:ok", "2:ok"});
    CHECK(documents(line(max_draft_bytes + 1) + "\r\n{}\r\n") == Lines{"1:error"});
    CHECK(documents(line(max_draft_bytes + 1)) == Lines{"1:error"});
}

TEST_CASE("Documents one after another, pretty or compact, each at the line it starts on") {
    CHECK(documents("{\n  \"a\": 1\n}\n{\n  \"b\": 2\n}\n") == Lines{"1:ok", "4:ok"});
    CHECK(documents("{\n  \"a\": \"}{\"\n}\n{\"b\": 2}\n\n{\n  \"c\": [1,\n 2]\n}") == Lines{"1:ok", "4:ok", "6:ok"});
    // A broken second document: its error at its own line, and the third still read.
    CHECK(documents("{\n  \"a\": 1\n}\n{\n  \"b\": \n}\n{\n  \"c\": 3\n}\n") == Lines{"1:ok", "6:error", "7:ok"});
    // One pretty document alone is unchanged; NDJSON with a broken first line too.
    CHECK(documents("{\n  \"a\": 1\n}\n") == Lines{"1:ok"});
    CHECK(documents("{\"a\": }\n{\"b\": 1}\n") == Lines{"1:error", "2:ok"});
}
