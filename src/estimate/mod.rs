//! Estimates of undisclosed training compute, each with a method, an
//! interval and words, and the backtest that justifies them
//! (data/ESTIMATES.md).
//!
//! Six methods (policy.md, "Estimating training compute", and its
//! "cumulative compute" for a fine-tune):
//! - [`Method::Capability`]: log10 compute from the ECI score and date;
//! - [`Method::BaseModel`]: a fine-tune's base model's reported total plus
//!   its fine-tuning (6 × N × its tokens, or what fine-tuning added in the
//!   catalog's fine-tunes that report both totals);
//! - [`Method::Parameters`]: 6 × (active) parameters × tokens;
//! - [`Method::Family`]: the nearest model of the same developer and name
//!   family (when neither of the above applies);
//! - [`Method::EpochFlag`]: Epoch's "estimated over 1e25 FLOP", a lower bound;
//! - [`Method::FrontierCeiling`]: at most [`CEILING_FACTOR`] × the largest
//!   run reported by the model's publication date, an upper bound.
//!
//! ```
//! use scope_explorer::{catalog::Catalog, estimate::Estimator};
//!
//! let catalog = Catalog::embedded().unwrap();
//! let estimator = Estimator::fit(&catalog, 0.8);
//! let opus = catalog.find("Claude Opus 4.6").unwrap();
//! let estimate = estimator.compute(&catalog, opus).unwrap();
//! assert!(estimate.central.unwrap() > 1e25);
//! assert!(estimate.words.contains("80% interval"));
//! ```

pub mod backtest;
mod base;
mod capability;
mod ceiling;
pub mod family;
mod family_key;
mod parameters;
mod stats;
pub mod stored;

use serde::Serialize;

use crate::catalog::{Catalog, Model};
use crate::format;

pub use ceiling::{Frontier, CEILING_FACTOR};
pub use parameters::{MIN_REFERENCE, WINDOW_YEARS};

/// Epoch's flag "estimated over 1e25 FLOP" means more than this, in FLOP.
pub const EPOCH_FLAG_FLOP: f64 = 1e25;

/// How far an ECI score may sit from the model's true capability, in ECI
/// points either side: the project's assumption for a score near a
/// threshold, not Epoch's figure. Epoch fits ECI with bootstrap confidence
/// intervals for each model (90% by default: `ci_level=0.90` in
/// github.com/epoch-research/eci-public, shown on epoch.ai/eci), but states
/// no typical width and the snapshot we import carries no intervals. For
/// scale, Epoch's FAQ (epoch.ai/data/eci-documentation/faq) reads 5 points
/// as roughly a doubling of METR's time horizon.
pub const ECI_SCORE_UNCERTAINTY_POINTS: f64 = 3.0;

/// Lowest and highest interval level accepted; others are clamped.
pub const LEVEL_RANGE: (f64, f64) = (0.5, 0.99);

/// Where an estimate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Regression of log10 compute on ECI score and publication date.
    Capability,
    /// A fine-tune's base model's reported total plus its fine-tuning.
    BaseModel,
    /// 6 × (active) parameters × training tokens.
    Parameters,
    /// The nearest model of the same developer and name family, widened by
    /// how far apart such neighbours' figures are.
    Family,
    /// Epoch's "estimated over 1e25 FLOP" flag: a lower bound.
    EpochFlag,
    /// The largest run known by the publication date × [`CEILING_FACTOR`]: an upper bound.
    FrontierCeiling,
}

impl Method {
    /// Every method, in order.
    pub const ALL: [Method; 6] = [
        Method::Capability,
        Method::BaseModel,
        Method::Parameters,
        Method::Family,
        Method::EpochFlag,
        Method::FrontierCeiling,
    ];

    /// The method's name in the backtest and the API ("capability").
    pub fn name(self) -> &'static str {
        match self {
            Method::Capability => "capability",
            Method::BaseModel => "base_model",
            Method::Parameters => "parameters",
            Method::Family => "family",
            Method::EpochFlag => "epoch_flag",
            Method::FrontierCeiling => "frontier_ceiling",
        }
    }
}

