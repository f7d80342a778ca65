//! The chart's elements, built once: the plot with its axes, threshold
//! lines and a marker per model, the tooltip, the phone's fixed y axis, the
//! legend and the download buttons.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::marks::{category_key, shape, Category, Whisker};
use super::tooltip::Tooltip;
use super::{
    x_of, y_of, Chart, Format, ThresholdLine, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, UNDISCLOSED_Y,
    WIDTH, Y_HIGH, Y_LOW,
};
use crate::catalog::Catalog;
use crate::evaluate::Overlap;
use crate::web::page::dom::{append, append_svg, attrs, svg_text, Res};

/// The chart's label for a screen reader: the keys, and the table only
/// where there is one (an embed has none).
pub fn chart_label(with_table: bool) -> String {
    format!(
        "Scatter chart of models by publication date and training compute. Left and right arrows step through models by date, Page Up to the next later model either regime covers and Page Down to the next earlier one, Home and End go to the first and last, {}Escape hides its details.{}",
        if with_table {
            "Enter finds the model's row in the table, "
        } else {
            ""
        },
        if with_table {
            " The table below lists the same data."
        } else {
            ""
        }
    )
}

/// Builds the chart into `parent`. Its hint names the table only where
/// there is one (`with_table`: the full page; an embed has none).
pub fn build(parent: &Element, catalog: &Catalog, with_table: bool) -> Res<Chart> {
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
        &format!(
            "Vertical axis: training compute in FLOP, log scale: each row's own figure or estimate as Epoch AI records it (a fine-tune's verdicts read at least its base model's compute plus its own; its details give the figure they read). Hollow markers with whiskers are estimates: of undisclosed compute, the marker at the central estimate and the whisker over its interval (running to the plot's edge where the interval is open); and figures the verdicts read as estimates (Epoch's Speculative ones), the whisker over the range they read. Models with undisclosed compute and no central estimate sit in the band at the top. Horizontal axis: publication date. {}",
            // A tap is a click: on the full page it finds the table row,
            // in an embed (no table) it shows the details (a journalist
            // tester's phone read "Hover over a marker").
            if with_table {
                "Hover over a marker, or focus the chart and use the arrow keys, for its details; click or tap it, or press Enter, to find its row in the table."
            } else {
                "Hover over or tap a marker, or focus the chart and use the arrow keys, for its details."
            }
        ),
    )?;
    attrs(&hint, &[("class", "hint")])?;
    // Said when the US definition has no compute test, and so no line.
    let us_note = append(&section, "p", "")?;
    attrs(&us_note, &[("class", "chart-note"), ("hidden", "")])?;
    // The frame holds the scroll box, and over it the tooltip and, on
    // phones, the y axis that stays while the plot scrolls sideways.
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
            ("aria-label", &chart_label(with_table)),
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
    }
    y_labels(&grid)?;
    let mut year = x_low;
    while year <= x_high {
        let x = x_of(year, x_low, x_high);
        svg_text(&grid, x, HEIGHT - 10.0, "middle", &format!("{year:.0}"))?;
        year += if x_high - x_low > 8.0 { 2.0 } else { 1.0 };
    }

    // Threshold lines: US, EU systemic risk, EU GPAI. Each label is two
    // lines, the regime's name and the threshold with its unit, which keeps
    // it within the space at the plot's right.
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
        let x = (WIDTH - RIGHT + 4.0).to_string();
        let label = append_svg(&g, "text")?;
        attrs(&label, &[("x", &x)])?;
        let name = append_svg(&label, "tspan")?;
        attrs(&name, &[("x", &x)])?;
        let value = append_svg(&label, "tspan")?;
        attrs(&value, &[("x", &x), ("dy", "1.2em")])?;
        lines.push(ThresholdLine {
            group: g,
            label,
            name,
            value,
        });
    }

    let whisker_layer = append_svg(&svg, "g")?;
    attrs(
        &whisker_layer,
        &[("class", "whiskers"), ("aria-hidden", "true")],
    )?;
    let layer = append_svg(&svg, "g")?;
    attrs(&layer, &[("class", "markers")])?;
    let mut positions = Vec::with_capacity(catalog.models.len());
    for (i, model) in catalog.models.iter().enumerate() {
        let x = x_of(model.publication_date.year_fraction(), x_low, x_high);
        let y = match model.compute_flop {
            Some(flop) => y_of(flop.log10().clamp(Y_LOW, Y_HIGH)),
            // Spread undisclosed models a little so they do not stack exactly.
            None => UNDISCLOSED_Y + ((i % 5) as f64 - 2.0) * 2.5,
        };
        positions.push((x, y));
    }
    let checked_layer = append_svg(&svg, "g")?;
    attrs(
        &checked_layer,
        &[("class", "checked-model"), ("visibility", "hidden")],
    )?;
    append_svg(&checked_layer, "path")?;
    let star_label = append_svg(&checked_layer, "text")?;
    let ring = selection_ring(&svg)?;
    // What the table's filter highlights, said where the eye is: above the
    // plot, at its right (where a phone opens it).
    let filter_note = svg_text(&svg, WIDTH - 6.0, TOP - 6.0, "end", "")?;
    attrs(
        &filter_note,
        &[("class", "filter-note"), ("visibility", "hidden")],
    )?;

    let tip: HtmlElement = append(&frame, "div", "")?.unchecked_into();
    attrs(
        &tip,
        &[
            ("id", "chart-details"),
            ("class", "chart-tip"),
            ("hidden", ""),
        ],
    )?;
    fixed_axis(&frame)?;
    // Stepping through the chart by keyboard is announced here; the
    // tooltip also follows slider moves, silently.
    let heard = append(&section, "p", "")?;
    attrs(
        &heard,
        &[("class", "visually-hidden"), ("aria-live", "polite")],
    )?;
    let legend = legend(&section)?;
    let tools = append(&section, "div", "")?;
    attrs(&tools, &[("class", "chart-tools")])?;
    let mut downloads = Vec::new();
    for (format, words, id) in [
        (Format::Svg, "Download chart (SVG)", "download-chart-svg"),
        (Format::Png, "Download chart (PNG)", "download-chart-png"),
    ] {
        let button = append(&tools, "button", words)?;
        attrs(
            &button,
            &[("type", "button"), ("id", id), ("class", format.class())],
        )?;
        downloads.push((button, format));
    }
    let n = positions.len();
    Ok(Chart {
        svg,
        frame,
        wrap,
        tip: Tooltip::new(tip),
        heard,
        ring,
        filter_note,
        legend,
        us_note,
        downloads,
        categories: vec![Category::Hidden; n],
        drawn: vec![None; n],
        whisker_list: whisker_layer.children(),
        whisker_layer,
        whiskers: vec![None; n],
        estimates: None,
        figure_whiskers: None,
        markers: layer.children(),
        marker_layer: layer,
        positions,
        lines,
        selected: None,
        matching: None,
        checked: (checked_layer, star_label),
        x_range: (x_low, x_high),
    })
}

