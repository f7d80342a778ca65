//! "Is our model in scope?": a model that is not in the catalog, judged by
//! the same rules as the catalog's rows. The checked model is appended to
//! a copy of the catalog ([`Catalog::with_model`], which works out its
//! lifecycle and base link as for a dataset row) and judged there with
//! [`crate::evaluate::judge`], under the current scenario and every preset.

use serde::Serialize;

use crate::catalog::{Catalog, Confidence, Model};
use crate::date::IsoDate;
use crate::evaluate::{judge, Likelihood};
use crate::format;
use crate::presentation::capitalised;
use crate::presets;
use crate::rules::eu::EuStatus;
use crate::rules::{Judge, Test};
use crate::scenario::{Scenario, MAX_FLOP, MIN_FLOP};
use crate::view::VerdictView;

pub mod compute;
mod consistency;
mod derivative;
pub mod form;
pub mod input;
pub mod text;

pub use compute::{ComputeInput, ComputeReport, ACCELERATORS};
pub use consistency::AGREE;
pub use derivative::{DerivativeReport, UsRuleVerdict};
pub use form::CheckForm;
pub use input::{find_base, CheckInput, FieldError, Output};

/// The name a checked model gets when none is given.
pub const DEFAULT_NAME: &str = "Your model";

/// The developer a checked model gets when it is not its base model's
/// developer's: a name no catalog row has.
pub const OWN_DEVELOPER: &str = "(your organisation)";

/// One scenario's verdicts on the checked model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioVerdict {
    /// The preset's id, or "current".
    pub id: String,
    /// The preset's name, or "Your scenario".
    pub name: String,
    /// Both regimes' verdicts with their reasons.
    pub verdict: VerdictView,
    /// The US verdict in words, as the catalog's table says it ("Likely out").
    pub us_words: String,
    /// The EU verdict in words, as the catalog's table says it under that
    /// scenario's tier ("Likely out: GPAI, below the systemic-risk tier").
    pub eu_words: String,
}

/// Where the US compute threshold stops covering the model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reach {
    /// In at any compute threshold below `flop`, out at any above.
    Below {
        /// The threshold, in FLOP.
        flop: f64,
    },
    /// In at every threshold from 1e18 to 1e30 FLOP (another test decides).
    Always,
    /// Out at every threshold from 1e18 to 1e30 FLOP.
    Never,
    /// Undetermined somewhere in that range.
    Undetermined,
}

/// Everything the check shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckReport {
    /// The name shown.
    pub name: String,
    /// The training compute entered and how it was worked out.
    pub compute: Option<ComputeReport>,
    /// The figure the rules read, for [`CheckReport::compute_words`].
    #[serde(skip)]
    pub cumulative_figure: crate::rules::ComputeFigure,
    /// The training compute the rules read (for a fine-tune its
    /// cumulative compute, base included), in FLOP.
    pub cumulative_flop: Option<f64>,
    /// Which training compute the rules read and why, in words.
    pub compute_words: String,
    /// What does not stop the check but needs saying beside its field: a
    /// total that is more than its parts, a date after the as-of date, a
    /// base model's name read loosely.
    pub notes: Vec<FieldError>,
    /// The verdicts under the current scenario.
    pub current: ScenarioVerdict,
    /// The verdicts under every preset (at the scenario's as-of date).
    pub presets: Vec<ScenarioVerdict>,
    /// The US compute threshold below which it is in (the scenario otherwise as it is).
    pub reach: Reach,
    /// The sentence for [`CheckReport::reach`].
    pub reach_words: String,
    /// The EU tier it falls in, in words.
    pub eu_tier: &'static str,
    /// What follows from the EU verdict under the scenario, where
    /// policy.md says: for a GPAI model with systemic risk, the notification
    /// and the open-source exemption.
    pub eu_duties: Option<String>,
    /// For a fine-tune: the EU one-third rule and each US derivative rule.
    pub derivative: Option<DerivativeReport>,
    /// Whether it is published after the scenario's as-of date (it is
    /// judged as if it existed then; the EU dates read the as-of date).
    pub after_as_of: bool,
}

