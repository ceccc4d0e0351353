// Teaching mode's panels, rendered headless: before Check the practice page draws the case and
// the answer fields and nothing computed; Check marks and reveals; "Show the arithmetic" lists a
// panel's steps as a named list.
#include "embedded_data.hpp"
#include "headless_ui.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using uitest::HeadlessUi;
using uitest::kTallDesktop;
using ui::sem::Role;

namespace {

const char* const kCase = "mode=practice&case=nomid-3";

int count_role(const HeadlessUi& ui, Role role) {
    int n = 0;
    for (const auto& node : ui.tree().nodes) n += node.role == role ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("practice mode before Check: the case and the answer fields, no computed number drawn or described") {
    HeadlessUi ui(kCase, kTallDesktop);
    CHECK(ui.shows("Weight: 15 kg"));
    CHECK(ui.shows("Prescribed dose: 70 mg"));
    for (const char* secret : {"120 mg", "9.33", "0.47", "EXCEEDS", "Escalation ladder", "Copy summary"})
        CHECK_MESSAGE(!ui.shows(secret), secret);
    CHECK(count_role(ui, Role::Table) == 0);
    const auto* first = ui.tree().find("answer_1");
    REQUIRE(first != nullptr);
    CHECK(first->role == Role::TextBox);
    CHECK(first->name == "Your answer: Maximum daily dose (mg/day)");
    const auto* verdict = ui.tree().find("answer_6");
    REQUIRE(verdict != nullptr);
    CHECK(verdict->role == Role::ComboBox);
    REQUIRE(ui.tree().find("check_answers") != nullptr);
    CHECK(ui.app.summary.find("hidden until you press Check") != std::string::npos);
    CHECK(ui.app.result_json.find("answers_hidden") != std::string::npos);
    CHECK(ui.app.result_json.find("regimen") == std::string::npos);
    CHECK(ui.app.practice_json.empty());
}

TEST_CASE("Check marks the answers, shows the steps and the learning point, then the full result") {
    HeadlessUi ui(kCase, kTallDesktop);
    ui.set_field("answer_1", "120");
    ui.set_field("answer_3", "93.3");
    ui.set_field("answer_6", "exceeds");
    ui.settle();
    CHECK(!ui.shows("9.33"));
    ui.press("check_answers");
    ui.settle();
    CHECK(ui.shows("2 of 6 right."));
    CHECK(ui.shows("you answered \"120\". Right"));
    CHECK(ui.shows("10\xC3\x97 too high: check the decimal point"));
    CHECK(ui.shows("Learning point"));
    CHECK(ui.tree().find("practice-marks") != nullptr);
    CHECK(ui.tree().find("practice-steps-dose") != nullptr);
    CHECK(ui.tree().find("ladder") != nullptr);
    CHECK(ui.app.state.find("checked=1") != std::string::npos);
    CHECK(ui.app.practice_json.find("\"right\":2") != std::string::npos);
    CHECK(ui.app.result_json == ui.app.response_json);
    ui.press("try_again");
    ui.settle();
    CHECK(!ui.shows("9.33"));
    CHECK(ui.app.inputs.answers[0].empty());
    CHECK(ui.tree().find("check_answers") != nullptr);
}

TEST_CASE("'Show the arithmetic' opens and closes one panel's steps in the clinical widget") {
    HeadlessUi ui("indication=nomid&weight=14.5&age=3&crcl=25&dose_mg=60&every_hours=48", kTallDesktop);
    REQUIRE(ui.tree().find("arithmetic-dose") != nullptr);
    CHECK(ui.tree().find("arithmetic-dose")->name == "Show the arithmetic (dose)");
    CHECK(ui.tree().find("steps-dose") == nullptr);
    ui.press("arithmetic-dose");
    ui.settle();
    const auto* steps = ui.tree().find("steps-dose");
    REQUIRE(steps != nullptr);
    CHECK(steps->role == Role::List);
    CHECK(steps->name == "The arithmetic: dose");
    CHECK(ui.shows("14.5 kg = 116"));
    CHECK(ui.tree().find("arithmetic-dose")->name == "Hide the arithmetic (dose)");
    ui.press("arithmetic-dose");
    ui.settle();
    CHECK(ui.tree().find("steps-dose") == nullptr);
}

TEST_CASE("a case named by a link replaces the patient the link also gave, and says how many inputs it replaced") {
    HeadlessUi ui("mode=practice&case=nomid-3&weight=3&age=1", kTallDesktop);
    CHECK(ui.app.inputs.weight == "15");
    CHECK(ui.app.link.replaced == 2);
    CHECK(ui.shows("The teaching case replaced 2 patient inputs the link also gave."));
}

TEST_CASE("the marks are told once, at Check; a reload of a checked case does not tell them again") {
    HeadlessUi ui(kCase, kTallDesktop);
    ui.set_field("answer_1", "120");
    ui.press("check_answers");
    ui.frame();
    CHECK(!ui.app.practice_json.empty());
    HeadlessUi reloaded(std::string(kCase) + "&answer_1=120&checked=1", kTallDesktop);
    CHECK(reloaded.shows("1 of 6 right."));
    CHECK(reloaded.app.practice_json.empty());
}

TEST_CASE("editing the patient after Check ends practice: the marks never follow a changed patient") {
    HeadlessUi ui(std::string(kCase) + "&answer_1=120&checked=1", kTallDesktop);
    REQUIRE(ui.tree().find("practice-marks") != nullptr);
    ui.set_field("weight", "20");
    ui.settle();
    CHECK(ui.app.inputs.mode.empty());
    CHECK(ui.app.inputs.case_id.empty());
    CHECK(ui.app.inputs.answers[0].empty());
    CHECK(ui.tree().find("practice-marks") == nullptr);
    CHECK(ui.app.inputs.weight == "20");
    CHECK(ui.app.state.find("mode=") == std::string::npos);
}

TEST_CASE("an answer a link carries is data: one that reads like the widget's words is refused, a typed one is quoted") {
    HeadlessUi forged(std::string(kCase) + "&answer_1=120%20mg%2Fday.%20Right&checked=1", kTallDesktop);
    CHECK(forged.app.inputs.answers[0].empty());
    CHECK(forged.app.inputs.problems.count("answer_1") == 1);
    HeadlessUi typed(kCase, kTallDesktop);
    typed.set_field("answer_1", "120 Right");
    typed.press("check_answers");
    typed.settle();
    CHECK(typed.shows("you answered \"120 Right\". Not read."));
}

namespace {

// Characters of the last frame's text that the widget's font cannot draw (ImGui would show "?").
std::string missing_glyphs(const HeadlessUi& ui) {
    std::string missing;
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const std::string& text = ui.text();
    for (const char* p = text.c_str(); *p != 0;) {
        unsigned int c = 0;
        const int bytes = ImTextCharFromUtf8(&c, p, nullptr);
        if (c >= 0x20 && const_cast<ImFont*>(font)->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr)
            missing += std::string(p, static_cast<std::size_t>(bytes)) + " ";
        p += bytes > 0 ? bytes : 1;
    }
    return missing;
}

}  // namespace

TEST_CASE("every character of the worked steps and the marks is in the widget's font, for every teaching case") {
    for (const auto& c : data::embedded_drug_db().db->teaching.cases) {
        HeadlessUi ui("mode=practice&case=" + c.id + "&answer_1=1&answer_2=2&checked=1", kTallDesktop);
        CHECK_MESSAGE(missing_glyphs(ui).empty(), std::string(c.id + ": " + missing_glyphs(ui)));
    }
    HeadlessUi clinical("indication=nomid&weight=30&height_cm=130&age=10&sex=female&scr=95&scr_unit=umol%2FL&dose_mg=60&doses_per_day=2",
                        kTallDesktop);
    for (const char* panel : {"arithmetic-patient", "arithmetic-dose", "arithmetic-check", "arithmetic-compare"}) clinical.press(panel);
    clinical.settle();
    CHECK(clinical.tree().find("steps-compare") != nullptr);
    CHECK_MESSAGE(missing_glyphs(clinical).empty(), missing_glyphs(clinical));
}

// The fonts hold only the characters the widget's texts use (FONT_CODEPOINT_RANGES): every
// anakinra use in each region, with renal impairment, an order, safety inputs and every panel's
// arithmetic open, and the input errors, is drawn without a "?".
TEST_CASE("every character the clinical widget draws is in its fonts, for every use, region and input error") {
    std::vector<std::string> states;
    for (const auto& use : data::embedded_drug_db().db->find("anakinra")->uses) {
        const std::string region = use.region == core::Region::Eu ? "eu" : "us";
        states.push_back("indication=" + use.indication + "&region=" + region +
                         "&weight=44&weight_unit=lb&age=30&age_unit=months&sex=male&height_cm=90&scr=40&scr_unit=umol%2FL"
                         "&dose_mg=60&every_hours=48&anc_per_mm3=1200&active_infection=1&asthma=1&start_date=2026-12-01");
        states.push_back("indication=" + use.indication + "&region=" + region + "&weight=70&age=50&crcl=25&dose_mg=100&doses_per_day=1");
    }
    states.push_back("indication=nomid&weight=-3&age=abc&crcl=1e9&dose_mg=40&doses_per_day=2");
    states.push_back("indication=nomid&weight=120&age=2&dose_mg=2000&doses_per_day=9");
    // A checked practice case draws its worked steps and, below, the clinical panels with their own.
    states.push_back("mode=practice&case=" + data::embedded_drug_db().db->teaching.cases.front().id + "&answer_1=1&answer_2=2&checked=1");
    for (const auto& state : states) {
        HeadlessUi ui(state, kTallDesktop);
        for (const char* panel : {"arithmetic-patient", "arithmetic-dose", "arithmetic-check", "arithmetic-compare"})
            if (ui.tree().find(panel) != nullptr) ui.press(panel);
        ui.settle();
        CHECK_MESSAGE(missing_glyphs(ui).empty(), state << ": " << missing_glyphs(ui));
        // Every id once: the DOM layer keys its elements by id.
        CHECK_MESSAGE(ui.duplicate_ids().empty(), state << ": " << ui.duplicate_ids());
    }
    // What a person types is drawn back: the symbols a number may be typed with are in the fonts.
    HeadlessUi typed("indication=nomid&age=6", kTallDesktop);
    typed.set_field("weight", "2\xC2\xBD\xC2\xA0kg\xC2\xB0");  // 2½ kg° with a no-break space
    typed.settle();
    CHECK(typed.shows("2\xC2\xBD"));
    CHECK_MESSAGE(missing_glyphs(typed).empty(), missing_glyphs(typed));
}
