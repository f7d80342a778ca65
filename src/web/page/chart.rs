//! The chart: models by publication date and training compute (log axis),
//! with the threshold lines. Each model's overlap category is shown by
//! marker shape and colour together. A model whose undisclosed compute is
//! estimated with a central value is drawn hollow at that value, with a
//! whisker over the estimate's interval; so is a figure the verdicts read
//! as an estimate (Epoch's Speculative while estimates are on), with a
//! whisker over the range they read. Hover, or focus the chart and use
//! the arrow keys, to see a model's details in a tooltip at its marker;
//! click it, or press Enter, to find its row in the table. The table's
//! filter highlights the markers of the rows it keeps. The chart downloads
//! as SVG or PNG, with its title, scenario and source inside the image.

use std::sync::Arc;

use wasm_bindgen::JsError;
use web_sys::{Element, HtmlCollection};

use super::dom::{append_svg, attrs, js_err, set_attr, set_hidden, set_text, Res};
use crate::catalog::{Catalog, Estimates};
use crate::evaluate::{Assessment, Overlap};
use crate::rules::Judge;
use crate::scenario::Scenario;
use crate::{figure, format};

mod build;
mod download;
mod export;
mod highlight;
mod marks;
mod markup;
mod tooltip;
pub(super) mod wiring;

pub use self::build::build;
pub use self::download::Format;
use self::marks::{Category, Drawn, Whisker};
use self::tooltip::Tooltip;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 380.0;
const LEFT: f64 = 82.0;
const RIGHT: f64 = 165.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 30.0;
/// Log10 FLOP at the bottom and top of the plot.
const Y_LOW: f64 = 21.0;
const Y_HIGH: f64 = 28.0;
/// Where models with undisclosed compute are drawn, above the plot.
const UNDISCLOSED_Y: f64 = 16.0;

/// The chart's elements and what they show.
pub struct Chart {
    pub svg: Element,
    /// Holds the scroll box, the tooltip and the phone's fixed y axis.
    frame: Element,
    /// The scroll box around the plot (it scrolls sideways on phones).
    wrap: Element,
    /// The selected model's details, at its marker.
    tip: Tooltip,
    heard: Element,
    /// The ring around the selected marker.
    ring: Element,
    /// Above the plot: what the table's filter highlights.
    filter_note: Element,
    /// The legend below the chart (drawn into a downloaded chart too).
    legend: Element,
    /// Above the plot, when the US definition has no compute test: why
    /// there is no US line.
    us_note: Element,
    /// The download buttons and the format each saves.
    pub downloads: Vec<(Element, Format)>,
    /// The markers' layer: a marker per model, in catalog order, written
    /// whole at the first render (see [`Chart::draw_all`]).
    marker_layer: Element,
    /// The layer's children, the markers (`markers.item(i)` is model `i`'s).
    markers: HtmlCollection,
    /// Each model's x, and its y when not drawn at an estimate.
    positions: Vec<(f64, f64)>,
    categories: Vec<Category>,
    drawn: Vec<Option<Drawn>>,
    /// Whiskers go in this layer, under the markers; each is made when
    /// first needed, and never removed.
    whisker_layer: Element,
    /// The whisker layer's children.
    whisker_list: HtmlCollection,
    /// Where each model's whisker sits in the whisker layer, once made.
    whiskers: Vec<Option<u32>>,
    /// The estimates drawn at the last render (`None`: estimates off).
    estimates: Option<Arc<Estimates>>,
    /// The whiskers of figures the verdicts read as estimates, by model, and
    /// the scenario they are for with its US threshold at 0: the figures'
    /// ranges do not depend on it, so a threshold step reuses them.
    figure_whiskers: Option<(Scenario, Vec<Option<Whisker>>)>,
    /// The threshold lines: US, EU systemic risk, EU GPAI.
    lines: Vec<ThresholdLine>,
    pub selected: Option<usize>,
    /// The table filter's text and which models it keeps, while it has text.
    matching: Option<(String, Vec<bool>)>,
    /// The checked model's marker (a star) and label, hidden until a check.
    checked: (Element, Element),
    /// The years at the plot's left and right edges.
    x_range: (f64, f64),
}

