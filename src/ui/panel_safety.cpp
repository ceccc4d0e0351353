// Panel 5: the safety checklist, the labs and the start date, the patient's findings and the
// monitoring dates. The flags and labs are the field table's (fields.hpp), in its order.
#include "panels.hpp"
#include "summary.hpp"

namespace ui {

void safety_panel(App& app) {
    Ui& ui = app.ui;
    const Inputs& in = app.inputs;
    heading(ui, "safety-heading", "5. Safety");
    const bool two_columns = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 32;  // the longest label fits
    int column = 0;
    for (const auto& f : input_fields()) {
        if (f.storage != Storage::SafetyFlag) continue;
        const auto it = in.safety_flags.find(f.name);
        checkbox(ui, f.name.c_str(), f.label.c_str(), it != in.safety_flags.end() && it->second);
        if (two_columns && column++ % 2 == 0) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
    }
    if (two_columns && column % 2 == 1) ImGui::NewLine();
    ui.row_start = static_cast<int>(ui.sem.tree().nodes.size());  // the checkboxes carry no errors
    for (const auto& f : input_fields()) {
        if (f.storage != Storage::Lab) continue;
        input_text(app, f.name.c_str());
        end_field_row(ui);
    }
    input_text(app, "start_date", 8.4f);
    end_field_row(ui);
    const auto& r = app.response;
    if (!r.ok) return;
    findings_list(app, "safety-findings", "Safety findings for this patient", r.findings);
    for (const auto& m : r.monitoring) text(ui, m.what + ": " + monitoring_when(m));
}

}  // namespace ui
