#include "ladder.hpp"

#include "measure.hpp"
#include "numbers.hpp"
#include "regimen.hpp"

#include <algorithm>
#include <cmath>

namespace core {

std::vector<LadderRow> build_ladder(const Dose& dose, double weight_kg, double step_mg_per_kg, bool split_allowed,
                                    double interval_hours, const Presentation& presentation) {
    std::vector<LadderRow> rows;
    if (dose.kind != DoseKind::Escalating) return rows;
    const auto ceiling_mg = ceiling_mg_per_day(dose, weight_kg);
    if (!ceiling_mg || step_mg_per_kg <= 0) return rows;
    constexpr double kTolerance = 1e-9;
    const StartRange start = start_range_mg_per_day(dose, weight_kg);
    const bool daily = interval_hours == 24;
    // The ceiling row, and a start row lowered by a cap, are rounded down (mg, mg/kg), so they
    // never read as more than the limit; other rows are rounded to nearest. Volumes come from
    // the mg shown, by one rule.
    auto add_row = [&](double mg_per_kg, double mg, bool is_ceiling, bool at_cap) {
        const auto round = [at_cap](double value, int decimals) {
            return at_cap ? round_down_to(value, decimals) : round_to(value, decimals);
        };
        LadderRow row;
        row.mg_per_kg_per_dose = round(mg_per_kg, 2);
        const auto offer_limit = nearest_offer_limit_mg(dose, weight_kg, mg);
        row.dose = measure_dose(round(mg, 1), presentation, offer_limit);
        row.daily = daily;
        row.average_mg_per_kg_per_day = round(mg_per_kg * 24 / interval_hours, 2);
        row.in_start_range = mg >= start.min_mg * (1 - kTolerance) && mg <= start.max_mg * (1 + kTolerance);
        row.is_ceiling = is_ceiling;
        if (split_allowed && daily) {
            const Measure half = measure_dose(round(mg / 2, 1), presentation,
                                              offer_limit ? std::optional<double>(*offer_limit / 2) : std::nullopt);
            row.split = SplitDose{half.mg, half.ml.value_or(0), 2 * half.syringes.value_or(0), half.below_measurable,
                                  half.nearest_measurable_mg};
        }
        rows.push_back(std::move(row));
    };
    // Rows are compared as shown (0.1 mg): a step that shows the ceiling's mg is the ceiling row,
    // and a step that shows no more than the row before is left out, so no two rows read alike
    // (US Still's at 57.14 kg: 3.5 mg/kg is 199.99 mg, shown 200 mg, which is the ceiling).
    const double ceiling_shown = round_down_to(*ceiling_mg, 1);
    double last_shown = -1;
    // Adds a row for `mg` unless it repeats the row before; true once the ceiling row is added.
    auto add = [&](double mg_per_kg, double mg, bool at_cap) {
        const double shown = at_cap ? round_down_to(mg, 1) : round_to(mg, 1);
        if (mg >= *ceiling_mg * (1 - kTolerance) || shown >= ceiling_shown) {
            add_row(*ceiling_mg / weight_kg, *ceiling_mg, true, true);
            return true;
        }
        if (shown > last_shown) {
            add_row(mg_per_kg, mg, false, at_cap);
            last_shown = shown;
        }
        return false;
    };
    // A start capped below the first step (US Still's at 70 kg: 100 mg/day, not 2 mg/kg = 140 mg)
    // is the first row, so the ladder starts where the start range says.
    const double first_step_mg = dose.start_min_mg_per_kg_per_day * weight_kg;
    if (start.min_mg < first_step_mg * (1 - kTolerance) && add(start.min_mg / weight_kg, start.min_mg, true)) return rows;
    // Room for every row at once (a row holds vectors: growing the list copied them all again).
    const double steps_to_ceiling = (*ceiling_mg / weight_kg - dose.start_min_mg_per_kg_per_day) / step_mg_per_kg;
    rows.reserve(std::isfinite(steps_to_ceiling) ? static_cast<size_t>(std::clamp(steps_to_ceiling, 0.0, 1000.0)) + 3 : 3);
    // Steps counted as integers so 1 + k x 0.5 never drifts.
    for (int k = 0; k < 1000; ++k) {
        const double mg_per_kg = dose.start_min_mg_per_kg_per_day + k * step_mg_per_kg;
        const double mg = mg_per_kg * weight_kg;
        if (mg > *ceiling_mg * (1 + kTolerance)) break;
        if (add(mg_per_kg, mg, false)) return rows;
    }
    add_row(*ceiling_mg / weight_kg, *ceiling_mg, true, true);
    return rows;
}

}  // namespace core
