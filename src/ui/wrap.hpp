// Line breaking for the canvas's text: at spaces and newlines only, so numbers with a decimal
// point ("8.57 mg/kg/day", "0.67 mL") are never split across lines. Plain code, no ImGui: the
// width of a piece of text comes from the caller, so native unit tests cover it.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace ui {

using TextWidth = std::function<float(std::string_view)>;

// The lines of `text` no wider than `width` (a word wider than a whole line is cut between
// characters, at a UTF-8 character boundary). Views into `text`. `measure` must never give a
// narrower width for longer text (a paragraph that fits whole is measured only whole).
std::vector<std::string_view> wrap_lines(std::string_view text, float width, const TextWidth& measure);

}  // namespace ui
