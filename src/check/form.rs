//! The check form as typed: every field a string, kept as the user wrote
//! it (the page and the URL hold this), and read into a [`CheckInput`]
//! with one error per bad field.

use serde::{Deserialize, Serialize};

use super::compute::ComputeInput;
use super::input::{self, CheckInput, FieldError, Output, Range};
use crate::catalog::Catalog;
use crate::date::IsoDate;

/// The three ways to give training compute.
pub const METHODS: [&str; 3] = ["flop", "parameters", "hardware"];

/// The form's fields, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckForm {
    /// Name to show.
    pub name: String,
    /// One of [`METHODS`]; empty means "flop".
    pub method: String,
    /// Training compute in FLOP.
    pub flop: String,
    /// Parameters, a count ("70e9", "70B").
    pub parameters: String,
    /// Training tokens, a count ("15e12", "15T").
    pub tokens: String,
    /// Accelerator id.
    pub chip: String,
    /// Number of chips.
    pub chips: String,
    /// Training days.
    pub days: String,
    /// Utilisation in percent.
    pub utilisation_pct: String,
    /// Publication date, ISO.
    pub publication_date: String,
    /// ECI score.
    pub eci: String,
    /// Cybench % solved.
    pub cybench_pct: String,
    /// Training cost in US dollars.
    pub cost_usd: String,
    /// What it generates, by name.
    pub generates: Vec<String>,
    /// Base model's name.
    pub base_model: String,
    /// The fine-tuning's own compute in FLOP.
    pub finetune_flop: String,
    /// Whether the fine-tuner is the base model's developer.
    pub same_developer: bool,
    /// Whether it was trained primarily on biological sequence data.
    pub biological: bool,
}

/// Whether the commas in `text` separate thousands: one to three digits
/// before the first, exactly three between and after each, up to a decimal
/// point, an exponent or a suffix.
fn thousands(text: &str) -> bool {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(text.len());
    let mut groups = text[..end].split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// Reads a count or a FLOP figure as people write it: `6.3e24`,
/// `70000000000`, `70 000`, `1,000`, with a suffix `k`, `M`, `B`
/// (billion) or `T` (trillion): `70B`, `15T`, or as the page writes
/// figures and its threshold fields read them: `6.3 × 10²⁴`, `10^25`.
pub fn parse_number(text: &str) -> Option<f64> {
    suffixed(text)
        .or_else(|| crate::format::parse_number(text))
        .filter(|v| v.is_finite())
}

fn suffixed(text: &str) -> Option<f64> {
    let spaced: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '\u{a0}'))
        .collect();
    // A comma separates thousands ("1,000", "70,000,000"), never decimals:
    // "6,3e24" is not read as 63e24 but refused.
    if spaced.contains(',') && !thousands(&spaced) {
        return None;
    }
    let cleaned = spaced.replace(',', "");
    let (digits, scale) = match cleaned.char_indices().last() {
        Some((at, 'k' | 'K')) => (&cleaned[..at], 1e3),
        Some((at, 'M')) => (&cleaned[..at], 1e6),
        Some((at, 'B' | 'G')) => (&cleaned[..at], 1e9),
        Some((at, 'T')) => (&cleaned[..at], 1e12),
        _ => (cleaned.as_str(), 1.0),
    };
    // Rust's parser reads "inf" and "NaN": not numbers a person means.
    if digits.is_empty()
        || digits
            .chars()
            .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some(value * scale)
}

/// The text without the field's unit written after the number ("1e25
/// FLOP", "70B parameters", "40%"), in any case, and an "s" after it.
fn without_unit<'a>(text: &'a str, unit: &str) -> &'a str {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let unit = unit.to_ascii_lowercase();
    let first = unit.split(' ').next().unwrap_or_default().to_string();
    for written in [format!("{unit}s"), unit.clone(), format!("{first}s"), first] {
        // ASCII lower case keeps every byte where it was.
        if !written.is_empty() && lower.len() > written.len() && lower.ends_with(&written) {
            return text[..text.len() - written.len()].trim_end();
        }
    }
    text
}

