#include "frame_image.hpp"

#include "app.hpp"
#include "curve_gl.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace web {

namespace {

static_assert(sizeof(ImDrawVert) == sizeof(ImVec2) * 2 + sizeof(ImU32), "ImDrawVert has padding");
static_assert(sizeof(FrameTriangle) == 3 * sizeof(ImDrawVert) + 4 * sizeof(float) + sizeof(std::uintptr_t),
              "FrameTriangle has padding (it is compared byte for byte)");

// Whether n bytes are equal, eight at a time: the C library's memcmp here goes byte by byte, and
// a frame is hundreds of kilobytes of vertices.
bool same_bytes(const void* a, const void* b, std::size_t n) {
    const auto* x = static_cast<const std::uint8_t*>(a);
    const auto* y = static_cast<const std::uint8_t*>(b);
    for (; n >= 8; n -= 8, x += 8, y += 8) {
        std::uint64_t u, v;
        std::memcpy(&u, x, 8);
        std::memcpy(&v, y, 8);
        if (u != v) return false;
    }
    for (; n > 0; --n, ++x, ++y)
        if (*x != *y) return false;
    return true;
}

// Where a frame's bytes go: appended to a buffer (a frame to keep), or compared with a kept
// frame's bytes as they come (a frame that only has to be told apart: nothing copied).
struct Append {
    std::string& out;
    void bytes(const void* data, std::size_t size) { out.append(static_cast<const char*>(data), size); }
    bool settled() const { return false; }  // every byte is kept
};
struct Compare {
    const std::uint8_t* at;
    const std::uint8_t* end;
    bool same = true;
    void bytes(const void* data, std::size_t size) {
        if (!same) return;
        if (static_cast<std::size_t>(end - at) < size || !same_bytes(at, data, size)) {
            same = false;
            return;
        }
        at += size;
    }
    bool settled() const { return !same; }  // a difference found: the rest need not be read
};

// A value's bytes (only plain values without padding: ints, floats, ImVec4).
template <typename Sink, typename T>
void put(Sink& out, const T& value) {
    out.bytes(&value, sizeof(T));
}

template <typename Sink>
void put_bytes(Sink& out, const void* data, std::size_t size) {
    put(out, static_cast<std::uint64_t>(size));
    out.bytes(data, size);
}

template <typename Sink>
void put_vec2(Sink& out, const ImVec2& v) {
    put(out, v.x);
    put(out, v.y);
}

// The plot a curve callback draws: its rectangle, range, line width and each curve's points and
// colour (the callback's user data pointer stays the same while the curves change).
template <typename Sink>
void put_plot(Sink& out, const ui::PlotFrame& plot) {
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

// What every pixel depends on.
template <typename Sink>
void put_globals(Sink& out, const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                 int font_atlas_generation) {
    put(out, fb_width);
    put(out, fb_height);
    put(out, clear);
    put(out, font_atlas_generation);
    put_vec2(out, data.DisplayPos);
    put_vec2(out, data.DisplaySize);
    put_vec2(out, data.FramebufferScale);
}

bool known_callback(const ImDrawCmd& cmd, ImDrawCallback curves) {
    return cmd.UserCallback == ImDrawCallback_ResetRenderState || (cmd.UserCallback == curves && cmd.UserCallbackData != nullptr);
}

// Every draw list's vertices, indices and commands, and the plots their callbacks draw; false
// for a callback whose inputs are not known here (such a frame is never "the same"). Stops at
// the next list once the sink has settled (a comparison that found a difference).
template <typename Sink>
bool put_lists(Sink& out, const ImDrawData& data, ImDrawCallback curves) {
    put(out, static_cast<std::uint64_t>(data.CmdLists.Size));
    for (const ImDrawList* list : data.CmdLists) {
        if (out.settled()) return true;
        put_bytes(out, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        put_bytes(out, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        put(out, static_cast<std::uint64_t>(list->CmdBuffer.Size));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            put(out, cmd.ClipRect);
            put(out, reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            put(out, cmd.VtxOffset);
            put(out, cmd.IdxOffset);
            put(out, cmd.ElemCount);
            put(out, reinterpret_cast<std::uintptr_t>(cmd.UserCallback));
            if (cmd.UserCallback == nullptr || cmd.UserCallback == ImDrawCallback_ResetRenderState) continue;
            if (!known_callback(cmd, curves)) return false;
            put_plot(out, *static_cast<const ui::PlotFrame*>(cmd.UserCallbackData));
        }
    }
    return true;
}

// A pixel coordinate's tile, for coordinates already within [0, limit).
int tile_of(float px, int tile_px) { return static_cast<int>(px) / tile_px; }

// Lists every triangle in the tiles its span covers (counted first, then filled: one array).
void index_tiles(FrameImage& image) {
    const std::size_t tiles = static_cast<std::size_t>(image.columns) * static_cast<std::size_t>(image.rows);
    const auto columns = static_cast<std::size_t>(image.columns);
    image.tile_start.assign(tiles + 1, 0);
    std::uint32_t* start = image.tile_start.data();
    const std::size_t n = image.triangles.size();
    const std::uint16_t* spans = image.spans.data();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint16_t* s = spans + 4 * i;
        for (std::size_t r = s[2]; r <= s[3]; ++r)
            for (std::size_t c = s[0]; c <= s[1]; ++c) ++start[r * columns + c + 1];
    }
    for (std::size_t t = 0; t < tiles; ++t) start[t + 1] += start[t];
    image.tile_triangles.resize(start[tiles]);
    std::uint32_t* list = image.tile_triangles.data();
    std::vector<std::uint32_t> fill(image.tile_start.begin(), image.tile_start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint16_t* s = spans + 4 * i;
        for (std::size_t r = s[2]; r <= s[3]; ++r)
            for (std::size_t c = s[0]; c <= s[1]; ++c) list[fill[r * columns + c]++] = static_cast<std::uint32_t>(i);
    }
}

// Whether tile t's triangles differ between the two frames (same grid: same framebuffer size).
bool tile_differs(const FrameImage& a, const FrameImage& b, std::size_t t) {
    const std::uint32_t na = a.tile_start[t + 1] - a.tile_start[t], nb = b.tile_start[t + 1] - b.tile_start[t];
    if (na != nb) return true;
    const std::uint32_t* ia = a.tile_triangles.data() + a.tile_start[t];
    const std::uint32_t* ib = b.tile_triangles.data() + b.tile_start[t];
    for (std::uint32_t k = 0; k < na; ++k)
        if (!same_bytes(&a.triangles[ia[k]], &b.triangles[ib[k]], sizeof(FrameTriangle))) return true;
    return false;
}

}  // namespace

void capture_frame_image(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                         int font_atlas_generation, ImDrawCallback curves, FrameImage& out) {
    std::string& b = out.bytes;
    b.clear();
    out.cut = false;
    out.fb_width = fb_width;
    out.fb_height = fb_height;
    Append sink{b};
    put_globals(sink, data, fb_width, fb_height, clear, font_atlas_generation);
    out.globals_size = b.size();
    if (!put_lists(sink, data, curves)) b.clear();  // never "the same" as any frame
}

bool repeats_picture(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                     int font_atlas_generation, ImDrawCallback curves, const FrameImage& painted) {
    if (painted.bytes.empty()) return false;
    const auto* kept = reinterpret_cast<const std::uint8_t*>(painted.bytes.data());
    Compare sink{kept, kept + painted.bytes.size()};
    put_globals(sink, data, fb_width, fb_height, clear, font_atlas_generation);
    return put_lists(sink, data, curves) && sink.same && sink.at == sink.end;
}

void cut_into_tiles(const ImDrawData& data, ImDrawCallback curves, FrameImage& out) {
    out.cut = false;
    out.plot_on_canvas = false;
    const int fb_width = out.fb_width, fb_height = out.fb_height;
    // The renderer draws into the framebuffer the draw data describes; tiles cut for another
    // size would not be its pixels.
    if (fb_width <= 0 || fb_height <= 0 || out.bytes.empty() ||
        static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x) != fb_width ||
        static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y) != fb_height)
        return;
    out.columns = (fb_width + kTileWidthPx - 1) / kTileWidthPx;
    out.rows = (fb_height + kTileHeightPx - 1) / kTileHeightPx;
    std::size_t most = 0;
    for (const ImDrawList* list : data.CmdLists) most += static_cast<std::size_t>(list->IdxBuffer.Size) / 3;
    out.triangles.resize(most);
    out.sources.resize(most);
    out.spans.resize(4 * most);
    std::size_t n = 0;
    const auto fb_w = static_cast<float>(fb_width), fb_h = static_cast<float>(fb_height);
    for (int l = 0; l < data.CmdLists.Size; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        const ImDrawIdx* indices = list.IdxBuffer.Data;
        const ImDrawVert* vertices = list.VtxBuffer.Data;
        for (int c = 0; c < list.CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list.CmdBuffer.Data[c];
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) continue;  // paints nothing
            if (cmd.UserCallback != nullptr) {
                if (!known_callback(cmd, curves)) return;  // paint it all, every time
                // Where the callback paints, read both as ImGui's coordinates and as pixels
                // (curve_gl.cpp scissors with it as pixels), with a pixel to spare.
                const ImVec4 a = curves_area(*static_cast<const ui::PlotFrame*>(cmd.UserCallbackData), cmd.ClipRect);
                const PixelBox m = to_pixels(data, a);
                if (!std::isfinite(a.x + a.y + a.z + a.w + m.x0 + m.y0 + m.x1 + m.y1)) return;
                if (a.z <= a.x || a.w <= a.y) continue;  // clipped away: the callback paints nothing
                const bool on_canvas = std::max(m.x1, a.z) + 1 >= 0 && std::max(m.y1, a.w) + 1 >= 0 &&
                                       std::min(m.x0, a.x) - 1 < fb_w && std::min(m.y0, a.y) - 1 < fb_h;
                if (on_canvas) out.plot_on_canvas = true;
                continue;
            }
            // The clip rectangle in pixels, as imgui_gl.cpp maps it (nothing drawn when empty).
            const PixelBox clip = to_pixels(data, cmd.ClipRect);
            const float cx0 = clip.x0, cy0 = clip.y0, cx1 = clip.x1, cy1 = clip.y1;
            if (cx1 <= cx0 || cy1 <= cy0 || cmd.ElemCount == 0) continue;
            const auto texture = reinterpret_cast<std::uintptr_t>(cmd.GetTexID());
            for (unsigned int e = 0; e + 2 < cmd.ElemCount; e += 3) {
                const ImDrawIdx* idx = indices + cmd.IdxOffset + e;
                // The vertices GL reads for these indices (imgui_gl.cpp draws without a base vertex).
                const ImDrawVert &v0 = vertices[idx[0]], &v1 = vertices[idx[1]], &v2 = vertices[idx[2]];
                float min_x = v0.pos.x < v1.pos.x ? v0.pos.x : v1.pos.x, max_x = v0.pos.x < v1.pos.x ? v1.pos.x : v0.pos.x;
                float min_y = v0.pos.y < v1.pos.y ? v0.pos.y : v1.pos.y, max_y = v0.pos.y < v1.pos.y ? v1.pos.y : v0.pos.y;
                min_x = v2.pos.x < min_x ? v2.pos.x : min_x;
                max_x = v2.pos.x > max_x ? v2.pos.x : max_x;
                min_y = v2.pos.y < min_y ? v2.pos.y : min_y;
                max_y = v2.pos.y > max_y ? v2.pos.y : max_y;
                // In pixels, within the clip rectangle, a pixel to spare on every side (GL's rounding).
                const PixelBox box = to_pixels(data, ImVec4(min_x, min_y, max_x, max_y));
                float x0 = box.x0, y0 = box.y0, x1 = box.x1, y1 = box.y1;
                if (!std::isfinite(x0 + y0 + x1 + y1)) return;  // not a number: paint it all, every time
                x0 = (x0 > cx0 ? x0 : cx0) - 1;
                y0 = (y0 > cy0 ? y0 : cy0) - 1;
                x1 = (x1 < cx1 ? x1 : cx1) + 1;
                y1 = (y1 < cy1 ? y1 : cy1) + 1;
                if (x1 < x0 || y1 < y0 || x1 < 0 || y1 < 0 || x0 >= fb_w || y0 >= fb_h) continue;  // touches no pixel
                std::uint16_t* span = &out.spans[4 * n];
                span[0] = static_cast<std::uint16_t>(tile_of(x0 > 0 ? x0 : 0, kTileWidthPx));
                span[1] = static_cast<std::uint16_t>(tile_of(x1 < fb_w - 1 ? x1 : fb_w - 1, kTileWidthPx));
                span[2] = static_cast<std::uint16_t>(tile_of(y0 > 0 ? y0 : 0, kTileHeightPx));
                span[3] = static_cast<std::uint16_t>(tile_of(y1 < fb_h - 1 ? y1 : fb_h - 1, kTileHeightPx));
                FrameTriangle& t = out.triangles[n];
                t.vertex[0] = v0;
                t.vertex[1] = v1;
                t.vertex[2] = v2;
                std::memcpy(t.clip, &cmd.ClipRect, sizeof t.clip);
                t.texture = texture;
                out.sources[n] = {static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(c), {idx[0], idx[1], idx[2]}};
                ++n;
            }
        }
    }
    out.triangles.resize(n);
    out.sources.resize(n);
    out.spans.resize(4 * n);
    index_tiles(out);
    out.cut = true;
}

