// The answer to a Request: everything a front end shows, already computed and rounded.
// Front ends render it; they never compute doses themselves.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

// severity: "info" | "caution" | "exceeds" | "contraindicated"
struct Finding {
    std::string code, severity, message;
    Source source;
};

struct PatientResult {
    double weight_kg = 0;                // rounded to 0.01 kg; every dose uses this value
    std::optional<double> age_years;     // rounded to 0.01
    std::string sex;                     // "female" | "male" | "unknown"
    std::optional<double> height_cm;
};

struct RenalResult {
    std::string method = "unknown";      // given | cockcroft-gault | bedside-schwartz | esrd | unknown
    std::optional<double> crcl_ml_min;   // rounded DOWN to 0.1; for bedside Schwartz, eGFR per 1.73 m2
    std::optional<double> crcl_exact;    // what the renal rule compares (not printed)
    std::string value_kind;              // "crcl" | "egfr" | ""
    std::optional<double> scr_mg_dl;     // creatinine used, converted to mg/dL (0.01)
    bool adjusted = false;               // the regimen's renal rule applies
    std::optional<double> interval_hours;
    std::string reason;
    std::string formula;
    Source source;
};

struct RangeMg {
    double min = 0, max = 0;
};

struct RegimenResult {
    std::string kind;                    // "fixed" | "weight-based" | "per-kg"
    std::string route;
    std::optional<double> dose_mg;       // fixed dose, or per-kg dose for this weight
    std::optional<double> increase_to_mg;
    std::optional<double> mg_per_kg;
    std::optional<RangeMg> start_mg_per_kg_per_day, start_mg_per_day;
    std::optional<double> ceiling_mg_per_kg_per_day, ceiling_mg_per_day;
    std::optional<double> max_mg_per_administration;
    std::optional<double> interval_hours;  // after any renal adjustment; none for a single dose
    double label_interval_hours = 0;       // before renal adjustment (0 for a single dose)
    std::optional<double> increase_to_interval_hours;  // the labelled step-up interval, if any
    bool single_dose = false;
    std::optional<double> repeat_after_hours_min;  // a single dose may be repeated only after this
    std::optional<double> course_days;
    bool split_allowed = false;
    std::vector<double> steps_mg_per_kg;
    double step_mg_per_kg = 0;             // the step the ladder uses (0 when no ladder)
    std::string band;                      // e.g. "15 to 40 kg"
    std::string notes;
    Source source;                         // the band's dose rule
    Source split_source;
};

struct SplitDose {
    double mg_per_dose = 0, ml_per_dose = 0;
    int syringes_per_day = 0;
};

struct LadderRow {
    double mg_per_kg_per_day = 0;        // 0.01
    double mg_per_day = 0;               // 0.1 (the ceiling row rounded down)
    double ml_per_day = 0;               // 0.01 at the product's mg/mL
    int syringes_per_day = 0;            // single-use syringes for one dosing day
    bool in_start_range = false;
    bool is_ceiling = false;
    std::optional<SplitDose> split;      // twice daily, where the label allows it
};

struct CheckResult {
    std::string status = "ok";           // ok | caution | exceeds
    double dose_mg = 0;
    double administrations_per_day = 0;  // 0.5 for every 48 h
    double interval_hours = 0;
    double mg_per_dosing_day = 0;        // mg given within one 24 h day on which a dose is given
    double mg_per_kg_per_day = 0;        // that per kg (0.01)
    double mg_per_kg_per_dose = 0;
    double ml_per_dose = 0;
    int syringes_per_dose = 0;
    std::optional<int> ladder_row;       // index of the matching ladder row, if any
    std::vector<Finding> findings;
};

struct MonitoringResult {
    std::string what;
    std::vector<int> months_after_start;
    std::vector<std::string> dates;      // when a start date was given
    Source source;
};

struct ComparatorResult {
    std::string drug, name;
    bool primary = false;
    bool indicated = false;
    std::string status;                  // the use's status, or "none"
    std::string use_name;
    std::string reason;                  // why not indicated
    std::string route;
    std::optional<double> dose_mg, dose_max_mg, increase_to_mg;
    std::optional<double> interval_days;
    std::optional<double> administrations_per_year;
    bool single_dose = false;
    std::string basis;                   // the band or rule used, in words
    std::string region_note;
    std::vector<int> timeline_days;      // administration days in the first 12 weeks (day 0 = first dose)
    Source source;
    std::vector<Finding> findings;
};

struct ExposureSeries {
    std::string drug, route, regimen;
    double dose_mg = 0, interval_hours = 0;
    double relative_clearance = 1;
    std::vector<double> t_hours, relative_concentration;
    std::string note;
    Source source;
};

struct UseInfo {
    std::string id, name, status, region, conditions;
    Source source;
};

struct Response {
    bool ok = false;
    std::string findings_status = "ok";  // worst patient-level finding: ok | caution | contraindicated
    std::string data_version;
    std::vector<FieldError> errors;
    std::string drug, drug_name, region;
    UseInfo indication;
    PatientResult patient;
    RenalResult renal;
    std::optional<RegimenResult> regimen;
    std::vector<LadderRow> ladder;
    std::optional<CheckResult> check;
    std::vector<Finding> findings;
    std::vector<MonitoringResult> monitoring;
    std::vector<ComparatorResult> comparators;
    std::vector<ExposureSeries> exposure;
    std::string product;
    double product_mg_per_ml = 0;
};

}  // namespace core
