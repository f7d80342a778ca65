//! What a change does after the step is painted. A key press on a slider
//! updates the headline, the overlap, the chart and the curve at once; the
//! labs named on the cards (their numbers change at once), the
//! derivative rules side by side (four more evaluations), the share panel's
//! link and snippets (an evaluation for the fallback), and the sections
//! below (the check, the open timeline, the projection) follow in
//! background tasks, one piece per task, so that keyboard input is never
//! queued behind them; a newer change makes the pieces stale again before
//! they run, so work for a value already left is never done. The page's
//! URL is written at once for a change that adds a history entry, and for
//! a slider's later moves once the user pauses (`URL_MS`), or at once when
//! the page is hidden or left, when another change follows, or when
//! something reads it (a copy of the link, the `FLUSH_EVENT` on the view's
//! root).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{js_err, listen, report, Res};
use super::events::{dispatch, Msg, Widget};
use super::App;

/// How long the user pauses before the page's URL is rewritten, in
/// milliseconds (`history.replaceState` took a third of a key press).
const URL_MS: i32 = 300;

/// How long typing in the table's filter pauses before a screen reader
/// hears how many rows it keeps, in milliseconds.
const STATUS_MS: i32 = 700;

/// The DOM event on a view's root that finishes its pending work at once
/// (the URL written, every panel current): for the tests, and for a host
/// that reads the page's URL itself.
pub(super) const FLUSH_EVENT: &str = "scope-explorer-flush";

/// The pieces waiting, in the order they run.
#[derive(Default)]
pub(super) struct Later {
    /// The labs named on the cards (their number is shown at once).
    pub(super) labs: bool,
    /// The derivative rules side by side.
    pub(super) derivatives: bool,
    /// The share panel's link and snippets, and an embed's full link.
    pub(super) links: bool,
    /// The check, the timeline and the projection.
    pub(super) sections: bool,
    /// The page's URL (the full page only).
    pub(super) url: bool,
    /// What the next write of the URL records, for the browser's history
    /// (see `Entry`); `None` when nothing asks for an entry.
    pub(super) url_entry: Option<Entry>,
    /// What the current history entry was written for.
    pub(super) last_entry: Option<Entry>,
    /// The wait before the URL is written: only the last change's timer
    /// writes it.
    url_pause: Pause,
    /// A background task for the pieces is scheduled.
    task: bool,
    /// The table's count is to be announced once typing pauses.
    status: bool,
    /// The wait before it is announced: only the last key's timer does.
    status_pause: Pause,
}

/// A wait that a newer change restarts: each restart counts a generation,
/// and only the timer of the last one is acted on.
#[derive(Default)]
struct Pause {
    generation: u32,
    /// The timer of `generation` is set.
    timer: bool,
}

impl Pause {
    /// Starts the wait again: a timer already set is left to lapse.
    fn restart(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.timer = false;
    }

    /// Whether the timer of `generation` is the current one; if so, it is
    /// no longer set.
    fn fired(&mut self, generation: u32) -> bool {
        let current = generation == self.generation;
        if current {
            self.timer = false;
        }
        current
    }
}

/// A change the URL records in the browser's history, so that Back
/// returns to the view before it: a choice, a switch, a typed value or a
/// preset adds an entry each; a slider's moves (or a date field's edits)
/// add one entry for it, which its later moves replace, until another
/// change is made.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    /// Anything but a slider's move.
    Change,
    /// Moves of the slider of `SETTINGS[i]`, or edits of its date field.
    Slider(usize),
}

impl Later {
    /// Notes a change for the next write of the URL; a change other than a
    /// slider's move wins over one.
    pub(super) fn entry(&mut self, entry: Entry) {
        self.url_entry = Some(match (self.url_entry, entry) {
            (Some(Entry::Change), _) | (_, Entry::Change) => Entry::Change,
            (_, slider) => slider,
        });
    }

    /// Whether the write of `entry` adds a history entry (otherwise it
    /// replaces the current one), and notes it as the current one.
    pub(super) fn adds_entry(&mut self) -> bool {
        let Some(entry) = self.url_entry.take() else {
            return false;
        };
        let adds = entry == Entry::Change || self.last_entry != Some(entry);
        self.last_entry = Some(entry);
        adds
    }

    /// Whether the next write of the URL would add a history entry.
    pub(super) fn would_add(&self) -> bool {
        match self.url_entry {
            Some(Entry::Change) => true,
            Some(slider) => self.last_entry != Some(slider),
            None => false,
        }
    }

    /// The table's filter was typed in: its count is announced once the
    /// typing pauses.
    pub(super) fn status_after_pause(&mut self) {
        self.status = true;
        self.status_pause.restart();
    }

    fn pieces(&self) -> bool {
        self.labs || self.derivatives || self.links || self.sections
    }
}

