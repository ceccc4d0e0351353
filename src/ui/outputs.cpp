#include "outputs.hpp"

#include "json_text.hpp"
#include "json_writer.hpp"

namespace ui {

namespace {

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
    core::JsonWriter out;
    out.begin_object().key("inputs").begin_object();
    for (const auto& [name, value] : params_from_inputs(inputs)) out.key_text(name).value(value);
    // The response is the module's own JSON text, written once already: copied, not read again.
    out.end_object().key("response").raw_value(response_json).member("generated_at", clock.iso).end_object();
    return core::indented_json(out.text(), 2) + "\n";
}

std::string storage_record(const Inputs& inputs, const std::string& saved_at) {
    core::JsonWriter out;
    out.begin_object().member("state", state_string(inputs)).member("saved_at", saved_at).end_object();
    return out.take();
}

std::optional<SavedPatient> read_storage_record(std::string_view text) {
    core::Json j;
    if (core::parse_json_strict(text, j) || !j.is_object()) return std::nullopt;
    const auto state = j.find("state"), saved_at = j.find("saved_at");
    if (state == j.end() || !state->is_string() || saved_at == j.end() || !saved_at->is_string()) return std::nullopt;
    SavedPatient saved{state->get<std::string>(), saved_at->get<std::string>()};
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
