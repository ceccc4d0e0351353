// The widget's colours, light and dark, as one table per theme. Every colour is opaque (any
// transparency is composited here), so the contrast of each text/background and
// border/background pair can be checked by a unit test (WCAG 2.1: text >= 4.5:1, borders and
// the focus ring >= 3:1). Plain data: the ImGui style is built from it in widgets.cpp.
#pragma once

namespace ui {

struct Rgb {
    float r = 0, g = 0, b = 0;  // 0..1, sRGB
};

struct Theme {
    Rgb window_bg;      // the page
    Rgb text;           // body text
    Rgb text_muted;     // secondary text: sources, hints
    Rgb ok, caution, exceeds;  // verdict words (never the only carrier of meaning)
    Rgb frame_bg, frame_bg_hovered, frame_bg_active;  // text fields, combos, checkboxes
    Rgb border;         // field and table borders
    Rgb focus_ring;     // the focused control's ring (>= 2 px)
    Rgb check_mark;     // ticks and radio dots on frame_bg
    Rgb button, button_hovered, button_active;
    Rgb header;         // table header and selected list rows
    Rgb row_alt;        // every other table row
    Rgb row_prescribed; // the ladder row of the prescribed dose
    Rgb plot_grid;      // plot axes and grid lines (decoration: the data table carries the values)
};

const Theme& light_theme();
const Theme& dark_theme();

// WCAG 2.1 relative luminance and contrast ratio (1..21).
double relative_luminance(const Rgb& c);
double contrast_ratio(const Rgb& a, const Rgb& b);

}  // namespace ui
