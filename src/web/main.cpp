// The browser front end: GLFW on a WebGL2 canvas, Dear ImGui, and the DOM bridge.
// Draws only while something changed (idle means idle), at physical pixels (crisp at any
// devicePixelRatio and zoom), with its own clipboard, touch and soft-keyboard handling.
#include "app.hpp"
#include "curve_gl.hpp"
#include "dom.hpp"
#include "embedded_data.hpp"
#include "embedded_fonts.hpp"
#include "embedded_shaders.hpp"
#include "evaluate.hpp"
#include "inputs.hpp"
#include "state_bridge.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace {

constexpr float kBaseFontPx = 15, kHeadingFontPx = 17;
constexpr int kFramesAfterInput = 4;  // enough for ImGui to settle hover and popups

// One simulated mouse state per frame, so a touch tap is a position first, then a press,
// then a release (ImGui needs them on separate frames, or a button needs two taps).
struct PointerStep {
    float x = 0, y = 0;
    bool down = false;
};

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
    std::deque<PointerStep> pointer_steps;
    float touch_start_x = 0, touch_start_y = 0, touch_last_y = 0;
    bool touch_moved = false;
    float pending_wheel = 0;
    std::deque<std::pair<int, bool>> key_events;  // soft-keyboard keys: (key, down), one per frame
    // ImGui 1.86 reads key state once per frame and has no input queue, so keys and characters
    // are queued here and handed over in order: a release never in the frame of its press, at
    // most one control key (Tab, Enter, arrows, modifiers) per frame with what follows it
    // waiting, and characters held past the frame in which a field activates. Otherwise a fast
    // "Tab 7 Enter" loses the 7 or puts it in the field Tab leaves.
    struct KeyEvent {
        bool is_char = false;
        int key = 0, scancode = 0, action = 0, mods = 0;
        unsigned int codepoint = 0;
    };
    GLFWkeyfun imgui_key_callback = nullptr;
    GLFWcharfun imgui_char_callback = nullptr;
    std::deque<KeyEvent> key_queue;
    GLFWmousebuttonfun imgui_mouse_button_callback = nullptr;
    // A field activated by Tab or a click ignores characters in the frame it activates, and
    // ImGui drops characters nobody takes: characters wait until that frame has passed.
    long frame_index = 0;
    long chars_wait_until_frame = 0;
};

Platform* the_platform = nullptr;  // for the exported C functions the page calls

void wake(Platform& p, int frames = kFramesAfterInput) {
    p.frames_to_draw = std::max(p.frames_to_draw, frames);
    if (p.paused) {
        p.paused = false;
        emscripten_resume_main_loop();
    }
}

void load_fonts(Platform& p) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2022, 0x2022, 0x2026, 0x2026, 0x2264, 0x2265,
                                     0x26A0, 0x26A0, 0x2713, 0x2713, 0x2716, 0x2716, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the TTF lives in the program's data
    // Rasterised at physical pixels already: no oversampling, glyphs snapped to whole pixels.
    config.OversampleH = 1;
    config.PixelSnapH = true;
    const float scale = static_cast<float>(p.dpr);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::regular_ttf), static_cast<int>(fonts::regular_ttf_size),
                                   std::floor(kBaseFontPx * scale), &config, ranges);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::bold_ttf), static_cast<int>(fonts::bold_ttf_size),
                                   std::floor(kHeadingFontPx * scale), &config, ranges);
    io.Fonts->Build();
    ImGui::GetStyle() = ImGuiStyle();
    ui::apply_theme(p.app.dark);
    ImGui::GetStyle().ScaleAllSizes(scale);
}

