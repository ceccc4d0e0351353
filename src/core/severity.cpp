#include "severity.hpp"

namespace core {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::Info: return "info";
        case Severity::Caution: return "caution";
        case Severity::Exceeds: return "exceeds";
        case Severity::Contraindicated: return "contraindicated";
    }
    return "info";
}

std::optional<Severity> severity_from_string(std::string_view name) {
    for (Severity s : kSeverities)
        if (to_string(s) == name) return s;
    return std::nullopt;
}

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::Ok: return "ok";
        case Verdict::Caution: return "caution";
        case Verdict::Exceeds: return "exceeds";
        case Verdict::Contraindicated: return "contraindicated";
    }
    return "ok";
}

Verdict verdict_of(Severity severity) {
    switch (severity) {
        case Severity::Info: return Verdict::Ok;
        case Severity::Caution: return Verdict::Caution;
        case Severity::Exceeds: return Verdict::Exceeds;
        case Severity::Contraindicated: return Verdict::Contraindicated;
    }
    return Verdict::Ok;
}

}  // namespace core
