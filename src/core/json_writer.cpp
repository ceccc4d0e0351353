#include "json_writer.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace core {

namespace {

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), the same
// test nlohmann's serializer applies.
bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        int more;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) more = 1;
        else if (b == 0xE0) more = 2, lo = 0xA0;
        else if (b >= 0xE1 && b <= 0xEC) more = 2;
        else if (b == 0xED) more = 2, hi = 0x9F;
        else if (b >= 0xEE && b <= 0xEF) more = 2;
        else if (b == 0xF0) more = 3, lo = 0x90;
        else if (b >= 0xF1 && b <= 0xF3) more = 3;
        else if (b == 0xF4) more = 3, hi = 0x8F;
        else return false;
        if (i + static_cast<size_t>(more) >= s.size()) return false;
        for (int k = 1; k <= more; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return false;
        }
        i += static_cast<size_t>(more) + 1;
    }
    return true;
}

}  // namespace

JsonWriter& JsonWriter::open(char c) {
    separate();
    out_ += c;
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    out_ += c;
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    string(name);
    out_ += ':';
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::integer(long long n) {
    separate();
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* p = end;
    unsigned long long u = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (n < 0) *--p = '-';
    out_.append(p, static_cast<size_t>(end - p));
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(double x) {
    if (x == static_cast<double>(static_cast<long long>(x)) && x > -1e15 && x < 1e15) return integer(static_cast<long long>(x));
    separate();
    if (!std::isfinite(x)) {
        out_ += "null";
    } else {
        char buffer[64];
        char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
        out_.append(buffer, static_cast<size_t>(end - buffer));
    }
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    string(text);
    comma_ = true;
    return *this;
}

void JsonWriter::string(std::string_view text) {
    if (!valid_utf8(text)) {
        // Rare (only untrusted text echoed in a message): nlohmann's own replacement rules.
        out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                out_.append(escaped, sizeof escaped);
            }
        }
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
}

}  // namespace core
