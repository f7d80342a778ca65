//! What the user does with the chart beyond hovering and stepping through
//! it (`events.rs`): pick a model to find its table row, hide the
//! tooltip, scroll, download; and the table's filter seen in the chart.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event as DomEvent, KeyboardEvent};

use super::download::{self, Format};
use crate::figure;
use crate::web::page::dom::{js_err, listen, Res};
use crate::web::page::events::{dispatch, Msg, Widget};
use crate::web::page::App;

/// A chart event, for [`Msg::Chart`].
pub(in crate::web::page) enum Event {
    /// Show (`true`) or hide the tooltip.
    Tip(bool),
    /// The pointer left the chart: hide the tooltip unless the chart has
    /// keyboard focus (a click's focus does not keep it).
    Left,
    /// Find a model's row in the table (catalog index; `None`: the selected model).
    Pick(Option<usize>),
    /// The plot scrolled sideways: the tooltip follows its marker.
    Scrolled,
    /// Download the chart.
    Download(Format),
}

/// The catalog index a DOM event's target carries, if it is a marker.
fn model_of(event: &DomEvent) -> Option<usize> {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.get_attribute("data-i"))
        .and_then(|i| i.parse().ok())
}

/// Connects the chart's own events, and opens the plot on the recent years
/// (phones scroll it sideways).
pub(in crate::web::page) fn wire(widget: &Rc<Widget>) -> Res<()> {
    let app = widget.app.borrow();
    let chart = &app.chart;
    let w = Rc::clone(widget);
    listen(&chart.svg, "click", move |e: DomEvent| {
        if let Some(i) = model_of(&e) {
            dispatch(&w, Msg::Chart(Event::Pick(Some(i))));
        }
    })?;
    let w = Rc::clone(widget);
    listen(&chart.svg, "keydown", move |e: DomEvent| {
        let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
        match key.as_deref() {
            Some("Enter") => {
                e.prevent_default();
                dispatch(&w, Msg::Chart(Event::Pick(None)));
            }
            Some("Escape") => dispatch(&w, Msg::Chart(Event::Tip(false))),
            _ => {}
        }
    })?;
    let w = Rc::clone(widget);
    listen(&chart.frame, "mouseleave", move |_| {
        dispatch(&w, Msg::Chart(Event::Left))
    })?;
    let w = Rc::clone(widget);
    listen(&chart.svg, "blur", move |_| {
        dispatch(&w, Msg::Chart(Event::Tip(false)))
    })?;
    let w = Rc::clone(widget);
    listen(&chart.wrap, "scroll", move |_| {
        dispatch(&w, Msg::Chart(Event::Scrolled))
    })?;
    for (button, format) in &chart.downloads {
        let (w, format) = (Rc::clone(widget), *format);
        listen(button, "click", move |_| {
            dispatch(&w, Msg::Chart(Event::Download(format)))
        })?;
    }
    scroll_to_recent(&chart.wrap)
}

/// The frontier models are the recent ones, at the right: where the chart
/// is wider than the screen (a phone, style.css), it opens scrolled there.
/// In the frame's own layout, before its first paint: reading the width
/// while the view is still being built would force a layout of its own.
fn scroll_to_recent(wrap: &Element) -> Res<()> {
    let Some(window) = web_sys::window() else {
        return Ok(());
    };
    let narrow = window
        .match_media("(max-width: 40rem)")
        .map_err(js_err)?
        .is_some_and(|query| query.matches());
    if !narrow {
        return Ok(());
    }
    let wrap = wrap.clone();
    let scroll = Closure::once_into_js(move || wrap.set_scroll_left(wrap.scroll_width()));
    window
        .request_animation_frame(scroll.unchecked_ref())
        .map_err(js_err)?;
    Ok(())
}

impl App {
    /// Handles a chart event.
    pub(in crate::web::page) fn chart_event(&mut self, event: Event) -> Res<()> {
        match event {
            Event::Tip(show) => self.chart.show_tip(show),
            Event::Left => {
                let focused = self.chart.svg.matches(":focus-visible").unwrap_or(false);
                self.chart.show_tip(focused && self.chart.tip.visible())
            }
            Event::Scrolled => {
                let visible = self.chart.tip.visible();
                if visible {
                    self.chart.show_tip(true)
                } else {
                    Ok(())
                }
            }
            Event::Pick(index) => self.pick(index),
            Event::Download(format) => self.download_chart(format),
        }
    }

    /// Selects model `index` (or the selected one) in the chart, and
    /// brings its table row into view, highlighted, with keyboard focus;
    /// a table filter that hides it is cleared (the table says so).
    fn pick(&mut self, index: Option<usize>) -> Res<()> {
        let Some(i) = index
            .or(self.chart.selected)
            .filter(|i| *i < self.catalog.models.len())
        else {
            return Ok(());
        };
        let text = self.details_text(Some(i));
        self.chart.select(Some(i), &text, false)?;
        let Some(table) = self.table.get_mut() else {
            return Ok(());
        };
        if table.reveal(&self.catalog, i)? {
            self.chart.highlight(None)?;
        }
        Ok(())
    }

    /// The table's filter changed: the table keeps its matching rows, and
    /// the chart highlights their markers.
    pub(in crate::web::page) fn filter_changed(&mut self) -> Res<()> {
        let Some(table) = self.table.get_mut() else {
            return Ok(());
        };
        table.filter_typed();
        table.apply_filter_quietly()?;
        let matching = table.matching();
        self.chart.highlight(matching)?;
        self.later.status_after_pause();
        self.table_view_changed()
    }

    /// Saves the chart as shown, with its title, the scenario in words,
    /// the counts and the source line inside the picture.
    fn download_chart(&self, format: Format) -> Res<()> {
        let labs = crate::labs::labs(&self.catalog, &self.assessment.verdicts);
        // The chart shows the table filter's highlight: its link carries
        // the filter too, so that it opens on the same picture (a
        // journalist tester's image said "Table filter" and its link did not).
        let link = format!("{}{}", self.link()?, self.table_query());
        let caption = figure::caption(&self.assessment.summary, &labs, &self.scenario, &link);
        let picture = self.chart.picture(&caption)?;
        let name = figure::file_name(&self.scenario, format.extension());
        match format {
            Format::Svg => download::save_svg(&self.chart.svg, &picture, &name),
            Format::Png => download::save_png(&self.chart.svg, &picture, &name, &self.error_box),
        }
    }
}
