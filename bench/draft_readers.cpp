// Issue 13's comparison of three ways to read a draft's fields from NDJSON, on the same lines:
//   dom       nlohmann::json::parse into a DOM, then read_draft (what validate did for every draft)
//   sax       nlohmann's SAX interface straight into a RequestInput, no DOM
//   simdjson  PlainDraftReader: simdjson's On-Demand API (what validate does now)
//   draft_readers MODE FILE    prints how many lines it read into an input; time it, or count instructions
// The SAX reader lives here only: it lost (docs/performance.md), so the product does not carry it.
#include "backup_request/drafts/draft.hpp"
#include "backup_request/drafts/json_text.hpp"
#include "backup_request/drafts/plain_draft.hpp"

#include <cstdint>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

namespace {

using namespace backup_request;
using json = nlohmann::json;

// Fills a RequestInput from SAX events; any shape outside a plain draft stops the parse (a decline).
class SaxDraftReader : public nlohmann::json_sax<json> {
  public:
    RequestInput input;

    bool null() override { return depth_ >= 1; }
    bool boolean(bool value) override { return depth_ == 1 && key_ == "example" && !value; }
    bool number_integer(number_integer_t value) override { return number(value); }
    bool number_unsigned(number_unsigned_t value) override {
        return value <= static_cast<number_unsigned_t>(INT64_MAX) && number(static_cast<std::int64_t>(value));
    }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return false; }
    bool binary(binary_t& /*value*/) override { return false; }
    bool string(string_t& value) override {
        if (in_environments_) {
            input.environments.push_back(std::move(value));
            return true;
        }
        if (depth_ != 1) {
            return false;
        }
        if (key_ == "point_in_time") {
            input.point_in_time = std::move(value);
        } else if (key_ == "time_zone") {
            input.time_zone = std::move(value);
        } else if (key_ == "justification") {
            input.justification = std::move(value);
        } else if (key_ == "contact") {
            input.contact = std::move(value);
        } else if (key_ == "reference") {
            input.reference = std::move(value);
        } else {
            return key_ == "request_type" && value == "database-backup-access";
        }
        return true;
    }
    bool start_object(std::size_t /*size*/) override {
        ++depth_;
        return depth_ == 1 || (depth_ == 2 && key_ == "retention");
    }
    bool key(string_t& value) override {
        if (depth_ == 2) {
            return value == "days";
        }
        static const std::set<std::string> known = {
            "point_in_time", "time_zone", "environments",   "justification", "contact",
            "reference",     "retention", "schema_version", "request_type",  "example"};
        key_ = std::move(value);
        return known.count(key_) != 0 && seen_.insert(key_).second;
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool start_array(std::size_t /*size*/) override {
        in_environments_ = depth_ == 1 && key_ == "environments" && !in_environments_;
        return in_environments_;
    }
    bool end_array() override {
        in_environments_ = false;
        return true;
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& /*error*/) override {
        return false;
    }

  private:
    bool number(std::int64_t value) {
        if (depth_ == 2) {
            input.retention_days = value;
            return true;
        }
        return depth_ == 1 && key_ == "schema_version" && value == 1;
    }

    int depth_ = 0;
    bool in_environments_ = false;
    std::string key_;
    std::set<std::string> seen_;
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: draft_readers dom|sax|simdjson FILE\n";
        return 2;
    }
    const std::string mode = argv[1];
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) {
        std::cerr << "draft_readers: cannot open " << argv[2] << '\n';
        return 2;
    }
    PlainDraftReader plain;
    std::size_t read = 0;
    std::size_t lines = 0;
    std::size_t bytes = 0; // of the inputs read, so the compiler cannot drop the work
    std::string line;
    while (std::getline(in, line)) {
        ++lines;
        std::optional<RequestInput> input;
        if (mode == "dom") {
            auto parsed = parse_json_text(line);
            if (auto* document = std::get_if<json>(&parsed)) {
                auto reading = read_draft(*document);
                if (reading.diagnostics.empty()) {
                    input = std::move(reading.input);
                }
            }
        } else if (mode == "sax") {
            SaxDraftReader reader;
            if (json::sax_parse(line, &reader)) {
                input = std::move(reader.input);
            }
        } else if (mode == "simdjson") {
            if (auto draft = plain.read(line)) {
                input = std::move(draft->input);
            }
        } else {
            std::cerr << "draft_readers: unknown mode " << mode << '\n';
            return 2;
        }
        if (input) {
            ++read;
            bytes += input->justification ? input->justification->size() : 0;
        }
    }
    std::cout << mode << ": " << read << " of " << lines << " lines read (" << bytes
              << " bytes of justification)\n";
    return 0;
}
