//! The family method: a model without a figure of its own takes the
//! compute of the nearest model, in publication date, of the same developer
//! and the same name family ("Claude Opus 4.7" from "Claude Opus 4.6",
//! "GPT-5.1 Instant" from "GPT-5.1"), widened by how far apart such
//! neighbours' reported figures are.
//!
//! The interval comes from out-of-sample residuals, as the capability
//! method's does: for every model with a reported figure, the reported
//! figure of its nearest family member outside its own lifecycle is the
//! prediction, and the spread of (true − predicted) gives the offsets.
//! When the neighbour's own figure is an estimate, its interval is widened
//! by those offsets (both uncertainties kept).

use std::collections::BTreeMap;

use super::capability::own_total_compute;
use super::stats;
use crate::catalog::{Catalog, Model};

/// How far apart in time two family members may be, in years.
pub const WINDOW_YEARS: f64 = 1.0;

/// Words that name a variant of a model rather than a different model:
/// the same weights served differently, or a light post-training
/// ("Grok 4 Heavy", "GPT-5.1 Instant", "Qwen3-Max-Thinking", "GPT-5.1-Codex"). Size words
/// ("mini", "flash", "pro", "lite") are kept: they name other models.
const VARIANT_WORDS: [&str; 10] = [
    "codex",
    "instant",
    "thinking",
    "heavy",
    "deep",
    "think",
    "preview",
    "exp",
    "experimental",
    "latest",
];

/// Whether a name token is a size ("70b", "a22b", "8x7b", "1.5t").
fn is_size(token: &str) -> bool {
    let Some(body) = token
        .strip_suffix('b')
        .or_else(|| token.strip_suffix('m'))
        .or_else(|| token.strip_suffix('t'))
    else {
        return false;
    };
    let body = body.strip_prefix('a').unwrap_or(body);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'x')
}

