// "Add to calendar": an iCalendar file (RFC 5545) made on the device from the response, with
// the monitoring dates and the checked order's administration course from the start date.
// Pure: it words the Response's dates and order; it computes no dose.
#pragma once
#include "inputs.hpp"
#include "outputs.hpp"
#include "response.hpp"

#include <string>

namespace ui {

struct CalendarFile {
    std::string ics;     // empty when there is nothing to put in a calendar
    std::string reason;  // then: why, for the person
};

CalendarFile course_calendar(const core::Response& response, const Inputs& inputs, const Clock& clock);

}  // namespace ui
