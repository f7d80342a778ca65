//! The candidate US definition. The executive order of 2 June 2026 leaves
//! "covered frontier model" undefined (policy.md, "Scope is undefined"), so
//! every threshold here comes from the user's `UsDefinition`; the presets
//! borrow them from the precedents policy.md lists.

use serde::Serialize;

use super::eu::original_tier;
use super::{
    more_than_sign, range_of, same_provider, share_range_words, share_test, ComputeFigure, Judge,
    LifecycleLink, Reading, Test,
};
use crate::catalog::{Catalog, Model};
use crate::format;
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, Scenario, Unscored,
    UsDefinition,
};

/// Whether a model would be a "covered frontier model".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UsStatus {
    /// Covered.
    In,
    /// Not covered.
    Out,
    /// The public data cannot tell (for example, compute undisclosed).
    Undetermined,
}

impl From<Test> for UsStatus {
    fn from(test: Test) -> UsStatus {
        match test {
            Test::Pass => UsStatus::In,
            Test::Fail => UsStatus::Out,
            Test::Unknown => UsStatus::Undetermined,
        }
    }
}

impl UsStatus {
    /// The status as a test result.
    pub fn test(self) -> Test {
        match self {
            UsStatus::In => Test::Pass,
            UsStatus::Out => Test::Fail,
            UsStatus::Undetermined => Test::Unknown,
        }
    }

    /// "in", "out" or "undetermined".
    pub fn label(self) -> &'static str {
        match self {
            UsStatus::In => "in",
            UsStatus::Out => "out",
            UsStatus::Undetermined => "undetermined",
        }
    }
}

/// The US verdict for one model, with what decided it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UsVerdict {
    /// In, out or undetermined.
    pub status: UsStatus,
    /// Why.
    pub reason: UsReason,
}

/// What decided a US verdict.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum UsReason {
    /// A derivative under the "exclude" rule.
    DerivativeExcluded {
        /// Catalog index of the base model.
        base: usize,
    },
    /// A derivative under the "inherit" rule: in when its base is, or when
    /// it passes the definition on its own figures.
    Inherited {
        /// Catalog index of the base model.
        base: usize,
        /// The base model's status.
        base_status: UsStatus,
        /// The definition's tests on the derivative's own figures.
        own: UsTests,
    },
    /// The definition's tests, each present when the definition uses it.
    Tests(UsTests),
}

/// The tests a definition applies to one model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UsTests {
    /// The compute test (absent under "capability only").
    pub compute: Option<ComputeCheck>,
    /// The substantial-modification share test for derivatives.
    pub modification: Option<ModificationCheck>,
    /// For a fine-tune judged on its own compute (SB 1047 style): whether
    /// its base is a covered model.
    pub covered_base: Option<BaseCheck>,
    /// The capability test (absent under "compute only").
    pub capability: Option<CapabilityCheck>,
    /// The training-cost test (RAISE style), when set.
    pub cost: Option<CostCheck>,
}

/// Which compute a test looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComputeBasis {
    /// A model trained from scratch: its training compute.
    Training,
    /// A derivative: base plus fine-tune compute.
    Cumulative,
    /// A derivative: the fine-tune's own compute.
    FineTuneOnly,
    /// Another developer's fine-tune, the base model's compute not counted.
    ThirdPartyOwn,
    /// The developer's own fine-tune: its model's cumulative compute.
    Lifecycle,
}

/// A compute test: figure, threshold, outcome.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ComputeCheck {
    /// Which compute.
    pub basis: ComputeBasis,
    /// What is known of it.
    pub figure: ComputeFigure,
    /// The threshold in FLOP.
    pub threshold_flop: f64,
    /// Whether the threshold is the lower one for biological-sequence models.
    pub biology: bool,
    /// The outcome.
    pub outcome: Test,
}

