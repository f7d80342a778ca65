//! Failure stays contained: a panic hook (installed at start-up) that logs
//! to the console and says so in every mounted view, and a registry of the
//! views so that a view whose state a panic left locked tells the user
//! instead of silently dropping their input.
//!
//! On wasm32 a panic aborts: no destructor runs, so the view that was
//! handling an event keeps its state borrowed for good. The other views,
//! and the host page, keep working.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::Element;

struct View {
    error_box: Element,
    root: Element,
    stopped: bool,
}

thread_local! {
    static VIEWS: RefCell<Vec<View>> = const { RefCell::new(Vec::new()) };
    /// The view handling an event (or being mounted), if any.
    static CURRENT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Installs the panic hook. Runs once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "scope explorer: internal error: {message}"
        )));
        let current = CURRENT.with(Cell::get);
        VIEWS.with(|views| {
            let Ok(mut views) = views.try_borrow_mut() else {
                return;
            };
            for (id, view) in views.iter_mut().enumerate() {
                let stopped = current == Some(id) || view.stopped;
                view.stopped = stopped;
                show(view, &stopped_text(stopped, &message));
            }
        });
    }));
}

fn stopped_text(stopped: bool, message: &str) -> String {
    if stopped {
        format!(
            "This view stopped after an internal error ({message}). The rest of the page still works; reload the page to start the view again."
        )
    } else {
        "Another view on this page stopped after an internal error; this one still works."
            .to_string()
    }
}

fn show(view: &View, text: &str) {
    view.error_box.set_text_content(Some(text));
    let _ = view.error_box.remove_attribute("hidden");
    let _ = view.root.set_attribute("data-stopped", "true");
}

/// Registers a view about to be mounted into `root`, whose messages go
/// to `error_box`; returns its id. It is the current view until [`leave`].
pub fn register(root: &Element, error_box: &Element) -> usize {
    let id = VIEWS.with(|views| {
        let mut views = views.borrow_mut();
        // A view mounted again into the same root replaces the old one.
        if let Some(id) = views.iter().position(|v| &v.root == root) {
            views[id] = View {
                error_box: error_box.clone(),
                root: root.clone(),
                stopped: false,
            };
            return id;
        }
        views.push(View {
            error_box: error_box.clone(),
            root: root.clone(),
            stopped: false,
        });
        views.len() - 1
    });
    enter(id);
    id
}

/// Marks view `id` as handling an event.
pub fn enter(id: usize) {
    CURRENT.with(|c| c.set(Some(id)));
}

/// Marks the end of the current event.
pub fn leave() {
    CURRENT.with(|c| c.set(None));
}

/// Whether a panic stopped view `id`.
pub fn stopped(id: usize) -> bool {
    VIEWS.with(|views| {
        views
            .try_borrow()
            .map(|v| v.get(id).is_some_and(|v| v.stopped))
            .unwrap_or(true)
    })
}

/// Says again, in view `id`, that it stopped: an event reached it after
/// the panic, and nothing happened.
pub fn remind(id: usize) {
    VIEWS.with(|views| {
        if let Ok(views) = views.try_borrow() {
            if let Some(view) = views.get(id) {
                show(
                    view,
                    "This view stopped after an internal error and can no longer respond; reload the page to start it again.",
                );
            }
        }
    });
}
