// How a dose is measured from each presentation: volumes, syringe draws, whole devices, vials.
#include "test_helpers.hpp"

#include "measure.hpp"

namespace {
const core::Presentation& presentation(const std::string& drug, const std::string& route) {
    const auto r = core::from_name(route, core::kRoutes);
    REQUIRE(r.has_value());
    const core::Presentation* p = db().find(drug)->presentation_for(*r);
    REQUIRE(p != nullptr);
    return *p;
}
}  // namespace

TEST_CASE("mL is rounded to 0.01 at the presentation's strength, the same rule everywhere") {
    CHECK(core::ml_for_mg(100, 150) == 0.67);  // never 0.66
    CHECK(core::ml_for_mg(50, 150) == 0.33);
    CHECK(core::ml_for_mg(160, 150) == 1.07);
    CHECK(core::ml_for_mg(35, 150) == 0.23);
    CHECK(core::ml_for_mg(162, 20) == 8.1);
}

TEST_CASE("a positive dose never reads 0 mL, and volumes never fall as the dose rises") {
    CHECK(core::ml_for_mg(0.5, 150) == 0.003);
    CHECK(core::ml_for_mg(0.1, 150) == 0.001);
    double previous = 0;
    for (int tenth = 1; tenth <= 20000; ++tenth) {
        const double ml = core::ml_for_mg(tenth / 10.0, 150);
        CHECK_MESSAGE(ml > 0, tenth);
        CHECK_MESSAGE(ml >= previous, tenth);
        previous = ml;
    }
}

TEST_CASE("graduated syringe: one syringe per 100 mg, and a rest too small to measure is shared") {
    const auto& syringe = presentation("anakinra", "SC");
    auto draws = [&](double mg) { return core::measure_dose(mg, syringe).syringe_draws_mg; };
    CHECK(draws(40) == std::vector<double>{40});
    CHECK(draws(100) == std::vector<double>{100});
    CHECK(draws(150) == std::vector<double>{100, 50});
    CHECK(draws(110) == std::vector<double>{55, 55});  // not 100 + 10 mg
    CHECK(draws(120) == std::vector<double>{100, 20});
    CHECK(draws(210) == std::vector<double>{100, 55, 55});
    CHECK(core::measure_dose(100.1, syringe).syringes == 2);
    const core::Measure small = core::measure_dose(6.4, syringe);
    CHECK(small.below_measurable);
    CHECK(small.nearest_measurable_mg == std::nullopt);  // no limit given: nothing is offered
    CHECK(core::measure_dose(6.4, syringe, 25.6).nearest_measurable_mg == 20);
    CHECK(core::measure_dose(6.4, syringe, 12.8).nearest_measurable_mg == std::nullopt);  // 20 mg is above that limit
    CHECK_FALSE(core::measure_dose(20, syringe).below_measurable);
}

TEST_CASE("tocilizumab SC: the 162 mg/0.9 mL device is given whole") {
    const auto& device = presentation("tocilizumab", "SC");
    const core::Measure whole = core::measure_dose(162, device);
    CHECK(whole.ml == 0.9);  // never 8.1 mL, the IV strength
    CHECK(whole.syringes == 1);
    CHECK_FALSE(whole.not_whole_devices);
    const core::Measure part = core::measure_dose(81, device);
    CHECK(part.not_whole_devices);
    CHECK_FALSE(part.ml.has_value());
    CHECK(part.nearest_measurable_mg == 162);
}

TEST_CASE("tocilizumab IV: mL to draw and the vials with the least left over, then the fewest") {
    const auto& vials = presentation("tocilizumab", "IV");
    auto combination = [&](double mg) { return core::measure_dose(mg, vials).vials; };
    using V = std::vector<std::pair<double, int>>;
    CHECK(combination(560) == V{{400, 1}, {80, 2}});  // 560 mg exactly, 3 vials (not 200 + 200 + 80 + 80)
    CHECK(combination(280) == V{{200, 1}, {80, 1}});
    CHECK(combination(240) == V{{80, 3}});
    CHECK(combination(800) == V{{400, 2}});
    const core::Measure m = core::measure_dose(299, vials);
    CHECK(m.ml == 14.95);
    CHECK(m.vial_mg == 320);
    CHECK(m.leftover_mg == 21);
    CHECK_FALSE(m.syringes.has_value());
}

TEST_CASE("a vial may carry a measurable minimum: a smaller draw is below measurable, with the nearest offer") {
    core::Presentation vial = presentation("canakinumab", "SC");
    vial.min_measurable_mg = 15;
    vial.smallest_labelled_draw_mg.reset();
    const core::Measure small = core::measure_dose(6, vial, 30);
    CHECK(small.below_measurable);
    CHECK(small.ml == 0.04);
    CHECK(small.nearest_measurable_mg == 15);
    CHECK_FALSE(core::measure_dose(6, vial).nearest_measurable_mg.has_value());  // no limit, no offer
    CHECK_FALSE(core::measure_dose(15, vial).below_measurable);
    CHECK(core::measure_dose(15, vial).vials == std::vector<std::pair<double, int>>{{150, 1}});
    CHECK_FALSE(core::volume_unconfirmed("The order, 6 mg", 6, vial).has_value());  // the minimum says it all
}

TEST_CASE("canakinumab's vial: a volume smaller than the labels' smallest draw (0.1 mL) is never silently ok") {
    const auto& vial = presentation("canakinumab", "SC");
    REQUIRE_FALSE(vial.min_measurable_mg.has_value());  // no source gives one: none invented
    REQUIRE(vial.smallest_labelled_draw_mg == 15);       // EU: 2 mg/kg from 7.5 kg
    const auto tiny = core::volume_unconfirmed("The order, 6 mg", 6, vial);
    REQUIRE(tiny.has_value());
    CHECK(tiny->code == "VOLUME_UNCONFIRMED");
    CHECK(tiny->severity == core::Severity::Caution);
    CHECK(tiny->message.find("The order, 6 mg (0.04 mL), is less than 15 mg (0.1 mL)") == 0);
    CHECK(tiny->source.refs == std::vector<std::string>{"ilaris-eu-leaflet", "ilaris-eu-epar"});
    CHECK(core::volume_unconfirmed("x", 14.2, vial).has_value());  // 0.09 mL
    // 14.8 mg is 0.0987 mL, shown as 0.1 mL: the shown volumes decide, so no caution.
    CHECK_FALSE(core::volume_unconfirmed("x", 14.8, vial).has_value());
    CHECK_FALSE(core::volume_unconfirmed("x", 15, vial).has_value());
    CHECK_FALSE(core::volume_unconfirmed("x", 300, vial).has_value());
    // Presentations without the figure (tocilizumab's IV vials) say nothing.
    CHECK_FALSE(core::volume_unconfirmed("x", 1, presentation("tocilizumab", "IV")).has_value());
}
