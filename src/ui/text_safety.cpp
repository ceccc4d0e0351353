#include "text_safety.hpp"

namespace ui {

namespace {

// Code points that are never shown: C0 and C1 controls, DEL, and the format characters that
// reorder, join or hide text (Unicode's bidi controls, zero-width marks, separators, BOM).
bool invisible(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
    if (c == 0x061C || c == 0x180E) return true;                // Arabic letter mark, Mongolian vowel separator
    if (c >= 0x200B && c <= 0x200F) return true;                // zero-width space/joiners, LRM, RLM
    if (c >= 0x2028 && c <= 0x202E) return true;                // line/paragraph separators, embeddings, overrides
    if (c >= 0x2060 && c <= 0x206F) return true;                // word joiner, invisible operators, isolates
    if (c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) return true;  // BOM, interlinear annotations
    return false;
}

// One UTF-8 sequence at s[i]: its code point and length, or length 0 when the bytes are not
// well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF are not).
size_t decode_one(std::string_view s, size_t i, char32_t& out) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    size_t length = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) length = 2, out = b0 & 0x1F, min = 0x80;
    else if ((b0 & 0xF0) == 0xE0) length = 3, out = b0 & 0x0F, min = 0x800;
    else if ((b0 & 0xF8) == 0xF0) length = 4, out = b0 & 0x07, min = 0x10000;
    else return 0;
    if (i + length > s.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        out = (out << 6) | (byte(i + k) & 0x3F);
    }
    if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
    return length;
}

}  // namespace

CleanText clean_text(std::string_view raw, bool keep_newlines) {
    CleanText result;
    result.text.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        char32_t c = 0;
        const size_t length = decode_one(raw, i, c);
        if (length == 0) {
            result.removed = result.invalid_utf8 = true;
            ++i;
            continue;
        }
        if (invisible(c) && !(keep_newlines && c == '\n')) result.removed = true;
        else result.text.append(raw.substr(i, length));
        i += length;
    }
    return result;
}

}  // namespace ui
