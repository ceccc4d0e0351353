#include "curve_gl.hpp"

#include "app.hpp"
#include "gl_program.hpp"

#include <GLES3/gl3.h>

#include <cmath>
#include <vector>

namespace web {

namespace {

struct Renderer {
    bool built = false;  // the program is built when the first plot is shown (curves_ready)
    GLuint program = 0, vao = 0, vbo = 0;
    GLint framebuffer = -1, half_width = -1, color = -1;
};
Renderer renderer;  // one GL context per page

// Compiles and links the curve program at the first plot (asking for the link status waits for
// the GPU process's compiler: tens of ms in software GL, which a page with no patient yet need not
// wait for). Leaves program 0 if the browser refused it.
void build_program(Renderer& r) {
    r.program = start_program(shader_source("curve.vert"), shader_source("curve.frag"));
    if (!program_linked(r.program, "curve")) {
        r.program = 0;
        return;
    }
    r.framebuffer = glGetUniformLocation(r.program, "u_framebuffer_px");
    r.half_width = glGetUniformLocation(r.program, "u_half_width_px");
    r.color = glGetUniformLocation(r.program, "u_color");
    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vbo);
}

}  // namespace

bool curves_ready() {
    Renderer& r = renderer;
    if (!r.built) {
        r.built = true;
        build_program(r);
    }
    return r.program != 0;
}

ImVec4 curves_area(const ui::PlotFrame& plot, const ImVec4& clip) {
    return {std::fmax(plot.min.x, clip.x), std::fmax(plot.min.y, clip.y), std::fmin(plot.max.x, clip.z),
            std::fmin(plot.max.y, clip.w)};
}

void draw_curves(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* plot = static_cast<const ui::PlotFrame*>(cmd->UserCallbackData);
    Renderer& r = renderer;
    if (plot == nullptr || !curves_ready()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float fb_w = io.DisplaySize.x * io.DisplayFramebufferScale.x;
    const float fb_h = io.DisplaySize.y * io.DisplayFramebufferScale.y;
    // Clip to the plot and to ImGui's own clip rectangle (the scrolled window).
    const ImVec4 area = curves_area(*plot, cmd->ClipRect);
    const float x0 = area.x, y0 = area.y, x1 = area.z, y1 = area.w;
    if (x1 <= x0 || y1 <= y0) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_h - y1), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(r.program);
    glUniform2f(r.framebuffer, fb_w, fb_h);
    const float half = plot->line_width_px * 0.5f;
    glUniform1f(r.half_width, half);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    const float w = plot->max.x - plot->min.x, h = plot->max.y - plot->min.y;
    std::vector<float> strip;
    for (const auto& curve : plot->curves) {
        const size_t n = curve.xy.size() / 2;
        if (n < 2) continue;
        std::vector<ImVec2> px(n);
        for (size_t i = 0; i < n; ++i)
            px[i] = ImVec2(plot->min.x + w * curve.xy[2 * i] / plot->x_max, plot->max.y - h * curve.xy[2 * i + 1] / plot->y_max);
        strip.clear();
        for (size_t i = 0; i < n; ++i) {
            // Normal from the neighbours' direction, in pixels, so width is even at any scale.
            const ImVec2 a = px[i == 0 ? 0 : i - 1], b = px[i == n - 1 ? n - 1 : i + 1];
            float dx = b.x - a.x, dy = b.y - a.y;
            const float len = std::sqrt(dx * dx + dy * dy);
            if (len > 0) { dx /= len; dy /= len; } else { dx = 1; dy = 0; }
            const float nx = -dy * (half + 1), ny = dx * (half + 1);
            strip.insert(strip.end(), {px[i].x + nx, px[i].y + ny, 1.0f, px[i].x - nx, px[i].y - ny, -1.0f});
        }
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(curve.color);
        glUniform4f(r.color, c.x, c.y, c.z, c.w);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(strip.size() * sizeof(float)), strip.data(), GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, static_cast<GLsizei>(strip.size() / 3));
    }
    glBindVertexArray(0);
}

}  // namespace web