/// The methods that give a central value, best first: in the order of
/// their median error in the backtest (data/ESTIMATES.md; a test checks
/// that the backtest still agrees). Where several apply, the first one's
/// interval is kept and the others move its central value. The family
/// method holds its place only when its neighbour's figure is reported;
/// from an estimated neighbour it comes after parameters.
pub const PREFERENCE: [Method; 4] = [
    Method::BaseModel,
    Method::Capability,
    Method::Family,
    Method::Parameters,
];

/// The method whose figure is kept wherever it applies.
pub const PREFERRED: Method = PREFERENCE[0];

/// An estimate of a model's training compute, in FLOP.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComputeEstimate {
    /// Lower end of the interval in FLOP; `None` when nothing bounds it below.
    pub low: Option<f64>,
    /// The lower end is Epoch's flag, which says "more than": the compute
    /// is above `low`, not at it.
    pub low_exclusive: bool,
    /// Central value in FLOP; `None` for bounds alone.
    pub central: Option<f64>,
    /// Upper end of the interval in FLOP; `None` when nothing bounds it above.
    pub high: Option<f64>,
    /// Probability the interval is meant to hold the truth (0.8 for 80%);
    /// a bound alone is meant to hold almost always.
    pub level: f64,
    /// The method the central value (or, without one, the bounds) comes from.
    pub method: Method,
    /// Other methods that narrowed the interval, in [`Method::ALL`] order
    /// (since intervals are no longer intersected, only the bounds:
    /// [`Method::EpochFlag`] and [`Method::FrontierCeiling`]).
    pub narrowed_by: Vec<Method>,
    /// The estimate in words, for the page.
    pub words: String,
}

/// An estimate of a model's ECI score from its compute and date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreEstimate {
    /// Lower end of the interval (ECI points).
    pub low: f64,
    /// Central value (ECI points).
    pub central: f64,
    /// Upper end of the interval (ECI points).
    pub high: f64,
    /// Probability the interval is meant to hold the truth.
    pub level: f64,
    /// The estimate in words.
    pub words: String,
}

/// The methods fitted on a catalog at one interval level. Fitting is a few
/// small least-absolute-deviations fits (each lifecycle left out in turn for
/// the interval) and sorts: about 2.5 ms on the embedded catalog natively
/// (`cargo run --release --example backtest` prints it); an estimate is O(1) for the capability method and
/// O(log n + window) for the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimator {
    level: f64,
    capability: Option<capability::Fit>,
    score: Option<capability::Fit>,
    ratios: parameters::Ratios,
    families: family::Families,
    frontier: ceiling::Frontier,
    shares: base::Shares,
    /// Whether each row's figure may be read (the backtest hides some):
    /// the base-model method reads a fine-tune's base's.
    readable: Vec<bool>,
}

/// The capability method's two planes with their intervals (compute from
/// ECI score and date, and the score from compute and date) at one level.
/// They are nine tenths of the time of fitting: each leaves every
/// lifecycle out in turn to find the interval (`capability.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct CapabilityFits {
    level: f64,
    compute: Option<capability::Fit>,
    score: Option<capability::Fit>,
}

/// A candidate interval in log10 FLOP.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    method: Method,
    low: f64,
    central: f64,
    high: f64,
}

impl Estimator {
    /// Fits every method on the catalog's reported figures. `level` is the
    /// interval's probability, clamped to [`LEVEL_RANGE`].
    pub fn fit(catalog: &Catalog, level: f64) -> Estimator {
        Estimator::fit_on(catalog, level, &|_| true)
    }

    /// Fits on the models `keep` accepts (the backtest hides the others).
    pub fn fit_on(catalog: &Catalog, level: f64, keep: &dyn Fn(usize) -> bool) -> Estimator {
        Estimator::fit_sharing(catalog, level, keep, None)
    }

    /// [`Estimator::fit_on`], taking the capability method's fits from
    /// `fits` when they are at the same level (as [`Estimator::level`]
    /// clamps it) and were fitted on the same rows: the stored ones
    /// ([`stored`]), or the backtest's full fit where hiding a lifecycle
    /// without a capability row leaves them as they are.
    pub fn fit_sharing(
        catalog: &Catalog,
        level: f64,
        keep: &dyn Fn(usize) -> bool,
        fits: Option<&CapabilityFits>,
    ) -> Estimator {
        let level = if level.is_nan() {
            0.8
        } else {
            level.clamp(LEVEL_RANGE.0, LEVEL_RANGE.1)
        };
        let (capability, score) = match fits {
            Some(f) if f.level == level => (f.compute.clone(), f.score.clone()),
            _ => {
                let rows = capability::rows(catalog, keep);
                (
                    capability::fit_compute(&rows, level),
                    capability::fit_score(&rows, level),
                )
            }
        };
        Estimator {
            level,
            capability,
            score,
            ratios: parameters::Ratios::fit(catalog, keep),
            families: family::Families::fit(catalog, keep, level),
            frontier: ceiling::Frontier::fit(catalog, keep),
            shares: base::Shares::fit(catalog, keep, level),
            readable: (0..catalog.models.len()).map(keep).collect(),
        }
    }

