#include "evaluate.hpp"

#include "comparators.hpp"
#include "dose_check.hpp"
#include "exposure.hpp"
#include "ladder.hpp"
#include "numbers.hpp"
#include "regimen.hpp"
#include "renal.hpp"
#include "response_json.hpp"
#include "safety.hpp"
#include "units.hpp"
#include "words.hpp"

#include <algorithm>
#include <set>

namespace core {

namespace {

Response error_response(const DrugDb& db, std::vector<FieldError> errors) {
    Response r;
    r.ok = false;
    r.data_version = db.data_version;
    r.errors = std::move(errors);
    return r;
}

std::string list_indications(const Drug& drug, const std::string& region) {
    std::string out;
    for (const auto& use : drug.uses)
        if ((use.region == region || use.region == "any") && use.status != UseStatus::NotIndicated)
            out += (out.empty() ? "" : ", ") + use.indication;
    return out;
}

bool indication_known(const DrugDb& db, const std::string& id) {
    for (const auto& d : db.drugs)
        for (const auto& u : d.uses)
            if (u.indication == id) return true;
    return false;
}

// Label scope, renal state and rules that are not verified: what the clinician must know
// about this use before any order is judged.
std::vector<Finding> scope_findings(const Use& use, const Regimen& regimen, const Band& band, const RenalResult& renal,
                                    double weight_kg, std::optional<double> age_months) {
    std::vector<Finding> out;
    if (use.status == UseStatus::OffLabel)
        out.push_back({"OFF_LABEL", "caution", "Off-label use: " + use.name + ". Not a labelled indication in this region.", use.source});
    if (use.status == UseStatus::EmergencyUse)
        out.push_back({"EMERGENCY_USE", "info", "Emergency Use Authorization, not a full approval: " + use.name + ".", use.source});
    if (use.age_min_months) {
        if (!age_months)
            out.push_back({"AGE_UNKNOWN", "info", "Age not given: the labelled age limit (from " + age_words(*use.age_min_months) +
                                                      ") could not be checked.", use.source});
        else if (*age_months < *use.age_min_months)
            out.push_back({"AGE_BELOW_LABEL", "caution", "Below the labelled age: this use is labelled from " +
                                                             age_words(*use.age_min_months) + ".", use.source});
    }
    bool age_sets_band = false;
    for (const auto& b : regimen.bands) age_sets_band = age_sets_band || !b.age_months.is_any();
    if (age_sets_band && !age_months)
        out.push_back({"AGE_UNKNOWN", "caution", "Age not given: the dose depends on age for this use (" + describe_band(regimen.bands.front()) +
                                                     "), so the band for older patients is shown.", band.source});
    if (use.weight_min_kg && weight_kg < *use.weight_min_kg)
        out.push_back({"WEIGHT_BELOW_LABEL", "caution", "Below the labelled weight: this use is labelled from " +
                                                            format_number(*use.weight_min_kg) + " kg.", use.source});
    if (renal.method == "unknown" && regimen.renal)
        out.push_back({"RENAL_UNKNOWN", "info", "Renal function not given: the every-other-day rule for CrCl below " +
                                                    format_number(regimen.renal->crcl_below_ml_min) + " mL/min was not checked.",
                       regimen.renal->source});
    if (renal.adjusted)
        out.push_back({"RENAL_INTERVAL", "info", renal.reason + " Interval: every " + format_number(*renal.interval_hours) + " h.",
                       renal.source});
    if (band.dose.kind == DoseKind::Escalating && !band.dose.ceiling_mg_per_kg_per_day && !band.dose.max_mg_per_day)
        out.push_back({"NO_LADDER", "info", "No escalation ladder: the data hold no verified ceiling for this use.", band.source});
    if (regimen.course_days)
        out.push_back({"COURSE", "info", "Course length: " + format_number(*regimen.course_days) + " days.", band.source});
    // Each rule this answer rests on that FACTS.md could not verify, once.
    std::vector<const Source*> used = {&use.source, &band.source};
    if (regimen.split) used.push_back(&regimen.split->source);
    if (renal.adjusted) used.push_back(&renal.source);
    std::set<std::string> seen;
    for (const Source* s : used) {
        if (!s->unverified || !seen.insert(s->section + s->note).second) continue;
        out.push_back({"UNVERIFIED_RULE", "caution",
                       "Not verified against the primary label: " + s->section + (s->note.empty() ? "" : " (" + s->note + ")") +
                           ". Check the current label.",
                       *s});
    }
    return out;
}

std::vector<ExposureSeries> exposure_series(const DrugDb& db, const Response& r, const ExposureInput& in) {
    std::vector<ExposureSeries> out;
    for (const auto& c : r.comparators) {
        if (!c.dose_mg || (!c.indicated && !c.primary)) continue;
        const Drug* drug = db.find(c.drug);
        ExposureRegimen reg;
        reg.route = c.route;
        reg.dose_mg = *c.dose_mg;
        reg.interval_hours = c.interval_days ? *c.interval_days * 24 : 0;
        std::string regimen_words = c.basis;
        if (c.primary && r.check) {
            reg.dose_mg = r.check->dose_mg;
            reg.interval_hours = r.check->interval_hours;
            regimen_words = "prescribed: " + format_number(r.check->dose_mg, 1) + " mg every " +
                            format_number(r.check->interval_hours, 2) + " h";
        }
        reg.relative_clearance = relative_clearance(drug->pk, r.renal);  // 1 where the data has no renal bands
        ExposureSeries s = simulate_exposure(drug->pk, reg, in.days, in.points_per_day);
        s.drug = c.drug;
        s.regimen = regimen_words;
        if (reg.relative_clearance < 1)
            s.note = "Clearance " + format_number(reg.relative_clearance * 100, 0) + "% of normal for this renal function.";
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
    const Use* use = find_use(*drug, req.indication, req.region);
    const std::string region_name = req.region == "eu" ? "EU" : "US";
    bool us_fallback = false;
    if (use == nullptr && req.region == "eu" && (use = find_use(*drug, req.indication, "us")) != nullptr) us_fallback = true;
    if (use == nullptr) {
        const std::string available = list_indications(*drug, req.region);
        if (indication_known(db, req.indication))
            return error_response(db, {{"indication", drug->name + " has no " + region_name + " dosing data for \"" +
                                                           req.indication + "\". Available: " + available + "."}});
        return error_response(db, {{"indication", "Unknown indication \"" + req.indication + "\". Use one of: " + available + "."}});
    }
    if (use->status == UseStatus::NotIndicated)
        return error_response(db, {{"indication", "Not indicated: " + use->name + ". No dose can be given."}});

    const PatientInput& p = req.patient;
    const double weight_kg = round_to(p.weight_unit == "lb" ? lb_to_kg(p.weight_value) : p.weight_value, 2);
    std::optional<double> age_months;
    if (p.age_value) age_months = p.age_unit == "months" ? *p.age_value : *p.age_value * kMonthsPerYear;
    std::optional<double> age_years;
    if (age_months) age_years = *age_months / kMonthsPerYear;

    RenalAssessment renal = assess_renal(p.renal, weight_kg, age_years, p.sex, p.height_cm, db.renal_methods);
    if (!renal.errors.empty()) return error_response(db, renal.errors);

    // The regimen by route: where a use has several (tocilizumab IV and SC), an order must say which.
    const Regimen* chosen = &use->regimens.front();
    if (req.route) {
        chosen = nullptr;
        std::string routes;
        for (const auto& reg : use->regimens) {
            routes += (routes.empty() ? "" : ", ") + reg.route;
            if (reg.route == *req.route) chosen = &reg;
        }
        if (chosen == nullptr)
            return error_response(db, {{"route", drug->name + " has no " + *req.route + " regimen for " + use->name +
                                                     " (labelled: " + routes + ")."}});
    } else if (use->regimens.size() > 1 && req.prescribed) {
        std::string routes;
        for (const auto& reg : use->regimens) routes += (routes.empty() ? "" : " and ") + reg.route;
        return error_response(db, {{"route", drug->name + " has " + routes + " regimens for " + use->name +
                                                 ": give the route of the prescribed dose."}});
    }
    const Regimen& regimen = *chosen;
    const Band* band = select_band(regimen, weight_kg, age_months);
    if (band == nullptr) {
        return error_response(db, {{"patient.weight", "No labelled dose for " + format_number(weight_kg) + " kg with " +
                                                          use->name + " (label bands: " + describe_bands(regimen) + ")."}});
    }
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
    r.drug_name = drug->name;
    r.region = req.region;
    r.indication = {use->indication, use->name, std::string(to_string(use->status)), use->region, use->conditions, use->source};
    r.patient.weight_kg = weight_kg;
    if (age_years) r.patient.age_years = round_to(*age_years, 2);
    r.patient.sex = p.sex == Sex::Female ? "female" : p.sex == Sex::Male ? "male" : "unknown";
    r.patient.height_cm = p.height_cm;
    r.renal = renal.result;
    r.product = drug->product.description;
    r.product_mg_per_ml = drug->product.mg_per_ml;
    r.regimen = describe_regimen(regimen, *band, weight_kg, r.renal, step);
    if (has_ladder) r.ladder = build_ladder(dose, weight_kg, step, r.regimen->split_allowed, drug->product);
    r.findings = scope_findings(*use, regimen, *band, r.renal, weight_kg, age_months);
    if (us_fallback)
        r.findings.insert(r.findings.begin(), {"REGION_FALLBACK", "caution",
                                               "The data hold no EU label for " + drug->name + ": the US label is shown.", use->source});
    if (use->regimens.size() > 1 && !req.route) {
        std::string others;
        for (size_t i = 1; i < use->regimens.size(); ++i) others += (others.empty() ? "" : ", ") + use->regimens[i].route;
        r.findings.push_back({"OTHER_ROUTES", "info", "Shown: the " + regimen.route + " regimen. Also labelled: " + others +
                                                          " (see the comparison).", use->source});
    }
    if (req.prescribed) {
        r.check = check_dose(*req.prescribed, *r.regimen, dose, r.renal, weight_kg, *drug, r.ladder);
        // The verdict also carries the label-scope findings (age, weight, off-label, unverified).
        for (const auto& f : r.findings)
            if (f.code == "AGE_BELOW_LABEL" || f.code == "WEIGHT_BELOW_LABEL" || f.code == "OFF_LABEL" ||
                f.code == "UNVERIFIED_RULE" || f.code == "REGION_FALLBACK" || (f.code == "AGE_UNKNOWN" && f.severity == "caution"))
                r.check->findings.push_back(f);
        r.check->status = verdict(r.check->findings);
    }
    for (auto& f : safety_findings(*drug, req.safety, req.region, req.indication)) r.findings.push_back(std::move(f));
    int worst = 0;
    for (const auto& f : r.findings) worst = std::max(worst, severity_rank(f.severity));
    r.findings_status = worst >= 3 ? "contraindicated" : worst >= 1 ? "caution" : "ok";
    r.monitoring = monitoring_schedule(*drug, req.safety);
    r.comparators = compare_drugs(db, req, {weight_kg, age_months, renal_before_rule});
    if (req.exposure) r.exposure = exposure_series(db, r, *req.exposure);
    return r;
}

Response evaluate_text(std::string_view request_json, const DrugDb& db) {
    ParsedRequest parsed = parse_request(request_json);
    return parsed.request ? evaluate(*parsed.request, db) : error_response(db, std::move(parsed.errors));
}

JsonResult evaluate_json(std::string_view request_json, const DrugDb& db) {
    const Response response = evaluate_text(request_json, db);
    return {response_to_json(response, db), response.ok ? 0 : 2};
}

JsonResult refuse_oversized_request(std::size_t bytes, std::size_t limit_bytes, const DrugDb& db) {
    const std::string limit = std::to_string(limit_bytes) + " bytes (" + std::to_string(limit_bytes / 1024) + " KB)";
    const std::string message = bytes > 0 ? "The request is " + std::to_string(bytes) + " bytes; at most " + limit +
                                                " are read. Nothing was computed."
                                          : "The request is larger than " + limit + ", the most that is read. Nothing was computed.";
    return {response_to_json(error_response(db, {{"request", message}}), db), 2};
}

}  // namespace core
