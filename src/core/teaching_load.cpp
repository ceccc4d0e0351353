// Reads data/teaching.json (teaching.hpp) with the data loader's checks: unknown keys, missing
// sources and impossible values are errors naming the JSON path, like the drug data.
#include "data_loader.hpp"
#include "teaching.hpp"

namespace core {

namespace {

bool is_case_id(const std::string& id) {
    if (id.empty() || id.size() > 32) return false;  // a link parameter value (fields.hpp)
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool is_parameter_name(const std::string& name) {
    if (name.empty() || name.size() > 32) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace

std::string_view to_string(AnswerKind kind) {
    switch (kind) {
        case AnswerKind::Number: return "number";
        case AnswerKind::Verdict: return "verdict";
    }
    return "number";
}

void read_teaching(Loader& L, const Json& root, TeachingSet& out) {
    L.object(root, "$", [&](JsonObject& o) {
        L.text(o, "$", "description");
        const Json* quantities = o.get("quantities");
        if (quantities == nullptr || !quantities->is_array() || quantities->empty()) {
            L.error("$.quantities", "must be a non-empty list");
        } else {
            for (std::size_t i = 0; i < quantities->size(); ++i) {
                const std::string p = "$.quantities[" + std::to_string(i) + "]";
                PracticeQuantity q;
                L.object((*quantities)[i], p, [&](JsonObject& qo) {
                    q.id = L.text(qo, p, "id");
                    q.label = L.text(qo, p, "label");
                    const Json* unit = qo.get("unit");
                    if (unit == nullptr || !unit->is_string()) L.error(p + ".unit", "must be a string (empty for none)");
                    else q.unit = unit->get<std::string>();
                    if (auto kind = L.choice(qo, p, "answer", kAnswerKinds)) q.answer = *kind;
                    if (auto tol = L.number(qo, p, "tolerance", true, 0, 1000)) q.tolerance = *tol;
                    q.tolerance_note = L.text(qo, p, "tolerance_note");
                    q.never_above = L.boolean(qo, p, "never_above");
                    q.relative_tolerance = L.number(qo, p, "relative_tolerance", false, 0, 0.1).value_or(0);
                });
                if (out.quantity(q.id) != nullptr) L.error(p + ".id", "duplicate quantity \"" + q.id + "\"");
                out.quantities.push_back(std::move(q));
            }
        }
        const Json* cases = o.get("cases");
        if (cases == nullptr || !cases->is_array() || cases->empty()) {
            L.error("$.cases", "must be a non-empty list");
            return;
        }
        for (std::size_t i = 0; i < cases->size(); ++i) {
            const std::string p = "$.cases[" + std::to_string(i) + "]";
            TeachingCase c;
            L.object((*cases)[i], p, [&](JsonObject& co) {
                c.id = L.text(co, p, "id");
                if (!c.id.empty() && !is_case_id(c.id)) L.error(p + ".id", "a case id is up to 32 lowercase letters, digits and '-'");
                c.title = L.text(co, p, "title");
                c.learning_point = L.text(co, p, "learning_point");
                const Json* inputs = co.get("inputs");
                if (inputs == nullptr || !inputs->is_object() || inputs->empty()) {
                    L.error(p + ".inputs", "must be a non-empty object of input parameters");
                } else {
                    for (auto it = inputs->begin(); it != inputs->end(); ++it) {
                        if (!is_parameter_name(it.key())) L.error(p + ".inputs." + it.key(), "not an input parameter name");
                        else if (!it.value().is_string()) L.error(p + ".inputs." + it.key(), "must be a string, as in a link");
                        else c.inputs.emplace_back(it.key(), it.value().get<std::string>());
                    }
                }
                c.ask = L.strings(co, p, "ask", {});
                if (c.ask.empty() || c.ask.size() > kMaxPracticeQuestions)
                    L.error(p + ".ask", "must ask 1 to " + std::to_string(kMaxPracticeQuestions) + " quantities");
                for (const auto& q : c.ask)
                    if (out.quantity(q) == nullptr) L.error(p + ".ask", "unknown quantity \"" + q + "\" (not in $.quantities)");
                c.source = L.source(co, p, "source");
            });
            if (out.find(c.id) != nullptr) L.error(p + ".id", "duplicate case \"" + c.id + "\"");
            out.cases.push_back(std::move(c));
        }
    });
}

}  // namespace core