    /// Whether row `j`'s figure may be read (every row, outside the backtest).
    fn readable(&self, j: usize) -> bool {
        self.readable.get(j).copied().unwrap_or(true)
    }

    /// The capability method's fits, to share or to store.
    pub fn capability_fits(&self) -> CapabilityFits {
        CapabilityFits {
            level: self.level,
            compute: self.capability.clone(),
            score: self.score.clone(),
        }
    }

    /// The interval level in use.
    pub fn level(&self) -> f64 {
        self.level
    }

    /// How many models the capability fit used (0 when it could not fit).
    pub fn capability_rows(&self) -> usize {
        self.capability.as_ref().map_or(0, |f| f.n)
    }

    /// The estimate for a model without its own compute figure; `None` for
    /// a model that reports one (an estimate never replaces a figure) or
    /// that no method reaches.
    pub fn compute(&self, catalog: &Catalog, index: usize) -> Option<ComputeEstimate> {
        if catalog.models[index].compute_flop.is_some() {
            return None;
        }
        self.estimate_hidden(catalog, index)
    }

    /// The estimate as if the model's figure were hidden (the backtest's
    /// view of a model that reports one).
    pub fn estimate_hidden(&self, catalog: &Catalog, index: usize) -> Option<ComputeEstimate> {
        let model = &catalog.models[index];
        // The family method ranks by its neighbour: from a reported figure
        // it does better than parameters in the backtest, from an
        // estimated one worse (ESTIMATES.md).
        let family_reported = self
            .family_neighbour(catalog, index)
            .is_some_and(|(_, n)| n.reported);
        let order = if family_reported {
            PREFERENCE
        } else {
            [
                Method::BaseModel,
                Method::Capability,
                Method::Parameters,
                Method::Family,
            ]
        };
        let candidates: Vec<Candidate> = order
            .iter()
            .filter_map(|&m| self.candidate(catalog, index, m))
            .collect();
        let year = model.publication_date.year_fraction();
        let floor = model.estimated_over_1e25.then_some(EPOCH_FLAG_FLOP);
        let ceiling = self.frontier.ceiling(year);
        let mut narrowed_by = Vec::new();
        let mut notes = Vec::new();
        // The preferred method's interval stands as it is: intersecting it
        // with the other's would need both to hold at once, which happens
        // less often than either (the backtest's combined coverage fell to
        // 0.70 that way). Where the two overlap, the central value moves
        // into the overlap (the other method's information, without
        // narrowing the interval); where they do not, the words say so.
        let central = candidates.first().copied().map(|mut best| {
            for other in &candidates[1..] {
                let (low, high) = (best.low.max(other.low), best.high.min(other.high));
                if low <= high {
                    best.central = best.central.clamp(low, high);
                } else {
                    notes.push(format!(
                        "the {} method disagrees ({} to {})",
                        other.method.name(),
                        rough_flop(10f64.powf(other.low)),
                        rough_flop(10f64.powf(other.high))
                    ));
                }
            }
            best
        });
        // Clip with the bounds; a statistical interval wholly outside them
        // gives way to the bounds (they carry information the fit lacks).
        let (lf, hf) = (floor.map(f64::log10), ceiling.map(f64::log10));
        let clipped = central.and_then(|mut c| {
            let low = lf.map_or(c.low, |f| c.low.max(f));
            let high = hf.map_or(c.high, |h| c.high.min(h));
            if low > high {
                notes.push(format!(
                    "the {} estimate ({} to {}) lies outside the bounds, which are kept",
                    c.method.name(),
                    rough_flop(10f64.powf(c.low)),
                    rough_flop(10f64.powf(c.high))
                ));
                return None;
            }
            if lf.is_some_and(|f| c.low < f) {
                narrowed_by.push(Method::EpochFlag);
            }
            if hf.is_some_and(|h| c.high > h) {
                narrowed_by.push(Method::FrontierCeiling);
            }
            c.low = low;
            c.high = high;
            c.central = c.central.clamp(low, high);
            Some(c)
        });
        let mut estimate = match clipped {
            Some(c) => ComputeEstimate {
                low: Some(10f64.powf(c.low)),
                low_exclusive: lf == Some(c.low),
                central: Some(10f64.powf(c.central)),
                high: Some(10f64.powf(c.high)),
                level: self.level,
                method: c.method,
                narrowed_by,
                words: String::new(),
            },
            None => {
                if floor.is_none() && ceiling.is_none() {
                    return None;
                }
                let method = if floor.is_some() {
                    Method::EpochFlag
                } else {
                    Method::FrontierCeiling
                };
                ComputeEstimate {
                    low: floor,
                    low_exclusive: floor.is_some(),
                    central: None,
                    high: ceiling,
                    level: self.level,
                    method,
                    narrowed_by: if floor.is_some() && ceiling.is_some() {
                        vec![Method::FrontierCeiling]
                    } else {
                        Vec::new()
                    },
                    words: String::new(),
                }
            }
        };
        crate::sort::sort_dedup(&mut estimate.narrowed_by);
        // The base-model method's low end is its base's figure itself, not
        // its round trip through log10 (2.100000000000001e25 for GPT-4's
        // 2.1e25 read a threshold of 2.1e25 as passed at the low end).
        if estimate.method == Method::BaseModel {
            if let (Some(input), Some(low)) = (
                base::inputs(catalog, model, &|j| self.readable(j)),
                estimate.low,
            ) {
                if (low / input.base_flop - 1.0).abs() < 1e-9 {
                    estimate.low = Some(input.base_flop);
                    if let Some(c) = estimate.central.as_mut() {
                        *c = c.max(input.base_flop);
                    }
                }
            }
        }
        estimate.words = self.words(catalog, index, &estimate, &notes);
        Some(estimate)
    }

