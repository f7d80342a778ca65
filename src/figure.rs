//! The words of a downloaded chart: its title, the scenario in words, the
//! counts, the source line and the file's name, laid out in lines short
//! enough for the image (SVG text does not wrap by itself).
//!
//! ```
//! use scope_explorer::{figure, presets};
//!
//! let scenario = presets::find("sb53", presets::DEFAULT_AS_OF).unwrap().scenario;
//! let words = figure::scenario_words(&scenario);
//! assert!(words.starts_with("US candidate definition: US compute threshold: 1 × 10²⁶ FLOP"));
//! assert_eq!(figure::file_name(&scenario, "svg"), "scope-explorer-chart-2026-08-08.svg");
//! ```

use crate::embed;
use crate::evaluate::Summary;
use crate::presentation;
use crate::scenario::Scenario;
use crate::settings::{Group, Kind, SETTINGS};

/// The chart's title, first line of the image.
pub const TITLE: &str = "Scope explorer: models by date and training compute";

/// Characters per line of the image's small text (11 px on a 720-unit-wide
/// image leaves room for about this many).
pub const LINE_CHARS: usize = 112;

/// Every text of a downloaded chart, in lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The title (one line).
    pub title: String,
    /// The scenario in words, then the counts.
    pub lines: Vec<String>,
    /// The source line, then the link to the view.
    pub source: Vec<String>,
}

/// The caption of a chart of `scenario`, whose counts are `summary`; `link`
/// is the page's link to the same view.
pub fn caption(summary: &Summary, scenario: &Scenario, link: &str) -> Caption {
    let mut lines = wrap(&scenario_words(scenario), LINE_CHARS);
    lines.extend(wrap(&presentation::headline(summary, scenario), LINE_CHARS));
    let mut source = wrap(&embed::source_line(), LINE_CHARS);
    source.extend(wrap(&format!("This view: {link}"), LINE_CHARS));
    Caption {
        title: TITLE.to_string(),
        lines,
        source,
    }
}

/// The scenario in words, group by group in page order: every setting the
/// page shows for it, with its value ("US compute threshold: 10²⁶ FLOP;
/// fine-tune rule: Cumulative compute (SB 53 style); ...").
pub fn scenario_words(scenario: &Scenario) -> String {
    let mut groups = Vec::new();
    for group in Group::ALL {
        let parts: Vec<String> = SETTINGS
            .iter()
            .filter(|s| s.group == group && s.shown(scenario))
            .map(|s| match &s.kind {
                Kind::Slider(slider) => match ((slider.get)(scenario), &slider.optional) {
                    (Some(v), _) => format!("{}: {}", s.name, (slider.text)(v)),
                    (None, Some(optional)) => optional.off.to_string(),
                    (None, None) => format!("{}: none", s.name),
                },
                Kind::Choice(choice) => {
                    let name = (choice.get)(scenario);
                    format!("{}: {}", s.name, choice.label(name).unwrap_or(name))
                }
                Kind::Switch(switch) => format!(
                    "{}: {}",
                    short_label(s.label),
                    if (switch.get)(scenario) { "yes" } else { "no" }
                ),
                Kind::Date(date) => format!("{}: {}", s.name, (date.get)(scenario)),
            })
            .collect();
        if !parts.is_empty() {
            groups.push(format!("{}: {}.", group.legend(), parts.join("; ")));
        }
    }
    groups.join(" ")
}

/// A switch's label up to its first explanation in brackets or after a colon.
fn short_label(label: &str) -> &str {
    let end = label.find([':', '(']).unwrap_or(label.len());
    label[..end].trim_end()
}

/// `text` in lines of at most `width` characters, broken at spaces; a word
/// longer than a line (a link) is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        if len > 0 && len + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        // Here the line is empty, or the word fits on it.
        while word.len() > width {
            lines.push(word.drain(..width).collect());
        }
        if word.is_empty() {
            continue;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        len += word.len();
        line.extend(word);
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

/// The downloaded file's name: `scope-explorer-chart-{as-of date}.{extension}`.
pub fn file_name(scenario: &Scenario, extension: &str) -> String {
    format!("scope-explorer-chart-{}.{extension}", scenario.as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};

    #[test]
    fn lines_keep_to_the_width_and_lose_no_word() {
        let text = "The quick brown fox jumps over the lazy dog, twice over and again.";
        for width in [1, 5, 10, 17, 80] {
            let lines = wrap(text, width);
            assert!(
                lines.iter().all(|l| l.chars().count() <= width),
                "{lines:?}"
            );
            assert!(lines
                .iter()
                .all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
            if width >= 7 {
                // No word is longer than 7 characters: none is cut.
                assert_eq!(lines.join(" "), text, "{width}");
            } else {
                assert_eq!(lines.concat(), text.replace(' ', ""), "{width}");
            }
        }
        assert_eq!(wrap("", 10), Vec::<String>::new());
        // A long link is cut into lines of the width.
        let link = format!("This view: https://example.org/?{}", "a".repeat(50));
        let lines = wrap(&link, 20);
        assert_eq!(lines[0], "This view:");
        assert!(lines[1..].iter().all(|l| l.chars().count() <= 20));
        assert_eq!(
            lines[1..].concat(),
            format!("https://example.org/?{}", "a".repeat(50))
        );
    }

    #[test]
    fn the_scenario_in_words_names_what_differs() {
        let sb53 = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let words = scenario_words(&sb53);
        assert!(
            words.contains("US compute threshold: 1 × 10²⁶ FLOP"),
            "{words}"
        );
        assert!(
            words.contains("fine-tune rule: Cumulative compute (SB 53 style)"),
            "{words}"
        );
        assert!(words.contains("EU AI Act what-ifs: "), "{words}");
        assert!(
            words.contains(&format!("as-of date: {DEFAULT_AS_OF}")),
            "{words}"
        );
        // Optional tests that are off read as such; switches as yes or no.
        assert!(words.contains("no cost test"), "{words}");
        assert!(
            words.contains("Count the base model's compute in another developer's fine-tune: yes"),
            "{words}"
        );
        // A setting that does not apply is not named.
        assert!(!words.contains("ECI score at least"), "{words}");

        let mut other = sb53.clone();
        other.us.compute_threshold_flop = 3e25;
        other.us.cost_threshold_usd = Some(1e8);
        let changed = scenario_words(&other);
        assert!(
            changed.contains("US compute threshold: 3 × 10²⁵ FLOP"),
            "{changed}"
        );
        assert!(changed.contains("cost test: "), "{changed}");
        assert!(!changed.contains("no cost test"), "{changed}");
    }

    #[test]
    fn the_caption_has_title_scenario_counts_and_source() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find("eu-ai-act", DEFAULT_AS_OF).unwrap().scenario;
        let summary = evaluate(&catalog, &scenario).summary;
        let link = "http://127.0.0.1:8080/?us_flop=1e25";
        let caption = caption(&summary, &scenario, link);
        assert_eq!(caption.title, TITLE);
        let text = caption.lines.join(" ");
        assert!(text.starts_with(&scenario_words(&scenario)), "{text}");
        assert!(
            text.ends_with(&presentation::headline(&summary, &scenario)),
            "{text}"
        );
        let source = caption.source.join(" ");
        assert!(source.starts_with(&embed::source_line()), "{source}");
        assert!(source.ends_with(link), "{source}");
        for line in caption.lines.iter().chain(&caption.source) {
            assert!(line.chars().count() <= LINE_CHARS, "{line}");
        }
        assert_eq!(
            file_name(&scenario, "png"),
            format!("scope-explorer-chart-{DEFAULT_AS_OF}.png")
        );
    }
}
