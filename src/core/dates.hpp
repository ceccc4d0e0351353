// Civil calendar dates (proleptic Gregorian), for monitoring schedules.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Date {
    int year = 1970, month = 1, day = 1;
    friend bool operator==(const Date&, const Date&) = default;
};

std::optional<Date> parse_iso_date(std::string_view text);  // strict YYYY-MM-DD
std::string to_iso(const Date& date);
// Adds whole months; a day past the end of the target month becomes its last day
// (31 Jan + 1 month = 28 or 29 Feb), the usual calendar convention for "monthly".
Date add_months(const Date& date, int months);
int days_in_month(int year, int month);

}  // namespace core