/// The powers of ten on the y axis, and the band of undisclosed compute.
fn y_labels(parent: &Element) -> Res<()> {
    for e in (Y_LOW as i32)..=(Y_HIGH as i32) {
        let y = y_of(f64::from(e));
        svg_text(parent, LEFT - 6.0, y + 4.0, "end", &crate::format::pow10(e))?;
    }
    svg_text(
        parent,
        LEFT - 6.0,
        UNDISCLOSED_Y + 4.0,
        "end",
        "undisclosed",
    )?;
    Ok(())
}

/// The y axis again, for phones: drawn over the scroll box's left edge at
/// the plot's scale (style.css), it stays while the plot scrolls under it.
fn fixed_axis(frame: &Element) -> Res<()> {
    let axis = crate::web::page::dom::axis_overlay(frame, "chart-axis", LEFT, HEIGHT, BOTTOM)?;
    let edge = append_svg(&axis, "line")?;
    attrs(
        &edge,
        &[
            ("x1", &(LEFT - 2.0).to_string()),
            ("x2", &(LEFT - 2.0).to_string()),
            ("y1", &TOP.to_string()),
            ("y2", &(HEIGHT - BOTTOM).to_string()),
        ],
    )?;
    let labels = append_svg(&axis, "g")?;
    attrs(&labels, &[("class", "grid")])?;
    y_labels(&labels)
}

/// The ring around the selected marker: a dashed ring in the ink colour on
/// a halo of the background, unlike any category's colour or shape.
fn selection_ring(svg: &Element) -> Res<Element> {
    let ring = append_svg(svg, "g")?;
    attrs(
        &ring,
        &[
            ("class", "selection-ring"),
            ("aria-hidden", "true"),
            ("visibility", "hidden"),
        ],
    )?;
    for class in ["ring-halo", "ring"] {
        attrs(
            &append_svg(&ring, "circle")?,
            &[("class", class), ("r", "9.5")],
        )?;
    }
    Ok(ring)
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

fn legend(parent: &Element) -> Res<Element> {
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
    Ok(list)
}
