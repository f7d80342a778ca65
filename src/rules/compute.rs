//! What is known about a model's training compute: a figure, a range (a
//! figure's uncertainty by its confidence label, or an estimate), a lower
//! bound, Epoch's flag; how it compares with a "more than" threshold at
//! each reading, and its words. `parts.rs` reads it out of the catalog.

use serde::Serialize;

use super::parts::uncertainty_factor;
use super::{more_than_sign, Reading, Test};
use crate::catalog::Confidence;
use crate::format;

/// What is known about a model's training compute.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ComputeFigure {
    /// A figure in FLOP (Epoch's, with its confidence label).
    Reported {
        /// The figure.
        flop: f64,
    },
    /// A figure in FLOP that may be off: the truth lies from `low` to `high`
    /// (its confidence label's width, see [`uncertainty_factor`], kept at
    /// or above its base model's and at or below the frontier ceiling).
    Uncertain {
        /// Epoch's figure (or the sum of figures it is made of).
        flop: f64,
        /// Lowest plausible value.
        low: f64,
        /// Highest plausible value.
        high: f64,
        /// Epoch's label of the figure: the one that set the width, or
        /// (for [`RangeShape::Published`]) the fine-tune's own.
        confidence: Confidence,
        /// Whether the range is read as an estimate (a Speculative or
        /// unlabelled figure with estimates on, or a range built on one):
        /// the exact reading (reported figures) then never decides.
        estimate: bool,
        /// How the range came about, for its words.
        shape: RangeShape,
    },
    /// No figure of its own: an estimate (data/ESTIMATES.md), from its
    /// `low` end (more than `low` when `low_exclusive`) to its `high` end
    /// (`None`: nothing bounds it above), with a central value where a
    /// method gives one.
    Estimated {
        /// Central value in FLOP, where a method gives one.
        central: Option<f64>,
        /// Lower end in FLOP (0 when nothing bounds it below).
        low: f64,
        /// Whether the compute is more than `low` rather than at least it.
        low_exclusive: bool,
        /// Upper end in FLOP, where something bounds it.
        high: Option<f64>,
        /// What the data alone shows it is at least (a fine-tune's base
        /// and fine-tuning), in FLOP: a hard floor, not an estimate.
        floor: Option<f64>,
        /// Where it stands on a range of bounds that is not itself an
        /// estimate (a fine-tune of a model whose figure is a range under
        /// `unc`: at least that range, end for end), the range; a share
        /// test reads it as it reads [`ComputeFigure::AtLeastRange`] (see
        /// [`ComputeFigure::share_reference`]).
        on_range: Option<BoundRange>,
    },
    /// No figure of its own, but at least this many FLOP: a fine-tune's
    /// cumulative compute includes its base model's and its own fine-tuning.
    AtLeast {
        /// The lower bound.
        flop: f64,
    },
    /// No figure of its own, but at least a figure that is itself a range
    /// (a fine-tune of a model whose figure is [`ComputeFigure::Uncertain`]):
    /// at each reading, at least that range's end (and more than 1e25 where
    /// Epoch flags it so); at most the frontier ceiling, where estimates are
    /// on (with estimates off nothing bounds it above).
    AtLeastRange {
        /// The bound's central value (the base's figure plus the fine-tuning).
        flop: f64,
        /// The bound's lowest plausible value.
        low: f64,
        /// The bound's highest plausible value.
        high: f64,
        /// The label of the figure the bound is built on.
        confidence: Confidence,
        /// Whether the range it is built on is read as an estimate
        /// (see [`ComputeFigure::Uncertain`]).
        estimate: bool,
        /// Nothing is above this (the frontier ceiling at its date, never
        /// below `high`), in FLOP; `None` with estimates off.
        ceiling: Option<f64>,
        /// Epoch's flag on the fine-tune: more than 1e25 FLOP at every
        /// reading but the exact one (it is Epoch's estimate).
        flagged: bool,
    },
    /// No figure, but Epoch estimates it is over 1e25 FLOP (used only when
    /// the scenario switches estimates on).
    EstimatedOver1e25,
    /// No public figure.
    Undisclosed,
}

