//! One test per problem a compliance lead found in the check: figures
//! that contradicted each other without a word, messages that did not
//! quote what was typed, rounding that hid the deciding digit, a date
//! years ahead, a base model's name that had to match exactly, verdict
//! words that read as a contradiction.

use super::*;
use crate::date::IsoDate;

fn catalog() -> Catalog {
    Catalog::embedded().unwrap()
}

fn scenario() -> Scenario {
    presets::default_view(IsoDate::parse("2026-11-26").unwrap()).unwrap()
}

/// The lead's query parameters as a form (`flop=1e24&base=DeepSeek-V3`),
/// read by the page's own codec (`chk_` + each key), with the method, a
/// date and a text output where the query gives none.
fn form(query: &str) -> CheckForm {
    let mut params: Vec<String> = query.split('&').map(|p| format!("chk_{p}")).collect();
    for (key, value) in [("method", "flop"), ("date", "2026-03-01"), ("gen", "text")] {
        if !query.split('&').any(|p| p.starts_with(&format!("{key}="))) {
            params.push(format!("chk_{key}={value}"));
        }
    }
    let extras = crate::urlstate::check::decode_extras(&params.join("&"));
    assert!(extras.ignored.is_empty(), "{query}: {:?}", extras.ignored);
    extras.check.unwrap()
}

fn run(query: &str) -> Result<CheckReport, Vec<FieldError>> {
    let catalog = catalog();
    form(query)
        .parse(&catalog)
        .and_then(|input| check(&catalog, &input, &scenario()))
}

/// The first figure of a sentence ("5.3 × 10²⁴ FLOP: ...") as a number.
fn first_figure(words: &str) -> f64 {
    let end = words.find(" FLOP").unwrap();
    let start = words[..end].rfind(['~', ':', '(']).map_or(0, |i| i + 1);
    format::parse_number(words[start..end].trim()).unwrap_or_else(|| panic!("{words}"))
}

/// The US substantial-modification rule in a fine-tune's derivative section.
fn substantial(d: &DerivativeReport) -> &UsRuleVerdict {
    d.us_rules
        .iter()
        .find(|r| r.rule == "substantial_modification")
        .unwrap()
}

#[test]
fn a_total_below_its_base_plus_its_fine_tune_stops_the_check_beside_the_field() {
    let errors = run("flop=1e24&base=DeepSeek-V3&ft=2e24").unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "compute.flop");
    let m = &errors[0].message;
    for part in [
        "1 × 10²⁴ FLOP",
        "3.3 × 10²⁴ FLOP",
        "2 × 10²⁴ FLOP",
        "5.3 × 10²⁴ FLOP",
    ] {
        assert!(m.contains(part), "{m}");
    }
    // Below the base alone, with no fine-tune figure: the same.
    let errors = run("flop=1e24&base=DeepSeek-V3").unwrap_err();
    assert_eq!(errors[0].field, "compute.flop", "{errors:?}");
    // Worked out from hardware: beside the method's line.
    let errors =
        run("method=hardware&chip=h100_sxm&chips=100&days=10&util=40&base=DeepSeek-V3&ft=2e24")
            .unwrap_err();
    assert_eq!(errors[0].field, "compute", "{errors:?}");
}

#[test]
fn a_total_above_its_parts_is_read_as_typed_and_said_so() {
    for (query, field) in [
        ("flop=1e30&base=DeepSeek-V3&ft=2e24", "compute.flop"),
        (
            "method=hardware&chip=mi300x&chips=10000&days=90&util=40&same=1&base=DeepSeek-V3&ft=2e24",
            "compute",
        ),
    ] {
        let report = run(query).unwrap();
        let total = report.compute.as_ref().unwrap().flop;
        assert_eq!(report.cumulative_flop, Some(total), "{query}");
        assert!(
            report
                .compute_words
                .contains("the total you gave, more than DeepSeek-V3's 3.3 × 10²⁴ FLOP plus the fine-tune's own 2 × 10²⁴ FLOP (5.3 × 10²⁴ FLOP)"),
            "{}",
            report.compute_words
        );
        assert!(!report.compute_words.contains("cumulative"), "{}", report.compute_words);
        let note: Vec<_> = report.notes.iter().filter(|n| n.field == field).collect();
        assert_eq!(note.len(), 1, "{query}: {:?}", report.notes);
        assert!(note[0].message.contains("5.3 × 10²⁴ FLOP"), "{}", note[0].message);
    }
}

