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
#include "scope.hpp"
#include "steps.hpp"
#include "units.hpp"
#include "verdict.hpp"

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
    // A label that covers this indication only for some ages: an unknown age leaves the labelled
    // status unknown, so no dose is shown until it is entered.
    if (age_decides) return error_response(db, {{"patient.age", age_needed_message(*drug, req.indication, use->region)}});
    if (use->dose_not_in_data)
        return error_response(db, {{"indication", drug_name + ", " + use->name + ": " + use->dose_not_in_data->message}});

    const double weight_kg = round_to(p.weight_unit == WeightUnit::Lb ? lb_to_kg(p.weight_value) : p.weight_value, 2);
    // A weight implausible for the age never yields a dose unless the request confirms it.
    if (auto check = check_weight_for_age(db.weight_for_age, p, weight_kg, age_months); check.error)
        return error_response(db, {*check.error});
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

    if (req.prescribed) {
        const CheckContext context{regimen, *r.regimen, dose, r.renal, weight_kg, *drug, *use, presentation, r.ladder};
        r.check = check_dose(*req.prescribed, context);
    }
    const ScopeContext scope{db, *drug, *use, regimen, *band, presentation, req, r, weight_kg, age_months, us_fallback};
    place_scope_findings(scope_findings(scope), db.findings, r);
    add_unverified_finding(scope, r);
    for (auto& f : safety_findings(*drug, req.safety, req.region, req.indication)) r.findings.push_back(std::move(f));
    merge_by_code(r.findings, r.check ? &r.check->findings : nullptr);
    set_verdicts(r);
    r.monitoring = monitoring_schedule(*drug, req.safety, req.region, req.indication);
    r.comparators = compare_drugs(db, req, {weight_kg, age_months, renal_before_rule});
    if (req.exposure) r.exposure = comparison_exposure(db, r, *req.exposure);
    Explained explained = explain(r, req, db);
    r.steps = std::move(explained.steps);
    r.step_words = std::move(explained.words);
    r.step_sources = std::move(explained.sources);
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

JsonResult refuse_oversized_request(std::size_t bytes, std::size_t limit_bytes, const DrugDb& db) {
    const std::string limit = std::to_string(limit_bytes) + " bytes (" + std::to_string(limit_bytes / 1024) + " KB)";
    const std::string message = bytes > 0 ? "The request is " + std::to_string(bytes) + " bytes; at most " + limit +
                                                " are read. Nothing was computed."
                                          : "The request is larger than " + limit + ", the most that is read. Nothing was computed.";
    return {response_to_json(error_response(db, {{"request", message}}), db), 2};
}

}  // namespace core
