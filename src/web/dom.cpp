#include "dom.hpp"

#include <emscripten.h>

#include <cstdlib>

// clang-format off
EM_JS(double, js_dpr, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_css_w, (), { return Module['canvas'].clientWidth | 0; });
EM_JS(int, js_css_h, (), { return Module['canvas'].clientHeight | 0; });
// Not glfwSetWindowSize: in 3.1.6 it requests fullscreen whenever the size equals the screen's.
// Browser.setCanvasSize resizes the backing store and GLFW's resize listener follows it.
EM_JS(void, js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });
EM_JS(int, js_dark, (), { return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; });
EM_JS(char*, js_query, (), { return allocateUTF8(window.location.search || ''); });
EM_JS(char*, js_hash, (), { return allocateUTF8((window.location.hash || '').replace(/^#/, '')); });
EM_JS(void, js_replace_url, (const char* q, const char* f), {
  var query = UTF8ToString(q), fragment = UTF8ToString(f);
  var url = window.location.pathname + (query ? '?' + query : '') + (fragment ? '#' + fragment : '');
  var now = window.location.pathname + window.location.search + window.location.hash;
  try { if (url !== now) history.replaceState(null, '', url); } catch (e) {}
});
// Shared links open the full page (never the embed entry), with the state after the '#'.
EM_JS(char*, js_share_url, (const char* f), {
  var fragment = UTF8ToString(f);
  var path = window.location.pathname.replace(/embed\.html$/, 'index.html');
  return allocateUTF8(window.location.origin + path + (fragment ? '#' + fragment : ''));
});
// The full record and the brief verdict the live region announces (bridge.js debounces it).
EM_JS(void, js_set_summary, (const char* text, const char* brief), {
  if (Module['onSummary']) Module['onSummary'](UTF8ToString(text), UTF8ToString(brief));
});
EM_JS(void, js_set_state, (const char* json), { if (Module['onResult']) Module['onResult'](UTF8ToString(json)); });
EM_JS(void, js_practice, (const char* json), { if (Module['onPractice']) Module['onPractice'](UTF8ToString(json)); });
EM_JS(void, js_clipboard, (const char* text), { Module['writeClipboard'](UTF8ToString(text)); });
EM_JS(void, js_print, (const char* text), { if (Module['printRecord']) Module['printRecord'](UTF8ToString(text)); });
EM_JS(void, js_download, (const char* name, const char* text), {
  var fileName = UTF8ToString(name);
  var type = /\.ics$/.test(fileName) ? 'text/calendar;charset=utf-8' : 'application/json';
  var blob = new Blob([UTF8ToString(text)], {'type': type});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
});
EM_JS(char*, js_storage_get, (), {
  try { return allocateUTF8(window.localStorage.getItem('dosecheck.inputs') || ''); } catch (e) { return allocateUTF8(''); }
});
EM_JS(void, js_storage_set, (const char* text), {
  try { window.localStorage.setItem('dosecheck.inputs', UTF8ToString(text)); } catch (e) {}
});
EM_JS(void, js_storage_clear, (), { try { window.localStorage.removeItem('dosecheck.inputs'); } catch (e) {} });
EM_JS(void, js_offer_restore, (const char* label), { if (Module['offerRestore']) Module['offerRestore'](UTF8ToString(label)); });
// "local|iso|utc": this device's time as shown, ISO 8601 with its offset, and iCalendar's UTC form.
EM_JS(char*, js_now, (), {
  var d = new Date();
  var two = function (n) { return (n < 10 ? '0' : '') + n; };
  var local = d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  var offset = -d.getTimezoneOffset();
  var iso = local.replace(' ', 'T') + ':' + two(d.getSeconds()) + (offset >= 0 ? '+' : '-') +
            two(Math.floor(Math.abs(offset) / 60)) + ':' + two(Math.abs(offset) % 60);
  var utc = d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return allocateUTF8(local + '|' + iso + '|' + utc);
});
EM_JS(void, js_link_report, (double unknown, const char* refused), {
  Module['linkReport'] = {'unknown': unknown, 'refused': UTF8ToString(refused)};
});
EM_JS(void, js_frame_drawn, (), {
  Module['framesDrawn'] = (Module['framesDrawn'] || 0) + 1;
  if (!Module['firstFrameAt']) Module['firstFrameAt'] = performance.now();
});
EM_JS(void, js_frame_painted, (int in_part), {
  Module['framesPainted'] = (Module['framesPainted'] || 0) + 1;
  if (in_part) Module['framesPaintedInPart'] = (Module['framesPaintedInPart'] || 0) + 1;
});
// The context GLFW then uses (GL_PREINITIALIZED_CONTEXT), with what GLFW cannot ask for.
EM_JS(void, js_make_context, (), {
  Module['preinitializedWebGLContext'] = Module['canvas'].getContext('webgl2',
    {'alpha': false, 'depth': false, 'stencil': false, 'antialias': false, 'preserveDrawingBuffer': true});
});
EM_JS(int, js_canvas_keeps_pixels, (), {
  var attributes = GLctx && GLctx.getContextAttributes();
  return attributes && attributes.preserveDrawingBuffer ? 1 : 0;
});
EM_JS(void, js_mark, (const char* name), { if (self.performance && performance.mark) performance.mark(UTF8ToString(name)); });
EM_JS(double, js_scroll_y, (), { return window.scrollY || 0; });
EM_JS(double, js_root_font_px, (), {
  var px = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return px > 0 ? px : 16;
});
EM_JS(int, js_coarse_pointer, (), { return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0; });
EM_JS(void, js_publish_semantics, (const char* json), { if (Module['onSemantics']) Module['onSemantics'](UTF8ToString(json)); });
EM_JS(void, js_announce, (const char* text), { if (Module['onNotice']) Module['onNotice'](UTF8ToString(text)); });
EM_JS(void, js_fail, (const char* reason), { if (Module['onFatal']) Module['onFatal'](UTF8ToString(reason)); });
EM_JS(int, js_embedded, (), { return Module['embedded'] ? 1 : 0; });
EM_JS(void, js_content_height, (double h), { if (Module['onContentHeight']) Module['onContentHeight'](h); });
// clang-format on

namespace web {

namespace {
std::string take(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}
}  // namespace

double device_pixel_ratio() { return js_dpr(); }
int canvas_css_width() { return js_css_w(); }
int canvas_css_height() { return js_css_h(); }
bool prefers_dark() { return js_dark() != 0; }
void set_canvas_size(int width, int height) { js_set_canvas_size(width, height); }
std::string query_string() { return take(js_query()); }
std::string location_hash() { return take(js_hash()); }
void replace_url(const std::string& query, const std::string& fragment) { js_replace_url(query.c_str(), fragment.c_str()); }
std::string share_url(const std::string& fragment) { return take(js_share_url(fragment.c_str())); }
void set_summary(const std::string& text, const std::string& brief) { js_set_summary(text.c_str(), brief.c_str()); }
void set_document_state(const std::string& json) { js_set_state(json.c_str()); }
void practice_result(const std::string& json) { js_practice(json.c_str()); }
void write_clipboard(const std::string& text) { js_clipboard(text.c_str()); }
void print_text(const std::string& text) { js_print(text.c_str()); }
void download(const std::string& name, const std::string& text) { js_download(name.c_str(), text.c_str()); }
std::string storage_get() { return take(js_storage_get()); }
void storage_set(const std::string& text) { js_storage_set(text.c_str()); }
void storage_clear() { js_storage_clear(); }
void offer_restore(const std::string& label) { js_offer_restore(label.c_str()); }
ui::Clock now() {
    const std::string all = take(js_now());
    const size_t a = all.find('|'), b = all.find('|', a + 1);
    if (a == std::string::npos || b == std::string::npos) return {};
    return {all.substr(0, a), all.substr(a + 1, b - a - 1), all.substr(b + 1)};
}
void publish_link_report(std::size_t unknown, const std::string& refused) {
    js_link_report(static_cast<double>(unknown), refused.c_str());
}
void frame_drawn() { js_frame_drawn(); }
void frame_painted(bool in_part) { js_frame_painted(in_part ? 1 : 0); }
bool canvas_keeps_pixels() { return js_canvas_keeps_pixels() != 0; }
void make_context() { js_make_context(); }
void mark(const char* name) { js_mark(name); }
bool embedded() { return js_embedded() != 0; }
void content_height(double css_pixels) { js_content_height(css_pixels); }
double scroll_y() { return js_scroll_y(); }
double root_font_px() { return js_root_font_px(); }
bool coarse_pointer() { return js_coarse_pointer() != 0; }
void publish_semantics(const std::string& json) { js_publish_semantics(json.c_str()); }
void announce(const std::string& text) { js_announce(text.c_str()); }
void fail(const std::string& reason) { js_fail(reason.c_str()); }

}  // namespace web
