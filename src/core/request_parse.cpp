#include "json_object.hpp"
#include "json_text.hpp"
#include "kinds.hpp"
#include "safety_items.hpp"
#include "numbers.hpp"
#include "request.hpp"
#include "units.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace core {

namespace {

class Parser {
public:
    explicit Parser(double umol_l_per_mg_dl) : umol_l_per_mg_dl_(umol_l_per_mg_dl) {}

    std::vector<FieldError> errors;
    std::size_t unlisted = 0;  // errors past Limits::errors_listed

    void error(const std::string& field, const std::string& message) {
        if (errors.size() < Limits::errors_listed) errors.push_back({field, message});
        else ++unlisted;
    }

    void unknown_keys(const JsonObject& obj, const std::string& prefix) {
        for (const auto& key : obj.unknown_keys()) {
            const std::string shown = shortened(key);
            error(prefix.empty() ? shown : prefix + "." + shown, "Unknown field \"" + shown + "\": check its spelling.");
        }
    }

    bool object(const Json* v, const std::string& field) {
        if (v != nullptr && v->is_object()) return true;
        error(field, "Must be an object such as {\"value\": 20, \"unit\": \"kg\"}.");
        return false;
    }

    // A number in (min, max] or [min, max], with a message that names the unit.
    std::optional<double> number(const Json* v, const std::string& field, const std::string& what, double min,
                                 double max, const std::string& unit, bool allow_zero = false) {
        double x = 0;
        if (v == nullptr) {
            error(field, what + " is missing.");
            return std::nullopt;
        }
        if (!json_number(v, x)) {
            error(field, what + " must be a number" + (unit.empty() ? "" : " in " + unit) + ".");
            return std::nullopt;
        }
        if (x < 0 || (x == 0 && !allow_zero)) {
            error(field, what + " must be greater than 0" + (allow_zero ? " or 0" : "") + ".");
            return std::nullopt;
        }
        if (x < min || x > max) {
            const std::string u = unit.empty() ? "" : " " + unit;
            error(field, what + " of " + format_number(x, 3) + u + " is outside the plausible range (" +
                             format_number(min, 3) + " to " + format_number(max, 3) + u + "). Check the value and unit.");
            return std::nullopt;
        }
        return x;
    }

    // One member of a closed set, by its name.
    template <typename Enum, std::size_t N>
    std::optional<Enum> choice(const Json* v, const std::string& field, const std::string& what,
                               const std::array<Enum, N>& allowed) {
        const std::string list = names_of(allowed);
        if (v == nullptr) {
            error(field, what + " is missing (one of: " + list + ").");
            return std::nullopt;
        }
        const auto value = v->is_string() ? from_name(v->get<std::string>(), allowed) : std::nullopt;
        if (!value) error(field, "Unknown " + what + " " + json_echo(*v) + ": use one of " + list + ".");
        return value;
    }