    /// One method's central value and interval (log10 FLOP), for the
    /// methods that give one.
    fn candidate(&self, catalog: &Catalog, index: usize, method: Method) -> Option<Candidate> {
        let model = &catalog.models[index];
        let year = model.publication_date.year_fraction();
        let (low, central, high) = match method {
            Method::Capability => self.capability.as_ref()?.predict(model.eci?, year),
            Method::BaseModel => {
                let input = base::inputs(catalog, model, &|j| self.readable(j))?;
                self.shares.estimate(&input)?
            }
            Method::Parameters => {
                // A fine-tune the base-model method reads: 6 × N × (r × N)
                // would restate a pre-training run of its size, which its
                // base's figure already gives (PaLM (540B)'s fine-tunes at
                // ten times PaLM's reported compute).
                if self.shares.fitted()
                    && base::inputs(catalog, model, &|j| self.readable(j)).is_some()
                {
                    return None;
                }
                let input = parameters::inputs(catalog, model)?;
                self.ratios.estimate(&input, self.level)?.0
            }
            Method::Family => self.family_neighbour(catalog, index)?.0,
            Method::EpochFlag | Method::FrontierCeiling => return None,
        };
        Some(Candidate {
            method,
            low,
            central,
            high,
        })
    }

    /// The family estimate (log10 low, central, high) and the neighbour it
    /// came from: the neighbour's reported figure, or its capability or
    /// parameters estimate.
    pub(crate) fn family_neighbour(
        &self,
        catalog: &Catalog,
        index: usize,
    ) -> Option<((f64, f64, f64), family::Neighbour)> {
        // A neighbour's own estimate, by a method other than this one (no
        // estimate of an estimate of an estimate). A mixture of experts
        // without a stated active count gets no parameters estimate (6 ×
        // total parameters overstates it), so none through a neighbour
        // either.
        let model = &catalog.models[index];
        let moe_unknown_active = model.parameters.is_some()
            && parameters::effective_parameters(catalog, model).is_none();
        let statistical = |j: usize| {
            PREFERENCE
                .iter()
                .filter(|m| **m != Method::Family)
                .filter(|m| !(moe_unknown_active && **m == Method::Parameters))
                .find_map(|&m| self.candidate(catalog, j, m))
                .map(|c| (c.low, c.central, c.high))
        };
        self.families.estimate(catalog, index, &statistical)
    }

