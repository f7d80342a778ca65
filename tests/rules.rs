//! The regime rules on real rows of the embedded dataset and on synthetic
//! ones. Runs natively (`cargo test`) and in headless browsers
//! (`cargo test --target wasm32-unknown-unknown`).

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use common::{catalog, preset, verdict, Row, ROW};
use scope_explorer::catalog::Catalog;
use scope_explorer::date::IsoDate;
use scope_explorer::evaluate::{evaluate, Overlap};
use scope_explorer::rules::eu::EuStatus;
use scope_explorer::rules::us::UsStatus;
use scope_explorer::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, EuTier,
};

fn real() -> Catalog {
    Catalog::embedded().expect("embedded dataset parses")
}

// --- Real rows -------------------------------------------------------------

#[test]
fn llama_3_1_405b_is_eu_systemic_risk_and_out_of_a_1e26_us_definition() {
    let c = real();
    let v = verdict(&c, "Llama 3.1-405B", &preset("eo14110"));
    assert_eq!(
        v.eu.status,
        EuStatus::SystemicRisk,
        "{}",
        v.eu.describe(&c, &preset("eo14110").eu)
    );
    assert_eq!(v.us.status, UsStatus::Out, "{}", v.us.describe(&c));
    assert_eq!(v.overlap, Overlap::EuOnly);
    assert!(
        v.us.describe(&c)
            .contains("3.8 × 10^25 FLOP ≤ 1 × 10^26 FLOP"),
        "{}",
        v.us.describe(&c)
    );
}

#[test]
fn gpt_4_5_is_in_both() {
    let c = real();
    for id in ["eo14110", "sb53", "eu-ai-act"] {
        let v = verdict(&c, "GPT-4.5", &preset(id));
        assert_eq!(v.overlap, Overlap::Both, "{id}: {}", v.us.describe(&c));
    }
}

#[test]
fn composer_2_is_judged_by_the_one_third_rule() {
    let c = real();
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Composer 2", &s);
    let reason = v.eu.describe(&c, &s.eu);
    // Cumulative 2.32e25 minus Kimi K2.5's 5.8e24 is 1.74e25: three times the
    // base's compute, far more than one third, so Cursor provides a new model,
    // and its cumulative compute is over the 1e25 presumption.
    assert!(
        reason.contains("a new model") && reason.contains("3.00×"),
        "{reason}"
    );
    assert!(reason.contains("Kimi K2.5"), "{reason}");
    assert_eq!(v.eu.status, EuStatus::SystemicRisk, "{reason}");
    // Had the fine-tune used less than a third, it would not be a new model.
    let mut s2 = s.clone();
    s2.eu.modifier_fraction = 1.0;
    s2.us.derivatives = DerivativeRule::SubstantialModification { fraction: 1.0 };
    let v = verdict(&c, "Composer 2", &s2);
    assert_eq!(
        v.eu.status,
        EuStatus::SystemicRisk,
        "3x is more than 1x too"
    );
}

#[test]
fn undisclosed_compute_is_undetermined_never_out() {
    let c = real();
    let s = preset("sb53");
    let v = verdict(&c, "Claude Opus 4.6", &s);
    assert_eq!(v.us.status, UsStatus::Undetermined, "{}", v.us.describe(&c));
    assert_eq!(v.eu.status, EuStatus::Undetermined);
    assert_eq!(v.overlap, Overlap::Undetermined);
}

#[test]
fn the_as_of_date_leaves_out_later_models() {
    let c = real();
    let mut s = preset("sb53");
    s.as_of = IsoDate::parse("2024-01-01").unwrap();
    let a = evaluate(&c, &s);
    assert!(a
        .verdicts
        .iter()
        .all(|v| c.models[v.model].publication_date <= s.as_of));
    assert!(!a
        .verdicts
        .iter()
        .any(|v| c.models[v.model].name == "GPT-4.5"));
    assert_eq!(
        a.verdicts.len() + a.summary.not_yet_published,
        c.models.len()
    );
}

#[test]
fn counts_add_up_in_models_and_developers() {
    let c = real();
    let a = evaluate(&c, &preset("eu-ai-act"));
    assert_eq!(a.summary.models.total(), a.verdicts.len());
    let mut devs: Vec<usize> = a
        .verdicts
        .iter()
        .map(|v| c.models[v.model].developer_id)
        .collect();
    devs.sort_unstable();
    devs.dedup();
    assert_eq!(a.summary.developers.total(), devs.len());
    assert!(a.summary.developers.both < a.summary.models.both);
}

// --- Synthetic rows --------------------------------------------------------

