//! Applying a query string to a scenario, one parameter at a time, and
//! saying in words what was left out.
//!
//! Every setting of [`SETTINGS`] is read on its own by [`Decoder::setting`],
//! except the few read together because one needs another (a metric needs
//! its threshold, a derivative rule its number, and the EU systemic-risk
//! threshold must stay at least the GPAI one).

use super::encode;
use super::vocabulary::quoted;
use crate::date::IsoDate;
use crate::format;
use crate::presets;
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivKind, DerivativeRule, Scenario,
    ScenarioError,
};
use crate::settings::{self, policy, Kind, Setting, NONE, SETTINGS};

/// The preset parameter: not a setting, but all of a preset's settings.
pub(super) const PRESET: &str = "preset";
const CAP: &str = "cap";
const CAP_MIN: &str = "cap_min";
const DERIV: &str = "deriv";
const DERIV_FRAC: &str = "deriv_frac";
const DERIV_FLOP: &str = "deriv_flop";
const EU_GPAI: &str = "eu_gpai";
const EU_SYS: &str = "eu_sys";

/// The parameters read together, by the functions named after them.
pub(super) const TOGETHER: [&str; 7] =
    [CAP, CAP_MIN, DERIV, DERIV_FRAC, DERIV_FLOP, EU_GPAI, EU_SYS];

/// Whether two numbers are written the same in a URL.
pub(super) fn same_in_url(a: f64, b: f64) -> bool {
    format::sci4(a) == format::sci4(b)
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

fn describe_capability(capability: Option<CapabilityThreshold>) -> String {
    match capability {
        None => format!("cap {NONE}"),
        Some(cap) => format!(
            "cap {} with cap_min {}",
            cap.metric.name(),
            format::plain4(cap.threshold)
        ),
    }
}

fn describe_derivatives(rule: DerivativeRule) -> String {
    match rule {
        DerivativeRule::SubstantialModification { fraction } => {
            format!(
                "deriv substantial_modification with deriv_frac {}",
                format::plain4(fraction)
            )
        }
        DerivativeRule::OwnCompute { threshold_flop } => {
            format!(
                "deriv own_compute with deriv_flop {}",
                format::flop(threshold_flop)
            )
        }
        DerivativeRule::Exclude | DerivativeRule::Inherit | DerivativeRule::Cumulative => {
            format!("deriv {}", rule.kind().name())
        }
    }
}

/// The parameter holding a derivative rule's number, if it has one.
fn number_param(kind: DerivKind) -> Option<&'static str> {
    match kind {
        DerivKind::SubstantialModification => Some(DERIV_FRAC),
        DerivKind::OwnCompute => Some(DERIV_FLOP),
        DerivKind::Exclude | DerivKind::Inherit | DerivKind::Cumulative => None,
    }
}

/// The names of a list, for "is not one of a, b, c".
fn joined<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names.into_iter().collect::<Vec<_>>().join(", ")
}

/// The scenario being built, the messages so far, and the parameters given.
pub(super) struct Decoder {
    pub(super) scenario: Scenario,
    pub(super) ignored: Vec<String>,
    /// Each known parameter with the first value given for it.
    given: Vec<(&'static str, Option<String>)>,
    /// The preset the query named, when it named one.
    pub(super) preset_id: Option<&'static str>,
    /// The scenario just after the query's preset applied, when it named one.
    after_preset: Option<Scenario>,
    /// The known parameters the query gave, in its order.
    named: Vec<&'static str>,
}

impl Decoder {
    pub(super) fn new(base: &Scenario) -> Decoder {
        let mut given = vec![(PRESET, None)];
        given.extend(settings::params().into_iter().map(|p| (p, None)));
        Decoder {
            scenario: base.clone(),
            ignored: Vec::new(),
            given,
            preset_id: None,
            after_preset: None,
            named: Vec::new(),
        }
    }

    /// Splits the query, keeping the first value of each known parameter.
    pub(super) fn collect(&mut self, query: &str) {
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            // The checked model's and the projection's: read by `check`.
            if super::check::is_own(&key) {
                continue;
            }
            let Some((param, slot)) = self.given.iter_mut().find(|(p, _)| *p == key) else {
                self.ignored.push(format!(
                    "ignored unknown parameter {} (value {})",
                    quoted(&key),
                    quoted(&value)
                ));
                continue;
            };
            match slot {
                Some(first) => {
                    let message = format!(
                        "{key}: ignored repeated value {}; kept the first, {}",
                        quoted(&value),
                        quoted(first)
                    );
                    self.ignored.push(message);
                }
                None => {
                    *slot = Some(value.into_owned());
                    self.named.push(*param);
                }
            }
        }
    }

