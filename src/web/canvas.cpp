// The canvas: its backing store in physical pixels and the fonts rasterised for them.
#include "dom.hpp"
#include "embedded_fonts.hpp"
#include "platform.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

namespace web {

namespace {

void load_fonts(Platform& p) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2022, 0x2022, 0x2026, 0x2026, 0x2264, 0x2265,
                                     0x26A0, 0x26A0, 0x2713, 0x2713, 0x2716, 0x2716, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the TTF lives in the program's data
    // Rasterised at physical pixels already: no oversampling, glyphs snapped to whole pixels.
    config.OversampleH = 1;
    config.PixelSnapH = true;
    const float scale = static_cast<float>(p.dpr);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::regular_ttf), static_cast<int>(fonts::regular_ttf_size),
                                   std::floor(kBaseFontPx * scale), &config, ranges);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::bold_ttf), static_cast<int>(fonts::bold_ttf_size),
                                   std::floor(kHeadingFontPx * scale), &config, ranges);
    io.Fonts->Build();
    ImGui::GetStyle() = ImGuiStyle();
    ui::apply_theme(p.app.dark);
    ImGui::GetStyle().ScaleAllSizes(scale);
}

}  // namespace

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
        load_fonts(p);
        if (!first) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
}

}  // namespace web
