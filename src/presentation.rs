//! What the page decides about an assessment, decided here so that native
//! tests cover it: a model's details sentence, the words for each overlap
//! and EU tier, and the order of statuses when a table sorts by them.

use crate::catalog::Catalog;
use crate::evaluate::{Assessment, Likelihood, ModelVerdict, Overlap, RegimeCounts, Summary};
use crate::rules::eu::EuStatus;
use crate::rules::us::{ComputeBasis, UsReason, UsStatus};
use crate::rules::{ComputeFigure, Test};
use crate::scenario::{EuTier, Scenario};
use crate::view;

/// An overlap category in words: "in both", "US only".
pub fn overlap_words(overlap: Overlap) -> &'static str {
    match overlap {
        Overlap::Both => "in both",
        Overlap::UsOnly => "US only",
        Overlap::EuOnly => "EU only",
        Overlap::Neither => "in neither",
        Overlap::Undetermined => "undetermined",
    }
}

/// The EU tier compared with, in words.
pub fn tier_words(tier: EuTier) -> &'static str {
    match tier {
        EuTier::SystemicRisk => {
            "EU AI Act, systemic-risk tier of its general-purpose AI (GPAI) models"
        }
        EuTier::Gpai => "EU AI Act, all its general-purpose AI (GPAI) models",
    }
}

/// `text` with a capital first letter: "likely in" becomes "Likely in".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A US verdict's label: its likelihood ("Likely in"), and for a
/// borderline one the side the cards count it on ("Borderline: in at the
/// central estimate"), as the EU label gives its tier at the centre. One
/// the data cannot place at the centre but in at the high end is counted
/// only there, as out at the centre is ("Borderline: in only at the high
/// end").
pub fn us_status_words(status: UsStatus, likelihood: Likelihood) -> String {
    let mut words = capitalised(likelihood.label());
    if likelihood == Likelihood::Borderline {
        // Borderline is in at some reading: at the centre, or only above it.
        words.push_str(match status {
            UsStatus::In => ": in at the central estimate",
            UsStatus::Out => ": out at the central estimate",
            UsStatus::Undetermined => ": in only at the high end",
        });
    }
    words
}

/// The side a US verdict is counted on in the cards and the overlap grid
/// (`grid::Side::of`), as a status (its colour in the table): in when in at
/// the centre; undetermined when in at no reading and the data cannot tell
/// at one, whatever the centre says; out otherwise, including a
/// borderline verdict the data cannot place at the centre (counted only at
/// the high end).
pub fn us_counted_status(status: UsStatus, likelihood: Likelihood) -> UsStatus {
    match likelihood {
        Likelihood::In | Likelihood::LikelyIn => UsStatus::In,
        Likelihood::Out | Likelihood::LikelyOut => UsStatus::Out,
        Likelihood::Undetermined => UsStatus::Undetermined,
        Likelihood::Borderline if status == UsStatus::In => UsStatus::In,
        Likelihood::Borderline => UsStatus::Out,
    }
}

/// An EU status as the table labels it. Under the systemic-risk tier a
/// GPAI model below it says so: its GPAI obligations still apply, but it
/// is not in the compared tier, and must not read as covered by it.
pub fn eu_status_words(status: EuStatus, tier: EuTier) -> &'static str {
    match (status, tier) {
        (EuStatus::Gpai, EuTier::SystemicRisk) => "GPAI, below the systemic-risk tier",
        _ => status.label(),
    }
}

/// The table's class for an EU status: `in` when the compared tier covers
/// it, `gpai-below` for a GPAI model under the systemic-risk tier (marked
/// as having obligations, not coloured as covered), `out`, `undetermined`.
pub fn eu_status_class(status: EuStatus, tier: EuTier) -> &'static str {
    match (status, tier) {
        (EuStatus::SystemicRisk, _)
        | (EuStatus::Gpai | EuStatus::GpaiRiskUndetermined, EuTier::Gpai) => "verdict in",
        (EuStatus::Gpai, EuTier::SystemicRisk) => "verdict gpai-below",
        (EuStatus::GpaiRiskUndetermined, EuTier::SystemicRisk) | (EuStatus::Undetermined, _) => {
            "verdict undetermined"
        }
        (EuStatus::NotGpai | EuStatus::NotNewModel, _) => "verdict out",
    }
}