// Backing store = CSS size x devicePixelRatio; fonts and sizes follow the ratio (browser zoom too).
void fit_canvas(Platform& p) {
    const double dpr = web::device_pixel_ratio();
    const int css_w = std::max(1, web::canvas_css_width()), css_h = std::max(1, web::canvas_css_height());
    const int w = static_cast<int>(std::lround(css_w * dpr)), h = static_cast<int>(std::lround(css_h * dpr));
    if (w != p.fb_width || h != p.fb_height) {
        web::set_canvas_size(w, h);
        p.fb_width = w;
        p.fb_height = h;
    }
    p.app.css_width = static_cast<float>(css_w);
    p.app.dpr = static_cast<float>(dpr);
    if (dpr != p.dpr) {
        const bool first = p.dpr == 0;
        p.dpr = dpr;
        load_fonts(p);
        if (!first) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
}

// After any input change: evaluate, then mirror the result to the DOM, URL and storage.
void publish(Platform& p) {
    if (!ui::evaluate_inputs(p.app, *p.db, p.services)) return;
    web::publish_state(p.app);
}

void apply_pointer_and_keys(Platform& p) {
    ImGuiIO& io = ImGui::GetIO();
    if (!p.pointer_steps.empty()) {
        const PointerStep step = p.pointer_steps.front();
        p.pointer_steps.pop_front();
        io.MousePos = ImVec2(step.x, step.y);
        io.MouseDown[0] = step.down;
        if (!p.pointer_steps.empty()) wake(p, 2);
    }
    if (p.pending_wheel != 0) {
        io.MouseWheel += p.pending_wheel;
        p.pending_wheel = 0;
    }
    if (!p.key_events.empty()) {
        const auto [key, down] = p.key_events.front();
        p.key_events.pop_front();
        io.KeysDown[key] = down;
        if (!p.key_events.empty()) wake(p, 2);
    }
}

void key_callback(GLFWwindow*, int key, int scancode, int action, int mods) {
    Platform& p = *the_platform;
    p.key_queue.push_back({false, key, scancode, action, mods, 0});
    wake(p);
}

void char_callback(GLFWwindow*, unsigned int codepoint) {
    Platform& p = *the_platform;
    p.key_queue.push_back({true, 0, 0, 0, 0, codepoint});
    wake(p);
}

void mouse_button_callback(GLFWwindow* window, int button, int action, int mods) {
    Platform& p = *the_platform;
    if (action == GLFW_PRESS) p.chars_wait_until_frame = p.frame_index + 2;  // the click lands next frame
    if (p.imgui_mouse_button_callback) p.imgui_mouse_button_callback(window, button, action, mods);
}

bool is_control_key(int key) { return key < GLFW_KEY_SPACE || key >= GLFW_KEY_ESCAPE; }

// Hands this frame's share of the queued keys and characters to ImGui's GLFW callbacks.
void deliver_keys(Platform& p) {
    ++p.frame_index;
    std::vector<int> pressed;
    while (!p.key_queue.empty()) {
        const Platform::KeyEvent e = p.key_queue.front();
        if (e.is_char) {
            if (p.frame_index < p.chars_wait_until_frame) break;
            if (p.imgui_char_callback) p.imgui_char_callback(p.window, e.codepoint);
        } else {
            const bool pressed_now = std::find(pressed.begin(), pressed.end(), e.key) != pressed.end();
            if (e.action == GLFW_RELEASE && pressed_now) break;  // let one frame see it down
            if (p.imgui_key_callback) p.imgui_key_callback(p.window, e.key, e.scancode, e.action, e.mods);
            if (e.action == GLFW_PRESS) pressed.push_back(e.key);
            if (e.action == GLFW_PRESS && is_control_key(e.key)) {
                // Tab's focus lands next frame and the field activates then: skip that frame too.
                p.chars_wait_until_frame = p.frame_index + 2;
                p.key_queue.pop_front();
                break;  // what follows a control key waits for the next frame
            }
        }
        p.key_queue.pop_front();
    }
    if (!p.key_queue.empty()) wake(p, 2);
}

void render(Platform& p) {
    deliver_keys(p);
    fit_canvas(p);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    apply_pointer_and_keys(p);
    ImGui::NewFrame();
    const bool changed = ui::draw_app(p.app, *p.db, p.services);
    web::publish_controls(p.app);
    ImGui::Render();
    glViewport(0, 0, p.fb_width, p.fb_height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    web::frame_drawn();
    web::want_text_input(ImGui::GetIO().WantTextInput);
    if (p.app.embedded && p.app.content_height_px > 0) web::content_height(p.app.content_height_px / p.dpr);
    if (changed) {
        publish(p);
        wake(p, 2);
    }
}

void frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
    if (p.frames_to_draw <= 0) {
        p.paused = true;
        emscripten_pause_main_loop();
        return;
    }
    --p.frames_to_draw;
    render(p);
}

void load_inputs(Platform& p) { web::load_state(p.app); }

}  // namespace

