// Renders ledger records: the urgency order, the table, the JSON records, one request's detail, and the
// access end as a calendar event.
#include "backup_request/output/ledger_listing.hpp"

#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/output/case_document.hpp"
#include "backup_request/output/deadline_calendar.hpp"
#include "backup_request/text/display_width.hpp"
#include "backup_request/text/visible_text.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace backup_request {
namespace {

nlohmann::ordered_json optional_text(const std::optional<std::string>& text) {
    return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json optional_time(const std::optional<sys_seconds>& time) {
    return time ? nlohmann::ordered_json(format_utc_time(*time)) : nlohmann::ordered_json(nullptr);
}

std::string environments_cell(const LedgerRecord& record) {
    if (record.environments.empty()) {
        return "-";
    }
    std::string cell = visible_text(record.environments.front());
    if (record.environments.size() > 1) {
        cell += " +" + std::to_string(record.environments.size() - 1);
    }
    return cell;
}

// Columns padded by what a reader sees: user text may hold wide or combining characters.
std::string padded(const std::string& text, std::size_t width) {
    const std::size_t seen = display_width(text);
    return seen >= width ? text : text + std::string(width - seen, ' ');
}

constexpr std::size_t column_gap = 2;

// The columns a narrow terminal cuts, most expendable first, each down to its least width: ENVIRONMENTS and
// REFERENCE to their headings' width, BY to a name's first letters.
struct CutColumn {
    std::size_t column;
    std::size_t least;
};
constexpr std::array<CutColumn, 3> cut_columns = {{{2, 12}, {1, 9}, {5, 4}}};

// Narrows the cut-able columns until the table fits `max_width`.
void fit_columns(std::vector<std::size_t>& widths, std::size_t max_width) {
    std::size_t total = column_gap * (widths.size() - 1);
    for (const std::size_t width : widths) {
        total += width;
    }
    for (const auto& [column, least] : cut_columns) {
        if (total <= max_width) {
            return;
        }
        const std::size_t spare = widths[column] > least ? widths[column] - least : 0;
        const std::size_t cut = std::min(spare, total - max_width);
        widths[column] -= cut;
        total -= cut;
    }
}

} // namespace

std::string writer_part(const std::string& written_by) {
    const auto at = written_by.rfind('@');
    return at == std::string::npos || at == 0 ? written_by : written_by.substr(0, at);
}

std::vector<LedgerRecord> listed_records(std::vector<LedgerRecord> records, const ListingFilter& filter) {
    std::set<std::string> over; // requests declined or closed: their extensions are no one's work any more
    for (const auto& record : records) {
        if (!is_open(record)) {
            over.insert(record.id);
        }
    }
    std::erase_if(records, [&filter, &over](const LedgerRecord& record) {
        // The default view is what needs attention: open access requests, and the extensions written for
        // one but not yet filed (they must be, before access ends). Other extensions are follow-ups of their
        // request (show, --all and --state list them).
        const bool open_work =
            record.request_type == "database-backup-access"
                ? is_open(record)
                : record.state == RequestState::written && record.extends && !over.contains(*record.extends);
        if (!filter.all && !filter.state && !open_work) {
            return true;
        }
        if (filter.state && record.state != *filter.state) {
            return true;
        }
        if (filter.writer && (!record.written_by || writer_part(*record.written_by) != *filter.writer)) {
            return true;
        }
        return filter.environment && std::find(record.environments.begin(), record.environments.end(),
                                               *filter.environment) == record.environments.end();
    });
    // Each deadline worked out once (an extension's comes from its payload), then an order of indices: a
    // sort that moved whole records would copy every text of a big ledger many times over.
    std::vector<std::optional<Deadline>> deadlines;
    deadlines.reserve(records.size());
    for (const auto& record : records) {
        deadlines.push_back(next_deadline(record));
    }
    std::vector<std::size_t> order(records.size());
    for (std::size_t index = 0; index < order.size(); ++index) {
        order[index] = index;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
        const auto& first = deadlines[left];
        const auto& second = deadlines[right];
        const LedgerRecord& a = records[left];
        const LedgerRecord& b = records[right];
        if (first && second) {
            return first->at != second->at ? first->at < second->at : a.id < b.id;
        }
        if (first || second) {
            return first.has_value();
        }
        return a.written_at != b.written_at ? a.written_at > b.written_at : a.id < b.id;
    });
    std::vector<LedgerRecord> sorted;
    sorted.reserve(records.size());
    for (const std::size_t index : order) {
        sorted.push_back(std::move(records[index]));
    }
    return sorted;
}

