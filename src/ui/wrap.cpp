#include "wrap.hpp"

namespace ui {

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t skip_spaces(std::string_view s, size_t pos) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    return pos;
}

// The end of the longest run of whole characters from `begin` that fits (at least one).
size_t cut_word(std::string_view s, size_t begin, size_t word_end, float width, const TextWidth& measure) {
    size_t cut = begin;
    for (size_t next = begin; next < word_end;) {
        size_t after = next + 1;
        while (after < word_end && continuation_byte(s[after])) ++after;
        if (cut > begin && measure(s.substr(begin, after - begin)) > width) break;
        cut = next = after;
    }
    return cut;
}

// Appends `paragraph` (no newlines) broken into lines.
void wrap_paragraph(std::string_view paragraph, float width, const TextWidth& measure, std::vector<std::string_view>& lines) {
    size_t begin = skip_spaces(paragraph, 0);
    if (begin >= paragraph.size()) {
        lines.push_back(paragraph.substr(0, 0));  // an empty line stays a line
        return;
    }
    // Most paragraphs fit on one line: measured once, not once per word. A line only grows wider
    // as words are added, so the loop below would come to this same line.
    const std::string_view whole = paragraph.substr(begin, paragraph.find_last_not_of(' ') + 1 - begin);
    if (measure(whole) <= width) {
        lines.push_back(whole);
        return;
    }
    while (begin < paragraph.size()) {
        size_t end = begin;  // after the last whole word that fits
        for (size_t pos = begin; pos < paragraph.size(); pos = skip_spaces(paragraph, end)) {
            size_t word_end = paragraph.find(' ', pos);
            if (word_end == std::string_view::npos) word_end = paragraph.size();
            if (measure(paragraph.substr(begin, word_end - begin)) > width) break;
            end = word_end;
        }
        if (end == begin) {  // the first word alone is wider than the line
            size_t word_end = paragraph.find(' ', begin);
            if (word_end == std::string_view::npos) word_end = paragraph.size();
            end = cut_word(paragraph, begin, word_end, width, measure);
        }
        lines.push_back(paragraph.substr(begin, end - begin));
        begin = skip_spaces(paragraph, end);
    }
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width, const TextWidth& measure) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (true) {
        const size_t newline = text.find('\n', start);
        wrap_paragraph(text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start), width,
                       measure, lines);
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return lines;
}

}  // namespace ui
