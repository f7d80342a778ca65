//! "Share or embed this view": the link to the current state, and two
//! copyable snippets, an iframe and a `<scope-explorer>` element, both
//! carrying the as-of date so that an article keeps telling the story it
//! was written about.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::dom::{append, attrs, js_err, set_text, Res};
use crate::catalog::Catalog;
use crate::embed::{self, escape, Controls, Options};
use crate::presentation::capitalised;
use crate::scenario::Scenario;

/// The iframe's title, read by screen readers.
const FRAME_TITLE: &str =
    "Scope explorer: who a candidate US frontier-AI rule would cover, compared with the EU AI Act";

/// The "Share or embed this view" panel.
pub struct Share {
    /// Which controls the embed keeps.
    pub controls: HtmlSelectElement,
    /// Whether the embed shows the sensitivity curve.
    pub sensitivity: HtmlInputElement,
    /// The note above the embed.
    pub note: HtmlInputElement,
    /// One per field: the link, then each snippet.
    pub copy_buttons: Vec<Element>,
    texts: Vec<HtmlTextAreaElement>,
    status: Element,
    details: Element,
    options: Options,
    /// The explorer's folder, absolute (`https://host/explorer/`).
    base: String,
}

/// Said after a choice of slider the view has nothing to set with.
const NOTHING_TO_SET: &str = " (nothing to set in this view)";

/// The share panel's first choice of controls for the embed: the US compute
/// threshold's slider alone.
const DEFAULT_CONTROLS: &str = "us_flop";

/// Builds the panel into `parent`.
pub fn build(parent: &Element) -> Res<Share> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let href = window.location().href().map_err(js_err)?;
    let base = web_sys::Url::new_with_base("./", &href)
        .map_err(js_err)?
        .href();
    let details = append(parent, "details", "")?;
    attrs(&details, &[("class", "share"), ("id", "share-panel")])?;
    append(&details, "summary", "Share or embed this view")?;
    let mut texts = Vec::new();
    let mut copy_buttons = Vec::new();
    // The link first: what a reader shares most.
    let row = append(&details, "div", "")?;
    attrs(&row, &[("class", "control snippet")])?;
    attrs(
        &append(
            &row,
            "label",
            "A link to this view (every setting is in it)",
        )?,
        &[("for", "share-link")],
    )?;
    let link: HtmlTextAreaElement = append(&row, "textarea", "")?.unchecked_into();
    attrs(
        &link,
        &[
            ("id", "share-link"),
            ("readonly", ""),
            ("rows", "2"),
            ("spellcheck", "false"),
        ],
    )?;
    texts.push(link);
    let copy = append(&row, "button", "Copy the link")?;
    attrs(&copy, &[("type", "button"), ("class", "copy-link")])?;
    copy_buttons.push(copy);
    attrs(
        &append(
            &details,
            "p",
            "Paste a snippet into an article: it shows this view with this as-of date, sized to its content, with a fallback for readers without JavaScript.",
        )?,
        &[("class", "hint")],
    )?;
    let row = append(&details, "div", "")?;
    attrs(&row, &[("class", "control")])?;
    attrs(
        &append(&row, "label", "Controls in the embed")?,
        &[("for", "embed-controls")],
    )?;
    let controls: HtmlSelectElement = append(&row, "select", "")?.unchecked_into();
    controls.set_id("embed-controls");
    for (value, text) in [
        ("all", "All the controls"),
        ("us_flop", "Only the US compute threshold"),
        ("cap_min", "Only the capability threshold"),
        ("none", "None: a fixed view"),
    ] {
        attrs(&append(&controls, "option", text)?, &[("value", value)])?;
    }
    // An article's embed keeps one slider unless asked for more: with all
    // the controls, a phone reader moving one sees no count (they sit a
    // screen above the form, and an embed has no pinned summary), and the
    // article carries a long form.
    controls.set_value(DEFAULT_CONTROLS);
    let row = append(&details, "div", "")?;
    attrs(&row, &[("class", "control toggle")])?;
    let sensitivity: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
    attrs(
        &sensitivity,
        &[("type", "checkbox"), ("id", "embed-sensitivity")],
    )?;
    attrs(
        &append(&row, "label", "Show the sensitivity curve in the embed")?,
        &[("for", "embed-sensitivity")],
    )?;
    let row = append(&details, "div", "")?;
    attrs(&row, &[("class", "control")])?;
    attrs(
        &append(
            &row,
            "label",
            "A note above the embed (plain text, up to 280 characters)",
        )?,
        &[("for", "embed-note")],
    )?;
    let note: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
    attrs(
        &note,
        &[
            ("type", "text"),
            ("id", "embed-note"),
            ("maxlength", "280"),
            ("autocomplete", "off"),
        ],
    )?;
    for (id, label, button) in [
        (
            "embed-iframe",
            "An iframe (the script beside it sizes the frame to its content)",
            "Copy the iframe snippet",
        ),
        (
            "embed-element",
            "A web component, <scope-explorer>",
            "Copy the web component snippet",
        ),
    ] {
        let row = append(&details, "div", "")?;
        attrs(&row, &[("class", "control snippet")])?;
        attrs(&append(&row, "label", label)?, &[("for", id)])?;
        let text: HtmlTextAreaElement = append(&row, "textarea", "")?.unchecked_into();
        attrs(
            &text,
            &[
                ("id", id),
                ("readonly", ""),
                ("rows", "5"),
                ("spellcheck", "false"),
            ],
        )?;
        texts.push(text);
        let copy = append(&row, "button", button)?;
        attrs(&copy, &[("type", "button")])?;
        copy_buttons.push(copy);
    }
    // A newsroom page with a Content-Security-Policy refuses both snippets
    // unless it allows this origin (a journalist tester's article page did).
    attrs(
        &append(
            &details,
            "p",
            &csp_hint(&window.location().origin().map_err(js_err)?),
        )?,
        &[("class", "hint"), ("id", "embed-csp")],
    )?;
    let status = append(&details, "p", "")?;
    attrs(&status, &[("class", "hint"), ("role", "status")])?;
    Ok(Share {
        controls,
        sensitivity,
        note,
        copy_buttons,
        texts,
        status,
        details,
        options: Options {
            controls: embed::split(&format!("controls={DEFAULT_CONTROLS}"))
                .options
                .controls,
            ..Options::default()
        },
        base,
    })
}

