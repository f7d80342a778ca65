//! Everything a user can do, as a `Msg`: controls are wired to messages
//! once, and `App::update` handles each in one `match`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

use super::controls::Input;
use super::dom::{js_err, listen, report, set_hidden, Res};
use super::later::Entry;
use super::table::Column;
use super::App;
use crate::settings::{Kind, Setting, SETTINGS};
use crate::web::panic;

/// Everything a user can do on the page.
pub(super) enum Msg {
    /// A slider moved (index into `SETTINGS`, new position).
    Slide(usize, f64),
    /// A drop-down changed (index into `SETTINGS`, new value).
    Choose(usize, String),
    /// A switch, or an optional test's switch, flipped (index into `SETTINGS`).
    Toggle(usize, bool),
    /// A date changed (index into `SETTINGS`, the field's text).
    Date(usize, String),
    /// A value was typed beside a slider (index into `SETTINGS`, the text).
    Exact(usize, String),
    /// A preset was picked.
    Preset(String),
    /// Show the scenario again as it is (a date field left with a date
    /// that is not one).
    Refresh,
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
    /// Download the sensitivity curve's figures as CSV.
    DownloadCurve,
    /// The "Embed this view" controls choice changed.
    EmbedControls(String),
    /// The embed's sensitivity switch or note changed.
    EmbedExtras,
    /// Copy field `i` of "Share or embed this view" (0: the link).
    Copy(usize),
    /// Test-only: panic while handling an event.
    TestPanic,
    /// The check form (see `sections`).
    Check(super::check::Action),
    /// The timeline was opened or closed.
    Timeline,
    /// A projection setting changed.
    Projection,
    /// The chart's own events (see `chart::wiring`).
    Chart(super::chart::wiring::Event),
    /// Table rows entered or left the view (catalog index, in view).
    TableInView(Vec<(usize, bool)>),
    /// Write the next chunk of the table's stale rows.
    TableCatchUp,
    /// Write all the table's stale rows now.
    TableComplete,
    /// A lab's name on a card: show its rows in the table (its name, and
    /// whether it was the US card's).
    ShowLab(String, bool),
    /// "Share this view" beside the cards: copy the link.
    ShareNow,
    /// "Embed in an article" beside the cards: open the share panel.
    OpenEmbed,
    /// Run the next piece of work that waited for the paint (see `later`).
    Later,
    /// The pause before writing the URL is over (the change it waited for).
    UrlDue(u32),
    /// The table filter's pause is over (its generation).
    StatusDue(u32),
    /// Finish the waiting work now: the URL, the panels.
    Flush,
    /// Back or Forward moved to another entry of the page's history.
    History,
}

/// The DOM event on a view's root that makes it panic, for the tests of
/// contained failure.
pub(super) const TEST_PANIC_EVENT: &str = "scope-explorer-test-panic";

/// One mounted view: its state, and the events that arrived while it was
/// busy with another (raised by its own handling, e.g. a focus change).
pub(super) struct Widget {
    pub(super) app: RefCell<App>,
    queue: RefCell<VecDeque<Msg>>,
    /// Its id in the panic registry (`crate::web::panic`).
    pub(super) id: usize,
}

impl Widget {
    pub(super) fn new(app: App, id: usize) -> Rc<Widget> {
        Rc::new(Widget {
            app: RefCell::new(app),
            queue: RefCell::new(VecDeque::new()),
            id,
        })
    }
}

