//! Every setting of a scenario, once: its page id and URL parameter, its
//! label and group, its kind (slider, choice, switch or date), its range,
//! default and source, and how it reads and writes a [`Scenario`]. The URL
//! codec, the wasm API, the CSV export and the page all read [`SETTINGS`].
//!
//! ```
//! use scope_explorer::{presets, settings};
//!
//! let mut scenario = presets::find("sb53", presets::DEFAULT_AS_OF).unwrap().scenario;
//! let compute = settings::find("us-compute").unwrap();
//! assert_eq!(compute.param, "us_flop");
//! assert!(compute.set_text(&mut scenario, "3e25"));
//! assert_eq!(scenario.us.compute_threshold_flop, 3e25);
//! assert_eq!(compute.url_text(&scenario).as_deref(), Some("3e25"));
//! ```

use serde::Serialize;

use crate::date::IsoDate;
use crate::format;
use crate::presets::Preset;
use crate::scenario::{Combine, Scenario};

pub mod policy;
mod table;

pub use table::SETTINGS;

/// The word that clears an optional test in a URL (`cost_usd=none`) and
/// names "no capability test" (`cap=none`).
pub const NONE: &str = "none";

/// Which part of the form a setting belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// The candidate US definition.
    Us,
    /// The EU AI Act, as written or as a what-if.
    Eu,
    /// How the scenario is evaluated: the date, estimates and uncertainty.
    Evaluation,
}

impl Group {
    /// Every group, in page order.
    pub const ALL: [Group; 3] = [Group::Us, Group::Eu, Group::Evaluation];

    /// The group's heading.
    pub fn legend(self) -> &'static str {
        match self {
            Group::Us => "US candidate definition",
            Group::Eu => "EU AI Act what-ifs",
            Group::Evaluation => "Evaluation",
        }
    }

    /// A line under the heading, if any.
    pub fn hint(self) -> &'static str {
        match self {
            Group::Us => "The order sets none of these: each is your choice.",
            Group::Eu => "Defaults are the law as written.",
            Group::Evaluation => "",
        }
    }

    /// Whether a preset sets the group's settings (the evaluation ones are
    /// the user's, whatever the preset).
    pub fn in_presets(self) -> bool {
        self != Group::Evaluation
    }
}

/// The unit of a number setting: how it is written and scaled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Floating-point operations (log scale).
    Flop,
    /// US dollars (log scale).
    Usd,
    /// A share, from 0 to 1.
    Fraction,
    /// Epoch Capabilities Index points.
    EciPoints,
    /// Per cent of tasks solved.
    Percent,
}

impl Unit {
    /// Whether slider positions are base-10 exponents of the value.
    pub fn log_scale(self) -> bool {
        matches!(self, Unit::Flop | Unit::Usd)
    }

    /// The value in a message: "1 × 10²⁵ FLOP", "$100M", "0.3333", "150".
    pub fn short(self, value: f64) -> String {
        match self {
            Unit::Flop => format::flop(value),
            Unit::Usd => format::usd(value),
            Unit::Fraction => format::plain4(value),
            Unit::EciPoints | Unit::Percent => format::score(value),
        }
    }

    /// The value in a URL: four significant digits, e-notation for FLOP and
    /// dollars (`3.162e25`, `1e8`), plain for the rest (`0.3333`, `150`).
    pub fn in_url(self, value: f64) -> String {
        if self.log_scale() {
            format::sci4(value)
        } else {
            format::plain4(value)
        }
    }
}

/// An optional test: a switch turns it on (at the slider's default) and off.
pub struct Optional {
    /// The switch's label.
    pub label: &'static str,
    /// What "off" means, in words ("no cost test").
    pub off: &'static str,
    /// Turns the test off.
    pub clear: fn(&mut Scenario),
}

/// A number on a slider.
pub struct Slider {
    /// The number's unit.
    pub unit: Unit,
    /// Lowest slider position (a base-10 exponent on a log scale).
    pub min: f64,
    /// Highest slider position.
    pub max: f64,
    /// Slider step, in positions.
    pub step: f64,
    /// The value it starts at: in the default scenario, or when its test,
    /// rule or metric is first chosen.
    pub default: f64,
    /// Present when the test can be switched off (`None` in the scenario).
    pub optional: Option<Optional>,
    /// The value, or `None` when it is off or does not apply.
    pub get: fn(&Scenario) -> Option<f64>,
    /// Sets the value (turning an optional test on).
    pub set: fn(&mut Scenario, f64),
    /// The value in words with its unit, shown beside the slider and announced.
    pub text: fn(f64) -> String,
}

