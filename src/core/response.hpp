// The answer to a Request: everything a front end shows, already computed and rounded.
// Front ends render it; they never compute doses themselves.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "severity.hpp"
#include "step.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct Finding {
    std::string code;
    Severity severity = Severity::Info;
    std::string message;  // in words, saying what to do; never an internal code
    Source source;
};

// The worst severity among findings, as a verdict (ok when there are none).
Verdict worst_verdict(const std::vector<Finding>& findings);

struct PatientResult {
    double weight_kg = 0;                // rounded to 0.01 kg; every dose uses this value
    std::optional<double> age_years;     // rounded to 0.01
    Sex sex = Sex::Unknown;
    std::optional<double> height_cm;
};

enum class RenalMethod { Unknown, Given, CockcroftGault, BedsideSchwartz, Esrd };
std::string_view to_string(RenalMethod method);  // "unknown" | "given" | "cockcroft-gault" | "bedside-schwartz" | "esrd"

// Cockcroft-Gault with one body weight.
struct WeightEstimate {
    WeightKind weight_kind = WeightKind::Actual;
    double weight_kg = 0;     // 0.01
    double crcl_ml_min = 0;   // rounded down to 0.1, like the value shown
};

struct RenalResult {
    RenalMethod method = RenalMethod::Unknown;
    // Rounded DOWN to 0.1 (for bedside Schwartz, eGFR per 1.73 m2). The renal rule compares this
    // shown value, so the number on screen and the rule can never disagree.
    std::optional<double> crcl_ml_min;
    std::string value_kind;              // "crcl" | "egfr" | ""
    std::optional<double> scr_mg_dl;     // creatinine used, converted to mg/dL (0.01)
    bool adjusted = false;               // the regimen's renal rule applies
    std::optional<double> interval_hours;
    std::string reason;
    std::string formula;
    // Cockcroft-Gault with a height: the estimate with each weight, the weight used and why.
    std::vector<WeightEstimate> estimates;
    std::optional<WeightKind> weight_used;  // none when no weight is involved
    std::string weight_reason;
    Source source;
};

struct RangeMg {
    double min = 0, max = 0;
};

// A limited course, as the regimen states it.
struct CourseResult {
    std::optional<double> days;
    std::optional<int> administrations;            // doses in one course, where the label fixes them
    std::optional<double> min_hours_between;
    std::optional<double> retreat_after_hours_min;
    std::string note;
    Source source;
};

struct RegimenResult {
    DoseKind kind = DoseKind::Fixed;
    Route route = Route::SC;
    std::optional<double> dose_mg;       // fixed dose, or per-kg dose for this weight
    std::optional<double> increase_to_mg;
    std::optional<double> mg_per_kg;
    // The usual start for this patient, in mg and mg/kg: after any mg cap, so the two always
    // agree (US Still's at 70 kg: 100 mg/day = 1.42 mg/kg/day, not 2-4 mg/kg/day). The label's
    // own range, and the cap when it applied, are given beside it.
    std::optional<RangeMg> start_mg_per_kg_per_day, start_mg_per_day;
    std::optional<RangeMg> label_start_mg_per_kg_per_day;
    std::optional<double> start_cap_mg_per_day;  // the mg/day cap, when it lowered the start
    std::optional<double> ceiling_mg_per_kg_per_day, ceiling_mg_per_day;
    std::optional<double> max_mg_per_administration;
    std::optional<double> interval_hours;  // after any renal adjustment; none for a single dose
    double label_interval_hours = 0;       // before renal adjustment (0 without a schedule)
    std::optional<double> increase_to_interval_hours;  // the labelled step-up interval, if any
    bool single_dose = false;
    std::optional<CourseResult> course;
    bool split_allowed = false;          // the twice-daily split is in the label and may be used now
    std::vector<double> steps_mg_per_kg;
    double step_mg_per_kg = 0;             // the step the ladder uses (0 when no ladder)
    std::string band;                      // e.g. "15 to 40 kg"
    std::string notes;
    Source source;                         // the band's dose rule
    Source split_source;
};

// How one administration is measured from the presentation.
struct Measure {
    double mg = 0;
    std::optional<double> ml;                  // to draw or inject; never 0 for a positive dose; none when it cannot be given
    std::optional<int> syringes;               // graduated syringes or whole devices (none for vials)
    std::vector<double> syringe_draws_mg;      // graduated syringe: mg drawn from each syringe
    std::vector<std::pair<double, int>> vials; // vials: (vial mg, count), largest first
    std::optional<double> vial_mg, leftover_mg;
    bool below_measurable = false;             // a draw smaller than the presentation can measure
    bool not_whole_devices = false;            // a whole-device presentation cannot give this dose
    std::optional<double> nearest_measurable_mg;  // the nearest dose that can be measured or given
};

