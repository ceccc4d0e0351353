// The drug data in a compact binary form, made at build time from data/*.json after the loader
// has validated them (src/data/make_data_blob.cpp), so the widget starts without parsing or validating
// JSON. The bytes are trusted only after their own checks: a format tag, the length and a
// checksum, and every read in bounds (a closed set's value must be one of its members). Bad
// bytes give an error and no data, never a partial database.
#pragma once
#include "drug_data.hpp"

#include <string>
#include <string_view>

namespace core {

std::string write_data_blob(const DrugDb& db);

// The header (format tag, length, checksum) before these payload bytes: the writer's last step,
// and how a test makes bytes that pass the checksum to show the reader checks every value itself.
std::string seal_data_blob(std::string_view payload);

// The database, or (db empty) one error naming what is wrong with the bytes.
LoadResult read_data_blob(std::string_view bytes);

}  // namespace core
