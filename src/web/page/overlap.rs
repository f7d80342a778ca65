//! The overlap panel: both, US only, EU only, neither and undetermined, in
//! models and developers, with the change since the last committed move.

use web_sys::Element;

use super::dom::{append, attrs, js_err, set_text, Res};
use crate::evaluate::{Assessment, OverlapCounts, Summary};
use crate::presentation;
use crate::scenario::Scenario;

const COLUMNS: [(&str, &str); 5] = [
    ("both", "Both"),
    ("us_only", "US only"),
    ("eu_only", "EU only"),
    ("neither", "Neither"),
    ("undetermined", "Undetermined"),
];

fn values(c: &OverlapCounts) -> [usize; 5] {
    [c.both, c.us_only, c.eu_only, c.neither, c.undetermined]
}

/// The panel's elements.
pub struct OverlapPanel {
    caption: Element,
    cells: Vec<Element>,
    headline: Element,
    /// Why the US side's undetermined models are undetermined.
    why: Element,
    /// The models in neither that are still EU GPAI models.
    gpai_note: Element,
    delta: Element,
    announce: Element,
}

/// Builds the panel into `parent`.
pub fn build(parent: &Element) -> Res<OverlapPanel> {
    let section = append(parent, "section", "")?;
    attrs(
        &section,
        &[("class", "overlap"), ("aria-labelledby", "overlap-title")],
    )?;
    attrs(
        &append(&section, "h2", "Who is covered")?,
        &[("id", "overlap-title")],
    )?;
    let headline = append(&section, "p", "")?;
    attrs(&headline, &[("id", "headline"), ("class", "headline")])?;
    let delta = append(&section, "p", "")?;
    attrs(&delta, &[("id", "delta"), ("class", "delta")])?;
    let why = append(&section, "p", "")?;
    attrs(&why, &[("class", "why hint")])?;
    let wrap = append(&section, "div", "")?;
    attrs(&wrap, &[("class", "scroll")])?;
    let table = append(&wrap, "table", "")?;
    attrs(&table, &[("class", "counts")])?;
    let gpai_note = append(&section, "p", "")?;
    attrs(&gpai_note, &[("class", "gpai-note hint")])?;
    let caption = append(&table, "caption", "")?;
    let head = append(&append(&table, "thead", "")?, "tr", "")?;
    let corner = append(&head, "th", "")?;
    attrs(&corner, &[("scope", "col")])?;
    attrs(
        &append(&corner, "span", "Counted in")?,
        &[("class", "visually-hidden")],
    )?;
    for (key, label) in COLUMNS {
        let th = append(&head, "th", "")?;
        attrs(&th, &[("scope", "col"), ("class", &format!("cat-{key}"))])?;
        let swatch = append(&th, "span", "")?;
        attrs(
            &swatch,
            &[
                ("class", &format!("swatch cat-{key}")),
                ("aria-hidden", "true"),
            ],
        )?;
        append(&th, "span", label)?;
    }
    let body = append(&table, "tbody", "")?;
    let mut cells = Vec::new();
    for (row_id, row_name) in [("models", "Models"), ("developers", "Developers")] {
        let tr = append(&body, "tr", "")?;
        attrs(&append(&tr, "th", row_name)?, &[("scope", "row")])?;
        for (key, _) in COLUMNS {
            let td = append(&tr, "td", "")?;
            attrs(&td, &[("data-count", &format!("{row_id}.{key}"))])?;
            cells.push(td);
        }
    }
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
        caption,
        cells,
        headline,
        why,
        gpai_note,
        delta,
        announce,
    })
}

fn tier_words(scenario: &Scenario) -> &'static str {
    presentation::tier_words(scenario.eu.compare)
}

/// Each regime on its own, in words: what the headline shows and what is announced.
fn regime_sentence(summary: &Summary, scenario: &Scenario) -> String {
    presentation::headline(summary, scenario)
}

fn signed(change: i64, one: &str, many: &str) -> String {
    let word = if change.abs() == 1 { one } else { many };
    match change {
        0 => format!("±0 {many}"),
        c if c > 0 => format!("+{c} {word}"),
        c => format!("\u{2212}{} {word}", -c),
    }
}

impl OverlapPanel {
    /// Shows the counts, and the change from `baseline`.
    pub fn show(&self, summary: &Summary, baseline: &Summary, scenario: &Scenario) -> Res<()> {
        set_text(
            &self.caption,
            &format!(
                "The US candidate definition compared with {}. A model (or developer) is undetermined here when either regime cannot decide it from public data; the line above counts each regime on its own. The US side counts each row Epoch lists; the EU counts a model with its lifecycle (its provider's later versions and own fine-tunes), so its count of models is below its count of rows. This table counts rows in both.",
                tier_words(scenario)
            ),
        );
        let all = values(&summary.models)
            .into_iter()
            .chain(values(&summary.developers));
        for (cell, value) in self.cells.iter().zip(all) {
            set_text(cell, &value.to_string());
        }
        set_text(&self.headline, &regime_sentence(summary, scenario));
        let us_models = summary.us.models_in as i64 - baseline.us.models_in as i64;
        let us_devs = summary.us.developers_in as i64 - baseline.us.developers_in as i64;
        let eu_models = summary.eu.models_in as i64 - baseline.eu.models_in as i64;
        let eu_devs = summary.eu.developers_in as i64 - baseline.eu.developers_in as i64;
        set_text(
            &self.delta,
            &format!(
                "Since the last change: US {}, {}; EU {}, {}.",
                signed(us_models, "model", "models"),
                signed(us_devs, "developer", "developers"),
                signed(eu_models, "model", "models"),
                signed(eu_devs, "developer", "developers"),
            ),
        );
        // Nothing to say until something changed: the line keeps its
        // place (no layout shift) but is not shown or read out.
        let unchanged = [us_models, us_devs, eu_models, eu_devs] == [0; 4];
        let class = if unchanged {
            "delta unchanged"
        } else {
            "delta"
        };
        self.delta.set_attribute("class", class).map_err(js_err)?;
        if unchanged {
            self.delta
                .set_attribute("aria-hidden", "true")
                .map_err(js_err)
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
