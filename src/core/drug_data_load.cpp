// Loads data/*.json into DrugDb and rejects anything the widget could misread.
#include "drug_data.hpp"
#include "json_object.hpp"

#include <algorithm>
#include <functional>

namespace core {

std::string_view to_string(UseStatus status) {
    switch (status) {
        case UseStatus::Labelled: return "labelled";
        case UseStatus::OffLabel: return "off-label";
        case UseStatus::EmergencyUse: return "emergency-use";
        case UseStatus::NotIndicated: return "not-indicated";
    }
    return "labelled";
}

const std::vector<std::string>& safety_flag_names() {
    static const std::vector<std::string> names = {
        "ecoli_hypersensitivity", "active_infection", "tnf_blocker", "live_vaccine_planned",
        "tb_history", "asthma", "pregnancy", "breastfeeding"};
    return names;
}

const std::vector<std::string>& safety_lab_names() {
    static const std::vector<std::string> names = {"anc_per_mm3", "platelets_per_mm3", "alt_ast_x_uln"};
    return names;
}

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Walks one file, collecting errors with their JSON paths.
class Loader {
public:
    Loader(std::string file, std::vector<LoadError>& errors, const std::map<std::string, SourceInfo>* sources)
        : file_(std::move(file)), errors_(errors), sources_(sources) {}

    void error(const std::string& path, const std::string& message) { errors_.push_back({file_, path, message}); }

    // Visits an object's members through `read`, then reports unknown keys.
    void object(const Json& value, const std::string& path, const std::function<void(JsonObject&)>& read) {
        if (!value.is_object()) {
            error(path, "must be an object");
            return;
        }
        JsonObject obj(value);
        read(obj);
        for (const auto& key : obj.unknown_keys()) error(path + "." + key, "unknown key");
    }

    std::string text(JsonObject& obj, const std::string& path, const std::string& key, bool required = true) {
        const Json* v = obj.get(key);
        if (v == nullptr) {
            if (required) error(path + "." + key, "missing");
            return {};
        }
        if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
            error(path + "." + key, "must be a non-empty string");
            return {};
        }
        return v->get<std::string>();
    }

    // A number in [min, max]; `positive` rejects 0 as well.
    std::optional<double> number(JsonObject& obj, const std::string& path, const std::string& key, bool required,
                                 double min, double max) {
        const Json* v = obj.get(key);
        if (v == nullptr) {
            if (required) error(path + "." + key, "missing");
            return std::nullopt;
        }
        double x = 0;
        if (!json_number(v, x)) {
            error(path + "." + key, "must be a finite number");
            return std::nullopt;
        }
        if (x < min || x > max) {
            error(path + "." + key, "impossible value " + json_dump(*v) + " (allowed " + json_dump(min) + " to " +
                                        json_dump(max) + ")");
            return std::nullopt;
        }
        return x;
    }

    bool boolean(JsonObject& obj, const std::string& path, const std::string& key) {
        const Json* v = obj.get(key);
        if (v == nullptr) return false;
        if (!v->is_boolean()) {
            error(path + "." + key, "must be true or false");
            return false;
        }
        return v->get<bool>();
    }

    std::vector<std::string> strings(JsonObject& obj, const std::string& path, const std::string& key,
                                     const std::vector<std::string>& allowed) {
        std::vector<std::string> out;
        const Json* v = obj.get(key);
        if (v == nullptr) return out;
        if (!v->is_array()) {
            error(path + "." + key, "must be a list of strings");
            return out;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const Json& item = (*v)[i];
            const std::string item_path = path + "." + key + "[" + std::to_string(i) + "]";
            if (!item.is_string()) {
                error(item_path, "must be a string");
            } else if (!allowed.empty() && !contains(allowed, item.get<std::string>())) {
                error(item_path, "unknown value " + json_dump(item));
            } else {
                out.push_back(item.get<std::string>());
            }
        }
        return out;
    }

    Source source(JsonObject& parent, const std::string& path, const std::string& key) {
        Source s;
        const Json* v = parent.get(key);
        const std::string p = path + "." + key;
        if (v == nullptr) {
            error(p, "missing source: every rule must cite its label section or reference");
            return s;
        }
        object(*v, p, [&](JsonObject& o) {
            s.refs = strings(o, p, "refs", {});
            if (s.refs.empty()) error(p + ".refs", "must list at least one source id");
            if (sources_ != nullptr)
                for (const auto& ref : s.refs)
                    if (!sources_->count(ref)) error(p + ".refs", "unknown source id \"" + ref + "\" (not in sources.json)");
            s.section = text(o, p, "section");
            s.unverified = boolean(o, p, "unverified");
            s.note = text(o, p, "note", false);
        });
        return s;
    }

