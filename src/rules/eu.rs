//! The EU AI Act's rules for general-purpose AI models: Regulation (EU)
//! 2024/1689 and the Commission's GPAI guidelines, C(2025) 5045 final.

use serde::Serialize;

use super::{
    range_of, same_provider, share_range_words, ComputeFigure, Judge, LifecycleLink, OriginalTier,
    Reading, Test,
};
use crate::catalog::{Catalog, Model};
use crate::date::IsoDate;
use crate::format;
use crate::scenario::{EuSettings, EuTier, Scenario};

/// A model's place in the EU regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EuStatus {
    /// Not a general-purpose AI model (too little compute, or a narrow model).
    NotGpai,
    /// A downstream modification that does not make a new model: covered
    /// only through the original provider's model (guidelines sec. 3.2).
    NotNewModel,
    /// A general-purpose AI model.
    Gpai,
    /// A general-purpose AI model whose systemic risk the public data
    /// cannot tell (for example, compute known to be over 1e23 only).
    GpaiRiskUndetermined,
    /// A general-purpose AI model with systemic risk.
    SystemicRisk,
    /// The public data cannot tell whether it is a GPAI model.
    Undetermined,
}

impl EuStatus {
    /// Every status.
    pub const ALL: [EuStatus; 6] = [
        EuStatus::NotGpai,
        EuStatus::NotNewModel,
        EuStatus::Gpai,
        EuStatus::GpaiRiskUndetermined,
        EuStatus::SystemicRisk,
        EuStatus::Undetermined,
    ];

    /// Whether a model with this status is a GPAI model, and whether one
    /// with systemic risk, as far as the status alone tells (an undetermined
    /// status tells neither; [`EuVerdict`] keeps both tests).
    pub fn tiers(self) -> (Test, Test) {
        match self {
            EuStatus::NotGpai | EuStatus::NotNewModel => (Test::Fail, Test::Fail),
            EuStatus::Gpai => (Test::Pass, Test::Fail),
            EuStatus::GpaiRiskUndetermined => (Test::Pass, Test::Unknown),
            EuStatus::SystemicRisk => (Test::Pass, Test::Pass),
            EuStatus::Undetermined => (Test::Unknown, Test::Unknown),
        }
    }

    /// The status with these tier results (a systemic-risk model is a GPAI
    /// model, so `systemic` passing decides).
    fn from_tiers(gpai: Test, systemic: Test) -> EuStatus {
        match (gpai, systemic) {
            (_, Test::Pass) => EuStatus::SystemicRisk,
            (Test::Pass, Test::Fail) => EuStatus::Gpai,
            (Test::Pass, Test::Unknown) => EuStatus::GpaiRiskUndetermined,
            (Test::Fail, _) => EuStatus::NotGpai,
            (Test::Unknown, _) => EuStatus::Undetermined,
        }
    }

    /// What the one-third rule's fallback needs to know of an original with this status.
    pub fn tier(self) -> OriginalTier {
        match self {
            EuStatus::SystemicRisk => OriginalTier::SystemicRisk,
            EuStatus::Gpai => OriginalTier::Gpai,
            _ => OriginalTier::Unknown,
        }
    }

    /// A short label: "GPAI with systemic risk".
    pub fn label(self) -> &'static str {
        match self {
            EuStatus::NotGpai => "not GPAI",
            EuStatus::NotNewModel => "not a new model",
            EuStatus::Gpai => "GPAI",
            EuStatus::GpaiRiskUndetermined => "GPAI, systemic risk undetermined",
            EuStatus::SystemicRisk => "GPAI with systemic risk",
            EuStatus::Undetermined => "undetermined",
        }
    }
}

/// The EU verdict for one model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct EuVerdict {
    /// Catalog index of the model judged.
    pub model: usize,
    /// The model's status.
    pub status: EuStatus,
    /// Whether it is a GPAI model (the GPAI tier's test).
    pub gpai: Test,
    /// Whether it is a GPAI model with systemic risk (that tier's test).
    /// Kept beside the status: an undetermined model may still be known
    /// not to have systemic risk.
    pub systemic: Test,
    /// What decided it.
    pub reason: EuReason,
    /// For a provider's own fine-tune or version: the model whose
    /// lifecycle it belongs to.
    pub lifecycle_of: Option<usize>,
    /// When another row of its lifecycle changed the status: that row and
    /// its own status. The reason is that row's when its status is this
    /// verdict's, else this row's own.
    pub decided_by: Option<(usize, EuStatus)>,
}

