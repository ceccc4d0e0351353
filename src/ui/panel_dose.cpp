// Panels 3 and 4: the dose (start, interval, ceiling, the escalation ladder) and the check of
// a prescribed dose. Under the every-48-h renal rule every dose is per administration, with the
// average per day beside it, and there is no twice-daily split.
#include "measure.hpp"
#include "numbers.hpp"
#include "panels.hpp"
#include "summary.hpp"

namespace ui {

using core::format_number;

namespace {

// The ladder row's note: "start", "ceiling", "unmeasurable", "< prescribed".
std::string row_note(const core::Response& r, size_t i, bool& prescribed) {
    const auto& row = r.ladder[i];
    prescribed = r.check && r.check->ladder_row && *r.check->ladder_row == static_cast<int>(i);
    std::string note = row.is_ceiling ? "ceiling" : row.in_start_range ? "start" : "";
    if (row.dose.below_measurable) note += std::string(note.empty() ? "" : ", ") + "unmeasurable";
    if (prescribed) note += note.empty() ? "< prescribed" : ", < prescribed";
    return note;
}

void ladder_table(App& app, bool daily) {
    Ui& ui = app.ui;
    const auto& r = app.response;
    const bool split = r.regimen->split_allowed;
    auto volume = [](const core::Measure& m) { return m.ml ? ml(*m.ml) : std::string("-"); };
    if (ui.narrow) {
        // Phones: three columns, the split and the note on further lines of their cells.
        if (!begin_table(ui, "ladder", "Escalation ladder", {daily ? "mg/kg/day" : "mg/kg /48 h", daily ? "per day" : "every 48 h", "syringes"}))
            return;
        for (size_t i = 0; i < r.ladder.size(); ++i) {
            const auto& row = r.ladder[i];
            bool prescribed = false;
            const std::string note = row_note(r, i, prescribed);
            table_row(ui, prescribed);
            table_cell(ui, format_number(row.mg_per_kg_per_dose, 2));
            if (!note.empty()) table_cell_more(ui, note);
            table_cell(ui, mg(row.dose.mg) + " = " + volume(row.dose));
            if (split && row.split) table_cell_more(ui, "or 2 x " + mg(row.split->mg_per_dose) + " (" + ml(row.split->ml_per_dose) + ")");
            table_cell(ui, std::to_string(row.dose.syringes.value_or(0)));
            if (split && row.split) table_cell_more(ui, "split: " + std::to_string(row.split->syringes_per_day));
        }
        end_table(ui);
        return;
    }
    std::vector<std::string> headers = {daily ? "mg/kg/day" : "mg/kg per dose", daily ? "mg/day" : "mg every 48 h",
                                        daily ? "mL/day" : "mL per dose"};
    if (split) headers.push_back("twice daily");
    headers.insert(headers.end(), {daily ? "syringes/day" : "syringes per dose", "note"});
    if (!begin_table(ui, "ladder", "Escalation ladder", headers)) return;
    for (size_t i = 0; i < r.ladder.size(); ++i) {
        const auto& row = r.ladder[i];
        bool prescribed = false;
        const std::string note = row_note(r, i, prescribed);
        table_row(ui, prescribed);
        table_cell(ui, format_number(row.mg_per_kg_per_dose, 2));
        table_cell(ui, mg(row.dose.mg));
        table_cell(ui, volume(row.dose));
        if (split) table_cell(ui, row.split ? "2 x " + mg(row.split->mg_per_dose) + " (" + ml(row.split->ml_per_dose) + ")" : "");
        table_cell(ui, std::to_string(row.dose.syringes.value_or(0)) +
                           (split && row.split ? " (split: " + std::to_string(row.split->syringes_per_day) + ")" : ""));
        table_cell(ui, note);
    }
    end_table(ui);
}

}  // namespace

void dose_panel(App& app) {
    Ui& ui = app.ui;
    const auto& r = app.response;
    heading(ui, "dose-heading", "3. Dose");
    if (!r.ok || !r.regimen) {
        if (r.errors.empty() || is_blank(app.inputs)) {
            text(ui, "No dose is shown until the inputs are complete.", Tone::Muted);
            return;
        }
        // Every error, named by its field: also those of inputs drawn without an error line of
        // their own (a choice, a checkbox, two frequencies in one link).
        text(ui, "No dose is shown until these are corrected:", Tone::Caution);
        begin_list(ui, "input-errors", "Inputs to correct");
        for (const auto& e : r.errors)
            list_item(ui, severity_symbol(core::Severity::Caution), error_line(e.field, e.message), Tone::Caution);
        end_list(ui);
        return;
    }
    const auto& g = *r.regimen;
    // Restated, so a view cropped to this panel still shows what the doses rest on.
    text(ui, "For this patient: " + patient_line(r));
    // Under the every-48-h rule each ladder row is one administration, given every other day.
    const bool daily = !g.interval_hours || *g.interval_hours == 24;
    const std::string per = daily ? " per day" : " per administration every 48 h";
    if (const std::string start = start_words(r); !start.empty()) text(ui, "Usual start: " + start);
    if (g.dose_mg) text(ui, "Dose: " + mg(*g.dose_mg) + (g.single_dose ? " once" : " per administration"));
    if (g.interval_hours)
        text(ui, "Interval: every " + format_number(*g.interval_hours) + " h" +
                     (r.renal.adjusted ? " - " + r.renal.reason : std::string(" (renal function does not change it)")),
             r.renal.adjusted ? Tone::Caution : Tone::Normal);
    if (g.ceiling_mg_per_day)
        text(ui, "Ceiling: " + mg(*g.ceiling_mg_per_day) + per + " (" + format_number(*g.ceiling_mg_per_kg_per_day, 2) + " mg/kg" +
                     (daily ? "/day" : "; on average " + format_number(*g.ceiling_mg_per_kg_per_day / 2, 2) + " mg/kg/day") + ")");
    if (r.ladder.empty()) {
        arithmetic(app, core::StepPanel::Dose);
        return;
    }
    input_radios(app, "step");
    end_field_row(ui);
    ladder_table(app, daily);
    text(ui, r.presentation.description + ". Each administration uses its own single-use syringe." +
                 (daily ? "" : " Every 48 h: no twice-daily split."),
         Tone::Muted);
    // Rows (or splits) the syringe cannot measure, and the nearest dose it can.
    bool unmeasurable = false;
    for (const auto& row : r.ladder) unmeasurable = unmeasurable || row.dose.below_measurable || (row.split && row.split->below_measurable);
    // What to do instead (never a start above the start range) is the core's finding, in the findings.
    if (unmeasurable && r.presentation.min_measurable_mg) {
        const auto& first = r.ladder.front().dose;
        text(ui, "Unmeasurable: a dose under " + mg(*r.presentation.min_measurable_mg) + " (" + ml(r.presentation.min_measurable_ml.value_or(0)) +
                     ") cannot be measured with this syringe" +
                     (first.nearest_measurable_mg ? "; the nearest measurable dose for the start is " + mg(*first.nearest_measurable_mg) + "."
                                                  : "; see the findings for what to do."),
             Tone::Caution, severity_symbol(core::Severity::Caution));
    }
    arithmetic(app, core::StepPanel::Dose);
}

void check_panel(App& app) {
    Ui& ui = app.ui;
    const Inputs& in = app.inputs;
    const auto& r = app.response;
    heading(ui, "check-heading", "4. Dose check");
    input_text(app, "dose_mg");
    end_field_row(ui);
    choice(ui, {.id = "frequency", .label = "Frequency", .width_em = 10.8f}, std::string(frequency_choice(in.frequency)),
           {{"per_day", "doses per day"}, {"every_hours", "every N hours"}});
    end_field_row(ui);
    input_text(app, in.frequency == Frequency::PerDay ? "doses_per_day" : "every_hours", 3.6f);
    end_field_row(ui);
    // How long the order runs, for courses (optional; an order with no stop is judged as one).
    input_text(app, "total_doses", 3.6f);
    end_field_row(ui);
    input_text(app, "course_days", 3.6f);
    end_field_row(ui);
    // The route, where a use has several (tocilizumab SC or IV) or one was given.
    if (!in.route.empty() || in.drug != field("drug").default_value) {
        input_choice(app, "route", 10.8f);
        end_field_row(ui);
    }
    if (in.dose_mg.empty()) {
        text(ui, "Enter a prescribed dose to check it.", Tone::Muted);
        return;
    }
    if (!r.ok || !r.check) return;
    const auto& c = *r.check;
    text(ui, "For this patient: " + patient_line(r));
    // One verdict for the patient: a contraindication elsewhere is shown here, never a green OK beside it.
    const core::Verdict shown = shown_check_status(r);
    std::string word(core::to_string(shown));
    for (auto& ch : word) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr;
    ImGui::PushFont(bold);
    text(ui, word, verdict_tone(shown), verdict_symbol(shown));
    ImGui::PopFont();
    if (shown != c.status)
        text(ui, "For this patient: " + r.verdict_reason + " (the dose itself: " + std::string(core::to_string(c.status)) + ").");
    text(ui, mg(c.dose_mg) + " " + (c.interval_hours > 0 ? "every " + format_number(c.interval_hours, 2) + " h" : std::string("once")) + " = " +
                 format_number(c.mg_per_kg_per_dose, 2) + " mg/kg per dose, " + format_number(c.mg_per_kg_per_day, 2) +
                 " mg/kg/day on average; " + core::measure_words(c.measure) + ".");
    findings_list(app, "check-findings", "Findings for the prescribed dose", c.findings);
    arithmetic(app, core::StepPanel::Check);
}

}  // namespace ui
