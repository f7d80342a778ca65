//! The overlap panel: the two big-number cards (see `cards`), the
//! headline in one sentence, the change since the last committed move, and
//! the overlap as two grids (models, labs) of US side by EU side whose rows
//! and columns add up to the cards.

use std::cell::Cell;

use web_sys::Element;

use super::cards::{self, CardsPanel};
use super::dom::{append, attrs, js_err, set_attr, set_text, Res};
use crate::evaluate::{Assessment, Summary};
use crate::grid::{OverlapGrid, Side};
use crate::presentation;
use crate::scenario::{EuTier, Scenario};

/// The grid's sides, as its row and column headers say them. A soft
/// hyphen lets a phone's narrow column break "undeter-mined" with a hyphen
/// (it broke mid-word without one; screen readers skip it).
const SIDES: [(Side, &str, &str); 3] = [
    (Side::In, "in", "covered"),
    (Side::Out, "out", "not covered"),
    (Side::Undetermined, "undetermined", "undeter\u{ad}mined"),
];

/// The overlap category a cell is, for its colour and its words.
fn category(us: Side, eu: Side) -> (&'static str, &'static str) {
    match (us, eu) {
        (Side::In, Side::In) => ("both", "covered by both"),
        (Side::In, Side::Out) => ("us_only", "covered by the US definition only"),
        (Side::Out, Side::In) => ("eu_only", "covered by the EU tier only"),
        (Side::Out, Side::Out) => ("neither", "covered by neither"),
        (Side::Undetermined, Side::In) => {
            ("undetermined", "undetermined in the US, covered in the EU")
        }
        (Side::Undetermined, Side::Out) => (
            "undetermined",
            "undetermined in the US, not covered in the EU",
        ),
        (Side::In, Side::Undetermined) => {
            ("undetermined", "covered in the US, undetermined in the EU")
        }
        (Side::Out, Side::Undetermined) => (
            "undetermined",
            "not covered in the US, undetermined in the EU",
        ),
        (Side::Undetermined, Side::Undetermined) => ("undetermined", "undetermined in both"),
    }
}

/// One grid's cells: (US side, EU side, element), then the totals.
struct GridView {
    cells: Vec<(Side, Side, Element)>,
    us_totals: Vec<(Side, Element)>,
    eu_totals: Vec<(Side, Element)>,
    total: Element,
    /// Undetermined on at least one side (the shaded cells together).
    undetermined: Element,
}

/// The panel's elements.
pub struct OverlapPanel {
    /// The big-number cards.
    pub cards: CardsPanel,
    /// The date the counts are of, and where the data ends.
    as_of: Element,
    as_of_shown: Cell<Option<crate::date::IsoDate>>,
    /// The change line was last written while a slider was held (central
    /// counts only).
    held_shown: Cell<bool>,
    /// The reader has changed something since the view opened: a change
    /// that moved no count says so, instead of leaving no trace.
    changed: Cell<bool>,
    caption: Element,
    grids: [GridView; 2],
    headline: Element,
    /// Why the US side's undetermined models are undetermined.
    why: Element,
    /// The models in neither that are still EU GPAI models.
    gpai_note: Element,
    delta: Element,
    announce: Element,
    /// The grids and the compared tier last shown.
    shown: Cell<Option<(OverlapGrid, OverlapGrid, EuTier)>>,
}

