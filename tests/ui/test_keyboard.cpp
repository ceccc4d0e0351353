// Keyboard use of the widget, headlessly: Tab order, and Space and Enter on the focused control.
#include "headless_ui.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using uitest::DrawnItem;
using uitest::HeadlessUi;
using uitest::kTallDesktop;

namespace {

// Presses Tab (or Shift+Tab) until the control with `label` has focus; false after 80 presses.
bool tab_to(HeadlessUi& ui, const std::string& label, bool shift = false) {
    for (int i = 0; i < 80; ++i) {
        ui.press(ImGuiKey_Tab, shift);
        if (ui.focused_label() == label) return true;
    }
    return false;
}

// The controls Tab visits from "nothing focused" until it comes back to the first.
std::vector<DrawnItem> tab_cycle(HeadlessUi& ui) {
    std::vector<DrawnItem> stops;
    for (int i = 0; i < 80; ++i) {
        ui.press(ImGuiKey_Tab);
        const DrawnItem* focused = ui.focused();
        REQUIRE(focused != nullptr);
        if (!stops.empty() && focused->id == stops.front().id) break;
        stops.push_back(*focused);
    }
    return stops;
}

}  // namespace

TEST_CASE("Tab from nothing focused enters the first control, the weight field, ready for typing") {
    HeadlessUi ui("indication=nomid&weight=20", kTallDesktop);
    CHECK(ui.focused() == nullptr);
    ui.press(ImGuiKey_Tab);
    CHECK(ui.focused_label() == "##weight");
    ui.type("33");  // Tab selects the field's text: typing replaces it
    CHECK(ui.app.inputs.weight == "33");
    CHECK(ui.app.response.patient.weight_kg == 33);
}

TEST_CASE("Shift+Tab from nothing focused enters the last control, then goes backwards") {
    HeadlessUi ui("indication=nomid&weight=20", kTallDesktop);
    ui.press(ImGuiKey_Tab, true);
    CHECK(ui.focused_label() == "Clear");
    ui.press(ImGuiKey_Tab, true);
    CHECK(ui.focused_label() == "Export JSON");
}

TEST_CASE("Tab reaches every control, in reading order, and wraps to the first") {
    HeadlessUi ui("indication=nomid&weight=20&crcl=25&dose_mg=40&doses_per_day=2", kTallDesktop);
    const std::vector<DrawnItem> stops = tab_cycle(ui);
    std::vector<std::string> labelled;
    int combos = 0;
    for (const auto& s : stops) {
        if (s.label.empty()) ++combos;  // ImGui reports no label for a combo
        else labelled.push_back(s.label);
    }
    const std::vector<std::string> expected = {
        "##weight", "##age", "##height", "##crcl", "US (FDA)", "EU (EMA)", "##dose", "##per_day",
        "E. coli protein hypersensitivity", "Active infection", "TNF-blocker co-therapy", "Live vaccine planned",
        "TB history / latent TB", "Asthma", "Pregnancy", "Breastfeeding", "##anc", "##start",
        "0.5 mg/kg", "1 mg/kg", "Copy summary", "Share link", "Print", "Export JSON", "Clear"};
    CHECK(labelled == expected);
    // The lists: weight unit, age unit, sex, renal function, indication, frequency.
    CHECK(combos == 6);
    // The stop after the weight field is its unit list, beside it on the same row.
    REQUIRE(stops.size() > 2);
    CHECK(stops[1].label.empty());
    CHECK(stops[1].rect.Min.x > stops[0].rect.Max.x);
    CHECK(stops[1].rect.Min.y == doctest::Approx(stops[0].rect.Min.y));
    CHECK(stops[2].label == "##age");
}

TEST_CASE("Space and Enter toggle the focused checkbox") {
    HeadlessUi ui("indication=nomid&weight=20", kTallDesktop);
    REQUIRE(tab_to(ui, "Active infection"));
    CHECK(ui.shows("[ ] Active infection"));
    ui.press(ImGuiKey_Space);
    CHECK(ui.app.inputs.safety_flags["active_infection"]);
    CHECK(ui.shows("[x] Active infection"));
    bool flagged = false;
    for (const auto& f : ui.app.response.findings) flagged = flagged || f.code == "ACTIVE_INFECTION";
    CHECK(flagged);
    ui.press(ImGuiKey_Enter);
    CHECK_FALSE(ui.app.inputs.safety_flags["active_infection"]);
    CHECK(ui.shows("[ ] Active infection"));
    CHECK(ui.focused_label() == "Active infection");  // focus stays where it was
}

TEST_CASE("Space selects the focused radio button") {
    HeadlessUi ui("indication=nomid&weight=20", kTallDesktop);
    REQUIRE(tab_to(ui, "EU (EMA)"));
    ui.press(ImGuiKey_Space);
    CHECK(ui.app.inputs.region == "eu");
    CHECK(ui.app.response.region == "eu");
}

TEST_CASE("Enter presses the focused button") {
    HeadlessUi ui("indication=dira&weight=12&age=6&dose_mg=40", kTallDesktop);
    ui.press(ImGuiKey_Tab, true);
    REQUIRE(ui.focused_label() == "Clear");
    ui.press(ImGuiKey_Enter);
    CHECK(ui.app.inputs.age.empty());
    CHECK(ui.app.inputs.dose_mg.empty());
    CHECK(ui.app.inputs.indication != "dira");
    CHECK(ui.shows("Inputs cleared and removed from this browser."));
}

TEST_CASE("Enter opens the focused list; arrow keys and Enter choose an item from it") {
    HeadlessUi ui("indication=nomid&weight=44", kTallDesktop);
    ui.press(ImGuiKey_Tab);
    ui.press(ImGuiKey_Tab);  // the weight's unit list
    REQUIRE(ui.focused() != nullptr);
    CHECK(ui.focused_label().empty());
    ui.press(ImGuiKey_Enter);
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    ui.press(ImGuiKey_DownArrow);
    ui.press(ImGuiKey_Enter);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK(ui.app.inputs.weight_unit == "lb");
    CHECK(ui.app.response.patient.weight_kg == doctest::Approx(19.96));
}

TEST_CASE("Escape leaves a field and keeps what was typed in it") {
    HeadlessUi ui("indication=nomid&weight=20", kTallDesktop);
    ui.press(ImGuiKey_Tab);  // into the weight field
    ui.type("33");
    ui.press(ImGuiKey_Escape);
    CHECK(ImGui::GetCurrentContext()->ActiveId == 0);  // the field is left
    CHECK(ui.app.inputs.weight == "33");                // ImGui itself would restore "20"
    CHECK(ui.app.response.patient.weight_kg == 33);
    CHECK(ui.shows("Weight { 33 }"));
    ui.press(ImGuiKey_Escape);  // Escape again, with nothing active, changes nothing either
    CHECK(ui.app.inputs.weight == "33");
}

TEST_CASE("Escape keeps a value typed after a click, too") {
    HeadlessUi ui("indication=nomid&weight=20&age=6", kTallDesktop);
    const auto* age = ui.item("##age");
    REQUIRE(age != nullptr);
    ui.io().AddMousePosEvent(age->rect.GetCenter().x, age->rect.GetCenter().y);
    ui.io().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    ui.io().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    ui.settle();
    ui.press(ImGuiKey_Backspace);
    ui.type("7");
    ui.press(ImGuiKey_Escape);
    CHECK(ui.app.inputs.age == "7");
    CHECK(ui.shows("Age { 7 }"));
}
