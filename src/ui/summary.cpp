#include "summary.hpp"

#include "measure.hpp"
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

std::string upper(std::string_view view) {
    std::string s(view);
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
    // The one verdict for the patient comes first (a contraindication is never listed after an "ok").
    line("Overall: " + upper(core::to_string(r.verdict)) + (r.verdict_reason.empty() ? "" : " - " + r.verdict_reason));
    line(r.drug_name + ", " + r.indication.name + " (" + core::name_of(r.indication.status) + ", " +
         (r.region == core::Region::Eu ? "EU label" : "US label") + ").");
    std::string patient = "Weight " + format_number(r.patient.weight_kg, 2) + " kg";
    if (r.patient.age_years) patient += ", age " + format_number(*r.patient.age_years, 1) + " years";
    line(patient + ".");
    if (r.renal.crcl_ml_min) {
        line(std::string(r.renal.value_kind == "egfr" ? "eGFR " : "CrCl ") + format_number(*r.renal.crcl_ml_min, 1) +
             (r.renal.value_kind == "egfr" ? " mL/min/1.73 m2" : " mL/min") + " (" + std::string(core::to_string(r.renal.method)) + ").");
    } else if (r.renal.method == core::RenalMethod::Esrd) {
        line("Renal function: ESRD / dialysis.");
    } else {
        line("Renal function: not given.");
    }
    if (r.regimen) {
        const auto& g = *r.regimen;
        if (g.interval_hours) line("Interval: " + every(*g.interval_hours) + (r.renal.adjusted ? ". " + r.renal.reason : "."));
        // Under the every-48-h rule each administration is the whole dose, given every other day.
        const bool every_48h = g.interval_hours && *g.interval_hours == 48;
        const std::string per = every_48h ? " per administration every 48 h" : " per day";
        if (g.start_mg_per_kg_per_day) {
            const auto& s = *g.start_mg_per_day;
            line("Start: " + format_number(g.start_mg_per_kg_per_day->min, 2) + "-" +
                 format_number(g.start_mg_per_kg_per_day->max, 2) + " mg/kg" + (every_48h ? "" : "/day") + " = " +
                 (s.min == s.max ? mg(s.min) : mg(s.min) + " to " + mg(s.max)) + per + ".");
        }
        if (g.dose_mg) line("Dose: " + mg(*g.dose_mg) + (g.single_dose ? " once." : " per administration."));
        if (g.ceiling_mg_per_day)
            line("Ceiling: " + mg(*g.ceiling_mg_per_day) + per + " (" + format_number(*g.ceiling_mg_per_kg_per_day, 2) +
                 (every_48h ? " mg/kg; on average " + format_number(*g.ceiling_mg_per_kg_per_day / 2, 2) + " mg/kg/day)."
                            : " mg/kg/day)."));
        else if (g.kind == core::DoseKind::Escalating)
            line("Ceiling: none verified for this use (no escalation ladder).");
    }
    if (r.check) {
        const auto& c = *r.check;
        line("Check: " + upper(core::to_string(c.status)) + " - " + mg(c.dose_mg) + " " +
             (c.interval_hours > 0 ? every(c.interval_hours) : std::string("once")) + " = " +
             format_number(c.mg_per_kg_per_dose, 2) + " mg/kg per dose, " + format_number(c.mg_per_kg_per_day, 2) +
             " mg/kg/day on average; " + core::measure_words(c.measure) + ".");
        for (const auto& f : c.findings) line("- " + upper(core::to_string(f.severity)) + ": " + f.message);
    }
    for (const auto& f : r.findings)
        if (f.severity != core::Severity::Info) line("! " + upper(core::to_string(f.severity)) + ": " + f.message);
    line("Data version " + r.data_version + ". An aid, not a substitute for the label.");
    return out;
}

}  // namespace ui
