// The binary form of the drug data (src/core/data_blob.hpp): the programs read it instead of
// the JSON, so it must give back exactly what the loader made, and bad bytes must give no data.
#include "data_blob.hpp"
#include "data_fields.hpp"
#include "test_helpers.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace {

const core::DrugDb& loaded_from_json() {
    static const core::LoadResult loaded = core::load_drug_db(data::embedded_files());
    REQUIRE(loaded.db.has_value());
    return *loaded.db;
}

// A struct's members counted by aggregate initialisation (an initialiser that converts to
// anything, one more at a time), against the members its fields() list passes.
struct AnyMember {
    template <class T> operator T() const;
};
template <class T, class... A> constexpr std::size_t member_count() {
    if constexpr (requires { T{A{}..., AnyMember{}}; }) return member_count<T, A..., AnyMember>();
    else return sizeof...(A);
}
struct ListedCounter {
    std::size_t n = 0;
    template <class... T> void operator()(T&...) { n += sizeof...(T); }
};
template <class T> void check_every_member_listed(const char* name) {
    T value{};
    ListedCounter listed;
    core::fields(listed, value);
    INFO(name);
    CHECK(listed.n == member_count<T>());
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

TEST_CASE("every data struct's members are all in its fields() list") {
    // A member left out would come back as its default in every program; the data may not
    // give it another value (13 of RenalMethods' constants equal their C++ defaults today).
#define CHECK_LISTED(T) check_every_member_listed<core::T>(#T)
    CHECK_LISTED(Source); CHECK_LISTED(Range); CHECK_LISTED(Backstop); CHECK_LISTED(Dose); CHECK_LISTED(Band);
    CHECK_LISTED(SplitRule); CHECK_LISTED(RenalRule); CHECK_LISTED(Course); CHECK_LISTED(Regimen); CHECK_LISTED(UseNote);
    CHECK_LISTED(Use); CHECK_LISTED(SafetyRule); CHECK_LISTED(MonitoringRule); CHECK_LISTED(ClearanceBand); CHECK_LISTED(Pk);
    CHECK_LISTED(Vial); CHECK_LISTED(Presentation); CHECK_LISTED(LabelledMaximum); CHECK_LISTED(Drug); CHECK_LISTED(SourceInfo);
    CHECK_LISTED(WeightForAgeRow); CHECK_LISTED(RenalMethods); CHECK_LISTED(WeightForAgeReference); CHECK_LISTED(FindingCode);
    CHECK_LISTED(FindingCatalogue); CHECK_LISTED(PracticeQuantity); CHECK_LISTED(TeachingCase); CHECK_LISTED(TeachingSet);
    CHECK_LISTED(DrugDb);
#undef CHECK_LISTED
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
    const std::string payload = blob.substr(20);
    CHECK(core::seal_data_blob(payload) == blob);                  // the header is 20 bytes, the rest payload
    CHECK_FALSE(refused(core::seal_data_blob(payload)));
    CHECK(refused(core::seal_data_blob(payload.substr(0, 100))));  // cut short
    CHECK(refused(core::seal_data_blob(payload + "z")));           // bytes after the data
    CHECK(refused(core::seal_data_blob(std::string(4, '\xff') + payload.substr(4))));  // data_version's length: 4 GB
    // Every single-byte change in the first kilobyte: read back or refused, never a crash.
    for (std::size_t at = 0; at < 1024 && at < payload.size(); ++at) {
        std::string bad = payload;
        bad[at] = '\xfe';
        const core::LoadResult r = core::read_data_blob(core::seal_data_blob(bad));
        CHECK((r.db.has_value() != !r.errors.empty()));
    }
}

TEST_CASE("a repeated map key, a number that is not finite or a huge list count is refused") {
    core::DrugDb small;
    small.findings.codes["AAAA"] = {true, "first"};
    small.findings.codes["BBBB"] = {false, "second"};
    small.renal_methods.umol_l_per_mg_dl = 12345.678;
    core::Drug drug;
    drug.id = "ZZZZ";
    small.drugs.push_back(drug);
    const std::string blob = core::write_data_blob(small);
    const std::string payload = blob.substr(20);
    REQUIRE(core::read_data_blob(core::seal_data_blob(payload)).db == small);

    std::string repeated = payload;  // "BBBB" written as "AAAA": the second would replace the first
    repeated.replace(repeated.find("BBBB"), 4, "AAAA");
    CHECK(refused(core::seal_data_blob(repeated)));

    const double constant = 12345.678;
    std::string constant_bytes(reinterpret_cast<const char*>(&constant), sizeof constant);
    for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity()}) {
        std::string damaged = payload;
        damaged.replace(damaged.find(constant_bytes), sizeof bad, std::string(reinterpret_cast<const char*>(&bad), sizeof bad));
        CHECK(refused(core::seal_data_blob(damaged)));
    }

    // The drugs' count (just before the first drug's id) raised to a million, with a megabyte
    // of zeros after it: refused without allocating a million drugs up front.
    std::string huge = payload;
    const std::size_t count_at = huge.find("ZZZZ") - 8;
    const std::uint32_t million = 1000000;
    std::memcpy(huge.data() + count_at, &million, sizeof million);
    huge += std::string(1 << 20, '\0');
    CHECK(refused(core::seal_data_blob(huge)));
}
