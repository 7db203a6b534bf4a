// Unit tests for the plain-draft reader: what it accepts reads as read_draft reads it (checked against
// nlohmann's parser on every one-byte edit of a set of drafts), and what it declines.
#include "backup_request/drafts/draft.hpp"
#include "backup_request/drafts/json_text.hpp"
#include "backup_request/drafts/plain_draft.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string>

using namespace backup_request;

namespace {

const std::string full_draft =
    R"({"point_in_time":"2026-11-19T14:30:00Z","time_zone":"Europe/Lisbon",)"
    R"("environments":["acme-prd.outsystemsenterprise.com","https://acme-qa.outsystemsenterprise.com/x"],)"
    R"("justification":"A failed deployment deleted 3,000 invoices.\nFinance \"cannot\" close the month \u00e9.",)"
    R"("contact":"ops@acme.example","reference":"INC-4711","retention":{"days":7},"schema_version":1,)"
    R"("request_type":"database-backup-access","example":false})";

std::string describe(const RequestInput& input) {
    const auto text = [](const std::optional<std::string>& value) {
        return value ? "'" + *value + "'" : "-";
    };
    std::string out = text(input.point_in_time) + " " + text(input.time_zone) + " [";
    for (const auto& environment : input.environments) {
        out += "'" + environment + "' ";
    }
    return out + "] " + text(input.justification) + " " + text(input.contact) + " " + text(input.reference) +
           " " + std::to_string(input.retention_days) + (input.example ? " example" : "");
}

// What the DOM path reads from the same text, when it reads a backup draft without a word of its own.
std::optional<RequestInput> dom_reading(const std::string& text) {
    std::vector<std::string> duplicates;
    const auto parsed = parse_json_text(text, &duplicates);
    const auto* document = std::get_if<nlohmann::json>(&parsed);
    if (document == nullptr || !duplicates.empty()) {
        return std::nullopt;
    }
    auto reading = read_draft(*document);
    if (!reading.diagnostics.empty()) {
        return std::nullopt;
    }
    return reading.input;
}

} // namespace

TEST_CASE("A plain draft reads into the same input as read_draft") {
    PlainDraftReader reader;
    const auto plain = reader.read(full_draft);
    REQUIRE(plain);
    CHECK(plain->time_zone_given);
    CHECK(plain->input.justification ==
          "A failed deployment deleted 3,000 invoices.\nFinance \"cannot\" close the month \xc3\xa9.");
    CHECK(plain->input.retention_days == 7);
    const auto dom = dom_reading(full_draft);
    REQUIRE(dom);
    CHECK(describe(plain->input) == describe(*dom));
}

TEST_CASE("Null is absent, escaped keys are their names, and whitespace is allowed") {
    PlainDraftReader reader;
    const auto plain =
        reader.read(" {\"point\\u005fin_time\" : \"now-2h\", \"time_zone\": null, \"environments\": null,\n"
                    "\"contact\": null, \"retention\": {\"days\": null}, \"justification\": \"\"} \r");
    REQUIRE(plain);
    CHECK(plain->input.point_in_time == "now-2h");
    CHECK(plain->time_zone_given);
    CHECK_FALSE(plain->input.time_zone);
    CHECK(plain->input.environments.empty());
    CHECK_FALSE(plain->input.contact);
    CHECK(plain->input.retention_days == default_retention_days);
    CHECK(plain->input.justification == "");
    const auto without_zone = reader.read(R"({"point_in_time":"now-2h"})");
    REQUIRE(without_zone);
    CHECK_FALSE(without_zone->time_zone_given);
}

TEST_CASE("A reused reader leaves nothing of the previous draft in the next") {
    PlainDraftReader reader;
    const std::array<std::string, 5> drafts = {
        full_draft,
        R"({"point_in_time":"now-2h"})",
        R"({"environments":["a.example.com","b.example.com","c.example.com"],"retention":{"days":9}})",
        R"({"environments":["z.example.com"],"retention":{"days":null},"contact":null})",
        full_draft,
    };
    for (const auto& text : drafts) {
        INFO(text);
        const auto* plain = reader.read(text);
        REQUIRE(plain);
        const auto dom = dom_reading(text);
        REQUIRE(dom);
        CHECK(describe(plain->input) == describe(*dom));
        CHECK(plain->time_zone_given == (text.find("time_zone") != std::string::npos));
        CHECK_FALSE(reader.read(R"({"point_in_time":7})")); // a declined draft in between changes nothing
    }
}

TEST_CASE("Drafts whose messages need the DOM are declined") {
    PlainDraftReader reader;
    const std::array<std::string, 22> declined = {
        R"({"point_in_time":"now-2h","point_in_time":"now-1h"})", // a repeated key
        R"({"pointintime":"now-2h"})",                            // an unknown key
        R"({"point_in_time":7})",                                 // a wrong type
        R"({"environments":["a",1]})",
        R"({"environments":"acme"})",
        R"({"retention":{"days":7.0}})",
        R"({"retention":{"days":7,"days":8}})",
        R"({"retention":{"day":7}})",
        R"({"retention":{"days":99999999999999999999}})",
        R"({"retention":7})",
        R"({"example":true})",
        R"({"schema_version":2})",
        R"({"request_type":"access-extension"})",
        R"({"created_at":"2026-11-20T12:00:00Z"})", // a computed field: the DOM path ignores it
        R"({"point_in_time":"now-2h"} {})",         // trailing content
        R"({"point_in_time":"now-2h"}})",
        R"({"point_in_time":"now-2h",})",
        R"({"point_in_time":"now-2h")",
        R"(["point_in_time"])",
        "{\"justification\":\"a\xff\"}", // invalid UTF-8
        "{\"justification\":\"a\tb\"}",  // a raw control character
        R"({"justification":"\ud800"})", // a lone surrogate
    };
    for (const auto& text : declined) {
        INFO(text);
        CHECK_FALSE(reader.read(text));
    }
    CHECK(reader.read(R"({"point_in_time":"now-2h"})")); // the parser is reused after a decline
}

TEST_CASE("Every one-byte edit of a draft the reader accepts reads the same through nlohmann's parser") {
    // Deleting, doubling or replacing any byte of these drafts gives broken JSON, other types, unknown and
    // repeated keys: wherever the plain reader says yes, nlohmann's parser and read_draft must agree.
    const std::array<std::string, 3> seeds = {
        full_draft,
        R"({"environments":[],"retention":{},"point_in_time":null,"justification":"x\\y\/z\b\f\r\t\u0000"})",
        R"( { "reference" : "r" , "retention" : { "days" : -0 } , "schema_version" : 1 } )",
    };
    constexpr std::string_view replacements{"\"\\{}[],: 0-1.entfl\0\xff\x7f\xc3", 22};
    PlainDraftReader reader;
    std::size_t accepted = 0;
    std::size_t edits = 0;
    const auto check = [&](const std::string& text) {
        ++edits;
        const auto plain = reader.read(text);
        if (!plain) {
            return;
        }
        ++accepted;
        INFO(text);
        const auto dom = dom_reading(text);
        REQUIRE(dom);
        REQUIRE(describe(plain->input) == describe(*dom));
    };
    for (const auto& seed : seeds) {
        for (std::size_t i = 0; i < seed.size(); ++i) {
            check(seed.substr(0, i) + seed.substr(i + 1));
            check(seed.substr(0, i + 1) + seed.substr(i));
            for (const char c : replacements) {
                std::string edited = seed;
                edited[i] = c;
                check(edited);
            }
        }
    }
    CHECK(edits == 14280);
    CHECK(accepted > 4000); // edits inside string values still read: the comparison is not empty
}
