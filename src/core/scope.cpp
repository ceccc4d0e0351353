#include "scope.hpp"

#include "measure.hpp"
#include "numbers.hpp"
#include "plausibility.hpp"
#include "regimen.hpp"
#include "renal.hpp"
#include "words.hpp"

#include <algorithm>
#include <set>

namespace core {

namespace {

// A rule the answer rests on, for UNVERIFIED_RULE: which part of the regimen it is decides
// whether an order depends on it.
enum class RuleRole { Use, Band, Split, Renal, Course, Cap };
struct UsedRule {
    const Source* source;
    RuleRole role;
};

std::vector<UsedRule> rules_used(const ScopeContext& x) {
    const Regimen& regimen = x.regimen;
    const Dose& dose = x.band.dose;
    std::vector<UsedRule> used = {{&x.use.source, RuleRole::Use}, {&x.band.source, RuleRole::Band}};
    if (regimen.split) used.push_back({&regimen.split->source, RuleRole::Split});
    if (x.response.renal.adjusted) used.push_back({&x.response.renal.source, RuleRole::Renal});
    if (regimen.course) used.push_back({&regimen.course->source, RuleRole::Course});
    // A per-administration cap counts only where it limits this patient's dose.
    if (regimen.cap_source && dose.kind == DoseKind::PerKg &&
        x.weight_kg * dose.increase_to_mg_per_kg.value_or(dose.mg_per_kg) > *regimen.max_mg_per_administration)
        used.push_back({&*regimen.cap_source, RuleRole::Cap});
    return used;
}

// Whether an order rests on a rule: a split rule only for divided daily doses, a course rule
// only for repeated doses; every other rule always.
bool order_rests_on(RuleRole role, const PrescribedInput* order) {
    if (order == nullptr) return role != RuleRole::Split;
    const double interval = order->interval_hours();
    if (role == RuleRole::Split) return interval > 0 && interval < 24;
    if (role == RuleRole::Course) return interval > 0;
    return true;
}

// The usual start (or the labelled dose) that the presentation cannot measure. The smallest
// dose it can measure is named with its mg/kg and how it relates to the start range and the
// ceiling, and is never offered as a start when it is above the start range: the clinician is
// asked to seek specialist or pharmacy advice instead (a 3.2 kg neonate: 20 mg is 6.25 mg/kg/day).
std::optional<Finding> start_measurability(const ScopeContext& x) {
    const Presentation& p = x.presentation;
    if (!p.min_measurable_mg || !x.response.regimen) return std::nullopt;
    const RegimenResult& g = *x.response.regimen;
    const Dose& dose = x.band.dose;
    const double w = x.weight_kg;
    const auto mg = [](double v) { return format_number(v, 1) + " mg"; };
    const auto mgkg = [](double v) { return format_number(v, 2) + " mg/kg"; };
    const bool escalating = dose.kind == DoseKind::Escalating;
    const bool per_administration = !escalating || (g.interval_hours && !same_hours(*g.interval_hours, 24));
    const std::string per = per_administration ? " per administration" : "/day";
    double lowest = 0, highest = 0;
    std::string what, range;
    if (escalating) {
        const StartRange start = start_range_mg_per_day(dose, w);
        lowest = start.min_mg;
        highest = start.max_mg;
        range = start_words(describe_start(dose, w), w, per_administration);
        what = "The labelled start, " + range + ",";
    } else if (g.dose_mg) {
        lowest = highest = *g.dose_mg;
        what = "The labelled dose, " + mg(*g.dose_mg) + (dose.kind == DoseKind::PerKg ? " (" + mgkg(dose.mg_per_kg) + ")" : "") + ",";
    } else {
        return std::nullopt;
    }
    const Measure first = measure_dose(round_to(lowest, 1), p);
    if (!first.below_measurable) return std::nullopt;
    const double smallest = *p.min_measurable_mg;
    const std::string smallest_words =
        mg(smallest) + " (" + format_number(ml_for_mg(smallest, p.mg_per_ml), 6) + " mL), which is " + mgkg(smallest / w) + per;
    std::string message;
    if (smallest <= highest * (1 + kRelativeTolerance)) {
        message = "The lowest start dose, " + mg(round_to(lowest, 1)) + " (" + format_number(*first.ml, 6) +
                  " mL), cannot be measured with the " + p.description + "; the start is " + range +
                  ". The smallest measurable dose is " + smallest_words + ", within the start range.";
    } else {
        message = what + " cannot be measured with the " + p.description + " at " + format_number(w) +
                  " kg. The smallest measurable dose is " + smallest_words + ": above the " +
                  (escalating ? "start range" : "labelled dose");
        if (escalating) {
            const double over = smallest / w - g.start_mg_per_kg_per_day->max;
            const double step = g.step_mg_per_kg > 0 ? g.step_mg_per_kg : largest_step_mg_per_kg(dose);
            message += " by " + mgkg(over) + per;
            if (step > 0) message += " (" + format_number(over / step, 1) + " escalation steps of " + mgkg(step) + ")";
            if (const auto ceiling = ceiling_mg_per_day(dose, w))
                message += smallest > *ceiling * (1 + kRelativeTolerance)
                               ? ", and above the ceiling, so no dose within the ceiling can be measured"
                               : ", though within the ceiling";
        } else if (dose.increase_to_mg_per_kg && smallest / w > *dose.increase_to_mg_per_kg * (1 + kRelativeTolerance)) {
            message += ", and above the permitted increase to " + mgkg(*dose.increase_to_mg_per_kg);
        }
        message += ". Do not give the smallest measurable dose as a start without advice: ask a specialist or the "
                   "pharmacy how to give a dose this small.";
    }
    return Finding{"BELOW_MEASURABLE", Severity::Caution, message, p.measurable_source.value_or(p.source)};
}

// The labelled dose (or the lowest start) drawn from a presentation with no known measurable
// minimum, below the smallest dose its labels draw from it. Only without an order: with one, the
// order's own volume is what is checked (one finding, not two for the same draw).
std::optional<Finding> start_volume_unconfirmed(const ScopeContext& x) {
    if (x.request.prescribed || !x.response.regimen) return std::nullopt;
    const RegimenResult& g = *x.response.regimen;
    if (g.dose_mg) return volume_unconfirmed("The labelled dose, " + format_number(*g.dose_mg, 1) + " mg", *g.dose_mg, x.presentation);
    if (x.band.dose.kind != DoseKind::Escalating) return std::nullopt;
    const double lowest = round_to(start_range_mg_per_day(x.band.dose, x.weight_kg).min_mg, 1);
    return volume_unconfirmed("The lowest start dose, " + format_number(lowest, 1) + " mg", lowest, x.presentation);
}

}  // namespace

void add_unverified_finding(const ScopeContext& x, Response& r) {
    const PrescribedInput* order = x.request.prescribed ? &*x.request.prescribed : nullptr;
    std::set<std::string> seen;
    std::string rests_on, others;  // the rules the order (or the dose shown) rests on; the rest
    Source source;
    for (const auto& rule : rules_used(x)) {
        const Source& s = *rule.source;
        if (!s.unverified || !seen.insert(s.section + "|" + s.note).second) continue;
        std::string& list = order_rests_on(rule.role, order) ? rests_on : others;
        list += (list.empty() ? "" : "; ") + s.section + (s.note.empty() ? "" : " (" + s.note + ")");
        for (const auto& ref : s.refs)
            if (std::find(source.refs.begin(), source.refs.end(), ref) == source.refs.end()) source.refs.push_back(ref);
        source.section += (source.section.empty() ? "" : "; ") + s.section;
    }
    if (rests_on.empty() && others.empty()) return;
    source.unverified = true;
    const bool bears = !rests_on.empty();
    std::string message = "Not verified against the primary label: " + (bears ? rests_on : others) + ". Check the current label.";
    if (bears && !others.empty())
        message += " Also not verified, and not affecting " + std::string(order ? "this order" : "the dose shown") + ": " + others + ".";
    Finding f{"UNVERIFIED_RULE", bears ? Severity::Caution : Severity::Info, message, source};
    (r.check && bears ? r.check->findings : r.findings).push_back(std::move(f));
}

std::vector<Finding> scope_findings(const ScopeContext& x) {
    const Use& use = x.use;
    const Regimen& regimen = x.regimen;
    const Band& band = x.band;
    const RenalResult& renal = x.response.renal;
    std::vector<Finding> out;
    if (x.region_fallback)
        out.push_back({"REGION_FALLBACK", Severity::Caution,
                       "The data hold no EU label for " + x.drug.name_in(Region::Eu) + ": the US label is shown.", use.source});
    if (use.status == UseStatus::OffLabel)
        out.push_back({"OFF_LABEL", Severity::Caution, "Off-label use: " + use.name + ". Not a labelled indication in this region.",
                       use.source});
    if (use.scope_caution) out.push_back({"LABEL_SCOPE", Severity::Caution, use.scope_caution->message, use.scope_caution->source});
    if (use.status == UseStatus::EmergencyUse)
        out.push_back({"EMERGENCY_USE", Severity::Info,
                       "Emergency Use Authorization, not a full approval: " + use.name + ".", use.source});
    if (use.age_min_months) {
        if (!x.age_months)
            out.push_back({"AGE_UNKNOWN", Severity::Info,
                           "Age not given: the labelled age limit (from " + age_words(*use.age_min_months) +
                               ") could not be checked.",
                           use.source});
        else if (*x.age_months < *use.age_min_months)
            out.push_back({"AGE_BELOW_LABEL", Severity::Caution,
                           "Below the labelled age: this use is labelled from " + age_words(*use.age_min_months) + ".",
                           use.source});
    }
    bool age_sets_band = false;
    for (const auto& b : regimen.bands) age_sets_band = age_sets_band || !b.age_months.is_any();
    if (age_sets_band && !x.age_months)
        out.push_back({"AGE_UNKNOWN", Severity::Caution,
                       "Age not given: the dose depends on age for this use (" + describe_band(regimen.bands.front()) +
                           "), so the band for older patients is shown. Enter the age.",
                       band.source});
    if (use.weight_min_kg && x.weight_kg < *use.weight_min_kg)
        out.push_back({"WEIGHT_BELOW_LABEL", Severity::Caution,
                       "Below the labelled weight: this use is labelled from " + format_number(*use.weight_min_kg) + " kg.",
                       use.source});
    if (renal.method == RenalMethod::Unknown && regimen.renal)
        out.push_back({"RENAL_UNKNOWN", Severity::Info,
                       "Renal function not given: the every-other-day rule for CrCl below " +
                           format_number(regimen.renal->crcl_below_ml_min) + " mL/min was not checked.",
                       regimen.renal->source});
    if (renal.adjusted) {
        std::string message = renal.reason + " Interval: every " + format_number(*renal.interval_hours) + " h.";
        if (renal.method == RenalMethod::Esrd && regimen.renal && !regimen.renal->esrd_note.empty())
            message += " " + regimen.renal->esrd_note;
        out.push_back({"RENAL_INTERVAL", Severity::Info, message, renal.source});
    }
    if (band.dose.kind == DoseKind::Escalating && !band.dose.ceiling_mg_per_kg_per_day && !band.dose.max_mg_per_day)
        out.push_back({"NO_LADDER", Severity::Info, "No escalation ladder: the data hold no verified ceiling for this use.",
                       band.source});
    if (regimen.course && regimen.course->days)
        out.push_back({"COURSE", Severity::Info, "Course length: " + format_number(*regimen.course->days) + " days.",
                       regimen.course->source});
    if (use.regimens.size() > 1 && !x.request.route) {
        std::string others;
        for (size_t i = 1; i < use.regimens.size(); ++i) others += (others.empty() ? "" : ", ") + name_of(use.regimens[i].route);
        out.push_back({"OTHER_ROUTES", Severity::Info,
                       "Shown: the " + name_of(regimen.route) + " regimen. Also labelled: " + others + " (see the comparison).",
                       use.source});
    }
    if (regimen.renal && renal_decision_sensitive(renal, *regimen.renal)) {
        std::string estimates;
        for (const auto& e : renal.estimates)
            estimates += (estimates.empty() ? "" : ", ") + name_of(e.weight_kind) + " weight " + format_number(e.weight_kg) +
                         " kg: " + format_number(e.crcl_ml_min, 1) + " mL/min";
        out.push_back({"RENAL_DECISION_SENSITIVE", Severity::Caution,
                       "The every-other-day decision depends on the body weight used in Cockcroft-Gault (" + estimates +
                           "; the threshold is " + format_number(regimen.renal->crcl_below_ml_min) + " mL/min). Used: " +
                           name_of(*renal.weight_used) + " weight. Consider a measured creatinine clearance.",
                       x.db.renal_methods.weight_source});
    }
    if (auto check = check_weight_for_age(x.db.weight_for_age, x.request.patient, x.weight_kg, x.age_months); check.confirmed)
        out.push_back(std::move(*check.confirmed));
    if (auto f = start_measurability(x)) out.push_back(std::move(*f));
    if (auto f = start_volume_unconfirmed(x)) out.push_back(std::move(*f));
    return out;
}

}  // namespace core
