//! Figures read as ranges, continued (issue #7 item 7, second review): a
//! fine-tune keeps its estimate's upper bound on a ranged base, a figure
//! taken as published is never below its base's range, Epoch's flag on a
//! fine-tune adds to its base's range, a Speculative figure's verdict is
//! marked as an estimate, a range's words say what it is, and a lifecycle's
//! row that decides at the high end is named. Each on hand-made rows and
//! on the real rows the review named. Runs natively and in browsers.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use common::{catalog, value_at, verdict, Row, ROW};
use scope_explorer::catalog::{Catalog, Confidence};
use scope_explorer::evaluate::{evaluate, Likelihood};
use scope_explorer::presets::{default_view, DEFAULT_AS_OF};
use scope_explorer::rules::eu::EuStatus;
use scope_explorer::rules::us::UsStatus;
use scope_explorer::rules::{Judge, Reading, Test};
use scope_explorer::scenario::{DerivativeRule, Scenario};

fn real() -> Catalog {
    Catalog::embedded().expect("embedded dataset parses")
}

fn default() -> Scenario {
    default_view(DEFAULT_AS_OF).expect("the default view exists")
}

const ENDS: [Reading; 3] = [Reading::Low, Reading::Central, Reading::High];

/// Defect 1: a fine-tune with no figure of its own on a Speculative base
/// kept only "at least the base's range", with nothing above it, and was
/// undetermined at every reading; the frontier ceiling bounds it.
#[test]
fn a_bare_fine_tune_of_a_ranged_base_keeps_the_ceiling_above_it() {
    let c = catalog(&[
        Row {
            name: "TinyB",
            compute: "1e22",
            confidence: "Speculative",
            date: "2020-06-01",
            ..ROW
        },
        Row {
            name: "TinyFT",
            base: "TinyB",
            date: "2020-07-01",
            ..ROW
        },
    ]);
    for unc in [false, true] {
        let mut s = default();
        s.compute_uncertainty = unc;
        s.us.derivatives = DerivativeRule::Cumulative;
        assert_eq!(s.us.compute_threshold_flop, 1e26);
        let v = verdict(&c, "TinyFT", &s);
        assert_eq!(v.us.status, UsStatus::Out, "{}", v.us_reason(&c));
        assert_eq!(v.us_likelihood, Likelihood::LikelyOut, "unc={unc}");
        // Still at least its base at every reading.
        let j = Judge::new(&c, &s);
        let (ft, base) = (j.parts(1).cumulative, j.parts(0).cumulative);
        for r in ENDS {
            assert!(value_at(ft, r).unwrap() >= base.end_at(r).unwrap(), "{r:?}");
        }
    }
}

#[test]
fn the_review_s_real_fine_tunes_are_not_left_undetermined_under_unc() {
    let c = real();
    let mut s = default();
    s.compute_uncertainty = true;
    let a = evaluate(&c, &s);
    for name in [
        "SimCSE",
        "AltCLIP_M9",
        "DiT-XL/2 + Discriminator Guidance",
        "TranceptEve",
    ] {
        let i = c.find(name).expect("in the catalog");
        assert!(c.models[i].compute_flop.is_none() && c.models[i].base.is_some());
        let v = &a.verdicts.iter().find(|v| v.model == i).unwrap();
        assert!(
            matches!(v.us_likelihood, Likelihood::LikelyOut | Likelihood::Out),
            "{name}: {:?} {}",
            v.us_likelihood,
            v.us_reason(&c)
        );
        // Its top is the ceiling at its date (or its base's top, if higher).
        let top = value_at(Judge::new(&c, &s).parts(i).cumulative, Reading::High).unwrap();
        assert!(top <= 1e26, "{name}: {top}");
    }
}

/// The rows of a Speculative base and fine-tunes whose figures are taken
/// as published.
fn published_tunes() -> Catalog {
    catalog(&[
        Row {
            name: "Record",
            compute: "1e26",
            date: "2024-01-01",
            ..ROW
        },
        Row {
            name: "SpecBase",
            compute: "5e24",
            confidence: "Speculative",
            date: "2025-01-01",
            ..ROW
        },
        Row {
            name: "ConfFT",
            compute: "6e24",
            confidence: "Confident",
            base: "SpecBase",
            date: "2025-02-01",
            ..ROW
        },
        Row {
            name: "Other's ConfFT",
            developer: "Other",
            compute: "6e24",
            confidence: "Likely",
            base: "SpecBase",
            date: "2025-02-01",
            ..ROW
        },
    ])
}

