// One step of the arithmetic behind a shown number (see steps.hpp for how they are made): the
// quantity it produces, the operation and its operands (so a test or a student can redo it),
// the rounding, the result exactly as the response shows it, and the rule's source.
#pragma once
#include "drug_data.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// The panel that shows a step (the widget's "Show the arithmetic" per panel).
enum class StepPanel { Patient, Dose, Check, Compare };
std::string_view to_string(StepPanel panel);  // "patient" | "dose" | "check" | "compare"
inline constexpr std::array kStepPanels = {StepPanel::Patient, StepPanel::Dose, StepPanel::Check, StepPanel::Compare};

// A step's operands, kept inside the step: explain() writes ~130 steps on every evaluate() and
// nearly all have at most kInline operands, so a heap block per step was an eighth of
// evaluate()'s allocations. A longer list (a vial combination, the weights that decided a band)
// is kept whole on the heap: nothing is ever dropped.
class Operands {
public:
    static constexpr std::size_t kInline = 6;

    Operands() = default;
    Operands(std::initializer_list<double> values) { assign(values.begin(), values.size()); }
    // Implicit: lists built item by item (decided_by, caps) become a step's operands as they are.
    Operands(const std::vector<double>& values) { assign(values.data(), values.size()); }
    Operands(const Operands& other) { assign(other.data(), other.size_); }
    Operands(Operands&& other) noexcept { take(other); }
    Operands& operator=(const Operands& other) {
        if (this != &other) assign(other.data(), other.size_);
        return *this;
    }
    Operands& operator=(Operands&& other) noexcept {
        if (this != &other) take(other);
        return *this;
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const double* data() const { return size_ > kInline ? heap_.data() : inline_.data(); }
    double* data() { return size_ > kInline ? heap_.data() : inline_.data(); }
    double operator[](std::size_t i) const { return data()[i]; }
    double& operator[](std::size_t i) { return data()[i]; }
    void push_back(double value) {
        if (size_ < kInline) {
            inline_[size_++] = value;
            return;
        }
        if (size_ == kInline) heap_.assign(inline_.begin(), inline_.end());
        heap_.push_back(value);
        ++size_;
    }
    const double* begin() const { return data(); }
    const double* end() const { return data() + size_; }

    friend bool operator==(const Operands& a, const Operands& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

private:
    void assign(const double* values, std::size_t count) {
        if (count > kInline) {
            heap_.assign(values, values + count);
        } else {
            for (std::size_t i = 0; i < count; ++i) inline_[i] = values[i];
            heap_.clear();
        }
        size_ = count;
    }
    void take(Operands& other) {
        inline_ = other.inline_;
        heap_ = std::move(other.heap_);
        size_ = other.size_;
        other.heap_.clear();
        other.size_ = 0;
    }

    std::array<double, kInline> inline_{};
    std::vector<double> heap_;
    std::size_t size_ = 0;
};

// What a step does with its operands. Redoing op(operands), then the rounding, gives result.
enum class StepOp {
    Given,           // operands[0], as entered or as the label states it
    Multiply,        // operands[0] × operands[1] × ...
    Divide,          // operands[0] ÷ operands[1]
    Cap,             // the smallest operand: a computed value and the limit that caps it
    CockcroftGault,  // (140 − age) × weight ÷ (72 × SCr mg/dL) × sex factor: operands age, weight, scr, factor,
                     // and the constant (72, from data/methods.json) as operands[4]
    BedsideSchwartz, // 0.413 × height cm ÷ SCr mg/dL: operands height, scr, and k (0.413) as operands[2]
    Below,           // operands[0] < operands[1]: result 1 (true) or 0 (false)
    WholeUp,         // smallest whole number ≥ operands[0] ÷ operands[1] (syringes, vials)
    Lookup,          // read from the label's table for this patient (a band, an interval): result
                     // is the value read; operands are what decided it (e.g. the weight)
    Add,             // operands[0] + operands[1] + ... (a vial combination)
    Subtract,        // operands[0] − operands[1] (what is left over)
    MultiplyDivide,  // operands[0] × operands[1] ÷ operands[2] ÷ operands[3] ... (mg × 24 h ÷ interval ÷ kg)
    AddScaled,       // operands[0] + operands[1] × (operands[2] − operands[3]): ideal weight (Devine),
                     // adjusted weight (ideal + 0.4 × (actual − ideal))
};
std::string_view to_string(StepOp op);  // "given" | "multiply" | "divide" | "cap" | "cockcroft-gault" |
                                        // "bedside-schwartz" | "below" | "whole-up" | "lookup" | "add" |
                                        // "subtract" | "multiply-divide" | "add-scaled"

enum class StepRounding { None, Nearest, Down };
std::string_view to_string(StepRounding rounding);  // "none" | "nearest" | "down"

// Where one of a step's words (its id, its text) is in its response's step_words, read with
// quantity_of() and text_of() (response.hpp). explain() writes ~130 steps on every evaluate();
// a string of their own for each id and text was a third of evaluate()'s allocations.
struct StepWords {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

struct Step {
    // What the step produces, a stable id (README "Steps"): weight_kg, crcl_ml_min,
    // renal_rule_applies, interval_hours, start_min_mg_per_day, start_max_mg_per_day,
    // ceiling_mg_per_day, ladder.<i>.mg, ladder.<i>.ml, ladder.<i>.split_mg, ladder.<i>.split_ml,
    // ladder.<i>.syringes, dose_mg_per_day, mg_per_kg_per_day, ml_per_dose, syringes_per_dose,
    // comparator.<drug>.dose_mg, comparator.<drug>.ml, ... (intermediate steps may add their own ids).
    StepWords quantity;
    StepPanel panel = StepPanel::Dose;
    StepWords text;  // in words and numbers: "Ceiling: 8 mg/kg/day × 14.5 kg = 116 mg/day"
    StepOp op = StepOp::Given;
    Operands operands;
    StepRounding rounding = StepRounding::None;
    int decimals = 0;  // for Nearest and Down
    double result = 0; // exactly the number the response shows
    // "mg/day", "mL", "mL/min", "h", "" for a count or a yes/no: always a literal in the step
    // builders, so a view of static text.
    std::string_view unit;
    // The rule's source: its position in the response's step_sources. Steps share a few rules
    // (134 steps, 7 rules in a typical answer); a copy per step was most of explain()'s
    // allocations and of the JSON's bytes.
    std::size_t source = 0;
};

// The place of everything written to a response's step_words since `offset` (the one place
// a place is made: a response's words are ~15 KB, far inside 32 bits).
inline StepWords words_since(const std::string& step_words, std::size_t offset) {
    return {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(step_words.size() - offset)};
}
// Appends `words` to a response's step_words and says where they are.
inline StepWords append_step_words(std::string& step_words, std::string_view words) {
    const std::size_t offset = step_words.size();
    step_words.append(words);
    return words_since(step_words, offset);
}
// The words at `at`; like step_sources.at(), a place past the end throws std::out_of_range.
inline std::string_view words_at(std::string_view step_words, StepWords at) { return step_words.substr(at.offset, at.size); }

}  // namespace core
