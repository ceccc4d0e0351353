#include "imgui_gl.hpp"

#include "gl_program.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace web {

namespace {

struct ImGuiRenderer {
    GLuint program = 0, vao = 0, vertices = 0, indices = 0, atlas = 0;
    GLint display_pos = -1, display_size = -1, atlas_unit = -1;
    int atlas_generation = 0;  // uploads so far (FrameImage: new pixels under the same name)
    enum class Link { Pending, Linked, Failed } link = Link::Pending;
};
ImGuiRenderer imgui_renderer;  // one GL context per page

// The attributes' layout follows ImDrawVert (pos, uv, col), read from the struct itself.
void describe_vertices() {
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
}

// The state ImGui's triangles need: colour blended by the source's alpha (the canvas's own alpha
// accumulated, so the page composites it right), clipping by scissor, no depth, stencil or
// culling. Set at the start and again after a callback (the curve renderer) changed it.
void set_state(const ImGuiRenderer& r, const ImDrawData& data, int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(r.program);
    glUniform2f(r.display_pos, data.DisplayPos.x, data.DisplayPos.y);
    glUniform2f(r.display_size, data.DisplaySize.x, data.DisplaySize.y);
    glUniform1i(r.atlas_unit, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vao);  // holds the index buffer's binding (init_imgui_renderer)
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
}

// A scissor box: GL counts rows from the bottom.
struct ScissorBox {
    GLint x = 0, y = 0;
    GLsizei width = 0, height = 0;
};

// A command's clip rectangle as the scissor box it is drawn with; false when it has no area.
bool clip_box(const ImDrawCmd& cmd, const ImDrawData& data, int fb_height, ScissorBox& out) {
    const PixelBox b = to_pixels(data, cmd.ClipRect);
    const float x0 = b.x0, y0 = b.y0, x1 = b.x1, y1 = b.y1;
    if (x1 <= x0 || y1 <= y0) return false;
    out = {static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1), static_cast<GLsizei>(x1 - x0),
           static_cast<GLsizei>(y1 - y0)};
    return true;
}

ScissorBox box_of(const PixelRect& r, int fb_height) { return {r.x0, fb_height - r.y1, r.x1 - r.x0, r.y1 - r.y0}; }

// The pixels both boxes cover; false when none.
bool overlap(const ScissorBox& a, const ScissorBox& b, ScissorBox& out) {
    const GLint x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const GLint x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    if (x1 <= x0 || y1 <= y0) return false;
    out = {x0, y0, x1 - x0, y1 - y0};
    return true;
}

void scissor(const ScissorBox& b) { glScissor(b.x, b.y, b.width, b.height); }

// One scissored draw of a partial frame: a command's triangles within one rectangle of tiles.
struct PartDraw {
    std::size_t rect;
    std::uint32_t command;
    std::size_t first_index, index_count;
};

// Reused from frame to frame: a partial frame's triangles and draws.
struct PartScratch {
    std::vector<std::uint32_t> rect_start, rect_triangles, found, seen;  // per rectangle (CSR), scratch
    std::uint32_t stamp = 0;
    std::vector<ImDrawIdx> indices;
    std::vector<PartDraw> draws;
};
PartScratch part_scratch;

}  // namespace

void init_imgui_renderer() {
    ImGuiRenderer& r = imgui_renderer;
    r.program = start_program(shader_source("imgui.vert"), shader_source("imgui.frag"));
    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vertices);
    glGenBuffers(1, &r.indices);
    // The element buffer binding belongs to the vertex array: bound once, here.
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.indices);
    describe_vertices();
    glBindVertexArray(0);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "dosechecker_webgl2";
}

bool imgui_renderer_linked() {
    ImGuiRenderer& r = imgui_renderer;
    if (r.link == ImGuiRenderer::Link::Pending) {
        r.link = program_linked(r.program, "imgui") ? ImGuiRenderer::Link::Linked : ImGuiRenderer::Link::Failed;
        if (r.link == ImGuiRenderer::Link::Linked) {
            r.display_pos = glGetUniformLocation(r.program, "u_display_pos");
            r.display_size = glGetUniformLocation(r.program, "u_display_size");
            r.atlas_unit = glGetUniformLocation(r.program, "u_atlas");
        }
    }
    return r.link == ImGuiRenderer::Link::Linked;
}