/// A substantial-modification share test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ModificationCheck {
    /// Catalog index of the original it is measured against: the base
    /// model, or what that base modifies when it made no new model.
    pub original: usize,
    /// Fine-tune compute in FLOP, where known.
    pub finetune_flop: Option<f64>,
    /// Base model compute in FLOP, where known.
    pub base_flop: Option<f64>,
    /// The ends of the base's figure, where it is a range.
    pub base_range: Option<(f64, f64)>,
    /// The share of the base's compute the fine-tune must exceed.
    pub fraction: f64,
    /// The outcome.
    pub outcome: Test,
    /// Where the base's compute is undisclosed, the lower bound the data
    /// gives for it when that bound, not the fallback, decided the outcome
    /// (`rules::bound_deciding`), in FLOP.
    pub bound_decided: Option<super::DecidingBound>,
    /// For an undisclosed original, its tier and the EU's GPAI and
    /// systemic-risk thresholds, which the fallback reads (for printing the
    /// fine-tuning on the right side of the line that decides).
    pub fallback: (super::OriginalTier, (f64, f64)),
}

/// Whether a derivative's base is itself covered.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BaseCheck {
    /// Catalog index of the base model.
    pub base: usize,
    /// Its status under the same definition.
    pub status: UsStatus,
}

/// A capability test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CapabilityCheck {
    /// Which benchmark.
    pub metric: CapabilityMetric,
    /// The model's score, where it has one (or its estimate's central value).
    pub score: Option<f64>,
    /// For a score estimated from compute and date: its interval.
    pub estimated: Option<(f64, f64)>,
    /// How far the score may be from the truth, in points either side (ECI).
    pub margin: f64,
    /// The threshold.
    pub threshold: f64,
    /// The outcome.
    pub outcome: Test,
}

/// What is known of a model's training cost.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CostFigure {
    /// Epoch's estimate, in US dollars.
    Known {
        /// The cost.
        usd: f64,
    },
    /// At least this much: what its base model (or the fine-tune alone) cost.
    AtLeast {
        /// The lower bound.
        usd: f64,
    },
    /// No estimate.
    Unknown,
}

/// A training-cost test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CostCheck {
    /// What is known of the cost.
    pub figure: CostFigure,
    /// The threshold in US dollars.
    pub threshold_usd: f64,
    /// The outcome.
    pub outcome: Test,
}

/// Judges one model against the candidate US definition.
pub fn verdict(catalog: &Catalog, index: usize, scenario: &Scenario) -> UsVerdict {
    Judge::new(catalog, scenario).us(index)
}

