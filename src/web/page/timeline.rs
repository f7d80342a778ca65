//! The timeline: each regime's models and developers, quarter by quarter
//! from 2020 to the as-of date, with the ranges of the estimates as bands
//! and the EU dates marked. Worked out only while its section is open
//! (about thirty evaluations), and again after each change.

use web_sys::Element;

use super::dom::{append, append_svg, attrs, key_line, svg_text, Res};
use crate::catalog::Catalog;
use crate::evaluate::RegimeCounts;
use crate::scenario::Scenario;
use crate::timeline::{timeline, Timeline, FIRST_YEAR};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 34.0;

/// One count of a regime, read at low, central and high.
type Reader = fn(&RegimeCounts) -> (usize, usize, usize);

/// The section's elements.
pub(super) struct TimelinePanel {
    /// The disclosure that opens it.
    pub details: Element,
    svg: Element,
    summary: Element,
    table: Element,
    drawn_for: Option<Scenario>,
}

/// Builds the section into `parent`, closed.
pub(super) fn build(parent: &Element) -> Res<TimelinePanel> {
    let section = append(parent, "section", "")?;
    attrs(&section, &[("class", "timeline")])?;
    let details = append(&section, "details", "")?;
    attrs(&details, &[("class", "timeline-details")])?;
    let head = append(&details, "summary", "")?;
    append(
        &head,
        "h2",
        "Timeline: who each regime would have covered, 2020 to the as-of date",
    )?;
    append(&details, "p", "Quarter by quarter under your scenario, as if its rules had applied all along: models and developers in the US definition and in the compared EU tier (the EU counts a model with its lifecycle; its GPAI obligations apply from 2 Aug 2025, marked). Shaded bands are the ranges of the estimates (low to high); lines are the central counts.")?.set_class_name("hint");
    let wrap = append(&details, "div", "")?;
    attrs(&wrap, &[("class", "chart-wrap")])?;
    let svg = append_svg(&wrap, "svg")?;
    attrs(
        &svg,
        &[
            ("viewBox", &format!("0 0 {WIDTH} {HEIGHT}")),
            ("role", "img"),
            ("class", "timeline-chart"),
        ],
    )?;
    let summary = append(&details, "p", "")?;
    attrs(&summary, &[("class", "timeline-summary")])?;
    let numbers = append(&details, "details", "")?;
    append(&numbers, "summary", "The counts as a table")?;
    let scroll = append(&numbers, "div", "")?;
    attrs(&scroll, &[("class", "scroll")])?;
    let table = append(&scroll, "table", "")?;
    attrs(&table, &[("class", "timeline-table")])?;
    Ok(TimelinePanel {
        details,
        svg,
        summary,
        table,
        drawn_for: None,
    })
}

fn range(low: usize, central: usize, high: usize) -> String {
    if low == high {
        format!("{central}")
    } else {
        format!("{central} ({low}\u{2013}{high})")
    }
}

fn models(c: &RegimeCounts) -> String {
    range(c.models_low, c.models_in, c.models_high)
}

fn developers(c: &RegimeCounts) -> String {
    range(c.developers_low, c.developers_in, c.developers_high)
}

impl TimelinePanel {
    /// Whether the section is open.
    pub fn open(&self) -> bool {
        self.details.has_attribute("open")
    }

    /// Redraws for `scenario` when open and changed.
    pub fn refresh(&mut self, catalog: &Catalog, scenario: &Scenario) -> Res<()> {
        if !self.open() || self.drawn_for.as_ref() == Some(scenario) {
            return Ok(());
        }
        let t = timeline(catalog, scenario);
        self.draw(&t, scenario)?;
        self.drawn_for = Some(scenario.clone());
        Ok(())
    }

