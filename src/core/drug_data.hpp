// The drug data (data/*.json) as plain structs. Clinical rules live in the JSON; these
// structs only give them types. Every rule carries the source it came from.
#pragma once
#include "kinds.hpp"
#include "safety_items.hpp"
#include "severity.hpp"
#include "source.hpp"
#include "teaching.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// A numeric interval: from (>=), above (>), to (<=), below (<). Empty means "any".
struct Range {
    std::optional<double> from, above, to, below;
    bool contains(double x) const {
        return (!from || x >= *from) && (!above || x > *above) && (!to || x <= *to) && (!below || x < *below);
    }
    bool is_any() const { return !from && !above && !to && !below; }
    std::optional<double> lower() const { return from ? from : above; }
    bool operator==(const Range&) const = default;
};

// A mg/day limit for a dose whose escalation rule was not verified (EU FMF and Still's at 50 kg
// and over: 100 mg/day, escalation not read): above the labelled dose and up to this limit an
// order is a caution; above it, it exceeds. The source is the one text read that gives a limit.
struct Backstop {
    double mg_per_day = 0;
    Source source;
    bool operator==(const Backstop&) const = default;
};

struct Dose {
    DoseKind kind = DoseKind::Fixed;
    // Fixed: mg per administration (or per day for daily regimens).
    double mg = 0;
    std::optional<double> increase_to_mg;
    std::string increase_note;
    // The label's rule for doses above this one was not verified (not "no increase allowed"):
    // an order above it is a caution, not "exceeds" (the drug's labelled maximum still applies).
    bool increase_unverified = false;
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
    // Fixed doses with an unverified increase, escalating doses without a ceiling.
    std::optional<Backstop> backstop;
    bool operator==(const Dose&) const = default;
};

struct Band {
    Range weight_kg, age_months;
    std::optional<double> interval_hours;  // overrides the regimen's interval
    std::optional<double> increase_to_interval_hours;  // the label allows stepping up to this interval
    Dose dose;
    Source source;
    bool operator==(const Band&) const = default;
};

struct SplitRule {
    bool allowed = false;
    Source source;
    bool operator==(const SplitRule&) const = default;
};

struct RenalRule {
    double crcl_below_ml_min = 30;
    bool esrd = true;
    double interval_hours = 48;
    std::string reason;
    std::string esrd_note;  // what the label or a paper says about dialysis, if anything
    Source source;
    std::optional<Source> esrd_source;
    bool operator==(const RenalRule&) const = default;
};

// A limited course instead of a standing schedule: a number of days (COVID-19: 10 days), or
// a number of administrations (CRS: at most 4, at least 8 h apart; gout: 1, retreat after
// 12 weeks at the earliest).
struct Course {
    std::optional<double> days;
    std::optional<int> max_administrations;
    std::optional<double> min_hours_between;        // between administrations within the course
    std::optional<double> retreat_after_hours_min;  // a new course no sooner than this after the last dose
    // How serious an order is that runs past the course, or repeats with no stop: exceeds for a
    // labelled course of fixed length, caution for an off-label study's course.
    Severity overrun_severity = Severity::Exceeds;
    Severity open_ended_severity = Severity::Exceeds;
    std::string note;
    Source source;
    bool operator==(const Course&) const = default;
};

struct Regimen {
    Route route = Route::SC;
    std::optional<double> interval_hours;
    std::optional<Course> course;
    std::optional<double> max_mg_per_administration;
    std::optional<Source> cap_source;  // where the per-administration cap comes from
    std::vector<Band> bands;
    std::optional<SplitRule> split;
    std::optional<RenalRule> renal;
    bool single_dose() const { return course && course->max_administrations && *course->max_administrations == 1; }
    bool operator==(const Regimen&) const = default;
};

// A use-level statement in words, with its source.
struct UseNote {
    std::string message;
    Source source;
    bool operator==(const UseNote&) const = default;
};

struct Use {
    std::string indication, name, conditions;
    Region region = Region::Us;
    UseStatus status = UseStatus::Labelled;
    Source source;
    std::optional<double> age_min_months, weight_min_kg;
    // Which patients this entry is for, when a label covers an indication only in part (the US
    // Actemra label covers systemic JIA, not adult-onset Still's disease): a range of ages.
    std::optional<Range> applies_to_age_months;
    // A condition the label puts on this use that the request cannot show (Actemra in an adult
    // with Still's disease: labelled for systemic JIA only, i.e. onset in childhood): a LABEL_SCOPE
    // caution with every answer for this use.
    std::optional<UseNote> scope_caution;
    // A use whose dose the data do not hold (Actemra COVID-19 EUA in children): no regimen, and
    // this says why and where to look; no dose is ever shown for it.
    std::optional<UseNote> dose_not_in_data;
    std::vector<Regimen> regimens;
    bool operator==(const Use&) const = default;
};

struct SafetyRule {
    std::string flag, code;
    Severity severity = Severity::Caution;
    std::string message;
    Range value;  // for labs: the values that fire the rule
    TreatmentPhase when = TreatmentPhase::Any;
    std::vector<Region> regions;
    std::vector<std::string> indications, except_indications;
    Source source;
    bool operator==(const SafetyRule&) const = default;
};

struct MonitoringRule {
    std::string what;
    std::vector<int> months_after_start;
    std::vector<Region> regions;
    std::vector<std::string> indications;
    Source source;
    bool operator==(const MonitoringRule&) const = default;
};

