#include "evaluate.hpp"

#include "comparators.hpp"
#include "dose_check.hpp"
#include "exposure.hpp"
#include "ladder.hpp"
#include "measure.hpp"
#include "numbers.hpp"
#include "plausibility.hpp"
#include "regimen.hpp"
#include "renal.hpp"
#include "response_json.hpp"
#include "safety.hpp"
#include "units.hpp"
#include "words.hpp"

#include <algorithm>
#include <set>

namespace core {

Verdict worst_verdict(const std::vector<Finding>& findings) {
    Verdict worst = Verdict::Ok;
    for (const auto& f : findings) worst = std::max(worst, verdict_of(f.severity));
    return worst;
}

namespace {

Response error_response(const DrugDb& db, std::vector<FieldError> errors) {
    Response r;
    r.ok = false;
    r.data_version = db.data_version;
    r.errors = std::move(errors);
    return r;
}

std::string list_indications(const Drug& drug, Region region) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& use : drug.uses)
        if ((use.region == region || use.region == Region::Any) && use.status != UseStatus::NotIndicated &&
            seen.insert(use.indication).second)
            out += (out.empty() ? "" : ", ") + use.indication;
    return out;
}

bool indication_known(const DrugDb& db, const std::string& id) {
    for (const auto& d : db.drugs)
        for (const auto& u : d.uses)
            if (u.indication == id) return true;
    return false;
}

// A rule the answer rests on, for UNVERIFIED_RULE: which part of the regimen it is decides
// whether an order depends on it.
enum class RuleRole { Use, Band, Split, Renal, Course };
struct UsedRule {
    const Source* source;
    RuleRole role;
};

// Findings about the label scope that bear on any order for this patient: with an order they
// move into the check (each finding appears in one list only).
bool bears_on_order(const std::string& code) {
    static const std::set<std::string> codes = {"AGE_BELOW_LABEL", "WEIGHT_BELOW_LABEL", "OFF_LABEL", "REGION_FALLBACK",
                                                "RENAL_DECISION_SENSITIVE", "WEIGHT_FOR_AGE"};
    return codes.count(code) > 0;
}

// Label scope, renal state and how the dose can be measured: what the clinician must know
// about this use before any order is judged.
std::vector<Finding> scope_findings(const Use& use, const Regimen& regimen, const Band& band, const RenalResult& renal,
                                    double weight_kg, std::optional<double> age_months) {
    std::vector<Finding> out;
    if (use.status == UseStatus::OffLabel)
        out.push_back({"OFF_LABEL", Severity::Caution, "Off-label use: " + use.name + ". Not a labelled indication in this region.",
                       use.source});
    if (use.status == UseStatus::EmergencyUse)
        out.push_back({"EMERGENCY_USE", Severity::Info, "Emergency Use Authorization, not a full approval: " + use.name + ".",
                       use.source});
    if (use.age_min_months) {
        if (!age_months)
            out.push_back({"AGE_UNKNOWN", Severity::Info,
                           "Age not given: the labelled age limit (from " + age_words(*use.age_min_months) +
                               ") could not be checked.",
                           use.source});
        else if (*age_months < *use.age_min_months)
            out.push_back({"AGE_BELOW_LABEL", Severity::Caution,
                           "Below the labelled age: this use is labelled from " + age_words(*use.age_min_months) + ".",
                           use.source});
    }
    bool age_sets_band = false;
    for (const auto& b : regimen.bands) age_sets_band = age_sets_band || !b.age_months.is_any();
    if (age_sets_band && !age_months)
        out.push_back({"AGE_UNKNOWN", Severity::Caution,
                       "Age not given: the dose depends on age for this use (" + describe_band(regimen.bands.front()) +
                           "), so the band for older patients is shown. Enter the age.",
                       band.source});
    if (use.weight_min_kg && weight_kg < *use.weight_min_kg)
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
    return out;
}

// The unverified rules this answer rests on, each once. With an order, those the order depends
// on go into the check (caution); the rest stay with the patient's findings.
void unverified_findings(const std::vector<UsedRule>& used, const PrescribedInput* order, std::vector<Finding>& patient,
                         std::vector<Finding>* check) {
    std::set<std::string> seen;
    for (const auto& rule : used) {
        const Source& s = *rule.source;
        if (!s.unverified || !seen.insert(s.section + "|" + s.note).second) continue;
        bool bears = rule.role != RuleRole::Split;
        if (order != nullptr && rule.role == RuleRole::Split) bears = order->interval_hours() > 0 && order->interval_hours() < 24;
        if (order != nullptr && rule.role == RuleRole::Course) bears = order->interval_hours() > 0;
        Finding f{"UNVERIFIED_RULE", bears ? Severity::Caution : Severity::Info,
                  "Not verified against the primary label: " + s.section + (s.note.empty() ? "" : " (" + s.note + ")") +
                      ". Check the current label.",
                  s};
        if (check != nullptr && bears) check->push_back(std::move(f));
        else patient.push_back(std::move(f));
    }
}