impl EuVerdict {
    /// A verdict from the two tier tests; `not_new_model` names the status
    /// of a modification below the one-third line (out of both tiers).
    fn new(
        model: usize,
        (gpai, systemic): (Test, Test),
        reason: EuReason,
        lifecycle_of: Option<usize>,
        not_new_model: bool,
    ) -> EuVerdict {
        let status = if not_new_model && gpai == Test::Fail {
            EuStatus::NotNewModel
        } else {
            EuStatus::from_tiers(gpai, systemic)
        };
        EuVerdict {
            model,
            status,
            gpai,
            systemic,
            reason,
            lifecycle_of,
            decided_by: None,
        }
    }

    /// Whether the model is in the tier the overlap compares with.
    pub fn in_tier(&self, tier: EuTier) -> Test {
        match tier {
            EuTier::Gpai => self.gpai,
            EuTier::SystemicRisk => self.systemic,
        }
    }
}

/// What makes the original of a modification what it is, where the
/// modified version's own row would not.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Through {
    /// Another version of the same model by its provider (guidelines
    /// sec. 2.2), published by the modification.
    Version(usize),
    /// The designation what-if (Art. 51(1)(b)): a version's ECI.
    Designated {
        /// The score.
        eci: f64,
        /// Catalog index of the version that scored it.
        version: usize,
    },
}

/// What decided an EU verdict.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum EuReason {
    /// Classified by its own cumulative compute and whether it generates content.
    Compute {
        /// Cumulative training compute.
        figure: ComputeFigure,
        /// Whether it generates language, images or video.
        generative: Test,
    },
    /// Designated by capability (the what-if of Art. 51(1)(b)).
    Designated {
        /// The best ECI score of any version of the model.
        eci: f64,
        /// Catalog index of the version that scored it.
        version: usize,
    },
    /// Another organisation's fine-tune of a GPAI model, judged by the one-third rule.
    Modified {
        /// Catalog index of the original model (traced back through any
        /// modification that did not make a new model).
        base: usize,
        /// The model actually fine-tuned, when tracing went past it: a
        /// modification of it that made no new model.
        via: Option<usize>,
        /// The modification's compute in FLOP, where known.
        finetune_flop: Option<f64>,
        /// The original's compute in FLOP, where known.
        original_flop: Option<f64>,
        /// The ends of the original's figure, where it is a range.
        original_range: Option<(f64, f64)>,
        /// Whether the modification made a new model.
        new_model: Test,
        /// Whether the original is itself a systemic-risk model.
        original_systemic: bool,
        /// The original's tier as the guidelines' fallback reads it.
        original_tier: super::OriginalTier,
        /// Whether the original's own status is undetermined.
        original_undetermined: bool,
        /// What makes the original what it decides here, where its
        /// modified version's row alone would not.
        original_through: Option<Through>,
        /// Where the original's compute is undisclosed but bounded below
        /// and that bound, not the guidelines' fallback, decided: the bound
        /// in FLOP (at this reading), for the words.
        bound_decided: Option<super::DecidingBound>,
        /// The new model's cumulative compute.
        figure: ComputeFigure,
        /// Whether the new model generates language, images or video.
        generative: Test,
    },
    /// Another organisation's fine-tune of a model that is not a GPAI model:
    /// the one-third rule does not apply; judged as a model of its own.
    OfNonGpai {
        /// Catalog index of the original model.
        base: usize,
        /// The date the original was read at: the modification's, or the
        /// as-of date if earlier.
        modified_on: IsoDate,
        /// Its cumulative compute.
        figure: ComputeFigure,
        /// Whether it generates language, images or video.
        generative: Test,
    },
}

/// Judges one model under the EU regime, as part of its lifecycle
/// (guidelines sec. 2.2, see [`crate::rules::lifecycles`]): a provider's
/// later versions and own fine-tunes are the same model, so the rows of a
/// lifecycle published by the as-of date share one status: a GPAI model
/// (with systemic risk) when any of its rows is one. A row that does not
/// generate content (an embedding model in a language model's family)
/// keeps its own verdict: a narrow model is not a GPAI model (sec. 2.1).
pub fn verdict(catalog: &Catalog, index: usize, scenario: &Scenario) -> EuVerdict {
    Judge::new(catalog, scenario).eu(index)
}

