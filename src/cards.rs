//! What the two big-number cards at the top of the page say: for each
//! regime, how many labs (lead developers) and models it covers, with the
//! estimates' range, what it is, and which labs. The words are made here,
//! natively tested; the page only places them.

use serde::Serialize;

use crate::evaluate::{RegimeCounts, Summary};
use crate::format;
use crate::labs::{Lab, Labs};
use crate::presentation::capitalised;
use crate::scenario::{CapabilityMetric, Combine, DerivativeRule, EuTier, Scenario, Unscored};

/// Which regime a card is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// The US candidate definition.
    Us,
    /// The compared EU tier.
    Eu,
}

/// One card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    /// Which regime.
    pub regime: Regime,
    /// "US candidate definition", "EU AI Act: systemic-risk tier".
    pub title: &'static str,
    /// What the regime covers, in a line: "More than 1 × 10²⁶ FLOP of training compute".
    pub definition: String,
    /// Whether the counts are central estimates with a range ("about").
    pub estimated: bool,
    /// Labs (lead developers) covered, central.
    pub labs: usize,
    /// Models covered, central (the EU counts a model with its versions and own fine-tunes).
    pub models: usize,
    /// The range and what stays undetermined: "range 2–8 labs, 5–32
    /// models; 57 models undetermined".
    pub detail: String,
    /// The labs covered, most models first.
    pub named: Vec<Lab>,
    /// Labs covered only at the high end of the estimates.
    pub possible: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The counts' line under the big numbers.
fn detail(c: &RegimeCounts, regime: Regime) -> String {
    let ranged = c.models_low != c.models_high || c.developers_low != c.developers_high;
    let mut parts = Vec::new();
    if ranged {
        parts.push(format!(
            "range {}, {}",
            crate::presentation::range_words(c.developers_low, c.developers_high, "lab", "labs"),
            crate::presentation::range_words(c.models_low, c.models_high, "model", "models")
        ));
    }
    parts.push(format!(
        "{} undetermined",
        plural(c.models_undetermined, "model", "models")
    ));
    // The overlap grids count rows: say both of the card's counts in rows
    // too, so that they can be found there (a journalist tester saw "41
    // models undetermined" beside a grid column of 44).
    if regime == Regime::Eu
        && (c.rows_in != c.models_in || c.rows_undetermined != c.models_undetermined)
    {
        parts.push(format!(
            "as Epoch lists them, {} covered and {} undetermined (a model's versions and own fine-tunes apart)",
            plural(c.rows_in, "row", "rows"),
            c.rows_undetermined
        ));
    }
    parts.join("; ")
}