/// The range of bounds an estimate stands on (see
/// [`ComputeFigure::Estimated`]): the fields of the
/// [`ComputeFigure::AtLeastRange`] it replaced that a share test reads. It
/// is never itself an estimate (only a range the modifier can know is kept).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BoundRange {
    /// The bound's central value.
    pub flop: f64,
    /// The bound's lowest plausible value.
    pub low: f64,
    /// The bound's highest plausible value.
    pub high: f64,
    /// The label of the figure the bound is built on.
    pub confidence: Confidence,
}

/// How a [`ComputeFigure::Uncertain`] range came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeShape {
    /// The figure's own label interval (capped at the frontier ceiling,
    /// raised to its base model's range where it is a fine-tune).
    Label,
    /// A figure taken as published (a fine-tune's), raised at each end to
    /// its base model's range: its cumulative compute includes its base's.
    Published,
    /// A base model's range plus a fine-tuning figure (a fine-tune row
    /// whose own figure is its fine-tuning alone).
    OnBase,
}

/// Epoch's over-1e25 flag means "more than 1e25 FLOP".
pub(super) const EPOCH_FLAG_FLOP: f64 = 1e25;

impl ComputeFigure {
    /// Whether it is a range (a figure's uncertainty or an estimate), which
    /// different readings read differently.
    pub fn is_range(self) -> bool {
        matches!(
            self,
            ComputeFigure::Uncertain { .. }
                | ComputeFigure::AtLeastRange { .. }
                | ComputeFigure::Estimated { .. }
        )
    }

    /// The value a figure or a lower bound reads at `reading`: a reported
    /// figure's (or bound's) at every reading, a range's end (its lowest at
    /// the exact reading, which is what the exact reading can rely on);
    /// `None` for estimates and the undisclosed.
    pub fn end_at(self, reading: Reading) -> Option<f64> {
        match self {
            ComputeFigure::Reported { flop } | ComputeFigure::AtLeast { flop } => Some(flop),
            ComputeFigure::Uncertain {
                flop, low, high, ..
            }
            | ComputeFigure::AtLeastRange {
                flop, low, high, ..
            } => Some(match reading {
                Reading::Exact | Reading::Low => low,
                Reading::Central => flop,
                Reading::High => high,
            }),
            _ => None,
        }
    }

    /// This figure kept at or above `base` at every reading (a fine-tune's
    /// cumulative compute includes its base model's: SB 53 counts "the
    /// original training run and any subsequent fine-tuning"): a range's
    /// ends and centre rise to the base's at the same reading, and a figure
    /// taken as published becomes a range from itself up to the base's
    /// ends where the base's range reaches above it (the base is not
    /// capped by its fine-tunes: a verdict never reads another row's
    /// figure downwards). A base read as an estimate standing on a range
    /// of bounds (the data's, not the estimate's) raises it as that range
    /// does. Estimates and bounds are left as they are.
    pub(super) fn at_least_base(self, base: ComputeFigure, own_label: Confidence) -> ComputeFigure {
        let base = base.share_reference();
        let at = |r: Reading, v: f64| base.end_at(r).map_or(v, |b| v.max(b));
        let base_estimate = match base {
            ComputeFigure::Uncertain { estimate, .. }
            | ComputeFigure::AtLeastRange { estimate, .. } => estimate,
            _ => false,
        };
        match self {
            ComputeFigure::Uncertain {
                flop,
                low,
                high,
                confidence,
                estimate,
                shape,
            } => ComputeFigure::Uncertain {
                flop: at(Reading::Central, flop),
                low: at(Reading::Low, low),
                high: at(Reading::High, high),
                confidence,
                estimate: estimate || base_estimate,
                shape,
            },
            ComputeFigure::Reported { flop }
                if base.is_range() && at(Reading::High, flop) > flop =>
            {
                ComputeFigure::Uncertain {
                    flop: at(Reading::Central, flop),
                    low: at(Reading::Low, flop),
                    high: at(Reading::High, flop),
                    confidence: own_label,
                    estimate: base_estimate,
                    shape: RangeShape::Published,
                }
            }
            other => other,
        }
    }