#[test]
fn the_figure_said_to_be_read_is_the_one_the_rules_read() {
    // Every combination of a total, a fine-tune figure and a base (with a
    // figure, or undisclosed): the check stops, or the sentence's first
    // figure is the figure the rules read, and a total given is that figure.
    let catalog = catalog();
    let scenario = scenario();
    let totals = ["", "1e23", "3.3e24", "5.3e24", "5.31e24", "6e24", "1e30"];
    let finetunes = ["", "1e23", "2e24"];
    let mut judged = 0;
    for base in ["DeepSeek-V3", "DeepSeek-V3.2", ""] {
        for total in totals {
            for ft in finetunes {
                let f = CheckForm {
                    flop: total.into(),
                    base_model: base.into(),
                    finetune_flop: ft.into(),
                    ..form("flop=")
                };
                let Ok(input) = f.parse(&catalog) else {
                    continue;
                };
                let Ok(report) = check(&catalog, &input, &scenario) else {
                    continue;
                };
                let what = format!("{base} {total} {ft}: {}", report.compute_words);
                if let Some(read) = report.cumulative_flop {
                    let shown = first_figure(&report.compute_words);
                    assert!((shown - read).abs() <= 0.01 * read, "{what}");
                }
                if let Some(t) = input.compute.as_ref().and_then(|c| c.report()) {
                    assert_eq!(report.cumulative_flop, Some(t.flop), "{what}");
                    // Said to be the user's: a total given beside a base,
                    // or a model's own from the entries.
                    let words = &report.compute_words;
                    assert!(
                        words.contains("you gave") || words.contains("from your entries"),
                        "{what}"
                    );
                }
                judged += 1;
            }
        }
    }
    assert!(judged >= 15, "{judged}");
}

#[test]
fn a_number_out_of_range_is_quoted_as_typed() {
    for typed in ["1e40", "-3e25", "1,000e40"] {
        let errors = run(&format!("flop={typed}")).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.ends_with(&format!("got {typed}")),
            "{}",
            errors[0].message
        );
    }
    // The API's input has no typed text: its number, short.
    let catalog = catalog();
    let mut input = form("flop=1e25").parse(&catalog).unwrap();
    input.compute = Some(ComputeInput::Flop { flop: 1e40 });
    let errors = check(&catalog, &input, &scenario()).unwrap_err();
    assert!(errors[0].message.ends_with("got 1e40"), "{errors:?}");
}

#[test]
fn figures_near_a_threshold_keep_their_deciding_digit() {
    let report = run("flop=1.04e25").unwrap();
    assert!(
        report.compute_words.starts_with("1.04 × 10²⁵ FLOP"),
        "{}",
        report.compute_words
    );
    assert!(
        report.reach_words.contains("below 1.04 × 10²⁵ FLOP"),
        "{}",
        report.reach_words
    );
    let report = run("flop=9.96e24").unwrap();
    assert!(
        report.reach_words.contains("below 9.96 × 10²⁴ FLOP"),
        "{}",
        report.reach_words
    );
    assert_eq!(report.compute.unwrap().how, "entered directly");
    // The threshold printed is one at which the model is out, and any
    // below it (by the figure's last digit) one at which it is in.
    let Reach::Below { flop } = report.reach else {
        panic!("{:?}", report.reach)
    };
    assert!((flop - 9.96e24).abs() <= 1e-9 * flop);
}

