#include "verdict.hpp"

#include "dose_check.hpp"

#include <algorithm>

namespace core {

Verdict worst_verdict(const std::vector<Finding>& findings) {
    Verdict worst = Verdict::Ok;
    for (const auto& f : findings) worst = std::max(worst, verdict_of(f.severity));
    return worst;
}

void place_scope_findings(std::vector<Finding> scope, const FindingCatalogue& catalogue, Response& r) {
    for (auto& f : scope) (r.check && catalogue.bears_on_order(f.code) ? r.check->findings : r.findings).push_back(std::move(f));
}

namespace {

void append_unique(std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const auto& item : more)
        if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

void join(std::string& text, const std::string& more, const char* separator) {
    if (more.empty() || text.find(more) != std::string::npos) return;
    text += (text.empty() ? "" : separator) + more;
}

// `into` absorbs `other`: the worse severity, both messages, both sources.
void absorb(Finding& into, const Finding& other) {
    if (other.severity > into.severity) {
        Finding merged = other;
        absorb(merged, into);
        into = std::move(merged);
        return;
    }
    join(into.message, other.message, " ");
    append_unique(into.source.refs, other.source.refs);
    join(into.source.section, other.source.section, "; ");
    join(into.source.note, other.source.note, "; ");
    into.source.unverified = into.source.unverified || other.source.unverified;
}

}  // namespace

void merge_by_code(std::vector<Finding>& patient, std::vector<Finding>* check) {
    // The check's list first: a code in both lists stays with the check.
    std::vector<Finding>* lists[] = {check, &patient};
    std::vector<std::pair<std::vector<Finding>*, size_t>> first;  // where each code was first seen
    std::vector<std::string> codes;
    for (auto* list : lists) {
        if (list == nullptr) continue;
        std::vector<Finding> kept;
        for (auto& f : *list) {
            const auto seen = std::find(codes.begin(), codes.end(), f.code);
            if (seen == codes.end()) {
                codes.push_back(f.code);
                first.emplace_back(list, kept.size());
                kept.push_back(std::move(f));
                continue;
            }
            const auto& [owner, index] = first[static_cast<size_t>(seen - codes.begin())];
            if (owner == list) absorb(kept[index], f);
            else absorb((*owner)[index], f);
        }
        *list = std::move(kept);
    }
}

void set_verdicts(Response& r) {
    r.findings_status = worst_verdict(r.findings);
    if (r.check) r.check->status = order_verdict(r.check->findings);
    // One verdict for the patient: the worst finding anywhere, and the first finding at that level.
    std::vector<const Finding*> all;
    for (const auto& f : r.findings) all.push_back(&f);
    if (r.check)
        for (const auto& f : r.check->findings) all.push_back(&f);
    r.verdict = Verdict::Ok;
    r.verdict_reason.clear();
    for (const Finding* f : all) r.verdict = std::max(r.verdict, verdict_of(f->severity));
    for (const Finding* f : all)
        if (r.verdict != Verdict::Ok && verdict_of(f->severity) == r.verdict) {
            r.verdict_reason = f->message;
            break;
        }
}

}  // namespace core
