#include "summary.hpp"

#include "numbers.hpp"

namespace ui {

namespace {

using core::format_number;

std::string mg(double value) { return format_number(value, 1) + " mg"; }

std::string every(double hours) {
    if (hours == 24) return "every 24 h (once daily)";
    if (hours == 48) return "every 48 h (every other day)";
    return "every " + format_number(hours, 2) + " h";
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    return s;
}

}  // namespace

std::string summary_text(const core::Response& r) {
    std::string out;
    auto line = [&](const std::string& text) { out += text + "\n"; };
    if (!r.ok) {
        line("No dose shown: the input needs correcting.");
        for (const auto& e : r.errors) line("- " + e.field + ": " + e.message);
        line("Data version " + r.data_version + ".");
        return out;
    }
    line(r.drug_name + ", " + r.indication.name + " (" + r.indication.status + ", " +
         (r.region == "eu" ? "EU label" : "US label") + ").");
    std::string patient = "Weight " + format_number(r.patient.weight_kg, 2) + " kg";
    if (r.patient.age_years) patient += ", age " + format_number(*r.patient.age_years, 1) + " years";
    line(patient + ".");
    if (r.renal.crcl_ml_min) {
        line(std::string(r.renal.value_kind == "egfr" ? "eGFR " : "CrCl ") + format_number(*r.renal.crcl_ml_min, 1) +
             (r.renal.value_kind == "egfr" ? " mL/min/1.73 m2" : " mL/min") + " (" + r.renal.method + ").");
    } else if (r.renal.method == "esrd") {
        line("Renal function: ESRD / dialysis.");
    } else {
        line("Renal function: not given.");
    }
    if (r.regimen) {
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
    if (r.check) {
        line("Check: " + upper(r.check->status) + " - " + mg(r.check->dose_mg) + " " + every(r.check->interval_hours) +
             " = " + format_number(r.check->mg_per_kg_per_day, 2) + " mg/kg/day.");
        for (const auto& f : r.check->findings) line("- " + upper(f.severity) + " " + f.code + ": " + f.message);
    }
    for (const auto& f : r.findings)
        if (f.severity != "info") line("! " + upper(f.severity) + " " + f.code + ": " + f.message);
    line("Data version " + r.data_version + ". An aid, not a substitute for the label.");
    return out;
}

}  // namespace ui
