// The names of the step enums, redoing a step, and the patient panel's steps (weight, age,
// creatinine, the renal estimate); the dose, check and compare panels are in steps_dose.cpp.
#include "steps.hpp"

#include "step_writer.hpp"
#include "units.hpp"

#include <algorithm>
#include <cassert>

namespace core {

std::string_view to_string(StepPanel panel) {
    switch (panel) {
        case StepPanel::Patient: return "patient";
        case StepPanel::Dose: return "dose";
        case StepPanel::Check: return "check";
        case StepPanel::Compare: return "compare";
    }
    return "dose";
}

std::string_view to_string(StepOp op) {
    switch (op) {
        case StepOp::Given: return "given";
        case StepOp::Multiply: return "multiply";
        case StepOp::Divide: return "divide";
        case StepOp::Cap: return "cap";
        case StepOp::CockcroftGault: return "cockcroft-gault";
        case StepOp::BedsideSchwartz: return "bedside-schwartz";
        case StepOp::Below: return "below";
        case StepOp::WholeUp: return "whole-up";
        case StepOp::Lookup: return "lookup";
        case StepOp::Add: return "add";
        case StepOp::Subtract: return "subtract";
        case StepOp::MultiplyDivide: return "multiply-divide";
        case StepOp::AddScaled: return "add-scaled";
    }
    return "given";
}

std::string_view to_string(StepRounding rounding) {
    switch (rounding) {
        case StepRounding::None: return "none";
        case StepRounding::Nearest: return "nearest";
        case StepRounding::Down: return "down";
    }
    return "none";
}

namespace {

// The operation alone, before rounding: the same arithmetic, in the same order, as the core's.
double apply(const Step& step) {
    const Operands& o = step.operands;
    const auto at = [&](size_t i) { return i < o.size() ? o[i] : 0.0; };
    switch (step.op) {
        case StepOp::Given: return at(0);
        case StepOp::Multiply: {
            double v = at(0);
            for (size_t i = 1; i < o.size(); ++i) v *= o[i];
            return v;
        }
        case StepOp::Divide: return at(0) / at(1);
        case StepOp::Cap: return o.empty() ? 0.0 : *std::min_element(o.begin(), o.end());
        case StepOp::CockcroftGault: {
            const double constant = o.size() > 4 ? o[4] : 72;
            const double factor = (140 - at(0)) / (constant * at(2)) * at(3);
            return at(1) * factor;
        }
        case StepOp::BedsideSchwartz: return (o.size() > 2 ? o[2] : 0.413) * at(0) / at(1);
        case StepOp::Below: return at(0) < at(1) ? 1.0 : 0.0;
        case StepOp::WholeUp: return whole_up(at(0) / at(1));
        case StepOp::Lookup: return step.result;
        case StepOp::Add: {
            double v = 0;
            for (double x : o) v += x;
            return v;
        }
        case StepOp::Subtract: return at(0) - at(1);
        case StepOp::MultiplyDivide: {
            double v = at(0) * at(1);
            for (size_t i = 2; i < o.size(); ++i) v /= o[i];
            return v;
        }
        case StepOp::AddScaled: return at(0) + at(1) * (at(2) - at(3));
    }
    return 0;
}

double rounded(double value, StepRounding rounding, int decimals) {
    switch (rounding) {
        case StepRounding::None: return value;
        case StepRounding::Nearest: return round_to(value, decimals);
        case StepRounding::Down: return round_down_to(value, decimals);
    }
    return value;
}

// "0.1", "0.01", "1": the unit a value is rounded to.
std::string_view rounding_unit(int decimals) {
    static constexpr std::string_view units[] = {"1", "0.1", "0.01", "0.001", "0.0001", "0.00001", "0.000001", "0.0000001", "0.00000001"};
    return units[std::clamp(decimals, 0, 8)];
}

}  // namespace

double redo(const Step& step) { return rounded(apply(step), step.rounding, step.decimals); }

namespace step_detail {

Step& StepWriter::add(StepId quantity, std::string_view text, StepOp op, Operands operands, StepRounding rounding, int decimals,
                      double result, const char* unit, const Source& source) {
    const StepWords written = append_step_words(words, text);
    return add_written(quantity, written, op, std::move(operands), rounding, decimals, result, unit, source);
}

Step& StepWriter::add_written(StepId quantity, StepWords text, StepOp op, Operands operands, StepRounding rounding, int decimals,
                              double result, const char* unit, const Source& source) {
    Step& step = out.emplace_back(Step{{}, panel, text, op, std::move(operands), rounding, decimals, result, unit, source_index(source)});
    // "= 30 mg/day (29.98, rounded to 0.1)": the value before rounding, and how it was rounded.
    // The text is the last words written, so it grows in place.
    if (rounding != StepRounding::None && op != StepOp::Lookup)
        if (const double unrounded = apply(step); unrounded != result)
        {
            words += " (";
            append_number(words, unrounded, std::min(decimals + 3, 8));
            words += rounding == StepRounding::Down ? ", rounded down to " : ", rounded to ";
            words += rounding_unit(decimals);
            words += ')';
            step.text = words_since(words, step.text.offset);
        }
    const std::size_t id_offset = words.size();
    for (const std::string_view piece : quantity.pieces) words.append(piece);
    step.quantity = words_since(words, id_offset);
    return step;
}

std::size_t StepWriter::source_index(const Source& source) {
    for (std::size_t i = 0; i < known_count_; ++i)
        if (known_address_[i] == &source) {
            // Checked in debug builds (the sanitizer tests): an address never means two rules.
            assert(sources[known_index_[i]] == source);
            return known_index_[i];
        }
    // The rule once per response: the same rule (a band, the entered values) backs many steps.
    const std::size_t index = static_cast<std::size_t>(std::find(sources.begin(), sources.end(), source) - sources.begin());
    if (index == sources.size()) sources.push_back(source);
    if (known_count_ < kKnownAddresses) {
        known_address_[known_count_] = &source;
        known_index_[known_count_++] = index;
    }
    return index;
}

const Source& entered_source() {
    static const Source source{{}, "As entered", false, ""};
    return source;
}
const Source& pound_source() {
    static const Source source{{}, "1 lb = 0.45359237 kg exactly (the international pound)", false, ""};
    return source;
}
const Source& months_source() {
    static const Source source{{}, "12 months = 1 year", false, ""};
    return source;
}

}  // namespace step_detail

namespace {

using step_detail::num;
using step_detail::StepWriter;

constexpr const char* kMinus = " - ";  // ASCII: every font the widget may use draws it
constexpr double kCmPerInch = 2.54;

void weight_steps(StepWriter& w, const Response& r, const PatientInput& p) {
    const double kg = r.patient.weight_kg;
    if (p.weight_unit == WeightUnit::Lb) {
        w.add("weight_kg", "Weight " + num(p.weight_value, 6) + " lb × " + num(kKgPerLb, 8) + " kg/lb = " + num(kg) + " kg",
              StepOp::Multiply, {p.weight_value, kKgPerLb}, StepRounding::Nearest, 2, kg, "kg", step_detail::pound_source());
    } else {
        const bool same = p.weight_value == kg;
        w.add("weight_kg", "Weight " + num(p.weight_value, 6) + " kg, as entered" + (same ? "" : ", shown as " + num(kg) + " kg"),
              StepOp::Given, {p.weight_value}, StepRounding::Nearest, 2, kg, "kg", step_detail::entered_source());
    }
    if (!p.age_value || !r.patient.age_years) return;
    if (p.age_unit == AgeUnit::Months)
        w.add("age_years", "Age " + num(*p.age_value, 6) + " months ÷ 12 = " + num(*r.patient.age_years) + " years", StepOp::Divide,
              {*p.age_value, kMonthsPerYear}, StepRounding::Nearest, 2, *r.patient.age_years, "years", step_detail::months_source());
    else
        w.add("age_years", "Age " + num(*p.age_value, 6) + " years, as entered", StepOp::Given, {*p.age_value},
              StepRounding::Nearest, 2, *r.patient.age_years, "years", step_detail::entered_source());
}

// The creatinine the formula used, in mg/dL: as entered, or converted from umol/L with the
// decimals the response shows. Returns the value the formula steps use: the one shown when it
// reproduces the response's result (the core chooses the decimals so that it does), otherwise the
// unrounded conversion, as the core computed it.
struct Creatinine {
    double shown = 0, unrounded = 0;
};
Creatinine creatinine_steps(StepWriter& w, const RenalResult& renal, const RenalInput& input, const RenalMethods& m) {
    Creatinine c;
    c.shown = renal.scr_mg_dl.value_or(input.scr_value);
    if (input.scr_unit == ScrUnit::MgDl) {
        c.unrounded = input.scr_value;
        w.add("scr_mg_dl", "Creatinine " + num(input.scr_value, 6) + " mg/dL, as entered", StepOp::Given, {input.scr_value},
              StepRounding::None, 0, c.shown, "mg/dL", step_detail::entered_source());
        return c;
    }
    c.unrounded = scr_umol_l_to_mg_dl(input.scr_value, m.umol_l_per_mg_dl);
    int decimals = 2;
    while (decimals < 6 && round_to(c.unrounded, decimals) != c.shown) ++decimals;
    w.add("scr_mg_dl",
          "Creatinine " + num(input.scr_value, 6) + " µmol/L ÷ " + num(m.umol_l_per_mg_dl, 4) + " = " + num(c.shown, decimals) +
              " mg/dL",
          StepOp::Divide, {input.scr_value, m.umol_l_per_mg_dl}, StepRounding::Nearest, decimals, c.shown, "mg/dL",
          m.conversion_source);
    return c;
}

// The creatinine a formula step uses (operands[at]): the value shown when redoing the step with
// it gives the step's result (the core picks the decimals so that it does), else the unrounded
// value the core computed with.
double creatinine_for(Step probe, size_t at, const Creatinine& scr) {
    probe.operands[at] = scr.shown;
    return redo(probe) == probe.result ? scr.shown : scr.unrounded;
}

void cockcroft_gault_steps(StepWriter& w, const Response& r, const PatientInput& p, double age_years, const Creatinine& scr,
                           const RenalMethods& m) {
    const RenalResult& renal = r.renal;
    const double kg = r.patient.weight_kg;
    const bool female = p.sex == Sex::Female;
    const double factor = female ? m.cg_female_factor : 1;
    double ideal_unrounded = 0;
    if (p.height_cm && *p.height_cm >= m.ibw_from_height_cm) {
        const double height_in = *p.height_cm / kCmPerInch;
        w.add("height_in", "Height " + num(*p.height_cm, 1) + " cm ÷ " + num(kCmPerInch) + " cm/in = " + num(height_in) + " in",
              StepOp::Divide, {*p.height_cm, kCmPerInch}, StepRounding::None, 0, height_in, "in", m.weight_source);
        const double base = female ? m.ibw_female_kg : m.ibw_male_kg;
        ideal_unrounded = base + m.ibw_kg_per_inch * (height_in - 60);
        const double ideal = round_to(ideal_unrounded, 2);
        w.add("ideal_weight_kg",
              std::string("Ideal weight (Devine, ") + (female ? "female" : "male") + ") = " + num(base) + " kg + " +
                  num(m.ibw_kg_per_inch) + " kg/in × (" + num(height_in) + " in" + kMinus + "60 in) = " + num(ideal) + " kg",
              StepOp::AddScaled, {base, m.ibw_kg_per_inch, height_in, 60}, StepRounding::Nearest, 2, ideal, "kg", m.weight_source);
        if (kg > ideal_unrounded) {
            const double adjusted = round_to(ideal_unrounded + m.adjusted_weight_factor * (kg - ideal_unrounded), 2);
            w.add("adjusted_weight_kg",
                  "Adjusted weight = " + num(ideal_unrounded) + " kg + " + num(m.adjusted_weight_factor) + " × (" + num(kg) + " kg" +
                      kMinus + num(ideal_unrounded) + " kg) = " + num(adjusted) + " kg",
                  StepOp::AddScaled, {ideal_unrounded, m.adjusted_weight_factor, kg, ideal_unrounded}, StepRounding::Nearest, 2,
                  adjusted, "kg", m.weight_source);
            const double metres = *p.height_cm / 100;
            const double square = metres * metres;
            const double bmi = kg / square;
            w.add("bmi", "BMI = " + num(kg) + " kg ÷ (" + num(metres, 4) + " m)² = " + num(bmi, 1) + " kg/m²", StepOp::Divide,
                  {kg, square}, StepRounding::Nearest, 1, round_to(bmi, 1), "kg/m²", m.weight_source);
        }
    }
    double used_kg = kg;
    std::vector<double> decided_by;
    for (const auto& e : renal.estimates) {
        decided_by.push_back(e.weight_kg);
        if (renal.weight_used && e.weight_kind == *renal.weight_used) used_kg = e.weight_kg;
    }
    w.add("renal_weight_kg", "Weight for Cockcroft–Gault: " + renal.weight_reason, StepOp::Lookup, decided_by, StepRounding::None, 0,
          used_kg, "kg", m.weight_source);
    const auto estimate = [&](std::string quantity, const std::string& kind, double weight_kg, double result) {
        Operands operands{age_years, weight_kg, scr.shown, factor, m.cg_constant};
        operands[2] = creatinine_for(Step{{}, w.panel, {}, StepOp::CockcroftGault, operands, StepRounding::Down, 1, result, "", {}},
                                     2, scr);
        std::string text = "CrCl (Cockcroft–Gault, " + kind + " weight) = (140" + kMinus + num(age_years) + " y) × " + num(weight_kg) +
                           " kg ÷ (" + num(m.cg_constant) + " × " + num(operands[2], 6) + " mg/dL)" +
                           (female ? " × " + num(m.cg_female_factor) + " (female)" : std::string()) + " = " + num(result, 1) + " mL/min";
        w.add(std::move(quantity), std::move(text), StepOp::CockcroftGault, std::move(operands), StepRounding::Down, 1, result, "mL/min", m.cg_source);
    };
    if (renal.estimates.size() > 1)
        for (const auto& e : renal.estimates)
            estimate("crcl_ml_min." + name_of(e.weight_kind), name_of(e.weight_kind), e.weight_kg, e.crcl_ml_min);
    estimate("crcl_ml_min", renal.weight_used ? name_of(*renal.weight_used) : "actual", used_kg, renal.crcl_ml_min.value_or(0));
}

void renal_steps(StepWriter& w, const Response& r, const PatientInput& p, std::optional<double> age_months, const RenalMethods& m) {
    const RenalResult& renal = r.renal;
    switch (renal.method) {
        case RenalMethod::Unknown:
        case RenalMethod::Esrd: return;  // no number: the dose panel states the rule
        case RenalMethod::Given:
            w.add("crcl_ml_min", "CrCl " + num(p.renal.crcl_ml_min, 6) + " mL/min, as entered", StepOp::Given, {p.renal.crcl_ml_min},
                  StepRounding::Down, 1, renal.crcl_ml_min.value_or(0), "mL/min", step_detail::entered_source());
            return;
        case RenalMethod::CockcroftGault: {
            const Creatinine scr = creatinine_steps(w, renal, p.renal, m);
            // The formula uses the age in years as the core works it out (months ÷ 12), unrounded.
            cockcroft_gault_steps(w, r, p, age_months.value_or(0) / kMonthsPerYear, scr, m);
            return;
        }
        case RenalMethod::BedsideSchwartz: {
            const Creatinine scr = creatinine_steps(w, renal, p.renal, m);
            const double height = p.height_cm.value_or(0);
            const double result = renal.crcl_ml_min.value_or(0);
            Operands operands{height, scr.shown, m.schwartz_k};
            operands[1] = creatinine_for(
                Step{{}, w.panel, {}, StepOp::BedsideSchwartz, operands, StepRounding::Down, 1, result, "", {}}, 1, scr);
            std::string text = "eGFR (bedside Schwartz, used as CrCl) = " + num(m.schwartz_k, 3) + " × " + num(height, 1) + " cm ÷ " +
                               num(operands[1], 6) + " mg/dL = " + num(result, 1) + " mL/min/1.73 m²";
            w.add("crcl_ml_min", std::move(text), StepOp::BedsideSchwartz, std::move(operands), StepRounding::Down, 1, result, "mL/min/1.73 m²", m.schwartz_source);
            return;
        }
    }
}

}  // namespace

Explained explain(const Response& response, const Request& request, const DrugDb& db) {
    Explained out;
    if (!response.ok) return out;
    out.steps.reserve(64 + 6 * response.ladder.size());
    out.words.reserve(out.steps.capacity() * 128);  // an id and a text average under 128 bytes
    out.sources.reserve(32);
    const PatientInput& p = request.patient;
    std::optional<double> age_months;
    if (p.age_value) age_months = p.age_unit == AgeUnit::Months ? *p.age_value : *p.age_value * kMonthsPerYear;
    StepWriter w{out.steps, out.words, out.sources};
    weight_steps(w, response, p);
    renal_steps(w, response, p, age_months, db.renal_methods);
    step_detail::dose_steps(w, response, request, db, age_months);
    return out;
}

}  // namespace core
