// Zone lookups and local-to-UTC conversion through date::time_zone::get_info, which tells unique, gap and
// overlap.
#include "backup_request/time/time_zone.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/closest_name.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <date/tz.h>
#include <fstream>
#include <stdexcept>

namespace backup_request {
namespace {

const date::time_zone* find_zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::runtime_error&) {
        return nullptr; // date reports an unknown zone by throwing; here it is an ordinary answer
    }
}

std::string format_local(local_seconds local) {
    return format_utc_time(sys_seconds{local.time_since_epoch()}).substr(0, 19);
}

std::string format_offset(std::chrono::seconds offset) {
    const char sign = offset < std::chrono::seconds::zero() ? '-' : '+';
    const auto minutes = std::chrono::abs(std::chrono::duration_cast<std::chrono::minutes>(offset)).count();
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return buffer;
}

// Every zone name with its lower-case form and city, read once: a batch of drafts may ask many times.
struct ZoneName {
    std::string name;
    std::string lower;
    std::string city;
};

const std::vector<ZoneName>& zone_names() {
    static const std::vector<ZoneName> names = [] {
        std::vector<ZoneName> out;
        try {
            for (const auto& zone : date::get_tzdb().zones) {
                std::string low = to_lower_ascii(zone.name());
                const auto slash = low.rfind('/');
                std::string city = slash == std::string::npos ? low : low.substr(slash + 1);
                out.push_back({zone.name(), std::move(low), std::move(city)});
            }
        } catch (const std::exception&) {
            out.clear(); // no zone database: no suggestions
        }
        return out;
    }();
    return names;
}

// Where the zones are read from, for messages.
std::string& database_location() {
#if USE_OS_TZDB
    static std::string location = "/usr/share/zoneinfo";
#else
    static std::string location = "the tzdata folder beside the program";
#endif
    return location;
}

} // namespace

bool time_zones_are_bundled() {
    return USE_OS_TZDB == 0;
}

void use_bundled_time_zones(const std::optional<std::string>& folder) {
#if !USE_OS_TZDB
    if (folder) {
        const char separator = folder->find('\\') != std::string::npos ? '\\' : '/';
        database_location() = *folder + separator + "tzdata";
        date::set_install(database_location());
    }
#else
    (void)folder;
#endif
}

namespace {

// date reads the system database's version from +VERSION, which Debian and others leave out; their tzdata.zi
// starts with "# version 2026b".
std::string version_of(const date::tzdb& database) {
    if (database.version != "unknown") {
        return database.version;
    }
    std::ifstream compact(database_location() + "/tzdata.zi");
    std::string first_line;
    if (std::getline(compact, first_line) && first_line.starts_with("# version ")) {
        return first_line.substr(10);
    }
    return database.version;
}

} // namespace

std::string time_zone_database_text() {
    try {
        return version_of(date::get_tzdb()) + " (" + database_location() + ")";
    } catch (const std::exception&) {
        return "cannot be read from " + database_location();
    }
}

std::vector<std::string> similar_time_zones(std::string_view name) {
    std::string wanted = to_lower_ascii(name);
    std::replace(wanted.begin(), wanted.end(), ' ', '_');
    std::vector<std::string> found;
    // The same name in another case, or the city alone ("lisbon", "new_york").
    for (const auto& candidate : zone_names()) {
        if (candidate.lower == wanted || candidate.city == wanted) {
            found.push_back(candidate.name);
        }
    }
    if (found.empty() && wanted.size() <= 64) {
        std::vector<std::pair<std::size_t, std::string>> ranked;
        for (const auto& candidate : zone_names()) {
            ranked.emplace_back(edit_distance(wanted, candidate.lower), candidate.name);
        }
        std::sort(ranked.begin(), ranked.end());
        const std::size_t limit = std::clamp<std::size_t>(name.size() / 3, 1, 4);
        const std::size_t best = ranked.empty() ? 0 : ranked.front().first;
        for (const auto& [distance, candidate] : ranked) {
            if (distance > limit || distance > best + 1 || found.size() == 3) {
                break;
            }
            found.push_back(candidate);
        }
    }
    if (found.size() > 3) {
        found.resize(3);
    }
    return found;
}

bool is_known_time_zone(std::string_view name) {
    return find_zone(name) != nullptr;
}

std::optional<TimeParseError> check_time_zone(std::string_view name) {
    bool readable = false;
    try {
        // An empty folder where the zone files should be reads as a database without zones, not as an error.
        readable = !date::get_tzdb().zones.empty();
    } catch (const std::exception&) {
        readable = false;
    }
    if (!readable) {
        return TimeParseError {
            "time-zone-unknown", "the time zone database cannot be read from " + database_location() +
#if USE_OS_TZDB
                                     " (is the tzdata package installed?)"
#else
                                     " (it comes in the release's zip, beside the program)"
#endif
                                     "; give the time in UTC with Z, or with an offset, instead"
        };
    }
    if (find_zone(name) != nullptr) {
        return std::nullopt;
    }
    std::string message = "unknown time zone " + backup_request::quoted(name);
    const auto similar = similar_time_zones(name);
    if (!similar.empty()) {
        message += " (did you mean ";
        for (std::size_t i = 0; i < similar.size(); ++i) {
            message += (i == 0                    ? ""
                        : i + 1 == similar.size() ? " or "
                                                  : ", ") +
                       backup_request::quoted(similar[i]);
        }
        message += "?)";
    }
    message += ": give an IANA name like Europe/Lisbon or America/New_York";
    return TimeParseError{"time-zone-unknown", std::move(message)};
}

std::variant<sys_seconds, TimeParseError> local_to_utc(local_seconds local, std::string_view zone_name,
                                                       std::string_view text) {
    const date::time_zone* zone = find_zone(zone_name);
    if (zone == nullptr) {
        return *check_time_zone(zone_name);
    }
    const date::local_info info = zone->get_info(local);
    const std::string where = " in " + std::string(zone_name);
    switch (info.result) {
    case date::local_info::unique:
        return sys_seconds{local.time_since_epoch()} - info.first.offset;
    case date::local_info::nonexistent: {
        const auto gap_start = local_seconds{(info.second.begin + info.first.offset).time_since_epoch()};
        const auto gap_end = local_seconds{(info.second.begin + info.second.offset).time_since_epoch()};
        return TimeParseError{"time-local-gap",
                              backup_request::quoted(text) + " does not exist" + where +
                                  ": clocks jumped from " + format_local(gap_start).substr(11, 5) + " to " +
                                  format_local(gap_end).substr(11, 5) + " (" + info.first.abbrev + " to " +
                                  info.second.abbrev +
                                  ") that day; give a time outside the gap, or an explicit offset"};
    }
    case date::local_info::ambiguous: {
        const sys_seconds first = sys_seconds{local.time_since_epoch()} - info.first.offset;
        const sys_seconds second = sys_seconds{local.time_since_epoch()} - info.second.offset;
        const std::string local_text = format_local(local);
        return TimeParseError{"time-local-ambiguous",
                              backup_request::quoted(text) + " occurs twice" + where + ": " +
                                  format_utc_time(first) + " (" + info.first.abbrev + ", " + local_text +
                                  format_offset(info.first.offset) + ") or " + format_utc_time(second) +
                                  " (" + info.second.abbrev + ", " + local_text +
                                  format_offset(info.second.offset) + "); give the offset you mean"};
    }
    }
    return TimeParseError{"time-invalid", "cannot convert " + backup_request::quoted(text)};
}

} // namespace backup_request