fn build_grid(parent: &Element, group: &str, title: &str) -> Res<GridView> {
    let wrap = append(parent, "div", "")?;
    attrs(&wrap, &[("class", "scroll grid-wrap")])?;
    let table = append(&wrap, "table", "")?;
    attrs(&table, &[("class", "counts grid"), ("data-grid", group)])?;
    append(&table, "caption", title)?;
    let head = append(&append(&table, "thead", "")?, "tr", "")?;
    let corner = append(&head, "th", "")?;
    attrs(&corner, &[("scope", "col"), ("class", "corner")])?;
    append(&corner, "span", "US \u{2193} EU \u{2192}")?;
    for (_, _, words) in SIDES {
        let th = append(&head, "th", &format!("EU {words}"))?;
        attrs(&th, &[("scope", "col")])?;
    }
    attrs(&append(&head, "th", "US total")?, &[("scope", "col")])?;
    let body = append(&table, "tbody", "")?;
    let mut cells = Vec::new();
    let mut us_totals = Vec::new();
    for (us, us_key, us_words) in SIDES {
        let tr = append(&body, "tr", "")?;
        attrs(
            &append(&tr, "th", &format!("US {us_words}"))?,
            &[("scope", "row")],
        )?;
        for (eu, eu_key, _) in SIDES {
            let (class, words) = category(us, eu);
            let td = append(&tr, "td", "")?;
            let mut pairs = vec![
                ("class", format!("cell cat-{class}")),
                ("title", words.to_string()),
                ("data-grid", format!("{group}.us_{us_key}.eu_{eu_key}")),
            ];
            // The four cells of one category each keep their old name.
            if class != "undetermined" {
                pairs.push(("data-count", format!("{group}.{class}")));
            }
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            attrs(&td, &pairs)?;
            cells.push((us, eu, td));
        }
        let total = append(&tr, "td", "")?;
        attrs(
            &total,
            &[
                ("class", "total"),
                ("data-grid", &format!("{group}.us_{us_key}.total")),
            ],
        )?;
        us_totals.push((us, total));
    }
    let foot = append(&append(&table, "tfoot", "")?, "tr", "")?;
    attrs(&append(&foot, "th", "EU total")?, &[("scope", "row")])?;
    let mut eu_totals = Vec::new();
    for (eu, eu_key, _) in SIDES {
        let td = append(&foot, "td", "")?;
        attrs(
            &td,
            &[
                ("class", "total"),
                ("data-grid", &format!("{group}.total.eu_{eu_key}")),
            ],
        )?;
        eu_totals.push((eu, td));
    }
    let total = append(&foot, "td", "")?;
    attrs(
        &total,
        &[
            ("class", "total"),
            ("data-grid", &format!("{group}.total.total")),
        ],
    )?;
    let note = append(parent, "p", "")?;
    attrs(&note, &[("class", "hint grid-note")])?;
    append(
        &note,
        "span",
        "Undetermined on at least one side (the outlined cells): ",
    )?;
    let undetermined = append(&note, "span", "")?;
    attrs(
        &undetermined,
        &[("data-count", &format!("{group}.undetermined"))],
    )?;
    Ok(GridView {
        cells,
        us_totals,
        eu_totals,
        total,
        undetermined,
    })
}

impl GridView {
    fn show(&self, grid: &OverlapGrid, undetermined: usize) {
        for (us, eu, cell) in &self.cells {
            set_text(cell, &grid.get(*us, *eu).to_string());
        }
        for (us, cell) in &self.us_totals {
            set_text(cell, &grid.us_total(*us).to_string());
        }
        for (eu, cell) in &self.eu_totals {
            set_text(cell, &grid.eu_total(*eu).to_string());
        }
        set_text(&self.total, &grid.total().to_string());
        set_text(&self.undetermined, &undetermined.to_string());
    }
}

/// Builds the panel into `parent`; the phone's summary bar goes into
/// `root` before `before`. `full_page` links lab names to the table.
pub fn build(
    parent: &Element,
    root: &Element,
    before: &Element,
    full_page: bool,
) -> Res<OverlapPanel> {
    let section = append(parent, "section", "")?;
    attrs(
        &section,
        &[("class", "overlap"), ("aria-labelledby", "overlap-title")],
    )?;
    attrs(
        &append(&section, "h2", "Who is covered")?,
        &[("id", "overlap-title")],
    )?;
    let as_of = append(&section, "p", "")?;
    attrs(&as_of, &[("class", "as-of hint")])?;
    let cards = cards::build(&section, full_page)?;
    root.insert_before(cards.bar(), Some(before))
        .map_err(js_err)?;
    let headline = append(&section, "p", "")?;
    attrs(&headline, &[("id", "headline"), ("class", "headline")])?;
    let delta = append(&section, "p", "")?;
    attrs(&delta, &[("id", "delta"), ("class", "delta")])?;
    let why = append(&section, "p", "")?;
    attrs(&why, &[("class", "why hint")])?;
    let caption = append(&section, "p", "")?;
    attrs(&caption, &[("class", "grid-caption hint")])?;
    let grids_area = append(&section, "div", "")?;
    attrs(&grids_area, &[("class", "grids")])?;
    let models = append(&grids_area, "div", "")?;
    let developers = append(&grids_area, "div", "")?;
    let grids = [
        build_grid(&models, "models", "Models (Epoch\u{2019}s rows)")?,
        build_grid(&developers, "developers", "Labs (lead developers)")?,
    ];
    let gpai_note = append(&section, "p", "")?;
    attrs(&gpai_note, &[("class", "gpai-note hint")])?;
    let announce = append(&section, "p", "")?;
    attrs(
        &announce,
        &[
            ("id", "announce"),
            ("class", "visually-hidden"),
            ("aria-live", "polite"),
        ],
    )?;
    Ok(OverlapPanel {
        cards,
        as_of,
        as_of_shown: Cell::new(None),
        held_shown: Cell::new(false),
        changed: Cell::new(false),
        caption,
        grids,
        headline,
        why,
        gpai_note,
        delta,
        announce,
        shown: Cell::new(None),
    })
}

fn tier_words(scenario: &Scenario) -> &'static str {
    presentation::tier_words(scenario.eu.compare)
}

