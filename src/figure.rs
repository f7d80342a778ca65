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
//! assert_eq!(
//!     figure::file_name(&scenario, "svg"),
//!     "scope-explorer-chart-2026-08-08-us-1.0e26-flop.svg"
//! );
//! ```

use crate::cards::Card;
use crate::evaluate::Summary;
use crate::labs::Labs;
use crate::scenario::Scenario;
use crate::settings::{Group, Kind, SETTINGS};
use crate::{embed, export, presentation};

/// What the plot is, said under the counts in the image.
pub const TITLE: &str = "Scope explorer: models by date and training compute";

/// Characters per line of the image's title (16 px, bold).
pub const TITLE_CHARS: usize = 76;

/// The vertical axis's title (the page's hint says the same in words).
pub const Y_AXIS: &str = "Training compute (FLOP, log scale)";

/// The horizontal axis's title.
pub const X_AXIS: &str = "Publication date";

/// Characters per line of the image's small text (11 px on a 720-unit-wide
/// image leaves room for about this many).
pub const LINE_CHARS: usize = 112;

/// Every text of a downloaded chart, in lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The title: the answer, who each regime covers in labs and models.
    pub title: Vec<String>,
    /// Each regime's definition as its card says it (with why there is no
    /// US line, when the US definition has no compute test), the counts
    /// with their ranges, the labs, then what the plot is.
    pub lines: Vec<String>,
    /// Every setting in words, the source line, then the link to the view.
    pub source: Vec<String>,
}

/// The image's title from the cards: "US candidate definition: about 3
/// labs, 6 models. EU AI Act: systemic-risk tier: about 17 labs, 61
/// models." A journalist tester's image opened on a generic title and a
/// block of settings; the answer now comes first.
pub fn title_words(cards: &[Card; 2]) -> String {
    let [us, eu] = cards;
    format!(
        "{}: {}. {}: {}.",
        us.title,
        crate::cards::big_words(us),
        eu.title,
        crate::cards::big_words(eu)
    )
}

/// The labs a regime covers, as its card lists them, for a caption: "US
/// candidate definition covers: xAI (4), OpenAI (1), ~SenseTime (1)." Every
/// lab is named (a journalist tester could not tell the five an earlier
/// "and 5 more" left out), then those in only at the high end.
pub fn labs_line(card: &Card) -> String {
    let named = card
        .named
        .iter()
        .map(crate::cards::lab_words)
        .collect::<Vec<_>>()
        .join(", ");
    let shared = crate::cards::shared_words(card).unwrap_or_default();
    let mut line = if card.named.is_empty() {
        format!("{} covers no lab.", card.title)
    } else {
        format!("{} covers: {named}{shared}.", card.title)
    };
    if let Some(possible) = crate::cards::possible_words(card) {
        line.push(' ');
        line.push_str(&possible);
    }
    line
}

