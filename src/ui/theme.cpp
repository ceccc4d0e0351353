#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr Rgb hex(unsigned v) {
    return {static_cast<float>((v >> 16) & 255) / 255.0f, static_cast<float>((v >> 8) & 255) / 255.0f,
            static_cast<float>(v & 255) / 255.0f};
}

// sRGB channel to linear light (WCAG 2.1 definition).
double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

}  // namespace

const Theme& light_theme() {
    static const Theme theme = {
        .window_bg = hex(0xFAFAF8),
        .text = hex(0x1B1B1F),
        .text_muted = hex(0x55575E),
        .ok = hex(0x0B6B2A),
        .caution = hex(0x8A5300),
        .exceeds = hex(0xB00020),
        .frame_bg = hex(0xFFFFFF),
        .frame_bg_hovered = hex(0xF1F5FA),
        .frame_bg_active = hex(0xE6EEF7),
        .border = hex(0x6E7079),
        .focus_ring = hex(0x1F5F8B),
        .check_mark = hex(0x1F5F8B),
        .button = hex(0xE3E8EF),
        .button_hovered = hex(0xD5DDE8),
        .button_active = hex(0xC6D2E1),
        .header = hex(0xE3E8EF),
        .row_alt = hex(0xF0F0EC),
        .row_prescribed = hex(0xDCE8F5),
        .plot_grid = hex(0x8C8E96),
    };
    return theme;
}

const Theme& dark_theme() {
    static const Theme theme = {
        .window_bg = hex(0x17191E),
        .text = hex(0xE8E8EA),
        .text_muted = hex(0xA9ACB4),
        .ok = hex(0x6FD58A),
        .caution = hex(0xF2C14E),
        .exceeds = hex(0xFF8A8A),
        .frame_bg = hex(0x23262D),
        .frame_bg_hovered = hex(0x2C3039),
        .frame_bg_active = hex(0x343945),
        .border = hex(0x8A8F99),
        .focus_ring = hex(0x7CB8F0),
        .check_mark = hex(0x7CB8F0),
        .button = hex(0x2E3440),
        .button_hovered = hex(0x3A4252),
        .button_active = hex(0x465066),
        .header = hex(0x2E3440),
        .row_alt = hex(0x1E2127),
        .row_prescribed = hex(0x243B55),
        .plot_grid = hex(0x6B707A),
    };
    return theme;
}

double relative_luminance(const Rgb& c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(const Rgb& a, const Rgb& b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace ui
