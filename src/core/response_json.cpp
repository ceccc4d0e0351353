#include "response_json.hpp"

#include "json_object.hpp"

#include <set>

namespace core {

namespace {

using OJson = nlohmann::ordered_json;

// Collects every source id the response cites, for the "sources" table.
struct Cited {
    std::set<std::string> ids;
};

OJson source_json(const Source& s, Cited& cited) {
    OJson j;
    j["refs"] = s.refs;
    j["section"] = s.section;
    j["unverified"] = s.unverified;
    if (!s.note.empty()) j["note"] = s.note;
    cited.ids.insert(s.refs.begin(), s.refs.end());
    return j;
}

OJson optional_source_json(const Source& s, Cited& cited) { return s.refs.empty() ? OJson(nullptr) : source_json(s, cited); }

template <typename T>
void put(OJson& j, const char* key, const std::optional<T>& value) {
    j[key] = value ? OJson(*value) : OJson(nullptr);
}

OJson findings_json(const std::vector<Finding>& findings, Cited& cited) {
    OJson list = OJson::array();
    for (const auto& f : findings)
        list.push_back({{"code", f.code},
                        {"severity", to_string(f.severity)},
                        {"message", f.message},
                        {"source", source_json(f.source, cited)}});
    return list;
}

OJson course_json(const std::optional<CourseResult>& course, Cited& cited) {
    if (!course) return nullptr;
    OJson j;
    put(j, "days", course->days);
    put(j, "administrations", course->administrations);
    put(j, "min_hours_between", course->min_hours_between);
    put(j, "retreat_after_hours_min", course->retreat_after_hours_min);
    j["note"] = course->note;
    j["source"] = source_json(course->source, cited);
    return j;
}

OJson measure_json(const Measure& m) {
    OJson j;
    j["mg"] = m.mg;
    put(j, "ml", m.ml);
    put(j, "syringes", m.syringes);
    j["syringe_draws_mg"] = m.syringe_draws_mg;
    OJson vials = OJson::array();
    for (const auto& [mg, count] : m.vials) vials.push_back({{"mg", mg}, {"count", count}});
    j["vials"] = vials;
    put(j, "vial_mg", m.vial_mg);
    put(j, "leftover_mg", m.leftover_mg);
    j["below_measurable"] = m.below_measurable;
    j["not_whole_devices"] = m.not_whole_devices;
    put(j, "nearest_measurable_mg", m.nearest_measurable_mg);
    return j;
}

OJson optional_measure_json(const std::optional<Measure>& m) { return m ? measure_json(*m) : OJson(nullptr); }

OJson regimen_json(const RegimenResult& r, Cited& cited) {
    OJson j;
    j["kind"] = to_string(r.kind);
    j["route"] = to_string(r.route);
    put(j, "dose_mg", r.dose_mg);
    put(j, "increase_to_mg", r.increase_to_mg);
    put(j, "mg_per_kg", r.mg_per_kg);
    j["start_mg_per_kg_per_day"] = r.start_mg_per_kg_per_day
                                       ? OJson{{"min", r.start_mg_per_kg_per_day->min}, {"max", r.start_mg_per_kg_per_day->max}}
                                       : OJson(nullptr);
    j["start_mg_per_day"] =
        r.start_mg_per_day ? OJson{{"min", r.start_mg_per_day->min}, {"max", r.start_mg_per_day->max}} : OJson(nullptr);
    j["label_start_mg_per_kg_per_day"] =
        r.label_start_mg_per_kg_per_day
            ? OJson{{"min", r.label_start_mg_per_kg_per_day->min}, {"max", r.label_start_mg_per_kg_per_day->max}}
            : OJson(nullptr);
    put(j, "start_cap_mg_per_day", r.start_cap_mg_per_day);
    put(j, "ceiling_mg_per_kg_per_day", r.ceiling_mg_per_kg_per_day);
    put(j, "ceiling_mg_per_day", r.ceiling_mg_per_day);
    put(j, "max_mg_per_administration", r.max_mg_per_administration);
    put(j, "interval_hours", r.interval_hours);
    j["label_interval_hours"] = r.label_interval_hours;
    put(j, "increase_to_interval_hours", r.increase_to_interval_hours);
    j["single_dose"] = r.single_dose;
    std::optional<double> repeat_after;
    if (r.course) repeat_after = r.course->min_hours_between ? r.course->min_hours_between : r.course->retreat_after_hours_min;
    put(j, "repeat_after_hours_min", repeat_after);
    put(j, "course_days", r.course ? r.course->days : std::nullopt);
    j["course"] = course_json(r.course, cited);
    j["split_allowed"] = r.split_allowed;
    j["steps_mg_per_kg"] = r.steps_mg_per_kg;
    j["step_mg_per_kg"] = r.step_mg_per_kg;
    j["band"] = r.band;
    j["notes"] = r.notes;
    j["source"] = source_json(r.source, cited);
    j["split_source"] = optional_source_json(r.split_source, cited);
    return j;
}

OJson ladder_json(const std::vector<LadderRow>& ladder) {
    OJson list = OJson::array();
    for (const auto& row : ladder) {
        OJson j;
        const Measure& d = row.dose;
        j["mg_per_kg_per_dose"] = row.mg_per_kg_per_dose;
        j["mg_per_dose"] = d.mg;
        put(j, "ml_per_dose", d.ml);
        put(j, "syringes_per_dose", d.syringes);
        j["syringe_draws_mg"] = d.syringe_draws_mg;
        j["average_mg_per_kg_per_day"] = row.average_mg_per_kg_per_day;
        // Per-day columns only where one administration is one day's dose (not every 48 h).
        j["mg_per_kg_per_day"] = row.daily ? OJson(row.mg_per_kg_per_dose) : OJson(nullptr);
        j["mg_per_day"] = row.daily ? OJson(d.mg) : OJson(nullptr);
        j["ml_per_day"] = row.daily ? OJson(d.ml.value_or(0)) : OJson(nullptr);
        j["syringes_per_day"] = row.daily && d.syringes ? OJson(*d.syringes) : OJson(nullptr);
        j["in_start_range"] = row.in_start_range;
        j["is_ceiling"] = row.is_ceiling;
        j["below_measurable"] = d.below_measurable;
        put(j, "nearest_measurable_mg", d.nearest_measurable_mg);
        if (row.split) {
            OJson s{{"mg_per_dose", row.split->mg_per_dose},
                    {"ml_per_dose", row.split->ml_per_dose},
                    {"syringes_per_day", row.split->syringes_per_day},
                    {"below_measurable", row.split->below_measurable}};
            put(s, "nearest_measurable_mg", row.split->nearest_measurable_mg);
            j["split"] = s;
        } else {
            j["split"] = nullptr;
        }
        list.push_back(std::move(j));
    }
    return list;
}

OJson check_json(const CheckResult& c, Cited& cited) {
    OJson j;
    j["status"] = to_string(c.status);
    j["dose_mg"] = c.dose_mg;
    j["interval_hours"] = c.interval_hours;
    j["administrations_per_day"] = c.administrations_per_day;
    j["mg_per_dosing_day"] = c.mg_per_dosing_day;
    j["mg_per_kg_per_dosing_day"] = c.mg_per_kg_per_dosing_day;
    j["mg_per_kg_per_day"] = c.mg_per_kg_per_day;
    j["mg_per_kg_per_dose"] = c.mg_per_kg_per_dose;
    put(j, "ml_per_dose", c.measure.ml);
    put(j, "syringes_per_dose", c.measure.syringes);
    j["measure"] = measure_json(c.measure);
    put(j, "total_doses", c.total_doses);
    put(j, "days", c.days);
    put(j, "ladder_row", c.ladder_row);
    j["findings"] = findings_json(c.findings, cited);
    return j;
}

OJson comparator_json(const ComparatorResult& c, Cited& cited) {
    OJson j;
    j["drug"] = c.drug;
    j["name"] = c.name;
    j["primary"] = c.primary;
    j["indicated"] = c.indicated;
    j["status"] = c.status ? to_string(*c.status) : "none";
    j["use"] = c.use_name;
    j["conditions"] = c.conditions;
    j["reason"] = c.reason;
    j["error"] = c.error ? OJson{{"field", c.error->field}, {"message", c.error->message}} : OJson(nullptr);
    j["route"] = c.route ? name_of(*c.route) : std::string();
    put(j, "dose_mg", c.dose_mg);
    put(j, "dose_max_mg", c.dose_max_mg);
    put(j, "increase_to_mg", c.increase_to_mg);
    j["measure"] = optional_measure_json(c.measure);
    j["increase_measure"] = optional_measure_json(c.increase_measure);
    j["presentation"] = c.presentation;
    put(j, "interval_days", c.interval_days);
    put(j, "administrations_per_year", c.administrations_per_year);
    put(j, "administrations_per_course", c.administrations_per_course);
    j["course"] = course_json(c.course, cited);
    j["single_dose"] = c.single_dose;
    j["basis"] = c.basis;
    j["region_note"] = c.region_note;
    j["timeline_days"] = c.timeline_days;
    j["source"] = optional_source_json(c.source, cited);
    j["findings"] = findings_json(c.findings, cited);
    return j;
}

OJson renal_json(const RenalResult& r, Cited& cited) {
    OJson renal;
    renal["method"] = to_string(r.method);
    put(renal, "crcl_ml_min", r.crcl_ml_min);
    renal["value_kind"] = r.value_kind;
    put(renal, "scr_mg_dl", r.scr_mg_dl);
    renal["adjusted"] = r.adjusted;
    put(renal, "interval_hours", r.interval_hours);
    renal["reason"] = r.reason;
    renal["formula"] = r.formula;
    OJson estimates = OJson::array();
    for (const auto& e : r.estimates)
        estimates.push_back({{"weight_kind", to_string(e.weight_kind)}, {"weight_kg", e.weight_kg}, {"crcl_ml_min", e.crcl_ml_min}});
    renal["estimates"] = estimates;
    renal["weight_used"] = r.weight_used ? name_of(*r.weight_used) : std::string();
    renal["weight_reason"] = r.weight_reason;
    renal["source"] = optional_source_json(r.source, cited);
    return renal;
}

// Whole numbers print as 20, not 20.0: the response is read by people as well as programs.
void integral_numbers_as_integers(OJson& j) {
    if (j.is_number_float()) {
        const double x = j.get<double>();
        if (x == static_cast<double>(static_cast<long long>(x)) && x > -1e15 && x < 1e15) j = static_cast<long long>(x);
    } else if (j.is_structured()) {
        for (auto& child : j) integral_numbers_as_integers(child);
    }
}

std::string dump(OJson& j) {
    integral_numbers_as_integers(j);
    return j.dump(-1, ' ', false, OJson::error_handler_t::replace);
}

}  // namespace

std::string response_to_json(const Response& r, const DrugDb& db) {
    OJson j;
    j["ok"] = r.ok;
    j["data_version"] = r.data_version;
    if (!r.ok) {
        OJson errors = OJson::array();
        for (const auto& e : r.errors) errors.push_back({{"field", e.field}, {"message", e.message}});
        j["errors"] = errors;
        return dump(j);
    }
    Cited cited;
    j["verdict"] = to_string(r.verdict);
    j["verdict_reason"] = r.verdict_reason;
    const PresentationInfo& pr = r.presentation;
    j["drug"] = {{"id", r.drug}, {"name", r.drug_name}, {"product", pr.description}, {"mg_per_ml", pr.mg_per_ml}};
    OJson presentation{{"route", to_string(pr.route)}, {"kind", to_string(pr.kind)}, {"description", pr.description}, {"mg_per_ml", pr.mg_per_ml}};
    put(presentation, "min_measurable_mg", pr.min_measurable_mg);
    put(presentation, "min_measurable_ml", pr.min_measurable_ml);
    presentation["source"] = source_json(pr.source, cited);
    j["presentation"] = presentation;
    j["region"] = to_string(r.region);
    j["indication"] = {{"id", r.indication.id},
                       {"name", r.indication.name},
                       {"status", to_string(r.indication.status)},
                       {"label_region", to_string(r.indication.region)},
                       {"conditions", r.indication.conditions},
                       {"source", source_json(r.indication.source, cited)}};
    OJson patient;
    patient["weight_kg"] = r.patient.weight_kg;
    put(patient, "age_years", r.patient.age_years);
    patient["sex"] = to_string(r.patient.sex);
    put(patient, "height_cm", r.patient.height_cm);
    j["patient"] = patient;
    j["renal"] = renal_json(r.renal, cited);
    j["regimen"] = r.regimen ? regimen_json(*r.regimen, cited) : OJson(nullptr);
    j["ladder"] = ladder_json(r.ladder);
    j["check"] = r.check ? check_json(*r.check, cited) : OJson(nullptr);
    j["findings"] = findings_json(r.findings, cited);
    j["findings_status"] = to_string(r.findings_status);
    OJson monitoring = OJson::array();
    for (const auto& m : r.monitoring)
        monitoring.push_back({{"what", m.what},
                              {"months_after_start", m.months_after_start},
                              {"dates", m.dates},
                              {"source", source_json(m.source, cited)}});
    j["monitoring"] = monitoring;
    OJson comparators = OJson::array();
    for (const auto& c : r.comparators) comparators.push_back(comparator_json(c, cited));
    j["comparators"] = comparators;
    OJson exposure = OJson::array();
    for (const auto& s : r.exposure)
        exposure.push_back({{"drug", s.drug},
                            {"route", to_string(s.route)},
                            {"regimen", s.regimen},
                            {"dose_mg", s.dose_mg},
                            {"interval_hours", s.interval_hours},
                            {"doses", s.doses},
                            {"relative_clearance", s.relative_clearance},
                            {"note", s.note},
                            {"t_hours", s.t_hours},
                            {"relative_concentration", s.relative_concentration},
                            {"source", source_json(s.source, cited)}});
    j["exposure"] = exposure;
    OJson steps = OJson::array();
    for (const auto& s : r.steps)
        steps.push_back({{"quantity", s.quantity},
                         {"panel", to_string(s.panel)},
                         {"text", s.text},
                         {"op", to_string(s.op)},
                         {"operands", s.operands},
                         {"rounding", to_string(s.rounding)},
                         {"decimals", s.decimals},
                         {"result", s.result},
                         {"unit", s.unit},
                         {"source", source_json(s.source, cited)}});
    j["steps"] = steps;
    OJson sources = OJson::object();
    for (const auto& id : cited.ids) {
        auto it = db.sources.find(id);
        if (it != db.sources.end())
            sources[id] = {{"title", it->second.title}, {"url", it->second.url}, {"checked", it->second.checked}};
    }
    j["sources"] = sources;
    return dump(j);
}

}  // namespace core