std::string time_left_text(std::chrono::seconds left) {
    using namespace std::chrono;
    if (left <= seconds::zero()) {
        return "passed";
    }
    const auto days_left = duration_cast<days>(left);
    const auto hours_left = duration_cast<hours>(left - days_left);
    const auto minutes_left = duration_cast<minutes>(left - days_left - hours_left);
    if (days_left.count() > 0) {
        return std::to_string(days_left.count()) + "d " + std::to_string(hours_left.count()) + "h";
    }
    if (hours_left.count() > 0) {
        return std::to_string(hours_left.count()) + "h " + std::to_string(minutes_left.count()) + "m";
    }
    return std::to_string(std::max<long long>(1, minutes_left.count())) + "m";
}

nlohmann::ordered_json record_json(const LedgerRecord& record, sys_seconds now, bool with_history) {
    // Fields appended in order, each key once: ordered_json's operator[] would look every key up first, which
    // a list of 100,000 records pays for 20 times each.
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    auto& fields = out.get_ref<nlohmann::ordered_json::object_t&>();
    fields.reserve(with_history ? 23 : 21);
    const auto add = [&fields](const char* key, nlohmann::ordered_json value) {
        fields.emplace_back(key, std::move(value));
    };
    add("id", record.id);
    add("request_type", record.request_type);
    add("state", state_name(record.state));
    add("point_in_time", optional_time(record.point_in_time));
    add("environments", record.environments);
    add("reference", optional_text(record.reference));
    add("contact", optional_text(record.contact));
    add("written_at", format_utc_time(record.written_at));
    if (const auto deadline = next_deadline(record)) {
        add("deadline", {{"at", format_utc_time(deadline->at)},
                         {"meaning", deadline->meaning},
                         {"seconds_left", (deadline->at - now).count()}});
    } else {
        add("deadline", nullptr);
    }
    add("retention_deadline", optional_time(record.retention_deadline));
    add("case", optional_text(record.case_id));
    add("ticket", optional_text(record.ticket));
    add("delivered_at", optional_time(record.delivered_at));
    add("access_ends_at", optional_time(record.access_ends_at));
    add("extends", optional_text(record.extends));
    add("format", record.format);
    add("destination", record.destination);
    add("written_by", optional_text(record.written_by));
    if (with_history) {
        add("justification", record.justification);
        auto history = nlohmann::ordered_json::array();
        for (const auto& event : record.history) {
            history.push_back({{"state", state_name(event.state)},
                               {"recorded_at", format_utc_time(event.recorded_at)},
                               {"detail", event.detail}});
        }
        add("history", std::move(history));
    }
    return out;
}

std::string listing_table(const std::vector<LedgerRecord>& records, sys_seconds now,
                          const std::function<std::string(const std::string&)>& emphasis,
                          std::size_t max_width) {
    const std::vector<std::string> headings = {"ID",    "REFERENCE", "ENVIRONMENTS",  "POINT IN TIME",
                                               "STATE", "BY",        "NEXT DEADLINE", "LEFT"};
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> urgent;
    rows.reserve(records.size());
    urgent.reserve(records.size());
    for (const auto& record : records) {
        const auto deadline = next_deadline(record);
        rows.push_back({record.id, record.reference ? visible_text(*record.reference) : "-",
                        environments_cell(record),
                        record.point_in_time ? format_utc_time(*record.point_in_time) : "-",
                        std::string(state_name(record.state)),
                        record.written_by ? visible_text(writer_part(*record.written_by)) : "-",
                        deadline ? format_utc_time(deadline->at) + " " + deadline->meaning : "-",
                        deadline ? time_left_text(deadline->at - now) : "-"});
        urgent.push_back(deadline && deadline->at - now <= urgent_within);
    }
    std::vector<std::size_t> widths;
    widths.reserve(headings.size());
    for (const auto& heading : headings) {
        widths.push_back(heading.size());
    }
    for (const auto& row : rows) {
        for (std::size_t column = 0; column < row.size(); ++column) {
            widths[column] = std::max(widths[column], display_width(row[column]));
        }
    }
    if (max_width > 0) {
        fit_columns(widths, max_width);
        for (auto& row : rows) {
            for (const auto& cut : cut_columns) {
                row[cut.column] = cut_to_width(row[cut.column], widths[cut.column]);
            }
        }
    }
    const auto line = [&widths](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t column = 0; column < cells.size(); ++column) {
            text += column + 1 == cells.size() ? cells[column] : padded(cells[column], widths[column]) + "  ";
        }
        return text;
    };
    std::string out = line(headings) + "\n";
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const std::string text = line(rows[index]);
        out += (urgent[index] && emphasis ? emphasis(text) : text) + "\n";
    }
    return out;
}

