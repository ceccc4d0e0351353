#include "summary.hpp"

#include "measure.hpp"
#include "numbers.hpp"
#include "text_safety.hpp"

#include <algorithm>

namespace ui {

namespace {

using core::format_number;

std::string mg(double value) { return format_number(value, 1) + " mg"; }

std::string every(double hours) {
    if (hours == 24) return "every 24 h (once daily)";
    if (hours == 48) return "every 48 h (every other day)";
    if (hours == 12) return "every 12 h (twice daily)";
    return "every " + format_number(hours, 2) + " h";
}

std::string upper(std::string_view view) {
    std::string s(view);
    for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    return s;
}

std::string finding_text(const core::Finding& f) {
    return upper(core::to_string(f.severity)) + ": " + f.message + (f.source.section.empty() ? "" : " (" + f.source.section + ")");
}

// The text a field holds now, whether or not it differs from a blank form.
std::string current_text(const Inputs& in, const Field& f) {
    if (f.storage == Storage::Member && f.member != nullptr) return in.*f.member;
    if (f.storage == Storage::Lab) {
        const auto it = in.labs.find(f.name);
        return it == in.labs.end() ? "" : it->second;
    }
    return field_value(in, f).value_or("");
}

}  // namespace

std::string inputs_in_words(const Inputs& in) {
    std::string out, flags;
    for (const auto& f : input_fields()) {
        if (f.kind == FieldKind::Page || f.practice || is_unit_of_another(f)) continue;
        if ((f.selects_renal || f.selects_frequency || f.kind == FieldKind::Flag) && !field_value(in, f)) continue;
        if (f.storage == Storage::SafetyFlag) {
            flags += (flags.empty() ? "" : ", ") + f.label;
            continue;
        }
        const std::string text = f.kind == FieldKind::Flag ? "yes" : current_text(in, f);
        if (text.empty()) continue;
        std::string unit = f.unit;
        if (!f.unit_field.empty()) unit = option_label(field(f.unit_field), current_text(in, field(f.unit_field)));
        const std::string value = f.kind == FieldKind::Choice ? option_label(f, text) : text;
        out += (out.empty() ? "" : "; ") + f.label + " " + value + (unit.empty() ? "" : " " + unit);
    }
    return "As entered: " + (out.empty() ? std::string("nothing") : out) + ". Safety flags ticked: " +
           (flags.empty() ? std::string("none") : flags) + ".";
}

std::string monitoring_when(const core::MonitoringResult& m) {
    std::string when;
    if (m.dates.empty())
        for (int month : m.months_after_start) when += (when.empty() ? "months after start " : ", ") + std::to_string(month);
    else
        for (const auto& d : m.dates) when += (when.empty() ? "" : ", ") + d;
    return when;
}

core::Verdict shown_check_status(const core::Response& r) {
    return r.check ? std::max(r.check->status, r.verdict) : r.verdict;
}

std::string overall_verdict(const core::Response& r, const Inputs& in) {
    if (is_blank(in)) return "Overall: NO DOSE - no patient entered yet. Enter the indication and the patient's weight.";
    if (!r.ok) return "Overall: NO DOSE - the input needs correcting (see below).";
    if (r.verdict == core::Verdict::Ok)
        return r.check ? "Overall: OK - the prescribed dose is within the label for this patient, with no caution found."
                       : "Overall: NO ORDER CHECKED - no contraindication or caution found for this patient.";
    // The core's one verdict for the patient (a contraindication outranks everything else).
    return "Overall: " + upper(core::to_string(r.verdict)) + (r.verdict_reason.empty() ? "" : " - " + r.verdict_reason);
}

std::string announcement(const core::Response& r, const Inputs& in) {
    if (is_blank(in) || !r.ok) return "";
    if (r.verdict != core::Verdict::Ok) return upper(core::to_string(r.verdict)) + ": " + r.verdict_reason;
    if (!r.check) return "No order checked: no contraindication or caution found for this patient.";
    const auto& c = *r.check;
    return "OK: " + mg(c.dose_mg) + " " + (c.interval_hours > 0 ? every(c.interval_hours) : std::string("once")) + " = " +
           format_number(c.mg_per_kg_per_day, 2) + " mg/kg/day on average, within the label for this patient.";
}

std::string patient_line(const core::Response& r) {
    std::string out = "Weight " + format_number(r.patient.weight_kg, 2) + " kg";
    if (r.patient.age_years) out += ", age " + format_number(*r.patient.age_years, 1) + " years";
    out += "; ";
    if (r.renal.crcl_ml_min)
        out += std::string(r.renal.value_kind == "egfr" ? "eGFR " : "CrCl ") + format_number(*r.renal.crcl_ml_min, 1) +
               (r.renal.value_kind == "egfr" ? " mL/min/1.73 m2" : " mL/min") + " (" + std::string(core::to_string(r.renal.method)) + ")";
    else if (r.renal.method == core::RenalMethod::Esrd)
        out += "renal function: ESRD / dialysis";
    else
        out += "renal function not given";
    return out;
}

std::string start_words(const core::Response& r) {
    if (!r.ok || !r.regimen || !r.regimen->start_mg_per_kg_per_day || !r.regimen->start_mg_per_day) return {};
    const auto& g = *r.regimen;
    const bool every_48h = g.interval_hours && *g.interval_hours == 48;
    const std::string lo = format_number(g.start_mg_per_kg_per_day->min, 2), hi = format_number(g.start_mg_per_kg_per_day->max, 2);
    const std::string lo_mg = mg(g.start_mg_per_day->min), hi_mg = mg(g.start_mg_per_day->max);
    return (lo == hi ? lo : lo + "-" + hi) + " mg/kg" + (every_48h ? "" : "/day") + " = " + (lo_mg == hi_mg ? lo_mg : lo_mg + " to " + hi_mg) +
           (every_48h ? " per administration every 48 h" : " per day");
}

std::string summary_text(const core::Response& r, const Inputs& in, const std::string& generated_local) {
    std::string out;
    auto line = [&](const std::string& text) { out += text + "\n"; };
    line(overall_verdict(r, in));
    if (r.ok) {
        line(r.drug_name + ", " + r.indication.name + " (" + core::name_of(r.indication.status) + ", " +
             (r.region == core::Region::Eu ? "EU label" : "US label") + ").");
        line(patient_line(r) + ".");
    }
    line(inputs_in_words(in));
    if (!r.ok) {
        if (!is_blank(in)) line("No dose shown: the input needs correcting.");
        for (const auto& e : r.errors) line("- " + error_line(e.field, e.message));
    }
    if (r.ok && r.regimen) {
        const auto& g = *r.regimen;
        if (g.interval_hours) line("Interval: " + every(*g.interval_hours) + (r.renal.adjusted ? ". " + r.renal.reason : "."));
        // Under the every-48-h rule each administration is the whole dose, given every other day.
        const bool every_48h = g.interval_hours && *g.interval_hours == 48;
        const std::string per = every_48h ? " per administration every 48 h" : " per day";
        if (const std::string start = start_words(r); !start.empty()) line("Start: " + start + ".");
        if (g.dose_mg) line("Dose: " + mg(*g.dose_mg) + (g.single_dose ? " once." : " per administration."));
        if (g.ceiling_mg_per_day)
            line("Ceiling: " + mg(*g.ceiling_mg_per_day) + per + " (" + format_number(*g.ceiling_mg_per_kg_per_day, 2) +
                 (every_48h ? " mg/kg; on average " + format_number(*g.ceiling_mg_per_kg_per_day / 2, 2) + " mg/kg/day)."
                            : " mg/kg/day)."));
        else if (g.kind == core::DoseKind::Escalating)
            line("Ceiling: none verified for this use (no escalation ladder).");
    }
    if (r.ok && !r.ladder.empty()) {
        line("Escalation ladder (" + r.presentation.description + "):");
        for (const auto& row : r.ladder) {
            std::string text = "- " + format_number(row.mg_per_kg_per_dose, 2) + (row.daily ? " mg/kg/day: " : " mg/kg every 48 h: ") +
                               mg(row.dose.mg) + " = " + core::measure_words(row.dose);
            if (!row.daily) text += " (" + format_number(row.average_mg_per_kg_per_day, 2) + " mg/kg/day on average)";
            if (row.split)
                text += "; or twice daily " + mg(row.split->mg_per_dose) + " = " + format_number(row.split->ml_per_dose, 6) +
                        " mL per dose, " + std::to_string(row.split->syringes_per_day) + " syringes a day";
            if (row.in_start_range) text += " (start range)";
            if (row.is_ceiling) text += " (ceiling)";
            line(text + ".");
        }
    }
    if (r.ok && r.check) {
        const auto& c = *r.check;
        // The check line carries the patient's verdict when it is worse: never "OK" beside a
        // contraindication (the order's own status follows in words).
        const core::Verdict shown = shown_check_status(r);
        line("Check: " + upper(core::to_string(shown)) + (shown != c.status ? " (the dose itself: " + std::string(core::to_string(c.status)) + ")" : "") +
             " - " + mg(c.dose_mg) + " " + (c.interval_hours > 0 ? every(c.interval_hours) : std::string("once")) + " = " +
             format_number(c.mg_per_kg_per_dose, 2) + " mg/kg per dose, " + format_number(c.mg_per_kg_per_day, 2) +
             " mg/kg/day on average; " + core::measure_words(c.measure) + ".");
        for (const auto& f : c.findings) line("- " + finding_text(f));
    }
    if (r.ok && !r.findings.empty()) {
        line("Findings:");
        for (const auto& f : r.findings) line("- " + finding_text(f));
    }
    if (r.ok)
        for (const auto& m : r.monitoring)
            line("Monitoring: " + m.what + ": " + monitoring_when(m) + (m.source.section.empty() ? "." : " (" + m.source.section + ")."));
    line("Generated " + generated_local + " (this device's time). Data version " + r.data_version +
         ". An aid, not a substitute for the label.");
    return clean_text(out, true).text;
}

}  // namespace ui
