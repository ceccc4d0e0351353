// What leaves the widget: the summary (Copy, Print, #dose-summary), storage's record, the
// calendar file, and outside text made safe (src/ui/summary, outputs, calendar, text_safety).
#include "test_helpers.hpp"

#include "calendar.hpp"
#include "inputs.hpp"
#include "outputs.hpp"
#include "summary.hpp"
#include "text_safety.hpp"

#include <regex>

using nlohmann::json;

namespace {

const ui::Clock kClock{"2026-11-22 14:05", "2026-11-22T14:05:33+01:00", "20261122T130533Z"};

ui::Inputs from(const std::string& state) {
    const auto f = ui::inputs_from_state(state);
    REQUIRE(f.report.refused.empty());
    return f.inputs;
}

std::string summary_of(const std::string& state) {
    const ui::Inputs in = from(state);
    return ui::summary_text(ui::response_for(in, db()), in, kClock.local);
}

}  // namespace

TEST_CASE("the summary says the overall verdict first, then the patient, the doses in mL and the findings in words") {
    const std::string text = summary_of("indication=nomid&weight=20&crcl=25&dose_mg=170&every_hours=48&start_date=2026-12-01");
    CHECK(text.rfind("Overall: EXCEEDS - ", 0) == 0);
    // Under the every-48-h rule the doses are per administration, with the average per day.
    for (const char* part : {"NOMID", "Weight 20 kg", "CrCl 25 mL/min", "every 48 h", "20 mg to 40 mg per administration every 48 h",
                             "Ceiling: 160 mg per administration every 48 h", "on average 4 mg/kg/day", "Check: EXCEEDS", "mL",
                             "Escalation ladder",
                             "Monitoring: Neutrophil count: 2026-12-01", "Generated 2026-11-22 14:05", "Data version "})
        CHECK_MESSAGE(text.find(part) != std::string::npos, part << "\n" << text);
    // No internal codes: ABOVE_CEILING, RENAL_INTERVAL and the like stay in the JSON.
    CHECK_MESSAGE(!std::regex_search(text, std::regex("[A-Z]+_[A-Z_]+")), text);
}

TEST_CASE("a contraindication outranks everything in the first line") {
    const std::string text = summary_of("indication=nomid&weight=20&dose_mg=40&doses_per_day=1&ecoli_hypersensitivity=1");
    CHECK(text.rfind("Overall: CONTRAINDICATED - ", 0) == 0);
    CHECK(text.find("Safety flags ticked: E. coli protein hypersensitivity") != std::string::npos);
    // Never an "OK" check beside it: the check line carries the patient's verdict, then the order's own.
    CHECK(text.find("Check: OK") == std::string::npos);
    CHECK(text.find("Check: CONTRAINDICATED (the dose itself: ok)") != std::string::npos);
    CHECK(summary_of("indication=ra&weight=70&age=50&dose_mg=100&doses_per_day=1").rfind("Overall: OK", 0) == 0);
    CHECK(summary_of("indication=ra&weight=70&age=50").rfind("Overall: NO ORDER CHECKED", 0) == 0);
    CHECK(summary_of("indication=nomid&weight=-3").rfind("Overall: NO DOSE - the input needs correcting", 0) == 0);
}

TEST_CASE("the patient line restates weight and renal function as the core read them") {
    const ui::Inputs in = from("indication=nomid&weight=44&weight_unit=lb&age=6&crcl=25");
    CHECK(ui::patient_line(ui::response_for(in, db())) == "Weight 19.96 kg, age 6 years; CrCl 25 mL/min (given)");
    CHECK(ui::patient_line(ui::response_for(from("indication=nomid&weight=20&esrd=1"), db())) ==
          "Weight 20 kg; renal function: ESRD / dialysis");
}

