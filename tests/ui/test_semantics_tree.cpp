// The semantics tree each frame records (src/ui/semantics.hpp): what the page's DOM layer turns
// into real elements. Asserted here without a browser, for golden inputs: every control named
// with its visible label, the right roles, errors attached to their fields, tables with rows.
#include "headless_ui.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using uitest::HeadlessUi;
using uitest::kTallDesktop;
using ui::sem::Role;

namespace {

const char* const kFilled = "indication=nomid&weight=14&age=3&crcl=25&dose_mg=60&doses_per_day=2";

bool is_control(Role r) {
    return r == Role::TextBox || r == Role::ComboBox || r == Role::CheckBox || r == Role::Radio || r == Role::Button;
}

const ui::sem::Node& node(const HeadlessUi& ui, const std::string& id) {
    const auto* n = ui.tree().find(id);
    REQUIRE_MESSAGE(n != nullptr, "no node " << id);
    return *n;
}

}  // namespace

TEST_CASE("every control has a role and its visible label as name (the README's contract)") {
    HeadlessUi ui(kFilled, kTallDesktop);
    const std::pair<const char*, Role> expected[] = {
        {"weight", Role::TextBox},          {"age", Role::TextBox},         {"height_cm", Role::TextBox},
        {"crcl", Role::TextBox},            {"dose_mg", Role::TextBox},     {"doses_per_day", Role::TextBox},
        {"anc_per_mm3", Role::TextBox},     {"start_date", Role::TextBox},  {"weight_unit", Role::ComboBox},
        {"age_unit", Role::ComboBox},       {"sex", Role::ComboBox},        {"renal", Role::ComboBox},
        {"indication", Role::ComboBox},     {"frequency", Role::ComboBox},  {"region", Role::RadioGroup},
        {"step", Role::RadioGroup},         {"copy_summary", Role::Button}, {"share_link", Role::Button},
        {"print", Role::Button},            {"export_json", Role::Button},  {"clear", Role::Button},
        {"active_infection", Role::CheckBox}};
    // Pairs, not structured bindings: clang 14 cannot capture those in CHECK_MESSAGE.
    for (const auto& want : expected) CHECK_MESSAGE(node(ui, want.first).role == want.second, want.first);
    const std::pair<const char*, const char*> names[] = {
        {"weight", "Weight"}, {"age", "Age"}, {"height_cm", "Height"}, {"crcl", "CrCl"}, {"dose_mg", "Prescribed dose"},
        {"doses_per_day", "Doses per day"}, {"anc_per_mm3", "ANC"}, {"start_date", "Start date"}, {"weight_unit", "Weight unit"},
        {"age_unit", "Age unit"}, {"sex", "Sex"}, {"renal", "Renal function"}, {"indication", "Indication"}, {"region", "Label"},
        {"step", "Step"}, {"copy_summary", "Copy summary"}, {"share_link", "Share link"}, {"print", "Print"},
        {"export_json", "Export JSON"}, {"clear", "Clear"}, {"ecoli_hypersensitivity", "E. coli protein hypersensitivity"}};
    for (const auto& want : names) CHECK_MESSAGE(node(ui, want.first).name == want.second, want.first);
    // No control without a name, and every id is unique (the DOM keys its elements by it).
    for (const auto& n : ui.tree().nodes)
        if (is_control(n.role)) CHECK_MESSAGE(!n.name.empty(), n.id);
    CHECK_MESSAGE(ui.duplicate_ids().empty(), ui.duplicate_ids());
    // A text field carries its value and what it expects; a choice its options and value.
    CHECK(node(ui, "weight").value == "14");
    CHECK(node(ui, "weight").input == ui::sem::InputKind::Decimal);
    CHECK(node(ui, "start_date").input == ui::sem::InputKind::Date);
    CHECK(node(ui, "renal").value == "crcl");
    CHECK(node(ui, "renal").options.size() == 4);
    CHECK(node(ui, "region:us").checked);
    CHECK(node(ui, "region:us").parent == static_cast<int>(&node(ui, "region") - ui.tree().nodes.data()));
}