    /// A reported figure: `ComputeFigure::reported_flop(3.8e25)`.
    pub fn reported_flop(flop: f64) -> ComputeFigure {
        ComputeFigure::Reported { flop }
    }

    /// Whether the compute is *more than* `threshold`. Every compute trigger
    /// in policy.md is "more than" / "greater than": EO 14110 sec. 4.2(b),
    /// SB 53, RAISE, and AI Act Art. 51(2) ("greater than", so exactly 1e25
    /// is below). A lower bound or an estimate "over 1e25" can only show
    /// that a threshold is passed, never that it is not; a range decides
    /// only when all of it is on one side.
    pub fn exceeds(self, threshold_flop: f64) -> Test {
        self.exceeds_at(threshold_flop, Reading::Exact)
    }

    /// [`ComputeFigure::exceeds`] read at one end of every range. A
    /// reported figure, a lower bound and Epoch's flag read the same at
    /// every reading; a range reads its `low`, centre or `high` end; an
    /// estimate never decides the exact reading.
    pub fn exceeds_at(self, threshold_flop: f64, reading: Reading) -> Test {
        let t = threshold_flop;
        match (self, reading) {
            (ComputeFigure::Uncertain { low, .. }, Reading::Low) => Test::from_bool(low > t),
            (ComputeFigure::Uncertain { flop, .. }, Reading::Central) => Test::from_bool(flop > t),
            (ComputeFigure::Uncertain { high, .. }, Reading::High) => Test::from_bool(high > t),
            // At least a range: passes where the range's end at this
            // reading does; otherwise nothing bounds it above.
            (ComputeFigure::AtLeastRange { estimate: true, .. }, Reading::Exact) => Test::Unknown,
            (
                ComputeFigure::AtLeastRange {
                    ceiling, flagged, ..
                },
                _,
            ) => {
                let flag = flagged && reading != Reading::Exact && t <= EPOCH_FLAG_FLOP;
                if flag || self.end_at(reading).is_some_and(|end| end > t) {
                    Test::Pass
                } else if ceiling.is_some_and(|c| c <= t) && reading != Reading::Exact {
                    Test::Fail
                } else {
                    Test::Unknown
                }
            }
            // Exactly, an estimate decides nothing; the data's own floor
            // under it still can.
            (ComputeFigure::Estimated { floor, .. }, Reading::Exact) => {
                if matches!(floor, Some(f) if f > t) {
                    Test::Pass
                } else {
                    Test::Unknown
                }
            }
            // Bounds alone (Epoch's flag, the frontier ceiling): nothing to
            // read inside them, so they decide only past their ends, at
            // every reading; between them the model stays undetermined.
            (
                ComputeFigure::Estimated {
                    central: None,
                    low,
                    low_exclusive,
                    high,
                    ..
                },
                _,
            ) => {
                if above_low(low, low_exclusive, t) {
                    Test::Pass
                } else if matches!(high, Some(h) if h <= t) {
                    Test::Fail
                } else {
                    Test::Unknown
                }
            }
            // "More than `low`" (Epoch's flag) passes a threshold at `low`.
            (
                ComputeFigure::Estimated {
                    low, low_exclusive, ..
                },
                Reading::Low,
            ) => Test::from_bool(above_low(low, low_exclusive, t)),
            (
                ComputeFigure::Estimated {
                    central: Some(c),
                    low,
                    low_exclusive,
                    ..
                },
                Reading::Central,
            ) => Test::from_bool(c > t || (c <= low && above_low(low, low_exclusive, t))),
            (ComputeFigure::Estimated { high, .. }, Reading::High) => {
                Test::from_bool(!matches!(high, Some(h) if h <= t))
            }
            _ => self.exceeds_exactly(t),
        }
    }

