// The widget: the inputs, the core's response for them, and one frame of panels that render
// the response and describe every control to the semantics tree. The panels never compute a
// dose; every number shown comes from the Response. Edits arrive from the page's DOM layer as
// field values (inputs.hpp edit_field) and button presses (press); the canvas takes no input.
#pragma once
#include "drug_data.hpp"
#include "inputs.hpp"
#include "outputs.hpp"
#include "response.hpp"
#include "semantics.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace ui {

// One exposure curve, in plot coordinates (days, relative concentration), for the GL renderer.
struct PlotCurve {
    std::vector<float> xy;  // x0, y0, x1, y1, ...
    ImU32 color = 0;
};

// Everything the platform's curve renderer needs for one frame's plot (see src/web/curve_gl).
struct PlotFrame {
    ImVec2 min, max;                  // the plot rectangle in framebuffer pixels
    float x_max = 1, y_max = 1;       // data range shown
    float line_width_px = 2;
    std::vector<PlotCurve> curves;
};

// What the platform offers the panels (clipboard, print, download, URL, storage, clock).
struct Services {
    std::function<void(const std::string&)> copy_text;
    std::function<void(const std::string& text)> print;  // prints this text (the summary)
    std::function<void(const std::string& file_name, const std::string& text)> download;
    std::function<std::string()> share_url;  // the page address with the inputs in its fragment
    std::function<void()> clear_storage;     // forget the saved patient (and the offer to restore it)
    std::function<Clock()> now;
    ImDrawCallback draw_curves = nullptr;  // user data: a PlotFrame*
    // Whether draw_curves can draw (the browser built its GL program); when it says no, the plot
    // says so instead of showing empty axes.
    std::function<bool()> curves_ready;
};

struct App {
    Inputs inputs;
    LinkReport link;                          // what the last link or message brought: a count, never names
    core::Response response;
    std::string response_json;
    std::string state;                        // state_string(inputs) when last evaluated
    std::string summary;
    std::string announcement;                 // the brief verdict the live region says (summary.hpp)
    bool dark = false;
    bool touch = false;                       // coarse pointer: 44 px targets
    float dpr = 1;
    float css_width = 1024;
    bool embedded = false;                    // inside another site's iframe
    float content_height_px = 0;              // the widget's full height, in framebuffer pixels
    float scroll_y_px = 0;                    // the page's scroll, in framebuffer pixels
    std::string notice;                       // e.g. "Summary copied", also announced
    int notice_count = 0;                     // one more per notice given, so a repeated one is announced again
    PlotFrame plot;                           // kept alive until the frame is rendered
    // What the page and a host may hear as the result: the response, or while a practice case
    // hides its answers, only that it does (practice.hpp hidden_result_json).
    std::string result_json;
    std::string practice_json;                // dosechecker:practice's payload after a Check press ("" otherwise)
    bool check_pressed = false;               // Check was pressed since the last evaluation
    // "Show the arithmetic" per panel (core::StepPanel order); a view choice, not an input.
    std::array<bool, 4> show_steps{};
    Ui ui;                                    // the widget helpers' frame state and the semantics tree
};

// Re-evaluates the inputs with the core; returns true when the inputs or the result changed.
bool evaluate_inputs(App& app, const core::DrugDb& db, const Services& services);
// Draws one frame of the widget and records its semantics tree (app.ui.sem); returns true
// when a button changed the inputs.
bool draw_app(App& app, const core::DrugDb& db, const Services& services);
// ImGui is still fitting what it measured in the frame just drawn (a window's hidden first
// frames or auto-fit, a table column's fit queue), so the next frame may differ even when this
// one repeated the last.
bool layout_settling();
// The DOM layer: a button press (by its node id), and which control has focus. Field values
// go through the input model (inputs.hpp edit_field).
void press(App& app, const std::string& id);
void set_focus(App& app, const std::string& id);

}  // namespace ui