/// A threshold line and its label: the regime's name over the threshold
/// with its unit.
struct ThresholdLine {
    /// The line and its label, moved together.
    group: Element,
    label: Element,
    /// The label's first line.
    name: Element,
    /// The label's second line.
    value: Element,
}

fn x_of(year: f64, x_low: f64, x_high: f64) -> f64 {
    LEFT + (year - x_low) / (x_high - x_low) * (WIDTH - LEFT - RIGHT)
}

fn y_of(log_flop: f64) -> f64 {
    TOP + (Y_HIGH - log_flop) / (Y_HIGH - Y_LOW) * (HEIGHT - TOP - BOTTOM)
}

impl Chart {
    /// Updates markers and lines for an assessment.
    pub fn show(
        &mut self,
        catalog: &Catalog,
        assessment: &Assessment,
        scenario: &Scenario,
    ) -> Res<()> {
        let mut next = vec![Category::Hidden; self.positions.len()];
        for v in &assessment.verdicts {
            next[v.model] = Category::Shown(v.overlap);
        }
        // One look-up per render: the catalog keeps the estimates fitted.
        let estimates = scenario
            .use_estimates
            .then(|| catalog.estimates(scenario.estimate_level));
        let mut key = scenario.clone();
        key.us.compute_threshold_flop = 0.0;
        if self.figure_whiskers.as_ref().map(|(k, _)| k) != Some(&key) {
            // What the verdicts read of a figure, for one read as an estimate.
            let judge = Judge::new(catalog, scenario);
            let whiskers = (0..catalog.models.len())
                .map(|i| Whisker::of_figure(&catalog.models[i], i, &judge))
                .collect();
            self.figure_whiskers = Some((key, whiskers));
        }
        let figure_whiskers = self.figure_whiskers.as_ref().map(|(_, w)| w);
        let next: Vec<Drawn> = next
            .into_iter()
            .enumerate()
            .map(|(i, category)| Drawn {
                category,
                whisker: match category {
                    Category::Hidden => None,
                    Category::Shown(_) => estimates
                        .as_ref()
                        .and_then(|e| e.compute.get(i)?.as_ref())
                        .and_then(Whisker::of)
                        .or_else(|| figure_whiskers?.get(i).copied().flatten()),
                },
            })
            .collect();
        if self.drawn.iter().all(Option::is_none) {
            self.draw_all(&next)?;
        } else {
            for (i, drawn) in next.into_iter().enumerate() {
                if self.drawn[i] == Some(drawn) {
                    continue;
                }
                self.draw(i, drawn)?;
                self.drawn[i] = Some(drawn);
            }
        }
        for (i, drawn) in self.drawn.iter().enumerate() {
            self.categories[i] = drawn.map_or(Category::Hidden, |d| d.category);
        }
        self.estimates = estimates;
        self.place_ring()?;
        self.show_filter_note()?;
        // A US definition without a compute test (capability only) has no
        // line: the note above the plot says so instead.
        let no_us_line = figure::no_us_line(scenario);
        let thresholds = [
            (
                scenario.us.compute_threshold_flop,
                "US",
                no_us_line.is_none(),
            ),
            (scenario.eu.systemic_threshold_flop, "EU systemic", true),
            (scenario.eu.gpai_threshold_flop, "EU GPAI", true),
        ];
        // The US label sits above its line and the EU labels below theirs,
        // so they stay readable when the lines coincide: the label's y, and
        // its first line's shift.
        let offsets = [("-5", "-1.2em"), ("13", "0"), ("13", "0")];
        for (((flop, name, drawn), line), (y_label, dy)) in
            thresholds.into_iter().zip(&self.lines).zip(offsets)
        {
            let log = flop.log10();
            let visible = drawn && (Y_LOW..=Y_HIGH).contains(&log);
            let visibility = if visible { "visible" } else { "hidden" };
            set_attr(&line.group, "visibility", visibility)?;
            let y = y_of(log.clamp(Y_LOW, Y_HIGH));
            set_attr(&line.group, "transform", &format!("translate(0 {y:.1})"))?;
            set_attr(&line.label, "y", y_label)?;
            set_attr(&line.name, "dy", dy)?;
            set_text(&line.name, name);
            set_text(&line.value, &format::flop(flop));
        }
        set_text(&self.us_note, no_us_line.unwrap_or_default());
        set_hidden(&self.us_note, no_us_line.is_none())
    }