/// The US definition in a line: the compute test (with its lower threshold
/// for biological-sequence models), the capability test, how they combine,
/// the cost test, and then the fine-tune rule. Every test the rules apply
/// is named: two presets with one compute threshold and different counts
/// (SB 53 and RAISE style) must not read alike (a policy analyst tester's
/// find).
pub fn us_definition(scenario: &Scenario) -> String {
    let us = &scenario.us;
    let mut compute = format!(
        "more than {} of training compute",
        format::flop(us.compute_threshold_flop)
    );
    // As `rules::us::compute_threshold` reads it: only a lower figure
    // applies, to a model Epoch lists in the Biology domain.
    if let Some(bio) = us
        .biology_threshold_flop
        .filter(|bio| *bio < us.compute_threshold_flop)
    {
        compute.push_str(&format!(
            " (more than {} for a model trained primarily on biological sequence data, read as Epoch's domain Biology alone)",
            format::flop(bio)
        ));
    }
    // With what a model without a score gets (`rules::us::capability_check`).
    let capability = us.capability.map(|c| {
        let missing = match (c.unscored, c.metric, scenario.use_estimates) {
            (Unscored::Below, ..) => "a model without one counts as below",
            (Unscored::Undetermined, CapabilityMetric::Eci, true) => {
                "a missing score is estimated from compute and date"
            }
            (Unscored::Undetermined, ..) => "a model without one is undetermined",
        };
        match c.metric {
            CapabilityMetric::Eci => format!(
                "an ECI score of {} or more ({missing})",
                format::score(c.threshold)
            ),
            CapabilityMetric::Cybench => format!(
                "a Cybench score of {}% or more ({missing})",
                format::score(c.threshold)
            ),
        }
    });
    // How the tests combine; the score test only where it is combined.
    let scored = match (us.combine, capability.is_some()) {
        (Combine::ComputeOnly, _) | (_, false) => Scored::No,
        (Combine::CapabilityOnly, true) => Scored::Only,
        (Combine::Either | Combine::Both, true) => Scored::Beside,
    };
    let line = match (us.combine, capability) {
        (Combine::CapabilityOnly, Some(cap)) => cap,
        (Combine::Either, Some(cap)) => format!("{compute}, or {cap}"),
        (Combine::Both, Some(cap)) => format!("{compute} and {cap}"),
        _ => compute,
    };
    // The cost test applies whatever passed (`rules::us::tests`).
    let cost = us.cost_threshold_usd.map_or(String::new(), |usd| {
        let lead = if us.combine == Combine::Either && scored == Scored::Beside {
            "; either way, "
        } else {
            ", and "
        };
        format!(
            "{lead}a training cost over {} (Epoch's estimates, 2023 dollars)",
            format::usd(usd)
        )
    });
    format!(
        "{}{cost}. {}{}",
        capitalised(&line),
        fine_tune_words(us, scored),
        fine_tune_cost_words(us, scored)
    )
}

/// With a cost test, which cost a fine-tune is judged on: its base
/// model's counted (`rules::us::cumulative_cost`) or its own
/// (`own_cost`), as `rules::us::verdict_in` picks; empty without one.
fn fine_tune_cost_words(us: &crate::scenario::UsDefinition, scored: Scored) -> &'static str {
    if us.cost_threshold_usd.is_none() {
        return "";
    }
    match us.derivatives {
        DerivativeRule::Exclude => "",
        DerivativeRule::Cumulative if !us.third_party_cumulative => " A developer's own fine-tune's cost counts its base model's; another developer's is its own.",
        // Where no compute sentence says it (the score alone), the cost
        // sentence says that counting the base's for another developer's
        // fine-tune is disputed (a second reader's find).
        DerivativeRule::Cumulative if scored == Scored::Only => " A fine-tune's cost counts its base model's (for another developer's fine-tune, a disputed reading).",
        DerivativeRule::OwnCompute { .. } => " A developer's own fine-tune's cost counts its base model's; another developer's faces no cost test here.",
        _ => " A fine-tune's cost counts its base model's.",
    }
}

/// Whether a capability test decides, and beside what.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scored {
    /// Compute only.
    No,
    /// The score alone (no compute test).
    Only,
    /// The score with the compute test (either, or both).
    Beside,
}