/// [`verdict`], with `j`'s memo.
pub(crate) fn verdict_in(j: &Judge, index: usize) -> EuVerdict {
    lifecycle_verdict(j, index, j.scenario.as_of)
}

/// Model `index`'s verdict with its lifecycle's rows published by `until`
/// (the as-of date, or an earlier date of modification), designation
/// included.
fn lifecycle_verdict(j: &Judge, index: usize, until: IsoDate) -> EuVerdict {
    let catalog = j.catalog;
    let own = j.eu_row(index);
    let root = own.lifecycle_of.unwrap_or(index);
    let mut combined = own;
    if generative(&catalog.models[index]) != Test::Fail {
        for &member in &catalog.lifecycle_members[root] {
            let other_model = &catalog.models[member];
            if member == index
                || other_model.publication_date > until
                || generative(other_model) == Test::Fail
            {
                continue;
            }
            let other = j.eu_row(member);
            let tiers = (
                combined.gpai.or(other.gpai),
                combined.systemic.or(other.systemic),
            );
            if tiers != (combined.gpai, combined.systemic) {
                let reason = if EuStatus::from_tiers(tiers.0, tiers.1) == other.status {
                    other.reason
                } else {
                    own.reason
                };
                combined = EuVerdict {
                    decided_by: Some((member, other.status)),
                    ..EuVerdict::new(index, tiers, reason, own.lifecycle_of, false)
                };
            }
        }
    }
    designate_until(j, index, combined, until)
}

/// One row's own verdict, before its lifecycle's other rows are counted.
pub(crate) fn row_verdict_in(j: &Judge, index: usize) -> EuVerdict {
    let model = &j.catalog.models[index];
    let root = model.lifecycle_root;
    let lifecycle_of = (root != index).then_some(root);
    match j.catalog.models[root].base {
        None => own_model(j, index, lifecycle_of),
        Some(original) => modified_model(j, index, original, lifecycle_of),
    }
}

/// Guidelines sec. 2.1: a GPAI model can generate language (text or audio,
/// code included), text-to-image or text-to-video; narrow models above 1e23
/// (transcription, upscaling, weather, game playing) are not GPAI models.
/// Read from Epoch's domain and task lists. A row with no domain is
/// undetermined, except one from the ECI file, which scores language models
/// on text benchmarks.
///
/// An embedding model outputs vectors, not content, so it is not
/// generative: Epoch's task "Semantic embedding", or a name that says so
/// ("Codestral Embed", whose task list reads "Code generation" though its
/// reference calls it "an embedding model").
pub fn generative(model: &Model) -> Test {
    model.generative
}

/// [`generative`] worked out from Epoch's fields (the catalog keeps the
/// result in [`Model::generative`]).
pub fn generative_from_fields(model: &Model) -> Test {
    let m = model;
    Test::from_generative(super::generative::from_fields(
        &m.name, &m.domain, &m.task, &m.sources,
    ))
}

/// Classifies a model that its own developer trained (or fine-tuned).
fn own_model(j: &Judge, index: usize, lifecycle_of: Option<usize>) -> EuVerdict {
    let model = &j.catalog.models[index];
    let scenario = j.scenario;
    let figure = j.parts(index).cumulative;
    let generative = generative(model);
    j.note_range(figure.is_range());
    EuVerdict::new(
        index,
        classify(figure, generative, &scenario.eu, j.reading),
        EuReason::Compute { figure, generative },
        lifecycle_of,
        false,
    )
}

/// Guidelines sec. 2.1 (GPAI: more than 1e23 FLOP and generative) and
/// Art. 51(2) (systemic risk presumed above 1e25 FLOP, "greater than"):
/// whether it is a GPAI model, and whether one with systemic risk.
fn classify(
    figure: ComputeFigure,
    generative: Test,
    eu: &EuSettings,
    reading: Reading,
) -> (Test, Test) {
    let gpai = generative.and(figure.exceeds_at(eu.gpai_threshold_flop, reading));
    (
        gpai,
        gpai.and(figure.exceeds_at(eu.systemic_threshold_flop, reading)),
    )
}

