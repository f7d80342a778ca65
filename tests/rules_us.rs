//! The candidate US definition's rules on synthetic rows: the five
//! derivative rules, capability, cost, and developer counting. Runs
//! natively and in headless browsers.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use common::{catalog, preset, verdict, Row, ROW};
use scope_explorer::catalog::Catalog;
use scope_explorer::evaluate::{evaluate, Likelihood};
use scope_explorer::rules::eu::EuStatus;
use scope_explorer::rules::us::UsStatus;
use scope_explorer::scenario::{CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule};

#[test]
fn epoch_flags_count_only_when_estimates_are_on() {
    let c = catalog(&[Row {
        name: "Flagged",
        flag: "true",
        ..ROW
    }]);
    let mut s = preset("eu-ai-act");
    assert_eq!(verdict(&c, "Flagged", &s).eu.status, EuStatus::Undetermined);
    s.use_estimates = true;
    assert_eq!(verdict(&c, "Flagged", &s).eu.status, EuStatus::SystemicRisk);
    assert_eq!(verdict(&c, "Flagged", &s).us.status, UsStatus::In);
    assert_eq!(
        verdict(&c, "Flagged", &s).us_likelihood,
        Likelihood::LikelyIn
    );
    // Over 1e25 and nothing more: a bound alone cannot tell 1e26.
    s.us.compute_threshold_flop = 1e26;
    let v = verdict(&c, "Flagged", &s);
    assert_eq!(v.us.status, UsStatus::Undetermined);
    assert_eq!(v.us_likelihood, Likelihood::Undetermined);
}

fn derivative_family() -> Catalog {
    catalog(&[
        Row {
            name: "Base",
            compute: "2e26",
            ..ROW
        },
        Row {
            name: "Light",
            developer: "Other",
            compute: "2.01e26",
            base: "Base",
            finetune: "1e24",
            ..ROW
        },
        Row {
            name: "Heavy",
            developer: "Other",
            compute: "2.6e26",
            base: "Base",
            finetune: "6e25",
            ..ROW
        },
        Row {
            name: "Unknown",
            developer: "Other",
            base: "Base",
            ..ROW
        },
    ])
}

#[test]
fn us_derivative_rules() {
    let c = derivative_family();
    let mut s = preset("sb53");
    let status = |s: &scope_explorer::scenario::Scenario, n: &str| verdict(&c, n, s).us.status;

    s.us.derivatives = DerivativeRule::Exclude;
    assert_eq!(status(&s, "Heavy"), UsStatus::Out);
    assert_eq!(status(&s, "Base"), UsStatus::In);

    s.us.derivatives = DerivativeRule::Inherit;
    assert_eq!(status(&s, "Light"), UsStatus::In);
    assert_eq!(status(&s, "Unknown"), UsStatus::In);

    s.us.derivatives = DerivativeRule::Cumulative;
    assert_eq!(status(&s, "Light"), UsStatus::In);
    // No figure of its own, but at least its base's 2e26.
    assert_eq!(status(&s, "Unknown"), UsStatus::In);
    // Disputed under SB 53: count only the other developer's own compute.
    s.us.third_party_cumulative = false;
    assert_eq!(status(&s, "Light"), UsStatus::Out);
    assert_eq!(status(&s, "Unknown"), UsStatus::Undetermined);
    s.us.third_party_cumulative = true;

    s.us.derivatives = DerivativeRule::SubstantialModification {
        fraction: 1.0 / 3.0,
    };
    assert_eq!(status(&s, "Light"), UsStatus::Out);
    assert_eq!(
        status(&s, "Heavy"),
        UsStatus::Out,
        "6e25 is less than a third of 2e26"
    );
    s.us.derivatives = DerivativeRule::SubstantialModification { fraction: 0.25 };
    assert_eq!(status(&s, "Heavy"), UsStatus::In);

    s.us.derivatives = DerivativeRule::OwnCompute {
        threshold_flop: 3e25,
    };
    assert_eq!(status(&s, "Heavy"), UsStatus::In);
    assert_eq!(status(&s, "Light"), UsStatus::Out);
    assert_eq!(status(&s, "Unknown"), UsStatus::Undetermined);
    s.us.derivatives = DerivativeRule::OwnCompute {
        threshold_flop: 6e25,
    };
    assert_eq!(status(&s, "Heavy"), UsStatus::In, "SB 1047: 3e25 *or more*");
    s.us.derivatives = DerivativeRule::OwnCompute {
        threshold_flop: 6.1e25,
    };
    assert_eq!(status(&s, "Heavy"), UsStatus::Out);
}

