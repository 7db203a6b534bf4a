// Unit tests for the pool behind validate --jobs: results come back in the order the work went in, whatever
// the threads, and a worker's exception (a bug, or no memory) reaches the caller.
#include "ordered_judging.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace backup_request;

namespace {

DraftResult numbered(std::size_t n) {
    return DraftResult{"d", n, n % 3 == 0 ? Diagnostics{make_error("e", "", "m")} : Diagnostics{}, false};
}

// Each draft's output is its line number; the tally says whether it was valid.
DraftTally render_line(DraftResult& result, std::string& text) {
    text += std::to_string(*result.line) + ";";
    return tally(result);
}

} // namespace

TEST_CASE("The pool delivers every draft once, in input order, from single drafts and runs alike") {
    for (const unsigned workers : {1U, 2U, 7U}) {
        std::string delivered;
        std::size_t invalid = 0;
        OrderedJudging pool(workers, render_line, [&](const DraftTally& counted, std::string_view text) {
            delivered += text;
            invalid += counted.valid ? 0 : 1;
        });
        std::string expected;
        std::size_t n = 0;
        for (std::size_t round = 0; round < 40; ++round) {
            if (round % 4 == 0) { // a run of 500 drafts, as NDJSON lines go
                const std::size_t first = n;
                pool.add(
                    [first](PlainDraftReader& /*reader*/, OrderedJudging::Results& results) {
                        for (std::size_t i = first; i < first + 500; ++i) {
                            results.add(numbered(i));
                        }
                    },
                    500);
                for (std::size_t i = first; i < first + 500; ++i) {
                    expected += std::to_string(i) + ";";
                }
                n += 500;
            } else {
                pool.add([n](PlainDraftReader& /*reader*/, OrderedJudging::Results& results) {
                    results.add(numbered(n));
                });
                expected += std::to_string(n) + ";";
                ++n;
            }
        }
        pool.finish();
        INFO(workers);
        CHECK(delivered == expected);
        CHECK(invalid == (n + 2) / 3);
    }
}

TEST_CASE("A worker's exception reaches finish") {
    std::string delivered;
    OrderedJudging pool(2, render_line,
                        [&](const DraftTally& /*counted*/, std::string_view text) { delivered += text; });
    pool.add(
        [](PlainDraftReader& /*reader*/, OrderedJudging::Results& results) { results.add(numbered(1)); });
    pool.add([](PlainDraftReader& /*reader*/, OrderedJudging::Results& /*results*/) {
        throw std::runtime_error("out of memory, say");
    });
    CHECK_THROWS_WITH(pool.finish(), "out of memory, say");
}
