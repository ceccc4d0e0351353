// The one declaration of every input the widget holds: its URL parameter name (a stable
// interface, README "Page contract"), kind, label, unit, allowed values and where the core
// reports its errors. The input model (inputs.hpp), the summary, the panels and the page's
// JavaScript (through fields_json(), exported by the module) all read this table; nothing
// else lists the fields.
#pragma once
#include "teaching.hpp"
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

struct Inputs;

enum class RenalKind { None, Crcl, Scr, Esrd };
enum class Frequency { PerDay, EveryHours };

enum class FieldKind {
    Choice,      // one of `options`
    Identifier,  // an id checked against the data by the core: [a-z0-9_], at most 32
    Number,      // a decimal as typed: digits, '.', ',' (a decimal comma), '+', '-'
    Date,        // YYYY-MM-DD as typed: digits and '-'
    Flag,        // yes (1) or no (0)
    List,        // ids separated by commas (practice mode's ask=): [a-z0-9_.,-]
    Answer,      // a student's answer as typed: digits, letters, spaces, '.', ',', '/', '-', '+'
    Page,        // how the page runs (embed, parent_origin): read by the page, never an input
};
std::string_view to_string(FieldKind kind);

// Where a field's value lives in Inputs.
enum class Storage { Member, Lab, SafetyFlag, Answer, None };

struct FieldOption {
    std::string value, label;
};

struct Field {
    std::string name;                  // URL parameter
    FieldKind kind = FieldKind::Number;
    std::string label;                 // as the widget shows it
    std::string unit;                  // shown after the value; see unit_field
    std::string unit_field;            // the field that holds this value's unit, if any
    std::vector<FieldOption> options;  // Choice: every allowed value (with "" where "not given" is allowed)
    std::string default_value;         // what a blank form holds; never serialised
    std::string error_path;            // the request path the core names in its errors
    std::string group;                 // "renal" / "frequency": alternatives, at most one in a link
    std::optional<RenalKind> selects_renal;        // setting this field chooses the renal measure
    std::optional<Frequency> selects_frequency;    // ... or the order's frequency
    Storage storage = Storage::Member;
    std::string Inputs::*member = nullptr;          // Storage::Member
    bool practice = false;                          // practice mode's own (mode, case, ask, answers, checked)
    int answer_index = -1;                          // Storage::Answer: which asked quantity (0-based)
};

// What crosses into the module from outside, at most (README "Page contract").
struct StateLimits {
    static constexpr std::size_t max_asked = core::kMaxPracticeQuestions;  // practice questions (answer_1..)
    static constexpr std::size_t max_params = 48;           // parameters in a link or a set-inputs message
    static constexpr std::size_t max_name_bytes = 32;       // a parameter name
    static constexpr std::size_t max_value_bytes = 64;      // a parameter value (and a text field)
    static constexpr std::size_t max_state_bytes = 8 * 1024;       // a link's fragment or query
    static constexpr std::size_t max_request_bytes = 256 * 1024;   // doseChecker.compute()
    static constexpr std::size_t max_paste_bytes = 1024;           // a paste into the canvas
};

const std::vector<Field>& input_fields();  // in serialisation order, page parameters last
const Field* find_field(std::string_view name);
// A name this program declares; an unknown name gives an inert Page field (the unit tests check
// every name the widget uses).
const Field& field(std::string_view name);

// Whether typing may put this character into a field of this kind (the panels' filter). A link
// is held to the same characters, so what a link can carry is what a person can type.
bool typed_char_allowed(FieldKind kind, char32_t c);
// Whether this field is another field's unit (weight_unit for weight): it is read with that value.
bool is_unit_of_another(const Field& f);
// The option's label for a value ("us" -> "US (FDA)"); the value itself when it has none.
std::string option_label(const Field& f, const std::string& value);

// The table and the limits as JSON, for the page's JavaScript (window.doseChecker.fields).
std::string fields_json();

}  // namespace ui