    /// Removes and returns a parameter's value, if given.
    fn take(&mut self, param: &str) -> Option<String> {
        self.given
            .iter_mut()
            .find(|(p, _)| *p == param)
            .and_then(|(_, value)| value.take())
    }

    fn note(&mut self, message: String) {
        self.ignored.push(message);
    }

    /// Applies a change if the result validates (see [`validate_ranges`]),
    /// else returns why not.
    fn try_change(&mut self, change: impl FnOnce(&mut Scenario)) -> Result<(), ScenarioError> {
        let mut candidate = self.scenario.clone();
        change(&mut candidate);
        validate_ranges(&candidate)?;
        self.scenario = candidate;
        Ok(())
    }

    /// Parses a number, noting it if it is not one. A value written the same
    /// as one of `exact` (the current value, the setting's default) gives
    /// that back, so the exact one third survives its trip through "0.3333".
    fn parse_number(
        &mut self,
        param: &str,
        raw: &str,
        kept: &str,
        exact: [Option<f64>; 2],
    ) -> Option<f64> {
        // `1e26`, `10^26`, `1x10^26` and `10²⁶` are the same value.
        let Some(number) = crate::format::parse_number(raw) else {
            self.note(format!(
                "{param}: {} is not a number; kept {kept}",
                quoted(raw)
            ));
            return None;
        };
        let exact = exact.into_iter().flatten();
        Some(
            exact
                .into_iter()
                .find(|c| same_in_url(*c, number))
                .unwrap_or(number),
        )
    }

    /// Applies a change, noting it if it puts a value out of range.
    fn set(&mut self, param: &str, raw: &str, kept: &str, change: impl FnOnce(&mut Scenario)) {
        if let Err(e) = self.try_change(change) {
            // The value may be in its own range and clash with another
            // setting (an EU GPAI threshold above the systemic-risk one):
            // then the message names that setting.
            let other = crate::settings::SETTINGS
                .iter()
                .find(|s| s.field == e.field && s.param != param);
            let why = match other {
                Some(other) => format!("{} {}", other.param, e.message),
                None => e.message,
            };
            self.note(format!(
                "{param}: {} is out of range ({why}); kept {kept}",
                quoted(raw)
            ));
        }
    }

    pub(super) fn preset(&mut self) {
        if let Some(raw) = self.take(PRESET) {
            // In any case: `preset="Broad"` is the broad reading.
            let found = presets::find(&raw, presets::DEFAULT_AS_OF)
                .or_else(|| presets::find(&raw.to_ascii_lowercase(), presets::DEFAULT_AS_OF));
            match found {
                Some(preset) => {
                    self.scenario = preset.applied_to(&self.scenario);
                    self.preset_id = Some(preset.id);
                    self.after_preset = Some(self.scenario.clone());
                }
                None => {
                    let all = presets::all(presets::DEFAULT_AS_OF);
                    self.note(format!(
                        "preset: {} is not one of {}; kept the starting definitions",
                        quoted(&raw),
                        joined(all.iter().map(|p| p.id))
                    ));
                }
            }
        }
    }

    /// Every change below keeps a valid scenario valid: start from one.
    pub(super) fn start_valid(&mut self) {
        if let Err(e) = validate_ranges(&self.scenario) {
            if let Some(preset) = presets::find("eu-ai-act", presets::DEFAULT_AS_OF) {
                self.scenario = preset.applied_to(&self.scenario);
                self.preset_id = Some(preset.id);
            }
            self.note(format!(
                "the starting scenario was invalid ({e}); started from the eu-ai-act preset"
            ));
        }
    }

    /// Every setting not read together with another, in table order.
    pub(super) fn each_setting(&mut self) {
        for setting in SETTINGS {
            if !TOGETHER.contains(&setting.param) {
                self.setting(setting);
            }
        }
    }