/// [`verdict`], with `j`'s memo.
pub(crate) fn verdict_in(j: &Judge, index: usize) -> UsVerdict {
    let (catalog, scenario) = (j.catalog, j.scenario);
    let model = &catalog.models[index];
    let us = &scenario.us;
    let parts = j.parts(index);
    let threshold = compute_threshold(model, us);
    let Some(base) = model.base else {
        let check = compute_check(ComputeBasis::Training, parts.cumulative, threshold, j);
        return judge(j, index, check, None, Some(own_cost(model)));
    };
    // Another developer's fine-tune, or the developer's own: its own
    // fine-tune of its model (see `rules::lifecycles`), or of a
    // modification of its model that made no new model (traced as the EU's
    // one-third rule traces it).
    let own = own_fine_tune(model);
    // The developer's own fine-tune is judged with its model's cumulative
    // compute and cost, as a later stage of that model (SB 53 counts "any
    // subsequent fine-tuning ... the developer applies"; GPAI guidelines
    // sec. 2.2 treat it as the same model). Used by every rule below that
    // distinguishes who made the derivative.
    let on_cumulative = |basis: ComputeBasis| {
        let check = compute_check(basis, parts.cumulative, threshold, j);
        judge(j, index, check, None, Some(cumulative_cost(catalog, model)))
    };
    let lifecycle = || on_cumulative(ComputeBasis::Lifecycle);
    // Derivative rules: policy.md, "How derivatives can be treated".
    match us.derivatives {
        // "exclude": never in scope; only models trained from scratch are assessed.
        DerivativeRule::Exclude => UsVerdict {
            status: UsStatus::Out,
            reason: UsReason::DerivativeExcluded { base },
        },
        // "inherit": in scope when its base model is, or when it passes the
        // definition on its own figures (its cumulative compute, as Epoch
        // records a fine-tune's, its own score and cost).
        DerivativeRule::Inherit => {
            let base_status = j.us(base).status;
            let check = compute_check(ComputeBasis::Cumulative, parts.cumulative, threshold, j);
            let (own, own_tests) =
                tests(j, index, check, None, Some(cumulative_cost(catalog, model)));
            UsVerdict {
                status: base_status.test().or(own).into(),
                reason: UsReason::Inherited {
                    base,
                    base_status,
                    own: own_tests,
                },
            }
        }
        // "cumulative" (SB 53 style): base plus fine-tune compute passes the
        // threshold. SB 53 counts the developer's own modifications; for
        // another developer's fine-tune it is disputed (policy.md), so the
        // scenario says whether the base's compute (and cost) counts.
        DerivativeRule::Cumulative if own => lifecycle(),
        DerivativeRule::Cumulative if !us.third_party_cumulative => {
            let figure = parts
                .finetune_flop
                .map_or(ComputeFigure::Undisclosed, ComputeFigure::reported_flop);
            let check = compute_check(ComputeBasis::ThirdPartyOwn, figure, threshold, j);
            judge(j, index, check, None, Some(own_cost(model)))
        }
        DerivativeRule::Cumulative => on_cumulative(ComputeBasis::Cumulative),
        // "substantial modification" (EU style): the developer's own
        // fine-tune is part of its model's lifecycle; another developer's
        // counts when it used more than `fraction` of the original's compute
        // (the guidelines' one-third test, fallback included: one
        // implementation for both regimes) and the result passes the threshold.
        DerivativeRule::SubstantialModification { .. } if own => lifecycle(),
        DerivativeRule::SubstantialModification { fraction } => {
            let original = traced_original(j, base, fraction);
            // The original's own developer fine-tuning a modification of its
            // model that made no new model: its own later fine-tune.
            if original != base && same_provider(model, &catalog.models[original]).is_some() {
                return lifecycle();
            }
            let modification = modification_check(j, index, original, fraction);
            let check = compute_check(ComputeBasis::Cumulative, parts.cumulative, threshold, j);
            judge(
                j,
                index,
                check,
                Some(modification),
                Some(cumulative_cost(catalog, model)),
            )
        }
        // "own compute" (SB 1047 style): the developer's own fine-tune of
        // its model stays that model (judged on cumulative compute); another
        // developer's fine-tune "of a covered model" is covered when its own
        // compute is "3e25 or more" (at or above). SB 1047's $10M fine-tune
        // cost test is not modelled: the data has no fine-tuning costs.
        DerivativeRule::OwnCompute { .. } if own => lifecycle(),
        DerivativeRule::OwnCompute { threshold_flop } => {
            let finetune = parts.finetune_flop;
            let check = ComputeCheck {
                basis: ComputeBasis::FineTuneOnly,
                figure: finetune.map_or(ComputeFigure::Undisclosed, ComputeFigure::reported_flop),
                threshold_flop,
                biology: false,
                outcome: finetune.map_or(Test::Unknown, |f| Test::from_bool(f >= threshold_flop)),
            };
            let base_status = j.us(base).status;
            let mut verdict = judge(j, index, check, None, None);
            if let UsReason::Tests(tests) = &mut verdict.reason {
                tests.covered_base = Some(BaseCheck {
                    base,
                    status: base_status,
                });
            }
            verdict.status = base_status.test().and(verdict.status.test()).into();
            verdict
        }
    }
}

/// Whether a fine-tune is its developer's own (the same provider as its
/// base: see `rules::lifecycles`), judged as a later stage of that model.
fn own_fine_tune(model: &Model) -> bool {
    matches!(
        model.lifecycle_link,
        Some((_, LifecycleLink::FineTune { .. }))
    )
}

/// The substantial-modification share test of `index` against `original`:
/// the guidelines' one-third test (`rules::modification_makes_new_model`,
/// the EU's own function), with the US fraction; the fallback for an
/// undisclosed original reads the original's EU tier, as the guidelines do.
fn modification_check(
    j: &Judge,
    index: usize,
    original: usize,
    fraction: f64,
) -> ModificationCheck {
    let finetune_flop = j.parts(index).finetune_flop;
    let figure = j.parts(original).cumulative.share_reference();
    j.note_range(figure.is_range());
    let eu = &j.scenario.eu;
    let rule = (
        original_tier(j, index, original),
        fraction,
        (eu.gpai_threshold_flop, eu.systemic_threshold_flop),
    );
    let (outcome, bound_decided) = share_test(finetune_flop, figure, j.reading, rule);
    ModificationCheck {
        original,
        finetune_flop,
        base_flop: figure.reported(),
        base_range: range_of(figure),
        fraction,
        outcome,
        bound_decided,
        fallback: (rule.0, rule.2),
    }
}

