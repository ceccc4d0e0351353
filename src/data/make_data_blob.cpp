// Build step: loads and validates data/*.json (compiled in as text) and writes the binary form
// the programs embed. Invalid data stops the build here, with every error and its JSON path.
// Usage: make_data_blob <out-file>
#include "data_blob.hpp"
#include "embedded_json.hpp"

#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_data_blob <out-file>\n");
        return 2;
    }
    const core::LoadResult loaded = core::load_drug_db(data::embedded_files());
    if (!loaded.db) {
        for (const auto& e : loaded.errors)
            std::fprintf(stderr, "%s %s: %s\n", e.file.c_str(), e.path.c_str(), e.message.c_str());
        return 1;
    }
    const std::string blob = core::write_data_blob(*loaded.db);
    // Checked before it is embedded: what the programs will read is what the loader made.
    const core::LoadResult again = core::read_data_blob(blob);
    if (!again.db || !(*again.db == *loaded.db)) {
        std::fprintf(stderr, "make_data_blob: the binary form does not read back as the data it was made from\n");
        return 1;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
    if (!out) {
        std::fprintf(stderr, "make_data_blob: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