/// Where a US status sorts: covered first, undetermined last.
pub fn us_rank(status: UsStatus) -> u8 {
    match status {
        UsStatus::In => 0,
        UsStatus::Out => 1,
        UsStatus::Undetermined => 2,
    }
}

/// Where an EU status sorts: the systemic-risk tier first, then GPAI,
/// the two kinds of "not covered", and undetermined last.
pub fn eu_rank(status: EuStatus) -> u8 {
    match status {
        EuStatus::SystemicRisk => 0,
        EuStatus::GpaiRiskUndetermined => 1,
        EuStatus::Gpai => 2,
        EuStatus::NotNewModel => 3,
        EuStatus::NotGpai => 4,
        EuStatus::Undetermined => 5,
    }
}

/// Each regime on its own, in one sentence: what the headline shows and
/// what is announced. With estimates, each count is "about" its central
/// value, with its range (low to high: in at every reading of the
/// estimates, to in at some) and what stays undetermined; the EU counts a
/// model with its versions and own fine-tunes, its rows beside.
pub fn headline(summary: &Summary, scenario: &Scenario) -> String {
    let count = |c: &RegimeCounts| {
        let ranged = ranged(c);
        let models = plural(c.models_in, "model", "models");
        let developers = plural(c.developers_in, "developer", "developers");
        (ranged, models, developers)
    };
    let range = range_detail;
    let us = us_count_words(&summary.us);
    let (eu_ranged, eu_models, eu_developers) = count(&summary.eu);
    let rows = plural(summary.eu.rows_in, "row", "rows");
    let eu = if eu_ranged {
        format!(
            "about {eu_models} ({rows}, counting a model's versions and own fine-tunes apart) from {eu_developers} ({})",
            range(&summary.eu)
        )
    } else {
        format!(
            "{eu_models} ({rows}, counting a model's versions and own fine-tunes apart) from {eu_developers} (and {} undetermined)",
            summary.eu.models_undetermined
        )
    };
    format!(
        "US definition: {us}. {}: {eu}.",
        tier_words(scenario.eu.compare)
    )
}