/// The original a US "substantial modification" is measured against: its
/// base, or, when that base is another developer's modification that did
/// not pass the share test itself (under this definition's fraction), what
/// that base modifies, traced back as the EU traces a modification that
/// made no new model.
fn traced_original(j: &Judge, base: usize, fraction: f64) -> usize {
    let mut current = base;
    while let Some(next) = j.catalog.models[current].base {
        if own_fine_tune(&j.catalog.models[current]) {
            break;
        }
        let original = traced_original(j, next, fraction);
        let check = modification_check(j, current, original, fraction);
        if check.outcome != Test::Fail {
            break;
        }
        current = original;
    }
    current
}

/// The capability test. A score "at or above" the threshold passes (this
/// tool's convention: policy.md names the proxies, not a comparison). An
/// ECI score is uncertain by the scenario's margin either way, so a score
/// within it of the threshold is borderline; a missing ECI score is
/// estimated from compute and date when estimates are on
/// (data/ESTIMATES.md). Otherwise, without a score the test is
/// undetermined, unless the user chose to count unscored models as below.
fn capability_check(j: &Judge, index: usize, cap: CapabilityThreshold) -> CapabilityCheck {
    let model = &j.catalog.models[index];
    let estimate = || {
        let e = j.estimates.as_ref()?.eci[index].as_ref()?;
        Some((e.central, e.low, e.high))
    };
    let (score, estimated, margin) = match cap.metric {
        // Only versions released by the as-of date had a score then.
        CapabilityMetric::Eci => match model.eci_as_of(j.scenario.as_of) {
            Some(s) => (Some(s), None, j.scenario.score_margin_eci),
            // The user's "count unscored models as below" stands; otherwise
            // a missing score is estimated.
            None if cap.unscored == Unscored::Below => (None, None, 0.0),
            None => match estimate() {
                Some((central, low, high)) => (Some(central), Some((low, high)), 0.0),
                None => (None, None, 0.0),
            },
        },
        CapabilityMetric::Cybench => (model.cybench_pct, None, 0.0),
    };
    j.note_range(estimated.is_some() || margin > 0.0);
    let at_least = |s: f64| Test::from_bool(s >= cap.threshold);
    let outcome = match (score, estimated, cap.unscored) {
        (Some(s), None, _) => match j.reading {
            Reading::Exact if s - margin >= cap.threshold => Test::Pass,
            Reading::Exact if s + margin < cap.threshold => Test::Fail,
            Reading::Exact => Test::Unknown,
            Reading::Low => at_least(s - margin),
            Reading::Central => at_least(s),
            Reading::High => at_least(s + margin),
        },
        (Some(s), Some((low, high)), _) => match j.reading {
            Reading::Exact => Test::Unknown,
            Reading::Low => at_least(low),
            Reading::Central => at_least(s),
            Reading::High => at_least(high),
        },
        (None, _, Unscored::Below) => Test::Fail,
        (None, _, Unscored::Undetermined) => Test::Unknown,
    };
    CapabilityCheck {
        metric: cap.metric,
        score,
        estimated,
        margin,
        threshold: cap.threshold,
        outcome,
    }
}

/// Whether a model counts as "trained primarily on biological sequence
/// data" (EO 14110 sec. 4.2(b)): Epoch's domain "Biology", alone, is this
/// tool's proxy.
pub fn biological(model: &Model) -> bool {
    model.domain.trim().eq_ignore_ascii_case("biology")
}

/// The compute threshold a model faces, and whether it is the biology one.
/// EO 14110 sec. 4.2(b): "more than 1e23 if trained primarily on biological
/// sequence data".
fn compute_threshold(model: &Model, us: &UsDefinition) -> (f64, bool) {
    let biological = biological(model);
    match us.biology_threshold_flop {
        Some(bio) if biological && bio < us.compute_threshold_flop => (bio, true),
        _ => (us.compute_threshold_flop, false),
    }
}