    fn exceeds_exactly(self, threshold_flop: f64) -> Test {
        match self {
            ComputeFigure::Reported { flop } => Test::from_bool(flop > threshold_flop),
            // A range read as an estimate never decides on reported figures.
            ComputeFigure::Uncertain { estimate: true, .. }
            | ComputeFigure::AtLeastRange { estimate: true, .. } => Test::Unknown,
            ComputeFigure::Uncertain { low, .. } if low > threshold_flop => Test::Pass,
            ComputeFigure::Uncertain { high, .. } if high <= threshold_flop => Test::Fail,
            ComputeFigure::AtLeast { flop } if flop > threshold_flop => Test::Pass,
            ComputeFigure::EstimatedOver1e25 if threshold_flop <= EPOCH_FLAG_FLOP => Test::Pass,
            _ => Test::Unknown,
        }
    }

    /// The figure [`ComputeFigure::describe`] leads with, in FLOP: a
    /// range's centre, a bound, an estimate's central value.
    fn printed_flop(self) -> Option<f64> {
        match self {
            ComputeFigure::Reported { flop }
            | ComputeFigure::AtLeast { flop }
            | ComputeFigure::Uncertain { flop, .. }
            | ComputeFigure::AtLeastRange { flop, .. } => Some(flop),
            ComputeFigure::Estimated { central, .. } => central,
            ComputeFigure::EstimatedOver1e25 | ComputeFigure::Undisclosed => None,
        }
    }

    /// The figure in FLOP when one is reported (the central value of a range).
    pub fn reported(self) -> Option<f64> {
        match self {
            ComputeFigure::Reported { flop } | ComputeFigure::Uncertain { flop, .. } => Some(flop),
            _ => None,
        }
    }

    /// What a share test (the one-third rule, the US substantial
    /// modification) reads of an original's compute: the figure, except
    /// that an estimate standing on a range of bounds is read as that range
    /// (at each reading at least its end), as it is where the original has
    /// no estimate; an estimate itself is never the original's compute.
    pub fn share_reference(self) -> ComputeFigure {
        match self {
            ComputeFigure::Estimated {
                on_range: Some(r), ..
            } => ComputeFigure::AtLeastRange {
                flop: r.flop,
                low: r.low,
                high: r.high,
                confidence: r.confidence,
                estimate: false,
                ceiling: None,
                flagged: false,
            },
            other => other,
        }
    }

    /// The most that can be said from below: a figure's lowest plausible
    /// value, or the lower bound. For an estimate, the data's own floor
    /// under it (a fine-tune's base and fine-tuning), never the estimate's
    /// low end: turning estimates on forgets nothing the data shows.
    pub fn floor(self) -> Option<f64> {
        match self {
            ComputeFigure::Reported { flop } | ComputeFigure::AtLeast { flop } => Some(flop),
            ComputeFigure::Uncertain { low, .. } | ComputeFigure::AtLeastRange { low, .. } => {
                Some(low)
            }
            ComputeFigure::Estimated { floor, .. } => floor,
            ComputeFigure::EstimatedOver1e25 | ComputeFigure::Undisclosed => None,
        }
    }

