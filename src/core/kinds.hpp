// The closed sets that requests, the data and responses share, each with one name function:
// the names are the JSON contract (README) and the data's words. Severity and verdict are in
// severity.hpp.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// Which label a request asks for, or a use's data hold for. Any: a use that reads the same in
// both regions (an off-label use). Requests name "us" or "eu" only.
enum class Region { Us, Eu, Any };
std::string_view to_string(Region region);  // "us" | "eu" | "any"
inline constexpr std::array kRegions = {Region::Us, Region::Eu, Region::Any};
inline constexpr std::array kRequestRegions = {Region::Us, Region::Eu};

enum class Route { SC, IV };
std::string_view to_string(Route route);  // "SC" | "IV"
inline constexpr std::array kRoutes = {Route::SC, Route::IV};

enum class WeightUnit { Kg, Lb };
std::string_view to_string(WeightUnit unit);  // "kg" | "lb"
inline constexpr std::array kWeightUnits = {WeightUnit::Kg, WeightUnit::Lb};

enum class AgeUnit { Years, Months };
std::string_view to_string(AgeUnit unit);  // "years" | "months"
inline constexpr std::array kAgeUnits = {AgeUnit::Years, AgeUnit::Months};

enum class Sex { Unknown, Female, Male };
std::string_view to_string(Sex sex);  // "unknown" | "female" | "male"
inline constexpr std::array kSexes = {Sex::Female, Sex::Male};  // what a request may give

// Serum creatinine units (µmol/L is also accepted as "µmol/L", "μmol/L" or "umol/l").
enum class ScrUnit { MgDl, UmolL };
std::string_view to_string(ScrUnit unit);  // "mg/dL" | "umol/L"
inline constexpr std::array kScrUnits = {ScrUnit::MgDl, ScrUnit::UmolL};

// How a band gives its dose: a fixed dose, mg per kg per administration (comparators), or
// the anakinra escalation from a start range to a ceiling.
enum class DoseKind { Fixed, PerKg, Escalating };
std::string_view to_string(DoseKind kind);       // response: "fixed" | "per-kg" | "weight-based"
std::string_view data_name(DoseKind kind);       // data: "fixed" | "per-kg" | "escalating"
inline constexpr std::array kDoseKinds = {DoseKind::Fixed, DoseKind::PerKg, DoseKind::Escalating};

enum class UseStatus { Labelled, OffLabel, EmergencyUse, NotIndicated };
std::string_view to_string(UseStatus status);  // "labelled" | "off-label" | "emergency-use" | "not-indicated"
inline constexpr std::array kUseStatuses = {UseStatus::Labelled, UseStatus::OffLabel, UseStatus::EmergencyUse,
                                            UseStatus::NotIndicated};

// How a dose is drawn or given. A graduated syringe gives part of its content (the rest is
// discarded); a whole device gives all of it; vials are combined and the dose volume drawn.
enum class PresentationKind { GraduatedSyringe, WholeDevice, Vials };
std::string_view to_string(PresentationKind kind);  // "graduated-syringe" | "whole-device" | "vials"
inline constexpr std::array kPresentationKinds = {PresentationKind::GraduatedSyringe, PresentationKind::WholeDevice,
                                                  PresentationKind::Vials};

// When a safety rule applies: before the first dose, on treatment, or both.
enum class TreatmentPhase { Any, Starting, OnTreatment };
std::string_view to_string(TreatmentPhase phase);  // "any" | "starting" | "on-treatment"
inline constexpr std::array kTreatmentPhases = {TreatmentPhase::Any, TreatmentPhase::Starting, TreatmentPhase::OnTreatment};

// The body weight in a Cockcroft-Gault estimate.
enum class WeightKind { Actual, Ideal, Adjusted };
std::string_view to_string(WeightKind kind);  // "actual" | "ideal" | "adjusted"
inline constexpr std::array kWeightKinds = {WeightKind::Actual, WeightKind::Ideal, WeightKind::Adjusted};

// A member's name as a string, for messages.
template <typename Enum>
std::string name_of(Enum e) {
    return std::string(to_string(e));
}

// The member of `all` whose name is `name`, if any.
template <typename Enum, std::size_t N>
std::optional<Enum> from_name(std::string_view name, const std::array<Enum, N>& all) {
    for (Enum e : all)
        if (to_string(e) == name) return e;
    return std::nullopt;
}

// "a, b, c": the names of a set, for messages that list what is allowed.
template <typename Enum, std::size_t N>
std::string names_of(const std::array<Enum, N>& all) {
    std::string out;
    for (Enum e : all) out += (out.empty() ? "" : ", ") + std::string(to_string(e));
    return out;
}

}  // namespace core
