#include "dose_check.hpp"

#include "measure.hpp"
#include "numbers.hpp"
#include "regimen.hpp"
#include "words.hpp"

#include <cmath>

namespace core {

Verdict order_verdict(const std::vector<Finding>& findings) {
    const Verdict worst = worst_verdict(findings);
    return worst == Verdict::Contraindicated ? Verdict::Exceeds : worst;
}

namespace {

// Relative tolerance for comparing exact values: absorbs binary noise, never a real 0.1 mg.
constexpr double kTolerance = 1e-9;
bool above(double value, double limit) { return value > limit * (1 + kTolerance); }
bool below(double value, double limit) { return value < limit * (1 - kTolerance); }

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
    const double mg_day = order.dose_mg * doses_in_a_day;
    c.mg_per_dosing_day = round_to(mg_day, 1);
    c.mg_per_kg_per_dosing_day = round_to(mg_day / weight_kg, 2);
    c.mg_per_kg_per_day = round_to(repeats ? order.dose_mg * 24 / c.interval_hours / weight_kg : mg_day / weight_kg, 2);
    c.mg_per_kg_per_dose = round_to(order.dose_mg / weight_kg, 2);
    const auto ceiling = dose.kind == DoseKind::Escalating ? ceiling_mg_per_day(dose, weight_kg) : std::nullopt;
    std::optional<double> ceiling_per_dose;
    if (ceiling) ceiling_per_dose = *ceiling / doses_in_a_day;
    c.measure = measure_dose(order.dose_mg, x.presentation, ceiling_per_dose);
    auto add = [&](std::string code, Severity severity, std::string message, const Source& source) {
        c.findings.push_back({std::move(code), severity, std::move(message), source});
    };
    const std::string order_words = mg(order.dose_mg) + " " + (repeats ? interval_words(c.interval_hours) : "once");
    const bool daily_regimen = regimen.label_interval_hours == 24;
    const std::string per_day = mg(mg_day) + " per dosing day = " + mgkg(mg_day / weight_kg) + "/day";