std::vector<ExposureSeries> exposure_series(const DrugDb& db, const Response& r, const ExposureInput& in) {
    std::vector<ExposureSeries> out;
    for (const auto& c : r.comparators) {
        if (!c.dose_mg || (!c.indicated && !c.primary)) continue;
        const Drug* drug = db.find(c.drug);
        ExposureRegimen reg;
        reg.route = *c.route;
        reg.dose_mg = *c.dose_mg;
        reg.interval_hours = c.interval_days ? *c.interval_days * 24 : 0;
        if (c.course && c.course->administrations) reg.max_doses = *c.course->administrations;
        std::string regimen_words = c.basis;
        if (c.primary && r.check && c.route == r.regimen->route) {
            reg.dose_mg = r.check->dose_mg;
            reg.interval_hours = r.check->interval_hours;
            if (r.check->total_doses) reg.max_doses = *r.check->total_doses;
            regimen_words = "prescribed: " + format_number(r.check->dose_mg, 1) + " mg " +
                            (reg.interval_hours > 0 ? "every " + format_number(reg.interval_hours, 2) + " h" : "once") +
                            (r.check->total_doses && reg.interval_hours > 0
                                 ? ", " + std::to_string(*r.check->total_doses) + " doses"
                                 : std::string());
        }
        reg.relative_clearance = relative_clearance(drug->pk, r.renal);  // 1 where the data has no renal bands
        ExposureSeries s = simulate_exposure(drug->pk, reg, in.days, in.points_per_day);
        s.drug = c.drug;
        s.regimen = regimen_words;
        if (reg.max_doses > 0 && reg.interval_hours > 0)
            s.note = "A course of " + std::to_string(reg.max_doses) + " dose" + (reg.max_doses == 1 ? "" : "s") + ".";
        if (reg.relative_clearance < 1)
            s.note += std::string(s.note.empty() ? "" : " ") + "Clearance " + format_number(reg.relative_clearance * 100, 0) +
                      "% of normal for this renal function.";
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

Response evaluate(const Request& req, const DrugDb& db) {
    const Drug* drug = db.find(req.drug);
    if (drug == nullptr) {
        std::string names;
        for (const auto& d : db.drugs) names += (names.empty() ? "" : ", ") + d.id;
        return error_response(db, {{"drug", "Unknown drug \"" + req.drug + "\": use one of " + names + "."}});
    }
    const PatientInput& p = req.patient;
    std::optional<double> age_months;
    if (p.age_value) age_months = p.age_unit == AgeUnit::Months ? *p.age_value : *p.age_value * kMonthsPerYear;
    std::optional<double> age_years;
    if (age_months) age_years = *age_months / kMonthsPerYear;

    bool age_decides = false;
    const Use* use = find_use(*drug, req.indication, req.region, age_months, &age_decides);
    const std::string region_name = req.region == Region::Eu ? "EU" : "US";
    bool us_fallback = false;
    if (use == nullptr && req.region == Region::Eu &&
        (use = find_use(*drug, req.indication, Region::Us, age_months, &age_decides)) != nullptr)
        us_fallback = true;
    const std::string& drug_name = drug->name_in(req.region);
    if (use == nullptr) {
        const std::string available = list_indications(*drug, req.region);
        if (indication_known(db, req.indication))
            return error_response(db, {{"indication", drug_name + " has no " + region_name + " dosing data for \"" +
                                                           req.indication + "\". Available: " + available + "."}});
        return error_response(db, {{"indication", "Unknown indication \"" + req.indication + "\". Use one of: " + available + "."}});
    }
    if (use->status == UseStatus::NotIndicated)
        return error_response(db, {{"indication", "Not indicated: " + use->name + ". No dose can be given."}});

    const double weight_kg = round_to(p.weight_unit == WeightUnit::Lb ? lb_to_kg(p.weight_value) : p.weight_value, 2);
    RenalAssessment renal = assess_renal(p.renal, weight_kg, age_years, p.sex, p.height_cm, db.renal_methods);
    if (!renal.errors.empty()) return error_response(db, renal.errors);

    // The regimen by route: where a use has several (tocilizumab IV and SC), an order must say which.
    const Regimen* chosen = &use->regimens.front();
    if (req.route) {
        chosen = nullptr;
        std::string routes;
        for (const auto& reg : use->regimens) {
            routes += (routes.empty() ? "" : ", ") + name_of(reg.route);
            if (reg.route == *req.route) chosen = &reg;
        }
        if (chosen == nullptr)
            return error_response(db, {{"route", drug_name + " has no " + name_of(*req.route) + " regimen for " + use->name +
                                                     " (labelled: " + routes + ")."}});
    } else if (use->regimens.size() > 1 && req.prescribed) {
        std::string routes;
        for (const auto& reg : use->regimens) routes += (routes.empty() ? "" : " and ") + name_of(reg.route);
        return error_response(db, {{"route", drug_name + " has " + routes + " regimens for " + use->name +
                                                 ": give the route of the prescribed dose."}});
    }
    const Regimen& regimen = *chosen;
    const Band* band = select_band(regimen, weight_kg, age_months);
    if (band == nullptr) {
        return error_response(db, {{"patient.weight", "No labelled dose for " + format_number(weight_kg) + " kg with " +
                                                          use->name + " (label bands: " + describe_bands(regimen) + ")."}});
    }
    const Presentation& presentation = *drug->presentation_for(regimen.route);  // the loader guarantees one
    const Dose& dose = band->dose;
    const bool has_ladder = dose.kind == DoseKind::Escalating && (dose.ceiling_mg_per_kg_per_day || dose.max_mg_per_day);
    double step = 0;
    if (has_ladder) {
        const auto& steps = dose.steps_mg_per_kg;
        if (std::find(steps.begin(), steps.end(), req.escalation_step_mg_per_kg) == steps.end()) {
            std::string allowed;
            for (double s : steps) allowed += (allowed.empty() ? "" : " or ") + format_number(s);
            return error_response(db, {{"escalation_step_mg_per_kg", "Escalation step must be " + allowed +
                                                                         " mg/kg for this indication (entered " +
                                                                         format_number(req.escalation_step_mg_per_kg, 3) + ")."}});
        }
        step = req.escalation_step_mg_per_kg;
    }
    const RenalResult renal_before_rule = renal.result;  // each comparator applies its own rule
    if (regimen.renal) apply_renal_rule(renal.result, *regimen.renal);

    Response r;
    r.ok = true;
    r.data_version = db.data_version;
    r.drug = drug->id;
    r.drug_name = drug_name;
    r.region = req.region;
    r.indication = {use->indication, use->name, use->conditions, use->status, use->region, use->source};
    r.patient.weight_kg = weight_kg;
    if (age_years) r.patient.age_years = round_to(*age_years, 2);
    r.patient.sex = p.sex;
    r.patient.height_cm = p.height_cm;
    r.renal = renal.result;
    r.presentation = {presentation.route, presentation.kind, presentation.description,
                      presentation.mg_per_ml, presentation.min_measurable_mg, std::nullopt, presentation.source};
    if (presentation.min_measurable_mg)
        r.presentation.min_measurable_ml = ml_for_mg(*presentation.min_measurable_mg, presentation.mg_per_ml);
    r.regimen = describe_regimen(regimen, *band, weight_kg, r.renal, step);
    if (has_ladder)
        r.ladder = build_ladder(dose, weight_kg, step, r.regimen->split_allowed, r.regimen->interval_hours.value_or(24),
                                presentation);

    // Findings about the patient and the use.
    std::vector<Finding> scope;
    if (us_fallback)
        scope.push_back({"REGION_FALLBACK", Severity::Caution,
                         "The data hold no EU label for " + drug->name_in(Region::Eu) + ": the US label is shown.", use->source});
    for (auto& f : scope_findings(*use, regimen, *band, r.renal, weight_kg, age_months)) scope.push_back(std::move(f));
    if (age_decides)
        scope.push_back({"AGE_UNKNOWN", Severity::Caution,
                         "Age not given: whether " + drug_name + " is labelled here depends on it. Shown: " + use->name +
                             ". Enter the age.",
                         use->source});
    if (use->regimens.size() > 1 && !req.route) {
        std::string others;
        for (size_t i = 1; i < use->regimens.size(); ++i) others += (others.empty() ? "" : ", ") + name_of(use->regimens[i].route);
        scope.push_back({"OTHER_ROUTES", Severity::Info,
                         "Shown: the " + name_of(regimen.route) + " regimen. Also labelled: " + others + " (see the comparison).",
                         use->source});
    }
    if (regimen.renal && renal_decision_sensitive(r.renal, *regimen.renal)) {
        std::string estimates;
        for (const auto& e : r.renal.estimates)
            estimates += (estimates.empty() ? "" : ", ") + name_of(e.weight_kind) + " weight " + format_number(e.weight_kg) + " kg: " +
                         format_number(e.crcl_ml_min, 1) + " mL/min";
        scope.push_back({"RENAL_DECISION_SENSITIVE", Severity::Caution,
                         "The every-other-day decision depends on the body weight used in Cockcroft-Gault (" + estimates +
                             "; the threshold is " + format_number(regimen.renal->crcl_below_ml_min) + " mL/min). Used: " +
                             name_of(*r.renal.weight_used) + " weight. Consider a measured creatinine clearance.",
                         db.renal_methods.weight_source});
    }
    if (auto f = weight_for_age_finding(db.weight_for_age, p, weight_kg, age_months)) scope.push_back(std::move(*f));
    if (!r.ladder.empty() && r.ladder.front().dose.below_measurable) {
        const Measure& first = r.ladder.front().dose;
        const double min_mg = *presentation.min_measurable_mg;
        scope.push_back({"BELOW_MEASURABLE", Severity::Caution,
                         "The usual start (" + format_number(first.mg, 1) + " mg, " + format_number(*first.ml, 6) +
                             " mL) is below what one " + presentation.description + " can measure (" + format_number(min_mg) +
                             " mg). " +
                             (first.nearest_measurable_mg
                                  ? "The nearest measurable dose is " + format_number(*first.nearest_measurable_mg, 1) +
                                        " mg (" + format_number(*first.nearest_measurable_mg / weight_kg, 2) +
                                        " mg/kg per dose), within the ceiling; see the ladder."
                                  : "No dose within the ceiling can be measured with this syringe."),
                         presentation.measurable_source.value_or(presentation.source)});
    }
    std::vector<UsedRule> used = {{&use->source, RuleRole::Use}, {&band->source, RuleRole::Band}};
    if (regimen.split) used.push_back({&regimen.split->source, RuleRole::Split});
    if (r.renal.adjusted) used.push_back({&r.renal.source, RuleRole::Renal});
    if (regimen.course) used.push_back({&regimen.course->source, RuleRole::Course});
    // A per-administration cap counts only where it limits this patient's dose.
    if (regimen.cap_source && dose.kind == DoseKind::PerKg &&
        weight_kg * dose.increase_to_mg_per_kg.value_or(dose.mg_per_kg) > *regimen.max_mg_per_administration)
        used.push_back({&*regimen.cap_source, RuleRole::Band});

    if (req.prescribed) {
        const CheckContext context{regimen, *r.regimen, dose, r.renal, weight_kg, *drug, *use, presentation, r.ladder};
        r.check = check_dose(*req.prescribed, context);
        for (auto& f : scope) (bears_on_order(f.code) || (f.code == "AGE_UNKNOWN" && f.severity == Severity::Caution)
                                   ? r.check->findings
                                   : r.findings).push_back(std::move(f));
        unverified_findings(used, &*req.prescribed, r.findings, &r.check->findings);
        r.check->status = order_verdict(r.check->findings);
    } else {
        r.findings = std::move(scope);
        unverified_findings(used, nullptr, r.findings, nullptr);
    }
    for (auto& f : safety_findings(*drug, req.safety, req.region, req.indication)) r.findings.push_back(std::move(f));
    r.findings_status = worst_verdict(r.findings);
    // One verdict for the patient: the worst finding anywhere, and the first finding at that level.
    std::vector<const Finding*> all;
    for (const auto& f : r.findings) all.push_back(&f);
    if (r.check)
        for (const auto& f : r.check->findings) all.push_back(&f);
    r.verdict = Verdict::Ok;
    for (const Finding* f : all) r.verdict = std::max(r.verdict, verdict_of(f->severity));
    for (const Finding* f : all)
        if (r.verdict != Verdict::Ok && verdict_of(f->severity) == r.verdict) {
            r.verdict_reason = f->message;
            break;
        }
    r.monitoring = monitoring_schedule(*drug, req.safety, req.region, req.indication);
    r.comparators = compare_drugs(db, req, {weight_kg, age_months, renal_before_rule});
    if (req.exposure) r.exposure = exposure_series(db, r, *req.exposure);
    return r;
}

Response evaluate_text(std::string_view request_json, const DrugDb& db) {
    ParsedRequest parsed = parse_request(request_json, db.renal_methods.umol_l_per_mg_dl);
    return parsed.request ? evaluate(*parsed.request, db) : error_response(db, std::move(parsed.errors));
}

JsonResult evaluate_json(std::string_view request_json, const DrugDb& db) {
    const Response response = evaluate_text(request_json, db);
    return {response_to_json(response, db), response.ok ? 0 : 2};
}

}  // namespace core
