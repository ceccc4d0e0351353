#include "dates.hpp"

#include <cstdio>

namespace core {

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t count) -> int {
        int value = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    Date d{digits(0, 4), digits(5, 2), digits(8, 2)};
    if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12) return std::nullopt;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

std::string to_iso(const Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

Date add_months(const Date& d, int months) {
    const int index = d.year * 12 + (d.month - 1) + months;
    Date out{index / 12, index % 12 + 1, d.day};
    const int last = days_in_month(out.year, out.month);
    if (out.day > last) out.day = last;
    return out;
}

}  // namespace core
