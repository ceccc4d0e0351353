#include "exposure.hpp"

#include "numbers.hpp"

#include <algorithm>
#include <cmath>

namespace core {

namespace {
constexpr double kLn2 = 0.6931471805599453;

// Single-dose concentration shape (unnormalised), t in hours after the dose.
double single_dose(double t, double ka, double ke, bool iv) {
    if (t < 0) return 0;
    if (iv) return exp_deterministic(-ke * t);
    return ka / (ka - ke) * (exp_deterministic(-ke * t) - exp_deterministic(-ka * t));
}

// True when the single-dose peak for absorption rate ka comes later than tmax, i.e.
// ln(ka/ke)/(ka-ke) > tmax, written without log so every platform agrees bit for bit.
bool peaks_after(double ka, double ke, double tmax) { return ka / ke > exp_deterministic(tmax * (ka - ke)); }
}  // namespace

double absorption_rate_for_tmax(double ke, double tmax) {
    // tmax(ka) = ln(ka/ke)/(ka-ke) falls from 1/ke (ka -> ke) towards 0 as ka grows.
    double lo = ke * (1 + 1e-9), hi = ke * 2;
    while (peaks_after(hi, ke, tmax) && hi < 1e6) hi *= 2;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        const bool at_resolution = mid == lo || mid == hi;
        if (peaks_after(mid, ke, tmax)) lo = mid;
        else hi = mid;
        // lo and hi are neighbouring doubles: from here on every step leaves them as they are,
        // so stopping now gives the same bits as running all 200 (~60 steps instead of 200).
        if (at_resolution) break;
    }
    return (lo + hi) / 2;
}

double relative_clearance(const Pk& pk, const RenalResult& renal) {
    for (const auto& band : pk.clearance_by_renal) {
        if (band.esrd) {
            if (renal.method == RenalMethod::Esrd) return band.relative_clearance;
        } else if (renal.crcl_ml_min && band.crcl_ml_min.contains(*renal.crcl_ml_min)) {
            return band.relative_clearance;
        }
    }
    return 1;
}

ExposureSeries simulate_exposure(const Pk& pk, const ExposureRegimen& regimen, int days, int points_per_day) {
    ExposureSeries s;
    s.route = regimen.route;
    s.dose_mg = regimen.dose_mg;
    s.interval_hours = regimen.interval_hours;
    s.doses = regimen.interval_hours <= 0 ? 1 : regimen.max_doses;
    s.relative_clearance = regimen.relative_clearance;
    s.source = pk.source;
    const bool iv = regimen.route == Route::IV || pk.tmax_hours <= 0;
    const double ke_normal = kLn2 / pk.half_life_hours;
    const double ke = ke_normal * regimen.relative_clearance;
    const double ka = iv ? 0 : absorption_rate_for_tmax(ke_normal, pk.tmax_hours);
    const double peak = iv ? 1 : single_dose(pk.tmax_hours, ka, ke_normal, false);
    // Doses older than this contribute less than 1e-9 of a peak and are skipped.
    const double slowest = iv ? ke : std::min(ka, ke);
    const double memory_hours = 21 / slowest;
    const double step = 24.0 / points_per_day;
    const int samples = days * points_per_day;
    // One dose's curve on the sampling grid, computed once: when the interval is a whole number
    // of samples, every earlier dose is that curve shifted, and the time since it is exactly a
    // grid time (checked per term), so each sum adds the very same numbers in the same order.
    const double samples_per_interval = regimen.interval_hours / step;
    const int shift = static_cast<int>(samples_per_interval);
    const bool on_grid = regimen.interval_hours > 0 && shift > 0 && shift == samples_per_interval;
    // Only as far as a dose is remembered: the sums below stop at memory_hours, so anakinra's
    // curve is about a week of samples at normal clearance (~173 h), not the whole requested
    // period. A term past the curve's end would be computed directly, to the same bits.
    const double remembered_samples = memory_hours / step;
    const int curve_samples = remembered_samples < samples ? static_cast<int>(remembered_samples) + 1 : samples;
    std::vector<double> curve;
    if (on_grid) {
        curve.reserve(static_cast<size_t>(curve_samples) + 1);
        for (int j = 0; j <= curve_samples; ++j) curve.push_back(single_dose(j * step, ka, ke, iv));
    }
    s.t_hours.reserve(static_cast<size_t>(samples) + 1);
    s.relative_concentration.reserve(static_cast<size_t>(samples) + 1);
    for (int i = 0; i <= samples; ++i) {
        const double t = i * step;
        double c = 0;
        if (regimen.interval_hours <= 0) {
            c = single_dose(t, ka, ke, iv);
        } else {
            int last = static_cast<int>(std::floor(t / regimen.interval_hours + 1e-9));
            if (regimen.max_doses > 0) last = std::min(last, regimen.max_doses - 1);
            for (int k = last; k >= 0; --k) {
                const double since = t - k * regimen.interval_hours;
                if (since > memory_hours) break;
                const int j = i - k * shift;
                c += on_grid && j >= 0 && j <= curve_samples && since == j * step ? curve[static_cast<size_t>(j)]
                                                                                  : single_dose(since, ka, ke, iv);
            }
        }
        s.t_hours.push_back(round_to(t, 3));
        s.relative_concentration.push_back(round_to(c / peak, 4));
    }
    return s;
}

std::vector<ExposureSeries> comparison_exposure(const DrugDb& db, const Response& r, const ExposureInput& in) {
    std::vector<ExposureSeries> out;
    for (const auto& c : r.comparators) {
        if (!c.dose_mg || (!c.indicated && !c.primary)) continue;
        const Drug* drug = db.find(c.drug);
        ExposureRegimen reg;
        reg.route = *c.route;
        reg.dose_mg = *c.dose_mg;
        reg.interval_hours = c.interval_days ? *c.interval_days * 24 : 0;
        if (c.course && c.course->administrations) reg.max_doses = *c.course->administrations;
        std::string regimen_words = c.basis;
        if (c.primary && r.check && c.route == r.regimen->route) {
            reg.dose_mg = r.check->dose_mg;
            reg.interval_hours = r.check->interval_hours;
            if (r.check->total_doses) reg.max_doses = *r.check->total_doses;
            regimen_words = "prescribed: " + format_number(r.check->dose_mg, 1) + " mg " +
                            (reg.interval_hours > 0 ? "every " + format_number(reg.interval_hours, 2) + " h" : "once") +
                            (r.check->total_doses && reg.interval_hours > 0
                                 ? ", " + std::to_string(*r.check->total_doses) + " doses"
                                 : std::string());
        }
        reg.relative_clearance = relative_clearance(drug->pk, r.renal);  // 1 where the data has no renal bands
        ExposureSeries s = simulate_exposure(drug->pk, reg, in.days, in.points_per_day);
        s.drug = c.drug;
        s.regimen = regimen_words;
        if (reg.max_doses > 0 && reg.interval_hours > 0)
            s.note = "A course of " + std::to_string(reg.max_doses) + " dose" + (reg.max_doses == 1 ? "" : "s") + ".";
        if (reg.relative_clearance < 1)
            s.note += std::string(s.note.empty() ? "" : " ") + "Clearance " + format_number(reg.relative_clearance * 100, 0) +
                      "% of normal for this renal function.";
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace core