Repaint changed_tiles(const FrameImage& painted, const FrameImage& next, std::vector<TileRect>& rects) {
    rects.clear();
    // An exposure plot is drawn by its callback with its own scissor, and where it lies in the
    // draw order matters as much as its curves: while one is on the canvas, all is painted.
    if (!painted.cut || !next.cut || painted.plot_on_canvas || next.plot_on_canvas ||
        painted.globals_size != next.globals_size ||
        !same_bytes(painted.bytes.data(), next.bytes.data(), next.globals_size))
        return Repaint::Whole;
    // Runs of changed tiles, row by row; a run goes on over one unchanged tile (fewer passes).
    std::size_t changed = 0;
    for (int r = 0; r < next.rows; ++r) {
        int last_changed = -3;
        for (int c = 0; c < next.columns; ++c) {
            if (!tile_differs(painted, next, static_cast<std::size_t>(r) * next.columns + c)) continue;
            ++changed;
            if (c - last_changed <= 2) rects.back().last_column = c;
            else rects.push_back({r, r, c, c});
            last_changed = c;
        }
    }
    if (changed == 0) return Repaint::None;  // triangles moved within the draw order only
    // Most of the canvas: one pass over everything costs less than many scissored ones.
    const std::size_t tiles = static_cast<std::size_t>(next.columns) * static_cast<std::size_t>(next.rows);
    if (changed * 4 > tiles * 3) {
        rects.clear();
        return Repaint::Whole;
    }
    // A run directly under one of the same columns joins it (rows come in order; rectangles stay apart).
    std::size_t kept = 0;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        bool joined = false;
        for (std::size_t j = 0; j < kept; ++j) {
            if (rects[j].last_row + 1 == rects[i].first_row && rects[j].first_column == rects[i].first_column &&
                rects[j].last_column == rects[i].last_column) {
                rects[j].last_row = rects[i].last_row;
                joined = true;
                break;
            }
        }
        if (!joined) rects[kept++] = rects[i];
    }
    rects.resize(kept);
    return Repaint::Part;
}

