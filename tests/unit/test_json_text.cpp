// The strict JSON reader (requests and the drug data): one pass that builds the value and finds
// repeated keys, with the same value nlohmann's own parser builds.
#include "json_text.hpp"

#include "embedded_json.hpp"

#include <doctest/doctest.h>

namespace {

std::optional<core::JsonTextError> read(const std::string& text, core::Json& out) { return core::parse_json_strict(text, out); }

}  // namespace

TEST_CASE("strict json: builds exactly the value nlohmann builds") {
    const std::string texts[] = {
        R"({"a": 1, "b": [1, -2, 3.5, 1e300, 18446744073709551615, "x", true, false, null, {}, []], "c": {"d": {"e": "µ ≥ \u00e9"}}})",
        R"([[], [[1], {"k": [{"z": 0}]}], "s"])",
        R"("just text")",
        R"(42)",
        R"(  {"nested": {"deep": {"deeper": [1, 2, {"x": null}]}}}  )",
    };
    for (const auto& t : texts) {
        core::Json built;
        REQUIRE_FALSE(read(t, built));
        CHECK_MESSAGE(built == core::Json::parse(t), t);
    }
    // The embedded data reads the same way too.
    for (const auto& f : data::embedded_files()) {
        core::Json built;
        REQUIRE_FALSE(read(std::string(f.text), built));
        CHECK_MESSAGE(built == core::Json::parse(f.text), f.name);
    }
}

TEST_CASE("strict json: a repeated key is named with its path, in objects and in array elements") {
    core::Json out;
    auto error = read(R"({"drug": "a", "drug": "b"})", out);
    REQUIRE(error);
    CHECK(error->path == "drug");
    CHECK(error->message == "The key \"drug\" appears twice in the same object: give it once.");
    CHECK(out.is_discarded());

    error = read(R"({"patient": {"weight": {"value": 20, "value": 200}}})", out);
    REQUIRE(error);
    CHECK(error->path == "patient.weight.value");

    error = read(R"({"list": [{"a": 1}, {"b": 2}, {"c": 1, "c": 2}]})", out);
    REQUIRE(error);
    CHECK(error->path == "list[2].c");

    error = read(R"([[0, 1], {"x": [5, {"y": 1, "y": 1}]}])", out);
    REQUIRE(error);
    CHECK(error->path == "[1].x[1].y");

    // The same key in different objects is fine.
    CHECK_FALSE(read(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}}])", out));
    CHECK(out[1]["a"] == 2);
}

TEST_CASE("strict json: broken text, text after the value and NUL bytes are errors") {
    core::Json out;
    auto error = read(R"({"a": 1)", out);
    REQUIRE(error);
    CHECK(error->message.rfind("The text is not valid JSON", 0) == 0);
    CHECK(out.is_discarded());
    error = read(R"({"a": 1} {"b": 2})", out);
    REQUIRE(error);
    CHECK(error->message.rfind("There is text after the end of the JSON value", 0) == 0);
    error = read(std::string("{\"a\": 1}\0{}", 11), out);
    REQUIRE(error);
    CHECK(error->message.rfind("The text contains a NUL byte", 0) == 0);
    error = read("[1e999]", out);
    REQUIRE(error);
    CHECK(out.is_discarded());
}