    /// This figure plus `flop` more (a fine-tune on top of its base): a
    /// range moves whole, a lower bound rises.
    pub(super) fn plus(self, flop: f64) -> ComputeFigure {
        match self {
            ComputeFigure::Reported { flop: f } => ComputeFigure::Reported { flop: f + flop },
            ComputeFigure::Uncertain {
                flop: f,
                low,
                high,
                confidence,
                estimate,
                shape,
            } => ComputeFigure::Uncertain {
                flop: f + flop,
                low: low + flop,
                high: high + flop,
                confidence,
                estimate,
                shape: match shape {
                    RangeShape::Label => RangeShape::OnBase,
                    other => other,
                },
            },
            ComputeFigure::AtLeastRange {
                flop: f,
                low,
                high,
                confidence,
                estimate,
                ceiling,
                flagged,
            } => ComputeFigure::AtLeastRange {
                flop: f + flop,
                low: low + flop,
                high: high + flop,
                confidence,
                estimate,
                ceiling: ceiling.map(|c| c.max(high + flop)),
                flagged,
            },
            ComputeFigure::AtLeast { flop: f } => ComputeFigure::AtLeast { flop: f + flop },
            ComputeFigure::Estimated {
                central,
                low,
                low_exclusive,
                high,
                floor,
                on_range,
            } => ComputeFigure::Estimated {
                central: central.map(|c| c + flop),
                low: low + flop,
                low_exclusive,
                high: high.map(|h| h + flop),
                floor: Some(floor.unwrap_or(0.0) + flop),
                on_range: on_range.map(|r| BoundRange {
                    flop: r.flop + flop,
                    low: r.low + flop,
                    high: r.high + flop,
                    ..r
                }),
            },
            other => other,
        }
    }

    /// "2.3 × 10²⁵ FLOP", "at least ...", "over 10²⁵ FLOP (Epoch estimate)" or "undisclosed".
    pub fn describe(self) -> String {
        self.describe_against(None)
    }

    /// [`ComputeFigure::describe`], its central figure printed with as
    /// many digits as it takes to read apart from `threshold` where one is
    /// given (an estimate's ~1.02e25 against 1e25 is "~1.02 × 10²⁵", not
    /// "~1 × 10²⁵").
    fn describe_against(self, threshold: Option<f64>) -> String {
        let printed = |flop: f64| match threshold {
            Some(t) => format::flop_pair(flop, t).0,
            None => format::flop(flop),
        };
        match self {
            ComputeFigure::Reported { flop } => printed(flop),
            ComputeFigure::Uncertain {
                flop,
                low,
                high,
                confidence,
                shape,
                ..
            } => {
                let ends = format!("from {} to {}", format::sci(low), format::flop(high));
                let label = label_name(confidence);
                match shape {
                    RangeShape::Label => {
                        let why = label_range_reasons(flop, low, high, confidence);
                        let factor = format::score(uncertainty_factor(confidence));
                        if why.is_empty() {
                            format!(
                                "{} ({label}, within a factor of {factor}: {ends})",
                                printed(flop)
                            )
                        } else {
                            format!(
                                "{} ({label}, within a factor of {factor} with {}: {ends})",
                                printed(flop),
                                why.join(" and ")
                            )
                        }
                    }
                    RangeShape::Published => {
                        // Taken as it is: the label's width is not read.
                        let taken = match confidence {
                            Confidence::Entered => "the figure entered, taken as it is".to_string(),
                            _ => format!("{label}, as published"),
                        };
                        format!(
                            "{} ({taken}; its base model's range reaches higher, so {ends})",
                            printed(flop)
                        )
                    }
                    RangeShape::OnBase => format!(
                        "{} (its base model's figure and its fine-tuning; with the base's range ({label}), {ends})",
                        printed(flop)
                    ),
                }
            }
            ComputeFigure::AtLeastRange {
                flop,
                low,
                high,
                confidence,
                ceiling,
                flagged,
                ..
            } => format!(
                "at least {} (its base model's figure and its fine-tuning; the base's range ({}): from {} to {}){}{}",
                printed(flop),
                label_name(confidence),
                format::sci(low),
                format::flop(high),
                if flagged {
                    "; over 1 × 10²⁵ FLOP by Epoch's estimate"
                } else {
                    ""
                },
                ceiling.map_or(String::new(), |c| format!(
                    "; at most {} (the frontier's ceiling at its date)",
                    format::flop(c)
                ))
            ),
            ComputeFigure::AtLeast { flop } => format!(
                "at least {} (what its base model and its fine-tuning used)",
                printed(flop)
            ),
            ComputeFigure::Estimated {
                central,
                low,
                low_exclusive,
                high,
                ..
            } => {
                let (low_flop, low) = (
                    low,
                    if low_exclusive {
                        format!("more than {}", format::sci(low))
                    } else {
                        format::sci(low)
                    },
                );
                // Every range with its unit (a compliance tester's find),
                // and no "from 0" (a second reader's).
                let bounded_below = low_exclusive || low_flop > 0.0;
                let range = match (bounded_below, high) {
                    (true, Some(h)) => format!("from {low} to {}", format::flop(h)),
                    (true, None) => format!("from {low} FLOP, no upper bound"),
                    (false, Some(h)) => format!("up to {}", format::flop(h)),
                    (false, None) => "no bounds".to_string(),
                };
                match (central, high) {
                    (Some(c), _) => format!("~{} (estimated, {range})", printed(c)),
                    (None, Some(h)) if !bounded_below => format!(
                        "at most {} (estimated: the frontier's ceiling at its date)",
                        format::flop(h)
                    ),
                    (None, _) => format!("estimated ({range})"),
                }
            }
            ComputeFigure::EstimatedOver1e25 => "over 1 × 10²⁵ FLOP (Epoch estimate)".to_string(),
            ComputeFigure::Undisclosed => "undisclosed".to_string(),
        }
    }

