// The steps behind the dose, check and compare panels: the renal rule and interval, the start
// range and ceiling, each ladder row, the order's check, and each comparator's dose. Each states
// the core's own arithmetic (regimen.cpp, ladder.cpp, measure.cpp, dose_check.cpp), with the
// operands it used and its rounding.
#include "measure.hpp"
#include "regimen.hpp"
#include "step_writer.hpp"
#include "steps.hpp"
#include "words.hpp"

#include <algorithm>
#include <cmath>

namespace core::step_detail {

namespace {

constexpr double kTolerance = 1e-9;
constexpr const char* kMinus = " - ";

// The regimen and band the response was computed from, found again the way evaluate() and
// compare_drugs() find them (a few comparisons; nothing is recomputed).
struct Chosen {
    const Regimen* regimen = nullptr;
    const Band* band = nullptr;
    const Presentation* presentation = nullptr;
};

Chosen find_chosen(const Drug* drug, const Use* use, std::optional<Route> route, double weight_kg, std::optional<double> age_months) {
    Chosen c;
    if (drug == nullptr || use == nullptr || use->regimens.empty()) return c;
    c.regimen = &use->regimens.front();
    if (route)
        for (const auto& regimen : use->regimens)
            if (regimen.route == *route) {
                c.regimen = &regimen;
                break;
            }
    c.band = select_band(*c.regimen, weight_kg, age_months);
    c.presentation = drug->presentation_for(c.regimen->route);
    return c;
}

// The number of mL steps use: ml_for_mg's decimals (0.01 mL, more only where 0.01 reads 0).
int ml_decimals(double mg, double mg_per_ml) {
    for (int decimals = 2; decimals < 6; ++decimals)
        if (round_to(mg / mg_per_ml, decimals) > 0) return decimals;
    return 6;
}

std::string mg(double value) { return num(value, 1) + " mg"; }

// A measure's quantity ids: a prefix ("ladder.3.", "comparator.tocilizumab.") and each
// quantity's name. An id is written only for a step that is added (a ladder row uses one or
// two of the five).
struct MeasureIds {
    std::string_view prefix;
    std::string_view ml, count, vial_mg, leftover_mg, below;
    StepId operator()(std::string_view name) const { return step_id(prefix, name); }
};
constexpr MeasureIds kMeasureNames{"", "ml", "syringes", "vial_mg", "leftover_mg", "below_measurable"};
constexpr MeasureIds kIncreaseMeasureNames{"", "increase_ml", "increase_syringes", "increase_vial_mg", "increase_leftover_mg",
                                           "increase_below_measurable"};
MeasureIds with_prefix(MeasureIds names, std::string_view prefix) {
    names.prefix = prefix;
    return names;
}

// mL to draw (mg ÷ mg/mL), syringes or whole devices, the vial combination, and whether the
// presentation can measure it.
void measure_steps(StepWriter& w, const MeasureIds& ids, std::string_view lead, const Measure& m, const Presentation& p) {
    switch (p.kind) {
        case PresentationKind::GraduatedSyringe:
        case PresentationKind::Vials:
            if (m.ml) {
                Text t{w};
                t << lead << Mg{m.mg} << " ÷ " << Num{p.mg_per_ml} << " mg/mL = " << Ml{*m.ml};
                w.add(ids(ids.ml), t, StepOp::Divide, {m.mg, p.mg_per_ml}, StepRounding::Nearest, ml_decimals(m.mg, p.mg_per_ml), *m.ml, "mL",
                      p.source);
            }
            break;
        case PresentationKind::WholeDevice:
            if (m.syringes && m.ml) {
                Text t{w};
                t << lead << Mg{m.mg} << " ÷ " << Mg{p.device_mg} << " per device = " << Count{*m.syringes}
                  << (*m.syringes == 1 ? " device" : " devices") << ", each given whole";
                w.add(ids(ids.count), t, StepOp::WholeUp, {m.mg, p.device_mg}, StepRounding::None, 0, *m.syringes, "", p.source);
                Text v{w};
                v << lead << Count{*m.syringes} << " × " << Ml{p.device_ml} << " = " << Ml{*m.ml};
                w.add(ids(ids.ml), v, StepOp::Multiply, {static_cast<double>(*m.syringes), p.device_ml}, StepRounding::Nearest, 2, *m.ml, "mL",
                      p.source);
            } else {
                const double devices = m.mg / p.device_mg;
                Text t{w};
                t << lead << Mg{m.mg} << " ÷ " << Mg{p.device_mg} << " per device = " << Num{devices, 3}
                  << " devices: the device is given whole, so this dose cannot be given with it";
                if (m.nearest_measurable_mg) t << " (nearest: " << Mg{*m.nearest_measurable_mg} << ")";
                w.add(StepId{ids.prefix, ids.count, ".exact"}, t, StepOp::Divide, {m.mg, p.device_mg}, StepRounding::None, 0, devices, "devices", p.source);
            }
            return;
    }
    if (p.kind == PresentationKind::GraduatedSyringe && m.syringes) {
        Text t{w};
        t << lead << Mg{m.mg} << " ÷ " << Mg{p.device_mg} << " per syringe, rounded up = " << Count{*m.syringes}
          << (*m.syringes == 1 ? " syringe" : " syringes");
        if (m.syringe_draws_mg.size() > 1) {
            t << " (";
            for (size_t i = 0; i < m.syringe_draws_mg.size(); ++i) t << (i == 0 ? "" : " + ") << Num{m.syringe_draws_mg[i], 1};
            t << " mg";
            const double rest = m.mg - (*m.syringes - 1) * p.device_mg;
            if (p.min_measurable_mg && rest < *p.min_measurable_mg * (1 - kTolerance))
                t << ": the last " << Mg{rest} << " is too small to measure, so it is shared with the syringe before";
            t << ")";
        }
        w.add(ids(ids.count), t, StepOp::WholeUp, {m.mg, p.device_mg}, StepRounding::None, 0, *m.syringes, "", p.source);
    }
    if (p.kind == PresentationKind::Vials && !m.vials.empty() && m.vial_mg) {
        std::vector<double> each;
        Text t{w};
        t << lead << "vials ";
        for (size_t i = 0; i < m.vials.size(); ++i) {
            const auto& [vial_mg, count] = m.vials[i];
            for (int n = 0; n < count; ++n) each.push_back(vial_mg);
            t << (i == 0 ? "" : " + ") << Count{count} << " × " << Mg{vial_mg};
        }
        t << " = " << Mg{*m.vial_mg} << " (the least left over, then the fewest vials)";
        w.add(ids(ids.vial_mg), t, StepOp::Add, std::move(each), StepRounding::Nearest, 1, *m.vial_mg, "mg", p.source);
        if (m.leftover_mg) {
            Text left{w};
            left << lead << "left over " << Mg{*m.vial_mg} << kMinus << Mg{m.mg} << " = " << Mg{*m.leftover_mg};
            w.add(ids(ids.leftover_mg), left, StepOp::Subtract, {*m.vial_mg, m.mg}, StepRounding::Nearest, 1, *m.leftover_mg, "mg", p.source);
        }
    }
    if (m.below_measurable && p.min_measurable_mg) {
        const double smallest = m.syringe_draws_mg.empty() ? m.mg : *std::min_element(m.syringe_draws_mg.begin(), m.syringe_draws_mg.end());
        Text t{w};
        t << lead << Mg{smallest} << " < " << Mg{*p.min_measurable_mg} << ", the smallest dose one draw measures: below measurable";
        if (m.nearest_measurable_mg)
            t << "; the nearest measurable dose is " << Mg{*m.nearest_measurable_mg} << " ("
              << Ml{ml_for_mg(*m.nearest_measurable_mg, p.mg_per_ml)} << ")";
        else
            t << "; no nearest measurable dose is offered";
        w.add(ids(ids.below), t, StepOp::Below, {smallest, *p.min_measurable_mg}, StepRounding::None, 0, 1, "",
              source_or(p.measurable_source, p.source));
    }
}

// A per-day amount, or per administration under a longer interval (every 48 h).
struct Per {
    const char* words;  // "/day" | " per administration"
    const char* unit;   // "mg/day" | "mg"
};
Per per_for(bool daily) { return daily ? Per{"/day", "mg/day"} : Per{" per administration", "mg"}; }

// One end of the start range: start mg/kg × kg, under the start cap or the ceiling.
void start_bound_steps(StepWriter& w, const std::string& quantity, const std::string& label, const Dose& d, double mg_per_kg,
                       double kg, double shown, Per per, const Source& source) {
    const double product = mg_per_kg * kg;
    std::optional<double> cap = d.start_max_mg_per_day;
    bool cap_is_ceiling = false;
    if (const auto ceiling = ceiling_mg_per_day(d, kg); ceiling && (!cap || *ceiling < *cap)) {
        cap = *ceiling;
        cap_is_ceiling = true;
    }
    const std::string times = label + ": " + num(mg_per_kg) + " mg/kg" + per.words + " × " + num(kg) + " kg = ";
    if (cap && *cap < product) {
        w.add(quantity + ".uncapped", times + num(product, 4) + " mg" + per.words, StepOp::Multiply, {mg_per_kg, kg}, StepRounding::None,
              0, product, per.unit, source);
        w.add(quantity,
              times + num(product, 4) + " mg" + per.words + ", capped at " + mg(*cap) + per.words +
                  (cap_is_ceiling ? " (the ceiling)" : " (the label's start cap)") + " = " + mg(shown) + per.words,
              StepOp::Cap, {product, *cap}, StepRounding::Nearest, 1, shown, per.unit, source);
    } else {
        w.add(quantity, times + mg(shown) + per.words, StepOp::Multiply, {mg_per_kg, kg}, StepRounding::Nearest, 1, shown, per.unit, source);
    }
}

// The start range and the ceiling of an escalating dose (the dose panel's first numbers).
void start_and_ceiling_steps(StepWriter& w, const RegimenResult& reg, const Dose& d, double kg, bool daily) {
    const Per per = per_for(daily);
    const StartRange start = start_range_mg_per_day(d, kg);
    if (reg.start_mg_per_day) {
        start_bound_steps(w, "start_min_mg_per_day", "Start, lowest", d, d.start_min_mg_per_kg_per_day, kg, reg.start_mg_per_day->min,
                          per, reg.source);
        start_bound_steps(w, "start_max_mg_per_day", "Start, highest", d, d.start_max_mg_per_kg_per_day, kg,
                          reg.start_mg_per_day->max, per, reg.source);
        // After a cap, the start in mg/kg is worked back from the mg (rounded down, like a ceiling).
        const auto per_kg = [&](const char* quantity, const char* label, double mg_day, double label_mg_per_kg, double shown) {
            const char* unit = daily ? "mg/kg/day" : "mg/kg";
            if (mg_day < label_mg_per_kg * kg * (1 - kTolerance))
                w.add(quantity, std::string(label) + ": " + mg(mg_day) + per.words + " ÷ " + num(kg) + " kg = " + num(shown) + " mg/kg" + per.words,
                      StepOp::Divide, {mg_day, kg}, StepRounding::Down, 2, shown, unit, reg.source);
            else
                w.add(quantity, std::string(label) + ": " + num(shown) + " mg/kg" + per.words + " (label)", StepOp::Given, {label_mg_per_kg},
                      StepRounding::None, 0, shown, unit, reg.source);
        };
        if (reg.start_mg_per_kg_per_day) {
            per_kg("start_min_mg_per_kg_per_day", "Start, lowest", start.min_mg, d.start_min_mg_per_kg_per_day, reg.start_mg_per_kg_per_day->min);
            per_kg("start_max_mg_per_kg_per_day", "Start, highest", start.max_mg, d.start_max_mg_per_kg_per_day, reg.start_mg_per_kg_per_day->max);
        }
    }
    const auto ceiling = ceiling_mg_per_day(d, kg);
    if (!ceiling || !reg.ceiling_mg_per_day) return;
    const double shown = *reg.ceiling_mg_per_day;
    if (d.ceiling_mg_per_kg_per_day) {
        const double product = *d.ceiling_mg_per_kg_per_day * kg;
        const std::string times = "Ceiling: " + num(*d.ceiling_mg_per_kg_per_day) + " mg/kg" + per.words + " × " + num(kg) + " kg = ";
        if (d.max_mg_per_day && *d.max_mg_per_day < product) {
            w.add("ceiling_mg_per_day.uncapped", times + num(product, 4) + " mg" + per.words, StepOp::Multiply,
                  {*d.ceiling_mg_per_kg_per_day, kg}, StepRounding::None, 0, product, per.unit, reg.source);
            w.add("ceiling_mg_per_day",
                  times + num(product, 4) + " mg" + per.words + ", capped at " + mg(*d.max_mg_per_day) + per.words + " = " + mg(shown) + per.words,
                  StepOp::Cap, {product, *d.max_mg_per_day}, StepRounding::Down, 1, shown, per.unit, reg.source);
        } else {
            w.add("ceiling_mg_per_day", times + mg(shown) + per.words, StepOp::Multiply, {*d.ceiling_mg_per_kg_per_day, kg},
                  StepRounding::Down, 1, shown, per.unit, reg.source);
        }
    } else {
        w.add("ceiling_mg_per_day", "Ceiling: at most " + mg(*d.max_mg_per_day) + per.words + " (label)", StepOp::Given, {*d.max_mg_per_day},
              StepRounding::Down, 1, shown, per.unit, reg.source);
    }
    const char* per_kg_unit = daily ? "mg/kg/day" : "mg/kg";
    if (!reg.ceiling_mg_per_kg_per_day) return;
    if (d.ceiling_mg_per_kg_per_day && *ceiling >= *d.ceiling_mg_per_kg_per_day * kg * (1 - kTolerance))
        w.add("ceiling_mg_per_kg_per_day", "Ceiling: " + num(*reg.ceiling_mg_per_kg_per_day) + " mg/kg" + per.words + " (label)", StepOp::Given,
              {*d.ceiling_mg_per_kg_per_day}, StepRounding::Down, 2, *reg.ceiling_mg_per_kg_per_day, per_kg_unit, reg.source);
    else
        w.add("ceiling_mg_per_kg_per_day",
              "Ceiling: " + mg(*ceiling) + per.words + " ÷ " + num(kg) + " kg = " + num(*reg.ceiling_mg_per_kg_per_day) + " mg/kg" + per.words,
              StepOp::Divide, {*ceiling, kg}, StepRounding::Down, 2, *reg.ceiling_mg_per_kg_per_day, per_kg_unit, reg.source);
}

// Each ladder row: the mg (mg/kg × kg, the ceiling row and a capped start rounded down), its
// volume and syringes, and the twice-daily split.
void ladder_steps(StepWriter& w, const Response& r, const Dose& d, const Presentation& p) {
    const RegimenResult& reg = *r.regimen;
    const double kg = r.patient.weight_kg;
    const auto ceiling = ceiling_mg_per_day(d, kg);
    if (!ceiling || r.ladder.empty()) return;
    const StartRange start = start_range_mg_per_day(d, kg);
    const double first_step_mg = d.start_min_mg_per_kg_per_day * kg;
    const bool capped_start = start.min_mg < first_step_mg * (1 - kTolerance);
    const double step = reg.step_mg_per_kg > 0 ? reg.step_mg_per_kg : 1;
    const double interval = reg.interval_hours.value_or(24);
    // A row's id prefix, lead and frequency words, rewritten in place for each row: new strings
    // per row allocated again whenever the words outgrew a string's inline room (a non-daily
    // row's frequency, a split row's lead).
    std::string id, lead, per;
    for (size_t i = 0; i < r.ladder.size(); ++i) {
        const LadderRow& row = r.ladder[i];
        id.assign("ladder.");
        append_number(id, static_cast<double>(i), 0);
        id += '.';
        lead.assign("Row ");
        append_number(lead, static_cast<double>(i + 1), 0);
        lead += ": ";
        per.assign(" a day");
        if (!row.daily) {
            per.assign(" per administration, every ");
            append_number(per, reg.interval_hours.value_or(48));
            per += " h";
        }
        double unrounded = 0;
        const bool at_cap = row.is_ceiling || (i == 0 && capped_start);
        const StepRounding rounding = at_cap ? StepRounding::Down : StepRounding::Nearest;
        // The row's mg/kg: a step of the ladder (start + k × step), or worked back from a capped mg.
        double mg_per_kg = 0;
        {
            Text t{w};
            t << lead;
            if (at_cap) {
                const double mg_cap = row.is_ceiling ? *ceiling : start.min_mg;
                mg_per_kg = mg_cap / kg;
                t << (row.is_ceiling ? "the ceiling, " : "the start, ") << Mg{mg_cap} << " ÷ " << Num{kg} << " kg = "
                  << Num{row.mg_per_kg_per_dose} << " mg/kg";
                w.add(step_id(id, "mg_per_kg"), t, StepOp::Divide, {mg_cap, kg}, rounding, 2, row.mg_per_kg_per_dose, "mg/kg", reg.source);
            } else {
                // Counted as the ladder counts it (start + k × step), so 1 + k × 0.5 never drifts.
                const double k = std::round((row.mg_per_kg_per_dose - d.start_min_mg_per_kg_per_day) / step);
                mg_per_kg = d.start_min_mg_per_kg_per_day + k * step;
                if (k == 0) {
                    t << "the lowest start, " << Num{mg_per_kg} << " mg/kg";
                    w.add(step_id(id, "mg_per_kg"), t, StepOp::Given, {mg_per_kg}, rounding, 2, row.mg_per_kg_per_dose, "mg/kg", reg.source);
                } else {
                    t << Num{d.start_min_mg_per_kg_per_day} << " mg/kg + " << Num{step} << " mg/kg × " << Num{k, 0}
                      << (k == 1 ? " step" : " steps") << " = " << Num{row.mg_per_kg_per_dose} << " mg/kg";
                    w.add(step_id(id, "mg_per_kg"), t, StepOp::AddScaled, {d.start_min_mg_per_kg_per_day, step, k, 0}, rounding, 2,
                          row.mg_per_kg_per_dose, "mg/kg", reg.source);
                }
            }
        }
        if (!row.daily) {
            Text t{w};
            t << lead << "on average " << Num{mg_per_kg, 4} << " mg/kg × 24 h ÷ " << Num{interval} << " h = "
              << Num{row.average_mg_per_kg_per_day} << " mg/kg/day";
            w.add(step_id(id, "average_mg_per_kg_per_day"), t, StepOp::MultiplyDivide, {mg_per_kg, 24, interval}, rounding, 2,
                  row.average_mg_per_kg_per_day, "mg/kg/day", reg.source);
        }
        {
            Text t{w};
            t << lead;
            if (row.is_ceiling && d.ceiling_mg_per_kg_per_day) {
                const double product = *d.ceiling_mg_per_kg_per_day * kg;
                unrounded = *ceiling;
                t << "the ceiling, " << Num{*d.ceiling_mg_per_kg_per_day} << " mg/kg × " << Num{kg} << " kg = ";
                if (*ceiling < product) {
                    t << Num{product, 4} << " mg, capped at " << Mg{*ceiling} << " = " << Mg{row.dose.mg} << per;
                    w.add(step_id(id, "mg"), t, StepOp::Cap, {product, *ceiling}, rounding, 1, row.dose.mg, "mg", reg.source);
                } else {
                    t << Mg{row.dose.mg} << per;
                    w.add(step_id(id, "mg"), t, StepOp::Multiply, {*d.ceiling_mg_per_kg_per_day, kg}, rounding, 1, row.dose.mg, "mg", reg.source);
                }
            } else if (row.is_ceiling) {
                unrounded = *ceiling;
                t << "the ceiling, " << Mg{row.dose.mg} << per;
                w.add(step_id(id, "mg"), t, StepOp::Given, {*ceiling}, rounding, 1, row.dose.mg, "mg", reg.source);
            } else if (i == 0 && capped_start) {
                unrounded = start.min_mg;
                t << "the start, " << Num{d.start_min_mg_per_kg_per_day} << " mg/kg × " << Num{kg} << " kg = " << Num{first_step_mg, 4}
                  << " mg, capped at " << Mg{start.min_mg} << " = " << Mg{row.dose.mg} << per;
                w.add(step_id(id, "mg"), t, StepOp::Cap, {first_step_mg, start.min_mg}, rounding, 1, row.dose.mg, "mg", reg.source);
            } else {
                unrounded = mg_per_kg * kg;
                t << Num{mg_per_kg} << " mg/kg × " << Num{kg} << " kg = " << Mg{row.dose.mg} << per;
                w.add(step_id(id, "mg"), t, StepOp::Multiply, {mg_per_kg, kg}, rounding, 1, row.dose.mg, "mg", reg.source);
            }
        }
        measure_steps(w, with_prefix(kMeasureNames, id), lead, row.dose, p);
        if (!row.split) continue;
        const SplitDose& s = *row.split;
        lead += "split, ";
        Text half{w};
        half << lead << Num{unrounded, 4} << " mg ÷ 2 = " << Mg{s.mg_per_dose} << " twice daily";
        w.add(step_id(id, "split_mg"), half, StepOp::Divide, {unrounded, 2}, rounding, 1, s.mg_per_dose, "mg", reg.split_source);
        Text volume{w};
        volume << lead << Mg{s.mg_per_dose} << " ÷ " << Num{p.mg_per_ml} << " mg/mL = " << Ml{s.ml_per_dose};
        w.add(step_id(id, "split_ml"), volume, StepOp::Divide, {s.mg_per_dose, p.mg_per_ml}, StepRounding::Nearest,
              ml_decimals(s.mg_per_dose, p.mg_per_ml), s.ml_per_dose, "mL", p.source);
        const int per_dose = s.syringes_per_day / 2;
        Text syringes{w};
        syringes << lead << "2 doses × " << Count{per_dose} << (per_dose == 1 ? " syringe" : " syringes") << " = "
                 << Count{s.syringes_per_day} << " syringes a day";
        w.add(step_id(id, "split_syringes"), syringes, StepOp::Multiply, {2, static_cast<double>(per_dose)}, StepRounding::None, 0,
              s.syringes_per_day, "", p.source);
        if (s.below_measurable && p.min_measurable_mg) {
            Text below{w};
            below << lead << Mg{s.mg_per_dose} << " < " << Mg{*p.min_measurable_mg} << ", the smallest dose one draw measures: below measurable";
            if (s.nearest_measurable_mg) below << "; the nearest measurable dose is " << Mg{*s.nearest_measurable_mg};
            w.add(step_id(id, "split_below_measurable"), below, StepOp::Below, {s.mg_per_dose, *p.min_measurable_mg}, StepRounding::None, 0, 1,
                  "", source_or(p.measurable_source, p.source));
        }
    }
}

// How many administrations a course of days holds at the interval in force (describe_course).
void course_steps(StepWriter& w, const std::string& quantity, const Regimen& regimen, const std::optional<CourseResult>& course,
                  double interval_hours) {
    if (!course || !course->administrations || !regimen.course) return;
    if (regimen.course->max_administrations) {
        w.add(quantity, "Course: " + std::to_string(*course->administrations) + (*course->administrations == 1 ? " dose" : " doses") + " (label)",
              StepOp::Given, {static_cast<double>(*regimen.course->max_administrations)}, StepRounding::None, 0, *course->administrations, "",
              course->source);
    } else if (course->days && interval_hours > 0) {
        const double hours = *course->days * 24;
        w.add(quantity,
              "Course: " + num(*course->days) + " days × 24 h ÷ " + num(interval_hours) + " h, rounded up = " +
                  std::to_string(*course->administrations) + (*course->administrations == 1 ? " dose" : " doses"),
              StepOp::WholeUp, {hours, interval_hours}, StepRounding::None, 0, *course->administrations, "", course->source);
    }
}

// The renal rule (CrCl against the threshold, or ESRD) and the interval it gives.
void interval_steps(StepWriter& w, const Response& r, const Regimen& regimen) {
    const RegimenResult& reg = *r.regimen;
    if (regimen.renal) {
        const RenalRule& rule = *regimen.renal;
        const std::string interval = "every " + num(rule.interval_hours) + " h";
        if (r.renal.method == RenalMethod::Esrd && rule.esrd)
            w.add("renal_rule_applies", "End-stage renal disease or dialysis: the renal rule applies, " + interval, StepOp::Given, {1},
                  StepRounding::None, 0, 1, "", source_or(rule.esrd_source, rule.source));
        else if (r.renal.crcl_ml_min) {
            const double crcl = *r.renal.crcl_ml_min;
            const bool below = crcl < rule.crcl_below_ml_min;
            const std::string what = r.renal.value_kind == "egfr" ? "eGFR " : "CrCl ";
            w.add("renal_rule_applies",
                  what + num(crcl, 1) + (below ? " < " : " ≥ ") + num(rule.crcl_below_ml_min, 1) + " mL/min: " +
                      (below ? "the renal rule applies, " + interval : std::string("no renal adjustment")),
                  StepOp::Below, {crcl, rule.crcl_below_ml_min}, StepRounding::None, 0, below ? 1 : 0, "", rule.source);
        }
    }
    if (!reg.interval_hours) return;
    const bool adjusted = r.renal.adjusted && regimen.renal;
    course_steps(w, "course_administrations", regimen, reg.course, *reg.interval_hours);
    w.add("interval_hours",
          "Interval: " + interval_words(*reg.interval_hours) +
              (adjusted ? " under the renal rule (the label's: " + interval_words(reg.label_interval_hours) + ")" : std::string(" (label)")),
          StepOp::Lookup, {reg.label_interval_hours}, StepRounding::None, 0, *reg.interval_hours, "h",
          adjusted ? regimen.renal->source : reg.source);
}

// A labelled per-kg or fixed dose for this patient: the band read, mg/kg × kg, the caps.
void labelled_dose_steps(StepWriter& w, const std::string& prefix, const Regimen& regimen, const Band& band_rule, double kg,
                         std::optional<double> age_months, std::optional<double> dose_mg, std::optional<double> increase_to_mg) {
    const Dose& d = band_rule.dose;
    const Source& source = band_rule.source;
    Operands decided_by{kg};
    if (!band_rule.age_months.is_any() && age_months) decided_by.push_back(*age_months);
    const std::string band = describe_band(band_rule);
    const std::string band_words = (band.empty() ? "Label, every weight" : "Band " + band) + " (" + num(kg) + " kg): ";
    const auto per_kg = [&](const std::string& quantity, const std::string& label, double mg_per_kg, double shown) {
        const double product = mg_per_kg * kg;
        std::vector<double> caps;
        const Source* cap_source = &source;
        if (d.max_mg && *d.max_mg < product) caps.push_back(*d.max_mg);
        if (regimen.max_mg_per_administration && *regimen.max_mg_per_administration < product) {
            caps.push_back(*regimen.max_mg_per_administration);
            if (regimen.cap_source) cap_source = &*regimen.cap_source;
        }
        const std::string times = label + num(mg_per_kg) + " mg/kg × " + num(kg) + " kg = ";
        if (caps.empty()) {
            w.add(quantity, times + mg(shown), StepOp::Multiply, {mg_per_kg, kg}, StepRounding::Down, 1, shown, "mg", source);
            return;
        }
        w.add(quantity + ".uncapped", times + num(product, 4) + " mg", StepOp::Multiply, {mg_per_kg, kg}, StepRounding::None, 0, product, "mg",
              source);
        const double cap = *std::min_element(caps.begin(), caps.end());
        caps.insert(caps.begin(), product);
        w.add(quantity, times + num(product, 4) + " mg, capped at " + mg(cap) + " = " + mg(shown), StepOp::Cap, std::move(caps),
              StepRounding::Down, 1, shown, "mg", *cap_source);
    };
    if (d.kind == DoseKind::PerKg) {
        w.add(prefix + "mg_per_kg", band_words + num(d.mg_per_kg) + " mg/kg", StepOp::Lookup, decided_by, StepRounding::None, 0, d.mg_per_kg,
              "mg/kg", source);
        if (dose_mg) per_kg(prefix + "dose_mg", "Dose: ", d.mg_per_kg, *dose_mg);
        if (increase_to_mg && d.increase_to_mg_per_kg) per_kg(prefix + "increase_to_mg", "Increase to: ", *d.increase_to_mg_per_kg, *increase_to_mg);
    } else if (d.kind == DoseKind::Fixed) {
        if (dose_mg)
            w.add(prefix + "dose_mg", band_words + mg(*dose_mg) + " fixed", StepOp::Lookup, decided_by, StepRounding::None, 0, *dose_mg, "mg",
                  source);
        if (increase_to_mg)
            w.add(prefix + "increase_to_mg", band_words + "increase to " + mg(*increase_to_mg), StepOp::Lookup, decided_by, StepRounding::None,
                  0, *increase_to_mg, "mg", source);
    }
}

// The order: mg per dosing day, mg/kg, mL and syringes (dose_check.cpp's arithmetic).
void check_steps(StepWriter& w, const CheckResult& c, const PrescribedInput& o, double kg, const Presentation& p, const Source& source) {
    w.add("order_dose_mg", "Order: " + mg(o.dose_mg) + " per dose, as entered", StepOp::Given, {o.dose_mg}, StepRounding::None, 0, c.dose_mg,
          "mg", entered_source());
    const bool repeats = c.interval_hours > 0;
    int doses_in_a_day = 1;
    if (o.doses_per_day) {
        doses_in_a_day = *o.doses_per_day;
        w.add("order_interval_hours",
              "Order: 24 h ÷ " + std::to_string(*o.doses_per_day) + (*o.doses_per_day == 1 ? " dose" : " doses") + " a day = every " +
                  num(c.interval_hours, 6) + " h",
              StepOp::Divide, {24, static_cast<double>(*o.doses_per_day)}, StepRounding::None, 0, c.interval_hours, "h", entered_source());
    } else if (repeats) {
        doses_in_a_day = std::max(1, whole_up(24.0 / c.interval_hours));
        w.add("order_interval_hours", "Order: " + interval_words(c.interval_hours) + ", as entered", StepOp::Given, {c.interval_hours},
              StepRounding::None, 0, c.interval_hours, "h", entered_source());
        w.add("doses_per_dosing_day",
              "Doses in one 24 h dosing day: 24 h ÷ " + num(c.interval_hours, 6) + " h, rounded up = " + std::to_string(doses_in_a_day),
              StepOp::WholeUp, {24, c.interval_hours}, StepRounding::None, 0, doses_in_a_day, "", source);
    }
    if (repeats)
        w.add("administrations_per_day",
              "Administrations a day: 24 h ÷ " + num(c.interval_hours, 6) + " h = " + num(c.administrations_per_day),
              StepOp::Divide, {24, c.interval_hours}, StepRounding::Nearest, 2, c.administrations_per_day, "per day", source);
    if (o.total_doses && c.days && (repeats || *o.total_doses > 1)) {
        const double first_day = repeats ? std::min(c.interval_hours, 24.0) : 24;
        const double hours = first_day + c.interval_hours * (*o.total_doses - 1);
        w.add("order_hours",
              "Order length: " + num(first_day) + " h for the first dose + " + num(c.interval_hours, 6) + " h × (" +
                  std::to_string(*o.total_doses) + kMinus + "1) = " + num(hours, 4) + " h",
              StepOp::AddScaled, {first_day, c.interval_hours, static_cast<double>(*o.total_doses), 1}, StepRounding::None, 0, hours, "h",
              entered_source());
        w.add("order_days", "Order length: " + num(hours, 4) + " h ÷ 24 = " + num(*c.days) + (*c.days == 1 ? " day" : " days"), StepOp::Divide, {hours, 24},
              StepRounding::Nearest, 2, *c.days, "days", entered_source());
    } else if (o.days && c.total_doses && repeats) {
        const double hours = *o.days * 24;
        w.add("order_total_doses",
              "Order: " + num(*o.days, 4) + " days × 24 h ÷ " + num(c.interval_hours, 6) + " h, rounded up = " + std::to_string(*c.total_doses) +
                  (*c.total_doses == 1 ? " dose" : " doses"),
              StepOp::WholeUp, {hours, c.interval_hours}, StepRounding::None, 0, *c.total_doses, "", entered_source());
    }
    const double mg_day = o.dose_mg * doses_in_a_day;
    w.add("dose_mg_per_day", "Per dosing day: " + mg(o.dose_mg) + " × " + std::to_string(doses_in_a_day) + " = " + mg(c.mg_per_dosing_day),
          StepOp::Multiply, {o.dose_mg, static_cast<double>(doses_in_a_day)}, StepRounding::Nearest, 1, c.mg_per_dosing_day, "mg/day", source);
    w.add("mg_per_kg_per_dosing_day",
          "Per dosing day (what the daily limits judge): " + num(mg_day, 4) + " mg ÷ " + num(kg) + " kg = " + num(c.mg_per_kg_per_dosing_day) + " mg/kg",
          StepOp::Divide, {mg_day, kg}, StepRounding::Nearest, 2, c.mg_per_kg_per_dosing_day, "mg/kg/day", source);
    if (repeats)
        w.add("mg_per_kg_per_day",
              "On average: " + mg(o.dose_mg) + " × 24 h ÷ " + num(c.interval_hours, 6) + " h ÷ " + num(kg) + " kg = " +
                  num(c.mg_per_kg_per_day) + " mg/kg/day",
              StepOp::MultiplyDivide, {o.dose_mg, 24, c.interval_hours, kg}, StepRounding::Nearest, 2, c.mg_per_kg_per_day, "mg/kg/day",
              source);
    else
        w.add("mg_per_kg_per_day", "One dose: " + num(mg_day, 4) + " mg ÷ " + num(kg) + " kg = " + num(c.mg_per_kg_per_day) + " mg/kg",
              StepOp::Divide, {mg_day, kg}, StepRounding::Nearest, 2, c.mg_per_kg_per_day, "mg/kg/day", source);
    w.add("mg_per_kg_per_dose", "Per dose: " + mg(o.dose_mg) + " ÷ " + num(kg) + " kg = " + num(c.mg_per_kg_per_dose) + " mg/kg",
          StepOp::Divide, {o.dose_mg, kg}, StepRounding::Nearest, 2, c.mg_per_kg_per_dose, "mg/kg", source);
    measure_steps(w, {"", "ml_per_dose", "syringes_per_dose", "vial_mg_per_dose", "leftover_mg_per_dose", "dose_below_measurable"}, "Order: ",
                  c.measure, p);
}

// A comparator's interval in days, administrations a year or per course (compare_drugs): the
// label's interval, or the renal rule's where it applies.
void comparator_schedule_steps(StepWriter& w, const std::string& prefix, const std::string& lead, const Response& r,
                               const ComparatorResult& c, const Regimen& regimen, const Band& band) {
    const auto label = band.interval_hours ? band.interval_hours : regimen.interval_hours;
    if (!label || !c.interval_days) return;
    double hours = *label;
    const Source* source = &band.source;
    std::string why = " (label)";
    if (regimen.renal) {
        const RenalRule& rule = *regimen.renal;
        const bool esrd = r.renal.method == RenalMethod::Esrd && rule.esrd;
        if (esrd || (r.renal.crcl_ml_min && *r.renal.crcl_ml_min < rule.crcl_below_ml_min)) {
            hours = rule.interval_hours;
            source = &rule.source;
            why = " (the renal rule" + (esrd ? std::string(": ESRD") : ": CrCl " + num(*r.renal.crcl_ml_min, 1) + " < " + num(rule.crcl_below_ml_min, 1) + " mL/min") + ")";
        }
    }
    w.add(prefix + "interval_days", lead + "every " + num(hours, 6) + " h" + why + " ÷ 24 = every " + num(*c.interval_days) + (*c.interval_days == 1 ? " day" : " days"),
          StepOp::Divide, {hours, 24}, StepRounding::Nearest, 2, *c.interval_days, "days", *source);
    if (c.administrations_per_year)
        w.add(prefix + "administrations_per_year",
              lead + "365 days × 24 h ÷ " + num(hours, 6) + " h = " + num(*c.administrations_per_year, 1) + " administrations a year",
              StepOp::Divide, {365 * 24, hours}, StepRounding::Nearest, 1, *c.administrations_per_year, "per year", *source);
    if (c.administrations_per_course) course_steps(w, prefix + "administrations_per_course", regimen, c.course, hours);
}

// Each comparator's dose: the band read, the start or the per-kg dose with its caps, the volume.
void compare_steps(StepWriter& w, const Response& r, const Request& req, const DrugDb& db, std::optional<double> age_months) {
    const double kg = r.patient.weight_kg;
    std::vector<std::string> seen;
    for (const auto& c : r.comparators) {
        if (!c.dose_mg || !c.route) continue;
        const Drug* drug = db.find(c.drug);
        if (drug == nullptr) continue;
        const Use* use = find_use(*drug, req.indication, req.region, age_months);
        if (use == nullptr && req.region == Region::Eu) use = find_use(*drug, req.indication, Region::Us, age_months);
        const Chosen chosen = find_chosen(drug, use, c.route, kg, age_months);
        if (chosen.band == nullptr || chosen.presentation == nullptr) continue;
        // A drug's first entry is comparator.<drug>.…; a further route of the same drug adds the route.
        const bool again = std::find(seen.begin(), seen.end(), c.drug) != seen.end();
        seen.push_back(c.drug);
        std::string route = name_of(*c.route);
        std::transform(route.begin(), route.end(), route.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        const std::string prefix = "comparator." + c.drug + "." + (again ? route + "." : "");
        const Dose& d = chosen.band->dose;
        if (d.kind == DoseKind::Escalating) {
            const bool daily = !c.interval_days || *c.interval_days == 1;
            const Per per = per_for(daily);
            start_bound_steps(w, prefix + "dose_mg", c.name + ", start, lowest", d, d.start_min_mg_per_kg_per_day, kg, *c.dose_mg, per,
                              chosen.band->source);
            if (c.dose_max_mg)
                start_bound_steps(w, prefix + "dose_max_mg", c.name + ", start, highest", d, d.start_max_mg_per_kg_per_day, kg, *c.dose_max_mg,
                                  per, chosen.band->source);
        } else {
            labelled_dose_steps(w, prefix, *chosen.regimen, *chosen.band, kg, age_months, c.dose_mg, c.increase_to_mg);
        }
        const std::string lead = c.name + " " + name_of(*c.route) + ": ";
        comparator_schedule_steps(w, prefix, lead, r, c, *chosen.regimen, *chosen.band);
        if (c.measure)
            measure_steps(w, with_prefix(kMeasureNames, prefix), lead, *c.measure, *chosen.presentation);
        if (c.increase_measure)
            measure_steps(w, with_prefix(kIncreaseMeasureNames, prefix), lead + "increase, ", *c.increase_measure,
                          *chosen.presentation);
    }
}

}  // namespace

void dose_steps(StepWriter& w, const Response& r, const Request& req, const DrugDb& db, std::optional<double> age_months) {
    const Drug* drug = db.find(r.drug);
    const Use* use = drug ? find_use(*drug, r.indication.id, r.indication.region, age_months) : nullptr;
    const Chosen chosen = find_chosen(drug, use, r.regimen ? std::optional<Route>(r.regimen->route) : std::nullopt, r.patient.weight_kg, age_months);
    if (r.regimen && chosen.band != nullptr && chosen.presentation != nullptr) {
        const RegimenResult& reg = *r.regimen;
        const Dose& d = chosen.band->dose;
        const double kg = r.patient.weight_kg;
        w.panel = StepPanel::Dose;
        interval_steps(w, r, *chosen.regimen);
        if (d.kind == DoseKind::Escalating) {
            start_and_ceiling_steps(w, reg, d, kg, !reg.interval_hours || *reg.interval_hours == 24);
            ladder_steps(w, r, d, *chosen.presentation);
        } else {
            labelled_dose_steps(w, "regimen.", *chosen.regimen, *chosen.band, kg, age_months, reg.dose_mg, reg.increase_to_mg);
        }
        if (r.check && req.prescribed) {
            w.panel = StepPanel::Check;
            check_steps(w, *r.check, *req.prescribed, kg, *chosen.presentation, reg.source);
        }
    }
    w.panel = StepPanel::Compare;
    compare_steps(w, r, req, db, age_months);
}

}  // namespace core::step_detail