    /// The lower bound from Epoch's flag (exclusive), for the backtest.
    pub fn flag_bound(&self, model: &Model) -> Option<f64> {
        model.estimated_over_1e25.then_some(EPOCH_FLAG_FLOP)
    }

    /// The frontier ceiling at the model's publication date, in FLOP.
    pub fn ceiling(&self, model: &Model) -> Option<f64> {
        self.frontier
            .ceiling(model.publication_date.year_fraction())
    }

    /// A single method's estimate (low, central, high in FLOP), or `None`
    /// when it does not apply; for the backtest and the page's details.
    pub fn method_estimate(
        &self,
        catalog: &Catalog,
        index: usize,
        method: Method,
    ) -> Option<(f64, f64, f64)> {
        let c = self.candidate(catalog, index, method)?;
        Some((10f64.powf(c.low), 10f64.powf(c.central), 10f64.powf(c.high)))
    }

    /// The ECI score of a model that reports compute but has no score,
    /// from the capability fit the other way round; `None` otherwise.
    pub fn eci(&self, catalog: &Catalog, index: usize) -> Option<ScoreEstimate> {
        let model = &catalog.models[index];
        if model.eci.is_some() {
            return None;
        }
        self.eci_hidden(catalog, index)
    }

    /// The ECI estimate as if the model's score were hidden (for the backtest).
    pub fn eci_hidden(&self, catalog: &Catalog, index: usize) -> Option<ScoreEstimate> {
        let model = &catalog.models[index];
        let compute = model.compute_flop.filter(|c| *c > 0.0)?;
        let (low, central, high) = self
            .score
            .as_ref()?
            .predict(compute.log10(), model.publication_date.year_fraction());
        Some(ScoreEstimate {
            low,
            central,
            high,
            level: self.level,
            words: format!(
                "~{} ECI, {}% interval {} to {}, from its training compute {} and release date",
                format::score(central),
                percent(self.level),
                format::score(low),
                format::score(high),
                format::flop(compute)
            ),
        })
    }

    fn words(
        &self,
        catalog: &Catalog,
        index: usize,
        e: &ComputeEstimate,
        notes: &[String],
    ) -> String {
        let model = &catalog.models[index];
        let mut text = match e.central {
            Some(central) => format!(
                "~{}, {}% interval {} to {}, {}",
                rough_flop(central),
                percent(e.level),
                rough(e.low.unwrap_or(central)),
                rough(e.high.unwrap_or(central)),
                self.source_words(catalog, index, e.method)
            ),
            None => {
                let mut parts = Vec::new();
                if let Some(low) = e.low {
                    parts.push(format!(
                        "more than {} (Epoch estimates it over 10²⁵ FLOP)",
                        format::flop(low)
                    ));
                }
                if let Some(high) = e.high {
                    parts.push(format!("at most {}", self.ceiling_words(model, high)));
                }
                parts.join(", and ")
            }
        };
        if e.central.is_some() {
            for m in &e.narrowed_by {
                text.push_str(match m {
                    Method::Capability => "; narrowed by its ECI score",
                    Method::BaseModel => "; narrowed by its base model's figure",
                    Method::Parameters => "; narrowed by its parameter count",
                    Method::Family => "; narrowed by its family",
                    Method::EpochFlag => "; no lower than Epoch's over-10²⁵ flag",
                    Method::FrontierCeiling => "; capped at the frontier ceiling",
                });
            }
        }
        for note in notes {
            text.push_str("; ");
            text.push_str(note);
        }
        text
    }

