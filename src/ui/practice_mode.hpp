// Practice mode's text layer (no ImGui): which case and questions the inputs hold, applying a
// built-in case, the marks for the typed answers, what may leave the widget while the answers
// are hidden, and the worked steps in words for the record and print. README "Teaching mode".
#pragma once
#include "inputs.hpp"
#include "practice.hpp"
#include "response.hpp"
#include "teaching.hpp"

#include <string>
#include <vector>

namespace ui {

bool practice_mode(const Inputs& inputs);
// Practice mode before Check: every computed number stays hidden (canvas, DOM, summary, messages).
bool answers_hidden(const Inputs& inputs);

// One question: its place in ask= (its answer is answer_<slot + 1>) and what it asks.
struct Question {
    std::size_t slot = 0;
    const core::PracticeQuantity* quantity = nullptr;
};
struct PracticeView {
    const core::TeachingCase* teaching_case = nullptr;   // the built-in case, if one is named and known
    std::vector<Question> asked;                         // known quantities, in ask= order
    std::string problem;  // why a question or the case cannot be used (never echoes link text)
};
PracticeView practice_view(const Inputs& inputs, const core::TeachingSet& teaching);

// Puts a built-in case's patient and order into the inputs (from a blank form; the practice
// fields are kept) and its questions when the link asks none. False when the case is unknown.
bool apply_case(Inputs& inputs, const core::TeachingSet& teaching);
// Where inputs arrive from outside (a link, a host's set-inputs, the headless tests): in
// practice mode a named case is expanded into its inputs once, and the patient inputs it
// replaced are counted in the report. The expanded state is what the fragment then holds.
void expand_case(FromParams& arrived, const core::TeachingSet& teaching);

// One mark per asked quantity, answer_i against the response.
std::vector<core::Mark> practice_marks(const Inputs& inputs, const core::Response& response, const PracticeView& view);

// What the host page hears while answers are hidden, in place of the response: no number.
std::string hidden_result_json(const Inputs& inputs, const core::Response& response);
// dosechecker:practice's payload: the case and which answers were right.
std::string practice_message_json(const Inputs& inputs, const std::vector<core::Mark>& marks);
// The record and the live region's brief while answers are hidden.
std::string hidden_summary(const Inputs& inputs, const PracticeView& view);

// The case as the student reads it: "Weight: 14.5 kg" lines from the inputs (no computed number).
// `indication_name`: the use's name from the response, shown in place of its id when known.
std::vector<std::string> case_lines(const Inputs& inputs, const std::string& indication_name = "");

// A panel's steps in words: "dose" (for "Show the arithmetic (dose)") and its title.
std::string panel_word(core::StepPanel panel);
std::string panel_title(core::StepPanel panel);

// A step's line with its source: "Ceiling: 8 mg/kg/day x 14.5 kg = 116 mg/day [US label 2.2]".
std::string step_line(const core::Response& response, const core::Step& step);
// Every step of the response, by panel, for the printed record.
std::string working_text(const core::Response& response);

}  // namespace ui