fn compute_check(
    basis: ComputeBasis,
    figure: ComputeFigure,
    (threshold_flop, biology): (f64, bool),
    j: &Judge,
) -> ComputeCheck {
    j.note_range(figure.is_range());
    ComputeCheck {
        basis,
        figure,
        threshold_flop,
        biology,
        outcome: figure.exceeds_at(threshold_flop, j.reading),
    }
}

/// A model's own training cost, as Epoch estimates it.
fn own_cost(model: &Model) -> CostFigure {
    model
        .cost_usd
        .map_or(CostFigure::Unknown, |usd| CostFigure::Known { usd })
}

/// The cost of a derivative with its base's, read like compute: a figure at
/// least its base's is cumulative; a smaller one is the fine-tuning alone,
/// added to the base's; with only one of the two, it is a lower bound.
fn cumulative_cost(catalog: &Catalog, model: &Model) -> CostFigure {
    let Some(base) = model.base.map(|b| &catalog.models[b]) else {
        return own_cost(model);
    };
    let base_cost = match cumulative_cost(catalog, base) {
        CostFigure::Known { usd } | CostFigure::AtLeast { usd } => Some(usd),
        CostFigure::Unknown => None,
    };
    match (model.cost_usd, base_cost) {
        (Some(own), Some(b)) if own >= b => CostFigure::Known { usd: own },
        (Some(own), Some(b)) => CostFigure::AtLeast { usd: own + b },
        (Some(usd), None) | (None, Some(usd)) => CostFigure::AtLeast { usd },
        (None, None) => CostFigure::Unknown,
    }
}

/// Applies the capability test, the combination and the cost test (`cost`
/// is `None` where the cost test does not apply).
fn judge(
    j: &Judge,
    index: usize,
    compute: ComputeCheck,
    modification: Option<ModificationCheck>,
    cost: Option<CostFigure>,
) -> UsVerdict {
    let (outcome, tests) = tests(j, index, compute, modification, cost);
    UsVerdict {
        status: outcome.into(),
        reason: UsReason::Tests(tests),
    }
}

/// [`judge`]'s outcome and the tests behind it.
fn tests(
    j: &Judge,
    index: usize,
    compute: ComputeCheck,
    modification: Option<ModificationCheck>,
    cost: Option<CostFigure>,
) -> (Test, UsTests) {
    let scenario = j.scenario;
    let us = &scenario.us;
    let compute_outcome = modification.map_or(compute.outcome, |m| m.outcome.and(compute.outcome));
    let capability = us.capability.map(|cap| capability_check(j, index, cap));
    let capability_outcome = capability.map_or(Test::Unknown, |c| c.outcome);
    let (outcome, compute, capability) = match us.combine {
        Combine::ComputeOnly => (compute_outcome, Some(compute), None),
        Combine::CapabilityOnly => (capability_outcome, None, capability),
        Combine::Either => (
            compute_outcome.or(capability_outcome),
            Some(compute),
            capability,
        ),
        Combine::Both => (
            compute_outcome.and(capability_outcome),
            Some(compute),
            capability,
        ),
    };
    let modification = compute.and(modification);
    // RAISE as signed ("more than 1e26 and compute cost over $100M") and
    // SB 1047's covered model ("over $100M training cost"). A cost is read
    // as Epoch publishes it at every reading, even where the compute figure
    // is a range: Epoch gives costs no confidence label, and this project
    // has no width of its own for them (data/README.md, "Compute
    // uncertainty"), so a cost test can hold a ranged model out, or leave
    // it undetermined, at every reading.
    let cost = us
        .cost_threshold_usd
        .zip(cost)
        .map(|(threshold_usd, figure)| CostCheck {
            figure,
            threshold_usd,
            outcome: match figure {
                CostFigure::Known { usd } => Test::from_bool(usd > threshold_usd),
                CostFigure::AtLeast { usd } if usd > threshold_usd => Test::Pass,
                _ => Test::Unknown,
            },
        });
    let outcome = cost.map_or(outcome, |c| outcome.and(c.outcome));
    (
        outcome,
        UsTests {
            compute,
            modification,
            covered_base: None,
            capability,
            cost,
        },
    )
}

