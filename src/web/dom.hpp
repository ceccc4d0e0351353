// The DOM bridge: the few browser facilities the widget needs, as plain functions.
#pragma once
#include <string>

namespace web {

double device_pixel_ratio();
int canvas_css_width();
int canvas_css_height();
bool prefers_dark();
void set_canvas_size(int width, int height);     // backing store in physical pixels
std::string query_string();                      // location.search
void replace_query_string(const std::string& q); // history.replaceState, no reload
std::string page_url_with_query(const std::string& q);
void set_summary(const std::string& text);       // #dose-summary (aria-live)
void set_document_state(const std::string& json_response);  // for the embed layer and tests
void write_clipboard(const std::string& text);
void print_page();
void download(const std::string& file_name, const std::string& text);
std::string storage_get();
void storage_set(const std::string& text);
void storage_clear();
void frame_drawn();                              // counts frames for the idle test
void want_text_input(bool want);                 // raises the soft keyboard on touch devices
bool embedded();                                  // ?embed=1 inside another site's iframe
void content_height(double css_pixels);           // the embed layer sizes the iframe to it

}  // namespace web
