#include "test_helpers.hpp"

using nlohmann::json;

namespace {
json checked(json req, double dose_mg, json frequency) {
    json order = {{"dose_mg", dose_mg}};
    order.update(frequency);
    req["prescribed"] = order;
    return run(req)["check"];
}
json daily(int n) { return {{"doses_per_day", n}}; }
json every(double h) { return {{"every_hours", h}}; }
json ra_adult() {
    return {{"indication", "ra"},
            {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}}};
}
}  // namespace

TEST_CASE("a dose exactly at the ceiling is ok; 0.1 mg more exceeds") {
    const json at = checked(nomid_child(20), 160, daily(1));
    CHECK(at["status"] == "ok");
    CHECK(at["mg_per_kg_per_day"] == 8);
    const json over = checked(nomid_child(20), 160.1, daily(1));
    CHECK(over["status"] == "exceeds");
    CHECK(has_code(over["findings"], "ABOVE_CEILING"));
}

TEST_CASE("twice daily counts both doses against the ceiling") {
    const json c = checked(nomid_child(20), 90, daily(2));
    CHECK(c["mg_per_dosing_day"] == 180);
    CHECK(c["mg_per_kg_per_day"] == 9);
    CHECK(c["status"] == "exceeds");
    CHECK(checked(nomid_child(20), 80, daily(2))["status"] == "ok");
}

TEST_CASE("a dose below the start range is a caution") {
    const json c = checked(nomid_child(20), 15, daily(1));
    CHECK(c["status"] == "caution");
    CHECK(has_code(c["findings"], "BELOW_START"));
}

TEST_CASE("an escalation step within the ceiling is ok with an informative finding") {
    const json c = checked(nomid_child(20), 100, daily(1));
    CHECK(c["status"] == "ok");
    CHECK(has_code(c["findings"], "ABOVE_START"));
    CHECK(c["ladder_row"] == 8);  // 5 mg/kg/day
}

TEST_CASE("the RA dose is fixed at 100 mg daily") {
    CHECK(checked(ra_adult(), 100, daily(1))["status"] == "ok");
    const json high = checked(ra_adult(), 200, daily(1));
    CHECK(high["status"] == "exceeds");
    CHECK(has_code(high["findings"], "FIXED_DOSE_MISMATCH"));
    CHECK(checked(ra_adult(), 50, daily(1))["status"] == "caution");
}

TEST_CASE("RA split into two doses is not in the label") {
    const json c = checked(ra_adult(), 50, daily(2));
    CHECK(has_code(c["findings"], "SPLIT_NOT_ALLOWED"));
    CHECK_FALSE(has_code(c["findings"], "FIXED_DOSE_MISMATCH"));
}

TEST_CASE("severe renal impairment: every 48 h is ok, daily is a caution") {
    json req = ra_adult();
    req["patient"]["renal"] = {{"crcl_ml_min", 25}};
    CHECK(checked(req, 100, every(48))["status"] == "ok");
    const json daily_order = checked(req, 100, daily(1));
    CHECK(daily_order["status"] == "caution");
    CHECK(has_code(daily_order["findings"], "RENAL_INTERVAL"));
}

TEST_CASE("every 48 h without renal impairment is less often than labelled") {
    const json c = checked(ra_adult(), 100, every(48));
    CHECK(has_code(c["findings"], "INTERVAL_MISMATCH"));
    CHECK(c["status"] == "caution");
}

TEST_CASE("NOMID allows a twice-daily split but not three doses a day") {
    CHECK_FALSE(has_code(checked(nomid_child(20), 40, daily(2))["findings"], "SPLIT_NOT_ALLOWED"));
    CHECK(has_code(checked(nomid_child(20), 20, daily(3))["findings"], "SPLIT_NOT_ALLOWED"));
}

TEST_CASE("DIRA split is flagged and rests on an unverified rule") {
    json req = nomid_child(20);
    req["indication"] = "dira";
    const json c = checked(req, 40, daily(2));
    CHECK(has_code(c["findings"], "SPLIT_NOT_ALLOWED"));
    CHECK(has_code(c["findings"], "UNVERIFIED_RULE"));
}

TEST_CASE("an adult below the labelled age is flagged in the check") {
    json req = ra_adult();
    req["patient"]["age"]["value"] = 16;
    const json c = checked(req, 100, daily(1));
    CHECK(has_code(c["findings"], "AGE_BELOW_LABEL"));
    CHECK(c["status"] == "caution");
}

TEST_CASE("the check reports mL and syringes per dose") {
    const json c = checked(nomid_child(20), 150, daily(1));
    CHECK(c["ml_per_dose"] == 1);
    CHECK(c["syringes_per_dose"] == 2);
}

