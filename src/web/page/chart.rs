//! The chart: models by publication date and training compute (log axis),
//! with the threshold lines. Each model's overlap category is shown by
//! marker shape and colour together. A model whose undisclosed compute is
//! estimated with a central value is drawn hollow at that value, with a
//! whisker over the estimate's interval. Hover, or focus the chart and use
//! the arrow keys, to see a model's details.

use std::sync::Arc;

use web_sys::Element;

use super::dom::{append, append_svg, attrs, set_attr, set_text, svg_text, Res};
use crate::catalog::{Catalog, Estimates};
use crate::estimate::ComputeEstimate;
use crate::evaluate::{Assessment, Overlap};
use crate::scenario::Scenario;
use crate::{format, presentation};

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

/// A marker's category: the overlap, or not yet published.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Category {
    Shown(Overlap),
    Hidden,
}

/// Where an estimated model is drawn: its central estimate and the ends of
/// its interval, in SVG coordinates, clipped to the plot.
#[derive(Clone, Copy, PartialEq)]
struct Whisker {
    centre: f64,
    top: f64,
    bottom: f64,
    /// Whether each end is the interval's own (capped), rather than the
    /// plot's edge: an open or clipped end has no cap.
    top_capped: bool,
    bottom_capped: bool,
}

impl Whisker {
    /// The whisker of an estimate with a central value; `None` for bounds alone.
    fn of(estimate: &ComputeEstimate) -> Option<Whisker> {
        let centre = estimate.central?.log10().clamp(Y_LOW, Y_HIGH);
        let high = estimate.high.map(f64::log10);
        let low = estimate.low.map(f64::log10);
        Some(Whisker {
            centre: y_of(centre),
            top: y_of(high.map_or(Y_HIGH, |h| h.clamp(centre, Y_HIGH))),
            bottom: y_of(low.map_or(Y_LOW, |l| l.clamp(Y_LOW, centre))),
            top_capped: high.is_some_and(|h| h <= Y_HIGH),
            bottom_capped: low.is_some_and(|l| l >= Y_LOW),
        })
    }

