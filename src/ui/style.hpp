// The widget's look: its fonts and ImGui style, from the theme's colour table (theme.hpp). The
// browser and the native UI tests set up ImGui the same way, so both lay out the same frame.
#pragma once

namespace ui {

// At the browser's default root font size (16 CSS px); the page's own root size scales them, so
// a larger browser font makes the canvas text larger too.
constexpr float kBaseFontPx = 15, kHeadingFontPx = 17, kDefaultRootFontPx = 16;

// How big to draw: framebuffer pixels per CSS pixel, and the root font's ratio to the default.
struct Scale {
    float dpr = 1;
    float font = 1;
    float text() const { return dpr * font; }  // framebuffer pixels per CSS pixel of text
};

// Rebuilds the font atlas: DejaVu Sans at kBaseFontPx, then bold headings at kHeadingFontPx,
// both times scale.text(), rasterised at that size (no oversampling).
void load_fonts(const Scale& scale);
// ImGui's style for the light or dark theme at this scale; `touch` makes every control at least
// 44 CSS px tall (WCAG 2.5.5 target size on coarse pointers).
void apply_style(bool dark, const Scale& scale, bool touch);

}  // namespace ui
