// The semantics tree: what each control on the canvas is, for the page's DOM layer
// (web/semantics.js), screen readers, the keyboard and the tests. The widget helpers
// (widgets.hpp) record one node when they draw a control, so a control and its
// description are declared in one place. Plain data: no ImGui, no Emscripten.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ui::sem {

// The DOM element each node becomes (web/semantics.js maps them one to one).
enum class Role {
    Heading,      // <h2>/<h3>
    Text,         // <p>: a line of result text
    TextBox,      // <label> + <input>
    ComboBox,     // <label> + <select>
    RadioGroup,   // <fieldset> + <legend>; children are Radio
    Radio,        // <label><input type=radio>
    CheckBox,     // <label><input type=checkbox>
    Button,       // <button>
    Table,        // <table> with <caption>; children are Row
    Row,          // <tr>; children are HeaderCell or Cell
    HeaderCell,   // <th>
    Cell,         // <td>
    List,         // <ul>; children are ListItem
    ListItem,     // <li>
    Figure,       // <figure> + <figcaption>; children give its data (a Table)
};
std::string_view role_name(Role role);

// A rectangle in CSS pixels, in the coordinates of the whole content (not the viewport),
// so scrolling the page never changes the tree.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect&) const = default;
};

struct Option {
    std::string value, label;
    bool operator==(const Option&) const = default;
};

// What a text field expects, for the soft keyboard (inputmode) and the browser's checks.
enum class InputKind { Decimal, Text, Date };
std::string_view input_kind_name(InputKind kind);

struct Node {
    std::string id;              // stable across frames: the field's parameter name or a fixed id
    Role role = Role::Text;
    std::string name;            // accessible name: the visible label (or the text itself)
    std::string value;           // a field's text, a choice's selected option value
    std::string unit;            // shown beside a field ("mg", "kg"), also read after its name
    std::vector<Option> options; // ComboBox
    InputKind input = InputKind::Text;
    int level = 0;               // Heading: 2 or 3
    int parent = -1;             // index of the enclosing node (group, table, row, list), -1 at top
    bool checked = false;        // CheckBox, Radio
    bool disabled = false;
    bool invalid = false;        // the field has an input error
    std::string error;           // its message, read after the field (aria-describedby)
    bool highlighted = false;    // Row: the prescribed dose's row
    Rect rect;                   // the control itself (for a field: its box)
    Rect label_rect;             // a field's visible label, where it is drawn apart from the box
    Rect error_rect;             // where its error is drawn (under the row)
    bool operator==(const Node&) const = default;
};

struct Tree {
    std::vector<Node> nodes;     // in reading and Tab order
    float content_w = 0, content_h = 0;  // the whole content, CSS px (the page scrolls over it)
    float font_px = 0;           // the canvas's body font size, CSS px (a focused field matches it)
    bool operator==(const Tree&) const = default;

    const Node* find(std::string_view id) const;
    // Children of nodes[index] (or the top level with -1), in order.
    std::vector<const Node*> children(int index) const;
};

// JSON for web/semantics.js: {"nodes":[{"id","role","name",...}]}, only non-default fields.
std::string to_json(const Tree& tree);

// Collects the nodes of one frame. Parents are opened and closed around their children.
class Builder {
public:
    void clear() {
        tree_.nodes.clear();
        open_.clear();
        open_children_.clear();
        top_anchor_ = "top";
        top_since_anchor_ = 0;
        made_next_ = false;
    }
    int add(Node node);                  // returns the node's index
    int open(Node node);                 // adds a node that encloses the next ones
    void close();                        // closes the last opened node
    Node& last() { return tree_.nodes.back(); }
    Node& at(int index) { return tree_.nodes[static_cast<size_t>(index)]; }
    const Tree& tree() const { return tree_; }
    Tree& tree() { return tree_; }
    bool empty() const { return tree_.nodes.empty(); }
    // Id for the next node added, one with no natural id (a table's rows and cells, a list's
    // items, a line of text): its place under the node that holds it ("ladder/row3",
    // "ladder/row3/cell2"), or at the top level its place after the last node there with an id
    // of its own ("dose-heading+text2"; '+', so it never meets the ids of that node's own
    // children). A line that comes or goes then renames only the lines after it up to the next
    // such node, not every later node: one running count made a weight change rename every row
    // of the tables below, and the DOM layer rebuilt them all on each key. Natural ids hold
    // neither '/' nor '+'.
    std::string next_id(std::string_view prefix);

private:
    Tree tree_;
    std::vector<int> open_;
    std::vector<int> open_children_;    // nodes added so far under each open node
    std::string top_anchor_ = "top";     // the last top-level node's id that is not a made one
    int top_since_anchor_ = 0;           // top-level nodes with made ids added since it
    bool made_next_ = false;             // next_id() was called for the node add() receives next
};

}  // namespace ui::sem
