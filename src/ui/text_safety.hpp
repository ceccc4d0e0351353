// Text from outside the widget (a link, a host page's message, local storage, a paste) is data,
// never display: before it is kept or shown, invalid UTF-8, control characters and the
// invisible characters that reorder or hide text (bidirectional overrides, zero-width marks)
// are removed, so nothing can draw a line break, a reversed word or a hidden note.
#pragma once
#include <string>
#include <string_view>

namespace ui {

struct CleanText {
    std::string text;
    bool removed = false;       // something was taken out
    bool invalid_utf8 = false;  // bytes that are not UTF-8 text were among them
};

// keep_newlines: '\n' stays (the multi-line summary); every other control character goes.
CleanText clean_text(std::string_view raw, bool keep_newlines = false);

}  // namespace ui
