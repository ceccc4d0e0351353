// Line breaking for the canvas: at spaces only, so a number is never split.
#include "wrap.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// Every byte is one unit wide (a UTF-8 character counts its bytes; good enough for the rules).
float width_of(std::string_view s) { return static_cast<float>(s.size()); }

std::vector<std::string> wrap(std::string_view text, float width) {
    std::vector<std::string> out;
    for (auto l : ui::wrap_lines(text, width, width_of)) out.emplace_back(l);
    return out;
}

}  // namespace

TEST_CASE("wrap: a decimal number is never split at its point") {
    // ImGui's own wrap may break after "8." here; ours moves the whole number down.
    CHECK(wrap("= 8.57 mg/kg/day", 9) == std::vector<std::string>{"= 8.57", "mg/kg/day"});
    CHECK(wrap("2 x 7 mg (0.05 mL)", 12) == std::vector<std::string>{"2 x 7 mg", "(0.05 mL)"});
}

TEST_CASE("wrap: text that fits stays on one line") { CHECK(wrap("OK", 10) == std::vector<std::string>{"OK"}); }

TEST_CASE("wrap: a paragraph that fits is measured once, without its spaces at either end") {
    int measured = 0;
    const auto counting = [&](std::string_view s) {
        ++measured;
        return width_of(s);
    };
    const auto lines = ui::wrap_lines("  aa bb cc dd  ", 11, counting);
    CHECK(lines == std::vector<std::string_view>{"aa bb cc dd"});
    CHECK(measured == 1);
    // One unit narrower it is measured word by word and breaks before the last word.
    CHECK(wrap("  aa bb cc dd  ", 10) == std::vector<std::string>{"aa bb cc", "dd"});
}

TEST_CASE("wrap: lines break at spaces, spaces at the break are dropped") {
    CHECK(wrap("aa bb cc dd", 5) == std::vector<std::string>{"aa bb", "cc dd"});
    CHECK(wrap("aa    bb", 4) == std::vector<std::string>{"aa", "bb"});
}

TEST_CASE("wrap: newlines end paragraphs, an empty line stays") {
    CHECK(wrap("a\n\nb", 10) == std::vector<std::string>{"a", "", "b"});
}

TEST_CASE("wrap: a word wider than the line is cut, keeping UTF-8 characters whole") {
    CHECK(wrap("abcdefgh", 3) == std::vector<std::string>{"abc", "def", "gh"});
    // "µ" is two bytes: never cut between them.
    const auto lines = wrap("\xC2\xB5\xC2\xB5\xC2\xB5", 3);
    for (const auto& l : lines) CHECK(l.size() % 2 == 0);
    CHECK(lines.size() == 3);
}

TEST_CASE("wrap: a zero width still makes progress, one character a line") {
    CHECK(wrap("ab", 0) == std::vector<std::string>{"a", "b"});
}
