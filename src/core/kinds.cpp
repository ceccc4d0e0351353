#include "kinds.hpp"

namespace core {

std::string_view to_string(Region region) {
    switch (region) {
        case Region::Us: return "us";
        case Region::Eu: return "eu";
        case Region::Any: return "any";
    }
    return "us";
}

std::string_view to_string(Route route) {
    switch (route) {
        case Route::SC: return "SC";
        case Route::IV: return "IV";
    }
    return "SC";
}

std::string_view to_string(WeightUnit unit) { return unit == WeightUnit::Lb ? "lb" : "kg"; }

std::string_view to_string(AgeUnit unit) { return unit == AgeUnit::Months ? "months" : "years"; }

std::string_view to_string(Sex sex) {
    switch (sex) {
        case Sex::Unknown: return "unknown";
        case Sex::Female: return "female";
        case Sex::Male: return "male";
    }
    return "unknown";
}

std::string_view to_string(ScrUnit unit) { return unit == ScrUnit::UmolL ? "umol/L" : "mg/dL"; }

std::string_view to_string(DoseKind kind) {
    switch (kind) {
        case DoseKind::Fixed: return "fixed";
        case DoseKind::PerKg: return "per-kg";
        case DoseKind::Escalating: return "weight-based";
    }
    return "fixed";
}

std::string_view data_name(DoseKind kind) { return kind == DoseKind::Escalating ? "escalating" : to_string(kind); }

std::string_view to_string(UseStatus status) {
    switch (status) {
        case UseStatus::Labelled: return "labelled";
        case UseStatus::OffLabel: return "off-label";
        case UseStatus::EmergencyUse: return "emergency-use";
        case UseStatus::NotIndicated: return "not-indicated";
    }
    return "labelled";
}

std::string_view to_string(PresentationKind kind) {
    switch (kind) {
        case PresentationKind::GraduatedSyringe: return "graduated-syringe";
        case PresentationKind::WholeDevice: return "whole-device";
        case PresentationKind::Vials: return "vials";
    }
    return "graduated-syringe";
}

std::string_view to_string(TreatmentPhase phase) {
    switch (phase) {
        case TreatmentPhase::Any: return "any";
        case TreatmentPhase::Starting: return "starting";
        case TreatmentPhase::OnTreatment: return "on-treatment";
    }
    return "any";
}

std::string_view to_string(WeightKind kind) {
    switch (kind) {
        case WeightKind::Actual: return "actual";
        case WeightKind::Ideal: return "ideal";
        case WeightKind::Adjusted: return "adjusted";
    }
    return "actual";
}

}  // namespace core
