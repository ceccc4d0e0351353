// Where a rule comes from: the data's citation, carried by every rule and every answer.
#pragma once
#include <string>
#include <vector>

namespace core {

struct Source {
    std::vector<std::string> refs;  // ids in data/sources.json
    std::string section;            // label and section, e.g. "US label 2.2"
    bool unverified = false;        // not confirmed by the primary label (PRIMARY_SOURCES.md)
    std::string note;

    bool operator==(const Source&) const = default;
};

}  // namespace core
