#include "words.hpp"

#include "numbers.hpp"

#include <cmath>

namespace core {

std::string age_words(double months) {
    if (months >= 24 && std::fmod(months, 12) == 0) return format_number(months / 12) + " years";
    return format_number(months) + (months == 1 ? " month" : " months");
}

std::string duration_words(double hours) {
    if (hours >= 168 && std::fmod(hours, 168) == 0) {
        const double weeks = hours / 168;
        return weeks == 1 ? "1 week" : format_number(weeks) + " weeks";
    }
    if (hours >= 72 && std::fmod(hours, 24) == 0) return format_number(hours / 24) + " days";
    return format_number(hours, 2) + " h";
}

std::string interval_words(double hours) {
    if (hours == 24) return "once daily";
    if (hours == 12) return "twice daily";
    if (hours == 48) return "every other day (every 48 h)";
    if (hours == 168) return "every week";
    return "every " + duration_words(hours);
}

}  // namespace core
