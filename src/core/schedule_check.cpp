// How often and how long an order runs, against the course, the renal rule and the label.
#include "dose_check.hpp"

#include "numbers.hpp"
#include "words.hpp"

namespace core {

namespace {

bool below(double value, double limit) { return value < limit * (1 - kRelativeTolerance); }
bool above(double value, double limit) { return value > limit * (1 + kRelativeTolerance); }

// A course (data: course) against the order's length and interval. How serious running past it,
// or repeating with no stop, is comes from the course's data.
void check_course(const CheckContext& x, CheckResult& c) {
    const auto& course = x.shown.course;
    if (!course) return;
    const Course& rule = *x.regimen.course;
    const bool repeats = c.interval_hours > 0;
    const bool labelled = x.use.status == UseStatus::Labelled || x.use.status == UseStatus::EmergencyUse;
    const std::string kind = labelled ? "labelled" : "studied";
    auto add = [&](std::string code, Severity severity, std::string message) {
        c.findings.push_back({std::move(code), severity, std::move(message), course->source});
    };
    if (course->min_hours_between && repeats && below(c.interval_hours, *course->min_hours_between))
        add("INTERVAL_MISMATCH", Severity::Exceeds,
            "Doses in this course must be at least " + duration_words(*course->min_hours_between) +
                " apart; this order gives them " + interval_words(c.interval_hours) + ".");
    const bool single = course->administrations && *course->administrations == 1;
    if (single && repeats && !c.total_doses) {
        // A single dose per course: a standing repeat schedule is not how the label gives it.
        if (course->retreat_after_hours_min && below(c.interval_hours, *course->retreat_after_hours_min))
            add("INTERVAL_MISMATCH", Severity::Exceeds,
                "A single dose in the label, to be repeated no sooner than " + duration_words(*course->retreat_after_hours_min) +
                    " after the last; this order repeats " + interval_words(c.interval_hours) + ".");
        add("COURSE_OPEN_ENDED", rule.open_ended_severity,
            "A single dose in the " + kind + " course" +
                (course->retreat_after_hours_min
                     ? ", repeated only when needed and no sooner than " + duration_words(*course->retreat_after_hours_min)
                     : std::string()) +
                "; this order repeats " + interval_words(c.interval_hours) + " with no stop. Order one dose.");
        return;
    }
    const std::string limit = course->days ? format_number(*course->days) + " days"
                                           : std::to_string(course->administrations.value_or(1)) + " doses";
    const bool too_long = (course->days && c.days && above(*c.days, *course->days)) ||
                          (!course->days && course->administrations && c.total_doses &&
                           *c.total_doses > *course->administrations);
    if (too_long)
        add("COURSE_EXCEEDED", rule.overrun_severity,
            "The order runs " + (course->days ? format_number(*c.days) + " days" : std::to_string(*c.total_doses) + " doses") +
                "; the " + kind + " course is " + limit + ". Stop after " + limit + ".");
    else if (!c.total_doses && repeats)
        add("COURSE_OPEN_ENDED", rule.open_ended_severity,
            "The " + kind + " course is " + limit + "; this order has no stop. Give at most " + limit + ".");
}

// The order's interval against the renal rule, the split and the labelled interval.
void check_interval(const CheckContext& x, CheckResult& c) {
    const RegimenResult& regimen = x.shown;
    if (c.interval_hours <= 0 || !regimen.interval_hours) return;
    auto add = [&](std::string code, Severity severity, std::string message, const Source& source) {
        c.findings.push_back({std::move(code), severity, std::move(message), source});
    };
    const double interval = c.interval_hours;
    if (x.renal.adjusted && x.renal.interval_hours && below(interval, *x.renal.interval_hours))
        add("RENAL_INTERVAL", Severity::Caution,
            "Renal function " + (x.renal.crcl_ml_min ? format_number(*x.renal.crcl_ml_min, 1) + " mL/min" : std::string("ESRD")) +
                ": the label suggests the dose " + interval_words(*x.renal.interval_hours) + "; this order is " +
                interval_words(interval) + ".",
            x.renal.source);
    const double label_interval = regimen.label_interval_hours;
    const bool daily_regimen = same_hours(label_interval, 24);
    if (daily_regimen && below(interval, 24)) {
        if (x.renal.adjusted) {
            // The renal finding above already asks for every 48 h; there is no split under it.
        } else if (!x.regimen.split || !x.regimen.split->allowed) {
            add("SPLIT_NOT_ALLOWED", Severity::Caution,
                "Divided daily doses are not in the label for this use (once daily); this order is " + interval_words(interval) +
                    ".",
                regimen.split_source);
        } else if (!same_hours(interval, 12)) {
            add("SPLIT_NOT_ALLOWED", Severity::Caution,
                "The label allows once daily or a twice-daily split; this order is " + interval_words(interval) + ".",
                regimen.split_source);
        }
    } else if (!daily_regimen && below(interval, label_interval) && regimen.increase_to_interval_hours &&
               !below(interval, *regimen.increase_to_interval_hours)) {
        add("ABOVE_START", Severity::Info,
            "Given " + interval_words(interval) + ": the labelled step-up from " + interval_words(label_interval) + ".",
            regimen.source);
    } else if (!daily_regimen && below(interval, label_interval)) {
        add("INTERVAL_MISMATCH", Severity::Exceeds,
            "Given " + interval_words(interval) + ", more often than the labelled " + interval_words(label_interval) + ".",
            regimen.source);
    }
    const double expected = *regimen.interval_hours;
    if (above(interval, expected))
        add("INTERVAL_MISMATCH", Severity::Caution,
            "Given " + interval_words(interval) + ", less often than the " +
                (x.renal.adjusted ? std::string("renally adjusted ") : std::string("labelled ")) + interval_words(expected) + ".",
            regimen.source);
}

// The ladder row that is the same order: the same dose per administration at the row's
// interval (once daily, or every 48 h under the renal rule), or the row's twice-daily split.
std::optional<int> ladder_row(const CheckContext& x, const CheckResult& c) {
    if (c.interval_hours <= 0) return std::nullopt;
    const double dose = round_to(c.dose_mg, 1);
    const double row_interval = x.shown.interval_hours.value_or(24);
    for (size_t i = 0; i < x.ladder.size(); ++i) {
        const LadderRow& row = x.ladder[i];
        if (same_hours(c.interval_hours, row_interval) && nearly_equal(dose, row.dose.mg)) return static_cast<int>(i);
        if (row.split && same_hours(c.interval_hours, 12) && nearly_equal(dose, row.split->mg_per_dose))
            return static_cast<int>(i);
    }
    return std::nullopt;
}

}  // namespace

void check_schedule(const PrescribedInput&, const CheckContext& x, CheckResult& c) {
    check_course(x, c);
    check_interval(x, c);
    c.ladder_row = ladder_row(x, c);
}

}  // namespace core