/// Defect 2: a fine-tune's figure taken as published (Confident, Likely)
/// stood below its Speculative base's top; it includes its base, so it is
/// at least the base at every reading and reads as the base does.
#[test]
fn a_published_fine_tune_is_never_below_its_ranged_base() {
    let c = published_tunes();
    for unc in [false, true] {
        let mut s = default();
        s.compute_uncertainty = unc;
        s.us.derivatives = DerivativeRule::Cumulative;
        let j = Judge::new(&c, &s);
        let base = j.parts(1).cumulative;
        let top = base.end_at(Reading::High).unwrap();
        assert!((top / 1.5e26 - 1.0).abs() < 1e-12, "{top}");
        for i in [2, 3] {
            let ft = j.parts(i).cumulative;
            for r in ENDS {
                assert!(
                    ft.end_at(r).unwrap() >= base.end_at(r).unwrap(),
                    "{i} {r:?}"
                );
                // Taken as published, never below its own figure (under
                // `unc` its own figure is a range too).
                if !unc {
                    assert!(ft.end_at(r).unwrap() >= 6e24, "{i} {r:?}: below its figure");
                }
            }
            // Its own figure stays its centre.
            assert_eq!(ft.end_at(Reading::Central), Some(6e24));
        }
        let b = verdict(&c, "SpecBase", &s);
        let ft = verdict(&c, "ConfFT", &s);
        assert_eq!(b.us_likelihood, Likelihood::Borderline);
        assert_eq!(
            ft.us_likelihood,
            Likelihood::Borderline,
            "{}",
            ft.us_reason(&c)
        );
        assert_eq!(ft.us_spread, b.us_spread);
        let why = ft.us_reason(&c);
        if unc {
            assert!(
                why.contains("(Epoch: Confident, within a factor of 3 with its ends kept at or above its base model's: from 2 × 10²⁴"),
                "{why}"
            );
        } else {
            assert!(why.contains("Epoch: Confident, as published"), "{why}");
        }
        assert!(why.contains("to 1.5 × 10²⁶"), "{why}");
    }
    // Estimates off and no `unc`: every figure as published, as before.
    let mut s = default();
    s.use_estimates = false;
    s.us.derivatives = DerivativeRule::Cumulative;
    assert_eq!(verdict(&c, "ConfFT", &s).us_likelihood, Likelihood::Out);
}

/// Defect 2 on the real GPT-5 row: a user's own fine-tune of it, checked
/// at 7 × 10²⁵ FLOP in total (Check a model's figures are Confident),
/// reads as GPT-5 does, not a flat "out".
#[test]
fn a_checked_fine_tune_of_gpt_5_is_at_least_gpt_5() {
    let c = real();
    let g = c.find("GPT-5").unwrap();
    let mut own = c.models[g].clone();
    own.name = "My GPT-5 tune".into();
    own.base = Some(g);
    own.compute_flop = Some(7e25);
    own.compute_confidence = Confidence::Confident;
    own.estimated_over_1e25 = false;
    let c = c.with_model(own);
    let mut s = default();
    s.us.derivatives = DerivativeRule::Cumulative;
    let gpt5 = verdict(&c, "GPT-5", &s);
    let tune = verdict(&c, "My GPT-5 tune", &s);
    assert_eq!(gpt5.us_likelihood, Likelihood::Borderline);
    assert_eq!(
        tune.us_likelihood,
        Likelihood::Borderline,
        "{}",
        tune.us_reason(&c)
    );
    assert_eq!(tune.us.status, UsStatus::Out);
}

/// Defect 3: Epoch's over-1e25 flag on a fine-tune with no figure of its
/// own discarded its base's range: at every reading it is the larger of
/// the flag and the base's end.
#[test]
fn a_flagged_fine_tune_is_the_larger_of_the_flag_and_its_base() {
    let c = catalog(&[
        Row {
            name: "SpecBig",
            compute: "3e26",
            confidence: "Speculative",
            date: "2025-01-01",
            ..ROW
        },
        Row {
            name: "FlagFT",
            base: "SpecBig",
            flag: "true",
            date: "2025-02-01",
            ..ROW
        },
    ]);
    assert!(c.models[1].estimated_over_1e25);
    let mut s = default();
    s.us.derivatives = DerivativeRule::Cumulative;
    let base = verdict(&c, "SpecBig", &s);
    let ft = verdict(&c, "FlagFT", &s);
    assert_eq!(base.us.status, UsStatus::In);
    assert_eq!(ft.us.status, UsStatus::In, "{}", ft.us_reason(&c));
    // In wherever its base is in; at the low end (1e25) it is only known to
    // be at least that, below the ceiling, so undecided there.
    assert_eq!(
        (ft.us_spread.central, ft.us_spread.high),
        (base.us_spread.central, base.us_spread.high)
    );
    assert_eq!(
        (base.us_spread.low, ft.us_spread.low),
        (Test::Fail, Test::Unknown)
    );
    // At exactly 1e25 the flag ("more than") passes at every reading,
    // where the base's low end (1e25) alone does not.
    s.us.compute_threshold_flop = 1e25;
    let j = Judge::new(&c, &s);
    let figure = j.parts(1).cumulative;
    for r in ENDS {
        assert_eq!(figure.exceeds_at(1e25, r), Test::Pass, "{r:?}: {figure:?}");
    }
    assert_eq!(
        j.parts(0).cumulative.exceeds_at(1e25, Reading::Low),
        Test::Fail
    );
}

