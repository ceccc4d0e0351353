// The functions the page calls (web/bridge.js): the public compute API, wake-ups, touch, the soft
// keyboard, the clipboard and replacing the inputs.
#include "evaluate.hpp"
#include "inputs.hpp"
#include "platform.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

using web::kBaseFontPx;
using web::Platform;
using web::publish;
using web::settle_input;
using web::the_platform;
using web::wake;

extern "C" {

// window.doseChecker.compute: the same JSON the CLI prints. The caller frees the result.
EMSCRIPTEN_KEEPALIVE char* dc_compute(const char* request_json) {
    const std::string json = core::evaluate_json(request_json, *the_platform->db).json;
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

// Touch in framebuffer pixels. phase 0 start, 1 move, 2 end, 3 cancel. One finger: tap = click,
// drag = scroll. ImGui's queue spreads a tap's position, press and release over three frames.
EMSCRIPTEN_KEEPALIVE void dc_touch(int phase, float x, float y) {
    Platform& p = *the_platform;
    ImGuiIO& io = ImGui::GetIO();
    const float slop = 10 * static_cast<float>(p.dpr);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (phase == 0) {
        // The pointer is in the window: stops the GLFW backend polling GLFW's stale mouse position.
        ImGui_ImplGlfw_CursorEnterCallback(p.window, 1);
        p.touch_start_x = p.touch_last_x = x;
        p.touch_start_y = p.touch_last_y = y;
        p.touch_moved = false;
        io.AddMousePosEvent(x, y);  // hover first
    } else if (phase == 1) {
        if (std::fabs(x - p.touch_start_x) > slop || std::fabs(y - p.touch_start_y) > slop) p.touch_moved = true;
        if (p.touch_moved) {
            const float step = 5 * kBaseFontPx * static_cast<float>(p.dpr);  // ImGui scrolls 5 lines per wheel unit
            io.AddMouseWheelEvent(0, (y - p.touch_last_y) / step);
            p.touch_last_x = x;
            p.touch_last_y = y;
        }
    } else if (phase == 2 && !p.touch_moved) {
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(0, true);
        io.AddMouseButtonEvent(0, false);
    }
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    wake(p);
}

// A key from the soft keyboard (GLFW key code), pressed and released.
EMSCRIPTEN_KEEPALIVE void dc_key_tap(int glfw_key) {
    ImGuiKey key = ImGuiKey_None;
    switch (glfw_key) {
        case GLFW_KEY_BACKSPACE: key = ImGuiKey_Backspace; break;
        case GLFW_KEY_ENTER: key = ImGuiKey_Enter; break;
        case GLFW_KEY_TAB: key = ImGuiKey_Tab; break;
        case GLFW_KEY_LEFT: key = ImGuiKey_LeftArrow; break;
        case GLFW_KEY_RIGHT: key = ImGuiKey_RightArrow; break;
        case GLFW_KEY_DELETE: key = ImGuiKey_Delete; break;
        default: return;
    }
    ImGui::GetIO().AddKeyEvent(key, true);
    ImGui::GetIO().AddKeyEvent(key, false);
    wake(*the_platform);
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
