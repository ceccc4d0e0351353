#include "style.hpp"

#include "embedded_fonts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr float kTouchTargetCssPx = 44;

float body_font_px(const Scale& scale) { return std::floor(kBaseFontPx * scale.text()); }

}  // namespace

void load_fonts(const Scale& scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The characters the fonts were subset to (FONT_CODEPOINT_RANGES in CMakeLists.txt), as
    // ImGui's first-last pairs.
    static const ImWchar ranges[] = {DOSECHECK_FONT_RANGES, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the TTF lives in the program's data
    // Rasterised at physical pixels already: no oversampling, glyphs snapped to whole pixels.
    config.OversampleH = 1;
    config.PixelSnapH = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::regular_ttf), static_cast<int>(fonts::regular_ttf_size),
                                   body_font_px(scale), &config, ranges);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::bold_ttf), static_cast<int>(fonts::bold_ttf_size),
                                   std::floor(kHeadingFontPx * scale.text()), &config, ranges);
    io.Fonts->Build();
}

void apply_style(bool dark, const Scale& scale, bool touch) {
    const Theme& t = dark ? dark_theme() : light_theme();
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = to_imvec4(t.text);
    c[ImGuiCol_TextDisabled] = to_imvec4(t.text_muted);
    c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = to_imvec4(t.window_bg);
    c[ImGuiCol_PopupBg] = to_imvec4(t.frame_bg);
    c[ImGuiCol_Border] = c[ImGuiCol_Separator] = to_imvec4(t.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = to_imvec4(t.frame_bg);
    c[ImGuiCol_FrameBgHovered] = to_imvec4(t.frame_bg_hovered);
    c[ImGuiCol_FrameBgActive] = to_imvec4(t.frame_bg_active);
    c[ImGuiCol_CheckMark] = to_imvec4(t.check_mark);
    c[ImGuiCol_Button] = to_imvec4(t.button);
    c[ImGuiCol_ButtonHovered] = to_imvec4(t.button_hovered);
    c[ImGuiCol_ButtonActive] = to_imvec4(t.button_active);
    c[ImGuiCol_Header] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_HeaderActive] = to_imvec4(t.header);
    c[ImGuiCol_TableHeaderBg] = to_imvec4(t.header);
    c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = to_imvec4(t.border);
    // Plain rows show the window under them: a fill of the same colour would shade every pixel again.
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = to_imvec4(t.row_alt);
    c[ImGuiCol_NavHighlight] = to_imvec4(t.focus_ring);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.FrameRounding = 3;
    s.FrameBorderSize = 1;
    s.ItemSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(6, 3);
    s.FramePadding = ImVec2(6, 4);
    s.ScaleAllSizes(scale.text());
    if (touch) {
        // Frames at least 44 CSS px tall: the font's height plus the padding above and below.
        const float target = kTouchTargetCssPx * scale.dpr;
        s.FramePadding = ImVec2(10 * scale.text(), std::max(s.FramePadding.y, std::ceil((target - body_font_px(scale)) / 2)));
        s.ItemSpacing = ImVec2(10 * scale.text(), 8 * scale.text());
    }
}

}  // namespace ui
