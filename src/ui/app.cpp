#include "app.hpp"

#include "calendar.hpp"
#include "evaluate.hpp"
#include "numbers.hpp"
#include "response_json.hpp"
#include "summary.hpp"

#include <algorithm>
#include <cstring>

namespace ui {

namespace {

using core::format_number;

// Verdict colours; the words and symbols beside them carry the meaning on their own.
ImVec4 ok_color(bool dark) { return dark ? ImVec4(0.45f, 0.85f, 0.5f, 1) : ImVec4(0.05f, 0.45f, 0.15f, 1); }
ImVec4 caution_color(bool dark) { return dark ? ImVec4(1.0f, 0.78f, 0.3f, 1) : ImVec4(0.6f, 0.38f, 0.0f, 1); }
ImVec4 exceeds_color(bool dark) { return dark ? ImVec4(1.0f, 0.45f, 0.45f, 1) : ImVec4(0.72f, 0.08f, 0.08f, 1); }
ImVec4 muted_color() { return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]; }
ImVec4 text_color() { return ImGui::GetStyle().Colors[ImGuiCol_Text]; }

// Wrapped text in a colour: the one way panels show coloured lines.
void wrapped(const ImVec4& color, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

ImVec4 severity_color(const std::string& severity, bool dark) {
    if (severity == "exceeds" || severity == "contraindicated") return exceeds_color(dark);
    if (severity == "caution") return caution_color(dark);
    return text_color();
}

const char* severity_symbol(const std::string& severity) {
    if (severity == "exceeds" || severity == "contraindicated") return "\xE2\x9C\x96";  // heavy x
    if (severity == "caution") return "\xE2\x9A\xA0";                                     // warning sign
    return "\xE2\x80\xA2";                                                                 // bullet
}

std::string mg(double v) { return format_number(v, 1) + " mg"; }
std::string ml(double v) { return format_number(v, 2) + " mL"; }

// Where the last item was drawn, under a name (see ControlRect).
void note_control(App& app, const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.controls.push_back({name, a.x / app.dpr, a.y / app.dpr, (b.x - a.x) / app.dpr, (b.y - a.y) / app.dpr});
}

// Typing keeps to the characters a field of this kind may hold (fields.hpp): a decimal comma
// is kept, never dropped (ImGui's own decimal filter drops it, turning "14,5" into 145).
int typed_char_filter(ImGuiInputTextCallbackData* data) {
    const auto* f = static_cast<const Field*>(data->UserData);
    return typed_char_allowed(f->kind, data->EventChar) ? 0 : 1;
}

// The text field of an input (fields.hpp), as long as StateLimits allows.
bool text_field(App& app, const std::string& name, float width) {
    const Field& f = field(name);
    std::string* value = editable_text(app.inputs, f);
    if (value == nullptr) return false;
    char buffer[StateLimits::max_value_bytes + 1];
    std::snprintf(buffer, sizeof buffer, "%s", value->c_str());
    ImGui::SetNextItemWidth(width);
    const ImGuiInputTextFlags flags = f.kind == FieldKind::Choice ? 0 : ImGuiInputTextFlags_CallbackCharFilter;
    const bool changed = ImGui::InputText(("##" + name).c_str(), buffer, sizeof buffer, flags, typed_char_filter,
                                          const_cast<Field*>(&f));
    if (changed) {
        *value = buffer;
        touch_field(app.inputs, name);
    }
    note_control(app, name);
    return changed;
}

// A drop-down of an input's options: the table's, or the given ones (indications from the data).
bool choice(App& app, const std::string& name, float width, std::vector<FieldOption> options = {}) {
    const Field& f = field(name);
    std::string* value = editable_text(app.inputs, f);
    if (value == nullptr) return false;
    if (options.empty()) options = f.options;
    bool changed = false;
    std::string shown = value->empty() ? "choose..." : "(not a listed value)";
    for (const auto& o : options)
        if (o.value == *value) shown = o.label;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(("##" + name).c_str(), shown.c_str())) {
        for (const auto& o : options) {
            if (ImGui::Selectable(o.label.c_str(), o.value == *value)) {
                changed = changed || o.value != *value;
                *value = o.value;
                touch_field(app.inputs, name);
            }
        }
        ImGui::EndCombo();
    }
    note_control(app, name);
    return changed;
}

// An input's options as radio buttons on one line (region, step).
bool radio_choice(App& app, const std::string& name) {
    const Field& f = field(name);
    std::string* value = editable_text(app.inputs, f);
    if (value == nullptr) return false;
    bool changed = false;
    for (size_t i = 0; i < f.options.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const auto& o = f.options[i];
        if (ImGui::RadioButton(o.label.c_str(), *value == o.value)) {
            changed = changed || *value != o.value;
            *value = o.value;
            touch_field(app.inputs, name);
        }
        note_control(app, name + ":" + o.value);
    }
    return changed;
}

// A button, noted under its label.
bool button(App& app, const char* text) {
    const bool pressed = ImGui::Button(text);
    note_control(app, text);
    return pressed;
}

// The response's errors that belong to a field (its path or below), each shown once. A blank
// form shows none: it asks for the patient once, at the top.
void field_errors(const App& app, std::initializer_list<const char*> fields) {
    if (is_blank(app.inputs)) return;
    for (const auto& e : app.response.errors) {
        bool mine = false;
        for (const char* f : fields) mine = mine || e.field == f || e.field.rfind(std::string(f) + ".", 0) == 0;
        if (!mine) continue;
        wrapped(exceeds_color(app.dark), std::string(severity_symbol("exceeds")) + " " + e.message);
    }
}

bool narrow(const App& app) { return app.css_width < 600; }

// Continues on the same line when `width` fits, otherwise starts a new line under the fields.
void same_line_or_wrap(float width) {
    if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x > width + ImGui::GetStyle().ItemSpacing.x * 2) {
        ImGui::SameLine();
    } else {
        ImGui::Dummy(ImVec2(ImGui::GetFontSize() * 7.5f - ImGui::GetStyle().ItemSpacing.x, 0));
        ImGui::SameLine();
    }
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::Separator();
}

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(ImGui::GetFontSize() * 7.5f);
}

