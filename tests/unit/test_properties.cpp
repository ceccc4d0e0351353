// Sweeps weights 0.5-350 kg in 0.1 kg steps x every use of every drug x renal states, and every
// safety flag and lab for every drug, use and region.
#include "test_helpers.hpp"

#include "evaluate.hpp"
#include "regimen.hpp"
#include "units.hpp"

#include <cmath>

#ifndef DOSECHECK_SWEEP_STRIDE
#define DOSECHECK_SWEEP_STRIDE 1  // weights every 0.1 kg x this
#endif

namespace {

core::Request request_for(const std::string& drug, const core::Use& use, core::Region region, double kg,
                          int renal_state) {
    core::Request r;
    r.drug = drug;
    r.indication = use.indication;
    r.region = region;
    r.patient.weight_value = kg;
    // The sweeps cover every weight at one age, so most are implausible for it: confirmed, so that
    // the dosing is what is tested (the refusal of an unconfirmed one has its own tests).
    r.patient.weight_confirmed = true;
    // An age the use applies to (a use split by age, such as Actemra's sJIA, covers children only).
    r.patient.age_value = 30;
    if (use.applies_to_age_months && !use.applies_to_age_months->contains(30 * 12)) r.patient.age_value = 10;
    switch (renal_state) {
        case 0: break;
        case 1: r.patient.renal.kind = core::RenalInput::Kind::Crcl; r.patient.renal.crcl_ml_min = 90; break;
        case 2: r.patient.renal.kind = core::RenalInput::Kind::Crcl; r.patient.renal.crcl_ml_min = 29.9; break;
        default: r.patient.renal.kind = core::RenalInput::Kind::Esrd; break;
    }
    return r;
}

bool finite(std::optional<double> x) { return !x || std::isfinite(*x); }

// A measured dose: a positive volume for a positive dose (unless the device cannot give it),
// and the unmeasurable flag exactly when a draw is below the presentation's minimum.
bool measure_ok(const core::Measure& m, const core::Presentation& p) {
    if (m.not_whole_devices) return !m.ml.has_value() && m.nearest_measurable_mg.has_value();
    bool ok = m.ml && *m.ml > 0 && std::isfinite(*m.ml);
    if (p.min_measurable_mg) {
        bool below = false;
        for (double draw : m.syringe_draws_mg) below = below || draw < *p.min_measurable_mg * (1 - 1e-9);
        ok = ok && below == m.below_measurable;
    }
    return ok;
}

// Weights where a mg cap starts to bind, or a band starts or ends: the place for rounding
// slips (US Still's at 57.14 kg: 3.5 mg/kg is 199.99 mg, at the 200 mg cap).
std::vector<double> boundary_weights(const core::Regimen& regimen) {
    std::vector<double> out;
    auto add_cap = [&](std::optional<double> cap_mg, double mg_per_kg) {
        if (cap_mg && mg_per_kg > 0) out.push_back(*cap_mg / mg_per_kg);
    };
    for (const auto& band : regimen.bands) {
        for (auto bound : {band.weight_kg.from, band.weight_kg.above, band.weight_kg.to, band.weight_kg.below})
            if (bound) out.push_back(*bound);
        const core::Dose& d = band.dose;
        for (auto cap : {d.start_max_mg_per_day, d.max_mg_per_day, d.max_mg, regimen.max_mg_per_administration}) {
            add_cap(cap, d.start_min_mg_per_kg_per_day);
            add_cap(cap, d.start_max_mg_per_kg_per_day);
            add_cap(cap, d.mg_per_kg);
            if (d.increase_to_mg_per_kg) add_cap(cap, *d.increase_to_mg_per_kg);
            for (double step : d.steps_mg_per_kg)
                for (double v = d.start_min_mg_per_kg_per_day; d.ceiling_mg_per_kg_per_day && v <= *d.ceiling_mg_per_kg_per_day + 1e-9; v += step)
                    add_cap(cap, v);
        }
    }
    return out;
}

// The checks every response of the sweeps must pass; `previous` carries the last response of
// the same use, region and renal state at a lower weight (monotone start, ceiling and dose).
struct Previous {
    std::string band = "";
    double ceiling = -1, start = -1, dose = -1;
};

bool response_ok(const core::Drug& drug, const core::Response& r, Previous& previous) {
    const auto& g = *r.regimen;
    const core::Presentation& p = *drug.presentation_for(g.route);
    const core::Dose* dose = nullptr;
    bool ok = finite(g.dose_mg) && finite(g.ceiling_mg_per_day) && std::isfinite(r.patient.weight_kg);
    double previous_mg = 0, previous_ml = 0, previous_split_ml = 0;
    (void)dose;
    for (const auto& row : r.ladder) {
        const double mg = row.dose.mg, ml = row.dose.ml.value_or(-1);
        // Rows compared as shown: strictly rising, never a repeated row.
        ok = ok && std::isfinite(mg) && mg > previous_mg && ml > 0 && ml >= previous_ml;
        ok = ok && mg <= *g.ceiling_mg_per_day && row.mg_per_kg_per_dose <= *g.ceiling_mg_per_kg_per_day + 1e-9;
        ok = ok && measure_ok(row.dose, p);
        if (row.dose.nearest_measurable_mg) {
            const double nearest = *row.dose.nearest_measurable_mg;
            ok = ok && nearest <= *g.ceiling_mg_per_day + 1e-9;
            // A start row is offered a measurable dose only within the start range.
            if (row.in_start_range) ok = ok && nearest <= g.start_mg_per_day->max + 0.05;
            // Any other row: within one escalation step (the largest, 1 mg/kg) of it.
            else ok = ok && nearest <= mg + 1.0 * r.patient.weight_kg + 0.05;
        }
        ok = ok && row.daily == (g.interval_hours == 24.0);
        if (row.split) {
            ok = ok && row.daily && row.split->ml_per_dose > 0 && row.split->ml_per_dose >= previous_split_ml;
            previous_split_ml = row.split->ml_per_dose;
        }
        previous_mg = mg;
        previous_ml = ml;
    }
    if (!r.ladder.empty()) ok = ok && r.ladder.back().is_ceiling && r.ladder.back().dose.mg == *g.ceiling_mg_per_day;
    if (!r.ladder.empty() && g.start_mg_per_day) ok = ok && r.ladder.front().dose.mg == g.start_mg_per_day->min;
    // The start in mg/kg agrees with the start in mg (after any cap).
    if (g.start_mg_per_day && g.start_mg_per_kg_per_day)
        ok = ok && std::fabs(g.start_mg_per_kg_per_day->max * r.patient.weight_kg - g.start_mg_per_day->max) <=
                       0.01 * r.patient.weight_kg + 0.05;
    for (const auto& c : r.comparators) {
        ok = ok && finite(c.dose_mg) && finite(c.interval_days);
        if (c.measure) ok = ok && measure_ok(*c.measure, *db().find(c.drug)->presentation_for(*c.route));
        ok = ok && !(c.course && c.administrations_per_year);  // a course is never counted per year
    }
    if (g.band == previous.band && g.ceiling_mg_per_day) {
        ok = ok && *g.ceiling_mg_per_day >= previous.ceiling;
        ok = ok && g.start_mg_per_day->min >= previous.start;
    }
    if (g.band == previous.band && g.dose_mg) ok = ok && *g.dose_mg >= previous.dose;
    previous.band = g.band;
    previous.ceiling = g.ceiling_mg_per_day.value_or(-1);
    previous.start = g.start_mg_per_day ? g.start_mg_per_day->min : -1;
    previous.dose = g.dose_mg.value_or(-1);
    return ok;
}

}  // namespace

