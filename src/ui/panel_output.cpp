// Panel 7 and the output bar: the sources behind the answer, and Copy summary, Share link,
// Print, Export JSON, Add to calendar and Clear. Copy, Print and Export carry the whole record
// (summary.hpp, outputs.hpp) made at the moment of the action.
#include "calendar.hpp"
#include "panels.hpp"
#include "practice_mode.hpp"
#include "summary.hpp"

#include <algorithm>

namespace ui {

namespace {

// A notice under the buttons, announced each time it is given (the same words twice too).
void say(App& app, std::string words) {
    app.notice = std::move(words);
    ++app.notice_count;
}

}  // namespace

void sources_panel(App& app, const core::DrugDb& db) {
    Ui& ui = app.ui;
    const auto& r = app.response;
    heading(ui, "sources-heading", "7. Sources");
    text(ui, "Data version " + r.data_version +
                 ". Sources are the primary labels and papers in data/sources.json, each with the revision it was checked "
                 "against; rules marked UNVERIFIED could not be checked against the primary label.");
    if (!r.ok) return;
    std::vector<const core::Source*> cited = {&r.indication.source};
    if (r.regimen) {
        cited.push_back(&r.regimen->source);
        if (!r.regimen->split_source.refs.empty()) cited.push_back(&r.regimen->split_source);
    }
    if (!r.renal.source.refs.empty()) cited.push_back(&r.renal.source);
    std::vector<std::string> ids;
    for (const auto* s : cited) {
        for (const auto& id : s->refs)
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        text(ui, source_words(*s), s->unverified ? Tone::Caution : Tone::Normal,
             s->unverified ? severity_symbol(core::Severity::Caution) : severity_symbol(core::Severity::Info));
    }
    for (const auto& id : ids) {
        auto it = db.sources.find(id);
        if (it == db.sources.end()) continue;
        text(ui, id + ": " + it->second.title + " " + it->second.url + " (checked: " + it->second.checked + ")", Tone::Muted);
    }
}

bool output_panel(App& app, const Services& services) {
    Ui& ui = app.ui;
    heading(ui, "output-heading", "Output");
    bool cleared = false;
    // The time is read when a button is pressed, not every frame (it is a call into the page).
    auto now = [&] { return services.now ? services.now() : Clock{}; };
    auto record = [&] { return summary_text(app.response, app.inputs, now().local); };
    // Each button continues the row when it fits, else starts the next (320 px screens too).
    auto next = [&](const char* label) {
        const ImGuiStyle& style = ImGui::GetStyle();
        same_line_if_fits(ImGui::CalcTextSize(label).x + style.FramePadding.x * 2);
    };
    if (button(ui, "copy_summary", "Copy summary") && services.copy_text) {
        services.copy_text(record());
        say(app, "Summary copied to the clipboard.");
    }
    next("Share link");
    if (button(ui, "share_link", "Share link") && services.copy_text && services.share_url) {
        services.copy_text(services.share_url());
        say(app, "Link copied. It holds every input after its # mark, which browsers never send to a server.");
    }
    next("Print");
    // The printed record carries the working too: the independent double check on paper.
    if (button(ui, "print", "Print") && services.print) {
        const std::string working = working_text(app.response);
        services.print(record() + (working.empty() ? "" : "\n\n" + working));
    }
    next("Export JSON");
    if (button(ui, "export_json", "Export JSON") && services.download) {
        services.download("dose-check.json", export_json(app.inputs, app.response_json, now()));
        say(app, "dose-check.json saved: the inputs, the response and the time.");
    }
    next("Add to calendar");
    if (button(ui, "add_to_calendar", "Add to calendar")) {
        const CalendarFile calendar = course_calendar(app.response, app.inputs, now());
        if (calendar.ics.empty()) {
            say(app, calendar.reason);
        } else if (services.download) {
            services.download("anakinra-course.ics", calendar.ics);
            say(app, "anakinra-course.ics saved: the monitoring dates and the administration course.");
        }
    }
    next("Clear");
    if (button(ui, "clear", "Clear")) {
        if (services.clear_storage) services.clear_storage();
        app.inputs = Inputs{};
        app.link = LinkReport{};
        say(app, "Cleared: every field is empty, and no patient is kept in this browser.");
        cleared = true;
    }
    if (!app.notice.empty()) text(ui, app.notice, Tone::Muted);
    text(ui, "This widget supports, and does not replace, the prescribing information and clinical judgement. "
             "Nothing you enter leaves this device.");
    return cleared;
}

}  // namespace ui
