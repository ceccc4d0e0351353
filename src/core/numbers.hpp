// Rounding and formatting that behave identically natively and in WebAssembly.
#pragma once
#include <string>

namespace core {

// Exact values (doses, intervals, limits) are compared with this relative tolerance: it absorbs
// binary noise (12.000000001 h), never a real difference (0.1 mg, 1 minute).
inline constexpr double kRelativeTolerance = 1e-9;
bool nearly_equal(double a, double b);

// Nearest value with `decimals` decimal places (ties away from zero); a tiny nudge absorbs
// binary noise such as 35.55 being stored as 35.549999... The result is divided by a power
// of ten, so it is the double nearest the decimal (0.3, not 0.30000000000000004).
double round_to(double value, int decimals);
// Largest value with `decimals` places not above `value` (used for ceilings, so a shown
// ceiling never exceeds the label's limit).
double round_down_to(double value, int decimals);
// Smallest whole number not below `value`, ignoring binary noise (1.0000000001 -> 1).
int whole_up(double value);

// "5", "0.5", "12.25": no trailing zeros, a leading zero, at most `max_decimals`.
std::string format_number(double value, int max_decimals = 2);
// The same, appended to `out` without a temporary string.
void append_number(std::string& out, double value, int max_decimals = 2);

// e^x built from +, *, / and exact scaling only, so native and wasm results are bit-identical.
double exp_deterministic(double x);

}  // namespace core
