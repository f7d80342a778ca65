//! What the user says about a model to check, and its validation: every
//! error names its field, and all of them are reported at once.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::compute::{accelerator, ComputeInput};
use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::scenario::{MAX_FLOP, MIN_FLOP};

/// What a model generates, for the EU's GPAI criterion (guidelines sec.
/// 2.1: language, text to image, text to video; audio is spoken language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// Text (code included).
    Text,
    /// Images.
    Images,
    /// Video.
    Video,
    /// Audio (speech).
    Audio,
    /// Anything else (vectors, actions, predictions).
    Other,
}

impl Output {
    /// Every kind, in the form's order.
    pub const ALL: [Output; 5] = [
        Output::Text,
        Output::Images,
        Output::Video,
        Output::Audio,
        Output::Other,
    ];

    /// The name in URLs and the API.
    pub fn name(self) -> &'static str {
        match self {
            Output::Text => "text",
            Output::Images => "images",
            Output::Video => "video",
            Output::Audio => "audio",
            Output::Other => "other",
        }
    }

    /// The kind with this name.
    pub fn parse(name: &str) -> Option<Output> {
        Output::ALL.into_iter().find(|o| o.name() == name.trim())
    }

    /// Epoch's domain and task words for it, which the one GPAI criterion
    /// ([`crate::rules::eu::generative_from_fields`]) reads.
    pub(super) fn epoch_words(self) -> (&'static str, &'static str) {
        match self {
            Output::Text => ("Language", "Language modeling"),
            Output::Images => ("Image generation", "Text-to-image"),
            Output::Video => ("Video", "Text-to-video"),
            Output::Audio => ("Speech", "Speech synthesis"),
            Output::Other => ("Other", ""),
        }
    }
}

/// A model to check: everything the form asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    /// A name to show (defaults to "Your model").
    #[serde(default)]
    pub name: Option<String>,
    /// Training compute; may be left out for a fine-tune with its own compute.
    #[serde(default)]
    pub compute: Option<ComputeInput>,
    /// Publication date.
    pub publication_date: IsoDate,
    /// Epoch Capabilities Index score, if known.
    #[serde(default)]
    pub eci: Option<f64>,
    /// Cybench unguided % solved (0 to 100), if known.
    #[serde(default)]
    pub cybench_pct: Option<f64>,
    /// Training cost in US dollars, if known: the model's total, as the
    /// training compute is (a fine-tune's with its base model's included;
    /// the rules read a figure below the base's as the fine-tuning alone),
    /// for the cost tests (RAISE as signed, SB 1047: over $100M).
    #[serde(default)]
    pub cost_usd: Option<f64>,
    /// What it generates (at least one).
    pub generates: Vec<Output>,
    /// The catalog model it fine-tunes, by name.
    #[serde(default)]
    pub base_model: Option<String>,
    /// The fine-tuning's own compute in FLOP.
    #[serde(default)]
    pub finetune_flop: Option<f64>,
    /// Whether the fine-tuner is the base model's developer.
    #[serde(default)]
    pub same_developer: bool,
    /// Whether it was trained primarily on biological sequence data: a
    /// definition with a lower threshold for those (EO 14110 sec. 4.2(b):
    /// more than 1e23) applies it.
    #[serde(default)]
    pub biological: bool,
}

/// One bad field of a check: the field's name and what is wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldError {
    /// The field, as in the API (`compute.tokens`, `publication_date`).
    pub field: &'static str,
    /// What is wrong, with the accepted range and its unit.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every bad field, joined into one message ("a: ...; b: ...").
