// The browser platform's state and the functions its files share:
//   main.cpp        set-up and the frame loop (idle means idle)
//   canvas.cpp      backing-store size, device pixel ratio, fonts
//   page_state.cpp  inputs <-> URL, local storage, #dose-summary
//   exports.cpp     the dc_* functions the page (web/bridge.js) calls
//   input.cpp       touch, soft-keyboard keys and wheel ownership, into ImGui's input queue
#pragma once
#include "app.hpp"
#include "drug_data.hpp"
#include "input.hpp"

#include <string>

struct GLFWwindow;

namespace web {

constexpr int kFramesAfterInput = 4;  // enough for ImGui to settle hover and popups

struct Platform {
    GLFWwindow* window = nullptr;
    const core::DrugDb* db = nullptr;
    ui::App app;
    ui::Services services;
    int frames_to_draw = kFramesAfterInput;
    bool paused = false;
    double dpr = 0;
    int fb_width = 0, fb_height = 0;
    std::string clipboard;
    TouchGesture touch;
};

extern Platform* the_platform;  // for the exported C functions the page calls

// main.cpp
void wake(Platform& p, int frames = kFramesAfterInput);  // draw at least `frames` more frames
void render(Platform& p);                                 // one frame
void settle_input(Platform& p);  // frames now, until ImGui has taken the queued input
// canvas.cpp
void fit_canvas(Platform& p);  // backing store and fonts at the current size and pixel ratio
// page_state.cpp
void publish(Platform& p);      // after an input change: evaluate, then summary, URL, storage
void load_inputs(Platform& p);  // from the URL, else from local storage

}  // namespace web
