// What a frame would put on the canvas, and which part of the canvas it would change.
//
// First, cheaply, the bytes its GL calls would be made from: the framebuffer's size, the clear
// colour, the font atlas's generation, every draw list's vertices, indices and commands, and the
// exposure curves a command's callback draws. Equal bytes paint the same pixels, so such a frame
// is not painted at all (scripts/budget.sh measured ~3 of 5 frames repeating the picture while
// tables settle).
//
// A frame that is painted is then cut into tiles: its triangles in draw order (vertices, clip
// rectangle, texture), and for each tile the triangles that could touch one of its pixels (their
// bounding box within their clip rectangle, with a pixel to spare). A tile's pixels come from
// clearing it and drawing those triangles in order, so a tile whose list is the same, triangle
// for triangle and byte for byte, as in the frame on the canvas already shows the new pixels;
// only the other tiles are painted (a typed digit changes about a third of them, and in software
// GL painting is most of a frame's cost). Anything every pixel depends on (size, clear colour,
// atlas, display position and scale), an exposure plot on the canvas, or a callback unknown
// here: the whole canvas is painted.
#pragma once
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace web {

// One triangle as it is drawn; compared byte for byte, so it has no padding.
struct FrameTriangle {
    ImDrawVert vertex[3];
    float clip[4];  // the command's clip rectangle, in ImGui's coordinates
    std::uintptr_t texture;
};

// Where a triangle is drawn from: its draw list, its command and its three indices.
struct TriangleSource {
    std::uint32_t list, command;
    ImDrawIdx index[3];
};

// Pixels of the framebuffer, rows counted from the top; x1 and y1 are excluded.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A rectangle of ImGui's coordinates (x, y, z, w as ImDrawCmd::ClipRect) in framebuffer pixels,
// rows from the top, before any rounding: the one mapping the renderer and the tiles share.
struct PixelBox {
    float x0, y0, x1, y1;
};
inline PixelBox to_pixels(const ImDrawData& data, const ImVec4& rect) {
    const ImVec2 o = data.DisplayPos, s = data.FramebufferScale;
    return {(rect.x - o.x) * s.x, (rect.y - o.y) * s.y, (rect.z - o.x) * s.x, (rect.w - o.y) * s.y};
}

// Tiles of this many framebuffer pixels (about a text line high).
constexpr int kTileWidthPx = 64;
constexpr int kTileHeightPx = 32;

// A rectangle of tiles to paint again (inclusive bounds).
struct TileRect {
    int first_row = 0, last_row = 0, first_column = 0, last_column = 0;
};

struct FrameImage {
    // What the GL calls are made from; empty: never "the same". A string, not a vector of bytes:
    // its append is one copy, where the vector's insert constructs byte by byte in code the
    // browser has not optimised yet (15 ms of the first frame).
    std::string bytes;
    std::size_t globals_size = 0;     // its first bytes: what every pixel depends on
    int fb_width = 0, fb_height = 0;  // the framebuffer (also in those first bytes)
    // The frame cut into tiles (cut_into_tiles), for frames that are painted.
    bool cut = false;                   // false: not cut, or to be painted whole (cut_into_tiles says when)
    bool plot_on_canvas = false;        // an exposure plot can paint on the canvas (paint it all)
    std::vector<FrameTriangle> triangles;  // in draw order
    std::vector<TriangleSource> sources;   // parallel to triangles
    int columns = 0, rows = 0;             // tiles
    // Tile t (row-major) lists triangles tile_triangles[tile_start[t] .. tile_start[t + 1]), in order.
    std::vector<std::uint32_t> tile_start, tile_triangles;
    std::vector<std::uint16_t> spans;  // scratch: each triangle's first and last tile column and row
};

// Fills `out.bytes` (storage reused from frame to frame) with what `data` would paint.
// `curves` is the callback whose user data is a ui::PlotFrame (src/web/curve_gl).
void capture_frame_image(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                         int font_atlas_generation, ImDrawCallback curves, FrameImage& out);
// True when `data` would paint the same pixels as `painted`: byte for byte the inputs
// capture_frame_image would write, compared as they are read, without being copied (most frames
// drawn are the one that confirms the picture on the canvas).
bool repeats_picture(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear,
                     int font_atlas_generation, ImDrawCallback curves, const FrameImage& painted);

// Cuts a frame that will be painted, captured from `data`, into tiles. Left uncut (so painted
// whole) when the draw data's framebuffer is not the captured one, for a callback unknown here,
// or for a vertex that is not a number.
void cut_into_tiles(const ImDrawData& data, ImDrawCallback curves, FrameImage& out);

enum class Repaint { None, Part, Whole };

// What painting `next` (cut) over `painted` (the frame on the canvas, cut when it was painted)
// takes: nothing (every tile the same), the tiles in `rects`, or the whole canvas.
Repaint changed_tiles(const FrameImage& painted, const FrameImage& next, std::vector<TileRect>& rects);

// A tile rectangle's pixels, within the framebuffer.
PixelRect tile_pixels(const FrameImage& image, const TileRect& rect);

// The triangles that could touch a tile rectangle's pixels, in draw order. `seen` is scratch
// (one entry per triangle, reused); `stamp` must differ from every earlier call's.
void triangles_in(const FrameImage& image, const TileRect& rect, std::vector<std::uint32_t>& out,
                  std::vector<std::uint32_t>& seen, std::uint32_t stamp);

}  // namespace web