impl Slider {
    /// The slider position of a value.
    pub fn position(&self, value: f64) -> f64 {
        if self.unit.log_scale() {
            value.log10()
        } else {
            value
        }
    }

    /// The value at a slider position.
    pub fn value_at(&self, position: f64) -> f64 {
        if self.unit.log_scale() {
            10f64.powf(position)
        } else {
            position
        }
    }
}

/// One of a few named values.
pub struct Choice {
    /// Each value's name (as in the URL) and label.
    pub options: &'static [(&'static str, &'static str)],
    /// The default value's name.
    pub default: &'static str,
    /// The current value's name.
    pub get: fn(&Scenario) -> &'static str,
    /// Sets the value named (one of `options`).
    pub set: fn(&mut Scenario, &str),
}

impl Choice {
    /// The option names, for "is not one of a, b, c".
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.options.iter().map(|(name, _)| *name).collect();
        names.join(", ")
    }

    /// The label of the named option.
    pub fn label(&self, name: &str) -> Option<&'static str> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, label)| *label)
    }
}

/// On or off.
pub struct Switch {
    /// On by default?
    pub default: bool,
    /// How "off" and "on" are written in the URL.
    pub words: [&'static str; 2],
    /// Whether it is on.
    pub get: fn(&Scenario) -> bool,
    /// Turns it on or off.
    pub set: fn(&mut Scenario, bool),
}

impl Switch {
    /// The URL word for a state.
    pub fn word(&self, on: bool) -> &'static str {
        self.words[usize::from(on)]
    }
}

/// An ISO date. Its default is today, which only the caller knows.
pub struct DateInput {
    /// Earliest date the page's date field offers.
    pub min: IsoDate,
    /// Latest date the page's date field offers.
    pub max: IsoDate,
    /// The date.
    pub get: fn(&Scenario) -> IsoDate,
    /// Sets the date.
    pub set: fn(&mut Scenario, IsoDate),
}

/// What kind of control a setting is, with its range and default.
pub enum Kind {
    /// A number on a slider.
    Slider(Slider),
    /// One of a few named values (a drop-down).
    Choice(Choice),
    /// On or off (a checkbox).
    Switch(Switch),
    /// A date.
    Date(DateInput),
}

/// Whether and when the page shows a setting.
pub enum Page {
    /// Shown when the setting applies.
    Shown,
    /// Shown when this holds (the setting is in the URL whenever it applies).
    ShownWhen(fn(&Scenario) -> bool),
    /// Only in the URL.
    NoControl,
}

/// One setting of a scenario.
pub struct Setting {
    /// The page's element id (`us-compute`).
    pub id: &'static str,
    /// The URL parameter (`us_flop`). Two settings share one only when at
    /// most one of them applies at a time (the two capability thresholds).
    pub param: &'static str,
    /// The control's label.
    pub label: &'static str,
    /// A short noun, for "a different {name}" (settings of one test share it).
    pub name: &'static str,
    /// The part of the form.
    pub group: Group,
    /// Where the default comes from ("AI Act Art. 51(2)").
    pub source: &'static str,
    /// The dotted path of the scenario field it writes, as
    /// [`crate::scenario::ScenarioError`] names it.
    pub field: &'static str,
    /// Slider, choice, switch or date, with range, default and accessors.
    pub kind: Kind,
    /// Whether the setting means anything for a scenario: it is written in
    /// the URL, and shown, only then.
    pub applies: fn(&Scenario) -> bool,
    /// Whether the page shows it.
    pub page: Page,
}

/// For settings that always apply.
pub(crate) fn always(_: &Scenario) -> bool {
    true
}

/// A setting's value in a scenario, whatever its kind.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A slider's number.
    Number(f64),
    /// An optional test switched off, or a number that does not apply.
    Off,
    /// A choice's name.
    Choice(&'static str),
    /// A switch.
    Switch(bool),
    /// A date.
    Date(IsoDate),
}

