#include "dom.hpp"

#include <emscripten.h>

#include <cstdlib>

// clang-format off
EM_JS(double, js_dpr, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_css_w, (), { return Module.canvas.clientWidth | 0; });
EM_JS(int, js_css_h, (), { return Module.canvas.clientHeight | 0; });
// Not glfwSetWindowSize: in 3.1.6 it requests fullscreen whenever the size equals the screen's.
// Browser.setCanvasSize resizes the backing store and GLFW's resize listener follows it.
EM_JS(void, js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });
EM_JS(int, js_dark, (), { return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; });
EM_JS(char*, js_query, (), { return allocateUTF8(window.location.search || ''); });
EM_JS(void, js_replace_query, (const char* q), {
  var s = UTF8ToString(q);
  try { history.replaceState(null, '', window.location.pathname + (s ? '?' + s : '') + window.location.hash); } catch (e) {}
});
EM_JS(char*, js_url_with_query, (const char* q), {
  var s = UTF8ToString(q);
  return allocateUTF8(window.location.origin + window.location.pathname + (s ? '?' + s : ''));
});
EM_JS(void, js_set_summary, (const char* text), {
  var el = document.getElementById('dose-summary');
  if (el) el.textContent = UTF8ToString(text);
});
EM_JS(void, js_set_state, (const char* json), { if (Module.onResult) Module.onResult(UTF8ToString(json)); });
EM_JS(void, js_clipboard, (const char* text), { Module.writeClipboard(UTF8ToString(text)); });
EM_JS(void, js_print, (), { setTimeout(function () { window.print(); }, 0); });
EM_JS(void, js_download, (const char* name, const char* text), {
  var blob = new Blob([UTF8ToString(text)], {type: 'application/json'});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
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
EM_JS(void, js_frame_drawn, (), {
  Module.framesDrawn = (Module.framesDrawn || 0) + 1;
  if (!Module.firstFrameAt) Module.firstFrameAt = performance.now();
});
EM_JS(void, js_want_text, (int want), { Module.wantTextInput = !!want; });
EM_JS(int, js_embedded, (), { return Module.embedded ? 1 : 0; });
EM_JS(void, js_content_height, (double h), { if (Module.onContentHeight) Module.onContentHeight(h); });
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
void replace_query_string(const std::string& q) { js_replace_query(q.c_str()); }
std::string page_url_with_query(const std::string& q) { return take(js_url_with_query(q.c_str())); }
void set_summary(const std::string& text) { js_set_summary(text.c_str()); }
void set_document_state(const std::string& json) { js_set_state(json.c_str()); }
void write_clipboard(const std::string& text) { js_clipboard(text.c_str()); }
void print_page() { js_print(); }
void download(const std::string& name, const std::string& text) { js_download(name.c_str(), text.c_str()); }
std::string storage_get() { return take(js_storage_get()); }
void storage_set(const std::string& text) { js_storage_set(text.c_str()); }
void storage_clear() { js_storage_clear(); }
void frame_drawn() { js_frame_drawn(); }
void want_text_input(bool want) { js_want_text(want ? 1 : 0); }
bool embedded() { return js_embedded() != 0; }
void content_height(double css_pixels) { js_content_height(css_pixels); }

}  // namespace web
