//! Everything a user can do, as a `Msg`: controls are wired to messages
//! once, and `App::update` handles each in one `match`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlSelectElement, KeyboardEvent};

use super::controls::{CHOICES, SLIDERS, TOGGLES};
use super::dom::{js_err, listen, report, set_hidden, Res};
use super::table::Column;
use super::App;
use crate::date::IsoDate;

/// Everything a user can do on the page.
pub(super) enum Msg {
    /// A slider moved (index into `SLIDERS`, new position).
    Slide(usize, f64),
    /// A drop-down changed (index into `CHOICES`, new value).
    Choose(usize, String),
    /// A switch flipped (index into `TOGGLES`).
    Toggle(usize, bool),
    /// The as-of date changed.
    AsOf(String),
    /// A preset was picked.
    Preset(String),
    /// The user finished a change: write the URL, announce the counts.
    Commit,
    /// The table filter changed.
    Filter,
    /// A table column's sort button.
    Sort(Column),
    /// The chart's selection moved (catalog index).
    Inspect(Option<usize>),
    /// Arrow keys on the chart.
    ChartKey(String),
    /// The URL notice was dismissed.
    DismissNotice,
    /// Download the table as CSV.
    Download,
}

/// Sends `msg` to the app, showing any error on the page.
pub(super) fn dispatch(app: &Rc<RefCell<App>>, msg: Msg) {
    let Ok(mut a) = app.try_borrow_mut() else {
        // An event raised while handling another: the first one renders.
        return;
    };
    if let Err(e) = a.update(msg) {
        report(&a.error_box, e);
    }
    if let Some(generation) = a.pending_announce.take() {
        let app = Rc::clone(app);
        let settle = Closure::once_into_js(move || {
            if let Ok(mut a) = app.try_borrow_mut() {
                if a.announce_generation == generation {
                    a.settle();
                }
            }
        });
        let scheduled = web_sys::window()
            .ok_or_else(|| JsError::new("no window"))
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    settle.unchecked_ref(),
                    SETTLE_MS,
                )
                .map_err(js_err)
            });
        if let Err(e) = scheduled {
            report(&a.error_box, e);
        }
    }
}

/// How long the user pauses before a change is announced and becomes the
/// base of the next "since the last change", in milliseconds.
const SETTLE_MS: i32 = 700;

/// Connects every control to a message.
pub(super) fn wire(app: &Rc<RefCell<App>>) -> Res<()> {
    let a = app.borrow();
    for (i, (input, _, _)) in a.controls.sliders.iter().enumerate() {
        let (app2, el) = (Rc::clone(app), input.clone());
        listen(input, "input", move |_| {
            let value = el.value_as_number();
            dispatch(&app2, Msg::Slide(i, value));
        })?;
        let app2 = Rc::clone(app);
        listen(input, "change", move |_| dispatch(&app2, Msg::Commit))?;
    }
    for (i, (select, _)) in a.controls.choices.iter().enumerate() {
        let (app2, el) = (Rc::clone(app), select.clone());
        listen(select, "change", move |_| {
            dispatch(&app2, Msg::Choose(i, el.value()))
        })?;
    }
    for (i, input) in a.controls.toggles.iter().enumerate() {
        let (app2, el) = (Rc::clone(app), input.clone());
        listen(input, "change", move |_| {
            dispatch(&app2, Msg::Toggle(i, el.checked()))
        })?;
    }
    let (app2, el) = (Rc::clone(app), a.controls.as_of.clone());
    listen(&a.controls.as_of, "change", move |_| {
        dispatch(&app2, Msg::AsOf(el.value()))
    })?;
    let (app2, el): (_, HtmlSelectElement) = (Rc::clone(app), a.controls.preset.clone());
    listen(&a.controls.preset, "change", move |_| {
        dispatch(&app2, Msg::Preset(el.value()))
    })?;
    let app2 = Rc::clone(app);
    listen(&a.table.filter, "input", move |_| {
        dispatch(&app2, Msg::Filter)
    })?;
    for (column, th) in &a.table.sort_buttons {
        let (app2, column) = (Rc::clone(app), *column);
        listen(th, "click", move |_| dispatch(&app2, Msg::Sort(column)))?;
    }
    let root = a.notice.clone();
    if let Some(button) = root.query_selector("#notice-dismiss").map_err(js_err)? {
        let app2 = Rc::clone(app);
        listen(&button, "click", move |_| {
            dispatch(&app2, Msg::DismissNotice)
        })?;
    }
    if let Some(button) = a
        .error_box
        .parent_element()
        .and_then(|r| r.query_selector("#download-csv").ok().flatten())
    {
        let app2 = Rc::clone(app);
        listen(&button, "click", move |_| dispatch(&app2, Msg::Download))?;
    }
    let app2 = Rc::clone(app);
    listen(&a.chart.svg, "mouseover", move |e: Event| {
        let index = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.get_attribute("data-i"))
            .and_then(|i| i.parse().ok());
        if index.is_some() {
            dispatch(&app2, Msg::Inspect(index));
        }
    })?;
    let app2 = Rc::clone(app);
    listen(&a.chart.svg, "keydown", move |e: Event| {
        if let Some(key) = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) {
            if matches!(
                key.as_str(),
                "ArrowLeft"
                    | "ArrowRight"
                    | "ArrowUp"
                    | "ArrowDown"
                    | "Home"
                    | "End"
                    | "PageUp"
                    | "PageDown"
            ) {
                e.prevent_default();
                dispatch(&app2, Msg::ChartKey(key));
            }
        }
    })?;
    Ok(())
}

