#include "calendar.hpp"

#include "measure.hpp"

#include "dates.hpp"
#include "numbers.hpp"
#include "summary.hpp"
#include "text_safety.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ui {

namespace {

using core::format_number;

constexpr int kCourseDaysShown = 84;  // 12 weeks, as the Compare timeline

// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
std::string escape_text(const std::string& raw) {
    std::string out;
    for (char c : clean_text(raw, true).text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

// RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and one space, never
// splitting a UTF-8 sequence.
std::string folded(const std::string& line) {
    std::string out;
    size_t start = 0, limit = 75;
    while (line.size() - start > limit) {
        size_t cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out += line.substr(start, cut - start) + "\r\n ";
        start = cut;
        limit = 74;  // the leading space counts
    }
    return out + line.substr(start) + "\r\n";
}

std::string basic_date(const std::string& iso) {  // 2026-12-01 -> 20261201
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// A short stable hash for UIDs (FNV-1a), so the same export gives the same events.
std::string fnv(const std::string& text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 12; ++i) out += hex[(h >> (i * 4)) & 15];
    return out;
}

struct Event {
    std::string uid, summary, description;
    std::string start;  // DTSTART line value, with its parameters
    std::string rrule;  // empty for a single event
    std::string duration;
};

}  // namespace

CalendarFile course_calendar(const core::Response& r, const Inputs& in, const Clock& clock) {
    CalendarFile file;
    if (!r.ok) {
        file.reason = "No calendar: the input needs correcting first.";
        return file;
    }
    const auto start = core::parse_iso_date(in.start_date);
    if (!start) {
        file.reason = "Enter a start date (YYYY-MM-DD) in Safety to make a calendar.";
        return file;
    }
    if (r.verdict == core::Verdict::Contraindicated || (r.check && r.check->status == core::Verdict::Exceeds)) {
        file.reason = "No calendar: " + overall_verdict(r, in).substr(9);
        return file;
    }
    const std::string first_day = core::to_iso(*start);
    const std::string key = fnv(state_string(in) + clock.utc);
    std::vector<Event> events;
    if (r.check && r.regimen) {
        const auto& c = *r.check;
        const double h = c.interval_hours;
        Event e;
        e.uid = "dosecheck-course-" + basic_date(first_day) + "-" + key;
        const std::string volume = c.measure.ml ? " (" + format_number(*c.measure.ml, 6) + " mL)" : "";
        e.summary = r.drug_name + " " + format_number(c.dose_mg, 1) + " mg " + core::name_of(r.regimen->route) + volume +
                    (h > 0 ? ", every " + format_number(h, 2) + " h" : ", once");
        e.description = "Prescribed order as checked: " + overall_verdict(r, in).substr(9) + "\n" + format_number(c.dose_mg, 1) +
                        " mg: " + core::measure_words(c.measure) + "; " + format_number(c.mg_per_kg_per_day, 2) +
                        " mg/kg/day on average. " + patient_line(r) + ".\nChecked on " + clock.local +
                        " with the anakinra dose checker, data version " + r.data_version + ". An aid, not a substitute for the label.";
        // How long the course runs: the order's own stop, else the labelled course, else 12 weeks shown.
        const auto& course = r.regimen->course;
        const double course_days = c.days               ? *c.days
                                   : course && course->days ? *course->days
                                                            : kCourseDaysShown;
        const long hours = static_cast<long>(h);
        const long doses = c.total_doses ? *c.total_doses
                           : h > 0       ? std::max(1L, static_cast<long>(std::ceil(course_days * 24 / h)))
                                         : 1L;
        const int days = static_cast<int>(std::ceil(doses * h / 24));
        if (r.regimen->single_dose || h <= 0 || doses == 1) {
            e.start = ";VALUE=DATE:" + basic_date(first_day);
        } else if (h == hours && hours % 24 == 0) {
            e.start = ";VALUE=DATE:" + basic_date(first_day);
            e.rrule = "FREQ=DAILY;INTERVAL=" + std::to_string(hours / 24) + ";COUNT=" + std::to_string(doses);
        } else if (h == hours && hours > 0 && 24 % hours == 0) {
            e.start = ";VALUE=DATE:" + basic_date(first_day);
            e.summary += " (" + std::to_string(24 / hours) + " doses a day)";
            e.rrule = "FREQ=DAILY;COUNT=" + std::to_string(std::max(1, days));
        } else {
            // An interval that is no whole number of days: timed from 08:00, this device's time.
            e.start = ":" + basic_date(first_day) + "T080000";
            e.duration = "PT15M";
            const long count = doses;
            e.rrule = h == hours ? "FREQ=HOURLY;INTERVAL=" + std::to_string(hours) + ";COUNT=" + std::to_string(count)
                                 : "FREQ=MINUTELY;INTERVAL=" + std::to_string(static_cast<long>(h * 60)) + ";COUNT=" + std::to_string(count);
        }
        events.push_back(e);
    }
    int n = 0;
    for (const auto& m : r.monitoring)
        for (const auto& d : m.dates) {
            Event e;
            e.uid = "dosecheck-monitoring-" + basic_date(d) + "-" + std::to_string(n++) + "-" + key;
            e.summary = m.what + " (" + r.drug_name + " monitoring)";
            e.description = m.what + " due " + d + (m.source.section.empty() ? "" : " (" + m.source.section + ")") +
                            ". From the anakinra dose checker, data version " + r.data_version + ".";
            e.start = ";VALUE=DATE:" + basic_date(d);
            events.push_back(e);
        }
    if (events.empty()) {
        file.reason = "Nothing to add: no monitoring dates and no checked order.";
        return file;
    }
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + folded("PRODID:-//Anakinra dose checker//" + escape_text(r.data_version) + "//EN") +
                      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
    for (const auto& e : events) {
        ics += "BEGIN:VEVENT\r\n";
        ics += folded("UID:" + e.uid + "@anakinra-dose-checker");
        ics += "DTSTAMP:" + clock.utc + "\r\n";
        ics += "DTSTART" + e.start + "\r\n";
        if (!e.duration.empty()) ics += "DURATION:" + e.duration + "\r\n";
        if (!e.rrule.empty()) ics += "RRULE:" + e.rrule + "\r\n";
        ics += folded("SUMMARY:" + escape_text(e.summary));
        ics += folded("DESCRIPTION:" + escape_text(e.description));
        ics += "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n";
    }
    ics += "END:VCALENDAR\r\n";
    file.ics = std::move(ics);
    return file;
}

}  // namespace ui