impl Setting {
    /// The value, whether or not it applies.
    pub fn value(&self, scenario: &Scenario) -> Value {
        match &self.kind {
            Kind::Slider(slider) => (slider.get)(scenario).map_or(Value::Off, Value::Number),
            Kind::Choice(choice) => Value::Choice((choice.get)(scenario)),
            Kind::Switch(switch) => Value::Switch((switch.get)(scenario)),
            Kind::Date(date) => Value::Date((date.get)(scenario)),
        }
    }

    /// The value as the URL writes it, or `None` when it is not written:
    /// the setting does not apply, or its optional test is off.
    pub fn url_text(&self, scenario: &Scenario) -> Option<String> {
        if !(self.applies)(scenario) {
            return None;
        }
        match &self.kind {
            Kind::Slider(slider) => (slider.get)(scenario).map(|v| slider.unit.in_url(v)),
            Kind::Choice(choice) => Some((choice.get)(scenario).to_string()),
            Kind::Switch(switch) => Some(switch.word((switch.get)(scenario)).to_string()),
            Kind::Date(date) => Some((date.get)(scenario).to_string()),
        }
    }

    /// The value in words for a message ("kept 1 × 10²⁵ FLOP").
    pub fn describe(&self, scenario: &Scenario) -> String {
        match &self.kind {
            Kind::Slider(slider) => match ((slider.get)(scenario), &slider.optional) {
                (Some(v), _) => slider.unit.short(v),
                (None, Some(optional)) => optional.off.to_string(),
                (None, None) => "nothing".to_string(),
            },
            Kind::Choice(choice) => (choice.get)(scenario).to_string(),
            Kind::Switch(switch) => switch.word((switch.get)(scenario)).to_string(),
            Kind::Date(date) => (date.get)(scenario).to_string(),
        }
    }

    /// Applies a value written as in the URL, without checking the result:
    /// a number (or `none` for an optional test), an option's name, a
    /// switch word, an ISO date. Returns whether the text was one.
    pub fn set_text(&self, scenario: &mut Scenario, text: &str) -> bool {
        match &self.kind {
            Kind::Slider(slider) => match (&slider.optional, text) {
                (Some(optional), NONE) => {
                    (optional.clear)(scenario);
                    true
                }
                // `1e26`, `10^26`, `1x10^26` and `10²⁶` are the same value.
                _ => match crate::format::parse_number(text) {
                    Some(v) => {
                        (slider.set)(scenario, v);
                        true
                    }
                    None => false,
                },
            },
            Kind::Choice(choice) => {
                let known = choice.label(text).is_some();
                if known {
                    (choice.set)(scenario, text);
                }
                known
            }
            Kind::Switch(switch) => match switch.words.iter().position(|w| *w == text) {
                Some(i) => {
                    (switch.set)(scenario, i == 1);
                    true
                }
                None => false,
            },
            Kind::Date(date) => match IsoDate::parse(text) {
                Ok(d) => {
                    (date.set)(scenario, d);
                    true
                }
                Err(_) => false,
            },
        }
    }

    /// Turns a switch, or an optional test (at its default), on or off.
    /// Returns whether the setting has a switch.
    pub fn turn(&self, scenario: &mut Scenario, on: bool) -> bool {
        match &self.kind {
            Kind::Switch(switch) => (switch.set)(scenario, on),
            Kind::Slider(Slider {
                optional: Some(optional),
                default,
                set,
                ..
            }) => {
                if on {
                    set(scenario, *default);
                } else {
                    (optional.clear)(scenario);
                }
            }
            Kind::Slider(_) | Kind::Choice(_) | Kind::Date(_) => return false,
        }
        true
    }

    /// Why the setting's value decides nothing in `scenario` although the
    /// page shows it, in words for beside its control: a compute setting
    /// while the US definition tests capability only, a capability setting
    /// while it tests compute only (the US rules' `match us.combine`).
    pub fn idle(&self, scenario: &Scenario) -> Option<String> {
        const COMPUTE: [&str; 4] = ["us-compute", "us-bio", "us-deriv-fraction", "us-deriv-flop"];
        const CAPABILITY: [&str; 3] = ["us-eci", "us-cybench", "us-unscored-below"];
        let (tests, other) = match scenario.us.combine {
            Combine::CapabilityOnly if COMPUTE.contains(&self.id) => ("capability", "compute"),
            Combine::ComputeOnly if CAPABILITY.contains(&self.id) => ("compute", "capability"),
            _ => return None,
        };
        let combine = find("us-combine").map_or("", |s| s.label);
        Some(format!(
            "Not used now: the US definition tests {tests} only, not {other} (set under \u{201c}{combine}\u{201d})."
        ))
    }

