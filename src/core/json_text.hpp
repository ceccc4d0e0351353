// JSON text read strictly, for requests and for the drug data alike: one value and nothing
// after it (not even after a NUL byte), and no key twice in any object, because a repeated
// key would silently keep only its last value ("weight": {"value": 20, "value": 200}).
#pragma once
#include "json_object.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace core {

struct JsonTextError {
    std::string path;     // the dotted path of a repeated key ("patient.weight.value"), or "" for the text as a whole
    std::string message;  // in words, for a clinician or a data editor
};

// Parses `text` into `out`. On failure `out` is left discarded and the error says why.
std::optional<JsonTextError> parse_json_strict(std::string_view text, Json& out);

}  // namespace core
