//! The sensitivity curve: models and developers in the US definition as
//! its compute threshold sweeps 1e22 to 1e28 FLOP, the current value marked.

use web_sys::Element;

use super::dom::{append, append_svg, attrs, set_attr, set_text, svg_text, Res};
use crate::evaluate::RegimeCounts;
use crate::format;
use crate::presentation::{us_count_label, us_count_words};
use crate::sweep::SweepPoint;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 250.0;
const LEFT: f64 = 58.0;
/// Room for the last tick's label (the key is below the plot, in HTML).
const RIGHT: f64 = 24.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 46.0;
/// The swept range of the US compute threshold, as base-10 exponents.
pub const LOW_EXP: f64 = 22.0;
pub const HIGH_EXP: f64 = 28.0;
/// Labelled counts on the log-scaled vertical axis.
const Y_TICKS: [usize; 8] = [0, 1, 3, 10, 30, 100, 300, 1000];
/// Points on the curve: one per 0.1 of an order of magnitude.
pub const STEPS: usize = 61;

/// The curve's elements.
pub struct Sensitivity {
    /// The plot's box, which scrolls sideways on a phone.
    wrap: Element,
    models_band: Element,
    developers_band: Element,
    models: Element,
    developers: Element,
    undetermined: Element,
    marker: Element,
    marker_label: Element,
    marker_lines: [Element; 2],
    y_labels: Vec<Element>,
    summary: Element,
    y_max: f64,
    /// The button that downloads the curve's figures (the full page's).
    pub download: Option<Element>,
}

fn x_of(exponent: f64) -> f64 {
    LEFT + (exponent - LOW_EXP) / (HIGH_EXP - LOW_EXP) * (WIDTH - LEFT - RIGHT)
}

/// Whether the current marker's label runs to its left (a marker in the
/// plot's right half), not to its right.
fn label_leftwards(x: f64) -> bool {
    x > (LEFT + WIDTH - RIGHT) / 2.0
}

