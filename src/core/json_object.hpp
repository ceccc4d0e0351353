// Reads a JSON object key by key and reports the keys nobody asked for (unknown keys are
// errors for both the drug data and requests).
#pragma once
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace core {

using Json = nlohmann::json;

class JsonObject {
public:
    explicit JsonObject(const Json& value) : value_(value) {}
    bool is_object() const { return value_.is_object(); }
    // The member, or nullptr when absent (or when this is not an object).
    const Json* get(const std::string& key) {
        asked_.insert(key);
        if (!value_.is_object()) return nullptr;
        auto it = value_.find(key);
        return it == value_.end() ? nullptr : &*it;
    }
    std::vector<std::string> unknown_keys() const {
        std::vector<std::string> out;
        if (!value_.is_object()) return out;
        for (auto it = value_.begin(); it != value_.end(); ++it)
            if (!asked_.count(it.key())) out.push_back(it.key());
        return out;
    }

private:
    const Json& value_;
    std::set<std::string> asked_;
};

// A finite JSON number, or nothing (strings such as "20" are not numbers).
inline bool json_number(const Json* value, double& out) {
    if (value == nullptr || !value->is_number()) return false;
    out = value->get<double>();
    return out == out && out - out == 0;  // finite
}

// At most `max_bytes` of text, cut before a UTF-8 sequence, with an ellipsis when cut.
inline std::string shortened(const std::string& text, std::size_t max_bytes = 64) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

// Safe to print untrusted text: invalid UTF-8 is replaced, never thrown on.
inline std::string json_dump(const Json& value, int indent = -1) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Untrusted input echoed in a message: a list or object is named, not printed (a deeply
// nested one would exhaust the stack), and long text is shortened.
inline std::string json_echo(const Json& value) {
    if (value.is_array()) return "(a list)";
    if (value.is_object()) return "(an object)";
    return shortened(json_dump(value));
}

}  // namespace core
