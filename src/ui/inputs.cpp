#include "inputs.hpp"

#include "drug_data.hpp"

#include <cstdlib>

namespace ui {

namespace {

// A plain decimal such as "20", "0.5", "-3" or "1e2"; nothing else becomes a number.
bool plain_number(const std::string& text, double& out) {
    if (text.empty() || text.size() > 40) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
    return true;
}

nlohmann::json number_or_text(const std::string& text) {
    double x = 0;
    if (plain_number(text, x)) return x;
    return text;
}

// Every 2 h: smooth for a 5.7 h half-life, and half the work of hourly points.
constexpr int kExposurePointsPerDay = 12;


int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decode(const std::string& s) {
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

}  // namespace

Params parse_query_string(const std::string& query) {
    Params out;
    size_t start = !query.empty() && query[0] == '?' ? 1 : 0;
    while (start < query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string part = query.substr(start, end - start);
        if (!part.empty()) {
            const size_t eq = part.find('=');
            out.emplace_back(decode(part.substr(0, eq)), eq == std::string::npos ? "" : decode(part.substr(eq + 1)));
        }
        start = end + 1;
    }
    return out;
}

std::string query_string(const Params& params) {
    std::string out;
    for (const auto& [key, value] : params) out += (out.empty() ? "" : "&") + encode(key) + "=" + encode(value);
    return out;
}

FromParams inputs_from_params(const Params& params) {
    FromParams result;
    Inputs& in = result.inputs;
    bool saw_dose = false;
    for (const auto& [key, value] : params) {
        if (key == "drug") in.drug = value;
        else if (key == "indication") in.indication = value;
        else if (key == "region") in.region = value;
        else if (key == "weight") in.weight = value;
        else if (key == "weight_unit") in.weight_unit = value;
        else if (key == "age") in.age = value;
        else if (key == "age_unit") in.age_unit = value;
        else if (key == "sex") in.sex = value;
        else if (key == "height_cm") in.height_cm = value;
        else if (key == "crcl") { in.renal = RenalKind::Crcl; in.crcl = value; }
        else if (key == "scr") { in.renal = RenalKind::Scr; in.scr = value; }
        else if (key == "scr_unit") in.scr_unit = value;
        else if (key == "esrd") { if (value == "1" || value == "true") in.renal = RenalKind::Esrd; }
        else if (key == "step") in.step = value;
        else if (key == "dose_mg") { in.dose_mg = value; saw_dose = true; }
        else if (key == "doses_per_day") { in.frequency = Frequency::PerDay; in.doses_per_day = value; }
        else if (key == "every_hours") { in.frequency = Frequency::EveryHours; in.every_hours = value; }
        else if (key == "embed") {}  // page mode, read by the page itself
        else result.unknown.push_back(key);
    }
    if (!saw_dose) in.dose_mg.clear();
    return result;
}

Params params_from_inputs(const Inputs& in) {
    Params p = {{"drug", in.drug}, {"indication", in.indication}, {"region", in.region},
                {"weight", in.weight}, {"weight_unit", in.weight_unit}};
    if (!in.age.empty()) {
        p.emplace_back("age", in.age);
        p.emplace_back("age_unit", in.age_unit);
    }
    if (!in.sex.empty()) p.emplace_back("sex", in.sex);
    if (!in.height_cm.empty()) p.emplace_back("height_cm", in.height_cm);
    if (in.renal == RenalKind::Crcl) p.emplace_back("crcl", in.crcl);
    if (in.renal == RenalKind::Scr) {
        p.emplace_back("scr", in.scr);
        p.emplace_back("scr_unit", in.scr_unit);
    }
    if (in.renal == RenalKind::Esrd) p.emplace_back("esrd", "1");
    if (in.step != "0.5") p.emplace_back("step", in.step);
    if (!in.dose_mg.empty()) {
        p.emplace_back("dose_mg", in.dose_mg);
        if (in.frequency == Frequency::PerDay) p.emplace_back("doses_per_day", in.doses_per_day);
        else p.emplace_back("every_hours", in.every_hours);
    }
    return p;
}

nlohmann::json request_from_inputs(const Inputs& in) {
    nlohmann::json patient = {{"weight", {{"value", number_or_text(in.weight)}, {"unit", in.weight_unit}}}};
    if (!in.age.empty()) patient["age"] = {{"value", number_or_text(in.age)}, {"unit", in.age_unit}};
    if (!in.sex.empty()) patient["sex"] = in.sex;
    if (!in.height_cm.empty()) patient["height_cm"] = number_or_text(in.height_cm);
    if (in.renal == RenalKind::Crcl) patient["renal"] = {{"crcl_ml_min", number_or_text(in.crcl)}};
    if (in.renal == RenalKind::Scr) patient["renal"] = {{"scr", {{"value", number_or_text(in.scr)}, {"unit", in.scr_unit}}}};
    if (in.renal == RenalKind::Esrd) patient["renal"] = {{"esrd", true}};
    nlohmann::json request = {{"drug", in.drug}, {"indication", in.indication}, {"region", in.region}, {"patient", patient},
                              {"escalation_step_mg_per_kg", number_or_text(in.step)}};
    if (!in.dose_mg.empty()) {
        nlohmann::json order = {{"dose_mg", number_or_text(in.dose_mg)}};
        if (in.frequency == Frequency::PerDay) order["doses_per_day"] = number_or_text(in.doses_per_day);
        else order["every_hours"] = number_or_text(in.every_hours);
        request["prescribed"] = order;
    }
    nlohmann::json safety = nlohmann::json::object();
    for (const auto& [flag, on] : in.safety_flags)
        if (on) safety[flag] = true;
    if (!in.anc_per_mm3.empty()) safety["anc_per_mm3"] = number_or_text(in.anc_per_mm3);
    if (!in.start_date.empty()) safety["start_date"] = in.start_date;
    if (!safety.empty()) request["safety"] = safety;
    request["exposure"] = {{"days", in.exposure_days}, {"points_per_day", kExposurePointsPerDay}};
    return request;
}

nlohmann::json inputs_to_json(const Inputs& in) {
    nlohmann::json j;
    for (const auto& [key, value] : params_from_inputs(in)) j["params"][key] = value;
    for (const auto& [flag, on] : in.safety_flags)
        if (on) j["safety_flags"].push_back(flag);
    j["anc_per_mm3"] = in.anc_per_mm3;
    j["start_date"] = in.start_date;
    return j;
}

Inputs inputs_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("params") || !j["params"].is_object()) return Inputs{};
    Params params;
    for (auto it = j["params"].begin(); it != j["params"].end(); ++it)
        if (it.value().is_string()) params.emplace_back(it.key(), it.value().get<std::string>());
    Inputs in = inputs_from_params(params).inputs;
    if (j.contains("safety_flags") && j["safety_flags"].is_array())
        for (const auto& flag : j["safety_flags"])
            for (const auto& known : core::safety_flag_names())
                if (flag.is_string() && flag.get<std::string>() == known) in.safety_flags[known] = true;
    if (j.contains("anc_per_mm3") && j["anc_per_mm3"].is_string()) in.anc_per_mm3 = j["anc_per_mm3"].get<std::string>();
    if (j.contains("start_date") && j["start_date"].is_string()) in.start_date = j["start_date"].get<std::string>();
    return in;
}

}  // namespace ui
