// data/*.json as text, compiled into the programs that read the JSON itself: the tool that
// makes the binary data form (make_data_blob.cpp) and the loader's tests (see cmake/embed_data.cmake).
#pragma once
#include "drug_data.hpp"

#include <vector>

namespace data {

const std::vector<core::DataFile>& embedded_files();

}  // namespace data