/// Each regime on its own, in words: what the headline shows and what is announced.
fn regime_sentence(summary: &Summary, scenario: &Scenario) -> String {
    presentation::headline(summary, scenario)
}

impl OverlapPanel {
    /// Shows the counts, and the change from `baseline` (while a slider is
    /// `held`, the central counts' change only: see `show_headline`).
    pub fn show(
        &self,
        summary: &Summary,
        baseline: &Summary,
        scenario: &Scenario,
        held: bool,
    ) -> Res<()> {
        if self.as_of_shown.get() != Some(scenario.as_of) {
            self.as_of_shown.set(Some(scenario.as_of));
            set_text(&self.as_of, &crate::cards::as_of_words(scenario.as_of));
        }
        self.cards.show(summary, scenario)?;
        // What does not change with a step is not written again (reading a
        // long text back to compare it costs as much as writing it).
        let shown = (
            summary.models_grid,
            summary.developers_grid,
            scenario.eu.compare,
        );
        if self.shown.get() == Some(shown) {
            return self.show_headline(summary, baseline, scenario, held);
        }
        self.shown.set(Some(shown));
        set_text(
            &self.caption,
            &format!(
                "How the US candidate definition and the {} overlap, at the centre of every estimate. Each row adds up to a US count and each column to an EU count; the cards above count the same (a borderline model, in only at the high end of its estimates, counts as not covered here, as in the cards' central counts). Models are the rows Epoch lists, as the US side counts them (the EU card counts a model with its versions and own fine-tunes, so its rows are more than its models).",
                tier_words(scenario)
            ),
        );
        let [models, developers] = &self.grids;
        models.show(&summary.models_grid, summary.models.undetermined);
        developers.show(&summary.developers_grid, summary.developers.undetermined);
        self.show_headline(summary, baseline, scenario, held)
    }

    /// The headline in one sentence and the change since the last move.
    /// While a slider is held the change line gives only the central
    /// counts' change, whose sentence keeps its length, so that nothing
    /// below it moves under the slider; a change that moved only the
    /// ranges or the undetermined (a choice, a switch) says so.
    fn show_headline(
        &self,
        summary: &Summary,
        baseline: &Summary,
        scenario: &Scenario,
        held: bool,
    ) -> Res<()> {
        set_text(&self.headline, &regime_sentence(summary, scenario));
        self.held_shown.set(held);
        self.show_change(summary, baseline, !held)
    }

    /// A slider let go (or stepped by a key): the change line written while
    /// it was held says what moved in the ranges too.
    pub fn released(&self, summary: &Summary, baseline: &Summary) -> Res<()> {
        if self.held_shown.replace(false) {
            self.show_change(summary, baseline, true)?;
        }
        Ok(())
    }

    /// A change is being made: from now on a change that moves no count
    /// says so.
    pub fn note_change(&self) {
        self.changed.set(true);
    }

    /// The change since the last move: with `ranges`, what moved only in
    /// the ranges or the undetermined too (once a slider is let go).
    fn show_change(&self, summary: &Summary, baseline: &Summary, ranges: bool) -> Res<()> {
        let change = presentation::change_words(summary, baseline, ranges).or_else(|| {
            self.changed
                .get()
                .then(|| "Since the last change: no count and no range moved.".to_string())
        });
        // Nothing to say before the first change: the line keeps its place
        // (no layout shift) but is not shown or read out.
        let unchanged = change.is_none();
        set_text(
            &self.delta,
            change
                .as_deref()
                .unwrap_or("Since the last change: nothing."),
        );
        set_attr(
            &self.delta,
            "class",
            if unchanged {
                "delta unchanged"
            } else {
                "delta"
            },
        )?;
        if unchanged {
            set_attr(&self.delta, "aria-hidden", "true")
        } else {
            self.delta.remove_attribute("aria-hidden").map_err(js_err)
        }
    }

    /// Says why the US definition's undetermined models are undetermined
    /// (hidden when none is).
    pub fn explain(&self, assessment: &Assessment, scenario: &Scenario) -> Res<()> {
        match presentation::neither_gpai_words(assessment, scenario) {
            Some(words) => {
                set_text(&self.gpai_note, &words);
                self.gpai_note.remove_attribute("hidden").map_err(js_err)?;
            }
            None => self.gpai_note.set_attribute("hidden", "").map_err(js_err)?,
        }
        let verdicts = &assessment.verdicts;
        match presentation::us_undetermined_words(verdicts, scenario) {
            Some(words) => {
                set_text(&self.why, &words);
                self.why.remove_attribute("hidden").map_err(js_err)
            }
            None => self.why.set_attribute("hidden", "").map_err(js_err),
        }
    }

    /// Announces the counts to screen readers (after a committed change).
    pub fn announce(&self, summary: &Summary, scenario: &Scenario) {
        set_text(&self.announce, &regime_sentence(summary, scenario));
    }
}
