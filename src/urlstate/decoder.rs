//! Applying a query string to a scenario, one parameter at a time, and
//! saying in words what was left out.

use super::encode;
use super::vocabulary::{
    combine_name, flag, metric_name, names, number_of, plain4, quoted, sci4, tier_name,
    unscored_name, DerivKind, Param, COMBINES, DERIV_KINDS, METRICS, PARAMS, TIERS, UNSCORED,
};
use crate::date::IsoDate;
use crate::format;
use crate::presets;
use crate::scenario::{CapabilityThreshold, Combine, DerivativeRule, Scenario, ScenarioError};

/// Whether two numbers are written the same in a URL.
pub(super) fn same_in_url(a: f64, b: f64) -> bool {
    sci4(a) == sci4(b)
}

/// Validates a scenario except for the pairing of `combine` with `cap`,
/// which [`Decoder::check_combination`] checks once every parameter is in,
/// so that `cap` and `combine` can change in either order.
pub(super) fn validate_ranges(scenario: &Scenario) -> Result<(), ScenarioError> {
    if scenario.us.capability.is_none() && scenario.us.combine != Combine::ComputeOnly {
        let mut probe = scenario.clone();
        probe.us.combine = Combine::ComputeOnly;
        probe.validate()
    } else {
        scenario.validate()
    }
}

pub(super) fn describe_capability(capability: Option<CapabilityThreshold>) -> String {
    match capability {
        None => "cap none".to_string(),
        Some(cap) => format!(
            "cap {} with cap_min {}",
            metric_name(cap.metric),
            plain4(cap.threshold)
        ),
    }
}

pub(super) fn describe_derivatives(rule: DerivativeRule) -> String {
    match rule {
        DerivativeRule::SubstantialModification { fraction } => {
            format!(
                "deriv substantial_modification with deriv_frac {}",
                plain4(fraction)
            )
        }
        DerivativeRule::OwnCompute { threshold_flop } => {
            format!(
                "deriv own_compute with deriv_flop {}",
                format::flop(threshold_flop)
            )
        }
        DerivativeRule::Exclude | DerivativeRule::Inherit | DerivativeRule::Cumulative => {
            format!("deriv {}", DerivKind::of(rule).name())
        }
    }
}

/// The scenario being built, the messages so far, and the parameters given.
pub(super) struct Decoder {
    pub(super) scenario: Scenario,
    pub(super) ignored: Vec<String>,
    /// The first value given for each known parameter, indexed like `PARAMS`.
    given: [Option<String>; PARAMS.len()],
}

impl Decoder {
    pub(super) fn new(base: &Scenario) -> Decoder {
        Decoder {
            scenario: base.clone(),
            ignored: Vec::new(),
            given: Default::default(),
        }
    }

