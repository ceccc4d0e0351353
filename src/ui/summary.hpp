// The current result as plain text: the #dose-summary live region, "Copy summary" and Print.
// A record a chart can hold: the overall verdict first, then every input as entered, the
// patient as the core read it, the regimen, the ladder with mL per dose, the check, every
// finding in words with its source, the monitoring dates, the time and the data version.
// Pure: it only words a Response (generically, so new response fields and findings drop in);
// it computes nothing. The text is cleaned of control and bidi characters (text_safety.hpp).
#pragma once
#include "inputs.hpp"
#include "response.hpp"

#include <string>

namespace ui {

std::string summary_text(const core::Response& response, const Inputs& inputs, const std::string& generated_local);

// The status the dose check shows: the order's own, or the patient's overall verdict when that
// is worse, so a contraindication is never shown beside an "OK" (the canvas and the text agree).
core::Verdict shown_check_status(const core::Response& response);
// What the live region says after an edit, briefly and verdict first ("EXCEEDS: 60 mg twice
// daily gives ..."); "" while the form is blank or the input invalid (the fields carry their
// errors), so a screen reader is not read a whole record on every keystroke.
std::string announcement(const core::Response& response, const Inputs& inputs);
// "Overall: EXCEEDS - <the worst finding>"; for invalid input "Overall: NO DOSE - ...".
std::string overall_verdict(const core::Response& response, const Inputs& inputs);
// "Weight 20 kg, age 6 years; CrCl 25 mL/min (given)": what every dose rests on, restated
// by the Dose and Check panels so a cropped view cannot hide it.
std::string patient_line(const core::Response& response);
// The usual start, "1-2 mg/kg/day = 20 mg to 40 mg per day" (one value when a cap leaves one
// dose: "1.42 mg/kg/day = 100 mg per day"); "" when the regimen has none. The panel and the
// record say it the same way.
std::string start_words(const core::Response& response);
// Every input as entered, in words: "Indication nomid; Label US (FDA); Weight 20 kg; ...".
std::string inputs_in_words(const Inputs& inputs);
// When a monitoring check falls due: its dates, or "months after start 0, 1, 2" without a start date.
std::string monitoring_when(const core::MonitoringResult& monitoring);

}  // namespace ui
