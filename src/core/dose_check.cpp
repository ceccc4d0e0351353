#include "dose_check.hpp"

#include "ladder.hpp"
#include "numbers.hpp"
#include "regimen.hpp"

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

constexpr double kTolerance = 1e-9;

std::string mg(double value) { return format_number(value, 1) + " mg"; }
std::string mgkg(double value) { return format_number(value, 2) + " mg/kg"; }

std::string interval_words(double hours) {
    if (hours == 24) return "once daily";
    if (hours == 12) return "twice daily";
    if (hours == 48) return "every other day (every 48 h)";
    return "every " + format_number(hours, 2) + " h";
}

}  // namespace

CheckResult check_dose(const PrescribedInput& order, const RegimenResult& regimen, const Dose& dose,
                       const RenalResult& renal, double weight_kg, const Product& product,
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
    c.ml_per_dose = ml_for_mg(order.dose_mg, product);
    c.syringes_per_dose = syringes_for_mg(order.dose_mg, product);
    auto add = [&](std::string code, std::string severity, std::string message, const Source& source) {
        c.findings.push_back({std::move(code), std::move(severity), std::move(message), source});
    };
    const std::string order_words = mg(order.dose_mg) + " " + interval_words(c.interval_hours);
    const bool daily_regimen = regimen.label_interval_hours == 24;

    if (dose.kind == DoseKind::Escalating) {
        const double start_lo = dose.start_min_mg_per_kg_per_day * weight_kg;
        double start_hi = dose.start_max_mg_per_kg_per_day * weight_kg;
        if (dose.start_max_mg_per_day) start_hi = std::min(start_hi, *dose.start_max_mg_per_day);
        const auto ceiling = ceiling_mg_per_day(dose, weight_kg);
        const std::string per_day = mg(mg_day) + " per dosing day = " + mgkg(mg_day / weight_kg) + "/day";
        if (ceiling && mg_day > *ceiling * (1 + kTolerance)) {
            add("ABOVE_CEILING", "exceeds",
                order_words + " gives " + per_day + ", above the ceiling of " +
                    mg(round_down_to(*ceiling, 1)) + "/day (" +
                    (dose.ceiling_mg_per_kg_per_day ? mgkg(*dose.ceiling_mg_per_kg_per_day) + "/day" : std::string("cap")) +
                    (dose.max_mg_per_day ? ", at most " + mg(*dose.max_mg_per_day) + "/day" : std::string()) + ") for " +
                    format_number(weight_kg) + " kg.",
                regimen.source);
        } else if (mg_day < std::min(start_lo, start_hi) * (1 - kTolerance)) {
            add("BELOW_START", "caution",
                order_words + " gives " + per_day + ", below the usual start of " +
                    mgkg(dose.start_min_mg_per_kg_per_day) + "/day (" + mg(std::min(start_lo, start_hi)) + "/day).",
                regimen.source);
        } else if (mg_day > start_hi * (1 + kTolerance)) {
            if (ceiling) {
                add("ABOVE_START", "info",
                    per_day + " is above the usual start (" + mg(start_hi) +
                        "/day) and within the ceiling: an escalation step.",
                    regimen.source);
            } else {
                add("ABOVE_START", "caution",
                    per_day + " is above the labelled range (up to " + mgkg(dose.start_max_mg_per_kg_per_day) +
                        "/day, " + mg(start_hi) + "/day), and the data hold no verified escalation ceiling for this use.",
                    regimen.source);
            }
        }
    } else if (dose.kind == DoseKind::Fixed) {
        const double fixed = dose.mg;
        const bool per_day_regimen = daily_regimen;
        const double given = per_day_regimen ? mg_day : order.dose_mg;
        const std::string what = per_day_regimen ? "per dosing day" : "per dose";
        const double allowed_max = dose.increase_to_mg.value_or(fixed);
        if (given > allowed_max * (1 + kTolerance)) {
            add("FIXED_DOSE_MISMATCH", "exceeds",
                mg(given) + " " + what + " is above the labelled fixed dose of " + mg(allowed_max) + ".", regimen.source);
        } else if (given < fixed * (1 - kTolerance)) {
            add("FIXED_DOSE_MISMATCH", "caution",
                mg(given) + " " + what + " is below the labelled fixed dose of " + mg(fixed) + ".", regimen.source);
        } else if (given > fixed * (1 + kTolerance)) {
            add("ABOVE_START", "info", mg(given) + " " + what + " is within the labelled increase (up to " +
                                           mg(allowed_max) + ").", regimen.source);
        }
    } else {
        const double planned = *regimen.dose_mg;
        const double allowed_max = regimen.increase_to_mg.value_or(planned);
        if (order.dose_mg > allowed_max + 0.5) {
            add("ABOVE_CEILING", "exceeds",
                mg(order.dose_mg) + " is above the labelled dose for " + format_number(weight_kg) + " kg (" +
                    mg(allowed_max) + (regimen.increase_to_mg ? ", after the permitted increase" : "") + ").",
                regimen.source);
        } else if (order.dose_mg < planned - 0.5) {
            add("BELOW_START", "caution",
                mg(order.dose_mg) + " is below the labelled dose of " + mg(planned) + " for " +
                    format_number(weight_kg) + " kg.",
                regimen.source);
        }
    }

    // Frequency: renal interval, split permission, label interval.
    const double label_interval = regimen.label_interval_hours;
    if (renal.adjusted && renal.interval_hours && c.interval_hours < *renal.interval_hours - kTolerance) {
        add("RENAL_INTERVAL", "caution",
            "Renal function " +
                (renal.crcl_ml_min ? format_number(*renal.crcl_ml_min, 1) + " mL/min" : std::string("ESRD")) +
                ": the label suggests the dose " + interval_words(*renal.interval_hours) + "; this order is " +
                interval_words(c.interval_hours) + ".",
            renal.source);
    }
    if (daily_regimen && c.interval_hours < 24 - kTolerance) {
        if (!regimen.split_allowed) {
            add("SPLIT_NOT_ALLOWED", "caution",
                "Divided daily doses are not in the label for this use (once daily); this order is " +
                    interval_words(c.interval_hours) + ".",
                regimen.split_source);
        } else if (std::fabs(c.interval_hours - 12) > kTolerance) {
            add("SPLIT_NOT_ALLOWED", "caution",
                "The label allows once daily or a twice-daily split; this order is " + interval_words(c.interval_hours) + ".",
                regimen.split_source);
        }
    } else if (!regimen.single_dose && label_interval > 0 && !daily_regimen &&
               c.interval_hours < label_interval - kTolerance) {
        add("INTERVAL_MISMATCH", "exceeds",
            "Given " + interval_words(c.interval_hours) + ", more often than the labelled " +
                interval_words(label_interval) + ".",
            regimen.source);
    }
    const double expected = regimen.interval_hours.value_or(label_interval);
    if (!regimen.single_dose && expected > 0 && c.interval_hours > expected + kTolerance) {
        add("INTERVAL_MISMATCH", "caution",
            "Given " + interval_words(c.interval_hours) + ", less often than the " +
                (renal.adjusted ? std::string("renally adjusted ") : std::string("labelled ")) +
                interval_words(expected) + ".",
            regimen.source);
    }
    for (size_t i = 0; i < ladder.size(); ++i)
        if (std::fabs(ladder[i].mg_per_day - c.mg_per_dosing_day) < 0.05 + kTolerance) c.ladder_row = static_cast<int>(i);
    c.status = verdict(c.findings);
    return c;
}

}  // namespace core
