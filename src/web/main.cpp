// The browser front end: GLFW on a WebGL2 canvas, Dear ImGui 1.90 with its GLFW and OpenGL3
// backends, and the DOM bridge. This file sets them up and runs the frame loop, which draws only
// while something changed (idle means idle). The rest of the platform: see platform.hpp.
#include "app.hpp"
#include "curve_gl.hpp"
#include "dom.hpp"
#include "embedded_data.hpp"
#include "embedded_shaders.hpp"
#include "inputs.hpp"
#include "platform.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace web {

Platform* the_platform = nullptr;

void wake(Platform& p, int frames) {
    p.frames_to_draw = std::max(p.frames_to_draw, frames);
    if (p.paused) {
        p.paused = false;
        emscripten_resume_main_loop();
    }
}

void render(Platform& p) {
    fit_canvas(p);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    // ImGui's input queue hands fast input over a few frames (a press and its release, a key and
    // the characters after it), and Tab moves focus over two: keep drawing until both are done.
    if (input_in_flight()) wake(p, 2);
    const bool changed = ui::draw_app(p.app, *p.db, p.services);
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

// Draws frames now, inside the page's event handler, until ImGui has taken the queued input and
// finished any focus move, then one more so io.WantTextInput is current.
void settle_input(Platform& p) {
    for (int i = 0; i < 8 && input_in_flight(); ++i) render(p);
    render(p);
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
using web::the_platform;
using web::load_inputs;
using web::publish;

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
    // 3.1.6's GLFW has no cursor shapes (glfwSetCursor does nothing); with them on, the backend
    // would only set GLFW_CURSOR_NORMAL, an exitPointerLock() call, every frame.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigInputTextCursorBlink = false;             // a blinking caret would need frames forever
    p.app.dark = web::prefers_dark();
    p.app.embedded = web::embedded();
    ImGui_ImplGlfw_InitForOpenGL(p.window, true);
    // After the backend, which installs GLFW's clipboard (a no-op in 3.1.6).
    io.SetClipboardTextFn = [](void*, const char* text) {
        the_platform->clipboard = text;
        web::write_clipboard(text);
    };
    io.GetClipboardTextFn = [](void*) { return the_platform->clipboard.c_str(); };
    ImGui_ImplOpenGL3_Init("#version 300 es");
    const auto& shaders = shaders::embedded_files();
    const char* vertex = nullptr;
    const char* fragment = nullptr;
    for (const auto& f : shaders) {
        if (f.name == "curve.vert") vertex = f.text.data();
        if (f.name == "curve.frag") fragment = f.text.data();
    }
    web::init_curve_renderer(vertex, fragment);

    p.services.copy_text = [](const std::string& text) { web::write_clipboard(text); };
    p.services.print = [] { web::print_page(); };
    p.services.download = [](const std::string& name, const std::string& text) { web::download(name, text); };
    p.services.share_url = [&p] { return web::page_url_with_query(ui::query_string(ui::params_from_inputs(p.app.inputs))); };
    p.services.clear_storage = [] { web::storage_clear(); };
    p.services.draw_curves = web::draw_curves;

    load_inputs(p);
    publish(p);
    EM_ASM({ if (Module.onReady) Module.onReady(); });
    emscripten_set_main_loop_arg(web::frame, &p, 0, true);
    return 0;
}
