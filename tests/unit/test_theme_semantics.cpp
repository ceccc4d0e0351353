// The theme's contrast (WCAG 2.1 AA) and the semantics tree's JSON for web/semantics.js.
#include "semantics.hpp"
#include "theme.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

void check_theme(const ui::Theme& t, const char* name) {
    INFO("theme " << name);
    // Text on every background text is drawn on: >= 4.5:1.
    const std::pair<const char*, ui::Rgb> texts[] = {
        {"text", t.text}, {"text_muted", t.text_muted}, {"ok", t.ok}, {"caution", t.caution}, {"exceeds", t.exceeds}};
    const std::pair<const char*, ui::Rgb> backgrounds[] = {
        {"window_bg", t.window_bg}, {"row_alt", t.row_alt}, {"row_prescribed", t.row_prescribed}, {"frame_bg", t.frame_bg}};
    // Plain pairs, not structured bindings: clang 14 (emscripten) cannot capture those in INFO.
    for (const auto& text : texts)
        for (const auto& background : backgrounds) {
            INFO(text.first << " on " << background.first);
            CHECK(ui::contrast_ratio(text.second, background.second) >= 4.5);
        }
    // Body text on buttons, table headers and fields while hovered or active.
    for (const ui::Rgb& bg : {t.button, t.button_hovered, t.button_active, t.header, t.frame_bg_hovered, t.frame_bg_active})
        CHECK(ui::contrast_ratio(t.text, bg) >= 4.5);
    // Borders, the focus ring and check marks against what they sit on: >= 3:1.
    for (const auto& line : {std::pair<const char*, ui::Rgb>{"border", t.border}, {"focus_ring", t.focus_ring}})
        for (const ui::Rgb& bg : {t.window_bg, t.frame_bg, t.row_alt}) {
            INFO(line.first);
            CHECK(ui::contrast_ratio(line.second, bg) >= 3.0);
        }
    CHECK(ui::contrast_ratio(t.check_mark, t.frame_bg) >= 3.0);
    CHECK(ui::contrast_ratio(t.focus_ring, t.button) >= 3.0);
}

}  // namespace

TEST_CASE("contrast ratio follows WCAG 2.1: black on white is 21, equal colours 1") {
    CHECK(ui::contrast_ratio({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21.0));
    CHECK(ui::contrast_ratio({0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f}) == doctest::Approx(1.0));
    // #767676 on white is the well-known 4.54:1 grey.
    CHECK(ui::contrast_ratio({118 / 255.0f, 118 / 255.0f, 118 / 255.0f}, {1, 1, 1}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("light theme meets WCAG AA contrast") { check_theme(ui::light_theme(), "light"); }
TEST_CASE("dark theme meets WCAG AA contrast") { check_theme(ui::dark_theme(), "dark"); }

TEST_CASE("semantics builder nests children under the node opened before them") {
    ui::sem::Builder b;
    const int group = b.open({.id = "region", .role = ui::sem::Role::RadioGroup, .name = "Label"});
    b.add({.id = "region:us", .role = ui::sem::Role::Radio, .name = "US (FDA)", .value = "us", .checked = true});
    b.add({.id = "region:eu", .role = ui::sem::Role::Radio, .name = "EU (EMA)", .value = "eu"});
    b.close();
    b.add({.id = "copy_summary", .role = ui::sem::Role::Button, .name = "Copy summary"});
    const auto& tree = b.tree();
    REQUIRE(tree.nodes.size() == 4);
    CHECK(tree.children(group).size() == 2);
    CHECK(tree.children(-1).size() == 2);
    CHECK(tree.find("region:eu")->parent == group);
    CHECK(tree.find("nothing") == nullptr);
}

TEST_CASE("semantics JSON carries what the DOM layer needs, escaped") {
    ui::sem::Builder b;
    b.tree().content_w = 1280;
    b.tree().content_h = 2400.5f;
    b.tree().font_px = 15;
    b.add({.id = "weight", .role = ui::sem::Role::TextBox, .name = "Weight", .value = "14,5\"\n", .unit = "kg",
           .input = ui::sem::InputKind::Decimal, .invalid = true, .error = "Weight must be a number.",
           .rect = {10, 20, 90, 24.25f}, .label_rect = {0, 20, 60, 24}});
    b.add({.id = "sex", .role = ui::sem::Role::ComboBox, .name = "Sex", .options = {{"", "not given"}, {"female", "female"}}});
    const auto json = nlohmann::json::parse(ui::sem::to_json(b.tree()));
    CHECK(json["content"] == nlohmann::json::array({0, 0, 1280, 2400.5}));
    CHECK(json["font_px"] == 15);
    const auto& weight = json["nodes"][0];
    CHECK(weight["role"] == "textbox");
    CHECK(weight["value"] == "14,5\"\n");
    CHECK(weight["input"] == "decimal");
    CHECK(weight["invalid"] == true);
    CHECK(weight["error"] == "Weight must be a number.");
    CHECK(weight["rect"] == nlohmann::json::array({10, 20, 90, 24.2}));  // one decimal is enough for CSS px
    CHECK(weight["label_rect"][2] == 60);
    CHECK_FALSE(weight.contains("parent"));
    const auto& sex = json["nodes"][1];
    CHECK(sex["options"][1] == nlohmann::json::array({"female", "female"}));
    CHECK(sex["value"] == "");
}
