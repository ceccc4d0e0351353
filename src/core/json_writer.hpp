// JSON text written straight into one string, for the response (written on every evaluate()).
// Building a nlohmann::json tree first cost ~80 % of evaluate() (allocating, copying and freeing
// a node per number and text). The bytes are the same as nlohmann's compact dump with invalid
// UTF-8 replaced, and whole numbers below 1e15 print as integers ("20", not "20.0"): the
// response is read by people as well as programs.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class JsonWriter {
public:
    JsonWriter() { out_.reserve(16 * 1024); }

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    // An object member's key; the next call writes its value.
    JsonWriter& key(std::string_view name);

    JsonWriter& null();
    JsonWriter& value(bool b);
    JsonWriter& value(double x);
    JsonWriter& value(int n) { return integer(n); }
    JsonWriter& value(long n) { return integer(n); }
    JsonWriter& value(long long n) { return integer(n); }
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

    // key(name).value(v) in one call.
    template <typename T>
    JsonWriter& member(std::string_view name, const T& v) {
        return key(name).value(v);
    }

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    JsonWriter& open(char c);
    JsonWriter& close(char c);
    JsonWriter& integer(long long n);
    void separate() {
        if (comma_) out_ += ',';
        comma_ = false;
    }
    void string(std::string_view text);

    std::string out_;
    bool comma_ = false;  // a value came before: the next key or array item needs a ','
};

}  // namespace core
