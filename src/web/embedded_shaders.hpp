// shaders/*.vert|frag compiled into the program (see cmake/embed_data.cmake).
#pragma once
#include "drug_data.hpp"

#include <vector>

namespace shaders {

const std::vector<core::DataFile>& embedded_files();

}  // namespace shaders
