#include "words.hpp"

#include "numbers.hpp"

#include <cmath>

namespace core {

std::string age_words(double months) {
    if (months >= 24 && std::fmod(months, 12) == 0) return format_number(months / 12) + " years";
    return format_number(months) + (months == 1 ? " month" : " months");
}

std::string aged_patient_words(double months) {
    if (months >= 18 * 12) return "an adult of " + format_number(std::floor(months / 12)) + " years";
    const bool in_years = months >= 24;
    const double value = in_years ? std::floor(months / 12) : std::floor(months);
    const std::string number = format_number(value);
    const bool vowel = number[0] == '8' || number == "11" || number == "18";
    return std::string(vowel ? "an " : "a ") + number + (in_years ? "-year-old" : "-month-old");
}

std::string duration_words(double hours) {
    const auto whole_multiple = [&](double unit) { return hours >= unit && same_hours(hours, std::round(hours / unit) * unit); };
    if (whole_multiple(168) && hours >= 168) {
        const double weeks = std::round(hours / 168);
        return weeks == 1 ? "1 week" : format_number(weeks) + " weeks";
    }
    if (hours >= 72 && whole_multiple(24)) return format_number(std::round(hours / 24)) + " days";
    // Two decimals, unless they would show a value the rules treat as different.
    const int decimals = same_hours(hours, round_to(hours, 2)) ? 2 : 9;
    return format_number(hours, decimals) + " h";
}

std::string interval_words(double hours) {
    if (same_hours(hours, 24)) return "once daily";
    if (same_hours(hours, 12)) return "twice daily";
    if (same_hours(hours, 48)) return "every other day (every 48 h)";
    if (same_hours(hours, 168)) return "every week";
    return "every " + duration_words(hours);
}

}  // namespace core
