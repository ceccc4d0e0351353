// Sweeps weights 0.5-350 kg in 0.1 kg steps x every use of every drug x renal states.
#include "test_helpers.hpp"

#include "evaluate.hpp"
#include "regimen.hpp"
#include "units.hpp"

#include <cmath>

namespace {

core::Request request_for(const std::string& drug, const core::Use& use, const std::string& region, double kg,
                          int renal_state) {
    core::Request r;
    r.drug = drug;
    r.indication = use.indication;
    r.region = region;
    r.patient.weight_value = kg;
    r.patient.age_value = 30;
    switch (renal_state) {
        case 0: break;
        case 1: r.patient.renal.kind = core::RenalInput::Kind::Crcl; r.patient.renal.crcl_ml_min = 90; break;
        case 2: r.patient.renal.kind = core::RenalInput::Kind::Crcl; r.patient.renal.crcl_ml_min = 29.9; break;
        default: r.patient.renal.kind = core::RenalInput::Kind::Esrd; break;
    }
    return r;
}

bool finite(std::optional<double> x) { return !x || std::isfinite(*x); }

}  // namespace

TEST_CASE("property: no NaN, no ladder step above the ceiling, doses monotone in weight within a band") {
    long evaluated = 0, failures = 0, outside_bands = 0;
    for (const auto& drug : db().drugs)
    for (const auto& use : drug.uses) {
        if (use.status == core::UseStatus::NotIndicated) continue;
        for (const std::string region : {"us", "eu"}) {
            if (use.region != region && use.region != "any") continue;
            for (int renal = 0; renal < 4; ++renal) {
                double previous_ceiling = -1, previous_start = -1, previous_dose = -1;
                std::string previous_band = "";
                for (int tenth = 5; tenth <= 3500; ++tenth) {
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
                    bool ok = finite(g.dose_mg) && finite(g.ceiling_mg_per_day) && std::isfinite(r.patient.weight_kg);
                    for (const auto& row : r.ladder) {
                        ok = ok && std::isfinite(row.mg_per_day) && std::isfinite(row.ml_per_day) && row.mg_per_day > 0;
                        ok = ok && row.mg_per_day <= *g.ceiling_mg_per_day;
                        ok = ok && row.mg_per_kg_per_day <= *g.ceiling_mg_per_kg_per_day + 1e-9;
                    }
                    if (!r.ladder.empty()) ok = ok && r.ladder.back().is_ceiling && r.ladder.back().mg_per_day == *g.ceiling_mg_per_day;
                    for (const auto& c : r.comparators) ok = ok && finite(c.dose_mg) && finite(c.interval_days);
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
                        if (failures < 10) MESSAGE(drug.id << " " << use.indication << " " << region << " " << kg << " kg renal " << renal);
                    }
                }
            }
        }
    }
    MESSAGE(evaluated << " requests evaluated, " << outside_bands << " outside every labelled weight band");
    CHECK(evaluated > 400000);
    CHECK(failures == 0);
}

TEST_CASE("property: a weight in pounds gives the same response as the same weight in kg") {
    const core::Use& nomid = *core::find_use(*db().find("anakinra"), "nomid", "us");
    for (int tenth = 5; tenth <= 3500; tenth += 7) {
        const double kg = tenth / 10.0;
        core::Request in_kg = request_for("anakinra", nomid, "us", kg, 1);
        core::Request in_lb = in_kg;
        in_lb.patient.weight_value = core::kg_to_lb(kg);
        in_lb.patient.weight_unit = "lb";
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
