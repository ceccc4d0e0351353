#include "renal.hpp"

#include "numbers.hpp"
#include "units.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace core {

std::string_view to_string(RenalMethod method) {
    switch (method) {
        case RenalMethod::Unknown: return "unknown";
        case RenalMethod::Given: return "given";
        case RenalMethod::CockcroftGault: return "cockcroft-gault";
        case RenalMethod::BedsideSchwartz: return "bedside-schwartz";
        case RenalMethod::Esrd: return "esrd";
    }
    return "unknown";
}

namespace {

constexpr double kCmPerInch = 2.54;

// The two creatinine formulas, each rounded down to 0.1 as shown: the result and the check that
// the formula text reproduces it use the same arithmetic.
double cockcroft_gault(double weight_kg, double age_years, double scr_mg_dl, Sex sex, const RenalMethods& m) {
    const double factor = (140 - age_years) / (m.cg_constant * scr_mg_dl) * (sex == Sex::Female ? m.cg_female_factor : 1);
    return round_down_to(weight_kg * factor, 1);
}
double bedside_schwartz(double height_cm, double scr_mg_dl, const RenalMethods& m) {
    return round_down_to(m.schwartz_k * height_cm / scr_mg_dl, 1);
}

// The fewest decimals (up to 6) that write `value` exactly: a creatinine shown as entered.
int decimals_of(double value) {
    for (int d = 0; d < 6; ++d)
        if (std::fabs(round_to(value, d) - value) <= 1e-12 * std::max(1.0, std::fabs(value))) return d;
    return 6;
}

// Which weight Cockcroft-Gault uses, and why (data/methods.json): actual weight when it is at or
// below the ideal weight (never inflate a small patient's clearance), adjusted weight at a BMI
// of 30 or more, ideal weight in between. Without a usable height, actual weight.
void choose_weight(RenalResult& r, double weight_kg, std::optional<double> height_cm, Sex sex, double age_years,
                   double scr_mg_dl, const RenalMethods& m) {
    // Each weight to 0.01 kg, as shown, is the one the estimate uses.
    auto estimate = [&](WeightKind kind, double kg) {
        const double shown_kg = round_to(kg, 2);
        return WeightEstimate{kind, shown_kg, cockcroft_gault(shown_kg, age_years, scr_mg_dl, sex, m)};
    };
    r.estimates.push_back(estimate(WeightKind::Actual, weight_kg));
    r.weight_used = WeightKind::Actual;
    if (!height_cm) {
        r.weight_reason = "Actual body weight (no height given; with a height, ideal and adjusted weight are compared).";
        return;
    }
    if (*height_cm < m.ibw_from_height_cm) {
        r.weight_reason = "Actual body weight: the ideal-weight formula starts at " + format_number(m.ibw_from_height_cm, 1) +
                          " cm (60 inches).";
        return;
    }
    const double ibw = (sex == Sex::Female ? m.ibw_female_kg : m.ibw_male_kg) +
                       m.ibw_kg_per_inch * (*height_cm / kCmPerInch - 60);
    const double adjusted = ibw + m.adjusted_weight_factor * (weight_kg - ibw);
    const double bmi = weight_kg / (*height_cm / 100 * *height_cm / 100);
    r.estimates.push_back(estimate(WeightKind::Ideal, ibw));
    if (weight_kg > ibw) r.estimates.push_back(estimate(WeightKind::Adjusted, adjusted));
    if (weight_kg <= ibw) {
        r.weight_reason = "Actual body weight: it is at or below the ideal weight (" + format_number(ibw, 2) + " kg).";
    } else if (bmi >= m.obese_bmi) {
        r.weight_used = WeightKind::Adjusted;
        r.weight_reason = "Adjusted body weight " + format_number(adjusted, 2) + " kg: the BMI is " + format_number(bmi, 1) +
                          " (" + format_number(m.obese_bmi) + " or more), so actual weight would overstate clearance.";
    } else {
        r.weight_used = WeightKind::Ideal;
        r.weight_reason = "Ideal body weight " + format_number(ibw, 2) + " kg: actual weight is above it and the BMI (" +
                          format_number(bmi, 1) + ") is under " + format_number(m.obese_bmi) + ".";
    }
}

}  // namespace

