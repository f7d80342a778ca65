//! The embedded view: what its own parameters mean (`controls`,
//! `sensitivity`, `note`, beside the scenario's), the source line it shows,
//! and the static fallback that stands in before (or without) JavaScript.
//!
//! ```
//! use scope_explorer::embed::{self, Controls};
//!
//! let split = embed::split("?controls=us_flop&sensitivity=1&us_flop=1e25&bogus=1");
//! assert!(matches!(split.options.controls, Controls::One(_)));
//! assert!(split.options.sensitivity);
//! assert_eq!(split.scenario_query, "us_flop=1e25&bogus=1");
//! assert!(split.ignored.is_empty());
//! ```

use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::evaluate::evaluate;
use crate::presentation;
use crate::presets::{self, DEFAULT_AS_OF};
use crate::scenario::Scenario;
use crate::settings::{Kind, Page, SETTINGS};
use crate::urlstate;

mod fallback;

pub use fallback::{blocks, escape, fill, scenario_html, summaries_html, FALLBACK_AS_OF, FILES};

/// The parameters only an embed reads; every other one is the scenario's.
pub const PARAMS: [&str; 3] = ["controls", "sensitivity", "note"];

/// The date of the Notable AI Models snapshot the dataset is built from
/// (data/README.md, "Inputs").
pub const DATA_SNAPSHOT: IsoDate = DEFAULT_AS_OF;

/// The longest `note` kept, in characters.
const NOTE_MAX_CHARS: usize = 280;

/// Which controls an embed shows (`controls=all|none|<param>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    /// The whole form (the default).
    All,
    /// None: a fixed view.
    None,
    /// One slider, by its index in [`SETTINGS`] (`controls=us_flop`).
    One(usize),
}

/// How an embed is laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The controls shown.
    pub controls: Controls,
    /// Whether the sensitivity curve is shown (`sensitivity=1`; off by default).
    pub sensitivity: bool,
    /// An annotation shown above the view (`note=...`), as plain text.
    pub note: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            controls: Controls::All,
            sensitivity: false,
            note: None,
        }
    }
}

/// A query split into the embed's options and the scenario's parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// The layout.
    pub options: Options,
    /// Every other parameter, for [`urlstate::decode`].
    pub scenario_query: String,
    /// One message per embed parameter that was not used, as the URL decoder words them.
    pub ignored: Vec<String>,
}

/// The sliders `controls=<param>` can keep: their URL parameters.
/// Each once, in page order: two settings (the capability thresholds on
/// ECI and on Cybench) share `cap_min`.
pub fn slider_params() -> impl Iterator<Item = &'static str> {
    SETTINGS
        .iter()
        .enumerate()
        .filter(|(i, s)| slider_index(s.param) == Some(*i))
        .map(|(_, s)| s.param)
}

/// Splits a query (a leading `?` allowed) into the embed's options and the
/// rest. Never fails: a bad value is ignored with a message and the
/// default kept.
pub fn split(query: &str) -> Split {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut options = Options::default();
    let mut ignored = Vec::new();
    let mut seen = Vec::new();
    let mut rest = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        if !PARAMS.contains(&name.as_ref()) {
            rest.append_pair(&name, &value);
            continue;
        }
        let quoted = quote(&value);
        if seen.contains(&name) {
            ignored.push(format!(
                "ignored repeated parameter \"{name}\" (value {quoted}); the first one is used"
            ));
            continue;
        }
        seen.push(name.clone());
        match name.as_ref() {
            "controls" => match value.as_ref() {
                "all" => options.controls = Controls::All,
                "none" => options.controls = Controls::None,
                param => match slider_index(param) {
                    Some(i) => options.controls = Controls::One(i),
                    None => ignored.push(format!(
                        "controls: expected all, none or a slider's parameter ({}), got {quoted}; showing all controls",
                        slider_params().collect::<Vec<_>>().join(", ")
                    )),
                },
            },
            "sensitivity" => match value.as_ref() {
                "1" => options.sensitivity = true,
                "0" => options.sensitivity = false,
                _ => ignored.push(format!(
                    "sensitivity: expected 1 or 0, got {quoted}; the curve stays hidden"
                )),
            },
            _ => {
                let note = value.trim();
                if note.chars().count() > NOTE_MAX_CHARS {
                    ignored.push(format!(
                        "note: longer than {NOTE_MAX_CHARS} characters; not shown"
                    ));
                } else if !note.is_empty() {
                    options.note = Some(note.to_string());
                }
            }
        }
    }
    Split {
        options,
        scenario_query: rest.finish(),
        ignored,
    }
}

/// What `controls` keeps of a view of `scenario`: a kept slider whose
/// setting does not apply there (`controls=cap_min` in a view without a
/// capability test) would leave an empty box, so none is kept instead, with
/// a message saying why. Otherwise `controls` as it is.
pub fn usable_controls(controls: Controls, scenario: &Scenario) -> (Controls, Option<String>) {
    let Controls::One(i) = controls else {
        return (controls, None);
    };
    let Some(kept) = SETTINGS.get(i) else {
        return (Controls::None, None);
    };
    // Settings that share the parameter apply one at a time.
    if SETTINGS
        .iter()
        .any(|s| s.param == kept.param && (s.applies)(scenario))
    {
        return (controls, None);
    }
    (
        Controls::None,
        Some(format!(
            "controls={}: this view has no {} to set, so the embed keeps no control",
            kept.param, kept.name
        )),
    )
}

fn slider_index(param: &str) -> Option<usize> {
    SETTINGS.iter().position(|s| {
        s.param == param && matches!(s.kind, Kind::Slider(_)) && !matches!(s.page, Page::NoControl)
    })
}

fn quote(raw: &str) -> String {
    const MAX_CHARS: usize = 40;
    if raw.chars().count() > MAX_CHARS {
        let head: String = raw.chars().take(MAX_CHARS).collect();
        format!("{head:?}…")
    } else {
        format!("{raw:?}")
    }
}

/// The source line every embed shows.
pub fn source_line() -> String {
    format!(
        "Source: Epoch AI, \u{201c}Data on AI Models\u{201d} (CC BY 4.0), snapshot of {DATA_SNAPSHOT}."
    )
}

/// The query of an embed of `scenario` with `options`: the scenario's
/// whole state (its as-of date included, so the view keeps telling the
/// story it was written about), then the embed's own parameters.
pub fn query(scenario_query: &str, options: &Options) -> String {
    let mut query = form_urlencoded::Serializer::new(scenario_query.to_string());
    match options.controls {
        Controls::All => {}
        Controls::None => {
            query.append_pair("controls", "none");
        }
        Controls::One(i) => {
            query.append_pair("controls", SETTINGS[i].param);
        }
    }
    if options.sensitivity {
        query.append_pair("sensitivity", "1");
    }
    if let Some(note) = &options.note {
        query.append_pair("note", note);
    }
    query.finish()
}

/// The headline of the scenario a query describes, read from the default
/// view at `as_of` (what an embed without an `as_of` would show on that day).
pub fn headline_for(catalog: &Catalog, query: &str, as_of: IsoDate) -> Option<(String, IsoDate)> {
    let base = presets::default_view(as_of)?;
    let split = split(query);
    let scenario = urlstate::decode(&split.scenario_query, &base).scenario;
    let summary = evaluate(catalog, &scenario).summary;
    Some((presentation::headline(&summary, &scenario), scenario.as_of))
}

#[cfg(test)]
mod tests;