/// The catalog model a checked input describes (see [`CheckInput`]);
/// call [`CheckInput::errors`] first.
pub fn model_of(input: &CheckInput, catalog: &Catalog) -> Model {
    let base = input
        .base_model
        .as_deref()
        .and_then(|b| find_base(catalog, b).ok());
    let base_model = base.map(|b| &catalog.models[b]);
    let (developer, organizations) = match base_model {
        Some(b) if input.same_developer => (b.developer.clone(), b.organizations.clone()),
        _ => (OWN_DEVELOPER.to_string(), OWN_DEVELOPER.to_string()),
    };
    let (domains, tasks): (Vec<&str>, Vec<&str>) =
        input.generates.iter().map(|o| o.epoch_words()).unzip();
    let outputs = domains.join(",");
    let task = tasks
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(",");
    // What it generates is what the user ticked: its name is not read (a
    // chat model called "Acme Embed" that generates text is generative).
    let generative = Test::from_generative(crate::rules::generative::from_fields(
        "", &outputs, &task, "",
    ));
    // The rules read Epoch's domain "Biology", alone, as "trained primarily
    // on biological sequence data" (`rules::us::biological`): the user's
    // answer is written so, once what it generates has been read.
    let domain = if input.biological {
        "Biology".to_string()
    } else {
        outputs
    };
    let (parameters, tokens) = match &input.compute {
        Some(ComputeInput::Parameters { parameters, tokens }) => (Some(*parameters), Some(*tokens)),
        _ => (None, None),
    };
    Model {
        name: input
            .name
            .clone()
            .unwrap_or_else(|| DEFAULT_NAME.to_string()),
        developer,
        developer_id: 0,
        organizations,
        country: String::new(),
        publication_date: input.publication_date,
        domain,
        task,
        compute_flop: input
            .compute
            .as_ref()
            .and_then(|c| c.report())
            .map(|r| r.flop),
        // The user's own figure: read as the tightest of Epoch's labels,
        // and said to be the user's.
        compute_confidence: Confidence::Entered,
        base,
        finetune_compute_flop: input.finetune_flop.filter(|_| base.is_some()),
        open_weights: None,
        cost_usd: input.cost_usd,
        eci: input.eci,
        eci_version: String::new(),
        eci_versions: None,
        eci_history: Vec::new(),
        cybench_pct: input.cybench_pct,
        estimated_over_1e25: false,
        maybe_over_1e25: false,
        accessibility: String::new(),
        sources: String::new(),
        link: String::new(),
        parameters,
        training_tokens: tokens,
        active_parameters: None,
        moe: false,
        lifecycle_link: None,
        lifecycle_root: 0,
        generative,
        // Worked out by `Catalog::with_model`.
        family: None,
    }
}

