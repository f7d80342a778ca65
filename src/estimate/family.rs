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

use super::capability::own_total_compute;
use super::stats;
use crate::catalog::{Catalog, Model};

pub use super::family_key::{first_rows, key};

/// How far apart in time two family members may be, in years.
pub const WINDOW_YEARS: f64 = 1.0;

/// Whether two parameter counts are far enough apart (more than 2 ×) to
/// be different models whatever their names say.
pub fn different_sizes(a: Option<f64>, b: Option<f64>) -> bool {
    match (a.filter(|p| *p > 0.0), b.filter(|p| *p > 0.0)) {
        (Some(a), Some(b)) => a.max(b) / a.min(b) > 2.0,
        _ => false,
    }
}

/// One model a family estimate can come from.
#[derive(Clone, Debug, PartialEq)]
struct Member {
    year: f64,
    index: usize,
    lifecycle: usize,
    /// Its parameter count, when Epoch gives one.
    parameters: Option<f64>,
    /// log10 of its own reported total compute, when it has one.
    reported: Option<f64>,
}

/// The family members of the fitted models, and the interval offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Families {
    /// Each (developer, family) with its members, sorted by the pair (a
    /// sorted list rather than a `BTreeMap`: the same order and lookups,
    /// and a smaller wasm module).
    members: Vec<((usize, usize), Vec<Member>)>,
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
        let mut members: Vec<((usize, usize), Vec<Member>)> = Vec::new();
        for (i, m) in catalog.models.iter().enumerate() {
            if !keep(i) {
                continue;
            }
            let Some(k) = m.family else { continue };
            let key = (m.developer_id, k);
            let at = match members.binary_search_by(|(g, _)| g.cmp(&key)) {
                Ok(at) => at,
                Err(at) => {
                    members.insert(at, (key, Vec::new()));
                    at
                }
            };
            members[at].1.push(Member {
                year: m.publication_date.year_fraction(),
                index: i,
                lifecycle: m.lifecycle_root,
                parameters: m.parameters,
                reported: own_total_compute(catalog, m).map(f64::log10),
            });
        }
        let mut residuals = Vec::new();
        for (_, group) in &members {
            for m in group {
                let Some(truth) = m.reported else { continue };
                let nearest = nearest(catalog, group, m.index, m.year, |o| {
                    o.lifecycle != m.lifecycle
                        && o.reported.is_some()
                        && !different_sizes(o.parameters, m.parameters)
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
        let key = (model.developer_id, model.family?);
        let at = self.members.binary_search_by(|(g, _)| g.cmp(&key)).ok()?;
        let group = &self.members[at].1;
        let year = model.publication_date.year_fraction();
        let mut best: Option<(&Member, (f64, f64, f64))> = None;
        for o in group {
            if o.index == index
                || (o.year - year).abs() > WINDOW_YEARS
                || different_sizes(o.parameters, model.parameters)
            {
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
    use super::{different_sizes, key};

    #[test]
    fn family_keys_keep_the_generation_and_sizes_and_drop_the_rest() {
        let cases = [
            ("Claude Opus 4.7", Some("claude opus 4")),
            ("Claude Opus 4.6", Some("claude opus 4")),
            ("Claude Opus 5", Some("claude opus 5")),
            ("Claude Instant", Some("claude instant")),
            ("Claude 2", Some("claude 2")),
            ("GPT-5.1 Instant", Some("gpt 5 instant")),
            ("GPT-5.1", Some("gpt 5")),
            ("GPT-5.1-Codex", Some("gpt 5")),
            ("GPT-4.5", Some("gpt 4")),
            ("GPT-3.5 Turbo", Some("gpt 3 turbo")),
            ("GPT-4 Turbo (Nov 2023)", Some("gpt 4 turbo")),
            ("GPT-4o (Aug 2024)", Some("gpt 4o")),
            ("GPT-4o mini", Some("gpt 4o mini")),
            ("GPT-2 (1.5B)", Some("gpt 2 1.5b")),
            ("Llama 3.1-405B", Some("llama 3 405b")),
            ("Llama 3.1-70B", Some("llama 3 70b")),
            ("Qwen3-235B-A22B", Some("qwen3 235b a22b")),
            ("Qwen3-Max-Thinking", Some("qwen3 max")),
            ("Qwen2.5-Coder (32B)", Some("qwen2 coder 32b")),
            ("DeepSeek-V3.1", Some("deepseek v3")),
            ("Kimi k1.5", Some("kimi k1")),
            ("Kimi K2", Some("kimi k2")),
            ("Mixtral 8x7B", Some("mixtral 8x7b")),
            ("Gemini 2.5 Flash (Apr 2025)", Some("gemini 2 flash")),
            ("Gemini Nano-2", Some("gemini nano 2")),
            ("Grok 4 Heavy", Some("grok 4")),
            ("Grok 4.1", Some("grok 4")),
            ("4", Some("4")),
        ];
        for (name, want) in cases {
            assert_eq!(key(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn parameter_counts_over_two_times_apart_are_different_models() {
        assert!(different_sizes(Some(500e9), Some(3e12)));
        assert!(!different_sizes(Some(600e9), Some(600e9)));
        assert!(!different_sizes(Some(70e9), Some(140e9)));
        assert!(!different_sizes(None, Some(3e12)));
    }
}
