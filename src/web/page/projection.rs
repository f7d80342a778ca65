//! The projection to 2030: the observed counts as data, then a band
//! (growth from its low to its high end) clearly marked as a projection,
//! with Epoch AI's published projection as reference points.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom::{append, append_svg, attrs, js_err, key_line, set_hidden, svg_text, Res};
use crate::catalog::Catalog;
use crate::check::form::parse_number;
use crate::check::FieldError;
use crate::format;
use crate::projection::{project, Projection, ProjectionSettings, LAST_YEAR};
use crate::scenario::Scenario;
use crate::settings::policy;
use crate::timeline::FIRST_YEAR;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 175.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 34.0;

/// One setting's field.
struct Field {
    key: &'static str,
    input: HtmlInputElement,
    error: Element,
}

/// The section's elements.
pub(super) struct ProjectionPanel {
    /// The settings' inputs (a change re-projects).
    pub inputs: Vec<HtmlInputElement>,
    fields: Vec<Field>,
    svg: Element,
    summary: Element,
    compare: Element,
    table: Element,
    /// The settings in use (the URL holds them).
    pub settings: ProjectionSettings,
}

/// Builds the section into `parent`, with `settings` in its fields.
pub(super) fn build(parent: &Element, settings: ProjectionSettings) -> Res<ProjectionPanel> {
    let section = append(parent, "section", "")?;
    attrs(&section, &[("class", "projection")])?;
    append(
        &section,
        "h2",
        "Projection to 2030: will this stay a handful of labs?",
    )?;
    append(&section, "p", "A projection, not data. Method: take the training compute of the models trained from scratch in the last year of the data (reported figures, or the estimate's centre when estimates are on), and let each new model's compute grow like the frontier's, by the growth you set (Epoch AI: about 4\u{2013}5\u{d7} a year); new models keep coming at the rate you set (by default, as many as in that year). The band runs from the low to the high growth; the dashed line is their geometric mean. Limits: the catalog is Epoch's notable, large-scale and ECI-scored models, not every model; undisclosed compute without an estimate is left out; the rate of new models and the shape of the distribution are held fixed; models published after the data's last date and before the as-of date are not counted.")?.set_class_name("hint");
    let form = append(&section, "div", "")?;
    attrs(
        &form,
        &[
            ("class", "projection-settings"),
            ("role", "group"),
            ("aria-label", "Projection settings"),
        ],
    )?;
    let mut fields = Vec::new();
    let mut inputs = Vec::new();
    for (key, label, value) in [
        (
            "growth_low",
            "Growth, low end (\u{d7} per year)",
            format::plain4(settings.growth_low),
        ),
        (
            "growth_high",
            "Growth, high end (\u{d7} per year)",
            format::plain4(settings.growth_high),
        ),
        (
            "models_per_year",
            "New models a year (count; empty: from the data)",
            settings
                .models_per_year
                .map(format::plain4)
                .unwrap_or_default(),
        ),
    ] {
        let wrap = append(&form, "div", "")?;
        attrs(&wrap, &[("class", "control")])?;
        let l = append(&wrap, "label", label)?;
        let input: HtmlInputElement = append(&l, "input", "")?
            .dyn_into()
            .map_err(|_| wasm_bindgen::JsError::new("projection: not an input"))?;
        attrs(
            &input,
            &[
                ("type", "text"),
                ("inputmode", "decimal"),
                ("data-field", key),
                ("autocomplete", "off"),
            ],
        )?;
        input.set_value(&value);
        let error = append(&wrap, "p", "")?;
        attrs(
            &error,
            &[
                ("class", "field-error"),
                ("data-error-for", key),
                ("hidden", ""),
            ],
        )?;
        inputs.push(input.clone());
        fields.push(Field { key, input, error });
    }
    let wrap = append(&section, "div", "")?;
    attrs(&wrap, &[("class", "chart-wrap")])?;
    let svg = append_svg(&wrap, "svg")?;
    attrs(
        &svg,
        &[
            ("viewBox", &format!("0 0 {WIDTH} {HEIGHT}")),
            ("role", "img"),
            ("class", "projection-chart"),
        ],
    )?;
    let summary = append(&section, "p", "")?;
    attrs(&summary, &[("class", "projection-summary")])?;
    let compare = append(&section, "p", "")?;
    attrs(&compare, &[("class", "projection-compare")])?;
    let scroll = append(&section, "div", "")?;
    attrs(&scroll, &[("class", "scroll")])?;
    let table = append(&scroll, "table", "")?;
    attrs(&table, &[("class", "projection-table")])?;
    Ok(ProjectionPanel {
        inputs,
        fields,
        svg,
        summary,
        compare,
        table,
        settings,
    })
}

