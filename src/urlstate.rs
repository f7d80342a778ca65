//! The scenario in the page URL: a query string that survives being shared,
//! bookmarked or typed by hand.
//!
//! [`encode`](crate::urlstate::encode) writes the whole state, always in
//! the same order, with numbers rounded to four significant digits, so a
//! link stays short and re-encoding it gives the same link.
//! [`decode`](crate::urlstate::decode) is forgiving: whatever it cannot use
//! it ignores, keeps the earlier value and says so in words.
//!
//! ```
//! use scope_explorer::{presets, urlstate};
//!
//! let base = presets::find("eu-ai-act", presets::DEFAULT_AS_OF).unwrap().scenario;
//! let decoded = urlstate::decode("?preset=sb53&us_flop=3e25&foo=1", &base);
//! assert_eq!(decoded.scenario.us.compute_threshold_flop, 3e25);
//! assert_eq!(decoded.ignored, [r#"ignored unknown parameter "foo" (value "1")"#]);
//! assert!(urlstate::encode(&decoded.scenario).starts_with("us_flop=3e25&cap=none"));
//! ```

use serde::Serialize;

use crate::scenario::Scenario;
use crate::settings::SETTINGS;

pub mod check;
mod decoder;
mod vocabulary;

use decoder::Decoder;

/// What [`decode`] made of a query string.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decoded {
    /// The scenario: the base with every usable parameter applied. Always valid.
    pub scenario: Scenario,
    /// One message per parameter or value that was not used, saying what was kept.
    pub ignored: Vec<String>,
    /// The id of the preset named by `preset=`, when it names one: the
    /// definition the query's other parameters change. `None` when they
    /// change the base.
    pub preset: Option<&'static str>,
    /// What the query's other parameters did to its preset, in words, when
    /// they set values of their own (they take precedence over the
    /// preset's): which parameters, and whether the preset still changes
    /// anything. Empty without a preset, or when nothing overrides it.
    pub overridden: Vec<String>,
}

/// The query string for a scenario, without a leading `?`.
///
/// Parameters come in the order of [`SETTINGS`]; one is written only when
/// its setting applies (`cap_min` and `cap_unscored` with a capability
/// test, `deriv_third` with the cumulative rule) and, for an optional test
/// (`cost_usd`, `us_bio`, `eu_desig`), when it is on. Switches are `1` or
/// `0`. FLOP and dollar figures are written in e-notation (`1e26`,
/// `3.162e25`), fractions and scores in plain notation (`0.3333`, `150`),
/// all with at most four significant digits.
pub fn encode(scenario: &Scenario) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for setting in SETTINGS {
        if let Some(text) = setting.url_text(scenario) {
            query.append_pair(setting.param, &text);
        }
    }
    query.finish()
}

/// Applies a query string (a leading `?` or `#` is allowed) to `base`.
///
/// An optional `preset=<id>` first replaces the base's US definition and EU
/// settings with the preset's (the as-of date and the estimates switch stay
/// the base's). Then each known parameter is applied; an absent one keeps
/// the base's value, so `cost_usd`, `us_bio` and `eu_desig` (which
/// [`encode`] leaves out when unset) can be cleared explicitly with `none`.
/// Every unknown, repeated, unparsable or out-of-range parameter is ignored
/// with a message, and so is one that does not apply: `cap_min` or
/// `cap_unscored` without a capability test, `deriv_third` with a rule other
/// than cumulative, `deriv_frac` or `deriv_flop` with another rule.
///
/// Ranges are those of [`Scenario::validate`]. The pairing of `combine`
/// with `cap` is checked once all parameters are applied: a combination
/// that needs a capability test when there is none falls back to
/// `compute_only`. Never panics; the result always validates (an invalid
/// base is replaced by the EU AI Act preset, with a message).
pub fn decode(query: &str, base: &Scenario) -> Decoded {
    let query = query
        .strip_prefix('?')
        .or_else(|| query.strip_prefix('#'))
        .unwrap_or(query);
    let mut decoder = Decoder::new(base);
    decoder.collect(query);
    decoder.preset();
    decoder.start_valid();
    decoder.capability();
    decoder.derivative_rule();
    decoder.eu_thresholds();
    decoder.each_setting();
    decoder.check_combination();
    let overriding = decoder.overriding();
    decoder.snap_to_preset();
    let mut decoded = Decoded {
        scenario: decoder.scenario,
        ignored: decoder.ignored,
        preset: decoder.preset_id,
        overridden: Vec::new(),
    };
    if let (Some(id), false) = (decoded.preset, overriding.is_empty()) {
        decoded
            .overridden
            .push(overridden(query, base, &decoded, id, &overriding));
    }
    decoded
}

/// Says which parameters override the query's preset `id`, and, when the
/// view is the same as without the preset, that it changes nothing and why:
/// its values are the defaults already, or the parameters override every
/// value in which it differs from them.
fn overridden(
    query: &str,
    base: &Scenario,
    decoded: &Decoded,
    id: &str,
    overriding: &[&str],
) -> String {
    let mut without = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        if name != decoder::PRESET {
            without.append_pair(&name, &value);
        }
    }
    let list = overriding.join(", ");
    let alone = || {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair(decoder::PRESET, id);
        decode(&query.finish(), base).scenario
    };
    if decode(&without.finish(), base).scenario != decoded.scenario {
        format!(
            "preset \"{id}\" applies, except where the parameters {list} override its values (a setting given explicitly takes precedence over the preset's)"
        )
    } else if alone() == decode("", base).scenario {
        // The page's default view is this preset's.
        format!(
            "preset \"{id}\" changes nothing: its values are the defaults already, and the parameters {list} set their own (a setting given explicitly takes precedence over the preset's)"
        )
    } else {
        format!(
            "preset \"{id}\" changes nothing: the parameters {list} override every value in which it differs from the defaults (a setting given explicitly takes precedence over the preset's)"
        )
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod preset_tests;
