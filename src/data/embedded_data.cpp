#include "embedded_data.hpp"

namespace data {

const core::LoadResult& embedded_drug_db() {
    static const core::LoadResult result = core::load_drug_db(embedded_files());
    return result;
}

}  // namespace data