/// The family of a model's name: lower case, without a parenthesised
/// suffix ("(Apr 2025)"), version numbers and variant words; sizes kept.
/// "Claude Opus 4.7" → "claude opus"; "GPT-4o (Aug 2024)" → "gpt o";
/// "Llama 3.1-405B" → "llama 405b". `None` when nothing is left.
pub fn key(name: &str) -> Option<String> {
    let name = name.split('(').next().unwrap_or(name).to_lowercase();
    let mut words = Vec::new();
    for token in name.split(|c: char| !(c.is_alphanumeric() || c == '.')) {
        let token = token.trim_matches('.');
        if token.is_empty() {
            continue;
        }
        if is_size(token) {
            words.push(token.to_string());
            continue;
        }
        let word: String = token
            .chars()
            .filter(|c| !c.is_ascii_digit() && *c != '.')
            .collect();
        if !word.is_empty() && !VARIANT_WORDS.contains(&word.as_str()) {
            words.push(word);
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// One model a family estimate can come from.
#[derive(Clone, Debug, PartialEq)]
struct Member {
    year: f64,
    index: usize,
    lifecycle: usize,
    /// log10 of its own reported total compute, when it has one.
    reported: Option<f64>,
}

/// The family members of the fitted models, and the interval offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Families {
    members: BTreeMap<(usize, String), Vec<Member>>,
    /// Offsets (log10) to add to a neighbour's figure for the interval.
    offsets: Option<(f64, f64)>,
    /// How many residuals the offsets came from.
    pub n: usize,
}

/// A family estimate before it is combined: the neighbour it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Neighbour {
    /// Catalog index of the neighbour.
    pub index: usize,
    /// Whether the neighbour's figure is reported (else it is estimated).
    pub reported: bool,
}

impl Families {
    /// Groups the models `keep` accepts by developer and family, and fits
    /// the interval at `level` on the reported figures.
    pub fn fit(catalog: &Catalog, keep: &dyn Fn(usize) -> bool, level: f64) -> Families {
        let mut members: BTreeMap<(usize, String), Vec<Member>> = BTreeMap::new();
        for (i, m) in catalog.models.iter().enumerate() {
            if !keep(i) {
                continue;
            }
            let Some(k) = key(&m.name) else { continue };
            members
                .entry((m.developer_id, k))
                .or_default()
                .push(Member {
                    year: m.publication_date.year_fraction(),
                    index: i,
                    lifecycle: m.lifecycle_root,
                    reported: own_total_compute(catalog, m).map(f64::log10),
                });
        }
        let mut residuals = Vec::new();
        for group in members.values() {
            for m in group {
                let Some(truth) = m.reported else { continue };
                let nearest = nearest(catalog, group, m.index, m.year, |o| {
                    o.lifecycle != m.lifecycle && o.reported.is_some()
                });
                if let Some(o) = nearest.and_then(|o| o.reported) {
                    residuals.push(truth - o);
                }
            }
        }
        let n = residuals.len();
        Families {
            members,
            offsets: stats::interval_offsets(&mut residuals, level),
            n,
        }
    }

    /// The nearest family member of `model` (not itself) whose figure
    /// `value` gives (log10 low, central, high), within [`WINDOW_YEARS`];
    /// the estimate is that figure widened by the fitted offsets.
    pub fn estimate(
        &self,
        catalog: &Catalog,
        index: usize,
        value: &dyn Fn(usize) -> Option<(f64, f64, f64)>,
    ) -> Option<((f64, f64, f64), Neighbour)> {
        let model: &Model = &catalog.models[index];
        let (low_off, high_off) = self.offsets?;
        let group = self.members.get(&(model.developer_id, key(&model.name)?))?;
        let year = model.publication_date.year_fraction();
        let mut best: Option<(&Member, (f64, f64, f64))> = None;
        for o in group {
            if o.index == index || (o.year - year).abs() > WINDOW_YEARS {
                continue;
            }
            let figure = match o.reported {
                Some(c) => (c, c, c),
                None => match value(o.index) {
                    Some(v) => v,
                    None => continue,
                },
            };
            if best.map_or(true, |(b, _)| closer(catalog, o, b, year)) {
                best = Some((o, figure));
            }
        }
        let (o, (low, central, high)) = best?;
        Some((
            (low + low_off, central, high + high_off),
            Neighbour {
                index: o.index,
                reported: o.reported.is_some(),
            },
        ))
    }
}

/// Whether `a` is nearer to `year` than `b`; ties go to the earlier model,
/// then to the name, so the choice does not depend on row order.
fn closer(catalog: &Catalog, a: &Member, b: &Member, year: f64) -> bool {
    let (da, db) = ((a.year - year).abs(), (b.year - year).abs());
    da.total_cmp(&db)
        .then(a.year.total_cmp(&b.year))
        .then_with(|| {
            catalog.models[a.index]
                .name
                .cmp(&catalog.models[b.index].name)
        })
        .is_lt()
}

/// The member nearest `year` that `accept` accepts, other than `index`,
/// within [`WINDOW_YEARS`].
fn nearest<'a>(
    catalog: &Catalog,
    group: &'a [Member],
    index: usize,
    year: f64,
    accept: impl Fn(&Member) -> bool,
) -> Option<&'a Member> {
    group
        .iter()
        .filter(|o| o.index != index && (o.year - year).abs() <= WINDOW_YEARS && accept(o))
        .fold(None, |best: Option<&Member>, o| match best {
            Some(b) if !closer(catalog, o, b, year) => Some(b),
            _ => Some(o),
        })
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn family_keys_drop_versions_and_variants_and_keep_sizes() {
        let cases = [
            ("Claude Opus 4.7", Some("claude opus")),
            ("Claude Opus 4.6", Some("claude opus")),
            ("GPT-5.1 Instant", Some("gpt")),
            ("GPT-5.1", Some("gpt")),
            ("GPT-4o (Aug 2024)", Some("gpt o")),
            ("GPT-4o mini", Some("gpt o mini")),
            ("Llama 3.1-405B", Some("llama 405b")),
            ("Llama 3.1-70B", Some("llama 70b")),
            ("Qwen3-235B-A22B", Some("qwen 235b a22b")),
            ("Qwen3-Max-Thinking", Some("qwen max")),
            ("Mixtral 8x7B", Some("mixtral 8x7b")),
            ("Gemini 2.5 Flash (Apr 2025)", Some("gemini flash")),
            ("Grok 4 Heavy", Some("grok")),
            ("4", None),
        ];
        for (name, want) in cases {
            assert_eq!(key(name).as_deref(), want, "{name}");
        }
    }
}