TEST_CASE("property: no NaN, no ladder step above the ceiling, doses and volumes monotone, no 0 mL") {
    long evaluated = 0, failures = 0, outside_bands = 0, rows = 0, near_boundaries = 0;
    for (const auto& drug : db().drugs)
    for (const auto& use : drug.uses) {
        if (use.status == core::UseStatus::NotIndicated || use.dose_not_in_data) continue;
        for (const core::Region region : core::kRequestRegions) {
            if (use.region != region && use.region != core::Region::Any) continue;
            for (int renal = 0; renal < 4; ++renal) {
                auto sweep = [&](int hundredths_from, int hundredths_to, int stride) {
                    Previous previous;
                    for (int hundredths = hundredths_from; hundredths <= hundredths_to; hundredths += stride) {
                        const double kg = hundredths / 100.0;
                        if (kg < 0.5 || kg > 350) continue;
                        const core::Response r = core::evaluate(request_for(drug.id, use, region, kg, renal), db());
                        ++evaluated;
                        if (!r.ok) {
                            // Only "no labelled dose for this weight" (e.g. canakinumab CAPS under 15 kg) may refuse.
                            if (r.errors.size() == 1 && r.errors[0].field == "patient.weight") ++outside_bands;
                            else ++failures;
                            continue;
                        }
                        rows += static_cast<long>(r.ladder.size());
                        if (!response_ok(drug, r, previous)) {
                            ++failures;
                            if (failures < 10)
                                MESSAGE(drug.id << " " << use.indication << " " << core::to_string(region) << " " << kg << " kg renal " << renal);
                        }
                    }
                };
                // Every 0.1 kg (every 0.7 kg under the sanitizers) ...
                sweep(50, 35000, 10 * DOSECHECK_SWEEP_STRIDE);
                // ... and every 0.01 kg within 0.3 kg of each cap and band boundary.
                if (renal == 1)
                    for (const auto& regimen : use.regimens)
                        for (double boundary : boundary_weights(regimen)) {
                            const long before = evaluated;
                            const int centre = static_cast<int>(boundary * 100);
                            sweep(centre - 30, centre + 30, DOSECHECK_SWEEP_STRIDE);
                            near_boundaries += evaluated - before;
                        }
            }
        }
    }
    MESSAGE(evaluated << " requests evaluated (" << near_boundaries << " at 0.01 kg near cap and band boundaries), "
                      << rows << " ladder rows, " << outside_bands << " outside every labelled weight band");
    CHECK(evaluated > 600000 / DOSECHECK_SWEEP_STRIDE);
    CHECK(failures == 0);
}

