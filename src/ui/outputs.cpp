#include "outputs.hpp"

#include <nlohmann/json.hpp>

namespace ui {

namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

// "2026-11-22T14:05" (or with seconds): a plausible local timestamp, or nothing.
bool timestamp_shape(std::string_view t) {
    if (t.size() < 16) return false;
    for (size_t i = 0; i < 16; ++i) {
        const char c = t[i];
        const bool digit = c >= '0' && c <= '9';
        if (i == 4 || i == 7 ? c != '-' : i == 10 ? c != 'T' : i == 13 ? c != ':' : !digit) return false;
    }
    return true;
}

}  // namespace

std::string export_json(const Inputs& inputs, const std::string& response_json, const Clock& clock) {
    nlohmann::ordered_json out;
    out["inputs"] = nlohmann::ordered_json::object();
    for (const auto& [name, value] : params_from_inputs(inputs)) out["inputs"][name] = value;
    out["response"] = nlohmann::ordered_json::parse(response_json, nullptr, false);
    out["generated_at"] = clock.iso;
    return out.dump(2, ' ', false, kReplace) + "\n";
}

std::string storage_record(const Inputs& inputs, const std::string& saved_at) {
    return nlohmann::ordered_json{{"state", state_string(inputs)}, {"saved_at", saved_at}}.dump(-1, ' ', false, kReplace);
}

std::optional<SavedPatient> read_storage_record(std::string_view text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("state") || !j["state"].is_string() || !j.contains("saved_at") || !j["saved_at"].is_string())
        return std::nullopt;
    SavedPatient saved{j["state"].get<std::string>(), j["saved_at"].get<std::string>()};
    if (!timestamp_shape(saved.saved_at) || saved.state.size() > StateLimits::max_state_bytes) return std::nullopt;
    if (is_blank(inputs_from_state(saved.state).inputs)) return std::nullopt;
    return saved;
}

std::string restore_label(const std::string& saved_at, const std::string& today) {
    if (!timestamp_shape(saved_at)) return "Restore last patient";
    const std::string time = saved_at.substr(11, 5);
    const std::string day = saved_at.substr(0, 10);
    return "Restore last patient from " + (day == today ? time : day + " " + time);
}

}  // namespace ui
