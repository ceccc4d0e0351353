#include "comparators.hpp"

#include "numbers.hpp"
#include "regimen.hpp"
#include "renal.hpp"
#include "safety.hpp"
#include "words.hpp"

namespace core {

namespace {

constexpr double kTimelineDays = 84;  // the compare panel's 12-week timeline

ComparatorResult base_entry(const Drug& drug, bool primary) {
    ComparatorResult c;
    c.drug = drug.id;
    c.name = drug.name;
    c.primary = primary;
    return c;
}

}  // namespace

std::vector<ComparatorResult> compare_drugs(const DrugDb& db, const Request& request, const ComparisonPatient& patient) {
    std::vector<ComparatorResult> out;
    for (const auto& drug : db.drugs) {
        const bool primary = drug.id == request.drug;
        const Use* use = find_use(drug, request.indication, request.region);
        std::string region_note;
        if (use == nullptr && request.region == "eu") {
            use = find_use(drug, request.indication, "us");
            if (use != nullptr) region_note = "US label shown: the data hold no EU label for " + drug.name + ".";
        }
        ComparatorResult entry = base_entry(drug, primary);
        entry.region_note = region_note;
        if (use == nullptr) {
            entry.status = "none";
            entry.reason = "Not indicated: the " + drug.name + " label has no use for this indication.";
            out.push_back(entry);
            continue;
        }
        entry.status = std::string(to_string(use->status));
        entry.use_name = use->name;
        entry.source = use->source;
        if (use->status == UseStatus::NotIndicated) {
            entry.reason = "Not indicated: " + use->name + ".";
            out.push_back(entry);
            continue;
        }
        std::string limit_reason;
        if (use->status == UseStatus::OffLabel) limit_reason = "Off-label: " + use->name + ".";
        if (use->age_min_months && patient.age_months && *patient.age_months < *use->age_min_months)
            limit_reason = "Not indicated below " + age_words(*use->age_min_months) + " (labelled age limit).";
        if (use->weight_min_kg && patient.weight_kg < *use->weight_min_kg)
            limit_reason = "Not indicated below " + format_number(*use->weight_min_kg) + " kg (labelled weight limit).";
        for (const auto& regimen : use->regimens) {
            ComparatorResult c = entry;
            c.route = regimen.route;
            const Band* band = select_band(regimen, patient.weight_kg, patient.age_months);
            if (band == nullptr) {
                c.reason = "No labelled " + regimen.route + " dose for " + format_number(patient.weight_kg) +
                           " kg (label bands: " + describe_bands(regimen) + ").";
                out.push_back(c);
                continue;
            }
            RenalResult renal = patient.renal;
            if (regimen.renal) apply_renal_rule(renal, *regimen.renal);
            const RegimenResult r = describe_regimen(regimen, *band, patient.weight_kg, renal, 0);
            c.indicated = limit_reason.empty();
            c.reason = limit_reason;
            c.source = band->source;
            c.single_dose = r.single_dose;
            c.increase_to_mg = r.increase_to_mg;
            if (r.kind == "weight-based") {
                c.dose_mg = r.start_mg_per_day->min;
                c.dose_max_mg = r.start_mg_per_day->max;
                c.basis = format_number(r.start_mg_per_kg_per_day->min) + "-" + format_number(r.start_mg_per_kg_per_day->max) +
                          " mg/kg/day to start" +
                          (r.ceiling_mg_per_kg_per_day ? ", up to " + format_number(*r.ceiling_mg_per_kg_per_day) + " mg/kg/day" : "");
            } else if (r.kind == "per-kg") {
                c.dose_mg = r.dose_mg;
                c.basis = format_number(*r.mg_per_kg) + " mg/kg";
                if (band->dose.max_mg || regimen.max_mg_per_administration)
                    c.basis += " (at most " + format_number(band->dose.max_mg.value_or(*regimen.max_mg_per_administration)) + " mg)";
            } else {
                c.dose_mg = r.dose_mg;
                c.basis = format_number(*r.dose_mg) + " mg fixed";
            }
            if (!r.band.empty()) c.basis += ", band " + r.band;
            if (r.interval_hours)
                for (double hours = 0; hours < kTimelineDays * 24; hours += *r.interval_hours)
                    c.timeline_days.push_back(static_cast<int>(hours / 24));
            else
                c.timeline_days.push_back(0);
            if (r.interval_hours) {
                c.interval_days = round_to(*r.interval_hours / 24, 2);
                c.administrations_per_year = round_to(365 * 24 / *r.interval_hours, 1);
                c.basis += ", " + interval_words(r.label_interval_hours);
                if (renal.adjusted) c.basis += "; renal function: " + interval_words(*r.interval_hours);
            } else {
                c.basis += ", single dose";
            }
            if (!primary) c.findings = safety_findings(drug, request.safety, request.region, request.indication);
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace core