    /// "x > threshold" in words, with enough digits that a pass never
    /// reads as a tie (1.001e25 against 1e25).
    /// A range (an estimate, a figure's uncertainty) is compared at its
    /// centre ("~3 × 10²⁵ ... > ..."), as the verdict shown is; the
    /// verdict's likelihood says how sure that is.
    pub fn compared_with(self, threshold_flop: f64) -> String {
        let reading = if self.is_range() {
            Reading::Central
        } else {
            Reading::Exact
        };
        let sign = more_than_sign(self.exceeds_at(threshold_flop, reading));
        match self {
            ComputeFigure::Reported { flop } => {
                let (a, b) = format::flop_pair(flop, threshold_flop);
                format!("{a} {sign} {b}")
            }
            // The central figure printed apart from the threshold, and the
            // threshold with as many digits (both as `flop_pair` has them).
            _ => {
                let threshold = match self.printed_flop() {
                    Some(c) => format::flop_pair(c, threshold_flop).1,
                    None => format::flop(threshold_flop),
                };
                format!(
                    "{} {sign} {threshold}",
                    self.describe_against(Some(threshold_flop))
                )
            }
        }
    }
}

/// "Epoch: Speculative": a figure's label; a figure without a label is
/// read as Speculative, and one the user entered as Confident, and each
/// says so.
fn label_name(confidence: Confidence) -> String {
    match confidence {
        Confidence::Unknown => "no confidence label, read as Speculative".to_string(),
        Confidence::Entered => "the figure entered, read as Epoch's Confident".to_string(),
        c => format!("Epoch: {}", c.label()),
    }
}

/// Why a label's range is not the figure's factor either side: its top
/// capped at the frontier ceiling, or an end raised to its base model's.
/// Empty when the range is the plain factor either side.
fn label_range_reasons(
    flop: f64,
    low: f64,
    high: f64,
    confidence: Confidence,
) -> Vec<&'static str> {
    let factor = uncertainty_factor(confidence);
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs();
    let (plain_low, plain_high) = (flop / factor, flop * factor);
    let mut why = Vec::new();
    if high < plain_high && !near(high, plain_high) {
        why.push("its top capped at the frontier ceiling at its date");
    }
    if (low > plain_low && !near(low, plain_low)) || (high > plain_high && !near(high, plain_high))
    {
        why.push("its ends kept at or above its base model's");
    }
    why
}