void finding_line(const core::Finding& f, bool dark) {
    wrapped(severity_color(f.severity, dark), std::string(severity_symbol(f.severity)) + " " + f.message);
    std::string refs;
    for (const auto& r : f.source.refs) refs += (refs.empty() ? "" : ", ") + r;
    wrapped(muted_color(), "   " + f.source.section + " [" + refs + "]" + (f.source.unverified ? " - UNVERIFIED" : ""));
}

// --- panels ---------------------------------------------------------------------------------

bool patient_panel(App& app) {
    Inputs& in = app.inputs;
    const float field = ImGui::GetFontSize() * 6;
    bool changed = false;
    heading("1. Patient");
    label("Weight");
    changed |= text_field(app, "weight", field);
    ImGui::SameLine();
    changed |= choice(app, "weight_unit", field * 0.8f);
    if (app.response.ok && in.weight_unit == "lb") {
        ImGui::SameLine();
        ImGui::TextDisabled("= %s kg", format_number(app.response.patient.weight_kg, 2).c_str());
    }
    field_errors(app, {"patient.weight", "patient"});
    label("Age");
    changed |= text_field(app, "age", field);
    ImGui::SameLine();
    changed |= choice(app, "age_unit", field * 0.8f);
    field_errors(app, {"patient.age"});
    label("Sex");
    changed |= choice(app, "sex", field * 1.8f);
    field_errors(app, {"patient.sex"});
    label("Height");
    changed |= text_field(app, "height_cm", field);
    ImGui::SameLine();
    ImGui::TextUnformatted("cm");
    field_errors(app, {"patient.height_cm"});
    label("Renal");
    int kind = static_cast<int>(in.renal);
    const char* kinds[] = {"not given", "CrCl", "creatinine", "ESRD / dialysis"};
    ImGui::SetNextItemWidth(field * 1.8f);
    if (ImGui::Combo("##renal_kind", &kind, kinds, 4)) {
        in.renal = static_cast<RenalKind>(kind);
        touch_field(in, "renal");
        changed = true;
    }
    note_control(app, "renal");
    if (in.renal == RenalKind::Crcl) {
        same_line_or_wrap(field * 1.8f);
        changed |= text_field(app, "crcl", field);
        ImGui::SameLine();
        ImGui::TextUnformatted("mL/min");
    } else if (in.renal == RenalKind::Scr) {
        same_line_or_wrap(field * 2.2f);
        changed |= text_field(app, "scr", field);
        ImGui::SameLine();
        changed |= choice(app, "scr_unit", field);
    }
    field_errors(app, {"patient.renal"});
    const auto& renal = app.response.renal;
    if (app.response.ok && renal.crcl_ml_min) {
        ImGui::TextWrapped("%s %s %s (%s)", renal.value_kind == "egfr" ? "eGFR" : "CrCl",
                           format_number(*renal.crcl_ml_min, 1).c_str(),
                           renal.value_kind == "egfr" ? "mL/min/1.73 m\xC2\xB2" : "mL/min", renal.formula.c_str());
    }
    return changed;
}