/// Sends `msg` to the view, showing any error in it. An event that
/// arrives while the view handles another waits for it to finish; one that
/// arrives after a panic left the view locked is answered with a message.
pub(super) fn dispatch(widget: &Rc<Widget>, msg: Msg) {
    let Ok(mut a) = widget.app.try_borrow_mut() else {
        if panic::stopped(widget.id) {
            panic::remind(widget.id);
        } else if let Ok(mut queue) = widget.queue.try_borrow_mut() {
            queue.push_back(msg);
        }
        return;
    };
    panic::enter(widget.id);
    let mut next = Some(msg);
    while let Some(msg) = next {
        if let Err(e) = a.update(msg) {
            report(&a.error_box, e);
        }
        next = widget.queue.borrow_mut().pop_front();
    }
    schedule_table(widget, &mut a);
    super::later::schedule(widget, &mut a);
    if let Some(generation) = a.pending_announce.take() {
        let widget2 = Rc::clone(widget);
        let settle = Closure::once_into_js(move || {
            match widget2.app.try_borrow_mut() {
                Ok(mut a) => {
                    if a.announce_generation == generation {
                        panic::enter(widget2.id);
                        a.settle();
                        panic::leave();
                    }
                }
                Err(_) if panic::stopped(widget2.id) => panic::remind(widget2.id),
                // Busy with an event: that event schedules its own settling.
                Err(_) => {}
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
    panic::leave();
}

/// Schedules the next chunk of the table's stale rows, if it has some and
/// none is scheduled.
fn schedule_table(widget: &Rc<Widget>, a: &mut App) {
    if !a
        .table
        .get_mut()
        .is_some_and(|table| table.wants_catch_up())
    {
        return;
    }
    let widget = Rc::clone(widget);
    let task = Closure::once_into_js(move || dispatch(&widget, Msg::TableCatchUp));
    let scheduled = web_sys::window()
        .ok_or_else(|| JsError::new("no window"))
        .and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0)
                .map_err(js_err)
        });
    if let Err(e) = scheduled {
        report(&a.error_box, e);
    }
}

/// How long the user pauses before a change is announced and becomes the
/// base of the next "since the last change", in milliseconds.
const SETTLE_MS: i32 = 700;

/// Connects every control to a message.
pub(super) fn wire(app: &Rc<Widget>) -> Res<()> {
    let a = app.app.borrow();
    for (i, input) in a.controls.inputs.iter().enumerate() {
        match input {
            Input::Slider {
                input,
                switch,
                exact,
                ..
            } => {
                let (app2, el) = (Rc::clone(app), exact.clone());
                listen(exact, "change", move |_| {
                    dispatch(&app2, Msg::Exact(i, el.value()));
                })?;
                let (app2, el) = (Rc::clone(app), input.clone());
                listen(input, "input", move |_| {
                    dispatch(&app2, Msg::Slide(i, el.value_as_number()));
                })?;
                let app2 = Rc::clone(app);
                listen(input, "change", move |_| dispatch(&app2, Msg::Commit))?;
                if let Some((checkbox, _)) = switch {
                    wire_switch(app, i, checkbox)?;
                }
            }
            Input::Choice { select, .. } => {
                let (app2, el) = (Rc::clone(app), select.clone());
                listen(select, "change", move |_| {
                    dispatch(&app2, Msg::Choose(i, el.value()))
                })?;
            }
            Input::Switch { input, .. } => wire_switch(app, i, input)?,
            Input::Date { input, .. } => {
                let (app2, el) = (Rc::clone(app), input.clone());
                listen(input, "change", move |_| {
                    dispatch(&app2, Msg::Date(i, el.value()))
                })?;
                // Leaving the field puts back the date in use, if what
                // was typed is not one.
                let app2 = Rc::clone(app);
                listen(input, "blur", move |_| dispatch(&app2, Msg::Refresh))?;
            }
            Input::None => {}
        }
    }
    let (app2, el): (_, HtmlSelectElement) = (Rc::clone(app), a.controls.preset.clone());
    listen(&a.controls.preset, "change", move |_| {
        dispatch(&app2, Msg::Preset(el.value()))
    })?;
    if let Some(table) = a.table.get() {
        let app2 = Rc::clone(app);
        listen(&table.filter, "input", move |_| {
            dispatch(&app2, Msg::Filter)
        })?;
        for (column, th) in &table.sort_buttons {
            let (app2, column) = (Rc::clone(app), *column);
            listen(th, "click", move |_| dispatch(&app2, Msg::Sort(column)))?;
        }
    }
    if let Some(share) = a.share.get() {
        let (app2, el) = (Rc::clone(app), share.controls.clone());
        listen(&share.controls, "change", move |_| {
            dispatch(&app2, Msg::EmbedControls(el.value()))
        })?;
        let app2 = Rc::clone(app);
        listen(&share.sensitivity, "change", move |_| {
            dispatch(&app2, Msg::EmbedExtras)
        })?;
        let app2 = Rc::clone(app);
        listen(&share.note, "input", move |_| {
            dispatch(&app2, Msg::EmbedExtras)
        })?;
        for (i, button) in share.copy_buttons.iter().enumerate() {
            let app2 = Rc::clone(app);
            listen(button, "click", move |_| dispatch(&app2, Msg::Copy(i)))?;
        }
    }
    // Test-only: a deliberate panic inside this view's event handling, to
    // check that the failure stays contained (tests/e2e/embed.test.mjs).
    let app2 = Rc::clone(app);
    listen(&a.root, TEST_PANIC_EVENT, move |_| {
        dispatch(&app2, Msg::TestPanic)
    })?;
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
    if let Some(button) = a.sensitivity.as_ref().and_then(|c| c.download.as_ref()) {
        let app2 = Rc::clone(app);
        listen(button, "click", move |_| {
            dispatch(&app2, Msg::DownloadCurve)
        })?;
    }
    super::sections::wire(app)?;
    super::chart::wiring::wire(app)?;
    let app2 = Rc::clone(app);
    listen(&a.overlap.cards.area, "click", move |e: Event| {
        let lab = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button.lab").ok().flatten());
        if let Some(lab) = lab {
            if let Some(name) = lab.get_attribute("data-lab") {
                let us = lab.get_attribute("data-regime").as_deref() == Some("us");
                dispatch(&app2, Msg::ShowLab(name, us));
            }
        }
    })?;
    if let Some((button, _)) = &a.overlap.cards.share {
        let app2 = Rc::clone(app);
        listen(button, "click", move |_| dispatch(&app2, Msg::ShareNow))?;
    }
    if let Some(button) = &a.overlap.cards.embed {
        let app2 = Rc::clone(app);
        listen(button, "click", move |_| dispatch(&app2, Msg::OpenEmbed))?;
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
    if let Some(table) = a.table.get() {
        let app2 = Rc::clone(app);
        table.watch(move |changes| dispatch(&app2, Msg::TableInView(changes)))?;
        let app2 = Rc::clone(app);
        listen(table.region(), "focusin", move |_| {
            dispatch(&app2, Msg::TableComplete)
        })?;
    }
    drop(a);
    let mut a = app.app.borrow_mut();
    schedule_table(app, &mut a);
    super::later::schedule(app, &mut a);
    Ok(())
}

fn wire_switch(app: &Rc<Widget>, i: usize, input: &HtmlInputElement) -> Res<()> {
    let (app2, el) = (Rc::clone(app), input.clone());
    listen(input, "change", move |_| {
        dispatch(&app2, Msg::Toggle(i, el.checked()))
    })
}

/// The setting at `i`, which comes from the DOM: checked before use.
fn setting(i: usize) -> Res<&'static Setting> {
    SETTINGS
        .get(i)
        .ok_or_else(|| JsError::new(&format!("no setting number {i}")))
}

impl App {
    /// Handles one message.
    pub(super) fn update(&mut self, msg: Msg) -> Res<()> {
        match &msg {
            Msg::Slide(i, _)
            | Msg::Choose(i, _)
            | Msg::Toggle(i, _)
            | Msg::Date(i, _)
            | Msg::Exact(i, _) => self.changing(*i),
            Msg::Preset(_) => self.changing(usize::MAX),
            _ => {}
        }
        match msg {
            Msg::Slide(i, position) => {
                let setting = setting(i)?;
                let Kind::Slider(slider) = &setting.kind else {
                    return Err(JsError::new(&format!("{}: not a slider", setting.id)));
                };
                if !position.is_finite() {
                    return Err(JsError::new(&format!(
                        "{}: the slider gave no number",
                        setting.id
                    )));
                }
                self.begin_change(Entry::Slider(i))?;
                (slider.set)(&mut self.scenario, slider.value_at(position));
                self.render(Some(i))
            }
            Msg::Choose(i, value) => {
                let setting = setting(i)?;
                self.begin_change(Entry::Change)?;
                if !setting.set_text(&mut self.scenario, &value) {
                    return Err(JsError::new(&format!(
                        "{}: no option {value:?}",
                        setting.id
                    )));
                }
                self.render(None)?;
                self.commit(true)
            }
            Msg::Toggle(i, on) => {
                let setting = setting(i)?;
                self.begin_change(Entry::Change)?;
                if !setting.turn(&mut self.scenario, on) {
                    return Err(JsError::new(&format!("{}: not a switch", setting.id)));
                }
                self.render(None)?;
                self.commit(true)
            }
            Msg::Exact(i, text) => {
                let setting = setting(i)?;
                let text = text.trim();
                if text.is_empty() {
                    return self.controls.typed(i, None);
                }
                let mut next = self.scenario.clone();
                let problem = if !setting.set_text(&mut next, text) {
                    Some(format!(
                        "{text:?} is not a number: write it as 3e25, 10^25 or 3 \u{d7} 10\u{b2}\u{2075}"
                    ))
                } else {
                    next.validate().err().map(|e| e.message)
                };
                self.controls.typed(i, problem.as_deref())?;
                if problem.is_some() {
                    return Ok(());
                }
                self.begin_change(Entry::Change)?;
                self.scenario = next;
                self.render(None)?;
                self.commit(true)
            }
            Msg::Date(i, text) => {
                let setting = setting(i)?;
                let mut next = self.scenario.clone();
                if !setting.set_text(&mut next, &text) {
                    // A cleared or impossible date: keep the last valid one,
                    // and show it again in the field.
                    return self.render(None);
                }
                // A date typed by keyboard passes through whole dates on the
                // way (09, then 01, then 2025): one entry for the field's
                // edits, as for a slider's moves, not one per digit group.
                self.begin_change(Entry::Slider(i))?;
                self.scenario = next;
                self.render(None)?;
                self.commit(true)
            }
            Msg::Preset(id) => {
                self.begin_change(Entry::Change)?;
                if let Some(p) = self.presets.iter().find(|p| p.id == id) {
                    self.scenario = p.applied_to(&self.scenario);
                }
                self.render(None)?;
                self.commit(true)
            }
            Msg::Commit => self.commit(true),
            Msg::Refresh => self.render(None),
            Msg::Filter => self.filter_changed(),
            Msg::Sort(column) => match self.table.get_mut() {
                Some(table) => {
                    table.sort_by(&self.catalog, column)?;
                    self.table_view_changed()
                }
                None => Ok(()),
            },
            // The index comes from the DOM: check it before use.
            // Hovering shows the details in the tooltip at the marker.
            Msg::Inspect(index) => {
                let index = index.filter(|i| *i < self.catalog.models.len());
                self.inspect(index)?;
                self.chart.show_tip(index.is_some())
            }
            Msg::ChartKey(key) => {
                let before = self.chart.selected;
                // Up and right go later in time, as on a slider.
                let (next, edge) = match key.as_str() {
                    "Home" => (self.chart.end(false), ""),
                    "End" => (self.chart.end(true), ""),
                    "PageUp" => (
                        self.chart.step_covered(true),
                        "No later model in either regime's scope. ",
                    ),
                    "PageDown" => (
                        self.chart.step_covered(false),
                        "No earlier model in either regime's scope. ",
                    ),
                    "ArrowLeft" | "ArrowDown" => (self.chart.step(false), "No earlier model. "),
                    _ => (self.chart.step(true), "No later model. "),
                };
                let mut text = self.details_text(next);
                // A key that finds nothing further says so, instead of
                // repeating the same details as if it had moved.
                if next.is_some() && next == before && !edge.is_empty() {
                    text.insert_str(0, edge);
                }
                self.chart.select(next, &text, true)
            }
            Msg::DismissNotice => {
                set_hidden(&self.notice, true)?;
                // Focus would otherwise fall back to the page's start.
                self.controls.preset.focus().map_err(js_err)
            }
            Msg::Download => self.download(),
            Msg::DownloadCurve => self.download_curve(),
            Msg::EmbedControls(value) => {
                if let Some(share) = self.share.get_mut() {
                    share.choose(&value)?;
                }
                self.show_links()
            }
            Msg::EmbedExtras => {
                if let Some(share) = self.share.get_mut() {
                    share.read_extras()?;
                }
                self.show_links()
            }
            Msg::Copy(i) => {
                // What is copied is the current state, and so is the URL.
                self.flush()?;
                self.share.get().map_or(Ok(()), |s| s.copy(i))
            }
            Msg::TestPanic => panic!("a test panic, raised on request ({TEST_PANIC_EVENT})"),
            msg @ (Msg::Check(_) | Msg::Timeline | Msg::Projection) => self.section(msg),
            Msg::Chart(event) => self.chart_event(event),
            Msg::TableInView(changes) => match self.table.get_mut() {
                Some(table) => table.in_view(&self.catalog, &changes),
                None => Ok(()),
            },
            Msg::TableCatchUp => match self.table.get_mut() {
                Some(table) => table.catch_up(&self.catalog),
                None => Ok(()),
            },
            Msg::TableComplete => match self.table.get_mut() {
                Some(table) => table.complete(&self.catalog),
                None => Ok(()),
            },
            Msg::ShowLab(name, us) => self.show_lab(&name, us),
            Msg::ShareNow => {
                // The whole view, as the address bar holds it once written:
                // the scenario, the table's filter and sort, the sections.
                self.flush()?;
                let href = web_sys::window()
                    .ok_or_else(|| JsError::new("no window"))?
                    .location()
                    .href()
                    .map_err(js_err)?;
                match &self.overlap.cards.share {
                    Some((_, status)) => {
                        let manual = "Could not copy the link here: it is in \u{201c}Share or embed this view\u{201d} below the table, to select and copy with Ctrl+C (or \u{2318}C).".to_string();
                        super::share::copy_text(&href, "link", status, manual)
                    }
                    None => Ok(()),
                }
            }
            Msg::OpenEmbed => {
                // The snippets are for the current state, as the link is.
                self.flush()?;
                self.share.get().map_or(Ok(()), |s| s.open())
            }
            Msg::Later => self.run_later(),
            Msg::UrlDue(generation) => self.url_due(generation),
            Msg::StatusDue(generation) => self.status_due(generation),
            Msg::Flush => self.flush(),
            Msg::History => self.follow_history(),
        }
    }
}
