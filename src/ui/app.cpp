// The frame: the header, the panels in one or two columns, and the helpers the panels share
// to show inputs from the field table and findings from the response.
#include "app.hpp"

#include "numbers.hpp"
#include "panels.hpp"
#include "response_json.hpp"
#include "practice_mode.hpp"
#include "summary.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace ui {

std::string field_errors(const App& app, std::initializer_list<std::string> fields) {
    if (is_blank(app.inputs)) return {};
    std::string out;
    for (const auto& e : app.response.errors) {
        bool mine = false;
        for (const auto& f : fields) mine = mine || e.field == f || e.field.rfind(f + ".", 0) == 0;
        if (mine && out.find(e.message) == std::string::npos) out += (out.empty() ? "" : " ") + e.message;
    }
    return out;
}

std::string mg(double value) { return core::format_number(value, 1) + " mg"; }
// Up to 6 decimals: the core rounds volumes to 0.01 mL and keeps more only where 0.01 would read 0.
std::string ml(double value) { return core::format_number(value, 6) + " mL"; }

Tone severity_tone(core::Severity severity) {
    switch (severity) {
        case core::Severity::Exceeds:
        case core::Severity::Contraindicated: return Tone::Exceeds;
        case core::Severity::Caution: return Tone::Caution;
        case core::Severity::Info: return Tone::Normal;
    }
    return Tone::Normal;
}

Tone verdict_tone(core::Verdict verdict) {
    switch (verdict) {
        case core::Verdict::Ok: return Tone::Ok;
        case core::Verdict::Caution: return Tone::Caution;
        case core::Verdict::Exceeds:
        case core::Verdict::Contraindicated: return Tone::Exceeds;
    }
    return Tone::Normal;
}

const char* severity_symbol(core::Severity severity) {
    switch (severity) {
        case core::Severity::Exceeds:
        case core::Severity::Contraindicated: return "\xE2\x9C\x96";  // heavy x
        case core::Severity::Caution: return "\xE2\x9A\xA0";          // warning sign
        case core::Severity::Info: return "\xE2\x80\xA2";             // bullet
    }
    return "\xE2\x80\xA2";
}

const char* verdict_symbol(core::Verdict verdict) {
    switch (verdict) {
        case core::Verdict::Ok: return "\xE2\x9C\x93";  // tick
        case core::Verdict::Caution: return severity_symbol(core::Severity::Caution);
        case core::Verdict::Exceeds:
        case core::Verdict::Contraindicated: return severity_symbol(core::Severity::Exceeds);
    }
    return "";
}

std::string severity_word(core::Severity severity) {
    switch (severity) {
        case core::Severity::Exceeds: return "Exceeds: ";
        case core::Severity::Contraindicated: return "Contraindicated: ";
        case core::Severity::Caution: return "Caution: ";
        case core::Severity::Info: return "";
    }
    return "";
}

std::string source_words(const core::Source& source) {
    std::string refs;
    for (const auto& r : source.refs) refs += (refs.empty() ? "" : ", ") + r;
    return source.section + " [" + refs + "]" + (source.unverified ? " - UNVERIFIED" : "");
}

void findings_list(App& app, const char* id, const std::string& name, const std::vector<core::Finding>& findings) {
    if (findings.empty()) return;
    begin_list(app.ui, id, name);
    for (const auto& f : findings)
        list_item(app.ui, severity_symbol(f.severity), severity_word(f.severity) + f.message, severity_tone(f.severity),
                  source_words(f.source));
    end_list(app.ui);
}

namespace {

const std::string& value_of(const App& app, const Field& f) {
    static const std::string none;
    std::string* text = editable_text(const_cast<Inputs&>(app.inputs), f);
    return text != nullptr ? *text : none;
}

Options options_of(const Field& f) {
    Options out;
    for (const auto& o : f.options) out.emplace_back(o.value, o.label);
    return out;
}

}  // namespace