    fn draw(&self, t: &Timeline, scenario: &Scenario) -> Res<()> {
        let svg = &self.svg;
        svg.set_text_content(None);
        let x0 = f64::from(FIRST_YEAR);
        let x1 = scenario.as_of.year_fraction().max(x0 + 0.25);
        let y_max = t
            .points
            .iter()
            .flat_map(|p| {
                [
                    p.us.models_high,
                    p.eu.models_high,
                    p.us.developers_high,
                    p.eu.developers_high,
                ]
            })
            .max()
            .unwrap_or(1)
            .max(4) as f64
            * 1.1;
        let x = |year: f64| LEFT + (year - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
        let y = |count: f64| TOP + (1.0 - count / y_max) * (HEIGHT - TOP - BOTTOM);
        let grid = append_svg(svg, "g")?;
        attrs(&grid, &[("class", "grid"), ("aria-hidden", "true")])?;
        let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
            .into_iter()
            .find(|s| y_max / s <= 6.0)
            .unwrap_or(200.0);
        let mut tick = 0.0;
        while tick <= y_max {
            let line = append_svg(&grid, "line")?;
            let yy = y(tick).to_string();
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
        for year in FIRST_YEAR..=scenario.as_of.year() {
            let xx = x(f64::from(year));
            if xx <= WIDTH - RIGHT + 1.0 {
                svg_text(&grid, xx, HEIGHT - 12.0, "middle", &year.to_string())?;
            }
        }
        svg_text(&grid, 10.0, TOP - 2.0, "start", "count")?;
        for (k, m) in t.markers.iter().enumerate() {
            let g = append_svg(svg, "g")?;
            attrs(&g, &[("class", "timeline-marker")])?;
            let xx = x(m.date.year_fraction()).to_string();
            let line = append_svg(&g, "line")?;
            attrs(
                &line,
                &[
                    ("x1", &xx),
                    ("x2", &xx),
                    ("y1", &TOP.to_string()),
                    ("y2", &(HEIGHT - BOTTOM).to_string()),
                ],
            )?;
            let label = svg_text(
                &g,
                x(m.date.year_fraction()) - 4.0,
                TOP + 10.0 + 14.0 * k as f64,
                "end",
                m.label,
            )?;
            attrs(&label, &[("class", "marker-label")])?;
        }
        let series: [(&str, &str, Reader); 4] = [
            ("tl-us", "US models", |c| {
                (c.models_low, c.models_in, c.models_high)
            }),
            ("tl-eu", "EU models", |c| {
                (c.models_low, c.models_in, c.models_high)
            }),
            ("tl-us dev", "US developers", |c| {
                (c.developers_low, c.developers_in, c.developers_high)
            }),
            ("tl-eu dev", "EU developers", |c| {
                (c.developers_low, c.developers_in, c.developers_high)
            }),
        ];
        for (i, (class, label, get)) in series.into_iter().enumerate() {
            let of =
                |p: &crate::timeline::TimelinePoint| get(if i % 2 == 0 { &p.us } else { &p.eu });
            let xs: Vec<f64> = t.points.iter().map(|p| x(p.date.year_fraction())).collect();
            let values: Vec<(usize, usize, usize)> = t.points.iter().map(of).collect();
            if i < 2 {
                let mut points: Vec<String> = xs
                    .iter()
                    .zip(&values)
                    .map(|(xx, v)| format!("{xx:.1},{:.1}", y(v.2 as f64)))
                    .collect();
                points.extend(
                    xs.iter()
                        .zip(&values)
                        .rev()
                        .map(|(xx, v)| format!("{xx:.1},{:.1}", y(v.0 as f64))),
                );
                let band = append_svg(svg, "polygon")?;
                attrs(
                    &band,
                    &[
                        ("class", &format!("{class} band")),
                        ("points", &points.join(" ")),
                    ],
                )?;
            }
            let line = append_svg(svg, "polyline")?;
            let points: Vec<String> = xs
                .iter()
                .zip(&values)
                .map(|(xx, v)| format!("{xx:.1},{:.1}", y(v.1 as f64)))
                .collect();
            attrs(
                &line,
                &[
                    ("class", &format!("{class} line")),
                    ("points", &points.join(" ")),
                    ("fill", "none"),
                ],
            )?;
            let key_y = TOP + 14.0 + 18.0 * i as f64;
            key_line(
                svg,
                &format!("{class} line"),
                WIDTH - RIGHT + 10.0,
                key_y,
                label,
            )?;
        }
        let last = t.points.last();
        let words = last.map_or(String::new(), |p| {
            format!(
                "On {}: the US definition covers {} models from {} developers; the EU tier {} models from {} developers. {} quarters from {}; EU obligations from 2 Aug 2025, fines from 2 Aug 2026.",
                p.date,
                models(&p.us),
                developers(&p.us),
                models(&p.eu),
                developers(&p.eu),
                t.points.len(),
                FIRST_YEAR
            )
        });
        self.summary.set_text_content(Some(&words));
        attrs(svg, &[("aria-label", &format!("Timeline chart. {words}"))])?;
        let table = &self.table;
        table.set_text_content(None);
        append(
            table,
            "caption",
            "Counts at each quarter's end: central (low\u{2013}high)",
        )?;
        let head = append(&append(table, "thead", "")?, "tr", "")?;
        for h in [
            "Date",
            "US models",
            "US developers",
            "EU models",
            "EU developers",
        ] {
            attrs(&append(&head, "th", h)?, &[("scope", "col")])?;
        }
        let body = append(table, "tbody", "")?;
        for p in &t.points {
            let tr = append(&body, "tr", "")?;
            attrs(
                &append(&tr, "th", &p.date.to_string())?,
                &[("scope", "row")],
            )?;
            append(&tr, "td", &models(&p.us))?;
            append(&tr, "td", &developers(&p.us))?;
            append(&tr, "td", &models(&p.eu))?;
            append(&tr, "td", &developers(&p.eu))?;
        }
        Ok(())
    }
}
