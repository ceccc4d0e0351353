// Loads data/*.json into DrugDb and rejects anything the widget could misread.
#include "drug_data.hpp"
#include "json_object.hpp"
#include "json_text.hpp"
#include "data_loader.hpp"
#include "teaching.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace core {

namespace {

constexpr double kMaxKg = 1000, kMaxMg = 10000, kMaxHours = 24 * 366, kMaxMonths = 1500;

Dose read_dose(Loader& L, JsonObject& band, const std::string& path) {
    Dose d;
    const Json* v = band.get("dose");
    const std::string p = path + ".dose";
    if (v == nullptr) {
        L.error(p, "missing");
        return d;
    }
    L.object(*v, p, [&](JsonObject& o) {
        const std::string kind = L.text(o, p, "kind");
        if (kind == data_name(DoseKind::Fixed)) {
            d.kind = DoseKind::Fixed;
            d.mg = L.number(o, p, "mg", true, 0.001, kMaxMg).value_or(0);
            d.increase_to_mg = L.number(o, p, "increase_to_mg", false, 0.001, kMaxMg);
            d.increase_note = L.text(o, p, "increase_note", false);
            d.increase_unverified = L.boolean(o, p, "increase_unverified");
            if (d.increase_unverified && d.increase_to_mg) L.error(p + ".increase_unverified", "not with increase_to_mg");
            if (d.increase_to_mg && *d.increase_to_mg <= d.mg) L.error(p + ".increase_to_mg", "must be above mg");
            if (o.get("backstop") != nullptr && !d.increase_unverified)
                L.error(p + ".backstop", "a backstop goes with increase_unverified (a verified increase is its own limit)");
        } else if (kind == data_name(DoseKind::PerKg)) {
            d.kind = DoseKind::PerKg;
            d.mg_per_kg = L.number(o, p, "mg_per_kg", true, 0.001, 100).value_or(0);
            d.increase_to_mg_per_kg = L.number(o, p, "increase_to_mg_per_kg", false, 0.001, 100);
            d.max_mg = L.number(o, p, "max_mg", false, 0.001, kMaxMg);
            if (d.increase_to_mg_per_kg && *d.increase_to_mg_per_kg <= d.mg_per_kg)
                L.error(p + ".increase_to_mg_per_kg", "must be above mg_per_kg");
        } else if (kind == data_name(DoseKind::Escalating)) {
            d.kind = DoseKind::Escalating;
            const Json* start = o.get("start_mg_per_kg_per_day");
            if (start == nullptr) L.error(p + ".start_mg_per_kg_per_day", "missing");
            else
                L.object(*start, p + ".start_mg_per_kg_per_day", [&](JsonObject& s) {
                    d.start_min_mg_per_kg_per_day = L.number(s, p + ".start_mg_per_kg_per_day", "min", true, 0.001, 100).value_or(0);
                    d.start_max_mg_per_kg_per_day = L.number(s, p + ".start_mg_per_kg_per_day", "max", true, 0.001, 100).value_or(0);
                    if (d.start_max_mg_per_kg_per_day < d.start_min_mg_per_kg_per_day)
                        L.error(p + ".start_mg_per_kg_per_day", "max below min");
                });
            d.start_max_mg_per_day = L.number(o, p, "start_max_mg_per_day", false, 0.001, kMaxMg);
            d.ceiling_mg_per_kg_per_day = L.number(o, p, "ceiling_mg_per_kg_per_day", false, 0.001, 100);
            d.max_mg_per_day = L.number(o, p, "max_mg_per_day", false, 0.001, kMaxMg);
            const Json* steps = o.get("steps_mg_per_kg");
            if (steps != nullptr) {
                if (!steps->is_array() || steps->empty()) L.error(p + ".steps_mg_per_kg", "must be a non-empty list");
                else
                    for (size_t i = 0; i < steps->size(); ++i) {
                        double step = 0;
                        if (!json_number(&(*steps)[i], step) || step <= 0 || step > 10)
                            L.error(p + ".steps_mg_per_kg[" + std::to_string(i) + "]", "must be a number above 0 and at most 10");
                        else d.steps_mg_per_kg.push_back(step);
                    }
            }
            if (d.ceiling_mg_per_kg_per_day && *d.ceiling_mg_per_kg_per_day < d.start_max_mg_per_kg_per_day)
                L.error(p + ".ceiling_mg_per_kg_per_day", "ceiling below the start range");
            const bool has_ceiling = d.ceiling_mg_per_kg_per_day || d.max_mg_per_day;
            if (has_ceiling && d.steps_mg_per_kg.empty())
                L.error(p + ".steps_mg_per_kg", "a dose with a ceiling needs escalation steps");
            if (has_ceiling && o.get("backstop") != nullptr)
                L.error(p + ".backstop", "a backstop is for a dose with no verified ceiling");
        } else if (!kind.empty()) {
            L.error(p + ".kind", "unknown dose kind \"" + kind + "\" (fixed, per-kg, escalating)");
        }
        if (const Json* b = o.get("backstop")) {
            Backstop backstop;
            L.object(*b, p + ".backstop", [&](JsonObject& bo) {
                backstop.mg_per_day = L.number(bo, p + ".backstop", "mg_per_day", true, 0.001, kMaxMg).value_or(0);
                backstop.source = L.source(bo, p + ".backstop", "source");
            });
            if (d.kind == DoseKind::PerKg) L.error(p + ".backstop", "a per-kg dose has its own caps");
            if (d.kind == DoseKind::Fixed && backstop.mg_per_day <= d.mg) L.error(p + ".backstop.mg_per_day", "must be above mg");
            d.backstop = backstop;
        }
    });
    return d;
}

Course read_course(Loader& L, JsonObject& regimen, const std::string& path) {
    Course c;
    const std::string p = path + ".course";
    L.object(*regimen.get("course"), p, [&](JsonObject& o) {
        c.days = L.number(o, p, "days", false, 1, 366);
        if (const auto n = L.number(o, p, "max_administrations", false, 1, 100)) {
            if (*n != static_cast<int>(*n)) L.error(p + ".max_administrations", "must be a whole number");
            c.max_administrations = static_cast<int>(*n);
        }
        c.min_hours_between = L.number(o, p, "min_hours_between", false, 1, kMaxHours);
        c.retreat_after_hours_min = L.number(o, p, "retreat_after_hours_min", false, 1, kMaxHours);
        // Where the data say how serious running past the course is (no default in C++).
        const std::array<Severity, 2> order_severities = {Severity::Caution, Severity::Exceeds};
        c.overrun_severity = L.choice(o, p, "overrun_severity", order_severities).value_or(Severity::Exceeds);
        c.open_ended_severity = L.choice(o, p, "open_ended_severity", order_severities).value_or(Severity::Exceeds);
        c.note = L.text(o, p, "note", false);
        c.source = L.source(o, p, "source");
        if (c.days.has_value() == c.max_administrations.has_value())
            L.error(p, "give either days or max_administrations (one of them)");
    });
    return c;
}

Regimen read_regimen(Loader& L, const Json& value, const std::string& p) {
    Regimen r;
    L.object(value, p, [&](JsonObject& o) {
        r.route = L.choice(o, p, "route", kRoutes).value_or(Route::SC);
        r.interval_hours = L.number(o, p, "interval_hours", false, 1, kMaxHours);
        if (o.get("course") != nullptr) r.course = read_course(L, o, p);
        r.max_mg_per_administration = L.number(o, p, "max_mg_per_administration", false, 0.001, kMaxMg);
        if (o.get("cap_source") != nullptr) r.cap_source = L.source(o, p, "cap_source");
        if (r.max_mg_per_administration.has_value() != r.cap_source.has_value())
            L.error(p + ".cap_source", "a per-administration cap and its source go together");
        const bool counted_course = r.course && r.course->max_administrations;
        const Json* bands = o.get("bands");
        if (bands == nullptr || !bands->is_array() || bands->empty()) {
            L.error(p + ".bands", "must be a non-empty list");
        } else {
            for (size_t i = 0; i < bands->size(); ++i) {
                const std::string bp = p + ".bands[" + std::to_string(i) + "]";
                Band b;
                L.object((*bands)[i], bp, [&](JsonObject& bo) {
                    b.weight_kg = L.range(bo, bp, "weight_kg", kMaxKg);
                    b.age_months = L.range(bo, bp, "age_months", kMaxMonths);
                    b.interval_hours = L.number(bo, bp, "interval_hours", false, 1, kMaxHours);
                    b.increase_to_interval_hours = L.number(bo, bp, "increase_to_interval_hours", false, 1, kMaxHours);
                    b.dose = read_dose(L, bo, bp);
                    b.source = L.source(bo, bp, "source");
                });
                if (!counted_course && !r.interval_hours && !b.interval_hours)
                    L.error(bp, "no interval: give interval_hours on the regimen or the band, or a course of max_administrations");
                const auto interval = b.interval_hours ? b.interval_hours : r.interval_hours;
                if (b.increase_to_interval_hours && interval && *b.increase_to_interval_hours >= *interval)
                    L.error(bp + ".increase_to_interval_hours", "must be shorter than the interval");
                r.bands.push_back(std::move(b));
            }
        }
        if (r.course && r.course->days && !r.interval_hours) L.error(p + ".course.days", "a course of days needs interval_hours");
        if (const Json* split = o.get("split")) {
            SplitRule s;
            L.object(*split, p + ".split", [&](JsonObject& so) {
                const Json* allowed = so.get("allowed");
                if (allowed == nullptr || !allowed->is_boolean()) L.error(p + ".split.allowed", "must be true or false");
                else s.allowed = allowed->get<bool>();
                s.source = L.source(so, p + ".split", "source");
            });
            r.split = s;
        }
        if (const Json* renal = o.get("renal")) {
            RenalRule rr;
            const std::string rp = p + ".renal";
            L.object(*renal, rp, [&](JsonObject& ro) {
                rr.crcl_below_ml_min = L.number(ro, rp, "crcl_below_ml_min", true, 1, 200).value_or(30);
                rr.esrd = L.boolean(ro, rp, "esrd");
                rr.interval_hours = L.number(ro, rp, "interval_hours", true, 1, kMaxHours).value_or(48);
                rr.reason = L.text(ro, rp, "reason");
                rr.source = L.source(ro, rp, "source");
                rr.esrd_note = L.text(ro, rp, "esrd_note", false);
                if (ro.get("esrd_source") != nullptr) rr.esrd_source = L.source(ro, rp, "esrd_source");
                if (rr.esrd_note.empty() != !rr.esrd_source) L.error(rp, "esrd_note and esrd_source go together");
            });
            r.renal = rr;
        }
    });
    return r;
}

// An age range in years (as written in labels) as months.
std::optional<Range> age_range_in_months(Loader& L, JsonObject& o, const std::string& p, const std::string& key) {
    if (o.get(key) == nullptr) return std::nullopt;
    Range years = L.range(o, p, key, 120);
    for (auto* bound : {&years.from, &years.above, &years.to, &years.below})
        if (*bound) **bound *= 12;
    return years;
}

Use read_use(Loader& L, const Json& value, const std::string& p) {
    Use u;
    L.object(value, p, [&](JsonObject& o) {
        u.indication = L.text(o, p, "indication");
        u.region = L.choice(o, p, "region", kRegions).value_or(Region::Us);
        u.name = L.text(o, p, "name");
        u.conditions = L.text(o, p, "conditions", false);
        u.status = L.choice(o, p, "status", kUseStatuses).value_or(UseStatus::Labelled);
        u.source = L.source(o, p, "source");
        const auto age_years = L.number(o, p, "age_min_years", false, 0, 120);
        const auto age_months = L.number(o, p, "age_min_months", false, 0, kMaxMonths);
        if (age_years && age_months) L.error(p, "give age_min_years or age_min_months, not both");
        if (age_years) u.age_min_months = *age_years * 12;
        if (age_months) u.age_min_months = *age_months;
        u.weight_min_kg = L.number(o, p, "weight_min_kg", false, 0, kMaxKg);
        u.applies_to_age_months = age_range_in_months(L, o, p, "applies_to_age_years");
        auto note = [&](const char* key) -> std::optional<UseNote> {
            const Json* v = o.get(key);
            if (v == nullptr) return std::nullopt;
            UseNote n;
            const std::string np = p + "." + key;
            L.object(*v, np, [&](JsonObject& no) {
                n.message = L.text(no, np, "message");
                n.source = L.source(no, np, "source");
            });
            return n;
        };
        u.scope_caution = note("scope_caution");
        u.dose_not_in_data = note("dose_not_in_data");
        if (u.dose_not_in_data && u.status == UseStatus::NotIndicated)
            L.error(p + ".dose_not_in_data", "a not-indicated use has no dose anyway");
        const Json* regimens = o.get("regimens");
        if (regimens == nullptr || !regimens->is_array()) {
            L.error(p + ".regimens", "must be a list");
        } else {
            for (size_t i = 0; i < regimens->size(); ++i)
                u.regimens.push_back(read_regimen(L, (*regimens)[i], p + ".regimens[" + std::to_string(i) + "]"));
            if (u.status == UseStatus::NotIndicated && !u.regimens.empty())
                L.error(p + ".regimens", "a not-indicated use must have no regimen");
            if (u.status != UseStatus::NotIndicated && !u.dose_not_in_data && u.regimens.empty())
                L.error(p + ".regimens", "an indicated use needs at least one regimen (or dose_not_in_data)");
            if (u.dose_not_in_data && !u.regimens.empty())
                L.error(p + ".regimens", "a use whose dose is not in the data has no regimen");
        }
    });
    return u;
}

Presentation read_presentation(Loader& L, const Json& value, const std::string& p) {
    Presentation pr;
    L.object(value, p, [&](JsonObject& o) {
        pr.route = L.choice(o, p, "route", kRoutes).value_or(Route::SC);
        pr.kind = L.choice(o, p, "kind", kPresentationKinds).value_or(PresentationKind::GraduatedSyringe);
        pr.description = L.text(o, p, "description");
        pr.mg_per_ml = L.number(o, p, "mg_per_ml", true, 0.001, 1000).value_or(1);
        const bool device = pr.kind != PresentationKind::Vials;
        pr.device_mg = L.number(o, p, "device_mg", device, 0.001, kMaxMg).value_or(1);
        pr.device_ml = L.number(o, p, "device_ml", device, 0.001, 100).value_or(1);
        if (device && std::fabs(pr.device_mg / pr.device_ml - pr.mg_per_ml) > 0.01 * pr.mg_per_ml)
            L.error(p + ".device_ml", "device_mg / device_ml does not match mg_per_ml");
        if (const Json* vials = o.get("vials")) {
            if (!vials->is_array() || vials->empty()) L.error(p + ".vials", "must be a non-empty list");
            else
                for (size_t i = 0; i < vials->size(); ++i) {
                    const std::string vp = p + ".vials[" + std::to_string(i) + "]";
                    Vial v;
                    L.object((*vials)[i], vp, [&](JsonObject& vo) {
                        v.mg = L.number(vo, vp, "mg", true, 0.001, kMaxMg).value_or(1);
                        v.ml = L.number(vo, vp, "ml", true, 0.001, 1000).value_or(1);
                    });
                    if (std::fabs(v.mg / v.ml - pr.mg_per_ml) > 0.01 * pr.mg_per_ml) L.error(vp, "mg / ml does not match mg_per_ml");
                    if (!pr.vials.empty() && v.mg <= pr.vials.back().mg) L.error(vp, "vials must be listed smallest first");
                    pr.vials.push_back(v);
                }
        }
        if ((pr.kind == PresentationKind::Vials) == pr.vials.empty()) L.error(p + ".vials", "vials go with kind \"vials\" only");
        if (const Json* m = o.get("measurable")) {
            const std::string mp = p + ".measurable";
            L.object(*m, mp, [&](JsonObject& mo) {
                pr.min_measurable_mg = L.number(mo, mp, "min_mg", true, 0.001, kMaxMg);
                pr.measurable_source = L.source(mo, mp, "source");
            });
            if (pr.kind == PresentationKind::WholeDevice) L.error(mp, "a whole device is given whole: it has no measurable minimum");
        }
        if (const Json* d = o.get("smallest_labelled_draw")) {
            const std::string dp = p + ".smallest_labelled_draw";
            L.object(*d, dp, [&](JsonObject& d_o) {
                pr.smallest_labelled_draw_mg = L.number(d_o, dp, "mg", true, 0.001, kMaxMg);
                pr.smallest_labelled_draw_source = L.source(d_o, dp, "source");
            });
            if (pr.kind == PresentationKind::WholeDevice) L.error(dp, "a whole device is given whole: nothing is drawn from it");
            if (pr.min_measurable_mg) L.error(dp, "a presentation with a measurable minimum needs no smallest labelled draw");
        }
        pr.source = L.source(o, p, "source");
    });
    return pr;
}

SafetyRule read_safety_rule(Loader& L, const Json& value, const std::string& p) {
    SafetyRule s;
    L.object(value, p, [&](JsonObject& so) {
        s.flag = L.text(so, p, "flag");
        const bool is_lab = find_safety_lab(s.flag) != nullptr;
        if (!s.flag.empty() && !is_lab && !is_safety_flag(s.flag))
            L.error(p + ".flag", "unknown safety flag \"" + s.flag + "\"");
        s.code = L.text(so, p, "code");
        const std::string severity = L.word(so, p, "severity", {"info", "caution", "contraindicated"});
        s.severity = severity_from_string(severity).value_or(Severity::Caution);
        s.message = L.text(so, p, "message");
        s.value = L.range(so, p, "value", 1e7);
        if (is_lab && s.value.is_any()) L.error(p, "a lab rule needs a value range");
        if (!is_lab && !s.value.is_any()) L.error(p, "only lab flags take a value range");
        s.when = L.choice(so, p, "when", kTreatmentPhases, false).value_or(TreatmentPhase::Any);
        s.regions = L.choices(so, p, "regions", kRequestRegions);
        s.indications = L.strings(so, p, "indications", {});
        s.except_indications = L.strings(so, p, "except_indications", {});
        s.source = L.source(so, p, "source");
    });
    return s;
}

// A list member of the drug file read item by item.
template <typename T>
void read_list(Loader& L, JsonObject& o, const std::string& key, bool required, std::vector<T>& out,
               const std::function<T(const Json&, const std::string&)>& read) {
    const Json* list = o.get(key);
    if (list == nullptr && !required) return;
    if (list == nullptr || !list->is_array()) {
        L.error("$." + key, "must be a list");
        return;
    }
    for (size_t i = 0; i < list->size(); ++i) out.push_back(read((*list)[i], "$." + key + "[" + std::to_string(i) + "]"));
}

Drug read_drug(Loader& L, const Json& root) {
    Drug d;
    L.object(root, "$", [&](JsonObject& o) {
        d.id = L.text(o, "$", "drug");
        d.name = L.text(o, "$", "name");
        if (const Json* names = o.get("region_names")) {
            L.object(*names, "$.region_names", [&](JsonObject& no) {
                for (Region region : kRequestRegions) {
                    const std::string key(to_string(region));
                    if (no.get(key) != nullptr) d.region_names[region] = L.text(no, "$.region_names", key);
                }
            });
        }
        read_list<Presentation>(L, o, "presentations", true, d.presentations,
                                [&](const Json& v, const std::string& p) { return read_presentation(L, v, p); });
        if (d.presentations.empty()) L.error("$.presentations", "must list at least one presentation");
        d.label_source = L.source(o, "$", "label");
        if (const Json* max = o.get("max_labelled_mg_per_kg_per_day")) {
            LabelledMaximum m;
            L.object(*max, "$.max_labelled_mg_per_kg_per_day", [&](JsonObject& mo) {
                m.mg_per_kg_per_day = L.number(mo, "$.max_labelled_mg_per_kg_per_day", "value", true, 0.001, 100).value_or(0);
                m.source = L.source(mo, "$.max_labelled_mg_per_kg_per_day", "source");
            });
            d.max_labelled = m;
        }
        if (const Json* pk = o.get("pk"))
            L.object(*pk, "$.pk", [&](JsonObject& ko) {
                d.pk.half_life_hours = L.number(ko, "$.pk", "half_life_hours", true, 0.1, 24 * 365).value_or(1);
                d.pk.tmax_hours = L.number(ko, "$.pk", "tmax_hours", true, 0, 24 * 365).value_or(0);
                // Bateman's curve peaks before 1/ke = t1/2/ln2; a later Tmax is impossible.
                if (d.pk.tmax_hours >= d.pk.half_life_hours / 0.6931471805599453)
                    L.error("$.pk.tmax_hours", "impossible: must be below half_life_hours / ln 2");
                d.pk.source = L.source(ko, "$.pk", "source");
                if (const Json* bands = ko.get("clearance_by_renal")) {
                    if (!bands->is_array()) L.error("$.pk.clearance_by_renal", "must be a list");
                    else
                        for (size_t i = 0; i < bands->size(); ++i) {
                            const std::string bp = "$.pk.clearance_by_renal[" + std::to_string(i) + "]";
                            ClearanceBand cb;
                            L.object((*bands)[i], bp, [&](JsonObject& bo) {
                                cb.esrd = L.boolean(bo, bp, "esrd");
                                if (!cb.esrd) cb.crcl_ml_min = L.range(bo, bp, "crcl_ml_min", 500);
                                cb.relative_clearance = L.number(bo, bp, "relative_clearance", true, 0.01, 1).value_or(1);
                            });
                            d.pk.clearance_by_renal.push_back(cb);
                        }
                    d.pk.clearance_source = L.source(ko, "$.pk", "clearance_source");
                }
            });
        else L.error("$.pk", "missing");
        read_list<SafetyRule>(L, o, "safety_rules", true, d.safety_rules,
                              [&](const Json& v, const std::string& p) { return read_safety_rule(L, v, p); });
        read_list<MonitoringRule>(L, o, "monitoring", true, d.monitoring, [&](const Json& v, const std::string& p) {
            MonitoringRule m;
            L.object(v, p, [&](JsonObject& mo) {
                m.what = L.text(mo, p, "what");
                const Json* months = mo.get("months_after_start");
                if (months == nullptr || !months->is_array() || months->empty())
                    L.error(p + ".months_after_start", "must be a non-empty list");
                else
                    for (const auto& month : *months) {
                        if (!month.is_number_integer() || month.get<int>() < 0 || month.get<int>() > 120)
                            L.error(p + ".months_after_start", "months must be whole numbers from 0 to 120");
                        else m.months_after_start.push_back(month.get<int>());
                    }
                m.regions = L.choices(mo, p, "regions", kRequestRegions);
                m.indications = L.strings(mo, p, "indications", {});
                m.source = L.source(mo, p, "source");
            });
            return m;
        });
        read_list<Use>(L, o, "uses", true, d.uses, [&](const Json& v, const std::string& p) { return read_use(L, v, p); });
        if (d.uses.empty()) L.error("$.uses", "must be a non-empty list");
        for (size_t i = 0; i < d.uses.size(); ++i) {
            const std::string up = "$.uses[" + std::to_string(i) + "]";
            for (size_t k = 0; k < d.uses[i].regimens.size(); ++k)
                if (d.presentation_for(d.uses[i].regimens[k].route) == nullptr)
                    L.error(up + ".regimens[" + std::to_string(k) + "].route",
                            "no presentation for route " + std::string(to_string(d.uses[i].regimens[k].route)));
            for (size_t j = 0; j < i; ++j) {
                const Use& a = d.uses[i];
                const Use& b = d.uses[j];
                const bool overlap = a.region == b.region || a.region == Region::Any || b.region == Region::Any;
                // Entries for one indication may split it by age (both say which ages they cover).
                const bool by_age = a.applies_to_age_months && b.applies_to_age_months;
                if (a.indication == b.indication && overlap && !by_age)
                    L.error(up, "duplicate use: " + a.indication + " in region " + std::string(to_string(a.region)));
            }
        }
    });
    return d;
}

void read_methods(Loader& L, const Json& root, RenalMethods& m, WeightForAgeReference& w) {
    L.object(root, "$", [&](JsonObject& o) {
        auto section = [&](const char* key, const std::function<void(JsonObject&, const std::string&)>& read) {
            const Json* v = o.get(key);
            const std::string p = std::string("$.") + key;
            if (v == nullptr) L.error(p, "missing");
            else L.object(*v, p, [&](JsonObject& so) { read(so, p); });
        };
        section("creatinine_conversion", [&](JsonObject& so, const std::string& p) {
            m.umol_l_per_mg_dl = L.number(so, p, "umol_l_per_mg_dl", true, 80, 100).value_or(88.4);
            m.conversion_source = L.source(so, p, "source");
        });
        section("cockcroft_gault", [&](JsonObject& so, const std::string& p) {
            m.cg_constant = L.number(so, p, "constant", true, 1, 1000).value_or(72);
            m.cg_female_factor = L.number(so, p, "female_factor", true, 0.5, 1).value_or(0.85);
            m.cg_min_age_years = L.number(so, p, "min_age_years", true, 0, 120).value_or(18);
            m.cg_source = L.source(so, p, "source");
        });
        section("body_weight", [&](JsonObject& so, const std::string& p) {
            m.ibw_male_kg = L.number(so, p, "ibw_male_kg", true, 20, 100).value_or(50);
            m.ibw_female_kg = L.number(so, p, "ibw_female_kg", true, 20, 100).value_or(45.5);
            m.ibw_kg_per_inch = L.number(so, p, "ibw_kg_per_inch", true, 0.1, 10).value_or(2.3);
            m.ibw_from_height_cm = L.number(so, p, "ibw_from_height_cm", true, 100, 200).value_or(152.4);
            m.adjusted_weight_factor = L.number(so, p, "adjusted_weight_factor", true, 0, 1).value_or(0.4);
            m.obese_bmi = L.number(so, p, "obese_bmi", true, 15, 60).value_or(30);
            m.weight_source = L.source(so, p, "source");
        });
        section("bedside_schwartz", [&](JsonObject& so, const std::string& p) {
            m.schwartz_k = L.number(so, p, "k", true, 0.1, 1).value_or(0.413);
            m.schwartz_min_age_years = L.number(so, p, "min_age_years", true, 0, 18).value_or(1);
            m.schwartz_below_age_years = L.number(so, p, "below_age_years", true, 1, 120).value_or(18);
            m.schwartz_source = L.source(so, p, "source");
        });
        section("weight_for_age", [&](JsonObject& so, const std::string& p) {
            w.reference = L.text(so, p, "reference");
            L.text(so, p, "method");
            w.source = L.source(so, p, "source");
            const Json* rows = so.get("rows");
            if (rows == nullptr || !rows->is_array() || rows->size() < 2) {
                L.error(p + ".rows", "must be a list of at least two rows");
                return;
            }
            for (size_t i = 0; i < rows->size(); ++i) {
                const Json& row = (*rows)[i];
                const std::string rp = p + ".rows[" + std::to_string(i) + "]";
                double x[5] = {};
                bool ok = row.is_array() && row.size() == 5;
                for (size_t k = 0; ok && k < 5; ++k) ok = json_number(&row[k], x[k]) && x[k] >= 0;
                if (!ok) {
                    L.error(rp, "must be [age_months, male_min_kg, male_max_kg, female_min_kg, female_max_kg]");
                    continue;
                }
                if (x[1] >= x[2] || x[3] >= x[4]) L.error(rp, "a minimum is not below its maximum");
                if (!w.rows.empty() && x[0] <= w.rows.back().age_months) L.error(rp, "ages must ascend");
                w.rows.push_back({x[0], x[1], x[2], x[3], x[4]});
            }
        });
    });
}

void read_findings(Loader& L, const Json& root, FindingCatalogue& catalogue) {
    L.object(root, "$", [&](JsonObject& o) {
        L.text(o, "$", "description");
        const Json* codes = o.get("codes");
        if (codes == nullptr || !codes->is_object() || codes->empty()) {
            L.error("$.codes", "must be a non-empty object");
            return;
        }
        for (auto it = codes->begin(); it != codes->end(); ++it) {
            const std::string p = "$.codes." + it.key();
            bool well_formed = !it.key().empty();
            for (char c : it.key()) well_formed = well_formed && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
            if (!well_formed) L.error(p, "a finding code is written in capitals, digits and underscores");
            FindingCode code;
            L.object(it.value(), p, [&](JsonObject& co) {
                const Json* bears = co.get("bears_on_order");
                if (bears == nullptr || !bears->is_boolean()) L.error(p + ".bears_on_order", "must be true or false");
                else code.bears_on_order = bears->get<bool>();
                code.meaning = L.text(co, p, "meaning");
            });
            catalogue.codes[it.key()] = code;
        }
    });
}

}  // namespace