    /// Marks the checked model at its date and compute with a star and its
    /// name (`None` hides it). A date or figure off the plot sits at its edge.
    pub fn mark_checked(&self, point: Option<(f64, f64, &str)>) -> Res<()> {
        let (group, label) = &self.checked;
        let Some((year, flop, name)) = point else {
            return set_attr(group, "visibility", "hidden");
        };
        let (x_low, x_high) = self.x_range;
        let x = x_of(year.clamp(x_low, x_high), x_low, x_high);
        let y = y_of(flop.log10().clamp(Y_LOW, Y_HIGH));
        if let Some(star) = group.first_element_child() {
            let mut d = String::new();
            for k in 0..10 {
                let r = if k % 2 == 0 { 9.0 } else { 4.0 };
                let a = std::f64::consts::PI * (f64::from(k) / 5.0 - 0.5);
                d.push_str(&format!(
                    "{}{:.1},{:.1} ",
                    if k == 0 { "M" } else { "L" },
                    x + r * a.cos(),
                    y + r * a.sin()
                ));
            }
            d.push('Z');
            set_attr(&star, "d", &d)?;
        }
        set_attr(label, "x", &format!("{:.1}", x + 11.0))?;
        set_attr(label, "y", &format!("{:.1}", y - 8.0))?;
        set_text(label, &format!("{name} (checked)"));
        set_attr(
            group,
            "aria-label",
            &format!("Checked model {name}: {}", format::flop(flop)),
        )?;
        set_attr(group, "visibility", "visible")
    }

    /// Redraws model `i`'s marker, and its whisker when it has one.
    fn draw(&mut self, i: usize, drawn: Drawn) -> Res<()> {
        let marker = &self.marker(i)?;
        let (marker_attributes, whisker_attributes) = drawn.attributes(self.positions[i]);
        // What the marker and whisker were given last: an attribute that
        // holds its value already is not written again (known here, without
        // reading the DOM back).
        let (marker_before, whisker_before) = match self.drawn[i] {
            Some(before) => before.attributes(self.positions[i]),
            None => (Vec::new(), None),
        };
        let unchanged = |before: &[(&str, String)], name: &str, value: &str| {
            before.iter().any(|(n, v)| *n == name && v == value)
        };
        for (name, value) in &marker_attributes {
            if !unchanged(&marker_before, name, value) {
                marker.set_attribute(name, value).map_err(js_err)?;
            }
        }
        // A hidden marker keeps what it showed; a shown one without a
        // whisker is not an estimate.
        if drawn.category != Category::Hidden && whisker_attributes.is_none() {
            marker.remove_attribute("data-estimated").ok();
        }
        let line = match (self.whisker(i), &whisker_attributes) {
            (Some(line), _) => line,
            (None, None) => return Ok(()),
            (None, Some(_)) => {
                let line = append_svg(&self.whisker_layer, "path")?;
                attrs(&line, &[("data-i", &i.to_string())])?;
                if self.matches(i) {
                    attrs(&line, &[("data-match", "")])?;
                }
                self.whiskers[i] = Some(self.whisker_list.length() - 1);
                line
            }
        };
        match whisker_attributes {
            Some(attributes) => {
                let before = whisker_before.unwrap_or_default();
                for (name, value) in &attributes {
                    if !unchanged(&before, name, value) {
                        line.set_attribute(name, value).map_err(js_err)?;
                    }
                }
                Ok(())
            }
            None => set_attr(&line, "visibility", "hidden"),
        }
    }

    /// Model `i`'s marker.
    fn marker(&self, i: usize) -> Res<Element> {
        u32::try_from(i)
            .ok()
            .and_then(|k| self.markers.item(k))
            .ok_or_else(|| JsError::new(&format!("the chart has no marker for model {i}")))
    }

    /// Model `i`'s whisker, once it has one.
    fn whisker(&self, i: usize) -> Option<Element> {
        self.whiskers
            .get(i)
            .copied()
            .flatten()
            .and_then(|k| self.whisker_list.item(k))
    }

