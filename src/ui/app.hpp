// The widget's panels: they edit Inputs and render the core's Response. They never
// compute a dose; every number shown comes from the Response.
#pragma once
#include "drug_data.hpp"
#include "inputs.hpp"
#include "outputs.hpp"
#include "response.hpp"

#include <imgui.h>

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
};

// Where a named control was drawn, in CSS px from the canvas's top left. Published for the
// browser tests until the semantics layer (issue 10) gives every control a DOM element.
struct ControlRect {
    std::string name;  // the field name ("weight"), or the button's label ("Clear")
    float x = 0, y = 0, width = 0, height = 0;
};

struct App {
    Inputs inputs;
    LinkReport link;                          // what the last link or message brought: a count, never names
    core::Response response;
    std::string response_json;
    std::string state;                        // state_string(inputs) when last evaluated
    std::string summary;
    bool dark = false;
    float dpr = 1;
    float css_width = 1024;
    bool embedded = false;                    // inside another site's iframe: the canvas fits its content
    float content_height_px = 0;              // the widget's full height, in framebuffer pixels
    std::string notice;                       // e.g. "Summary copied"
    PlotFrame plot;                           // kept alive until the frame is rendered
    std::vector<ControlRect> controls;        // this frame's named controls
};

// Re-evaluates the inputs with the core; returns true when the inputs or the result changed.
bool evaluate_inputs(App& app, const core::DrugDb& db, const Services& services);
// Draws one frame of the widget; returns true when the user changed an input.
bool draw_app(App& app, const core::DrugDb& db, const Services& services);
// Colours for light or dark mode, on top of ImGui's own style.
void apply_theme(bool dark);

}  // namespace ui