/// Art. 51(1)(b) and Annex XIII: the Commission may designate a GPAI model
/// below the presumption from capability criteria. Discretionary, so a
/// what-if (policy.md), applied to every path once: a generative model that
/// is GPAI, or whose compute is undisclosed, when any version of it
/// published by the as-of date (its lifecycle, guidelines sec. 2.2) has an
/// ECI at or above the setting: the model is designated as a whole.
fn designate(j: &Judge, index: usize, verdict: EuVerdict) -> EuVerdict {
    designate_until(j, index, verdict, j.scenario.as_of)
}

/// [`designate`] with the versions published, and the scores reached, by
/// `until` (an earlier date of modification, for an original).
fn designate_until(j: &Judge, index: usize, verdict: EuVerdict, until: IsoDate) -> EuVerdict {
    let (catalog, scenario) = (j.catalog, j.scenario);
    let Some(threshold) = scenario.eu.designation_eci else {
        return verdict;
    };
    let model = &catalog.models[index];
    let eligible = verdict.gpai != Test::Fail && generative(model) != Test::Fail;
    if !eligible {
        return verdict;
    }
    let best = catalog.lifecycle_members[model.lifecycle_root]
        .iter()
        .filter(|&&m| catalog.models[m].publication_date <= until)
        .filter_map(|&m| catalog.models[m].eci_as_of(until).map(|eci| (eci, m)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((eci, version)) if eci >= threshold => EuVerdict::new(
            index,
            (Test::Pass, Test::Pass),
            EuReason::Designated { eci, version },
            verdict.lifecycle_of,
            false,
        ),
        _ => verdict,
    }
}

/// Guidelines sec. 3.2: a different organisation that modifies a GPAI model
/// becomes the provider of a new model only when the modification uses more
/// than one third of the original's training compute. When the original's
/// compute cannot be known, the reference is 1e25 if the original has
/// systemic risk, else 1e23. A modifier of a systemic-risk model is presumed
/// to provide a systemic-risk model itself.
///
/// The references follow the scenario's EU thresholds, which are 1e25 and
/// 1e23 as written: a delegated act that moved the presumption (Art. 51(3))
/// would move them too.
fn modified_model(j: &Judge, index: usize, base: usize, lifecycle_of: Option<usize>) -> EuVerdict {
    let (catalog, scenario) = (j.catalog, j.scenario);
    let eu = &scenario.eu;
    let model = &catalog.models[index];
    let (original_index, _) = traced_original(j, base);
    // What the original is: its model's at the modification, with its
    // provider's own versions and fine-tunes published by then (its
    // lifecycle, guidelines sec. 2.2), not the modified version's row alone.
    let modified_on = modification_date(j, index, original_index);
    let original = lifecycle_verdict(j, original_index, modified_on);
    let via = (original_index != base).then_some(base);
    let parts = j.parts(index);
    let generative = generative(model);
    j.note_range(parts.cumulative.is_range());
    let own_class = classify(parts.cumulative, generative, eu, j.reading);
    // The original's provider fine-tuning a modification of its own model
    // that made no new model: its own later fine-tune, the same model (sec. 2.2).
    if via.is_some() && same_provider(model, &catalog.models[original_index]).is_some() {
        let root = original.lifecycle_of.unwrap_or(original_index);
        return own_model(j, index, Some(root));
    }
    // The one-third rule is about modifying a GPAI model; a fine-tune of a
    // model that is not one is judged as a model of its own.
    if original.gpai == Test::Fail {
        let reason = EuReason::OfNonGpai {
            base,
            modified_on,
            figure: parts.cumulative,
            generative,
        };
        return EuVerdict::new(index, own_class, reason, lifecycle_of, false);
    }
    let original_figure = j.parts(original_index).cumulative.share_reference();
    j.note_range(original_figure.is_range());
    let original_flop = original_figure.reported();
    let finetune_flop = modification_flop(j, index);
    // Where the original's compute is undisclosed, a lower bound can
    // decide before the fallback: the words name it where the fallback
    // alone would have said otherwise (only the central verdict is worded;
    // at the exact reading a range read as an estimate gives Unknown).
    let (new_model, bound_decided) = super::share_test(
        finetune_flop,
        original_figure,
        j.reading,
        (
            original.status.tier(),
            eu.modifier_fraction,
            (eu.gpai_threshold_flop, eu.systemic_threshold_flop),
        ),
    );
    // A new model made from a GPAI model is itself general-purpose when it
    // generates content (sec. 2.1: an embedding model made from a language
    // model is narrow); a modifier of a systemic-risk model is presumed to
    // provide one (sec. 3.2), and so is one whose own cumulative compute is
    // over the presumption. Below the line it is in neither tier itself.
    let as_new_gpai = generative;
    let as_new_systemic = as_new_gpai.and(
        original.systemic.or(parts
            .cumulative
            .exceeds_at(eu.systemic_threshold_flop, j.reading)),
    );
    let one_third = (new_model.and(as_new_gpai), new_model.and(as_new_systemic));
    // When the original may or may not be a GPAI model, the one-third rule
    // may or may not apply: a tier stands only where both readings agree.
    let original_undetermined = original.gpai == Test::Unknown;
    let agree = |a: Test, b: Test| if a == b { a } else { Test::Unknown };
    let tiers = if original_undetermined {
        (
            agree(one_third.0, own_class.0),
            agree(one_third.1, own_class.1),
        )
    } else {
        one_third
    };
    // Whether the original's systemic risk decides anything: the new
    // model's presumption, or the fallback for an undisclosed original.
    let systemic_matters = new_model != Test::Fail || original_flop.is_none();
    let reason = EuReason::Modified {
        base: original_index,
        via,
        finetune_flop,
        original_flop,
        original_range: range_of(original_figure),
        new_model,
        original_systemic: original.systemic == Test::Pass,
        original_tier: original.status.tier(),
        original_undetermined,
        original_through: through(j, original_index, &original, systemic_matters),
        bound_decided,
        figure: parts.cumulative,
        generative,
    };
    let not_new_model = new_model == Test::Fail && !original_undetermined;
    EuVerdict::new(index, tiers, reason, lifecycle_of, not_new_model)
}

/// The original a modification is judged against. Below the one-third line
/// "the derivative is covered only through the original provider's model"
/// (policy.md, guidelines sec. 3.2): a modification of such a derivative is
/// a modification of that original, so trace back through every step that
/// made no new model. Used by both regimes' one-third tests.
///
/// The verdict returned is the original row's own (designation included),
/// which says whether it made a new model; what the original is (GPAI,
/// systemic risk) is its model's, [`original_model`].
fn traced_original(j: &Judge, base: usize) -> (usize, EuVerdict) {
    let judged = |i: usize| original_row(j, i);
    let mut traced = (base, judged(base));
    while let (EuStatus::NotNewModel, EuReason::Modified { base: original, .. }) =
        (traced.1.status, traced.1.reason)
    {
        traced = (original, judged(original));
    }
    traced
}

/// A row's own verdict with designation: whether it made a new model, for
/// tracing a modification back to its original.
fn original_row(j: &Judge, index: usize) -> EuVerdict {
    designate(j, index, j.eu_row(index))
}

/// What `original` is, a GPAI model and one with systemic risk or not,
/// when row `modifier` modified it: its model's verdict (guidelines
/// sec. 2.2: a provider's versions and own fine-tunes are the same model)
/// counting the versions published by the modification (the modifier's
/// first version's date, or the as-of date if earlier), designation
/// included. Llama 2-7B is a GPAI model from Meta's own Llama Guard
/// (cumulative compute over 10^23 FLOP) on, so a later modification of it
/// is judged by the one-third rule; a version published after a
/// modification does not change what was modified. The share is still
/// measured against the modified version's own compute.
fn original_model(j: &Judge, modifier: usize, original: usize) -> EuVerdict {
    lifecycle_verdict(j, original, modification_date(j, modifier, original))
}

/// When row `modifier`'s modification of `original` was made: its
/// lifecycle's first version's date, never before the original's own (some
/// of Epoch's dates are paper dates, a fine-tune's before its base's), and
/// the as-of date if earlier.
fn modification_date(j: &Judge, modifier: usize, original: usize) -> IsoDate {
    let models = &j.catalog.models;
    let root = models[modifier].lifecycle_root;
    models[root]
        .publication_date
        .max(models[original].publication_date)
        .min(j.scenario.as_of)
}

/// What makes `original` (its model's verdict, `model`) what it decides
/// for a modification, where its own row alone would not: the version that
/// raised it to GPAI (or to systemic risk, where that decides), or the
/// designation what-if.
fn through(
    j: &Judge,
    original: usize,
    model: &EuVerdict,
    systemic_matters: bool,
) -> Option<Through> {
    let row = j.eu_row(original);
    let raised_gpai = row.gpai != model.gpai;
    let raised_systemic = row.systemic != model.systemic && systemic_matters;
    if !raised_gpai && !raised_systemic {
        return None;
    }
    match (model.reason, model.decided_by) {
        (EuReason::Designated { eci, version }, _) => Some(Through::Designated { eci, version }),
        (_, Some((member, _))) => Some(Through::Version(member)),
        _ => None,
    }
}

/// The tier the guidelines' fallback needs of an original when row
/// `modifier` modified it (its model's then, [`original_model`]).
pub(crate) fn original_tier(j: &Judge, modifier: usize, original: usize) -> OriginalTier {
    original_model(j, modifier, original).status.tier()
}

/// The compute another organisation's modification used: the fine-tune's
/// own for the row that made it; for the modifier's own later fine-tunes
/// and versions of it, everything they add over the model it modified.
fn modification_flop(j: &Judge, index: usize) -> Option<f64> {
    let root = j.catalog.models[index].lifecycle_root;
    if root == index {
        return j.parts(index).finetune_flop;
    }
    let modified = j.catalog.models[root].base?;
    let total = j.parts(index).cumulative.reported()?;
    let before = j.parts(modified).cumulative.reported()?;
    Some(total - before).filter(|flop| *flop > 0.0)
}

/// Dates of application (policy.md, "Dates"): obligations from 2 Aug 2025;
/// enforcement and fines from 2 Aug 2026; models placed on the market
/// before 2 Aug 2025 must comply by 2 Aug 2027. A model is placed on the
/// market with its lifecycle's first released version (guidelines
/// sec. 2.2: later versions are the same model); a model Epoch lists as
/// unreleased has not been placed on the market. Only GPAI models have
/// these obligations; for any other status there is nothing to say.
pub fn timing(
    catalog: &Catalog,
    index: usize,
    status: EuStatus,
    as_of: IsoDate,
) -> Option<&'static str> {
    if status.tiers().0 != Test::Pass {
        return None;
    }
    let model = &catalog.models[index];
    if model.unreleased() {
        return Some("not placed on the market (unreleased): obligations apply once it is");
    }
    let placed = catalog.lifecycle_members[model.lifecycle_root]
        .iter()
        .map(|&m| &catalog.models[m])
        .filter(|m| !m.unreleased())
        .map(|m| m.publication_date)
        .min()
        .map_or(model.publication_date, |first| {
            first.min(model.publication_date)
        });
    use crate::settings::policy::{EU_FINES_DATE, EU_LEGACY_DEADLINE, EU_OBLIGATIONS_DATE};
    let (obligations, fines, legacy_deadline) =
        (EU_OBLIGATIONS_DATE, EU_FINES_DATE, EU_LEGACY_DEADLINE);
    Some(if as_of < obligations {
        // Any model on the market by then is on it before 2 Aug 2025.
        "obligations apply only from 2 Aug 2025, and a model on the market before then must comply by 2 Aug 2027"
    } else if placed < obligations && as_of < legacy_deadline {
        if placed < model.publication_date {
            "a version of a model on the market before 2 Aug 2025: must comply by 2 Aug 2027"
        } else {
            "on the market before 2 Aug 2025: must comply by 2 Aug 2027"
        }
    } else if as_of < fines {
        "obligations apply; fines only from 2 Aug 2026"
    } else {
        "obligations apply and are enforceable with fines"
    })
}

