// The browser front end: GLFW on a WebGL2 canvas, Dear ImGui 1.90 drawn by imgui_gl.cpp, and
// the DOM bridge. This file sets them up and runs the frame loop, which draws only while
// something changed (idle means idle). ImGui draws and lays out; it takes no input: the page's
// semantics layer (web/semantics.js) owns the pointer, keyboard, focus and scrolling, and each
// frame publishes the controls it drew (src/ui/semantics.hpp) when they changed.
#include "app.hpp"
#include "curve_gl.hpp"
#include "dom.hpp"
#include "embedded_data.hpp"
#include "frame_image.hpp"
#include "imgui_gl.hpp"
#include "platform.hpp"
#include "semantics.hpp"
#include "state_bridge.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace web {

Platform* the_platform = nullptr;

void wake(Platform& p) {
    p.frames_to_draw = std::max(p.frames_to_draw, 1);
    if (p.paused) {
        p.paused = false;
        emscripten_resume_main_loop();
    }
}

// Said when the canvas's program cannot be used (bridge.js adds that no dose is shown).
constexpr const char* kGraphicsFailed = "The graphics layer could not start (its shaders could not be built)";

void publish(Platform& p) {
    if (ui::evaluate_inputs(p.app, *p.db, p.services)) web::publish_state(p.app);
}

// Paints a frame whole or in part; false if the renderer cannot draw.
bool paint(Platform& p, const ImDrawData& data, const ImVec4& clear, Repaint repaint) {
    bool drawn = false;
    if (repaint == Repaint::Part) {
        drawn = render_imgui_part(data, p.next, p.changed, clear);
    } else {
        glViewport(0, 0, p.fb_width, p.fb_height);
        glClearColor(clear.x, clear.y, clear.z, clear.w);
        glClear(GL_COLOR_BUFFER_BIT);
        drawn = render_imgui(data);
    }
    if (drawn) web::frame_painted(repaint == Repaint::Part);
    return drawn;
}

void render(Platform& p) {
    const bool first = p.scale.dpr == 0;  // fonts not built yet: the first frame
    fit_canvas(p);
    if (first) mark("dosechecker:fonts");
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool changed = ui::draw_app(p.app, *p.db, p.services);
    ImGui::Render();
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const ImVec4 clear(bg.x, bg.y, bg.z, 1);  // opaque: the canvas has no alpha
    const ImDrawData& data = *ImGui::GetDrawData();
    // Only what changed is painted: a frame that would repeat the picture makes no GL call (WebGL
    // keeps showing the last picture), and one that changes some tiles paints only those, since
    // software GL spends most of a frame painting (frame_image.hpp).
    const bool picture_changed =
        !repeats_picture(data, p.fb_width, p.fb_height, clear, font_atlas_generation(), draw_curves, p.painted);
    if (picture_changed) {
        capture_frame_image(data, p.fb_width, p.fb_height, clear, font_atlas_generation(), draw_curves, p.next);
        // The first frame is painted whole and not cut, which would only delay it; the next
        // painted frame is then painted whole too, and cut.
        if (!p.painted.bytes.empty())
            cut_into_tiles(data, draw_curves, p.next);
        Repaint repaint = changed_tiles(p.painted, p.next, p.changed);
        if (repaint == Repaint::Part && !p.keeps_pixels) repaint = Repaint::Whole;
        if (repaint != Repaint::None && !paint(p, data, clear, repaint)) {
            web::fail(kGraphicsFailed);  // unreachable after main()'s check; a second line of defence
            return;
        }
        std::swap(p.painted, p.next);  // every tile of the canvas now shows this frame
    }
    web::frame_drawn();
    // The controls, only when they changed.
    std::string semantics = ui::sem::to_json(p.app.ui.sem.tree());
    const bool tree_changed = semantics != p.published_semantics;
    if (tree_changed) {
        web::publish_semantics(semantics);
        p.published_semantics = std::move(semantics);
    }
    if (p.app.content_height_px > 0) web::content_height(p.app.content_height_px / p.app.dpr);
    if (p.app.notice_count != p.announced_notice) {
        if (!p.app.notice.empty()) web::announce(p.app.notice);
        p.announced_notice = p.app.notice_count;
    }
    if (changed) publish(p);
    // Drawing stops at the first frame that repeats the last one (picture and tree) with nothing
    // left for ImGui to fit: ImGui lays a frame out with what it measured in the one before
    // (tables' column widths, content sizes), so a frame that changed anything is drawn once more,
    // and the frame the drawing stops on is the one the page's elements lie over.
    if (picture_changed || tree_changed || changed || ui::layout_settling()) wake(p);
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

}  // namespace web

