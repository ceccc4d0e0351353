#include "practice.hpp"

#include "numbers.hpp"

#include <cmath>
#include <algorithm>
#include <cstdlib>

namespace core {

namespace {

std::string with_unit(double value, const std::string& unit) {
    return format_number(value, 6) + (unit.empty() ? "" : " " + unit);
}

bool within(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance + 1e-9 * std::max(1.0, std::fabs(b)); }

// a is `factor` times b, to within 2 %.
bool about_times(double a, double b, double factor) {
    return b != 0 && std::fabs(a / (b * factor) - 1) <= 0.02;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A unit's first word, lowercased and with its common spellings folded: "mL/min/1.73 m2" -> "ml",
// "hours" -> "h", "kgs" -> "kg"; "" when it is not a unit this widget knows.
std::string unit_base(std::string_view unit) {
    std::string word;
    for (char c : unit) {
        if (c == '/' || c == ' ') break;
        word += c;
    }
    word = lower(word);
    static const std::pair<const char*, const char*> spellings[] = {
        {"mg", "mg"},   {"mgs", "mg"},  {"ml", "ml"}, {"mls", "ml"},  {"kg", "kg"},     {"kgs", "kg"},   {"lb", "lb"},
        {"lbs", "lb"},  {"h", "h"},     {"hr", "h"},  {"hrs", "h"},   {"hour", "h"},    {"hours", "h"},  {"g", "g"},
        {"mcg", "mcg"}, {"ug", "mcg"},  {"l", "l"},   {"min", "min"}, {"day", "day"},   {"days", "day"}, {"syringe", ""},
        {"syringes", ""}};
    for (const auto& s : spellings)
        if (word == s.first) return s.second;
    return "?";
}

// The slip a wrong number most likely is, in words, or "" when none is recognised.
std::string slip(const PracticeQuantity& q, double answer, double correct, const Response& r, const Step* step) {
    const double weight = r.patient.weight_kg;
    if (const Step* w = step_for(r, "weight_kg"); q.id == "weight_kg" && w != nullptr && w->op == StepOp::Multiply &&
                                                  !w->operands.empty() && within(answer, w->operands[0], 0.05))
        return "That is the weight in lb: multiply by 0.45359237 to get kg.";
    if (q.unit == "mL" && step != nullptr && step->op == StepOp::Divide && step->operands.size() == 2 &&
        within(answer, step->operands[0], 0.05))
        return "That is the dose in mg; the question asks for mL to draw: divide the mg by " +
               format_number(step->operands[1], 2) + " mg/mL.";
    if (q.id == "interval_hours" && correct == 48 && answer == 24)
        return "The renal rule applies: with CrCl below 30 mL/min the dose is given every other day (48 h).";
    if (q.id == "interval_hours" && correct == 24 && answer == 48)
        return "The renal rule does not apply here: the interval stays 24 h.";
    if (weight > 0 && q.unit.find("/kg") == std::string::npos && q.unit.rfind("mg", 0) == 0 &&
        about_times(answer, correct / weight, 1))
        return "That is per kg: multiply by the weight (" + format_number(weight, 2) + " kg).";
    if (weight > 0 && q.unit.find("/kg") != std::string::npos && about_times(answer, correct * weight, 1))
        return "That is the total in mg: divide by the weight (" + format_number(weight, 2) + " kg) for mg/kg.";
    // mg and mL differ by the concentration (150 mg/mL): a decimal slip there is the classic error.
    const bool mass_or_volume = (q.unit.rfind("mg", 0) == 0 && q.unit.find("/kg") == std::string::npos) || q.unit == "mL";
    const std::string check = mass_or_volume ? "check mg vs mL and the decimal point." : "check the decimal point.";
    for (double factor : {10.0, 100.0, 1000.0}) {
        const std::string times = format_number(factor, 0) + "\xC3\x97 ";
        if (about_times(answer, correct, factor)) return times + "too high: " + check;
        if (about_times(answer, correct, 1 / factor)) return times + "too low: " + check;
    }
    if (about_times(answer, correct, 2)) return "Twice the answer: check per dose against per day, and the split.";
    if (about_times(answer, correct, 0.5)) return "Half the answer: check per dose against per day, and the split.";
    return "";
}

}  // namespace

std::string_view to_string(MarkStatus status) {
    switch (status) {
        case MarkStatus::Unanswered: return "unanswered";
        case MarkStatus::Unreadable: return "unreadable";
        case MarkStatus::Right: return "right";
        case MarkStatus::Wrong: return "wrong";
        case MarkStatus::NotApplicable: return "not-applicable";
    }
    return "unanswered";
}

const Step* step_for(const Response& response, std::string_view quantity) {
    for (const auto& s : response.steps)
        if (quantity_of(response, s) == quantity) return &s;
    return nullptr;
}

std::optional<TypedNumber> read_typed_number(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == ' ') ++i;
    std::string digits;
    bool seen_digit = false, seen_mark = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            seen_digit = true;
        } else if ((c == '.' || c == ',') && !seen_mark) {
            digits += '.';
            seen_mark = true;
        } else {
            break;
        }
    }
    if (!seen_digit || digits.size() > 24) return std::nullopt;
    // "1,160": a thousands separator or a decimal comma? Never guessed (as in the input fields).
    if (const auto mark = digits.find('.'); mark != std::string::npos && text.find(',') != std::string_view::npos &&
                                            digits.size() - mark - 1 == 3)
        return std::nullopt;
    while (i < text.size() && text[i] == ' ') ++i;
    std::string unit(text.substr(i));
    while (!unit.empty() && unit.back() == ' ') unit.pop_back();
    return TypedNumber{std::strtod(digits.c_str(), nullptr), unit};
}