    /// The details of model `index`, with its compute estimate when the
    /// last render used one.
    fn with_estimate(&self, index: Option<usize>, text: &str) -> String {
        let words = index
            .filter(|i| {
                self.categories
                    .get(*i)
                    .is_some_and(|c| *c != Category::Hidden)
            })
            .zip(self.estimates.as_ref())
            .and_then(|(i, e)| e.compute.get(i)?.as_ref())
            .map(|e| e.words.trim_end_matches('.'));
        match words {
            Some(words) if !text.is_empty() && !text.contains(words) => {
                format!("{text} Estimated compute: {words}.")
            }
            _ => text.to_string(),
        }
    }

    /// Marks model `index` as selected, rings its marker and writes its
    /// details into the tooltip (which stays as it was, shown or hidden);
    /// `announce` also reads them out and shows the tooltip (keyboard
    /// navigation), and brings the marker into view.
    pub fn select(&mut self, index: Option<usize>, text: &str, announce: bool) -> Res<()> {
        let text = &self.with_estimate(index, text);
        if announce {
            set_text(&self.heard, text);
            if let Some(i) = index {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                self.marker(i)?
                    .scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        if let Some(old) = self.selected {
            self.marker(old)?.remove_attribute("data-selected").ok();
        }
        self.selected = index;
        if let Some(i) = index {
            set_attr(&self.marker(i)?, "data-selected", "true")?;
        }
        self.place_ring()?;
        self.tip.write(text);
        if announce {
            self.show_tip(true)
        } else {
            self.show_tip(self.tip.visible())
        }
    }

    /// Where model `i`'s marker is drawn (SVG units), or `None` when hidden.
    fn centre(&self, i: usize) -> Option<(f64, f64)> {
        let drawn = self.drawn.get(i).copied().flatten()?;
        if drawn.category == Category::Hidden {
            return None;
        }
        let (x, y) = self.positions[i];
        Some((x, drawn.whisker.map_or(y, |w| w.centre)))
    }

    /// Moves the selection ring to the selected marker, or hides it.
    fn place_ring(&self) -> Res<()> {
        match self.selected.and_then(|i| self.centre(i)) {
            Some((x, y)) => {
                set_attr(
                    &self.ring,
                    "transform",
                    &format!("translate({x:.1} {y:.1})"),
                )?;
                set_attr(&self.ring, "visibility", "visible")
            }
            None => set_attr(&self.ring, "visibility", "hidden"),
        }
    }

    /// Shows the tooltip at the selected marker (`false`, or no marker
    /// shown: hides it).
    pub fn show_tip(&mut self, show: bool) -> Res<()> {
        let marker = self
            .selected
            .filter(|i| show && self.centre(*i).is_some())
            .map(|i| self.marker(i))
            .transpose()?;
        match marker {
            Some(marker) => self.tip.show_at(&self.frame, &marker),
            None => self.tip.hide(),
        }
    }

    /// The next shown model after (or before) the selection, in date order.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let shown = |i: &usize| self.categories[*i] != Category::Hidden;
        let n = self.positions.len();
        match (self.selected, forward) {
            (None, true) => (0..n).find(shown),
            (None, false) => (0..n).rev().find(shown),
            (Some(s), true) => (s + 1..n).find(shown).or(Some(s)),
            (Some(s), false) => (0..s).rev().find(shown).or(Some(s)),
        }
    }

    /// The next (or previous) model in the scope of either regime.
    pub fn step_covered(&self, forward: bool) -> Option<usize> {
        let covered = |i: &usize| {
            matches!(
                self.categories[*i],
                Category::Shown(Overlap::Both | Overlap::UsOnly | Overlap::EuOnly)
            )
        };
        let n = self.positions.len();
        match (self.selected, forward) {
            (None, true) => (0..n).find(covered),
            (None, false) => (0..n).rev().find(covered),
            (Some(s), true) => (s + 1..n).find(covered).or(Some(s)),
            (Some(s), false) => (0..s).rev().find(covered).or(Some(s)),
        }
    }

    /// The first or last shown model.
    pub fn end(&self, last: bool) -> Option<usize> {
        let shown = |i: &usize| self.categories[*i] != Category::Hidden;
        if last {
            (0..self.positions.len()).rev().find(shown)
        } else {
            (0..self.positions.len()).find(shown)
        }
    }
}
