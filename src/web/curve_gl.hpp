// Draws the exposure plot's curves with the project's own GLSL ES 3.00 shaders (shaders/),
// inside ImGui's draw list through a callback.
#pragma once
#include <imgui.h>

namespace web {

// Compiles and links the shaders; false (with the log printed) if the driver refuses them.
bool init_curve_renderer(const char* vertex_source, const char* fragment_source);
// An ImDrawCallback; the command's user data is a ui::PlotFrame*.
void draw_curves(const ImDrawList* list, const ImDrawCmd* cmd);

}  // namespace web
