// The drug data compiled into the program: the binary form the build made from data/*.json
// after validating them (make_data_blob.cpp), so no program parses the data's JSON at start.
#pragma once
#include "drug_data.hpp"

namespace data {

// Read once; `db` is empty and `errors` says why if the embedded bytes are damaged.
const core::LoadResult& embedded_drug_db();

}  // namespace data
