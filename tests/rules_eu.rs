//! The EU AI Act's rules on synthetic rows: GPAI, systemic risk, the
//! same-provider lifecycle, the one-third rule and its fallback,
//! designation and dates. Runs natively and in headless browsers.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use common::{catalog, preset, verdict, Row, ROW};
use scope_explorer::date::IsoDate;
use scope_explorer::evaluate::Overlap;
use scope_explorer::rules::eu::EuStatus;
use scope_explorer::rules::us::UsStatus;
use scope_explorer::rules::Test;
use scope_explorer::scenario::EuTier;

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
    // out of both tiers either way, and the reason says both readings.
    let tiny = verdict(&c, "Tiny", &s);
    assert_eq!(tiny.eu.status, EuStatus::NotGpai);
    assert_eq!((tiny.eu.gpai, tiny.eu.systemic), (Test::Fail, Test::Fail));
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
fn eu_dates_only_for_gpai_models() {
    use scope_explorer::rules::eu::timing;
    let d = |t: &str| IsoDate::parse(t).unwrap();
    let c = catalog(&[
        Row {
            name: "Old",
            date: "2025-01-01",
            ..ROW
        },
        Row {
            name: "New",
            date: "2025-09-01",
            ..ROW
        },
    ]);
    let (old, new) = (c.find("Old").unwrap(), c.find("New").unwrap());
    assert_eq!(timing(&c, old, EuStatus::NotGpai, d("2026-11-01")), None);
    assert_eq!(
        timing(&c, old, EuStatus::SystemicRisk, d("2026-11-01")),
        Some("on the market before 2 Aug 2025: must comply by 2 Aug 2027")
    );
    assert_eq!(
        timing(&c, new, EuStatus::Gpai, d("2026-03-01")),
        Some("obligations apply; fines only from 2 Aug 2026")
    );
}