/// Checks a model given as input: its verdicts under `scenario` and every
/// preset, its reach, its EU tier and, for a fine-tune, the derivative
/// rules. `scenario` must be valid; a bad input gives every bad field.
pub fn check(
    catalog: &Catalog,
    input: &CheckInput,
    scenario: &Scenario,
) -> Result<CheckReport, Vec<FieldError>> {
    let errors = input.errors(catalog);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut model = model_of(input, catalog);
    // A fine-tune cannot be placed on the market before its base: one
    // dated earlier (a typing slip, or one of Epoch's paper dates) is read
    // at the base's date, as the note beside the date says.
    if let Some(b) = model.base {
        model.publication_date = model
            .publication_date
            .max(catalog.models[b].publication_date);
    }
    let show = |flop: f64| format::flop_beside(flop, &thresholds(scenario));
    let base_figure = model
        .base
        .map(|b| crate::rules::compute_parts(&catalog.models[b], catalog, scenario).cumulative);
    let base = model
        .base
        .zip(base_figure)
        .map(|(b, figure)| (catalog.models[b].name.as_str(), figure.reported()));
    let base_floor = base_figure.and_then(|figure| match figure {
        crate::rules::ComputeFigure::AtLeast { flop } => Some(flop),
        crate::rules::ComputeFigure::Estimated { floor, .. } => floor,
        _ => None,
    });
    let figures = consistency::Figures {
        total: model.compute_flop,
        total_field: match input.compute {
            Some(ComputeInput::Flop { .. }) => "compute.flop",
            _ => "compute",
        },
        base,
        base_floor,
        // A base the rules read as at least a range of the data's (its own
        // base's figure read as a range, under `unc`; an estimate standing
        // on such a range reads as the range): a fine-tune of it is raised
        // to the range's centre there, so a total below it is refused. A
        // range that is itself an estimate raises nothing, and refuses
        // nothing.
        base_read: model.base.and_then(|b| {
            match crate::rules::Judge::new(catalog, scenario)
                .parts(b)
                .cumulative
                .share_reference()
            {
                crate::rules::ComputeFigure::AtLeastRange {
                    flop,
                    estimate: false,
                    ..
                } => Some(flop),
                _ => None,
            }
        }),
        finetune: model.finetune_compute_flop,
    };
    let errors = figures.errors(&show);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut notes = figures.notes(&show);
    if let (Some(typed), Some((name, _))) = (&input.base_model, base) {
        if typed.trim() != name && !typed.trim().eq_ignore_ascii_case(name) {
            notes.push(FieldError {
                field: "base_model",
                message: format!("read as the catalog's {name}"),
            });
        }
    }
    // The date the rules read (a fine-tune's never before its base's).
    if let Some(note) = date_note(model.publication_date, scenario.as_of) {
        notes.push(note);
    }
    // Read at its base's date (above), not refused: five of Epoch's own
    // fine-tunes predate their base, by paper dates. Said beside the date.
    if let Some(b) = model
        .base
        .filter(|_| model.publication_date != input.publication_date)
    {
        let base = &catalog.models[b];
        notes.push(FieldError {
            field: "publication_date",
            message: format!(
                "before its base model: {} was published on {}, so the rules read the fine-tune as published then",
                base.name, base.publication_date
            ),
        });
    }
    let mut report = check_model(catalog, model, scenario);
    if let Some(error) = figures.raised(report.cumulative_flop, &show) {
        return Err(vec![error]);
    }
    report.compute = input.compute.as_ref().and_then(|c| c.report());
    report.compute_words = figures.words(report.cumulative_figure, &show);
    report.notes = notes;
    Ok(report)
}

/// The thresholds a reader compares the checked model's compute with:
/// the scenario's and every preset's (the preset table shows each).
pub(crate) fn thresholds(scenario: &Scenario) -> Vec<f64> {
    let mut all = vec![
        scenario.us.compute_threshold_flop,
        scenario.eu.gpai_threshold_flop,
        scenario.eu.systemic_threshold_flop,
    ];
    for p in presets::all(scenario.as_of) {
        all.push(p.scenario.us.compute_threshold_flop);
    }
    all
}

/// A note beside the publication date when it is after the scenario's
/// as-of date: it is judged as if it existed then; a date years later
/// may be a mistyped year.
fn date_note(date: IsoDate, as_of: IsoDate) -> Option<FieldError> {
    if date <= as_of {
        return None;
    }
    let years = (date.year_fraction() - as_of.year_fraction()).floor();
    let later = if years >= 1.0 {
        format!(
            "{years} year{} after your scenario's as-of date ({as_of}; is the year right?)",
            if years < 2.0 { "" } else { "s" }
        )
    } else {
        format!("after your scenario's as-of date ({as_of})")
    };
    Some(FieldError {
        field: "publication_date",
        message: format!("{later}: it is judged as if it existed on the as-of date"),
    })
}

