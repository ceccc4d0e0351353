#include "semantics.hpp"

#include "json_writer.hpp"

#include <cmath>
#include <utility>

namespace ui::sem {

std::string_view role_name(Role role) {
    switch (role) {
        case Role::Heading: return "heading";
        case Role::Text: return "text";
        case Role::TextBox: return "textbox";
        case Role::ComboBox: return "combobox";
        case Role::RadioGroup: return "radiogroup";
        case Role::Radio: return "radio";
        case Role::CheckBox: return "checkbox";
        case Role::Button: return "button";
        case Role::Table: return "table";
        case Role::Row: return "row";
        case Role::HeaderCell: return "columnheader";
        case Role::Cell: return "cell";
        case Role::List: return "list";
        case Role::ListItem: return "listitem";
        case Role::Figure: return "figure";
    }
    return "text";
}

std::string_view input_kind_name(InputKind kind) {
    switch (kind) {
        case InputKind::Decimal: return "decimal";
        case InputKind::Text: return "text";
        case InputKind::Date: return "date";
    }
    return "text";
}

const Node* Tree::find(std::string_view id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

std::vector<const Node*> Tree::children(int index) const {
    std::vector<const Node*> out;
    for (const auto& n : nodes)
        if (n.parent == index) out.push_back(&n);
    return out;
}

int Builder::add(Node node) {
    node.parent = open_.empty() ? -1 : open_.back();
    const bool made = std::exchange(made_next_, false);
    if (!open_.empty()) {
        ++open_children_.back();
    } else if (made) {
        ++top_since_anchor_;
    } else {
        top_anchor_ = node.id;
        top_since_anchor_ = 0;
    }
    tree_.nodes.push_back(std::move(node));
    return static_cast<int>(tree_.nodes.size()) - 1;
}

int Builder::open(Node node) {
    const int index = add(std::move(node));
    open_.push_back(index);
    open_children_.push_back(0);
    return index;
}

void Builder::close() {
    if (open_.empty()) return;
    open_.pop_back();
    open_children_.pop_back();
}

std::string Builder::next_id(std::string_view prefix) {
    made_next_ = true;
    const bool nested = !open_.empty();
    std::string id = nested ? tree_.nodes[static_cast<size_t>(open_.back())].id : top_anchor_;
    id += nested ? '/' : '+';
    id += prefix;
    id += std::to_string((nested ? open_children_.back() : top_since_anchor_) + 1);
    return id;
}

namespace {

// CSS pixels to one decimal (ties to even, as printf's "%.1f" did): enough for the DOM.
double css_px(float v) { return std::nearbyint(static_cast<double>(v) * 10) / 10; }

void rect(core::JsonWriter& w, const Rect& r) {
    w.begin_array().value(css_px(r.x)).value(css_px(r.y)).value(css_px(r.w)).value(css_px(r.h)).end_array();
}

}  // namespace

std::string to_json(const Tree& tree) {
    core::JsonWriter w;
    w.begin_object().key("content");
    rect(w, {0, 0, tree.content_w, tree.content_h});
    w.member("font_px", css_px(tree.font_px)).key("nodes").begin_array();
    for (const auto& n : tree.nodes) {
        w.begin_object().member("id", n.id).member("role", role_name(n.role));
        if (!n.name.empty()) w.member("name", n.name);
        if (n.role == Role::TextBox || n.role == Role::ComboBox || n.role == Role::Radio) w.member("value", n.value);
        if (!n.unit.empty()) w.member("unit", n.unit);
        if (n.role == Role::TextBox) w.member("input", input_kind_name(n.input));
        if (!n.options.empty()) {
            w.key("options").begin_array();
            for (const auto& o : n.options) w.begin_array().value(o.value).value(o.label).end_array();
            w.end_array();
        }
        if (n.level) w.member("level", n.level);
        if (n.parent >= 0) w.member("parent", n.parent);
        if (n.role == Role::CheckBox || n.role == Role::Radio) w.member("checked", n.checked);
        if (n.disabled) w.member("disabled", true);
        if (n.invalid) w.member("invalid", true).member("error", n.error);
        if (n.highlighted) w.member("highlighted", true);
        w.key("rect");
        rect(w, n.rect);
        if (n.label_rect.w > 0) {
            w.key("label_rect");
            rect(w, n.label_rect);
        }
        if (n.error_rect.w > 0) {
            w.key("error_rect");
            rect(w, n.error_rect);
        }
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

}  // namespace ui::sem
