// What the step builders share (steps.cpp, steps_dose.cpp): the list being written, the words
// for numbers, and the sources of steps that rest on no label (an entered value, a unit).
#pragma once
#include "drug_data.hpp"
#include "numbers.hpp"
#include "request.hpp"
#include "response.hpp"
#include "step.hpp"

#include <optional>
#include <string_view>

#include <string>
#include <vector>

namespace core::step_detail {

// "20", "0.67": a number as the response's own texts write it (format_number, identical natively
// and in WebAssembly).
inline std::string num(double value, int decimals = 2) { return format_number(value, decimals); }

// "ladder.3." + "split_ml": a step's id from its prefix and name, allocated once at its length
// (a `+` copied the prefix, then grew the copy: two allocations for most ladder ids).
inline std::string step_id(std::string_view prefix, std::string_view name) {
    std::string id;
    id.reserve(prefix.size() + name.size());
    id.append(prefix).append(name);
    return id;
}

// Numbers in a step's text: Num{value, decimals} (format_number's digits), Mg ("12.5 mg", to
// 0.1), Ml ("0.003 mL", up to 6 decimals), Count (a whole number).
struct Num {
    double value;
    int decimals = 2;
};
struct Mg {
    double value;
};
struct Ml {
    double value;
};
struct Count {
    long long value;
};

// A step's text, appended piece by piece into one buffer: steps are written on every evaluate(),
// so no temporary strings.
class Text {
public:
    Text() { text_.reserve(200); }
    Text& operator<<(std::string_view piece) {
        text_.append(piece);
        return *this;
    }
    Text& operator<<(Num n) {
        append_number(text_, n.value, n.decimals);
        return *this;
    }
    Text& operator<<(Mg m) {
        append_number(text_, m.value, 1);
        text_.append(" mg");
        return *this;
    }
    Text& operator<<(Ml m) {
        append_number(text_, m.value, 6);
        text_.append(" mL");
        return *this;
    }
    Text& operator<<(Count c) {
        append_number(text_, static_cast<double>(c.value), 0);
        return *this;
    }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

// The steps of one response, written in reading order; `panel` is the panel being written.
struct StepWriter {
    std::vector<Step>& out;
    std::vector<Source>& sources;
    StepPanel panel = StepPanel::Patient;
    // Adds a step; when the rounding changed the value, the text says how it was rounded.
    Step& add(std::string quantity, std::string text, StepOp op, Operands operands, StepRounding rounding,
              int decimals, double result, const char* unit, const Source& source);
    Step& add(std::string quantity, Text& text, StepOp op, Operands operands, StepRounding rounding, int decimals,
              double result, const char* unit, const Source& source) {
        return add(std::move(quantity), text.take(), op, std::move(operands), rounding, decimals, result, unit, source);
    }
};

// A value as the request gave it.
const Source& entered_source();
// 1 lb = 0.45359237 kg (exact, the international pound); 12 months = 1 year.
const Source& pound_source();
const Source& months_source();

// The dose, check and compare panels' steps (steps_dose.cpp).
void dose_steps(StepWriter& w, const Response& response, const Request& request, const DrugDb& db,
                std::optional<double> age_months);

}  // namespace core::step_detail
