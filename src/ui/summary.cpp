#include "summary.hpp"

#include "numbers.hpp"
#include "text_safety.hpp"

#include <algorithm>

namespace ui {

namespace {

using core::format_number;

std::string mg(double value) { return format_number(value, 1) + " mg"; }
std::string ml(double value) { return format_number(value, 2) + " mL"; }

std::string every(double hours) {
    if (hours == 24) return "every 24 h (once daily)";
    if (hours == 48) return "every 48 h (every other day)";
    if (hours == 12) return "every 12 h (twice daily)";
    return "every " + format_number(hours, 2) + " h";
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    return s;
}

std::string syringes(int n) { return std::to_string(n) + (n == 1 ? " syringe" : " syringes"); }

// Severity, worst last: a contraindication outranks a dose above the label.
int rank(const std::string& severity) {
    if (severity == "contraindicated") return 3;
    if (severity == "exceeds") return 2;
    if (severity == "caution") return 1;
    return 0;
}

std::string finding_text(const core::Finding& f) {
    return upper(f.severity) + ": " + f.message + (f.source.section.empty() ? "" : " (" + f.source.section + ")");
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

bool is_unit_of_another(const Field& f) {
    for (const auto& g : input_fields())
        if (g.unit_field == f.name) return true;
    return false;
}

}  // namespace

std::string inputs_in_words(const Inputs& in) {
    std::string out, flags;
    for (const auto& f : input_fields()) {
        if (f.kind == FieldKind::Page || is_unit_of_another(f)) continue;
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

std::string overall_verdict(const core::Response& r, const Inputs& in) {
    if (is_blank(in)) return "Overall: NO DOSE - no patient entered yet. Enter the indication and the patient's weight.";
    if (!r.ok) return "Overall: NO DOSE - the input needs correcting (see below).";
    const core::Finding* worst = nullptr;
    auto consider = [&](const core::Finding& f) {
        if (rank(f.severity) > 0 && (worst == nullptr || rank(f.severity) > rank(worst->severity))) worst = &f;
    };
    if (r.check)
        for (const auto& f : r.check->findings) consider(f);
    for (const auto& f : r.findings) consider(f);
    int level = worst ? rank(worst->severity) : 0;
    if (r.check) level = std::max(level, rank(r.check->status));
    level = std::max(level, rank(r.findings_status));
    if (level == 0)
        return r.check ? "Overall: OK - the prescribed dose is within the label for this patient, with no caution found."
                       : "Overall: NO ORDER CHECKED - no contraindication or caution found for this patient.";
    static const char* words[] = {"OK", "CAUTION", "EXCEEDS", "CONTRAINDICATED"};
    const std::string reason = worst != nullptr && rank(worst->severity) == level ? worst->message : "see the findings below.";
    return std::string("Overall: ") + words[level] + " - " + reason;
}

std::string patient_line(const core::Response& r) {
    std::string out = "Weight " + format_number(r.patient.weight_kg, 2) + " kg";
    if (r.patient.age_years) out += ", age " + format_number(*r.patient.age_years, 1) + " years";
    out += "; ";
    if (r.renal.crcl_ml_min)
        out += std::string(r.renal.value_kind == "egfr" ? "eGFR " : "CrCl ") + format_number(*r.renal.crcl_ml_min, 1) +
               (r.renal.value_kind == "egfr" ? " mL/min/1.73 m2" : " mL/min") + " (" + r.renal.method + ")";
    else if (r.renal.method == "esrd")
        out += "renal function: ESRD / dialysis";
    else
        out += "renal function not given";
    return out;
}

std::string summary_text(const core::Response& r, const Inputs& in, const std::string& generated_local) {
    std::string out;
    auto line = [&](const std::string& text) { out += text + "\n"; };
    line(overall_verdict(r, in));
    if (r.ok) {
        line(r.drug_name + ", " + r.indication.name + " (" + r.indication.status + ", " +
             (r.region == "eu" ? "EU label" : "US label") + ").");
        line(patient_line(r) + ".");
    }
    line(inputs_in_words(in));
    if (!r.ok) {
        if (!is_blank(in)) line("No dose shown: the input needs correcting.");
        for (const auto& e : r.errors) line("- " + e.field + ": " + e.message);
    }
    if (r.ok && r.regimen) {
        const auto& g = *r.regimen;
        if (g.interval_hours) line("Interval: " + every(*g.interval_hours) + (r.renal.adjusted ? ". " + r.renal.reason : "."));
        if (g.start_mg_per_kg_per_day)
            line("Start: " + format_number(g.start_mg_per_kg_per_day->min, 2) + "-" +
                 format_number(g.start_mg_per_kg_per_day->max, 2) + " mg/kg/day = " + mg(g.start_mg_per_day->min) + " to " +
                 mg(g.start_mg_per_day->max) + " per day.");
        if (g.dose_mg) line("Dose: " + mg(*g.dose_mg) + (g.single_dose ? " once." : " per administration."));
        if (g.ceiling_mg_per_day)
            line("Ceiling: " + mg(*g.ceiling_mg_per_day) + " per day (" + format_number(*g.ceiling_mg_per_kg_per_day, 2) +
                 " mg/kg/day).");
        else if (g.kind == "weight-based")
            line("Ceiling: none verified for this use (no escalation ladder).");
    }
    if (r.ok && !r.ladder.empty()) {
        line("Escalation ladder (" + r.product + "):");
        for (const auto& row : r.ladder) {
            std::string text = "- " + format_number(row.mg_per_kg_per_day, 2) + " mg/kg/day: " + mg(row.mg_per_day) + " = " +
                               ml(row.ml_per_day) + " per dose, " + syringes(row.syringes_per_day);
            if (row.split)
                text += "; or twice daily " + mg(row.split->mg_per_dose) + " = " + ml(row.split->ml_per_dose) + " per dose, " +
                        syringes(row.split->syringes_per_day) + " a day";
            if (row.in_start_range) text += " (start range)";
            if (row.is_ceiling) text += " (ceiling)";
            line(text + ".");
        }
    }
    if (r.ok && r.check) {
        const auto& c = *r.check;
        line("Check: " + upper(c.status) + " - " + mg(c.dose_mg) + " " + every(c.interval_hours) + " = " +
             format_number(c.mg_per_kg_per_day, 2) + " mg/kg/day; " + ml(c.ml_per_dose) + " per dose, " +
             syringes(c.syringes_per_dose) + " per dose.");
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
