// Panels 1 and 2: the patient and the indication.
#include "numbers.hpp"
#include "panels.hpp"

namespace ui {

namespace {

// The core refuses a weight implausible for the age until it is confirmed; its message asks for
// that confirmation, and only then (or once ticked) is the checkbox offered.
bool weight_confirmation_offered(const App& app) {
    if (app.inputs.weight_confirmed == "1") return true;
    for (const auto& e : app.response.errors)
        if (e.field == "patient.weight" && e.message.find("confirm it") != std::string::npos) return true;
    return false;
}

}  // namespace

void patient_panel(App& app) {
    Ui& ui = app.ui;
    const Inputs& in = app.inputs;
    const auto& r = app.response;
    heading(ui, "patient-heading", "1. Patient");
    input_text(app, "weight");
    input_choice(app, "weight_unit", 4.8f, false);
    if (r.ok && in.weight_unit == "lb") {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text(ui, "= " + core::format_number(r.patient.weight_kg, 2) + " kg", Tone::Muted);
    }
    end_field_row(ui);
    if (weight_confirmation_offered(app)) {
        checkbox(ui, "weight_confirmed", field("weight_confirmed").label.c_str(), in.weight_confirmed == "1");
        ui.row_start = static_cast<int>(ui.sem.tree().nodes.size());
    }
    input_text(app, "age");
    input_choice(app, "age_unit", 4.8f, false);
    end_field_row(ui);
    input_choice(app, "sex", 10.8f);
    end_field_row(ui);
    input_text(app, "height_cm");
    end_field_row(ui);
    // Which renal measure: not a field of its own, it chooses among CrCl, creatinine and ESRD.
    const std::string renal_error = field_errors(app, {"patient.renal"});
    choice(ui, {.id = "renal", .label = "Renal function", .width_em = 10.8f}, std::string(renal_choice(in.renal)),
           {{"", "not given"}, {"crcl", "CrCl"}, {"scr", "serum creatinine"}, {"esrd", "ESRD / dialysis"}},
           in.renal == RenalKind::None || in.renal == RenalKind::Esrd ? renal_error : std::string());
    end_field_row(ui);
    if (in.renal == RenalKind::Crcl) {
        input_text(app, "crcl");
        end_field_row(ui);
    } else if (in.renal == RenalKind::Scr) {
        input_text(app, "scr");
        input_choice(app, "scr_unit", 5.5f, false);
        end_field_row(ui);
    }
    const auto& renal = r.renal;
    if (r.ok && renal.crcl_ml_min) {
        const bool egfr = renal.value_kind == "egfr";
        text(ui, std::string(egfr ? "eGFR " : "CrCl ") + core::format_number(*renal.crcl_ml_min, 1) +
                     (egfr ? " mL/min/1.73 m\xC2\xB2" : " mL/min") + " (" + renal.formula + ")");
        if (renal.weight_used && !renal.weight_reason.empty()) text(ui, renal.weight_reason, Tone::Muted);
    }
    arithmetic(app, core::StepPanel::Patient);
}

void indication_panel(App& app, const core::DrugDb& db) {
    Ui& ui = app.ui;
    const Inputs& in = app.inputs;
    heading(ui, "indication-heading", "2. Indication");
    input_radios(app, "region");
    end_field_row(ui);
    // Labelled uses first, then the rest, each with its status in words.
    Options options = {{"", "choose..."}};
    if (const core::Drug* drug = db.find(in.drug))
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& use : drug->uses) {
                if (core::name_of(use.region) != in.region && use.region != core::Region::Any) continue;
                if (use.status == core::UseStatus::NotIndicated) continue;
                const bool labelled = use.status == core::UseStatus::Labelled;
                if ((pass == 0) != labelled) continue;
                options.emplace_back(use.indication, use.name + (labelled ? "" : " [" + std::string(core::to_string(use.status)) + "]"));
            }
    input_choice(app, "indication", 0, true, options);
    end_field_row(ui);
    const auto& r = app.response;
    if (r.ok) {
        const bool labelled = r.indication.status == core::UseStatus::Labelled;
        const std::string status = labelled ? "Labelled" : r.indication.status == core::UseStatus::OffLabel ? "OFF-LABEL" : "Emergency use";
        text(ui, status + ": " + r.indication.name + (r.indication.conditions.empty() ? "" : " " + r.indication.conditions),
             labelled ? Tone::Normal : Tone::Caution);
    }
}

}  // namespace ui
