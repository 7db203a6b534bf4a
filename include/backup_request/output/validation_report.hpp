// The results of `validate`: per draft, its source, line and diagnostics; for people (stderr) and scripts
// (JSON).
#pragma once

#include "backup_request/rules/diagnostic.hpp"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

inline constexpr std::string_view report_format_version = "1.0";

struct DraftResult {
    std::string source;              // a path, or "<stdin>"
    std::optional<std::size_t> line; // where the draft starts; none when the source could not be read at all
    Diagnostics diagnostics;
    bool input_failure = false; // unreadable source or not JSON: exit code 3
    bool strict = false;        // warnings make the draft invalid
};

[[nodiscard]] bool is_valid(const DraftResult& result);

// What the totals need of a draft's result: small, so a result rendered on one thread is counted on another
// without its diagnostics.
struct DraftTally {
    bool read = false; // the source was read (the draft has a line)
    bool valid = false;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    bool input_failure = false;
};
[[nodiscard]] DraftTally tally(const DraftResult& result);

struct ReportTotals {
    std::size_t drafts = 0; // drafts read, parsed or not; sources that could not be read are counted apart
    std::size_t unreadable = 0;
    std::size_t valid = 0;
    std::size_t invalid = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    bool input_failure = false;

    void add(const DraftResult& result);
    void add(const DraftTally& tally);
};

// "drafts/ok.json:1: error: /environments/1: ... [env-port]", one line per diagnostic.
void print_draft_result(std::ostream& err, const DraftResult& result, bool show_warnings);
// The same lines, appended to `out` (nothing for a draft with nothing to show).
void append_draft_result(std::string& out, const DraftResult& result, bool show_warnings);

// The report's entry for one draft, {"source":...,"line":...,"valid":...,"diagnostics":[...]}, appended to
// `out`: what JsonReportWriter writes, made on any thread.
void append_report_entry(std::string& out, const DraftResult& result);

// "2 drafts checked: 1 valid, 1 invalid, 3 warnings" (", 1 unreadable input" when there is one)
[[nodiscard]] std::string summary_line(const ReportTotals& totals);

// Writes the JSON report as results arrive, so a batch of any length needs constant memory:
// {"format_version":"1.0","drafts":[...],"valid":...,"error_count":...,"warning_count":...}
class JsonReportWriter {
  public:
    explicit JsonReportWriter(std::ostream& out);
    void add(const DraftResult& result);
    // An entry append_report_entry made.
    void add_entry(std::string_view entry);
    void finish(const ReportTotals& totals);

  private:
    std::ostream& out_;
    bool first_ = true;
    std::string entry_;
};

} // namespace backup_request
