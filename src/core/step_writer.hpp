// What the step builders share (steps.cpp, steps_dose.cpp): the list being written, the words
// for numbers, and the sources of steps that rest on no label (an entered value, a unit).
#pragma once
#include "drug_data.hpp"
#include "numbers.hpp"
#include "request.hpp"
#include "response.hpp"
#include "step.hpp"

#include <optional>

#include <string>
#include <vector>

namespace core::step_detail {

// "20", "0.67": a number as the response's own texts write it (format_number, identical natively
// and in WebAssembly).
inline std::string num(double value, int decimals = 2) { return format_number(value, decimals); }

// The steps of one response, written in reading order; `panel` is the panel being written.
struct StepWriter {
    std::vector<Step>& out;
    StepPanel panel = StepPanel::Patient;
    // Adds a step; when the rounding changed the value, the text says how it was rounded.
    Step& add(std::string quantity, std::string text, StepOp op, std::vector<double> operands, StepRounding rounding,
              int decimals, double result, const char* unit, const Source& source);
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
