#include "regimen.hpp"

#include "numbers.hpp"

#include <algorithm>
#include <cmath>

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

std::string age_needed_message(const Drug& drug, const std::string& indication, Region region) {
    std::string entries;
    for (const auto& use : drug.uses)
        if (use.indication == indication && use.region == region && use.applies_to_age_months)
            entries += (entries.empty() ? "" : "; ") + use.name + " (" + describe_range_words(*use.applies_to_age_months) + ")";
    return "Age is needed: whether " + drug.name_in(region) + " is labelled for this patient depends on it (" + entries +
           "). No dose is shown until the age is entered.";
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

std::string describe_range_words(const Range& months) {
    // Whole years read better ("under 18 years" rather than "under 216 months").
    Range years = months;
    bool whole = true;
    for (auto* bound : {&years.from, &years.above, &years.to, &years.below})
        if (*bound) {
            whole = whole && std::fmod(**bound, 12) == 0;
            **bound /= 12;
        }
    return whole ? describe_range(years, "years") : describe_range(months, "months");
}

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

StartShown describe_start(const Dose& dose, double weight_kg) {
    constexpr double kTolerance = 1e-9;
    const StartRange start = start_range_mg_per_day(dose, weight_kg);
    const double label_min = dose.start_min_mg_per_kg_per_day, label_max = dose.start_max_mg_per_kg_per_day;
    StartShown s;
    s.mg = {round_to(start.min_mg, 1), round_to(start.max_mg, 1)};
    s.label_mg_per_kg = {label_min, label_max};
    const bool min_capped = start.min_mg < label_min * weight_kg * (1 - kTolerance);
    const bool max_capped = start.max_mg < label_max * weight_kg * (1 - kTolerance);
    s.mg_per_kg = {min_capped ? round_down_to(start.min_mg / weight_kg, 2) : label_min,
                   max_capped ? round_down_to(start.max_mg / weight_kg, 2) : label_max};
    if (max_capped) s.cap_mg = start.max_mg;
    return s;
}

std::string start_words(const StartShown& start, double weight_kg, bool per_administration) {
    const auto range = [](const RangeMg& r, int decimals) {
        return r.min == r.max ? format_number(r.min, decimals) : format_number(r.min, decimals) + " to " + format_number(r.max, decimals);
    };
    const std::string per_day = per_administration ? "" : "/day";
    const std::string per = per_administration ? " per administration" : "";
    std::string out = range(start.mg, 1) + " mg" + per_day + per + " (" + range(start.mg_per_kg, 2) + " mg/kg" + per_day;
    if (start.cap_mg)
        out += " at " + format_number(weight_kg) + " kg: the " + range(start.label_mg_per_kg, 2) + " mg/kg" + per_day +
               " start is capped at " + format_number(*start.cap_mg, 1) + " mg" + per_day;
    return out + ")";
}

double largest_step_mg_per_kg(const Dose& dose) {
    double largest = 0;
    for (double step : dose.steps_mg_per_kg) largest = std::max(largest, step);
    return largest;
}

std::optional<double> nearest_offer_limit_mg(const Dose& dose, double weight_kg, double day_mg) {
    constexpr double kTolerance = 1e-9;
    const StartRange start = start_range_mg_per_day(dose, weight_kg);
    if (day_mg <= start.max_mg * (1 + kTolerance)) return start.max_mg;
    const auto ceiling = ceiling_mg_per_day(dose, weight_kg);
    const double step = largest_step_mg_per_kg(dose);
    if (!ceiling || step <= 0) return std::nullopt;
    return std::min(*ceiling, day_mg + step * weight_kg);
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
            const StartShown start = describe_start(d, weight_kg);
            r.start_mg_per_kg_per_day = start.mg_per_kg;
            r.start_mg_per_day = start.mg;
            r.label_start_mg_per_kg_per_day = start.label_mg_per_kg;
            r.start_cap_mg_per_day = start.cap_mg;
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
