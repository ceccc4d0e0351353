// What a frame would put on the canvas, as the bytes the GL calls would be made from: the
// framebuffer's size, the clear colour, the font atlas's generation, every draw list's vertices,
// indices and commands, and the exposure curves a command's callback draws. Two frames with equal
// images paint the same pixels, so the later one is not painted: WebGL keeps showing the last
// picture it was given (scripts/budget.sh measured ~3 of 5 frames repeating the picture while
// tables settle and the semantics layer catches up, each a full repaint in software GL).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace web {

struct FrameImage {
    std::vector<std::uint8_t> bytes;  // empty: nothing painted yet, so the next frame is painted
};

// Fills `out` (its storage is reused from frame to frame) with what `data` would paint.
// `curves` is the callback whose user data is a ui::PlotFrame (src/web/curve_gl).
void capture_frame_image(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                         int font_atlas_generation, ImDrawCallback curves, FrameImage& out);
// True when the two would paint the same pixels (byte for byte the same inputs).
bool same_picture(const FrameImage& a, const FrameImage& b);

}  // namespace web
