// Validators for CLI11, written as functions of the flag's text.
#include "option_checks.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace backup_request {

CLI::Validator non_empty(const std::string& example) {
    return {[example](std::string& value) -> std::string {
                if (value.find_first_not_of(" \t") == std::string::npos) {
                    return "the value is empty; give " + example + ", or leave the flag out";
                }
                return {};
            },
            ""};
}

CLI::Validator whole_number_in(int min, int max, const std::string& unit) {
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    return {[min, max, unit, range](std::string& value) -> std::string {
                const bool digits = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c));
                });
                if (!digits) {
                    return "'" + value + "' is not a whole number of " + unit + ": give " + range;
                }
                const auto first = std::min(value.find_first_not_of('0'), value.size() - 1);
                const std::string_view significant = std::string_view(value).substr(first);
                if (significant.size() > 6) {
                    return std::string(significant) + " " + unit + " is out of range: give " + range;
                }
                const int number = std::stoi(std::string(significant));
                if (number < min || number > max) {
                    return std::to_string(number) + " " + unit + " is out of range: give " + range;
                }
                // CLI11 converts with base 0, so "015" would be octal 13: hand it the plain decimal.
                value = std::to_string(number);
                return {};
            },
            "INT in [" + std::to_string(min) + " - " + std::to_string(max) + "]"};
}

} // namespace backup_request
