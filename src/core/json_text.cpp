#include "json_text.hpp"

#include <set>
#include <vector>

namespace core {

namespace {

// Reads the text once, building the value as it goes (nlohmann's own DOM builder would need a
// second pass to find repeated keys, which its objects silently drop): repeated keys (with their
// path), syntax errors and text after the value are found on the way.
class Builder {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    explicit Builder(Json& root) : root_(root) {}
    std::optional<JsonTextError> error;

    bool null() { return value(nullptr); }
    bool boolean(bool b) { return value(b); }
    bool number_integer(number_integer_t n) { return value(n); }
    bool number_unsigned(number_unsigned_t n) { return value(n); }
    bool number_float(number_float_t x, const string_t&) { return value(x); }
    bool string(string_t& text) { return value(std::move(text)); }
    bool binary(binary_t& bytes) { return value(Json::binary(std::move(bytes))); }
    bool start_object(std::size_t) { return open(Json::object(), true); }
    bool key(string_t& name) {
        Frame& f = frames_.back();
        f.key = name;
        if (f.value->contains(name)) {
            error = JsonTextError{path(), "The key \"" + name + "\" appears twice in the same object: give it once."};
            return false;
        }
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(Json::array(), false); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        if (!error) {
            const std::string at = " (at character " + std::to_string(position) + ")";
            error = root_done_ ? JsonTextError{"", "There is text after the end of the JSON value" + at + ": remove it."}
                               : JsonTextError{"", "The text is not valid JSON" + at + "."};
        }
        return false;
    }

private:
    struct Frame {
        Json* value;       // the object or array being filled (nodes of a std::map and the last
                           // element of an array stay put while their children are added)
        bool is_object;
        std::string key;   // the member being read
        std::size_t index; // the next element's index
    };
    Json& root_;
    std::vector<Frame> frames_;
    bool root_done_ = false;

    // Puts a value where the text is: the root, the object's current key, or the array's end.
    Json* place(Json&& v) {
        if (frames_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Frame& f = frames_.back();
        if (f.is_object) return &((*f.value)[f.key] = std::move(v));
        f.value->push_back(std::move(v));
        return &f.value->back();
    }
    bool value(Json&& v) {
        place(std::move(v));
        return done();
    }
    bool open(Json&& container, bool is_object) {
        Json* slot = place(std::move(container));
        frames_.push_back({slot, is_object, {}, 0});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return done();
    }
    // A value is complete: the root is read, or the array moves to its next index.
    bool done() {
        if (frames_.empty()) root_done_ = true;
        else if (!frames_.back().is_object) ++frames_.back().index;
        return true;
    }
    // "patient.weight.value", "list[2].name": where the current key sits.
    std::string path() const {
        std::string out;
        for (const Frame& f : frames_) {
            if (f.is_object) out += (out.empty() ? "" : ".") + f.key;
            else out += "[" + std::to_string(f.index) + "]";
        }
        return out;
    }
};

}  // namespace

std::optional<JsonTextError> parse_json_strict(std::string_view text, Json& out) {
    out = Json(Json::value_t::discarded);
    // nlohmann/json stops at a NUL byte as if the text ended there; JSON text never holds one.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        return JsonTextError{"", "The text contains a NUL byte (at character " + std::to_string(nul + 1) +
                                     "): send the JSON value alone."};
    Json value;
    Builder builder(value);
    const bool ok = Json::sax_parse(text, &builder);
    if (builder.error) return builder.error;
    if (!ok) return JsonTextError{"", "The text is not valid JSON."};
    out = std::move(value);
    return std::nullopt;
}

}  // namespace core