/// The caption of a chart of `scenario`, whose counts are `summary` and
/// whose labs are `labs`; `link` is the page's link to the same view.
pub fn caption(summary: &Summary, labs: &Labs, scenario: &Scenario, link: &str) -> Caption {
    let cards = crate::cards::cards(summary, labs, scenario);
    let mut lines = Vec::new();
    for card in &cards {
        lines.extend(wrap(
            &format!("{}: {}", card.title, card.definition),
            LINE_CHARS,
        ));
    }
    if let Some(note) = no_us_line(scenario) {
        lines.extend(wrap(note, LINE_CHARS));
    }
    lines.extend(wrap(&presentation::headline(summary, scenario), LINE_CHARS));
    // Which labs, as the cards name them: the image answers "which ones"
    // on its own (a journalist tester's chart had markers on top of each
    // other and no names).
    for card in &cards {
        lines.extend(wrap(&labs_line(card), LINE_CHARS));
    }
    let estimated = cards.iter().any(|c| c.named.iter().any(|lab| !lab.sure));
    lines.extend(wrap(
        if estimated {
            "Labs are lead developers, with their models covered in brackets; ~: in at the central estimate, not at its low end."
        } else {
            "Labs are lead developers, with their models covered in brackets."
        },
        LINE_CHARS,
    ));
    lines.push(format!("{TITLE}."));
    // Every setting, for the record, in the small print with the source.
    let mut source = wrap(
        &format!("Settings: {}", scenario_words(scenario)),
        LINE_CHARS,
    );
    source.extend(wrap(&embed::source_line(), LINE_CHARS));
    source.extend(wrap_link("This view:", link, LINE_CHARS));
    Caption {
        title: wrap(&title_words(&cards), TITLE_CHARS),
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

/// What the chart says in place of the US compute line when the US
/// definition has no compute test (capability only), or `None` when it
/// has one and the line is drawn.
pub fn no_us_line(scenario: &Scenario) -> Option<&'static str> {
    (!scenario.us.combine.uses_compute()).then_some(
        "No US line: the US definition in this view has no compute threshold (it tests capability only), so a model's height on the chart does not decide its US verdict.",
    )
}

/// `label` and `link` in lines of at most `width` characters, the link
/// broken only before a `&`, between two of its parameters, so that each
/// line reads and copies as whole parameters. A single parameter longer
/// than a line (none of the page's own) is cut.
pub fn wrap_link(label: &str, link: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut pieces = Vec::new();
    let mut rest = link;
    while let Some((at, _)) = rest.char_indices().skip(1).find(|(_, c)| *c == '&') {
        pieces.push(&rest[..at]);
        rest = &rest[at..];
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    let mut lines = Vec::new();
    let mut line = label.to_string();
    let mut len = label.chars().count();
    let mut first = true;
    for piece in pieces {
        // The link's first piece follows the label after a space.
        let gap = usize::from(first && len > 0);
        let size = piece.chars().count();
        if len > 0 && len + gap + size > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        } else if gap == 1 {
            line.push(' ');
            len += 1;
        }
        first = false;
        let mut chars: Vec<char> = piece.chars().collect();
        while len + chars.len() > width {
            let cut: String = chars.drain(..width - len).collect();
            line.push_str(&cut);
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        len += chars.len();
        line.extend(chars);
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

/// The downloaded picture's name: `scope-explorer-chart-{as-of date}-us-{US
/// compute threshold}-flop.{extension}`, named as the table's CSV is
/// ([`export::file_name`]).
pub fn file_name(scenario: &Scenario, extension: &str) -> String {
    export::file_name(Some("chart"), scenario, extension)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};

    fn labs_of(catalog: &Catalog, scenario: &Scenario) -> Labs {
        crate::labs::labs(catalog, &evaluate(catalog, scenario).verdicts)
    }

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
    fn a_link_breaks_only_between_its_parameters() {
        let link = "https://example.org/scope/?preset=narrow&as_of=2026-08-08&us_flop=1e26&eu_tier=systemic_risk&est=1&level=0.9";
        // Widths from the longest piece (the address and its first
        // parameter, 40 characters) up.
        for width in [40, 45, 60, 80, 200] {
            let lines = wrap_link("This view:", link, width);
            assert!(lines[0].starts_with("This view:"), "{lines:?}");
            for line in &lines {
                assert!(line.chars().count() <= width, "{width}: {line}");
            }
            // Every line after the link's first starts a parameter, and ends
            // where one ends: nothing is cut inside a parameter.
            let start = lines.iter().position(|l| l.contains("https://")).unwrap();
            assert!(start <= 1, "{lines:?}");
            for line in &lines[start + 1..] {
                assert!(line.starts_with('&'), "{width}: {lines:?}");
            }
            let joined = lines[start..].concat();
            assert_eq!(joined.strip_prefix("This view: ").unwrap_or(&joined), link);
            let pieces: Vec<&str> = link.split('&').collect();
            for line in &lines[start + 1..] {
                for part in line.split('&').skip(1) {
                    assert!(pieces.contains(&part), "{width}: {part} is whole");
                }
            }
            if width == 200 {
                assert_eq!(lines, vec![format!("This view: {link}")]);
            }
        }
        // The label alone on its line when the link's first piece is long.
        let lines = wrap_link("This view:", link, 40);
        assert_eq!(lines[0], "This view:");
        assert_eq!(lines[1], "https://example.org/scope/?preset=narrow");
        // A parameter longer than a line is cut, and nothing is lost.
        let long = format!("https://e.org/?note={}&x=1", "a".repeat(70));
        let lines = wrap_link("This view:", &long, 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(lines.concat(), format!("This view:{long}"));
        assert_eq!(lines.last().map(String::as_str), Some("&x=1"));
    }

    #[test]
    fn the_caption_link_keeps_the_views_parameters_whole() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find("narrow", DEFAULT_AS_OF).unwrap().scenario;
        let summary = evaluate(&catalog, &scenario).summary;
        let link = format!(
            "http://127.0.0.1:8961/?{}",
            crate::urlstate::encode(&scenario)
        );
        assert!(link.chars().count() > LINE_CHARS, "a link of several lines");
        let caption = caption(&summary, &labs_of(&catalog, &scenario), &scenario, &link);
        let at = caption
            .source
            .iter()
            .position(|l| l.starts_with("This view: "))
            .unwrap();
        let lines = &caption.source[at..];
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with('&')), "{lines:?}");
        assert_eq!(lines.concat(), format!("This view: {link}"));
    }

    #[test]
    fn only_a_capability_only_definition_has_no_us_line() {
        let catalog = Catalog::embedded().unwrap();
        for preset in presets::all(DEFAULT_AS_OF) {
            let scenario = &preset.scenario;
            let note = no_us_line(scenario);
            assert_eq!(
                note.is_some(),
                scenario.us.combine == crate::scenario::Combine::CapabilityOnly,
                "{}",
                preset.id
            );
            if let Some(note) = note {
                assert!(note.contains("no compute threshold"), "{note}");
            }
            // The downloaded chart says it too.
            let summary = evaluate(&catalog, scenario).summary;
            let text = caption(
                &summary,
                &labs_of(&catalog, scenario),
                scenario,
                "http://x/",
            )
            .lines
            .join(" ");
            assert_eq!(text.contains("No US line: "), note.is_some(), "{text}");
        }
        let narrow = presets::find("narrow", DEFAULT_AS_OF).unwrap().scenario;
        assert!(no_us_line(&narrow).is_some());
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
        let caption = caption(&summary, &labs_of(&catalog, &scenario), &scenario, link);
        let text = caption.lines.join(" ");
        // The answer first: each regime's labs and models, as the cards.
        let [us, eu] = crate::cards::cards(&summary, &labs_of(&catalog, &scenario), &scenario);
        let title = caption.title.join(" ");
        assert_eq!(title, title_words(&[us.clone(), eu.clone()]));
        assert!(
            title.starts_with(&format!(
                "US candidate definition: {}. EU AI Act: systemic-risk tier: ",
                crate::cards::big_words(&us)
            )),
            "{title}"
        );
        assert!(
            caption
                .title
                .iter()
                .all(|l| l.chars().count() <= TITLE_CHARS),
            "{:?}",
            caption.title
        );
        // Then each definition as its card says it, and what the plot is.
        assert!(
            text.starts_with(&format!("US candidate definition: {}", us.definition)),
            "{text}"
        );
        assert!(
            text.contains(&format!("EU AI Act: systemic-risk tier: {}", eu.definition)),
            "{text}"
        );
        assert!(text.ends_with(&format!("{TITLE}.")), "{text}");
        // Every setting, in the small print.
        let source = caption.source.join(" ");
        assert!(
            source.starts_with(&format!("Settings: {}", scenario_words(&scenario))),
            "{source}"
        );
        assert!(
            text.contains(&presentation::headline(&summary, &scenario)),
            "{text}"
        );
        // Which labs, as the cards name them: every one, then those in
        // only at the high end.
        let line = labs_line(&us);
        assert!(text.contains(&line), "{text}");
        let first = crate::cards::lab_words(&us.named[0]);
        assert!(
            line.starts_with(&format!("US candidate definition covers: {first}, ")),
            "{line}"
        );
        assert!(eu.named.len() > 12, "{}", eu.named.len());
        let line = labs_line(&eu);
        let last = crate::cards::lab_words(eu.named.last().unwrap());
        assert!(line.contains(&last) && line.ends_with('.'), "{line}");
        assert!(!line.contains("more."), "{line}");
        assert!(text.contains(&line), "{text}");
        if let Some(possible) = crate::cards::possible_words(&us) {
            assert!(text.contains(&possible), "{text}");
        }
        // The card's note when the labs' counts add up to more than its models.
        let shared = crate::cards::shared_words(&eu).expect("the EU card's note in this view");
        assert!(labs_line(&eu).contains(shared), "{}", labs_line(&eu));
        // "~" is explained where a lab has it.
        let unsure = [&us, &eu]
            .iter()
            .any(|c| c.named.iter().any(|lab| !lab.sure));
        assert_eq!(
            text.contains("~: in at the central estimate"),
            unsure,
            "{text}"
        );
        let mut none = us.clone();
        none.named.clear();
        none.possible.clear();
        assert_eq!(labs_line(&none), "US candidate definition covers no lab.");
        assert!(source.contains(&embed::source_line()), "{source}");
        assert!(source.ends_with(link), "{source}");
        for line in caption.lines.iter().chain(&caption.source) {
            assert!(line.chars().count() <= LINE_CHARS, "{line}");
        }
        assert_eq!(
            file_name(&scenario, "png"),
            export::file_name(Some("chart"), &scenario, "png")
        );
    }
}
