// The two requests the benchmarks time, shared by the native and wasm benchmarks.
#pragma once

namespace bench {

// A clinic check: NOMID child, creatinine, a twice-daily order.
inline constexpr const char* kTypicalRequest =
    R"({"indication":"nomid","patient":{"weight":{"value":20,"unit":"kg"},"age":{"value":6,"unit":"years"},)"
    R"("sex":"female","height_cm":115,"renal":{"scr":{"value":0.5,"unit":"mg/dL"}}},)"
    R"("prescribed":{"dose_mg":40,"doses_per_day":2}})";

// The heaviest request the widget makes: a full 0.5 mg/kg ladder with twice-daily splits,
// safety and monitoring, and 84 days of exposure for every comparator.
inline constexpr const char* kLadderExposureRequest =
    R"({"indication":"nomid","escalation_step_mg_per_kg":0.5,"patient":{"weight":{"value":45,"unit":"kg"},"age":{"value":12,"unit":"years"},)"
    R"("renal":{"crcl_ml_min":25}},"prescribed":{"dose_mg":60,"every_hours":48},)"
    R"("safety":{"start_date":"2026-01-31","anc_per_mm3":1200},"exposure":{"days":84,"points_per_day":24}})";

}  // namespace bench
