// Every member of every drug-data struct, listed once and in order. The build's binary form of
// the data (data_blob.cpp) writes and reads the structs through these lists; its test checks
// that read(write(db)) == db for the embedded data, so a member missing here fails it as soon
// as any data file gives that member a value.
#pragma once
#include "drug_data.hpp"

namespace core {

template <class V> void fields(V& v, Source& x) { v(x.refs, x.section, x.unverified, x.note); }
template <class V> void fields(V& v, Range& x) { v(x.from, x.above, x.to, x.below); }
template <class V> void fields(V& v, Backstop& x) { v(x.mg_per_day, x.source); }
template <class V> void fields(V& v, Dose& x) {
    v(x.kind, x.mg, x.increase_to_mg, x.increase_note, x.increase_unverified, x.mg_per_kg, x.increase_to_mg_per_kg,
      x.max_mg, x.start_min_mg_per_kg_per_day, x.start_max_mg_per_kg_per_day, x.start_max_mg_per_day,
      x.ceiling_mg_per_kg_per_day, x.max_mg_per_day, x.steps_mg_per_kg, x.backstop);
}
template <class V> void fields(V& v, Band& x) {
    v(x.weight_kg, x.age_months, x.interval_hours, x.increase_to_interval_hours, x.dose, x.source);
}
template <class V> void fields(V& v, SplitRule& x) { v(x.allowed, x.source); }
template <class V> void fields(V& v, RenalRule& x) {
    v(x.crcl_below_ml_min, x.esrd, x.interval_hours, x.reason, x.esrd_note, x.source, x.esrd_source);
}
template <class V> void fields(V& v, Course& x) {
    v(x.days, x.max_administrations, x.min_hours_between, x.retreat_after_hours_min, x.overrun_severity,
      x.open_ended_severity, x.note, x.source);
}
template <class V> void fields(V& v, Regimen& x) {
    v(x.route, x.interval_hours, x.course, x.max_mg_per_administration, x.cap_source, x.bands, x.split, x.renal);
}
template <class V> void fields(V& v, UseNote& x) { v(x.message, x.source); }
template <class V> void fields(V& v, Use& x) {
    v(x.indication, x.name, x.conditions, x.region, x.status, x.source, x.age_min_months, x.weight_min_kg,
      x.applies_to_age_months, x.scope_caution, x.dose_not_in_data, x.regimens);
}
template <class V> void fields(V& v, SafetyRule& x) {
    v(x.flag, x.code, x.severity, x.message, x.value, x.when, x.regions, x.indications, x.except_indications,
      x.source);
}
template <class V> void fields(V& v, MonitoringRule& x) {
    v(x.what, x.months_after_start, x.regions, x.indications, x.source);
}
template <class V> void fields(V& v, ClearanceBand& x) { v(x.crcl_ml_min, x.esrd, x.relative_clearance); }
template <class V> void fields(V& v, Pk& x) {
    v(x.half_life_hours, x.tmax_hours, x.source, x.clearance_by_renal, x.clearance_source);
}
template <class V> void fields(V& v, Vial& x) { v(x.mg, x.ml); }
template <class V> void fields(V& v, Presentation& x) {
    v(x.route, x.kind, x.description, x.mg_per_ml, x.device_mg, x.device_ml, x.vials, x.min_measurable_mg,
      x.measurable_source, x.smallest_labelled_draw_mg, x.smallest_labelled_draw_source, x.source);
}
template <class V> void fields(V& v, LabelledMaximum& x) { v(x.mg_per_kg_per_day, x.source); }
template <class V> void fields(V& v, Drug& x) {
    v(x.id, x.name, x.region_names, x.presentations, x.max_labelled, x.label_source, x.pk, x.safety_rules,
      x.monitoring, x.uses);
}
template <class V> void fields(V& v, SourceInfo& x) { v(x.title, x.url, x.checked); }
template <class V> void fields(V& v, WeightForAgeRow& x) {
    v(x.age_months, x.male_min_kg, x.male_max_kg, x.female_min_kg, x.female_max_kg);
}
template <class V> void fields(V& v, RenalMethods& x) {
    v(x.umol_l_per_mg_dl, x.cg_constant, x.cg_female_factor, x.cg_min_age_years, x.cg_source, x.ibw_male_kg,
      x.ibw_female_kg, x.ibw_kg_per_inch, x.ibw_from_height_cm, x.adjusted_weight_factor, x.obese_bmi,
      x.weight_source, x.schwartz_k, x.schwartz_min_age_years, x.schwartz_below_age_years, x.schwartz_source,
      x.conversion_source);
}
template <class V> void fields(V& v, WeightForAgeReference& x) { v(x.rows, x.reference, x.source); }
template <class V> void fields(V& v, FindingCode& x) { v(x.bears_on_order, x.meaning); }
template <class V> void fields(V& v, FindingCatalogue& x) { v(x.codes); }
template <class V> void fields(V& v, PracticeQuantity& x) {
    v(x.id, x.label, x.unit, x.answer, x.tolerance, x.relative_tolerance, x.never_above, x.tolerance_note);
}
template <class V> void fields(V& v, TeachingCase& x) {
    v(x.id, x.title, x.learning_point, x.inputs, x.ask, x.source);
}
template <class V> void fields(V& v, TeachingSet& x) { v(x.quantities, x.cases); }
template <class V> void fields(V& v, DrugDb& x) {
    v(x.data_version, x.findings, x.sources, x.renal_methods, x.weight_for_age, x.drugs, x.teaching);
}

// Each closed set the data uses, with all its members: the reader accepts no other value.
inline const auto& members_of(Region) { return kRegions; }
inline const auto& members_of(Route) { return kRoutes; }
inline const auto& members_of(DoseKind) { return kDoseKinds; }
inline const auto& members_of(UseStatus) { return kUseStatuses; }
inline const auto& members_of(PresentationKind) { return kPresentationKinds; }
inline const auto& members_of(TreatmentPhase) { return kTreatmentPhases; }
inline const auto& members_of(Severity) { return kSeverities; }
inline const auto& members_of(AnswerKind) { return kAnswerKinds; }

}  // namespace core
