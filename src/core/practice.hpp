// Practice mode's marking: a student's typed answer against the number the core shows for the
// same quantity (its step's result, step.hpp) within the quantity's stated tolerance, with
// feedback that names the usual slips (tenfold, mg for mL, per kg for per day, lb for kg, the
// renal interval). Pure: the response is the only answer key.
#pragma once
#include "response.hpp"
#include "teaching.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace core {

enum class MarkStatus { Unanswered, Unreadable, Right, Wrong, NotApplicable };
std::string_view to_string(MarkStatus status);  // "unanswered" | "unreadable" | "right" | "wrong" | "not-applicable"

struct Mark {
    std::string quantity;
    MarkStatus status = MarkStatus::Unanswered;
    std::string correct;   // the answer in words and unit ("116 mg/day", "exceeds"); empty when not applicable
    std::string feedback;  // for the student, in words, after the status word ("Right.", "Wrong.")
    const Step* step = nullptr;  // the step that gives the answer (none for a verdict)
};

// The step that gives a quantity's shown value in this response, or nullptr.
const Step* step_for(const Response& response, std::string_view quantity);

// A typed number: digits with '.' or ',' as the decimal mark, an optional unit after it.
struct TypedNumber {
    double value = 0;
    std::string unit;  // as typed after the number ("" when none)
};
std::optional<TypedNumber> read_typed_number(std::string_view text);

Mark mark_answer(const PracticeQuantity& quantity, std::string_view answer, const Response& response);

}  // namespace core
