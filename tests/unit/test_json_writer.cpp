// The response's JSON writer against nlohmann's compact dump (what it replaced): the same bytes
// for every kind of value, including text that is not valid UTF-8.
#include "json_writer.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>

namespace {

std::string nlohmann_text(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written(const std::string& s) {
    core::JsonWriter w;
    w.value(s);
    return w.take();
}

std::string written(double x) {
    core::JsonWriter w;
    w.value(x);
    return w.take();
}

}  // namespace

TEST_CASE("json writer: texts are escaped exactly as nlohmann escapes them") {
    const std::string texts[] = {
        "",
        "20 mg",
        "quote \" backslash \\ slash /",
        std::string("controls \b\f\n\r\t \x01\x1f\x7f end"),
        std::string("nul \0 inside", 12),
        "µmol/L ≥ 30 – “curly” 😀",
        "\xC3",                      // cut two-byte sequence
        "ab\xE2\x82",                // cut three-byte sequence at the end
        "\xC0\xAF",                  // overlong '/'
        "\xED\xA0\x80",              // a surrogate
        "\xF4\x90\x80\x80",          // above U+10FFFF
        "ok \xFF then ok",           // a byte that never starts a sequence
        "\xE2\x28\xA1 mixed \xC3\xA9",
        "\xF0\x9F\x98",              // cut four-byte sequence
    };
    for (const auto& t : texts) CHECK_MESSAGE(written(t) == nlohmann_text(t), t);
}

TEST_CASE("json writer: a byte needing care is found wherever it sits in a word") {
    // The writer skips plain ASCII 8 bytes at a time: put each kind of byte at every position.
    const std::string pieces[] = {"\"", "\\", "\x01", "\x1f", " ", "\x7f", "\xC3\xA9", "\xE2\x89\xA5", "\xFF", "\xC3"};
    for (const auto& piece : pieces)
        for (std::size_t at = 0; at <= 24; ++at) {
            std::string t(24, 'a');
            t.insert(at, piece);
            CHECK_MESSAGE(written(t) == nlohmann_text(t), at);
        }
}

TEST_CASE("json writer: numbers print like the response always printed them") {
    // Whole numbers below 1e15 as integers; everything else nlohmann's shortest round trip.
    CHECK(written(20.0) == "20");
    CHECK(written(-3.0) == "-3");
    CHECK(written(-0.0) == "0");
    CHECK(written(0.1) == "0.1");
    CHECK(written(12.345) == "12.345");
    CHECK(written(1e-7) == nlohmann::json(1e-7).dump());
    CHECK(written(999999999999999.0) == "999999999999999");
    CHECK(written(1e15) == nlohmann::json(1e15).dump());
    CHECK(written(-2.5e20) == nlohmann::json(-2.5e20).dump());
    CHECK(written(std::numeric_limits<double>::quiet_NaN()) == "null");
    core::JsonWriter w;
    w.begin_array().value(0).value(-42).value(std::numeric_limits<long long>::min()).value(std::numeric_limits<long long>::max()).end_array();
    CHECK(w.text() == "[0,-42," + std::to_string(std::numeric_limits<long long>::min()) + "," +
                          std::to_string(std::numeric_limits<long long>::max()) + "]");
    CHECK(written(std::numeric_limits<double>::infinity()) == "null");
    for (double x = 0.001; x < 500; x = x * 1.37 + 0.013) CHECK(written(x) == nlohmann::json(x).dump());
}

TEST_CASE("json writer: short decimals are written as nlohmann writes them") {
    // The short path (4 decimals below 1000, written from a count of ten-thousandths) against
    // nlohmann: every 7th ten-thousandth up to 1000, both signs; and decimals outside that range,
    // where nlohmann's Grisu2 writes more digits than the shortest form, so the writer must too.
    const auto expected = [](double x) {
        return x == std::trunc(x) ? std::to_string(static_cast<long long>(x)) : nlohmann::json(x).dump();
    };
    int compared = 0;
    for (long long count = 1; count < 10000000; count += 7) {
        const double x = static_cast<double>(count) / 1e4;
        CHECK(written(x) == expected(x));
        CHECK(written(-x) == expected(-x));
        compared += 2;
    }
    CHECK(compared > 2000000);
    for (double x : {0.01207, 1.01371, 0.301038, 0.000649, 65536.0553, 0.0001, 0.00009, 0.00015, 999.9999, 1000.0001,
                     0.1 + 0.2, 1.0 / 3, 123456.789012, 0.1234567}) {
        CHECK(written(x) == expected(x));
        CHECK(written(-x) == expected(-x));
    }
    CHECK(written(0.01207) == "0.012070000000000001");  // nlohmann's text, kept byte for byte
}

TEST_CASE("json writer: objects, arrays, optionals and separators") {
    core::JsonWriter w;
    w.begin_object()
        .member("a", 1)
        .member("none", std::optional<double>())
        .member("some", std::optional<double>(2.5))
        .member("list", std::vector<double>{1, 0.5})
        .member("words", std::vector<std::string>{"x", "y"})
        .key("empty")
        .begin_array()
        .end_array()
        .key("nested")
        .begin_object()
        .key("o")
        .begin_object()
        .end_object()
        .member("t", true)
        .end_object()
        .end_object();
    CHECK(w.text() == R"({"a":1,"none":null,"some":2.5,"list":[1,0.5],"words":["x","y"],"empty":[],"nested":{"o":{},"t":true}})");
    CHECK(nlohmann::json::parse(w.text()).is_object());
}

TEST_CASE("json writer: a key from data is escaped as nlohmann escapes it; a literal key is copied as it is") {
    const std::string keys[] = {"kineret-us", "quote \" here", "back\\slash", "µmol/L", "\xC3", std::string("nul \0 in", 8), ""};
    for (const std::string& key : keys) {
        core::JsonWriter w;
        w.begin_object().key_text(key).value(1).member("after", 2).end_object();
        const std::string escaped = nlohmann_text(key);
        CHECK(w.text() == "{" + escaped + ":1,\"after\":2}");
    }
    core::JsonWriter w;
    w.begin_object().key("").value(0).key("step_sources").begin_array().end_array().member("x_1", "y").end_object();
    CHECK(w.text() == R"({"":0,"step_sources":[],"x_1":"y"})");
    // A literal that would need escaping does not compile: JsonKey's check runs while compiling.
}

TEST_CASE("json writer: indented_json lays compact text out as nlohmann's dump(2) does") {
    const char* texts[] = {
        "{}",
        "[]",
        "{\"a\":{},\"b\":[],\"c\":[{}]}",
        "{\"inputs\":{\"weight\":\"20\"},\"response\":{\"ok\":true,\"steps\":[{\"id\":\"a\",\"operands\":[1,2.5,-3]}],\"x\":null}}",
        "[\"quote \\\" inside\",\"backslash \\\\\",\"brace { [ , : in text ] }\",\"\\\\\\\"\"]",
        "{\"k:,\":\"v{}[]\",\"n\":[[],[[]],{\"d\":{}}]}",
        "\"a lone string\"",
        "20",
    };
    for (const char* compact : texts) {
        const std::string expected = nlohmann::ordered_json::parse(compact).dump(2);
        CHECK_MESSAGE(core::indented_json(compact, 2) == expected, compact);
    }
    // Not JSON this writer makes, but never an indent below the left margin (or a huge one).
    CHECK(core::indented_json("}]", 2) == "\n}\n]");
    CHECK(core::indented_json("[1]", -3) == "[\n1\n]");
}
