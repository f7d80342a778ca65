//! The form: builds the controls of `specs` into the page and shows a
//! scenario in them.

mod specs;

pub use specs::{CHOICES, SLIDERS, TOGGLES};

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::dom::{append, attrs, set_attr, set_hidden, set_text, Res};
use crate::presets::{self, Preset};
use crate::scenario::Scenario;

/// Which group of the form a control sits in.
fn group_of(id: &str) -> usize {
    match id {
        "as-of" | "estimates" | "uncertainty" => 2,
        _ if id.starts_with("eu-") => 1,
        _ => 0,
    }
}

/// Position of each control in the form: (group, order).
fn order(id: &str) -> usize {
    const ORDER: &[&str] = &[
        "us-compute",
        "us-capability",
        "us-eci",
        "us-cybench",
        "us-unscored-below",
        "us-combine",
        "us-derivatives",
        "us-deriv-fraction",
        "us-deriv-flop",
        "us-third-party",
        "us-cost-on",
        "us-cost",
        "us-bio-on",
        "us-bio",
        "eu-tier",
        "eu-systemic",
        "eu-fraction",
        "eu-designation-on",
        "eu-designation",
        "as-of",
        "estimates",
        "uncertainty",
    ];
    ORDER.iter().position(|x| *x == id).unwrap_or(ORDER.len())
}

/// The form's elements.
pub struct Controls {
    pub preset: HtmlSelectElement,
    pub preset_match: Element,
    pub preset_description: Element,
    pub sliders: Vec<(HtmlInputElement, Element, Element)>,
    pub choices: Vec<(HtmlSelectElement, Element)>,
    pub toggles: Vec<HtmlInputElement>,
    /// The row of each switch, like `toggles`: hidden when it does not apply.
    pub toggle_rows: Vec<Element>,
    pub as_of: HtmlInputElement,
}

enum Kind {
    Slider(usize),
    Choice(usize),
    Toggle(usize),
    AsOf,
}

/// Builds the controls into `form`.
pub fn build(form: &Element, presets: &[Preset]) -> Res<Controls> {
    let preset_row = append(form, "div", "")?;
    attrs(&preset_row, &[("class", "control preset")])?;
    let label = append(&preset_row, "label", "Start from a preset")?;
    attrs(&label, &[("for", "preset")])?;
    let preset: HtmlSelectElement = append(&preset_row, "select", "")?.unchecked_into();
    preset.set_id("preset");
    let custom = append(&preset, "option", "Custom definition")?;
    attrs(&custom, &[("value", "")])?;
    for p in presets {
        let option = append(&preset, "option", p.name)?;
        attrs(&option, &[("value", p.id)])?;
    }
    let preset_match = append(&preset_row, "p", "")?;
    attrs(&preset_match, &[("id", "preset-match"), ("class", "hint")])?;
    let preset_description = append(&preset_row, "p", "")?;
    attrs(
        &preset_description,
        &[("id", "preset-description"), ("class", "hint")],
    )?;

    let groups = [
        (
            "US candidate definition",
            "The order sets none of these: each is your choice.",
        ),
        ("EU AI Act what-ifs", "Defaults are the law as written."),
        ("Evaluation", ""),
    ];
    let mut fieldsets = Vec::new();
    for (legend, hint) in groups {
        let fieldset = append(form, "fieldset", "")?;
        append(&fieldset, "legend", legend)?;
        if !hint.is_empty() {
            attrs(&append(&fieldset, "p", hint)?, &[("class", "hint")])?;
        }
        fieldsets.push(fieldset);
    }

    let mut items: Vec<(&str, Kind)> = Vec::new();
    items.extend(
        SLIDERS
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, Kind::Slider(i))),
    );
    items.extend(
        CHOICES
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, Kind::Choice(i))),
    );
    items.extend(
        TOGGLES
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, Kind::Toggle(i))),
    );
    items.push(("as-of", Kind::AsOf));
    items.sort_by_key(|(id, _)| order(id));

    let mut sliders = Vec::new();
    let mut choices = Vec::new();
    let mut toggles = Vec::new();
    let mut as_of = None;
    for (id, kind) in items {
        let row = append(&fieldsets[group_of(id)], "div", "")?;
        attrs(&row, &[("class", "control"), ("data-control", id)])?;
        match kind {
            Kind::Slider(i) => {
                let spec = &SLIDERS[i];
                let label = append(&row, "label", spec.label)?;
                attrs(&label, &[("for", spec.id)])?;
                // The slider announces its own value (aria-valuetext): the
                // output is for the eye, not a second live region.
                let output = append(&row, "output", "")?;
                attrs(&output, &[("aria-live", "off")])?;
                attrs(
                    &output,
                    &[("id", &format!("{}-value", spec.id)), ("for", spec.id)],
                )?;
                let input: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
                attrs(
                    &input,
                    &[
                        ("type", "range"),
                        ("id", spec.id),
                        ("min", &spec.min.to_string()),
                        ("max", &spec.max.to_string()),
                        ("step", &spec.step.to_string()),
                    ],
                )?;
                sliders.push((i, (input, output, row)));
            }
            Kind::Choice(i) => {
                let spec = &CHOICES[i];
                let label = append(&row, "label", spec.label)?;
                attrs(&label, &[("for", spec.id)])?;
                let select: HtmlSelectElement = append(&row, "select", "")?.unchecked_into();
                select.set_id(spec.id);
                for (value, text) in spec.options {
                    attrs(&append(&select, "option", text)?, &[("value", value)])?;
                }
                choices.push((i, (select, row)));
            }
            Kind::Toggle(i) => {
                let spec = &TOGGLES[i];
                attrs(&row, &[("class", "control toggle")])?;
                let input: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
                attrs(&input, &[("type", "checkbox"), ("id", spec.id)])?;
                let label = append(&row, "label", spec.label)?;
                attrs(&label, &[("for", spec.id)])?;
                toggles.push((i, (input, row)));
            }
            Kind::AsOf => {
                let label = append(
                    &row,
                    "label",
                    "Evaluate as of (models published later are left out)",
                )?;
                attrs(&label, &[("for", "as-of")])?;
                let input: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
                attrs(
                    &input,
                    &[
                        ("type", "date"),
                        ("id", "as-of"),
                        ("min", "2010-01-01"),
                        ("max", "2100-12-31"),
                    ],
                )?;
                as_of = Some(input);
            }
        }
    }
    let as_of = as_of.ok_or_else(|| wasm_bindgen::JsError::new("the as-of control is missing"))?;
    // The form is in page order; the element lists follow the spec tables,
    // so index `i` of `SLIDERS` (and the rest) is element `i`.
    let (toggles, toggle_rows) = by_spec(toggles).into_iter().unzip();
    Ok(Controls {
        preset,
        preset_match,
        preset_description,
        sliders: by_spec(sliders),
        choices: by_spec(choices),
        toggles,
        toggle_rows,
        as_of,
    })
}

