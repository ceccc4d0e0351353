// The web budget's baseline: a bare Dear ImGui 1.90.1 page, one window and one slider, built with
// the widget's toolchain and flags. Like stock ImGui apps it draws every frame.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace {
GLFWwindow* window = nullptr;
float value = 0.5f;

void frame() {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(20, 20));
    ImGui::SetNextWindowSize(ImVec2(360, 120));
    ImGui::Begin("Baseline");
    ImGui::SliderFloat("value", &value, 0.0f, 1.0f);
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, w, h);
    glClearColor(0.95f, 0.95f, 0.95f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    EM_ASM({
        Module.framesDrawn = (Module.framesDrawn || 0) + 1;
        if (!Module.firstFrameAt) Module.firstFrameAt = performance.now();
    });
}
}  // namespace

int main() {
    glfwInit();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    window = glfwCreateWindow(800, 600, "baseline", nullptr, nullptr);
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
