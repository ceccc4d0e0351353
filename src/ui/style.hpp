// The widget's look at a pixel scale (the device pixel ratio): its fonts and ImGui style. The
// browser and the native UI tests set up ImGui the same way, so both lay out the same frame.
#pragma once

namespace ui {

constexpr float kBaseFontPx = 15, kHeadingFontPx = 17;  // CSS pixels

// Rebuilds the font atlas: DejaVu Sans at kBaseFontPx x scale, then bold headings at
// kHeadingFontPx x scale, rasterised at that size (no oversampling).
void load_fonts(float scale);
// ImGui's style for the light or dark theme, every size multiplied by `scale`.
void apply_style(bool dark, float scale);

}  // namespace ui