impl EuVerdict {
    /// Why, in plain words (the status is [`EuVerdict::status`]):
    /// "cumulative 3.8 × 10²⁵ FLOP > 1 × 10²⁵ FLOP presumption".
    pub fn describe(&self, catalog: &Catalog, eu: &EuSettings) -> String {
        let why = match self.reason {
            EuReason::Designated { eci, version } => {
                let of_version = if version == self.model {
                    String::new()
                } else {
                    format!(" (scored by its version {})", catalog.models[version].name)
                };
                format!(
                    "designated by capability, ECI {}{of_version} ≥ {} (what-if, Art. 51(1)(b))",
                    format::score(eci),
                    format::score(eu.designation_eci.unwrap_or(eci))
                )
            }
            EuReason::Compute { figure, generative } => {
                compute_words(figure, generative, eu)
            }
            EuReason::OfNonGpai {
                base,
                modified_on,
                figure,
                generative,
            } => format!(
                "another organisation's fine-tune of {}, which was not a GPAI model when it was modified ({modified_on}), so judged on its own: {}",
                catalog.models[base].name,
                compute_words(figure, generative, eu)
            ),
            EuReason::Modified {
                base,
                via,
                finetune_flop,
                original_flop,
                original_range,
                new_model,
                original_systemic,
                original_tier,
                original_undetermined,
                original_through,
                bound_decided,
                figure,
                generative,
            } => {
                let name = &catalog.models[base].name;
                // Why the original is what it is, where its row alone is not.
                let through = match original_through {
                    Some(Through::Version(m)) => format!(
                        " ({name} is read with {}, another version of the same model by its provider, published by then: GPAI guidelines sec. 2.2)",
                        catalog.models[m].name
                    ),
                    Some(Through::Designated { eci, version }) => format!(
                        " ({name} has systemic risk by the designation what-if: {}'s ECI of {} reaches its setting)",
                        catalog.models[version].name,
                        format::score(eci)
                    ),
                    None => String::new(),
                };
                let traced = via
                    .map(|v| {
                        format!(
                            "it fine-tunes {}, itself a modification of {name} that made no new model, so it is judged against {name}; ",
                            catalog.models[v].name
                        )
                    })
                    .unwrap_or_default();
                if original_undetermined && self.status == EuStatus::Undetermined {
                    return format!(
                        "{traced}another organisation's fine-tune of {name}, whose own status is undetermined, so whether the one-third rule applies cannot be told"
                    );
                }
                let fraction = format::fraction_words(eu.modifier_fraction);
                let share = match (finetune_flop, original_flop) {
                    (Some(f), Some(o)) if o > 0.0 => {
                        format!(
                            "the fine-tune used {} {name}'s compute{}",
                            format::share(f / o, eu.modifier_fraction),
                            share_range_words(f, original_range)
                        )
                    }
                    (Some(f), _) if bound_decided.is_some() => super::bound_words(
                        name,
                        bound_decided.unwrap_or(super::DecidingBound {
                            flop: 0.0,
                            range_centre: false,
                        }),
                        f,
                        eu.modifier_fraction,
                        "the fine-tune's",
                    ),
                    (Some(f), _) => format!(
                        "{name}'s compute is undisclosed, so the fine-tune's {} is compared with {fraction} of the guidelines' fallback ({} or {})",
                        super::fallback_figure(
                            f,
                            original_tier,
                            eu.modifier_fraction,
                            (eu.gpai_threshold_flop, eu.systemic_threshold_flop)
                        ),
                        format::flop(eu.gpai_threshold_flop),
                        format::flop(eu.systemic_threshold_flop)
                    ),
                    (None, _) => "the fine-tune's own compute is unknown".to_string(),
                };
                let words = match new_model {
                    Test::Fail => format!(
                        "another organisation's fine-tune: {share}, not more than {fraction}; covered only through {name}'s provider"
                    ),
                    Test::Unknown => format!("another organisation's fine-tune of {name}: {share}"),
                    Test::Pass if original_systemic => format!(
                        "a new model: {share}, more than {fraction}; {name} has systemic risk, so this one is presumed to as well"
                    ),
                    // A new model made from a GPAI model is one itself when
                    // it generates content, whatever its own total.
                    Test::Pass
                        if self.gpai == Test::Pass
                            && figure.exceeds_at(eu.gpai_threshold_flop, Reading::Central)
                                != Test::Pass =>
                    {
                        format!(
                            "a new model: {share}, more than {fraction}; made from a GPAI model and generating content, it is a GPAI model itself, though its cumulative compute is not more than {}",
                            format::flop(eu.gpai_threshold_flop)
                        )
                    }
                    Test::Pass => format!(
                        "a new model: {share}, more than {fraction}; {}",
                        compute_words(figure, generative, eu)
                    ),
                };
                let words = format!("{words}{through}");
                if original_undetermined {
                    // Decided although the original may not be GPAI: both
                    // readings put it in the same tiers.
                    return format!(
                        "{traced}another organisation's fine-tune of {name}, whose own status is undetermined; either way it is {}: if {name} is GPAI, {words}; if not, judged on its own: {}",
                        self.status.label(),
                        compute_words(figure, generative, eu)
                    );
                }
                format!("{traced}{words}")
            }
        };
        let (decided, joined) = match self.decided_by {
            Some((row, status)) if status == self.status => (
                format!(
                    "{}, a row of the same model, decides: ",
                    catalog.models[row].name
                ),
                String::new(),
            ),
            Some((row, status)) => (
                String::new(),
                format!(
                    "; as one model with {} ({}), it is {}",
                    catalog.models[row].name,
                    status.label(),
                    self.status.label()
                ),
            ),
            None => (String::new(), String::new()),
        };
        let lifecycle = match (
            self.lifecycle_of,
            &catalog.models[self.model].lifecycle_link,
        ) {
            (Some(root), None) => format!(
                " (its provider's own fine-tune of a modification of {} that made no new model: part of {}'s lifecycle, the same model)",
                catalog.models[root].name, catalog.models[root].name
            ),
            (Some(root), Some((parent, link))) => {
                let root = &catalog.models[root].name;
                let how = match link {
                    LifecycleLink::FineTune { provider } => format!(
                        "a fine-tune of {} by its provider ({})",
                        catalog.models[*parent].name,
                        provider.describe()
                    ),
                    LifecycleLink::Version => {
                        format!("a later version of {}", catalog.models[*parent].name)
                    }
                };
                format!(" ({how}: part of {root}'s lifecycle, the same model)")
            }
            _ => String::new(),
        };
        format!("{decided}{why}{joined}{lifecycle}")
    }
}