    /// The SVG path at `x`: the line, and a short cap at each capped end.
    fn path(&self, x: f64) -> String {
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
struct Drawn {
    category: Category,
    /// Drawn hollow on its whisker (an estimate with a central value).
    whisker: Option<Whisker>,
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

/// The chart's elements and what they show.
pub struct Chart {
    pub svg: Element,
    details: Element,
    heard: Element,
    markers: Vec<Element>,
    /// Each model's x, and its y when not drawn at an estimate.
    positions: Vec<(f64, f64)>,
    categories: Vec<Category>,
    drawn: Vec<Option<Drawn>>,
    /// Whiskers go in this layer, under the markers; each is made when
    /// first needed.
    whisker_layer: Element,
    whiskers: Vec<Option<Element>>,
    /// The estimates drawn at the last render (`None`: estimates off).
    estimates: Option<Arc<Estimates>>,
    lines: Vec<(Element, Element)>,
    pub selected: Option<usize>,
    /// The checked model's marker (a star) and label, hidden until a check.
    checked: (Element, Element),
    /// The years at the plot's left and right edges.
    x_range: (f64, f64),
}

fn x_of(year: f64, x_low: f64, x_high: f64) -> f64 {
    LEFT + (year - x_low) / (x_high - x_low) * (WIDTH - LEFT - RIGHT)
}

fn y_of(log_flop: f64) -> f64 {
    TOP + (Y_HIGH - log_flop) / (Y_HIGH - Y_LOW) * (HEIGHT - TOP - BOTTOM)
}

/// Builds the chart into `parent`.
pub fn build(parent: &Element, catalog: &Catalog) -> Res<Chart> {
    let section = append(parent, "section", "")?;
    attrs(
        &section,
        &[("class", "chart"), ("aria-labelledby", "chart-title")],
    )?;
    attrs(
        &append(&section, "h2", "Models by date and training compute")?,
        &[("id", "chart-title")],
    )?;
    let hint = append(
        &section,
        "p",
        "Vertical axis: training compute in FLOP, log scale (cumulative for fine-tunes). Hollow markers with whiskers are estimates of undisclosed compute: the marker at the central estimate, the whisker over its interval (running to the plot's edge where the interval is open). Models with undisclosed compute and no central estimate sit in the band at the top. Horizontal axis: publication date.",
    )?;
    attrs(&hint, &[("class", "hint")])?;
    let wrap = append(&section, "div", "")?;
    attrs(
        &wrap,
        &[
            ("class", "chart-wrap"),
            ("role", "region"),
            (
                "aria-label",
                "Chart of models (scrolls sideways on narrow screens)",
            ),
        ],
    )?;
    let svg = append_svg(&wrap, "svg")?;
    attrs(
        &svg,
        &[
            ("id", "chart"),
            ("viewBox", &format!("0 0 {WIDTH} {HEIGHT}")),
            ("tabindex", "0"),
            ("role", "group"),
            (
                "aria-label",
                "Scatter chart of models by publication date and training compute. Left and right arrows step through models by date, Page Up and Page Down jump to the next model either regime covers, Home and End go to the first and last. The table below lists the same data.",
            ),
        ],
    )?;
    let x_low = catalog
        .models
        .iter()
        .map(|m| m.publication_date.year_fraction())
        .fold(f64::INFINITY, f64::min)
        .floor();
    let x_high = catalog.latest_publication.year_fraction().floor() + 1.0;

    // Axes and grid.
    let grid = append_svg(&svg, "g")?;
    attrs(&grid, &[("class", "grid"), ("aria-hidden", "true")])?;
    for e in (Y_LOW as i32)..=(Y_HIGH as i32) {
        let y = y_of(f64::from(e));
        let line = append_svg(&grid, "line")?;
        attrs(
            &line,
            &[
                ("x1", &LEFT.to_string()),
                ("x2", &(WIDTH - RIGHT).to_string()),
                ("y1", &y.to_string()),
                ("y2", &y.to_string()),
            ],
        )?;
        svg_text(&grid, LEFT - 6.0, y + 4.0, "end", &crate::format::pow10(e))?;
    }
    let mut year = x_low;
    while year <= x_high {
        let x = x_of(year, x_low, x_high);
        svg_text(&grid, x, HEIGHT - 10.0, "middle", &format!("{year:.0}"))?;
        year += if x_high - x_low > 8.0 { 2.0 } else { 1.0 };
    }
    svg_text(&grid, LEFT - 6.0, UNDISCLOSED_Y + 4.0, "end", "undisclosed")?;

    // Threshold lines: US, EU systemic risk, EU GPAI.
    let mut lines = Vec::new();
    for class in ["line-us", "line-eu-systemic", "line-eu-gpai"] {
        let g = append_svg(&svg, "g")?;
        attrs(&g, &[("class", class), ("aria-hidden", "true")])?;
        let line = append_svg(&g, "line")?;
        attrs(
            &line,
            &[
                ("x1", &LEFT.to_string()),
                ("x2", &(WIDTH - RIGHT).to_string()),
            ],
        )?;
        let label = append_svg(&g, "text")?;
        attrs(&label, &[("x", &(WIDTH - RIGHT + 4.0).to_string())])?;
        lines.push((g, label));
    }

    let whisker_layer = append_svg(&svg, "g")?;
    attrs(
        &whisker_layer,
        &[("class", "whiskers"), ("aria-hidden", "true")],
    )?;
    let layer = append_svg(&svg, "g")?;
    attrs(&layer, &[("class", "markers")])?;
    let mut markers = Vec::with_capacity(catalog.models.len());
    let mut positions = Vec::with_capacity(catalog.models.len());
    for (i, model) in catalog.models.iter().enumerate() {
        let x = x_of(model.publication_date.year_fraction(), x_low, x_high);
        let y = match model.compute_flop {
            Some(flop) => y_of(flop.log10().clamp(Y_LOW, Y_HIGH)),
            // Spread undisclosed models a little so they do not stack exactly.
            None => UNDISCLOSED_Y + ((i % 5) as f64 - 2.0) * 2.5,
        };
        let marker = append_svg(&layer, "path")?;
        attrs(&marker, &[("data-i", &i.to_string())])?;
        markers.push(marker);
        positions.push((x, y));
    }
    let checked_layer = append_svg(&svg, "g")?;
    attrs(
        &checked_layer,
        &[("class", "checked-model"), ("visibility", "hidden")],
    )?;
    append_svg(&checked_layer, "path")?;
    let star_label = append_svg(&checked_layer, "text")?;
    let details = append(
        &section,
        "p",
        "Hover over a marker, or focus the chart: arrow keys step by date, Page Up and Page Down jump between covered models.",
    )?;
    attrs(&details, &[("id", "chart-details"), ("class", "details")])?;
    // Stepping through the chart by keyboard is announced here; the details
    // box above also follows slider moves, silently.
    let heard = append(&section, "p", "")?;
    attrs(
        &heard,
        &[("class", "visually-hidden"), ("aria-live", "polite")],
    )?;
    legend(&section)?;
    Ok(Chart {
        svg,
        details,
        heard,
        categories: vec![Category::Hidden; markers.len()],
        drawn: vec![None; markers.len()],
        whisker_layer,
        whiskers: vec![None; markers.len()],
        estimates: None,
        markers,
        positions,
        lines,
        selected: None,
        checked: (checked_layer, star_label),
        x_range: (x_low, x_high),
    })
}

/// A legend entry's 14-pixel picture, hidden from screen readers (the
/// words beside it say what it shows).
fn swatch(item: &Element) -> Res<Element> {
    let svg = append_svg(item, "svg")?;
    attrs(
        &svg,
        &[
            ("viewBox", "0 0 14 14"),
            ("width", "14"),
            ("height", "14"),
            ("aria-hidden", "true"),
        ],
    )?;
    Ok(svg)
}

fn legend(parent: &Element) -> Res<()> {
    let list = append(parent, "ul", "")?;
    attrs(&list, &[("class", "legend"), ("aria-label", "Legend")])?;
    for overlap in Overlap::ALL {
        let (key, words) = category_key(overlap);
        let item = append(&list, "li", "")?;
        let svg = swatch(&item)?;
        let path = append_svg(&svg, "path")?;
        attrs(
            &path,
            &[
                ("d", &shape(overlap, 7.0, 7.0)),
                ("class", &format!("m cat-{key}")),
            ],
        )?;
        append(&item, "span", words)?;
    }
    // Estimated: hollow, on a whisker over the interval.
    let item = append(&list, "li", "")?;
    attrs(&item, &[("class", "est-key")])?;
    let svg = swatch(&item)?;
    let whisker = Whisker {
        centre: 7.0,
        top: 1.0,
        bottom: 13.0,
        top_capped: true,
        bottom_capped: true,
    };
    attrs(
        &append_svg(&svg, "path")?,
        &[("d", &whisker.path(7.0)), ("class", "whisker")],
    )?;
    attrs(
        &append_svg(&svg, "path")?,
        &[("d", &shape(Overlap::Both, 7.0, 7.0)), ("class", "m est")],
    )?;
    append(
        &item,
        "span",
        "estimated compute (hollow), whisker: its interval",
    )?;
    Ok(())
}

impl Chart {
    /// Updates markers and lines for an assessment.
    pub fn show(
        &mut self,
        catalog: &Catalog,
        assessment: &Assessment,
        scenario: &Scenario,
    ) -> Res<()> {
        let mut next = vec![Category::Hidden; self.markers.len()];
        for v in &assessment.verdicts {
            next[v.model] = Category::Shown(v.overlap);
        }
        // One look-up per render: the catalog keeps the estimates fitted.
        let estimates = scenario
            .use_estimates
            .then(|| catalog.estimates(scenario.estimate_level));
        for (i, category) in next.into_iter().enumerate() {
            let whisker = match category {
                Category::Hidden => None,
                Category::Shown(_) => estimates
                    .as_ref()
                    .and_then(|e| e.compute.get(i)?.as_ref())
                    .and_then(Whisker::of),
            };
            let drawn = Drawn { category, whisker };
            self.categories[i] = category;
            if self.drawn[i] == Some(drawn) {
                continue;
            }
            self.draw(i, drawn)?;
            self.drawn[i] = Some(drawn);
        }
        self.estimates = estimates;
        let thresholds = [
            (scenario.us.compute_threshold_flop, "US"),
            (scenario.eu.systemic_threshold_flop, "EU systemic"),
            (scenario.eu.gpai_threshold_flop, "EU GPAI"),
        ];
        // The US label sits above its line and the EU labels below theirs,
        // so they stay readable when the lines coincide.
        let offsets = ["-5", "13", "13"];
        for (((flop, name), (g, label)), dy) in thresholds.into_iter().zip(&self.lines).zip(offsets)
        {
            let log = flop.log10();
            let visible = (Y_LOW..=Y_HIGH).contains(&log);
            set_attr(g, "visibility", if visible { "visible" } else { "hidden" })?;
            let y = y_of(log.clamp(Y_LOW, Y_HIGH));
            set_attr(g, "transform", &format!("translate(0 {y:.1})"))?;
            set_attr(label, "y", dy)?;
            set_text(label, &format!("{name} {}", format::sci(flop)));
        }
        Ok(())
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
        let marker = &self.markers[i];
        let Category::Shown(overlap) = drawn.category else {
            set_attr(marker, "visibility", "hidden")?;
            if let Some(w) = &self.whiskers[i] {
                set_attr(w, "visibility", "hidden")?;
            }
            return Ok(());
        };
        let (x, y) = self.positions[i];
        let key = category_key(overlap).0;
        set_attr(marker, "visibility", "visible")?;
        match drawn.whisker {
            Some(whisker) => {
                set_attr(marker, "d", &shape(overlap, x, whisker.centre))?;
                set_attr(marker, "class", &format!("m cat-{key} est"))?;
                set_attr(marker, "data-estimated", "true")?;
                let line = match &self.whiskers[i] {
                    Some(line) => line,
                    None => {
                        let line = append_svg(&self.whisker_layer, "path")?;
                        attrs(&line, &[("data-i", &i.to_string())])?;
                        self.whiskers[i].insert(line)
                    }
                };
                set_attr(line, "visibility", "visible")?;
                set_attr(line, "d", &whisker.path(x))?;
                set_attr(line, "class", &format!("whisker cat-{key}"))?;
            }
            None => {
                set_attr(marker, "d", &shape(overlap, x, y))?;
                set_attr(marker, "class", &format!("m cat-{key}"))?;
                marker.remove_attribute("data-estimated").ok();
                if let Some(line) = &self.whiskers[i] {
                    set_attr(line, "visibility", "hidden")?;
                }
            }
        }
        Ok(())
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

    /// Marks model `index` as selected and shows its details; `announce`
    /// also reads them out (keyboard navigation), and brings the marker into view.
    pub fn select(&mut self, index: Option<usize>, text: &str, announce: bool) -> Res<()> {
        let text = &self.with_estimate(index, text);
        if announce {
            set_text(&self.heard, text);
            if let Some(i) = index {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                self.markers[i].scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        if let Some(old) = self.selected {
            self.markers[old].remove_attribute("data-selected").ok();
        }
        self.selected = index;
        if let Some(i) = index {
            set_attr(&self.markers[i], "data-selected", "true")?;
        }
        set_text(&self.details, text);
        Ok(())
    }

    /// The next shown model after (or before) the selection, in date order.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let shown = |i: &usize| self.categories[*i] != Category::Hidden;
        let n = self.markers.len();
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
        let n = self.markers.len();
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
            (0..self.markers.len()).rev().find(shown)
        } else {
            (0..self.markers.len()).find(shown)
        }
    }
}
