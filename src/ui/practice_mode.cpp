#include "practice_mode.hpp"

#include "fields.hpp"
#include "step.hpp"

#include <nlohmann/json.hpp>

namespace ui {

namespace {

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        if (end > start) out.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string panel_title(core::StepPanel panel) {
    switch (panel) {
        case core::StepPanel::Patient: return "Patient and renal function";
        case core::StepPanel::Dose: return "Dose and escalation";
        case core::StepPanel::Check: return "Check of the prescribed dose";
        case core::StepPanel::Compare: return "Comparators";
    }
    return "";
}

}  // namespace

bool practice_mode(const Inputs& in) { return in.mode == "practice"; }

bool answers_hidden(const Inputs& in) { return practice_mode(in) && in.checked != "1"; }

PracticeView practice_view(const Inputs& in, const core::TeachingSet& teaching) {
    PracticeView view;
    if (!in.case_id.empty()) {
        view.teaching_case = teaching.find(in.case_id);
        if (view.teaching_case == nullptr) view.problem = "The link names a teaching case this version of the widget does not have.";
    }
    int unknown = 0;
    for (const auto& id : split_list(in.ask)) {
        const core::PracticeQuantity* q = teaching.quantity(id);
        if (q == nullptr) ++unknown;
        else if (view.asked.size() < StateLimits::max_asked) view.asked.push_back(q);
    }
    if (unknown > 0)
        view.problem += (view.problem.empty() ? "" : " ") + std::to_string(unknown) +
                        (unknown == 1 ? " question asks for a quantity" : " questions ask for quantities") +
                        " this widget does not know; they were left out.";
    if (view.asked.empty() && view.problem.empty())
        view.problem = "No question: the link gives no ask= list and no built-in case.";
    return view;
}

bool apply_case(Inputs& in, const core::TeachingSet& teaching) {
    const core::TeachingCase* c = teaching.find(in.case_id);
    if (c == nullptr) return false;
    Inputs next;
    for (const auto& f : input_fields())
        if (f.practice)
            if (std::string* text = editable_text(next, f)) *text = *editable_text(in, f);
    for (const auto& [name, value] : c->inputs) set_field(next, name, value);
    if (next.ask.empty()) {
        for (const auto& q : c->ask) next.ask += (next.ask.empty() ? "" : ",") + q;
    }
    in = std::move(next);
    return true;
}

std::vector<core::Mark> practice_marks(const Inputs& in, const core::Response& r, const PracticeView& view) {
    std::vector<core::Mark> marks;
    for (std::size_t i = 0; i < view.asked.size(); ++i) marks.push_back(core::mark_answer(*view.asked[i], in.answers[i], r));
    return marks;
}

std::string hidden_result_json(const Inputs& in, const core::Response& r) {
    nlohmann::ordered_json j;
    j["data_version"] = r.data_version;
    j["practice"] = {{"case", in.case_id}, {"answers_hidden", true}};
    return j.dump();
}

std::string practice_message_json(const Inputs& in, const std::vector<core::Mark>& marks) {
    nlohmann::ordered_json j;
    j["case"] = in.case_id;
    j["answers"] = nlohmann::ordered_json::array();
    int right = 0;
    for (const auto& m : marks) {
        j["answers"].push_back({{"quantity", m.quantity}, {"status", core::to_string(m.status)},
                                {"right", m.status == core::MarkStatus::Right}});
        if (m.status == core::MarkStatus::Right) ++right;
    }
    j["right"] = right;
    j["asked"] = marks.size();
    return j.dump();
}

std::string hidden_summary(const Inputs& in, const PracticeView& view) {
    std::string out = "Practice case";
    if (view.teaching_case != nullptr) out += ": " + view.teaching_case->title;
    out += ". The answers are hidden until you press Check.";
    for (const auto& line : case_lines(in)) out += "\n" + line;
    return out;
}

std::vector<std::string> case_lines(const Inputs& in, const std::string& indication_name) {
    std::vector<std::string> lines;
    for (const auto& f : input_fields()) {
        if (f.kind == FieldKind::Page || f.practice) continue;
        const auto value = field_value(in, f);
        if (!value) continue;
        // A unit chosen in its own field is read with its value (weight: 14.5 kg).
        bool unit_of_another = false;
        for (const auto& g : input_fields()) unit_of_another = unit_of_another || g.unit_field == f.name;
        if (unit_of_another) continue;
        std::string unit = f.unit;
        if (!f.unit_field.empty()) {
            const Field& u = field(f.unit_field);
            unit = option_label(u, field_value(in, u).value_or(u.default_value));
        }
        std::string shown = f.kind == FieldKind::Choice ? option_label(f, *value) : f.kind == FieldKind::Flag ? "yes" : *value;
        if (f.name == "indication" && !indication_name.empty()) shown = indication_name;
        lines.push_back(f.label + ": " + shown + (unit.empty() || f.kind == FieldKind::Flag ? "" : " " + unit));
    }
    return lines;
}

std::string step_line(const core::Step& s) { return s.text + (s.source.section.empty() ? "" : " [" + s.source.section + "]"); }

std::string working_text(const core::Response& r) {
    if (!r.ok || r.steps.empty()) return {};
    std::string out = "Working (each number's arithmetic):";
    for (core::StepPanel panel : core::kStepPanels) {
        bool titled = false;
        for (const auto& s : r.steps) {
            if (s.panel != panel) continue;
            if (!titled) out += "\n" + panel_title(panel) + ":";
            titled = true;
            out += "\n- " + step_line(s);
        }
    }
    return out;
}

}  // namespace ui
