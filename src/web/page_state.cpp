// The page's copy of the state: the result in #dose-summary and for the embed layer, the inputs
// in the URL and (the last valid ones) in local storage.
#include "dom.hpp"
#include "inputs.hpp"
#include "platform.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace web {

// After any input change: evaluate, then mirror the result to the DOM, URL and storage.
void publish(Platform& p) {
    if (!ui::evaluate_inputs(p.app, *p.db)) return;
    web::set_summary(p.app.summary);
    web::set_document_state(p.app.response_json);
    web::replace_query_string(ui::query_string(ui::params_from_inputs(p.app.inputs)));
    if (p.app.has_valid) web::storage_set(ui::inputs_to_json(p.app.last_valid).dump());
}

void load_inputs(Platform& p) {
    const ui::Params params = ui::parse_query_string(web::query_string());
    bool has_inputs = false;
    for (const auto& [key, value] : params) has_inputs = has_inputs || key != "embed";
    if (has_inputs) {
        ui::FromParams from = ui::inputs_from_params(params);
        p.app.inputs = from.inputs;
        p.app.unknown_params = from.unknown;
    } else {
        const std::string stored = web::storage_get();
        const auto json = nlohmann::json::parse(stored, nullptr, false);
        if (!stored.empty() && !json.is_discarded()) p.app.inputs = ui::inputs_from_json(json);
    }
}

}  // namespace web