using web::Platform;

int main() {
    static Platform platform;
    web::the_platform = &platform;
    Platform& p = platform;
    web::mark("dosechecker:main");
    const core::LoadResult& loaded = data::embedded_drug_db();
    web::mark("dosechecker:data");
    if (!loaded.db) {
        for (const auto& e : loaded.errors) std::printf("data error %s %s: %s\n", e.file.c_str(), e.path.c_str(), e.message.c_str());
        web::fail("The drug data could not be read.");  // bridge.js adds that no dose is shown
        return 1;
    }
    p.db = &*loaded.db;
    if (!glfwInit()) {
        web::fail("The graphics layer could not start (GLFW).");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // The same attributes as web::make_context's (used only if it could not make its context).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    web::make_context();
    p.window = glfwCreateWindow(std::max(1, web::canvas_css_width()), std::max(1, web::canvas_css_height()),
                                "Anakinra dose checker", nullptr, nullptr);
    if (p.window == nullptr) {
        web::fail("WebGL 2 is not available in this browser, so the dose checker cannot draw.");
        return 1;
    }
    glfwMakeContextCurrent(p.window);
    p.keeps_pixels = web::canvas_keeps_pixels();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // inputs persist through the URL fragment and local storage instead
    // The DOM owns the pointer and the keyboard (web/semantics.js); ImGui only lays out and draws.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouse;
    // 3.1.6's GLFW has no cursor shapes (glfwSetCursor does nothing); with them on, the backend
    // would only set GLFW_CURSOR_NORMAL, an exitPointerLock() call, every frame.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    p.app.dark = web::prefers_dark();
    p.app.embedded = web::embedded();
    p.app.touch = web::coarse_pointer();
    ImGui_ImplGlfw_InitForOpenGL(p.window, false);  // no input callbacks: the canvas takes no input
    // The backend still listens for the wheel on the whole document and cancels every wheel
    // event, which the browser refuses there (a document's wheel listeners are passive) and logs
    // as an error at each step. The page scrolls natively, so that listener is taken off.
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    web::init_imgui_renderer();
    web::mark("dosechecker:graphics");

    web::install_services(p.services);
    p.services.draw_curves = web::draw_curves;
    p.services.curves_ready = web::curves_ready;
    web::attach_state(
        p.app, *p.db,
        [] {
            web::publish(p);
            web::wake(p);
        },
        [] { web::wake(p); });

    web::load_state(p.app);
    const bool evaluated = ui::evaluate_inputs(p.app, *p.db, p.services);
    web::mark("dosechecker:evaluated");
    // Asked only now, so the GPU process compiled the program while the module evaluated, and
    // before anything is published: a widget that cannot draw sends no result, not even once.
    if (!web::imgui_renderer_linked()) {
        web::fail(web::kGraphicsFailed);
        return 1;
    }
    if (evaluated) web::publish_state(p.app);
    EM_ASM({ if (Module['onReady']) Module['onReady'](); });
    // The first frame at once, not at the next animation frame: the first picture reaches the
    // screen one display frame sooner (the browser shows it with its next composite either way).
    web::frame(&p);
    emscripten_set_main_loop_arg(web::frame, &p, 0, true);
    return 0;
}