extern "C" {

// Any DOM input event: draw a few frames.
EMSCRIPTEN_KEEPALIVE void dc_wake() { wake(*the_platform); }

// Draws `count` frames now (inside a touch handler, so the soft keyboard can be raised in it).
EMSCRIPTEN_KEEPALIVE void dc_draw_now(int count) {
    for (int i = 0; i < count; ++i) render(*the_platform);
}

// The page's paste event: what Ctrl+V gives ImGui (bridge.js refuses more than the paste cap).
EMSCRIPTEN_KEEPALIVE void dc_set_clipboard(const char* text) {
    the_platform->clipboard.assign(text, strnlen(text, ui::StateLimits::max_paste_bytes));
}

// Touch in framebuffer pixels. phase 0 start, 1 move, 2 end, 3 cancel. One finger: tap = click,
// drag = scroll.
EMSCRIPTEN_KEEPALIVE void dc_touch(int phase, float x, float y) {
    Platform& p = *the_platform;
    const float slop = 10 * static_cast<float>(p.dpr);
    if (phase == 0) {
        p.touch_start_x = x;
        p.touch_start_y = y;
        p.touch_last_y = y;
        p.touch_moved = false;
        p.pointer_steps.push_back({x, y, false});  // hover first
    } else if (phase == 1) {
        if (std::fabs(x - p.touch_start_x) > slop || std::fabs(y - p.touch_start_y) > slop) p.touch_moved = true;
        if (p.touch_moved) {
            const float step = 5 * kBaseFontPx * static_cast<float>(p.dpr);  // ImGui scrolls 5 lines per wheel unit
            p.pending_wheel += (y - p.touch_last_y) / step;
            p.touch_last_y = y;
        }
    } else if (phase == 2 && !p.touch_moved) {
        p.pointer_steps.push_back({x, y, true});
        p.pointer_steps.push_back({x, y, false});
    }
    wake(p);
}

// A key from the soft keyboard (GLFW key code), pressed for one frame then released.
EMSCRIPTEN_KEEPALIVE void dc_key_tap(int glfw_key) {
    Platform& p = *the_platform;
    if (glfw_key < 0 || glfw_key >= 512) return;
    p.key_events.push_back({glfw_key, true});
    p.key_events.push_back({glfw_key, false});
    wake(p);
}

// Text from the soft keyboard.
EMSCRIPTEN_KEEPALIVE void dc_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake(*the_platform);
}

}  // extern "C"

int main() {
    static Platform platform;
    the_platform = &platform;
    Platform& p = platform;
    const core::LoadResult& loaded = data::embedded_drug_db();
    if (!loaded.db) {
        for (const auto& e : loaded.errors) std::printf("data error %s %s: %s\n", e.file.c_str(), e.path.c_str(), e.message.c_str());
        return 1;
    }
    p.db = &*loaded.db;
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    p.window = glfwCreateWindow(std::max(1, web::canvas_css_width()), std::max(1, web::canvas_css_height()),
                                "Anakinra dose checker", nullptr, nullptr);
    if (p.window == nullptr) return 1;
    glfwMakeContextCurrent(p.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                          // inputs persist through local storage instead
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // 3.1.6's GLFW turns cursor-mode changes into pointer-lock requests, which the browser refuses.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigInputTextCursorBlink = false;             // a blinking caret would need frames forever
    io.SetClipboardTextFn = [](void*, const char* text) {
        the_platform->clipboard = text;
        web::write_clipboard(text);
    };
    io.GetClipboardTextFn = [](void*) { return the_platform->clipboard.c_str(); };
    p.app.dark = web::prefers_dark();
    p.app.embedded = web::embedded();
    ImGui_ImplGlfw_InitForOpenGL(p.window, true);
    p.imgui_key_callback = glfwSetKeyCallback(p.window, key_callback);  // chained: ours first, then ImGui's
    p.imgui_char_callback = glfwSetCharCallback(p.window, char_callback);
    p.imgui_mouse_button_callback = glfwSetMouseButtonCallback(p.window, mouse_button_callback);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    const auto& shaders = shaders::embedded_files();
    const char* vertex = nullptr;
    const char* fragment = nullptr;
    for (const auto& f : shaders) {
        if (f.name == "curve.vert") vertex = f.text.data();
        if (f.name == "curve.frag") fragment = f.text.data();
    }
    web::init_curve_renderer(vertex, fragment);

    web::install_services(p.services);
    p.services.draw_curves = web::draw_curves;
    web::attach_state(
        p.app, *p.db,
        [&p] {
            publish(p);
            wake(p);
        },
        [&p] { wake(p, 2); });

    load_inputs(p);
    publish(p);
    EM_ASM({ if (Module.onReady) Module.onReady(); });
    emscripten_set_main_loop_arg(frame, &p, 0, true);
    return 0;
}