/// Schedules what `a.later` holds: a task for the next piece after the
/// next paint, and the URL's timer.
pub(super) fn schedule(widget: &Rc<Widget>, a: &mut App) {
    if a.later.pieces() && !a.later.task {
        a.later.task = true;
        let widget2 = Rc::clone(widget);
        // After the next frame (requestAnimationFrame), then a task of its
        // own (setTimeout), so that the piece runs after the paint.
        let task = Closure::once_into_js(move || {
            let widget3 = Rc::clone(&widget2);
            let run = Closure::once_into_js(move || dispatch(&widget3, Msg::Later));
            if let Err(e) = set_timeout(&run, 0) {
                if let Ok(a) = widget2.app.try_borrow() {
                    report(&a.error_box, e);
                }
            }
        });
        let requested = web_sys::window()
            .ok_or_else(|| JsError::new("no window"))
            .and_then(|w| {
                w.request_animation_frame(task.unchecked_ref())
                    .map_err(js_err)
            });
        if let Err(e) = requested {
            a.later.task = false;
            report(&a.error_box, e);
        }
    }
    if a.later.url {
        arm(
            widget,
            &mut a.later.url_pause,
            &a.error_box,
            URL_MS,
            Msg::UrlDue,
        );
    }
    if a.later.status {
        arm(
            widget,
            &mut a.later.status_pause,
            &a.error_box,
            STATUS_MS,
            Msg::StatusDue,
        );
    }
}

/// Sets `pause`'s timer, unless it is set: after `ms`, `due` of its
/// generation is sent to the view.
fn arm(widget: &Rc<Widget>, pause: &mut Pause, error_box: &Element, ms: i32, due: fn(u32) -> Msg) {
    if pause.timer {
        return;
    }
    pause.timer = true;
    let generation = pause.generation;
    let widget2 = Rc::clone(widget);
    let task = Closure::once_into_js(move || dispatch(&widget2, due(generation)));
    if let Err(e) = set_timeout(&task, ms) {
        pause.timer = false;
        report(error_box, e);
    }
}

fn set_timeout(callback: &JsValue, ms: i32) -> Res<()> {
    web_sys::window()
        .ok_or_else(|| JsError::new("no window"))?
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .map_err(js_err)?;
    Ok(())
}

/// Finishes the pending work when the page is hidden or left (its URL
/// must hold the state by then) or when the root gets `FLUSH_EVENT`.
pub(super) fn wire(widget: &Rc<Widget>) -> Res<()> {
    let a = widget.app.borrow();
    let widget2 = Rc::clone(widget);
    listen(&a.root, FLUSH_EVENT, move |_| {
        dispatch(&widget2, Msg::Flush)
    })?;
    if !a.own_url {
        return Ok(());
    }
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let widget2 = Rc::clone(widget);
    listen(&window, "pagehide", move |_| dispatch(&widget2, Msg::Flush))?;
    // Back and Forward: the view follows the URL of the entry.
    let widget2 = Rc::clone(widget);
    listen(&window, "popstate", move |_| {
        dispatch(&widget2, Msg::History)
    })?;
    let document = window
        .document()
        .ok_or_else(|| JsError::new("no document"))?;
    let widget2 = Rc::clone(widget);
    listen(&document, "visibilitychange", move |_| {
        dispatch(&widget2, Msg::Flush)
    })
}

impl App {
    /// The URL records the scenario: at once when the change adds a history
    /// entry (so that Back, however soon, returns to the view before it),
    /// otherwise (a slider's later moves) once the user pauses.
    pub(super) fn url_later(&mut self) -> Res<()> {
        if self.own_url && self.later.would_add() {
            self.later.url_pause.restart();
            return self.write_url();
        }
        if self.own_url {
            self.later.url = true;
            self.later.url_pause.restart();
        }
        Ok(())
    }

    /// Notes a change of kind `entry` before it is made. A URL still waiting
    /// to record another change (a slider's last moves) is written first,
    /// so that each change has its own history entry however quickly the
    /// next one follows.
    pub(super) fn begin_change(&mut self, entry: Entry) -> Res<()> {
        self.overlap.note_change();
        let other = self
            .later
            .url_entry
            .is_some_and(|pending| pending == Entry::Change || pending != entry);
        if self.later.url && other {
            self.write_url()?;
        }
        self.later.entry(entry);
        Ok(())
    }

    /// The URL's timer fired: writes it if no later change restarted the wait.
    pub(super) fn url_due(&mut self, generation: u32) -> Res<()> {
        if !self.later.url_pause.fired(generation) {
            return Ok(());
        }
        if self.later.url && self.root.is_connected() {
            self.write_url()?;
        }
        Ok(())
    }

    /// The filter's timer fired: announces the table's count if no later
    /// key restarted the wait.
    pub(super) fn status_due(&mut self, generation: u32) -> Res<()> {
        if !self.later.status_pause.fired(generation) {
            return Ok(());
        }
        if std::mem::take(&mut self.later.status) {
            if let Some(table) = self.table.get() {
                table.announce_shown();
            }
        }
        Ok(())
    }

    /// Runs the next waiting piece (a background task).
    pub(super) fn run_later(&mut self) -> Res<()> {
        self.later.task = false;
        // A view removed from its document has nothing to show.
        if !self.root.is_connected() {
            return Ok(());
        }
        if std::mem::take(&mut self.later.labs) {
            self.name_labs()
        } else if std::mem::take(&mut self.later.derivatives) {
            self.show_derivatives()
        } else if std::mem::take(&mut self.later.links) {
            self.show_links()
        } else if std::mem::take(&mut self.later.sections) {
            self.refresh_sections()
        } else {
            Ok(())
        }
    }

    /// Runs every waiting piece and writes the URL now.
    pub(super) fn flush(&mut self) -> Res<()> {
        if !self.root.is_connected() {
            return Ok(());
        }
        while self.later.pieces() {
            self.run_later()?;
        }
        if self.later.url {
            self.write_url()?;
        }
        if std::mem::take(&mut self.later.status) {
            if let Some(table) = self.table.get() {
                table.announce_shown();
            }
        }
        Ok(())
    }
}
