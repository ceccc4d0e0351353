// The current result as plain text: the #dose-summary live region, "Copy summary" and print.
// Pure: it only words a Response, it computes nothing.
#pragma once
#include "response.hpp"

#include <string>

namespace ui {

std::string summary_text(const core::Response& response);

}  // namespace ui