LoadResult load_drug_db(const std::vector<DataFile>& files) {
    LoadResult result;
    DrugDb db;
    auto parse = [&](const DataFile& f) -> Json {
        Json root;
        if (const auto bad = parse_json_strict(f.text, root))
            result.errors.push_back({f.name, bad->path.empty() ? "$" : "$." + bad->path, bad->message});
        return root;
    };
    // sources.json first: every other file's refs are checked against it.
    const DataFile* sources_file = nullptr;
    for (const auto& f : files)
        if (f.name == "sources.json") sources_file = &f;
    if (sources_file == nullptr) {
        result.errors.push_back({"sources.json", "$", "missing data file"});
        return result;
    }
    {
        Json root = parse(*sources_file);
        Loader L("sources.json", result.errors, nullptr);
        if (!root.is_discarded())
            L.object(root, "$", [&](JsonObject& o) {
                db.data_version = L.text(o, "$", "data_version");
                L.text(o, "$", "facts_file");
                const Json* list = o.get("sources");
                if (list == nullptr || !list->is_object() || list->empty()) {
                    L.error("$.sources", "must be a non-empty object");
                    return;
                }
                for (auto it = list->begin(); it != list->end(); ++it) {
                    const std::string p = "$.sources." + it.key();
                    SourceInfo info;
                    L.object(it.value(), p, [&](JsonObject& so) {
                        info.title = L.text(so, p, "title");
                        info.checked = L.text(so, p, "checked");
                        const Json* url = so.get("url");
                        if (url == nullptr || !url->is_string()) L.error(p + ".url", "must be a string (empty for none)");
                        else info.url = url->get<std::string>();
                    });
                    db.sources[it.key()] = info;
                }
            });
    }
    bool have_methods = false, have_findings = false;
    for (const auto& f : files) {
        if (&f == sources_file) continue;
        Json root = parse(f);
        if (root.is_discarded()) continue;
        Loader L(f.name, result.errors, &db.sources);
        if (f.name == "methods.json") {
            read_methods(L, root, db.renal_methods, db.weight_for_age);
            have_methods = true;
        } else if (f.name == "teaching.json") {
            read_teaching(L, root, db.teaching);
        } else if (f.name == "findings.json") {
            read_findings(L, root, db.findings);
            have_findings = true;
        } else {
            Drug d = read_drug(L, root);
            if (!d.id.empty() && f.name != d.id + ".json") L.error("$.drug", "drug id must match the file name");
            if (db.find(d.id) != nullptr) L.error("$.drug", "duplicate drug \"" + d.id + "\"");
            db.drugs.push_back(std::move(d));
        }
    }
    if (!have_methods) result.errors.push_back({"methods.json", "$", "missing data file"});
    if (!have_findings) result.errors.push_back({"findings.json", "$", "missing data file"});
    // Every code a safety rule gives is a catalogued finding code.
    for (const auto& drug : db.drugs)
        for (size_t i = 0; i < drug.safety_rules.size(); ++i)
            if (have_findings && !db.findings.known(drug.safety_rules[i].code))
                result.errors.push_back({drug.id + ".json", "$.safety_rules[" + std::to_string(i) + "].code",
                                         "unknown finding code \"" + drug.safety_rules[i].code + "\" (not in findings.json)"});
    if (db.find("anakinra") == nullptr) result.errors.push_back({"anakinra.json", "$", "missing data file"});
    if (result.errors.empty()) result.db = std::move(db);
    return result;
}

}  // namespace core
