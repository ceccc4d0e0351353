// The widget's panels rendered headlessly: what one frame shows for golden inputs.
#include "headless_ui.hpp"

#include <doctest/doctest.h>

#include <string>

using uitest::HeadlessUi;
using uitest::kTallDesktop;

TEST_CASE("a valid order renders the start range, the ladder with the prescribed row, and the verdict") {
    HeadlessUi ui("indication=nomid&weight=20&age=6&crcl=90&dose_mg=40&doses_per_day=2", kTallDesktop);
    CHECK(ui.shows("Usual start: 1-2 mg/kg/day = 20 mg to 40 mg per day"));
    CHECK(ui.shows("Ceiling: 160 mg per day (8 mg/kg/day)"));
    CHECK(ui.shows("| 4 | 80 mg | 0.53 mL | 2 x 40 mg (0.27 mL) | 1 (split: 2) | < prescribed |"));
    CHECK(ui.shows("| 8 | 160 mg | 1.07 mL | 2 x 80 mg (0.53 mL) | 2 (split: 2) | ceiling |"));
    CHECK(ui.shows("OK"));
    CHECK(ui.shows("For this patient: Weight 20 kg, age 6 years; CrCl 90 mL/min (given)"));
}

TEST_CASE("under the every-48-h rule the ladder is per administration with no split") {
    HeadlessUi ui("indication=nomid&weight=20&age=6&crcl=25&dose_mg=40&every_hours=48", kTallDesktop);
    CHECK(ui.shows("Usual start: 1-2 mg/kg = 20 mg to 40 mg per administration every 48 h"));
    CHECK(ui.shows("mg every 48 h"));
    CHECK(ui.shows("20 mg-40 mg per dose"));  // the comparison row too: never "/day" every other day
    CHECK_FALSE(ui.shows("20 mg-40 mg/day"));
    for (const auto& n : ui.tree().nodes) CHECK(n.name != "twice daily");  // no split column
}

TEST_CASE("an invalid weight renders the error under the weight field and no dose anywhere") {
    HeadlessUi ui("indication=nomid&weight=-3&dose_mg=40&doses_per_day=1", kTallDesktop);
    const std::string& text = ui.text();
    const auto weight_line = text.find("Weight { -3 }");
    const auto error_line = text.find("Weight must be greater than 0.");
    const auto age_line = text.find("Age {");
    REQUIRE(weight_line != std::string::npos);
    REQUIRE(error_line != std::string::npos);
    CHECK(weight_line < error_line);
    CHECK(error_line < age_line);
    CHECK(ui.shows("No dose is shown until these are corrected:"));
    CHECK(ui.shows("\xE2\x9A\xA0 Weight must be greater than 0."));
    CHECK(ui.shows("No comparison until the inputs are corrected."));
    CHECK_FALSE(ui.shows("Ceiling"));
    CHECK_FALSE(ui.shows("mg/kg/day"));
}

TEST_CASE("the content height the embed layer sizes the iframe to ends just below the last line") {
    HeadlessUi desktop("indication=nomid&weight=20&dose_mg=40&doses_per_day=2", kTallDesktop);
    HeadlessUi phone("indication=nomid&weight=20&dose_mg=40&doses_per_day=2", ImVec2(360, 6000));
    for (const HeadlessUi* ui : {&desktop, &phone}) {
        const auto* clear = ui->tree().find("clear");
        REQUIRE(clear != nullptr);
        // The Clear button, then two lines of closing text, then the window's padding.
        const float bottom = clear->rect.y + clear->rect.h;
        CHECK(ui->tree().content_h > bottom + 20);
        CHECK(ui->tree().content_h < bottom + 140);
    }
    // One column on a phone: taller than the two-column desktop layout.
    CHECK(phone.app.content_height_px > desktop.app.content_height_px * 1.5f);
}

TEST_CASE("a blank form shows no dose and asks for the patient once") {
    HeadlessUi ui("", kTallDesktop);
    CHECK(ui.shows("No patient entered"));
    CHECK_FALSE(ui.shows("mg/kg/day ="));
    CHECK_FALSE(ui.shows("must be"));  // no error on every empty field
}

TEST_CASE("an error of an input without an error line of its own is listed, named by its field, never by its path") {
    const std::pair<const char*, const char*> cases[] = {
        {"indication=nomid&weight=20&dose_mg=40&doses_per_day=2&every_hours=12", "\xE2\x9A\xA0 Doses per day, Every (hours): "},
        {"indication=nomid&weight=20&step=2", "\xE2\x9A\xA0 Step "},
        {"indication=nomid&weight=20&ecoli_hypersensitivity=maybe", "\xE2\x9A\xA0 E. coli protein hypersensitivity "},
        {"indication=nomid&weight=20&route=PO", "\xE2\x9A\xA0 Route"}};
    for (const auto& c : cases) {
        HeadlessUi ui(c.first, kTallDesktop);
        INFO(std::string(c.first));
        CHECK(ui.shows("No dose is shown until these are corrected:"));
        CHECK(ui.shows(c.second));
        CHECK_FALSE(ui.shows("Ceiling"));
        CHECK_FALSE(ui.shows("prescribed:"));
        CHECK_FALSE(ui.shows("safety."));
    }
}