/// Checks a model already built (a copy of a catalog row, in the tests).
pub fn check_model(catalog: &Catalog, model: Model, scenario: &Scenario) -> CheckReport {
    let name = model.name.clone();
    let after_as_of = model.publication_date > scenario.as_of;
    let extended = catalog.with_model(model);
    let index = extended.models.len() - 1;
    let verdict_under = |id: &str, name: &str, s: &Scenario| {
        let verdict = VerdictView::new(&extended, &judge(&extended, index, s), s);
        ScenarioVerdict {
            id: id.to_string(),
            name: name.to_string(),
            us_words: crate::presentation::us_status_words(verdict.us, verdict.us_likelihood),
            eu_words: eu_words(&verdict, s),
            verdict,
        }
    };
    let current = verdict_under("current", "Your scenario", scenario);
    // A preset is the two definitions; how the data is read (the as-of
    // date, estimates, ranges and their level, the ECI margin) is the
    // user's, so a preset the scenario matches reads as the scenario does.
    let presets = presets::all(scenario.as_of)
        .iter()
        .map(|p| verdict_under(p.id, p.name, &p.applied_to(scenario)))
        .collect();
    let central = Judge::new(&extended, scenario);
    let cumulative = central.parts(index).cumulative;
    let cumulative_flop = cumulative.reported().or(match cumulative {
        crate::rules::ComputeFigure::Estimated { central, .. } => central,
        _ => None,
    });
    let reach = reach(&extended, index, scenario);
    let eu_tier = current.verdict.eu.label();
    // In the tier without the designation what-if: the presumption (or a
    // row of the same model) decides, not the Commission's designation.
    let presumed = {
        let mut without = scenario.clone();
        without.eu.designation_eci = None;
        judge(&extended, index, &without).eu.status == EuStatus::SystemicRisk
    };
    let eu_duties = eu_duties(current.verdict.eu, current.verdict.eu_likelihood, presumed);
    let show = |flop: f64| format::flop_beside(flop, &thresholds(scenario));
    CheckReport {
        name,
        compute: None,
        cumulative_flop,
        compute_words: cumulative
            .reported()
            .map_or_else(|| cumulative.describe(), show),
        cumulative_figure: cumulative,
        notes: Vec::new(),
        reach_words: reach_words(
            reach,
            cumulative_flop,
            biology_floor(&extended, index, scenario),
            &show,
        ),
        reach,
        eu_tier,
        eu_duties,
        derivative: derivative::report(&extended, index, scenario),
        after_as_of,
        current,
        presets,
    }
}

/// What policy.md says follows from an EU verdict, if anything: for a GPAI
/// model with systemic risk, "the open-source exemption never applies to
/// systemic-risk models", and, where it is in the tier by the compute
/// presumption (`presumed`; not by the designation what-if, which is the
/// Commission's act), Art. 52's notification ("within two weeks of meeting
/// the threshold, or of knowing it will be met"). A verdict on an estimate
/// (`likelihood` not `In`) says it as a condition.
pub fn eu_duties(status: EuStatus, likelihood: Likelihood, presumed: bool) -> Option<String> {
    if status != EuStatus::SystemicRisk {
        return None;
    }
    let lead = if likelihood == Likelihood::In {
        "As a GPAI model with systemic risk"
    } else {
        "If it is a GPAI model with systemic risk (its verdict reads an estimate)"
    };
    Some(if presumed {
        format!("{lead}: its provider must notify the Commission within two weeks of meeting the threshold, or of knowing it will be met (AI Act Art. 52), and the open-source exemption does not apply to it.")
    } else {
        format!("{lead}, by the designation what-if (Art. 51(1)(b): the Commission designates it): the open-source exemption does not apply to it.")
    })
}

/// The US verdict (central) at compute threshold `flop`, the scenario otherwise as it is.
fn us_at(catalog: &Catalog, index: usize, scenario: &Scenario, flop: f64) -> Test {
    let mut s = scenario.clone();
    s.us.compute_threshold_flop = flop;
    Judge::new(catalog, &s).us(index).status.test()
}

