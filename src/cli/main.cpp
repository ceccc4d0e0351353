// dosecheck: request JSON on stdin (or a file argument) -> response JSON on stdout.
// Exit 0: computed response. Exit 2: invalid input (ok: false, errors[]). Exit 1: the
// program itself cannot run (unreadable file, invalid embedded data).
#include "embedded_data.hpp"
#include "evaluate.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace {

void usage() {
    std::cout << "usage: dosecheck [--pretty] [request.json]\n"
                 "Reads a dosing request (JSON) from the file or standard input and prints the response.\n"
                 "Exit codes: 0 computed, 2 invalid input, 1 cannot run.\n";
}

}  // namespace

int main(int argc, char** argv) {
    bool pretty = false;
    const char* path = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pretty") == 0) pretty = true;
        else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            usage();
            return 0;
        } else if (path == nullptr) path = argv[i];
        else {
            usage();
            return 1;
        }
    }
    std::string input;
    if (path != nullptr) {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            std::cerr << "dosecheck: cannot read " << path << "\n";
            return 1;
        }
        input.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    } else {
        input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    const core::LoadResult& loaded = data::embedded_drug_db();
    if (!loaded.db) {
        for (const auto& e : loaded.errors) std::cerr << "dosecheck: data error " << e.file << " " << e.path << ": " << e.message << "\n";
        return 1;
    }
    core::JsonResult result = core::evaluate_json(input, *loaded.db);
    if (pretty) result.json = nlohmann::ordered_json::parse(result.json).dump(2);
    std::cout << result.json << "\n";
    return result.exit_code;
}