    /// One setting's parameter: ignored, with a message, when the setting
    /// does not apply or the value is not one it takes.
    fn setting(&mut self, setting: &Setting) {
        let param = setting.param;
        let Some(raw) = self.take(param) else { return };
        if !(setting.applies)(&self.scenario) {
            let why = self.why_not(param);
            self.note(format!("{param}: {} ignored because {why}", quoted(&raw)));
            return;
        }
        let kept = setting.describe(&self.scenario);
        // A choice or a switch reads its words in any case ("Exclude"), as
        // an attribute typed by hand may have them.
        let lower = raw.to_ascii_lowercase();
        let raw = match &setting.kind {
            Kind::Choice(choice)
                if choice.label(&raw).is_none() && choice.label(&lower).is_some() =>
            {
                lower
            }
            Kind::Switch(switch)
                if !switch.words.contains(&raw.as_str())
                    && switch.words.contains(&lower.as_str()) =>
            {
                lower
            }
            _ => raw,
        };
        match &setting.kind {
            Kind::Slider(slider) => {
                if slider.optional.is_some() && raw == NONE {
                    // Clearing an optional test is always valid.
                    setting.set_text(&mut self.scenario, NONE);
                    return;
                }
                let exact = [(slider.get)(&self.scenario), Some(slider.default)];
                if let Some(value) = self.parse_number(param, &raw, &kept, exact) {
                    self.set(param, &raw, &kept, |s| (slider.set)(s, value));
                }
            }
            Kind::Choice(choice) if choice.label(&raw).is_none() => self.note(format!(
                "{param}: {} is not one of {}; kept {kept}",
                quoted(&raw),
                choice.names()
            )),
            Kind::Switch(switch) if !switch.words.contains(&raw.as_str()) => {
                self.note(format!(
                    "{param}: {} is not {} or {}; kept {kept}",
                    quoted(&raw),
                    switch.words[0],
                    switch.words[1]
                ));
            }
            Kind::Date(_) if IsoDate::parse(&raw).is_err() => self.note(format!(
                "{param}: {} is not a date from {} to {} (YYYY-MM-DD); kept {kept}",
                quoted(&raw),
                crate::date::EARLIEST,
                crate::date::LATEST
            )),
            Kind::Choice(_) | Kind::Switch(_) | Kind::Date(_) => {
                self.set(param, &raw, &kept, |s| {
                    setting.set_text(s, &raw);
                });
            }
        }
    }

    /// Why a parameter does not apply: parameters are named after the
    /// choice they depend on (`cap_unscored` after `cap`, `deriv_third`
    /// after `deriv`), so this names that choice's value.
    fn why_not(&self, param: &str) -> String {
        let choice = SETTINGS.iter().find(|s| {
            matches!(s.kind, Kind::Choice(_))
                && param
                    .strip_prefix(s.param)
                    .is_some_and(|rest| rest.starts_with('_'))
        });
        match choice {
            Some(choice) => format!("{} is {}", choice.param, choice.describe(&self.scenario)),
            None => "it does not apply".to_string(),
        }
    }

