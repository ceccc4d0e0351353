#include "frame_image.hpp"

#include "app.hpp"

#include <cstring>

namespace web {

namespace {

// Appends a value's bytes (only plain values without padding: ints, floats, ImDrawVert's parts).
template <typename T>
void put(std::vector<std::uint8_t>& out, const T& value) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
    out.insert(out.end(), p, p + sizeof(T));
}

void put_bytes(std::vector<std::uint8_t>& out, const void* data, std::size_t size) {
    put(out, static_cast<std::uint64_t>(size));
    const auto* p = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), p, p + size);
}

void put_vec2(std::vector<std::uint8_t>& out, const ImVec2& v) {
    put(out, v.x);
    put(out, v.y);
}

// The plot a curve callback draws: its rectangle, range, line width and each curve's points and
// colour (the callback's user data pointer stays the same while the curves change).
void put_plot(std::vector<std::uint8_t>& out, const ui::PlotFrame& plot) {
    put_vec2(out, plot.min);
    put_vec2(out, plot.max);
    put(out, plot.x_max);
    put(out, plot.y_max);
    put(out, plot.line_width_px);
    put(out, static_cast<std::uint64_t>(plot.curves.size()));
    for (const ui::PlotCurve& curve : plot.curves) {
        put(out, curve.color);
        put_bytes(out, curve.xy.data(), curve.xy.size() * sizeof(float));
    }
}

}  // namespace

void capture_frame_image(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                         int font_atlas_generation, ImDrawCallback curves, FrameImage& out) {
    static_assert(sizeof(ImDrawVert) == sizeof(ImVec2) * 2 + sizeof(ImU32), "ImDrawVert has padding");
    std::vector<std::uint8_t>& b = out.bytes;
    b.clear();
    put(b, fb_width);
    put(b, fb_height);
    put(b, clear.x);
    put(b, clear.y);
    put(b, clear.z);
    put(b, clear.w);
    put(b, font_atlas_generation);
    put_vec2(b, data.DisplayPos);
    put_vec2(b, data.DisplaySize);
    put_vec2(b, data.FramebufferScale);
    put(b, static_cast<std::uint64_t>(data.CmdLists.Size));
    for (const ImDrawList* list : data.CmdLists) {
        put_bytes(b, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        put_bytes(b, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        put(b, static_cast<std::uint64_t>(list->CmdBuffer.Size));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            put(b, cmd.ClipRect.x);
            put(b, cmd.ClipRect.y);
            put(b, cmd.ClipRect.z);
            put(b, cmd.ClipRect.w);
            put(b, reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            put(b, cmd.VtxOffset);
            put(b, cmd.IdxOffset);
            put(b, cmd.ElemCount);
            put(b, reinterpret_cast<std::uintptr_t>(cmd.UserCallback));
            if (cmd.UserCallback == nullptr || cmd.UserCallback == ImDrawCallback_ResetRenderState) continue;
            if (cmd.UserCallback == curves && cmd.UserCallbackData != nullptr) {
                put_plot(b, *static_cast<const ui::PlotFrame*>(cmd.UserCallbackData));
            } else {
                // A callback whose inputs are not known here: never call two such frames the same.
                b.clear();
                return;
            }
        }
    }
}

bool same_picture(const FrameImage& a, const FrameImage& b) {
    return !a.bytes.empty() && a.bytes.size() == b.bytes.size() &&
           std::memcmp(a.bytes.data(), b.bytes.data(), a.bytes.size()) == 0;
}

}  // namespace web