    /// The statistical method that estimates a model ("capability").
    fn statistical_name(&self, catalog: &Catalog, index: usize) -> &'static str {
        PREFERENCE
            .iter()
            .filter(|m| **m != Method::Family)
            .find(|&&m| self.candidate(catalog, index, m).is_some())
            .map_or("", |m| match m {
                Method::Parameters => "from its parameter count",
                Method::BaseModel => "from its base model's figure",
                _ => "from its ECI score",
            })
    }

    fn source_words(&self, catalog: &Catalog, index: usize, method: Method) -> String {
        let model = &catalog.models[index];
        match method {
            Method::Capability => format!(
                "from its ECI score {} and release date",
                format::score(model.eci.unwrap_or_default())
            ),
            Method::Parameters => {
                let active = parameters::effective_parameters(catalog, model)
                    .filter(|p| Some(*p) != model.parameters)
                    .map_or("", |_| " active");
                let n = parameters::effective_parameters(catalog, model).unwrap_or_default();
                match parameters::inputs(catalog, model).and_then(|i| i.tokens) {
                    Some(d) => format!(
                        "from 6 × parameters × tokens ({}{active} parameters, {} tokens)",
                        rough(n),
                        rough(d)
                    ),
                    None => format!(
                        "from 6 × parameters × tokens ({}{active} parameters), at the tokens \
                         per parameter of language models published within a year of it",
                        rough(n)
                    ),
                }
            }
            Method::BaseModel => {
                let Some(input) = base::inputs(catalog, model, &|j| self.readable(j)) else {
                    return "from its base model's figure".to_string();
                };
                let base = model.base.map_or("", |b| catalog.models[b].name.as_str());
                let ratios = format!(
                    "what fine-tuning added to the base in the {} catalog fine-tunes that report both totals",
                    self.shares.len()
                );
                match input.fine_tuning_flop {
                    Some(f) => format!(
                        "from {base}'s reported {} plus 6 × parameters × tokens for its fine-tuning ({}), the interval from {ratios}",
                        format::flop(input.base_flop),
                        rough_flop(f)
                    ),
                    None => format!(
                        "from {base}'s reported {} and {ratios} (×{} at the median)",
                        format::flop(input.base_flop),
                        format::plain4(self.shares.median_ratio())
                    ),
                }
            }
            Method::Family => match self.family_neighbour(catalog, index) {
                Some((_, n)) => {
                    let other = &catalog.models[n.index];
                    format!(
                        "from {} ({}, same developer, {}), whose compute is {}",
                        other.name,
                        other.publication_date,
                        months_apart(model, other),
                        if n.reported {
                            "reported".to_string()
                        } else {
                            format!(
                                "itself estimated ({})",
                                self.statistical_name(catalog, n.index)
                            )
                        }
                    )
                }
                None => "from a model of its family".to_string(),
            },
            Method::EpochFlag => "from Epoch's over-10²⁵ flag".to_string(),
            Method::FrontierCeiling => "from the frontier ceiling".to_string(),
        }
    }

    fn ceiling_words(&self, model: &Model, high: f64) -> String {
        let year = model.publication_date.year_fraction();
        match self.frontier.record_by(year) {
            Some((record, _)) => format!(
                "{} ({} × the largest training run reported by its release date, {})",
                rough_flop(high),
                CEILING_FACTOR,
                format::flop(record)
            ),
            None => rough_flop(high),
        }
    }
}

/// How far apart two models were published: "3 months earlier",
/// "the same month", "2 months later" (of `other`, seen from `model`).
fn months_apart(model: &Model, other: &Model) -> String {
    let months = ((other.publication_date.year_fraction() - model.publication_date.year_fraction())
        * 12.0)
        .round() as i64;
    match months {
        0 => "published the same month".to_string(),
        1 | -1 => format!(
            "published a month {}",
            if months < 0 { "earlier" } else { "later" }
        ),
        m => format!(
            "published {} months {}",
            m.abs(),
            if m < 0 { "earlier" } else { "later" }
        ),
    }
}

/// 0.8 as "80".
fn percent(level: f64) -> String {
    format!("{}", (level * 100.0).round())
}

/// A value rounded to one significant digit, in scientific notation: "3 × 10²⁵".
fn rough(value: f64) -> String {
    if !(value.is_finite() && value > 0.0) {
        return format::sci(value);
    }
    let exponent = value.log10().floor();
    let mut mantissa = (value / 10f64.powf(exponent)).round();
    let mut exponent = exponent;
    if mantissa >= 10.0 {
        mantissa = 1.0;
        exponent += 1.0;
    }
    format::sci(mantissa * 10f64.powf(exponent))
}

/// [`rough`] with the unit: "3 × 10²⁵ FLOP".
fn rough_flop(value: f64) -> String {
    format!("{} FLOP", rough(value))
}