    /// `cap` and `cap_min` together: a new metric needs its own threshold.
    pub(super) fn capability(&mut self) {
        let current = self.scenario.us.capability;
        let kept = describe_capability(current);
        let cap_raw = self.take(CAP);
        let min_raw = self.take(CAP_MIN);
        let metric = cap_raw.as_deref().and_then(|raw| {
            // In any case, as a choice's words are ("ECI").
            let word = raw.to_ascii_lowercase();
            let found = if word == NONE {
                Some(None)
            } else {
                CapabilityMetric::parse(&word).map(Some)
            };
            if found.is_none() {
                let names = joined(
                    std::iter::once(NONE).chain(CapabilityMetric::ALL.iter().map(|m| m.name())),
                );
                self.note(format!(
                    "{CAP}: {} is not one of {names}; kept {kept}",
                    quoted(raw)
                ));
            }
            found
        });
        let target = metric.unwrap_or(current.map(|c| c.metric));
        let Some(target_metric) = target else {
            // No capability test: a threshold has nothing to apply to.
            if let Some(raw) = min_raw {
                self.note(format!(
                    "{CAP_MIN}: {} ignored because {CAP} is {NONE}",
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
            let default = policy::starting_capability_threshold(target_metric);
            self.parse_number(CAP_MIN, raw, &kept, [current_min, Some(default)])
                .map(|v| (raw, v))
        });
        let applied = match min {
            Some((raw, threshold)) => {
                let capability = Some(CapabilityThreshold {
                    metric: target_metric,
                    threshold,
                    unscored: current.map(|c| c.unscored).unwrap_or_default(),
                });
                self.set(CAP_MIN, raw, &kept, |s| s.us.capability = capability);
                self.scenario.us.capability == capability
            }
            None => false,
        };
        let changes_metric = current.map(|c| c.metric) != target;
        if !applied && changes_metric {
            if let Some(raw) = &cap_raw {
                self.note(format!(
                    "{CAP}: {} needs a usable {CAP_MIN}; kept {kept}",
                    quoted(raw)
                ));
            }
        }
    }

    /// `deriv` with `deriv_frac` or `deriv_flop`: a rule with a number needs it.
    pub(super) fn derivative_rule(&mut self) {
        let current = self.scenario.us.derivatives;
        let kept = describe_derivatives(current);
        let deriv_raw = self.take(DERIV);
        let kind = deriv_raw.as_deref().and_then(|raw| {
            let found = DerivKind::parse(&raw.to_ascii_lowercase());
            if found.is_none() {
                self.note(format!(
                    "{DERIV}: {} is not one of {}; kept {kept}",
                    quoted(raw),
                    joined(DerivKind::ALL.iter().map(|k| k.name()))
                ));
            }
            found
        });
        let target = kind.unwrap_or(current.kind());
        let mut number_raw = None;
        for param in [DERIV_FRAC, DERIV_FLOP] {
            let Some(raw) = self.take(param) else {
                continue;
            };
            if number_param(target) == Some(param) {
                number_raw = Some(raw);
            } else {
                self.note(format!(
                    "{param}: {} ignored because {DERIV} is {}",
                    quoted(&raw),
                    target.name()
                ));
            }
        }
        let Some(param) = number_param(target) else {
            if kind.is_some() {
                self.scenario.us.derivatives = target.with(0.0);
            }
            return;
        };
        let same_kind = current.kind() == target;
        let number = match &number_raw {
            Some(raw) => {
                let exact = [current.number(), target.starting_rule().number()];
                self.parse_number(param, raw, &kept, exact)
            }
            // Switching nothing: the current rule keeps its number.
            None if same_kind => current.number(),
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
                    "{DERIV}: {} needs a usable {param}; kept {kept}",
                    quoted(raw)
                ));
            }
        }
    }

    /// `eu_gpai` and `eu_sys` together first: the systemic threshold must be
    /// at least the GPAI one, so raising (or lowering) both may only work as
    /// a pair.
    pub(super) fn eu_thresholds(&mut self) {
        let gpai_raw = self.take(EU_GPAI);
        let sys_raw = self.take(EU_SYS);
        let gpai_kept = format::flop(self.scenario.eu.gpai_threshold_flop);
        let sys_kept = format::flop(self.scenario.eu.systemic_threshold_flop);
        let (gpai_now, sys_now) = (
            self.scenario.eu.gpai_threshold_flop,
            self.scenario.eu.systemic_threshold_flop,
        );
        let gpai = gpai_raw.as_deref().and_then(|raw| {
            self.parse_number(EU_GPAI, raw, &gpai_kept, [Some(gpai_now), None])
                .map(|v| (raw, v))
        });
        let sys = sys_raw.as_deref().and_then(|raw| {
            self.parse_number(EU_SYS, raw, &sys_kept, [Some(sys_now), None])
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
            self.set(EU_GPAI, raw, &gpai_kept, |s| {
                s.eu.gpai_threshold_flop = v;
            });
        }
        if let Some((raw, v)) = sys {
            self.set(EU_SYS, raw, &sys_kept, |s| {
                s.eu.systemic_threshold_flop = v;
            });
        }
    }

    /// The one check [`validate_ranges`] leaves out: a combination that uses
    /// capability needs a capability test.
    pub(super) fn check_combination(&mut self) {
        if self.scenario.validate().is_err() {
            self.note(format!(
                "combine: {} needs a capability test but {CAP} is {NONE}; used {}",
                self.scenario.us.combine.name(),
                Combine::ComputeOnly.name()
            ));
            self.scenario.us.combine = Combine::ComputeOnly;
        }
    }

    /// The parameters given beside the query's preset that set a value
    /// other than the preset's (each once, in the query's order): they
    /// take precedence over it.
    pub(super) fn overriding(&self) -> Vec<&'static str> {
        let Some(preset) = &self.after_preset else {
            return Vec::new();
        };
        // A preset sets the US definition and the EU settings only: the
        // as-of date and the estimates' switches are not its to override.
        let definitions = Scenario {
            us: self.scenario.us.clone(),
            eu: self.scenario.eu,
            ..preset.clone()
        };
        self.named
            .iter()
            .copied()
            .filter(|param| {
                SETTINGS.iter().any(|setting| {
                    setting.param == *param
                        && setting.url_text(preset) != setting.url_text(&definitions)
                })
            })
            .collect()
    }

    /// A scenario written the same as a preset takes the preset's exact
    /// numbers, so a shared link still matches its preset.
    pub(super) fn snap_to_preset(&mut self) {
        let written = encode(&self.scenario);
        for preset in presets::all(presets::DEFAULT_AS_OF) {
            let candidate = preset.applied_to(&self.scenario);
            if encode(&candidate) == written {
                self.scenario = candidate;
                return;
            }
        }
    }
}
