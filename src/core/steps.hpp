// The arithmetic behind every number the response shows, as data: the steps a pharmacist
// writes down in an independent double check (the Step type is in step.hpp).
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"
#include "step.hpp"

#include <string>
#include <vector>

namespace core {

// The steps for a computed response (ok == true), in reading order, panel by panel. Pure: it
// reads the response and the data, and redoes nothing the response does not show.
struct Explained {
    std::vector<Step> steps;
    std::string words;            // every step's id and text: Step::quantity and Step::text are places here
    std::vector<Source> sources;  // each step's rule, once: Step::source is a position here
};
Explained explain(const Response& response, const Request& request, const DrugDb& db);

// Redoes a step's operation and rounding (what a test or a student's check does).
double redo(const Step& step);

}  // namespace core
