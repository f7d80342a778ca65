//! The rules on real rows of the embedded dataset: the cases the project
//! promised to get right (Llama 3.1 405B, GPT-4.5, Composer 2, ...).
//! Runs natively (`cargo test`) and in headless browsers
//! (`cargo test --target wasm32-unknown-unknown`).

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use common::{preset, verdict};
use scope_explorer::catalog::Catalog;
use scope_explorer::date::IsoDate;
use scope_explorer::evaluate::{evaluate, Likelihood, Overlap};
use scope_explorer::rules::eu::EuStatus;
use scope_explorer::rules::us::UsStatus;
use scope_explorer::scenario::DerivativeRule;

fn real() -> Catalog {
    Catalog::embedded().expect("embedded dataset parses")
}

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
            .contains("3.8 × 10²⁵ FLOP ≤ 1 × 10²⁶ FLOP"),
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
        reason.contains("a new model") && reason.contains("3.0×"),
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

#[test]
fn eci_keeps_the_best_of_several_versions_and_says_so() {
    let c = real();
    let opus = &c.models[c.find("Claude Opus 4.6").unwrap()];
    assert!(opus.eci_versions.unwrap() > 1);
    assert!(!opus.eci_version.is_empty());
    assert!(opus.eci.unwrap() > 150.0);
    assert_eq!(opus.compute_flop, None);
}

#[test]
fn the_eu_mirror_treats_own_fine_tunes_as_the_same_model() {
    let c = real();
    let s = preset("eu-ai-act");
    let assessment = evaluate(&c, &s);
    assert_eq!(assessment.summary.models.us_only, 0);
    // The US side counts rows on their own; the EU gives every row of a
    // lifecycle the model's status. So the mirror covers what the EU does,
    // except earlier rows of a model that a later version or own fine-tune
    // took over the presumption (Llama 3.1-70B, with Llama 3.2 90B).
    let eu_only: Vec<_> = assessment
        .verdicts
        .iter()
        .filter(|v| v.overlap == Overlap::EuOnly)
        .collect();
    assert!(!eu_only.is_empty());
    for v in eu_only {
        let (decider, _) = v.eu.decided_by.expect("set by another row of the model");
        let other = verdict(&c, &c.models[decider].name, &s);
        assert_eq!(other.us.status, UsStatus::In, "{}", c.models[decider].name);
    }
    let llama = verdict(&c, "Llama 3.1-70B", &s);
    assert_eq!(llama.eu.status, EuStatus::SystemicRisk);
    assert_eq!(
        llama.eu.decided_by.map(|(row, _)| row),
        c.find("Llama 3.2 90B")
    );
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
fn a_pass_never_reads_as_a_tie() {
    let c = real();
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Inflection-2", &s);
    assert_eq!(v.eu.status, EuStatus::SystemicRisk);
    assert!(
        v.eu.describe(&c, &s.eu)
            .contains("1.001 × 10²⁵ FLOP > 1 × 10²⁵ FLOP"),
        "{}",
        v.eu.describe(&c, &s.eu)
    );
}

#[test]
fn compute_uncertainty_makes_close_calls_borderline() {
    let c = real();
    let mut s = preset("eo14110");
    // Llama 3.1-405B: 3.8e25, Confident (a factor of 3): up to 1.14e26.
    let plain = verdict(&c, "Llama 3.1-405B", &s);
    assert_eq!(plain.us.status, UsStatus::Out);
    assert_eq!(plain.us_likelihood, Likelihood::Out);
    s.compute_uncertainty = true;
    let v = verdict(&c, "Llama 3.1-405B", &s);
    // Out at its figure, in at the top of its range: borderline.
    assert_eq!(v.us.status, UsStatus::Out, "{}", v.us.describe(&c));
    assert_eq!(v.us_likelihood, Likelihood::Borderline);
    assert!(
        v.us.describe(&c).contains("factor of 3"),
        "{}",
        v.us.describe(&c)
    );
    // Still systemic risk in the EU: 3.8e25 / 3 is more than 1e25.
    assert_eq!(v.eu.status, EuStatus::SystemicRisk);
    assert_eq!(v.eu_likelihood, Likelihood::In);
    // GPT-4.5: 3.8e26, Likely (a factor of 10): 3.8e25 to 3.8e27 straddles 1e26.
    let gpt = verdict(&c, "GPT-4.5", &s);
    assert_eq!(gpt.us.status, UsStatus::In);
    assert_eq!(gpt.us_likelihood, Likelihood::Borderline);
}

#[test]
fn an_inherited_base_reads_with_how_sure_its_verdict_is() {
    let c = real();
    let mut found = Vec::new();
    for threshold in [1e24, 3e24, 1e25, 3e25, 1e26] {
        let mut scenario =
            scope_explorer::presets::default_view(scope_explorer::presets::DEFAULT_AS_OF).unwrap();
        scenario.us.derivatives = DerivativeRule::Inherit;
        scenario.us.compute_threshold_flop = threshold;
        for v in evaluate(&c, &scenario).verdicts {
            let Some(base_likelihood) = v.us_base_likelihood else {
                assert!(!v.us_reason(&c).contains("a derivative is in when its base"));
                continue;
            };
            let reason = v.us_reason(&c);
            let words = format!(", which is {};", base_likelihood.label());
            assert!(reason.contains(&words), "{reason} lacks {words}");
            if matches!(
                base_likelihood,
                Likelihood::LikelyIn | Likelihood::Borderline | Likelihood::LikelyOut
            ) {
                found.push(reason);
            }
        }
    }
    assert!(!found.is_empty(), "no derivative of an estimated base");
}

/// A modification that is not substantial is out whatever its compute,
/// and its reason says so before the figure that passes (the analyst read
/// "Out: ... > 1 × 10²⁵ FLOP threshold" as a contradiction).
#[test]
fn a_small_third_party_fine_tune_says_its_compute_does_not_count() {
    let c = real();
    let s = preset("eu-ai-act");
    let v = verdict(&c, "Llama Nemotron Ultra 253B", &s);
    let words = v.us.describe(&c);
    assert_eq!(v.us.status, UsStatus::Out, "{words}");
    assert!(words.contains("≤ one third"), "{words}");
    assert!(
        words.contains(
            "so this rule does not count its compute; counted, its compute would pass (cumulative compute"
        ),
        "{words}"
    );
    // One that would not pass either says so.
    let mut high = s.clone();
    high.us.compute_threshold_flop = 1e27;
    let words = verdict(&c, "Llama Nemotron Ultra 253B", &high)
        .us
        .describe(&c);
    assert!(
        words.contains(
            "so this rule does not count its compute; counted, its compute would not pass either (cumulative compute"
        ),
        "{words}"
    );
    // A substantial one reads as before.
    let composer = verdict(&c, "Composer 2", &s).us.describe(&c);
    assert!(!composer.contains("does not count"), "{composer}");
}
