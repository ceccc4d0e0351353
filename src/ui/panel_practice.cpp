// Practice mode's panel (README "Teaching mode"): the case as the student reads it, one
// "Your answer: ..." field per asked quantity and Check; after Check each answer marked right or
// wrong with its feedback, the learning point and the worked steps with their sources. Every
// other panel stays undrawn until Check (app.cpp), so no computed number is on the canvas or in
// the DOM before then.
#include "numbers.hpp"
#include "panels.hpp"
#include "practice_mode.hpp"

namespace ui {

namespace {

// The verdict list: the core's verdict names, after "choose...".
Options verdict_options() {
    Options out = {{"", "choose..."}};
    for (core::Verdict v : core::kVerdicts) out.emplace_back(std::string(core::to_string(v)), std::string(core::to_string(v)));
    return out;
}

Tone mark_tone(core::MarkStatus status) {
    switch (status) {
        case core::MarkStatus::Right: return Tone::Ok;
        case core::MarkStatus::Wrong:
        case core::MarkStatus::Unreadable: return Tone::Exceeds;
        case core::MarkStatus::Unanswered: return Tone::Caution;
        case core::MarkStatus::NotApplicable: return Tone::Muted;
    }
    return Tone::Normal;
}

const char* mark_symbol(core::MarkStatus status) {
    switch (status) {
        case core::MarkStatus::Right: return verdict_symbol(core::Verdict::Ok);
        case core::MarkStatus::Wrong:
        case core::MarkStatus::Unreadable: return severity_symbol(core::Severity::Exceeds);
        case core::MarkStatus::Unanswered: return severity_symbol(core::Severity::Caution);
        case core::MarkStatus::NotApplicable: return severity_symbol(core::Severity::Info);
    }
    return "";
}

std::string mark_word(core::MarkStatus status) {
    switch (status) {
        case core::MarkStatus::Right: return "Right. ";
        case core::MarkStatus::Wrong: return "Wrong. ";
        case core::MarkStatus::Unreadable: return "Not read. ";
        case core::MarkStatus::Unanswered: return "Not answered. ";
        case core::MarkStatus::NotApplicable: return "";
    }
    return "";
}

}  // namespace

bool practice_panel(App& app, const core::DrugDb& db) {
    Ui& ui = app.ui;
    Inputs& in = app.inputs;
    const auto& r = app.response;
    const PracticeView view = practice_view(in, db.teaching);
    const bool hidden = answers_hidden(in);
    heading(ui, "practice-heading", view.teaching_case != nullptr ? "Practice: " + view.teaching_case->title : "Practice case");
    if (!view.problem.empty()) text(ui, view.problem, Tone::Caution, severity_symbol(core::Severity::Caution));
    heading(ui, "practice-case-heading", "The patient and the order", 3);
    for (const auto& line : case_lines(in, r.ok ? r.indication.name : std::string())) text(ui, line);
    if (!r.ok && !is_blank(in)) {
        text(ui, "This case cannot be worked: the input needs correcting.", Tone::Exceeds, severity_symbol(core::Severity::Exceeds));
        for (const auto& e : r.errors) text(ui, error_line(e.field, e.message), Tone::Exceeds);
    }
    if (view.asked.empty()) return false;
    heading(ui, "practice-answers-heading", "Your answers", 3);
    bool changed = false;
    if (hidden) {
        text(ui, "Work each answer out, type it, then press Check. The answers stay hidden until then.", Tone::Muted);
        const bool labels_above = ui.labels_above;
        ui.labels_above = true;  // "Your answer: ..." labels are longer than the label column
        for (const auto& question : view.asked) {
            const core::PracticeQuantity& q = *question.quantity;
            const std::size_t i = question.slot;
            const Field& f = field("answer_" + std::to_string(i + 1));
            const std::string label = "Your answer: " + q.label;
            if (q.answer == core::AnswerKind::Verdict) {
                choice(ui, {.id = f.name.c_str(), .label = label.c_str(), .width_em = 10.8f}, in.answers[i], verdict_options());
            } else {
                text_field(ui, {.id = f.name.c_str(), .label = label.c_str(), .unit = q.unit.c_str(), .width_em = 6}, in.answers[i],
                           {});
            }
            end_field_row(ui);
            if (q.tolerance > 0) text(ui, "Marked right within \xC2\xB1" + core::format_number(q.tolerance, 6) + " " + q.unit + ": " +
                                              q.tolerance_note + ".", Tone::Muted);
        }
        ui.labels_above = labels_above;
        if (button(ui, "check_answers", "Check")) {
            in.checked = "1";
            app.check_pressed = true;
            changed = true;
        }
        return changed;
    }
    const std::vector<core::Mark> marks = practice_marks(in, r, view);
    int right = 0, answerable = 0;
    for (const auto& m : marks) {
        right += m.status == core::MarkStatus::Right ? 1 : 0;
        answerable += m.status == core::MarkStatus::NotApplicable ? 0 : 1;
    }
    text(ui, std::to_string(right) + " of " + std::to_string(answerable) + " right.");
    begin_list(ui, "practice-marks", "Your answers, marked");
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const core::Mark& m = marks[i];
        const core::PracticeQuantity& q = *view.asked[i].quantity;
        const std::string& typed = in.answers[view.asked[i].slot];
        // The answer is the student's (or a link's) text: quoted, so it never reads as ours.
        const std::string answered = typed.empty() ? "no answer given. " : "you answered \"" + typed + "\". ";
        list_item(ui, mark_symbol(m.status), q.label + ": " + answered + mark_word(m.status) + m.feedback,
                  mark_tone(m.status), m.step != nullptr ? step_line(app.response, *m.step) : std::string());
    }
    end_list(ui);
    if (view.teaching_case != nullptr) {
        heading(ui, "practice-point-heading", "Learning point", 3);
        text(ui, view.teaching_case->learning_point);
        text(ui, "Rule: " + source_words(view.teaching_case->source), Tone::Muted);
    }
    heading(ui, "practice-steps-heading", "The worked steps", 3);
    for (core::StepPanel panel : core::kStepPanels) steps_list(app, panel, "practice-steps-");
    if (button(ui, "try_again", "Try again")) {
        for (auto& a : in.answers) a.clear();
        in.checked.clear();
        changed = true;
    }
    text(ui, "The full result for this case follows.", Tone::Muted);
    return changed;
}

}  // namespace ui
