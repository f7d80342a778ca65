//! Several views in one document (the full page and embeds), each driven
//! on its own, in headless browsers; checked against the core.
#![cfg(target_arch = "wasm32")]

use scope_explorer::catalog::Catalog;
use scope_explorer::evaluate::{evaluate, Summary};
use scope_explorer::presets;
use scope_explorer::scenario::Scenario;
use scope_explorer::urlstate;
use scope_explorer::web::{mount, mount_embed, today};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Event, HtmlAnchorElement, HtmlInputElement};

mod common;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Removes every view, then sets the page's URL query.
fn fresh(query: &str) {
    let old = document().query_selector_all(".scope-explorer").unwrap();
    for i in 0..old.length() {
        old.get(i).unwrap().dyn_into::<Element>().unwrap().remove();
    }
    common::web::set_query(query);
}

fn new_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

fn embed(query: &str) -> Element {
    let root = new_root();
    mount_embed(
        root.clone(),
        query,
        "http://example.test/index.html",
        false,
        None,
    )
    .expect("mounts");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    root
}

fn scenario_of(query: &str) -> Scenario {
    let base = presets::default_view(today().unwrap()).unwrap();
    urlstate::decode(query, &base).scenario
}

fn summary_of(query: &str) -> Summary {
    evaluate(&Catalog::embedded().unwrap(), &scenario_of(query)).summary
}

