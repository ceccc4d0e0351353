// The functions the page calls (web/bridge.js): the public compute API, wake-ups, touch, the soft
// keyboard, the clipboard and replacing the inputs.
#include "evaluate.hpp"
#include "input.hpp"
#include "inputs.hpp"
#include "platform.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cstdlib>
#include <cstring>
#include <string>

using web::Platform;
using web::publish;
using web::settle_input;
using web::the_platform;
using web::wake;

extern "C" {

// window.doseChecker.compute: the same JSON the CLI prints. The caller frees the result. The
// length is passed, so a NUL inside the text reaches the core (which refuses it) as in the CLI.
EMSCRIPTEN_KEEPALIVE char* dc_compute(const char* request_json, int length) {
    const std::string json = core::evaluate_json(std::string_view(request_json, length), *the_platform->db).json;
    char* out = static_cast<char*>(std::malloc(json.size() + 1));
    std::memcpy(out, json.c_str(), json.size() + 1);
    return out;
}

// Any DOM input event: draw a few frames.
EMSCRIPTEN_KEEPALIVE void dc_wake() { wake(*the_platform); }

// Settles input now, inside the page's handler: after a tap (so the soft keyboard can be raised
// in it, as iOS requires) and after Tab (so characters typed next reach the field Tab moves to:
// ImGui ignores characters in the frame a field is activated by Tab, and between Tab's two
// frames no field is active to take them).
EMSCRIPTEN_KEEPALIVE void dc_settle_input() { settle_input(*the_platform); }

// The page's paste event: what Ctrl+V gives ImGui.
EMSCRIPTEN_KEEPALIVE void dc_set_clipboard(const char* text) { the_platform->clipboard = text; }

// Touch in framebuffer pixels. phase 0 start, 1 move, 2 end, 3 cancel (see input.hpp).
EMSCRIPTEN_KEEPALIVE void dc_touch(int phase, float x, float y) {
    Platform& p = *the_platform;
    const ImVec2 pos(x, y);
    if (phase == 0) {
        // The pointer is in the window now: otherwise the GLFW backend keeps queueing GLFW's last
        // mouse position (a touch never moves it) over the finger's.
        ImGui_ImplGlfw_CursorEnterCallback(p.window, 1);
        p.touch.start(pos, 10 * static_cast<float>(p.dpr));
    } else if (phase == 1) {
        p.touch.move(pos);
    } else if (phase == 2) {
        p.touch.end(pos);
    } else {
        p.touch.cancel();
    }
    wake(p);
}

// Whether the widget scrolls for this wheel event; when not, the page lets the browser scroll
// the page (see web/bridge.js).
EMSCRIPTEN_KEEPALIVE int dc_wheel_wanted(float delta_x, float delta_y) {
    return web::wheel_scrolls_widget(delta_x, delta_y) ? 1 : 0;
}

// A key from the soft keyboard, by its DOM name (KeyboardEvent.key), pressed and released.
// Returns 0 for a key it does not take.
EMSCRIPTEN_KEEPALIVE int dc_key_tap(const char* dom_key) {
    if (!web::soft_keyboard_tap(dom_key)) return 0;
    wake(*the_platform);
    return 1;
}

// Text from the soft keyboard.
EMSCRIPTEN_KEEPALIVE void dc_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake(*the_platform);
}

// Replaces the inputs from a query string (the embed layer's postMessage and tests use it).
EMSCRIPTEN_KEEPALIVE void dc_set_query(const char* query) {
    Platform& p = *the_platform;
    ui::FromParams from = ui::inputs_from_params(ui::parse_query_string(query));
    p.app.inputs = from.inputs;
    p.app.unknown_params = from.unknown;
    publish(p);
    wake(p);
}

}  // extern "C"