void input_text(App& app, const char* name, float width_em) {
    const Field& f = field(name);
    // A unit with a field of its own (weight: kg or lb) is a choice beside the box, not text.
    const char* unit = f.unit_field.empty() ? f.unit.c_str() : "";
    text_field(app.ui,
               {.id = f.name.c_str(), .label = f.label.c_str(), .unit = unit,
                .input = f.kind == FieldKind::Date ? sem::InputKind::Date : sem::InputKind::Decimal, .width_em = width_em},
               value_of(app, f), field_errors(app, {f.error_path}));
}

void input_choice(App& app, const char* name, float width_em, bool show_label, const Options& options) {
    const Field& f = field(name);
    // A unit's choice beside its value shows no error of its own: the value's field carries it.
    const bool unit_of_another = !show_label;
    choice(app.ui, {.id = f.name.c_str(), .label = f.label.c_str(), .width_em = width_em, .show_label = show_label},
           value_of(app, f), options.empty() ? options_of(f) : options,
           unit_of_another ? std::string() : field_errors(app, {f.error_path}));
}

void input_radios(App& app, const char* name) {
    const Field& f = field(name);
    radio_group(app.ui, f.name.c_str(), f.label.c_str(), value_of(app, f), options_of(f));
}

void steps_list(App& app, core::StepPanel panel, std::string_view id_prefix) {
    const std::string id = std::string(id_prefix) + std::string(core::to_string(panel));
    bool open = false;
    for (const auto& s : app.response.steps) {
        if (s.panel != panel) continue;
        if (!open) begin_list(app.ui, id.c_str(), std::string("The arithmetic: ") + panel_word(panel));
        open = true;
        const core::Source& rule = core::source_of(app.response, s);
        list_item(app.ui, "=", std::string(core::text_of(app.response, s)), Tone::Normal, rule.refs.empty() ? std::string() : source_words(rule));
    }
    if (open) end_list(app.ui);
}

void arithmetic(App& app, core::StepPanel panel) {
    const auto& r = app.response;
    if (!r.ok || std::none_of(r.steps.begin(), r.steps.end(), [&](const core::Step& s) { return s.panel == panel; })) return;
    bool& shown = app.show_steps[static_cast<std::size_t>(panel)];
    const std::string id = std::string("arithmetic-") + std::string(core::to_string(panel));
    const std::string label = std::string(shown ? "Hide" : "Show") + " the arithmetic (" + panel_word(panel) + ")";
    if (button(app.ui, id.c_str(), label.c_str())) shown = !shown;
    if (shown) steps_list(app, panel, "steps-");
}

bool evaluate_inputs(App& app, const core::DrugDb& db, const Services& services) {
    core::Response response = response_for(app.inputs, db);
    std::string json = core::response_to_json(response, db);
    std::string state = state_string(app.inputs);
    if (json == app.response_json && state == app.state) return false;
    app.response = std::move(response);
    app.response_json = std::move(json);
    app.state = std::move(state);
    if (answers_hidden(app.inputs)) {
        const PracticeView view = practice_view(app.inputs, db.teaching);
        app.summary = hidden_summary(app.inputs, view);
        app.announcement = "Practice case: the answers are hidden until you press Check.";
        app.result_json = hidden_result_json(app.inputs, app.response);
        app.practice_json.clear();
        return true;
    }
    app.summary = summary_text(app.response, app.inputs, services.now ? services.now().local : "");
    app.announcement = announcement(app.response, app.inputs);
    app.result_json = app.response_json;
    app.practice_json.clear();
    // The marks are told once, when Check is pressed (not again on a reload of a checked case).
    if (practice_mode(app.inputs) && app.check_pressed) {
        const PracticeView view = practice_view(app.inputs, db.teaching);
        app.practice_json = practice_message_json(app.inputs, practice_marks(app.inputs, app.response, view));
    }
    app.check_pressed = false;
    return true;
}

void press(App& app, const std::string& id) { app.ui.pressed.push_back(id); }

void set_focus(App& app, const std::string& id) { app.ui.focused = id; }