/// Whether an estimate's lower end alone puts it *more than* `t`: above
/// `t`, or at `t` when the end is Epoch's "more than" flag.
fn above_low(low: f64, low_exclusive: bool, t: f64) -> bool {
    low > t || (low_exclusive && low >= t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every estimate's words carry their unit, and none reads "from 0"
    /// (a compliance tester's and a second reader's finds).
    #[test]
    fn estimates_read_with_their_units_and_bounds() {
        let estimate = |central, low, low_exclusive, high| {
            ComputeFigure::Estimated {
                central,
                low,
                low_exclusive,
                high,
                floor: None,
                on_range: None,
            }
            .describe()
        };
        assert_eq!(
            estimate(Some(3e25), 1e24, false, Some(1e26)),
            "~3 × 10²⁵ FLOP (estimated, from 1 × 10²⁴ to 1 × 10²⁶ FLOP)"
        );
        assert_eq!(
            estimate(Some(3e25), 1e24, false, None),
            "~3 × 10²⁵ FLOP (estimated, from 1 × 10²⁴ FLOP, no upper bound)"
        );
        assert_eq!(
            estimate(None, 1e25, true, None),
            "estimated (from more than 1 × 10²⁵ FLOP, no upper bound)"
        );
        assert_eq!(
            estimate(None, 1e24, false, Some(1e26)),
            "estimated (from 1 × 10²⁴ to 1 × 10²⁶ FLOP)"
        );
        assert_eq!(estimate(None, 0.0, false, None), "estimated (no bounds)");
        assert_eq!(
            estimate(Some(2e24), 0.0, false, Some(1e26)),
            "~2 × 10²⁴ FLOP (estimated, up to 1 × 10²⁶ FLOP)"
        );
        assert!(estimate(None, 0.0, false, Some(1e26)).starts_with("at most 1 × 10²⁶ FLOP"));
    }

    #[test]
    fn lower_bounds_only_pass() {
        let at_least = ComputeFigure::AtLeast { flop: 2e25 };
        assert_eq!(at_least.exceeds(1e25), Test::Pass);
        assert_eq!(at_least.exceeds(1e26), Test::Unknown);
    }

    #[test]
    fn a_range_decides_only_when_all_of_it_is_on_one_side() {
        let range = ComputeFigure::Uncertain {
            flop: 3e25,
            low: 1e25,
            high: 9e25,
            confidence: Confidence::Likely,
            estimate: false,
            shape: RangeShape::Label,
        };
        // "More than" stays strict at the range's edges.
        assert_eq!(range.exceeds(1e25), Test::Unknown);
        assert_eq!(range.exceeds(0.99e25), Test::Pass);
        assert_eq!(range.exceeds(9e25), Test::Fail);
        assert_eq!(range.exceeds(8.9e25), Test::Unknown);
    }

    #[test]
    fn close_figures_keep_their_digits() {
        assert_eq!(
            ComputeFigure::reported_flop(1.001e25).compared_with(1e25),
            "1.001 × 10²⁵ FLOP > 1 × 10²⁵ FLOP"
        );
    }

    #[test]
    fn more_than_is_strict() {
        assert_eq!(ComputeFigure::reported_flop(1e25).exceeds(1e25), Test::Fail);
        assert_eq!(
            ComputeFigure::reported_flop(1.0001e25).exceeds(1e25),
            Test::Pass
        );
    }

    #[test]
    fn epoch_flag_decides_only_up_to_1e25() {
        assert_eq!(ComputeFigure::EstimatedOver1e25.exceeds(1e25), Test::Pass);
        assert_eq!(
            ComputeFigure::EstimatedOver1e25.exceeds(1e26),
            Test::Unknown
        );
        assert_eq!(ComputeFigure::Undisclosed.exceeds(1e21), Test::Unknown);
    }
}
