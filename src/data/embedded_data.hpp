// The drug data compiled into the program (see cmake/embed_data.cmake).
#pragma once
#include "drug_data.hpp"

#include <vector>

namespace data {

const std::vector<core::DataFile>& embedded_files();
// Parsed and validated once; `db` is empty and `errors` filled if the embedded data is invalid.
const core::LoadResult& embedded_drug_db();

}  // namespace data