bool indication_panel(App& app, const core::DrugDb& db) {
    Inputs& in = app.inputs;
    bool changed = false;
    heading("2. Indication");
    label("Label");
    changed |= radio_choice(app, "region");
    // Labelled uses first, then the rest, each with its status in words.
    const core::Drug* drug = db.find(in.drug);
    std::vector<FieldOption> options;
    if (drug != nullptr)
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& use : drug->uses) {
                if (use.region != in.region && use.region != "any") continue;
                if (use.status == core::UseStatus::NotIndicated) continue;
                const bool labelled = use.status == core::UseStatus::Labelled;
                if ((pass == 0) != labelled) continue;
                std::string status = labelled ? "" : " [" + std::string(core::to_string(use.status)) + "]";
                options.push_back({use.indication, use.name + status});
            }
    label("Indication");
    changed |= choice(app, "indication", ImGui::GetContentRegionAvail().x, options);
    field_errors(app, {"indication", "drug", "region"});
    const auto& r = app.response;
    if (r.ok) {
        const bool labelled = r.indication.status == "labelled";
        const std::string status = labelled ? "Labelled" : r.indication.status == "off-label" ? "OFF-LABEL" : "Emergency use";
        wrapped(labelled ? text_color() : caution_color(app.dark),
                status + ": " + r.indication.name + (r.indication.conditions.empty() ? "" : " " + r.indication.conditions));
    }
    return changed;
}

