// The widget helpers: each draws one kind of control or result with Dear ImGui and records
// its semantics node (semantics.hpp) in the same call, so a control is declared once. The
// page's DOM layer (web/semantics.js) turns the nodes into real elements; those own focus and
// text entry and send values back (App::set_field), so these helpers draw and describe, and
// only buttons report a press (one the DOM made since the last frame).
#pragma once
#include "semantics.hpp"
#include "theme.hpp"

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

namespace ui {

// How a line of text is coloured; the words carry the meaning, the colour only repeats it.
enum class Tone { Normal, Muted, Ok, Caution, Exceeds };

using Options = std::vector<std::pair<std::string, std::string>>;  // value, label

// The state the helpers share within one frame.
struct Ui {
    sem::Builder sem;                 // the nodes of this frame
    const Theme* theme = &light_theme();
    float dpr = 1;                    // framebuffer pixels per CSS pixel
    ImVec2 origin;                    // framebuffer position of the content's top-left corner
    bool narrow = false;              // phone layout: compact tables
    bool labels_above = false;        // the narrowest screens: labels above their fields
    std::string focused;              // the control the DOM has focus on (its ring is drawn)
    std::vector<std::string> pressed; // buttons pressed in the DOM, taken when drawn
    int row_start = 0;                // first node of the current row of fields (end_field_row)
    // The open table, row, cell and list nodes (-1: none); tables and lists never nest here.
    int table_node = -1, row_node = -1, cell_node = -1, list_node = -1;
};

ImVec4 to_imvec4(const Rgb& c, float alpha = 1);
ImVec4 tone_color(const Ui& ui, Tone tone);

// Framebuffer rectangle -> CSS px in content coordinates.
sem::Rect css_rect(const Ui& ui, ImVec2 min, ImVec2 max);

// Headings and text.
void heading(Ui& ui, const char* id, const std::string& text, int level = 2);
// A wrapped line. A leading symbol (a tick, a warning sign) is drawn but left out of the DOM's
// text, where the words after it already say the same.
void text(Ui& ui, const std::string& line, Tone tone = Tone::Normal, const char* symbol = nullptr);

// A field's visible label in the label column (or above the field on phones). Returns its
// rectangle for the field's node.
sem::Rect field_label(Ui& ui, const char* label);

// A text field: the label, the box with its value, the unit after it, and its error below.
struct TextFieldSpec {
    const char* id;          // the input's parameter name (inputs.hpp)
    const char* label;       // visible label = accessible name
    const char* unit = "";   // drawn after the box and read after the name
    sem::InputKind input = sem::InputKind::Decimal;
    float width_em = 6;
};
void text_field(Ui& ui, const TextFieldSpec& spec, const std::string& value, const std::string& error,
                bool with_label = true);

// A drop-down choice. Without a visible label (a unit beside a field) `label` is its name only.
struct ChoiceSpec {
    const char* id;
    const char* label;
    float width_em = 6;      // 0: to the end of the line
    bool show_label = true;  // false: no label drawn, continue on the current line
};
void choice(Ui& ui, const ChoiceSpec& spec, const std::string& value, const Options& options,
            const std::string& error = {});

// Radio buttons in a labelled group; the value is the checked option's value.
void radio_group(Ui& ui, const char* id, const char* label, const std::string& value, const Options& options);

void checkbox(Ui& ui, const char* id, const char* label, bool checked);

// Returns true once when the DOM pressed it.
bool button(Ui& ui, const char* id, const char* label);

// Places the next item on the current line when `width` fits there, else on a new line.
void same_line_if_fits(float width);

// Tables: begin (false: nothing to draw), then row / cell, then end. Without `weights` the
// columns fit their content; with them they share the width in those proportions (a weight
// of 0: that column fits its content).
bool begin_table(Ui& ui, const char* id, const std::string& caption, const std::vector<std::string>& headers,
                 const std::vector<float>& weights = {});
void table_row(Ui& ui, bool highlighted = false);
// A cell's text; `wrap` for prose, off for numbers (a wrapped "0.05 mL" would break at the point).
void table_cell(Ui& ui, const std::string& line, Tone tone = Tone::Normal, bool wrap = false);
void table_cell_more(Ui& ui, const std::string& line, Tone tone = Tone::Normal);  // another line in the same cell
void end_table(Ui& ui);

// A figure drawn by the caller (a plot, a timeline) over `rect`, with its data as a table that
// only the DOM shows (to screen readers, find-in-page and copy), never drawn on the canvas.
void figure(Ui& ui, const char* id, const std::string& caption, const sem::Rect& rect, const std::vector<std::string>& headers,
            const std::vector<std::vector<std::string>>& rows);

// Lists (findings): begin, items, end.
void begin_list(Ui& ui, const char* id, const std::string& name);
void list_item(Ui& ui, const char* symbol, const std::string& line, Tone tone, const std::string& detail = {});
void end_list(Ui& ui);

// Ends a row of fields: draws, under it, the error of each field in the row and links each
// to its field (the DOM reads it after the field's name and marks the field invalid).
void end_field_row(Ui& ui);

}  // namespace ui
