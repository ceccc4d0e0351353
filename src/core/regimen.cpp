#include "regimen.hpp"

#include "numbers.hpp"

#include <algorithm>

namespace core {

const Use* find_use(const Drug& drug, const std::string& indication, Region region,
                    std::optional<double> age_months, bool* age_decides) {
    for (Region r : {region, Region::Any}) {
        const Use* first = nullptr;
        bool by_age = false;
        for (const auto& use : drug.uses) {
            if (use.indication != indication || use.region != r) continue;
            by_age = by_age || use.applies_to_age_months.has_value();
            if (use.applies_to_age_months && age_months && !use.applies_to_age_months->contains(*age_months)) continue;
            if (first == nullptr) first = &use;
        }
        if (first != nullptr) {
            if (age_decides != nullptr) *age_decides = by_age && !age_months;
            return first;
        }
    }
    return nullptr;
}

const Band* select_band(const Regimen& regimen, double weight_kg, std::optional<double> age_months) {
    for (const auto& band : regimen.bands) {
        if (!band.weight_kg.contains(weight_kg)) continue;
        if (!band.age_months.is_any() && (!age_months || !band.age_months.contains(*age_months))) continue;
        return &band;
    }
    return nullptr;
}

namespace {
std::string describe_range(const Range& r, const std::string& unit) {
    std::string lower, upper;
    if (r.from) lower = format_number(*r.from) + " " + unit + " and over";
    if (r.above) lower = "over " + format_number(*r.above) + " " + unit;
    if (r.to) upper = format_number(*r.to) + " " + unit + " or less";
    if (r.below) upper = "under " + format_number(*r.below) + " " + unit;
    if (r.from && r.to) return format_number(*r.from) + " to " + format_number(*r.to) + " " + unit;
    if (!lower.empty() && !upper.empty()) return lower + ", " + upper;
    return lower.empty() ? upper : lower;
}
}  // namespace

std::string describe_band(const Band& band) {
    std::string w = describe_range(band.weight_kg, "kg");
    std::string a = describe_range(band.age_months, "months");
    if (!w.empty() && !a.empty()) return a + ", " + w;
    return w.empty() ? a : w;
}

std::string describe_bands(const Regimen& regimen) {
    std::string out;
    for (const auto& b : regimen.bands) out += (out.empty() ? "" : "; ") + describe_band(b);
    return out;
}

double capped_per_kg_mg(const Dose& dose, std::optional<double> max_mg_per_administration, double mg_per_kg,
                        double weight_kg) {
    double mg = mg_per_kg * weight_kg;
    if (dose.max_mg) mg = std::min(mg, *dose.max_mg);
    if (max_mg_per_administration) mg = std::min(mg, *max_mg_per_administration);
    return mg;
}

std::optional<double> ceiling_mg_per_day(const Dose& dose, double weight_kg) {
    std::optional<double> ceiling;
    if (dose.ceiling_mg_per_kg_per_day) ceiling = *dose.ceiling_mg_per_kg_per_day * weight_kg;
    if (dose.max_mg_per_day) ceiling = ceiling ? std::min(*ceiling, *dose.max_mg_per_day) : *dose.max_mg_per_day;
    return ceiling;
}

StartRange start_range_mg_per_day(const Dose& dose, double weight_kg) {
    StartRange r{dose.start_min_mg_per_kg_per_day * weight_kg, dose.start_max_mg_per_kg_per_day * weight_kg};
    std::optional<double> cap = dose.start_max_mg_per_day;
    if (const auto ceiling = ceiling_mg_per_day(dose, weight_kg)) cap = cap ? std::min(*cap, *ceiling) : *ceiling;
    if (cap) {
        r.min_mg = std::min(r.min_mg, *cap);
        r.max_mg = std::min(r.max_mg, *cap);
    }
    return r;
}

std::optional<CourseResult> describe_course(const Regimen& regimen, std::optional<double> interval_hours) {
    if (!regimen.course) return std::nullopt;
    const Course& c = *regimen.course;
    CourseResult r{c.days, c.max_administrations, c.min_hours_between, c.retreat_after_hours_min, c.note, c.source};
    if (!r.administrations && c.days && interval_hours && *interval_hours > 0)
        r.administrations = whole_up(*c.days * 24 / *interval_hours);
    return r;
}

RegimenResult describe_regimen(const Regimen& regimen, const Band& band, double weight_kg, const RenalResult& renal,
                               double step_mg_per_kg) {
    RegimenResult r;
    const Dose& d = band.dose;
    r.route = regimen.route;
    r.band = describe_band(band);
    r.source = band.source;
    r.single_dose = regimen.single_dose();
    r.max_mg_per_administration = regimen.max_mg_per_administration;
    const auto interval = band.interval_hours ? band.interval_hours : regimen.interval_hours;
    r.label_interval_hours = interval.value_or(0);
    r.increase_to_interval_hours = band.increase_to_interval_hours;
    if (interval) r.interval_hours = renal.adjusted ? renal.interval_hours : interval;
    r.course = describe_course(regimen, r.interval_hours);
    // Under the every-48-h rule each administration is the whole dose: no twice-daily split.
    if (regimen.split) {
        r.split_allowed = regimen.split->allowed && r.interval_hours && *r.interval_hours == 24;
        r.split_source = regimen.split->source;
    }
    if (regimen.course) r.notes = regimen.course->note;
    switch (d.kind) {
        case DoseKind::Fixed:
            r.kind = DoseKind::Fixed;
            r.dose_mg = d.mg;
            r.increase_to_mg = d.increase_to_mg;
            if (!d.increase_note.empty()) r.notes = d.increase_note;
            break;
        case DoseKind::PerKg: {
            r.kind = DoseKind::PerKg;
            r.mg_per_kg = d.mg_per_kg;
            // Shown rounded down, so a shown dose never exceeds a cap.
            const auto shown = [&](double mg_per_kg) {
                return round_down_to(capped_per_kg_mg(d, regimen.max_mg_per_administration, mg_per_kg, weight_kg), 1);
            };
            r.dose_mg = shown(d.mg_per_kg);
            if (d.increase_to_mg_per_kg) r.increase_to_mg = shown(*d.increase_to_mg_per_kg);
            break;
        }
        case DoseKind::Escalating: {
            r.kind = DoseKind::Escalating;
            r.start_mg_per_kg_per_day = RangeMg{d.start_min_mg_per_kg_per_day, d.start_max_mg_per_kg_per_day};
            const StartRange start = start_range_mg_per_day(d, weight_kg);
            r.start_mg_per_day = RangeMg{round_to(start.min_mg, 1), round_to(start.max_mg, 1)};
            r.ceiling_mg_per_kg_per_day = d.ceiling_mg_per_kg_per_day;
            if (const auto c = ceiling_mg_per_day(d, weight_kg)) {
                // A ceiling is rounded down in every unit, so no shown ceiling exceeds the label's.
                r.ceiling_mg_per_day = round_down_to(*c, 1);
                r.ceiling_mg_per_kg_per_day = round_down_to(*c / weight_kg, 2);
                r.steps_mg_per_kg = d.steps_mg_per_kg;
                r.step_mg_per_kg = step_mg_per_kg;
            }
            break;
        }
    }
    return r;
}

}  // namespace core