/// Defect 4: a Speculative figure wholly on one side of a threshold read
/// plain "in" or "out"; read as an estimate it is *likely* in or out.
#[test]
fn a_speculative_verdict_is_marked_as_an_estimate_even_far_from_the_line() {
    let c = real();
    let mut s = default();
    let i = c.find("AlphaGo Lee").unwrap();
    assert_eq!(c.models[i].compute_confidence, Confidence::Speculative);
    let v = verdict(&c, "AlphaGo Lee", &s);
    assert_eq!(
        v.us_likelihood,
        Likelihood::LikelyOut,
        "{}",
        v.us_reason(&c)
    );
    // A low threshold: likely in, not in.
    s.us.compute_threshold_flop = 1e15;
    assert_eq!(
        verdict(&c, "AlphaGo Lee", &s).us_likelihood,
        Likelihood::LikelyIn
    );
    // No Speculative row is a plain "in" or "out" on compute alone.
    let s = default();
    let a = evaluate(&c, &s);
    for v in &a.verdicts {
        let m = &c.models[v.model];
        if m.base.is_none()
            && m.compute_flop.is_some()
            && m.compute_confidence == Confidence::Speculative
            && v.us.status != UsStatus::Undetermined
        {
            assert!(
                !matches!(v.us_likelihood, Likelihood::In | Likelihood::Out),
                "{}: {:?}",
                m.name,
                v.us_likelihood
            );
        }
    }
    // Estimates off: Epoch's figure as published, a plain "out".
    let mut s = default();
    s.use_estimates = false;
    assert_eq!(
        verdict(&c, "AlphaGo Lee", &s).us_likelihood,
        Likelihood::Out
    );
    // The `unc` switch alone (estimates off) decides a range wholly on one
    // side, as it always has.
    s.compute_uncertainty = true;
    assert_eq!(
        verdict(&c, "AlphaGo Lee", &s).us_likelihood,
        Likelihood::Out
    );
}

/// Defect 5: the words said "within a factor of 30" of ranges that were
/// not (capped at the ceiling) and credited Epoch with a figure it never
/// gave (a fine-tune known by its fine-tuning alone).
#[test]
fn a_range_s_words_say_what_it_is() {
    let c = real();
    let s = default();
    let v = verdict(&c, "AlphaGo Lee", &s);
    let why = v.us_reason(&c);
    assert!(
        why.contains(
            "within a factor of 30 with its top capped at the frontier ceiling at its date"
        ),
        "{why}"
    );
    let c = catalog(&[
        Row {
            name: "Base",
            compute: "5e25",
            confidence: "Speculative",
            date: "2025-01-01",
            ..ROW
        },
        Row {
            name: "FtOnly",
            base: "Base",
            finetune: "1e23",
            date: "2025-02-01",
            ..ROW
        },
    ]);
    let mut s = default();
    s.us.derivatives = DerivativeRule::Cumulative;
    let why = verdict(&c, "FtOnly", &s).us_reason(&c);
    assert!(!why.contains("FLOP (Epoch: Speculative"), "{why}");
    assert!(
        why.contains("its base model's figure and its fine-tuning; with the base's range (Epoch: Speculative)"),
        "{why}"
    );
    // The base's own words: its label's factor, and why its top is lower
    // (the ceiling is 10 times its own record, the only figure).
    let why = verdict(&c, "Base", &s).us_reason(&c);
    assert!(
        why.contains(
            "5 × 10²⁵ FLOP (Epoch: Speculative, within a factor of 30 with its top capped"
        ),
        "{why}"
    );
    // The plain case keeps the plain words (GPT-5's 30 × 6.6e25 is under
    // the ceiling at its date).
    let c = real();
    let why = verdict(&c, "GPT-5", &default()).us_reason(&c);
    assert!(
        why.contains("(Epoch: Speculative, within a factor of 30: from"),
        "{why}"
    );
}

/// Defect 6: Qwen2.5-Coder (32B) (Confident) is EU borderline because its
/// own Speculative fine-tune QwQ-32B reaches 1e25 at the top of its range;
/// the reason names QwQ-32B.
#[test]
fn the_lifecycle_row_that_decides_at_the_high_end_is_named() {
    let c = real();
    let s = default();
    let v = verdict(&c, "Qwen2.5-Coder (32B)", &s);
    assert_eq!(v.eu.status, EuStatus::Gpai);
    assert_eq!(v.eu_likelihood, Likelihood::Borderline);
    let why = v.eu_reason(&c, &s.eu);
    assert!(
        why.contains("at the high end of the ranges, QwQ-32B, a row of the same model (its lifecycle), decides: as one model with it, it is GPAI with systemic risk"),
        "{why}"
    );
    // A row whose verdict does not move with the ranges says nothing more.
    let v = verdict(&c, "Llama 3.1-405B", &s);
    assert_eq!(v.eu_reason(&c, &s.eu), v.eu.describe(&c, &s.eu));
}
