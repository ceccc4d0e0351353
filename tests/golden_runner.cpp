// Runs every golden vector in a folder: request -> response, compared with the expected
// fields. The same program runs natively and as WebAssembly under Node; both write every
// response to an output file so the test script can check they are byte-identical.
//
// A vector file: {"name", "facts" (the FACTS.md section its numbers come from), "request"
// (or "request_text" for malformed input), "exit_code", "expect"}. "expect" is matched as a
// subset: objects by key, arrays element by element with equal length, numbers exactly.
// Special forms: {"$contains": "text"} for strings, {"$codes": [...]} for a findings array
// that must include those codes, {"$absent_codes": [...]} for codes that must not appear,
// {"$length": N} for an array's length, and "$absent" as a value for a key that must be missing.
#include "embedded_data.hpp"
#include "evaluate.hpp"
#include "json_object.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using Json = nlohmann::json;

bool match(const Json& expected, const Json& actual, const std::string& path, std::vector<std::string>& problems) {
    auto fail = [&](const std::string& why) {
        problems.push_back(path + ": " + why + " (expected " + core::json_dump(expected) + ", got " + core::json_dump(actual) + ")");
        return false;
    };
    if (expected.is_object() && expected.size() == 1) {
        const auto& key = expected.begin().key();
        const Json& arg = expected.begin().value();
        auto codes = [&]() {
            std::vector<std::string> out;
            if (actual.is_array())
                for (const auto& f : actual)
                    if (f.is_object() && f.contains("code")) out.push_back(f["code"].get<std::string>());
            return out;
        };
        if (key == "$contains") {
            if (!actual.is_string() || actual.get<std::string>().find(arg.get<std::string>()) == std::string::npos)
                return fail("text not found");
            return true;
        }
        if (key == "$codes") {
            const auto have = codes();
            for (const auto& code : arg)
                if (std::find(have.begin(), have.end(), code.get<std::string>()) == have.end()) return fail("missing code " + code.get<std::string>());
            return true;
        }
        if (key == "$absent_codes") {
            const auto have = codes();
            for (const auto& code : arg)
                if (std::find(have.begin(), have.end(), code.get<std::string>()) != have.end()) return fail("unexpected code " + code.get<std::string>());
            return true;
        }
        if (key == "$length") {
            if (!actual.is_array() || actual.size() != arg.get<size_t>()) return fail("wrong length");
            return true;
        }
    }
    if (expected.is_object()) {
        if (!actual.is_object()) return fail("not an object");
        bool ok = true;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const bool must_be_absent = it.value().is_string() && it.value().get<std::string>() == "$absent";
            if (must_be_absent) {
                if (actual.contains(it.key())) {
                    problems.push_back(path + "." + it.key() + ": must be absent");
                    ok = false;
                }
                continue;
            }
            if (!actual.contains(it.key())) {
                problems.push_back(path + "." + it.key() + ": missing");
                ok = false;
                continue;
            }
            ok = match(it.value(), actual[it.key()], path + "." + it.key(), problems) && ok;
        }
        return ok;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) return fail("array length differs");
        bool ok = true;
        for (size_t i = 0; i < expected.size(); ++i)
            ok = match(expected[i], actual[i], path + "[" + std::to_string(i) + "]", problems) && ok;
        return ok;
    }
    if (expected.is_number()) {
        if (!actual.is_number() || std::fabs(expected.get<double>() - actual.get<double>()) > 1e-9) return fail("number differs");
        return true;
    }
    if (expected != actual) return fail("value differs");
    return true;
}

// Invalid input must carry no dose anywhere: no regimen, ladder, check, comparators.
bool has_dose_key(const Json& value) {
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string& k = it.key();
            if (k == "regimen" || k == "ladder" || k == "check" || k == "comparators" || k.find("mg") != std::string::npos ||
                k.find("dose") != std::string::npos)
                return true;
            if (has_dose_key(it.value())) return true;
        }
    }
    if (value.is_array())
        for (const auto& v : value)
            if (has_dose_key(v)) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: golden_runner <folder> [outputs.jsonl]\n";
        return 1;
    }
    const auto& loaded = data::embedded_drug_db();
    if (!loaded.db) {
        for (const auto& e : loaded.errors) std::cerr << "data error " << e.file << " " << e.path << ": " << e.message << "\n";
        return 1;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::ofstream outputs;
    if (argc > 2) outputs.open(argv[2], std::ios::binary);
    int passed = 0, failed = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const Json vector = Json::parse(text.str(), nullptr, false);
        const std::string name = file.filename().string();
        std::vector<std::string> problems;
        if (vector.is_discarded() || !vector.contains("name") || !vector.contains("facts") || !vector.contains("expect") ||
            !vector.contains("exit_code") || (vector.contains("request") == vector.contains("request_text"))) {
            problems.push_back("malformed vector (needs name, facts, exit_code, expect, and request or request_text)");
        } else {
            const std::string request =
                vector.contains("request") ? core::json_dump(vector["request"]) : vector["request_text"].get<std::string>();
            const core::JsonResult result = core::evaluate_json(request, *loaded.db);
            if (outputs) outputs << name << "\t" << result.json << "\n";
            const Json actual = Json::parse(result.json, nullptr, false);
            if (actual.is_discarded()) problems.push_back("response is not valid JSON");
            if (result.exit_code != vector["exit_code"].get<int>())
                problems.push_back("exit code " + std::to_string(result.exit_code) + ", expected " + vector["exit_code"].dump());
            if (!actual.is_discarded()) {
                match(vector["expect"], actual, "$", problems);
                if (result.exit_code == 2 && has_dose_key(actual)) problems.push_back("invalid input produced a dose field");
            }
        }
        if (problems.empty()) {
            ++passed;
        } else {
            ++failed;
            std::cout << "FAIL " << name << "\n";
            for (const auto& p : problems) std::cout << "  " << p << "\n";
        }
    }
    std::cout << "golden vectors: " << passed << " passed, " << failed << " failed\n";
    return failed == 0 && passed > 0 ? 0 : 1;
}