    Range range(JsonObject& parent, const std::string& path, const std::string& key, double max) {
        Range r;
        const Json* v = parent.get(key);
        if (v == nullptr) return r;
        const std::string p = path + "." + key;
        object(*v, p, [&](JsonObject& o) {
            r.from = number(o, p, "from", false, 0, max);
            r.above = number(o, p, "above", false, 0, max);
            r.to = number(o, p, "to", false, 0, max);
            r.below = number(o, p, "below", false, 0, max);
            if (r.from && r.above) error(p, "give either from or above, not both");
            if (r.to && r.below) error(p, "give either to or below, not both");
            const auto lo = r.lower();
            const auto hi = r.to ? r.to : r.below;
            if (lo && hi && *lo >= *hi) error(p, "empty range: lower bound not below upper bound");
            if (r.is_any()) error(p, "range has no bound");
        });
        return r;
    }

private:
    std::string file_;
    std::vector<LoadError>& errors_;
    const std::map<std::string, SourceInfo>* sources_;
};

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
        if (kind == "fixed") {
            d.kind = DoseKind::Fixed;
            d.mg = L.number(o, p, "mg", true, 0.001, kMaxMg).value_or(0);
            d.increase_to_mg = L.number(o, p, "increase_to_mg", false, 0.001, kMaxMg);
            d.increase_note = L.text(o, p, "increase_note", false);
            if (d.increase_to_mg && *d.increase_to_mg <= d.mg) L.error(p + ".increase_to_mg", "must be above mg");
        } else if (kind == "per-kg") {
            d.kind = DoseKind::PerKg;
            d.mg_per_kg = L.number(o, p, "mg_per_kg", true, 0.001, 100).value_or(0);
            d.increase_to_mg_per_kg = L.number(o, p, "increase_to_mg_per_kg", false, 0.001, 100);
            d.max_mg = L.number(o, p, "max_mg", false, 0.001, kMaxMg);
            if (d.increase_to_mg_per_kg && *d.increase_to_mg_per_kg <= d.mg_per_kg)
                L.error(p + ".increase_to_mg_per_kg", "must be above mg_per_kg");
        } else if (kind == "escalating") {
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
        } else if (!kind.empty()) {
            L.error(p + ".kind", "unknown dose kind \"" + kind + "\" (fixed, per-kg, escalating)");
        }
    });
    return d;
}

Regimen read_regimen(Loader& L, const Json& value, const std::string& p) {
    Regimen r;
    L.object(value, p, [&](JsonObject& o) {
        r.route = L.text(o, p, "route");
        if (!r.route.empty() && r.route != "SC" && r.route != "IV") L.error(p + ".route", "must be SC or IV");
        r.interval_hours = L.number(o, p, "interval_hours", false, 1, kMaxHours);
        r.single_dose = L.boolean(o, p, "single_dose");
        r.repeat_after_hours_min = L.number(o, p, "repeat_after_hours_min", false, 1, kMaxHours);
        r.repeat_note = L.text(o, p, "repeat_note", false);
        r.course_days = L.number(o, p, "course_days", false, 1, 366);
        r.max_mg_per_administration = L.number(o, p, "max_mg_per_administration", false, 0.001, kMaxMg);
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
                if (!r.single_dose && !r.interval_hours && !b.interval_hours)
                    L.error(bp, "no interval: give interval_hours on the regimen or the band, or single_dose");
                const auto interval = b.interval_hours ? b.interval_hours : r.interval_hours;
                if (b.increase_to_interval_hours && interval && *b.increase_to_interval_hours >= *interval)
                    L.error(bp + ".increase_to_interval_hours", "must be shorter than the interval");
                r.bands.push_back(std::move(b));
            }
        }
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
            L.object(*renal, p + ".renal", [&](JsonObject& ro) {
                rr.crcl_below_ml_min = L.number(ro, p + ".renal", "crcl_below_ml_min", true, 1, 200).value_or(30);
                rr.esrd = L.boolean(ro, p + ".renal", "esrd");
                rr.interval_hours = L.number(ro, p + ".renal", "interval_hours", true, 1, kMaxHours).value_or(48);
                rr.reason = L.text(ro, p + ".renal", "reason");
                rr.source = L.source(ro, p + ".renal", "source");
            });
            r.renal = rr;
        }
    });
    return r;
}

