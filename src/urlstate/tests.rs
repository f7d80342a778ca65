use super::*;
use crate::date::IsoDate;
use crate::format::{plain4, sci4};
use crate::presets::{self, DEFAULT_AS_OF};
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, EuSettings, EuTier, Unscored,
};

fn preset(id: &str) -> Scenario {
    presets::find(id, DEFAULT_AS_OF).unwrap().scenario
}

/// The page's starting point: the EU AI Act preset.
fn base() -> Scenario {
    preset("eu-ai-act")
}

/// Decodes against the base and returns the messages.
fn messages(query: &str) -> Vec<String> {
    decode(query, &base()).ignored
}

/// The single message a query produces.
fn message(query: &str) -> String {
    let ignored = messages(query);
    assert_eq!(ignored.len(), 1, "{query}: {ignored:?}");
    ignored.into_iter().next().unwrap()
}

#[test]
fn numbers_are_compact_with_four_significant_digits() {
    assert_eq!(sci4(1e26), "1e26");
    assert_eq!(sci4(10f64.powf(25.5)), "3.162e25");
    assert_eq!(sci4(1e8), "1e8");
    assert_eq!(sci4(1.5e-3), "1.5e-3");
    assert_eq!(sci4(9.99996e25), "1e26");
    assert_eq!(plain4(1.0 / 3.0), "0.3333");
    assert_eq!(plain4(150.0), "150");
    assert_eq!(plain4(12.5), "12.5");
    assert_eq!(plain4(1.0), "1");
    assert_eq!(plain4(0.0), "0");
    assert_eq!(plain4(0.000012345), "0.00001234");
    assert_eq!(plain4(299.99999), "300");
}

#[test]
fn encodes_the_full_state_in_a_fixed_order() {
    assert_eq!(
        encode(&preset("sb1047")),
        "us_flop=1e26&cap=none&combine=compute_only&deriv=own_compute&deriv_flop=3e25\
         &cost_usd=1e8&eu_tier=systemic_risk&eu_gpai=1e23&eu_sys=1e25&eu_frac=0.3333\
         &as_of=2026-08-08&est=0&unc=0"
    );
    let mut s = preset("narrow");
    s.us.capability = Some(CapabilityThreshold {
        metric: CapabilityMetric::Eci,
        threshold: 150.0,
        unscored: Unscored::Undetermined,
    });
    s.us.combine = Combine::Both;
    s.eu.designation_eci = Some(155.5);
    s.use_estimates = true;
    s.compute_uncertainty = true;
    assert_eq!(
        encode(&s),
        "us_flop=1e26&cap=eci&cap_min=150&cap_unscored=undetermined&combine=both\
         &deriv=exclude&eu_tier=systemic_risk&eu_gpai=1e23&eu_sys=1e25&eu_frac=0.3333\
         &eu_desig=155.5&as_of=2026-08-08&est=1&est_level=0.8&eci_margin=3&unc=1"
    );
    let mut s = preset("sb53");
    s.us.third_party_cumulative = false;
    s.us.biology_threshold_flop = Some(1e23);
    s.us.cost_threshold_usd = Some(1e8);
    assert_eq!(
        encode(&s),
        "us_flop=1e26&cap=none&combine=compute_only&deriv=cumulative&deriv_third=0\
         &cost_usd=1e8&us_bio=1e23&eu_tier=systemic_risk&eu_gpai=1e23&eu_sys=1e25\
         &eu_frac=0.3333&as_of=2026-08-08&est=0&unc=0"
    );
    // The switch belongs to the cumulative rule only.
    s.us.derivatives = DerivativeRule::Inherit;
    assert!(!encode(&s).contains("deriv_third"));
    let mut s = preset("broad");
    if let Some(cap) = s.us.capability.as_mut() {
        cap.unscored = Unscored::Below;
    }
    assert!(encode(&s).starts_with("us_flop=1e25&cap=eci&cap_min=140&cap_unscored=below&"));
}