bool draw_app(App& app, const core::DrugDb& db, const Services& services) {
    ImGuiIO& io = ImGui::GetIO();
    Ui& ui = app.ui;
    ui.sem.clear();
    ui.row_start = 0;
    ui.theme = app.dark ? &dark_theme() : &light_theme();
    ui.dpr = app.dpr;
    ui.narrow = app.css_width < 600;
    ui.labels_above = app.css_width < 360;
    // The page scrolls, not ImGui: the window is as tall as its content and moved up by the
    // page's scroll, so the canvas (fixed to the viewport) shows the part the page shows.
    ImGui::SetNextWindowPos(ImVec2(0, -app.scroll_y_px));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, std::max(io.DisplaySize.y, app.content_height_px) + io.DisplaySize.y));
    // No background: the platform clears the canvas to WindowBg's colour before drawing, so a
    // window-sized fill would shade every pixel a second time for the same colour.
    ImGui::Begin("Anakinra dose checker", nullptr,
                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoNav);
    ui.origin = ImGui::GetWindowPos();
    bool changed = false;
    ImGui::PushFont(io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr);
    ImGui::TextUnformatted("Anakinra dose checker");
    ImGui::PopFont();
    ui.sem.add({.id = "title", .role = sem::Role::Heading, .name = "Anakinra dose checker", .level = 1,
                .rect = css_rect(ui, ImGui::GetItemRectMin(), ImGui::GetItemRectMax())});
    if (!ui.narrow) ImGui::SameLine();
    text(ui, "data " + app.response.data_version + " - an aid, not a substitute for the label", Tone::Muted);
    // What a link brought that was not read: a count, never the names (they are not ours to show).
    if (app.link.replaced > 0)
        text(ui, "The teaching case replaced " + std::to_string(app.link.replaced) + " patient input" +
                     (app.link.replaced == 1 ? "" : "s") + " the link also gave.", Tone::Caution);
    if (!app.link.refused.empty()) text(ui, app.link.refused, Tone::Exceeds, severity_symbol(core::Severity::Exceeds));
    if (app.link.unknown > 0)
        text(ui, std::to_string(app.link.unknown) + " unknown link parameter" + (app.link.unknown == 1 ? " was" : "s were") + " ignored.",
             Tone::Caution);
    if (is_blank(app.inputs)) text(ui, "No patient entered: choose the indication and enter the patient's weight to see doses.");
    // Practice mode: the case and the questions first; every other panel (each shows computed
    // numbers) only once the answers are checked.
    if (practice_mode(app.inputs)) changed |= practice_panel(app, db);
    if (!answers_hidden(app.inputs)) {
        const bool wide = app.css_width >= 900;
        if (wide && ImGui::BeginTable("layout", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
            ImGui::TableNextColumn();
            patient_panel(app);
            indication_panel(app, db);
            check_panel(app);
            safety_panel(app);
            ImGui::TableNextColumn();
            dose_panel(app);
            compare_panel(app, services);
            sources_panel(app, db);
            ImGui::EndTable();
        } else {
            patient_panel(app);
            indication_panel(app, db);
            dose_panel(app);
            check_panel(app);
            safety_panel(app);
            compare_panel(app, services);
            sources_panel(app, db);
        }
        changed |= output_panel(app, services);
    }
    app.content_height_px = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    ui.sem.tree().content_w = io.DisplaySize.x / app.dpr;
    ui.sem.tree().content_h = app.content_height_px / app.dpr;
    ui.sem.tree().font_px = ImGui::GetFontSize() / app.dpr;
    ImGui::End();
    ui.pressed.clear();  // a press for a control no longer drawn is dropped
    return changed;
}

bool layout_settling() {
    ImGuiContext& g = *GImGui;  // not const: ImPool's lookups are not
    for (const ImGuiWindow* w : g.Windows)
        if (w->Active && (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0 || w->AutoFitFramesX > 0 ||
                          w->AutoFitFramesY > 0))
            return true;
    for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
        const ImGuiTable* table = g.Tables.TryGetMapData(i);
        if (table == nullptr || table->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < table->ColumnsCount; ++c)
            if (table->Columns[c].AutoFitQueue != 0 || table->Columns[c].CannotSkipItemsQueue != 0) return true;
    }
    return false;
}

}  // namespace ui