impl App {
    /// Handles one message.
    pub(super) fn update(&mut self, msg: Msg) -> Res<()> {
        match msg {
            Msg::Slide(i, value) => {
                let spec = &SLIDERS[i];
                if !value.is_finite() {
                    return Err(JsError::new(&format!(
                        "{}: the slider gave no number",
                        spec.id
                    )));
                }
                (spec.set)(&mut self.scenario, value);
                self.render(Some(i))
            }
            Msg::Choose(i, value) => {
                (CHOICES[i].set)(&mut self.scenario, &value);
                self.render(None)?;
                self.commit(true)
            }
            Msg::Toggle(i, on) => {
                (TOGGLES[i].set)(&mut self.scenario, on);
                self.render(None)?;
                self.commit(true)
            }
            Msg::AsOf(text) => {
                match IsoDate::parse(&text) {
                    Ok(date) => self.scenario.as_of = date,
                    // A cleared or impossible date: keep the last valid one,
                    // and show it again in the field.
                    Err(_) => return self.render(None),
                }
                self.render(None)?;
                self.commit(true)
            }
            Msg::Preset(id) => {
                if let Some(p) = self.presets.iter().find(|p| p.id == id) {
                    self.scenario.us = p.scenario.us.clone();
                    self.scenario.eu = p.scenario.eu;
                }
                self.render(None)?;
                self.commit(true)
            }
            Msg::Commit => self.commit(true),
            Msg::Filter => self.table.apply_filter(),
            Msg::Sort(column) => self.table.sort_by(&self.catalog, column),
            // The index comes from the DOM: check it before use.
            Msg::Inspect(index) => self.inspect(index.filter(|i| *i < self.catalog.models.len())),
            Msg::ChartKey(key) => {
                let next = match key.as_str() {
                    "Home" => self.chart.end(false),
                    "End" => self.chart.end(true),
                    "PageUp" => self.chart.step_covered(true),
                    "PageDown" => self.chart.step_covered(false),
                    "ArrowLeft" | "ArrowDown" => self.chart.step(false),
                    _ => self.chart.step(true),
                };
                let text = self.details_text(next);
                self.chart.select(next, &text, true)
            }
            Msg::DismissNotice => {
                set_hidden(&self.notice, true)?;
                // Focus would otherwise fall back to the page's start.
                self.controls.preset.focus().map_err(js_err)
            }
            Msg::Download => self.download(),
        }
    }
}