/// Why the US definition's undetermined models are undetermined, in one
/// sentence with counts by cause, most common first: "Why 45 models are
/// undetermined in the US definition: 41 have no compute figure and are
/// known only by bounds ...; 4 have no capability score." `None` when none
/// is undetermined.
pub fn us_undetermined_words(verdicts: &[ModelVerdict], scenario: &Scenario) -> Option<String> {
    let mut causes: Vec<(Cause, usize)> = Vec::new();
    for v in verdicts.iter().filter(|v| v.us_spread.undetermined()) {
        let cause = undetermined_cause(v, scenario.use_estimates);
        match causes.iter_mut().find(|(c, _)| *c == cause) {
            Some((_, n)) => *n += 1,
            None => causes.push((cause, 1)),
        }
    }
    let total: usize = causes.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    crate::sort::sort_by(&mut causes, |a, b| b.1.cmp(&a.1).then(a.0 .1.cmp(b.0 .1)));
    let parts: Vec<String> = causes
        .iter()
        .map(|((one, many), n)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    Some(format!(
        "Why {} undetermined in the US definition: {}.",
        plural(total, "model is", "models are"),
        parts.join("; ")
    ))
}

/// The first test that leaves a US verdict undecided, in words that follow
/// a count ("3 have no capability score"). `estimates`: whether the
/// scenario estimates undisclosed compute.
fn undetermined_cause(v: &ModelVerdict, estimates: bool) -> Cause {
    let tests = match &v.us.reason {
        UsReason::Tests(tests) => tests,
        UsReason::Inherited {
            base_status, own, ..
        } => {
            // In when the base is or on its own figures: undetermined
            // with an undetermined base means its own figures do not pass.
            if *base_status == UsStatus::Undetermined {
                return (
                    "is a fine-tune whose base model is undetermined, and whose own figures do not pass",
                    "are fine-tunes whose base model is undetermined, and whose own figures do not pass",
                );
            }
            own
        }
        UsReason::DerivativeExcluded { .. } => return OTHER,
    };
    if let Some(check) = tests
        .compute
        .as_ref()
        .filter(|c| c.outcome == Test::Unknown)
    {
        return match check.figure {
            ComputeFigure::Estimated { central: None, .. } | ComputeFigure::EstimatedOver1e25 => (
                "has no compute figure and is known only by bounds (Epoch's over-10²⁵ flag, the frontier ceiling at its date) that leave the threshold inside",
                "have no compute figure and are known only by bounds (Epoch's over-10²⁵ flag, the frontier ceiling at their date) that leave the threshold inside",
            ),
            ComputeFigure::AtLeast { .. }
            | ComputeFigure::AtLeastRange { .. }
            | ComputeFigure::Estimated { .. } => (
                "is a fine-tune known only to be at least its base model's compute, which is below the threshold",
                "are fine-tunes known only to be at least their base model's compute, which is below the threshold",
            ),
            _ if matches!(check.basis, ComputeBasis::ThirdPartyOwn | ComputeBasis::FineTuneOnly) => (
                "is another developer's fine-tune whose own fine-tuning compute is undisclosed (this rule does not count its base model's)",
                "are other developers' fine-tunes whose own fine-tuning compute is undisclosed (this rule does not count their base model's)",
            ),
            _ if estimates => (
                "has no compute figure and no method reaches an estimate",
                "have no compute figure and no method reaches an estimate",
            ),
            _ => (
                "has no compute figure (switch estimates on to estimate it)",
                "have no compute figure (switch estimates on to estimate it)",
            ),
        };
    }
    if tests
        .capability
        .as_ref()
        .is_some_and(|c| c.outcome == Test::Unknown)
    {
        return ("has no capability score", "have no capability score");
    }
    if tests
        .cost
        .as_ref()
        .is_some_and(|c| c.outcome == Test::Unknown)
    {
        return (
            "has no training-cost figure",
            "have no training-cost figure",
        );
    }
    if tests.covered_base.is_some() || tests.modification.is_some() {
        return (
            "is a fine-tune whose base model or share of compute is undecided",
            "are fine-tunes whose base model or share of compute is undecided",
        );
    }
    OTHER
}

const OTHER: Cause = (
    "is undecided for other reasons",
    "are undecided for other reasons",
);

/// A cause in words after a count: for one model, for several.
type Cause = (&'static str, &'static str);

/// When the compared EU tier is systemic risk, how many of the models "in
/// neither" are still EU GPAI models, whose obligations apply: "Of the 544
/// models in neither, 120 are EU general-purpose AI (GPAI) models below the
/// systemic-risk tier: ...". `None` when the tier compared is all GPAI
/// models, or when none is.
pub fn neither_gpai_words(assessment: &Assessment, scenario: &Scenario) -> Option<String> {
    if scenario.eu.compare != EuTier::SystemicRisk {
        return None;
    }
    let neither = assessment
        .verdicts
        .iter()
        .filter(|v| v.overlap == Overlap::Neither);
    let (total, gpai) = neither.fold((0, 0), |(t, g), v| {
        (
            t + 1,
            g + usize::from(v.eu.in_tier(EuTier::Gpai) == Test::Pass),
        )
    });
    (gpai > 0).then(|| {
        format!(
            "Of the {} in neither, {} {} EU general-purpose AI (GPAI) {} below the systemic-risk tier: the AI Act's GPAI obligations still apply to {} (each model's EU verdict gives its dates).",
            plural(total, "model", "models"),
            gpai,
            if gpai == 1 { "is an" } else { "are" },
            if gpai == 1 { "model" } else { "models" },
            if gpai == 1 { "it" } else { "them" },
        )
    })
}

/// The US definition's reach in words: "about 8 models from 3 developers
/// (6–42 models, 2–8 developers; 45 undetermined)", or without ranges
/// "3 models from 2 developers (and 181 undetermined)".
pub fn us_count_words(c: &RegimeCounts) -> String {
    let models = plural(c.models_in, "model", "models");
    let developers = plural(c.developers_in, "developer", "developers");
    if ranged(c) {
        format!("about {models} from {developers} ({})", range_detail(c))
    } else {
        format!(
            "{models} from {developers} (and {} undetermined)",
            c.models_undetermined
        )
    }
}

/// The same, short, for a chart label in two lines (a phone's box has no
/// room for one): "about 8 models (6–42)," and "3 developers (2–8)", or
/// "3 models," and "2 developers".
pub fn us_count_label(c: &RegimeCounts) -> [String; 2] {
    let models = plural(c.models_in, "model", "models");
    let developers = plural(c.developers_in, "developer", "developers");
    if ranged(c) {
        [
            format!(
                "about {models} ({}\u{2013}{}),",
                c.models_low, c.models_high
            ),
            format!(
                "{developers} ({}\u{2013}{})",
                c.developers_low, c.developers_high
            ),
        ]
    } else {
        [format!("{models},"), developers]
    }
}

/// Whether the counts have a range to show.
fn ranged(c: &RegimeCounts) -> bool {
    c.models_low != c.models_high || c.developers_low != c.developers_high
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A regime's ranges and undetermined: "4–45 models, 2–13 developers;
/// 57 undetermined".
fn range_detail(c: &RegimeCounts) -> String {
    format!(
        "{}, {}; {} undetermined",
        range_words(c.models_low, c.models_high, "model", "models"),
        range_words(
            c.developers_low,
            c.developers_high,
            "developer",
            "developers"
        ),
        c.models_undetermined
    )
}

/// A change of a count with its sign: "+3 models", "−1 developer", "±0 models".
fn signed(change: i64, one: &str, many: &str) -> String {
    let word = if change.abs() == 1 { one } else { many };
    match change {
        0 => format!("\u{b1}0 {many}"),
        c if c > 0 => format!("+{c} {word}"),
        c => format!("\u{2212}{} {word}", -c),
    }
}

/// What changed since the last move, in one sentence, or `None` when
/// nothing the cards show changed: the central counts, or, where those
/// are the same and `ranges` is asked for, the ranges and the undetermined
/// that moved (a change of the derivative rule may move only those).
pub fn change_words(now: &Summary, before: &Summary, ranges: bool) -> Option<String> {
    let central = |s: &Summary| {
        [
            s.us.models_in,
            s.us.developers_in,
            s.eu.models_in,
            s.eu.developers_in,
        ]
    };
    let (c, b) = (central(now), central(before));
    let delta: [i64; 4] = std::array::from_fn(|k| c[k] as i64 - b[k] as i64);
    let signed_pair = |models: i64, developers: i64| {
        format!(
            "{}, {}",
            signed(models, "model", "models"),
            signed(developers, "developer", "developers")
        )
    };
    if !ranges {
        // While a slider is held: both regimes' central change, a sentence
        // of one length, or nothing.
        return (c != b).then(|| {
            format!(
                "Since the last change: US {}; EU {}.",
                signed_pair(delta[0], delta[1]),
                signed_pair(delta[2], delta[3])
            )
        });
    }
    let span = |l: usize, h: usize| match l == h {
        true => l.to_string(),
        false => format!("{l}\u{2013}{h}"),
    };
    let mut parts = Vec::new();
    for (name, k, n, b) in [
        ("US", 0, &now.us, &before.us),
        ("EU", 2, &now.eu, &before.eu),
    ] {
        let mut moved = Vec::new();
        if delta[k] != 0 || delta[k + 1] != 0 {
            moved.push(signed_pair(delta[k], delta[k + 1]));
        }
        for (low, high, was_low, was_high, many) in [
            (
                n.models_low,
                n.models_high,
                b.models_low,
                b.models_high,
                "models",
            ),
            (
                n.developers_low,
                n.developers_high,
                b.developers_low,
                b.developers_high,
                "developers",
            ),
        ] {
            if (low, high) != (was_low, was_high) {
                moved.push(format!(
                    "{} {many} (was {})",
                    span(low, high),
                    span(was_low, was_high)
                ));
            }
        }
        if n.models_undetermined != b.models_undetermined {
            moved.push(format!(
                "{} undetermined (was {})",
                n.models_undetermined, b.models_undetermined
            ));
        }
        if !moved.is_empty() {
            parts.push(format!("{name} {}", moved.join(", ")));
        }
    }
    let same = if c == b { "same central counts; " } else { "" };
    (!parts.is_empty()).then(|| format!("Since the last change: {same}{}.", parts.join("; ")))
}

/// A count's range in words: "2–13 developers", or "2 developers" where
/// both ends are the same.
pub fn range_words(low: usize, high: usize, one: &str, many: &str) -> String {
    if low == high {
        plural(low, one, many)
    } else {
        format!("{low}\u{2013}{high} {many}")
    }
}

/// A model's details in one sentence: who made it and when, what the data
/// says, the overlap, and each regime's verdict with its reason. A model
/// published after the as-of date says only that. `model` is a catalog index.
pub fn model_details(
    catalog: &Catalog,
    assessment: &Assessment,
    scenario: &Scenario,
    model: usize,
) -> String {
    let Some(m) = catalog.models.get(model) else {
        return String::new();
    };
    // Verdicts are in catalog order.
    let verdict = assessment
        .verdicts
        .binary_search_by_key(&model, |v| v.model)
        .ok()
        .map(|at| &assessment.verdicts[at]);
    match verdict {
        None => format!("{}: published after the as-of date.", m.name),
        Some(v) => format!(
            "{} ({}, published {}; {}): {}. US {}: {}. EU {}: {}.",
            m.name,
            m.developer,
            m.publication_date,
            view::model_facts(m),
            overlap_words(v.overlap),
            v.us.status.label(),
            v.us_reason(catalog),
            v.eu.status.label(),
            v.eu_reason(catalog, &scenario.eu),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};
    use crate::rules::eu::EuStatus;

    #[test]
    fn a_change_names_what_moved_even_when_the_central_counts_did_not() {
        let catalog = Catalog::embedded().unwrap();
        let mut scenario = presets::default_view(DEFAULT_AS_OF).unwrap();
        let before = evaluate(&catalog, &scenario).summary;
        assert_eq!(change_words(&before, &before, true), None);
        // Excluding derivatives at 10^26 keeps the central counts (the
        // analyst's case) but not the range and the undetermined.
        scenario.us.derivatives = crate::scenario::DerivativeRule::Exclude;
        let now = evaluate(&catalog, &scenario).summary;
        assert_eq!(now.us.models_in, before.us.models_in);
        assert_ne!(now.us.models_undetermined, before.us.models_undetermined);
        let words = change_words(&now, &before, true).unwrap();
        // While a slider is held, only the central counts' change is said.
        assert_eq!(change_words(&now, &before, false), None);
        assert!(
            words.starts_with("Since the last change: same central counts; US "),
            "{words}"
        );
        assert!(
            words.contains(&format!(
                "{} undetermined (was {})",
                now.us.models_undetermined, before.us.models_undetermined
            )),
            "{words}"
        );
        assert!(
            words.contains(&format!(
                "{}\u{2013}{} models (was {}\u{2013}{})",
                now.us.models_low, now.us.models_high, before.us.models_low, before.us.models_high
            )),
            "{words}"
        );
        assert!(!words.contains("EU"), "{words}");
        // A move of the central counts gives them, signed.
        scenario.us.compute_threshold_flop = 1e25;
        let lower = evaluate(&catalog, &scenario).summary;
        let held = change_words(&lower, &now, false).unwrap();
        let more = lower.us.models_in - now.us.models_in;
        assert!(
            held.starts_with(&format!("Since the last change: US +{more} models")),
            "{held}"
        );
        // Held, both regimes, a sentence of one length.
        assert!(held.ends_with("EU ±0 models, ±0 developers."), "{held}");
        // Let go, what moved: the US ranges too, and no EU.
        let words = change_words(&lower, &now, true).unwrap();
        assert!(
            words.starts_with(&format!("Since the last change: US +{more} models")),
            "{words}"
        );
        assert!(
            words.contains(&format!(
                "{}\u{2013}{} models (was {}\u{2013}{})",
                lower.us.models_low, lower.us.models_high, now.us.models_low, now.us.models_high
            )),
            "{words}"
        );
        assert!(!words.contains("EU"), "{words}");
    }

    #[test]
    fn a_range_with_equal_ends_is_one_count() {
        assert_eq!(range_words(2, 2, "developer", "developers"), "2 developers");
        assert_eq!(range_words(1, 1, "model", "models"), "1 model");
        assert_eq!(range_words(2, 13, "lab", "labs"), "2\u{2013}13 labs");
    }

    /// The cards count a borderline model on its central side; its label
    /// says which, so the table's "in" rows add up to the card.
    #[test]
    fn a_borderline_us_label_gives_the_side_the_cards_count() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::default_view(DEFAULT_AS_OF).unwrap();
        let a = evaluate(&catalog, &scenario);
        let mut labelled_in = 0;
        let mut borderline = 0;
        for v in &a.verdicts {
            let words = us_status_words(v.us.status, v.us_likelihood);
            if v.us_likelihood == Likelihood::Borderline {
                borderline += 1;
                assert!(words.starts_with("Borderline: "), "{words}");
            }
            labelled_in += usize::from(
                matches!(words.as_str(), "In" | "Likely in")
                    || words == "Borderline: in at the central estimate",
            );
        }
        assert!(borderline > 0, "the default view has borderline models");
        assert_eq!(labelled_in, a.summary.us.models_in);
        // Labels that read undetermined add up to the card's undetermined,
        // under settings that make borderline verdicts undetermined at the
        // centre (the second reader's Med-PaLM 2 and GPT-4V), and each
        // label sits on the overlap grid's side.
        let mut seen_high_only = false;
        let every = presets::all(DEFAULT_AS_OF).into_iter().flat_map(|p| {
            [(false, false), (false, true), (true, false), (true, true)]
                .map(|(estimates, ranges)| (p.id, estimates, ranges))
        });
        for (preset, estimates, ranges) in every {
            let mut s = presets::find(preset, DEFAULT_AS_OF).unwrap().scenario;
            s.use_estimates = estimates;
            s.compute_uncertainty = ranges;
            let a = evaluate(&catalog, &s);
            let mut undetermined = 0;
            for v in &a.verdicts {
                let words = us_status_words(v.us.status, v.us_likelihood);
                undetermined += usize::from(words == "Undetermined");
                seen_high_only |= words == "Borderline: in only at the high end";
                let side = crate::grid::Side::of(v.us_spread);
                let counted = us_counted_status(v.us.status, v.us_likelihood);
                let expected = match side {
                    crate::grid::Side::In => UsStatus::In,
                    crate::grid::Side::Out => UsStatus::Out,
                    crate::grid::Side::Undetermined => UsStatus::Undetermined,
                };
                assert_eq!(counted, expected, "{words}");
            }
            assert_eq!(undetermined, a.summary.us.models_undetermined, "{preset}");
        }
        assert!(
            seen_high_only,
            "a borderline verdict undetermined at the centre"
        );
        assert_eq!(
            us_status_words(UsStatus::Out, Likelihood::LikelyOut),
            "Likely out"
        );
    }

    #[test]
    fn one_undetermined_model_reads_in_the_singular() {
        let catalog = Catalog::embedded().unwrap();
        // Every preset, with and without estimates, at several thresholds:
        // wherever a cause has one model, it is "1 is ..."/"1 has ...",
        // never "1 are"/"1 have".
        let mut seen_one = false;
        for preset in crate::presets::all(crate::presets::DEFAULT_AS_OF) {
            let dates = ["2023-06-01", "2024-06-01", "2025-06-01"];
            for (estimates, threshold, date) in [false, true].into_iter().flat_map(|e| {
                [None, Some(1e24), Some(1e25), Some(3e25)]
                    .into_iter()
                    .flat_map(move |t| {
                        [None]
                            .into_iter()
                            .chain(dates.map(Some))
                            .map(move |d| (e, t, d))
                    })
            }) {
                let mut scenario = preset.scenario.clone();
                scenario.use_estimates = estimates;
                if let Some(t) = threshold {
                    scenario.us.compute_threshold_flop = t;
                }
                if let Some(d) = date {
                    scenario.as_of = crate::date::IsoDate::parse(d).unwrap();
                }
                let a = crate::evaluate::evaluate(&catalog, &scenario);
                let Some(words) = us_undetermined_words(&a.verdicts, &scenario) else {
                    continue;
                };
                assert!(
                    !words.contains(" 1 are ") && !words.contains(" 1 have "),
                    "{words}"
                );
                seen_one |= words.contains(": 1 ") || words.contains("; 1 ");
            }
        }
        assert!(seen_one, "some preset has a cause with one model");
    }

    #[test]
    fn details_give_facts_overlap_and_both_verdicts() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let assessment = evaluate(&catalog, &scenario);
        let gpt = catalog.find("GPT-4.5").unwrap();
        let text = model_details(&catalog, &assessment, &scenario, gpt);
        assert!(
            text.starts_with(
                "GPT-4.5 (OpenAI, published 2025-02-27; 3.8 × 10²⁶ FLOP (Likely); ECI"
            ),
            "{text}"
        );
        assert!(text.contains("): in both. US in"), "{text}");
        assert!(text.contains(". EU "), "{text}");
        let mut early = scenario.clone();
        early.as_of = crate::date::IsoDate::parse("2020-01-01").unwrap();
        let assessment = evaluate(&catalog, &early);
        assert_eq!(
            model_details(&catalog, &assessment, &early, gpt),
            "GPT-4.5: published after the as-of date."
        );
        assert_eq!(model_details(&catalog, &assessment, &early, usize::MAX), "");
    }

    #[test]
    fn covered_sorts_first_and_undetermined_last() {
        let us = [UsStatus::Undetermined, UsStatus::Out, UsStatus::In];
        let mut sorted = us;
        sorted.sort_by_key(|s| us_rank(*s));
        assert_eq!(
            sorted,
            [UsStatus::In, UsStatus::Out, UsStatus::Undetermined]
        );
        let mut eu = EuStatus::ALL;
        eu.sort_by_key(|s| eu_rank(*s));
        assert_eq!(eu[0], EuStatus::SystemicRisk);
        assert_eq!(eu[5], EuStatus::Undetermined);
        let ranks: std::collections::BTreeSet<u8> = EuStatus::ALL.map(eu_rank).into();
        assert_eq!(ranks.len(), EuStatus::ALL.len());
    }

    #[test]
    fn the_headline_gives_ranges_only_with_estimates() {
        let catalog = Catalog::embedded().unwrap();
        let mut scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let plain = crate::evaluate::evaluate(&catalog, &scenario).summary;
        let text = headline(&plain, &scenario);
        assert!(
            text.starts_with(&format!(
                "US definition: {} models from {} developers (and {} undetermined).",
                plain.us.models_in, plain.us.developers_in, plain.us.models_undetermined
            )),
            "{text}"
        );
        scenario.use_estimates = true;
        let estimated = crate::evaluate::evaluate(&catalog, &scenario).summary;
        let text = headline(&estimated, &scenario);
        let us = &estimated.us;
        assert!(
            text.starts_with(&format!(
                "US definition: about {} models from {} developers ({}\u{2013}{} models, {}\u{2013}{} developers; {} undetermined).",
                us.models_in,
                us.developers_in,
                us.models_low,
                us.models_high,
                us.developers_low,
                us.developers_high,
                us.models_undetermined
            )),
            "{text}"
        );
        assert!(us.models_undetermined < plain.us.models_undetermined);
    }

    #[test]
    fn a_gpai_model_below_the_compared_tier_does_not_read_as_covered() {
        let (gpai, systemic) = (EuTier::Gpai, EuTier::SystemicRisk);
        assert_eq!(
            eu_status_words(EuStatus::Gpai, systemic),
            "GPAI, below the systemic-risk tier"
        );
        assert_eq!(
            eu_status_class(EuStatus::Gpai, systemic),
            "verdict gpai-below"
        );
        // Compared with every GPAI model, it is covered.
        assert_eq!(eu_status_words(EuStatus::Gpai, gpai), "GPAI");
        assert_eq!(eu_status_class(EuStatus::Gpai, gpai), "verdict in");
        assert_eq!(
            eu_status_class(EuStatus::GpaiRiskUndetermined, systemic),
            "verdict undetermined"
        );
        assert_eq!(
            eu_status_class(EuStatus::SystemicRisk, systemic),
            "verdict in"
        );
        assert_eq!(eu_status_class(EuStatus::NotNewModel, gpai), "verdict out");
    }

    #[test]
    fn the_undetermined_are_explained_by_cause_and_add_up() {
        use crate::presets::{default_view, DEFAULT_AS_OF};
        use crate::scenario::DerivativeRule;
        let catalog = Catalog::embedded().unwrap();
        let mut scenario = default_view(DEFAULT_AS_OF).unwrap();
        let rules = [
            DerivativeRule::Cumulative,
            DerivativeRule::Inherit,
            DerivativeRule::Exclude,
            DerivativeRule::OwnCompute {
                threshold_flop: 3e25,
            },
            DerivativeRule::SubstantialModification {
                fraction: 1.0 / 3.0,
            },
        ];
        let cases = rules.iter().flat_map(|rule| {
            [(true, false), (false, false), (true, true), (false, true)]
                .map(|(estimates, capability)| (*rule, estimates, capability))
        });
        for (rule, estimates, capability) in cases {
            for third_party in [true, false] {
                scenario.us.derivatives = rule;
                scenario.us.third_party_cumulative = third_party;
                scenario.use_estimates = estimates;
                if capability {
                    scenario.us.capability = Some(crate::scenario::CapabilityThreshold {
                        metric: crate::scenario::CapabilityMetric::Eci,
                        threshold: 150.0,
                        unscored: crate::scenario::Unscored::Undetermined,
                    });
                    scenario.us.combine = crate::scenario::Combine::Either;
                }
                if !capability {
                    scenario.us.capability = None;
                    scenario.us.combine = crate::scenario::Combine::ComputeOnly;
                }
                let a = crate::evaluate::evaluate(&catalog, &scenario);
                let Some(words) = us_undetermined_words(&a.verdicts, &scenario) else {
                    assert_eq!(a.summary.us.models_undetermined, 0);
                    continue;
                };
                let total = a.summary.us.models_undetermined;
                assert!(
                    words.starts_with(&format!("Why {total} models are")),
                    "{words}"
                );
                let counted: usize = words
                    .split(": ")
                    .nth(1)
                    .unwrap()
                    .split("; ")
                    .map(|part| part.split(' ').next().unwrap().parse::<usize>().unwrap())
                    .sum();
                assert_eq!(counted, total, "{words}");
                assert!(!words.contains("other reasons"), "{words}");
                // The estimates switch is suggested only when it is off.
                assert!(
                    estimates != words.contains("switch estimates on"),
                    "{rule:?}: {words}"
                );
                if capability {
                    assert!(words.contains("no capability score"), "{words}");
                }
            }
        }
    }

    #[test]
    fn models_in_neither_that_are_still_gpai_are_counted() {
        use crate::presets::{default_view, DEFAULT_AS_OF};
        let catalog = Catalog::embedded().unwrap();
        let mut scenario = default_view(DEFAULT_AS_OF).unwrap();
        let a = crate::evaluate::evaluate(&catalog, &scenario);
        let words = neither_gpai_words(&a, &scenario).unwrap();
        let neither = a.summary.models.neither;
        assert!(
            words.starts_with(&format!("Of the {neither} models in neither, ")),
            "{words}"
        );
        let gpai: usize = words
            .split(", ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        // K-EXAONE 2.0 is one of them when it is in neither.
        let exaone = catalog.find("K-EXAONE 2.0");
        if let Some(v) = exaone.and_then(|i| a.verdicts.iter().find(|v| v.model == i)) {
            if v.overlap == Overlap::Neither {
                assert_eq!(v.eu.in_tier(EuTier::Gpai), Test::Pass);
            }
        }
        assert!(gpai > 0 && gpai <= neither, "{words}");
        // Comparing all GPAI models, there is nothing to add.
        scenario.eu.compare = EuTier::Gpai;
        let a = crate::evaluate::evaluate(&catalog, &scenario);
        assert_eq!(neither_gpai_words(&a, &scenario), None);
    }
}
