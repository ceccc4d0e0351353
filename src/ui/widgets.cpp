#include "widgets.hpp"

#include "wrap.hpp"

#include <algorithm>
#include <cstdio>

namespace ui {

namespace {

constexpr float kLabelColumnEm = 9.5f;  // field labels' column on wider screens ("Serum creatinine" fits)
constexpr float kFocusRingCssPx = 2;    // WCAG 2.4.7: a visible ring, 3:1 against the page (theme.hpp)

sem::Rect item_rect(const Ui& ui) { return css_rect(ui, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

// The ring around the DOM-focused control, drawn just outside its rectangle.
void focus_ring(const Ui& ui, const char* id) {
    if (ui.focused != id) return;
    const float gap = kFocusRingCssPx * ui.dpr;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - gap, min.y - gap), ImVec2(max.x + gap, max.y + gap),
                                        ImGui::ColorConvertFloat4ToU32(to_imvec4(ui.theme->focus_ring)),
                                        ImGui::GetStyle().FrameRounding + gap, 0, kFocusRingCssPx * ui.dpr);
}

float text_width(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

// Wrapped text in a colour, as one item. Lines break only at spaces and newlines, never inside
// a number: ImGui's own wrapping may break after any '.', which could show "8." on one line and
// "57 mg/kg/day" on the next. A single word wider than the line is cut where it must be.
void wrapped(const ImVec4& color, const std::string& line) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));  // lines of one paragraph
    for (const std::string_view l : wrap_lines(line, width, text_width)) ImGui::TextUnformatted(l.data(), l.data() + l.size());
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::PopStyleColor();
}

sem::Rect unite(const sem::Rect& a, const sem::Rect& b) {
    if (a.w <= 0 && a.h <= 0) return b;
    if (b.w <= 0 && b.h <= 0) return a;
    const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const float x1 = std::max(a.x + a.w, b.x + b.w), y1 = std::max(a.y + a.h, b.y + b.h);
    return {x0, y0, x1 - x0, y1 - y0};
}

void close_row(Ui& ui) {
    if (ui.row_node < 0) return;
    sem::Rect r;
    for (int i = ui.row_node + 1; i < static_cast<int>(ui.sem.tree().nodes.size()); ++i)
        if (ui.sem.at(i).parent == ui.row_node) r = unite(r, ui.sem.at(i).rect);
    ui.sem.at(ui.row_node).rect = r;
    ui.sem.close();
    ui.row_node = ui.cell_node = -1;
}

}  // namespace

ImVec4 to_imvec4(const Rgb& c, float alpha) { return ImVec4(c.r, c.g, c.b, alpha); }

ImVec4 tone_color(const Ui& ui, Tone tone) {
    const Theme& t = *ui.theme;
    switch (tone) {
        case Tone::Normal: return to_imvec4(t.text);
        case Tone::Muted: return to_imvec4(t.text_muted);
        case Tone::Ok: return to_imvec4(t.ok);
        case Tone::Caution: return to_imvec4(t.caution);
        case Tone::Exceeds: return to_imvec4(t.exceeds);
    }
    return to_imvec4(t.text);
}

sem::Rect css_rect(const Ui& ui, ImVec2 min, ImVec2 max) {
    return {(min.x - ui.origin.x) / ui.dpr, (min.y - ui.origin.y) / ui.dpr, (max.x - min.x) / ui.dpr, (max.y - min.y) / ui.dpr};
}

void heading(Ui& ui, const char* id, const std::string& line, int level) {
    ImGui::Spacing();
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr;
    ImGui::PushFont(bold);
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopFont();
    ui.sem.add({.id = id, .role = sem::Role::Heading, .name = line, .level = level, .rect = item_rect(ui)});
    if (level <= 2) ImGui::Separator();
}

void text(Ui& ui, const std::string& line, Tone tone, const char* symbol) {
    wrapped(tone_color(ui, tone), symbol ? std::string(symbol) + " " + line : line);
    ui.sem.add({.id = ui.sem.next_id("text"), .role = sem::Role::Text, .name = line, .rect = item_rect(ui)});
}

sem::Rect field_label(Ui& ui, const char* label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    const sem::Rect rect = item_rect(ui);
    if (!ui.labels_above) ImGui::SameLine(ImGui::GetFontSize() * kLabelColumnEm);
    return rect;
}

void text_field(Ui& ui, const TextFieldSpec& spec, const std::string& value, const std::string& error, bool with_label) {
    const sem::Rect label_rect = with_label ? field_label(ui, spec.label) : sem::Rect{};
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * spec.width_em);
    ImGui::PushID(spec.id);
    ImGui::InputText("##field", buffer, sizeof buffer, ImGuiInputTextFlags_ReadOnly);
    ImGui::PopID();
    focus_ring(ui, spec.id);
    ui.sem.add({.id = spec.id, .role = sem::Role::TextBox, .name = spec.label, .value = value, .unit = spec.unit,
                .input = spec.input, .invalid = !error.empty(), .error = error, .rect = item_rect(ui),
                .label_rect = label_rect});
    if (spec.unit[0] != '\0') {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(spec.unit);
    }
}