pub fn joined(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Longest name accepted, in characters.
pub const MAX_NAME: usize = 100;

/// A number's accepted range and unit, for its message.
pub(super) struct Range {
    pub(super) field: &'static str,
    pub(super) min: f64,
    pub(super) max: f64,
    pub(super) unit: &'static str,
    /// Ways to write a good value, for the message when the text is not a
    /// number.
    pub(super) example: &'static str,
}

/// The fields with numbers, their ranges and units.
pub(super) const FLOP: Range = Range {
    field: "compute.flop",
    min: MIN_FLOP,
    max: MAX_FLOP,
    unit: "FLOP",
    example: "6.3e24 or 6.3 × 10²⁴",
};
pub(super) const PARAMETERS: Range = Range {
    field: "compute.parameters",
    min: 1e3,
    max: 1e15,
    unit: "parameters",
    example: "70B or 7e10",
};
pub(super) const TOKENS: Range = Range {
    field: "compute.tokens",
    min: 1e3,
    max: 1e17,
    unit: "tokens",
    example: "15T or 1.5e13",
};
pub(super) const CHIPS: Range = Range {
    field: "compute.chips",
    min: 1.0,
    max: 1e7,
    unit: "chips",
    example: "1024",
};
pub(super) const DAYS: Range = Range {
    field: "compute.days",
    min: 0.01,
    max: 3650.0,
    unit: "days",
    example: "90",
};
pub(super) const UTILISATION: Range = Range {
    field: "compute.utilisation_pct",
    min: 1.0,
    max: 100.0,
    unit: "%",
    example: "40",
};
pub(super) const ECI: Range = Range {
    field: "eci",
    min: 0.0,
    max: 300.0,
    unit: "ECI points",
    example: "150 or 142.5",
};
pub(super) const CYBENCH: Range = Range {
    field: "cybench_pct",
    min: 0.0,
    max: 100.0,
    unit: "% solved",
    example: "35 or 12.5",
};
pub(super) const COST: Range = Range {
    field: "cost_usd",
    min: 1e3,
    max: 1e12,
    unit: "US dollars",
    example: "150M or 1.5e8",
};
pub(super) const FINETUNE: Range = Range {
    field: "finetune_flop",
    min: MIN_FLOP,
    max: MAX_FLOP,
    unit: "FLOP",
    example: "5e24 or 5 × 10²⁴",
};

/// A bound as people read it: `1e18`, `3650`, `0.01`.
fn number(value: f64) -> String {
    if value.abs() >= 1e5 {
        crate::format::sci4(value)
    } else {
        crate::format::plain4(value)
    }
}

/// A name as it compares loosely: lower case, letters and digits only
/// ("Llama 3.1 405B" and "llama-3.1-405b" both read "llama31405b").
fn loose(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Longest list of names a "did you mean" suggests.
const SUGGESTIONS: usize = 3;

/// The catalog model a base model's name means: the exact name (any case),
/// or the one name that reads the same ignoring case, spaces and
/// punctuation; otherwise a message suggesting the closest names.
pub fn find_base(catalog: &Catalog, name: &str) -> Result<usize, String> {
    if let Some(index) = catalog.find(name) {
        return Ok(index);
    }
    let wanted = loose(name);
    let same: Vec<usize> = (0..catalog.models.len())
        .filter(|&i| !wanted.is_empty() && loose(&catalog.models[i].name) == wanted)
        .collect();
    if let [index] = same[..] {
        return Ok(index);
    }
    // Several names that read the same, or else the names containing what
    // was typed (or contained in it), shortest first.
    let name_of = |i: usize| &catalog.models[i].name;
    let mut near = same;
    if near.is_empty() && wanted.chars().count() >= 3 {
        near = (0..catalog.models.len())
            .filter(|&i| {
                let other = loose(&catalog.models[i].name);
                other.contains(&wanted) || (other.chars().count() >= 3 && wanted.contains(&other))
            })
            .collect();
        crate::sort::sort_by(&mut near, |&a, &b| {
            (name_of(a).len(), name_of(a)).cmp(&(name_of(b).len(), name_of(b)))
        });
    }
    // Else the names a typo or two away ("Gemni 1.5 Pro"): at most one
    // edit (a letter added, dropped, changed, or two swapped) in five
    // characters, fewest edits first.
    if near.is_empty() && wanted.chars().count() >= 4 {
        let most = (wanted.chars().count() / 5).max(1);
        let mut scored: Vec<(usize, usize)> = (0..catalog.models.len())
            .map(|i| (strsim::osa_distance(&wanted, &loose(name_of(i))), i))
            .filter(|&(edits, _)| edits <= most)
            .collect();
        crate::sort::sort_by(&mut scored, |a, b| {
            (a.0, name_of(a.1).len(), name_of(a.1)).cmp(&(b.0, name_of(b.1).len(), name_of(b.1)))
        });
        near = scored.into_iter().map(|(_, i)| i).collect();
    }
    // Else the names sharing the most words with it ("Llama 9 999B"
    // shares "llama" with the Llamas), shortest first among equals.
    if near.is_empty() {
        let words_of = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
                .map(loose)
                .collect()
        };
        let typed = words_of(name);
        let mut scored: Vec<(usize, usize)> = (0..catalog.models.len())
            .map(|i| {
                let words = words_of(&catalog.models[i].name);
                (typed.iter().filter(|w| words.contains(w)).count(), i)
            })
            .filter(|&(shared, _)| shared > 0)
            .collect();
        crate::sort::sort_by(&mut scored, |a, b| {
            (std::cmp::Reverse(a.0), name_of(a.1).len(), name_of(a.1)).cmp(&(
                std::cmp::Reverse(b.0),
                name_of(b.1).len(),
                name_of(b.1),
            ))
        });
        near = scored.into_iter().map(|(_, i)| i).collect();
    }
    let names: Vec<&str> = near
        .iter()
        .take(SUGGESTIONS)
        .map(|&i| catalog.models[i].name.as_str())
        .collect();
    Err(match names[..] {
        [] => format!("no model called {name:?} in the catalog"),
        [one] => format!("no model called {name:?} in the catalog; did you mean {one}?"),
        _ => format!(
            "no model called {name:?} in the catalog; did you mean one of {}?",
            names.join(", ")
        ),
    })
}

/// A number as given, short: `1e40`, `-3e25`, `40`, `0.5` (never forty
/// digits).
pub(super) fn given(value: f64) -> String {
    if value != 0.0 && !(1e-3..1e5).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

impl Range {
    /// Notes an error when `value` is outside the range, quoting it short.
    pub(super) fn check(&self, value: f64, errors: &mut Vec<FieldError>) {
        self.check_as_typed(value, &given(value), errors);
    }

    /// Notes an error when `value` is outside the range, quoting `typed`
    /// (the text the value was read from).
    pub(super) fn check_as_typed(&self, value: f64, typed: &str, errors: &mut Vec<FieldError>) {
        if !(value.is_finite() && value >= self.min && value <= self.max) {
            errors.push(FieldError {
                field: self.field,
                message: format!(
                    "must be a number from {} to {} {}, got {typed}",
                    number(self.min),
                    number(self.max),
                    self.unit
                ),
            });
        }
    }
}

impl CheckInput {
    /// Every bad field, in the form's order; empty when the input is good.
    pub fn errors(&self, catalog: &Catalog) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(name) = &self.name {
            if name.chars().count() > MAX_NAME {
                errors.push(FieldError {
                    field: "name",
                    message: format!("must be at most {MAX_NAME} characters"),
                });
            }
        }
        match &self.compute {
            None if self.base_model.is_none() => errors.push(FieldError {
                field: "compute",
                message: "give the training compute (in FLOP, from parameters and tokens, or from hardware); only a fine-tune may leave it out".into(),
            }),
            None => {}
            Some(ComputeInput::Flop { flop }) => FLOP.check(*flop, &mut errors),
            Some(ComputeInput::Parameters { parameters, tokens }) => {
                PARAMETERS.check(*parameters, &mut errors);
                TOKENS.check(*tokens, &mut errors);
            }
            Some(ComputeInput::Hardware {
                chip,
                chips,
                days,
                utilisation_pct,
            }) => {
                if accelerator(chip).is_none() {
                    errors.push(FieldError {
                        field: "compute.chip",
                        message: format!(
                            "unknown chip {chip:?}; one of {}",
                            super::compute::ACCELERATORS.map(|a| a.id).join(", ")
                        ),
                    });
                }
                let before = errors.len();
                CHIPS.check(*chips, &mut errors);
                if errors.len() == before && chips.fract() != 0.0 {
                    errors.push(FieldError {
                        field: "compute.chips",
                        message: format!(
                            "must be a whole number of chips, got {}",
                            given(*chips)
                        ),
                    });
                }
                DAYS.check(*days, &mut errors);
                UTILISATION.check(*utilisation_pct, &mut errors);
            }
        }
        if let Some(flop) = self
            .compute
            .as_ref()
            .and_then(|c| c.report())
            .map(|r| r.flop)
        {
            if !(MIN_FLOP..=MAX_FLOP).contains(&flop) {
                errors.push(FieldError {
                    field: "compute",
                    message: format!(
                        "the training compute works out at {flop:e} FLOP, outside 1e18 to 1e30 FLOP"
                    ),
                });
            }
        }
        if let Some(eci) = self.eci {
            ECI.check(eci, &mut errors);
        }
        if let Some(pct) = self.cybench_pct {
            CYBENCH.check(pct, &mut errors);
        }
        if let Some(cost) = self.cost_usd {
            COST.check(cost, &mut errors);
        }
        if self.generates.is_empty() {
            errors.push(FieldError {
                field: "generates",
                message: "choose at least one kind of output (text, images, video, audio, other)"
                    .into(),
            });
        }
        match &self.base_model {
            Some(base) => {
                if let Err(message) = find_base(catalog, base) {
                    errors.push(FieldError {
                        field: "base_model",
                        message,
                    });
                }
            }
            None if self.finetune_flop.is_some() => errors.push(FieldError {
                field: "finetune_flop",
                message: "applies only to a fine-tune: choose its base model".into(),
            }),
            None => {}
        }
        if let Some(flop) = self.finetune_flop {
            FINETUNE.check(flop, &mut errors);
        }
        if self.base_model.is_some() && self.compute.is_none() && self.finetune_flop.is_none() {
            errors.push(FieldError {
                field: "compute",
                message: "give the fine-tune's own compute or the training compute".into(),
            });
        }
        errors
    }
}
