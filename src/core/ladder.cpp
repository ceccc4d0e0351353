#include "ladder.hpp"

#include "numbers.hpp"
#include "regimen.hpp"

namespace core {

double ml_for_mg(double mg, const Product& product) { return round_to(mg / product.mg_per_ml, 2); }

// Each administration needs its own single-use syringe(s): a 40 mg dose uses one 100 mg syringe.
int syringes_for_mg(double mg, const Product& product) { return whole_up(mg / product.unit_dose_mg); }

std::vector<LadderRow> build_ladder(const Dose& dose, double weight_kg, double step_mg_per_kg, bool split_allowed,
                                    const Product& product) {
    std::vector<LadderRow> rows;
    if (dose.kind != DoseKind::Escalating) return rows;
    const auto ceiling_mg = ceiling_mg_per_day(dose, weight_kg);
    if (!ceiling_mg || step_mg_per_kg <= 0) return rows;
    constexpr double kTolerance = 1e-9;
    const StartRange start = start_range_mg_per_day(dose, weight_kg);
    // The ceiling row is rounded down in every column (mg, mg/kg, mL), so it never reads as
    // more than the ceiling; other rows are rounded to nearest.
    auto add_row = [&](double mg_per_kg, double mg, bool is_ceiling) {
        const auto round = [is_ceiling](double value, int decimals) {
            return is_ceiling ? round_down_to(value, decimals) : round_to(value, decimals);
        };
        LadderRow row;
        row.mg_per_kg_per_day = round(mg_per_kg, 2);
        row.mg_per_day = round(mg, 1);
        row.ml_per_day = round(mg / product.mg_per_ml, 2);
        row.syringes_per_day = syringes_for_mg(mg, product);
        row.in_start_range = mg >= start.min_mg * (1 - kTolerance) && mg <= start.max_mg * (1 + kTolerance);
        row.is_ceiling = is_ceiling;
        if (split_allowed) {
            SplitDose s;
            s.mg_per_dose = round(mg / 2, 1);
            s.ml_per_dose = round(mg / 2 / product.mg_per_ml, 2);
            s.syringes_per_day = 2 * syringes_for_mg(mg / 2, product);
            row.split = s;
        }
        rows.push_back(row);
    };
    // Steps counted as integers so 1 + k x 0.5 never drifts.
    for (int k = 0; k < 1000; ++k) {
        const double mg_per_kg = dose.start_min_mg_per_kg_per_day + k * step_mg_per_kg;
        const double mg = mg_per_kg * weight_kg;
        if (mg > *ceiling_mg * (1 + kTolerance)) break;
        const bool at_ceiling = mg >= *ceiling_mg * (1 - kTolerance);
        add_row(mg_per_kg, mg, at_ceiling);
        if (at_ceiling) return rows;
    }
    add_row(*ceiling_mg / weight_kg, *ceiling_mg, true);
    return rows;
}

}  // namespace core
