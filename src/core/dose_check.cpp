#include "dose_check.hpp"

#include "measure.hpp"
#include "numbers.hpp"
#include "regimen.hpp"
#include "words.hpp"

#include <algorithm>
#include <cmath>

namespace core {

Verdict order_verdict(const std::vector<Finding>& findings) {
    const Verdict worst = worst_verdict(findings);
    return worst == Verdict::Contraindicated ? Verdict::Exceeds : worst;
}

namespace {

// Doses are compared unrounded with a relative tolerance: it absorbs binary noise, never a real 0.1 mg.
bool above(double value, double limit) { return value > limit * (1 + kRelativeTolerance); }
bool below(double value, double limit) { return value < limit * (1 - kRelativeTolerance); }

std::string mg(double value) { return format_number(value, 1) + " mg"; }
std::string mgkg(double value) { return format_number(value, 2) + " mg/kg"; }
std::string ml(double value) { return format_number(value, 6) + " mL"; }

// How many administrations and days an order runs, from whichever of the two it gives.
void order_length(const PrescribedInput& order, double interval, CheckResult& c) {
    if (order.total_doses) {
        c.total_doses = *order.total_doses;
        const double first_day = interval > 0 ? std::min(interval, 24.0) : 24;
        c.days = round_to(((*order.total_doses - 1) * interval + first_day) / 24, 2);
    } else if (order.days) {
        c.days = *order.days;
        c.total_doses = interval > 0 ? std::max(1, whole_up(*order.days * 24 / interval)) : 1;
    }
}

// What the daily limits judge, and how the answer states it. Doses at most 24 h apart are
// added up per dosing day ("40 mg per dosing day = 2 mg/kg/day"); one dose less often than
// daily (every 48 h) is stated per administration, with its average ("100 mg per administration
// every 48 h = 4 mg/kg per administration, on average 2 mg/kg/day"), never as mg/kg/day.
struct OrderAmount {
    double mg = 0;                    // mg per dosing day (= per administration when less often than daily)
    bool per_administration = false;  // one dose, given less often than daily
    std::string words;                // the amount, with the interval when per administration
    std::string lead;                 // how a message about the order starts
};

OrderAmount order_amount(const PrescribedInput& order, double interval, int doses_in_a_day, double weight_kg) {
    OrderAmount a;
    a.mg = order.dose_mg * doses_in_a_day;
    a.per_administration = interval > 0 && above(interval, 24);
    const std::string order_words = mg(order.dose_mg) + " " + (interval > 0 ? interval_words(interval) : "once");
    if (a.per_administration) {
        a.words = order_words + " = " + mgkg(a.mg / weight_kg) + " per administration, on average " +
                  mgkg(order.dose_mg * 24 / interval / weight_kg) + "/day";
        a.lead = a.words;
    } else {
        a.words = mg(a.mg) + " per dosing day = " + mgkg(a.mg / weight_kg) + "/day";
        a.lead = order_words + " gives " + a.words;
    }
    return a;
}

// "160 mg/day (8 mg/kg/day)", or "200 mg (8 mg/kg) per administration"; with a mg cap, "200
// mg/day (2.85 mg/kg/day at 70 kg: 4 mg/kg/day, at most 200 mg/day)".
std::string ceiling_words(const Dose& dose, double ceiling_mg, double weight_kg, bool per_administration) {
    const std::string per_day = per_administration ? "" : "/day";
    std::string limit;
    if (dose.ceiling_mg_per_kg_per_day) limit = mgkg(*dose.ceiling_mg_per_kg_per_day) + per_day;
    if (dose.max_mg_per_day) limit += (limit.empty() ? "" : ", ") + std::string("at most ") + mg(*dose.max_mg_per_day) + per_day;
    const double shown_mg_per_kg = round_down_to(ceiling_mg / weight_kg, 2);
    const bool capped = !dose.ceiling_mg_per_kg_per_day || !nearly_equal(shown_mg_per_kg, *dose.ceiling_mg_per_kg_per_day);
    return mg(round_down_to(ceiling_mg, 1)) + per_day + (per_administration ? " per administration" : "") + " (" +
           (capped ? mgkg(shown_mg_per_kg) + per_day + " at " + format_number(weight_kg) + " kg: " + limit : limit) + ")";
}

// "0.5 to 1 mg/kg": the escalation steps the label allows.
std::string steps_words(const Dose& dose) {
    if (dose.steps_mg_per_kg.empty()) return "";
    const auto [lo, hi] = std::minmax_element(dose.steps_mg_per_kg.begin(), dose.steps_mg_per_kg.end());
    return (*lo == *hi ? format_number(*lo) : format_number(*lo) + " to " + format_number(*hi)) + " mg/kg";
}

// Above the labelled dose of a use whose escalation rule was not verified: a caution up to the
// backstop (the one limit a source gives), above it an exceeding dose.
void judge_unverified_increase(const Dose& dose, double day_mg, const std::string& amount, const std::string& labelled,
                               const Source& rule_source, std::vector<Finding>& findings, bool& above_limit) {
    if (dose.backstop && above(day_mg, dose.backstop->mg_per_day)) {
        above_limit = true;
        findings.push_back({"ABOVE_CEILING", Severity::Exceeds,
                            amount + " is above " + mg(dose.backstop->mg_per_day) +
                                "/day, the highest dose a source read gives for this use while its escalation rule is "
                                "unverified (" + dose.backstop->source.section + "). Lower the dose.",
                            dose.backstop->source});
        return;
    }
    findings.push_back({"ABOVE_START", Severity::Caution,
                        amount + " is above the labelled " + labelled +
                            "; the label's rule for higher doses was not verified: check the current label" +
                            (dose.backstop ? " (a source read gives at most " + mg(dose.backstop->mg_per_day) + "/day: " +
                                                 dose.backstop->source.section + ")"
                                           : std::string()) +
                            ".",
                        rule_source});
}

// The presentation cannot measure (or give) the order: the nearest dose it can, only within the
// limits (see nearest_offer_limit_mg); otherwise what the smallest measurable dose would be.
void judge_measurability(const PrescribedInput& order, const CheckContext& x, const CheckResult& c, int doses_in_a_day,
                         std::vector<Finding>& findings) {
    const Presentation& p = x.presentation;
    const double weight_kg = x.weight_kg;
    if (c.measure.not_whole_devices) {
        findings.push_back({"WHOLE_DEVICE_ONLY", Severity::Caution,
                            "The " + p.description + " is given whole: " + mg(order.dose_mg) + " cannot be given with it" +
                                (c.measure.nearest_measurable_mg ? " (nearest: " + mg(*c.measure.nearest_measurable_mg) + ")"
                                                                 : std::string()) +
                                ".",
                            p.source});
        return;
    }
    if (auto f = volume_unconfirmed("The order, " + mg(order.dose_mg), order.dose_mg, p)) findings.push_back(std::move(*f));
    if (!c.measure.below_measurable || !p.min_measurable_mg) return;
    const double min_mg = *p.min_measurable_mg;
    std::string message = mg(order.dose_mg) + " (" + ml(c.measure.ml.value_or(0)) + ") is below what one " + p.description +
                          " can measure (" + mg(min_mg) + ", " + ml(ml_for_mg(min_mg, p.mg_per_ml)) + ").";
    const bool escalating = x.dose.kind == DoseKind::Escalating;
    const bool start = escalating && !above(order.dose_mg * doses_in_a_day, start_range_mg_per_day(x.dose, weight_kg).max_mg);
    if (c.measure.nearest_measurable_mg) {
        const double n = *c.measure.nearest_measurable_mg;
        message += " The nearest measurable dose is " + mg(n) + " (" + mgkg(n / weight_kg) + " per dose), " +
                   (!escalating ? "within the labelled dose"
                    : start     ? "within the start range"
                                : "within the ceiling and one escalation step") +
                   "; decide whether to use it.";
    } else {
        const double smallest_day = min_mg * doses_in_a_day;
        std::string why;
        if (!escalating) why = "above the labelled dose for " + format_number(weight_kg) + " kg";
        else if (const auto ceiling = ceiling_mg_per_day(x.dose, weight_kg); ceiling && above(smallest_day, *ceiling))
            why = "above the ceiling for " + format_number(weight_kg) + " kg, so no dose within the ceiling can be measured";
        else if (start) why = "above the start range";
        else why = "more than one escalation step (" + steps_words(x.dose) + ") above this order";
        message += " The smallest measurable dose, " + mg(min_mg) + ", would be " + mgkg(smallest_day / weight_kg) +
                   (doses_in_a_day > 1 || !above(c.interval_hours, 24) ? "/day" : " per administration") + ": " + why +
                   ". Ask a specialist or the pharmacy how to give this dose.";
    }
    findings.push_back({"BELOW_MEASURABLE", Severity::Caution, message, p.measurable_source.value_or(p.source)});
}

}  // namespace

CheckResult check_dose(const PrescribedInput& order, const CheckContext& x) {
    const RegimenResult& regimen = x.shown;
    const Dose& dose = x.dose;
    const double weight_kg = x.weight_kg;
    CheckResult c;
    c.dose_mg = order.dose_mg;
    c.interval_hours = order.interval_hours();
    const bool repeats = c.interval_hours > 0;
    c.administrations_per_day = repeats ? round_to(24.0 / c.interval_hours, 2) : 0;
    order_length(order, c.interval_hours, c);
    // Doses that fall within one 24 h day on which a dose is given: for every 48 h that is one
    // dose, which is how the label states "the prescribed dose every other day".
    const int doses_in_a_day =
        order.doses_per_day ? *order.doses_per_day : repeats ? std::max(1, whole_up(24.0 / c.interval_hours)) : 1;
    const OrderAmount amount = order_amount(order, c.interval_hours, doses_in_a_day, weight_kg);
    const double mg_day = amount.mg;
    c.mg_per_dosing_day = round_to(mg_day, 1);
    c.mg_per_kg_per_dosing_day = round_to(mg_day / weight_kg, 2);
    c.mg_per_kg_per_day = round_to(repeats ? order.dose_mg * 24 / c.interval_hours / weight_kg : mg_day / weight_kg, 2);
    c.mg_per_kg_per_dose = round_to(order.dose_mg / weight_kg, 2);
    auto add = [&](std::string code, Severity severity, std::string message, const Source& source) {
        c.findings.push_back({std::move(code), severity, std::move(message), source});
    };
    const bool daily_regimen = same_hours(regimen.label_interval_hours, 24);

    // The largest dose that may be offered in place of one the presentation cannot measure.
    std::optional<double> offer_limit;
    bool above_limit = false;
    if (dose.kind == DoseKind::Escalating) {
        const StartRange start = start_range_mg_per_day(dose, weight_kg);
        const StartShown start_shown = describe_start(dose, weight_kg);
        const std::string start_text = start_words(start_shown, weight_kg, amount.per_administration);
        const auto ceiling = ceiling_mg_per_day(dose, weight_kg);
        if (const auto limit = nearest_offer_limit_mg(dose, weight_kg, mg_day)) offer_limit = *limit / doses_in_a_day;
        if (ceiling && above(mg_day, *ceiling)) {
            above_limit = true;
            add("ABOVE_CEILING", Severity::Exceeds,
                amount.lead + ", above the ceiling of " +
                    ceiling_words(dose, *ceiling, weight_kg, amount.per_administration) + " for " + format_number(weight_kg) +
                    " kg. Lower the dose.",
                regimen.source);
        } else if (below(mg_day, start.min_mg)) {
            add("BELOW_START", Severity::Caution,
                amount.lead + ", below the usual start of " + start_text +
                    ". Check that the lower dose is intended.",
                regimen.source);
        } else if (above(mg_day, start.max_mg) && ceiling) {
            add("ABOVE_START", Severity::Info,
                amount.words + " is above the usual start of " + start_text + " and within the ceiling: an escalation step (" +
                    steps_words(dose) + " at a time).",
                regimen.source);
        } else if (above(mg_day, start.max_mg)) {
            judge_unverified_increase(dose, mg_day, amount.words, "start of " + start_text, regimen.source, c.findings,
                                      above_limit);
        }
    } else if (dose.kind == DoseKind::Fixed) {
        // Daily regimens are judged per dosing day; long-interval ones per dose.
        const double given = daily_regimen ? mg_day : order.dose_mg;
        const std::string given_words = daily_regimen ? amount.words : mg(given) + " per dose";
        const double allowed_max = dose.increase_to_mg.value_or(dose.mg);
        offer_limit = allowed_max;
        if (above(given, allowed_max) && dose.increase_unverified) {
            judge_unverified_increase(dose, given, given_words, "dose of " + mg(dose.mg) + (daily_regimen ? "/day" : ""),
                                      regimen.source, c.findings, above_limit);
        } else if (above(given, allowed_max)) {
            above_limit = true;
            add("FIXED_DOSE_MISMATCH", Severity::Exceeds,
                given_words + " is above the labelled fixed dose of " + mg(allowed_max) + ". Lower the dose.", regimen.source);
        } else if (below(given, dose.mg)) {
            add("FIXED_DOSE_MISMATCH", Severity::Caution,
                given_words + " is below the labelled fixed dose of " + mg(dose.mg) + ". Check the order.", regimen.source);
        } else if (above(given, dose.mg)) {
            add("ABOVE_START", Severity::Info,
                given_words + " is within the labelled increase (up to " + mg(allowed_max) + ").", regimen.source);
        }
    } else {
        // Per kg per administration, compared exactly (unrounded) against every cap.
        auto capped = [&](double mg_per_kg) {
            return capped_per_kg_mg(dose, regimen.max_mg_per_administration, mg_per_kg, weight_kg);
        };
        const double planned = capped(dose.mg_per_kg);
        const double allowed_max = capped(dose.increase_to_mg_per_kg.value_or(dose.mg_per_kg));
        offer_limit = above(order.dose_mg, planned) ? allowed_max : planned;
        if (above(order.dose_mg, allowed_max)) {
            above_limit = true;
            add("ABOVE_CEILING", Severity::Exceeds,
                mg(order.dose_mg) + " is above the labelled dose for " + format_number(weight_kg) + " kg (at most " +
                    mg(round_down_to(allowed_max, 1)) + (dose.increase_to_mg_per_kg ? " after the permitted increase" : "") +
                    "). Lower the dose.",
                regimen.source);
        } else if (below(order.dose_mg, round_down_to(planned, 1))) {
            add("BELOW_START", Severity::Caution,
                mg(order.dose_mg) + " is below the labelled dose of " + mg(round_down_to(planned, 1)) + " for " +
                    format_number(weight_kg) + " kg. Check the order.",
                regimen.source);
        } else if (above(order.dose_mg, planned)) {
            add("ABOVE_START", Severity::Info, mg(order.dose_mg) + " is within the permitted increase.", regimen.source);
        }
    }
    // Backstop: never "ok" above the highest dose the drug is labelled for in any use.
    if (!above_limit && x.drug.max_labelled && daily_regimen &&
        above(mg_day / weight_kg, x.drug.max_labelled->mg_per_kg_per_day)) {
        add("ABOVE_CEILING", Severity::Exceeds,
            amount.words + " is above the highest labelled " + x.drug.id + " dose for any use (" +
                mgkg(x.drug.max_labelled->mg_per_kg_per_day) + (amount.per_administration ? " per administration" : "/day") +
                "). Lower the dose.",
            x.drug.max_labelled->source);
    }

    c.measure = measure_dose(order.dose_mg, x.presentation, offer_limit);
    judge_measurability(order, x, c, doses_in_a_day, c.findings);
    check_schedule(order, x, c);
    c.status = order_verdict(c.findings);
    return c;
}

}  // namespace core