void choice(Ui& ui, const ChoiceSpec& spec, const std::string& value, const Options& options, const std::string& error) {
    sem::Rect label_rect;
    if (spec.show_label) label_rect = field_label(ui, spec.label);
    else ImGui::SameLine();
    std::string shown = value;
    std::vector<sem::Option> node_options;
    for (const auto& [key, label] : options) {
        if (key == value) shown = label;
        node_options.push_back({key, label});
    }
    // Wide enough for the longest option beside the arrow, whatever the padding (touch) is.
    float widest = 0;
    for (const auto& [key, label] : options) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
    const float fit = widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(spec.width_em > 0 ? std::max(ImGui::GetFontSize() * spec.width_em, fit) : -FLT_MIN);
    ImGui::PushID(spec.id);
    if (ImGui::BeginCombo("##choice", shown.c_str())) ImGui::EndCombo();  // the DOM's <select> opens the list
    ImGui::PopID();
    focus_ring(ui, spec.id);
    ui.sem.add({.id = spec.id, .role = sem::Role::ComboBox, .name = spec.label, .value = value,
                .options = std::move(node_options), .invalid = !error.empty(), .error = error, .rect = item_rect(ui),
                .label_rect = label_rect});
}

void radio_group(Ui& ui, const char* id, const char* label, const std::string& value, const Options& options) {
    const sem::Rect label_rect = field_label(ui, label);
    const int group = ui.sem.open({.id = id, .role = sem::Role::RadioGroup, .name = label, .label_rect = label_rect});
    bool first = true;
    for (const auto& [key, text] : options) {
        if (!first) ImGui::SameLine();
        first = false;
        const std::string node_id = std::string(id) + ":" + key;
        ImGui::PushID(node_id.c_str());
        ImGui::RadioButton(text.c_str(), key == value);
        ImGui::PopID();
        focus_ring(ui, node_id.c_str());
        ui.sem.add({.id = node_id, .role = sem::Role::Radio, .name = text, .value = key, .checked = key == value,
                    .rect = item_rect(ui)});
        ui.sem.at(group).rect = unite(ui.sem.at(group).rect, ui.sem.last().rect);
    }
    ui.sem.close();
}

void checkbox(Ui& ui, const char* id, const char* label, bool checked) {
    bool shown = checked;
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float box = ImGui::GetFrameHeight();
    if (box + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x <= ImGui::GetContentRegionAvail().x) {
        ImGui::Checkbox(label, &shown);
        ImGui::PopID();
        focus_ring(ui, id);
        ui.sem.add({.id = id, .role = sem::Role::CheckBox, .name = label, .checked = checked, .rect = item_rect(ui)});
        return;
    }
    // A label longer than the line wraps beside its box (ImGui's own checkbox label never wraps).
    ImGui::BeginGroup();
    ImGui::Checkbox("##box", &shown);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    wrapped(ImGui::GetStyleColorVec4(ImGuiCol_Text), label);
    ImGui::EndGroup();
    ImGui::PopID();
    focus_ring(ui, id);
    ui.sem.add({.id = id, .role = sem::Role::CheckBox, .name = label, .checked = checked, .rect = item_rect(ui)});
}

bool button(Ui& ui, const char* id, const char* label) {
    ImGui::PushID(id);
    ImGui::Button(label);
    ImGui::PopID();
    focus_ring(ui, id);
    ui.sem.add({.id = id, .role = sem::Role::Button, .name = label, .rect = item_rect(ui)});
    const auto it = std::find(ui.pressed.begin(), ui.pressed.end(), id);
    if (it == ui.pressed.end()) return false;
    ui.pressed.erase(it);
    return true;
}

void same_line_if_fits(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

bool begin_table(Ui& ui, const char* id, const std::string& caption, const std::vector<std::string>& headers,
                 const std::vector<float>& weights) {
    // Without weights the columns fit their content (numbers never wrap); with weights they share
    // the width (prose wraps in its cell).
    const ImGuiTableFlags sizing = weights.empty() ? ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, static_cast<int>(headers.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | sizing))
        return false;
    for (size_t i = 0; i < headers.size(); ++i) {
        if (weights.empty()) ImGui::TableSetupColumn(headers[i].c_str());
        else if (weights[i] > 0) ImGui::TableSetupColumn(headers[i].c_str(), ImGuiTableColumnFlags_WidthStretch, weights[i]);
        // Every stretched column has a weight: ImGui 1.90.1 divides 0 by 0 in a proportional
        // table's first frame when one has none. A 0 weight is a column that fits its content.
        else ImGui::TableSetupColumn(headers[i].c_str(), ImGuiTableColumnFlags_WidthFixed);
    }
    ui.table_node = ui.sem.open({.id = id, .role = sem::Role::Table, .name = caption});
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ui.row_node = ui.sem.open({.id = std::string(id) + "-head", .role = sem::Role::Row});
    for (size_t i = 0; i < headers.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i));
        ImGui::TableHeader(headers[i].c_str());
        ui.sem.add({.id = std::string(id) + "-h" + std::to_string(i), .role = sem::Role::HeaderCell, .name = headers[i],
                    .rect = item_rect(ui)});
    }
    return true;
}

