// The canvas: its backing store in physical pixels and the fonts rasterised for them.
#include "dom.hpp"
#include "platform.hpp"
#include "style.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

namespace web {

// Backing store = CSS size x devicePixelRatio; fonts and sizes follow the ratio (browser zoom too).
void fit_canvas(Platform& p) {
    const double dpr = web::device_pixel_ratio();
    const int css_w = std::max(1, web::canvas_css_width()), css_h = std::max(1, web::canvas_css_height());
    const int w = static_cast<int>(std::lround(css_w * dpr)), h = static_cast<int>(std::lround(css_h * dpr));
    if (w != p.fb_width || h != p.fb_height) {
        web::set_canvas_size(w, h);
        p.fb_width = w;
        p.fb_height = h;
    }
    p.app.css_width = static_cast<float>(css_w);
    p.app.dpr = static_cast<float>(dpr);
    if (dpr != p.dpr) {
        const bool first = p.dpr == 0;
        p.dpr = dpr;
        ui::load_fonts(static_cast<float>(dpr));
        ui::apply_style(p.app.dark, static_cast<float>(dpr));
        if (!first) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
}

}  // namespace web