TEST_CASE("an input error is attached to its field, and drawn under it") {
    HeadlessUi ui("indication=nomid&weight=-3&dose_mg=40&doses_per_day=1", kTallDesktop);
    const auto& weight = node(ui, "weight");
    CHECK(weight.invalid);
    CHECK(weight.error.find("Weight must be greater than 0") != std::string::npos);
    CHECK(weight.error_rect.y >= weight.rect.y + weight.rect.h - 1);
    CHECK_FALSE(node(ui, "age").invalid);
    // Nothing but the weight is marked invalid, and no dose table is described.
    CHECK(ui.tree().find("ladder") == nullptr);
}

TEST_CASE("the ladder is a table with a header row and one row per step; the prescribed row is marked") {
    HeadlessUi ui("indication=nomid&weight=20&age=6&crcl=90&dose_mg=40&doses_per_day=2", kTallDesktop);
    const auto& ladder = node(ui, "ladder");
    const int index = static_cast<int>(&ladder - ui.tree().nodes.data());
    CHECK(ladder.role == Role::Table);
    CHECK(ladder.name == "Escalation ladder");
    const auto rows = ui.tree().children(index);
    REQUIRE(rows.size() == 16);  // a header row and 15 steps from 1 to 8 mg/kg/day
    const auto header = ui.tree().children(static_cast<int>(rows[0] - ui.tree().nodes.data()));
    CHECK(header[0]->role == Role::HeaderCell);
    CHECK(header[0]->name == "mg/kg/day");
    int highlighted = 0;
    for (const auto* row : rows) highlighted += row->highlighted;
    CHECK(highlighted == 1);
    const auto last = ui.tree().children(static_cast<int>(rows.back() - ui.tree().nodes.data()));
    CHECK(last[1]->name == "160 mg");
    CHECK(last.back()->name == "ceiling");
}

// The DOM layer keys its elements by id: a row that keeps its id is updated in place, one whose
// id changed is taken down and built again (and a screen reader reading the table loses its
// place). A line that comes or goes above the ladder must not rename the ladder's rows.
TEST_CASE("a line that comes or goes above a table renames none of its rows or cells") {
    HeadlessUi usual("indication=nomid&weight=20&crcl=90", kTallDesktop);
    // 14.5 kg: the start cannot be measured, so the dose panel adds lines above the ladder.
    HeadlessUi unmeasurable("indication=nomid&weight=14.5&crcl=90", kTallDesktop);
    const auto position = [](const HeadlessUi& ui, const char* id) {
        const auto* n = ui.tree().find(id);
        REQUIRE(n != nullptr);
        return static_cast<int>(n - ui.tree().nodes.data());
    };
    const int usual_ladder = position(usual, "ladder"), unmeasurable_ladder = position(unmeasurable, "ladder");
    REQUIRE_MESSAGE(unmeasurable_ladder > usual_ladder, "the case must add nodes above the ladder");
    const auto ids_under = [](const HeadlessUi& ui, int table) {
        std::vector<std::string> ids;
        for (const auto* row : ui.tree().children(table)) {
            ids.push_back(row->id);
            for (const auto* cell : ui.tree().children(static_cast<int>(row - ui.tree().nodes.data()))) ids.push_back(cell->id);
        }
        return ids;
    };
    const auto usual_ids = ids_under(usual, usual_ladder);
    REQUIRE(usual_ids.size() > 16);
    CHECK(usual_ids == ids_under(unmeasurable, unmeasurable_ladder));
    CHECK(usual_ids[1] == "ladder-h0");
    CHECK(std::find(usual_ids.begin(), usual_ids.end(), "ladder/row2") != usual_ids.end());
    CHECK(std::find(usual_ids.begin(), usual_ids.end(), "ladder/row2/cell1") != usual_ids.end());
    // Made ids stay unique in both trees.
    CHECK_MESSAGE(usual.duplicate_ids().empty(), usual.duplicate_ids());
    CHECK_MESSAGE(unmeasurable.duplicate_ids().empty(), unmeasurable.duplicate_ids());
}

TEST_CASE("the exposure plot is a figure with its data as a table, one row per week") {
    HeadlessUi ui(kFilled, kTallDesktop);
    const auto& figure = node(ui, "exposure");
    CHECK(figure.role == Role::Figure);
    CHECK(figure.rect.h > 50);
    const auto& data = node(ui, "exposure-data");
    CHECK(data.role == Role::Table);
    CHECK(ui.tree().children(static_cast<int>(&data - ui.tree().nodes.data())).size() == 14);  // header + weeks 0..12
}

