// Draws ImGui's draw lists on the WebGL 2 canvas with the project's shaders (shaders/imgui.*).
// ImGui's own OpenGL3 backend saves and restores about 25 pieces of GL state every frame, each a
// getParameter call: ~2.4 ms a frame in Chromium's software GL (scripts/budget.sh's profile).
// Nothing else on this canvas needs its state kept (the curve callback sets what it uses, and
// this renderer sets its state again after it), so state is set, never read back.
#pragma once
#include "frame_image.hpp"

#include <imgui.h>

#include <vector>

namespace web {

// Starts compiling the program and makes the buffers; the compile finishes in the GPU process
// while the module goes on.
void init_imgui_renderer();
// Whether the program linked (the first call waits for the compiler and prints its log if not).
// Without it nothing can be drawn: the caller says so on the page and hides every dose.
bool imgui_renderer_linked();
// (Re)builds ImGui's font atlas and uploads it as the texture ImGui's commands refer to.
void upload_font_atlas();
// How many times the atlas was uploaded: the texture's name stays, its pixels change.
int font_atlas_generation();
// Draws a frame's lists into the framebuffer the draw data describes (DisplaySize ×
// FramebufferScale). False, drawing nothing, if the program did not link.
bool render_imgui(const ImDrawData& data);
// Paints only the rectangles of tiles that changed (changed_tiles): each is cleared to `clear`
// and given every triangle of `image` (cut from `data`) that could touch it. The canvas must keep
// its pixels between frames (a preserved drawing buffer). False, drawing nothing, if the program
// did not link.
bool render_imgui_part(const ImDrawData& data, const FrameImage& image, const std::vector<TileRect>& rects, const ImVec4& clear);

}  // namespace web
