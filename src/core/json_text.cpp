#include "json_text.hpp"

#include <set>
#include <vector>

namespace core {

namespace {

// Walks the text once without building anything: finds repeated keys (with their path),
// syntax errors and text after the value. nlohmann/json's own parser then builds the value.
class Checker {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    std::optional<JsonTextError> error;

    bool null() { return value(); }
    bool boolean(bool) { return value(); }
    bool number_integer(number_integer_t) { return value(); }
    bool number_unsigned(number_unsigned_t) { return value(); }
    bool number_float(number_float_t, const string_t&) { return value(); }
    bool string(string_t&) { return value(); }
    bool binary(binary_t&) { return value(); }
    bool start_object(std::size_t) {
        frames_.push_back({true, {}, {}, 0});
        return true;
    }
    bool key(string_t& name) {
        Frame& f = frames_.back();
        f.key = name;
        if (!f.keys.insert(name).second) {
            error = JsonTextError{path(), "The key \"" + name + "\" appears twice in the same object: give it once."};
            return false;
        }
        return true;
    }
    bool end_object() { return end(); }
    bool start_array(std::size_t) {
        frames_.push_back({false, {}, {}, 0});
        return true;
    }
    bool end_array() { return end(); }
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
        bool is_object;
        std::set<std::string> keys;
        std::string key;
        std::size_t index;
    };
    std::vector<Frame> frames_;
    bool root_done_ = false;

    bool value() {
        if (frames_.empty()) root_done_ = true;
        else if (!frames_.back().is_object) ++frames_.back().index;
        return true;
    }
    bool end() {
        frames_.pop_back();
        return value();
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
    Checker checker;
    const bool ok = Json::sax_parse(text, &checker);
    if (checker.error) return checker.error;
    if (!ok) return JsonTextError{"", "The text is not valid JSON."};
    out = Json::parse(text, nullptr, false);
    if (out.is_discarded()) return JsonTextError{"", "The text is not valid JSON."};
    return std::nullopt;
}

}  // namespace core
