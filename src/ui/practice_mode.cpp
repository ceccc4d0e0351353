#include "practice_mode.hpp"

#include "fields.hpp"
#include "step.hpp"

#include "json_writer.hpp"

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

}  // namespace

std::string panel_word(core::StepPanel panel) {
    switch (panel) {
        case core::StepPanel::Patient: return "patient";
        case core::StepPanel::Dose: return "dose";
        case core::StepPanel::Check: return "check";
        case core::StepPanel::Compare: return "comparators";
    }
    return "";
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

bool practice_mode(const Inputs& in) { return in.mode == "practice"; }

bool answers_hidden(const Inputs& in) { return practice_mode(in) && in.checked != "1"; }

PracticeView practice_view(const Inputs& in, const core::TeachingSet& teaching) {
    PracticeView view;
    if (!in.case_id.empty()) {
        view.teaching_case = teaching.find(in.case_id);
        if (view.teaching_case == nullptr) view.problem = "The link names a teaching case this version of the widget does not have.";
    }
    int unknown = 0;
    const std::vector<std::string> ids = split_list(in.ask);
    for (std::size_t slot = 0; slot < ids.size() && slot < StateLimits::max_asked; ++slot) {
        const core::PracticeQuantity* q = teaching.quantity(ids[slot]);
        if (q == nullptr) ++unknown;
        else view.asked.push_back({slot, q});
    }
    // Each problem is a sentence of its own after the ones before.
    const auto add_problem = [&view](const std::string& sentence) {
        if (!view.problem.empty()) view.problem += ' ';
        view.problem += sentence;
    };
    if (unknown > 0)
        add_problem(std::to_string(unknown) + (unknown == 1 ? " question asks for a quantity" : " questions ask for quantities") +
                    " this widget does not know; they were left out.");
    if (ids.size() > StateLimits::max_asked)
        add_problem("Only the first " + std::to_string(StateLimits::max_asked) + " questions are asked; " +
                    std::to_string(ids.size() - StateLimits::max_asked) + " more were left out.");
    if (view.asked.empty() && view.problem.empty())
        view.problem = "No question: the link gives no ask= list and no built-in case.";
    return view;
}

bool apply_case(Inputs& in, const core::TeachingSet& teaching) {
    const core::TeachingCase* c = teaching.find(in.case_id);
    if (c == nullptr) return false;
    Inputs next;
    for (const auto& f : input_fields()) {
        if (!f.practice) continue;
        if (std::string* text = editable_text(next, f)) *text = *editable_text(in, f);
        // A refused answer or question stays refused (and said so); the patient's refusals go
        // with the patient the case replaces.
        if (const auto it = in.problems.find(f.name); it != in.problems.end()) next.problems.insert(*it);
    }
    for (const auto& [name, value] : c->inputs) set_field(next, name, value);
    if (next.ask.empty()) {
        for (const auto& q : c->ask) next.ask += (next.ask.empty() ? "" : ",") + q;
    }
    in = std::move(next);
    return true;
}

void expand_case(FromParams& arrived, const core::TeachingSet& teaching) {
    Inputs& in = arrived.inputs;
    if (!practice_mode(in) || in.case_id.empty() || teaching.find(in.case_id) == nullptr) return;
    const Inputs before = in;
    apply_case(in, teaching);
    // What the link gave beside the case and the case replaced: counted, never named.
    std::size_t replaced = 0;
    for (const auto& f : input_fields())
        if (!f.practice && field_value(before, f) && field_value(before, f) != field_value(in, f)) ++replaced;
    arrived.report.replaced = replaced;
}

std::vector<core::Mark> practice_marks(const Inputs& in, const core::Response& r, const PracticeView& view) {
    std::vector<core::Mark> marks;
    for (const auto& q : view.asked) marks.push_back(core::mark_answer(*q.quantity, in.answers[q.slot], r));
    return marks;
}

std::string hidden_result_json(const Inputs& in, const core::Response& r) {
    core::JsonWriter j;
    j.begin_object().member("data_version", r.data_version).key("practice").begin_object();
    j.member("case", in.case_id).member("answers_hidden", true).end_object().end_object();
    return j.take();
}

std::string practice_message_json(const Inputs& in, const std::vector<core::Mark>& marks) {
    core::JsonWriter j;
    j.begin_object().member("case", in.case_id).key("answers").begin_array();
    int right = 0, asked = 0;
    for (const auto& m : marks) {
        if (m.status != core::MarkStatus::NotApplicable) ++asked;
        j.begin_object().member("quantity", m.quantity).member("status", core::to_string(m.status));
        j.member("right", m.status == core::MarkStatus::Right).end_object();
        if (m.status == core::MarkStatus::Right) ++right;
    }
    j.end_array().member("right", right).member("asked", asked);  // asked: questions this case can answer
    j.end_object();
    return j.take();
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
        // A unit chosen in its own field is read with its value (weight: 14.5 kg).
        if (f.kind == FieldKind::Page || f.practice || is_unit_of_another(f)) continue;
        const auto value = field_value(in, f);
        if (!value) continue;
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

std::string step_line(const core::Response& r, const core::Step& s) {
    const std::string& section = core::source_of(r, s).section;
    return std::string(core::text_of(r, s)) + (section.empty() ? "" : " [" + section + "]");
}

std::string working_text(const core::Response& r) {
    if (!r.ok || r.steps.empty()) return {};
    std::string out = "Working (each number's arithmetic):";
    for (core::StepPanel panel : core::kStepPanels) {
        bool titled = false;
        for (const auto& s : r.steps) {
            if (s.panel != panel) continue;
            if (!titled) out.append("\n").append(panel_title(panel)).append(":");
            titled = true;
            out += "\n- " + step_line(r, s);
        }
    }
    return out;
}

}  // namespace ui
