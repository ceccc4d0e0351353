#include "json_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace core {

namespace {

// The length of the well-formed UTF-8 sequence starting at p (no overlong forms, no surrogates,
// nothing above U+10FFFF: the test nlohmann's serializer applies), or 0.
int utf8_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char b = *p;
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
    else return 0;
    if (end - p <= more) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    for (int k = 2; k <= more; ++k)
        if (p[k] < 0x80 || p[k] > 0xBF) return 0;
    return more + 1;
}

// Whether any of 8 bytes is not plain (never a false "no"): most text is plain ASCII, and
// looking at a word at a time halves the response's writing time.
bool any_special(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    return (below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) | (w & highs)) != 0;
}

}  // namespace

void JsonWriter::grow(std::size_t needed) {
    out_.resize(std::max(needed, 2 * capacity_));
    data_ = out_.data();
    capacity_ = out_.size();
}

JsonWriter& JsonWriter::open(char c) {
    separate();
    put(c);
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    put(c);
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(JsonKey name) {
    separate();
    const std::string_view text = name.text();
    if (size_ + text.size() + 3 > capacity_) grow(size_ + text.size() + 3);
    data_[size_++] = '"';
    std::memcpy(data_ + size_, text.data(), text.size());
    size_ += text.size();
    data_[size_++] = '"';
    data_[size_++] = ':';
    return *this;
}

JsonWriter& JsonWriter::key_text(std::string_view name) {
    separate();
    string(name);
    put(':');
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    put("null");
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    put(b ? std::string_view("true") : std::string_view("false"));
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::integer(long long n) {
    separate();
    char buffer[24];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, n);
    put(buffer, static_cast<std::size_t>(written.ptr - buffer));
    comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(double x) {
    // The range first: converting a double outside long long's range is undefined behaviour.
    if (x > -1e15 && x < 1e15 && x == static_cast<double>(static_cast<long long>(x))) return integer(static_cast<long long>(x));
    separate();
    // A number of at most 4 decimals below 1000 (every exposure point is rounded to 0.0001, and
    // there are thousands per response) is written from its whole count of ten-thousandths when
    // that count over 10^4 is this very double: the same text nlohmann writes, whose fixed
    // notation starts at 0.0001. Only in that range: nlohmann's Grisu2 does not always find the
    // shortest form, and for some decimals of 5 or 6 places (0.01207 is written
    // 0.012070000000000001) or of 4 places above 2^16 it writes more digits, so those keep its
    // general algorithm and the response's bytes stay as they were (the range was checked value
    // by value against nlohmann; a test samples it densely).
    const double magnitude = std::fabs(x);
    if (magnitude >= 1e-4 && magnitude < 1000) {
        const double ten_thousandths = std::floor(magnitude * 1e4 + 0.5);
        if (ten_thousandths / 1e4 == magnitude) {
            const auto count = static_cast<long long>(ten_thousandths);
            long long whole = count / 10000, fraction = count % 10000;
            char buffer[24];
            char* end = buffer + sizeof buffer;
            char* p = end;
            int digits = 4;
            while (fraction % 10 == 0) fraction /= 10, --digits;  // fraction != 0: x is not whole
            for (int i = 0; i < digits; ++i, fraction /= 10) *--p = static_cast<char>('0' + fraction % 10);
            *--p = '.';
            do *--p = static_cast<char>('0' + whole % 10);
            while ((whole /= 10) != 0);
            if (x < 0) *--p = '-';
            put(p, static_cast<std::size_t>(end - p));
            comma_ = true;
            return *this;
        }
    }
    if (!std::isfinite(x)) {
        put("null");
    } else {
        char buffer[64];
        char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
        put(buffer, static_cast<std::size_t>(end - buffer));
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
    const std::size_t start = size_;
    put('"');
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    const auto* run = p;  // the first byte not yet copied
    while (p < end) {
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, sizeof word);
            if (!any_special(word)) {
                p += 8;
                continue;
            }
        }
        if (json_plain(*p)) {
            ++p;
            continue;
        }
        if (*p >= 0x80) {
            const int length = utf8_length(p, end);
            if (length == 0) {
                // Rare (only untrusted text echoed in a message): nlohmann's own replacement rules.
                size_ = start;
                put(nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
                return;
            }
            p += length;
            continue;
        }
        put(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
        switch (*p) {
            case '"': put("\\\""); break;
            case '\\': put("\\\\"); break;
            case '\b': put("\\b"); break;
            case '\f': put("\\f"); break;
            case '\n': put("\\n"); break;
            case '\r': put("\\r"); break;
            case '\t': put("\\t"); break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', kHex[*p >> 4], kHex[*p & 15]};
                put(escaped, sizeof escaped);
            }
        }
        run = ++p;
    }
    put(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    put('"');
}

std::string indented_json(std::string_view compact, int indent) {
    std::string out;
    out.reserve(compact.size() + compact.size() / 2);
    int level = 0;
    indent = std::max(indent, 0);
    // Never below level 0, even for text with more closers than openers (not JSON this writer makes).
    const auto new_line = [&] { out.append(1, '\n').append(static_cast<std::size_t>(std::max(level, 0) * indent), ' '); };
    bool in_string = false;
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        out += c;
        if (in_string) {
            if (c == '\\' && i + 1 < compact.size()) out += compact[++i];  // the escaped character, even a quote
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '{':
            case '[':
                if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
                    out += compact[++i];  // {} and [] stay on one line
                } else {
                    ++level;
                    new_line();
                }
                break;
            case '}':
            case ']':
                out.pop_back();
                --level;
                new_line();
                out += c;
                break;
            case ',': new_line(); break;
            case ':': out += ' '; break;
            default: break;
        }
    }
    return out;
}

}  // namespace core
