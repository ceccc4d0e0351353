// The subset TTF fonts compiled into the program (see cmake/embed_binary.cmake).
#pragma once
#include <cstddef>

namespace fonts {

extern const unsigned char regular_ttf[];
extern const std::size_t regular_ttf_size;
extern const unsigned char bold_ttf[];
extern const std::size_t bold_ttf_size;

}  // namespace fonts