/// Orders `(spec index, element)` pairs by spec index.
fn by_spec<T>(mut items: Vec<(usize, T)>) -> Vec<T> {
    items.sort_by_key(|(i, _)| *i);
    items.into_iter().map(|(_, item)| item).collect()
}

impl Controls {
    /// Shows the scenario in the form. `matching` is the preset the scenario
    /// equals, `base` the one it was last equal to (or was chosen). `except`
    /// is the slider being dragged, whose position is left alone so it does
    /// not jump under the pointer.
    pub fn show(
        &self,
        scenario: &Scenario,
        matching: Option<&Preset>,
        base: Option<&Preset>,
        except: Option<usize>,
    ) -> Res<()> {
        for (i, (spec, (input, output, row))) in SLIDERS.iter().zip(&self.sliders).enumerate() {
            let value = (spec.get)(scenario);
            set_hidden(row, value.is_none())?;
            if let Some(v) = value {
                if except != Some(i) {
                    input.set_value(&v.to_string());
                }
                let text = (spec.text)(v);
                set_text(output, &text);
                set_attr(input, "aria-valuetext", &text)?;
            }
        }
        for (spec, (select, row)) in CHOICES.iter().zip(&self.choices) {
            let value = (spec.get)(scenario);
            set_hidden(row, value.is_none())?;
            if let Some(v) = value {
                if select.value() != v {
                    select.set_value(v);
                }
            }
        }
        for ((spec, input), row) in TOGGLES.iter().zip(&self.toggles).zip(&self.toggle_rows) {
            set_hidden(row, !(spec.applies)(scenario))?;
            input.set_checked((spec.get)(scenario));
        }
        let date = scenario.as_of.to_string();
        if self.as_of.value() != date {
            self.as_of.set_value(&date);
        }
        let id = matching.map_or("", |p| p.id);
        if self.preset.value() != id {
            self.preset.set_value(id);
        }
        // The description stays the base preset's while a slider moves away
        // from it and back, so the form does not jump.
        set_text(
            &self.preset_match,
            &match (matching, base) {
                (Some(p), _) => format!("Matches the {} preset.", p.name),
                (None, Some(b)) => format!(
                    "Custom definition: the {} preset with a different {}.",
                    b.name,
                    presets::differences(scenario, &b.scenario).join(", ")
                ),
                (None, None) => "Custom definition: matches no preset.".to_string(),
            },
        );
        set_text(
            &self.preset_description,
            &base.map_or(String::new(), |b| format!("{}: {}", b.name, b.description)),
        );
        Ok(())
    }
}