fn band_words(b: &crate::projection::Band) -> String {
    format!("{:.0} ({:.0}\u{2013}{:.0})", b.central, b.low, b.high)
}

impl ProjectionPanel {
    /// Reads the fields: the settings, or each bad field's message beside
    /// it (the fields keep what was typed, the last good settings stay).
    pub fn read(&mut self) -> Res<bool> {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut get = |key: &'static str, required: bool| -> Option<f64> {
            let text = self.fields.iter().find(|f| f.key == key)?.input.value();
            if text.trim().is_empty() && !required {
                return None;
            }
            let value = parse_number(&text);
            if value.is_none() {
                errors.push(FieldError {
                    field: key,
                    message: format!("must be a number, got {text:?}"),
                });
            }
            value
        };
        let low = get("growth_low", true);
        let high = get("growth_high", true);
        let rate = get("models_per_year", false);
        let candidate = ProjectionSettings {
            growth_low: low.unwrap_or(f64::NAN),
            growth_high: high.unwrap_or(f64::NAN),
            models_per_year: rate,
        };
        if errors.is_empty() {
            errors = candidate.errors();
        }
        for f in &self.fields {
            let messages: Vec<&str> = errors
                .iter()
                .filter(|e| e.field == f.key)
                .map(|e| e.message.as_str())
                .collect();
            f.error.set_text_content(Some(&messages.join("; ")));
            set_hidden(&f.error, messages.is_empty())?;
            if messages.is_empty() {
                f.input.remove_attribute("aria-invalid").map_err(js_err)?;
            } else {
                attrs(&f.input, &[("aria-invalid", "true")])?;
            }
        }
        if errors.is_empty() {
            self.settings = candidate;
        }
        Ok(errors.is_empty())
    }

    /// Projects under `scenario` and draws it.
    pub fn refresh(&self, catalog: &Catalog, scenario: &Scenario) -> Res<()> {
        let p = project(catalog, scenario, self.settings);
        let mut at_1e26 = scenario.clone();
        at_1e26.us.compute_threshold_flop = policy::EPOCH_PROJECTION_FLOP;
        let reference = project(catalog, &at_1e26, self.settings);
        self.draw(&p, scenario)?;
        self.words(&p, &reference)
    }

    fn words(&self, p: &Projection, at_1e26: &Projection) -> Res<()> {
        let now = p.observed.last().map_or(0, |o| o.us);
        let last = p.years.last();
        let summary = last.map_or(String::new(), |y| {
            format!(
                "Projection, not data: {now} models trained from scratch are above the US threshold of {} on {} (observed{}); by the end of {} about {} would be, at {}\u{2013}{}\u{d7} a year and {:.0} new models a year (the last year of the data had {}, {} of them with a compute figure). Above the EU's {}: {} on that date, about {} by the end of {}.",
                format::flop(p.us_threshold_flop),
                p.observed.last().map_or(String::new(), |o| o.date.to_string()),
                // Between the data's last model and the as-of date nothing
                // is observed, and the projection starts at the as-of date.
                match p.observed.last() {
                    Some(o) if p.sample_end < o.date => format!(
                        "; the data ends on {}, so models published since are in neither count",
                        p.sample_end
                    ),
                    _ => String::new(),
                },
                y.year,
                band_words(&y.us),
                format::plain4(p.settings.growth_low),
                format::plain4(p.settings.growth_high),
                p.models_per_year,
                p.reference_year_models,
                p.sample,
                format::flop(p.eu_threshold_flop),
                p.observed.last().map_or(0, |o| o.eu),
                band_words(&y.eu),
                y.year
            )
        });
        self.summary.set_text_content(Some(&summary));
        let year = |y: i32| {
            at_1e26
                .years
                .iter()
                .find(|p| p.year == y)
                .map(|p| band_words(&p.us))
        };
        let ours: Vec<String> = [2026, 2028, 2030]
            .into_iter()
            .filter_map(|y| year(y).map(|w| format!("{w} by the end of {y}")))
            .collect();
        let compare = format!(
            "Compared with Epoch AI's published projection (Cottier and Owen, 2025: about 10 models above 10²⁶ FLOP by 2026, over 200 by 2030; the diamonds on the chart): this projection, at 10²⁶ FLOP, gives {}. They differ because Epoch counts every model it knows of, including ones whose compute it estimated from benchmarks and ones not in this catalog, and models the growth in the number of frontier developers; this one grows only the compute of the catalog's last year of models, at a fixed rate of new models, so it starts from fewer models known to be above 10²⁶ FLOP and cannot add developers that do not yet train large models.",
            if ours.is_empty() { "no figures for those years".to_string() } else { ours.join(", ") }
        );
        self.compare.set_text_content(Some(&compare));
        let table = &self.table;
        table.set_text_content(None);
        append(table, "caption", "Projected models above each threshold, cumulative at each year's end: central (low\u{2013}high growth). A projection, not data.")?;
        let head = append(&append(table, "thead", "")?, "tr", "")?;
        for h in [
            "Year".to_string(),
            format!("Above the US {}", format::flop(p.us_threshold_flop)),
            format!("Above the EU {}", format::flop(p.eu_threshold_flop)),
        ] {
            attrs(&append(&head, "th", &h)?, &[("scope", "col")])?;
        }
        let body = append(table, "tbody", "")?;
        for y in &p.years {
            let tr = append(&body, "tr", "")?;
            attrs(
                &append(&tr, "th", &y.year.to_string())?,
                &[("scope", "row")],
            )?;
            attrs(
                &append(&tr, "td", &band_words(&y.us))?,
                &[("data-year", &y.year.to_string()), ("data-col", "us")],
            )?;
            append(&tr, "td", &band_words(&y.eu))?;
        }
        Ok(())
    }

    fn draw(&self, p: &Projection, scenario: &Scenario) -> Res<()> {
        let svg = &self.svg;
        svg.set_text_content(None);
        let (x0, x1) = (f64::from(FIRST_YEAR), f64::from(LAST_YEAR + 1));
        let t0 = scenario.as_of.year_fraction();
        let top = p
            .years
            .iter()
            .map(|y| y.us.high.max(y.eu.high))
            .fold(policy::EPOCH_PROJECTION_1E26[1].1, f64::max);
        let y_max = top * 1.1;
        let x = |t: f64| LEFT + (t - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
        let y = |c: f64| TOP + (1.0 - c / y_max) * (HEIGHT - TOP - BOTTOM);
        // The projected years, shaded and labelled as such.
        let zone = append_svg(svg, "rect")?;
        attrs(
            &zone,
            &[
                ("class", "projected-zone"),
                ("x", &format!("{:.1}", x(t0))),
                ("y", &TOP.to_string()),
                ("width", &format!("{:.1}", (x(x1) - x(t0)).max(0.0))),
                ("height", &(HEIGHT - TOP - BOTTOM).to_string()),
            ],
        )?;
        svg_text(
            svg,
            x(t0) + 4.0,
            TOP + 12.0,
            "start",
            "PROJECTION (not data)",
        )?
        .set_attribute("class", "zone-label")
        .map_err(js_err)?;
        let grid = append_svg(svg, "g")?;
        attrs(&grid, &[("class", "grid"), ("aria-hidden", "true")])?;
        let step = [10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]
            .into_iter()
            .find(|s| y_max / s <= 6.0)
            .unwrap_or(2000.0);
        let mut tick = 0.0;
        while tick <= y_max {
            let line = append_svg(&grid, "line")?;
            let yy = format!("{:.1}", y(tick));
            attrs(
                &line,
                &[
                    ("x1", &LEFT.to_string()),
                    ("x2", &(WIDTH - RIGHT).to_string()),
                    ("y1", &yy),
                    ("y2", &yy),
                ],
            )?;
            svg_text(
                &grid,
                LEFT - 6.0,
                y(tick) + 4.0,
                "end",
                &format!("{tick:.0}"),
            )?;
            tick += step;
        }
        for year in (FIRST_YEAR..=LAST_YEAR).step_by(2) {
            svg_text(
                &grid,
                x(f64::from(year)),
                HEIGHT - 12.0,
                "middle",
                &year.to_string(),
            )?;
        }
        svg_text(&grid, 10.0, TOP - 2.0, "start", "models, cumulative")?;
        let series: [(&str, &str, bool); 2] =
            [("pj-us", "US threshold", true), ("pj-eu", "EU 10²⁵", false)];
        for (i, (class, label, us)) in series.into_iter().enumerate() {
            let observed: Vec<(f64, f64)> = p
                .observed
                .iter()
                .map(|o| (o.date.year_fraction(), if us { o.us } else { o.eu } as f64))
                .collect();
            let line = append_svg(svg, "polyline")?;
            let pts: Vec<String> = observed
                .iter()
                .map(|(t, c)| format!("{:.1},{:.1}", x(*t), y(*c)))
                .collect();
            attrs(
                &line,
                &[
                    ("class", &format!("{class} observed")),
                    ("points", &pts.join(" ")),
                    ("fill", "none"),
                ],
            )?;
            let start = observed.last().copied().unwrap_or((t0, 0.0));
            let ends: Vec<(f64, crate::projection::Band)> = p
                .years
                .iter()
                .map(|y| (f64::from(y.year + 1), if us { y.us } else { y.eu }))
                .collect();
            let mut band: Vec<String> =
                std::iter::once(format!("{:.1},{:.1}", x(start.0), y(start.1)))
                    .chain(
                        ends.iter()
                            .map(|(t, b)| format!("{:.1},{:.1}", x(*t), y(b.high))),
                    )
                    .collect();
            band.extend(
                ends.iter()
                    .rev()
                    .map(|(t, b)| format!("{:.1},{:.1}", x(*t), y(b.low))),
            );
            let poly = append_svg(svg, "polygon")?;
            attrs(
                &poly,
                &[
                    ("class", &format!("{class} band")),
                    ("points", &band.join(" ")),
                ],
            )?;
            let central: Vec<String> =
                std::iter::once(format!("{:.1},{:.1}", x(start.0), y(start.1)))
                    .chain(
                        ends.iter()
                            .map(|(t, b)| format!("{:.1},{:.1}", x(*t), y(b.central))),
                    )
                    .collect();
            let dashed = append_svg(svg, "polyline")?;
            attrs(
                &dashed,
                &[
                    ("class", &format!("{class} projected")),
                    ("points", &central.join(" ")),
                    ("fill", "none"),
                ],
            )?;
            let key_y = TOP + 14.0 + 34.0 * i as f64;
            key_line(
                svg,
                &format!("{class} observed"),
                WIDTH - RIGHT + 10.0,
                key_y,
                &format!("{label}: observed"),
            )?;
            let key = append_svg(svg, "rect")?;
            attrs(
                &key,
                &[
                    ("class", &format!("{class} band")),
                    ("x", &(WIDTH - RIGHT + 10.0).to_string()),
                    ("y", &(key_y + 10.0).to_string()),
                    ("width", "20"),
                    ("height", "8"),
                ],
            )?;
            svg_text(
                svg,
                WIDTH - RIGHT + 34.0,
                key_y + 18.0,
                "start",
                "projected (band)",
            )?;
        }
        for r in &p.reference {
            let (cx, cy) = (x(f64::from(r.year + 1)), y(r.count));
            let diamond = append_svg(svg, "path")?;
            attrs(
                &diamond,
                &[
                    ("class", "epoch-ref"),
                    (
                        "d",
                        &format!("M{cx:.1},{:.1} l6,6 l-6,6 l-6,-6 z", cy - 6.0),
                    ),
                ],
            )?;
            let label = svg_text(
                svg,
                cx - 8.0,
                cy - 8.0,
                "end",
                &format!("Epoch: {} (10²⁶)", r.words),
            )?;
            attrs(&label, &[("class", "epoch-label")])?;
        }
        let key_y = TOP + 14.0 + 34.0 * 2.0;
        let diamond = append_svg(svg, "path")?;
        attrs(
            &diamond,
            &[
                ("class", "epoch-ref"),
                (
                    "d",
                    &format!(
                        "M{:.1},{:.1} l6,6 l-6,6 l-6,-6 z",
                        WIDTH - RIGHT + 20.0,
                        key_y - 6.0
                    ),
                ),
            ],
        )?;
        svg_text(
            svg,
            WIDTH - RIGHT + 34.0,
            key_y + 4.0,
            "start",
            "Epoch AI 2025 (10²⁶)",
        )?;
        attrs(svg, &[("aria-label", "Projection chart: observed counts to the as-of date, then a shaded band for the projection to 2030, with Epoch AI's projection as diamonds. The table below gives the figures.")])?;
        Ok(())
    }
}
