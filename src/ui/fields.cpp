#include "fields.hpp"

#include "drug_data.hpp"
#include "inputs.hpp"
#include "safety_items.hpp"

#include "json_writer.hpp"

namespace ui {

namespace {

// The checkbox label of each safety flag the core knows (core::safety_flag_names()).
std::string flag_label(const std::string& name) {
    static const std::pair<const char*, const char*> labels[] = {
        {"ecoli_hypersensitivity", "E. coli protein hypersensitivity"}, {"active_infection", "Active infection"},
        {"tnf_blocker", "TNF-blocker co-therapy"}, {"live_vaccine_planned", "Live vaccine planned"},
        {"tb_history", "TB history / latent TB"}, {"asthma", "Asthma"}, {"pregnancy", "Pregnancy"},
        {"breastfeeding", "Breastfeeding"}};
    for (const auto& [key, label] : labels)
        if (name == key) return label;
    return name;  // a new flag in the core shows under its name until it gets a label here
}

// The label and unit of each lab value the core knows (core::safety_labs()).
std::pair<std::string, std::string> lab_label(const std::string& name) {
    if (name == "anc_per_mm3") return {"ANC", "/mm\xC2\xB3"};
    if (name == "platelets_per_mm3") return {"Platelets", "/mm\xC2\xB3"};
    if (name == "alt_ast_x_uln") return {"ALT/AST", "\xC3\x97 ULN"};
    return {name, ""};
}

Field member(std::string name, FieldKind kind, std::string label, std::string error_path, std::string Inputs::*m) {
    Field f;
    f.name = std::move(name);
    f.kind = kind;
    f.label = std::move(label);
    f.error_path = std::move(error_path);
    f.member = m;
    return f;
}

Field choice(std::string name, std::string label, std::string error_path, std::string Inputs::*m,
             std::vector<FieldOption> options, std::string default_value) {
    Field f = member(std::move(name), FieldKind::Choice, std::move(label), std::move(error_path), m);
    f.options = std::move(options);
    f.default_value = std::move(default_value);
    return f;
}

Field with_unit(Field f, std::string unit, std::string unit_field = "") {
    f.unit = std::move(unit);
    f.unit_field = std::move(unit_field);
    return f;
}

Field renal(Field f, RenalKind kind) {
    f.group = "renal";
    f.selects_renal = kind;
    return f;
}

Field frequency(Field f, Frequency kind) {
    f.group = "frequency";
    f.selects_frequency = kind;
    return f;
}

std::vector<Field> build_table() {
    using K = FieldKind;
    std::vector<Field> t;
    Field drug = member("drug", K::Identifier, "Drug", "drug", &Inputs::drug);
    drug.default_value = "anakinra";
    t.push_back(drug);
    t.push_back(member("indication", K::Identifier, "Indication", "indication", &Inputs::indication));
    t.push_back(choice("region", "Label", "region", &Inputs::region, {{"us", "US (FDA)"}, {"eu", "EU (EMA)"}}, "us"));
    t.push_back(choice("route", "Route", "route", &Inputs::route, {{"", "not given"}, {"SC", "SC"}, {"IV", "IV"}}, ""));
    t.push_back(with_unit(member("weight", K::Number, "Weight", "patient.weight", &Inputs::weight), "kg", "weight_unit"));
    t.push_back(choice("weight_unit", "Weight unit", "patient.weight", &Inputs::weight_unit, {{"kg", "kg"}, {"lb", "lb"}}, "kg"));
    t.push_back(member("weight_confirmed", K::Flag, "Weight confirmed as correct", "patient.weight_confirmed", &Inputs::weight_confirmed));
    t.push_back(with_unit(member("age", K::Number, "Age", "patient.age", &Inputs::age), "years", "age_unit"));
    t.push_back(choice("age_unit", "Age unit", "patient.age", &Inputs::age_unit, {{"years", "years"}, {"months", "months"}}, "years"));
    t.push_back(choice("sex", "Sex", "patient.sex", &Inputs::sex, {{"", "not given"}, {"female", "female"}, {"male", "male"}}, ""));
    t.push_back(with_unit(member("height_cm", K::Number, "Height", "patient.height_cm", &Inputs::height_cm), "cm"));
    t.push_back(renal(with_unit(member("crcl", K::Number, "CrCl", "patient.renal.crcl_ml_min", &Inputs::crcl), "mL/min"),
                      RenalKind::Crcl));
    t.push_back(renal(with_unit(member("scr", K::Number, "Serum creatinine", "patient.renal.scr", &Inputs::scr), "mg/dL",
                                "scr_unit"),
                      RenalKind::Scr));
    t.push_back(choice("scr_unit", "Creatinine unit", "patient.renal.scr", &Inputs::scr_unit,
                       {{"mg/dL", "mg/dL"}, {"umol/L", "\xC2\xB5mol/L"}}, "mg/dL"));
    Field esrd;
    esrd.name = "esrd";
    esrd.kind = K::Flag;
    esrd.label = "ESRD / dialysis";
    esrd.error_path = "patient.renal";
    esrd.storage = Storage::None;
    t.push_back(renal(esrd, RenalKind::Esrd));
    t.push_back(choice("step", "Step", "escalation_step_mg_per_kg", &Inputs::step, {{"0.5", "0.5 mg/kg"}, {"1", "1 mg/kg"}}, "0.5"));
    t.push_back(with_unit(member("dose_mg", K::Number, "Prescribed dose", "prescribed.dose_mg", &Inputs::dose_mg), "mg"));
    t.push_back(frequency(member("doses_per_day", K::Number, "Doses per day", "prescribed.doses_per_day", &Inputs::doses_per_day),
                          Frequency::PerDay));
    t.push_back(frequency(with_unit(member("every_hours", K::Number, "Every (hours)", "prescribed.every_hours", &Inputs::every_hours), "h"),
                          Frequency::EveryHours));
    // How long the order runs (a course: gout 3 days, a single tocilizumab dose): optional.
    t.push_back(member("total_doses", K::Number, "Number of doses", "prescribed.total_doses", &Inputs::total_doses));
    t.push_back(with_unit(member("course_days", K::Number, "Days of treatment", "prescribed.days", &Inputs::course_days), "days"));
    auto safety_flag = [](const std::string& name, std::string label) {
        Field f;
        f.name = name;
        f.kind = K::Flag;
        f.label = std::move(label);
        f.error_path = "safety." + name;
        f.storage = Storage::SafetyFlag;
        return f;
    };
    for (const auto& name : core::safety_flag_names()) t.push_back(safety_flag(name, flag_label(name)));
    // Labs judged against the on-treatment thresholds (interrupt, stop) rather than the start ones.
    t.push_back(safety_flag("on_treatment", "Already on treatment"));
    for (const auto& lab : core::safety_labs()) {
        const std::string& name = lab.id;
        const auto [label, unit] = lab_label(name);
        Field f;
        f.name = name;
        f.kind = K::Number;
        f.label = label;
        f.unit = unit;
        f.error_path = "safety." + name;
        f.storage = Storage::Lab;
        t.push_back(f);
    }
    t.push_back(member("start_date", K::Date, "Start date", "safety.start_date", &Inputs::start_date));
    // Practice mode (README "Teaching mode"): the mode, a built-in case, the questions asked, the
    // student's answers (one per asked quantity, in ask= order) and whether they were checked.
    auto practice = [](Field f) {
        f.practice = true;
        return f;
    };
    t.push_back(practice(choice("mode", "Mode", "mode", &Inputs::mode, {{"", "clinical"}, {"practice", "practice"}}, "")));
    t.push_back(practice(member("case", K::Identifier, "Teaching case", "case", &Inputs::case_id)));
    t.push_back(practice(member("ask", K::List, "Questions", "ask", &Inputs::ask)));
    for (int i = 0; i < static_cast<int>(StateLimits::max_asked); ++i) {
        Field f;
        f.name = "answer_" + std::to_string(i + 1);
        f.kind = K::Answer;
        f.label = "Your answer " + std::to_string(i + 1);
        f.error_path = f.name;
        f.storage = Storage::Answer;
        f.answer_index = i;
        t.push_back(practice(f));
    }
    t.push_back(practice(member("checked", K::Flag, "Answers checked", "checked", &Inputs::checked)));
    for (const char* page : {"embed", "parent_origin"}) {
        Field f;
        f.name = page;
        f.kind = K::Page;
        f.label = page;
        f.storage = Storage::None;
        t.push_back(f);
    }
    return t;
}

}  // namespace

std::string_view to_string(FieldKind kind) {
    switch (kind) {
        case FieldKind::Choice: return "choice";
        case FieldKind::Identifier: return "identifier";
        case FieldKind::Number: return "number";
        case FieldKind::Date: return "date";
        case FieldKind::Flag: return "flag";
        case FieldKind::List: return "list";
        case FieldKind::Answer: return "answer";
        case FieldKind::Page: return "page";
    }
    return "page";
}

const std::vector<Field>& input_fields() {
    static const std::vector<Field> table = build_table();
    return table;
}

const Field* find_field(std::string_view name) {
    for (const auto& f : input_fields())
        if (f.name == name) return &f;
    return nullptr;
}

const Field& field(std::string_view name) {
    static const Field inert = [] {
        Field f;
        f.kind = FieldKind::Page;
        f.storage = Storage::None;
        return f;
    }();
    const Field* f = find_field(name);
    return f != nullptr ? *f : inert;
}

bool typed_char_allowed(FieldKind kind, char32_t c) {
    const bool digit = c >= '0' && c <= '9';
    switch (kind) {
        case FieldKind::Number: return digit || c == '.' || c == ',' || c == '+' || c == '-';
        case FieldKind::Date: return digit || c == '-';
        case FieldKind::Identifier: return digit || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
        case FieldKind::List: return digit || (c >= 'a' && c <= 'z') || c == '_' || c == '.' || c == ',' || c == '-';
        case FieldKind::Answer:
            return digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == ',' || c == '/' ||
                   c == '-' || c == '+';
        default: return false;
    }
}

bool is_unit_of_another(const Field& f) {
    for (const auto& g : input_fields())
        if (g.unit_field == f.name) return true;
    return false;
}

std::string option_label(const Field& f, const std::string& value) {
    for (const auto& o : f.options)
        if (o.value == value) return o.label;
    return value;
}

std::string fields_json() {
    core::JsonWriter j;
    j.begin_object().key("limits").begin_object();
    j.member("max_params", StateLimits::max_params)
        .member("max_name_bytes", StateLimits::max_name_bytes)
        .member("max_value_bytes", StateLimits::max_value_bytes)
        .member("max_state_bytes", StateLimits::max_state_bytes)
        .member("max_request_bytes", StateLimits::max_request_bytes)
        .member("max_paste_bytes", StateLimits::max_paste_bytes);
    j.end_object().key("fields").begin_array();
    for (const auto& f : input_fields()) {
        j.begin_object().member("name", f.name).member("kind", to_string(f.kind)).member("label", f.label);
        if (!f.unit.empty()) j.member("unit", f.unit);
        if (!f.unit_field.empty()) j.member("unit_field", f.unit_field);
        if (!f.options.empty()) {
            j.key("options").begin_array();
            for (const auto& o : f.options) j.begin_object().member("value", o.value).member("label", o.label).end_object();
            j.end_array();
        }
        if (!f.default_value.empty()) j.member("default", f.default_value);
        if (!f.group.empty()) j.member("group", f.group);
        j.end_object();
    }
    j.end_array().end_object();
    return j.take();
}

}  // namespace ui
