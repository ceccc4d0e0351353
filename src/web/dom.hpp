// The DOM bridge: the few browser facilities the widget needs, as plain functions.
#pragma once
#include "outputs.hpp"

#include <cstddef>
#include <string>

namespace web {

double device_pixel_ratio();
int canvas_css_width();
int canvas_css_height();
bool prefers_dark();
void set_canvas_size(int width, int height);     // backing store in physical pixels
std::string query_string();                      // location.search
std::string location_hash();                     // location.hash, without its '#'
// history.replaceState to this query (page parameters only) and fragment (the state), no reload.
void replace_url(const std::string& query, const std::string& fragment);
std::string share_url(const std::string& fragment);  // the full page's address with this fragment
// #dose-summary: the full record, and the brief verdict its live region announces ("" for none).
void set_summary(const std::string& text, const std::string& brief);
void set_document_state(const std::string& json_response);  // for the embed layer and tests
// A practice case checked: dosechecker:practice for the page and its host (bridge.js).
void practice_result(const std::string& json);
void write_clipboard(const std::string& text);
void print_text(const std::string& text);        // #dose-summary holds it, then the print dialog
void download(const std::string& file_name, const std::string& text);  // the type follows the extension
std::string storage_get();
void storage_set(const std::string& text);
void storage_clear();
void offer_restore(const std::string& label);    // the "Restore last patient" button; "" hides it
ui::Clock now();
// What the last link or message brought that was not read (Module.linkReport, for tests).
void publish_link_report(std::size_t unknown, const std::string& refused);
void frame_drawn();                              // counts frames run (Module.framesDrawn), for the idle test
// Counts frames that reached the canvas (Module.framesPainted), and of them those painted only
// where they changed (Module.framesPaintedInPart).
void frame_painted(bool in_part);
// Makes the canvas's WebGL 2 context for GLFW to use: opaque, with no depth or stencil buffer and
// no multisampling (the clear colour is opaque, nothing is depth-tested or stencilled, ImGui
// smooths its own edges), and preserveDrawingBuffer, so the canvas keeps its pixels between
// frames and a frame can paint only the tiles that changed (frame_image.hpp). If it cannot be
// made, GLFW tries once more with its hints and main() says so if that fails too.
void make_context();
// Whether the canvas keeps its pixels from one frame to the next (preserveDrawingBuffer): without
// it a frame cannot be painted in part.
bool canvas_keeps_pixels();
// A start-up milestone on the page's performance timeline ("dosechecker:data"), for the budget
// script's cold-start split.
void mark(const char* name);
bool embedded();                                  // ?embed=1 inside another site's iframe
void content_height(double css_pixels);           // the page (and an embedding iframe) takes this height
double scroll_y();                                // the page's scroll, CSS px
double root_font_px();                            // the page's root font size (the browser's font setting)
bool coarse_pointer();                            // a touch screen: 44 px targets
void publish_semantics(const std::string& json);  // web/semantics.js keeps the DOM in step
void announce(const std::string& text);           // a notice ("Summary copied") for the status region
void fail(const std::string& reason);             // start-up failed: hide every dose, say why

}  // namespace web