bool dose_panel(App& app) {
    bool changed = false;
    heading("3. Dose");
    const auto& r = app.response;
    if (!r.ok || !r.regimen) {
        ImGui::TextDisabled("No dose is shown until the inputs above are corrected.");
        return false;
    }
    const auto& g = *r.regimen;
    ImGui::TextWrapped("For this patient: %s", patient_line(r).c_str());  // restated: a cropped view still shows what the doses rest on
    if (g.start_mg_per_kg_per_day)
        ImGui::TextWrapped("Usual start: %s-%s mg/kg/day = %s to %s per day", format_number(g.start_mg_per_kg_per_day->min, 2).c_str(),
                           format_number(g.start_mg_per_kg_per_day->max, 2).c_str(), mg(g.start_mg_per_day->min).c_str(),
                           mg(g.start_mg_per_day->max).c_str());
    if (g.dose_mg) ImGui::TextWrapped("Dose: %s%s", mg(*g.dose_mg).c_str(), g.single_dose ? " once" : " per administration");
    if (g.interval_hours) {
        wrapped(r.renal.adjusted ? caution_color(app.dark) : text_color(),
                "Interval: every " + format_number(*g.interval_hours) + " h" +
                    (r.renal.adjusted ? " - " + r.renal.reason : std::string(" (renal function does not change it)")));
    }
    if (g.ceiling_mg_per_day)
        ImGui::TextWrapped("Ceiling: %s per day (%s mg/kg/day)", mg(*g.ceiling_mg_per_day).c_str(),
                           format_number(*g.ceiling_mg_per_kg_per_day, 2).c_str());
    if (!r.ladder.empty()) {
        label("Step");
        changed |= radio_choice(app, "step");
        const bool split = g.split_allowed;
        auto note_for = [&](size_t i) {
            const auto& row = r.ladder[i];
            const bool prescribed = r.check && r.check->ladder_row && *r.check->ladder_row == static_cast<int>(i);
            std::string note = row.is_ceiling ? "ceiling" : row.in_start_range ? "start" : "";
            if (prescribed) note += note.empty() ? "< prescribed" : ", < prescribed";
            return std::make_pair(prescribed, note);
        };
        if (narrow(app)) {
            // Phones: three columns, the split and the note on a second line of their cells.
            if (ImGui::BeginTable("ladder", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("mg/kg/day", ImGuiTableColumnFlags_WidthStretch, 0.8f);
                ImGui::TableSetupColumn("per day", ImGuiTableColumnFlags_WidthStretch, 1.6f);
                ImGui::TableSetupColumn("syringes", ImGuiTableColumnFlags_WidthStretch, 0.7f);
                ImGui::TableHeadersRow();
                for (size_t i = 0; i < r.ladder.size(); ++i) {
                    const auto& row = r.ladder[i];
                    const auto [prescribed, note] = note_for(i);
                    ImGui::TableNextRow();
                    if (prescribed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderActive));
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s%s%s", format_number(row.mg_per_kg_per_day, 2).c_str(), note.empty() ? "" : "\n", note.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s = %s", mg(row.mg_per_day).c_str(), ml(row.ml_per_day).c_str());
                    if (split && row.split)
                        ImGui::TextWrapped("or 2 x %s (%s)", mg(row.split->mg_per_dose).c_str(), ml(row.split->ml_per_dose).c_str());
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", row.syringes_per_day);
                    if (split && row.split) ImGui::Text("split: %d", row.split->syringes_per_day);
                }
                ImGui::EndTable();
            }
        } else if (ImGui::BeginTable("ladder", split ? 6 : 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("mg/kg/day");
            ImGui::TableSetupColumn("mg/day");
            ImGui::TableSetupColumn("mL/day");
            if (split) ImGui::TableSetupColumn("twice daily");
            ImGui::TableSetupColumn("syringes/day");
            ImGui::TableSetupColumn("note");
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < r.ladder.size(); ++i) {
                const auto& row = r.ladder[i];
                const auto [prescribed, note] = note_for(i);
                ImGui::TableNextRow();
                if (prescribed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderActive));
                ImGui::TableNextColumn();
                ImGui::Text("%s", format_number(row.mg_per_kg_per_day, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s", mg(row.mg_per_day).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s", ml(row.ml_per_day).c_str());
                if (split) {
                    ImGui::TableNextColumn();
                    if (row.split) ImGui::Text("2 x %s (%s)", mg(row.split->mg_per_dose).c_str(), ml(row.split->ml_per_dose).c_str());
                }
                ImGui::TableNextColumn();
                ImGui::Text("%d%s", row.syringes_per_day,
                            split && row.split ? (" (split: " + std::to_string(row.split->syringes_per_day) + ")").c_str() : "");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(note.c_str());
            }
            ImGui::EndTable();
        }
        wrapped(muted_color(), r.product + ". Each administration uses its own single-use syringe.");
    }
    return changed;
}

