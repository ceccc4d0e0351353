#include "response_json.hpp"

#include "json_writer.hpp"

#include <set>

namespace core {

namespace {

// The response, written field by field in a fixed order; every source cited along the way is
// collected for the "sources" table at the end.
struct Writer {
    JsonWriter w;
    std::set<std::string> cited;

    void source(const Source& s) {
        w.begin_object().member("refs", s.refs).member("section", s.section).member("unverified", s.unverified);
        if (!s.note.empty()) w.member("note", s.note);
        w.end_object();
        cited.insert(s.refs.begin(), s.refs.end());
    }
    void optional_source(const Source& s) {
        if (s.refs.empty()) w.null();
        else source(s);
    }
    void range(const std::optional<RangeMg>& r) {
        if (r) w.begin_object().member("min", r->min).member("max", r->max).end_object();
        else w.null();
    }

    void findings(const std::vector<Finding>& list) {
        w.begin_array();
        for (const auto& f : list) {
            w.begin_object().member("code", f.code).member("severity", to_string(f.severity)).member("message", f.message);
            w.key("source");
            source(f.source);
            w.end_object();
        }
        w.end_array();
    }

    void course(const std::optional<CourseResult>& c) {
        if (!c) {
            w.null();
            return;
        }
        w.begin_object()
            .member("days", c->days)
            .member("administrations", c->administrations)
            .member("min_hours_between", c->min_hours_between)
            .member("retreat_after_hours_min", c->retreat_after_hours_min)
            .member("note", c->note)
            .key("source");
        source(c->source);
        w.end_object();
    }

    void measure(const Measure& m) {
        w.begin_object()
            .member("mg", m.mg)
            .member("ml", m.ml)
            .member("syringes", m.syringes)
            .member("syringe_draws_mg", m.syringe_draws_mg)
            .key("vials")
            .begin_array();
        for (const auto& [mg, count] : m.vials) w.begin_object().member("mg", mg).member("count", count).end_object();
        w.end_array()
            .member("vial_mg", m.vial_mg)
            .member("leftover_mg", m.leftover_mg)
            .member("below_measurable", m.below_measurable)
            .member("not_whole_devices", m.not_whole_devices)
            .member("nearest_measurable_mg", m.nearest_measurable_mg)
            .end_object();
    }
    void optional_measure(const std::optional<Measure>& m) {
        if (m) measure(*m);
        else w.null();
    }

    void regimen(const RegimenResult& r) {
        w.begin_object()
            .member("kind", to_string(r.kind))
            .member("route", to_string(r.route))
            .member("dose_mg", r.dose_mg)
            .member("increase_to_mg", r.increase_to_mg)
            .member("mg_per_kg", r.mg_per_kg);
        w.key("start_mg_per_kg_per_day");
        range(r.start_mg_per_kg_per_day);
        w.key("start_mg_per_day");
        range(r.start_mg_per_day);
        w.key("label_start_mg_per_kg_per_day");
        range(r.label_start_mg_per_kg_per_day);
        std::optional<double> repeat_after;
        if (r.course) repeat_after = r.course->min_hours_between ? r.course->min_hours_between : r.course->retreat_after_hours_min;
        w.member("start_cap_mg_per_day", r.start_cap_mg_per_day)
            .member("ceiling_mg_per_kg_per_day", r.ceiling_mg_per_kg_per_day)
            .member("ceiling_mg_per_day", r.ceiling_mg_per_day)
            .member("max_mg_per_administration", r.max_mg_per_administration)
            .member("interval_hours", r.interval_hours)
            .member("label_interval_hours", r.label_interval_hours)
            .member("increase_to_interval_hours", r.increase_to_interval_hours)
            .member("single_dose", r.single_dose)
            .member("repeat_after_hours_min", repeat_after)
            .member("course_days", r.course ? r.course->days : std::nullopt);
        w.key("course");
        course(r.course);
        w.member("split_allowed", r.split_allowed)
            .member("steps_mg_per_kg", r.steps_mg_per_kg)
            .member("step_mg_per_kg", r.step_mg_per_kg)
            .member("band", r.band)
            .member("notes", r.notes)
            .key("source");
        source(r.source);
        w.key("split_source");
        optional_source(r.split_source);
        w.end_object();
    }

