// Teaching mode's data (data/teaching.json): the quantities a practice case may ask for, with the
// tolerance each is marked to, and the built-in teaching cases. A case holds its patient and
// order as the widget's input parameters (the page contract's names), so a case is shown and
// evaluated exactly like a link a clinician shares; the answers always come from the core.
#pragma once
#include "source.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

// At most this many questions in one case or link (the widget has that many answer fields).
inline constexpr std::size_t kMaxPracticeQuestions = 6;

// How an answer is typed: a number in the quantity's unit, or a verdict's name.
enum class AnswerKind { Number, Verdict };
std::string_view to_string(AnswerKind kind);  // "number" | "verdict"
inline constexpr std::array kAnswerKinds = {AnswerKind::Number, AnswerKind::Verdict};

struct PracticeQuantity {
    std::string id;              // a step's quantity id (step.hpp), or "verdict"
    std::string label;           // "Ceiling (mg/day)": the answer field reads "Your answer: <label>"
    std::string unit;            // "mg/day"; "" for a verdict or a count
    AnswerKind answer = AnswerKind::Number;
    double tolerance = 0;        // an answer within ± this of the shown value is right (half its display step)
    double relative_tolerance = 0;  // or within this fraction of the value, when that is wider
    bool never_above = false;    // a maximum: an answer above the shown value is wrong however close
    std::string tolerance_note;  // why that tolerance: the rounding the label implies
    bool operator==(const PracticeQuantity&) const = default;
};

struct TeachingCase {
    std::string id;              // up to 32 lowercase letters, digits and "-"
    std::string title;
    std::string learning_point;  // written for this project
    std::vector<std::pair<std::string, std::string>> inputs;  // widget input parameters, in order
    std::vector<std::string> ask;                              // quantity ids
    Source source;               // the label sections the case rests on
    bool operator==(const TeachingCase&) const = default;
};

struct TeachingSet {
    std::vector<PracticeQuantity> quantities;
    std::vector<TeachingCase> cases;
    const PracticeQuantity* quantity(std::string_view id) const {
        for (const auto& q : quantities)
            if (q.id == id) return &q;
        return nullptr;
    }
    const TeachingCase* find(std::string_view id) const {
        for (const auto& c : cases)
            if (c.id == id) return &c;
        return nullptr;
    }
    bool operator==(const TeachingSet&) const = default;
};

}  // namespace core