/// A dollar figure as people write it, made a number the field reads:
/// "$150M", "US$150M", "USD 150M", "150M USD", "$150m", "150 million
/// dollars", "1.5 billion" (its unit, "US dollars", is taken off first).
fn dollars(text: &str) -> String {
    let mut text = text.trim().to_string();
    for prefix in ["US$", "USD", "$"] {
        if text
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            text = text[prefix.len()..].trim_start().to_string();
            break;
        }
    }
    for suffix in ["usd", "dollars", "dollar"] {
        if text.to_ascii_lowercase().ends_with(suffix) {
            text = text[..text.len() - suffix.len()].trim_end().to_string();
            break;
        }
    }
    for (word, unit) in [
        ("thousand", "k"),
        ("million", "M"),
        ("billion", "B"),
        ("bn", "B"),
        ("m", "M"),
    ] {
        let lower = text.to_ascii_lowercase();
        if lower.ends_with(word) && lower.len() > word.len() {
            let number = text[..text.len() - word.len()].trim_end();
            // Only after a number: "5 bn bn" stays unread.
            if number.ends_with(|c: char| c.is_ascii_digit() || c == '.') {
                text = format!("{number}{unit}");
            }
            break;
        }
    }
    text
}

/// Reads one number field, noting its error: empty is `None` (an error
/// when `required`), unreadable text or a number outside the field's
/// range is an error quoting the text as typed.
fn number(errors: &mut Vec<FieldError>, range: &Range, text: &str, required: bool) -> Option<f64> {
    number_read(errors, range, text, required, str::to_string)
}

/// [`number`], reading the text (its unit taken off) through `read` first;
/// its messages quote the text as typed.
fn number_read(
    errors: &mut Vec<FieldError>,
    range: &Range,
    text: &str,
    required: bool,
    read: impl Fn(&str) -> String,
) -> Option<f64> {
    let field = range.field;
    if text.trim().is_empty() {
        if required {
            errors.push(FieldError {
                field,
                message: "required".into(),
            });
        }
        return None;
    }
    let text = without_unit(text, range.unit);
    let value = parse_number(&read(text));
    if value.is_none() {
        errors.push(FieldError {
            field,
            message: format!("must be a number (such as {}), got {text:?}", range.example),
        });
    }
    if let Some(v) = value {
        range.check_as_typed(v, text.trim(), errors);
    }
    value
}

impl CheckForm {
    /// The compute method chosen ("flop" when none is).
    pub fn method(&self) -> &str {
        if self.method.is_empty() {
            "flop"
        } else {
            &self.method
        }
    }

