#include "dose_check.hpp"

#include "ladder.hpp"
#include "numbers.hpp"
#include "regimen.hpp"
#include "words.hpp"

#include <cmath>

namespace core {

int severity_rank(const std::string& severity) {
    if (severity == "contraindicated") return 3;
    if (severity == "exceeds") return 2;
    if (severity == "caution") return 1;
    return 0;
}

std::string verdict(const std::vector<Finding>& findings) {
    int worst = 0;
    for (const auto& f : findings) worst = std::max(worst, severity_rank(f.severity));
    return worst >= 2 ? "exceeds" : worst == 1 ? "caution" : "ok";
}

namespace {

// Relative tolerance for comparing exact values: absorbs binary noise, never a real 0.1 mg.
constexpr double kTolerance = 1e-9;
bool above(double value, double limit) { return value > limit * (1 + kTolerance); }
bool below(double value, double limit) { return value < limit * (1 - kTolerance); }

std::string mg(double value) { return format_number(value, 1) + " mg"; }
std::string mgkg(double value) { return format_number(value, 2) + " mg/kg"; }

}  // namespace

CheckResult check_dose(const PrescribedInput& order, const RegimenResult& regimen, const Dose& dose,
                       const RenalResult& renal, double weight_kg, const Drug& drug,
                       const std::vector<LadderRow>& ladder) {
    CheckResult c;
    c.dose_mg = order.dose_mg;
    if (order.doses_per_day) {
        c.interval_hours = 24.0 / *order.doses_per_day;
        c.administrations_per_day = *order.doses_per_day;
    } else {
        c.interval_hours = *order.every_hours;
        c.administrations_per_day = round_to(24.0 / *order.every_hours, 2);
    }
    // Doses that fall within one 24 h day on which a dose is given: for every 48 h that is one
    // dose, which is how the label states "the prescribed dose every other day".
    const int doses_in_a_day = order.doses_per_day ? *order.doses_per_day : std::max(1, whole_up(24.0 / c.interval_hours));
    const double mg_day = order.dose_mg * doses_in_a_day;
    c.mg_per_dosing_day = round_to(mg_day, 1);
    c.mg_per_kg_per_day = round_to(mg_day / weight_kg, 2);
    c.mg_per_kg_per_dose = round_to(order.dose_mg / weight_kg, 2);
    c.ml_per_dose = ml_for_mg(order.dose_mg, drug.product);
    c.syringes_per_dose = syringes_for_mg(order.dose_mg, drug.product);
    auto add = [&](std::string code, std::string severity, std::string message, const Source& source) {
        c.findings.push_back({std::move(code), std::move(severity), std::move(message), source});
    };
    const std::string order_words = mg(order.dose_mg) + " " + interval_words(c.interval_hours);
    const bool daily_regimen = regimen.label_interval_hours == 24;
    const std::string per_day = mg(mg_day) + " per dosing day = " + mgkg(mg_day / weight_kg) + "/day";

    bool above_limit = false;
    if (dose.kind == DoseKind::Escalating) {
        const StartRange start = start_range_mg_per_day(dose, weight_kg);
        const auto ceiling = ceiling_mg_per_day(dose, weight_kg);
        if (ceiling && above(mg_day, *ceiling)) {
            above_limit = true;
            add("ABOVE_CEILING", "exceeds",
                order_words + " gives " + per_day + ", above the ceiling of " + mg(round_down_to(*ceiling, 1)) + "/day (" +
                    (dose.ceiling_mg_per_kg_per_day ? mgkg(*dose.ceiling_mg_per_kg_per_day) + "/day" : std::string("cap")) +
                    (dose.max_mg_per_day ? ", at most " + mg(*dose.max_mg_per_day) + "/day" : std::string()) + ") for " +
                    format_number(weight_kg) + " kg.",
                regimen.source);
        } else if (below(mg_day, start.min_mg)) {
            add("BELOW_START", "caution",
                order_words + " gives " + per_day + ", below the usual start of " + mg(start.min_mg) + "/day.",
                regimen.source);
        } else if (above(mg_day, start.max_mg)) {
            if (ceiling)
                add("ABOVE_START", "info",
                    per_day + " is above the usual start (" + mg(start.max_mg) + "/day) and within the ceiling: an escalation step.",
                    regimen.source);
            else
                add("ABOVE_START", "caution",
                    per_day + " is above the labelled range (up to " + mg(start.max_mg) +
                        "/day), and the data hold no verified escalation ceiling for this use.",
                    regimen.source);
        }
    } else if (dose.kind == DoseKind::Fixed) {
        // Daily regimens are judged per dosing day; long-interval ones per dose.
        const double given = daily_regimen ? mg_day : order.dose_mg;
        const std::string what = daily_regimen ? "per dosing day" : "per dose";
        const double allowed_max = dose.increase_to_mg.value_or(dose.mg);
        if (above(given, allowed_max)) {
            above_limit = true;
            add("FIXED_DOSE_MISMATCH", "exceeds",
                mg(given) + " " + what + " is above the labelled fixed dose of " + mg(allowed_max) + ".", regimen.source);
        } else if (below(given, dose.mg)) {
            add("FIXED_DOSE_MISMATCH", "caution",
                mg(given) + " " + what + " is below the labelled fixed dose of " + mg(dose.mg) + ".", regimen.source);
        } else if (above(given, dose.mg)) {
            add("ABOVE_START", "info", mg(given) + " " + what + " is within the labelled increase (up to " +
                                           mg(allowed_max) + ").", regimen.source);
        }
    } else {
        // Per kg per administration, compared exactly (unrounded) against every cap.
        auto capped = [&](double mg_per_kg) {
            return capped_per_kg_mg(dose, regimen.max_mg_per_administration, mg_per_kg, weight_kg);
        };
        const double planned = capped(dose.mg_per_kg);
        const double allowed_max = capped(dose.increase_to_mg_per_kg.value_or(dose.mg_per_kg));
        if (above(order.dose_mg, allowed_max)) {
            above_limit = true;
            add("ABOVE_CEILING", "exceeds",
                mg(order.dose_mg) + " is above the labelled dose for " + format_number(weight_kg) + " kg (at most " +
                    mg(round_down_to(allowed_max, 1)) + (dose.increase_to_mg_per_kg ? " after the permitted increase" : "") + ").",
                regimen.source);
        } else if (below(order.dose_mg, round_down_to(planned, 1))) {
            add("BELOW_START", "caution",
                mg(order.dose_mg) + " is below the labelled dose of " + mg(round_down_to(planned, 1)) + " for " +
                    format_number(weight_kg) + " kg.",
                regimen.source);
        } else if (above(order.dose_mg, planned)) {
            add("ABOVE_START", "info", mg(order.dose_mg) + " is within the permitted increase.", regimen.source);
        }
    }
    // Backstop: never "ok" above the highest dose the drug is labelled for in any use.
    if (!above_limit && drug.max_labelled && daily_regimen &&
        above(mg_day / weight_kg, drug.max_labelled->mg_per_kg_per_day)) {
        add("ABOVE_CEILING", "exceeds",
            per_day + " is above the highest labelled " + drug.id + " dose for any use (" +
                mgkg(drug.max_labelled->mg_per_kg_per_day) + "/day).",
            drug.max_labelled->source);
    }

    // Frequency: single doses, renal interval, split permission, labelled interval.
    if (regimen.single_dose) {
        if (regimen.repeat_after_hours_min && below(c.interval_hours, *regimen.repeat_after_hours_min))
            add("INTERVAL_MISMATCH", "exceeds",
                "A single dose in the label, to be repeated no sooner than " + interval_words(*regimen.repeat_after_hours_min) +
                    " apart; this order repeats " + interval_words(c.interval_hours) + ".",
                regimen.source);
        else if (!regimen.repeat_after_hours_min)
            add("INTERVAL_MISMATCH", "caution",
                "A single dose in the label; a repeat schedule (" + interval_words(c.interval_hours) + ") is not labelled.",
                regimen.source);
    } else {
        if (renal.adjusted && renal.interval_hours && below(c.interval_hours, *renal.interval_hours))
            add("RENAL_INTERVAL", "caution",
                "Renal function " + (renal.crcl_ml_min ? format_number(*renal.crcl_ml_min, 1) + " mL/min" : std::string("ESRD")) +
                    ": the label suggests the dose " + interval_words(*renal.interval_hours) + "; this order is " +
                    interval_words(c.interval_hours) + ".",
                renal.source);
        const double label_interval = regimen.label_interval_hours;
        if (daily_regimen && below(c.interval_hours, 24)) {
            if (!regimen.split_allowed)
                add("SPLIT_NOT_ALLOWED", "caution",
                    "Divided daily doses are not in the label for this use (once daily); this order is " +
                        interval_words(c.interval_hours) + ".",
                    regimen.split_source);
            else if (std::fabs(c.interval_hours - 12) > kTolerance)
                add("SPLIT_NOT_ALLOWED", "caution",
                    "The label allows once daily or a twice-daily split; this order is " + interval_words(c.interval_hours) + ".",
                    regimen.split_source);
        } else if (!daily_regimen && below(c.interval_hours, label_interval) && regimen.increase_to_interval_hours &&
                   !below(c.interval_hours, *regimen.increase_to_interval_hours)) {
            add("ABOVE_START", "info",
                "Given " + interval_words(c.interval_hours) + ": the labelled step-up from " + interval_words(label_interval) + ".",
                regimen.source);
        } else if (!daily_regimen && below(c.interval_hours, label_interval)) {
            add("INTERVAL_MISMATCH", "exceeds",
                "Given " + interval_words(c.interval_hours) + ", more often than the labelled " + interval_words(label_interval) + ".",
                regimen.source);
        }
        const double expected = regimen.interval_hours.value_or(label_interval);
        if (expected > 0 && above(c.interval_hours, expected))
            add("INTERVAL_MISMATCH", "caution",
                "Given " + interval_words(c.interval_hours) + ", less often than the " +
                    (renal.adjusted ? std::string("renally adjusted ") : std::string("labelled ")) + interval_words(expected) + ".",
                regimen.source);
    }
    for (size_t i = 0; i < ladder.size(); ++i)
        if (std::fabs(ladder[i].mg_per_day - c.mg_per_dosing_day) < 0.05 + kTolerance) c.ladder_row = static_cast<int>(i);
    c.status = verdict(c.findings);
    return c;
}

}  // namespace core
