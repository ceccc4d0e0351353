#include "embedded_data.hpp"

#include "data_blob.hpp"

#include <cstddef>

namespace data {

// Written by cmake/embed_binary.cmake from the blob make_data_blob wrote.
extern const unsigned char drug_data_blob[];
extern const std::size_t drug_data_blob_size;

const core::LoadResult& embedded_drug_db() {
    static const core::LoadResult result =
        core::read_data_blob({reinterpret_cast<const char*>(drug_data_blob), drug_data_blob_size});
    return result;
}

}  // namespace data