/// Builds the curve into `parent`, with a button that downloads its
/// figures when `download` (the full page).
pub fn build(parent: &Element, download: bool) -> Res<Sensitivity> {
    let section = append(parent, "section", "")?;
    attrs(
        &section,
        &[
            ("class", "sensitivity"),
            ("aria-labelledby", "sensitivity-title"),
        ],
    )?;
    attrs(
        &append(
            &section,
            "h2",
            "How the US count moves with the compute threshold",
        )?,
        &[("id", "sensitivity-title")],
    )?;
    // The plot's box, and over its left edge (on phones, style.css) the y
    // axis again, which stays while the plot scrolls under it.
    let frame = append(&section, "div", "")?;
    attrs(&frame, &[("class", "chart-frame")])?;
    let wrap = append(&frame, "div", "")?;
    attrs(
        &wrap,
        &[
            ("class", "chart-wrap"),
            ("role", "region"),
            (
                "aria-label",
                "Sensitivity curve (scrolls sideways on narrow screens)",
            ),
        ],
    )?;
    let svg = append_svg(&wrap, "svg")?;
    attrs(
        &svg,
        &[
            ("id", "sensitivity"),
            ("viewBox", &format!("0 0 {WIDTH} {HEIGHT}")),
            ("role", "img"),
            ("aria-labelledby", "sensitivity-title sensitivity-summary"),
        ],
    )?;
    let grid = append_svg(&svg, "g")?;
    attrs(&grid, &[("class", "grid"), ("aria-hidden", "true")])?;
    for e in (LOW_EXP as i32)..=(HIGH_EXP as i32) {
        let x = x_of(f64::from(e));
        svg_text(
            &grid,
            x,
            HEIGHT - BOTTOM + 16.0,
            "middle",
            &crate::format::pow10(e),
        )?;
    }
    svg_text(
        &grid,
        (LEFT + WIDTH - RIGHT) / 2.0,
        HEIGHT - 4.0,
        "middle",
        "US compute threshold, FLOP (log scale)",
    )?;
    let y_title = append_svg(&grid, "text")?;
    attrs(
        &y_title,
        &[
            (
                "transform",
                &format!(
                    "translate(12 {}) rotate(-90)",
                    (TOP + HEIGHT - BOTTOM) / 2.0
                ),
            ),
            ("text-anchor", "middle"),
        ],
    )?;
    y_title.set_text_content(Some("count (log scale)"));
    let axis = super::dom::axis_overlay(&frame, "curve-axis", LEFT, HEIGHT, BOTTOM)?;
    let axis_grid = append_svg(&axis, "g")?;
    attrs(&axis_grid, &[("class", "grid")])?;
    axis_grid
        .append_child(
            &y_title
                .clone_node_with_deep(true)
                .map_err(super::dom::js_err)?,
        )
        .map_err(super::dom::js_err)?;
    // The tick labels, in the plot and in the fixed axis: drawn alike.
    let mut y_labels = Vec::new();
    for parent in [&grid, &axis_grid] {
        for _ in Y_TICKS {
            let label = append_svg(parent, "text")?;
            attrs(
                &label,
                &[("x", &(LEFT - 6.0).to_string()), ("text-anchor", "end")],
            )?;
            y_labels.push(label);
        }
    }
    let curve = |class: &str| -> Res<Element> {
        let line = append_svg(&svg, "polyline")?;
        attrs(&line, &[("class", class), ("fill", "none")])?;
        Ok(line)
    };
    // The bands (in at every reading to in at some) go under the lines.
    let band = |class: &str| -> Res<Element> {
        let area = append_svg(&svg, "polygon")?;
        attrs(&area, &[("class", class)])?;
        Ok(area)
    };
    let models_band = band("band-models")?;
    let developers_band = band("band-developers")?;
    let models = curve("curve-models")?;
    let developers = curve("curve-developers")?;
    let undetermined = curve("curve-undetermined")?;
    let marker = append_svg(&svg, "line")?;
    attrs(
        &marker,
        &[
            ("class", "current"),
            ("y1", &TOP.to_string()),
            ("y2", &(HEIGHT - BOTTOM).to_string()),
        ],
    )?;
    let marker_label = append_svg(&svg, "text")?;
    attrs(
        &marker_label,
        &[("class", "current-label"), ("y", &(TOP + 4.0).to_string())],
    )?;
    // Two lines, each starting at the marker (`mark` sets their x).
    let marker_lines = [
        append_svg(&marker_label, "tspan")?,
        append_svg(&marker_label, "tspan")?,
    ];
    set_attr(&marker_lines[1], "dy", "1.2em")?;
    // The key is HTML below the plot, not part of it: on a phone the plot
    // scrolls sideways and a key at its right edge was out of view (and its
    // last words cut off at the drawing's edge).
    let key = append(&section, "ul", "")?;
    attrs(&key, &[("aria-hidden", "true"), ("class", "curve-key")])?;
    for (class, text) in [
        ("curve-models", "models in"),
        ("curve-developers", "developers in"),
        ("curve-undetermined", "models undetermined"),
        ("band-models", "range of estimates"),
    ] {
        let item = append(&key, "li", "")?;
        let swatch = append_svg(&item, "svg")?;
        attrs(
            &swatch,
            &[("viewBox", "0 0 22 10"), ("width", "22"), ("height", "10")],
        )?;
        if class.starts_with("band") {
            let rect = append_svg(&swatch, "rect")?;
            attrs(
                &rect,
                &[("class", class), ("width", "22"), ("height", "10")],
            )?;
        } else {
            let line = append_svg(&swatch, "line")?;
            attrs(
                &line,
                &[
                    ("class", class),
                    ("x1", "0"),
                    ("x2", "22"),
                    ("y1", "5"),
                    ("y2", "5"),
                ],
            )?;
        }
        append(&item, "span", text)?;
    }
    let summary = append(&section, "p", "")?;
    attrs(
        &summary,
        &[("id", "sensitivity-summary"), ("class", "hint summary")],
    )?;
    let download = if download {
        let tools = append(&section, "div", "")?;
        attrs(&tools, &[("class", "chart-tools")])?;
        let button = append(&tools, "button", "Download the curve's figures (CSV)")?;
        attrs(&button, &[("type", "button"), ("id", "download-curve")])?;
        Some(button)
    } else {
        None
    };
    Ok(Sensitivity {
        wrap,
        models_band,
        developers_band,
        models,
        developers,
        undetermined,
        marker,
        marker_label,
        marker_lines,
        y_labels,
        summary,
        y_max: 1.0,
        download,
    })
}

