#include "semantics.hpp"

#include <cstdio>

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
    tree_.nodes.push_back(std::move(node));
    return static_cast<int>(tree_.nodes.size()) - 1;
}

int Builder::open(Node node) {
    const int index = add(std::move(node));
    open_.push_back(index);
    return index;
}

void Builder::close() {
    if (!open_.empty()) open_.pop_back();
}

std::string Builder::next_id(std::string_view prefix) { return std::string(prefix) + "-" + std::to_string(++counter_); }

namespace {

void append_string(std::string& out, std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void append_number(std::string& out, float v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(v));
    out += buffer;
}

void append_rect(std::string& out, const Rect& r) {
    out += '[';
    append_number(out, r.x);
    out += ',';
    append_number(out, r.y);
    out += ',';
    append_number(out, r.w);
    out += ',';
    append_number(out, r.h);
    out += ']';
}

void key(std::string& out, std::string_view name) {
    out += ',';
    append_string(out, name);
    out += ':';
}

}  // namespace

std::string to_json(const Tree& tree) {
    std::string out = "{\"content\":";
    append_rect(out, {0, 0, tree.content_w, tree.content_h});
    out += ",\"font_px\":";
    append_number(out, tree.font_px);
    out += ",\"nodes\":[";
    bool first = true;
    for (const auto& n : tree.nodes) {
        if (!first) out += ',';
        first = false;
        out += "{\"id\":";
        append_string(out, n.id);
        key(out, "role");
        append_string(out, role_name(n.role));
        if (!n.name.empty()) { key(out, "name"); append_string(out, n.name); }
        if (n.role == Role::TextBox || n.role == Role::ComboBox || n.role == Role::Radio) { key(out, "value"); append_string(out, n.value); }
        if (!n.unit.empty()) { key(out, "unit"); append_string(out, n.unit); }
        if (n.role == Role::TextBox) { key(out, "input"); append_string(out, input_kind_name(n.input)); }
        if (!n.options.empty()) {
            key(out, "options");
            out += '[';
            for (size_t i = 0; i < n.options.size(); ++i) {
                if (i) out += ',';
                out += '[';
                append_string(out, n.options[i].value);
                out += ',';
                append_string(out, n.options[i].label);
                out += ']';
            }
            out += ']';
        }
        if (n.level) { key(out, "level"); out += std::to_string(n.level); }
        if (n.parent >= 0) { key(out, "parent"); out += std::to_string(n.parent); }
        if (n.role == Role::CheckBox || n.role == Role::Radio) { key(out, "checked"); out += n.checked ? "true" : "false"; }
        if (n.disabled) { key(out, "disabled"); out += "true"; }
        if (n.invalid) { key(out, "invalid"); out += "true"; key(out, "error"); append_string(out, n.error); }
        if (n.highlighted) { key(out, "highlighted"); out += "true"; }
        key(out, "rect");
        append_rect(out, n.rect);
        if (n.label_rect.w > 0) {
            key(out, "label_rect");
            append_rect(out, n.label_rect);
        }
        if (n.error_rect.w > 0) {
            key(out, "error_rect");
            append_rect(out, n.error_rect);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

}  // namespace ui::sem