Mark mark_answer(const PracticeQuantity& q, std::string_view answer, const Response& r) {
    Mark m;
    m.quantity = q.id;
    if (!r.ok) {
        m.status = MarkStatus::NotApplicable;
        m.feedback = "The case has an input error, so there is no answer to check against.";
        return m;
    }
    std::string typed(answer);
    while (!typed.empty() && typed.back() == ' ') typed.pop_back();
    while (!typed.empty() && typed.front() == ' ') typed.erase(0, 1);
    if (q.answer == AnswerKind::Verdict) {
        // The verdict the check shows for the order, for this patient (a contraindication
        // elsewhere is that verdict too); none without an order.
        if (!r.check) {
            m.status = MarkStatus::NotApplicable;
            m.feedback = "This case has no order to judge.";
            return m;
        }
        m.correct = std::string(to_string(std::max(r.check->status, r.verdict)));
        if (typed.empty()) {
            m.status = MarkStatus::Unanswered;
            m.feedback = "The verdict is " + m.correct + ".";
            return m;
        }
        const bool right = lower(typed) == m.correct;
        m.status = right ? MarkStatus::Right : MarkStatus::Wrong;
        m.feedback = right ? "The verdict is " + m.correct + "." : "The verdict is " + m.correct + ", not \"" + lower(typed) + "\".";
        if (!r.verdict_reason.empty()) m.feedback += " " + r.verdict_reason;
        return m;
    }
    m.step = step_for(r, q.id);
    if (m.step == nullptr) {
        m.status = MarkStatus::NotApplicable;
        m.feedback = "This case shows no " + q.label + ", so there is nothing to check.";
        return m;
    }
    const double correct = m.step->result;
    m.correct = with_unit(correct, q.unit);
    if (typed.empty()) {
        m.status = MarkStatus::Unanswered;
        m.feedback = "The answer is " + m.correct + ".";
        return m;
    }
    const auto number = read_typed_number(typed);
    if (!number) {
        m.status = MarkStatus::Unreadable;
        m.feedback = "Not read as a number: type digits, for example 12.5 (write 1160, not 1,160). The answer is " + m.correct + ".";
        return m;
    }
    const std::string tolerance = "within \xC2\xB1" + with_unit(q.tolerance, q.unit) + ", " + q.tolerance_note;
    // Text after the number must be a unit; a different unit ("0.4 mg" for a volume) is its
    // own mistake, anything else cannot be read.
    if (!number->unit.empty()) {
        const std::string typed_unit = unit_base(number->unit);
        if (typed_unit == "?") {
            m.status = MarkStatus::Unreadable;
            m.feedback = "Write the number, then its unit if you like (" + (q.unit.empty() ? std::string("a count") : q.unit) +
                         "). The answer is " + m.correct + ".";
            return m;
        }
        if (!q.unit.empty() && typed_unit != unit_base(q.unit)) {
            m.status = MarkStatus::Wrong;
            m.feedback = "The question asks for " + q.unit + ", not \"" + number->unit + "\". The answer is " + m.correct + ".";
            return m;
        }
    }
    const double tolerance_here = std::max(q.tolerance, q.relative_tolerance * std::fabs(correct));
    const bool close = within(number->value, correct, tolerance_here);
    if (close && q.never_above && number->value > correct + 1e-9 * std::max(1.0, std::fabs(correct))) {
        m.status = MarkStatus::Wrong;
        m.feedback = "Just above the answer: a maximum is rounded down, never up. The answer is " + m.correct + ".";
        return m;
    }
    if (close) {
        m.status = MarkStatus::Right;
        m.feedback = "The answer is " + m.correct + " (" + tolerance + ").";
        return m;
    }
    m.status = MarkStatus::Wrong;
    const std::string why = slip(q, number->value, correct, r, m.step);
    m.feedback = (why.empty() ? "Not " + tolerance + " of the answer." : why) + " The answer is " + m.correct + ".";
    return m;
}

}  // namespace core