TEST_CASE("canakinumab CAPS 2 mg/kg every 8 weeks; 3 mg/kg allowed; more exceeds") {
    json req = {{"drug", "canakinumab"},
                {"indication", "caps"},
                {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 10}, {"unit", "years"}}}}}};
    CHECK(checked(req, 60, every(1344))["status"] == "ok");
    CHECK(checked(req, 90, every(1344))["status"] == "ok");
    CHECK(checked(req, 120, every(1344))["status"] == "exceeds");
    const json often = checked(req, 60, every(672));
    CHECK(has_code(often["findings"], "INTERVAL_MISMATCH"));
    CHECK(often["status"] == "exceeds");
}

TEST_CASE("a subcutaneous order is judged against the SC regimen when the route is given") {
    json req = {{"drug", "tocilizumab"},
                {"indication", "ra"},
                {"route", "SC"},
                {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}}};
    CHECK(checked(req, 162, every(336))["status"] == "ok");
    CHECK(checked(req, 162, every(168))["status"] == "ok");  // weekly: the labelled step-up from every 2 weeks
    CHECK(checked(req, 162, every(72))["status"] == "exceeds");
    req.erase("route");
    req["prescribed"] = {{"dose_mg", 162}, {"every_hours", 168}};
    const json r = run(req);
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["field"] == "route");
}

TEST_CASE("per-kg caps are exact: 800.4 mg tocilizumab and 300.5 mg canakinumab exceed") {
    // The 800 mg cap is not verified in the primary label: at 120 kg it limits the dose, so an
    // order at the cap is a caution that names it, never a plain ok.
    json tcz = {{"drug", "tocilizumab"},
                {"indication", "ra"},
                {"route", "IV"},
                {"patient", {{"weight", {{"value", 120}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}}};
    const json at_cap = checked(tcz, 800, every(672));
    CHECK(at_cap["status"] == "caution");
    CHECK(has_code(at_cap["findings"], "UNVERIFIED_RULE"));
    CHECK_FALSE(has_code(at_cap["findings"], "ABOVE_CEILING"));
    CHECK(checked(tcz, 800.4, every(672))["status"] == "exceeds");
    json cana = {{"drug", "canakinumab"},
                 {"indication", "stills"},
                 {"patient", {{"weight", {{"value", 90}, {"unit", "kg"}}}, {"age", {{"value", 30}, {"unit", "years"}}}}}};
    CHECK(checked(cana, 300, every(672))["status"] == "ok");
    CHECK(checked(cana, 300.5, every(672))["status"] == "exceeds");
}

TEST_CASE("courses: gout canakinumab is one dose per flare, CRS at most 4 doses at least 8 h apart") {
    json gout = {{"drug", "canakinumab"},
                 {"indication", "gout"},
                 {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}, {"age", {{"value", 60}, {"unit", "years"}}}}}};
    CHECK(checked(gout, 150, daily(1))["status"] == "exceeds");
    CHECK(checked(gout, 150, every(672))["status"] == "exceeds");  // retreat no sooner than 12 weeks
    const json standing = checked(gout, 150, every(2016));
    CHECK(standing["status"] == "exceeds");  // one dose per flare, not a standing schedule (course data: open_ended_severity)
    CHECK(has_code(standing["findings"], "COURSE_OPEN_ENDED"));
    CHECK(checked(gout, 150, {{"total_doses", 1}})["status"] == "ok");
    json crs = {{"drug", "tocilizumab"},
                {"indication", "crs"},
                {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}, {"age", {{"value", 40}, {"unit", "years"}}}}}};
    CHECK(checked(crs, 640, every(1))["status"] == "exceeds");
    CHECK(checked(crs, 640, every(6))["status"] == "exceeds");  // under 8 h apart
    const json open = checked(crs, 640, every(8));
    CHECK(open["status"] != "ok");  // a standing order every 8 h has no stop
    CHECK(has_code(open["findings"], "COURSE_OPEN_ENDED"));
    json four = every(8);
    four["total_doses"] = 4;
    const json course = checked(crs, 640, four);
    CHECK_FALSE(has_code(course["findings"], "COURSE_OPEN_ENDED"));
    CHECK_FALSE(has_code(course["findings"], "COURSE_EXCEEDED"));
    CHECK(has_code(course["findings"], "UNVERIFIED_RULE"));  // the extra-dose rule is not in a primary text
    four["total_doses"] = 6;
    CHECK(checked(crs, 640, four)["status"] == "exceeds");
}

TEST_CASE("without a verified ceiling, more than 8 mg/kg/day still exceeds the highest labelled dose") {
    json req = {{"indication", "stills"},
                {"region", "eu"},
                {"patient", {{"weight", {{"value", 10}, {"unit", "kg"}}}, {"age", {{"value", 2}, {"unit", "years"}}}}}};
    const json huge = checked(req, 5000, daily(2));
    CHECK(huge["status"] == "exceeds");
    CHECK(has_code(huge["findings"], "ABOVE_CEILING"));
    CHECK(checked(req, 40, daily(1))["status"] != "exceeds");  // 4 mg/kg/day: above the range, a caution
}