struct SplitDose {
    double mg_per_dose = 0, ml_per_dose = 0;
    int syringes_per_day = 0;
    bool below_measurable = false;
    std::optional<double> nearest_measurable_mg;
};

struct LadderRow {
    double mg_per_kg_per_dose = 0;       // 0.01: the step, given each administration
    Measure dose;                        // one administration (mg 0.1, the ceiling row rounded down)
    double average_mg_per_kg_per_day = 0;  // 0.01: per 24 h on average (half the step every 48 h)
    bool daily = true;                   // given once daily; false under the every-48-h rule
    bool in_start_range = false;
    bool is_ceiling = false;
    std::optional<SplitDose> split;      // twice daily, where the label allows it (never every 48 h)
};

struct CheckResult {
    Verdict status = Verdict::Ok;        // ok | caution | exceeds
    double dose_mg = 0;
    double administrations_per_day = 0;  // 0.5 for every 48 h
    double interval_hours = 0;           // 0 for a single dose
    double mg_per_dosing_day = 0;        // mg given within one 24 h day on which a dose is given
    double mg_per_kg_per_dosing_day = 0; // that per kg (0.01): what daily limits judge
    double mg_per_kg_per_day = 0;        // per kg per 24 h on average (0.01)
    double mg_per_kg_per_dose = 0;
    Measure measure;
    std::optional<int> total_doses;      // how many administrations the order gives (none: no stop)
    std::optional<double> days;          // how many days the order runs
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
    std::optional<UseStatus> status;     // the use's status; none: the label has no use for this indication
    std::string use_name;
    std::string conditions;              // who the use is for, in the label's words
    std::string reason;                  // why not indicated, or why no dose is shown
    std::optional<FieldError> error;     // an input this comparator needs (patient.age), with no dose shown
    std::optional<Route> route;          // none when there is no regimen
    std::optional<double> dose_mg, dose_max_mg, increase_to_mg;
    std::optional<Measure> measure, increase_measure;
    std::string presentation;
    std::optional<double> interval_days;
    std::optional<double> administrations_per_year;   // standing schedules only
    std::optional<int> administrations_per_course;    // courses
    std::optional<CourseResult> course;
    bool single_dose = false;
    std::string basis;                   // the band or rule used, in words
    std::string region_note;
    std::vector<int> timeline_days;      // administration days in the first 12 weeks (day 0 = first dose)
    Source source;
    std::vector<Finding> findings;
};

struct ExposureSeries {
    std::string drug, regimen;
    Route route = Route::SC;
    double dose_mg = 0, interval_hours = 0;
    int doses = 0;                       // administrations simulated (0: as many as the period holds)
    double relative_clearance = 1;
    std::vector<double> t_hours, relative_concentration;
    std::string note;
    Source source;
};

struct UseInfo {
    std::string id, name, conditions;
    UseStatus status = UseStatus::Labelled;
    Region region = Region::Us;
    Source source;
};

struct PresentationInfo {
    Route route = Route::SC;
    PresentationKind kind = PresentationKind::GraduatedSyringe;
    std::string description;
    double mg_per_ml = 0;
    std::optional<double> min_measurable_mg, min_measurable_ml;
    Source source;
};

struct Response {
    bool ok = false;
    Verdict verdict = Verdict::Ok;          // one verdict for the patient: the worst finding anywhere
    std::string verdict_reason;             // the first finding at that level, in words
    Verdict findings_status = Verdict::Ok;  // worst patient-level finding: ok | caution | contraindicated
    std::string data_version;
    std::vector<FieldError> errors;
    std::string drug, drug_name;
    Region region = Region::Us;
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
    PresentationInfo presentation;
    // The arithmetic behind every number above (steps.hpp), in reading order.
    std::vector<Step> steps;
    std::string step_words;            // every step's id and text, one after another (Step::quantity, Step::text)
    std::vector<Source> step_sources;  // each step's rule, once (Step::source is a position here)
};

// A step's rule.
inline const Source& source_of(const Response& response, const Step& step) { return response.step_sources.at(step.source); }
// A step's id ("ladder.3.split_ml") and its text, kept in the response's step_words.
inline std::string_view quantity_of(const Response& response, const Step& step) { return words_at(response.step_words, step.quantity); }
inline std::string_view text_of(const Response& response, const Step& step) { return words_at(response.step_words, step.text); }

}  // namespace core