/// The fine-tune rule in words, as `rules::us::verdict_in` judges a row
/// with a base model: the developer's own fine-tune is a later stage of
/// its model under every rule but the first two; a score is each model's
/// own, so a rule on compute says "in the compute test" beside one.
fn fine_tune_words(us: &crate::scenario::UsDefinition, scored: Scored) -> String {
    let in_compute = if scored == Scored::Beside {
        "In the compute test, a"
    } else {
        "A"
    };
    let own = format!(
        "{in_compute} developer's own fine-tune is judged on its model's cumulative compute"
    );
    match (us.derivatives, scored) {
        (DerivativeRule::Exclude, _) => {
            "Fine-tunes, a developer's own included, are not covered.".to_string()
        }
        (DerivativeRule::Inherit, Scored::Only) => {
            "A fine-tune is covered when its base model is, or on its own score.".to_string()
        }
        (DerivativeRule::Inherit, _) => "A fine-tune is covered when its base model is, or on its own figures (its compute as Epoch records it, base included).".to_string(),
        (DerivativeRule::OwnCompute { .. }, Scored::Only) => "A fine-tune is judged on its own score, and another developer's is covered only when its base model is (SB 1047's $10M fine-tune cost test is not modelled).".to_string(),
        (_, Scored::Only) => "A fine-tune is judged on its own score, as any model.".to_string(),
        // policy.md: whether SB 53 counts another developer's fine-tune
        // this way "is disputed" (a compliance tester's find: the line
        // read as settled).
        (DerivativeRule::Cumulative, _) if us.third_party_cumulative => format!(
            "{in_compute} fine-tune is judged on its base model's compute plus its own (for another developer's fine-tune, a disputed reading)."
        ),
        (DerivativeRule::Cumulative, _) => {
            format!("{own}; another developer's, on its own fine-tuning compute.")
        }
        (DerivativeRule::SubstantialModification { fraction }, _) => format!(
            "{own}; another developer's counts when it used more than {} of the original model's compute and the total passes.",
            format::fraction_words(fraction)
        ),
        (DerivativeRule::OwnCompute { threshold_flop }, _) => format!(
            "{own}; another developer's, on its own compute, {} or more (SB 1047's $10M fine-tune cost test is not modelled). Another developer's fine-tune is covered only when its base model is.",
            format::flop(threshold_flop)
        ),
    }
}

/// The compared EU tier in a line, with whether its obligations (and
/// fines) applied at the as-of date (policy.md, "Dates"): a card counted
/// at 2025-01-01 read as if the Act bound then (a policy analyst tester's
/// find).
pub fn eu_definition(scenario: &Scenario) -> String {
    use crate::settings::policy::{EU_FINES_DATE, EU_LEGACY_DEADLINE, EU_OBLIGATIONS_DATE};
    // A model on the market before the obligations applied has until the
    // legacy deadline (policy.md; `rules::eu` says it row by row).
    let legacy = "; a model on the market before 2 Aug 2025 has until 2 Aug 2027";
    let when = if scenario.as_of < EU_OBLIGATIONS_DATE {
        format!(
            ". On {}, before its obligations applied (from 2 Aug 2025)",
            scenario.as_of
        )
    } else if scenario.as_of < EU_FINES_DATE {
        format!(
            ". On {}, its obligations applied; fines only from 2 Aug 2026{legacy}",
            scenario.as_of
        )
    } else if scenario.as_of < EU_LEGACY_DEADLINE {
        format!(". On {}, its obligations applied{legacy}", scenario.as_of)
    } else {
        String::new()
    };
    // A sentence, as the US line's are.
    format!("{}{when}.", tier_words(scenario))
}

fn tier_words(scenario: &Scenario) -> String {
    match scenario.eu.compare {
        EuTier::SystemicRisk => {
            let presumed = format!(
                "General-purpose AI models trained with more than {}: presumed systemic risk",
                format::flop(scenario.eu.systemic_threshold_flop)
            );
            // The designation what-if (Art. 51(1)(b)) adds models below it.
            match scenario.eu.designation_eci {
                Some(eci) => format!(
                    "{presumed}; or designated by the Commission (what-if: an ECI of {} or more)",
                    format::score(eci)
                ),
                None => presumed,
            }
        }
        // Guidelines sec. 2.1: an indicative criterion, with generality.
        EuTier::Gpai => format!(
            "General-purpose AI (GPAI) models, by the guidelines' indicative criterion: more than {} of training compute, generating language, or images or video from text",
            format::flop(scenario.eu.gpai_threshold_flop)
        ),
    }
}