    /// Splits the query, keeping the first value of each known parameter.
    pub(super) fn collect(&mut self, query: &str) {
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let Some(index) = PARAMS.iter().position(|p| p.name() == key) else {
                self.ignored.push(format!(
                    "ignored unknown parameter {} (value {})",
                    quoted(&key),
                    quoted(&value)
                ));
                continue;
            };
            match &self.given[index] {
                Some(first) => self.ignored.push(format!(
                    "{key}: ignored repeated value {}; kept the first, {}",
                    quoted(&value),
                    quoted(first)
                )),
                None => self.given[index] = Some(value.into_owned()),
            }
        }
    }

    /// Removes and returns a parameter's value, if given.
    pub(super) fn take(&mut self, param: Param) -> Option<String> {
        let index = PARAMS.iter().position(|p| *p == param)?;
        self.given[index].take()
    }

    pub(super) fn note(&mut self, message: String) {
        self.ignored.push(message);
    }

    /// Applies a change if the result validates (see [`validate_ranges`]),
    /// else returns why not.
    pub(super) fn try_change(
        &mut self,
        change: impl FnOnce(&mut Scenario),
    ) -> Result<(), ScenarioError> {
        let mut candidate = self.scenario.clone();
        change(&mut candidate);
        validate_ranges(&candidate)?;
        self.scenario = candidate;
        Ok(())
    }

    /// Parses a number, noting it if it is not one. A value written the same
    /// as `current` gives `current` back, so the exact one third survives
    /// its trip through "0.3333".
    pub(super) fn parse_number(
        &mut self,
        param: Param,
        raw: &str,
        kept: &str,
        current: Option<f64>,
    ) -> Option<f64> {
        // A `+` in `1e+26` arrives as a space (form encoding).
        let Ok(number) = raw.replace(' ', "+").parse::<f64>() else {
            self.note(format!(
                "{}: {} is not a number; kept {kept}",
                param.name(),
                quoted(raw)
            ));
            return None;
        };
        Some(match current {
            Some(c) if same_in_url(c, number) => c,
            _ => number,
        })
    }

    /// Applies a change, noting it if it puts a value out of range.
    pub(super) fn set(
        &mut self,
        param: Param,
        raw: &str,
        kept: &str,
        change: impl FnOnce(&mut Scenario),
    ) {
        if let Err(e) = self.try_change(change) {
            self.note(format!(
                "{}: {} is out of range ({}); kept {kept}",
                param.name(),
                quoted(raw),
                e.message
            ));
        }
    }

    pub(super) fn preset(&mut self) {
        if let Some(raw) = self.take(Param::Preset) {
            match presets::find(&raw, presets::DEFAULT_AS_OF) {
                Some(preset) => {
                    self.scenario.us = preset.scenario.us;
                    self.scenario.eu = preset.scenario.eu;
                }
                None => {
                    let ids: Vec<&str> = presets::all(presets::DEFAULT_AS_OF)
                        .iter()
                        .map(|p| p.id)
                        .collect();
                    self.note(format!(
                        "preset: {} is not one of {}; kept the starting definitions",
                        quoted(&raw),
                        ids.join(", ")
                    ));
                }
            }
        }
    }

    /// Every change below keeps a valid scenario valid: start from one.
    pub(super) fn start_valid(&mut self) {
        if let Err(e) = validate_ranges(&self.scenario) {
            if let Some(preset) = presets::find("eu-ai-act", presets::DEFAULT_AS_OF) {
                self.scenario.us = preset.scenario.us;
                self.scenario.eu = preset.scenario.eu;
            }
            self.note(format!(
                "the starting scenario was invalid ({e}); started from the eu-ai-act preset"
            ));
        }
    }

    /// A number parameter for a field that always has a value.
    pub(super) fn number(
        &mut self,
        param: Param,
        describe: fn(f64) -> String,
        field: fn(&mut Scenario) -> &mut f64,
    ) {
        let Some(raw) = self.take(param) else { return };
        let current = *field(&mut self.scenario);
        let kept = describe(current);
        if let Some(value) = self.parse_number(param, &raw, &kept, Some(current)) {
            self.set(param, &raw, &kept, |s| *field(s) = value);
        }
    }

    /// A number parameter for an optional field; `none` clears it.
    pub(super) fn optional_number(
        &mut self,
        param: Param,
        unset: &str,
        describe: fn(f64) -> String,
        field: fn(&mut Scenario) -> &mut Option<f64>,
    ) {
        let Some(raw) = self.take(param) else { return };
        if raw == "none" {
            // Clearing an optional test is always valid.
            *field(&mut self.scenario) = None;
            return;
        }
        let current = *field(&mut self.scenario);
        let kept = current.map_or_else(|| unset.to_string(), describe);
        if let Some(value) = self.parse_number(param, &raw, &kept, current) {
            self.set(param, &raw, &kept, |s| *field(s) = Some(value));
        }
    }

    /// `cap` with `cap_min`, then `cap_unscored`.
    pub(super) fn capability(&mut self) {
        self.metric_and_threshold();
        self.unscored();
    }

    /// `cap` and `cap_min` together: a new metric needs its own threshold.
    fn metric_and_threshold(&mut self) {
        let current = self.scenario.us.capability;
        let kept = describe_capability(current);
        let cap_raw = self.take(Param::Cap);
        let min_raw = self.take(Param::CapMin);
        let metric = cap_raw.as_deref().and_then(|raw| {
            let found = METRICS.iter().find(|(name, _)| *name == raw);
            if found.is_none() {
                self.note(format!(
                    "cap: {} is not one of {}; kept {kept}",
                    quoted(raw),
                    names(&METRICS)
                ));
            }
            found.map(|(_, metric)| *metric)
        });
        let target = metric.unwrap_or(current.map(|c| c.metric));
        let Some(target_metric) = target else {
            // No capability test: a threshold has nothing to apply to.
            if let Some(raw) = min_raw {
                self.note(format!(
                    "cap_min: {} ignored because cap is none",
                    quoted(&raw)
                ));
            }
            if metric.is_some() {
                self.scenario.us.capability = None;
            }
            return;
        };
        let current_min = current.map(|c| c.threshold);
        let min = min_raw.as_deref().and_then(|raw| {
            self.parse_number(Param::CapMin, raw, &kept, current_min)
                .map(|v| (raw, v))
        });
        let applied = match min {
            Some((raw, threshold)) => {
                let capability = Some(CapabilityThreshold {
                    metric: target_metric,
                    threshold,
                    unscored: current.map(|c| c.unscored).unwrap_or_default(),
                });
                self.set(Param::CapMin, raw, &kept, |s| s.us.capability = capability);
                self.scenario.us.capability == capability
            }
            None => false,
        };
        let changes_metric = current.map(|c| c.metric) != target;
        if !applied && changes_metric {
            if let Some(raw) = &cap_raw {
                self.note(format!(
                    "cap: {} needs a usable cap_min; kept {kept}",
                    quoted(raw)
                ));
            }
        }
    }

    /// `cap_unscored`, once `cap` and `cap_min` are in: it needs a test.
    fn unscored(&mut self) {
        let Some(raw) = self.take(Param::CapUnscored) else {
            return;
        };
        let Some(capability) = self.scenario.us.capability.as_mut() else {
            self.note(format!(
                "cap_unscored: {} ignored because cap is none",
                quoted(&raw)
            ));
            return;
        };
        match UNSCORED.iter().find(|(name, _)| *name == raw) {
            // Either value is valid with any test.
            Some((_, unscored)) => capability.unscored = *unscored,
            None => {
                let kept = unscored_name(capability.unscored);
                self.note(format!(
                    "cap_unscored: {} is not one of {}; kept {kept}",
                    quoted(&raw),
                    names(&UNSCORED)
                ));
            }
        }
    }

    pub(super) fn combine(&mut self) {
        let Some(raw) = self.take(Param::Combine) else {
            return;
        };
        match COMBINES.iter().find(|(name, _)| *name == raw) {
            Some((_, combine)) => {
                let combine = *combine;
                let kept = combine_name(self.scenario.us.combine);
                self.set(Param::Combine, &raw, kept, |s| s.us.combine = combine);
            }
            None => {
                let kept = combine_name(self.scenario.us.combine);
                self.note(format!(
                    "combine: {} is not one of {}; kept {kept}",
                    quoted(&raw),
                    names(&COMBINES)
                ));
            }
        }
    }

    /// `deriv` with `deriv_frac` or `deriv_flop`, then `deriv_third`.
    pub(super) fn derivatives(&mut self) {
        self.derivative_rule();
        self.third_party();
    }

    /// `deriv_third`, once the rule is in: it applies to the cumulative rule only.
    fn third_party(&mut self) {
        let Some(raw) = self.take(Param::DerivThird) else {
            return;
        };
        let rule = self.scenario.us.derivatives;
        if rule != DerivativeRule::Cumulative {
            self.note(format!(
                "deriv_third: {} ignored because deriv is {}",
                quoted(&raw),
                DerivKind::of(rule).name()
            ));
            return;
        }
        match raw.as_str() {
            "0" => self.scenario.us.third_party_cumulative = false,
            "1" => self.scenario.us.third_party_cumulative = true,
            _ => {
                let kept = flag(self.scenario.us.third_party_cumulative);
                self.note(format!(
                    "deriv_third: {} is not 0 or 1; kept {kept}",
                    quoted(&raw)
                ));
            }
        }
    }

    /// `deriv` with `deriv_frac` or `deriv_flop`: a rule with a number needs it.
    fn derivative_rule(&mut self) {
        let current = self.scenario.us.derivatives;
        let kept = describe_derivatives(current);
        let deriv_raw = self.take(Param::Deriv);
        let kind = deriv_raw.as_deref().and_then(|raw| {
            let found = DERIV_KINDS.iter().copied().find(|k| k.name() == raw);
            if found.is_none() {
                let all: Vec<&str> = DERIV_KINDS.iter().map(|k| k.name()).collect();
                self.note(format!(
                    "deriv: {} is not one of {}; kept {kept}",
                    quoted(raw),
                    all.join(", ")
                ));
            }
            found
        });
        let target = kind.unwrap_or(DerivKind::of(current));
        let mut number_raw = None;
        for param in [Param::DerivFrac, Param::DerivFlop] {
            let Some(raw) = self.take(param) else {
                continue;
            };
            if target.number_param() == Some(param) {
                number_raw = Some(raw);
            } else {
                self.note(format!(
                    "{}: {} ignored because deriv is {}",
                    param.name(),
                    quoted(&raw),
                    target.name()
                ));
            }
        }
        let Some(param) = target.number_param() else {
            if kind.is_some() {
                self.scenario.us.derivatives = target.with(0.0);
            }
            return;
        };
        let same_kind = DerivKind::of(current) == target;
        let number = match &number_raw {
            Some(raw) => self.parse_number(param, raw, &kept, number_of(current)),
            // Switching nothing: the current rule keeps its number.
            None if same_kind => number_of(current),
            None => None,
        };
        if let Some(number) = number {
            let rule = target.with(number);
            let raw = number_raw.as_deref().unwrap_or_default();
            self.set(param, raw, &kept, |s| s.us.derivatives = rule);
        }
        if !same_kind && self.scenario.us.derivatives == current {
            if let Some(raw) = &deriv_raw {
                self.note(format!(
                    "deriv: {} needs a usable {}; kept {kept}",
                    quoted(raw),
                    param.name()
                ));
            }
        }
    }

    /// `eu_gpai` and `eu_sys` together first: the systemic threshold must be
    /// at least the GPAI one, so raising (or lowering) both may only work as
    /// a pair.
    pub(super) fn eu_thresholds(&mut self) {
        let gpai_raw = self.take(Param::EuGpai);
        let sys_raw = self.take(Param::EuSys);
        let gpai_kept = format::flop(self.scenario.eu.gpai_threshold_flop);
        let sys_kept = format::flop(self.scenario.eu.systemic_threshold_flop);
        let (gpai_now, sys_now) = (
            self.scenario.eu.gpai_threshold_flop,
            self.scenario.eu.systemic_threshold_flop,
        );
        let gpai = gpai_raw.as_deref().and_then(|raw| {
            self.parse_number(Param::EuGpai, raw, &gpai_kept, Some(gpai_now))
                .map(|v| (raw, v))
        });
        let sys = sys_raw.as_deref().and_then(|raw| {
            self.parse_number(Param::EuSys, raw, &sys_kept, Some(sys_now))
                .map(|v| (raw, v))
        });
        let together = self.try_change(|s| {
            if let Some((_, v)) = gpai {
                s.eu.gpai_threshold_flop = v;
            }
            if let Some((_, v)) = sys {
                s.eu.systemic_threshold_flop = v;
            }
        });
        if together.is_ok() {
            return;
        }
        if let Some((raw, v)) = gpai {
            self.set(Param::EuGpai, raw, &gpai_kept, |s| {
                s.eu.gpai_threshold_flop = v;
            });
        }
        if let Some((raw, v)) = sys {
            self.set(Param::EuSys, raw, &sys_kept, |s| {
                s.eu.systemic_threshold_flop = v;
            });
        }
    }

    pub(super) fn eu_tier(&mut self) {
        let Some(raw) = self.take(Param::EuTier) else {
            return;
        };
        match TIERS.iter().find(|(name, _)| *name == raw) {
            Some((_, tier)) => self.scenario.eu.compare = *tier,
            None => {
                let kept = tier_name(self.scenario.eu.compare);
                self.note(format!(
                    "eu_tier: {} is not one of {}; kept {kept}",
                    quoted(&raw),
                    names(&TIERS)
                ));
            }
        }
    }

    pub(super) fn as_of(&mut self) {
        let Some(raw) = self.take(Param::AsOf) else {
            return;
        };
        match IsoDate::parse(&raw) {
            Ok(date) => self.scenario.as_of = date,
            Err(_) => {
                let kept = self.scenario.as_of;
                self.note(format!(
                    "as_of: {} is not a date from {} to {} (YYYY-MM-DD); kept {kept}",
                    quoted(&raw),
                    crate::date::EARLIEST,
                    crate::date::LATEST
                ));
            }
        }
    }

    /// A 0/1 switch of the scenario (`est`, `unc`).
    pub(super) fn switch(&mut self, param: Param, field: fn(&mut Scenario) -> &mut bool) {
        let Some(raw) = self.take(param) else {
            return;
        };
        match raw.as_str() {
            "0" => *field(&mut self.scenario) = false,
            "1" => *field(&mut self.scenario) = true,
            _ => {
                let kept = flag(*field(&mut self.scenario));
                self.note(format!(
                    "{}: {} is not 0 or 1; kept {kept}",
                    param.name(),
                    quoted(&raw)
                ));
            }
        }
    }

    /// The one check [`validate_ranges`] leaves out: a combination that uses
    /// capability needs a capability test.
    pub(super) fn check_combination(&mut self) {
        if self.scenario.validate().is_err() {
            self.note(format!(
                "combine: {} needs a capability test but cap is none; used compute_only",
                combine_name(self.scenario.us.combine)
            ));
            self.scenario.us.combine = Combine::ComputeOnly;
        }
    }

    /// A scenario written the same as a preset takes the preset's exact
    /// numbers, so a shared link still matches its preset.
    pub(super) fn snap_to_preset(&mut self) {
        let written = encode(&self.scenario);
        for preset in presets::all(presets::DEFAULT_AS_OF) {
            let candidate = Scenario {
                us: preset.scenario.us,
                eu: preset.scenario.eu,
                ..self.scenario.clone()
            };
            if encode(&candidate) == written {
                self.scenario = candidate;
                return;
            }
        }
    }
}
