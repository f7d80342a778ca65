//! The chart of the mounted page in headless browsers, with the page's own
//! stylesheet: the details in a tooltip at the marker, the ring on the
//! selected marker, a marker picked to find its table row, the table
//! filter's highlight, and the threshold lines and their labels.
#![cfg(target_arch = "wasm32")]

use scope_explorer::catalog::Catalog;
use scope_explorer::settings::{Kind, SETTINGS};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{DomRect, Element, Event, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;

const STYLE_ID: &str = "scope-explorer-test-style";

/// The page's stylesheet, loaded once, so that the chart is laid out and
/// coloured as on the page.
fn styled() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id(STYLE_ID).is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id(STYLE_ID);
        style.set_text_content(Some(include_str!("../www/style.css")));
        document.body().unwrap().append_child(&style).unwrap();
    }
}

/// Mounts a fresh, styled explorer with the given URL query.
fn mount_with(query: &str) -> Element {
    styled();
    common::web::mount_with(query)
}

fn find(root: &Element, selector: &str) -> Element {
    common::web::find(root, selector)
}

/// A bubbling event of `kind` on `target` (the page reads only its type
/// and target; the tests' web-sys has no MouseEvent).
fn bubble(target: &Element, kind: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn rect(element: &Element) -> DomRect {
    element.get_bounding_client_rect()
}

fn centre(element: &Element) -> (f64, f64) {
    let r = rect(element);
    ((r.left() + r.right()) / 2.0, (r.top() + r.bottom()) / 2.0)
}

fn computed(element: &Element, property: &str) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(element)
        .unwrap()
        .unwrap()
        .get_property_value(property)
        .unwrap()
}

fn marker(root: &Element, model: usize) -> Element {
    find(root, &format!("#chart .markers [data-i='{model}']"))
}