impl Sensitivity {
    /// A log scale (of 1 + count), so that a handful of models near the
    /// frontier stays as readable as hundreds at low thresholds.
    fn y_of(&self, count: usize) -> f64 {
        let share = (count as f64).ln_1p() / self.y_max.ln_1p();
        HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)
    }

    /// Draws the curves (only when the sweep itself changed).
    pub fn draw(&mut self, points: &[SweepPoint]) -> Res<()> {
        let top = points
            .iter()
            .map(|p| p.models_high.max(p.models_undetermined))
            .max()
            .unwrap_or(1)
            .max(1);
        // A round axis maximum: 10, 20, 50, 100, 200, ...
        // The axis ends at the first tick at or above the largest count.
        let y_max = Y_TICKS.iter().copied().find(|t| *t >= top).unwrap_or(top) as f64;
        self.y_max = y_max;
        for (tick, label) in Y_TICKS.iter().cycle().zip(&self.y_labels) {
            let shown = (*tick as f64) <= y_max;
            set_attr(
                label,
                "visibility",
                if shown { "visible" } else { "hidden" },
            )?;
            set_attr(label, "y", &(self.y_of(*tick) + 4.0).to_string())?;
            set_text(label, &tick.to_string());
        }
        let point = |p: &SweepPoint, count: usize| {
            format!(
                "{:.1},{:.1}",
                x_of(p.threshold_flop.log10()),
                self.y_of(count)
            )
        };
        let line = |pick: fn(&SweepPoint) -> usize| -> String {
            points
                .iter()
                .map(|p| point(p, pick(p)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Along the high edge, and back along the low one.
        let band = |high: fn(&SweepPoint) -> usize, low: fn(&SweepPoint) -> usize| -> String {
            let forth = points.iter().map(|p| point(p, high(p)));
            let back = points.iter().rev().map(|p| point(p, low(p)));
            forth.chain(back).collect::<Vec<_>>().join(" ")
        };
        set_attr(
            &self.models_band,
            "points",
            &band(|p| p.models_high, |p| p.models_low),
        )?;
        set_attr(
            &self.developers_band,
            "points",
            &band(|p| p.developers_high, |p| p.developers_low),
        )?;
        set_attr(&self.models, "points", &line(|p| p.models_in))?;
        set_attr(&self.developers, "points", &line(|p| p.developers_in))?;
        set_attr(
            &self.undetermined,
            "points",
            &line(|p| p.models_undetermined),
        )?;
        Ok(())
    }

    /// Where the plot is wider than its box (a phone), opens it with the
    /// current threshold in view, not at the far left (where a journalist
    /// tester's phone showed 10²² to 10²⁵ and no marker), and with the
    /// marker's label beside it in view too: the marker near the box's
    /// right edge when the label runs to its left (the right half, `mark`),
    /// near the fixed y axis otherwise (a policy analyst tester's label
    /// was cut). In the next frame's layout, after the first render.
    pub fn open_at(&self, threshold_flop: f64) -> Res<()> {
        let Some(window) = web_sys::window() else {
            return Ok(());
        };
        let x = x_of(threshold_flop.log10().clamp(LOW_EXP, HIGH_EXP));
        let (share, right_half) = (x / WIDTH, label_leftwards(x));
        let wrap = self.wrap.clone();
        let scroll = wasm_bindgen::closure::Closure::once_into_js(move || {
            let (width, shown) = (
                f64::from(wrap.scroll_width()),
                f64::from(wrap.client_width()),
            );
            if width > shown {
                // Where in the box the marker goes: clear of the label's
                // side, and of the fixed axis (LEFT of WIDTH) on the left.
                let at = if right_half {
                    shown - 12.0
                } else {
                    width * LEFT / WIDTH + 12.0
                };
                let left = share * width - at;
                wrap.set_scroll_left(left.max(0.0).round() as i32);
            }
        });
        window
            .request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&scroll))
            .map_err(super::dom::js_err)?;
        Ok(())
    }

    /// Marks the current threshold and the US definition's counts there.
    /// `banded`: the scenario reads ranges (estimates or Epoch's
    /// uncertainty), so the curves have bands.
    pub fn mark(&self, threshold_flop: f64, us: &RegimeCounts, banded: bool) -> Res<()> {
        let x = x_of(threshold_flop.log10().clamp(LOW_EXP, HIGH_EXP));
        set_attr(&self.marker, "x1", &format!("{x:.1}"))?;
        set_attr(&self.marker, "x2", &format!("{x:.1}"))?;
        let right_half = label_leftwards(x);
        let label_x = format!("{:.1}", if right_half { x - 6.0 } else { x + 6.0 });
        for (line, words) in self.marker_lines.iter().zip(us_count_label(us)) {
            set_attr(line, "x", &label_x)?;
            set_text(line, &words);
        }
        set_attr(
            &self.marker_label,
            "text-anchor",
            if right_half { "end" } else { "start" },
        )?;
        let band = if banded {
            " The shaded bands run from what is in at every reading of the estimates to what is in at some."
        } else {
            ""
        };
        set_text(
            &self.summary,
            &format!(
                "At the current threshold, {} FLOP, the US definition covers {}. Lower thresholds are to the left.{band}",
                format::sci(threshold_flop),
                us_count_words(us)
            ),
        );
        Ok(())
    }
}
