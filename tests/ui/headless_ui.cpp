#include "headless_ui.hpp"

#include "embedded_data.hpp"
#include "inputs.hpp"
#include "practice_mode.hpp"
#include "style.hpp"

#include <doctest/doctest.h>

#include <cstdarg>
#include <set>

namespace uitest {

namespace {

const core::DrugDb& drug_db() {
    const auto& loaded = data::embedded_drug_db();
    REQUIRE(loaded.db.has_value());
    return *loaded.db;
}

HeadlessUi* recorder(ImGuiContext* ctx) { return static_cast<HeadlessUi*>(ctx->TestEngine); }

}  // namespace

struct Hooks {
    static void add(ImGuiContext* ctx, ImGuiID id, const ImRect& rect) {
        if (HeadlessUi* ui = recorder(ctx)) ui->items_.push_back({id, "", rect, 0});
    }
    static void info(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
        HeadlessUi* ui = recorder(ctx);
        if (ui == nullptr || label == nullptr) return;
        for (auto it = ui->items_.rbegin(); it != ui->items_.rend(); ++it)
            if (it->id == id) {
                it->label = label;
                it->flags = flags;
                return;
            }
    }
    static const char* label(ImGuiContext* ctx, ImGuiID id) {
        HeadlessUi* ui = recorder(ctx);
        if (ui != nullptr)
            for (const auto& item : ui->items_)
                if (item.id == id && !item.label.empty()) return item.label.c_str();
        return nullptr;
    }
};

HeadlessUi::HeadlessUi(const std::string& query, ImVec2 display, float pixel_ratio, bool touch) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext keeps another test's context current
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouse;  // as in the browser: the DOM owns input
    // The frame's text arrives through ImGui's log, which hands it to the clipboard when the
    // widget's window ends (see frame()).
    io.ClipboardUserData = this;
    io.SetClipboardTextFn = [](void* self, const char* text) { static_cast<HeadlessUi*>(self)->text_ = text; };
    context_->TestEngine = this;
    context_->TestEngineHookItems = true;
    app.touch = touch;
    ui::load_fonts({pixel_ratio, 1});
    ui::apply_style(false, {pixel_ratio, 1}, touch);
    app.css_width = display.x / pixel_ratio;
    app.dpr = pixel_ratio;
    ui::FromParams arrived = ui::inputs_from_state(query);
    ui::expand_case(arrived, drug_db().teaching);  // as the page does where a link arrives
    app.inputs = arrived.inputs;
    app.link = arrived.report;
    ui::evaluate_inputs(app, drug_db(), services_);
    // As the page does at start: frames until the layout has settled (a table nested in another
    // measures its columns over its first few frames).
    float height = -1;
    for (int i = 0; i < 12 && app.content_height_px != height; ++i) {
        height = app.content_height_px;
        frame();
        frame();
    }
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::frame() {
    ImGui::SetCurrentContext(context_);
    io().DeltaTime = 1.0f / 60;
    items_.clear();
    text_.clear();
    ImGui::NewFrame();
    ImGui::LogToClipboard();  // ends, and hands over the text, with the widget's window
    const bool changed = ui::draw_app(app, drug_db(), services_);
    ImGui::LogFinish();
    ImGui::Render();
    if (changed) ui::evaluate_inputs(app, drug_db(), services_);
}

void HeadlessUi::settle() {
    float height = -1;
    for (int i = 0; i < 12 && app.content_height_px != height; ++i) {
        height = app.content_height_px;
        frame();
        frame();
    }
}

void HeadlessUi::set_field(const std::string& id, const std::string& value) {
    ui::edit_field(app.inputs, id, value);
    ui::evaluate_inputs(app, drug_db(), services_);
    settle();
}

void HeadlessUi::press(const std::string& id) {
    ui::press(app, id);
    frame();
    settle();
}

ImGuiIO& HeadlessUi::io() const { return context_->IO; }

ImGuiWindow* HeadlessUi::window() const { return ImGui::FindWindowByName("Anakinra dose checker"); }

const DrawnItem* HeadlessUi::item(const std::string& label) const {
    for (const auto& i : items_)
        if (i.label == label) return &i;
    return nullptr;
}

std::string HeadlessUi::duplicate_ids() const {
    std::set<std::string> seen, repeated;
    for (const auto& n : tree().nodes)
        if (!seen.insert(n.id).second) repeated.insert(n.id);
    std::string out;
    for (const auto& id : repeated) out += (out.empty() ? "" : " ") + id;
    return out;
}

}  // namespace uitest

// ImGui's test-engine hooks (imgui_internal.h), called for every item while TestEngineHookItems is on.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    uitest::Hooks::add(ctx, id, bb);
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    uitest::Hooks::info(ctx, id, label, flags);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) { return uitest::Hooks::label(ctx, id); }
