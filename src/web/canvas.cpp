// The canvas: its backing store in physical pixels, the part of the page scrolled to, and the
// fonts rasterised for the pixel ratio and the page's root font size.
#include "dom.hpp"
#include "imgui_gl.hpp"
#include "platform.hpp"
#include "style.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace web {

// Backing store = CSS size x devicePixelRatio; fonts and sizes follow the ratio (browser zoom
// too) and the root font size (a larger browser font makes the canvas text larger).
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
    p.app.scroll_y_px = static_cast<float>(web::scroll_y() * dpr);
    const ui::Scale scale{static_cast<float>(dpr), static_cast<float>(web::root_font_px()) / ui::kDefaultRootFontPx};
    if (scale.dpr != p.scale.dpr || scale.font != p.scale.font) {
        p.scale = scale;
        ui::load_fonts(scale);
        ui::apply_style(p.app.dark, scale, p.app.touch);
        upload_font_atlas();
    }
}

}  // namespace web
