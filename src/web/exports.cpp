// The dc_* functions the page calls for the canvas (the patient state's are in
// state_bridge.cpp). Strings arrive on the heap (bridge.js copies them in and frees them).
#include "platform.hpp"

#include <emscripten.h>

#include <cstring>
#include <string>

namespace {

// A control id from the page, no longer than any id the widget gives.
std::string control_id(const char* text) { return text == nullptr ? std::string() : std::string(text, strnlen(text, 64)); }

}  // namespace

extern "C" {

// Any page event that may change what is drawn (resize, scroll, focus): draw until the picture settles.
EMSCRIPTEN_KEEPALIVE void dc_wake() { web::wake(*web::the_platform); }

// A button of the semantics layer was pressed (Enter, Space, click or tap): its action runs when
// the button is next drawn, exactly as if it had been pressed on the canvas.
EMSCRIPTEN_KEEPALIVE void dc_press(const char* id) {
    ui::press(web::the_platform->app, control_id(id));
    web::wake(*web::the_platform);
}

// The control the page's keyboard focus is on ("" for none): the canvas draws its focus ring.
EMSCRIPTEN_KEEPALIVE void dc_focus(const char* id) {
    ui::set_focus(web::the_platform->app, control_id(id));
    web::wake(*web::the_platform);
}

}  // extern "C"
