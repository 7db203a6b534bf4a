// Shared by both request kinds, so a time reads the same in every field and every command.
#include "backup_request/time/time_field.hpp"

#include "backup_request/text/utf8_text.hpp"
#include "backup_request/time/time_zone.hpp"

namespace backup_request {

std::optional<ParsedTime> read_time_field(const std::string& field, const std::string& text, sys_seconds now,
                                          std::string_view time_zone, Diagnostics& found) {
    if (find_invalid_utf8(text)) {
        found.push_back(make_error("time-invalid", field,
                                   "the time is not valid UTF-8; " + std::string(accepted_time_forms)));
        return std::nullopt;
    }
    auto parsed = parse_point_in_time(text, now, time_zone);
    if (auto* error = std::get_if<TimeParseError>(&parsed)) {
        found.push_back(make_error(std::move(error->code), field, std::move(error->message)));
        return std::nullopt;
    }
    auto& time = std::get<ParsedTime>(parsed);
    if (time.subseconds_dropped) {
        found.push_back(
            make_warning("time-subseconds-dropped", field,
                         "the fraction of a second was dropped: the time is " + format_utc_time(time.time)));
    }
    return std::move(time);
}

bool check_time_zone_field(const std::optional<std::string>& time_zone, Diagnostics& found) {
    if (!time_zone) {
        return true;
    }
    if (find_invalid_utf8(*time_zone) || find_control_character(*time_zone)) {
        found.push_back(
            make_error("time-zone-unknown", "time_zone", "the time zone is not a plain IANA name"));
        return false;
    }
    if (auto error = check_time_zone(*time_zone)) {
        found.push_back(make_error(std::move(error->code), "time_zone", std::move(error->message)));
        return false;
    }
    return true;
}

} // namespace backup_request
