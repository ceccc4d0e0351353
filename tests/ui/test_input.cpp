// Browser input translated into ImGui's queue (src/web/input.cpp), on headless frames: touch
// taps and pans, wheel ownership, the soft keyboard's keys.
#include "headless_ui.hpp"
#include "input.hpp"

#include <doctest/doctest.h>

#include <string>

using uitest::HeadlessUi;
using uitest::kTallDesktop;

namespace {

ImVec2 center_of(const HeadlessUi& ui, const std::string& label) {
    const auto* item = ui.item(label);
    REQUIRE(item != nullptr);
    return item->rect.GetCenter();
}

// A finger: down at `from`, moving to `to` in `steps` moves, a frame between events as in a browser.
void drag(HeadlessUi& ui, web::TouchGesture& touch, ImVec2 from, ImVec2 to, int steps = 10) {
    touch.start(from, 10);
    ui.frame();
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / steps;
        touch.move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
        ui.frame();
    }
    touch.end(to);
    ui.settle();
}

}  // namespace

TEST_CASE("a tap presses a control exactly once") {
    HeadlessUi ui("indication=nomid&weight=20", ImVec2(390, 3000));
    web::TouchGesture touch;
    const ImVec2 box = center_of(ui, "Active infection");
    touch.start(box, 10);
    ui.frame();
    touch.end(box);
    ui.settle();
    CHECK(ui.app.inputs.safety_flags["active_infection"]);
    CHECK(ui.shows("[x] Active infection"));
    touch.start(center_of(ui, "EU (EMA)"), 10);
    touch.end(center_of(ui, "EU (EMA)"));  // no frame between: ImGui's queue still spaces them out
    ui.settle();
    CHECK(ui.app.inputs.region == "eu");
    CHECK(ui.app.inputs.safety_flags["active_infection"]);  // untouched by the second tap
    CHECK(ui.io().MousePos.x == -FLT_MAX);  // the finger lifted: nothing stays hovered
}

TEST_CASE("a vertical drag pans the window exactly as far as the finger moves, and clicks nothing") {
    HeadlessUi ui("indication=nomid&weight=20&dose_mg=40&doses_per_day=2", ImVec2(390, 1700));
    web::TouchGesture touch;
    const float before = center_of(ui, "##weight").y;
    const ImVec2 start = center_of(ui, "Active infection");  // the drag starts on a checkbox
    REQUIRE(start.y > 350);
    REQUIRE(start.y < 1700);
    drag(ui, touch, start, ImVec2(start.x, start.y - 300));
    CHECK(ui.window()->Scroll.y == doctest::Approx(300).epsilon(0.005));
    ui.frame();
    CHECK(center_of(ui, "##weight").y == doctest::Approx(before - 300).epsilon(0.005));
    CHECK_FALSE(ui.app.inputs.safety_flags["active_infection"]);
    drag(ui, touch, ImVec2(200, 300), ImVec2(205, 420));  // back down by 120
    CHECK(ui.window()->Scroll.y == doctest::Approx(180).epsilon(0.005));
}

TEST_CASE("a sideways drag pans where the content is wider than the screen, and only there") {
    HeadlessUi phone("indication=nomid&weight=20", ImVec2(320, 4000));
    REQUIRE(phone.window()->ScrollMax.x > 40);  // the output buttons' row is wider than 320 px
    web::TouchGesture touch;
    const float clear_x = center_of(phone, "Clear").x;
    drag(phone, touch, ImVec2(250, 300), ImVec2(210, 304));
    CHECK(phone.window()->Scroll.x == doctest::Approx(40).epsilon(0.01));
    CHECK(phone.window()->Scroll.y == 0);  // locked to the axis the drag started along
    phone.frame();
    CHECK(center_of(phone, "Clear").x == doctest::Approx(clear_x - 40).epsilon(0.01));

    HeadlessUi desktop("indication=nomid&weight=20", ImVec2(1280, 700));
    CHECK(desktop.window()->ScrollMax.x == 0);
    drag(desktop, touch, ImVec2(600, 300), ImVec2(500, 300));
    CHECK(desktop.window()->Scroll.x == 0);
    CHECK(desktop.window()->Scroll.y == 0);
}

TEST_CASE("the wheel belongs to the widget only while its window can still scroll that way") {
    HeadlessUi short_display("indication=nomid&weight=20&dose_mg=40&doses_per_day=2", ImVec2(1280, 600));
    short_display.io().AddMousePosEvent(600, 300);
    short_display.settle();
    CHECK(web::wheel_scrolls_widget(0, 100));        // down: there is more below
    CHECK_FALSE(web::wheel_scrolls_widget(0, -100));  // up: already at the top
    short_display.window()->Scroll.y = short_display.window()->ScrollMax.y;
    CHECK_FALSE(web::wheel_scrolls_widget(0, 100));
    CHECK(web::wheel_scrolls_widget(0, -100));

    // Embedded, the page is as tall as the content: the page scrolls, never the widget.
    HeadlessUi everything_shown("indication=nomid&weight=20", kTallDesktop);
    everything_shown.io().AddMousePosEvent(600, 300);
    everything_shown.settle();
    CHECK_FALSE(web::wheel_scrolls_widget(0, 100));
    CHECK_FALSE(web::wheel_scrolls_widget(0, -100));
}

TEST_CASE("wheel movement for a number of pixels uses ImGui's own scroll step") {
    HeadlessUi ui("indication=nomid&weight=20&dose_mg=40&doses_per_day=2", ImVec2(1280, 600));
    ui.io().AddMousePosEvent(600, 300);
    ui.settle();
    const ImVec2 wheel = web::wheel_for_pixels(ImVec2(0, -150));
    CHECK(wheel.y == doctest::Approx(-2));  // 5 lines of the 15 px font = 75 px a step
    ui.io().AddMouseWheelEvent(wheel.x, wheel.y);
    ui.settle();
    CHECK(ui.window()->Scroll.y == doctest::Approx(150));
}

TEST_CASE("the soft keyboard's editing keys reach the focused field") {
    HeadlessUi ui("indication=nomid&weight=20", kTallDesktop);
    ui.press(ImGuiKey_Tab);  // into the weight field, its text selected
    REQUIRE(web::soft_keyboard_tap("Backspace"));
    ui.settle();
    CHECK(ui.app.inputs.weight.empty());
    ui.type("14");
    REQUIRE(web::soft_keyboard_tap("ArrowLeft"));
    ui.settle();
    ui.type(".");
    CHECK(ui.app.inputs.weight == "1.4");
    REQUIRE(web::soft_keyboard_tap("Enter"));
    ui.settle();
    CHECK(ui.app.response.patient.weight_kg == doctest::Approx(1.4));
    CHECK_FALSE(web::soft_keyboard_tap("Escape"));
    CHECK_FALSE(web::soft_keyboard_tap("a"));
}

TEST_CASE("a drag in uneven steps still pans by exactly the finger's distance") {
    HeadlessUi ui("indication=nomid&weight=20&dose_mg=40&doses_per_day=2", ImVec2(390, 700));
    web::TouchGesture touch;
    drag(ui, touch, ImVec2(200, 560), ImVec2(200, 300), 12);  // 21.67 px a move
    CHECK(ui.window()->Scroll.y == 260);
}
