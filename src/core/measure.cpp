#include "measure.hpp"

#include "numbers.hpp"

#include <cmath>
#include <functional>

namespace core {

namespace {

constexpr double kTolerance = 1e-9;
bool below(double value, double limit) { return value < limit * (1 - kTolerance); }

// The vials that hold at least `mg` with the least left over, then the fewest vials.
void choose_vials(double mg, const std::vector<Vial>& vials, Measure& m) {
    std::vector<int> counts(vials.size(), 0), best;
    double best_total = 0;
    int best_count = 0;
    std::function<void(size_t, double, int)> search = [&](size_t i, double total, int count) {
        if (i == vials.size()) {
            if (below(total, mg)) return;
            const bool better = best.empty() || below(total, best_total) ||
                                (!below(best_total, total) && count < best_count);
            if (better) {
                best = counts;
                best_total = total;
                best_count = count;
            }
            return;
        }
        const int most = whole_up(mg / vials[i].mg);
        for (int n = 0; n <= most; ++n) {
            counts[i] = n;
            search(i + 1, total + n * vials[i].mg, count + n);
        }
        counts[i] = 0;
    };
    search(0, 0, 0);
    for (size_t i = vials.size(); i-- > 0;)
        if (best[i] > 0) m.vials.emplace_back(vials[i].mg, best[i]);
    m.vial_mg = round_to(best_total, 1);
    m.leftover_mg = round_to(best_total - mg, 1);
}

}  // namespace

double ml_for_mg(double mg, double mg_per_ml) {
    const double ml = mg / mg_per_ml;
    if (!(ml > 0)) return 0;
    for (int decimals = 2; decimals <= 6; ++decimals)
        if (const double shown = round_to(ml, decimals); shown > 0) return shown;
    return 0.000001;
}

Measure measure_dose(double mg, const Presentation& p, std::optional<double> offer_limit_mg) {
    Measure m;
    m.mg = mg;
    const auto nearest = [&](double candidate) -> std::optional<double> {
        if (!offer_limit_mg || candidate > *offer_limit_mg * (1 + kTolerance)) return std::nullopt;
        return candidate;
    };
    switch (p.kind) {
        case PresentationKind::GraduatedSyringe: {
            m.ml = ml_for_mg(mg, p.mg_per_ml);
            const int syringes = std::max(1, whole_up(mg / p.device_mg));
            m.syringes = syringes;
            // Full syringes, then the rest; a rest too small to measure is shared evenly with the
            // last full syringe (110 mg: 55 + 55 mg, not 100 + 10 mg).
            const double rest = mg - (syringes - 1) * p.device_mg;
            m.syringe_draws_mg.reserve(static_cast<size_t>(syringes));  // one block, not one per growth
            for (int i = 0; i + 1 < syringes; ++i) m.syringe_draws_mg.push_back(p.device_mg);
            m.syringe_draws_mg.push_back(round_to(rest, 1));
            if (syringes > 1 && p.min_measurable_mg && below(rest, *p.min_measurable_mg)) {
                const double shared = p.device_mg + rest;
                const double first = round_to(shared / 2, 1);
                m.syringe_draws_mg[syringes - 2] = first;
                m.syringe_draws_mg[syringes - 1] = round_to(shared - first, 1);
            }
            if (p.min_measurable_mg)
                for (double draw : m.syringe_draws_mg)
                    if (below(draw, *p.min_measurable_mg)) m.below_measurable = true;
            if (m.below_measurable) m.nearest_measurable_mg = nearest(*p.min_measurable_mg);
            break;
        }
        case PresentationKind::WholeDevice: {
            const double devices = mg / p.device_mg;
            const int whole = static_cast<int>(std::floor(devices + 0.5));
            if (whole >= 1 && std::fabs(devices - whole) <= kTolerance * devices) {
                m.syringes = whole;
                m.ml = round_to(whole * p.device_ml, 2);
            } else {
                m.not_whole_devices = true;
                m.below_measurable = below(mg, p.device_mg);
                // Whole devices: the nearest whole number of devices, unless a limit rules it out.
                const double devices_mg = std::max(1, whole) * p.device_mg;
                if (!offer_limit_mg || devices_mg <= *offer_limit_mg * (1 + kTolerance)) m.nearest_measurable_mg = devices_mg;
            }
            break;
        }
        case PresentationKind::Vials:
            m.ml = ml_for_mg(mg, p.mg_per_ml);
            choose_vials(mg, p.vials, m);
            if (p.min_measurable_mg && below(mg, *p.min_measurable_mg)) {
                m.below_measurable = true;
                m.nearest_measurable_mg = nearest(*p.min_measurable_mg);
            }
            break;
    }
    return m;
}

std::optional<Finding> volume_unconfirmed(const std::string& what, double mg, const Presentation& p) {
    if (p.min_measurable_mg || !p.smallest_labelled_draw_mg || p.kind == PresentationKind::WholeDevice) return std::nullopt;
    const double smallest = *p.smallest_labelled_draw_mg;
    // Judged on the volumes as shown (to 0.01 mL): a syringe measures the volume, and the
    // caution never says 0.1 mL is less than 0.1 mL.
    const double ml = ml_for_mg(mg, p.mg_per_ml);
    if (!below(ml, ml_for_mg(smallest, p.mg_per_ml))) return std::nullopt;
    const std::string volume = format_number(ml, 6) + " mL";
    return Finding{"VOLUME_UNCONFIRMED", Severity::Caution,
                   what + " (" + volume + "), is less than " + format_number(smallest, 1) + " mg (" +
                       format_number(ml_for_mg(smallest, p.mg_per_ml), 6) + " mL), the smallest dose the labels draw from the " +
                       p.description + "; no source in the data gives the smallest volume that can be measured from it. Check that " +
                       volume + " can be measured with the syringe used, or ask the pharmacy.",
                   p.smallest_labelled_draw_source.value_or(p.source)};
}

std::string measure_words(const Measure& m) {
    if (!m.ml) return "cannot be given with this device (it is injected whole)";
    std::string out = format_number(*m.ml, 6) + " mL";
    if (!m.vials.empty()) {
        std::string vials;
        for (const auto& [mg, count] : m.vials) vials += (vials.empty() ? "" : " + ") + std::to_string(count) + " x " + format_number(mg) + " mg";
        out += " drawn from " + vials + " vials";
        if (m.leftover_mg && *m.leftover_mg > 0) out += " (" + format_number(*m.leftover_mg, 1) + " mg left over)";
    } else if (m.syringes) {
        out += ", " + std::to_string(*m.syringes) + (*m.syringes == 1 ? " syringe" : " syringes");
        if (m.syringe_draws_mg.size() > 1) {
            std::string draws;
            for (double d : m.syringe_draws_mg) draws += (draws.empty() ? "" : " + ") + format_number(d, 1);
            out += " (" + draws + " mg)";
        }
    }
    return out;
}

}  // namespace core
