// The patient state between the module and the page: the URL fragment, local storage, the
// outputs (clipboard, print, downloads) and the JavaScript API's calls, all through the one
// input model (src/ui/inputs). Strings from the page reach the module on the heap (bridge.js
// copies them with malloc and frees them) and are bounded again here (fields.hpp StateLimits).
#pragma once
#include "app.hpp"

#include <functional>

namespace web {

// Connects the bridge to the app; `changed` re-evaluates, publishes and draws; `redraw` only draws.
void attach_state(ui::App& app, const core::DrugDb& db, std::function<void()> changed, std::function<void()> redraw);
// The platform's outputs for the panels: clipboard, print, downloads, share link, clock, storage.
void install_services(ui::Services& services);
// Start-up (and a fragment changed by hand): the inputs from the URL's fragment, or from an old
// "?..." link, which is rewritten into the fragment at once; with neither, a blank form and,
// when this browser kept a patient, the offer to restore it.
void load_state(ui::App& app);
// After every change: #dose-summary, the result event, the URL fragment and local storage.
void publish_state(const ui::App& app);
}  // namespace web