std::string record_detail(const LedgerRecord& record, sys_seconds now,
                          const std::vector<LedgerRecord>& extensions) {
    std::string out;
    const auto item = [&out](const std::string& label, const std::string& value) {
        out += padded(label.empty() ? label : label + ":", 16) + value + "\n";
    };
    item("Request", record.id + " (" + record.request_type + ")");
    item("State", std::string(state_name(record.state)));
    if (record.extends) {
        item("Extends", *record.extends);
    }
    if (record.point_in_time) {
        item("Point in time", format_utc_time(*record.point_in_time));
    }
    for (std::size_t index = 0; index < record.environments.size(); ++index) {
        item(index == 0 ? "Environments" : "", visible_text(record.environments[index]));
    }
    if (record.reference) {
        item("Reference", visible_text(*record.reference));
    }
    if (record.contact) {
        item("Contact", visible_text(*record.contact));
    }
    if (record.case_id) {
        item("Vendor case", visible_text(*record.case_id));
    }
    if (record.ticket) {
        item("Ticket", visible_text(*record.ticket));
    }
    item("Written", format_utc_time(record.written_at) + " as " + record.format + " to " +
                        visible_text(record.destination) +
                        (record.written_by ? " by " + visible_text(*record.written_by) : std::string()));
    if (record.delivered_at) {
        item("Delivered", format_utc_time(*record.delivered_at));
    }
    if (const auto deadline = next_deadline(record)) {
        const auto left = deadline->at - now;
        item("Next deadline",
             format_utc_time(deadline->at) + ", " + deadline->meaning +
                 (left > std::chrono::seconds::zero() ? " (in " + time_left_text(left) + ")" : " (passed)"));
    }
    out += "\nHistory:\n";
    // The request's own steps, and the extensions written for it, in the order they happened.
    std::vector<std::pair<sys_seconds, std::string>> lines;
    for (const auto& event : record.history) {
        lines.emplace_back(event.recorded_at, format_utc_time(event.recorded_at) + "  " +
                                                  padded(std::string(state_name(event.state)), 10) +
                                                  visible_text(event.detail));
    }
    for (const auto& extension : extensions) {
        lines.emplace_back(extension.written_at,
                           format_utc_time(extension.written_at) + "  " + padded("", 10) + "extension " +
                               extension.id + " written" +
                               (extension.state == RequestState::written ? " (not yet submitted)" : ""));
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& line : lines) {
        out += "  " + line.second + "\n";
    }
    return out;
}

std::string access_calendar(const LedgerRecord& record, sys_seconds now) {
    CaseDocument document;
    document.title = "Access to a restored backup";
    document.summary = "access to " +
                       (record.environments.empty() ? record.id : record.environments.front()) + " ends" +
                       (record.reference ? " (" + *record.reference + ")" : std::string());
    document.blocks.push_back({CaseBlock::Kind::item, "Request", record.id, {}, {}});
    if (record.case_id) {
        document.blocks.push_back({CaseBlock::Kind::item, "Vendor case", *record.case_id, {}, {}});
    }
    if (!record.environments.empty()) {
        document.blocks.push_back({CaseBlock::Kind::list, "Environments", {}, record.environments, {}});
    }
    if (record.delivered_at) {
        document.blocks.push_back(
            {CaseBlock::Kind::item, "Delivered", format_utc_time(*record.delivered_at), {}, {}});
    }
    document.blocks.push_back(
        {CaseBlock::Kind::fact,
         {},
         "Ask for an extension before then: backup-request extend --request " + record.id,
         {},
         {}});
    document.deadline = record.access_ends_at.value_or(now);
    document.deadline_meaning = "access to the restored backup ends";
    // The request's id is unique in its ledger, and its history only grows: each mark is a new sequence.
    return deadline_calendar(document, now, CalendarIdentity{"request-" + record.id, record.history.size()});
}

} // namespace backup_request
