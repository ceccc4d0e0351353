// The data loader's reader: walks one data file, collecting errors with the file and JSON
// path, and rejects unknown keys, missing or unknown sources and impossible numbers. Shared by
// the drug data (drug_data_load.cpp) and the teaching cases (teaching_load.cpp).
#pragma once
#include "drug_data.hpp"
#include "json_object.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core {

struct TeachingSet;

inline bool contains(const std::vector<std::string>& list, const std::string& value) {
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

    // A range; "from" equal to "to" is one point (a boundary weight the label leaves to itself).
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
            const bool point = r.from && r.to && *r.from == *r.to;
            if (lo && hi && *lo >= *hi && !point) error(p, "empty range: lower bound not below upper bound");
            if (r.is_any()) error(p, "range has no bound");
        });
        return r;
    }

    // One of a closed set of words, or "" (with an error) when it is missing or unknown.
    std::string word(JsonObject& obj, const std::string& path, const std::string& key,
                     const std::vector<std::string>& allowed, bool required = true) {
        const std::string value = text(obj, path, key, required);
        if (!value.empty() && !contains(allowed, value)) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            error(path + "." + key, "unknown value \"" + value + "\" (" + list + ")");
            return {};
        }
        return value;
    }

    // One member of a closed set, by its name.
    template <typename Enum, std::size_t N>
    std::optional<Enum> choice(JsonObject& obj, const std::string& path, const std::string& key,
                               const std::array<Enum, N>& all, bool required = true) {
        std::vector<std::string> names;
        for (Enum e : all) names.emplace_back(to_string(e));
        const std::string value = word(obj, path, key, names, required);
        return value.empty() ? std::nullopt : from_name(value, all);
    }

    // A list of members of a closed set.
    template <typename Enum, std::size_t N>
    std::vector<Enum> choices(JsonObject& obj, const std::string& path, const std::string& key,
                              const std::array<Enum, N>& all) {
        std::vector<std::string> names;
        for (Enum e : all) names.emplace_back(to_string(e));
        std::vector<Enum> out;
        for (const auto& name : strings(obj, path, key, names)) out.push_back(*from_name(name, all));
        return out;
    }

private:
    std::string file_;
    std::vector<LoadError>& errors_;
    const std::map<std::string, SourceInfo>* sources_;
};

// data/teaching.json: the practice quantities and the teaching cases (teaching_load.cpp).
void read_teaching(Loader& L, const Json& root, TeachingSet& out);

}  // namespace core