/// A row's own classification in words (whatever its lifecycle made of it).
fn compute_words(figure: ComputeFigure, generative: Test, eu: &EuSettings) -> String {
    // A range (an estimate, a figure's uncertainty) is worded at its
    // centre, as the verdict shown is read, with its interval; the
    // verdict's likelihood says how sure that is.
    let reading = if figure.is_range() {
        Reading::Central
    } else {
        Reading::Exact
    };
    let (gpai, systemic) = classify(figure, generative, eu, reading);
    match EuStatus::from_tiers(gpai, systemic) {
        EuStatus::SystemicRisk => format!(
            "cumulative {} presumption",
            figure.compared_with(eu.systemic_threshold_flop)
        ),
        EuStatus::Gpai => format!(
            "cumulative {}, not more than the {} presumption",
            figure.compared_with(eu.gpai_threshold_flop),
            format::flop(eu.systemic_threshold_flop)
        ),
        EuStatus::NotGpai if generative == Test::Fail => {
            // Both a catalog row (Epoch's tasks) and a checked model (the
            // outputs as entered) end here, for either cause.
            "a narrow model: its recorded tasks include no language, text-to-image or text-to-video generation, or it is an embedding model (which outputs vectors, not content)".to_string()
        }
        EuStatus::GpaiRiskUndetermined => format!(
            "cumulative {} GPAI criterion; whether it is more than the {} presumption cannot be told",
            figure.compared_with(eu.gpai_threshold_flop),
            format::flop(eu.systemic_threshold_flop)
        ),
        EuStatus::NotGpai => format!(
            "cumulative {} GPAI criterion",
            figure.compared_with(eu.gpai_threshold_flop)
        ),
        _ if generative == Test::Unknown => format!(
            "compute {}; whether it generates language, images or video is not recorded",
            figure.describe()
        ),
        _ => match figure {
            ComputeFigure::Undisclosed => "training compute undisclosed".to_string(),
            _ => format!(
                "compute {}, which cannot decide the {} presumption",
                figure.describe(),
                format::flop(eu.systemic_threshold_flop)
            ),
        },
    }
}
