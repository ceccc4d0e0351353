// The widget's panels, one function each, grouped in files by what the clinician does:
// panel_patient.cpp (patient, indication), panel_dose.cpp (dose ladder, dose check),
// panel_safety.cpp, panel_compare.cpp, panel_output.cpp (sources, output buttons).
// Each draws with the widget helpers (widgets.hpp), so every control it shows is in the
// semantics tree, and takes each input's label, unit and options from the field table.
#pragma once
#include "app.hpp"
#include "step.hpp"

#include <initializer_list>
#include <string>

namespace ui {

void patient_panel(App& app);
void indication_panel(App& app, const core::DrugDb& db);
void dose_panel(App& app);
void check_panel(App& app);
void safety_panel(App& app);
void compare_panel(App& app, const Services& services);
void sources_panel(App& app, const core::DrugDb& db);
// Returns true when a button changed the inputs (Clear).
bool output_panel(App& app, const Services& services);
// Practice mode (panel_practice.cpp): the case, the answer fields and Check; after Check the
// marks, the learning point and the worked steps. Returns true when a button changed the inputs.
bool practice_panel(App& app, const core::DrugDb& db);

// "Show the arithmetic (<panel>)": a button that shows or hides the response's steps for one
// panel, each with its rule's source. Nothing when the response has no steps for it.
void arithmetic(App& app, core::StepPanel panel);
// The steps of one panel as a list (the arithmetic, and practice mode's worked steps), its id
// `id_prefix` + the panel's name: a checked practice case draws both, and the DOM layer keys
// its elements by id.
void steps_list(App& app, core::StepPanel panel, std::string_view id_prefix);

// An input of the field table (fields.hpp) as a control, with its label, unit and error.
void input_text(App& app, const char* name, float width_em = 6);
void input_choice(App& app, const char* name, float width_em, bool show_label = true, const Options& options = {});
void input_radios(App& app, const char* name);

// The response's errors for these request fields (a field's path or below), joined; none on a
// blank form (it asks for the patient once, at the top).
std::string field_errors(const App& app, std::initializer_list<std::string> fields);
// "5 mg", "0.67 mL": the one way panels write doses and volumes.
std::string mg(double value);
std::string ml(double value);
// A finding's severity as a tone, a symbol and the word that leads its line ("Caution: ").
Tone severity_tone(core::Severity severity);
Tone verdict_tone(core::Verdict verdict);
const char* severity_symbol(core::Severity severity);
const char* verdict_symbol(core::Verdict verdict);
std::string severity_word(core::Severity severity);
// Where a rule comes from, in words: "US label 2.2 [S3, S7]", marked when unverified.
std::string source_words(const core::Source& source);
// A list of findings, each with its source underneath.
void findings_list(App& app, const char* id, const std::string& name, const std::vector<core::Finding>& findings);

}  // namespace ui