Use read_use(Loader& L, const Json& value, const std::string& p) {
    Use u;
    L.object(value, p, [&](JsonObject& o) {
        u.indication = L.text(o, p, "indication");
        u.region = L.text(o, p, "region");
        if (!u.region.empty() && u.region != "us" && u.region != "eu" && u.region != "any")
            L.error(p + ".region", "must be us, eu or any");
        u.name = L.text(o, p, "name");
        u.conditions = L.text(o, p, "conditions", false);
        const std::string status = L.text(o, p, "status");
        if (status == "labelled") u.status = UseStatus::Labelled;
        else if (status == "off-label") u.status = UseStatus::OffLabel;
        else if (status == "emergency-use") u.status = UseStatus::EmergencyUse;
        else if (status == "not-indicated") u.status = UseStatus::NotIndicated;
        else if (!status.empty()) L.error(p + ".status", "unknown status \"" + status + "\"");
        u.source = L.source(o, p, "source");
        const auto age_years = L.number(o, p, "age_min_years", false, 0, 120);
        const auto age_months = L.number(o, p, "age_min_months", false, 0, kMaxMonths);
        if (age_years && age_months) L.error(p, "give age_min_years or age_min_months, not both");
        if (age_years) u.age_min_months = *age_years * 12;
        if (age_months) u.age_min_months = *age_months;
        u.weight_min_kg = L.number(o, p, "weight_min_kg", false, 0, kMaxKg);
        const Json* regimens = o.get("regimens");
        if (regimens == nullptr || !regimens->is_array()) {
            L.error(p + ".regimens", "must be a list");
        } else {
            for (size_t i = 0; i < regimens->size(); ++i)
                u.regimens.push_back(read_regimen(L, (*regimens)[i], p + ".regimens[" + std::to_string(i) + "]"));
            if (u.status == UseStatus::NotIndicated && !u.regimens.empty())
                L.error(p + ".regimens", "a not-indicated use must have no regimen");
            if (u.status != UseStatus::NotIndicated && u.regimens.empty())
                L.error(p + ".regimens", "an indicated use needs at least one regimen");
        }
    });
    return u;
}