    void ladder(const std::vector<LadderRow>& rows) {
        w.begin_array();
        for (const auto& row : rows) {
            const Measure& d = row.dose;
            w.begin_object()
                .member("mg_per_kg_per_dose", row.mg_per_kg_per_dose)
                .member("mg_per_dose", d.mg)
                .member("ml_per_dose", d.ml)
                .member("syringes_per_dose", d.syringes)
                .member("syringe_draws_mg", d.syringe_draws_mg)
                .member("average_mg_per_kg_per_day", row.average_mg_per_kg_per_day);
            // Per-day columns only where one administration is one day's dose (not every 48 h).
            if (row.daily) {
                w.member("mg_per_kg_per_day", row.mg_per_kg_per_dose)
                    .member("mg_per_day", d.mg)
                    .member("ml_per_day", d.ml.value_or(0))
                    .member("syringes_per_day", d.syringes);
            } else {
                w.key("mg_per_kg_per_day").null().key("mg_per_day").null().key("ml_per_day").null().key("syringes_per_day").null();
            }
            w.member("in_start_range", row.in_start_range)
                .member("is_ceiling", row.is_ceiling)
                .member("below_measurable", d.below_measurable)
                .member("nearest_measurable_mg", d.nearest_measurable_mg)
                .key("split");
            if (row.split) {
                w.begin_object()
                    .member("mg_per_dose", row.split->mg_per_dose)
                    .member("ml_per_dose", row.split->ml_per_dose)
                    .member("syringes_per_day", row.split->syringes_per_day)
                    .member("below_measurable", row.split->below_measurable)
                    .member("nearest_measurable_mg", row.split->nearest_measurable_mg)
                    .end_object();
            } else {
                w.null();
            }
            w.end_object();
        }
        w.end_array();
    }

    void check(const CheckResult& c) {
        w.begin_object()
            .member("status", to_string(c.status))
            .member("dose_mg", c.dose_mg)
            .member("interval_hours", c.interval_hours)
            .member("administrations_per_day", c.administrations_per_day)
            .member("mg_per_dosing_day", c.mg_per_dosing_day)
            .member("mg_per_kg_per_dosing_day", c.mg_per_kg_per_dosing_day)
            .member("mg_per_kg_per_day", c.mg_per_kg_per_day)
            .member("mg_per_kg_per_dose", c.mg_per_kg_per_dose)
            .member("ml_per_dose", c.measure.ml)
            .member("syringes_per_dose", c.measure.syringes)
            .key("measure");
        measure(c.measure);
        w.member("total_doses", c.total_doses).member("days", c.days).member("ladder_row", c.ladder_row).key("findings");
        findings(c.findings);
        w.end_object();
    }

    void comparator(const ComparatorResult& c) {
        w.begin_object()
            .member("drug", c.drug)
            .member("name", c.name)
            .member("primary", c.primary)
            .member("indicated", c.indicated)
            .member("status", c.status ? to_string(*c.status) : std::string_view("none"))
            .member("use", c.use_name)
            .member("conditions", c.conditions)
            .member("reason", c.reason)
            .key("error");
        if (c.error) w.begin_object().member("field", c.error->field).member("message", c.error->message).end_object();
        else w.null();
        w.member("route", c.route ? to_string(*c.route) : std::string_view())
            .member("dose_mg", c.dose_mg)
            .member("dose_max_mg", c.dose_max_mg)
            .member("increase_to_mg", c.increase_to_mg)
            .key("measure");
        optional_measure(c.measure);
        w.key("increase_measure");
        optional_measure(c.increase_measure);
        w.member("presentation", c.presentation)
            .member("interval_days", c.interval_days)
            .member("administrations_per_year", c.administrations_per_year)
            .member("administrations_per_course", c.administrations_per_course)
            .key("course");
        course(c.course);
        w.member("single_dose", c.single_dose)
            .member("basis", c.basis)
            .member("region_note", c.region_note)
            .member("timeline_days", c.timeline_days)
            .key("source");
        optional_source(c.source);
        w.key("findings");
        findings(c.findings);
        w.end_object();
    }

    void renal(const RenalResult& r) {
        w.begin_object()
            .member("method", to_string(r.method))
            .member("crcl_ml_min", r.crcl_ml_min)
            .member("value_kind", r.value_kind)
            .member("scr_mg_dl", r.scr_mg_dl)
            .member("adjusted", r.adjusted)
            .member("interval_hours", r.interval_hours)
            .member("reason", r.reason)
            .member("formula", r.formula)
            .key("estimates")
            .begin_array();
        for (const auto& e : r.estimates)
            w.begin_object()
                .member("weight_kind", to_string(e.weight_kind))
                .member("weight_kg", e.weight_kg)
                .member("crcl_ml_min", e.crcl_ml_min)
                .end_object();
        w.end_array()
            .member("weight_used", r.weight_used ? to_string(*r.weight_used) : std::string_view())
            .member("weight_reason", r.weight_reason)
            .key("source");
        optional_source(r.source);
        w.end_object();
    }