/// The two cards, US first.
pub fn cards(summary: &Summary, labs: &Labs, scenario: &Scenario) -> [Card; 2] {
    let card =
        |regime, title, definition, c: &RegimeCounts, named: &crate::labs::RegimeLabs| Card {
            regime,
            title,
            definition,
            estimated: c.models_low != c.models_high || c.developers_low != c.developers_high,
            labs: c.developers_in,
            models: c.models_in,
            detail: detail(c, regime),
            named: named.covered.clone(),
            possible: named.possible.clone(),
        };
    let eu_title = match scenario.eu.compare {
        EuTier::SystemicRisk => "EU AI Act: systemic-risk tier",
        EuTier::Gpai => "EU AI Act: all GPAI models",
    };
    [
        card(
            Regime::Us,
            "US candidate definition",
            us_definition(scenario),
            &summary.us,
            &labs.us,
        ),
        card(
            Regime::Eu,
            eu_title,
            eu_definition(scenario),
            &summary.eu,
            &labs.eu,
        ),
    ]
}

/// The big line of a card in words, for a screen reader or a summary bar:
/// "about 3 labs, 6 models".
pub fn big_words(card: &Card) -> String {
    format!(
        "{}{}, {}",
        if card.estimated { "about " } else { "" },
        plural(card.labs, "lab", "labs"),
        plural(card.models, "model", "models")
    )
}

/// One lab as listed: "OpenAI (3)", with "~" when it is in only on a
/// central estimate.
pub fn lab_words(lab: &Lab) -> String {
    format!(
        "{}{} ({})",
        if lab.sure { "" } else { "~" },
        lab.name,
        lab.models
    )
}

/// Under the cards' heading: the date the counts are of, and, after the
/// data's snapshot, that models published since are not in it.
pub fn as_of_words(as_of: crate::date::IsoDate) -> String {
    let snapshot = crate::embed::DATA_SNAPSHOT;
    if as_of > snapshot {
        format!(
            "Models published by {as_of} (the as-of date). The data (Epoch AI) runs to its snapshot of {snapshot}: a model published since is not counted."
        )
    } else {
        format!("Models published by {as_of} (the as-of date), from Epoch AI's data (snapshot of {snapshot}).")
    }
}

/// Said after the labs when their counts add up to more than the card's
/// models: a model (an EU lifecycle) with rows under two lead developers
/// counts for each of them, once in the total.
pub fn shared_words(card: &Card) -> Option<&'static str> {
    let listed: usize = card.named.iter().map(|lab| lab.models).sum();
    (listed > card.models).then_some(" (a model with rows under two labs counts for each)")
}

