// Dear ImGui's built-in font, left out of the module. ImFontAtlas::Build() falls back to
// AddFontDefault() (ProggyClean: 11,980 bytes of base85 text and the decoder that unpacks it)
// when no font was added; the widget always adds its own two first (ui::load_fonts), so that
// font is never drawn, but the fallback kept it linked and 1.90.1 has no setting to leave it
// out. The widget's link wraps AddFontDefault (CMakeLists.txt: -Wl,--wrap=...), so its callers
// reach this function and the original, with the font's data, is not linked.
#include "dom.hpp"

#include <imgui.h>

#include <cstdlib>
#include <type_traits>

// The wrap names the function by its link name: a later ImGui that renames it or changes its
// parameters stops this build here instead of silently linking the font again.
static_assert(std::is_same_v<decltype(&ImFontAtlas::AddFontDefault), ImFont* (ImFontAtlas::*)(const ImFontConfig*)>,
              "ImFontAtlas::AddFontDefault changed: update IMGUI_ADD_FONT_DEFAULT_SYMBOL in CMakeLists.txt");

// "__wrap_" and AddFontDefault's (Itanium ABI) link name, from CMakeLists.txt, which also gives
// the link its --wrap; in wasm a member function takes `this` as its first argument.
extern "C" ImFont* DOSECHECK_ADD_FONT_DEFAULT_WRAPPER(ImFontAtlas*, const ImFontConfig*) {
    // Reached only if the widget's fonts were not added: the page must say so rather than draw
    // in a font nobody chose. web::fail hides every dose with the reason; abort() then stops the
    // module, since ImGui cannot go on without a font.
    web::fail("its fonts were not added before the first frame");
    std::abort();
}
