// JSON text written straight into one string, for the response (written on every evaluate()).
// Building a nlohmann::json tree first cost ~80 % of evaluate() (allocating, copying and freeing
// a node per number and text). The bytes are the same as nlohmann's compact dump with invalid
// UTF-8 replaced, and whole numbers below 1e15 print as integers ("20", not "20.0"): the
// response is read by people as well as programs.
#pragma once
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Bytes a JSON string holds as they are: printable ASCII but the quote and the backslash.
constexpr bool json_plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// An object key written in the code, a string literal: checked while compiling to need no
// escaping (a key that would fails to compile), so it is copied as it is. Keys are most of the
// strings written (~2,000 in a typical response, ~1,500 in each frame's semantics tree), and
// escaping each one was ~40 % of writing a response. A key from data goes through key_text().
class JsonKey {
public:
    template <std::size_t N>
    consteval JsonKey(const char (&name)[N]) : text_(name, N - 1) {
        for (std::size_t i = 0; i + 1 < N; ++i)
            if (!json_plain(static_cast<unsigned char>(name[i]))) throw "a JSON key literal must need no escaping";
    }
    std::string_view text() const { return text_; }

private:
    std::string_view text_;
};

class JsonWriter {
public:
    JsonWriter() { grow(16 * 1024); }
    // The cursor points into the writer's own buffer: a copy would write into the original's.
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    // An object member's key; the next call writes its value.
    JsonWriter& key(JsonKey name);
    // A key that comes from data (a source's id): escaped like any text.
    JsonWriter& key_text(std::string_view name);

    JsonWriter& null();
    JsonWriter& value(bool b);
    JsonWriter& value(double x);
    JsonWriter& value(int n) { return integer(n); }
    JsonWriter& value(long n) { return integer(n); }
    JsonWriter& value(long long n) { return integer(n); }
    // A count or a limit (std::size_t), far below 2^63.
    JsonWriter& value(unsigned long n) { return integer(static_cast<long long>(n)); }
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    template <typename T>
    JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }
    template <typename T>
    JsonWriter& value(const std::vector<T>& list) {
        return array(list);
    }
    // Any list (a std::vector, a step's Operands) as a JSON array of its items.
    template <typename List>
    JsonWriter& array(const List& list) {
        begin_array();
        for (const auto& item : list) value(item);
        return end_array();
    }

    // A value that is JSON text already (a response another writer wrote), copied as it is: it
    // must be one well-formed JSON value.
    JsonWriter& raw_value(std::string_view json) {
        separate();
        put(json);
        comma_ = true;
        return *this;
    }

    // key(name).value(v) in one call.
    template <typename T>
    JsonWriter& member(JsonKey name, const T& v) {
        return key(name).value(v);
    }

    std::string_view text() const { return {data_, size_}; }
    // The text; the writer is spent afterwards.
    std::string take() {
        out_.resize(size_);
        data_ = nullptr;
        size_ = capacity_ = 0;
        return std::move(out_);
    }

private:
    JsonWriter& open(char c);
    JsonWriter& close(char c);
    JsonWriter& integer(long long n);
    // Bytes go in through a cursor into a buffer that doubles when full, not through
    // std::string's members: when the -Oz wasm build inlined nothing (before the eleventh round
    // of issue 11), a string's bookkeeping calls per byte were a quarter of writing a response
    // with exposure curves, and the cursor is still the cheaper path.
    void grow(std::size_t needed);
    void put(char c) {
        if (size_ == capacity_) grow(size_ + 1);
        data_[size_++] = c;
    }
    void put(const char* bytes, std::size_t count) {
        if (count == 0) return;  // an empty view may hold a null pointer, which memcpy may not get
        if (size_ + count > capacity_) grow(size_ + count);
        std::memcpy(data_ + size_, bytes, count);
        size_ += count;
    }
    void put(std::string_view bytes) { put(bytes.data(), bytes.size()); }
    void separate() {
        if (comma_) put(',');
        comma_ = false;
    }
    void string(std::string_view text);

    std::string out_;  // the buffer: its size is the capacity; size_ bytes are written
    char* data_ = nullptr;
    std::size_t size_ = 0, capacity_ = 0;
    bool comma_ = false;  // a value came before: the next key or array item needs a ','
};

// Compact JSON text (a JsonWriter's) laid out for people to read, `indent` spaces a level, as
// nlohmann's dump(indent) lays it out: a member on each line, "key": value, and an empty object
// or list kept as {} or [].
std::string indented_json(std::string_view compact, int indent);

}  // namespace core