/// The table row whose model is called `name`.
fn row_of(root: &Element, name: &str) -> Element {
    let rows = root.query_selector_all("#models-table tbody tr").unwrap();
    (0..rows.length())
        .map(|i| rows.get(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|row| {
            let th = row.query_selector("th").unwrap().unwrap();
            th.first_child().and_then(|t| t.text_content()).as_deref() == Some(name)
        })
        .unwrap_or_else(|| panic!("{name} has a row"))
}

#[wasm_bindgen_test]
fn hovering_a_marker_shows_its_details_in_a_tooltip_at_the_marker() {
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let gpt = catalog.find("GPT-4.5").unwrap();
    let marker = marker(&root, gpt);
    let chart = find(&root, "#chart");
    let tip = find(&root, "#chart-details");
    let legend = find(&root, ".chart .legend");
    assert!(tip.has_attribute("hidden"), "no tooltip before a hover");
    let legend_top = rect(&legend).top();

    bubble(&marker, "mouseover");
    assert!(!tip.has_attribute("hidden"), "the hover shows the tooltip");
    let text = tip.text_content().unwrap();
    assert!(text.starts_with("GPT-4.5 (OpenAI"), "{text}");
    assert!(text.contains("US ") && text.contains("EU "), "{text}");
    // At the marker: just above or below it, across its centre, and inside
    // the chart's frame.
    let (t, m) = (rect(&tip), rect(&marker));
    let gap = if t.bottom() <= m.top() + 0.5 {
        m.top() - t.bottom()
    } else {
        t.top() - m.bottom()
    };
    assert!(
        (0.0..=30.0).contains(&gap),
        "tooltip {gap} px from the marker"
    );
    let (x, _) = centre(&marker);
    assert!(t.left() <= x && x <= t.right(), "tooltip across x = {x}");
    let frame = rect(&find(&root, ".chart-frame"));
    assert!(t.left() >= frame.left() - 0.5 && t.right() <= frame.right() + 0.5);
    // Over the page: nothing below it moved.
    assert_eq!(rect(&legend).top(), legend_top);

    // Escape hides it; stepping by keyboard shows the next model's.
    press(&chart, "Escape");
    assert!(tip.has_attribute("hidden"), "Escape hides the tooltip");
    press(&chart, "ArrowRight");
    assert!(!tip.has_attribute("hidden"));
    let next = tip.text_content().unwrap();
    assert_ne!(next, text);
    assert!(!next.starts_with("GPT-4.5 ("), "{next}");
    let selected = find(&root, "#chart .markers [data-selected]");
    let (t, m) = (rect(&tip), rect(&selected));
    let (x, _) = centre(&selected);
    assert!(t.left() <= x && x <= t.right());
    assert!(t.bottom() <= m.top() + 0.5 || t.top() >= m.bottom() - 0.5);
    root.remove();
}

#[wasm_bindgen_test]
fn a_chart_key_with_nothing_further_says_so() {
    let root = mount_with("");
    let chart = find(&root, "#chart");
    let tip = find(&root, "#chart-details");
    let heard = || tip.text_content().unwrap();
    press(&chart, "Home");
    let first = heard();
    assert!(!first.starts_with("No "), "{first}");
    // Nothing before the first model: the same model, and the words say so.
    press(&chart, "ArrowLeft");
    assert_eq!(heard(), format!("No earlier model. {first}"));
    // Up and right go later; a step that moves says nothing of an edge.
    press(&chart, "ArrowUp");
    let second = heard();
    assert!(!second.starts_with("No ") && second != first, "{second}");
    press(&chart, "End");
    let last = heard();
    press(&chart, "ArrowRight");
    assert_eq!(heard(), format!("No later model. {last}"));
    // From the last model Page Up finds none later; Page Down moves to an
    // earlier covered one (the default view covers some).
    press(&chart, "PageUp");
    assert_eq!(
        heard(),
        format!("No later model in either regime's scope. {last}")
    );
    press(&chart, "PageDown");
    let covered = heard();
    assert!(!covered.starts_with("No ") && covered != last, "{covered}");
    root.remove();
}

#[wasm_bindgen_test]
fn the_selected_marker_has_a_ring_in_no_category_colour() {
    let root = mount_with("");
    let chart = find(&root, "#chart");
    let ring = find(&root, "#chart .selection-ring");
    assert_eq!(ring.get_attribute("visibility").as_deref(), Some("hidden"));
    for key in ["End", "ArrowLeft", "ArrowLeft"] {
        press(&chart, key);
        assert_eq!(ring.get_attribute("visibility").as_deref(), Some("visible"));
        let selected = find(&root, "#chart .markers [data-selected]");
        let ((rx, ry), (mx, my)) = (centre(&ring), centre(&selected));
        assert!(
            (rx - mx).abs() < 1.5 && (ry - my).abs() < 1.5,
            "ring at ({rx}, {ry}), marker at ({mx}, {my})"
        );
    }
    // The ring's colours are none of the categories' (read from the legend).
    let line = find(&root, "#chart .selection-ring .ring");
    let halo = find(&root, "#chart .selection-ring .ring-halo");
    let ring_colours = [computed(&line, "stroke"), computed(&halo, "stroke")];
    let swatches = root
        .query_selector_all(".chart .legend li:not(.est-key) path")
        .unwrap();
    assert_eq!(swatches.length(), 5, "a swatch per category");
    for i in 0..swatches.length() {
        let swatch: Element = swatches.get(i).unwrap().dyn_into().unwrap();
        let colour = computed(&swatch, "stroke");
        assert!(
            !ring_colours.contains(&colour),
            "the ring {ring_colours:?} shares {colour} with a category"
        );
    }
    assert_ne!(computed(&line, "stroke-dasharray"), "none", "a dashed ring");
    root.remove();
}

#[wasm_bindgen_test]
fn the_table_filter_highlights_its_markers() {
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let chart = find(&root, "#chart");
    let note = find(&root, "#chart .filter-note");
    let filter: HtmlInputElement = find(&root, "#filter").dyn_into().unwrap();
    filter.set_value("Anthropic");
    filter
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();

    assert!(chart.has_attribute("data-filtering"));
    let matched = root
        .query_selector_all("#chart .markers [data-match]")
        .unwrap();
    let matched: Vec<usize> = (0..matched.length())
        .map(|i| {
            let e: Element = matched.get(i).unwrap().dyn_into().unwrap();
            e.get_attribute("data-i").unwrap().parse().unwrap()
        })
        .collect();
    let expected: Vec<usize> = (0..catalog.models.len())
        .filter(|&i| {
            let m = &catalog.models[i];
            let base = m.base.map_or("", |b| catalog.models[b].name.as_str());
            format!("{} {} {base}", m.name, m.developer)
                .to_lowercase()
                .contains("anthropic")
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(matched, expected);
    // The note counts the highlighted models the chart shows: the rows kept.
    let shown = expected
        .iter()
        .filter(|&&i| marker(&root, i).get_attribute("visibility").as_deref() == Some("visible"))
        .count();
    let rows = root
        .query_selector_all("#models-table tbody tr:not([hidden])")
        .unwrap()
        .length() as usize;
    assert_eq!(shown, rows);
    assert_eq!(note.get_attribute("visibility").as_deref(), Some("visible"));
    let words = note.text_content().unwrap();
    assert!(words.contains("\u{201c}Anthropic\u{201d}"), "{words}");
    assert!(
        words.contains(&format!(": {shown} models highlighted")),
        "{words}"
    );
    // The others are dimmed, the matching ones not.
    let other = (0..catalog.models.len())
        .find(|i| {
            !expected.contains(i)
                && marker(&root, *i).get_attribute("visibility").as_deref() == Some("visible")
        })
        .unwrap();
    let dim: f64 = computed(&marker(&root, other), "opacity").parse().unwrap();
    let kept: f64 = computed(&marker(&root, expected[0]), "opacity")
        .parse()
        .unwrap();
    assert!(dim < 0.5 && kept == 1.0, "dimmed {dim}, kept {kept}");

    filter.set_value("");
    filter
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();
    assert!(!chart.has_attribute("data-filtering"));
    assert_eq!(
        root.query_selector_all("#chart [data-match]")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(note.get_attribute("visibility").as_deref(), Some("hidden"));
    root.remove();
}

#[wasm_bindgen_test]
fn picking_a_marker_brings_its_table_row_into_view() {
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let gpt = catalog.find("GPT-4.5").unwrap();
    let filter: HtmlInputElement = find(&root, "#filter").dyn_into().unwrap();
    filter.set_value("Meta");
    filter
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();
    assert!(row_of(&root, "GPT-4.5").has_attribute("hidden"));

    // A click on a marker whose row the filter hides: the filter is
    // cleared, and the table says so.
    bubble(&marker(&root, gpt), "click");
    assert_eq!(filter.value(), "");
    let status = find(&root, "#models-shown").text_content().unwrap();
    assert!(
        status.starts_with("Cleared the filter \u{201c}Meta\u{201d} to show GPT-4.5. Showing"),
        "{status}"
    );
    assert!(!find(&root, "#chart").has_attribute("data-filtering"));
    let row = row_of(&root, "GPT-4.5");
    assert!(!row.has_attribute("hidden"));
    assert!(row.has_attribute("data-picked"));
    // The whole table is written, this row included.
    assert!(!find(&root, "#models-table").has_attribute("aria-busy"));
    let verdict = row.query_selector(".verdict").unwrap().unwrap();
    assert!(!verdict.text_content().unwrap().is_empty());
    // Focus on its heading, and the row in the window.
    let heading = row.query_selector("th").unwrap().unwrap();
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(
        active.is_same_node(Some(&heading)),
        "focus on the row's heading"
    );
    let (r, height) = (
        rect(&row),
        web_sys::window()
            .unwrap()
            .inner_height()
            .unwrap()
            .as_f64()
            .unwrap(),
    );
    assert!(
        r.top() >= -0.5 && r.top() < height,
        "row at {} of {height}",
        r.top()
    );
    let outline = computed(&row, "outline-style");
    assert_eq!(outline, "dashed");

    // Enter on the chart picks the selected model, and only its row stays
    // outlined.
    let chart = find(&root, "#chart");
    press(&chart, "End");
    press(&chart, "Enter");
    let picked = root
        .query_selector_all("#models-table [data-picked]")
        .unwrap();
    assert_eq!(picked.length(), 1);
    let selected: usize = find(&root, "#chart .markers [data-selected]")
        .get_attribute("data-i")
        .unwrap()
        .parse()
        .unwrap();
    assert!(row_of(&root, &catalog.models[selected].name).has_attribute("data-picked"));
    assert!(!row.has_attribute("data-picked"));
    root.remove();
}

/// Each marker's and each whisker's attributes, sorted, by model: what a
/// reader's browser draws and what the page's own code reads back.
struct Drawing {
    markers: Vec<Vec<(String, String)>>,
    whiskers: Vec<Option<Vec<(String, String)>>>,
}

fn attributes(element: &Element) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = element
        .get_attribute_names()
        .iter()
        .map(|name| {
            let name = name.as_string().unwrap();
            let value = element.get_attribute(&name).unwrap();
            (name, value)
        })
        .collect();
    all.sort();
    all
}

fn drawing(root: &Element, models: usize) -> Drawing {
    let mut whiskers = vec![None; models];
    let found = root.query_selector_all("#chart .whiskers path").unwrap();
    for k in 0..found.length() {
        let whisker: Element = found.get(k).unwrap().dyn_into().unwrap();
        let i: usize = whisker.get_attribute("data-i").unwrap().parse().unwrap();
        assert!(whiskers[i].is_none(), "one whisker per model");
        whiskers[i] = Some(attributes(&whisker));
    }
    Drawing {
        markers: (0..models).map(|i| attributes(&marker(root, i))).collect(),
        whiskers,
    }
}

fn visible(attributes: &[(String, String)]) -> bool {
    attributes
        .iter()
        .any(|(name, value)| name == "visibility" && value == "visible")
}

/// The first render writes every marker and whisker at once; later renders
/// redraw the ones that changed. Both must give the same chart.
#[wasm_bindgen_test]
fn a_chart_redrawn_step_by_step_matches_one_drawn_whole() {
    let models = Catalog::embedded().unwrap().models.len();
    // Step by step: first without estimates at an early date, then with
    // estimates (their whiskers are made after the first render), at a
    // later date and another US threshold.
    let root = mount_with("?est=0&as_of=2024-01-01&us_flop=1e24");
    let first = drawing(&root, models);
    let shown_first = first.markers.iter().filter(|a| visible(a)).count();
    assert!(first.whiskers.iter().all(Option::is_none), "no estimates");
    let estimates: HtmlInputElement = common::web::find(&root, "#estimates");
    estimates.click();
    let date: HtmlInputElement = common::web::find(&root, "#as-of");
    date.set_value("2026-08-08");
    date.dispatch_event(&Event::new("change").unwrap()).unwrap();
    let threshold: HtmlInputElement = common::web::find(&root, "#us-compute");
    let Some(Kind::Slider(slider)) = SETTINGS
        .iter()
        .find(|s| s.id == "us-compute")
        .map(|s| &s.kind)
    else {
        panic!("the US compute threshold is a slider");
    };
    threshold.set_value(&slider.position(1e26).to_string());
    for kind in ["input", "change"] {
        threshold
            .dispatch_event(&Event::new(kind).unwrap())
            .unwrap();
    }
    let stepped = drawing(&root, models);
    root.remove();

    // Drawn whole, for the same view.
    let root = mount_with("?est=1&as_of=2026-08-08&us_flop=1e26");
    let whole = drawing(&root, models);
    root.remove();

    let shown = whole.markers.iter().filter(|a| visible(a)).count();
    assert!(
        shown > shown_first + 100,
        "{shown_first} then {shown} shown"
    );
    let estimated = whole
        .whiskers
        .iter()
        .flatten()
        .filter(|a| visible(a))
        .count();
    assert!(estimated > 50, "{estimated} whiskers");
    let classes: std::collections::BTreeSet<&str> = whole
        .markers
        .iter()
        .flatten()
        .filter(|(name, _)| name == "class")
        .map(|(_, value)| value.as_str())
        .collect();
    assert!(classes.len() >= 6, "{classes:?}");
    for i in 0..models {
        let (a, b) = (&stepped.markers[i], &whole.markers[i]);
        // A hidden marker keeps what it showed last; only its visibility counts.
        if visible(a) || visible(b) {
            assert_eq!(a, b, "marker of model {i}");
        }
        match (&stepped.whiskers[i], &whole.whiskers[i]) {
            (Some(a), Some(b)) => assert_eq!(a, b, "whisker of model {i}"),
            (Some(a), None) => assert!(!visible(a), "model {i} has a whisker only step by step"),
            (None, Some(b)) => panic!("model {i} has a whisker only drawn whole: {b:?}"),
            (None, None) => {}
        }
    }
}

fn shown_line(root: &Element, class: &str) -> bool {
    let line = find(root, &format!("#chart .{class}"));
    line.get_attribute("visibility").as_deref() == Some("visible")
        && computed(&line, "visibility") == "visible"
}

/// A US definition without a compute test (capability only, as in the
/// narrow reading) has no US line, and the chart says why; with compute
/// as one of its tests (either, both) the line is drawn.
#[wasm_bindgen_test]
fn a_capability_only_us_definition_draws_no_us_line() {
    let root = mount_with("?preset=narrow");
    assert!(!shown_line(&root, "line-us"), "no US line");
    assert!(shown_line(&root, "line-eu-systemic"), "the EU lines stay");
    let note = find(&root, ".chart .chart-note");
    assert!(!note.has_attribute("hidden"));
    assert!(rect(&note).height() > 0.0, "the note is shown");
    let words = note.text_content().unwrap();
    assert!(words.contains("no compute threshold"), "{words}");

    // Either test, then both: compute is one of the tests.
    let combine: HtmlSelectElement = common::web::find(&root, "#us-combine");
    for value in ["either", "both"] {
        combine.set_value(value);
        combine
            .dispatch_event(&Event::new("change").unwrap())
            .unwrap();
        assert!(shown_line(&root, "line-us"), "{value}: the US line");
        assert!(note.has_attribute("hidden"), "{value}: no note");
    }
    combine.set_value("capability_only");
    combine
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    assert!(!shown_line(&root, "line-us"), "capability only again");
    assert!(!note.has_attribute("hidden"));
    root.remove();

    let root = mount_with("?preset=broad");
    assert!(shown_line(&root, "line-us"), "either test: the US line");
    assert!(find(&root, ".chart .chart-note").has_attribute("hidden"));
    root.remove();
}

/// Each threshold label gives its figure with its unit, inside the chart,
/// and the US and EU labels do not overlap where their lines coincide.
#[wasm_bindgen_test]
fn threshold_labels_carry_their_unit_and_stay_readable() {
    let root = mount_with("?us_flop=1e25&eu_sys=1e25");
    let chart = rect(&find(&root, "#chart"));
    let mut boxes = Vec::new();
    for (class, name, figure) in [
        ("line-us", "US", "1 × 10²⁵ FLOP"),
        ("line-eu-systemic", "EU systemic", "1 × 10²⁵ FLOP"),
        ("line-eu-gpai", "EU GPAI", "1 × 10²³ FLOP"),
    ] {
        assert!(shown_line(&root, class), "{class}");
        let label = find(&root, &format!("#chart .{class} text"));
        let words = label.text_content().unwrap();
        assert_eq!(words, format!("{name}{figure}"), "{class}");
        let r = rect(&label);
        assert!(
            r.right() <= chart.right() + 0.5 && r.left() >= chart.left(),
            "{class}: the label is inside the chart ({} to {}, chart {} to {})",
            r.left(),
            r.right(),
            chart.left(),
            chart.right()
        );
        boxes.push(r);
    }
    let (us, eu) = (&boxes[0], &boxes[1]);
    assert!(
        us.bottom() <= eu.top() + 0.5,
        "the US label ({} to {}) is above the EU one ({} to {})",
        us.top(),
        us.bottom(),
        eu.top(),
        eu.bottom()
    );
    // Two lines each: the name over the figure.
    for class in ["line-us", "line-eu-systemic"] {
        let parts = root
            .query_selector_all(&format!("#chart .{class} text tspan"))
            .unwrap();
        assert_eq!(parts.length(), 2, "{class}");
        let (name, figure): (Element, Element) = (
            parts.get(0).unwrap().dyn_into().unwrap(),
            parts.get(1).unwrap().dyn_into().unwrap(),
        );
        assert!(rect(&name).bottom() <= rect(&figure).top() + 2.0, "{class}");
    }
    root.remove();
}
