// The prompts reuse the rules' own checks, so an answer is accepted exactly when the rules would accept it.
#include "guided_intake.hpp"

#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/rules/environment_address.hpp"
#include "backup_request/rules/justification.hpp"
#include "backup_request/rules/secret_scan.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"
#include "backup_request/text/visible_text.hpp"
#include "backup_request/time/retention_window.hpp"
#include "backup_request/time/time_field.hpp"
#include "time_reading.hpp"

#include <istream>
#include <ostream>
#include <stdexcept>

namespace backup_request {

using json = nlohmann::json;

namespace {

std::optional<std::string> read_answer(CommandContext& context, const char* prompt) {
    context.err << prompt << std::flush;
    std::string line;
    if (!std::getline(context.in, line)) {
        context.err << '\n';
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

void explain(CommandContext& context, const Diagnostics& found) {
    for (const auto& diagnostic : found) {
        context.err << "  " << severity_name(diagnostic.severity) << ": " << visible_text(diagnostic.message)
                    << '\n';
    }
}

int retention_days_of(const json& draft) {
    const auto retention = draft.find("retention");
    if (retention != draft.end() && retention->is_object()) {
        const auto days = retention->find("days");
        if (days != retention->end() && days->is_number_integer()) {
            const auto value = days->get<long long>();
            if (value >= 1 && value <= max_retention_days) {
                return static_cast<int>(value);
            }
        }
    }
    return default_retention_days;
}

// A wall time typed without a zone at the prompt: UTC, or this machine's zone? The answer is the text with
// the zone added ("yesterday 14:30 Europe/Berlin"); empty when there is no second reading to offer (the
// machine's zone is unknown or UTC), or the answer was neither; none when the input ended.
std::optional<std::string> ask_which_zone(const std::string& answer, sys_seconds now,
                                          CommandContext& context) {
    const auto machine = machine_time_zone(context.environment, now);
    if (!machine) {
        return std::string();
    }
    const std::string as_utc = answer + " UTC";
    const std::string as_local = answer + " " + *machine;
    const auto in_utc = parse_point_in_time(as_utc, now);
    const auto in_local = parse_point_in_time(as_local, now);
    const auto* utc_time = std::get_if<ParsedTime>(&in_utc);
    const auto* local_time = std::get_if<ParsedTime>(&in_local);
    if (utc_time == nullptr || local_time == nullptr) {
        return std::string();
    }
    context.err << "  " << visible_text(backup_request::quoted(answer))
                << " has no time zone. Which did you mean?\n"
                << "    1) " << format_utc_time(utc_time->time) << "  (" << visible_text(answer) << " UTC)\n"
                << "    2) " << format_utc_time(local_time->time) << "  (" << visible_text(answer) << " in "
                << *machine << ", this machine's zone)\n";
    const auto choice = read_answer(context, "  1 or 2: ");
    if (!choice) {
        return std::nullopt;
    }
    const std::string_view picked = trim_whitespace(*choice);
    if (picked == "1") {
        return as_utc;
    }
    if (picked == "2") {
        return as_local;
    }
    return std::string();
}

bool ask_point_in_time(json& draft, sys_seconds now, CommandContext& context) {
    const int days = retention_days_of(draft);
    const auto window = retention_window(now, days);
    const std::string zone =
        draft.value("time_zone", json("")).is_string() ? draft.value("time_zone", "") : "";
    context.err << "Point in time to restore"
                << (zone.empty() ? " (UTC, or give an offset)" : " (local time in " + zone + ")")
                << ".\n  Allowed now: " << format_utc_time(window.earliest) << " to "
                << format_utc_time(now - restore_lag) << " (the " << days
                << "-day window; the newest 5 minutes may not be restorable yet)\n  " << natural_time_forms
                << "\n";
    for (;;) {
        auto answer = read_answer(context, "Point in time: ");
        if (!answer) {
            return false;
        }
        Diagnostics found;
        auto parsed = read_time_field("point_in_time", *answer, now, zone, found);
        if (!parsed && found.size() == 1 && found.front().code == "time-no-zone") {
            // Instead of an error: which of the two readings was meant, both shown in UTC.
            auto chosen = ask_which_zone(*answer, now, context);
            if (!chosen) {
                return false;
            }
            if (chosen->empty()) {
                name_machine_zone(found, context.environment, now);
                explain(context, found);
                continue;
            }
            answer = *chosen;
            found.clear();
            parsed = read_time_field("point_in_time", *answer, now, zone, found);
        }
        if (parsed) {
            append_diagnostics(found, check_point_in_time(parsed->time, now, days));
            echo_time_reading(context, *answer, *parsed, now);
        }
        explain(context, found);
        if (parsed && !has_errors(found)) {
            draft["point_in_time"] = *answer;
            return true;
        }
        context.err << "Please give it again.\n";
    }
}

bool ask_environments(json& draft, CommandContext& context) {
    context.err
        << "Environment addresses, one per line (like acme-prd.outsystemsenterprise.com); an empty line "
           "ends the list.\n";
    json addresses = json::array();
    for (;;) {
        const auto answer = read_answer(context, "Address: ");
        if (!answer) {
            return false;
        }
        if (trim_whitespace(*answer).empty()) {
            if (!addresses.empty()) {
                draft["environments"] = std::move(addresses);
                return true;
            }
            context.err << "  error: give at least one address\n";
            continue;
        }
        auto result = normalize_environment_address(*answer);
        if (const auto* error = std::get_if<AddressError>(&result)) {
            context.err << "  error: " << visible_text(error->message) << '\n';
            continue;
        }
        addresses.push_back(*answer);
    }
}

bool ask_extension_days(json& draft, const RequestField& field, CommandContext& context) {
    const std::string prompt = "Extra days of access (" + std::to_string(field.minimum) + " to " +
                               std::to_string(field.maximum) + "): ";
    for (;;) {
        const auto answer = read_answer(context, prompt.c_str());
        if (!answer) {
            return false;
        }
        const std::string_view typed = trim_whitespace(*answer);
        const bool digits =
            !typed.empty() && typed.size() <= 3 &&
            std::all_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; });
        const int days = digits ? std::stoi(std::string(typed)) : -1;
        if (days < field.minimum || days > field.maximum) {
            context.err << "  error: give a whole number of days from " << field.minimum << " to "
                        << field.maximum << "; one extension is at most " << field.maximum << " days\n";
            continue;
        }
        draft[field.key] = days;
        return true;
    }
}

bool ask_justification(json& draft, bool allow_secrets, const RequestKind& kind, CommandContext& context) {
    context.err
        << (kind.extends_recorded
                ? "Why access is still needed: what is left to do with the data, and why it needs more "
                  "days.\n"
                : "Business justification: what happened, the business impact, and what data you need.\n")
        << "Several lines if you like; an empty line ends it.\n";
    for (;;) {
        std::string text;
        for (;;) {
            const auto answer = read_answer(context, "> ");
            if (!answer) {
                return false;
            }
            if (answer->empty()) {
                break;
            }
            text += (text.empty() ? "" : "\n") + *answer;
        }
        JustificationCheck check = check_justification(text);
        if (auto secret = secret_diagnostic("justification", text); secret && !allow_secrets) {
            check.diagnostics.push_back(std::move(*secret));
        }
        explain(context, check.diagnostics);
        if (!has_errors(check.diagnostics)) {
            draft["justification"] = text;
            return true;
        }
        context.err << "Please write it again.\n";
    }
}

} // namespace

bool can_ask_for(const std::string& key) {
    return key == "point_in_time" || key == "environments" || key == "justification" ||
           key == "extension_days";
}

bool ask_missing_fields(const RequestKind& kind, json& draft, sys_seconds now, bool allow_secrets,
                        CommandContext& context) {
    for (const auto& field : kind.fields) {
        // A field without a prompt (a case the ledger does not know yet) is left to the rules to report.
        if (!field.required || draft.contains(field.key) ||
            (!field.erases.empty() && draft.contains(field.erases)) || !can_ask_for(field.key)) {
            continue;
        }
        bool answered = false;
        if (field.key == "point_in_time") {
            answered = ask_point_in_time(draft, now, context);
        } else if (field.key == "environments") {
            answered = ask_environments(draft, context);
        } else if (field.key == "justification") {
            answered = ask_justification(draft, allow_secrets, kind, context);
        } else if (field.key == "extension_days") {
            answered = ask_extension_days(draft, field, context);
        }
        if (!answered) {
            return false;
        }
    }
    return true;
}

bool confirm_request(const std::string& summary, CommandContext& context) {
    context.err << '\n' << summary << '\n';
    const auto answer = read_answer(context, "Write this request? [y/N] ");
    return answer && (*answer == "y" || *answer == "Y" || *answer == "yes" || *answer == "Yes");
}

} // namespace backup_request