#[test]
fn capability_and_cost_tests_combine() {
    let c = catalog(&[
        Row {
            name: "Big",
            compute: "2e26",
            eci: "120",
            cost: "5e7",
            ..ROW
        },
        Row {
            name: "Smart",
            compute: "1e24",
            eci: "155",
            ..ROW
        },
        Row {
            name: "Hidden",
            eci: "151",
            ..ROW
        },
        Row {
            name: "Unscored",
            compute: "2e24",
            ..ROW
        },
    ]);
    let mut s = preset("sb53");
    s.us.capability = Some(CapabilityThreshold {
        metric: CapabilityMetric::Eci,
        threshold: 150.0,
        unscored: Default::default(),
    });
    let status = |s: &scope_explorer::scenario::Scenario, n: &str| verdict(&c, n, s).us.status;

    s.us.combine = Combine::Either;
    assert_eq!(status(&s, "Big"), UsStatus::In);
    assert_eq!(status(&s, "Smart"), UsStatus::In);
    assert_eq!(status(&s, "Hidden"), UsStatus::In);
    assert_eq!(status(&s, "Unscored"), UsStatus::Undetermined);

    s.us.combine = Combine::Both;
    assert_eq!(status(&s, "Big"), UsStatus::Out);
    assert_eq!(status(&s, "Smart"), UsStatus::Out);
    assert_eq!(status(&s, "Hidden"), UsStatus::Undetermined);

    s.us.combine = Combine::CapabilityOnly;
    assert_eq!(status(&s, "Hidden"), UsStatus::In);
    assert_eq!(status(&s, "Big"), UsStatus::Out);

    s.us.combine = Combine::ComputeOnly;
    s.us.cost_threshold_usd = Some(1e8);
    assert_eq!(status(&s, "Big"), UsStatus::Out, "$50M is not over $100M");
    assert!(verdict(&c, "Big", &s)
        .us
        .describe(&c)
        .contains("training cost $50M ≤ $100M"));
}

#[test]
fn developers_count_once_with_their_best_verdict() {
    let c = catalog(&[
        Row {
            name: "A1",
            developer: "A",
            compute: "2e26",
            ..ROW
        },
        Row {
            name: "A2",
            developer: "A",
            compute: "1e22",
            ..ROW
        },
        Row {
            name: "B1",
            developer: "B",
            compute: "5e25",
            ..ROW
        },
        Row {
            name: "C1",
            developer: "C",
            ..ROW
        },
    ]);
    let summary = evaluate(&c, &preset("sb53")).summary;
    assert_eq!(summary.models.both, 1);
    assert_eq!(summary.models.neither, 1);
    assert_eq!(summary.developers.both, 1);
    assert_eq!(summary.developers.eu_only, 1);
    assert_eq!(summary.developers.undetermined, 1);
    assert_eq!(summary.developers.total(), 3);
}

#[test]
fn sb_1047_cost_test_does_not_apply_to_fine_tunes() {
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "2e26",
            cost: "2e8",
            ..ROW
        },
        Row {
            name: "Tune",
            developer: "Other",
            compute: "2.4e26",
            base: "Base",
            finetune: "4e25",
            cost: "5e7",
            ..ROW
        },
    ]);
    let s = preset("sb1047");
    assert_eq!(verdict(&c, "Tune", &s).us.status, UsStatus::In);
    assert_eq!(verdict(&c, "Base", &s).us.status, UsStatus::In);
}

/// SB 1047's derivative threshold applies to a covered model's fine-tunes:
/// a fine-tune over it whose base is not covered is out, and its reason
/// says why before the figure that passes (a compliance tester read
/// "which is not a covered model; fine-tune compute 4e25 ≥ 3e25" beside
/// "Out" as a contradiction).
#[test]
fn an_own_compute_fine_tune_of_an_uncovered_base_says_the_rule_needs_a_covered_one() {
    let c = catalog(&[
        Row {
            name: "Small base",
            compute: "5e25",
            ..ROW
        },
        Row {
            name: "Big tune",
            developer: "Other",
            compute: "9e25",
            base: "Small base",
            finetune: "4e25",
            ..ROW
        },
    ]);
    let s = preset("sb1047");
    let v = verdict(&c, "Big tune", &s);
    let words = v.us.describe(&c);
    assert_eq!(v.us.status, UsStatus::Out, "{words}");
    assert!(
        words.starts_with(
            "fine-tune of Small base, which is not a covered model (this rule covers another developer's fine-tune only when its base model is covered); fine-tune compute 4 × 10²⁵ FLOP ≥ 3 × 10²⁵ FLOP derivative threshold"
        ),
        "{words}"
    );
}

#[test]
fn unscored_models_can_count_as_below() {
    use scope_explorer::scenario::Unscored;
    let c = catalog(&[Row {
        name: "Old",
        compute: "1e22",
        ..ROW
    }]);
    let mut s = preset("broad");
    let set = |s: &mut scope_explorer::scenario::Scenario, unscored| {
        if let Some(cap) = s.us.capability.as_mut() {
            cap.unscored = unscored;
        }
    };
    set(&mut s, Unscored::Undetermined);
    assert_eq!(verdict(&c, "Old", &s).us.status, UsStatus::Undetermined);
    set(&mut s, Unscored::Below);
    let v = verdict(&c, "Old", &s);
    assert_eq!(v.us.status, UsStatus::Out);
    assert!(
        v.us.describe(&c).contains("counted as below"),
        "{}",
        v.us.describe(&c)
    );
}

/// The chart draws the US compute line only where the definition reads
/// compute (`Combine::uses_compute`): moving the threshold from one end of
/// its range to the other changes some US verdict exactly then.
#[test]
fn only_a_definition_that_reads_compute_moves_with_its_threshold() {
    let catalog = Catalog::embedded().unwrap();
    for &combine in Combine::ALL {
        let mut s = preset("narrow");
        s.us.combine = combine;
        let statuses = |flop: f64| {
            let mut s = s.clone();
            s.us.compute_threshold_flop = flop;
            evaluate(&catalog, &s)
                .verdicts
                .iter()
                .map(|v| v.us.status)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            statuses(1e22) != statuses(1e28),
            combine.uses_compute(),
            "{combine:?}"
        );
    }
}
