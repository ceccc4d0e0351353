// The closed sets an answer is graded with: how serious one finding is, and the verdict on an
// order or a patient. Each has one name function; the JSON names are the README's contract.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace core {

// How serious one finding is. Contraindicated: do not give (a contraindication, or a label
// "do not start" threshold). Exceeds: above a labelled limit.
enum class Severity { Info, Caution, Exceeds, Contraindicated };
std::string_view to_string(Severity severity);  // "info" | "caution" | "exceeds" | "contraindicated"
std::optional<Severity> severity_from_string(std::string_view name);
inline constexpr std::array kSeverities = {Severity::Info, Severity::Caution, Severity::Exceeds, Severity::Contraindicated};

// The verdict on an order (ok, caution, exceeds) or on the patient as a whole (any of the four).
enum class Verdict { Ok, Caution, Exceeds, Contraindicated };
std::string_view to_string(Verdict verdict);  // "ok" | "caution" | "exceeds" | "contraindicated"
inline constexpr std::array kVerdicts = {Verdict::Ok, Verdict::Caution, Verdict::Exceeds, Verdict::Contraindicated};

// The verdict a finding of this severity leads to: info is ok, the rest keep their name.
Verdict verdict_of(Severity severity);

}  // namespace core