TEST_CASE("property: every safety flag and lab, for every drug, use and region, is judged or named as not evaluated") {
    long evaluated = 0, silent = 0;
    for (const auto& drug : db().drugs)
    for (const auto& use : drug.uses) {
        if (use.status == core::UseStatus::NotIndicated || use.dose_not_in_data) continue;
        for (const core::Region region : core::kRequestRegions) {
            if (use.region != region && use.region != core::Region::Any) continue;
            for (bool on_treatment : {false, true})
            for (const auto& item : core::safety_flags()) {
                core::Request r = request_for(drug.id, use, region, 70, 1);
                r.route = use.regimens.front().route;
                r.safety.on_treatment = on_treatment;
                r.safety.flags[item.id] = true;
                const core::Response response = core::evaluate(r, db());
                ++evaluated;
                bool said = false;
                for (const auto& f : response.findings)
                    said = said || (f.code == "NOT_EVALUATED" && f.message.find(item.words) != std::string::npos) ||
                           f.source.refs != std::vector<std::string>{} && f.code != "NOT_EVALUATED" &&
                               f.code != "RENAL_UNKNOWN" && f.code != "OTHER_ROUTES" && f.code != "UNVERIFIED_RULE" &&
                               f.code != "OFF_LABEL" && f.code != "EMERGENCY_USE" && f.code != "COURSE" &&
                               f.code != "NO_LADDER" && f.code != "AGE_UNKNOWN";
                if (!response.ok || !said) {
                    ++silent;
                    MESSAGE(drug.id << " " << use.indication << " " << core::to_string(region) << " " << item.id << " on treatment " << on_treatment);
                }
            }
            // A lab far outside every threshold is either judged or named.
            const std::vector<std::pair<std::string, double>> labs = {
                {"anc_per_mm3", 300}, {"platelets_per_mm3", 20000}, {"alt_ast_x_uln", 12}};
            for (bool on_treatment : {false, true})
            for (const auto& [lab, value] : labs) {
                core::Request r = request_for(drug.id, use, region, 70, 1);
                r.route = use.regimens.front().route;
                r.safety.on_treatment = on_treatment;
                r.safety.labs[lab] = value;
                const core::Response response = core::evaluate(r, db());
                ++evaluated;
                if (!response.ok || response.findings_status == core::Verdict::Ok) {
                    ++silent;
                    MESSAGE(drug.id << " " << use.indication << " " << core::to_string(region) << " " << lab << " on treatment " << on_treatment);
                }
            }
        }
    }
    MESSAGE(evaluated << " safety requests evaluated");
    CHECK(evaluated > 1000);
    CHECK(silent == 0);
}

TEST_CASE("property: a weight in pounds gives the same response as the same weight in kg") {
    const core::Use& nomid = *core::find_use(*db().find("anakinra"), "nomid", core::Region::Us);
    for (int tenth = 5; tenth <= 3500; tenth += 7) {
        const double kg = tenth / 10.0;
        core::Request in_kg = request_for("anakinra", nomid, core::Region::Us, kg, 1);
        core::Request in_lb = in_kg;
        in_lb.patient.weight_value = core::kg_to_lb(kg);
        in_lb.patient.weight_unit = core::WeightUnit::Lb;
        CHECK(core::lb_to_kg(core::kg_to_lb(kg)) == doctest::Approx(kg).epsilon(1e-12));
        const auto a = core::evaluate(in_kg, db());
        const auto b = core::evaluate(in_lb, db());
        REQUIRE(a.ok);
        REQUIRE(b.ok);
        CHECK(a.patient.weight_kg == b.patient.weight_kg);
        CHECK(a.regimen->ceiling_mg_per_day == b.regimen->ceiling_mg_per_day);
        CHECK(a.ladder.size() == b.ladder.size());
    }
}
