#include "renal.hpp"

#include "numbers.hpp"
#include "units.hpp"

namespace core {

RenalAssessment assess_renal(const RenalInput& input, double weight_kg, std::optional<double> age_years, Sex sex,
                             std::optional<double> height_cm, const RenalMethods& m) {
    RenalAssessment out;
    RenalResult& r = out.result;
    switch (input.kind) {
        case RenalInput::Kind::None:
            r.method = "unknown";
            return out;
        case RenalInput::Kind::Esrd:
            r.method = "esrd";
            r.formula = "End-stage renal disease / dialysis (anakinra is not removed by dialysis)";
            return out;
        case RenalInput::Kind::Crcl:
            r.method = "given";
            r.value_kind = "crcl";
            r.crcl_exact = input.crcl_ml_min;
            r.crcl_ml_min = round_down_to(input.crcl_ml_min, 1);
            r.formula = "CrCl as entered";
            return out;
        case RenalInput::Kind::Scr:
            break;
    }
    const double scr_mg_dl =
        input.scr_unit == "mg/dL" ? input.scr_value : scr_umol_l_to_mg_dl(input.scr_value, m.umol_l_per_mg_dl);
    r.scr_mg_dl = round_to(scr_mg_dl, 2);
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
        double crcl = (140 - *age_years) * weight_kg / (m.cg_constant * scr_mg_dl);
        if (sex == Sex::Female) crcl *= m.cg_female_factor;
        r.method = "cockcroft-gault";
        r.value_kind = "crcl";
        r.crcl_exact = crcl;
        r.crcl_ml_min = round_down_to(crcl, 1);
        r.formula = "Cockcroft-Gault: (140 - " + format_number(*age_years) + " y) x " + format_number(weight_kg) +
                    " kg / (" + format_number(m.cg_constant) + " x " + format_number(scr_mg_dl) + " mg/dL)" +
                    (sex == Sex::Female ? " x " + format_number(m.cg_female_factor) : "") + ", actual body weight";
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
    r.method = "bedside-schwartz";
    r.value_kind = "egfr";
    r.crcl_exact = m.schwartz_k * *height_cm / scr_mg_dl;
    r.crcl_ml_min = round_down_to(*r.crcl_exact, 1);
    r.formula = "Bedside Schwartz: " + format_number(m.schwartz_k, 3) + " x " + format_number(*height_cm) + " cm / " +
                format_number(scr_mg_dl) + " mg/dL, eGFR in mL/min/1.73 m2 (IDMS creatinine), used as CrCl";
    r.source = m.schwartz_source;
    return out;
}

void apply_renal_rule(RenalResult& renal, const RenalRule& rule) {
    const bool esrd = renal.method == "esrd" && rule.esrd;
    // The exact value is compared; the shown value is rounded down, so both agree (29.96 shows 29.9).
    const bool low = renal.crcl_exact && *renal.crcl_exact < rule.crcl_below_ml_min;
    if (!esrd && !low) return;
    renal.adjusted = true;
    renal.interval_hours = rule.interval_hours;
    renal.reason = rule.reason;
    renal.source = rule.source;
}

}  // namespace core
