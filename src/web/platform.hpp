// The browser platform's state and the functions its files share:
//   main.cpp          set-up and the frame loop (idle means idle)
//   canvas.cpp        backing-store size, device pixel ratio, the page's scroll and font size
//   state_bridge.cpp  the patient state between the module and the page (URL, storage, outputs)
//   exports.cpp       the dc_* functions the semantics layer (web/semantics.js) calls
//   frame_image.cpp   what a frame would paint, so a frame repeating the picture is not painted
// The canvas takes no input: the page's DOM layer owns the pointer, the keyboard, focus and
// scrolling, and sends field values and presses here.
#pragma once
#include "app.hpp"
#include "drug_data.hpp"
#include "frame_image.hpp"
#include "style.hpp"

#include <string>
#include <vector>

struct GLFWwindow;

namespace web {

struct Platform {
    GLFWwindow* window = nullptr;
    const core::DrugDb* db = nullptr;
    ui::App app;
    ui::Services services;
    int frames_to_draw = 1;            // frames still to draw before the loop pauses (render())
    bool paused = false;
    ui::Scale scale{0, 0};             // the scale the fonts were built at (0: not yet)
    int fb_width = 0, fb_height = 0;
    // The picture on the canvas, and scratch for a frame that will change it (captured only then).
    FrameImage painted, next;
    std::vector<TileRect> changed;     // the tiles where they differ (changed_tiles)
    bool keeps_pixels = false;         // the canvas keeps its pixels between frames (partial painting)
    std::string published_semantics;  // the tree last sent to the page
    int announced_notice = 0;         // the App::notice_count last sent to the status region
};

extern Platform* the_platform;  // for the exported C functions the page calls

// main.cpp
// Something may have changed what is drawn: draw at least one more frame (and more while frames
// keep changing, render()).
void wake(Platform& p);
void render(Platform& p);                                 // one frame
void publish(Platform& p);  // after an input change: evaluate, then summary, URL, storage
// canvas.cpp
void fit_canvas(Platform& p);  // backing store, scroll, and fonts at the current size, ratio and font size

}  // namespace web
