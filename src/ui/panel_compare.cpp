// Panel 6: anakinra, canakinumab and tocilizumab side by side, a 12-week timeline of
// administrations and the relative exposure plot (drawn by the platform's WebGL2 shaders),
// each figure with its data as a table for the DOM.
#include "measure.hpp"
#include "numbers.hpp"
#include "panels.hpp"

#include <algorithm>

namespace ui {

using core::format_number;

namespace {

void comparison_table(App& app) {
    Ui& ui = app.ui;
    const auto& r = app.response;
    // Drug and dose share the width; route, interval and the count fit their content.
    if (!begin_table(ui, "compare", "Comparison for this patient and indication",
                     {"drug", "route", "dose", "interval", "per year / course"}, {1.0f, 0, 1.8f, 0, 0}))
        return;
    for (const auto& c : r.comparators) {
        table_row(ui);
        table_cell(ui, c.name + (c.primary ? " *" : ""), Tone::Normal, true);
        table_cell(ui, c.route ? core::name_of(*c.route) : std::string());
        bool first = true;
        auto dose_line = [&](const std::string& line, Tone tone) {
            if (first) table_cell(ui, line, tone, true);
            else table_cell_more(ui, line, tone);
            first = false;
        };
        if (!c.indicated) dose_line(c.reason, Tone::Caution);
        if (c.dose_mg) {
            // The start range is per administration: per day only when given daily (under the
            // every-48-h rule it is the dose every other day, never a daily amount).
            const bool daily = !c.interval_days || *c.interval_days == 1;
            std::string dose = c.dose_max_mg ? mg(*c.dose_mg) + "-" + mg(*c.dose_max_mg) + (daily ? "/day" : " per dose") : mg(*c.dose_mg);
            if (c.increase_to_mg) dose += " (up to " + mg(*c.increase_to_mg) + ")";
            dose_line(dose, Tone::Normal);
            if (c.measure) dose_line(core::measure_words(*c.measure), Tone::Muted);
            if (!c.conditions.empty()) dose_line(c.conditions, Tone::Muted);
            dose_line(c.basis, Tone::Muted);
            if (!c.region_note.empty()) dose_line(c.region_note, Tone::Muted);
        }
        for (const auto& f : c.findings) dose_line(severity_word(f.severity) + f.message, severity_tone(f.severity));
        if (first) table_cell(ui, "");
        table_cell(ui, c.interval_days ? format_number(*c.interval_days, 2) + (*c.interval_days == 1 ? " day" : " days")
                       : c.single_dose ? "once" : "");
        table_cell(ui, c.administrations_per_year    ? format_number(*c.administrations_per_year, 1)
                       : c.administrations_per_course ? std::to_string(*c.administrations_per_course) + " per course"
                                                      : "");
    }
    end_table(ui);
    text(ui, "* the drug being checked", Tone::Muted);
}

void timeline(App& app) {
    Ui& ui = app.ui;
    const auto& r = app.response;
    ImGui::Spacing();
    text(ui, "Administrations over 12 weeks");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float row_h = ImGui::GetFontSize() * 1.4f;
    const float name_w = ImGui::GetFontSize() * 9;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::ColorConvertFloat4ToU32(to_imvec4(ui.theme->plot_grid));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : r.comparators) {
        if (c.timeline_days.empty() || !c.dose_mg) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string name = c.name.substr(0, c.name.find(' ')) + " " + (c.route ? core::name_of(*c.route) : std::string());
        dl->AddText(ImVec2(p.x, p.y), ink, name.c_str());
        const float x0 = p.x + name_w, x1 = p.x + width - 4;
        // A course is drawn as a course: the line stops at its last dose and says how long it is.
        const float x_end = c.course ? x0 + (x1 - x0) * (c.timeline_days.back() + 1) / 84.0f : x1;
        dl->AddLine(ImVec2(x0, p.y + row_h * 0.5f), ImVec2(x_end, p.y + row_h * 0.5f), c.course ? ink : grid);
        std::string course_label;
        if (c.course) {
            course_label = c.course->days ? format_number(*c.course->days) + "-day course"
                           : c.administrations_per_course && *c.administrations_per_course == 1
                               ? std::string("single dose")
                               : "up to " + std::to_string(c.administrations_per_course.value_or(1)) + " doses";
            dl->AddText(ImVec2(x_end + 6, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), course_label.c_str());
        }
        std::string days;
        for (int day : c.timeline_days) {
            const float x = x0 + (x1 - x0) * day / 84.0f;
            dl->AddLine(ImVec2(x, p.y + row_h * 0.15f), ImVec2(x, p.y + row_h * 0.85f), ink, std::max(1.0f, app.dpr));
            days += (days.empty() ? "" : ", ") + std::to_string(day);
        }
        ImGui::Dummy(ImVec2(width, row_h));
        rows.push_back({name, days + (course_label.empty() ? "" : " (" + course_label + ")")});
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float x0 = p.x + name_w, x1 = p.x + width - 4;
    for (int week = 0; week <= 12; week += 2) {
        const std::string label = "w" + std::to_string(week);
        const float x = x0 + (x1 - x0) * week / 12.0f;
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        dl->AddText(ImVec2(std::min(x - tw * 0.5f, x1 - tw), p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    }
    ImGui::Dummy(ImVec2(width, row_h));
    figure(ui, "timeline", "Administrations over 12 weeks (day 0 = first dose)", css_rect(ui, top, ImGui::GetItemRectMax()),
           {"drug and route", "administration days"}, rows);
}

void exposure_plot(App& app, const Services& services) {
    Ui& ui = app.ui;
    const auto& r = app.response;
    ImGui::Spacing();
    const std::string caption = "Relative exposure (1 = peak after one dose, normal clearance)";
    text(ui, caption);
    const bool curves_refused = services.curves_ready && !services.curves_ready();
    if (curves_refused) text(ui, "The curves cannot be drawn in this browser (its graphics refused them).", Tone::Caution,
                             severity_symbol(core::Severity::Caution));
    static const ImU32 palette[] = {IM_COL32(31, 119, 180, 255), IM_COL32(214, 39, 40, 255), IM_COL32(44, 160, 44, 255),
                                    IM_COL32(148, 103, 189, 255)};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = ImGui::ColorConvertFloat4ToU32(to_imvec4(ui.theme->plot_grid));
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    PlotFrame& plot = app.plot;
    plot.curves.clear();
    float y_max = 1;
    for (const auto& s : r.exposure)
        for (double v : s.relative_concentration) y_max = std::max(y_max, static_cast<float>(v));
    plot.y_max = y_max * 1.1f;
    plot.x_max = r.exposure.empty() ? 84 : static_cast<float>(r.exposure[0].t_hours.back() / 24);
    const float width = ImGui::GetContentRegionAvail().x;
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
        dl->AddText(ImVec2(p.x, py - ImGui::GetFontSize() * 0.5f), muted, format_number(y, 1).c_str());
    }
    for (int week = 0; week <= plot.x_max / 7; week += 2) {
        const std::string label = "w" + std::to_string(week);
        const float px = plot.min.x + (plot.max.x - plot.min.x) * week * 7 / plot.x_max;
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        dl->AddText(ImVec2(std::min(px - tw * 0.5f, plot.max.x - tw), plot.max.y + 2), muted, label.c_str());
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
    if (services.draw_curves != nullptr && !curves_refused && !plot.curves.empty()) {
        dl->AddCallback(services.draw_curves, &plot);
        dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    }
    ImGui::Dummy(ImVec2(width, plot_h));
    // The data behind the curves, week by week, for the DOM's table.
    std::vector<std::string> headers = {"week"};
    for (const auto& s : r.exposure) headers.push_back(s.drug + " " + core::name_of(s.route));
    std::vector<std::vector<std::string>> rows;
    for (int week = 0; week * 7 <= plot.x_max; ++week) {
        std::vector<std::string> row = {std::to_string(week)};
        for (const auto& s : r.exposure) {
            const auto it = std::lower_bound(s.t_hours.begin(), s.t_hours.end(), week * 168.0);
            const size_t k = std::min(static_cast<size_t>(it - s.t_hours.begin()), s.relative_concentration.size() - 1);
            row.push_back(format_number(s.relative_concentration[k], 2));
        }
        rows.push_back(std::move(row));
    }
    figure(ui, "exposure", caption, css_rect(ui, p, ImGui::GetItemRectMax()), headers, rows);
    for (size_t i = 0; i < r.exposure.size(); ++i) {
        const auto& s = r.exposure[i];
        const ImVec2 q = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(ImVec2(q.x, q.y + 4), ImVec2(q.x + ImGui::GetFontSize(), q.y + ImGui::GetFontSize() - 2), palette[i % 4]);
        ImGui::Dummy(ImVec2(ImGui::GetFontSize() * 1.3f, 1));
        ImGui::SameLine();
        text(ui, s.drug + " " + core::name_of(s.route) + ": " + s.regimen + (s.note.empty() ? "" : ". ") + s.note);
    }
}

}  // namespace

void compare_panel(App& app, const Services& services) {
    heading(app.ui, "compare-heading", "6. Compare");
    if (!app.response.ok) {
        text(app.ui, "No comparison until the inputs are corrected.", Tone::Muted);
        return;
    }
    comparison_table(app);
    timeline(app);
    exposure_plot(app, services);
    arithmetic(app, core::StepPanel::Compare);
}

}  // namespace ui
