#include "input.hpp"

#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

namespace web {

namespace {

// The window a wheel along `axis` scrolls: the one under the pointer, or the nearest parent that
// can scroll that way (as FindBestWheelingWindow in imgui.cpp does for child windows).
ImGuiWindow* wheel_window(int axis) {
    ImGuiWindow* window = ImGui::GetCurrentContext()->HoveredWindow;
    while (window != nullptr && (window->Flags & ImGuiWindowFlags_ChildWindow) && window->ScrollMax[axis] == 0)
        window = window->ParentWindow;
    return window;
}

// Queues `queue` as touch input: ImGui then waits a frame between a touch's position and its
// press, since a touch screen has no hover before it.
template <typename F>
void as_touch(F queue) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    queue(io);
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
}

}  // namespace

ImVec2 wheel_for_pixels(ImVec2 pixels) {
    ImVec2 wheel(0, 0);
    for (int axis : {ImGuiAxis_X, ImGuiAxis_Y}) {
        const ImGuiWindow* window = wheel_window(axis);
        if (window == nullptr || pixels[axis] == 0) continue;
        const float lines = axis == ImGuiAxis_X ? 2 : 5;
        const float max_step = (axis == ImGuiAxis_X ? window->InnerRect.GetWidth() : window->InnerRect.GetHeight()) * 0.67f;
        const float step = std::trunc(std::fmin(lines * window->CalcFontSize(), max_step));
        if (step > 0) (axis == ImGuiAxis_X ? wheel.x : wheel.y) = pixels[axis] / step;
    }
    return wheel;
}

bool wheel_scrolls_widget(float dom_delta_x, float dom_delta_y) {
    const bool horizontal = std::fabs(dom_delta_x) > std::fabs(dom_delta_y);
    const int axis = horizontal ? ImGuiAxis_X : ImGuiAxis_Y;
    const float delta = horizontal ? dom_delta_x : dom_delta_y;
    const ImGuiWindow* window = wheel_window(axis);
    if (window == nullptr || delta == 0 || (window->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return false;
    return delta > 0 ? window->Scroll[axis] < window->ScrollMax[axis] : window->Scroll[axis] > 0;
}

void TouchGesture::start(ImVec2 pos, float slop_px) {
    start_ = last_ = pos;
    slop_px_ = slop_px;
    down_ = true;
    panning_ = across_ = false;
    carried_px_ = 0;
    as_touch([&](ImGuiIO& io) { io.AddMousePosEvent(pos.x, pos.y); });  // hover first
}

void TouchGesture::move(ImVec2 pos) {
    if (!down_) return;
    const ImVec2 from_start(pos.x - start_.x, pos.y - start_.y);
    if (!panning_ && (std::fabs(from_start.x) > slop_px_ || std::fabs(from_start.y) > slop_px_)) {
        panning_ = true;
        const ImGuiWindow* across = wheel_window(ImGuiAxis_X);
        const bool wider = across != nullptr && across->ScrollMax.x > 0;
        across_ = wider && std::fabs(from_start.x) > std::fabs(from_start.y);
    }
    if (!panning_) return;
    // The content follows the finger, along the pan's one axis, in whole pixels: ImGui rounds a
    // window's scroll to a pixel each frame, so fractions are carried to the next move.
    const float moved = (across_ ? pos.x - last_.x : pos.y - last_.y) + carried_px_;
    const float whole = std::round(moved);
    carried_px_ = moved - whole;
    const ImVec2 pan = across_ ? ImVec2(whole, 0) : ImVec2(0, whole);
    last_ = pos;
    const ImVec2 wheel = wheel_for_pixels(pan);
    if (wheel.x != 0 || wheel.y != 0) as_touch([&](ImGuiIO& io) { io.AddMouseWheelEvent(wheel.x, wheel.y); });
}

void TouchGesture::end(ImVec2 pos) {
    if (down_ && !panning_)
        as_touch([&](ImGuiIO& io) {
            io.AddMousePosEvent(pos.x, pos.y);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        });
    cancel();
}

void TouchGesture::cancel() {
    // The finger has left: nothing stays hovered, as nothing is under a lifted finger.
    if (down_) as_touch([](ImGuiIO& io) { io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); });
    down_ = panning_ = false;
}

bool soft_keyboard_tap(std::string_view dom_key) {
    static const struct {
        std::string_view dom;
        ImGuiKey key;
    } keys[] = {{"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete},        {"Enter", ImGuiKey_Enter},
                {"Tab", ImGuiKey_Tab},             {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow}};
    for (const auto& k : keys)
        if (k.dom == dom_key) {
            ImGui::GetIO().AddKeyEvent(k.key, true);
            ImGui::GetIO().AddKeyEvent(k.key, false);
            return true;
        }
    return false;
}

bool input_in_flight() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    return g.InputEventsQueue.Size > 0 || g.NavMoveSubmitted || g.NavNextActivateId != 0;
}

}  // namespace web
