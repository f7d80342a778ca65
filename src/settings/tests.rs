use serde_json::Value as Json;

use super::*;
use crate::presets::{self, DEFAULT_AS_OF};
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivKind, EuTier, Unscored,
};
use crate::urlstate;

fn preset(id: &str) -> Scenario {
    presets::find(id, DEFAULT_AS_OF).unwrap().scenario
}

/// Every preset, and one with a Cybench test (no preset has one).
fn bases() -> Vec<Scenario> {
    let mut bases: Vec<Scenario> = presets::all(DEFAULT_AS_OF)
        .into_iter()
        .map(|p| p.scenario)
        .collect();
    let mut cybench = preset("narrow");
    cybench.choose_capability(Some(CapabilityMetric::Cybench));
    bases.push(cybench);
    bases.extend(presets::default_view(DEFAULT_AS_OF));
    let mut eci_estimated = preset("broad");
    eci_estimated.use_estimates = true;
    bases.push(eci_estimated);
    bases
}

/// The dotted paths of the scenario's fields that differ, down to the leaves.
fn changed_fields(a: &Scenario, b: &Scenario) -> Vec<String> {
    fn walk(a: &Json, b: &Json, path: &str, out: &mut Vec<String>) {
        match (a, b) {
            (Json::Object(x), Json::Object(y)) => {
                let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
                keys.sort();
                keys.dedup();
                for key in keys {
                    let inner = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    let none = Json::Null;
                    walk(
                        x.get(key).unwrap_or(&none),
                        y.get(key).unwrap_or(&none),
                        &inner,
                        out,
                    );
                }
            }
            _ if a != b => out.push(path.to_string()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(a).unwrap(),
        &serde_json::to_value(b).unwrap(),
        "",
        &mut out,
    );
    out
}

/// A number as the URL writes it, so that it survives the round trip exactly.
fn as_in_url(unit: Unit, value: f64) -> f64 {
    unit.in_url(value).parse().unwrap()
}

/// Scenarios in which `setting` has another value than in `base`, each
/// made through the setting itself.
fn changes(setting: &Setting, base: &Scenario) -> Vec<Scenario> {
    let mut out = Vec::new();
    let mut with = |change: &dyn Fn(&mut Scenario)| {
        let mut s = base.clone();
        change(&mut s);
        if setting.value(&s) != setting.value(base) {
            out.push(s);
        }
    };
    match &setting.kind {
        Kind::Slider(slider) => {
            if slider.optional.is_some() {
                with(&|s| assert!(setting.turn(s, (slider.get)(base).is_none())));
            }
            if (slider.get)(base).is_some() {
                for position in [slider.min, slider.max] {
                    let value = as_in_url(slider.unit, slider.value_at(position));
                    with(&|s| (slider.set)(s, value));
                }
            }
        }
        Kind::Choice(choice) => {
            for (name, _) in choice.options {
                with(&|s| (choice.set)(s, name));
            }
        }
        Kind::Switch(switch) => with(&|s| (switch.set)(s, !(switch.get)(base))),
        Kind::Date(date) => {
            for text in ["2024-01-01", "2025-06-30"] {
                let day = IsoDate::parse(text).unwrap();
                with(&|s| (date.set)(s, day));
            }
        }
    }
    out
}

#[test]
fn every_setting_changes_its_own_field_and_round_trips_through_the_url() {
    for setting in SETTINGS {
        let mut tried = 0;
        // Where the page could change it: a choice hidden for a scenario
        // (the combination, without a capability test) is not offered.
        let usable = |b: &&Scenario| match setting.page {
            Page::ShownWhen(shown) => shown(b),
            Page::Shown | Page::NoControl => (setting.applies)(b),
        };
        for base in bases().iter().filter(usable) {
            for changed in changes(setting, base) {
                tried += 1;
                let id = setting.id;
                changed.validate().unwrap_or_else(|e| panic!("{id}: {e}"));
                for field in changed_fields(base, &changed) {
                    // Choosing a capability test also picks a combination
                    // that uses it (Scenario::choose_capability).
                    let side_effect = id == "us-capability" && field == "us.combine";
                    assert!(
                        field.starts_with(setting.field) || side_effect,
                        "{id} changed {field}"
                    );
                }
                // Read back as the page reads a link: from the default
                // preset (where an unwritten optional test is off).
                let query = urlstate::encode(&changed);
                let decoded = urlstate::decode(&query, &preset("sb53"));
                assert_eq!(decoded.ignored, Vec::<String>::new(), "{id}: {query}");
                assert_eq!(decoded.scenario, changed, "{id}: {query}");
            }
        }
        assert!(tried > 0, "{} was never changed", setting.id);
    }
}

#[test]
fn ids_are_unique_and_a_shared_parameter_applies_once() {
    for (i, a) in SETTINGS.iter().enumerate() {
        for b in &SETTINGS[i + 1..] {
            assert_ne!(a.id, b.id);
            if a.param == b.param {
                for s in bases() {
                    assert!(!((a.applies)(&s) && (b.applies)(&s)), "{}", a.param);
                }
            }
        }
    }
    let params = params();
    assert_eq!(params.len(), SETTINGS.len() - 1, "only cap_min is shared");
}

#[test]
fn the_defaults_make_the_default_preset() {
    let mut s = preset("narrow");
    for setting in SETTINGS {
        if !(setting.applies)(&s) {
            continue;
        }
        match &setting.kind {
            Kind::Slider(slider) if slider.optional.is_some() => {
                setting.turn(&mut s, false);
            }
            Kind::Slider(slider) => (slider.set)(&mut s, slider.default),
            Kind::Choice(choice) => (choice.set)(&mut s, choice.default),
            Kind::Switch(switch) => (switch.set)(&mut s, switch.default),
            Kind::Date(_) => {}
        }
    }
    let sb53 = preset("sb53");
    assert_eq!((s.us, s.eu), (sb53.us, sb53.eu));
}

/// A value's serde name, through JSON.
fn serde_name(value: impl serde::Serialize) -> String {
    match serde_json::to_value(value).unwrap() {
        Json::String(name) => name,
        Json::Object(map) => map["rule"].as_str().unwrap().to_string(),
        other => panic!("{other}"),
    }
}

#[test]
fn each_name_is_the_serde_name_and_each_choice_lists_every_value() {
    let options = |id: &str| -> Vec<&str> {
        match &find(id).unwrap().kind {
            Kind::Choice(choice) => choice.options.iter().map(|(name, _)| *name).collect(),
            _ => panic!("{id} is a choice"),
        }
    };
    for v in CapabilityMetric::ALL {
        assert_eq!(serde_name(v), v.name());
        assert_eq!(CapabilityMetric::parse(v.name()), Some(*v));
    }
    let metrics: Vec<&str> = CapabilityMetric::ALL.iter().map(|v| v.name()).collect();
    assert_eq!(options("us-capability"), [&[NONE][..], &metrics].concat());
    for v in Combine::ALL {
        assert_eq!(serde_name(v), v.name());
    }
    let names: Vec<&str> = Combine::ALL.iter().map(|v| v.name()).collect();
    assert_eq!(options("us-combine"), names);
    for v in DerivKind::ALL {
        assert_eq!(serde_name(v.with(0.5)), v.name());
        assert_eq!(v.starting_rule().kind(), *v);
    }
    let names: Vec<&str> = DerivKind::ALL.iter().map(|v| v.name()).collect();
    assert_eq!(options("us-derivatives"), names);
    for v in EuTier::ALL {
        assert_eq!(serde_name(v), v.name());
    }
    let names: Vec<&str> = EuTier::ALL.iter().map(|v| v.name()).collect();
    assert_eq!(options("eu-tier"), names);
    for v in Unscored::ALL {
        assert_eq!(serde_name(v), v.name());
    }
    assert_eq!(Combine::parse("sometimes"), None);
}

#[test]
fn choosing_a_metric_sets_the_combination_and_a_starting_threshold() {
    let mut s = preset("sb53");
    s.choose_capability(Some(CapabilityMetric::Eci));
    let cap = s.us.capability.unwrap();
    assert_eq!(cap.threshold, policy::ILLUSTRATIVE_ECI);
    assert_eq!(cap.unscored, Unscored::Undetermined);
    assert_eq!(s.us.combine, Combine::Either);
    // Another metric starts at its own threshold, keeping the rest.
    s.us.combine = Combine::Both;
    s.us.capability = Some(CapabilityThreshold {
        unscored: Unscored::Below,
        threshold: 140.0,
        ..cap
    });
    s.choose_capability(Some(CapabilityMetric::Eci));
    assert_eq!(s.us.capability.unwrap().threshold, 140.0);
    s.choose_capability(Some(CapabilityMetric::Cybench));
    let cap = s.us.capability.unwrap();
    assert_eq!(cap.threshold, policy::ILLUSTRATIVE_CYBENCH_PCT);
    assert_eq!(cap.unscored, Unscored::Below);
    assert_eq!(s.us.combine, Combine::Both);
    s.choose_capability(None);
    assert_eq!(s.us.capability, None);
    assert_eq!(s.us.combine, Combine::ComputeOnly);
    s.validate().unwrap();
}

#[test]
fn choosing_a_derivative_rule_starts_at_its_precedent() {
    let mut s = preset("sb53");
    s.choose_derivatives(DerivKind::OwnCompute);
    assert_eq!(
        s.us.derivatives.number(),
        Some(policy::SB1047_DERIVATIVE_FLOP)
    );
    s.us.derivatives = DerivKind::OwnCompute.with(1e24);
    s.choose_derivatives(DerivKind::OwnCompute);
    assert_eq!(s.us.derivatives.number(), Some(1e24));
    s.choose_derivatives(DerivKind::SubstantialModification);
    assert_eq!(
        s.us.derivatives.number(),
        Some(policy::EU_MODIFIER_FRACTION)
    );
}

#[test]
fn differences_name_what_changed() {
    let base = preset("sb53");
    let mut s = base.clone();
    assert!(differences(&s, &base).is_empty());
    s.us.compute_threshold_flop = 1e25;
    s.eu.modifier_fraction = 0.5;
    s.use_estimates = true;
    assert_eq!(
        differences(&s, &base),
        ["US compute threshold", "EU modifier share"]
    );
    // A test's settings are named once.
    let mut s = base.clone();
    s.choose_capability(Some(CapabilityMetric::Eci));
    assert_eq!(
        differences(&s, &base),
        ["capability test", "combination of tests"]
    );
}

#[test]
fn a_custom_scenario_is_described_from_its_closest_preset() {
    let all = presets::all(DEFAULT_AS_OF);
    for (i, p) in all.iter().enumerate() {
        assert_eq!(closest_preset(&p.scenario, &all), Some(i), "{}", p.id);
    }
    let mut s = preset("raise");
    s.us.compute_threshold_flop = 2e26;
    s.as_of = IsoDate::parse("2025-01-01").unwrap();
    let closest = closest_preset(&s, &all).map(|i| all[i].id);
    assert_eq!(closest, Some("raise"));
    assert_eq!(closest_preset(&s, &[]), None);
}

#[test]
fn views_describe_every_setting_for_javascript() {
    let views = views();
    assert_eq!(views.len(), SETTINGS.len());
    let json = serde_json::to_value(&views).unwrap();
    let compute = &json[0];
    assert_eq!(compute["param"], "us_flop");
    assert_eq!(compute["kind"], "slider");
    assert_eq!(compute["unit"], "flop");
    assert_eq!(compute["default"], 1e26);
    assert_eq!(compute["min"], 1e22);
    let cost = views.iter().find(|v| v.param == "cost_usd").unwrap();
    assert!(cost.optional);
    assert_eq!(cost.default, Some(Value::Number(policy::COST_USD)));
    let date = views.iter().find(|v| v.kind == "date").unwrap();
    assert_eq!(date.default, None);
    for view in &views {
        assert!(!view.source.is_empty(), "{}", view.id);
    }
}

#[test]
fn text_in_and_out() {
    let mut s = preset("sb53");
    let cost = find("us-cost").unwrap();
    assert_eq!(cost.url_text(&s), None);
    assert_eq!(cost.describe(&s), "no cost test");
    assert!(cost.set_text(&mut s, "1e+9"));
    assert_eq!(cost.url_text(&s).as_deref(), Some("1e9"));
    assert!(cost.set_text(&mut s, NONE));
    assert_eq!(s.us.cost_threshold_usd, None);
    assert!(!cost.set_text(&mut s, "lots"));
    let tier = find("eu-tier").unwrap();
    assert!(tier.set_text(&mut s, "gpai"));
    assert_eq!(s.eu.compare, EuTier::Gpai);
    assert!(!tier.set_text(&mut s, "all"));
    let unscored = find("us-unscored-below").unwrap();
    assert_eq!(unscored.url_text(&s), None);
    assert!(!find("us-compute").unwrap().turn(&mut s, true));
}

/// A setting the page calls idle ("Not used now") decides nothing: set
/// to either end of its slider (or either way, for a switch) it changes
/// no verdict, whatever derivative rule and capability metric; and every
/// compute or capability setting is idle under the other test alone.
#[test]
fn an_idle_setting_changes_no_verdict() {
    let catalog = crate::catalog::Catalog::embedded().unwrap();
    let verdicts = |s: &Scenario| {
        crate::evaluate::evaluate(&catalog, s)
            .verdicts
            .iter()
            .map(|v| (v.model, v.us.status, v.us_spread, v.overlap))
            .collect::<Vec<_>>()
    };
    let mut idle_seen = Vec::new();
    for (combine, metric) in [
        (Combine::CapabilityOnly, CapabilityMetric::Eci),
        (Combine::CapabilityOnly, CapabilityMetric::Cybench),
        (Combine::ComputeOnly, CapabilityMetric::Eci),
        (Combine::ComputeOnly, CapabilityMetric::Cybench),
    ] {
        for kind in [
            DerivKind::Exclude,
            DerivKind::SubstantialModification,
            DerivKind::OwnCompute,
        ] {
            let mut base = preset("broad");
            base.choose_capability(Some(metric));
            base.us.combine = combine;
            base.choose_derivatives(kind);
            base.us.biology_threshold_flop = Some(1e23);
            let before = verdicts(&base);
            for setting in SETTINGS {
                if setting.idle(&base).is_none() || !setting.shown(&base) {
                    continue;
                }
                idle_seen.push(setting.id);
                let moved: Vec<Scenario> = match &setting.kind {
                    Kind::Slider(slider) => [slider.min, slider.max]
                        .iter()
                        .map(|p| {
                            let mut s = base.clone();
                            (slider.set)(&mut s, slider.value_at(*p));
                            s
                        })
                        .collect(),
                    Kind::Switch(switch) => [false, true]
                        .iter()
                        .map(|on| {
                            let mut s = base.clone();
                            (switch.set)(&mut s, *on);
                            s
                        })
                        .collect(),
                    _ => panic!("{} is idle but neither a slider nor a switch", setting.id),
                };
                for s in moved {
                    let after = verdicts(&s);
                    let moved = after.iter().zip(&before).find(|(a, b)| a != b);
                    assert!(
                        after.len() == before.len() && moved.is_none(),
                        "{} is called idle ({combine:?}, {kind:?}) but moves a verdict: {moved:?}",
                        setting.id
                    );
                }
            }
        }
    }
    idle_seen.sort();
    idle_seen.dedup();
    assert_eq!(
        idle_seen,
        [
            "us-bio",
            "us-compute",
            "us-cybench",
            "us-deriv-flop",
            "us-deriv-fraction",
            "us-eci",
            "us-unscored-below"
        ]
    );
    // Where both tests count, nothing is idle.
    let mut both = preset("broad");
    both.choose_capability(Some(CapabilityMetric::Eci));
    both.us.combine = Combine::Either;
    assert!(SETTINGS.iter().all(|s| s.idle(&both).is_none()));
}