#[test]
fn exactly_1e25_is_not_systemic_risk() {
    let c = catalog(&[
        Row {
            name: "At",
            compute: "1e25",
            ..ROW
        },
        Row {
            name: "Above",
            compute: "1.01e25",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    assert_eq!(verdict(&c, "At", &s).eu.status, EuStatus::Gpai);
    assert_eq!(verdict(&c, "Above", &s).eu.status, EuStatus::SystemicRisk);
    // "more than 1e25" applies to the US mirror too.
    assert_eq!(verdict(&c, "At", &s).us.status, UsStatus::Out);
}

#[test]
fn gpai_needs_more_than_1e23_and_generation() {
    let c = catalog(&[
        Row {
            name: "Small",
            compute: "1e23",
            ..ROW
        },
        Row {
            name: "Chat",
            compute: "2e23",
            ..ROW
        },
        Row {
            name: "Weather",
            compute: "5e24",
            domain: "Earth science",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    assert_eq!(verdict(&c, "Small", &s).eu.status, EuStatus::NotGpai);
    assert_eq!(verdict(&c, "Chat", &s).eu.status, EuStatus::Gpai);
    let narrow = verdict(&c, "Weather", &s);
    assert_eq!(narrow.eu.status, EuStatus::NotGpai);
    assert!(narrow.eu.describe(&c, &s.eu).contains("narrow"));
}

#[test]
fn a_same_developer_fine_tune_is_the_same_model() {
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "9e24",
            ..ROW
        },
        Row {
            name: "Tuned",
            compute: "9.1e24",
            base: "Base",
            finetune: "1e23",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Tuned", &s);
    assert_eq!(v.eu.lifecycle_of, c.find("Base"));
    assert_eq!(v.eu.status, EuStatus::Gpai);
    assert!(v
        .eu
        .describe(&c, &s.eu)
        .contains("part of Base's lifecycle"));
}

#[test]
fn another_developers_small_fine_tune_is_not_a_new_model() {
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "3e25",
            ..ROW
        },
        Row {
            name: "Tuned",
            developer: "Other",
            compute: "3.5e25",
            base: "Base",
            finetune: "5e24",
            ..ROW
        },
        Row {
            name: "Big",
            developer: "Other",
            compute: "4.2e25",
            base: "Base",
            finetune: "1.2e25",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    let small = verdict(&c, "Tuned", &s);
    assert_eq!(small.eu.status, EuStatus::NotNewModel);
    assert!(
        small.eu.describe(&c, &s.eu).contains("0.17×"),
        "{}",
        small.eu.describe(&c, &s.eu)
    );
    // 1.2e25 > 3e25 / 3: a new model, presumed systemic like its original.
    assert_eq!(verdict(&c, "Big", &s).eu.status, EuStatus::SystemicRisk);
}

#[test]
fn unknown_original_compute_uses_the_guidelines_fallback() {
    let c = catalog(&[
        Row {
            name: "Secret",
            ..ROW
        },
        Row {
            name: "Flagged",
            flag: "true",
            ..ROW
        },
        Row {
            name: "OnSecret",
            developer: "Other",
            base: "Secret",
            finetune: "1e23",
            ..ROW
        },
        Row {
            name: "OnFlagged",
            developer: "Other",
            base: "Flagged",
            finetune: "1e24",
            ..ROW
        },
    ]);
    let mut s = preset("eu-ai-act");
    // The original's status is undetermined: the fallback cannot be chosen.
    assert_eq!(
        verdict(&c, "OnSecret", &s).eu.status,
        EuStatus::Undetermined
    );
    s.use_estimates = true;
    // Flagged over 1e25: compared with one third of 1e25; 1e24 is less.
    let v = verdict(&c, "OnFlagged", &s);
    assert_eq!(
        v.eu.status,
        EuStatus::NotNewModel,
        "{}",
        v.eu.describe(&c, &s.eu)
    );
}

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
    s.us.compute_threshold_flop = 1e26;
    assert_eq!(verdict(&c, "Flagged", &s).us.status, UsStatus::Undetermined);
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
fn designation_by_capability_is_an_opt_in_what_if() {
    let c = catalog(&[Row {
        name: "Smart",
        compute: "5e24",
        eci: "152",
        ..ROW
    }]);
    let mut s = preset("eu-ai-act");
    assert_eq!(verdict(&c, "Smart", &s).eu.status, EuStatus::Gpai);
    s.eu.designation_eci = Some(150.0);
    let v = verdict(&c, "Smart", &s);
    assert_eq!(v.eu.status, EuStatus::SystemicRisk);
    assert!(v.eu.describe(&c, &s.eu).contains("designated"));
}

#[test]
fn the_compared_eu_tier_changes_the_overlap() {
    let c = catalog(&[Row {
        name: "Mid",
        compute: "5e24",
        ..ROW
    }]);
    let mut s = preset("eu-ai-act");
    assert_eq!(verdict(&c, "Mid", &s).overlap, Overlap::Neither);
    s.eu.compare = EuTier::Gpai;
    assert_eq!(verdict(&c, "Mid", &s).overlap, Overlap::EuOnly);
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
fn eci_keeps_the_best_of_several_versions_and_says_so() {
    let c = real();
    let opus = &c.models[c.find("Claude Opus 4.6").unwrap()];
    assert!(opus.eci_versions.unwrap() > 1);
    assert!(!opus.eci_version.is_empty());
    assert!(opus.eci.unwrap() > 150.0);
    assert_eq!(opus.compute_flop, None);
}

// --- Review fixes: each pins a behaviour policy.md asks for ---------------

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

#[test]
fn the_eu_mirror_treats_own_fine_tunes_as_the_same_model() {
    let c = real();
    let s = preset("eu-ai-act");
    let summary = evaluate(&c, &s).summary;
    assert_eq!(
        summary.models.eu_only, 0,
        "the US mirror of the EU rules covers what the EU does"
    );
    assert_eq!(summary.models.us_only, 0);
}

#[test]
fn third_party_cumulative_is_the_users_choice() {
    let c = real();
    let mut s = preset("sb53");
    s.us.compute_threshold_flop = 2e25;
    // Composer 2: 2.32e25 cumulative, 1.74e25 of Cursor's own.
    assert_eq!(verdict(&c, "Composer 2", &s).us.status, UsStatus::In);
    s.us.third_party_cumulative = false;
    let v = verdict(&c, "Composer 2", &s);
    assert_eq!(v.us.status, UsStatus::Out);
    assert!(
        v.us.describe(&c).contains("base model's not counted"),
        "{}",
        v.us.describe(&c)
    );
}

#[test]
fn eo_14110_biology_threshold() {
    let c = real();
    let mut s = preset("eo14110");
    assert_eq!(s.us.biology_threshold_flop, Some(1e23));
    let esm3 = verdict(&c, "ESM3 (98B)", &s);
    assert_eq!(esm3.us.status, UsStatus::In, "{}", esm3.us.describe(&c));
    assert!(esm3.us.describe(&c).contains("biological-sequence"));
    // Galactica is a language model that also read biology: not "primarily".
    assert_eq!(verdict(&c, "Galactica", &s).us.status, UsStatus::Out);
    s.us.biology_threshold_flop = None;
    assert_eq!(verdict(&c, "ESM3 (98B)", &s).us.status, UsStatus::Out);
}

#[test]
fn a_fine_tune_with_the_same_figure_as_its_base_has_unknown_fine_tuning() {
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "2e25",
            ..ROW
        },
        Row {
            name: "Copy",
            developer: "Other",
            compute: "2e25",
            base: "Base",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Copy", &s);
    assert_eq!(v.us.status, UsStatus::Undetermined, "{}", v.us.describe(&c));
    assert_eq!(
        v.eu.status,
        EuStatus::Undetermined,
        "{}",
        v.eu.describe(&c, &s.eu)
    );
}

#[test]
fn an_undisclosed_fine_tune_has_at_least_its_base_compute() {
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "2.13e25",
            ..ROW
        },
        Row {
            name: "Own",
            base: "Base",
            ..ROW
        },
    ]);
    let mut s = preset("eu-ai-act");
    let v = verdict(&c, "Own", &s);
    assert_eq!(
        v.eu.status,
        EuStatus::SystemicRisk,
        "{}",
        v.eu.describe(&c, &s.eu)
    );
    assert!(v.eu.describe(&c, &s.eu).contains("at least"));
    s.us.compute_threshold_flop = 1e26;
    assert_eq!(verdict(&c, "Own", &s).us.status, UsStatus::Undetermined);
}

#[test]
fn a_fine_tune_row_below_its_base_records_only_the_fine_tuning() {
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "8e24",
            ..ROW
        },
        Row {
            name: "Tuned",
            compute: "5e24",
            base: "Base",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    // 8e24 + 5e24 = 1.3e25, over the presumption; 5e24 alone would not be.
    assert_eq!(verdict(&c, "Tuned", &s).eu.status, EuStatus::SystemicRisk);
}

#[test]
fn a_modifier_of_an_undetermined_model_is_decided_only_where_every_reading_agrees() {
    let c = catalog(&[
        Row {
            name: "Secret",
            ..ROW
        },
        Row {
            name: "Big",
            developer: "Other",
            base: "Secret",
            finetune: "2e25",
            ..ROW
        },
        Row {
            name: "Tiny",
            developer: "Other",
            compute: "5e22",
            base: "Secret",
            finetune: "1e22",
            ..ROW
        },
        Row {
            name: "Mid",
            developer: "Other",
            base: "Secret",
            finetune: "1e24",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    // 2e25 is more than a third of either fallback (1e25, 1e23), and the
    // fine-tune alone is over the presumption: systemic risk however Secret is classed.
    assert_eq!(verdict(&c, "Big", &s).eu.status, EuStatus::SystemicRisk);
    // 1e24 is more than a third of 1e23 but not of 1e25: it depends.
    assert_eq!(verdict(&c, "Mid", &s).eu.status, EuStatus::Undetermined);
    // Not a new model if Secret is GPAI; a small model of its own if not:
    // the two readings differ, so the verdict says so.
    let tiny = verdict(&c, "Tiny", &s);
    assert_eq!(tiny.eu.status, EuStatus::Undetermined);
    assert!(tiny
        .eu
        .describe(&c, &s.eu)
        .contains("whose own status is undetermined"));
}

#[test]
fn generality_follows_the_guidelines_list() {
    let c = catalog(&[
        Row {
            name: "Music",
            compute: "5e24",
            domain: "Audio",
            ..ROW
        },
        Row {
            name: "Blank",
            compute: "5e24",
            domain: "",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    assert_eq!(verdict(&c, "Music", &s).eu.status, EuStatus::NotGpai);
    // No domain and not from the ECI file: the data cannot tell.
    assert_eq!(verdict(&c, "Blank", &s).eu.status, EuStatus::Undetermined);
}

#[test]
fn a_fine_tune_of_a_non_gpai_model_is_judged_on_its_own() {
    let c = catalog(&[
        Row {
            name: "Vision",
            compute: "5e24",
            domain: "Vision",
            ..ROW
        },
        Row {
            name: "Chatty",
            developer: "Other",
            compute: "6e24",
            base: "Vision",
            finetune: "1e24",
            ..ROW
        },
    ]);
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Chatty", &s);
    assert_eq!(v.eu.status, EuStatus::Gpai, "{}", v.eu.describe(&c, &s.eu));
    assert!(!v.eu.describe(&c, &s.eu).contains("covered only through"));
}

#[test]
fn designation_never_applies_to_a_model_that_is_not_gpai() {
    let c = catalog(&[
        Row {
            name: "Small",
            compute: "1e22",
            eci: "160",
            ..ROW
        },
        Row {
            name: "Hidden",
            eci: "160",
            ..ROW
        },
    ]);
    let mut s = preset("eu-ai-act");
    s.eu.designation_eci = Some(150.0);
    assert_eq!(verdict(&c, "Small", &s).eu.status, EuStatus::NotGpai);
    assert_eq!(verdict(&c, "Hidden", &s).eu.status, EuStatus::SystemicRisk);
}

#[test]
fn a_pass_never_reads_as_a_tie() {
    let c = real();
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Inflection-2", &s);
    assert_eq!(v.eu.status, EuStatus::SystemicRisk);
    assert!(
        v.eu.describe(&c, &s.eu)
            .contains("1.001 × 10^25 FLOP > 1 × 10^25 FLOP"),
        "{}",
        v.eu.describe(&c, &s.eu)
    );
}

#[test]
fn eu_dates_only_for_gpai_models() {
    use scope_explorer::rules::eu::timing;
    let d = |t: &str| IsoDate::parse(t).unwrap();
    assert_eq!(
        timing(EuStatus::NotGpai, d("2025-01-01"), d("2026-11-01")),
        None
    );
    assert_eq!(
        timing(EuStatus::SystemicRisk, d("2025-01-01"), d("2026-11-01")),
        Some("on the market before 2 Aug 2025: must comply by 2 Aug 2027")
    );
    assert_eq!(
        timing(EuStatus::Gpai, d("2025-09-01"), d("2026-03-01")),
        Some("obligations apply; fines only from 2 Aug 2026")
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

#[test]
fn compute_uncertainty_leaves_close_calls_undetermined() {
    let c = real();
    let mut s = preset("eo14110");
    // Llama 3.1-405B: 3.8e25, Confident (a factor of 3): up to 1.14e26.
    assert_eq!(verdict(&c, "Llama 3.1-405B", &s).us.status, UsStatus::Out);
    s.compute_uncertainty = true;
    let v = verdict(&c, "Llama 3.1-405B", &s);
    assert_eq!(v.us.status, UsStatus::Undetermined, "{}", v.us.describe(&c));
    assert!(
        v.us.describe(&c).contains("factor of 3"),
        "{}",
        v.us.describe(&c)
    );
    // Still systemic risk in the EU: 3.8e25 / 3 is more than 1e25.
    assert_eq!(v.eu.status, EuStatus::SystemicRisk);
    // GPT-4.5: 3.8e26, Likely (a factor of 10): 3.8e25 to 3.8e27 straddles 1e26.
    assert_eq!(verdict(&c, "GPT-4.5", &s).us.status, UsStatus::Undetermined);
}