TEST_CASE("findings are a list of items in words, without internal codes") {
    HeadlessUi ui(kFilled, kTallDesktop);
    const auto& list = node(ui, "check-findings");
    const auto items = ui.tree().children(static_cast<int>(&list - ui.tree().nodes.data()));
    REQUIRE(!items.empty());
    for (const auto* item : items) {
        CHECK(item->role == Role::ListItem);
        CHECK(item->name.find("ABOVE_CEILING") == std::string::npos);
    }
    CHECK(items[0]->name.rfind("Exceeds: ", 0) == 0);
}

TEST_CASE("the reading (and Tab) order follows the layout: down the column, left before right") {
    HeadlessUi ui(kFilled, ImVec2(500, 6000));  // one column
    float last_y = -1;
    for (const auto& n : ui.tree().nodes) {
        if (!is_control(n.role) || n.role == Role::Radio) continue;
        CHECK_MESSAGE(n.rect.y + n.rect.h / 2 >= last_y - 1, n.id);
        last_y = n.rect.y;
    }
}

TEST_CASE("at 320 px every control lies within the width; on a touch screen every control is 44 px tall") {
    HeadlessUi narrow(kFilled, ImVec2(320, 8000));
    for (const auto& n : narrow.tree().nodes)
        if (is_control(n.role)) {
            CHECK_MESSAGE(n.rect.x >= 0, n.id);
            CHECK_MESSAGE(n.rect.x + n.rect.w <= 320.5f, n.id << " ends at " << n.rect.x + n.rect.w);
        }
    HeadlessUi phone(kFilled, ImVec2(390 * 2, 9000 * 2), 2, true);
    for (const auto& n : phone.tree().nodes)
        if (is_control(n.role) && n.role != Role::Radio && n.role != Role::CheckBox) CHECK_MESSAGE(n.rect.h >= 44 - 0.5f, n.id << " " << n.rect.h);
}

TEST_CASE("the DOM's edits: a decimal comma, a renal measure chosen, a press of Clear") {
    HeadlessUi ui("indication=nomid", kTallDesktop);
    ui.set_field("weight", "14,5");
    CHECK(ui.app.summary.find("Weight 14.5 kg") != std::string::npos);
    ui.set_field("renal", "crcl");
    CHECK(ui.tree().find("crcl") != nullptr);
    ui.set_field("crcl", "25");
    CHECK(ui.app.summary.find("CrCl 25 mL/min") != std::string::npos);
    ui.set_field("weight", "20kg");  // kept as typed: the field shows it and names the problem
    CHECK(node(ui, "weight").value == "20kg");
    CHECK(node(ui, "weight").invalid);
    ui.press("clear");
    CHECK(ui.app.inputs.weight.empty());
    CHECK(ui.shows("No patient entered"));
}

TEST_CASE("a weight implausible for the age: no dose until the offered checkbox confirms it") {
    HeadlessUi ui("indication=nomid&weight=145&age=3", kTallDesktop);
    CHECK(node(ui, "weight").invalid);
    CHECK(node(ui, "weight").error.find("plausible") != std::string::npos);
    CHECK(ui.tree().find("ladder") == nullptr);
    const auto& confirm = node(ui, "weight_confirmed");
    CHECK(confirm.role == Role::CheckBox);
    CHECK(confirm.name == "Weight confirmed as correct");
    CHECK_FALSE(confirm.checked);
    ui.set_field("weight_confirmed", "1");
    CHECK_FALSE(node(ui, "weight").invalid);
    CHECK(node(ui, "weight_confirmed").checked);
    CHECK(ui.tree().find("ladder") != nullptr);
    // The confirmation was for 145 kg: another weight must be confirmed again.
    ui.set_field("weight", "154");
    CHECK(node(ui, "weight").invalid);
    CHECK_FALSE(node(ui, "weight_confirmed").checked);
    CHECK(ui.tree().find("ladder") == nullptr);
    // A plausible weight does not offer the checkbox at all.
    HeadlessUi usual("indication=nomid&weight=14&age=3", kTallDesktop);
    CHECK(usual.tree().find("weight_confirmed") == nullptr);
}