void table_row(Ui& ui, bool highlighted) {
    close_row(ui);
    ImGui::TableNextRow();
    if (highlighted)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::ColorConvertFloat4ToU32(to_imvec4(ui.theme->row_prescribed)));
    ui.row_node = ui.sem.open({.id = ui.sem.next_id("row"), .role = sem::Role::Row, .highlighted = highlighted});
}

void table_cell(Ui& ui, const std::string& line, Tone tone, bool wrap) {
    ImGui::TableNextColumn();
    if (wrap) {
        wrapped(tone_color(ui, tone), line);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, tone_color(ui, tone));
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopStyleColor();
    }
    ui.cell_node = ui.sem.add({.id = ui.sem.next_id("cell"), .role = sem::Role::Cell, .name = line, .rect = item_rect(ui)});
}

void table_cell_more(Ui& ui, const std::string& line, Tone tone) {
    wrapped(tone_color(ui, tone), line);
    if (ui.cell_node < 0) return;
    sem::Node& cell = ui.sem.at(ui.cell_node);
    cell.name += cell.name.empty() ? line : "\n" + line;
    cell.rect = unite(cell.rect, item_rect(ui));
}

void end_table(Ui& ui) {
    close_row(ui);
    ImGui::EndTable();
    if (ui.table_node >= 0) {
        ui.sem.at(ui.table_node).rect = item_rect(ui);  // EndTable leaves the table as the last item
        ui.sem.close();
    }
    ui.table_node = ui.row_node = ui.cell_node = -1;
}

void figure(Ui& ui, const char* id, const std::string& caption, const sem::Rect& rect, const std::vector<std::string>& headers,
            const std::vector<std::vector<std::string>>& rows) {
    ui.sem.open({.id = id, .role = sem::Role::Figure, .name = caption, .rect = rect});
    const std::string table_id = std::string(id) + "-data";
    ui.sem.open({.id = table_id, .role = sem::Role::Table, .name = caption + " (data)"});
    ui.sem.open({.id = table_id + "-head", .role = sem::Role::Row});
    for (size_t i = 0; i < headers.size(); ++i)
        ui.sem.add({.id = table_id + "-h" + std::to_string(i), .role = sem::Role::HeaderCell, .name = headers[i]});
    ui.sem.close();
    for (size_t r = 0; r < rows.size(); ++r) {
        ui.sem.open({.id = table_id + "-r" + std::to_string(r), .role = sem::Role::Row});
        for (size_t c = 0; c < rows[r].size(); ++c)
            ui.sem.add({.id = table_id + "-r" + std::to_string(r) + "c" + std::to_string(c), .role = sem::Role::Cell, .name = rows[r][c]});
        ui.sem.close();
    }
    ui.sem.close();
    ui.sem.close();
}

void begin_list(Ui& ui, const char* id, const std::string& name) {
    ui.list_node = ui.sem.open({.id = id, .role = sem::Role::List, .name = name});
}

void list_item(Ui& ui, const char* symbol, const std::string& line, Tone tone, const std::string& detail) {
    wrapped(tone_color(ui, tone), symbol ? std::string(symbol) + " " + line : line);
    sem::Rect rect = item_rect(ui);
    if (!detail.empty()) {
        const float indent = ImGui::GetFontSize() * 1.2f;
        ImGui::Indent(indent);
        wrapped(tone_color(ui, Tone::Muted), detail);
        ImGui::Unindent(indent);
        rect = unite(rect, item_rect(ui));
    }
    ui.sem.add({.id = ui.sem.next_id("item"), .role = sem::Role::ListItem, .name = detail.empty() ? line : line + " (" + detail + ")",
                .rect = rect});
    if (ui.list_node >= 0) ui.sem.at(ui.list_node).rect = unite(ui.sem.at(ui.list_node).rect, rect);
}

void end_list(Ui& ui) {
    if (ui.list_node >= 0) ui.sem.close();
    ui.list_node = -1;
}

void end_field_row(Ui& ui) {
    auto& nodes = ui.sem.tree().nodes;
    for (size_t i = static_cast<size_t>(std::max(0, ui.row_start)); i < nodes.size(); ++i) {
        if (!nodes[i].invalid) continue;
        wrapped(tone_color(ui, Tone::Exceeds), "\xE2\x9C\x96 " + nodes[i].error);  // heavy x, then the words
        nodes[i].error_rect = item_rect(ui);
    }
    ui.row_start = static_cast<int>(nodes.size());
}

}  // namespace ui