bool check_panel(App& app) {
    Inputs& in = app.inputs;
    bool changed = false;
    heading("4. Dose check");
    const float field = ImGui::GetFontSize() * 6;
    label("Prescribed");
    changed |= text_field(app, "dose_mg", field);
    ImGui::SameLine();
    ImGui::TextUnformatted("mg");
    same_line_or_wrap(field * 2.6f);
    int freq = static_cast<int>(in.frequency);
    const char* freqs[] = {"doses per day", "every N hours"};
    ImGui::SetNextItemWidth(field * 1.9f);
    if (ImGui::Combo("##frequency", &freq, freqs, 2)) {
        in.frequency = static_cast<Frequency>(freq);
        touch_field(in, "frequency");
        changed = true;
    }
    note_control(app, "frequency");
    ImGui::SameLine();
    changed |= text_field(app, in.frequency == Frequency::PerDay ? "doses_per_day" : "every_hours", field * 0.6f);
    field_errors(app, {"prescribed"});
    // The route, where a use has several (tocilizumab SC or IV) or one was given.
    if (!in.route.empty() || in.drug != ui::field("drug").default_value) {
        label("Route");
        changed |= choice(app, "route", field * 1.8f);
        field_errors(app, {"route"});
    }
    const auto& r = app.response;
    if (in.dose_mg.empty()) {
        ImGui::TextDisabled("Enter a prescribed dose to check it.");
    } else if (r.ok && r.check) {
        const auto& c = *r.check;
        ImGui::TextWrapped("For this patient: %s", patient_line(r).c_str());
        const std::string status = c.status == "ok" ? "OK" : c.status == "caution" ? "CAUTION" : "EXCEEDS";
        const std::string severity = c.status == "ok" ? "info" : c.status;
        ImGui::PushStyleColor(ImGuiCol_Text, c.status == "ok" ? ok_color(app.dark) : severity_color(severity, app.dark));
        ImGui::PushFont(ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr);
        ImGui::Text("%s %s", c.status == "ok" ? "\xE2\x9C\x93" : severity_symbol(severity), status.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::TextWrapped("%s per dosing day = %s mg/kg/day; %s per dose, %d syringe%s per dose.", mg(c.mg_per_dosing_day).c_str(),
                           format_number(c.mg_per_kg_per_day, 2).c_str(), ml(c.ml_per_dose).c_str(), c.syringes_per_dose,
                           c.syringes_per_dose == 1 ? "" : "s");
        for (const auto& f : c.findings) finding_line(f, app.dark);
    }
    return changed;
}

bool safety_panel(App& app) {
    Inputs& in = app.inputs;
    bool changed = false;
    heading("5. Safety");
    const bool two_columns = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 32;  // the longest label fits
    int column = 0;
    for (const auto& f : input_fields()) {
        if (f.storage != Storage::SafetyFlag) continue;
        bool on = in.safety_flags[f.name];
        if (ImGui::Checkbox(f.label.c_str(), &on)) {
            in.safety_flags[f.name] = on;
            touch_field(in, f.name);
            changed = true;
        }
        note_control(app, f.name);
        if (two_columns && column++ % 2 == 0) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
    }
    if (two_columns && column % 2 == 1) ImGui::NewLine();
    const float field = ImGui::GetFontSize() * 6;
    for (const auto& f : input_fields()) {
        if (f.storage != Storage::Lab) continue;
        label(f.label.c_str());
        changed |= text_field(app, f.name, field);
        ImGui::SameLine();
        ImGui::TextUnformatted(f.unit.c_str());
    }
    label("Start date");
    changed |= text_field(app, "start_date", field * 1.4f);
    ImGui::SameLine();
    ImGui::TextDisabled("YYYY-MM-DD");
    field_errors(app, {"safety"});
    const auto& r = app.response;
    if (!r.ok) return changed;
    for (const auto& f : r.findings) finding_line(f, app.dark);
    for (const auto& m : r.monitoring) ImGui::TextWrapped("%s: %s", m.what.c_str(), monitoring_when(m).c_str());
    return changed;
}

void compare_panel(App& app, const Services& services) {
    heading("6. Compare");
    const auto& r = app.response;
    if (!r.ok) {
        ImGui::TextDisabled("No comparison until the inputs are corrected.");
        return;
    }
    if (ImGui::BeginTable("compare", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("drug");
        ImGui::TableSetupColumn("route");
        ImGui::TableSetupColumn("dose", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("interval");
        ImGui::TableSetupColumn("per year");
        ImGui::TableHeadersRow();
        for (const auto& c : r.comparators) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s%s", c.name.c_str(), c.primary ? " *" : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.route.c_str());
            ImGui::TableNextColumn();
            if (!c.indicated) {
                wrapped(caution_color(app.dark), c.reason);
            }
            if (c.dose_mg) {
                std::string dose = c.dose_max_mg ? mg(*c.dose_mg) + "-" + mg(*c.dose_max_mg) + "/day" : mg(*c.dose_mg);
                if (c.increase_to_mg) dose += " (up to " + mg(*c.increase_to_mg) + ")";
                ImGui::TextWrapped("%s", dose.c_str());
                wrapped(muted_color(), c.basis);
                if (!c.region_note.empty()) wrapped(muted_color(), c.region_note);
            }
            for (const auto& f : c.findings) finding_line(f, app.dark);
            ImGui::TableNextColumn();
            if (c.interval_days) ImGui::Text("%s day%s", format_number(*c.interval_days, 2).c_str(), *c.interval_days == 1 ? "" : "s");
            else if (c.single_dose) ImGui::TextUnformatted("once");
            ImGui::TableNextColumn();
            if (c.administrations_per_year) ImGui::Text("%s", format_number(*c.administrations_per_year, 1).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("* the drug being checked");

    // Timeline of administrations over 12 weeks: one row of ticks per drug and route.
    ImGui::Spacing();
    ImGui::TextUnformatted("Administrations over 12 weeks");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float row_h = ImGui::GetFontSize() * 1.4f;
    const float name_w = ImGui::GetFontSize() * 9;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::GetColorU32(ImGuiCol_Border);
    for (const auto& c : r.comparators) {
        if (c.timeline_days.empty() || !c.dose_mg) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string name = c.name.substr(0, c.name.find(' ')) + " " + c.route;
        dl->AddText(ImVec2(p.x, p.y), text, name.c_str());
        const float x0 = p.x + name_w, x1 = p.x + width - 4;
        dl->AddLine(ImVec2(x0, p.y + row_h * 0.5f), ImVec2(x1, p.y + row_h * 0.5f), grid);
        for (int day : c.timeline_days) {
            const float x = x0 + (x1 - x0) * day / 84.0f;
            dl->AddLine(ImVec2(x, p.y + row_h * 0.15f), ImVec2(x, p.y + row_h * 0.85f), text, std::max(1.0f, app.dpr));
        }
        ImGui::Dummy(ImVec2(width, row_h));
    }
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float x0 = p.x + name_w, x1 = p.x + width - 4;
        for (int week = 0; week <= 12; week += 2) {
            const std::string text = "w" + std::to_string(week);
            const float x = x0 + (x1 - x0) * week / 12.0f;
            const float tw = ImGui::CalcTextSize(text.c_str()).x;
            dl->AddText(ImVec2(std::min(x - tw * 0.5f, x1 - tw), p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str());
        }
        ImGui::Dummy(ImVec2(width, row_h));
    }

    // Relative exposure, drawn by the platform's own WebGL2 shaders (shaders/curve.*).
    ImGui::Spacing();
    ImGui::TextUnformatted("Relative exposure (1 = peak after one dose, normal clearance)");
    static const ImU32 palette[] = {IM_COL32(31, 119, 180, 255), IM_COL32(214, 39, 40, 255), IM_COL32(44, 160, 44, 255),
                                    IM_COL32(148, 103, 189, 255)};
    PlotFrame& plot = app.plot;
    plot.curves.clear();
    float y_max = 1;
    for (const auto& s : r.exposure)
        for (double v : s.relative_concentration) y_max = std::max(y_max, static_cast<float>(v));
    plot.y_max = y_max * 1.1f;
    plot.x_max = r.exposure.empty() ? 84 : static_cast<float>(r.exposure[0].t_hours.back() / 24);
    const float plot_h = ImGui::GetFontSize() * 12;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float axis_w = ImGui::GetFontSize() * 2.5f;
    plot.min = ImVec2(p.x + axis_w, p.y + 4);
    plot.max = ImVec2(p.x + width - 4, p.y + plot_h - ImGui::GetFontSize() * 1.5f);
    plot.line_width_px = 2 * app.dpr;
    dl->AddRect(plot.min, plot.max, grid);
    for (float y = 0; y <= plot.y_max; y += plot.y_max > 4 ? 2.0f : 0.5f) {
        const float py = plot.max.y - (plot.max.y - plot.min.y) * y / plot.y_max;
        dl->AddLine(ImVec2(plot.min.x, py), ImVec2(plot.max.x, py), grid);
        dl->AddText(ImVec2(p.x, py - ImGui::GetFontSize() * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled), format_number(y, 1).c_str());
    }
    for (int week = 0; week <= plot.x_max / 7; week += 2) {
        const std::string text = "w" + std::to_string(week);
        const float px = plot.min.x + (plot.max.x - plot.min.x) * week * 7 / plot.x_max;
        const float tw = ImGui::CalcTextSize(text.c_str()).x;
        dl->AddText(ImVec2(std::min(px - tw * 0.5f, plot.max.x - tw), plot.max.y + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str());
    }
    for (size_t i = 0; i < r.exposure.size(); ++i) {
        const auto& s = r.exposure[i];
        PlotCurve curve;
        curve.color = palette[i % 4];
        for (size_t k = 0; k < s.t_hours.size(); ++k) {
            curve.xy.push_back(static_cast<float>(s.t_hours[k] / 24));
            curve.xy.push_back(static_cast<float>(s.relative_concentration[k]));
        }
        plot.curves.push_back(std::move(curve));
    }
    if (services.draw_curves != nullptr && !plot.curves.empty()) {
        dl->AddCallback(services.draw_curves, &plot);
        dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    }
    ImGui::Dummy(ImVec2(width, plot_h));
    for (size_t i = 0; i < r.exposure.size(); ++i) {
        const auto& s = r.exposure[i];
        const ImVec2 q = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(ImVec2(q.x, q.y + 4), ImVec2(q.x + ImGui::GetFontSize(), q.y + ImGui::GetFontSize() - 2), palette[i % 4]);
        ImGui::Dummy(ImVec2(ImGui::GetFontSize() * 1.3f, 1));
        ImGui::SameLine();
        ImGui::TextWrapped("%s %s: %s%s%s", s.drug.c_str(), s.route.c_str(), s.regimen.c_str(), s.note.empty() ? "" : ". ",
                           s.note.c_str());
    }
}

void sources_panel(App& app, const core::DrugDb& db) {
    heading("7. Sources");
    const auto& r = app.response;
    ImGui::TextWrapped("Data version %s. Sources are label copies and references listed in data/sources.json; "
                       "rules marked UNVERIFIED could not be checked against the primary label.",
                       r.data_version.c_str());
    if (!r.ok) return;
    std::vector<const core::Source*> cited = {&r.indication.source};
    if (r.regimen) {
        cited.push_back(&r.regimen->source);
        if (!r.regimen->split_source.refs.empty()) cited.push_back(&r.regimen->split_source);
    }
    if (!r.renal.source.refs.empty()) cited.push_back(&r.renal.source);
    std::vector<std::string> ids;
    for (const auto* s : cited) {
        std::string refs;
        for (const auto& id : s->refs) {
            refs += (refs.empty() ? "" : ", ") + id;
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
        wrapped(s->unverified ? caution_color(app.dark) : text_color(),
                std::string(severity_symbol(s->unverified ? "caution" : "info")) + " " + s->section + " [" + refs + "]" +
                    (s->unverified ? " - UNVERIFIED" : ""));
    }
    for (const auto& id : ids) {
        auto it = db.sources.find(id);
        if (it == db.sources.end()) continue;
        wrapped(muted_color(), id + ": " + it->second.title + " " + it->second.url);
    }
}

// Continues the row of buttons when the next one fits, else starts a new row.
void next_in_row(const char* text) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(text).x + style.FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

bool output_bar(App& app, const Services& services) {
    bool cleared = false;
    const Clock now = services.now ? services.now() : Clock{};
    // Copy and Print carry the whole record with the time of the action.
    auto record = [&] { return summary_text(app.response, app.inputs, now.local); };
    if (button(app, "Copy summary") && services.copy_text) {
        services.copy_text(record());
        app.notice = "Summary copied to the clipboard.";
    }
    next_in_row("Share link");
    if (button(app, "Share link") && services.copy_text && services.share_url) {
        services.copy_text(services.share_url());
        app.notice = "Link copied. It holds every input after its # mark, which browsers never send to a server.";
    }
    next_in_row("Print");
    if (button(app, "Print") && services.print) services.print(record());
    next_in_row("Export JSON");
    if (button(app, "Export JSON") && services.download) {
        services.download("dose-check.json", export_json(app.inputs, app.response_json, now));
        app.notice = "dose-check.json saved: the inputs, the response and the time.";
    }
    next_in_row("Add to calendar");
    if (button(app, "Add to calendar")) {
        const CalendarFile calendar = course_calendar(app.response, app.inputs, now);
        if (calendar.ics.empty()) {
            app.notice = calendar.reason;
        } else if (services.download) {
            services.download("anakinra-course.ics", calendar.ics);
            app.notice = "anakinra-course.ics saved: the monitoring dates and the administration course.";
        }
    }
    next_in_row("Clear");
    if (button(app, "Clear")) {
        if (services.clear_storage) services.clear_storage();
        app.inputs = Inputs{};
        app.link = LinkReport{};
        app.notice = "Cleared: every field is empty, and no patient is kept in this browser.";
        cleared = true;
    }
    if (!app.notice.empty()) wrapped(muted_color(), app.notice);
    return cleared;
}

}  // namespace

bool evaluate_inputs(App& app, const core::DrugDb& db, const Services& services) {
    core::Response response = response_for(app.inputs, db);
    std::string json = core::response_to_json(response, db);
    std::string state = state_string(app.inputs);
    if (json == app.response_json && state == app.state) return false;
    app.response = std::move(response);
    app.response_json = std::move(json);
    app.state = std::move(state);
    app.summary = summary_text(app.response, app.inputs, services.now ? services.now().local : "");
    return true;
}

void apply_theme(bool dark) {
    ImGuiStyle& style = ImGui::GetStyle();
    if (dark) {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.1f, 0.12f, 1);
    } else {
        ImGui::StyleColorsLight(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.38f, 1);  // readable contrast on white
    }
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(6, 3);
}

bool draw_app(App& app, const core::DrugDb& db, const Services& services) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    app.controls.clear();
    ImGui::Begin("Anakinra dose checker", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus |
                     (app.embedded ? ImGuiWindowFlags_NoScrollbar : ImGuiWindowFlags_AlwaysVerticalScrollbar));
    bool changed = false;
    ImGui::PushFont(io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr);
    ImGui::TextUnformatted("Anakinra dose checker");
    ImGui::PopFont();
    if (!narrow(app)) ImGui::SameLine();
    wrapped(muted_color(), "data " + app.response.data_version + " - an aid, not a substitute for the label");
    // What a link brought that was not read: a count, never the names (they are not ours to show).
    if (!app.link.refused.empty()) wrapped(exceeds_color(app.dark), std::string(severity_symbol("exceeds")) + " " + app.link.refused);
    if (app.link.unknown > 0)
        wrapped(caution_color(app.dark), std::to_string(app.link.unknown) + " unknown link parameter" +
                                             (app.link.unknown == 1 ? " was" : "s were") + " ignored.");
    if (is_blank(app.inputs))
        wrapped(text_color(), "No patient entered: choose the indication and enter the patient's weight to see doses.");
    const bool wide = app.css_width >= 900;
    if (wide && ImGui::BeginTable("layout", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextColumn();
        changed |= patient_panel(app);
        changed |= indication_panel(app, db);
        changed |= check_panel(app);
        changed |= safety_panel(app);
        ImGui::TableNextColumn();
        changed |= dose_panel(app);
        compare_panel(app, services);
        sources_panel(app, db);
        ImGui::EndTable();
    } else {
        changed |= patient_panel(app);
        changed |= indication_panel(app, db);
        changed |= dose_panel(app);
        changed |= check_panel(app);
        changed |= safety_panel(app);
        compare_panel(app, services);
        sources_panel(app, db);
    }
    heading("Output");
    changed |= output_bar(app, services);
    ImGui::TextWrapped("This widget supports, and does not replace, the prescribing information and clinical judgement. "
                       "Nothing you enter leaves this device.");
    app.content_height_px = ImGui::GetCursorPosY() - ImGui::GetScrollY() + ImGui::GetStyle().WindowPadding.y;
    ImGui::End();
    return changed;
}

}  // namespace ui
