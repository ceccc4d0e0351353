// Dear ImGui's built-in font, left out of the module. ImFontAtlas::Build() falls back to
// AddFontDefault() (ProggyClean, 11,980 bytes of compressed font data) when no font was added;
// the widget always adds its own two first (ui::load_fonts), so that font is never drawn, but
// the fallback kept it linked and 1.90.1 has no setting to leave it out. The widget's link
// wraps AddFontDefault (CMakeLists.txt: -Wl,--wrap=...), so its callers reach this function and
// the original, with the font's data, is not linked.
#include <imgui.h>

#include <cstdio>
#include <cstdlib>

// ImFontAtlas::AddFontDefault(const ImFontConfig*) by its (Itanium ABI) link name; in wasm a
// member function takes `this` as its first argument.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    // Reached only if the fonts were not added: a failure the page must show, not a page drawn
    // in a font nobody chose. The trap stops the module, and the page hides every dose.
    std::fputs("dosechecker: ImGui asked for its default font; the widget's fonts were not added\n", stderr);
    std::abort();
}