/// The line of labs covered only at the high end: "Possibly also, at the
/// high end of the estimates: Anthropic, Meta." `None` when there is none.
pub fn possible_words(card: &Card) -> Option<String> {
    (!card.possible.is_empty()).then(|| {
        format!(
            "Possibly also, at the high end of the estimates: {}.",
            card.possible.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::evaluate::evaluate;
    use crate::labs::labs;
    use crate::presets::{self, DEFAULT_AS_OF};
    use crate::scenario::CapabilityThreshold;

    fn default_cards() -> [Card; 2] {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::default_view(DEFAULT_AS_OF).unwrap();
        let assessment = evaluate(&catalog, &scenario);
        let named = labs(&catalog, &assessment.verdicts);
        cards(&assessment.summary, &named, &scenario)
    }

    #[test]
    fn the_as_of_line_says_when_the_data_ends() {
        let snapshot = crate::embed::DATA_SNAPSHOT;
        let later = crate::date::IsoDate::parse("2026-11-27").unwrap();
        assert!(later > snapshot);
        let words = as_of_words(later);
        assert!(words.contains("2026-11-27") && words.contains(&snapshot.to_string()));
        assert!(words.contains("not counted"), "{words}");
        let earlier = crate::date::IsoDate::parse("2025-06-30").unwrap();
        assert!(!as_of_words(earlier).contains("not counted"));
        assert!(!as_of_words(snapshot).contains("not counted"));
    }

    #[test]
    fn labs_that_add_up_to_more_than_the_models_say_why() {
        for card in default_cards() {
            let listed: usize = card.named.iter().map(|lab| lab.models).sum();
            assert!(listed >= card.models, "{listed} < {}", card.models);
            assert_eq!(shared_words(&card).is_some(), listed > card.models);
        }
        // The default view's EU card has one: Meta's Llama 3.1-70B, whose
        // lifecycle has a row under NVIDIA (Epoch lists Meta among its organisations).
        let [us, eu] = default_cards();
        assert!(shared_words(&eu).is_some());
        assert!(shared_words(&us).is_none());
    }

    #[test]
    fn the_cards_carry_the_summary_s_counts() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::default_view(DEFAULT_AS_OF).unwrap();
        let assessment = evaluate(&catalog, &scenario);
        let s = assessment.summary;
        let [us, eu] = default_cards();
        assert_eq!((us.labs, us.models), (s.us.developers_in, s.us.models_in));
        assert_eq!((eu.labs, eu.models), (s.eu.developers_in, s.eu.models_in));
        assert_eq!(us.named.len(), us.labs);
        assert!(us
            .detail
            .contains(&format!("{} models undetermined", s.us.models_undetermined)));
        assert!(
            eu.detail.contains(&format!(
                "as Epoch lists them, {} rows covered and {} undetermined",
                s.eu.rows_in, s.eu.rows_undetermined
            )),
            "{}",
            eu.detail
        );
        assert_ne!(s.eu.rows_undetermined, s.eu.models_undetermined);
        // Estimates are on in the default view: the counts are "about".
        assert!(us.estimated && big_words(&us).starts_with("about "));
    }

    #[test]
    fn the_us_line_says_how_the_tests_combine() {
        let mut s = presets::default_view(DEFAULT_AS_OF).unwrap();
        s.us.compute_threshold_flop = 1e26;
        s.us.capability = None;
        s.us.combine = Combine::ComputeOnly;
        assert_eq!(
            us_definition(&s),
            "More than 1 × 10²⁶ FLOP of training compute. A fine-tune is judged on its base model's compute plus its own (for another developer's fine-tune, a disputed reading)."
        );
        s.us.capability = Some(CapabilityThreshold {
            metric: CapabilityMetric::Eci,
            threshold: 150.0,
            unscored: Default::default(),
        });
        s.us.combine = Combine::Either;
        assert_eq!(
            us_definition(&s),
            "More than 1 × 10²⁶ FLOP of training compute, or an ECI score of 150 or more (a missing score is estimated from compute and date). In the compute test, a fine-tune is judged on its base model's compute plus its own (for another developer's fine-tune, a disputed reading)."
        );
        s.us.combine = Combine::CapabilityOnly;
        s.us.derivatives = DerivativeRule::Exclude;
        assert_eq!(
            us_definition(&s),
            "An ECI score of 150 or more (a missing score is estimated from compute and date). Fine-tunes, a developer's own included, are not covered."
        );
    }

    /// A policy analyst tester's find: the SB 53, RAISE and SB 1047 style
    /// presets all read "More than 1 × 10²⁶ FLOP of training compute" and
    /// EO 14110's too, with different counts. Every test the rules apply
    /// is in the line, and every fine-tune rule reads apart.
    #[test]
    fn the_us_line_names_every_test_the_rules_apply() {
        let line = |id: &str| us_definition(&presets::find(id, DEFAULT_AS_OF).unwrap().scenario);
        let lines: Vec<String> = ["sb53", "raise", "sb1047", "eo14110", "eu-ai-act"]
            .iter()
            .map(|id| line(id))
            .collect();
        for (i, a) in lines.iter().enumerate() {
            for b in &lines[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert!(
            lines[1].contains(", and a training cost over $100M"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].contains(", and a training cost over $100M"),
            "{}",
            lines[2]
        );
        assert!(!lines[0].contains("cost"), "{}", lines[0]);
        assert!(
            lines[3].contains("(more than 1 × 10²³ FLOP for a model trained primarily on biological sequence data, read as Epoch's domain Biology alone)"),
            "{}",
            lines[3]
        );
        assert!(
            lines[3].ends_with("Fine-tunes, a developer's own included, are not covered."),
            "{}",
            lines[3]
        );
        assert!(
            lines[2].contains("another developer's, on its own compute, 3 × 10²⁵ FLOP or more (SB 1047's $10M fine-tune cost test is not modelled). Another developer's fine-tune is covered only when its base model is. A developer's own fine-tune's cost counts its base model's; another developer's faces no cost test here."),
            "{}",
            lines[2]
        );
        assert!(
            lines[4].contains("more than one third of the original model's compute"),
            "{}",
            lines[4]
        );
        // A biology threshold above the compute threshold is not applied
        // (rules::us::compute_threshold), so it is not said.
        let mut s = presets::find("eo14110", DEFAULT_AS_OF).unwrap().scenario;
        s.us.compute_threshold_flop = 1e22;
        assert!(!us_definition(&s).contains("biological"));
        // Another developer's fine-tune without the base's compute.
        s.us.derivatives = DerivativeRule::Cumulative;
        s.us.third_party_cumulative = false;
        assert!(
            us_definition(&s).ends_with("A developer's own fine-tune is judged on its model's cumulative compute; another developer's, on its own fine-tuning compute."),
            "{}",
            us_definition(&s)
        );
    }

    /// A second reader's finds: where a score decides, the fine-tune rule
    /// (a rule on compute) says so, and a cost test beside "either" reads
    /// as applying to both.
    #[test]
    fn the_us_line_says_what_a_score_changes_for_fine_tunes() {
        let mut s = presets::find("broad", DEFAULT_AS_OF).unwrap().scenario;
        // Capability only: the compute rules drop out (rules::us::tests).
        s.us.combine = Combine::CapabilityOnly;
        for (rule, words) in [
            (DerivativeRule::Cumulative, "A fine-tune is judged on its own score, as any model."),
            (
                DerivativeRule::SubstantialModification { fraction: 1.0 / 3.0 },
                "A fine-tune is judged on its own score, as any model.",
            ),
            (
                DerivativeRule::OwnCompute { threshold_flop: 3e25 },
                "A fine-tune is judged on its own score, and another developer's is covered only when its base model is (SB 1047's $10M fine-tune cost test is not modelled).",
            ),
            (
                DerivativeRule::Inherit,
                "A fine-tune is covered when its base model is, or on its own score.",
            ),
            (
                DerivativeRule::Exclude,
                "Fine-tunes, a developer's own included, are not covered.",
            ),
        ] {
            s.us.derivatives = rule;
            let line = us_definition(&s);
            assert!(line.ends_with(words), "{line}");
            assert!(!line.contains("FLOP"), "{line}");
        }
        // Either, with a cost test: the cost applies to both branches.
        s.us.combine = Combine::Either;
        s.us.cost_threshold_usd = Some(1e8);
        s.us.derivatives = DerivativeRule::SubstantialModification {
            fraction: 1.0 / 3.0,
        };
        let line = us_definition(&s);
        assert!(
            line.contains("or an ECI score of 140 or more (a model without one counts as below); either way, a training cost over $100M"),
            "{line}"
        );
        assert!(
            line.contains(". In the compute test, a developer's own fine-tune"),
            "{line}"
        );
        s.us.combine = Combine::Both;
        let line = us_definition(&s);
        assert!(
            line.contains("and an ECI score of 140 or more (a model without one counts as below), and a training cost over $100M"),
            "{line}"
        );
        assert!(
            line.ends_with(" A fine-tune's cost counts its base model's."),
            "{line}"
        );
        // Another developer's fine-tune costed on its own figure.
        s.us.derivatives = DerivativeRule::Cumulative;
        s.us.third_party_cumulative = false;
        assert!(
            us_definition(&s).ends_with("A developer's own fine-tune's cost counts its base model's; another developer's is its own."),
            "{}",
            us_definition(&s)
        );
        // What a model without a score gets, as rules::us::capability_check.
        let mut cap = s.us.capability.unwrap();
        cap.unscored = Unscored::Undetermined;
        s.us.capability = Some(cap);
        s.use_estimates = true;
        assert!(us_definition(&s).contains("(a missing score is estimated from compute and date)"));
        s.use_estimates = false;
        assert!(us_definition(&s).contains("(a model without one is undetermined)"));
        cap.metric = CapabilityMetric::Cybench;
        s.us.capability = Some(cap);
        s.use_estimates = true;
        assert!(
            us_definition(&s)
                .contains("a Cybench score of 140% or more (a model without one is undetermined)"),
            "{}",
            us_definition(&s)
        );
    }

    #[test]
    fn the_eu_line_says_when_its_obligations_and_fines_applied() {
        let mut s = presets::find("eu-ai-act", DEFAULT_AS_OF).unwrap().scenario;
        let at = |s: &mut Scenario, date: &str| {
            s.as_of = crate::date::IsoDate::parse(date).unwrap();
            eu_definition(s)
        };
        assert!(
            at(&mut s, "2025-01-01").ends_with(
                "presumed systemic risk. On 2025-01-01, before its obligations applied (from 2 Aug 2025)."
            ),
            "{}",
            eu_definition(&s)
        );
        assert!(at(&mut s, "2025-08-01").contains("before its obligations applied"));
        let legacy = "; a model on the market before 2 Aug 2025 has until 2 Aug 2027";
        assert!(
            at(&mut s, "2025-08-02").ends_with(&format!(
                ". On 2025-08-02, its obligations applied; fines only from 2 Aug 2026{legacy}."
            )),
            "{}",
            eu_definition(&s)
        );
        assert!(at(&mut s, "2026-08-01").contains("fines only from 2 Aug 2026"));
        assert!(
            at(&mut s, "2026-08-02").ends_with(&format!(
                "presumed systemic risk. On 2026-08-02, its obligations applied{legacy}."
            )),
            "{}",
            eu_definition(&s)
        );
        assert!(at(&mut s, "2027-08-01").ends_with(&format!("{legacy}.")));
        assert!(at(&mut s, "2027-08-02").ends_with("presumed systemic risk."));
    }

    #[test]
    fn the_eu_line_names_designation_and_the_gpai_criterion() {
        let mut s = presets::find("eu-ai-act", DEFAULT_AS_OF).unwrap().scenario;
        // After every date of policy.md's: the tier alone.
        s.as_of = crate::date::IsoDate::parse("2027-09-01").unwrap();
        assert_eq!(
            eu_definition(&s),
            "General-purpose AI models trained with more than 1 × 10²⁵ FLOP: presumed systemic risk."
        );
        // A tester's find: the designation what-if moved the count, not the line.
        s.eu.designation_eci = Some(140.0);
        assert_eq!(
            eu_definition(&s),
            "General-purpose AI models trained with more than 1 × 10²⁵ FLOP: presumed systemic risk; or designated by the Commission (what-if: an ECI of 140 or more)."
        );
        s.eu.compare = EuTier::Gpai;
        let gpai = eu_definition(&s);
        assert!(gpai.contains("indicative criterion"), "{gpai}");
        assert!(gpai.contains("more than 1 × 10²³ FLOP"), "{gpai}");
        assert!(gpai.contains("generating language"), "{gpai}");
    }

    #[test]
    fn a_lab_in_only_on_an_estimate_is_marked() {
        let lab = |sure| Lab {
            name: "Lab".into(),
            models: 2,
            sure,
        };
        assert_eq!(lab_words(&lab(true)), "Lab (2)");
        assert_eq!(lab_words(&lab(false)), "~Lab (2)");
    }
}