    bool above_limit = false;
    if (dose.kind == DoseKind::Escalating) {
        const StartRange start = start_range_mg_per_day(dose, weight_kg);
        if (ceiling && above(mg_day, *ceiling)) {
            above_limit = true;
            add("ABOVE_CEILING", Severity::Exceeds,
                order_words + " gives " + per_day + ", above the ceiling of " + mg(round_down_to(*ceiling, 1)) + "/day (" +
                    (dose.ceiling_mg_per_kg_per_day ? mgkg(*dose.ceiling_mg_per_kg_per_day) + "/day" : std::string("cap")) +
                    (dose.max_mg_per_day ? ", at most " + mg(*dose.max_mg_per_day) + "/day" : std::string()) + ") for " +
                    format_number(weight_kg) + " kg. Lower the dose.",
                regimen.source);
        } else if (below(mg_day, start.min_mg)) {
            add("BELOW_START", Severity::Caution,
                order_words + " gives " + per_day + ", below the usual start of " + mg(start.min_mg) +
                    "/day. Check that the lower dose is intended.",
                regimen.source);
        } else if (above(mg_day, start.max_mg)) {
            if (ceiling)
                add("ABOVE_START", Severity::Info,
                    per_day + " is above the usual start (" + mg(start.max_mg) +
                        "/day) and within the ceiling: an escalation step (0.5 to 1 mg/kg at a time).",
                    regimen.source);
            else
                add("ABOVE_START", Severity::Caution,
                    per_day + " is above the labelled range (up to " + mg(start.max_mg) +
                        "/day), and the data hold no verified escalation ceiling for this use: check the current label.",
                    regimen.source);
        }
    } else if (dose.kind == DoseKind::Fixed) {
        // Daily regimens are judged per dosing day; long-interval ones per dose.
        const double given = daily_regimen ? mg_day : order.dose_mg;
        const std::string what = daily_regimen ? "per dosing day" : "per dose";
        const double allowed_max = dose.increase_to_mg.value_or(dose.mg);
        if (above(given, allowed_max) && dose.increase_unverified) {
            add("ABOVE_START", Severity::Caution,
                mg(given) + " " + what + " is above the labelled " + mg(dose.mg) +
                    "; the label's rule for higher doses was not verified: check the current label.",
                regimen.source);
        } else if (above(given, allowed_max)) {
            above_limit = true;
            add("FIXED_DOSE_MISMATCH", Severity::Exceeds,
                mg(given) + " " + what + " is above the labelled fixed dose of " + mg(allowed_max) + ". Lower the dose.",
                regimen.source);
        } else if (below(given, dose.mg)) {
            add("FIXED_DOSE_MISMATCH", Severity::Caution,
                mg(given) + " " + what + " is below the labelled fixed dose of " + mg(dose.mg) + ". Check the order.",
                regimen.source);
        } else if (above(given, dose.mg)) {
            add("ABOVE_START", Severity::Info, mg(given) + " " + what + " is within the labelled increase (up to " +
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
            per_day + " is above the highest labelled " + x.drug.id + " dose for any use (" +
                mgkg(x.drug.max_labelled->mg_per_kg_per_day) + "/day). Lower the dose.",
            x.drug.max_labelled->source);
    }

    // Can the presentation give it?
    const Presentation& p = x.presentation;
    if (c.measure.not_whole_devices) {
        add("WHOLE_DEVICE_ONLY", Severity::Caution,
            "The " + p.description + " is given whole: " + mg(order.dose_mg) + " cannot be given with it" +
                (c.measure.nearest_measurable_mg ? " (nearest: " + mg(*c.measure.nearest_measurable_mg) + ")" : std::string()) +
                ".",
            p.source);
    } else if (c.measure.below_measurable && p.min_measurable_mg) {
        const double min_mg = *p.min_measurable_mg;
        std::string message = mg(order.dose_mg) + " (" + ml(c.measure.ml.value_or(0)) + ") is below what one " +
                              p.description + " can measure (" + mg(min_mg) + ", " + ml(ml_for_mg(min_mg, p.mg_per_ml)) + ").";
        if (c.measure.nearest_measurable_mg)
            message += " The nearest measurable dose is " + mg(*c.measure.nearest_measurable_mg) + " (" +
                       mgkg(*c.measure.nearest_measurable_mg / weight_kg) + " per dose); decide whether to use it.";
        else
            message += " " + mg(min_mg) + " would be above the ceiling for " + format_number(weight_kg) +
                       " kg: no dose within the ceiling can be measured with this syringe.";
        add("BELOW_MEASURABLE", Severity::Caution, message, p.measurable_source.value_or(p.source));
    }

    // Frequency: courses and single doses, renal interval, split permission, labelled interval.
    const auto& course = regimen.course;
    if (course && course->administrations && *course->administrations == 1 && !c.total_doses && repeats) {
        // A single dose per course: a standing repeat schedule is not how the label gives it.
        if (course->retreat_after_hours_min && below(c.interval_hours, *course->retreat_after_hours_min))
            add("INTERVAL_MISMATCH", Severity::Exceeds,
                "A single dose in the label, to be repeated no sooner than " + interval_words(*course->retreat_after_hours_min) +
                    " apart; this order repeats " + interval_words(c.interval_hours) + ". Give it once.",
                course->source);
        else
            add("COURSE_OPEN_ENDED", Severity::Caution,
                "A single dose in the label" +
                    (course->retreat_after_hours_min
                         ? ", repeated only when needed and no sooner than " + interval_words(*course->retreat_after_hours_min)
                         : std::string()) +
                    "; this order repeats " + interval_words(c.interval_hours) + " with no stop. Order one dose.",
                course->source);
    } else if (course) {
        const bool labelled = x.use.status == UseStatus::Labelled || x.use.status == UseStatus::EmergencyUse;
        const Severity past = labelled ? Severity::Exceeds : Severity::Caution;
        const std::string limit = course->days ? format_number(*course->days) + " days"
                                               : std::to_string(course->administrations.value_or(1)) + " doses";
        const bool too_long = (course->days && c.days && above(*c.days, *course->days)) ||
                              (!course->days && course->administrations && c.total_doses &&
                               *c.total_doses > *course->administrations);
        if (course->min_hours_between && repeats && below(c.interval_hours, *course->min_hours_between))
            add("INTERVAL_MISMATCH", Severity::Exceeds,
                "Doses in this course must be at least " + format_number(*course->min_hours_between, 2) + " h apart; this order gives them " + interval_words(c.interval_hours) + ".",
                course->source);
        if (too_long)
            add("COURSE_EXCEEDED", past,
                "The order runs " + (course->days ? format_number(*c.days) + " days" : std::to_string(*c.total_doses) + " doses") +
                    "; the " + (labelled ? "labelled" : "studied") + " course is " + limit + ". Stop after " + limit + ".",
                course->source);
        else if (!c.total_doses && repeats)
            add("COURSE_OPEN_ENDED", Severity::Caution,
                "The " + std::string(labelled ? "labelled" : "studied") + " course is " + limit +
                    "; this order has no stop. Give it for at most " + limit + ".",
                course->source);
    }
    if (repeats && regimen.interval_hours) {
        if (x.renal.adjusted && x.renal.interval_hours && below(c.interval_hours, *x.renal.interval_hours))
            add("RENAL_INTERVAL", Severity::Caution,
                "Renal function " +
                    (x.renal.crcl_ml_min ? format_number(*x.renal.crcl_ml_min, 1) + " mL/min" : std::string("ESRD")) +
                    ": the label suggests the dose " + interval_words(*x.renal.interval_hours) + "; this order is " +
                    interval_words(c.interval_hours) + ".",
                x.renal.source);
        const double label_interval = regimen.label_interval_hours;
        if (daily_regimen && below(c.interval_hours, 24)) {
            if (x.renal.adjusted) {
                // The renal finding above already asks for every 48 h; there is no split under it.
            } else if (!x.regimen.split || !x.regimen.split->allowed) {
                add("SPLIT_NOT_ALLOWED", Severity::Caution,
                    "Divided daily doses are not in the label for this use (once daily); this order is " +
                        interval_words(c.interval_hours) + ".",
                    regimen.split_source);
            } else if (std::fabs(c.interval_hours - 12) > kTolerance) {
                add("SPLIT_NOT_ALLOWED", Severity::Caution,
                    "The label allows once daily or a twice-daily split; this order is " + interval_words(c.interval_hours) + ".",
                    regimen.split_source);
            }
        } else if (!daily_regimen && below(c.interval_hours, label_interval) && regimen.increase_to_interval_hours &&
                   !below(c.interval_hours, *regimen.increase_to_interval_hours)) {
            add("ABOVE_START", Severity::Info,
                "Given " + interval_words(c.interval_hours) + ": the labelled step-up from " + interval_words(label_interval) + ".",
                regimen.source);
        } else if (!daily_regimen && below(c.interval_hours, label_interval)) {
            add("INTERVAL_MISMATCH", Severity::Exceeds,
                "Given " + interval_words(c.interval_hours) + ", more often than the labelled " + interval_words(label_interval) + ".",
                regimen.source);
        }
        const double expected = *regimen.interval_hours;
        if (above(c.interval_hours, expected))
            add("INTERVAL_MISMATCH", Severity::Caution,
                "Given " + interval_words(c.interval_hours) + ", less often than the " +
                    (x.renal.adjusted ? std::string("renally adjusted ") : std::string("labelled ")) + interval_words(expected) +
                    ".",
                regimen.source);
    }
    for (size_t i = 0; i < x.ladder.size(); ++i)
        if (std::fabs(x.ladder[i].dose.mg - c.mg_per_dosing_day) < 0.05 + kTolerance) c.ladder_row = static_cast<int>(i);
    c.status = order_verdict(c.findings);
    return c;
}

}  // namespace core
