#include "inputs.hpp"

#include "drug_data.hpp"
#include "evaluate.hpp"
#include "text_safety.hpp"

#include <algorithm>
#include <cstdlib>

namespace ui {

namespace {

// Every 2 h: smooth for a 5.7 h half-life, and half the work of hourly points.
constexpr int kExposurePointsPerDay = 12;
constexpr int kExposureDays = 84;

const Inputs& blank_form() {
    static const Inputs blank;
    return blank;
}

// A plain decimal such as "20", "0.5", "-3" or "1e2"; nothing else becomes a number.
bool plain_number(const std::string& text, double& out) {
    if (text.empty() || text.size() > 40) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else out += s[i];
    }
    return out;
}

std::string encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::optional<bool> read_flag(std::string_view v) {
    if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
    if (v == "0" || v == "false" || v == "no" || v == "off" || v.empty()) return false;
    return std::nullopt;
}

std::vector<const Field*> group_fields(std::string_view group) {
    std::vector<const Field*> out;
    for (const auto& f : input_fields())
        if (f.group == group) out.push_back(&f);
    return out;
}

// Where the core reports a group's errors: the path segments its fields share ("patient.renal").
std::string group_error_path(std::string_view group) {
    std::vector<std::string> common;
    bool first = true;
    for (const Field* f : group_fields(group)) {
        std::vector<std::string> segments;
        for (size_t start = 0;;) {
            const size_t dot = f->error_path.find('.', start);
            segments.push_back(f->error_path.substr(start, dot - start));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        if (first) common = segments, first = false;
        size_t n = 0;
        while (n < common.size() && n < segments.size() && common[n] == segments[n]) ++n;
        common.resize(n);
    }
    std::string out;
    for (const auto& s : common) out += (out.empty() ? "" : ".") + s;
    return out;
}

std::string group_labels(std::string_view group) {
    std::string out;
    for (const Field* f : group_fields(group)) out += (out.empty() ? "" : ", ") + f->label;
    return out;
}

// Puts a field back to its blank value (a renal or frequency choice stays chosen, so the
// field and its message show where the person will look).
void reset_field(Inputs& in, const Field& f) {
    if (std::string* text = editable_text(in, f)) *text = f.default_value;
    if (f.storage == Storage::SafetyFlag) in.safety_flags[f.name] = false;
    if (f.selects_renal && f.kind == FieldKind::Flag && in.renal == *f.selects_renal) in.renal = RenalKind::None;
    if (f.selects_renal && f.kind != FieldKind::Flag) in.renal = *f.selects_renal;
    if (f.selects_frequency) in.frequency = *f.selects_frequency;
}

SetOutcome refuse(Inputs& in, const Field& f, const std::string& message) {
    reset_field(in, f);
    in.problems[f.name] = message;
    return SetOutcome::Refused;
}

// A student's answer as a link or a host may carry it: a number with at most one unit word
// after it ("0.47", "120 mg/day", "14,5"), or one word (a verdict). Anything longer is text
// that could pass for the widget's own words, and is refused.
bool looks_like_answer(std::string_view v) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
        return i > start;
    };
    auto letters = [&] {
        const std::size_t start = i;
        while (i < v.size() && ((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z') || v[i] == '/')) ++i;
        return i > start;
    };
    if (v.empty()) return true;
    if (letters()) return i == v.size();
    if (!digits()) return false;
    if (i < v.size() && (v[i] == '.' || v[i] == ',') && (++i, !digits())) return false;
    if (i < v.size() && v[i] == ' ') ++i;
    if (i < v.size() && !letters()) return false;
    return i == v.size();
}

// Whether a value of this kind may be kept; the message when not.
std::string kind_problem(const Field& f, std::string_view v) {
    switch (f.kind) {
        case FieldKind::Choice:
            for (const auto& o : f.options)
                if (o.value == v) return "";
            {
                std::string list;
                for (const auto& o : f.options) list += (list.empty() ? "" : ", ") + o.label;
                return f.label + " must be one of: " + list + "; the value given is not.";
            }
        case FieldKind::Answer:
            if (!looks_like_answer(v)) return f.label + ": the value given is not a number with its unit, nor a verdict.";
            [[fallthrough]];
        case FieldKind::List:
            if (std::all_of(v.begin(), v.end(), [&](char c) { return typed_char_allowed(f.kind, static_cast<unsigned char>(c)); }))
                return "";
            return f.label + ": the value given had other characters.";
        case FieldKind::Identifier:
            if (v.size() <= StateLimits::max_name_bytes &&
                std::all_of(v.begin(), v.end(), [](char c) { return typed_char_allowed(FieldKind::Identifier, static_cast<unsigned char>(c)); }))
                return "";
            return f.label + ": the value given is not a known id.";
        case FieldKind::Number:
        case FieldKind::Date:
            if (std::all_of(v.begin(), v.end(), [&](char c) { return typed_char_allowed(f.kind, static_cast<unsigned char>(c)); }))
                return "";
            return f.kind == FieldKind::Date ? f.label + " must be a date written YYYY-MM-DD; the value given had other characters."
                                             : f.label + " must be a number; the value given had other characters.";
        case FieldKind::Flag:
            return read_flag(v) ? "" : f.label + " must be 1 (yes) or 0 (no); the value given is neither.";
        case FieldKind::Page: return "";
    }
    return "";
}

bool covers(const std::string& model_path, const std::string& core_path) {
    auto under = [](const std::string& a, const std::string& b) { return a.size() > b.size() && a.compare(0, b.size(), b) == 0 && a[b.size()] == '.'; };
    return model_path == core_path || under(core_path, model_path) || under(model_path, core_path);
}

}  // namespace

std::string* editable_text(Inputs& in, const Field& f) {
    if (f.storage == Storage::Member && f.member != nullptr) return &(in.*f.member);
    if (f.storage == Storage::Lab) return &in.labs[f.name];
    if (f.storage == Storage::Answer && f.answer_index >= 0) return &in.answers[static_cast<std::size_t>(f.answer_index)];
    return nullptr;
}

Inputs::Inputs() {
    for (const auto& f : input_fields())
        if (f.storage == Storage::Member && f.member != nullptr) this->*f.member = f.default_value;
}

// --- serialisation ----------------------------------------------------------------------------

std::optional<std::string> field_value(const Inputs& in, const Field& f) {
    if (f.kind == FieldKind::Page) return std::nullopt;
    if (f.selects_renal) {
        if (in.renal != *f.selects_renal) return std::nullopt;
        if (f.kind == FieldKind::Flag) return std::string("1");
        return in.*f.member;
    }
    if (f.selects_frequency) {
        if (in.frequency != *f.selects_frequency) return std::nullopt;
        const std::string& v = in.*f.member;
        if (v.empty() && *f.selects_frequency == blank_form().frequency) return std::nullopt;
        return v;
    }
    if (f.storage == Storage::SafetyFlag) {
        const auto it = in.safety_flags.find(f.name);
        if (it != in.safety_flags.end() && it->second) return std::string("1");
        return std::nullopt;
    }
    if (f.storage == Storage::Answer) {
        const std::string& v = in.answers[static_cast<std::size_t>(f.answer_index)];
        if (v.empty()) return std::nullopt;
        return v;
    }
    if (f.storage == Storage::Lab) {
        const auto it = in.labs.find(f.name);
        if (it == in.labs.end() || it->second.empty()) return std::nullopt;
        return it->second;
    }
    if (f.member == nullptr || in.*f.member == f.default_value) return std::nullopt;
    return in.*f.member;
}

Params params_from_inputs(const Inputs& in) {
    Params out;
    for (const auto& f : input_fields())
        if (auto v = field_value(in, f)) out.emplace_back(f.name, *v);
    return out;
}

std::string state_string(const Inputs& in) { return query_string(params_from_inputs(in)); }

bool is_blank(const Inputs& in) {
    if (!in.problems.empty()) return false;
    // Practice mode's own fields (mode, case, questions, answers) are no patient.
    for (const auto& f : input_fields())
        if (!f.practice && field_value(in, f)) return false;
    return true;
}

Params parse_query_string(std::string_view query) {
    Params out;
    size_t start = !query.empty() && (query[0] == '?' || query[0] == '#') ? 1 : 0;
    while (start < query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view part = query.substr(start, end - start);
        if (!part.empty()) {
            const size_t eq = part.find('=');
            out.emplace_back(decode(part.substr(0, eq)), eq == std::string_view::npos ? "" : decode(part.substr(eq + 1)));
        }
        start = end + 1;
    }
    return out;
}

std::string query_string(const Params& params) {
    std::string out;
    for (const auto& [key, value] : params) {
        if (!out.empty()) out += '&';
        out += encode(key);
        out += '=';
        out += encode(value);
    }
    return out;
}

// --- the ways in --------------------------------------------------------------------------------

namespace {

// set_field, and edit_field for what a person typed: a typed value keeps characters its kind
// does not allow ("20kg"), so the field shows what was typed and the core names the problem.
SetOutcome store_field(Inputs& in, std::string_view name, std::string_view raw, bool typed) {
    const Field* f = find_field(name);
    if (f == nullptr) return SetOutcome::Unknown;
    if (f->kind == FieldKind::Page) return SetOutcome::Page;
    const CleanText clean = clean_text(raw);
    if (clean.invalid_utf8) return refuse(in, *f, f->label + ": the value given was not valid text. Enter it again.");
    // No field holds invisible characters: one that hid or reordered what was shown is refused,
    // never quietly removed (a right-to-left override can make "02" look like "20").
    if (clean.removed) return refuse(in, *f, f->label + ": the value given had hidden or control characters. Enter it again.");
    std::string_view v = clean.text;
    if (f->kind != FieldKind::Choice) v = trim(v);
    if (v.size() > StateLimits::max_value_bytes)
        return refuse(in, *f, f->label + ": the value given is too long (" + std::to_string(v.size()) + " bytes, at most " +
                                  std::to_string(StateLimits::max_value_bytes) + "). Enter it again.");
    const bool free_text = typed && (f->kind == FieldKind::Number || f->kind == FieldKind::Date || f->kind == FieldKind::Answer);
    if (const std::string problem = kind_problem(*f, v); !problem.empty() && !free_text) return refuse(in, *f, problem);
    if (f->kind == FieldKind::Flag) {
        const bool on = *read_flag(v);
        if (f->storage == Storage::SafetyFlag) in.safety_flags[f->name] = on;
        if (f->storage == Storage::Member && f->member != nullptr) in.*f->member = on ? "1" : "";
        if (f->selects_renal) {
            if (on) in.renal = *f->selects_renal;
            else if (in.renal == *f->selects_renal) in.renal = RenalKind::None;
        }
    } else if (std::string* text = editable_text(in, *f)) {
        *text = std::string(v);
        if (f->selects_renal) in.renal = *f->selects_renal;
        if (f->selects_frequency) in.frequency = *f->selects_frequency;
    }
    touch_field(in, f->name);
    return SetOutcome::Set;
}

}  // namespace

SetOutcome set_field(Inputs& in, std::string_view name, std::string_view raw) { return store_field(in, name, raw, false); }

SetOutcome edit_field(Inputs& in, std::string_view name, std::string_view raw) {
    // A practice case is the case as given: editing its patient or order (possible only once
    // the answers are checked) ends practice, so marks never follow a changed patient.
    if (const Field* f = find_field(name); in.mode == "practice" && (f == nullptr || !f->practice)) end_practice(in);
    // The two choices that are not fields of their own: which renal measure, which frequency.
    if (name == "renal") {
        in.renal = raw == "crcl" ? RenalKind::Crcl : raw == "scr" ? RenalKind::Scr : raw == "esrd" ? RenalKind::Esrd : RenalKind::None;
        touch_field(in, "renal");
        return SetOutcome::Set;
    }
    if (name == "frequency") {
        in.frequency = raw == "every_hours" ? Frequency::EveryHours : Frequency::PerDay;
        touch_field(in, "frequency");
        return SetOutcome::Set;
    }
    // A confirmation holds for the weight and age it was given for: an edit of either withdraws it.
    if (name == "weight" || name == "weight_unit" || name == "age" || name == "age_unit") {
        const std::string before = *editable_text(in, field(name));
        const SetOutcome outcome = store_field(in, name, raw, true);
        if (*editable_text(in, field(name)) != before) in.weight_confirmed.clear();
        return outcome;
    }
    return store_field(in, name, raw, true);
}

std::string error_subject(std::string_view path) {
    auto within = [&](const std::string& owner) {
        return !owner.empty() && (path == owner || (path.size() > owner.size() && path.substr(0, owner.size()) == owner &&
                                                    path[owner.size()] == '.'));
    };
    // The renal measure is chosen by a control of its own ("Renal function"), not a field: its
    // path would otherwise be named after the ESRD flag, which shares it.
    if (path == "patient.renal") return "Renal function";
    const Field* best = nullptr;  // the most specific field (longest path) that owns it
    for (const auto& f : input_fields())
        if (f.kind != FieldKind::Page && within(f.error_path) && (best == nullptr || f.error_path.size() > best->error_path.size()))
            best = &f;
    if (best != nullptr) return best->label;
    std::vector<std::string> groups;
    for (const auto& f : input_fields())
        if (!f.group.empty() && std::find(groups.begin(), groups.end(), f.group) == groups.end()) groups.push_back(f.group);
    for (const auto& g : groups)
        if (within(group_error_path(g))) return group_labels(g);
    return "Input";
}

std::string error_line(std::string_view path, const std::string& message) {
    const std::string subject = error_subject(path);
    const bool named = message.size() > subject.size() && message.compare(0, subject.size(), subject) == 0 &&
                       (message[subject.size()] == ' ' || message[subject.size()] == ':');
    return named ? message : subject + ": " + message;
}

std::string_view renal_choice(RenalKind kind) {
    switch (kind) {
        case RenalKind::None: return "";
        case RenalKind::Crcl: return "crcl";
        case RenalKind::Scr: return "scr";
        case RenalKind::Esrd: return "esrd";
    }
    return "";
}

std::string_view frequency_choice(Frequency frequency) { return frequency == Frequency::EveryHours ? "every_hours" : "per_day"; }

void touch_field(Inputs& in, std::string_view name) {
    in.problems.erase(std::string(name));
    if (const Field* f = find_field(name); f != nullptr && !f->group.empty()) in.problems.erase(f->group);
}

FromParams inputs_from_params(const Params& params) {
    FromParams result;
    Inputs& in = result.inputs;
    if (params.size() > StateLimits::max_params) {
        result.report.refused = "This link has " + std::to_string(params.size()) + " parameters; a dose-checker link has at most " +
                                std::to_string(StateLimits::max_params) + ". Nothing was read from it.";
        return result;
    }
    std::map<std::string, int> seen;
    std::map<std::string, std::string> group_chosen_by;  // group -> the field that chose it
    for (const auto& [name, value] : params) {
        const Field* f = find_field(name);
        if (f == nullptr) {
            ++result.report.unknown;
            continue;
        }
        if (f->kind == FieldKind::Page) continue;
        if (++seen[f->name] > 1) {
            if (seen[f->name] == 2) refuse(in, *f, f->label + " is given more than once in the link; it was not read. Enter it again.");
            continue;
        }
        if (!f->group.empty() && in.problems.count(f->group)) continue;
        set_field(in, f->name, value);
        if (f->group.empty()) continue;
        const bool chooses = (f->selects_renal && in.renal == *f->selects_renal) ||
                             (f->selects_frequency && in.frequency == *f->selects_frequency);
        if (!chooses) continue;
        auto [it, first] = group_chosen_by.emplace(f->group, f->name);
        if (first) continue;
        // Two alternatives (CrCl and creatinine, or doses per day and every hours): ambiguous.
        for (const Field* g : group_fields(f->group)) reset_field(in, *g);
        if (f->group == "renal") in.renal = RenalKind::None;
        in.frequency = blank_form().frequency;
        in.problems[f->group] = "The link gives more than one of " + group_labels(f->group) + "; none was read. Choose one.";
    }
    return result;
}

FromParams inputs_from_state(std::string_view state) {
    if (!state.empty() && (state[0] == '#' || state[0] == '?')) state.remove_prefix(1);
    if (state.size() > StateLimits::max_state_bytes) {
        FromParams result;
        result.report.refused = "This link is too long to be a dose-checker link (" + std::to_string(state.size()) +
                                " characters, at most " + std::to_string(StateLimits::max_state_bytes) + "). Nothing was read from it.";
        return result;
    }
    return inputs_from_params(parse_query_string(state));
}

Params page_params(const Params& params) {
    Params out;
    for (const auto& p : params)
        if (const Field* f = find_field(p.first); f != nullptr && f->kind == FieldKind::Page) out.push_back(p);
    return out;
}

bool has_input_params(const Params& params) { return page_params(params).size() < params.size(); }

void end_practice(Inputs& in) {
    const Inputs blank;
    for (const auto& f : input_fields())
        if (f.practice)
            if (std::string* text = editable_text(in, f)) *text = *editable_text(const_cast<Inputs&>(blank), f);
}

// --- the request -----------------------------------------------------------------------------------

DecimalRead read_decimal(std::string_view raw) {
    DecimalRead out;
    const std::string_view text = trim(raw);
    if (text.empty()) return out;
    const auto commas = std::count(text.begin(), text.end(), ',');
    const auto dots = std::count(text.begin(), text.end(), '.');
    std::string plain(text);
    if (commas > 1 || (commas == 1 && dots > 0)) {
        out.error = "\"" + plain + "\" mixes separators: write one decimal point (or comma) and no thousands separator.";
        return out;
    }
    if (commas == 1) {
        const size_t at = text.find(',');
        std::string_view whole = text.substr(0, at);
        const std::string_view fraction = text.substr(at + 1);
        if (!whole.empty() && (whole[0] == '+' || whole[0] == '-')) whole.remove_prefix(1);
        // 1,234 or 12,500 reads as a thousands separator in English and as a decimal comma in
        // most of Europe: refuse rather than guess.
        if (fraction.size() == 3 && all_digits(fraction) && all_digits(whole) && whole.size() <= 3 && whole[0] != '0') {
            out.error = "\"" + plain + "\" could mean " + std::string(whole) + std::string(fraction) + " or " + std::string(whole) + "." +
                        std::string(fraction) + ": write it with a decimal point and no thousands separator.";
            return out;
        }
        plain[at] = '.';
    }
    double x = 0;
    if (plain_number(plain, x)) out.value = x;
    return out;
}

BuiltRequest build_request(const Inputs& in) {
    BuiltRequest out;
    auto& errors = out.errors;
    auto refused = [&](const Field& f) { return in.problems.count(f.name) > 0 || (!f.group.empty() && in.problems.count(f.group) > 0); };
    for (const auto& f : input_fields()) {
        if (auto it = in.problems.find(f.name); it != in.problems.end()) errors.push_back({f.error_path, it->second});
    }
    std::vector<std::string> groups;
    for (const auto& f : input_fields())
        if (!f.group.empty() && std::find(groups.begin(), groups.end(), f.group) == groups.end()) groups.push_back(f.group);
    for (const auto& g : groups)
        if (auto it = in.problems.find(g); it != in.problems.end()) errors.push_back({group_error_path(g), it->second});

    // A number field: its value, its text for the core to name, or nothing (an error is listed).
    auto number = [&](const char* name) -> std::optional<nlohmann::json> {
        const Field& f = field(name);
        const std::string text = field_value(in, f).value_or("");
        if (refused(f) || text.empty()) return std::nullopt;
        const DecimalRead d = read_decimal(text);
        if (!d.error.empty()) {
            errors.push_back({f.error_path, f.label + ": " + d.error});
            return std::nullopt;
        }
        if (d.value) return nlohmann::json(*d.value);
        return nlohmann::json(text);
    };
    auto missing = [&](const char* name, const std::string& message) {
        const Field& f = field(name);
        if (!refused(f)) errors.push_back({f.error_path, message});
    };

    nlohmann::json& request = out.request;
    request = {{"drug", in.drug}};
    if (in.indication.empty()) missing("indication", "Choose the indication.");
    else if (!refused(field("indication"))) request["indication"] = in.indication;
    request["region"] = in.region;
    if (!in.route.empty()) request["route"] = in.route;

    nlohmann::json patient = nlohmann::json::object();
    if (in.weight.empty()) missing("weight", "Enter the patient's weight.");
    else if (auto w = number("weight")) patient["weight"] = {{"value", *w}, {"unit", in.weight_unit}};
    if (auto a = number("age")) patient["age"] = {{"value", *a}, {"unit", in.age_unit}};
    if (!in.sex.empty()) patient["sex"] = in.sex;
    if (in.weight_confirmed == "1") patient["weight_confirmed"] = true;
    if (auto h = number("height_cm")) patient["height_cm"] = *h;
    if (in.renal == RenalKind::Crcl) {
        if (in.crcl.empty()) missing("crcl", "Enter the CrCl, or set renal function to \"not given\".");
        else if (auto c = number("crcl")) patient["renal"] = {{"crcl_ml_min", *c}};
    } else if (in.renal == RenalKind::Scr) {
        if (in.scr.empty()) missing("scr", "Enter the serum creatinine, or set renal function to \"not given\".");
        else if (auto s = number("scr")) patient["renal"] = {{"scr", {{"value", *s}, {"unit", in.scr_unit}}}};
    } else if (in.renal == RenalKind::Esrd) {
        patient["renal"] = {{"esrd", true}};
    }
    request["patient"] = patient;
    if (in.step == "1") request["escalation_step_mg_per_kg"] = 1;
    else if (in.step == "0.5") request["escalation_step_mg_per_kg"] = 0.5;
    else request["escalation_step_mg_per_kg"] = in.step;  // the core names it

    if (!in.dose_mg.empty()) {
        nlohmann::json order = nlohmann::json::object();
        if (auto d = number("dose_mg")) order["dose_mg"] = *d;
        const bool per_day = in.frequency == Frequency::PerDay;
        const char* how_often = per_day ? "doses_per_day" : "every_hours";
        if ((per_day ? in.doses_per_day : in.every_hours).empty())
            missing(how_often, per_day ? "Enter how many doses per day." : "Enter the interval in hours.");
        else if (auto n = number(how_often)) order[how_often] = *n;
        if (auto n = number("total_doses")) order["total_doses"] = *n;
        if (auto d = number("course_days")) order["days"] = *d;
        request["prescribed"] = order;
    }

    nlohmann::json safety = nlohmann::json::object();
    for (const auto& f : input_fields()) {
        if (f.storage == Storage::SafetyFlag && field_value(in, f)) safety[f.name] = true;
        if (f.storage == Storage::Lab)
            if (auto x = number(f.name.c_str())) safety[f.name] = *x;
    }
    if (!in.start_date.empty() && !refused(field("start_date"))) safety["start_date"] = in.start_date;
    if (!safety.empty()) request["safety"] = safety;
    request["exposure"] = {{"days", kExposureDays}, {"points_per_day", kExposurePointsPerDay}};
    return out;
}

core::Response response_for(const Inputs& in, const core::DrugDb& db) {
    BuiltRequest built = build_request(in);
    core::Response response =
        core::evaluate_text(built.request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), db);
    if (built.errors.empty()) return response;
    core::Response refused;
    refused.ok = false;
    refused.data_version = response.data_version;
    refused.errors = std::move(built.errors);
    const size_t own = refused.errors.size();
    for (auto& e : response.errors) {
        bool covered = false;
        for (size_t i = 0; i < own; ++i) covered = covered || covers(refused.errors[i].field, e.field);
        if (!covered) refused.errors.push_back(std::move(e));
    }
    return refused;
}

}  // namespace ui
