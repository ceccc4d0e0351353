// The widget on a Dear ImGui with no window and no GL, for the UI tests. It sets ImGui up as the
// browser does (the widget's fonts and style; the font atlas is built in memory and never
// uploaded; ImGui takes no input) on a display of a given size, and records what each frame
// drew: the text, through ImGui's log, every item with its label and rectangle, through ImGui's
// test-engine hooks (compiled into the native imgui library, see CMakeLists.txt), and the
// semantics tree the page's DOM layer would get. Edits arrive as the DOM layer sends them: a
// control's value by its id (edit_field) and a button press.
#pragma once
#include "app.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace uitest {

// A desktop display tall enough that nothing is clipped: every line and control is in the frame.
inline const ImVec2 kTallDesktop(1280, 3000);

// One item a frame added, in the order ImGui added it.
struct DrawnItem {
    ImGuiID id = 0;
    std::string label;  // as given to ImGui: "##weight", "Copy summary", ...
    ImRect rect;        // in display pixels
    ImGuiItemStatusFlags flags = 0;
};

class HeadlessUi {
public:
    // `query`: the page's state (e.g. "indication=nomid&weight=20"). Display in pixels.
    explicit HeadlessUi(const std::string& query, ImVec2 display = ImVec2(1280, 900), float pixel_ratio = 1, bool touch = false);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: NewFrame, draw_app, Render; evaluates again when an input changed, as the page does.
    void frame();
    // Frames until the layout has settled (tables measure their columns over a frame or two).
    void settle();
    // What the DOM layer sends: a control's new value by its id, a button press by its id.
    void set_field(const std::string& id, const std::string& value);
    void press(const std::string& id);

    ImGuiIO& io() const;
    ImGuiWindow* window() const;  // the widget's one window
    const std::string& text() const { return text_; }  // all text the last frame drew
    bool shows(const std::string& part) const { return text_.find(part) != std::string::npos; }
    const std::vector<DrawnItem>& items() const { return items_; }
    const DrawnItem* item(const std::string& label) const;  // the last frame's item with this label
    const ui::sem::Tree& tree() const { return app.ui.sem.tree(); }  // the last frame's semantics
    // Ids that more than one of the last frame's semantics nodes carry, space-separated (the DOM
    // layer keys its elements by id, so there must be none).
    std::string duplicate_ids() const;

    ui::App app;

private:
    friend struct Hooks;
    ImGuiContext* context_ = nullptr;
    ui::Services services_;
    std::string text_;
    std::vector<DrawnItem> items_;
};

}  // namespace uitest
