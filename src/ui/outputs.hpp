// What leaves the widget for a chart or for later: the Export JSON file and the record local
// storage keeps for "Restore last patient". Both carry the inputs in their one serialisation
// (inputs.hpp).
#pragma once
#include "inputs.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ui {

// The time of an output, from the platform's clock.
struct Clock {
    std::string local;  // "2026-11-22 14:05", this device's time
    std::string iso;    // "2026-11-22T14:05:33+01:00"
    std::string utc;    // "20261122T130533Z" (iCalendar's DTSTAMP form)
};

// {"inputs": {name: value, ...}, "response": {...}, "generated_at": clock.iso}
std::string export_json(const Inputs& inputs, const std::string& response_json, const Clock& clock);

// Local storage: the state and when it was saved ("2026-11-22T14:05", local time).
struct SavedPatient {
    std::string state, saved_at;
};
std::string storage_record(const Inputs& inputs, const std::string& saved_at);
std::optional<SavedPatient> read_storage_record(std::string_view text);  // nothing for junk or a blank patient
// "Restore last patient from 14:05" (saved today) or "... from 2026-11-21 14:05".
std::string restore_label(const std::string& saved_at, const std::string& today);

}  // namespace ui