impl UsVerdict {
    /// Why, in plain words (the status is [`UsVerdict::status`]):
    /// "cumulative compute 2.3 × 10²⁵ FLOP > 1 × 10²⁵ FLOP threshold".
    pub fn describe(&self, catalog: &Catalog) -> String {
        self.describe_base_as(catalog, None)
    }

    /// [`UsVerdict::describe`], with the words for the base's verdict
    /// given (an inherited base, or the own-compute rule's covered base;
    /// "likely in": how sure it is, across the estimates' readings) in
    /// place of its status at the centre.
    pub fn describe_base_as(&self, catalog: &Catalog, base_words: Option<&str>) -> String {
        match self.reason {
            UsReason::DerivativeExcluded { base } => format!(
                "fine-tune of {}; this definition excludes derivatives",
                catalog.models[base].name
            ),
            UsReason::Inherited {
                base,
                base_status,
                own,
            } => format!(
                "fine-tune of {}, which is {}; a derivative is in when its base model is, or on its own figures: {}",
                catalog.models[base].name,
                base_words.unwrap_or(base_status.label()),
                own.describe(catalog, None)
            ),
            UsReason::Tests(tests) => tests.describe(catalog, base_words),
        }
    }
}

impl UsTests {
    /// `base_words`: how sure the covered base's verdict is ("likely out",
    /// "borderline"), where it rests on an estimate or the readings
    /// disagree: said instead of its status at the centre, as the inherit
    /// rule's words say it (a tester's check read "which is borderline" in
    /// one row and "not a covered model" in the next, of the same base).
    /// The rule's condition is said beside a base that may not be covered.
    fn describe(&self, catalog: &Catalog, base_words: Option<&str>) -> String {
        let mut parts = Vec::new();
        if let Some(b) = self.covered_base {
            let name = &catalog.models[b.base].name;
            const ONLY: &str =
                "this rule covers another developer's fine-tune only when its base model is covered";
            // Every reading agrees, or the words say no more than the status.
            let sure = base_words.map_or(true, |w| w == b.status.label());
            parts.push(match (b.status, base_words) {
                (UsStatus::In, _) if sure => format!("fine-tune of {name}, a covered model"),
                (UsStatus::Out, _) if sure => {
                    format!("fine-tune of {name}, which is not a covered model ({ONLY})")
                }
                (UsStatus::Undetermined, _) if sure => {
                    format!("fine-tune of {name}, whose own status is undetermined")
                }
                (_, Some("undetermined")) => {
                    format!("fine-tune of {name}, whose own status is undetermined ({ONLY})")
                }
                (_, Some(words @ ("in" | "likely in"))) => {
                    format!("fine-tune of {name}, which is {words} as a covered model")
                }
                (_, words) => format!(
                    "fine-tune of {name}, which is {} as a covered model ({ONLY})",
                    words.unwrap_or(b.status.label())
                ),
            });
        }
        if let Some(m) = self.modification {
            let name = &catalog.models[m.original].name;
            parts.push(match (m.finetune_flop, m.base_flop) {
                (Some(f), Some(b)) if b > 0.0 => format!(
                    "another developer's fine-tune used {} {name}'s compute{}, {} {}",
                    format::share(f / b, m.fraction),
                    share_range_words(f, m.base_range),
                    more_than_sign(m.outcome),
                    format::fraction_words(m.fraction)
                ),
                (Some(f), None) if m.outcome != Test::Unknown => match m.bound_decided {
                    Some(bound) => format!(
                        "another developer's fine-tune: {}: not more than {}",
                        super::bound_words(name, bound, f, m.fraction, "its"),
                        format::fraction_words(m.fraction)
                    ),
                    None => format!(
                        "another developer's fine-tune: {name}'s compute is undisclosed, so its {} is compared with {} of the EU guidelines' fallback: {}",
                        super::fallback_figure(f, m.fallback.0, m.fraction, m.fallback.1),
                        format::fraction_words(m.fraction),
                        if m.outcome == Test::Pass { "more" } else { "not more" }
                    ),
                },
                _ => format!(
                    "another developer's fine-tune: its share of the base model's compute is unknown (counts above {})",
                    format::fraction_words(m.fraction)
                ),
            });
        }
        if let Some(c) = self.compute {
            let basis = match c.basis {
                ComputeBasis::Training => "training compute",
                ComputeBasis::Cumulative => "cumulative compute",
                ComputeBasis::FineTuneOnly => "fine-tune compute",
                ComputeBasis::ThirdPartyOwn => {
                    "another developer's fine-tune, its own compute (the base model's not counted)"
                }
                ComputeBasis::Lifecycle => {
                    "the same provider's fine-tune (its base model's developer, or an organisation Epoch lists for both), cumulative compute"
                }
            };
            let threshold = if c.biology {
                "threshold for biological-sequence models"
            } else {
                "threshold"
            };
            // A modification that is not substantial fails the compute
            // test whatever its compute: say so before the figure.
            let not_substantial = self.modification.is_some_and(|m| m.outcome == Test::Fail);
            let compared = match (c.figure, c.basis) {
                (ComputeFigure::Undisclosed, _) => format!("{basis} undisclosed"),
                (_, ComputeBasis::FineTuneOnly) => format!(
                    "{basis} {} {} {} derivative threshold",
                    c.figure.describe(),
                    match c.outcome {
                        Test::Pass => "≥",
                        Test::Fail => "<",
                        Test::Unknown => "vs",
                    },
                    format::flop(c.threshold_flop)
                ),
                _ => format!(
                    "{basis} {} {threshold}",
                    c.figure.compared_with(c.threshold_flop)
                ),
            };
            // The comparison it would have made follows, so that a figure
            // over the threshold does not read as a pass beside "out".
            // Under this rule the compute test reads only a substantial
            // modification ("fine-tune compute exceeds a fraction ... and
            // the result passes the threshold"); another test may still
            // cover it.
            parts.push(match self.modification {
                Some(_) if not_substantial => {
                    let counted = match c.outcome {
                        Test::Pass => "counted, its compute would pass",
                        Test::Fail => "counted, its compute would not pass either",
                        Test::Unknown => "counted, its compute might pass",
                    };
                    format!("so this rule does not count its compute; {counted} ({compared})")
                }
                _ => compared,
            });
        }
        if let Some(c) = self.capability {
            let (name, unit) = match c.metric {
                CapabilityMetric::Eci => ("ECI", ""),
                CapabilityMetric::Cybench => ("Cybench", "% solved"),
            };
            let sign = match c.outcome {
                Test::Pass => "≥",
                Test::Fail => "<",
                Test::Unknown => "vs",
            };
            let threshold = format!("{}{unit}", format::score(c.threshold));
            parts.push(match (c.score, c.estimated) {
                (None, _) if c.outcome == Test::Fail => format!("no {name} score, counted as below"),
                (None, _) => format!("no {name} score"),
                (Some(s), Some((low, high))) => format!(
                    "{name} ~{} (estimated from compute and date, {} to {}) {sign} {threshold}",
                    format::score(s),
                    format::score(low),
                    format::score(high)
                ),
                (Some(s), None)
                    if c.margin > 0.0
                        && s + c.margin >= c.threshold
                        && s - c.margin < c.threshold =>
                {
                    format!(
                    "{name} {}{unit} {sign} {threshold}, within the {} points either side a score may be off: borderline",
                    format::score(s),
                    format::score(c.margin)
                )
                }
                (Some(s), None) => format!("{name} {}{unit} {sign} {threshold}", format::score(s)),
            });
        }
        if let Some(c) = self.cost {
            let sign = more_than_sign(c.outcome);
            // Both with the digits it takes to tell them apart ($100.4M
            // against $100M, not "$100M > $100M").
            parts.push(match c.figure {
                CostFigure::Unknown => "training cost unknown".to_string(),
                CostFigure::Known { usd } => {
                    let (figure, threshold) = format::usd_pair(usd, c.threshold_usd);
                    format!("training cost {figure} {sign} {threshold}")
                }
                CostFigure::AtLeast { usd } => {
                    let (figure, threshold) = format::usd_pair(usd, c.threshold_usd);
                    format!(
                        "training cost at least {figure} (with its base model's) {sign} {threshold}"
                    )
                }
            });
        }
        parts.join("; ")
    }
}
