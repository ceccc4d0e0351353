#include "style.hpp"

#include "app.hpp"
#include "embedded_fonts.hpp"

#include <imgui.h>

#include <cmath>

namespace ui {

void load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2022, 0x2022, 0x2026, 0x2026, 0x2264, 0x2265,
                                     0x26A0, 0x26A0, 0x2713, 0x2713, 0x2716, 0x2716, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the TTF lives in the program's data
    // Rasterised at physical pixels already: no oversampling, glyphs snapped to whole pixels.
    config.OversampleH = 1;
    config.PixelSnapH = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::regular_ttf), static_cast<int>(fonts::regular_ttf_size),
                                   std::floor(kBaseFontPx * scale), &config, ranges);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::bold_ttf), static_cast<int>(fonts::bold_ttf_size),
                                   std::floor(kHeadingFontPx * scale), &config, ranges);
    io.Fonts->Build();
}

void apply_style(bool dark, float scale) {
    ImGui::GetStyle() = ImGuiStyle();
    apply_theme(dark);
    ImGui::GetStyle().ScaleAllSizes(scale);
}

}  // namespace ui
