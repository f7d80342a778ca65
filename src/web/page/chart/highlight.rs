//! The table's filter, seen in the chart: while it has text, the markers
//! of the rows it keeps stand out and the others are dimmed (style.css),
//! and a line above the plot says so.

use super::{Category, Chart};
use crate::web::page::dom::{js_err, set_attr, set_text, Res};

/// How much of the filter's text the note above the plot quotes.
const QUOTED_CHARS: usize = 20;

impl Chart {
    /// Whether model `i` matches the table's filter (`false` without one).
    pub(super) fn matches(&self, i: usize) -> bool {
        self.matching
            .as_ref()
            .is_some_and(|(_, keep)| keep.get(i).copied().unwrap_or(false))
    }

    /// Highlights the models the table's filter keeps: `Some((text, keep))`
    /// with one entry per catalog model, or `None` when the filter is empty.
    pub fn highlight(&mut self, filter: Option<(String, Vec<bool>)>) -> Res<()> {
        let before: Vec<bool> = (0..self.positions.len()).map(|i| self.matches(i)).collect();
        self.matching = filter;
        if self.matching.is_some() {
            set_attr(&self.svg, "data-filtering", "")?;
        } else {
            self.svg
                .remove_attribute("data-filtering")
                .map_err(js_err)?;
        }
        for (i, was) in before.into_iter().enumerate() {
            let now = self.matches(i);
            if now == was {
                continue;
            }
            // Before the first render there are no markers yet: the first
            // one writes each with its highlight.
            let Ok(marker) = self.marker(i) else { continue };
            for element in std::iter::once(marker).chain(self.whisker(i)) {
                if now {
                    element.set_attribute("data-match", "").map_err(js_err)?;
                } else {
                    element.remove_attribute("data-match").map_err(js_err)?;
                }
            }
        }
        self.show_filter_note()
    }

    /// The line above the plot: how many shown models the filter keeps.
    pub(super) fn show_filter_note(&self) -> Res<()> {
        let Some((text, _)) = &self.matching else {
            return set_attr(&self.filter_note, "visibility", "hidden");
        };
        let count = (0..self.positions.len())
            .filter(|i| self.matches(*i) && self.categories[*i] != Category::Hidden)
            .count();
        let mut quoted: String = text.chars().take(QUOTED_CHARS).collect();
        if text.chars().count() > QUOTED_CHARS {
            quoted.push('\u{2026}');
        }
        set_text(
            &self.filter_note,
            &format!(
                "Table filter \u{201c}{quoted}\u{201d}: {count} {} highlighted",
                if count == 1 { "model" } else { "models" }
            ),
        );
        set_attr(&self.filter_note, "visibility", "visible")
    }
}