    std::optional<std::string> identifier(const Json* v, const std::string& field, const std::string& what) {
        if (v == nullptr) {
            error(field, what + " is missing.");
            return std::nullopt;
        }
        if (!v->is_string() || v->get_ref<const std::string&>().empty() || v->get_ref<const std::string&>().size() > 64) {
            error(field, what + " must be a short text id such as \"nomid\".");
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    void weight(JsonObject& patient, PatientInput& out) {
        const Json* v = patient.get("weight");
        if (!object(v, "patient.weight")) return;
        JsonObject w(*v);
        const Json* value_json = w.get("value");
        const auto unit = choice(w.get("unit"), "patient.weight", "weight unit", kWeightUnits);
        if (unit) {
            out.weight_unit = *unit;
            const double factor = *unit == WeightUnit::Kg ? 1 : kKgPerLb;
            const auto value = number(value_json, "patient.weight", "Weight", Limits::weight_kg_min / factor,
                                      Limits::weight_kg_max / factor, std::string(to_string(*unit)));
            if (value) out.weight_value = *value;
        }
        unknown_keys(w, "patient.weight");
    }

    void age(JsonObject& patient, PatientInput& out) {
        const Json* v = patient.get("age");
        if (v == nullptr) return;
        if (!object(v, "patient.age")) return;
        JsonObject a(*v);
        const Json* value_json = a.get("value");
        const auto unit = choice(a.get("unit"), "patient.age", "age unit", kAgeUnits);
        if (unit) {
            out.age_unit = *unit;
            const double max = *unit == AgeUnit::Years ? Limits::age_years_max : Limits::age_years_max * kMonthsPerYear;
            out.age_value = number(value_json, "patient.age", "Age", 0, max, std::string(to_string(*unit)), true);
        }
        unknown_keys(a, "patient.age");
    }

    void renal(JsonObject& patient, RenalInput& out) {
        const Json* v = patient.get("renal");
        if (v == nullptr) return;
        if (!v->is_object()) {
            error("patient.renal", "Renal function must be one of {\"crcl_ml_min\": 45}, {\"scr\": {\"value\": 1.1, \"unit\": \"mg/dL\"}} or {\"esrd\": true}.");
            return;
        }
        JsonObject r(*v);
        const Json* crcl = r.get("crcl_ml_min");
        const Json* scr = r.get("scr");
        const Json* esrd = r.get("esrd");
        const int given = (crcl != nullptr) + (scr != nullptr) + (esrd != nullptr);
        unknown_keys(r, "patient.renal");
        if (given != 1) {
            error("patient.renal", "Give exactly one of CrCl (crcl_ml_min), serum creatinine (scr) or ESRD (esrd).");
            return;
        }
        if (crcl != nullptr) {
            const auto x = number(crcl, "patient.renal.crcl_ml_min", "CrCl", 0, Limits::crcl_ml_min_max, "mL/min");
            if (x) {
                out.kind = RenalInput::Kind::Crcl;
                out.crcl_ml_min = *x;
            }
        } else if (esrd != nullptr) {
            if (!esrd->is_boolean() || !esrd->get<bool>()) {
                error("patient.renal.esrd", "ESRD must be true when given; leave it out otherwise.");
                return;
            }
            out.kind = RenalInput::Kind::Esrd;
        } else {
            if (!object(scr, "patient.renal.scr")) return;
            JsonObject s(*scr);
            const Json* value_json = s.get("value");
            const Json* unit_json = s.get("unit");
            std::optional<ScrUnit> unit;
            if (unit_json != nullptr && unit_json->is_string()) {
                std::string name = unit_json->get<std::string>();
                if (name == "µmol/L" || name == "μmol/L" || name == "umol/l") name = "umol/L";
                if (name == "mg/dl") name = "mg/dL";
                unit = from_name(name, kScrUnits);
            }
            if (!unit) {
                error("patient.renal.scr", std::string("Unknown creatinine unit ") +
                                               (unit_json ? json_echo(*unit_json) : "(missing)") + ": use mg/dL or umol/L.");
            } else {
                // Plausibility in the unit entered, by the data's conversion factor.
                const double factor = *unit == ScrUnit::MgDl ? 1 : umol_l_per_mg_dl_;
                const auto x = number(value_json, "patient.renal.scr", "Serum creatinine", Limits::scr_mg_dl_min * factor,
                                      Limits::scr_mg_dl_max * factor, std::string(to_string(*unit)));
                if (x) {
                    out.kind = RenalInput::Kind::Scr;
                    out.scr_value = *x;
                    out.scr_unit = *unit;
                }
            }
            unknown_keys(s, "patient.renal.scr");
        }
    }

    void patient(const Json* v, PatientInput& out) {
        if (v == nullptr) {
            error("patient", "Patient details are missing (at least the weight).");
            return;
        }
        if (!v->is_object()) {
            error("patient", "Patient must be an object.");
            return;
        }
        JsonObject p(*v);
        weight(p, out);
        if (const Json* confirmed = p.get("weight_confirmed")) {
            if (!confirmed->is_boolean())
                error("patient.weight_confirmed", "Must be true (the weight is confirmed as correct although unusual for the age) or false.");
            else out.weight_confirmed = confirmed->get<bool>();
        }
        age(p, out);
        if (const Json* sex = p.get("sex")) {
            const auto s = choice(sex, "patient.sex", "sex", kSexes);
            if (s) out.sex = *s;
        }
        if (const Json* h = p.get("height_cm"))
            out.height_cm = number(h, "patient.height_cm", "Height", Limits::height_cm_min, Limits::height_cm_max, "cm");
        renal(p, out.renal);
        unknown_keys(p, "patient");
    }

    // A whole number in [min, max], or nothing (with an error naming the field).
    std::optional<int> whole(const Json* v, const std::string& field, const std::string& what, int min, int max) {
        const auto x = number(v, field, what, min, max, "");
        if (!x) return std::nullopt;
        if (*x != static_cast<int>(*x)) {
            error(field, what + " must be a whole number.");
            return std::nullopt;
        }
        return static_cast<int>(*x);
    }

    void prescribed(const Json* v, std::optional<PrescribedInput>& out) {
        if (v == nullptr) return;
        if (!v->is_object()) {
            error("prescribed", "The prescribed order must be an object such as {\"dose_mg\": 40, \"doses_per_day\": 2}.");
            return;
        }
        JsonObject p(*v);
        PrescribedInput order;
        const auto dose = number(p.get("dose_mg"), "prescribed.dose_mg", "Prescribed dose", Limits::dose_mg_min,
                                 Limits::dose_mg_max, "mg");
        const Json* per_day = p.get("doses_per_day");
        const Json* every = p.get("every_hours");
        const Json* total = p.get("total_doses");
        const Json* days = p.get("days");
        bool valid = dose.has_value();
        if (total != nullptr && days != nullptr) {
            error("prescribed", "Give how long the order runs as either total_doses or days (one of them).");
            valid = false;
        } else if (total != nullptr) {
            order.total_doses = whole(total, "prescribed.total_doses", "Total doses", 1, Limits::total_doses_max);
            valid = valid && order.total_doses.has_value();
        } else if (days != nullptr) {
            order.days = number(days, "prescribed.days", "Days", 0, Limits::days_max, "days");
            valid = valid && order.days.has_value();
        }
        const bool single = order.total_doses && *order.total_doses == 1;
        if (per_day != nullptr && every != nullptr) {
            error("prescribed", "Give the frequency as either doses_per_day or every_hours (one of them).");
            valid = false;
        } else if (per_day == nullptr && every == nullptr && !single) {
            error("prescribed", "Give the frequency as doses_per_day or every_hours (or total_doses 1 for a single dose).");
            valid = false;
        } else if (per_day != nullptr) {
            order.doses_per_day = whole(per_day, "prescribed.doses_per_day", "Doses per day", 1, Limits::doses_per_day_max);
            valid = valid && order.doses_per_day.has_value();
        } else if (every != nullptr) {
            order.every_hours = number(every, "prescribed.every_hours", "Dosing interval", Limits::every_hours_min,
                                       Limits::every_hours_max, "hours");
            valid = valid && order.every_hours.has_value();
        }
        unknown_keys(p, "prescribed");
        if (valid) {
            order.dose_mg = *dose;
            out = order;
        }
    }

    void safety(const Json* v, SafetyInput& out) {
        if (v == nullptr) return;
        if (!v->is_object()) {
            error("safety", "Safety must be an object of yes/no flags and lab values.");
            return;
        }
        JsonObject s(*v);
        for (const auto& item : safety_flags()) {
            const Json* flag = s.get(item.id);
            if (flag == nullptr) continue;
            if (!flag->is_boolean()) error("safety." + item.id, "Must be true or false.");
            else out.flags[item.id] = flag->get<bool>();
        }
        for (const auto& lab : safety_labs()) {
            const Json* value = s.get(lab.id);
            if (value == nullptr) continue;
            std::string what = lab.words;
            what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
            const auto x = number(value, "safety." + lab.id, what, 0, lab.max, lab.unit, true);
            if (x) out.labs[lab.id] = *x;
        }
        if (const Json* on = s.get("on_treatment")) {
            if (!on->is_boolean()) error("safety.on_treatment", "Must be true (already receiving the drug) or false (starting).");
            else out.on_treatment = on->get<bool>();
        }
        if (const Json* date = s.get("start_date")) {
            std::optional<Date> d;
            if (date->is_string()) d = parse_iso_date(date->get<std::string>());
            if (!d) error("safety.start_date", "Start date must be a real date written YYYY-MM-DD.");
            out.start_date = d;
        }
        unknown_keys(s, "safety");
    }

    void exposure(const Json* v, std::optional<ExposureInput>& out) {
        if (v == nullptr) return;
        if (!v->is_object()) {
            error("exposure", "Exposure must be an object such as {\"days\": 28, \"points_per_day\": 24}.");
            return;
        }
        JsonObject e(*v);
        ExposureInput in;
        bool valid = true;
        auto read = [&](const char* key, int max, int& target) {
            const Json* value = e.get(key);
            if (value == nullptr) return;
            const auto x = whole(value, std::string("exposure.") + key, key, 1, max);
            if (x) target = *x;
            else valid = false;
        };
        read("days", Limits::exposure_days_max, in.days);
        read("points_per_day", Limits::exposure_points_per_day_max, in.points_per_day);
        unknown_keys(e, "exposure");
        if (valid) out = in;
    }

private:
    double umol_l_per_mg_dl_;
};

}  // namespace

ParsedRequest parse_request(std::string_view json_text, double umol_l_per_mg_dl) {
    ParsedRequest result;
    Json root;
    if (const auto bad = parse_json_strict(json_text, root)) {
        result.errors.push_back({bad->path.empty() ? "request" : bad->path, bad->message});
        return result;
    }
    if (!root.is_object()) {
        result.errors.push_back({"request", "The request must be a JSON object."});
        return result;
    }
    Parser p(umol_l_per_mg_dl);
    Request r;
    JsonObject obj(root);
    if (const Json* drug = obj.get("drug")) {
        if (auto id = p.identifier(drug, "drug", "Drug")) r.drug = *id;
    }
    if (auto id = p.identifier(obj.get("indication"), "indication", "Indication")) r.indication = *id;
    if (const Json* region = obj.get("region")) {
        if (auto value = p.choice(region, "region", "region", kRequestRegions)) r.region = *value;
    }
    if (const Json* route = obj.get("route")) {
        if (auto value = p.choice(route, "route", "route", kRoutes)) r.route = *value;
    }
    p.patient(obj.get("patient"), r.patient);
    if (const Json* step = obj.get("escalation_step_mg_per_kg")) {
        double x = 0;
        if (!json_number(step, x) || (x != 0.5 && x != 1))
            p.error("escalation_step_mg_per_kg", "The escalation step must be 0.5 or 1 mg/kg (entered " +
                                                     (json_number(step, x) ? format_number(x, 3) : json_echo(*step)) + ").");
        else
            r.escalation_step_mg_per_kg = x;
    }
    p.prescribed(obj.get("prescribed"), r.prescribed);
    p.safety(obj.get("safety"), r.safety);
    p.exposure(obj.get("exposure"), r.exposure);
    p.unknown_keys(obj, "");
    result.errors = std::move(p.errors);
    if (p.unlisted > 0) result.errors.push_back({"request", std::to_string(p.unlisted) + " more errors are not listed."});
    if (result.errors.empty()) result.request = std::move(r);
    return result;
}

}  // namespace core