    /// Whether the page shows the setting for a scenario.
    pub fn shown(&self, scenario: &Scenario) -> bool {
        match self.page {
            Page::Shown => (self.applies)(scenario),
            Page::ShownWhen(shown) => shown(scenario),
            Page::NoControl => false,
        }
    }
}

/// The setting with this page id.
pub fn find(id: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.id == id)
}

/// Every URL parameter, once, in table order.
pub fn params() -> Vec<&'static str> {
    let mut params: Vec<&str> = Vec::new();
    for setting in SETTINGS {
        if !params.contains(&setting.param) {
            params.push(setting.param);
        }
    }
    params
}

/// The settings in which `scenario` differs from `preset`, named once each
/// in table order (the evaluation settings are not part of a preset).
pub fn differences(scenario: &Scenario, preset: &Scenario) -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for setting in SETTINGS.iter().filter(|s| s.group.in_presets()) {
        if setting.value(scenario) != setting.value(preset) && !names.contains(&setting.name) {
            names.push(setting.name);
        }
    }
    names
}

/// The preset a scenario equals, else the one it differs from in the
/// fewest settings (the first of a tie): how a custom link is described.
pub fn closest_preset(scenario: &Scenario, presets: &[Preset]) -> Option<usize> {
    (0..presets.len()).min_by_key(|i| differences(scenario, &presets[*i].scenario).len())
}

/// A setting as the wasm API hands it to JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SettingView {
    /// The page's element id.
    pub id: &'static str,
    /// The URL parameter.
    pub param: &'static str,
    /// The control's label.
    pub label: &'static str,
    /// The part of the form.
    pub group: Group,
    /// `slider`, `choice`, `switch` or `date`.
    pub kind: &'static str,
    /// A slider's unit.
    pub unit: Option<Unit>,
    /// A slider's lowest value (not position), or a date's earliest.
    pub min: Option<Value>,
    /// A slider's highest value, or a date's latest.
    pub max: Option<Value>,
    /// A choice's option names.
    pub options: Vec<&'static str>,
    /// The default (`null` for the date, which defaults to today); for an
    /// optional test, the value it is switched on at.
    pub default: Option<Value>,
    /// Whether an optional test is off by default.
    pub optional: bool,
    /// Where the default comes from.
    pub source: &'static str,
    /// The scenario field it writes.
    pub field: &'static str,
}

/// Every setting, for the wasm API.
pub fn views() -> Vec<SettingView> {
    SETTINGS.iter().map(view).collect()
}

fn view(setting: &Setting) -> SettingView {
    let mut view = SettingView {
        id: setting.id,
        param: setting.param,
        label: setting.label,
        group: setting.group,
        kind: "",
        unit: None,
        min: None,
        max: None,
        options: Vec::new(),
        default: None,
        optional: false,
        source: setting.source,
        field: setting.field,
    };
    match &setting.kind {
        Kind::Slider(slider) => {
            view.kind = "slider";
            view.unit = Some(slider.unit);
            view.min = Some(Value::Number(slider.value_at(slider.min)));
            view.max = Some(Value::Number(slider.value_at(slider.max)));
            view.default = Some(Value::Number(slider.default));
            view.optional = slider.optional.is_some();
        }
        Kind::Choice(choice) => {
            view.kind = "choice";
            view.options = choice.options.iter().map(|(name, _)| *name).collect();
            view.default = Some(Value::Choice(choice.default));
        }
        Kind::Switch(switch) => {
            view.kind = "switch";
            view.default = Some(Value::Switch(switch.default));
        }
        Kind::Date(date) => {
            view.kind = "date";
            view.min = Some(Value::Date(date.min));
            view.max = Some(Value::Date(date.max));
        }
    }
    view
}

#[cfg(test)]
mod tests;