void upload_font_atlas() {
    ImGuiRenderer& r = imgui_renderer;
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (r.atlas == 0) glGenTextures(1, &r.atlas);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, r.atlas);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(r.atlas)));
    ++r.atlas_generation;
}

int font_atlas_generation() { return imgui_renderer.atlas_generation; }

bool render_imgui(const ImDrawData& data) {
    ImGuiRenderer& r = imgui_renderer;
    if (!imgui_renderer_linked()) return false;
    // The framebuffer from the draw data, as the curve callback computes it too.
    const int fb_width = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    const int fb_height = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    if (fb_width <= 0 || fb_height <= 0) return true;
    set_state(r, data, fb_width, fb_height);
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (const ImDrawList* list : data.CmdLists) {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                set_state(r, data, fb_width, fb_height);
                continue;
            }
            ScissorBox box;
            if (!clip_box(cmd, data, fb_height, box) || cmd.ElemCount == 0) continue;
            scissor(box);
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
    glBindVertexArray(0);        // no later buffer binding can rewire this renderer's vertex array
    return true;
}

bool render_imgui_part(const ImDrawData& data, const FrameImage& image, const std::vector<TileRect>& rects, const ImVec4& clear) {
    ImGuiRenderer& r = imgui_renderer;
    PartScratch& s = part_scratch;
    if (!imgui_renderer_linked()) return false;
    // The draw data's framebuffer (cut_into_tiles cuts only when it is the captured one).
    const int fb_width = image.fb_width, fb_height = image.fb_height;
    set_state(r, data, fb_width, fb_height);
    // Each rectangle is cleared, then gets every triangle that could touch it, in order, each
    // clipped to its command's rectangle within it: the pixels a whole frame would give it.
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    s.rect_start.assign(1, 0);
    s.rect_triangles.clear();
    for (const TileRect& rect : rects) {
        scissor(box_of(tile_pixels(image, rect), fb_height));
        glClear(GL_COLOR_BUFFER_BIT);
        if (++s.stamp == 0) {  // wrapped: no triangle may look seen by an earlier rectangle
            std::fill(s.seen.begin(), s.seen.end(), 0);
            s.stamp = 1;
        }
        triangles_in(image, rect, s.found, s.seen, s.stamp);
        s.rect_triangles.insert(s.rect_triangles.end(), s.found.begin(), s.found.end());
        s.rect_start.push_back(static_cast<std::uint32_t>(s.rect_triangles.size()));
    }
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    // List by list (each list's vertices are uploaded once); rectangles do not overlap, so the
    // order between them does not matter, only the order within one.
    for (int l = 0; l < data.CmdLists.Size; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        s.indices.clear();
        s.draws.clear();
        for (std::size_t k = 0; k + 1 < s.rect_start.size(); ++k) {
            for (std::uint32_t t = s.rect_start[k]; t < s.rect_start[k + 1]; ++t) {
                const TriangleSource& source = image.sources[s.rect_triangles[t]];
                if (source.list != static_cast<std::uint32_t>(l)) continue;
                if (s.draws.empty() || s.draws.back().rect != k || s.draws.back().command != source.command)
                    s.draws.push_back({k, source.command, s.indices.size(), 0});
                s.indices.insert(s.indices.end(), source.index, source.index + 3);
                s.draws.back().index_count += 3;
            }
        }
        if (s.draws.empty()) continue;
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(s.indices.size() * sizeof(ImDrawIdx)), s.indices.data(),
                     GL_STREAM_DRAW);
        for (const PartDraw& d : s.draws) {
            const ImDrawCmd& cmd = list->CmdBuffer[static_cast<int>(d.command)];
            ScissorBox clip, box;
            if (!clip_box(cmd, data, fb_height, clip) ||
                !overlap(clip, box_of(tile_pixels(image, rects[d.rect]), fb_height), box))
                continue;
            scissor(box);
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(d.index_count), index_type,
                           reinterpret_cast<void*>(d.first_index * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    return true;
}

}  // namespace web
