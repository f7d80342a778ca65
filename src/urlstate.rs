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

use crate::format;
use crate::scenario::{DerivativeRule, Scenario};

mod decoder;
mod vocabulary;

use decoder::Decoder;
use vocabulary::{
    combine_name, flag, metric_name, plain4, sci4, tier_name, unscored_name, DerivKind, Param,
};

/// What [`decode`] made of a query string.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decoded {
    /// The scenario: the base with every usable parameter applied. Always valid.
    pub scenario: Scenario,
    /// One message per parameter or value that was not used, saying what was kept.
    pub ignored: Vec<String>,
}

/// The query string for a scenario, without a leading `?`.
///
/// Parameters come in a fixed order; optional ones are written only when
/// they apply (`cap_min` and `cap_unscored` with a capability test,
/// `deriv_third` with the cumulative rule, `cost_usd`, `us_bio` and
/// `eu_desig` when set). Switches are `1` or `0`. FLOP and dollar figures are written in e-notation (`1e26`,
/// `3.162e25`), fractions and scores in plain notation (`0.3333`, `150`),
/// all with at most four significant digits.
pub fn encode(scenario: &Scenario) -> String {
    let us = &scenario.us;
    let eu = &scenario.eu;
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("us_flop", &sci4(us.compute_threshold_flop));
    match us.capability {
        None => {
            query.append_pair("cap", "none");
        }
        Some(cap) => {
            query.append_pair("cap", metric_name(cap.metric));
            query.append_pair("cap_min", &plain4(cap.threshold));
            query.append_pair("cap_unscored", unscored_name(cap.unscored));
        }
    }
    query.append_pair("combine", combine_name(us.combine));
    query.append_pair("deriv", DerivKind::of(us.derivatives).name());
    match us.derivatives {
        DerivativeRule::Cumulative => {
            query.append_pair("deriv_third", flag(us.third_party_cumulative));
        }
        DerivativeRule::SubstantialModification { fraction } => {
            query.append_pair("deriv_frac", &plain4(fraction));
        }
        DerivativeRule::OwnCompute { threshold_flop } => {
            query.append_pair("deriv_flop", &sci4(threshold_flop));
        }
        DerivativeRule::Exclude | DerivativeRule::Inherit => {}
    }
    if let Some(cost) = us.cost_threshold_usd {
        query.append_pair("cost_usd", &sci4(cost));
    }
    if let Some(bio) = us.biology_threshold_flop {
        query.append_pair("us_bio", &sci4(bio));
    }
    query.append_pair("eu_gpai", &sci4(eu.gpai_threshold_flop));
    query.append_pair("eu_sys", &sci4(eu.systemic_threshold_flop));
    query.append_pair("eu_frac", &plain4(eu.modifier_fraction));
    if let Some(eci) = eu.designation_eci {
        query.append_pair("eu_desig", &plain4(eci));
    }
    query.append_pair("eu_tier", tier_name(eu.compare));
    query.append_pair("as_of", &scenario.as_of.to_string());
    query.append_pair("est", flag(scenario.use_estimates));
    query.append_pair("unc", flag(scenario.compute_uncertainty));
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
    decoder.number(Param::UsFlop, format::flop, |s| {
        &mut s.us.compute_threshold_flop
    });
    decoder.capability();
    decoder.combine();
    decoder.derivatives();
    decoder.optional_number(Param::CostUsd, "no cost test", format::usd, |s| {
        &mut s.us.cost_threshold_usd
    });
    decoder.optional_number(Param::UsBio, "no biology threshold", format::flop, |s| {
        &mut s.us.biology_threshold_flop
    });
    decoder.eu_thresholds();
    decoder.number(Param::EuFrac, plain4, |s| &mut s.eu.modifier_fraction);
    decoder.optional_number(Param::EuDesig, "no designation", format::score, |s| {
        &mut s.eu.designation_eci
    });
    decoder.eu_tier();
    decoder.as_of();
    decoder.switch(Param::Est, |s| &mut s.use_estimates);
    decoder.switch(Param::Unc, |s| &mut s.compute_uncertainty);
    decoder.check_combination();
    decoder.snap_to_preset();
    Decoded {
        scenario: decoder.scenario,
        ignored: decoder.ignored,
    }
}

#[cfg(test)]
mod tests;