struct ClearanceBand {
    Range crcl_ml_min;
    bool esrd = false;
    double relative_clearance = 1;
    bool operator==(const ClearanceBand&) const = default;
};

struct Pk {
    double half_life_hours = 0, tmax_hours = 0;
    Source source;
    std::vector<ClearanceBand> clearance_by_renal;
    std::optional<Source> clearance_source;
    bool operator==(const Pk&) const = default;
};

struct Vial {
    double mg = 0, ml = 0;
    bool operator==(const Vial&) const = default;
};

struct Presentation {
    Route route = Route::SC;  // the route it serves
    PresentationKind kind = PresentationKind::GraduatedSyringe;
    std::string description;
    double mg_per_ml = 0;
    double device_mg = 0, device_ml = 0;  // one syringe or device (graduated syringe, whole device)
    std::vector<Vial> vials;              // vials, smallest first
    std::optional<double> min_measurable_mg;  // the smallest dose one draw can measure (syringe or vial)
    std::optional<Source> measurable_source;
    // Without a known minimum: the smallest dose the labels themselves draw from it. A smaller
    // draw is one the data cannot confirm as measurable (VOLUME_UNCONFIRMED), never silently ok.
    std::optional<double> smallest_labelled_draw_mg;
    std::optional<Source> smallest_labelled_draw_source;
    Source source;
    bool operator==(const Presentation&) const = default;
};

// The highest dose the drug is labelled for in any use: a backstop for uses whose own
// escalation ceiling is not verified (an order above it is never "ok").
struct LabelledMaximum {
    double mg_per_kg_per_day = 0;
    Source source;
    bool operator==(const LabelledMaximum&) const = default;
};

struct Drug {
    std::string id, name;
    std::map<Region, std::string> region_names;  // the brand in a region, e.g. eu: "Tocilizumab (RoActemra)"
    std::vector<Presentation> presentations;
    std::optional<LabelledMaximum> max_labelled;
    Source label_source;  // the labels whose safety sections the rules come from
    Pk pk;
    std::vector<SafetyRule> safety_rules;
    std::vector<MonitoringRule> monitoring;
    std::vector<Use> uses;
    const std::string& name_in(Region region) const {
        auto it = region_names.find(region);
        return it == region_names.end() ? name : it->second;
    }
    const Presentation* presentation_for(Route route) const {
        for (const auto& p : presentations)
            if (p.route == route) return &p;
        return nullptr;
    }
    bool operator==(const Drug&) const = default;
};

struct SourceInfo {
    std::string title, url, checked;  // checked: the label revision or version it was checked against
    bool operator==(const SourceInfo&) const = default;
};

// Weight-for-age bounds at one age: outside them a weight is biologically implausible for
// the growth reference (data/methods.json says which reference and how the bounds were made).
struct WeightForAgeRow {
    double age_months = 0;
    double male_min_kg = 0, male_max_kg = 0, female_min_kg = 0, female_max_kg = 0;
    bool operator==(const WeightForAgeRow&) const = default;
};

// Constants of the renal-function estimates and the weight plausibility check (data/methods.json).
struct RenalMethods {
    double umol_l_per_mg_dl = 88.4;
    double cg_constant = 72, cg_female_factor = 0.85, cg_min_age_years = 18;
    Source cg_source;
    // Ideal body weight (Devine): base kg by sex + kg per inch above 60 inches; adjusted weight
    // = IBW + factor x (actual - IBW), used at a BMI of at least obese_bmi.
    double ibw_male_kg = 50, ibw_female_kg = 45.5, ibw_kg_per_inch = 2.3, ibw_from_height_cm = 152.4;
    double adjusted_weight_factor = 0.4, obese_bmi = 30;
    Source weight_source;
    double schwartz_k = 0.413, schwartz_min_age_years = 1, schwartz_below_age_years = 18;
    Source schwartz_source;
    Source conversion_source;
    bool operator==(const RenalMethods&) const = default;
};

// A growth reference's bounds of plausible weight by age and sex (data/methods.json).
struct WeightForAgeReference {
    std::vector<WeightForAgeRow> rows;  // ascending age
    std::string reference;              // in words, for the finding
    Source source;
    bool operator==(const WeightForAgeReference&) const = default;
};

// The finding codes an answer can carry (data/findings.json), each with where it is listed.
struct FindingCode {
    bool bears_on_order = false;  // with an order, listed with the check
    std::string meaning;
    bool operator==(const FindingCode&) const = default;
};

struct FindingCatalogue {
    std::map<std::string, FindingCode> codes;
    bool known(const std::string& code) const { return codes.count(code) > 0; }
    bool bears_on_order(const std::string& code) const {
        auto it = codes.find(code);
        return it != codes.end() && it->second.bears_on_order;
    }
    bool operator==(const FindingCatalogue&) const = default;
};

struct DrugDb {
    std::string data_version;
    FindingCatalogue findings;
    std::map<std::string, SourceInfo> sources;
    RenalMethods renal_methods;
    WeightForAgeReference weight_for_age;
    std::vector<Drug> drugs;  // in display order: anakinra first
    TeachingSet teaching;     // data/teaching.json: practice quantities and teaching cases
    const Drug* find(std::string_view id) const {
        for (const auto& d : drugs)
            if (d.id == id) return &d;
        return nullptr;
    }
    bool operator==(const DrugDb&) const = default;
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

}  // namespace core
