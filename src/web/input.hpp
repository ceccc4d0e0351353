// Browser input into Dear ImGui. All of it goes into ImGui's own input queue (io.Add*Event),
// which hands fast input over frame by frame, in order: a press and its release on separate
// frames, characters after the key that preceded them, a touch position before its press.
// The mouse, keyboard and wheel reach that queue through ImGui's GLFW backend. This file adds
// what the backend cannot take from emscripten 3.1.6's GLFW, as plain functions of ImGui state
// (no Emscripten, so the native UI tests drive them against headless frames):
//   - touch, which that GLFW gets wrong (taps doubled, touchmove ignored);
//   - the keys of the hidden soft-keyboard input;
//   - whether a wheel event is the widget's to scroll or the page's.
#pragma once
#include <imgui.h>

#include <string_view>

namespace web {

// One finger on the canvas, in framebuffer pixels. A tap clicks what is under it; a drag pans
// the window under it by exactly the distance the finger moves, along one axis chosen when the
// drag starts (horizontal only where the content is wider than the window).
class TouchGesture {
public:
    // `slop_px`: how far the finger may wander and still tap.
    void start(ImVec2 pos, float slop_px);
    void move(ImVec2 pos);
    void end(ImVec2 pos);
    void cancel();
    bool panning() const { return panning_; }

private:
    ImVec2 start_, last_;
    float slop_px_ = 10;
    float carried_px_ = 0;  // the fraction of a pixel not panned yet
    bool down_ = false, panning_ = false;
    bool across_ = false;  // the pan is horizontal
};

// The wheel movement that makes ImGui scroll the window under the pointer by `pixels`. ImGui
// scrolls by wheel x a step: 5 lines vertically, 2 horizontally, at most 67% of the window
// (UpdateMouseWheel in imgui.cpp, 1.90.1).
ImVec2 wheel_for_pixels(ImVec2 pixels);

// Whether a DOM wheel event (deltaX, deltaY; positive is right and down) scrolls the widget:
// the window under the pointer can still move that way. Otherwise the page takes it (an
// embedded widget is as tall as its content and never scrolls itself).
bool wheel_scrolls_widget(float dom_delta_x, float dom_delta_y);

// Queues a press and release of the key a DOM KeyboardEvent.key names, for the soft keyboard's
// hidden input: Backspace, Delete, Enter, Tab, ArrowLeft, ArrowRight. False for any other key.
bool soft_keyboard_tap(std::string_view dom_key);

// True while ImGui still holds queued input or is moving focus (a Tab's move takes two frames:
// the request, then the result and the new field's activation).
bool input_in_flight();

}  // namespace web