fn shown(root: &Element, key: &str) -> usize {
    root.query_selector(&format!("[data-count='{key}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("{key} is shown"))
        .text_content()
        .unwrap()
        .parse()
        .unwrap()
}

fn assert_counts(root: &Element, expected: &Summary, what: &str) {
    for (row, counts) in [
        ("models", expected.models),
        ("developers", expected.developers),
    ] {
        for (col, value) in [
            ("both", counts.both),
            ("us_only", counts.us_only),
            ("eu_only", counts.eu_only),
            ("neither", counts.neither),
            ("undetermined", counts.undetermined),
        ] {
            assert_eq!(
                shown(root, &format!("{row}.{col}")),
                value,
                "{what}: {row}.{col}"
            );
        }
    }
}

/// The compute slider of a view, found within it.
fn slider(root: &Element) -> HtmlInputElement {
    root.query_selector("[data-control='us-compute'] input[type=range]")
        .unwrap()
        .expect("the compute slider")
        .dyn_into()
        .unwrap()
}

fn slide(root: &Element, exponent: &str) {
    let input = slider(root);
    input.set_value(exponent);
    for name in ["input", "change"] {
        input.dispatch_event(&Event::new(name).unwrap()).unwrap();
    }
}

fn ids_are_unique() {
    let all = document().query_selector_all("[id]").unwrap();
    let mut ids = Vec::new();
    for i in 0..all.length() {
        let element: Element = all.get(i).unwrap().dyn_into().unwrap();
        let id = element.id();
        assert!(!ids.contains(&id), "id {id:?} appears twice");
        ids.push(id);
    }
}

/// Every label, and every aria-labelledby, points into its own view.
fn references_stay_inside(root: &Element) {
    let labels = root
        .query_selector_all("label[for], [aria-labelledby]")
        .unwrap();
    assert!(labels.length() > 3);
    for i in 0..labels.length() {
        let element: Element = labels.get(i).unwrap().dyn_into().unwrap();
        let ids = element
            .get_attribute("for")
            .or_else(|| element.get_attribute("aria-labelledby"))
            .unwrap();
        for id in ids.split_whitespace() {
            let target = document()
                .get_element_by_id(id)
                .unwrap_or_else(|| panic!("{id} exists"));
            assert!(root.contains(Some(&target)), "{id} is inside its own view");
        }
    }
}

#[wasm_bindgen_test]
fn the_page_and_an_embed_in_one_document_work_independently() {
    fresh("?us_flop=1e25");
    let page = new_root();
    mount(page.clone()).expect("the page mounts");
    let widget = embed("us_flop=1e27&controls=us_flop");
    ids_are_unique();
    references_stay_inside(&page);
    references_stay_inside(&widget);
    // The chart's hint offers the table's row only where there is a table.
    let hint = |root: &Element| {
        root.query_selector(".chart .hint")
            .unwrap()
            .expect("the chart's hint")
            .text_content()
            .unwrap()
    };
    assert!(
        hint(&page).contains("press Enter, to find its row in the table"),
        "{}",
        hint(&page)
    );
    assert!(!hint(&widget).contains("table"), "{}", hint(&widget));
    // A tap shows the details where there is no table to find.
    assert!(
        hint(&widget).contains("Hover over or tap a marker"),
        "{}",
        hint(&widget)
    );
    assert!(hint(&page).contains("click or tap it"), "{}", hint(&page));
    // So does the chart's label for a screen reader.
    let label = |root: &Element| {
        root.query_selector(".chart svg[role='group']")
            .unwrap()
            .expect("the chart's svg")
            .get_attribute("aria-label")
            .expect("its label")
    };
    assert!(
        label(&page).contains("Enter finds the model's row in the table")
            && label(&page).contains("The table below lists the same data."),
        "{}",
        label(&page)
    );
    assert!(label(&widget).contains("Escape hides its details."));
    assert!(!label(&widget).contains("table"), "{}", label(&widget));
    assert_counts(&page, &summary_of("us_flop=1e25"), "page");
    assert_counts(&widget, &summary_of("us_flop=1e27"), "embed");

    slide(&widget, "26");
    assert_counts(
        &widget,
        &summary_of("us_flop=1e26"),
        "embed after its slide",
    );
    assert_counts(
        &page,
        &summary_of("us_flop=1e25"),
        "page after the embed's slide",
    );
    // Whatever each view still had to do after the paint is done.
    flush(&page);
    flush(&widget);
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(
        search.contains("us_flop=1e25"),
        "the embed leaves the URL alone: {search}"
    );

    slide(&page, "24");
    assert_counts(&page, &summary_of("us_flop=1e24"), "page after its slide");
    assert_counts(
        &widget,
        &summary_of("us_flop=1e26"),
        "embed after the page's slide",
    );
    page.remove();
    widget.remove();
}

#[wasm_bindgen_test]
fn two_embeds_in_one_document_work_independently() {
    fresh("");
    let narrow = embed("us_flop=1e27&as_of=2026-08-08&note=Narrow");
    let broad = embed("us_flop=1e24&as_of=2026-08-08&sensitivity=1");
    ids_are_unique();
    references_stay_inside(&narrow);
    references_stay_inside(&broad);
    assert_counts(
        &narrow,
        &summary_of("us_flop=1e27&as_of=2026-08-08"),
        "narrow",
    );
    assert_counts(
        &broad,
        &summary_of("us_flop=1e24&as_of=2026-08-08"),
        "broad",
    );
    assert!(narrow.query_selector(".sensitivity").unwrap().is_none());
    assert!(broad.query_selector(".sensitivity").unwrap().is_some());

    slide(&narrow, "25");
    assert_counts(
        &narrow,
        &summary_of("us_flop=1e25&as_of=2026-08-08"),
        "narrow moved",
    );
    assert_counts(
        &broad,
        &summary_of("us_flop=1e24&as_of=2026-08-08"),
        "broad kept",
    );

    // The link to the full explorer carries the narrow view's new state.
    let link: HtmlAnchorElement = narrow
        .query_selector("a.full-link")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(link.target(), "_top");
    let expected = urlstate::encode(&scenario_of("us_flop=1e25&as_of=2026-08-08"));
    assert_eq!(
        link.href(),
        format!("http://example.test/index.html?{expected}")
    );
    assert!(expected.contains("as_of=2026-08-08"), "{expected}");
    narrow.remove();
    broad.remove();
}

#[wasm_bindgen_test]
fn mounting_again_replaces_the_view() {
    fresh("");
    let root = embed("us_flop=1e27");
    mount_embed(root.clone(), "us_flop=1e24", "index.html", false, None).unwrap();
    assert_eq!(root.query_selector_all(".layout").unwrap().length(), 1);
    assert_counts(&root, &summary_of("us_flop=1e24"), "remounted");
    ids_are_unique();
    root.remove();
}

#[wasm_bindgen_test]
fn controls_can_be_hidden_or_kept_to_one_slider() {
    fresh("");
    let fixed = embed("controls=none");
    assert!(fixed.query_selector("form").unwrap().is_none());
    let one = embed("controls=us_flop");
    let kept = one.query_selector_all(".controls.only-one .kept").unwrap();
    assert_eq!(kept.length(), 1);
    let kept: Element = kept.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        kept.get_attribute("data-control").as_deref(),
        Some("us-compute")
    );
    fixed.remove();
    one.remove();
}

#[wasm_bindgen_test]
fn bad_parameters_show_the_notice_as_text() {
    fresh("");
    let root = embed("controls=%3Cb%3Ebold&note=%3Cimg%20src%3Dx%3E&us_flop=abc");
    let notice = root.query_selector(".notice").unwrap().unwrap();
    assert!(!notice.has_attribute("hidden"));
    let text = notice.text_content().unwrap();
    assert!(text.contains("controls: expected all, none"), "{text}");
    assert!(text.contains("\"<b>bold\""), "{text}");
    assert!(text.contains("us_flop"), "{text}");
    assert!(notice.query_selector("b").unwrap().is_none());
    // The note is shown as text, not markup.
    let note = root.query_selector(".embed-note").unwrap().unwrap();
    assert_eq!(note.text_content().as_deref(), Some("<img src=x>"));
    assert!(root.query_selector("img").unwrap().is_none());
    // From a URL (an iframe), the notice speaks of the link's settings.
    assert!(
        text.starts_with("Some settings in the link were not understood"),
        "{text}"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn an_elements_notice_speaks_of_its_attributes() {
    fresh("");
    let root = new_root();
    mount_embed(
        root.clone(),
        "controls=cap&us_flop=abc&bogus=1",
        "index.html",
        false,
        Some(true),
    )
    .expect("mounts");
    let notice = root.query_selector(".notice").unwrap().unwrap();
    assert!(!notice.has_attribute("hidden"));
    let text = notice.text_content().unwrap();
    assert!(
        text.starts_with("Some of the element's attributes were not understood"),
        "{text}"
    );
    assert!(!text.contains("link"), "{text}");
    assert!(!text.contains("parameter"), "{text}");
    assert!(text.contains("slider's attribute"), "{text}");
    assert!(text.contains("unknown attribute \"bogus\""), "{text}");
    assert!(text.contains("us_flop"), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
fn embed_this_view_gives_both_snippets_for_the_current_state() {
    fresh("?us_flop=3e25&as_of=2026-08-08");
    let page = new_root();
    mount(page.clone()).expect("the page mounts");
    // The snippets are written after the first paint (or at once on this event).
    flush(&page);
    let text = |id: &str| {
        page.query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .unwrap()
            .value()
    };
    let query = urlstate::encode(&scenario_of("us_flop=3e25&as_of=2026-08-08"));
    let iframe = text("embed-iframe");
    assert!(
        iframe.contains(&format!("embed.html?{}", query.replace('&', "&amp;"))),
        "{iframe}"
    );
    assert!(
        iframe.contains("loading=\"lazy\" width=\"100%\""),
        "{iframe}"
    );
    assert!(iframe.contains("frame-height.js"), "{iframe}");
    // No border: the frame is as wide as the article's column, not 4 px more.
    assert!(iframe.contains(" frameborder=\"0\" "), "{iframe}");
    let element = text("embed-element");
    assert!(element.contains("us_flop=\"3e25\""), "{element}");
    assert!(element.contains("as_of=\"2026-08-08\""), "{element}");
    assert!(element.contains("scope-explorer.js"), "{element}");
    // A declarative shadow root, with the element's styles from this
    // origin, keeps the one-slider view's space from the first paint.
    assert!(
        element.contains(&format!(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}style.css\">",
            iframe
                .split("embed.html?")
                .next()
                .unwrap()
                .split("src=\"")
                .nth(1)
                .unwrap()
        )),
        "{element}"
    );
    assert!(
        element.contains("<div class=\"space space-one\"><slot></slot></div></template>"),
        "{element}"
    );
    // What a host page's Content-Security-Policy must allow, with this
    // page's origin: a newsroom page with one refuses both snippets.
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let hint = page
        .query_selector("#embed-csp")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        hint.starts_with(&format!(
            "If your site sends a Content-Security-Policy, it must allow {origin}: in frame-src"
        )),
        "{hint}"
    );

    // Both keep the US compute threshold's slider alone unless asked for
    // more; all the controls drop the parameter; moving the page's slider
    // updates them.
    assert!(iframe.contains("&amp;controls=us_flop\""), "{iframe}");
    assert!(element.contains(" controls=\"us_flop\">"), "{element}");
    let select: web_sys::HtmlSelectElement = page
        .query_selector("#embed-controls")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(select.value(), "us_flop");
    let choose = |value: &str| {
        select.set_value(value);
        select
            .dispatch_event(&Event::new("change").unwrap())
            .unwrap();
    };
    choose("all");
    assert!(!text("embed-iframe").contains("controls="));
    assert!(!text("embed-element").contains(" controls="));
    assert!(text("embed-element").contains("\"space space-all\""));
    choose("us_flop");
    assert!(text("embed-iframe").contains("&amp;controls=us_flop\""));
    assert!(text("embed-element").contains(" controls=\"us_flop\">"));
    slide(&page, "27");
    flush(&page);
    assert!(text("embed-element").contains("us_flop=\"1e27\""));
    assert!(text("embed-iframe").contains("us_flop=1e27&amp;"));

    // The sensitivity curve and a note, set in the panel, go into both.
    let input = |id: &str| -> web_sys::HtmlInputElement {
        page.query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap()
    };
    let sensitivity = input("embed-sensitivity");
    sensitivity.set_checked(true);
    sensitivity
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    let note = input("embed-note");
    note.set_value("<b>Narrow</b> & broad");
    note.dispatch_event(&Event::new("input").unwrap()).unwrap();
    let element = text("embed-element");
    assert!(element.contains(" sensitivity=\"1\""), "{element}");
    assert!(
        element.contains("\"space space-one space-curve\""),
        "{element}"
    );
    assert!(
        element.contains(" note=\"&lt;b&gt;Narrow&lt;/b&gt; &amp; broad\""),
        "{element}"
    );
    let iframe = text("embed-iframe");
    assert!(
        iframe.contains("&amp;sensitivity=1&amp;note=%3Cb%3ENarrow%3C%2Fb%3E+%26+broad"),
        "{iframe}"
    );
    // The embed the iframe's query configures shows both.
    let query = iframe
        .split("embed.html?")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let embedded = embed(&query);
    assert!(embedded.query_selector(".sensitivity").unwrap().is_some());
    let shown = embedded.query_selector(".embed-note").unwrap().unwrap();
    assert_eq!(shown.text_content().unwrap(), "<b>Narrow</b> & broad");
    embedded.remove();
    page.remove();
}

/// A slider with nothing to set in the view (the capability threshold
/// without a capability test) is not offered, and an embed asked to keep
/// it keeps no control and says why, instead of an empty box.
#[wasm_bindgen_test]
fn a_slider_with_nothing_to_set_is_not_kept() {
    fresh("?as_of=2026-08-08");
    let page = new_root();
    mount(page.clone()).expect("the page mounts");
    flush(&page);
    let option = |root: &Element, value: &str| {
        root.query_selector(&format!("#embed-controls option[value={value}]"))
            .unwrap()
            .unwrap()
    };
    assert!(option(&page, "cap_min").has_attribute("disabled"));
    assert_eq!(
        option(&page, "cap_min").text_content().unwrap(),
        "Only the capability threshold (nothing to set in this view)"
    );
    assert!(!option(&page, "us_flop").has_attribute("disabled"));
    page.remove();
    fresh("?as_of=2026-08-08&cap=eci&cap_min=140");
    let page = new_root();
    mount(page.clone()).expect("the page mounts");
    flush(&page);
    assert!(!option(&page, "cap_min").has_attribute("disabled"));
    assert_eq!(
        option(&page, "cap_min").text_content().unwrap(),
        "Only the capability threshold"
    );
    page.remove();

    fresh("");
    let embedded = embed("controls=cap_min");
    assert!(embedded.query_selector("form").unwrap().is_none());
    let notice = embedded.query_selector(".notice").unwrap().unwrap();
    assert!(!notice.has_attribute("hidden"));
    let text = notice.text_content().unwrap();
    assert!(
        text.contains("controls=cap_min: this view has no capability test to set"),
        "{text}"
    );
    embedded.remove();
    let kept = embed("controls=cap_min&cap=eci&cap_min=140");
    // The two capability thresholds share the parameter: the one of the
    // view's test shows.
    let sliders = kept
        .query_selector_all(".controls.only-one .kept[data-control]:not([hidden])")
        .unwrap();
    assert_eq!(sliders.length(), 1);
    let slider: Element = sliders.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        slider.get_attribute("data-control").as_deref(),
        Some("us-eci")
    );
    kept.remove();
}

/// "Embed in an article" beside the cards opens the share panel, below
/// the table, on the embed's first choice, with the snippets current.
#[wasm_bindgen_test]
fn embed_in_an_article_opens_the_snippets() {
    fresh("?us_flop=3e25&as_of=2026-08-08");
    let page = new_root();
    mount(page.clone()).expect("the page mounts");
    let panel = page.query_selector("#share-panel").unwrap().unwrap();
    assert!(!panel.has_attribute("open"));
    slide(&page, "27");
    let button: web_sys::HtmlElement = page
        .query_selector("#embed-now")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert!(panel.has_attribute("open"));
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id());
    assert_eq!(active.as_deref(), Some("embed-controls"));
    let iframe = page
        .query_selector("#embed-iframe")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .value();
    assert!(iframe.contains("us_flop=1e27&amp;"), "{iframe}");
    page.remove();
}

/// Has the view finish at once what it does after the paint (the page's
/// URL, the share panel's snippets, the derivative rules, the sections).
fn flush(root: &Element) {
    root.dispatch_event(&Event::new("scope-explorer-flush").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
fn a_preset_beside_explicit_attributes_reads_as_the_url_and_says_what_overrides_it() {
    fresh("");
    let query = "preset=narrow&us_flop=1e26&cap=none&combine=compute_only&deriv=cumulative";
    let root = new_root();
    mount_embed(
        root.clone(),
        &format!("{query}&controls=none"),
        "index.html",
        false,
        Some(true),
    )
    .expect("mounts");
    // The same precedence as the page's URL: the preset, then each attribute.
    assert_counts(&root, &summary_of(query), "element");
    let notice = root.query_selector(".notice").unwrap().unwrap();
    assert!(!notice.has_attribute("hidden"));
    let text = notice.text_content().unwrap();
    assert!(!text.contains("not understood"), "{text}");
    assert!(
        text.contains("preset \"narrow\" changes nothing: the attributes cap, combine, deriv override every value in which it differs from the defaults"),
        "{text}"
    );
    root.remove();
    // Attributes that change only part of it: the rest of the preset applies.
    let root = new_root();
    mount_embed(
        root.clone(),
        "preset=narrow&us_flop=1e26&combine=either",
        "index.html",
        false,
        Some(true),
    )
    .expect("mounts");
    assert_counts(
        &root,
        &summary_of("preset=narrow&us_flop=1e26&combine=either"),
        "element",
    );
    let text = root
        .query_selector(".notice")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        text.contains(
            "preset \"narrow\" applies, except where the attributes combine override its values"
        ),
        "{text}"
    );
    root.remove();
}
