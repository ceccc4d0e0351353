// What a front end asks: the patient, the indication and (optionally) an order to check.
#pragma once
#include "dates.hpp"
#include "kinds.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct RenalInput {
    enum class Kind { None, Crcl, Scr, Esrd };
    Kind kind = Kind::None;
    double crcl_ml_min = 0;
    double scr_value = 0;
    ScrUnit scr_unit = ScrUnit::MgDl;
};

struct PatientInput {
    double weight_value = 0;
    WeightUnit weight_unit = WeightUnit::Kg;
    // The request confirms a weight outside the growth reference's plausible range for the age
    // as correct (without it such a weight is an input error, never a dose).
    bool weight_confirmed = false;
    std::optional<double> age_value;
    AgeUnit age_unit = AgeUnit::Years;
    Sex sex = Sex::Unknown;
    std::optional<double> height_cm;
    RenalInput renal;
};

struct PrescribedInput {
    double dose_mg = 0;
    std::optional<int> doses_per_day;
    std::optional<double> every_hours;  // neither: a single dose (total_doses 1)
    // How long the order runs: a number of administrations or of days; neither means it has no stop.
    std::optional<int> total_doses;
    std::optional<double> days;
    double interval_hours() const { return doses_per_day ? 24.0 / *doses_per_day : every_hours.value_or(0); }
};

struct SafetyInput {
    std::map<std::string, bool> flags;   // ids from safety_flags()
    std::map<std::string, double> labs;  // ids from safety_labs()
    std::optional<Date> start_date;
    bool on_treatment = false;  // already receiving the drug: on-treatment thresholds instead of "do not start"
};

struct ExposureInput {
    int days = 28;
    int points_per_day = 24;
};

struct Request {
    std::string drug = "anakinra";
    std::string indication;
    Region region = Region::Us;        // Us or Eu
    std::optional<Route> route;        // which regimen, where a use has both
    PatientInput patient;
    double escalation_step_mg_per_kg = 0.5;
    std::optional<PrescribedInput> prescribed;
    SafetyInput safety;
    std::optional<ExposureInput> exposure;
};

struct FieldError {
    std::string field;    // e.g. "patient.weight"
    std::string message;  // for a clinician
};

struct ParsedRequest {
    std::optional<Request> request;
    std::vector<FieldError> errors;
};

// Plausibility limits: values outside them are refused, never clamped.
struct Limits {
    static constexpr double weight_kg_min = 0.5, weight_kg_max = 350;
    static constexpr double age_years_max = 120;
    static constexpr double height_cm_min = 30, height_cm_max = 250;
    static constexpr double crcl_ml_min_max = 250;
    static constexpr double scr_mg_dl_min = 0.1, scr_mg_dl_max = 20;
    static constexpr double dose_mg_min = 0.1, dose_mg_max = 10000;
    static constexpr int total_doses_max = 1000;
    static constexpr double days_max = 3650;
    static constexpr int doses_per_day_max = 24;
    static constexpr double every_hours_min = 1, every_hours_max = 24 * 7 * 12;
    static constexpr int exposure_days_max = 365, exposure_points_per_day_max = 96;
    static constexpr std::size_t errors_listed = 50;  // a request's errors listed at most (then a count)
};

// JSON text -> Request. Checks shape, types, units and plausibility; which drug and
// indication exist is checked by evaluate() against the data.
// umol_l_per_mg_dl: the creatinine conversion of data/methods.json (for the plausibility of a
// value given in umol/L).
ParsedRequest parse_request(std::string_view json_text, double umol_l_per_mg_dl);

}  // namespace core
