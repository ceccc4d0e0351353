// dosecheck: request JSON on stdin (or a file argument) -> response JSON on stdout.
// Exit 0: computed response. Exit 2: invalid input (ok: false, errors[]). Exit 1: the
// program itself cannot run (unreadable file, invalid embedded data).
#include "embedded_data.hpp"
#include "evaluate.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace {

// The most this program reads: a real request is a few KB, and /dev/zero must not fill memory.
constexpr std::size_t kMaxInputBytes = 1024 * 1024;

void usage() {
    std::cout << "usage: dosecheck [--pretty] [request.json]\n"
                 "Reads a dosing request (JSON) from the file or standard input and prints the response.\n"
                 "Exit codes: 0 computed, 2 invalid input (including input over 1 MB), 1 cannot run.\n";
}

enum class ReadStatus { Ok, TooLarge, Failed };

// Reads at most kMaxInputBytes; one byte more means the input is too large.
ReadStatus read_bounded(std::FILE* in, std::string& out) {
    char buffer[64 * 1024];
    while (out.size() <= kMaxInputBytes) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
        out.append(buffer, n);
        if (n < sizeof buffer) return std::ferror(in) ? ReadStatus::Failed : out.size() > kMaxInputBytes ? ReadStatus::TooLarge : ReadStatus::Ok;
    }
    return ReadStatus::TooLarge;
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
    std::FILE* in = stdin;
    if (path != nullptr) {
        struct stat info {};
        if (::stat(path, &info) != 0) {
            std::cerr << "dosecheck: cannot read " << path << ": " << std::strerror(errno) << "\n";
            return 1;
        }
        if (S_ISDIR(info.st_mode)) {
            std::cerr << "dosecheck: cannot read " << path << ": it is a directory\n";
            return 1;
        }
        in = std::fopen(path, "rb");
        if (in == nullptr) {
            std::cerr << "dosecheck: cannot read " << path << ": " << std::strerror(errno) << "\n";
            return 1;
        }
    }
    const ReadStatus status = read_bounded(in, input);
    if (in != stdin) std::fclose(in);
    if (status == ReadStatus::Failed) {
        std::cerr << "dosecheck: cannot read " << (path ? path : "standard input") << "\n";
        return 1;
    }
    const core::LoadResult& loaded = data::embedded_drug_db();
    if (!loaded.db) {
        for (const auto& e : loaded.errors) std::cerr << "dosecheck: data error " << e.file << " " << e.path << ": " << e.message << "\n";
        return 1;
    }
    core::JsonResult result = status == ReadStatus::TooLarge ? core::refuse_oversized_request(0, kMaxInputBytes, *loaded.db)
                                                             : core::evaluate_json(input, *loaded.db);
    if (status == ReadStatus::TooLarge)
        std::cerr << "dosecheck: the input is larger than " << kMaxInputBytes << " bytes (1 MB); nothing was computed\n";
    if (pretty) result.json = nlohmann::ordered_json::parse(result.json).dump(2);
    std::cout << result.json << "\n";
    return result.exit_code;
}