PixelRect tile_pixels(const FrameImage& image, const TileRect& rect) {
    return {rect.first_column * kTileWidthPx, rect.first_row * kTileHeightPx,
            std::min((rect.last_column + 1) * kTileWidthPx, image.fb_width),
            std::min((rect.last_row + 1) * kTileHeightPx, image.fb_height)};
}

void triangles_in(const FrameImage& image, const TileRect& rect, std::vector<std::uint32_t>& out,
                  std::vector<std::uint32_t>& seen, std::uint32_t stamp) {
    out.clear();
    if (seen.size() < image.triangles.size()) seen.resize(image.triangles.size(), 0);
    // Marked, then read back in index order (draw order) between the lowest and highest marked.
    std::uint32_t lowest = UINT32_MAX, highest = 0;
    for (int r = rect.first_row; r <= rect.last_row; ++r) {
        for (int c = rect.first_column; c <= rect.last_column; ++c) {
            const std::size_t t = static_cast<std::size_t>(r) * image.columns + c;
            for (std::uint32_t k = image.tile_start[t]; k < image.tile_start[t + 1]; ++k) {
                const std::uint32_t i = image.tile_triangles[k];
                seen[i] = stamp;
                lowest = i < lowest ? i : lowest;
                highest = i > highest ? i : highest;
            }
        }
    }
    for (std::uint32_t i = lowest; i <= highest && lowest != UINT32_MAX; ++i)
        if (seen[i] == stamp) out.push_back(i);
}

}  // namespace web