    void response(const Response& r, const DrugDb& db) {
        w.begin_object().member("ok", r.ok).member("data_version", r.data_version);
        if (!r.ok) {
            w.key("errors").begin_array();
            for (const auto& e : r.errors) w.begin_object().member("field", e.field).member("message", e.message).end_object();
            w.end_array().end_object();
            return;
        }
        const PresentationInfo& pr = r.presentation;
        w.member("verdict", to_string(r.verdict))
            .member("verdict_reason", r.verdict_reason)
            .key("drug")
            .begin_object()
            .member("id", r.drug)
            .member("name", r.drug_name)
            .member("product", pr.description)
            .member("mg_per_ml", pr.mg_per_ml)
            .end_object()
            .key("presentation")
            .begin_object()
            .member("route", to_string(pr.route))
            .member("kind", to_string(pr.kind))
            .member("description", pr.description)
            .member("mg_per_ml", pr.mg_per_ml)
            .member("min_measurable_mg", pr.min_measurable_mg)
            .member("min_measurable_ml", pr.min_measurable_ml)
            .key("source");
        source(pr.source);
        w.end_object()
            .member("region", to_string(r.region))
            .key("indication")
            .begin_object()
            .member("id", r.indication.id)
            .member("name", r.indication.name)
            .member("status", to_string(r.indication.status))
            .member("label_region", to_string(r.indication.region))
            .member("conditions", r.indication.conditions)
            .key("source");
        source(r.indication.source);
        w.end_object()
            .key("patient")
            .begin_object()
            .member("weight_kg", r.patient.weight_kg)
            .member("age_years", r.patient.age_years)
            .member("sex", to_string(r.patient.sex))
            .member("height_cm", r.patient.height_cm)
            .end_object()
            .key("renal");
        renal(r.renal);
        w.key("regimen");
        if (r.regimen) regimen(*r.regimen);
        else w.null();
        w.key("ladder");
        ladder(r.ladder);
        w.key("check");
        if (r.check) check(*r.check);
        else w.null();
        w.key("findings");
        findings(r.findings);
        w.member("findings_status", to_string(r.findings_status)).key("monitoring").begin_array();
        for (const auto& m : r.monitoring) {
            w.begin_object().member("what", m.what).member("months_after_start", m.months_after_start).member("dates", m.dates).key("source");
            source(m.source);
            w.end_object();
        }
        w.end_array().key("comparators").begin_array();
        for (const auto& c : r.comparators) comparator(c);
        w.end_array().key("exposure").begin_array();
        for (const auto& s : r.exposure) {
            w.begin_object()
                .member("drug", s.drug)
                .member("route", to_string(s.route))
                .member("regimen", s.regimen)
                .member("dose_mg", s.dose_mg)
                .member("interval_hours", s.interval_hours)
                .member("doses", s.doses)
                .member("relative_clearance", s.relative_clearance)
                .member("note", s.note)
                .member("t_hours", s.t_hours)
                .member("relative_concentration", s.relative_concentration)
                .key("source");
            source(s.source);
            w.end_object();
        }
        // A step names its rule by position in "step_sources": a typical answer's 134 steps rest
        // on 7 rules, and repeating each rule in full made the steps ~80 % of the response's bytes.
        w.end_array().key("steps").begin_array();
        for (const auto& s : r.steps) {
            w.begin_object()
                .member("quantity", quantity_of(r, s))
                .member("panel", to_string(s.panel))
                .member("text", text_of(r, s))
                .member("op", to_string(s.op))
                .key("operands").array(s.operands)
                .member("rounding", to_string(s.rounding))
                .member("decimals", s.decimals)
                .member("result", s.result)
                .member("unit", s.unit)
                .member("source", static_cast<long long>(s.source))
                .end_object();
        }
        w.end_array().key("step_sources").begin_array();
        for (const Source& s : r.step_sources) source(s);
        w.end_array().key("sources").begin_object();
        for (const auto& id : cited) {
            auto it = db.sources.find(id);
            if (it == db.sources.end()) continue;
            w.key_text(id)
                .begin_object()
                .member("title", it->second.title)
                .member("url", it->second.url)
                .member("checked", it->second.checked)
                .end_object();
        }
        w.end_object().end_object();
    }
};

}  // namespace

std::string response_to_json(const Response& r, const DrugDb& db) {
    Writer writer;
    writer.response(r, db);
    return writer.w.take();
}

}  // namespace core
