//! The sections below the explorer (check a model, the timeline, the
//! projection) joined to the app: their messages, their wiring, their
//! part of the URL, and their refresh after each change.

use std::rc::Rc;
use wasm_bindgen::JsCast;

use web_sys::Event;

use super::check::{Action, CheckPanel};
use super::dom::{listen, Res};
use super::events::{dispatch, Msg, Widget};
use super::projection::ProjectionPanel;
use super::timeline::TimelinePanel;
use super::App;

/// The sections of the full page (an embed has none).
pub(super) struct Sections {
    /// Check a model.
    pub(super) check: CheckPanel,
    /// The timeline.
    pub(super) timeline: TimelinePanel,
    /// The projection to 2030.
    pub(super) projection: ProjectionPanel,
}

/// Connects the sections' controls to messages.
pub(super) fn wire(app: &Rc<Widget>) -> Res<()> {
    let guard = app.app.borrow();
    let Some(a) = guard.sections.get() else {
        return Ok(());
    };
    let app2 = Rc::clone(app);
    listen(&a.check.form, "submit", move |e: Event| {
        e.prevent_default();
        dispatch(&app2, Msg::Check(Action::Check));
    })?;
    for radio in &a.check.methods {
        let app2 = Rc::clone(app);
        listen(radio, "change", move |_| {
            dispatch(&app2, Msg::Check(Action::Method))
        })?;
    }
    for event in ["input", "change"] {
        let app2 = Rc::clone(app);
        listen(&a.check.form, event, move |_| {
            dispatch(&app2, Msg::Check(Action::Edited))
        })?;
    }
    let app2 = Rc::clone(app);
    listen(&a.check.results, "click", move |e: Event| {
        let copy = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.get_attribute("data-action").as_deref() == Some("copy-results"));
        if copy {
            dispatch(&app2, Msg::Check(Action::Copy));
        }
    })?;
    let app2 = Rc::clone(app);
    listen(&a.check.clear, "click", move |_| {
        dispatch(&app2, Msg::Check(Action::Clear))
    })?;
    let app2 = Rc::clone(app);
    listen(&a.timeline.details, "toggle", move |_| {
        dispatch(&app2, Msg::Timeline)
    })?;
    for input in &a.projection.inputs {
        let app2 = Rc::clone(app);
        listen(input, "change", move |_| dispatch(&app2, Msg::Projection))?;
    }
    Ok(())
}

impl App {
    /// Brings every section up to date with the scenario (the timeline
    /// only when open).
    pub(super) fn refresh_sections(&mut self) -> Res<()> {
        let Some(sections) = self.sections.get_mut() else {
            return Ok(());
        };
        sections.check.refresh(&self.catalog, &self.scenario)?;
        sections.timeline.refresh(&self.catalog, &self.scenario)?;
        sections.projection.refresh(&self.catalog, &self.scenario)?;
        self.mark_checked()
    }

    fn mark_checked(&self) -> Res<()> {
        let Some(sections) = self.sections.get() else {
            return Ok(());
        };
        let check = &sections.check;
        let point = check.report.as_ref().and_then(|r| {
            let flop = r.cumulative_flop?;
            let date = check
                .checked
                .as_ref()
                .and_then(|f| crate::date::IsoDate::parse(&f.publication_date).ok())?;
            Some((date.year_fraction(), flop, r.name.as_str()))
        });
        self.chart.mark_checked(point)
    }

    /// The sections' part of the URL query (with a leading `&`, or empty).
    pub(super) fn sections_query(&self) -> String {
        let Some(sections) = self.sections.get() else {
            return String::new();
        };
        let parts: Vec<String> = [
            sections
                .check
                .checked
                .as_ref()
                .map(crate::urlstate::check::encode_check)
                .unwrap_or_default(),
            crate::urlstate::check::encode_projection(&sections.projection.settings),
        ]
        .into_iter()
        .filter(|q| !q.is_empty())
        .collect();
        parts.iter().map(|q| format!("&{q}")).collect()
    }

    /// Handles a section's message.
    pub(super) fn section(&mut self, msg: Msg) -> Res<()> {
        let Some(sections) = self.sections.get_mut() else {
            return Ok(());
        };
        match msg {
            Msg::Check(Action::Check) => {
                sections.check.run(&self.catalog, &self.scenario)?;
                sections.check.focus_first_error()?;
                self.mark_checked()?;
                self.write_url()
            }
            Msg::Check(Action::Method) => sections.check.show_method(),
            Msg::Check(Action::Edited) => sections.check.edited(),
            Msg::Check(Action::Copy) => {
                let link = format!("{}{}", self.link()?, self.view_query());
                match self.sections.get() {
                    Some(sections) => sections.check.copy_results(&link),
                    None => Ok(()),
                }
            }
            Msg::Check(Action::Clear) => {
                sections.check.clear()?;
                self.mark_checked()?;
                self.write_url()
            }
            Msg::Timeline => sections.timeline.refresh(&self.catalog, &self.scenario),
            Msg::Projection => {
                if sections.projection.read()? {
                    sections.projection.refresh(&self.catalog, &self.scenario)?;
                    self.write_url()?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}