/// Where the US verdict turns from in to out as the compute threshold
/// rises from 1e18 to 1e30 FLOP, found by bisection on the rules
/// themselves (a "more than" test: in below the figure, out at it).
fn reach(catalog: &Catalog, index: usize, scenario: &Scenario) -> Reach {
    let (low, high) = (MIN_FLOP.log10(), MAX_FLOP.log10());
    let at = |exponent: f64| us_at(catalog, index, scenario, 10f64.powf(exponent));
    match (at(low), at(high)) {
        (Test::Pass, Test::Pass) => Reach::Always,
        (Test::Fail, Test::Fail) => Reach::Never,
        (Test::Pass, Test::Fail) => {
            let (mut lo, mut hi) = (low, high);
            for _ in 0..48 {
                let mid = 0.5 * (lo + hi);
                match at(mid) {
                    Test::Pass => lo = mid,
                    Test::Fail => hi = mid,
                    Test::Unknown => return Reach::Undetermined,
                }
            }
            Reach::Below {
                flop: 10f64.powf(hi),
            }
        }
        _ => Reach::Undetermined,
    }
}

/// The main table's words for a verdict: "Likely out: GPAI, below the
/// systemic-risk tier" (the likelihood says of what: the tier compared).
fn eu_words(v: &VerdictView, s: &Scenario) -> String {
    let status = crate::presentation::eu_status_words(v.eu, s.eu.compare);
    match v.eu_likelihood {
        Likelihood::LikelyIn | Likelihood::LikelyOut | Likelihood::Borderline => {
            format!("{}: {status}", capitalised(v.eu_likelihood.label()))
        }
        _ => capitalised(status),
    }
}

/// The sentence for a reach; a threshold found within a part in a
/// billion of the figure the rules read is that figure (the bisection
/// stops a hair above it), written as the figure is.
/// The definition's lower threshold for biological-sequence models, where
/// the compute test the rules apply to model `index` passes on it (read
/// at the highest general threshold, so that the lower one is the one it
/// faces), and no share test keeps its compute from counting: that
/// threshold covers it at every general threshold.
fn biology_floor(catalog: &Catalog, index: usize, scenario: &Scenario) -> Option<f64> {
    let bio = scenario.us.biology_threshold_flop?;
    let mut highest = scenario.clone();
    highest.us.compute_threshold_flop = MAX_FLOP;
    let verdict = Judge::new(catalog, &highest).us(index);
    // A derivative that inherits is also judged on its own figures.
    let tests = match verdict.reason {
        crate::rules::us::UsReason::Tests(tests) => tests,
        crate::rules::us::UsReason::Inherited { own, .. } => own,
        crate::rules::us::UsReason::DerivativeExcluded { .. } => return None,
    };
    let counted = !tests.modification.is_some_and(|m| m.outcome == Test::Fail);
    let passes = tests
        .compute
        .is_some_and(|c| c.biology && c.outcome == Test::Pass);
    (counted && passes).then_some(bio)
}

fn reach_words(
    reach: Reach,
    figure: Option<f64>,
    biology: Option<f64>,
    show: &dyn Fn(f64) -> String,
) -> String {
    match reach {
        Reach::Always if biology.is_some() => format!(
            "This model would be in at every US compute threshold from 10¹⁸ to 10³⁰ FLOP: your definition's lower threshold for models trained primarily on biological sequence data (more than {}) covers it.",
            format::flop(biology.unwrap_or_default())
        ),
        Reach::Below { flop } => {
            let at = figure
                .filter(|f| (f - flop).abs() <= 1e-9 * flop)
                .unwrap_or(flop);
            format!(
                "This model would be in at any US compute threshold below {} (the rest of your definition as it is).",
                show(at)
            )
        }
        Reach::Always => "This model would be in at every US compute threshold from 10¹⁸ to 10³⁰ FLOP: another test of your definition covers it.".into(),
        Reach::Never => "This model would be out at every US compute threshold from 10¹⁸ to 10³⁰ FLOP under your definition.".into(),
        Reach::Undetermined => "Whether a lower US compute threshold would cover it is undetermined: the data cannot tell at some thresholds.".into(),
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod review_tests;