#[test]
fn a_date_years_ahead_is_noted_beside_the_field_without_stopping_the_check() {
    let report = run("flop=2e25&date=2040-01-01").unwrap();
    let notes: Vec<_> = report
        .notes
        .iter()
        .filter(|n| n.field == "publication_date")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", report.notes);
    assert!(
        notes[0].message.contains("13 years after"),
        "{}",
        notes[0].message
    );
    assert!(report.after_as_of);
    let report = run("flop=2e25&date=2026-03-01").unwrap();
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn a_base_models_name_reads_loosely_and_a_miss_suggests_names() {
    let report = run("base=Llama 3.1 405B&ft=2e24").unwrap();
    assert_eq!(report.derivative.as_ref().unwrap().base, "Llama 3.1-405B");
    assert!(report
        .notes
        .iter()
        .any(|n| n.field == "base_model" && n.message.contains("Llama 3.1-405B")));
    let errors = run("base=llama 3.1&ft=2e24").unwrap_err();
    assert_eq!(errors[0].field, "base_model");
    assert!(
        errors[0].message.contains("did you mean"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("Llama 3.1-"),
        "{}",
        errors[0].message
    );
    // A name no catalog name contains still suggests the names that share
    // a word with it (the analyst's "Llama 9 999B" suggested none).
    let errors = run("base=Llama 9 999B&ft=2e24").unwrap_err();
    assert!(
        errors[0].message.contains("did you mean one of ")
            && errors[0].message.to_lowercase().matches("llama").count() >= 3,
        "{}",
        errors[0].message
    );
    // A typo suggests the names it is a letter or two away from, closest
    // first (a tester's "Gemni 1.5 Pro" suggested Pro models of other
    // developers).
    for (typed, meant) in [
        ("Gemni 1.5 Pro", "Gemini 1.5 Pro"),
        ("Lama 3.1-405B", "Llama 3.1-405B"),
        ("Cluade 3.5 Sonet", "Claude 3.5 Sonnet"),
    ] {
        let errors = run(&format!("base={typed}&ft=2e24")).unwrap_err();
        let first = errors[0]
            .message
            .split("did you mean ")
            .nth(1)
            .map(|rest| rest.trim_start_matches("one of "))
            .unwrap_or_default();
        assert!(first.starts_with(meant), "{typed}: {}", errors[0].message);
    }
    // Nothing in common: no suggestion.
    let errors = run("base=Zzqx&ft=2e24").unwrap_err();
    assert!(
        !errors[0].message.contains("did you mean"),
        "{}",
        errors[0].message
    );
    // The exact name gives no note.
    let report = run("base=Llama 3.1-405B&ft=2e24").unwrap();
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn a_likely_out_verdict_says_out_of_what_and_the_fallback_says_which() {
    let report = run("base=DeepSeek-V3.2&ft=1e24").unwrap();
    let v = &report.current;
    assert_eq!(v.verdict.eu_likelihood, Likelihood::LikelyOut, "{v:?}");
    assert_eq!(v.eu_words, "Likely out: GPAI, below the systemic-risk tier");
    let d = report.derivative.unwrap();
    assert!(
        d.eu_words.contains("one third of 1 × 10²³ FLOP"),
        "{}",
        d.eu_words
    );
    assert!(!d.eu_words.contains(" or "), "{}", d.eu_words);
}

/// The second reader's case: a base with no figure of its own but a
/// known lower bound (GPT-4V: at least GPT-4's compute). A total below
/// that bound cannot be, whatever the scenario reads: an error beside the
/// training compute, as for a base with a figure. At or above it, the
/// rules read the total as typed, as the results line says.
#[test]
fn a_total_below_a_bases_lower_bound_is_an_error() {
    let c = catalog();
    let gpt4v = c.find("GPT-4V").unwrap();
    let mut plain = scenario();
    plain.use_estimates = false;
    let figure = crate::rules::compute_parts(&c.models[gpt4v], &c, &plain).cumulative;
    assert!(
        figure.reported().is_none(),
        "GPT-4V has no figure: {figure:?}"
    );
    let floor = figure.floor().unwrap();
    for (estimates, uncertainty) in [(false, false), (true, false), (true, true)] {
        let mut s = scenario();
        s.use_estimates = estimates;
        s.compute_uncertainty = uncertainty;
        let input = |flop: f64| {
            form(&format!("flop={flop:e}&base=GPT-4V"))
                .parse(&c)
                .unwrap()
        };
        let errors = check(&c, &input(floor / 4.0), &s).unwrap_err();
        assert_eq!(errors[0].field, "compute.flop", "{errors:?}");
        assert!(errors[0].message.contains("is less than"), "{errors:?}");
        let report = check(&c, &input(floor * 1.5), &s).unwrap();
        assert!(
            report.compute_words.contains("the total you gave"),
            "{}",
            report.compute_words
        );
        assert_eq!(
            report.cumulative_flop,
            Some(floor * 1.5),
            "{}",
            report.compute_words
        );
    }
}

/// The second reader's cases: where the original's lower bound decides the
/// one-third rule, the derivative section says so, not which fallback
/// would apply (which would contradict the verdict).
#[test]
fn a_lower_bound_that_decides_is_named_not_a_fallback() {
    let c = catalog();
    for (base, ft, estimates, uncertainty) in [
        ("GPT-4V", "3.67e24", true, true),
        ("GPT-4V", "3.67e24", false, false),
        ("LMSI-Palm", "3.67e22", false, false),
    ] {
        let mut s = scenario();
        s.use_estimates = estimates;
        s.compute_uncertainty = uncertainty;
        let input = form(&format!("flop=&base={base}&ft={ft}"))
            .parse(&c)
            .unwrap();
        let report = check(&c, &input, &s).unwrap();
        let words = report.derivative.unwrap().eu_words;
        assert!(
            words.contains("no fallback is needed"),
            "{base} {ft}: {words}"
        );
        assert!(!words.contains("compared with"), "{base} {ft}: {words}");
    }
}

/// The final reader's cases: a total equal to a base's stored bound (float
/// noise in the bound: 5.060000000000001e22) is accepted; and the figures
/// of "no fallback is needed" are printed so that the claim reads true
/// (ERNIE's bound is 2.82 × 10²⁴, not "2.8", beside a fine-tune of 9.4 × 10²³).
#[test]
fn bounds_compare_as_the_rules_do_and_print_on_their_side() {
    let c = catalog();
    let mut s = scenario();
    s.use_estimates = false;
    let input = form("flop=5.06e22&base=DiT-XL/2 + Discriminator Guidance")
        .parse(&c)
        .unwrap();
    assert!(check(&c, &input, &s).is_ok());
    let input = form("flop=&base=ERNIE-4.5-VL-424B-A47B (文心大模型4.5)&ft=9.4e23")
        .parse(&c)
        .unwrap();
    let words = check(&c, &input, &s).unwrap().derivative.unwrap().eu_words;
    assert!(words.contains("no fallback is needed"), "{words}");
    let figures: Vec<f64> = words
        .split(" FLOP")
        .filter_map(|part| {
            let start = part
                .rfind("least ")
                .map(|i| i + 6)
                .or_else(|| part.rfind("fine-tune's ").map(|i| i + 12))?;
            format::parse_number(part[start..].trim())
        })
        .collect();
    let [floor, finetune] = figures[..] else {
        panic!("{words}: {figures:?}")
    };
    assert!(finetune <= floor / 3.0 * (1.0 + 1e-9), "{words}");
}

/// The EU reason itself (the verdict's words, in the results and the
/// catalog table) names the bound where it decided, not the fallback:
/// ERNIE 4.5 VL with a 9.4 × 10²³ FLOP fine-tune is more than one third
/// of 10²³ but not of what ERNIE is known to have used.
#[test]
fn the_eu_reason_names_a_bound_that_decided() {
    let c = catalog();
    let mut s = scenario();
    s.use_estimates = false;
    let input = form("flop=&base=ERNIE-4.5-VL-424B-A47B (文心大模型4.5)&ft=9.4e23")
        .parse(&c)
        .unwrap();
    let report = check(&c, &input, &s).unwrap();
    let reason = &report.current.verdict.eu_reason;
    assert!(reason.contains("at least 2.82 × 10²⁴ FLOP"), "{reason}");
    assert!(!reason.contains("fallback ("), "{reason}");
    assert!(reason.contains("not more than one third"), "{reason}");
    // Where the fallback decides, it is still named.
    let input = form("flop=&base=ERNIE-4.5-VL-424B-A47B (文心大模型4.5)&ft=1e22")
        .parse(&c)
        .unwrap();
    let reason = check(&c, &input, &s).unwrap().current.verdict.eu_reason;
    assert!(
        reason.contains("fallback (") || reason.contains("at least"),
        "{reason}"
    );
}

/// Turning estimates on never forgets what the data shows. GPT-4V has no
/// figure of its own but at least GPT-4's compute; with estimates off a
/// 3.4e24 FLOP fine-tune of it is not more than one third of that bound
/// (no fallback needed). With estimates on the bound is still known, so
/// the one-third rule must not fall back to one third of 1e25.
#[test]
fn estimates_on_keep_the_originals_lower_bound_in_the_one_third_rule() {
    let c = catalog();
    for (estimates, uncertainty) in [(false, false), (true, false), (false, true), (true, true)] {
        let mut s = scenario();
        s.use_estimates = estimates;
        s.compute_uncertainty = uncertainty;
        let input = form("base=GPT-4V&ft=3.4e24").parse(&c).unwrap();
        let report = check(&c, &input, &s).unwrap();
        let d = report.derivative.unwrap();
        assert_eq!(
            d.eu_new_model,
            Some(Test::Fail),
            "est {estimates} unc {uncertainty}: {}",
            d.eu_words
        );
        assert!(
            d.eu_words.contains("at least 2.1 × 10²⁵ FLOP")
                && !d.eu_words.contains("fallback is one third"),
            "est {estimates} unc {uncertainty}: {}",
            d.eu_words
        );
        // The US substantial-modification rule reads the same bound, and
        // its words name it, not the fallback.
        let us = substantial(&d);
        assert!(
            us.reason.contains("it used at least 2.1 × 10²⁵ FLOP")
                && us.reason.contains("not more than one third")
                && !us.reason.contains("the EU guidelines' fallback"),
            "est {estimates} unc {uncertainty}: {}",
            us.reason
        );
        // Under uncertainty the bound is the centre of the range GPT-4
        // gives GPT-4V, and the words say so rather than "what the data
        // shows" (the range reaches below it); both regimes' reasons alike.
        let eu_reason = &report.current.verdict.eu_reason;
        for words in [&us.reason, eu_reason] {
            assert_eq!(
                words.contains("at the centre of the range its base gives it"),
                uncertainty,
                "est {estimates} unc {uncertainty}: {words}"
            );
            assert_eq!(
                words.contains("(what the data shows)"),
                !uncertainty,
                "est {estimates} unc {uncertainty}: {words}"
            );
        }
    }
}

/// Where the fallback alone would have said "more" but a lower bound
/// says "not more" (ERNIE 4.5 VL: at least 2.82 × 10²⁴ FLOP, estimates
/// off, a 9.4 × 10²³ FLOP fine-tune against one third of 10²³), the US
/// rule's words name the bound; where the fallback decided (a fine-tune
/// more than one third of the bound), they name the fallback.
#[test]
fn the_us_substantial_modification_words_name_the_bound_that_decided() {
    let c = catalog();
    let mut s = scenario();
    s.use_estimates = false;
    let rule = |ft: &str| {
        let input = form(&format!(
            "base=ERNIE-4.5-VL-424B-A47B (文心大模型4.5)&ft={ft}"
        ))
        .parse(&c)
        .unwrap();
        let d = check(&c, &input, &s).unwrap().derivative.unwrap();
        (d.eu_new_model, substantial(&d).reason.clone())
    };
    let (eu, reason) = rule("9.4e23");
    assert_eq!(eu, Some(Test::Fail), "{reason}");
    assert!(
        reason.contains("at least 2.82 × 10²⁴ FLOP")
            && !reason.contains("the EU guidelines' fallback"),
        "{reason}"
    );
    let (eu, reason) = rule("4e24");
    assert_eq!(eu, Some(Test::Pass), "{reason}");
    assert!(
        reason.contains("the EU guidelines' fallback: more"),
        "{reason}"
    );
}

/// The second reader's case: an original whose estimate stands on a range
/// of bounds (Pixtral Large: at least Mistral Large 2's Likely figure,
/// read as a range under `unc=1`, with an estimate of its own) is read by
/// the one-third rule as that range, end for end, as an original without
/// an estimate is (GPT-4V): at the centre the bound decides "no new
/// model", as it does with estimates or uncertainty off.
#[test]
fn an_estimate_on_a_range_of_bounds_keeps_the_range_in_the_one_third_rule() {
    let c = catalog();
    for base in ["Pixtral Large", "GPT-4V"] {
        for (estimates, uncertainty) in [(false, false), (true, false), (false, true), (true, true)]
        {
            let mut s = scenario();
            s.use_estimates = estimates;
            s.compute_uncertainty = uncertainty;
            let input = form(&format!("base={base}&ft=3.4e24")).parse(&c).unwrap();
            let report = check(&c, &input, &s).unwrap();
            let d = report.derivative.unwrap();
            assert_eq!(
                d.eu_new_model,
                Some(Test::Fail),
                "{base} est {estimates} unc {uncertainty}: {}",
                d.eu_words
            );
            let us = substantial(&d);
            assert!(
                !us.reason.contains("the EU guidelines' fallback"),
                "{base} est {estimates} unc {uncertainty}: {}",
                us.reason
            );
        }
    }
    // The estimate stands on the range: the case is the new path's.
    let mut s = scenario();
    s.compute_uncertainty = true;
    let judge = crate::rules::Judge::new(&c, &s);
    let figure = judge.parts(c.find("Pixtral Large").unwrap()).cumulative;
    assert!(
        matches!(
            figure,
            crate::rules::ComputeFigure::Estimated {
                central: Some(_),
                on_range: Some(_),
                ..
            }
        ),
        "{figure:?}"
    );
}

/// The second reader's case: a fine-tune of exactly one third of the
/// bound (Claude 2.1: at least 3.866 × 10²⁴ FLOP) is not more than one
/// third, but its figure rounded for print (1.29 × 10²⁴) reads as more
/// than a third of the bound's; the words say it is exactly one third.
#[test]
fn a_share_of_exactly_one_third_of_a_bound_says_so() {
    let c = catalog();
    let mut s = scenario();
    s.use_estimates = false;
    let base = c.find("Claude 2.1").unwrap();
    let judge = crate::rules::Judge::new(&c, &s);
    let bound = judge.parts(base).cumulative.floor().unwrap();
    let ft = bound / 3.0;
    let input = form(&format!("base=Claude 2.1&ft={ft:e}"))
        .parse(&c)
        .unwrap();
    let report = check(&c, &input, &s).unwrap();
    let d = report.derivative.unwrap();
    assert_eq!(d.eu_new_model, Some(Test::Fail), "{}", d.eu_words);
    let us = substantial(&d);
    for words in [&us.reason, &report.current.verdict.eu_reason] {
        assert!(
            words.contains("(exactly one third of it, which is not more)"),
            "{words}"
        );
    }
    assert!(
        d.eu_words.contains("(exactly one third of it)"),
        "{}",
        d.eu_words
    );
    // A share clearly below the line says nothing of the kind.
    let input = form(&format!("base=Claude 2.1&ft={:e}", ft / 2.0))
        .parse(&c)
        .unwrap();
    let report = check(&c, &input, &s).unwrap();
    assert!(!report.current.verdict.eu_reason.contains("exactly"));
}

/// The second reader's cases on the range-of-bounds fix:
/// - Pixtral Large (est=1&unc=1, a 3.4e24 FLOP fine-tune) is no new model
///   at the centre and a new model at the range's low end (where the
///   fallback decides): likely out, not out;
/// - a base whose range is itself an estimate (Claude 2.1 on Claude 2's
///   Speculative figure, the default view) is not read as a bound: the
///   fallback decides at every reading, so verdicts the fallback settles
///   stay certain (a 1e21 FLOP fine-tune is out of the US substantial-
///   modification rule, a 4e25 FLOP one in the EU tier, neither "likely").
#[test]
fn a_range_of_bounds_is_read_end_for_end_and_an_estimated_one_not_at_all() {
    let c = catalog();
    let mut s = scenario();
    s.compute_uncertainty = true;
    let input = form("base=Pixtral Large&ft=3.4e24").parse(&c).unwrap();
    let report = check(&c, &input, &s).unwrap();
    assert_eq!(
        report.current.verdict.eu_likelihood,
        Likelihood::LikelyOut,
        "{}",
        report.current.verdict.eu_reason
    );
    let s = scenario();
    let mut substantial = s.clone();
    substantial.choose_derivatives(crate::scenario::DerivKind::SubstantialModification);
    let small = form("base=Claude 2.1&ft=1e21").parse(&c).unwrap();
    let report = check(&c, &small, &substantial).unwrap();
    assert_eq!(
        report.current.verdict.us_likelihood,
        Likelihood::Out,
        "{}",
        report.current.verdict.us_reason
    );
    let large = form("base=Claude 2.1&ft=4e25").parse(&c).unwrap();
    let report = check(&c, &large, &s).unwrap();
    assert_eq!(
        report.current.verdict.eu_likelihood,
        Likelihood::In,
        "{}",
        report.current.verdict.eu_reason
    );
}

/// The second reader's case on the fallback's words: a fine-tune just
/// above one third of 1e25 (3.3334e24 of GPT-4o, whose compute is
/// undisclosed) and one below it (3.3e24) printed the same "3.3 × 10²⁴"
/// with opposite verdicts; each is now printed on its side of the line,
/// in the EU reason, the US rule's words and the check's section.
#[test]
fn the_fallbacks_figures_keep_the_deciding_digit() {
    let c = catalog();
    let mut s = scenario();
    s.choose_derivatives(crate::scenario::DerivKind::SubstantialModification);
    // The third reader's case: within the rules' tolerance of the line it
    // is on it (not more), which printed digits cannot show: words say so.
    for (ft, printed, new_model) in [
        ("3.3334e24", "3.3334 × 10²⁴ FLOP", Test::Pass),
        ("3.3e24", "3.3 × 10²⁴ FLOP", Test::Fail),
        (
            "3.3333333334e24",
            "(exactly one third of 1 × 10²⁵ FLOP, which is not more)",
            Test::Fail,
        ),
    ] {
        let input = form(&format!("base=GPT-4o&ft={ft}")).parse(&c).unwrap();
        let report = check(&c, &input, &s).unwrap();
        let d = report.derivative.unwrap();
        assert_eq!(d.eu_new_model, Some(new_model), "{}", d.eu_words);
        let us = substantial(&d);
        for words in [&d.eu_words, &us.reason, &report.current.verdict.eu_reason] {
            assert!(words.contains("fallback"), "{words}");
            assert!(words.contains(printed), "{ft}: {words}");
        }
    }
}

/// The third reader's cosmetic case: only the fallback line that decides
/// sets the digits (GPT-4o has systemic risk: one third of 1e25, so a
/// 3.3333333334e22 FLOP fine-tune needs no eleven digits).
#[test]
fn only_the_deciding_fallback_line_sets_the_digits() {
    let c = catalog();
    let input = form("base=GPT-4o&ft=3.3333333334e22").parse(&c).unwrap();
    let report = check(&c, &input, &scenario()).unwrap();
    let d = report.derivative.unwrap();
    assert!(d.eu_words.contains("3.33 × 10²² FLOP"), "{}", d.eu_words);
    assert!(!d.eu_words.contains("exactly"), "{}", d.eu_words);
}

/// The second readers' note: the derivative section gave a rule's status
/// at the centre ("out") beside a current verdict that is "likely out"
/// (Pixtral Large under `unc=1`). Each rule's row now reads as the
/// verdicts do: the current rule's row says what the current verdict says.
#[test]
fn the_current_rules_row_says_what_the_current_verdict_says() {
    let c = catalog();
    let mut seen_likely = false;
    for (query, uncertainty) in [
        ("base=Pixtral Large&ft=3.4e24", true),
        ("base=GPT-4V&ft=3.4e24", true),
        ("base=Llama 3.1-405B&ft=5e24", false),
        ("base=Claude 2.1&ft=1e21", false),
    ] {
        for &kind in crate::scenario::DerivKind::ALL {
            let mut s = scenario();
            s.compute_uncertainty = uncertainty;
            s.choose_derivatives(kind);
            let input = form(query).parse(&c).unwrap();
            let report = check(&c, &input, &s).unwrap();
            let current = report.current.verdict.us_likelihood.label();
            let d = report.derivative.unwrap();
            let row = d.us_rules.iter().find(|r| r.current).unwrap();
            assert_eq!(row.status, current, "{query} {kind:?}: {}", row.reason);
            seen_likely |= current.starts_with("likely");
        }
    }
    assert!(
        seen_likely,
        "no case read as likely: the test shows nothing"
    );
}

#[test]
fn a_number_may_carry_its_field_s_unit() {
    // A tester's find: "1e25 FLOP" in a field labelled in FLOP was refused.
    let plain = run("flop=1e25&date=2026-09-01").unwrap();
    for typed in ["1e25 FLOP", "1e25 flop", "1e25 FLOPs", "1e25FLOP"] {
        let report = run(&format!("flop={typed}&date=2026-09-01")).unwrap();
        assert_eq!(report.cumulative_flop, plain.cumulative_flop, "{typed}");
    }
    let report =
        run("method=parameters&params=70B parameters&tokens=15T tokens&date=2026-09-01").unwrap();
    let plain = run("method=parameters&params=70B&tokens=15T&date=2026-09-01").unwrap();
    assert_eq!(report.cumulative_flop, plain.cumulative_flop);
    // Another unit is still refused, with the field's message.
    let errors = run("flop=1e25 tokens&date=2026-09-01").unwrap_err();
    assert!(errors[0].message.contains("must be a number"), "{errors:?}");
}

#[test]
fn a_total_above_an_estimated_base_s_floor_is_judged_as_typed() {
    // A second reader's cases: GPT-4V is estimated from GPT-4's 2.1e25
    // (2.1e25 to 5.4e25, centre 2.41e25). A total of 2.2e25, above the
    // floor the data gives, is judged, not refused; one of 5e25, more than
    // 1e25 at every reading, is plainly in.
    let mut s = scenario();
    s.us.compute_threshold_flop = 1e25;
    let c = catalog();
    for (flop, us) in [(2.2e25, "In"), (5e25, "In")] {
        let input = form(&format!("flop={flop:e}&base=GPT-4V"))
            .parse(&c)
            .unwrap();
        let report = check(&c, &input, &s).unwrap_or_else(|e| panic!("{flop:e}: {e:?}"));
        assert_eq!(
            report.cumulative_flop,
            Some(flop),
            "{}",
            report.compute_words
        );
        assert_eq!(
            report.current.us_words, us,
            "{flop:e}: {}",
            report.current.verdict.us_reason
        );
    }
}

#[test]
fn a_fine_tune_of_an_estimated_base_keeps_to_the_data_s_range_under_it() {
    // A third reader's case: under ranges, GPT-4V (at least GPT-4's range,
    // 2.1e24 to 2.1e26, and estimated from GPT-4's figure) is borderline at
    // 1e26; a 3e25 fine-tune of it is raised to that range at each end, so
    // it is borderline too, not plainly out.
    let c = catalog();
    let mut s = scenario();
    s.compute_uncertainty = true;
    let input = form("flop=3e25&base=GPT-4V").parse(&c).unwrap();
    let report = check(&c, &input, &s).unwrap();
    assert!(
        report.current.us_words.starts_with("Borderline"),
        "{}: {}",
        report.current.us_words,
        report.current.verdict.us_reason
    );
    // A total below that range's centre is refused, in words that say the
    // rules read it there.
    let input = form("flop=1e25&base=GPT-4V").parse(&c).unwrap();
    let errors = check(&c, &input, &s).unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("the rules read for a fine-tune of GPT-4V under your scenario"),
        "{errors:?}"
    );
    // A base whose range is itself an estimate (Claude 2.1 on Claude 2's
    // Speculative figure, the default view) raises nothing, so a total
    // below its centre is judged as typed (a fourth reader's find: it was
    // refused in words the rules did not bear out).
    let s = scenario();
    let input = form("flop=1e24&base=Claude 2.1").parse(&c).unwrap();
    let report = check(&c, &input, &s).unwrap();
    assert_eq!(
        report.cumulative_flop,
        Some(1e24),
        "{}",
        report.compute_words
    );
}

/// A compliance tester's find: a fine-tune of Claude 3.5 Sonnet (a
/// borderline base: out at the central estimate) read "which is out" in
/// the fine-tune rules' rows while the table said "borderline". The rows
/// read the base's likelihood as the table does.
#[test]
fn a_fine_tunes_rule_rows_read_the_bases_likelihood_as_the_table_does() {
    let catalog = catalog();
    let scenario = scenario();
    let base = catalog
        .models
        .iter()
        .position(|m| m.name == "Claude 3.5 Sonnet")
        .expect("in the catalog");
    let assessment = crate::evaluate::evaluate(&catalog, &scenario);
    let table = assessment.verdicts[base].us_likelihood.label();
    let report = run("ft=1e24&base=Claude 3.5 Sonnet").unwrap();
    let d = report.derivative.unwrap();
    let inherit = d.us_rules.iter().find(|r| r.rule == "inherit").unwrap();
    // Under the inherit rule the base's verdict is read at the scenario's
    // other settings; the words carry its likelihood, whatever it is.
    let mut s = scenario.clone();
    s.us.derivatives = crate::scenario::DerivativeRule::Inherit;
    let under_inherit = crate::evaluate::evaluate(&catalog, &s).verdicts[base]
        .us_likelihood
        .label();
    assert!(
        inherit
            .reason
            .contains(&format!("Claude 3.5 Sonnet, which is {under_inherit};")),
        "{} (table: {table})",
        inherit.reason
    );
    // So does the own-compute rule's covered base (a tester's second
    // find: "not a covered model" beside "borderline", of the same base).
    let own = d.us_rules.iter().find(|r| r.rule == "own_compute").unwrap();
    s.us.derivatives = crate::scenario::DerivativeRule::OwnCompute {
        threshold_flop: 3e25,
    };
    let under_own = crate::evaluate::evaluate(&catalog, &s).verdicts[base].us_likelihood;
    assert_eq!(under_own, crate::evaluate::Likelihood::Borderline);
    assert!(
        own.reason.contains("Claude 3.5 Sonnet, which is borderline as a covered model (this rule covers another developer's fine-tune only when its base model is covered)"),
        "{}",
        own.reason
    );
    // A base every reading agrees on keeps the plain words.
    let report = run("ft=1e24&base=Llama 3.1-405B").unwrap();
    let d = report.derivative.unwrap();
    let own = d.us_rules.iter().find(|r| r.rule == "own_compute").unwrap();
    assert!(
        own.reason
            .contains("Llama 3.1-405B, which is not a covered model ("),
        "{}",
        own.reason
    );
}

/// A compliance tester had nothing to paste into a memo: the results as
/// text say what the page shows, in its words, with the link and source.
#[test]
fn the_results_as_text_say_what_the_page_shows() {
    let report = run("name=Acme-FT&ft=2e25&base=Llama 3.1-405B").unwrap();
    let link = "http://x/?chk_name=Acme-FT";
    let text = crate::check::text::report_text(&report, link);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Acme-FT: the verdicts");
    assert!(text.contains(&format!(
        "Training compute the rules read: {}.",
        report.compute_words
    )));
    assert!(text.contains(&report.reach_words));
    // A line per scenario, the current one first, each with both verdicts
    // and their reasons as the table's cells give them.
    let rows: Vec<&&str> = lines.iter().filter(|l| l.starts_with("- ")).collect();
    let d = report.derivative.as_ref().unwrap();
    assert_eq!(rows.len(), 1 + report.presets.len() + d.us_rules.len());
    for (row, s) in rows
        .iter()
        .zip(std::iter::once(&report.current).chain(&report.presets))
    {
        assert!(
            row.starts_with(&format!("- {}. US: {}: ", s.name, s.us_words)),
            "{row}"
        );
        assert!(row.contains(&s.verdict.us_reason), "{row}");
        assert!(
            row.contains(&format!(
                "EU AI Act: {}: {}",
                s.eu_words, s.verdict.eu_reason
            )),
            "{row}"
        );
    }
    assert!(text.contains("As a fine-tune of Llama 3.1-405B:"), "{text}");
    assert!(text.contains(&format!("EU: {}", d.eu_words)), "{text}");
    assert_eq!(text.matches(" (your rule). US: ").count(), 1, "{text}");
    assert!(lines.iter().rev().nth(1).unwrap().ends_with(link), "{text}");
    assert!(lines.last().unwrap().contains("Epoch AI"), "{text}");
}

/// A fourth second reader's finds: a base undetermined across its readings
/// reads as one undetermined at its centre does, and a base likely out
/// reads with its likelihood and the rule's condition.
#[test]
fn the_own_compute_rules_base_words_follow_its_likelihood() {
    let catalog = catalog();
    let reason = |query: &str, row: &str| {
        let scenario = crate::urlstate::decode(query, &scenario()).scenario;
        let assessment = crate::evaluate::evaluate(&catalog, &scenario);
        let i = catalog.models.iter().position(|m| m.name == row).unwrap();
        assessment.verdicts[i].us_reason(&catalog)
    };
    let composer = reason(
        "deriv=own_compute&deriv_flop=1e22&us_flop=1e25&unc=1&cost_usd=1e7",
        "Composer 2",
    );
    assert!(
        composer.contains("whose own status is undetermined (this rule covers another developer's fine-tune only when its base model is covered)"),
        "{composer}"
    );
    assert!(
        !composer.contains("undetermined as a covered model"),
        "{composer}"
    );
    let unified = reason(
        "deriv=own_compute&deriv_flop=1e24&cap=eci&cap_min=150&combine=either&unc=1",
        "UnifiedQA",
    );
    assert!(
        unified.contains("which is likely out as a covered model (this rule covers"),
        "{unified}"
    );
}