#[test]
fn every_preset_round_trips_exactly() {
    // Bases without optional tests, as the page's default: an absent
    // `cost_usd`, `us_bio` or `eu_desig` keeps the base's value. A switch
    // left out because its rule is not in use (`deriv_third`) is hidden
    // state, which snapping to the preset puts right.
    let bases: Vec<Scenario> = ["eu-ai-act", "broad", "eo14110"]
        .into_iter()
        .map(|id| {
            let mut s = preset(id);
            s.us.cost_threshold_usd = None;
            s.us.biology_threshold_flop = None;
            s.eu.designation_eci = None;
            s.us.third_party_cumulative = id != "broad";
            s
        })
        .collect();
    for p in presets::all(DEFAULT_AS_OF) {
        let query = encode(&p.scenario);
        for base in bases.clone() {
            let decoded = decode(&query, &base);
            assert_eq!(decoded.ignored, Vec::<String>::new(), "{}", p.id);
            assert_eq!(decoded.scenario, p.scenario, "{}", p.id);
            assert_eq!(presets::matching(&decoded.scenario), Some(p.id));
        }
    }
}

#[test]
fn a_preset_parameter_replaces_the_definitions_but_not_the_date() {
    let mut start = base();
    start.as_of = IsoDate::parse("2025-01-01").unwrap();
    start.use_estimates = true;
    let decoded = decode("?preset=raise", &start);
    assert!(decoded.ignored.is_empty());
    assert_eq!(decoded.scenario.us, preset("raise").us);
    assert_eq!(decoded.scenario.as_of, start.as_of);
    assert!(decoded.scenario.use_estimates);
}

#[test]
fn a_realistic_hand_edited_link() {
    let decoded = decode(
        "#preset=sb53&us_flop=3e%2B25&cap=cybench&cap_min=50&combine=either\
         &cost_usd=1e8&eu_tier=gpai&as_of=2025-12-31&est=1&utm_source=newsletter",
        &base(),
    );
    let s = &decoded.scenario;
    assert_eq!(s.us.compute_threshold_flop, 3e25);
    assert_eq!(
        s.us.capability,
        Some(CapabilityThreshold {
            metric: CapabilityMetric::Cybench,
            threshold: 50.0,
            unscored: Unscored::Undetermined,
        })
    );
    assert_eq!(s.us.combine, Combine::Either);
    assert_eq!(s.us.derivatives, DerivativeRule::Cumulative);
    assert_eq!(s.us.cost_threshold_usd, Some(1e8));
    assert_eq!(s.eu.compare, EuTier::Gpai);
    assert_eq!(s.as_of.to_string(), "2025-12-31");
    assert!(s.use_estimates);
    assert_eq!(
        decoded.ignored,
        [r#"ignored unknown parameter "utm_source" (value "newsletter")"#]
    );
}

#[test]
fn a_plus_sign_typed_into_a_link_still_reads_as_a_number() {
    let decoded = decode("us_flop=1e+25", &preset("sb53"));
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.us.compute_threshold_flop, 1e25);
}

#[test]
fn every_way_the_page_writes_a_power_of_ten_reads_in_a_link() {
    // As typed into an address bar, and as a browser or a spreadsheet
    // escapes them (`^` as %5E, `×` and superscripts as UTF-8).
    for query in [
        "us_flop=1e26",
        "us_flop=10^26",
        "us_flop=1x10^26",
        "us_flop=1%C3%9710%5E26",
        "us_flop=10%5E26",
        "us_flop=1%20%C3%97%2010%5E26",
        "us_flop=10%C2%B2%E2%81%B6",
        "us_flop=1%C3%9710%C2%B2%E2%81%B6",
    ] {
        let decoded = decode(query, &preset("eu-ai-act"));
        assert!(decoded.ignored.is_empty(), "{query}: {:?}", decoded.ignored);
        assert_eq!(decoded.scenario.us.compute_threshold_flop, 1e26, "{query}");
    }
    let decoded = decode("eu_sys=3.5x10^25&us_flop=2*10^25", &preset("eu-ai-act"));
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.eu.systemic_threshold_flop, 3.5e25);
    assert_eq!(decoded.scenario.us.compute_threshold_flop, 2e25);
}

