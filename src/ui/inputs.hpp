// What the user has typed, kept as text so a bad value stays visible next to its field
// (never silently replaced), and its two translations: URL query parameters and the
// request JSON that the core judges. No doses are computed here.
#pragma once
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace ui {

enum class RenalKind { None, Crcl, Scr, Esrd };
enum class Frequency { PerDay, EveryHours };

struct Inputs {
    std::string drug = "anakinra", indication = "nomid", region = "us";
    std::string weight = "20", weight_unit = "kg";
    std::string age, age_unit = "years";
    std::string sex;  // "", "female", "male"
    std::string height_cm;
    RenalKind renal = RenalKind::None;
    std::string crcl, scr, scr_unit = "mg/dL";
    std::string step = "0.5";
    std::string dose_mg;  // empty: no order to check
    Frequency frequency = Frequency::PerDay;
    std::string doses_per_day = "1", every_hours = "24";
    std::map<std::string, bool> safety_flags;
    std::string anc_per_mm3, start_date;
    int exposure_days = 84;
};

using Params = std::vector<std::pair<std::string, std::string>>;

// The URL parameter names are a stable interface (README): drug, indication, region, weight,
// weight_unit, age, age_unit, sex, height_cm, crcl, scr, scr_unit, esrd, step, dose_mg,
// doses_per_day, every_hours. Unknown parameters are reported, not ignored.
struct FromParams {
    Inputs inputs;
    std::vector<std::string> unknown;  // parameter names the widget does not know
};
FromParams inputs_from_params(const Params& params);
Params params_from_inputs(const Inputs& inputs);
std::string query_string(const Params& params);       // "a=1&b=x%20y"
Params parse_query_string(const std::string& query);  // accepts a leading '?'

// The request for the core. Text that is a plain decimal number becomes a number; anything
// else is passed as text so the core names the field and says it must be a number.
nlohmann::json request_from_inputs(const Inputs& inputs);

// The inputs as JSON for local storage, and back (unknown or malformed content gives defaults).
nlohmann::json inputs_to_json(const Inputs& inputs);
Inputs inputs_from_json(const nlohmann::json& json);

}  // namespace ui
