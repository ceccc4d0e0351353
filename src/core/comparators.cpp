#include "comparators.hpp"

#include "measure.hpp"
#include "numbers.hpp"
#include "regimen.hpp"
#include "renal.hpp"
#include "safety.hpp"
#include "verdict.hpp"
#include "words.hpp"

namespace core {

namespace {

constexpr double kTimelineDays = 84;  // the compare panel's 12-week timeline

ComparatorResult base_entry(const Drug& drug, Region region, bool primary) {
    ComparatorResult c;
    c.drug = drug.id;
    c.name = drug.name_in(region);
    c.primary = primary;
    return c;
}

std::string course_words(const CourseResult& course) {
    std::string out;
    if (course.days) out = "a course of " + format_number(*course.days) + " days";
    else if (course.administrations && *course.administrations == 1) out = "a single dose";
    else if (course.administrations) out = "at most " + std::to_string(*course.administrations) + " doses";
    if (course.min_hours_between) out += ", at least " + format_number(*course.min_hours_between, 2) + " h apart";
    if (course.retreat_after_hours_min) out += "; retreat no sooner than " + duration_words(*course.retreat_after_hours_min);
    return out;
}

}  // namespace

std::vector<int> timeline_days(std::optional<double> interval_hours, const std::optional<CourseResult>& course) {
    std::vector<int> days;
    if (!interval_hours || *interval_hours <= 0) {
        days.push_back(0);
        return days;
    }
    double end_hours = kTimelineDays * 24;
    if (course && course->days) end_hours = std::min(end_hours, *course->days * 24);
    int most = course && course->administrations ? *course->administrations : 1 << 30;
    for (double hours = 0; hours < end_hours && most-- > 0; hours += *interval_hours) days.push_back(static_cast<int>(hours / 24));
    return days;
}

std::vector<ComparatorResult> compare_drugs(const DrugDb& db, const Request& request, const ComparisonPatient& patient) {
    std::vector<ComparatorResult> out;
    for (const auto& drug : db.drugs) {
        const bool primary = drug.id == request.drug;
        bool age_decides = false;
        const Use* use = find_use(drug, request.indication, request.region, patient.age_months, &age_decides);
        std::string region_note;
        if (use == nullptr && request.region == Region::Eu) {
            use = find_use(drug, request.indication, Region::Us, patient.age_months, &age_decides);
            if (use != nullptr) region_note = "US label shown: the data hold no EU label for " + drug.name_in(Region::Eu) + ".";
        }
        ComparatorResult entry = base_entry(drug, request.region, primary);
        entry.region_note = region_note;
        if (use == nullptr) {
            entry.reason = "Not indicated: the " + drug.name_in(request.region) + " label has no use for this indication.";
            out.push_back(entry);
            continue;
        }
        entry.status = use->status;
        entry.use_name = use->name;
        entry.conditions = use->conditions;
        entry.source = use->source;
        if (use->status == UseStatus::NotIndicated) {
            entry.reason = "Not indicated: " + use->name + ".";
            out.push_back(entry);
            continue;
        }
        // Whether the drug is labelled for this patient depends on an age not given: an input
        // error for this comparator, and no dose.
        if (age_decides) {
            entry.error = FieldError{"patient.age", age_needed_message(drug, request.indication, use->region)};
            entry.reason = entry.error->message;
            entry.use_name.clear();
            entry.conditions.clear();
            out.push_back(entry);
            continue;
        }
        if (use->dose_not_in_data) {
            entry.reason = use->dose_not_in_data->message;
            entry.source = use->dose_not_in_data->source;
            out.push_back(entry);
            continue;
        }
        std::string limit_reason;
        if (use->status == UseStatus::OffLabel) limit_reason = "Off-label: " + use->name + ".";
        if (use->age_min_months && patient.age_months && *patient.age_months < *use->age_min_months)
            limit_reason = "Not indicated below " + age_words(*use->age_min_months) + " (labelled age limit).";
        if (use->weight_min_kg && patient.weight_kg < *use->weight_min_kg)
            limit_reason = "Not indicated below " + format_number(*use->weight_min_kg) + " kg (labelled weight limit).";
        auto findings = primary ? std::vector<Finding>{} : safety_findings(drug, request.safety, request.region, request.indication);
        if (use->scope_caution && !primary)
            findings.insert(findings.begin(), {"LABEL_SCOPE", Severity::Caution, use->scope_caution->message, use->scope_caution->source});
        merge_by_code(findings, nullptr);
        for (const auto& regimen : use->regimens) {
            ComparatorResult c = entry;
            c.route = regimen.route;
            const Band* band = select_band(regimen, patient.weight_kg, patient.age_months);
            if (band == nullptr) {
                // The label's age limit, when it applies, is the first reason.
                c.reason = (limit_reason.empty() ? "" : limit_reason + " ") + "No labelled " + name_of(regimen.route) + " dose for " +
                           format_number(patient.weight_kg) + " kg (label bands: " + describe_bands(regimen) + ").";
                out.push_back(std::move(c));
                continue;
            }
            RenalResult renal = patient.renal;
            if (regimen.renal) apply_renal_rule(renal, *regimen.renal);
            const RegimenResult r = describe_regimen(regimen, *band, patient.weight_kg, renal, 0);
            const Presentation* presentation = drug.presentation_for(regimen.route);
            c.indicated = limit_reason.empty();
            c.reason = limit_reason;
            c.source = band->source;
            c.single_dose = r.single_dose;
            c.increase_to_mg = r.increase_to_mg;
            c.course = r.course;
            if (presentation != nullptr) c.presentation = presentation->description;
            if (r.kind == DoseKind::Escalating) {
                c.dose_mg = r.start_mg_per_day->min;
                if (r.start_mg_per_day->max > r.start_mg_per_day->min) c.dose_max_mg = r.start_mg_per_day->max;
                // The start as the label gives it, and after a cap in mg/kg too (never a mg/kg range
                // that contradicts the mg shown).
                const auto range = [](const RangeMg& m) {
                    return m.min == m.max ? format_number(m.min, 2) : format_number(m.min, 2) + "-" + format_number(m.max, 2);
                };
                // Under the every-48-h rule the same amounts are per administration.
                const std::string unit = r.interval_hours && *r.interval_hours != 24 ? " mg/kg per administration" : " mg/kg/day";
                c.basis = range(*r.label_start_mg_per_kg_per_day) + unit + " to start" +
                          (r.start_cap_mg_per_day ? ", capped at " + format_number(*r.start_cap_mg_per_day, 1) + " mg/day (" +
                                                        range(*r.start_mg_per_kg_per_day) + unit + " at " +
                                                        format_number(patient.weight_kg) + " kg)"
                                                  : std::string()) +
                          (r.ceiling_mg_per_kg_per_day ? ", up to " + format_number(*r.ceiling_mg_per_kg_per_day) + unit : "");
            } else if (r.kind == DoseKind::PerKg) {
                c.dose_mg = r.dose_mg;
                c.basis = format_number(*r.mg_per_kg) + " mg/kg";
                if (band->dose.max_mg || regimen.max_mg_per_administration)
                    c.basis += " (at most " + format_number(band->dose.max_mg.value_or(*regimen.max_mg_per_administration)) + " mg)";
            } else {
                c.dose_mg = r.dose_mg;
                c.basis = format_number(*r.dose_mg) + " mg fixed";
            }
            if (presentation != nullptr) {
                c.measure = measure_dose(*c.dose_mg, *presentation);
                if (c.increase_to_mg) c.increase_measure = measure_dose(*c.increase_to_mg, *presentation);
            }
            if (!r.band.empty()) c.basis += ", band " + r.band;
            c.timeline_days = timeline_days(r.interval_hours, r.course);
            if (r.interval_hours) {
                c.interval_days = round_to(*r.interval_hours / 24, 2);
                c.basis += ", " + interval_words(r.label_interval_hours);
                if (renal.adjusted) c.basis += "; renal function: " + interval_words(*r.interval_hours);
            }
            if (r.course) {
                c.administrations_per_course = r.course->administrations;
                c.basis += (r.interval_hours ? "; " : ", ") + course_words(*r.course);
            } else if (r.interval_hours) {
                c.administrations_per_year = round_to(365 * 24 / *r.interval_hours, 1);
            }
            c.findings = findings;
            if (presentation != nullptr && !primary)
                if (auto f = volume_unconfirmed("The dose shown, " + format_number(*c.dose_mg, 1) + " mg", *c.dose_mg, *presentation))
                    c.findings.push_back(std::move(*f));
            out.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace core