/// What a host page's Content-Security-Policy must allow for the snippets
/// of the explorer at `origin` (README, "Embedding").
fn csp_hint(origin: &str) -> String {
    format!(
        "If your site sends a Content-Security-Policy, it must allow {origin}: in frame-src and script-src for the iframe; in script-src (with 'wasm-unsafe-eval'), connect-src and style-src for the web component."
    )
}

impl Share {
    /// Opens the panel, brings it into view and moves focus to the embed's
    /// first choice (which controls it keeps; the snippets follow), as
    /// "Embed in an article" beside the cards asks.
    pub fn open(&self) -> Res<()> {
        self.details.set_attribute("open", "").map_err(js_err)?;
        self.details.scroll_into_view();
        self.controls.focus().map_err(js_err)
    }

    /// Sets which controls the embed keeps (`all`, `none` or a slider's parameter).
    pub fn choose(&mut self, value: &str) -> Res<()> {
        let split = embed::split(&format!("controls={value}"));
        if let Some(message) = split.ignored.first() {
            return Err(JsError::new(message));
        }
        self.options.controls = split.options.controls;
        Ok(())
    }

    /// Reads the sensitivity switch and the note into the embed's options
    /// (a note too long for an embed is refused, and the panel says so).
    pub fn read_extras(&mut self) -> Res<()> {
        self.options.sensitivity = self.sensitivity.checked();
        let note = self.note.value();
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("note", &note)
            .finish();
        let split = embed::split(&query);
        match split.ignored.first() {
            Some(message) => set_text(&self.status, &format!("{}.", capitalised(message))),
            None => {
                self.options.note = split.options.note;
                set_text(&self.status, "");
            }
        }
        Ok(())
    }