Drug read_drug(Loader& L, const Json& root) {
    Drug d;
    L.object(root, "$", [&](JsonObject& o) {
        d.id = L.text(o, "$", "drug");
        d.name = L.text(o, "$", "name");
        if (const Json* product = o.get("product"))
            L.object(*product, "$.product", [&](JsonObject& po) {
                d.product.description = L.text(po, "$.product", "description");
                d.product.mg_per_ml = L.number(po, "$.product", "mg_per_ml", true, 0.001, 1000).value_or(0);
                d.product.unit_dose_mg = L.number(po, "$.product", "unit_dose_mg", true, 0.001, kMaxMg).value_or(0);
                d.product.source = L.source(po, "$.product", "source");
            });
        else L.error("$.product", "missing");
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
        if (const Json* rules = o.get("safety_rules"); rules != nullptr && rules->is_array()) {
            for (size_t i = 0; i < rules->size(); ++i) {
                const std::string p = "$.safety_rules[" + std::to_string(i) + "]";
                SafetyRule s;
                L.object((*rules)[i], p, [&](JsonObject& so) {
                    s.flag = L.text(so, p, "flag");
                    const bool is_lab = contains(safety_lab_names(), s.flag);
                    if (!s.flag.empty() && !is_lab && !contains(safety_flag_names(), s.flag))
                        L.error(p + ".flag", "unknown safety flag \"" + s.flag + "\"");
                    s.code = L.text(so, p, "code");
                    s.severity = L.text(so, p, "severity");
                    if (!s.severity.empty() && s.severity != "info" && s.severity != "caution" && s.severity != "contraindicated")
                        L.error(p + ".severity", "must be info, caution or contraindicated");
                    s.message = L.text(so, p, "message");
                    s.below = L.number(so, p, "below", false, 0, 1e7);
                    s.above = L.number(so, p, "above", false, 0, 1e7);
                    if (is_lab && !s.below && !s.above) L.error(p, "a lab rule needs below or above");
                    if (!is_lab && (s.below || s.above)) L.error(p, "only lab flags take below or above");
                    s.regions = L.strings(so, p, "regions", {"us", "eu"});
                    s.indications = L.strings(so, p, "indications", {});
                    s.except_indications = L.strings(so, p, "except_indications", {});
                    s.source = L.source(so, p, "source");
                });
                d.safety_rules.push_back(std::move(s));
            }
        } else {
            L.error("$.safety_rules", "must be a list");
        }
        if (const Json* mons = o.get("monitoring"); mons != nullptr && mons->is_array()) {
            for (size_t i = 0; i < mons->size(); ++i) {
                const std::string p = "$.monitoring[" + std::to_string(i) + "]";
                MonitoringRule m;
                L.object((*mons)[i], p, [&](JsonObject& mo) {
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
                    m.source = L.source(mo, p, "source");
                });
                d.monitoring.push_back(std::move(m));
            }
        } else {
            L.error("$.monitoring", "must be a list");
        }
        const Json* uses = o.get("uses");
        if (uses == nullptr || !uses->is_array() || uses->empty()) {
            L.error("$.uses", "must be a non-empty list");
        } else {
            for (size_t i = 0; i < uses->size(); ++i)
                d.uses.push_back(read_use(L, (*uses)[i], "$.uses[" + std::to_string(i) + "]"));
            for (size_t i = 0; i < d.uses.size(); ++i)
                for (size_t j = 0; j < i; ++j) {
                    const Use& a = d.uses[i];
                    const Use& b = d.uses[j];
                    const bool overlap = a.region == b.region || a.region == "any" || b.region == "any";
                    if (a.indication == b.indication && overlap)
                        L.error("$.uses[" + std::to_string(i) + "]", "duplicate use: " + a.indication + " in region " + a.region);
                }
        }
    });
    return d;
}

void read_methods(Loader& L, const Json& root, RenalMethods& m) {
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
            m.cg_weight = L.text(so, p, "weight");
            if (m.cg_weight != "actual") L.error(p + ".weight", "only \"actual\" body weight is implemented");
            m.cg_source = L.source(so, p, "source");
        });
        section("bedside_schwartz", [&](JsonObject& so, const std::string& p) {
            m.schwartz_k = L.number(so, p, "k", true, 0.1, 1).value_or(0.413);
            m.schwartz_min_age_years = L.number(so, p, "min_age_years", true, 0, 18).value_or(1);
            m.schwartz_below_age_years = L.number(so, p, "below_age_years", true, 1, 120).value_or(18);
            m.schwartz_source = L.source(so, p, "source");
        });
    });
}

}  // namespace

LoadResult load_drug_db(const std::vector<DataFile>& files) {
    LoadResult result;
    DrugDb db;
    auto parse = [&](const DataFile& f) -> Json {
        Json root = Json::parse(f.text, nullptr, false);
        if (root.is_discarded()) result.errors.push_back({f.name, "$", "not valid JSON"});
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
                        const Json* url = so.get("url");
                        if (url == nullptr || !url->is_string()) L.error(p + ".url", "must be a string (empty for none)");
                        else info.url = url->get<std::string>();
                    });
                    db.sources[it.key()] = info;
                }
            });
    }
    bool have_methods = false;
    for (const auto& f : files) {
        if (&f == sources_file) continue;
        Json root = parse(f);
        if (root.is_discarded()) continue;
        Loader L(f.name, result.errors, &db.sources);
        if (f.name == "methods.json") {
            read_methods(L, root, db.renal_methods);
            have_methods = true;
        } else {
            Drug d = read_drug(L, root);
            if (!d.id.empty() && f.name != d.id + ".json") L.error("$.drug", "drug id must match the file name");
            if (db.find(d.id) != nullptr) L.error("$.drug", "duplicate drug \"" + d.id + "\"");
            db.drugs.push_back(std::move(d));
        }
    }
    if (!have_methods) result.errors.push_back({"methods.json", "$", "missing data file"});
    if (db.find("anakinra") == nullptr) result.errors.push_back({"anakinra.json", "$", "missing data file"});
    if (result.errors.empty()) result.db = std::move(db);
    return result;
}

}  // namespace core
