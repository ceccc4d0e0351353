// The binary form of the drug data (src/core/data_blob.hpp): the programs read it instead of
// the JSON, so it must give back exactly what the loader made, and bad bytes must give no data.
#include "data_blob.hpp"
#include "test_helpers.hpp"

#include <string>

namespace {

const core::DrugDb& loaded_from_json() {
    static const core::LoadResult loaded = core::load_drug_db(data::embedded_files());
    REQUIRE(loaded.db.has_value());
    return *loaded.db;
}

bool refused(const std::string& bytes) {
    const core::LoadResult r = core::read_data_blob(bytes);
    return !r.db && r.errors.size() == 1 && r.errors[0].file == "embedded data" && !r.errors[0].message.empty();
}

}  // namespace

TEST_CASE("the embedded binary data is exactly what the JSON loader makes of data/*.json") {
    CHECK(db() == loaded_from_json());
    CHECK(data::embedded_drug_db().errors.empty());
}

TEST_CASE("write then read gives back the same database") {
    const std::string blob = core::write_data_blob(loaded_from_json());
    const core::LoadResult r = core::read_data_blob(blob);
    REQUIRE(r.db.has_value());
    CHECK(*r.db == loaded_from_json());
    CHECK(core::write_data_blob(*r.db) == blob);
}

TEST_CASE("a change in any kind of member changes the database read back") {
    // The equality the round trip relies on sees members deep in the tree.
    core::DrugDb edited = loaded_from_json();
    edited.drugs[0].uses[0].regimens[0].bands[0].dose.steps_mg_per_kg.push_back(9);
    CHECK_FALSE(edited == loaded_from_json());
    const core::LoadResult r = core::read_data_blob(core::write_data_blob(edited));
    REQUIRE(r.db.has_value());
    CHECK(*r.db == edited);
    edited = loaded_from_json();
    edited.teaching.cases.back().source.unverified = !edited.teaching.cases.back().source.unverified;
    CHECK(*core::read_data_blob(core::write_data_blob(edited)).db == edited);
    edited = loaded_from_json();
    edited.findings.codes.begin()->second.meaning += "x";
    CHECK(*core::read_data_blob(core::write_data_blob(edited)).db == edited);
}

TEST_CASE("bad bytes give an error and no data") {
    const std::string blob = core::write_data_blob(loaded_from_json());
    CHECK(refused(""));
    CHECK(refused("DOSEDB01"));
    CHECK(refused(std::string(blob.size(), '\0')));
    CHECK(refused("DOSEDB00" + blob.substr(8)));  // another format
    CHECK(refused(blob + "x"));
    // Cut anywhere: header, payload, last byte.
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{19}, std::size_t{20}, blob.size() / 2, blob.size() - 1})
        CHECK(refused(blob.substr(0, cut)));
    // One flipped bit anywhere is caught (checksum), and never crashes the reader.
    for (std::size_t at = 0; at < blob.size(); at += 97) {
        std::string bad = blob;
        bad[at] = static_cast<char>(bad[at] ^ 0x10);
        CHECK(refused(bad));
    }
}

TEST_CASE("a payload whose checksum matches but whose values are impossible is still refused") {
    // The reader checks every count and closed-set value itself, not only the checksum: bytes
    // made to pass the checksum (here by recomputing it) are still read in bounds.
    const std::string blob = core::write_data_blob(loaded_from_json());
    auto with_payload = [&](std::string payload) {
        std::uint64_t h = 14695981039346656037ull;
        for (unsigned char c : payload) h = (h ^ c) * 1099511628211ull;
        const auto length = static_cast<std::uint32_t>(payload.size());
        std::string out = blob.substr(0, 8);
        out.append(reinterpret_cast<const char*>(&length), sizeof length);
        out.append(reinterpret_cast<const char*>(&h), sizeof h);
        return out + payload;
    };
    const std::string payload = blob.substr(20);
    CHECK_FALSE(refused(with_payload(payload)));           // the helper itself makes a good blob
    CHECK(refused(with_payload(payload.substr(0, 100))));  // cut short
    CHECK(refused(with_payload(payload + "z")));           // bytes after the data
    CHECK(refused(with_payload(std::string(4, '\xff') + payload.substr(4))));  // data_version's length: 4 GB
    // Every single-byte change in the first kilobyte: read back or refused, never a crash.
    for (std::size_t at = 0; at < 1024 && at < payload.size(); ++at) {
        std::string bad = payload;
        bad[at] = '\xfe';
        const core::LoadResult r = core::read_data_blob(with_payload(bad));
        CHECK((r.db.has_value() != !r.errors.empty()));
    }
}
