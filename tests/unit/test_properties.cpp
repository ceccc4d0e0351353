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

}  // namespace

TEST_CASE("property: no NaN, no ladder step above the ceiling, doses and volumes monotone, no 0 mL") {
    long evaluated = 0, failures = 0, outside_bands = 0, rows = 0;
    for (const auto& drug : db().drugs)
    for (const auto& use : drug.uses) {
        if (use.status == core::UseStatus::NotIndicated) continue;
        for (const core::Region region : core::kRequestRegions) {
            if (use.region != region && use.region != core::Region::Any) continue;
            for (int renal = 0; renal < 4; ++renal) {
                double previous_ceiling = -1, previous_start = -1, previous_dose = -1;
                std::string previous_band = "";
                for (int tenth = 5; tenth <= 3500; tenth += DOSECHECK_SWEEP_STRIDE) {
                    const double kg = tenth / 10.0;
                    const core::Response r = core::evaluate(request_for(drug.id, use, region, kg, renal), db());
                    ++evaluated;
                    if (!r.ok) {
                        // Only "no labelled dose for this weight" (e.g. canakinumab CAPS under 15 kg) may refuse.
                        if (r.errors.size() == 1 && r.errors[0].field == "patient.weight") ++outside_bands;
                        else ++failures;
                        continue;
                    }
                    const auto& g = *r.regimen;
                    const core::Presentation& p = *drug.presentation_for(g.route);
                    bool ok = finite(g.dose_mg) && finite(g.ceiling_mg_per_day) && std::isfinite(r.patient.weight_kg);
                    double previous_mg = 0, previous_ml = 0, previous_split_ml = 0;
                    for (const auto& row : r.ladder) {
                        ++rows;
                        const double mg = row.dose.mg, ml = row.dose.ml.value_or(-1);
                        ok = ok && std::isfinite(mg) && mg > previous_mg && ml > 0 && ml >= previous_ml;
                        ok = ok && mg <= *g.ceiling_mg_per_day && row.mg_per_kg_per_dose <= *g.ceiling_mg_per_kg_per_day + 1e-9;
                        ok = ok && measure_ok(row.dose, p);
                        ok = ok && (!row.dose.nearest_measurable_mg || *row.dose.nearest_measurable_mg <= *g.ceiling_mg_per_day);
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
                    for (const auto& c : r.comparators) {
                        ok = ok && finite(c.dose_mg) && finite(c.interval_days);
                        if (c.measure) ok = ok && measure_ok(*c.measure, *db().find(c.drug)->presentation_for(*c.route));
                        ok = ok && !(c.course && c.administrations_per_year);  // a course is never counted per year
                    }
                    if (g.band == previous_band && g.ceiling_mg_per_day) {
                        ok = ok && *g.ceiling_mg_per_day >= previous_ceiling;
                        ok = ok && g.start_mg_per_day->min >= previous_start;
                    }
                    if (g.band == previous_band && g.dose_mg) ok = ok && *g.dose_mg >= previous_dose;
                    previous_band = g.band;
                    previous_ceiling = g.ceiling_mg_per_day.value_or(-1);
                    previous_start = g.start_mg_per_day ? g.start_mg_per_day->min : -1;
                    previous_dose = g.dose_mg.value_or(-1);
                    if (!ok) {
                        ++failures;
                        if (failures < 10) MESSAGE(drug.id << " " << use.indication << " " << core::to_string(region) << " " << kg << " kg renal " << renal);
                    }
                }
            }
        }
    }
    MESSAGE(evaluated << " requests evaluated, " << rows << " ladder rows, " << outside_bands
                      << " outside every labelled weight band");
    CHECK(evaluated > 600000 / DOSECHECK_SWEEP_STRIDE);
    CHECK(failures == 0);
}

TEST_CASE("property: every safety flag and lab, for every drug, use and region, is judged or named as not evaluated") {
    long evaluated = 0, silent = 0;
    for (const auto& drug : db().drugs)
    for (const auto& use : drug.uses) {
        if (use.status == core::UseStatus::NotIndicated) continue;
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
