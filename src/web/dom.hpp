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
void set_summary(const std::string& text);       // #dose-summary (aria-live)
void set_document_state(const std::string& json_response);  // for the embed layer and tests
void write_clipboard(const std::string& text);
void print_text(const std::string& text);        // #dose-summary holds it, then the print dialog
void download(const std::string& file_name, const std::string& text);  // the type follows the extension
std::string storage_get();
void storage_set(const std::string& text);
void storage_clear();
void offer_restore(const std::string& label);    // the "Restore last patient" button; "" hides it
ui::Clock now();
void publish_controls(const std::string& json);  // where named controls are drawn (tests)
// What the last link or message brought that was not read (Module.linkReport, for tests).
void publish_link_report(std::size_t unknown, const std::string& refused);
void frame_drawn();                              // counts frames for the idle test
void want_text_input(bool want);                 // raises the soft keyboard on touch devices
bool embedded();                                  // ?embed=1 inside another site's iframe
void content_height(double css_pixels);           // the embed layer sizes the iframe to it

}  // namespace web
