#include "app.hpp"

#include "evaluate.hpp"
#include "measure.hpp"
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
// Up to 6 decimals: the core rounds volumes to 0.01 mL and keeps more only where 0.01 would read 0.
std::string ml(double v) { return format_number(v, 6) + " mL"; }

// A text field bound to a std::string (fields are short; 64 bytes is ample).
bool text_field(const char* id, std::string& value, float width, ImGuiInputTextFlags flags = 0) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputText(id, buffer, sizeof buffer, flags)) {
        value = buffer;
        return true;
    }
    return false;
}

bool choice(const char* id, std::string& value, const std::vector<std::pair<std::string, std::string>>& options,
            float width) {
    bool changed = false;
    std::string shown = value;
    for (const auto& [key, label] : options)
        if (key == value) shown = label;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, shown.c_str())) {
        for (const auto& [key, label] : options) {
            if (ImGui::Selectable(label.c_str(), key == value)) {
                changed = changed || key != value;
                value = key;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// The response's errors that belong to a field (its path or below), each shown once.
void field_errors(const App& app, std::initializer_list<const char*> fields) {
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
    const std::string severity(core::to_string(f.severity));
    wrapped(severity_color(severity, dark), std::string(severity_symbol(severity)) + " " + f.message);
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
    changed |= text_field("##weight", in.weight, field, ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    changed |= choice("##weight_unit", in.weight_unit, {{"kg", "kg"}, {"lb", "lb"}}, field * 0.8f);
    if (app.response.ok && in.weight_unit == "lb") {
        ImGui::SameLine();
        ImGui::TextDisabled("= %s kg", format_number(app.response.patient.weight_kg, 2).c_str());
    }
    field_errors(app, {"patient.weight", "patient"});
    label("Age");
    changed |= text_field("##age", in.age, field, ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    changed |= choice("##age_unit", in.age_unit, {{"years", "years"}, {"months", "months"}}, field * 0.8f);
    field_errors(app, {"patient.age"});
    label("Sex");
    changed |= choice("##sex", in.sex, {{"", "not given"}, {"female", "female"}, {"male", "male"}}, field * 1.8f);
    field_errors(app, {"patient.sex"});
    label("Height");
    changed |= text_field("##height", in.height_cm, field, ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::TextUnformatted("cm");
    field_errors(app, {"patient.height_cm"});
    label("Renal");
    int kind = static_cast<int>(in.renal);
    const char* kinds[] = {"not given", "CrCl", "creatinine", "ESRD / dialysis"};
    ImGui::SetNextItemWidth(field * 1.8f);
    if (ImGui::Combo("##renal_kind", &kind, kinds, 4)) {
        in.renal = static_cast<RenalKind>(kind);
        changed = true;
    }
    if (in.renal == RenalKind::Crcl) {
        same_line_or_wrap(field * 1.8f);
        changed |= text_field("##crcl", in.crcl, field, ImGuiInputTextFlags_CharsDecimal);
        ImGui::SameLine();
        ImGui::TextUnformatted("mL/min");
    } else if (in.renal == RenalKind::Scr) {
        same_line_or_wrap(field * 2.2f);
        changed |= text_field("##scr", in.scr, field, ImGuiInputTextFlags_CharsDecimal);
        ImGui::SameLine();
        changed |= choice("##scr_unit", in.scr_unit, {{"mg/dL", "mg/dL"}, {"umol/L", "\xC2\xB5mol/L"}}, field);
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
    if (ImGui::RadioButton("US (FDA)", in.region == "us")) { changed = in.region != "us"; in.region = "us"; }
    ImGui::SameLine();
    if (ImGui::RadioButton("EU (EMA)", in.region == "eu")) { changed = changed || in.region != "eu"; in.region = "eu"; }
    // Labelled uses first, then the rest, each with its status in words.
    const core::Drug* drug = db.find(in.drug);
    std::vector<std::pair<std::string, std::string>> options;
    if (drug != nullptr)
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& use : drug->uses) {
                if (core::name_of(use.region) != in.region && use.region != core::Region::Any) continue;
                if (use.status == core::UseStatus::NotIndicated) continue;
                const bool labelled = use.status == core::UseStatus::Labelled;
                if ((pass == 0) != labelled) continue;
                std::string status = labelled ? "" : " [" + std::string(core::to_string(use.status)) + "]";
                options.emplace_back(use.indication, use.name + status);
            }
    label("Indication");
    changed |= choice("##indication", in.indication, options, ImGui::GetContentRegionAvail().x);
    field_errors(app, {"indication", "drug", "region"});
    const auto& r = app.response;
    if (r.ok) {
        const bool labelled = r.indication.status == core::UseStatus::Labelled;
        const std::string status = labelled ? "Labelled" : r.indication.status == core::UseStatus::OffLabel ? "OFF-LABEL" : "Emergency use";
        wrapped(labelled ? text_color() : caution_color(app.dark),
                status + ": " + r.indication.name + (r.indication.conditions.empty() ? "" : " " + r.indication.conditions));
    }
    return changed;
}

bool dose_panel(App& app) {
    Inputs& in = app.inputs;
    bool changed = false;
    heading("3. Dose");
    const auto& r = app.response;
    if (!r.ok || !r.regimen) {
        ImGui::TextDisabled("No dose is shown until the inputs above are corrected.");
        return false;
    }
    const auto& g = *r.regimen;
    // Under the every-48-h rule each ladder row is one administration, given every other day.
    const bool daily = !g.interval_hours || *g.interval_hours == 24;
    const std::string per = daily ? " per day" : " per administration every 48 h";
    if (g.start_mg_per_kg_per_day) {
        const auto& s = *g.start_mg_per_day;
        ImGui::TextWrapped("Usual start: %s-%s mg/kg%s = %s%s", format_number(g.start_mg_per_kg_per_day->min, 2).c_str(),
                           format_number(g.start_mg_per_kg_per_day->max, 2).c_str(), daily ? "/day" : "",
                           (s.min == s.max ? mg(s.min) : mg(s.min) + " to " + mg(s.max)).c_str(), per.c_str());
    }
    if (g.dose_mg) ImGui::TextWrapped("Dose: %s%s", mg(*g.dose_mg).c_str(), g.single_dose ? " once" : " per administration");
    if (g.interval_hours) {
        wrapped(r.renal.adjusted ? caution_color(app.dark) : text_color(),
                "Interval: every " + format_number(*g.interval_hours) + " h" +
                    (r.renal.adjusted ? " - " + r.renal.reason : std::string(" (renal function does not change it)")));
    }
    if (g.ceiling_mg_per_day)
        ImGui::TextWrapped("Ceiling: %s%s (%s mg/kg%s)", mg(*g.ceiling_mg_per_day).c_str(), per.c_str(),
                           format_number(*g.ceiling_mg_per_kg_per_day, 2).c_str(),
                           daily ? "/day" : ("; on average " + format_number(*g.ceiling_mg_per_kg_per_day / 2, 2) + " mg/kg/day").c_str());
    if (!r.ladder.empty()) {
        label("Step");
        if (ImGui::RadioButton("0.5 mg/kg", in.step == "0.5")) { changed = in.step != "0.5"; in.step = "0.5"; }
        ImGui::SameLine();
        if (ImGui::RadioButton("1 mg/kg", in.step == "1")) { changed = changed || in.step != "1"; in.step = "1"; }
        const bool split = g.split_allowed;
        auto note_for = [&](size_t i) {
            const auto& row = r.ladder[i];
            const bool prescribed = r.check && r.check->ladder_row && *r.check->ladder_row == static_cast<int>(i);
            std::string note = row.is_ceiling ? "ceiling" : row.in_start_range ? "start" : "";
            if (row.dose.below_measurable) note += std::string(note.empty() ? "" : ", ") + "unmeasurable";
            if (prescribed) note += note.empty() ? "< prescribed" : ", < prescribed";
            return std::make_pair(prescribed, note);
        };
        if (narrow(app)) {
            // Phones: three columns, the split and the note on a second line of their cells.
            if (ImGui::BeginTable("ladder", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn(daily ? "mg/kg/day" : "mg/kg /48 h", ImGuiTableColumnFlags_WidthStretch, 0.8f);
                ImGui::TableSetupColumn(daily ? "per day" : "every 48 h", ImGuiTableColumnFlags_WidthStretch, 1.6f);
                ImGui::TableSetupColumn("syringes", ImGuiTableColumnFlags_WidthStretch, 0.7f);
                ImGui::TableHeadersRow();
                for (size_t i = 0; i < r.ladder.size(); ++i) {
                    const auto& row = r.ladder[i];
                    const auto [prescribed, note] = note_for(i);
                    ImGui::TableNextRow();
                    if (prescribed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderActive));
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s%s%s", format_number(row.mg_per_kg_per_dose, 2).c_str(), note.empty() ? "" : "\n", note.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s = %s", mg(row.dose.mg).c_str(), ml(row.dose.ml.value_or(0)).c_str());
                    if (split && row.split)
                        ImGui::TextWrapped("or 2 x %s (%s)", mg(row.split->mg_per_dose).c_str(), ml(row.split->ml_per_dose).c_str());
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", row.dose.syringes.value_or(0));
                    if (split && row.split) ImGui::Text("split: %d", row.split->syringes_per_day);
                }
                ImGui::EndTable();
            }
        } else if (ImGui::BeginTable("ladder", split ? 6 : 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(daily ? "mg/kg/day" : "mg/kg per dose");
            ImGui::TableSetupColumn(daily ? "mg/day" : "mg every 48 h");
            ImGui::TableSetupColumn(daily ? "mL/day" : "mL per dose");
            if (split) ImGui::TableSetupColumn("twice daily");
            ImGui::TableSetupColumn(daily ? "syringes/day" : "syringes per dose");
            ImGui::TableSetupColumn("note");
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < r.ladder.size(); ++i) {
                const auto& row = r.ladder[i];
                const auto [prescribed, note] = note_for(i);
                ImGui::TableNextRow();
                if (prescribed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderActive));
                ImGui::TableNextColumn();
                ImGui::Text("%s", format_number(row.mg_per_kg_per_dose, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s", mg(row.dose.mg).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s", ml(row.dose.ml.value_or(0)).c_str());
                if (split) {
                    ImGui::TableNextColumn();
                    if (row.split) ImGui::Text("2 x %s (%s)", mg(row.split->mg_per_dose).c_str(), ml(row.split->ml_per_dose).c_str());
                }
                ImGui::TableNextColumn();
                ImGui::Text("%d%s", row.dose.syringes.value_or(0),
                            split && row.split ? (" (split: " + std::to_string(row.split->syringes_per_day) + ")").c_str() : "");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(note.c_str());
            }
            ImGui::EndTable();
        }
        wrapped(muted_color(), r.presentation.description + ". Each administration uses its own single-use syringe." +
                                   (daily ? "" : " Every 48 h: no twice-daily split."));
        // Rows (or splits) the syringe cannot measure, and the nearest dose it can.
        bool unmeasurable = false;
        for (const auto& row : r.ladder) unmeasurable = unmeasurable || row.dose.below_measurable || (row.split && row.split->below_measurable);
        // What to do instead (never a start above the start range) is the core's finding, in the findings.
        if (unmeasurable && r.presentation.min_measurable_mg)
            wrapped(caution_color(app.dark),
                    std::string(severity_symbol("caution")) + " Unmeasurable: a dose under " + mg(*r.presentation.min_measurable_mg) + " (" +
                        ml(r.presentation.min_measurable_ml.value_or(0)) + ") cannot be measured with this syringe" +
                        (r.ladder.front().dose.nearest_measurable_mg
                             ? "; the nearest measurable dose for the start is " + mg(*r.ladder.front().dose.nearest_measurable_mg) + "."
                             : "; see the findings for what to do."));
    }
    return changed;
}

bool check_panel(App& app) {
    Inputs& in = app.inputs;
    bool changed = false;
    heading("4. Dose check");
    const float field = ImGui::GetFontSize() * 6;
    label("Prescribed");
    changed |= text_field("##dose", in.dose_mg, field, ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::TextUnformatted("mg");
    same_line_or_wrap(field * 2.6f);
    int freq = static_cast<int>(in.frequency);
    const char* freqs[] = {"doses per day", "every N hours"};
    ImGui::SetNextItemWidth(field * 1.9f);
    if (ImGui::Combo("##frequency", &freq, freqs, 2)) {
        in.frequency = static_cast<Frequency>(freq);
        changed = true;
    }
    ImGui::SameLine();
    if (in.frequency == Frequency::PerDay) changed |= text_field("##per_day", in.doses_per_day, field * 0.6f, ImGuiInputTextFlags_CharsDecimal);
    else changed |= text_field("##every", in.every_hours, field * 0.6f, ImGuiInputTextFlags_CharsDecimal);
    field_errors(app, {"prescribed"});
    const auto& r = app.response;
    if (in.dose_mg.empty()) {
        ImGui::TextDisabled("Enter a prescribed dose to check it.");
    } else if (r.ok && r.check) {
        const auto& c = *r.check;
        // One verdict for the patient: a contraindication elsewhere is shown here, never a green OK beside it.
        const core::Verdict shown = std::max(c.status, r.verdict);
        const std::string severity = shown == core::Verdict::Ok ? "info" : std::string(core::to_string(shown));
        std::string status(core::to_string(shown));
        for (auto& ch : status) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
        ImGui::PushStyleColor(ImGuiCol_Text, shown == core::Verdict::Ok ? ok_color(app.dark) : severity_color(severity, app.dark));
        ImGui::PushFont(ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr);
        ImGui::Text("%s %s", shown == core::Verdict::Ok ? "\xE2\x9C\x93" : severity_symbol(severity), status.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        if (shown != c.status)
            wrapped(text_color(), "For this patient: " + r.verdict_reason + " (the dose itself: " +
                                      std::string(core::to_string(c.status)) + ").");
        ImGui::TextWrapped("%s %s = %s mg/kg per dose, %s mg/kg/day on average; %s.", mg(c.dose_mg).c_str(),
                           c.interval_hours > 0 ? ("every " + format_number(c.interval_hours, 2) + " h").c_str() : "once",
                           format_number(c.mg_per_kg_per_dose, 2).c_str(), format_number(c.mg_per_kg_per_day, 2).c_str(),
                           core::measure_words(c.measure).c_str());
        for (const auto& f : c.findings) finding_line(f, app.dark);
    }
    return changed;
}

bool safety_panel(App& app) {
    Inputs& in = app.inputs;
    bool changed = false;
    heading("5. Safety");
    static const std::pair<const char*, const char*> flags[] = {
        {"ecoli_hypersensitivity", "E. coli protein hypersensitivity"}, {"active_infection", "Active infection"},
        {"tnf_blocker", "TNF-blocker co-therapy"}, {"live_vaccine_planned", "Live vaccine planned"},
        {"tb_history", "TB history / latent TB"}, {"asthma", "Asthma"}, {"pregnancy", "Pregnancy"},
        {"breastfeeding", "Breastfeeding"}};
    const bool two_columns = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 32;  // the longest label fits
    for (size_t i = 0; i < std::size(flags); ++i) {
        bool on = in.safety_flags[flags[i].first];
        if (ImGui::Checkbox(flags[i].second, &on)) {
            in.safety_flags[flags[i].first] = on;
            changed = true;
        }
        if (two_columns && i % 2 == 0) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
    }
    const float field = ImGui::GetFontSize() * 6;
    label("ANC");
    changed |= text_field("##anc", in.anc_per_mm3, field, ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::TextUnformatted("/mm\xC2\xB3");
    label("Start date");
    changed |= text_field("##start", in.start_date, field * 1.4f);
    ImGui::SameLine();
    ImGui::TextDisabled("YYYY-MM-DD");
    field_errors(app, {"safety"});
    const auto& r = app.response;
    if (!r.ok) return changed;
    for (const auto& f : r.findings) finding_line(f, app.dark);
    for (const auto& m : r.monitoring) {
        std::string when;
        if (m.dates.empty())
            for (int month : m.months_after_start) when += (when.empty() ? "month " : ", ") + std::to_string(month);
        else
            for (const auto& d : m.dates) when += (when.empty() ? "" : ", ") + d;
        ImGui::TextWrapped("%s: %s", m.what.c_str(), when.c_str());
    }
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
        ImGui::TableSetupColumn("per year / course");
        ImGui::TableHeadersRow();
        for (const auto& c : r.comparators) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s%s", c.name.c_str(), c.primary ? " *" : "");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.route ? core::name_of(*c.route).c_str() : "");
            ImGui::TableNextColumn();
            if (!c.indicated) {
                wrapped(caution_color(app.dark), c.reason);
            }
            if (c.dose_mg) {
                std::string dose = c.dose_max_mg ? mg(*c.dose_mg) + "-" + mg(*c.dose_max_mg) + "/day" : mg(*c.dose_mg);
                if (c.increase_to_mg) dose += " (up to " + mg(*c.increase_to_mg) + ")";
                ImGui::TextWrapped("%s", dose.c_str());
                if (c.measure) wrapped(muted_color(), core::measure_words(*c.measure));
                if (!c.conditions.empty()) wrapped(muted_color(), c.conditions);
                wrapped(muted_color(), c.basis);
                if (!c.region_note.empty()) wrapped(muted_color(), c.region_note);
            }
            for (const auto& f : c.findings) finding_line(f, app.dark);
            ImGui::TableNextColumn();
            if (c.interval_days) ImGui::Text("%s day%s", format_number(*c.interval_days, 2).c_str(), *c.interval_days == 1 ? "" : "s");
            else if (c.single_dose) ImGui::TextUnformatted("once");
            ImGui::TableNextColumn();
            if (c.administrations_per_year) ImGui::Text("%s", format_number(*c.administrations_per_year, 1).c_str());
            else if (c.administrations_per_course)
                ImGui::TextWrapped("%d per course", *c.administrations_per_course);
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
        const std::string name = c.name.substr(0, c.name.find(' ')) + " " + (c.route ? core::name_of(*c.route) : std::string());
        dl->AddText(ImVec2(p.x, p.y), text, name.c_str());
        const float x0 = p.x + name_w, x1 = p.x + width - 4;
        // A course is drawn as a course: the line stops at its last dose and says how long it is.
        const float x_end = c.course ? x0 + (x1 - x0) * (c.timeline_days.back() + 1) / 84.0f : x1;
        dl->AddLine(ImVec2(x0, p.y + row_h * 0.5f), ImVec2(x_end, p.y + row_h * 0.5f), c.course ? text : grid);
        if (c.course) {
            const std::string label = c.course->days ? format_number(*c.course->days) + "-day course"
                                      : c.administrations_per_course && *c.administrations_per_course == 1
                                          ? std::string("single dose")
                                          : "up to " + std::to_string(c.administrations_per_course.value_or(1)) + " doses";
            dl->AddText(ImVec2(x_end + 6, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
        }
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
        ImGui::TextWrapped("%s %s: %s%s%s", s.drug.c_str(), core::name_of(s.route).c_str(), s.regimen.c_str(), s.note.empty() ? "" : ". ",
                           s.note.c_str());
    }
}

void sources_panel(App& app, const core::DrugDb& db) {
    heading("7. Sources");
    const auto& r = app.response;
    ImGui::TextWrapped("Data version %s. Sources are the primary labels and papers in data/sources.json, each with the "
                       "revision it was checked against; rules marked UNVERIFIED could not be checked against the primary label.",
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
        wrapped(muted_color(), id + ": " + it->second.title + " " + it->second.url + " (checked: " + it->second.checked + ")");
    }
}

bool output_bar(App& app, const Services& services) {
    bool cleared = false;
    if (ImGui::Button("Copy summary") && services.copy_text) {
        services.copy_text(app.summary);
        app.notice = "Summary copied to the clipboard.";
    }
    ImGui::SameLine();
    if (ImGui::Button("Share link") && services.copy_text && services.share_url) {
        services.copy_text(services.share_url());
        app.notice = "Link copied: it reproduces this view.";
    }
    ImGui::SameLine();
    if (ImGui::Button("Print") && services.print) services.print();
    ImGui::SameLine();
    if (ImGui::Button("Export JSON") && services.download) services.download("dose-check.json", app.response_json);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) {
        if (services.clear_storage) services.clear_storage();
        app.inputs = Inputs{};
        app.notice = "Inputs cleared and removed from this browser.";
        cleared = true;
    }
    if (!app.notice.empty()) ImGui::TextDisabled("%s", app.notice.c_str());
    return cleared;
}

}  // namespace

bool evaluate_inputs(App& app, const core::DrugDb& db) {
    core::Response response = core::evaluate_text(request_from_inputs(app.inputs).dump(), db);
    std::string json = core::response_to_json(response, db);
    if (json == app.response_json) return false;
    app.response = std::move(response);
    app.response_json = std::move(json);
    app.summary = summary_text(app.response);
    if (app.response.ok) {
        app.last_valid = app.inputs;
        app.has_valid = true;
    }
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
    if (!app.unknown_params.empty()) {
        std::string names;
        for (const auto& n : app.unknown_params) names += (names.empty() ? "" : ", ") + n;
        wrapped(caution_color(app.dark), "Ignored unknown link parameters: " + names);
    }
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
