//! What a marker shows: its category's shape and colour, and the whisker
//! of an estimate (the project's, or a figure the verdicts read as one).

use super::{y_of, Y_HIGH, Y_LOW};
use crate::catalog::Model;
use crate::estimate::ComputeEstimate;
use crate::evaluate::Overlap;
use crate::presentation;
use crate::rules::{self, ComputeFigure, Judge};

/// A marker's category: the overlap, or not yet published.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Category {
    Shown(Overlap),
    Hidden,
}

/// Where an estimated model is drawn: its central estimate and the ends of
/// its interval, in SVG coordinates, clipped to the plot.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Whisker {
    pub centre: f64,
    pub top: f64,
    pub bottom: f64,
    /// Whether each end is the interval's own (capped), rather than the
    /// plot's edge: an open or clipped end has no cap.
    pub top_capped: bool,
    pub bottom_capped: bool,
}

impl Whisker {
    /// The whisker of an estimate with a central value; `None` for bounds alone.
    pub fn of(estimate: &ComputeEstimate) -> Option<Whisker> {
        Whisker::between(estimate.central?, estimate.low, estimate.high)
    }

    /// The whisker of a figure the verdicts read as an estimate: Epoch's
    /// Speculative (or unlabelled) figure with estimates on, or a figure
    /// whose range is built on such a base's, over the range `judge` reads
    /// for the verdicts. `None` for any other, and for a fine-tune row whose
    /// figure is only its fine-tuning (its cumulative centre is elsewhere:
    /// the point keeps its figure).
    pub fn of_figure(model: &Model, index: usize, judge: &Judge) -> Option<Whisker> {
        let flop = model.compute_flop?;
        // Only such a figure, or one on a base, can be read as an estimate;
        // the others need not be worked out again.
        let scenario = judge.scenario;
        let may_be_estimate = rules::reads_as_estimate(model.compute_confidence, scenario)
            || (scenario.use_estimates && model.base.is_some());
        if !may_be_estimate {
            return None;
        }
        match judge.parts(index).cumulative {
            ComputeFigure::Uncertain {
                flop: centre,
                low,
                high,
                estimate: true,
                ..
            } if centre == flop => Whisker::between(flop, Some(low), Some(high)),
            _ => None,
        }
    }

    /// The whisker from `low` to `high` through `central` (FLOP).
    fn between(central: f64, low: Option<f64>, high: Option<f64>) -> Option<Whisker> {
        let centre = central.log10().clamp(Y_LOW, Y_HIGH);
        let high = high.map(f64::log10);
        let low = low.map(f64::log10);
        Some(Whisker {
            centre: y_of(centre),
            top: y_of(high.map_or(Y_HIGH, |h| h.clamp(centre, Y_HIGH))),
            bottom: y_of(low.map_or(Y_LOW, |l| l.clamp(Y_LOW, centre))),
            top_capped: high.is_some_and(|h| h <= Y_HIGH),
            bottom_capped: low.is_some_and(|l| l >= Y_LOW),
        })
    }

    /// The SVG path at `x`: the line, and a short cap at each capped end.
    pub fn path(&self, x: f64) -> String {
        let mut d = format!("M{x:.1},{:.1}V{:.1}", self.top, self.bottom);
        for (capped, y) in [
            (self.top_capped, self.top),
            (self.bottom_capped, self.bottom),
        ] {
            if capped {
                d.push_str(&format!("M{:.1},{y:.1}h6", x - 3.0));
            }
        }
        d
    }
}

/// What a marker shows, to redraw only what changed.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Drawn {
    pub category: Category,
    /// Drawn hollow on its whisker (an estimate with a central value).
    pub whisker: Option<Whisker>,
}

/// An element's attributes, by name.
pub(super) type Attributes = Vec<(&'static str, String)>;

impl Drawn {
    /// The attributes of the marker at `(x, y)` (its own y when not drawn
    /// at an estimate) and of its whisker, when it shows one: what
    /// `Chart::draw` sets one at a time and the first render writes as
    /// markup (`markup.rs`), so that both draw the same.
    pub fn attributes(&self, (x, y): (f64, f64)) -> (Attributes, Option<Attributes>) {
        let shown = |value: &str| ("visibility", value.to_string());
        let Category::Shown(overlap) = self.category else {
            return (vec![shown("hidden")], None);
        };
        let key = category_key(overlap).0;
        match self.whisker {
            Some(whisker) => (
                vec![
                    shown("visible"),
                    ("d", shape(overlap, x, whisker.centre)),
                    ("class", format!("m cat-{key} est")),
                    ("data-estimated", "true".to_string()),
                ],
                Some(vec![
                    shown("visible"),
                    ("d", whisker.path(x)),
                    ("class", format!("whisker cat-{key}")),
                ]),
            ),
            None => (
                vec![
                    shown("visible"),
                    ("d", shape(overlap, x, y)),
                    ("class", format!("m cat-{key}")),
                ],
                None,
            ),
        }
    }
}

/// The class name and words for an overlap category.
pub fn category_key(overlap: Overlap) -> (&'static str, &'static str) {
    let class = match overlap {
        Overlap::Both => "both",
        Overlap::UsOnly => "us_only",
        Overlap::EuOnly => "eu_only",
        Overlap::Neither => "neither",
        Overlap::Undetermined => "undetermined",
    };
    (class, presentation::overlap_words(overlap))
}

/// The SVG path of a category's marker shape centred on (x, y).
pub fn shape(overlap: Overlap, x: f64, y: f64) -> String {
    let r = 5.0;
    match overlap {
        Overlap::Both => format!(
            "M{:.1},{y:.1}a{r},{r} 0 1,0 {},0a{r},{r} 0 1,0 -{},0z",
            x - r,
            2.0 * r,
            2.0 * r
        ),
        Overlap::UsOnly => format!(
            "M{:.1},{:.1}h{s}v{s}h-{s}z",
            x - r + 0.5,
            y - r + 0.5,
            s = 2.0 * r - 1.0
        ),
        Overlap::EuOnly => format!(
            "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}z",
            y - r - 0.5,
            x + r,
            y + r - 0.5,
            x - r,
            y + r - 0.5
        ),
        Overlap::Neither => format!(
            "M{:.1},{y:.1}a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0z",
            x - 2.5
        ),
        Overlap::Undetermined => format!(
            "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}z",
            y - r,
            x + r,
            y + r,
            x - r
        ),
    }
}
