// The drug data (data/*.json) as plain structs. Clinical rules live in the JSON; these
// structs only give them types. Every rule carries the source it came from.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Source {
    std::vector<std::string> refs;  // ids in data/sources.json
    std::string section;            // label and section, e.g. "US label 2.2"
    bool unverified = false;        // FACTS.md marks it UNVERIFIED (or only partly verified)
    std::string note;
};

// A numeric interval: from (>=), above (>), to (<=), below (<). Empty means "any".
struct Range {
    std::optional<double> from, above, to, below;
    bool contains(double x) const {
        return (!from || x >= *from) && (!above || x > *above) && (!to || x <= *to) && (!below || x < *below);
    }
    bool is_any() const { return !from && !above && !to && !below; }
    std::optional<double> lower() const { return from ? from : above; }
};

enum class DoseKind { Fixed, PerKg, Escalating };

struct Dose {
    DoseKind kind = DoseKind::Fixed;
    // Fixed: mg per administration (or per day for daily regimens).
    double mg = 0;
    std::optional<double> increase_to_mg;
    std::string increase_note;
    // Per kg per administration (comparators), with an optional mg cap.
    double mg_per_kg = 0;
    std::optional<double> increase_to_mg_per_kg;
    std::optional<double> max_mg;
    // Escalating daily dose (anakinra): start range, ceiling, steps.
    double start_min_mg_per_kg_per_day = 0, start_max_mg_per_kg_per_day = 0;
    std::optional<double> start_max_mg_per_day;
    std::optional<double> ceiling_mg_per_kg_per_day;
    std::optional<double> max_mg_per_day;
    std::vector<double> steps_mg_per_kg;
};

struct Band {
    Range weight_kg, age_months;
    std::optional<double> interval_hours;  // overrides the regimen's interval
    std::optional<double> increase_to_interval_hours;  // the label allows stepping up to this interval
    Dose dose;
    Source source;
};

struct SplitRule {
    bool allowed = false;
    Source source;
};

struct RenalRule {
    double crcl_below_ml_min = 30;
    bool esrd = true;
    double interval_hours = 48;
    std::string reason;
    Source source;
};

struct Regimen {
    std::string route;  // "SC" | "IV"
    std::optional<double> interval_hours;
    bool single_dose = false;
    std::optional<double> repeat_after_hours_min;
    std::string repeat_note;
    std::optional<double> course_days;
    std::optional<double> max_mg_per_administration;
    std::vector<Band> bands;
    std::optional<SplitRule> split;
    std::optional<RenalRule> renal;
};

enum class UseStatus { Labelled, OffLabel, EmergencyUse, NotIndicated };
std::string_view to_string(UseStatus status);

struct Use {
    std::string indication, region, name, conditions;
    UseStatus status = UseStatus::Labelled;
    Source source;
    std::optional<double> age_min_months, weight_min_kg;
    std::vector<Regimen> regimens;
};

struct SafetyRule {
    std::string flag, code, severity, message;
    std::optional<double> below, above;  // for numeric flags (labs)
    std::vector<std::string> regions, indications, except_indications;
    Source source;
};

struct MonitoringRule {
    std::string what;
    std::vector<int> months_after_start;
    Source source;
};

struct ClearanceBand {
    Range crcl_ml_min;
    bool esrd = false;
    double relative_clearance = 1;
};

struct Pk {
    double half_life_hours = 0, tmax_hours = 0;
    Source source;
    std::vector<ClearanceBand> clearance_by_renal;
    std::optional<Source> clearance_source;
};

struct Product {
    std::string description;
    double mg_per_ml = 0, unit_dose_mg = 0;
    Source source;
};

// The highest dose the drug is labelled for in any use: a backstop for uses whose own
// escalation ceiling is not verified (an order above it is never "ok").
struct LabelledMaximum {
    double mg_per_kg_per_day = 0;
    Source source;
};

struct Drug {
    std::string id, name;
    Product product;
    std::optional<LabelledMaximum> max_labelled;
    Pk pk;
    std::vector<SafetyRule> safety_rules;
    std::vector<MonitoringRule> monitoring;
    std::vector<Use> uses;
};

struct SourceInfo {
    std::string title, url;
};

// Constants of the renal-function estimates (data/methods.json).
struct RenalMethods {
    double umol_l_per_mg_dl = 88.4;
    double cg_constant = 72, cg_female_factor = 0.85, cg_min_age_years = 18;
    std::string cg_weight = "actual";
    Source cg_source;
    double schwartz_k = 0.413, schwartz_min_age_years = 1, schwartz_below_age_years = 18;
    Source schwartz_source;
    Source conversion_source;
};

struct DrugDb {
    std::string data_version;
    std::map<std::string, SourceInfo> sources;
    RenalMethods renal_methods;
    std::vector<Drug> drugs;  // in display order: anakinra first
    const Drug* find(std::string_view id) const {
        for (const auto& d : drugs)
            if (d.id == id) return &d;
        return nullptr;
    }
};

// One data file's name and text; the build embeds them (src/data), tests may pass their own.
struct DataFile {
    std::string name;
    std::string_view text;
};

struct LoadError {
    std::string file, path, message;
};

struct LoadResult {
    std::optional<DrugDb> db;
    std::vector<LoadError> errors;
};

// Parses and validates: unknown keys, missing sources, unknown source ids, wrong or
// impossible numbers all become errors naming the file and the JSON path.
LoadResult load_drug_db(const std::vector<DataFile>& files);

// The names of the safety flags a request may carry (booleans) and the labs (numbers).
const std::vector<std::string>& safety_flag_names();
const std::vector<std::string>& safety_lab_names();

}  // namespace core