    /// Writes the link and both snippets for the scenario whose query is
    /// `scenario_query`; the link also holds `link_extra` (the table's
    /// filter and sort, the check: `&`-led parameters).
    pub fn show(
        &mut self,
        catalog: &Catalog,
        scenario: &Scenario,
        scenario_query: &str,
        link_extra: &str,
    ) -> Res<()> {
        self.offer_sliders(scenario)?;
        let query = embed::query(scenario_query, &self.options);
        // The starting height, so that the article does not jump when the
        // frame takes its content's (frame-height.js): what the embed took
        // in a 720 px article column (tests/e2e/share.test.mjs checks it
        // within 8%). Narrower columns make it taller (at 375 px, about
        // 3,150 px with no controls, 5,100 with all), wider ones shorter.
        // The sensitivity curve adds about 390 px there.
        let height = match self.options.controls {
            Controls::None => 2300,
            Controls::One(_) => 2450,
            Controls::All => 3800,
        } + if self.options.sensitivity { 400 } else { 0 };
        let base = &self.base;
        let iframe = format!(
            "<iframe src=\"{base}embed.html?{}\" title=\"{FRAME_TITLE}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" frameborder=\"0\" data-scope-explorer></iframe>\n<script type=\"module\" src=\"{base}frame-height.js\"></script>",
            escape(&query)
        );
        let mut element = format!(
            "<script type=\"module\" src=\"{base}scope-explorer.js\"></script>\n<scope-explorer"
        );
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            element.push_str(&format!(" {name}=\"{}\"", escape(&value)));
        }
        // A declarative shadow root, parsed with the host page: its styles
        // (from this origin, as the element's) keep the view's space from
        // the first paint, so the article does not jump by the view's
        // height when the wasm arrives (embed.css, "space-").
        let space = match self.options.controls {
            Controls::None => "space-none",
            Controls::One(_) => "space-one",
            Controls::All => "space-all",
        };
        let curve = if self.options.sensitivity {
            " space-curve"
        } else {
            ""
        };
        let fallback = embed::scenario_html(catalog, &query).map_err(|e| JsError::new(&e))?;
        element.push_str(&format!(
            ">\n<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{base}style.css\"><link rel=\"stylesheet\" href=\"{base}embed.css\"><div class=\"space {space}{curve}\"><slot></slot></div></template>\n{fallback}\n</scope-explorer>"
        ));
        let link = format!("{base}?{scenario_query}{link_extra}");
        for (text, value) in self.texts.iter().zip([link, iframe, element]) {
            if text.value() != value {
                text.set_value(&value);
            }
        }
        Ok(())
    }

    /// Offers only the sliders that have something to set in `scenario`
    /// (no capability threshold without a capability test); a choice that
    /// no longer applies becomes "None: a fixed view", which the panel says.
    fn offer_sliders(&mut self, scenario: &Scenario) -> Res<()> {
        let options = self.controls.query_selector_all("option").map_err(js_err)?;
        for i in 0..options.length() {
            let Some(option) = options.item(i).and_then(|o| o.dyn_into::<Element>().ok()) else {
                continue;
            };
            let value = option.get_attribute("value").unwrap_or_default();
            let asked = embed::split(&format!("controls={value}")).options.controls;
            let off = embed::usable_controls(asked, scenario).0 != asked;
            if off != option.has_attribute("disabled") {
                // A greyed choice says why (a tester saw one without a word).
                let text = option.text_content().unwrap_or_default();
                let text = text.trim_end_matches(NOTHING_TO_SET);
                if off {
                    option.set_attribute("disabled", "").map_err(js_err)?;
                    option.set_text_content(Some(&format!("{text}{NOTHING_TO_SET}")));
                } else {
                    option.remove_attribute("disabled").map_err(js_err)?;
                    option.set_text_content(Some(text));
                }
            }
        }
        let (usable, why) = embed::usable_controls(self.options.controls, scenario);
        if let Some(why) = why {
            self.options.controls = usable;
            self.controls.set_value("none");
            set_text(&self.status, &format!("{}.", capitalised(&why)));
        }
        Ok(())
    }

    /// Selects field `i` (0: the link, then the snippets) and copies it to
    /// the clipboard, saying so.
    pub fn copy(&self, i: usize) -> Res<()> {
        let text = self
            .texts
            .get(i)
            .ok_or_else(|| JsError::new(&format!("no snippet number {i}")))?;
        text.select();
        let what = ["link", "iframe snippet", "web component snippet"]
            .get(i)
            .copied()
            .unwrap_or("snippet");
        let manual = format!("The {what} is selected: press Ctrl+C (or \u{2318}C) to copy it.");
        copy_text(&text.value(), what, &self.status, manual)
    }
}

/// Copies `value` to the clipboard and says so in `status` ("Copied the
/// link."); where the page may not write the clipboard, shows `manual`
/// (how to copy it by hand) instead.
pub fn copy_text(value: &str, what: &str, status: &Element, manual: String) -> Res<()> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .unwrap_or(JsValue::UNDEFINED);
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        status.set_text_content(Some(&manual));
        return Ok(());
    };
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(value))
        .map_err(js_err)?
        .dyn_into()
        .map_err(|_| JsError::new("clipboard: writeText gave no promise"))?;
    let (ok_status, fail_status) = (status.clone(), status.clone());
    let done = format!("Copied the {what}.");
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        ok_status.set_text_content(Some(&done));
    });
    let fail = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        fail_status.set_text_content(Some(&manual));
    });
    let _ = promise.then2(&ok, &fail);
    // Called at most once, after this returns: they live on.
    ok.forget();
    fail.forget();
    Ok(())
}