RenalAssessment assess_renal(const RenalInput& input, double weight_kg, std::optional<double> age_years, Sex sex,
                             std::optional<double> height_cm, const RenalMethods& m) {
    RenalAssessment out;
    RenalResult& r = out.result;
    switch (input.kind) {
        case RenalInput::Kind::None:
            r.method = RenalMethod::Unknown;
            return out;
        case RenalInput::Kind::Esrd:
            r.method = RenalMethod::Esrd;
            r.formula = "End-stage renal disease / dialysis";
            return out;
        case RenalInput::Kind::Crcl:
            r.method = RenalMethod::Given;
            r.value_kind = "crcl";
            r.crcl_ml_min = round_down_to(input.crcl_ml_min, 1);
            r.formula = "CrCl as entered";
            return out;
        case RenalInput::Kind::Scr:
            break;
    }
    const bool converted = input.scr_unit != ScrUnit::MgDl;
    const double scr_mg_dl = converted ? scr_umol_l_to_mg_dl(input.scr_value, m.umol_l_per_mg_dl) : input.scr_value;
    // Creatinine in mg/dL as the formula text shows it: as entered (at least 2 decimals), or the
    // conversion from umol/L with as many decimals as it takes for the formula, worked with the
    // shown numbers, to give the shown result (1.239 mg/dL is never shown as 1.24).
    const auto shown_creatinine = [&](const std::function<bool(double)>& reproduces) {
        int decimals = std::max(2, converted ? 2 : decimals_of(input.scr_value));
        while (decimals < 6 && !reproduces(round_to(scr_mg_dl, decimals))) ++decimals;
        r.scr_mg_dl = round_to(scr_mg_dl, decimals);
        const std::string shown = format_number(scr_mg_dl, decimals) + " mg/dL";
        const std::string step = converted ? "Creatinine " + format_number(input.scr_value, 6) + " umol/L / " +
                                                 format_number(m.umol_l_per_mg_dl, 4) + " = " + shown + ". "
                                           : std::string();
        return std::pair{step, shown};
    };
    if (!age_years) {
        out.errors.push_back({"patient.age", "Age is needed to estimate renal function from serum creatinine."});
        return out;
    }
    const bool schwartz_age = *age_years >= m.schwartz_min_age_years && *age_years < m.schwartz_below_age_years;
    if (!schwartz_age && *age_years >= m.cg_min_age_years) {
        if (sex == Sex::Unknown) {
            out.errors.push_back({"patient.sex", "Sex is needed for the Cockcroft-Gault estimate (x 0.85 if female)."});
            return out;
        }
        choose_weight(r, weight_kg, height_cm, sex, *age_years, scr_mg_dl, m);
        double used_kg = r.estimates.front().weight_kg;
        for (const auto& e : r.estimates)
            if (e.weight_kind == r.weight_used) {
                used_kg = e.weight_kg;
                r.crcl_ml_min = e.crcl_ml_min;
            }
        r.method = RenalMethod::CockcroftGault;
        r.value_kind = "crcl";
        const auto [step, shown] = shown_creatinine([&](double scr) {
            for (const auto& e : r.estimates)
                if (cockcroft_gault(e.weight_kg, *age_years, scr, sex, m) != e.crcl_ml_min) return false;
            return true;
        });
        r.formula = step + "Cockcroft-Gault: (140 - " + format_number(*age_years) + " y) x " + format_number(used_kg) + " kg (" +
                    name_of(*r.weight_used) + " weight) / (" + format_number(m.cg_constant) + " x " + shown + ")" +
                    (sex == Sex::Female ? " x " + format_number(m.cg_female_factor) : "") + " = " +
                    format_number(*r.crcl_ml_min, 1) + " mL/min (rounded down to 0.1)";
        r.source = m.cg_source;
        return out;
    }
    if (!schwartz_age) {
        out.errors.push_back({"patient.renal.scr", "No creatinine-based estimate under " +
                                                       format_number(m.schwartz_min_age_years) +
                                                       " year (bedside Schwartz is validated from 1 to 18 years). Enter a measured CrCl instead."});
        return out;
    }
    if (!height_cm) {
        out.errors.push_back({"patient.height_cm", "Height is needed for the bedside Schwartz estimate in children."});
        return out;
    }
    r.method = RenalMethod::BedsideSchwartz;
    r.value_kind = "egfr";
    r.crcl_ml_min = bedside_schwartz(*height_cm, scr_mg_dl, m);
    const auto [step, shown] = shown_creatinine([&](double scr) { return bedside_schwartz(*height_cm, scr, m) == *r.crcl_ml_min; });
    r.formula = step + "Bedside Schwartz: " + format_number(m.schwartz_k, 3) + " x " + format_number(*height_cm) + " cm / " + shown +
                " = " + format_number(*r.crcl_ml_min, 1) +
                " mL/min/1.73 m2 (rounded down to 0.1; eGFR, IDMS creatinine, used as CrCl)";
    r.source = m.schwartz_source;
    return out;
}

void apply_renal_rule(RenalResult& renal, const RenalRule& rule) {
    const bool esrd = renal.method == RenalMethod::Esrd && rule.esrd;
    const bool low = renal.crcl_ml_min && *renal.crcl_ml_min < rule.crcl_below_ml_min;
    if (!esrd && !low) return;
    renal.adjusted = true;
    renal.interval_hours = rule.interval_hours;
    renal.reason = rule.reason;
    renal.source = rule.source;
}

bool renal_decision_sensitive(const RenalResult& renal, const RenalRule& rule) {
    bool any_below = false, any_at_or_above = false;
    for (const auto& e : renal.estimates) {
        if (e.crcl_ml_min < rule.crcl_below_ml_min) any_below = true;
        else any_at_or_above = true;
    }
    return any_below && any_at_or_above;
}

}  // namespace core