    /// The input this form describes, or every bad field.
    pub fn parse(&self, catalog: &Catalog) -> Result<CheckInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let fine_tune = !self.base_model.trim().is_empty();
        let compute = match self.method() {
            "flop" => {
                // A fine-tune may leave its training compute out.
                let flop = number(&mut errors, &input::FLOP, &self.flop, !fine_tune);
                flop.map(|flop| ComputeInput::Flop { flop })
            }
            "parameters" => {
                let parameters = number(&mut errors, &input::PARAMETERS, &self.parameters, true);
                let tokens = number(&mut errors, &input::TOKENS, &self.tokens, true);
                parameters
                    .zip(tokens)
                    .map(|(parameters, tokens)| ComputeInput::Parameters { parameters, tokens })
            }
            "hardware" => {
                let chips = number(&mut errors, &input::CHIPS, &self.chips, true);
                let days = number(&mut errors, &input::DAYS, &self.days, true);
                let utilisation = number(
                    &mut errors,
                    &input::UTILISATION,
                    &self.utilisation_pct,
                    true,
                );
                match (chips, days, utilisation) {
                    (Some(chips), Some(days), Some(utilisation_pct)) => {
                        Some(ComputeInput::Hardware {
                            chip: self.chip.trim().to_string(),
                            chips,
                            days,
                            utilisation_pct,
                        })
                    }
                    _ => None,
                }
            }
            other => {
                errors.push(FieldError {
                    field: "compute.method",
                    message: format!("must be one of {}, got {other:?}", METHODS.join(", ")),
                });
                None
            }
        };
        let publication_date = match IsoDate::parse(&self.publication_date) {
            Ok(date) => Some(date),
            Err(e) => {
                errors.push(FieldError {
                    field: "publication_date",
                    message: if self.publication_date.trim().is_empty() {
                        "required (an ISO date such as 2026-06-02)".into()
                    } else {
                        e
                    },
                });
                None
            }
        };
        let eci = number(&mut errors, &input::ECI, &self.eci, false);
        let cybench_pct = number(&mut errors, &input::CYBENCH, &self.cybench_pct, false);
        let cost_usd = number_read(&mut errors, &input::COST, &self.cost_usd, false, dollars);
        let finetune_flop = number(&mut errors, &input::FINETUNE, &self.finetune_flop, false);
        let mut generates = Vec::new();
        for name in &self.generates {
            match Output::parse(name) {
                Some(o) if !generates.contains(&o) => generates.push(o),
                Some(_) => {}
                None => errors.push(FieldError {
                    field: "generates",
                    message: format!(
                        "unknown output {name:?}; one of text, images, video, audio, other"
                    ),
                }),
            }
        }
        let name = self.name.trim();
        let input = CheckInput {
            name: (!name.is_empty()).then(|| name.to_string()),
            compute,
            publication_date: publication_date.unwrap_or(crate::date::EARLIEST),
            eci,
            cybench_pct,
            cost_usd,
            generates,
            base_model: fine_tune.then(|| self.base_model.trim().to_string()),
            finetune_flop,
            same_developer: self.same_developer,
            biological: self.biological,
        };
        // The input's own checks, for the fields that read; a field that
        // did not read has its message already.
        for e in input.errors(catalog) {
            let unread = errors.iter().any(|known| known.field == e.field)
                || (e.field == "compute" && self.method_fields_failed(&errors));
            if !unread {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }

    fn method_fields_failed(&self, errors: &[FieldError]) -> bool {
        errors.iter().any(|e| e.field.starts_with("compute."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(parse_number("6.3e24"), Some(6.3e24));
        assert_eq!(parse_number(" 70B "), Some(70e9));
        assert_eq!(parse_number("15T"), Some(15e12));
        assert_eq!(parse_number("10,000"), Some(10_000.0));
        assert_eq!(parse_number("40"), Some(40.0));
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("seventy"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("B"), None);
        // As the page writes figures.
        assert_eq!(parse_number("6.3 × 10²⁴"), Some(6.3e24));
        assert_eq!(parse_number("10^25"), Some(1e25));
        assert_eq!(parse_number("-inf"), None);
        // A comma separates thousands only: a decimal comma is refused,
        // never read as ten times the figure (a tester's "6,3e24").
        assert_eq!(parse_number("6,3e24"), None);
        assert_eq!(parse_number("3,5"), None);
        assert_eq!(parse_number("1,0000"), None);
        assert_eq!(parse_number("70,000,000,000"), Some(7e10));
        assert_eq!(parse_number("1,000.5"), Some(1000.5));
        assert_eq!(parse_number("1,500B"), Some(1.5e12));
    }

    fn form() -> CheckForm {
        CheckForm {
            method: "parameters".into(),
            parameters: "70B".into(),
            tokens: "15T".into(),
            publication_date: "2026-09-01".into(),
            generates: vec!["text".into()],
            ..CheckForm::default()
        }
    }

    #[test]
    fn a_good_form_reads() {
        let catalog = Catalog::embedded().unwrap();
        let input = form().parse(&catalog).unwrap();
        assert_eq!(
            input.compute,
            Some(ComputeInput::Parameters {
                parameters: 70e9,
                tokens: 15e12
            })
        );
    }

    #[test]
    fn every_bad_field_is_named_once() {
        let catalog = Catalog::embedded().unwrap();
        let bad = CheckForm {
            tokens: "lots".into(),
            eci: "400".into(),
            publication_date: "2026-02-30".into(),
            base_model: "No such model".into(),
            ..form()
        };
        let errors = bad.parse(&catalog).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["compute.tokens", "publication_date", "eci", "base_model"],
            "{errors:?}"
        );
        assert!(errors[0].message.contains("\"lots\""));
        assert!(errors[2].message.contains("ECI points"));
    }

    #[test]
    fn missing_compute_and_outputs_are_errors() {
        let catalog = Catalog::embedded().unwrap();
        let bad = CheckForm {
            method: "flop".into(),
            generates: vec![],
            ..form()
        };
        let errors = bad.parse(&catalog).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["compute.flop", "generates"], "{errors:?}");
    }
}