TEST_CASE("the summary text carries no control or bidi characters") {
    core::Response r = ui::response_for(from("indication=nomid&weight=20"), db());
    REQUIRE(r.ok);
    r.indication.name = "NOMID\xE2\x80\xAE evil\x1B[2J";  // as if the data or a future field carried them
    const std::string text = ui::summary_text(r, from("indication=nomid&weight=20"), "now");
    CHECK(text.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(text.find('\x1B') == std::string::npos);
    CHECK(text.find("NOMID evil[2J") != std::string::npos);
}

TEST_CASE("clean_text removes invalid UTF-8, controls and invisible reordering characters") {
    CHECK(ui::clean_text("20").text == "20");
    CHECK_FALSE(ui::clean_text("20").removed);
    const auto rlo = ui::clean_text("a\xE2\x80\xAE" "b\xE2\x80\x8F" "c\xE2\x81\xA6" "d\xEF\xBB\xBF" "e\xE2\x80\x8B" "f");
    CHECK(rlo.text == "abcdef");
    CHECK(rlo.removed);
    CHECK_FALSE(rlo.invalid_utf8);
    CHECK(ui::clean_text("a\nb\tc\x7F" "d\xC2\x85" "e").text == "abcde");
    CHECK(ui::clean_text("a\nb", true).text == "a\nb");
    for (const char* bad : {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        const auto c = ui::clean_text(std::string("x") + bad + "y");
        CHECK(c.invalid_utf8);
        CHECK(c.text == "xy");
    }
    CHECK(ui::clean_text("\xC2\xB5mol/L \xE2\x9C\x93 \xF0\x9F\x98\x80").text == "\xC2\xB5mol/L \xE2\x9C\x93 \xF0\x9F\x98\x80");
}

TEST_CASE("local storage keeps the state with its time; junk and blank records offer nothing") {
    const ui::Inputs in = from("indication=nomid&weight=20&asthma=1");
    const std::string record = ui::storage_record(in, "2026-11-22T14:05");
    CHECK(json::parse(record) == json({{"state", "indication=nomid&weight=20&asthma=1"}, {"saved_at", "2026-11-22T14:05"}}));
    const auto saved = ui::read_storage_record(record);
    REQUIRE(saved);
    CHECK(saved->state == "indication=nomid&weight=20&asthma=1");
    CHECK(ui::restore_label(saved->saved_at, "2026-11-22") == "Restore last patient from 14:05");
    CHECK(ui::restore_label(saved->saved_at, "2026-11-23") == "Restore last patient from 2026-11-22 14:05");
    CHECK(ui::restore_label("junk", "2026-11-23") == "Restore last patient");
    for (const char* junk : {"", "[1]", "{\"params\":{\"weight\":\"20\"}}", "{\"state\":\"weight=20\",\"saved_at\":\"x\"}",
                             "{\"state\":\"\",\"saved_at\":\"2026-11-22T14:05\"}",
                             // read strictly: a key given twice is not a record this page wrote (text after the
                             // record was refused before the strict reader too)
                             "{\"state\":\"weight=20\",\"state\":\"weight=200\",\"saved_at\":\"2026-11-22T14:05\"}",
                             "{\"state\":\"weight=20\",\"saved_at\":\"2026-11-22T14:05\"} {}"})
        CHECK_MESSAGE(!ui::read_storage_record(junk), junk);
}

TEST_CASE("the calendar holds the monitoring dates and the checked order's course, as RFC 5545 text") {
    const ui::Inputs in = from("indication=nomid&weight=20&crcl=25&dose_mg=40&every_hours=48&start_date=2026-12-01");
    const core::Response r = ui::response_for(in, db());
    REQUIRE(r.ok);
    REQUIRE(r.check);
    REQUIRE(r.check->status != core::Verdict::Exceeds);
    const ui::CalendarFile file = ui::course_calendar(r, in, kClock);
    REQUIRE_MESSAGE(!file.ics.empty(), file.reason);
    const std::string& ics = file.ics;
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0) == 0);
    CHECK(ics.find("END:VCALENDAR\r\n") == ics.size() - 15);
    CHECK(ics.find("RRULE:FREQ=DAILY;INTERVAL=2;COUNT=42\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20261201\r\n") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20261122T130533Z\r\n") != std::string::npos);
    size_t events = 0, monitoring = 0;
    for (size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos; at = ics.find("BEGIN:VEVENT", at + 1)) ++events;
    for (const auto& m : r.monitoring) monitoring += m.dates.size();
    CHECK(monitoring == 7);
    CHECK(events == monitoring + 1);
    // Lines end in CRLF and are at most 75 octets; nothing bare.
    size_t start = 0;
    while (start < ics.size()) {
        const size_t end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        CHECK(ics.substr(start, end - start).find('\n') == std::string::npos);
        start = end + 2;
    }
    CHECK(ics.find("0.27 mL") != std::string::npos);

    // Twice daily: one all-day event a day that says how many doses.
    const ui::Inputs split = from("indication=nomid&weight=20&dose_mg=40&doses_per_day=2&start_date=2026-12-01");
    const std::string daily = ui::course_calendar(ui::response_for(split, db()), split, kClock).ics;
    CHECK(daily.find("RRULE:FREQ=DAILY;COUNT=84\r\n") != std::string::npos);
    CHECK(daily.find("2 doses a day") != std::string::npos);
}

TEST_CASE("no calendar without a start date, for an order above the label, or for a contraindication") {
    const ui::Inputs no_date = from("indication=nomid&weight=20");
    CHECK(ui::course_calendar(ui::response_for(no_date, db()), no_date, kClock).reason.find("start date") != std::string::npos);
    const ui::Inputs exceeds = from("indication=nomid&weight=20&dose_mg=400&doses_per_day=1&start_date=2026-12-01");
    const auto refused = ui::course_calendar(ui::response_for(exceeds, db()), exceeds, kClock);
    CHECK(refused.ics.empty());
    CHECK(refused.reason.rfind("No calendar: EXCEEDS", 0) == 0);
    const ui::Inputs contra = from("indication=nomid&weight=20&start_date=2026-12-01&ecoli_hypersensitivity=1");
    CHECK(ui::course_calendar(ui::response_for(contra, db()), contra, kClock).ics.empty());
    const ui::Inputs monitoring_only = from("indication=nomid&weight=20&start_date=2026-12-01");
    const std::string ics = ui::course_calendar(ui::response_for(monitoring_only, db()), monitoring_only, kClock).ics;
    CHECK(ics.find("RRULE") == std::string::npos);
    CHECK(ics.find("Neutrophil count") != std::string::npos);
}
