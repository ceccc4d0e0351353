#include "state_bridge.hpp"

#include "dom.hpp"
#include "evaluate.hpp"
#include "fields.hpp"
#include "inputs.hpp"
#include "outputs.hpp"
#include "practice_mode.hpp"
#include "text_safety.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace web {

namespace {

struct StateHost {
    ui::App* app = nullptr;
    const core::DrugDb* db = nullptr;
    std::function<void()> changed;
    std::function<void()> redraw;
    std::string page_query;                 // the query the URL keeps: page parameters only
    std::optional<ui::SavedPatient> saved;  // offered by "Restore last patient", until used or replaced
    std::string told_practice;              // the practice result last told to the page
} host;

// A string for JavaScript, on the heap; the caller (bridge.js) frees it.
char* to_js(const std::string& text) {
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out != nullptr) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

// Text from JavaScript, read no further than `limit` bytes (the bridge checked it already).
std::string from_js(const char* text, std::size_t limit) {
    if (text == nullptr) return {};
    return std::string(text, strnlen(text, limit + 1));
}

void apply(ui::FromParams from) {
    ui::expand_case(from, host.db->teaching);
    host.app->inputs = std::move(from.inputs);
    host.app->link = std::move(from.report);
    host.app->notice.clear();
}

std::string today(const ui::Clock& clock) { return clock.local.substr(0, 10); }

}  // namespace

void attach_state(ui::App& app, const core::DrugDb& db, std::function<void()> changed, std::function<void()> redraw) {
    host.app = &app;
    host.db = &db;
    host.changed = std::move(changed);
    host.redraw = std::move(redraw);
}

void install_services(ui::Services& services) {
    services.copy_text = [](const std::string& text) { write_clipboard(text); };
    services.print = [](const std::string& text) { print_text(text); };
    services.download = [](const std::string& name, const std::string& text) { download(name, text); };
    services.share_url = [] { return share_url(host.app != nullptr ? ui::state_string(host.app->inputs) : ""); };
    services.clear_storage = [] {
        storage_clear();
        host.saved.reset();
        offer_restore("");
    };
    services.now = [] { return now(); };
}

void load_state(ui::App& app) {
    const std::string search = query_string();
    const std::string hash = location_hash();
    const ui::Params query = search.size() <= ui::StateLimits::max_state_bytes ? ui::parse_query_string(search) : ui::Params{};
    host.page_query = ui::query_string(ui::page_params(query));
    if (!hash.empty()) {
        apply(ui::inputs_from_state(hash));
    } else if (search.size() > ui::StateLimits::max_state_bytes || ui::has_input_params(query)) {
        // An old "?..." link: read it once; publish_state moves it into the fragment.
        ui::Params inputs;
        for (const auto& p : query)
            if (ui::page_params({p}).empty()) inputs.push_back(p);
        apply(search.size() > ui::StateLimits::max_state_bytes ? ui::inputs_from_state(search)
                                                              : ui::inputs_from_params(inputs));
    } else {
        apply(ui::FromParams{});
        // Nothing in the link: a blank form, and the last patient only if the person asks.
        if (!app.embedded) {
            host.saved = ui::read_storage_record(storage_get());
            if (host.saved) offer_restore(ui::restore_label(host.saved->saved_at, today(now())));
        }
    }
}

void publish_state(const ui::App& app) {
    set_summary(app.summary, app.announcement);
    publish_link_report(app.link.unknown, app.link.refused);
    set_document_state(app.result_json);
    // Each check is told once (a reload of a checked case tells it again: the host keeps the last).
    if (!app.practice_json.empty() && app.practice_json != host.told_practice) practice_result(app.practice_json);
    host.told_practice = app.practice_json;
    replace_url(host.page_query, app.state);
    // An embed keeps no patient; a blank form replaces none; a practice case is no patient of the
    // clinician's, so it never replaces the one kept for "Restore last patient".
    if (app.embedded || ui::is_blank(app.inputs) || ui::practice_mode(app.inputs)) return;
    const ui::Clock clock = now();
    storage_set(ui::storage_record(app.inputs, clock.iso.substr(0, 16)));
    if (host.saved) {  // a new patient replaces the one on offer
        host.saved.reset();
        offer_restore("");
    }
}

}  // namespace web

extern "C" {

// window.doseChecker.compute: the same JSON the CLI prints. The caller frees the result. The
// length is passed, so a NUL inside the text reaches the core (which refuses it) as in the CLI.
EMSCRIPTEN_KEEPALIVE char* dc_compute(const char* request_json, int length) {
    const std::string text(request_json, static_cast<std::size_t>(std::max(0, length)));
    if (text.size() > ui::StateLimits::max_request_bytes)
        return web::to_js(core::refuse_oversized_request(0, ui::StateLimits::max_request_bytes, *web::host.db).json);
    return web::to_js(core::evaluate_json(text, *web::host.db).json);
}

// compute() for a request the bridge refused to copy in: the error response for its size.
EMSCRIPTEN_KEEPALIVE char* dc_oversized_request(double bytes) {
    return web::to_js(
        core::refuse_oversized_request(static_cast<std::size_t>(bytes), ui::StateLimits::max_request_bytes, *web::host.db).json);
}

// The field table and the limits, for bridge.js (window.doseChecker.fields).
EMSCRIPTEN_KEEPALIVE char* dc_fields() { return web::to_js(ui::fields_json()); }

// Replaces the inputs from a query string (the embed layer's set-inputs message, setInputs()).
EMSCRIPTEN_KEEPALIVE void dc_set_query(const char* query) {
    web::apply(ui::inputs_from_state(web::from_js(query, ui::StateLimits::max_state_bytes + 1)));
    web::host.changed();
}

// Inputs the bridge refused before they reached the module (too many, too long): the form is
// emptied, so nothing on screen belongs to a patient the host page no longer describes.
EMSCRIPTEN_KEEPALIVE void dc_refuse_inputs(const char* reason) {
    ui::FromParams refused;
    refused.report.refused = ui::clean_text(web::from_js(reason, 512)).text;
    web::apply(refused);
    web::host.changed();
}

// One control's new value from the semantics layer (web/semantics.js), by its id: a field's
// parameter name, or "renal" / "frequency". What a person typed is kept as typed (edit_field).
EMSCRIPTEN_KEEPALIVE void dc_set_field(const char* name, const char* value) {
    ui::edit_field(web::host.app->inputs, web::from_js(name, ui::StateLimits::max_name_bytes),
                  web::from_js(value, ui::StateLimits::max_value_bytes * 4));
    web::host.app->notice.clear();  // "Copied" and the like describe the inputs before this edit
    web::host.changed();
}

// "Restore last patient from HH:MM": the person chose to bring the saved patient back.
EMSCRIPTEN_KEEPALIVE void dc_restore_last() {
    if (!web::host.saved) return;
    const std::string state = web::host.saved->state;
    web::host.saved.reset();
    web::offer_restore("");
    web::apply(ui::inputs_from_state(state));
    web::host.changed();
}

// The fragment was changed by hand (hashchange): read the URL again.
EMSCRIPTEN_KEEPALIVE void dc_load_url() {
    web::load_state(*web::host.app);
    web::host.changed();
}

}  // extern "C"