#[test]
fn unparsable_numbers_are_ignored_naming_parameter_value_and_kept_value() {
    assert_eq!(
        message("us_flop=abc"),
        r#"us_flop: "abc" is not a number; kept 1 × 10²⁵ FLOP"#
    );
    assert_eq!(
        message("cost_usd=lots"),
        r#"cost_usd: "lots" is not a number; kept no cost test"#
    );
    let decoded = decode("cost_usd=%245M", &preset("raise"));
    assert_eq!(
        decoded.ignored,
        [r#"cost_usd: "$5M" is not a number; kept $100M"#]
    );
    assert_eq!(decoded.scenario.us.cost_threshold_usd, Some(100e6));
}

#[test]
fn out_of_range_values_keep_the_earlier_value() {
    let ignored = message("us_flop=1e40");
    assert!(
        ignored.starts_with(r#"us_flop: "1e40" is out of range"#),
        "{ignored}"
    );
    assert!(ignored.ends_with("kept 1 × 10²⁵ FLOP"), "{ignored}");
    for query in [
        "us_flop=NaN",
        "us_flop=inf",
        "us_flop=-1",
        "deriv_frac=0",
        "deriv_frac=1.5",
        "eu_frac=-0.1",
        "eu_desig=301",
        "cost_usd=1e13",
        "us_bio=1e17",
        "us_bio=1e31",
        "eu_sys=1e22",
    ] {
        let decoded = decode(query, &base());
        let name = query.split('=').next().unwrap();
        assert_eq!(decoded.scenario, base(), "{query}");
        assert_eq!(decoded.ignored.len(), 1, "{query}");
        assert!(
            decoded.ignored[0].starts_with(&format!("{name}: ")),
            "{query}: {}",
            decoded.ignored[0]
        );
        assert!(decoded.ignored[0].contains("out of range"), "{query}");
    }
}

#[test]
fn unknown_and_repeated_parameters_are_ignored() {
    assert_eq!(
        message("foo=bar"),
        r#"ignored unknown parameter "foo" (value "bar")"#
    );
    let decoded = decode("us_flop=2e26&us_flop=5e25", &base());
    assert_eq!(decoded.scenario.us.compute_threshold_flop, 2e26);
    assert_eq!(
        decoded.ignored,
        [r#"us_flop: ignored repeated value "5e25"; kept the first, "2e26""#]
    );
}

#[test]
fn unknown_choices_list_the_known_ones() {
    assert_eq!(
        message("combine=sometimes"),
        r#"combine: "sometimes" is not one of compute_only, capability_only, either, both; kept compute_only"#
    );
    assert_eq!(
        messages("cap=mmlu&cap_min=80"),
        [
            r#"cap: "mmlu" is not one of none, eci, cybench; kept cap none"#,
            r#"cap_min: "80" ignored because cap is none"#
        ]
    );
    assert!(message("deriv=distill").starts_with(r#"deriv: "distill" is not one of exclude, "#));
    assert!(message("eu_tier=all").starts_with(r#"eu_tier: "all" is not one of"#));
    assert!(message("preset=sb54").starts_with(r#"preset: "sb54" is not one of eu-ai-act, "#));
    assert_eq!(message("est=yes"), r#"est: "yes" is not 0 or 1; kept 0"#);
    let mut start = preset("narrow");
    start.us.capability = start.us.capability.map(|c| CapabilityThreshold {
        unscored: Unscored::Below,
        ..c
    });
    assert_eq!(
        decode("cap_unscored=never", &start).ignored,
        [r#"cap_unscored: "never" is not undetermined or below; kept below"#]
    );
    assert_eq!(
        decode("deriv_third=yes", &preset("sb53")).ignored,
        [r#"deriv_third: "yes" is not 0 or 1; kept 1"#]
    );
    assert_eq!(
        message("as_of=2026-02-30"),
        r#"as_of: "2026-02-30" is not a date from 1950-01-01 to 2100-12-31 (YYYY-MM-DD); kept 2026-08-08"#
    );
}

#[test]
fn cap_min_without_a_capability_test_is_ignored() {
    assert_eq!(
        message("cap=none&cap_min=150"),
        r#"cap_min: "150" ignored because cap is none"#
    );
    assert_eq!(
        message("cap_min=150"),
        r#"cap_min: "150" ignored because cap is none"#
    );
}

#[test]
fn a_new_metric_needs_its_threshold() {
    assert_eq!(
        message("cap=eci"),
        r#"cap: "eci" needs a usable cap_min; kept cap none"#
    );
    // Cybench is a percentage: 150 is out of range, so neither applies.
    let decoded = decode("cap=cybench&cap_min=150", &preset("narrow"));
    assert_eq!(
        decoded.scenario.us.capability,
        preset("narrow").us.capability
    );
    assert_eq!(decoded.ignored.len(), 2, "{:?}", decoded.ignored);
    assert!(decoded.ignored[0].starts_with(r#"cap_min: "150" is out of range"#));
    assert_eq!(
        decoded.ignored[1],
        r#"cap: "cybench" needs a usable cap_min; kept cap eci with cap_min 150"#
    );
    // The same metric keeps its threshold.
    let decoded = decode("cap=eci", &preset("narrow"));
    assert!(decoded.ignored.is_empty());
    assert_eq!(decoded.scenario, preset("narrow"));
}

#[test]
fn capability_and_combine_apply_in_either_order() {
    let decoded = decode("combine=either&cap=eci&cap_min=140", &base());
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.us.combine, Combine::Either);
    let decoded = decode("cap=none&combine=compute_only", &preset("broad"));
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.us.capability, None);
}

#[test]
fn a_combination_without_a_capability_test_falls_back_to_compute_only() {
    assert_eq!(
        message("combine=either"),
        "combine: either needs a capability test but cap is none; used compute_only"
    );
    let decoded = decode("cap=none", &preset("broad"));
    assert_eq!(decoded.scenario.us.combine, Combine::ComputeOnly);
    assert_eq!(decoded.ignored.len(), 1);
    assert!(decoded.ignored[0].starts_with("combine: either needs"));
}

#[test]
fn derivative_rules_and_their_numbers() {
    let decoded = decode("deriv=own_compute&deriv_flop=3e25", &base());
    assert!(decoded.ignored.is_empty());
    assert_eq!(
        decoded.scenario.us.derivatives,
        DerivativeRule::OwnCompute {
            threshold_flop: 3e25
        }
    );
    // The base's rule is substantial modification: a new fraction applies to it.
    let decoded = decode("deriv_frac=0.5", &base());
    assert_eq!(
        decoded.scenario.us.derivatives,
        DerivativeRule::SubstantialModification { fraction: 0.5 }
    );
    assert_eq!(
        message("deriv=inherit&deriv_frac=0.5"),
        r#"deriv_frac: "0.5" ignored because deriv is inherit"#
    );
    let decoded = decode("deriv=own_compute", &base());
    assert_eq!(decoded.scenario, base());
    assert_eq!(
        decoded.ignored,
        [
            r#"deriv: "own_compute" needs a usable deriv_flop; kept deriv substantial_modification with deriv_frac 0.3333"#
        ]
    );
}

#[test]
fn third_party_fine_tunes_under_the_cumulative_rule() {
    let decoded = decode("deriv=cumulative&deriv_third=0", &base());
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.us.derivatives, DerivativeRule::Cumulative);
    assert!(!decoded.scenario.us.third_party_cumulative);
    // The rule already in the base takes it alone.
    let decoded = decode("deriv_third=0", &preset("sb53"));
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert!(!decoded.scenario.us.third_party_cumulative);
    let decoded = decode("deriv_third=1", &decoded.scenario);
    assert!(decoded.scenario.us.third_party_cumulative);
    // Any other rule has no use for it, whichever order they come in.
    let decoded = decode("deriv_third=0", &base());
    assert_eq!(decoded.scenario, base());
    assert_eq!(
        decoded.ignored,
        [r#"deriv_third: "0" ignored because deriv is substantial_modification"#]
    );
    let decoded = decode("deriv_third=0&deriv=inherit", &preset("sb53"));
    assert_eq!(decoded.scenario.us.derivatives, DerivativeRule::Inherit);
    assert!(decoded.scenario.us.third_party_cumulative);
    assert_eq!(
        decoded.ignored,
        [r#"deriv_third: "0" ignored because deriv is inherit"#]
    );
    // A rule that cannot apply leaves the earlier one to take the switch.
    let decoded = decode("deriv=own_compute&deriv_third=0", &preset("sb53"));
    assert_eq!(decoded.scenario.us.derivatives, DerivativeRule::Cumulative);
    assert!(!decoded.scenario.us.third_party_cumulative);
    assert_eq!(decoded.ignored.len(), 1, "{:?}", decoded.ignored);
}

#[test]
fn models_without_a_score() {
    let decoded = decode("cap=eci&cap_min=140&cap_unscored=below", &base());
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(
        decoded.scenario.us.capability,
        Some(CapabilityThreshold {
            metric: CapabilityMetric::Eci,
            threshold: 140.0,
            unscored: Unscored::Below,
        })
    );
    // A new metric or threshold keeps the choice; a new test starts undetermined.
    let below = decoded.scenario;
    let decoded = decode("cap=cybench&cap_min=40", &below);
    assert_eq!(
        decoded.scenario.us.capability.map(|c| c.unscored),
        Some(Unscored::Below)
    );
    let decoded = decode("cap=eci&cap_min=140", &base());
    assert_eq!(
        decoded.scenario.us.capability.map(|c| c.unscored),
        Some(Unscored::Undetermined)
    );
    let decoded = decode("cap_unscored=undetermined", &below);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(
        decoded.scenario.us.capability.map(|c| c.unscored),
        Some(Unscored::Undetermined)
    );
    // Without a capability test there is nothing to apply it to.
    assert_eq!(
        message("cap_unscored=below"),
        r#"cap_unscored: "below" ignored because cap is none"#
    );
    let decoded = decode("cap=none&cap_unscored=below", &below);
    assert_eq!(decoded.scenario.us.capability, None);
    assert!(decoded
        .ignored
        .contains(&r#"cap_unscored: "below" ignored because cap is none"#.to_string()));
    assert_eq!(
        messages("cap=eci&cap_unscored=below"),
        [
            r#"cap: "eci" needs a usable cap_min; kept cap none"#,
            r#"cap_unscored: "below" ignored because cap is none"#
        ]
    );
}

#[test]
fn a_biology_threshold_is_optional() {
    let decoded = decode("us_bio=1e23", &base());
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.us.biology_threshold_flop, Some(1e23));
    let decoded = decode("us_bio=none", &decoded.scenario);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.us.biology_threshold_flop, None);
    assert_eq!(
        message("us_bio=lots"),
        r#"us_bio: "lots" is not a number; kept no biology threshold"#
    );
    // Exact values survive their four digits.
    let mut start = base();
    start.us.biology_threshold_flop = Some(10f64.powf(23.55));
    let decoded = decode(&encode(&start), &base());
    assert_eq!(encode(&decoded.scenario), encode(&start));
    assert_eq!(decode(&encode(&start), &start).scenario, start);
}

#[test]
fn eu_thresholds_move_together() {
    let decoded = decode("eu_gpai=1e26&eu_sys=1e27", &base());
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.scenario.eu.gpai_threshold_flop, 1e26);
    assert_eq!(decoded.scenario.eu.systemic_threshold_flop, 1e27);
    // Each alone where the pair does not fit.
    let decoded = decode("eu_gpai=1e26&eu_sys=1e24", &base());
    assert_eq!(decoded.scenario.eu.gpai_threshold_flop, 1e23);
    assert_eq!(decoded.scenario.eu.systemic_threshold_flop, 1e24);
    assert_eq!(decoded.ignored.len(), 1);
    assert!(decoded.ignored[0].starts_with(r#"eu_gpai: "1e26" is out of range"#));
    // The clash is with the other threshold, and the message says so.
    let decoded = decode("eu_tier=gpai&eu_gpai=3e25", &base());
    assert_eq!(decoded.scenario.eu.gpai_threshold_flop, 1e23);
    assert_eq!(
        decoded.ignored,
        [
            r#"eu_gpai: "3e25" is out of range (eu_sys must be a number from 3e25 to 1e30 FLOP (at least the GPAI threshold), got 1e25); kept 1 × 10²³ FLOP"#
        ]
    );
}

#[test]
fn optional_tests_can_be_cleared() {
    let decoded = decode("cost_usd=none", &preset("raise"));
    assert!(decoded.ignored.is_empty());
    assert_eq!(decoded.scenario.us.cost_threshold_usd, None);
    let mut start = base();
    start.eu.designation_eci = Some(150.0);
    let decoded = decode("eu_desig=none", &start);
    assert_eq!(decoded.scenario.eu, EuSettings::default());
    let mut start = base();
    start.us.biology_threshold_flop = Some(1e23);
    let decoded = decode("us_bio=none", &start);
    assert!(decoded.ignored.is_empty());
    assert_eq!(decoded.scenario, base());
}

#[test]
fn long_and_odd_values_are_quoted_safely() {
    let long = "x".repeat(500);
    let ignored = message(&format!("us_flop={long}"));
    assert!(ignored.len() < 120, "{ignored}");
    let ignored = message("us_flop=%22%0A");
    assert_eq!(
        ignored,
        r#"us_flop: "\"\n" is not a number; kept 1 × 10²⁵ FLOP"#
    );
}

#[test]
fn an_invalid_base_is_replaced() {
    let mut start = base();
    start.us.compute_threshold_flop = f64::NAN;
    let decoded = decode("", &start);
    assert_eq!(decoded.scenario, base());
    assert_eq!(decoded.ignored.len(), 1);
    assert!(decoded.ignored[0].contains("us.compute_threshold_flop"));
}

#[test]
fn empty_queries_change_nothing() {
    for query in ["", "?", "#", "&&", "?&"] {
        let decoded = decode(query, &preset("broad"));
        assert_eq!(decoded.scenario, preset("broad"), "{query}");
        assert!(decoded.ignored.is_empty(), "{query}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::super::decoder::PRESET;
    use super::*;
    use crate::settings;
    use proptest::prelude::*;

    fn flop() -> impl Strategy<Value = f64> {
        (18.0..30.0f64).prop_map(|e| 10f64.powf(e))
    }

    fn unscored() -> impl Strategy<Value = Unscored> {
        prop::sample::select(vec![Unscored::Undetermined, Unscored::Below])
    }

    fn capability() -> impl Strategy<Value = Option<CapabilityThreshold>> {
        prop_oneof![
            Just(None),
            (0.0..=300.0f64, unscored()).prop_map(|(threshold, unscored)| Some(
                CapabilityThreshold {
                    metric: CapabilityMetric::Eci,
                    threshold,
                    unscored,
                }
            )),
            (0.0..=100.0f64, unscored()).prop_map(|(threshold, unscored)| Some(
                CapabilityThreshold {
                    metric: CapabilityMetric::Cybench,
                    threshold,
                    unscored,
                }
            )),
        ]
    }

    fn derivatives() -> impl Strategy<Value = DerivativeRule> {
        prop_oneof![
            Just(DerivativeRule::Exclude),
            Just(DerivativeRule::Inherit),
            Just(DerivativeRule::Cumulative),
            (1e-6..=1.0f64)
                .prop_map(|fraction| DerivativeRule::SubstantialModification { fraction }),
            flop().prop_map(|threshold_flop| DerivativeRule::OwnCompute { threshold_flop }),
        ]
    }

    prop_compose! {
        fn scenario()(
            us_flop in flop(),
            capability in capability(),
            combine in prop::sample::select(Combine::ALL.to_vec()),
            derivatives in (derivatives(), any::<bool>()),
            optional in (prop::option::of(0.0..=1e12f64), prop::option::of(flop())),
            eu_exps in (18.0..30.0f64, 0.0..1.0f64),
            modifier_fraction in 1e-6..=1.0f64,
            designation_eci in prop::option::of(0.0..=300.0f64),
            tier in prop::sample::select(vec![EuTier::SystemicRisk, EuTier::Gpai]),
            date in (1950..=2100i32, 1..=12u8, 1..=28u8),
            switches in (any::<bool>(), any::<bool>()),
        ) -> Scenario {
            let (gpai_exp, share) = eu_exps;
            let sys_exp = gpai_exp + share * (30.0 - gpai_exp);
            let (derivatives, third_party_cumulative) = derivatives;
            let (cost, biology) = optional;
            let (use_estimates, compute_uncertainty) = switches;
            // Field by field over a preset, so that a setting added later
            // keeps its default here (the settings tests change every one).
            let mut s = preset("sb53");
            s.us.compute_threshold_flop = us_flop;
            s.us.capability = capability;
            s.us.combine = if capability.is_some() { combine } else { Combine::ComputeOnly };
            s.us.derivatives = derivatives;
            s.us.cost_threshold_usd = cost;
            s.us.biology_threshold_flop = biology;
            s.us.third_party_cumulative = third_party_cumulative;
            s.eu.gpai_threshold_flop = 10f64.powf(gpai_exp);
            s.eu.systemic_threshold_flop = 10f64.powf(sys_exp);
            s.eu.modifier_fraction = modifier_fraction;
            s.eu.designation_eci = designation_eci;
            s.eu.compare = tier;
            s.as_of = IsoDate::parse(&format!("{:04}-{:02}-{:02}", date.0, date.1, date.2))
                .unwrap();
            s.use_estimates = use_estimates;
            s.compute_uncertainty = compute_uncertainty;
            s
        }
    }

    /// Parameter-shaped noise: known names with odd values, and odd names.
    fn noisy_query() -> impl Strategy<Value = String> {
        let names: Vec<&str> = settings::params()
            .into_iter()
            .chain([PRESET, "foo", ""])
            .collect();
        let value = prop_oneof![
            Just("none".to_string()),
            Just("0".to_string()),
            Just("1".to_string()),
            Just("below".to_string()),
            Just("undetermined".to_string()),
            Just("cumulative".to_string()),
            Just("eci".to_string()),
            Just("cybench".to_string()),
            Just("either".to_string()),
            Just("substantial_modification".to_string()),
            Just("own_compute".to_string()),
            Just("sb53".to_string()),
            Just("broad".to_string()),
            any::<f64>().prop_map(|v| v.to_string()),
            (-5.0..35.0f64).prop_map(|e| format!("1e{e:.1}")),
            ".{0,12}",
        ];
        prop::collection::vec((prop::sample::select(names), value), 0..12).prop_map(|pairs| {
            let mut query = form_urlencoded::Serializer::new(String::new());
            for (name, value) in pairs {
                query.append_pair(name, &value);
            }
            query.finish()
        })
    }

    proptest! {
        #[test]
        fn encoding_is_stable(s in scenario()) {
            prop_assume!(s.validate().is_ok());
            let query = encode(&s);
            let decoded = decode(&query, &base());
            prop_assert_eq!(&decoded.ignored, &Vec::<String>::new());
            prop_assert_eq!(encode(&decoded.scenario), query);
        }

        #[test]
        fn decoding_against_the_scenario_itself_is_exact(s in scenario()) {
            prop_assume!(s.validate().is_ok());
            let decoded = decode(&encode(&s), &s);
            prop_assert_eq!(decoded.scenario, s);
        }

        #[test]
        fn any_string_decodes_to_a_valid_scenario(query in ".*") {
            let decoded = decode(&query, &preset("broad"));
            prop_assert!(decoded.scenario.validate().is_ok());
        }

        #[test]
        fn any_parameters_decode_to_a_valid_scenario(query in noisy_query()) {
            for start in ["broad", "sb1047", "narrow"] {
                let decoded = decode(&query, &preset(start));
                prop_assert!(decoded.scenario.validate().is_ok(), "{}", query);
            }
        }
    }
}

#[test]
fn compute_uncertainty_switch() {
    let base = preset("sb53");
    let decoded = decode("?unc=1", &base);
    assert!(decoded.scenario.compute_uncertainty);
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    let decoded = decode("?unc=yes", &base);
    assert!(!decoded.scenario.compute_uncertainty);
    assert_eq!(
        decoded.ignored,
        vec!["unc: \"yes\" is not 0 or 1; kept 0".to_string()]
    );
}
