//! A preset given with other parameters: the preset applies first, every
//! parameter given beside it takes precedence, and the decoder says which
//! parameters override it (and when it changes nothing at all).

use super::*;
use crate::presets::{self, DEFAULT_AS_OF};

fn base() -> Scenario {
    presets::find("eu-ai-act", DEFAULT_AS_OF).unwrap().scenario
}

#[test]
fn a_preset_alone_or_with_its_own_values_is_not_overridden() {
    for query in [
        "preset=narrow",
        "preset=narrow&as_of=2026-08-08&est=1",
        // The narrow reading's own threshold and combination, written out.
        "preset=narrow&us_flop=1e26&combine=capability_only",
    ] {
        let decoded = decode(query, &base());
        assert_eq!(decoded.preset, Some("narrow"), "{query}");
        assert!(
            decoded.overridden.is_empty(),
            "{query}: {:?}",
            decoded.overridden
        );
        assert!(decoded.ignored.is_empty(), "{query}: {:?}", decoded.ignored);
    }
    // Without a preset there is nothing to override.
    assert!(decode("us_flop=1e24", &base()).overridden.is_empty());
}

#[test]
fn parameters_beside_a_preset_take_precedence_and_are_named() {
    let query = "preset=narrow&combine=either&us_flop=3e25";
    let decoded = decode(query, &base());
    assert_eq!(decoded.scenario.us.compute_threshold_flop, 3e25);
    // The rest is the preset's: its capability test and derivative rule.
    let narrow = presets::find("narrow", DEFAULT_AS_OF).unwrap().scenario;
    assert_eq!(decoded.scenario.us.capability, narrow.us.capability);
    assert_eq!(decoded.scenario.us.derivatives, narrow.us.derivatives);
    assert_eq!(
        decoded.overridden,
        [
            "preset \"narrow\" applies, except where the parameters combine, us_flop override its values (a setting given explicitly takes precedence over the preset's)"
        ]
    );
}

#[test]
fn a_preset_every_value_of_which_is_overridden_is_said_to_change_nothing() {
    // A copied snippet carries every setting; a preset added to it changes
    // nothing, and the notice says so.
    let snippet = "us_flop=1e26&cap=none&combine=compute_only&deriv=cumulative&deriv_third=1&eu_tier=systemic_risk&eu_gpai=1e23&eu_sys=1e25&eu_frac=0.3333&as_of=2026-11-27&est=1&est_level=0.8&unc=0";
    let with = decode(&format!("preset=narrow&{snippet}"), &base());
    assert_eq!(with.scenario, decode(snippet, &base()).scenario);
    assert_eq!(with.overridden.len(), 1);
    let message = &with.overridden[0];
    assert!(
        message.starts_with("preset \"narrow\" changes nothing: the parameters ")
            && message.contains("override every value in which it differs from the defaults"),
        "{message}"
    );
    for param in ["cap", "combine", "deriv"] {
        assert!(message.contains(param), "{message}");
    }
    // us_flop is the narrow reading's own value: it overrides nothing.
    assert!(!message.contains("us_flop"), "{message}");
}

#[test]
fn the_default_view_s_own_preset_is_said_to_be_the_defaults_already() {
    // A tester's find: `preset=sb53&us_flop=1e25` on the page (whose
    // default view is that preset's) said the parameters override every
    // value the preset sets, although us_flop is one of many.
    let base = base();
    let decoded = decode("preset=eu-ai-act&us_flop=3e25", &base);
    assert_eq!(decoded.scenario.us.compute_threshold_flop, 3e25);
    assert_eq!(
        decoded.overridden,
        [
            "preset \"eu-ai-act\" changes nothing: its values are the defaults already, and the parameters us_flop set their own (a setting given explicitly takes precedence over the preset's)"
        ]
    );
}

#[test]
fn a_preset_choices_and_switches_read_in_any_case() {
    // A tester's find: `preset="Broad"` typed by hand was refused.
    let lower = decode("preset=broad&deriv=exclude&est=1", &base());
    let mixed = decode("preset=Broad&deriv=EXCLUDE&est=1", &base());
    assert_eq!(mixed.preset, Some("broad"));
    assert!(mixed.ignored.is_empty(), "{:?}", mixed.ignored);
    assert_eq!(mixed.scenario, lower.scenario);
    let lower = decode("cap=eci&cap_min=150&combine=either&eu_tier=gpai", &base());
    let mixed = decode("cap=ECI&cap_min=150&combine=Either&eu_tier=GPAI", &base());
    assert!(lower.ignored.is_empty(), "{:?}", lower.ignored);
    assert!(mixed.ignored.is_empty(), "{:?}", mixed.ignored);
    assert_ne!(lower.scenario, base());
    assert_eq!(mixed.scenario, lower.scenario);
    // A word that is no option in any case is still refused.
    let bad = decode("deriv=Excluded", &base());
    assert_eq!(bad.ignored.len(), 1, "{:?}", bad.ignored);
}
