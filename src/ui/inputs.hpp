// The one input model: everything the person has entered, kept as text so a bad value stays
// visible next to its field (never silently replaced), with one serialisation (URL-style
// parameters, in the order of fields.hpp) that the URL fragment, local storage, Share link,
// Copy, Print and Export all use, and its translation into the request the core judges.
// Every way in (a link, a host page's message, storage, a field edited on the page) goes
// through set_field(). No doses are computed here.
#pragma once
#include "fields.hpp"
#include "request.hpp"
#include "response.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {
struct DrugDb;
}

namespace ui {

struct Inputs {
    Inputs();  // a blank form: every field at its default, no patient
    std::string drug, indication, region, route;
    std::string weight, weight_unit;
    // "1": the weight is confirmed as correct although implausible for the age (the core
    // refuses such a weight otherwise).
    std::string weight_confirmed;
    std::string age, age_unit;
    std::string sex;  // "", "female", "male"
    std::string height_cm;
    RenalKind renal = RenalKind::None;
    std::string crcl, scr, scr_unit;
    std::string step;
    std::string dose_mg;  // empty: no order to check
    Frequency frequency = Frequency::PerDay;
    std::string doses_per_day, every_hours;
    std::string total_doses, course_days;       // how long the order runs (optional)
    std::map<std::string, bool> safety_flags;   // core::safety_flag_names()
    std::map<std::string, std::string> labs;    // core::safety_labs() ids, as typed
    std::string start_date;
    // Practice mode: "practice" or "" (the clinical widget), a built-in case id, the asked
    // quantities ("ceiling_mg_per_day,interval_hours"), the answers as typed, "1" once checked.
    std::string mode, case_id, ask;
    std::array<std::string, StateLimits::max_asked> answers;
    std::string checked;
    // Values refused on the way in (field or group name -> message for the person). While any
    // is here no dose is shown; editing that field (touch_field) or setting it again clears it.
    std::map<std::string, std::string> problems;
};

using Params = std::vector<std::pair<std::string, std::string>>;

// The text a typed field (Number, Date, Identifier, Choice) edits; nullptr for flags.
std::string* editable_text(Inputs& inputs, const Field& f);

// --- the serialisation --------------------------------------------------------------------
// The field's value as serialised, or nothing when it is not part of the state (blank, or an
// alternative not chosen, such as CrCl when creatinine is the renal measure).
std::optional<std::string> field_value(const Inputs& inputs, const Field& f);
Params params_from_inputs(const Inputs& inputs);   // every non-blank field, in table order
std::string state_string(const Inputs& inputs);    // "indication=nomid&weight=20"
bool is_blank(const Inputs& inputs);               // no patient entered (practice fields aside) and nothing refused

std::string query_string(const Params& params);         // "a=1&b=x%20y"
Params parse_query_string(std::string_view query);      // a leading '?' or '#' is skipped

// --- the ways in ----------------------------------------------------------------------------
enum class SetOutcome { Set, Refused, Unknown, Page };
// Sets one field from outside text: cleaned (text_safety.hpp), held to its kind's characters
// and options and to StateLimits::max_value_bytes. A value that fails is not kept: the field
// goes back to its default and problems[name] says why.
SetOutcome set_field(Inputs& inputs, std::string_view name, std::string_view value);
// A field edited on the page (the semantics layer's controls): like set_field, but a typed
// number or date keeps what was typed even where it is not a number yet ("20kg"), so the field
// shows it and the core's error names it; "renal" and "frequency" choose the renal measure and
// the order's frequency (values as renal_choice and frequency_choice give them).
SetOutcome edit_field(Inputs& inputs, std::string_view name, std::string_view value);
// Ends practice mode: the mode, case, questions, answers and the check are cleared; the
// patient and the order stay (README "Teaching mode").
void end_practice(Inputs& inputs);
// The values of the renal and frequency choices: "", "crcl", "scr", "esrd"; "per_day", "every_hours".
// What a person calls the input an error path names: the label of the field it belongs to
// ("Weight" for patient.weight, also for patient.weight.value), or the labels of a group's
// fields ("Doses per day, Every (hours)" for prescribed); never the internal path.
std::string error_subject(std::string_view path);
// An error as a line: "Step: ..." when the message does not already start with the field's name.
std::string error_line(std::string_view path, const std::string& message);

std::string_view renal_choice(RenalKind kind);
std::string_view frequency_choice(Frequency frequency);

// The person edited this field (or group) on the page: its refusal no longer applies.
void touch_field(Inputs& inputs, std::string_view name_or_group);

struct LinkReport {
    std::size_t unknown = 0;  // parameter names the widget does not know: counted, never shown
    std::string refused;      // why nothing at all was read (too long, too many parameters)
    std::size_t replaced = 0; // patient inputs a teaching case replaced (practice_mode.hpp expand_case)
};
struct FromParams {
    Inputs inputs;
    LinkReport report;
};
// A blank form filled from parameters. A name given twice, or two alternatives of one group
// (crcl and scr), is refused with a problem naming the field, never settled by guessing.
FromParams inputs_from_params(const Params& params);
// The same from a fragment or query string, bounded by StateLimits.
FromParams inputs_from_state(std::string_view state);
// Which of these parameters say how the page runs (embed, parent_origin): they stay in the query.
Params page_params(const Params& params);
bool has_input_params(const Params& params);

// --- the request ------------------------------------------------------------------------------
// A typed decimal: "14,5" and "14.5" are 14.5; "1,234" (a thousands separator or a decimal?)
// and "1.234,5" are refused with a message; anything else that is not a plain decimal gives
// neither value nor error, and the core names the field.
struct DecimalRead {
    std::optional<double> value;
    std::string error;
};
DecimalRead read_decimal(std::string_view text);

struct BuiltRequest {
    nlohmann::json request;
    std::vector<core::FieldError> errors;  // the model's own: refusals, missing, ambiguous decimals
};
BuiltRequest build_request(const Inputs& inputs);

// The core's response to these inputs, with the model's errors first: any of them means no dose.
core::Response response_for(const Inputs& inputs, const core::DrugDb& db);

}  // namespace ui
