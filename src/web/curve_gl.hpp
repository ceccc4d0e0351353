// Draws the exposure plot's curves with the project's own GLSL ES 3.00 shaders (shaders/),
// inside ImGui's draw list through a callback.
#pragma once
#include <imgui.h>

namespace ui {
struct PlotFrame;
}

namespace web {

// Whether curves can be drawn: builds the program from shaders/curve.* on the first call (the
// link query waits for the compiler, so it is asked only once a plot is shown); false, with the
// log printed, if the browser refused it.
bool curves_ready();
// An ImDrawCallback; the command's user data is a ui::PlotFrame*.
void draw_curves(const ImDrawList* list, const ImDrawCmd* cmd);
// Where draw_curves paints for a plot under a clip rectangle: their intersection (x, y, z, w as
// ImGui's ClipRect; empty when z <= x or w <= y), taken as framebuffer pixels for the scissor.
ImVec4 curves_area(const ui::PlotFrame& plot, const ImVec4& clip);

}  // namespace web
