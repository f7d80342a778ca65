//! The form: the table of settings (`crate::settings`) turned into DOM, and
//! a scenario shown in it. What each setting is and does lives in the table.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::dom::{append, attrs, set_attr, set_hidden, set_text, Res};
use crate::presets::Preset;
use crate::scenario::Scenario;
use crate::settings::{self, Group, Kind, Page, SETTINGS};

/// The elements of one setting, like `SETTINGS`.
pub enum Input {
    /// A slider, its value in words, its row, the switch (and its row)
    /// of an optional test, a field to type an exact value in, with its
    /// message, and the line that says when the value decides nothing.
    Slider {
        input: HtmlInputElement,
        output: Element,
        row: Element,
        switch: Option<(HtmlInputElement, Element)>,
        exact: HtmlInputElement,
        exact_error: Element,
        idle: Element,
    },
    /// A drop-down and its row.
    Choice {
        select: HtmlSelectElement,
        row: Element,
    },
    /// A checkbox, its row, and the line that says when it decides nothing.
    Switch {
        input: HtmlInputElement,
        row: Element,
        idle: Element,
    },
    /// A date field, the ISO date beside it, and its row.
    Date {
        input: HtmlInputElement,
        iso: Element,
        row: Element,
    },
    /// A setting only the URL holds.
    None,
}

/// The form's elements.
pub struct Controls {
    pub preset: HtmlSelectElement,
    pub preset_match: Element,
    pub preset_description: Element,
    /// One per setting, in the order of `SETTINGS`.
    pub inputs: Vec<Input>,
    /// What each setting's idle line shows (`None`: hidden), so that a
    /// step that changes none of them touches none.
    idle_shown: std::cell::RefCell<Vec<Option<String>>>,
    /// The next `show` writes every field, one being typed in too (Back or
    /// Forward moved to another view: see `discard_typing`).
    overrule_typing: std::cell::Cell<bool>,
}

/// A row of the form, for the setting with this id.
fn row(parent: &Element, id: &str, class: &str) -> Res<Element> {
    let row = append(parent, "div", "")?;
    attrs(&row, &[("class", class), ("data-control", id)])?;
    Ok(row)
}

fn labelled(row: &Element, text: &str, id: &str) -> Res<()> {
    attrs(&append(row, "label", text)?, &[("for", id)])
}

/// The line of a row that says when its setting decides nothing
/// (`Setting::idle`), hidden until it does; the control points to it.
fn idle_line(row: &Element, id: &str, control: &Element) -> Res<Element> {
    let idle_id = format!("{id}-idle");
    let idle = append(row, "p", "")?;
    attrs(
        &idle,
        &[("id", &idle_id), ("class", "hint idle"), ("hidden", "")],
    )?;
    // The slider and the checkboxes describe nothing else (the exact
    // field, which names its own message, is another control).
    attrs(control, &[("aria-describedby", &idle_id)])?;
    Ok(idle)
}

fn checkbox(parent: &Element, id: &str, label: &str) -> Res<(HtmlInputElement, Element)> {
    let row = row(parent, id, "control toggle")?;
    let input: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
    attrs(&input, &[("type", "checkbox"), ("id", id)])?;
    labelled(&row, label, id)?;
    Ok((input, row))
}

/// Builds the controls into `form`.
pub fn build(form: &Element, presets: &[Preset]) -> Res<Controls> {
    let preset_row = append(form, "div", "")?;
    attrs(&preset_row, &[("class", "control preset")])?;
    labelled(&preset_row, "Start from a preset", "preset")?;
    let preset: HtmlSelectElement = append(&preset_row, "select", "")?.unchecked_into();
    preset.set_id("preset");
    // Shown when the controls match no preset; not a choice in itself
    // (choosing it changed nothing and snapped back: a tester's find).
    let custom = append(&preset, "option", "Custom definition (set below)")?;
    attrs(&custom, &[("value", ""), ("disabled", "")])?;
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

    let mut fieldsets = Vec::new();
    for group in Group::ALL {
        let fieldset = append(form, "fieldset", "")?;
        append(&fieldset, "legend", group.legend())?;
        if !group.hint().is_empty() {
            attrs(&append(&fieldset, "p", group.hint())?, &[("class", "hint")])?;
        }
        fieldsets.push((group, fieldset));
    }

    let mut inputs = Vec::with_capacity(SETTINGS.len());
    for setting in SETTINGS {
        let parent = fieldsets
            .iter()
            .find(|(g, _)| *g == setting.group)
            .map(|(_, f)| f)
            .ok_or_else(|| wasm_bindgen::JsError::new("a settings group is missing"))?;
        if matches!(setting.page, Page::NoControl) {
            inputs.push(Input::None);
            continue;
        }
        let id = setting.id;
        inputs.push(match &setting.kind {
            Kind::Slider(slider) => {
                let switch = match &slider.optional {
                    Some(optional) => Some(checkbox(parent, &format!("{id}-on"), optional.label)?),
                    None => None,
                };
                let row = row(parent, id, "control")?;
                labelled(&row, setting.label, id)?;
                // The slider announces its own value (aria-valuetext): the
                // output is for the eye, not a second live region.
                let output = append(&row, "output", "")?;
                attrs(&output, &[("aria-live", "off")])?;
                attrs(&output, &[("id", &format!("{id}-value")), ("for", id)])?;
                let input: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
                attrs(
                    &input,
                    &[
                        ("type", "range"),
                        ("id", id),
                        ("min", &slider.min.to_string()),
                        ("max", &slider.max.to_string()),
                        ("step", &slider.step.to_string()),
                    ],
                )?;
                // A slider moves in steps: a value between them is typed.
                let exact_id = format!("{id}-exact");
                let exact_row = append(&row, "div", "")?;
                attrs(&exact_row, &[("class", "exact")])?;
                labelled(&exact_row, "or type it", &exact_id)?;
                let exact: HtmlInputElement = append(&exact_row, "input", "")?.unchecked_into();
                let error_id = format!("{exact_id}-error");
                attrs(
                    &exact,
                    &[
                        ("type", "text"),
                        ("id", &exact_id),
                        ("inputmode", "decimal"),
                        ("autocomplete", "off"),
                        ("spellcheck", "false"),
                        ("size", "10"),
                        ("aria-describedby", &error_id),
                    ],
                )?;
                let exact_error = append(&exact_row, "span", "")?;
                attrs(
                    &exact_error,
                    &[("id", &error_id), ("class", "field-error"), ("hidden", "")],
                )?;
                // An optional test's line sits by its switch, which is
                // shown when the slider is not.
                let idle = match &switch {
                    Some((checkbox, switch_row)) => idle_line(switch_row, id, checkbox)?,
                    None => idle_line(&row, id, &input)?,
                };
                Input::Slider {
                    input,
                    output,
                    row,
                    switch,
                    exact,
                    exact_error,
                    idle,
                }
            }
            Kind::Choice(choice) => {
                let row = row(parent, id, "control")?;
                labelled(&row, setting.label, id)?;
                let select: HtmlSelectElement = append(&row, "select", "")?.unchecked_into();
                select.set_id(id);
                for (value, text) in choice.options {
                    attrs(&append(&select, "option", text)?, &[("value", value)])?;
                }
                Input::Choice { select, row }
            }
            Kind::Switch(_) => {
                let (input, row) = checkbox(parent, id, setting.label)?;
                let idle = idle_line(&row, id, &input)?;
                Input::Switch { input, row, idle }
            }
            Kind::Date(date) => {
                let row = row(parent, id, "control")?;
                labelled(&row, setting.label, id)?;
                let input: HtmlInputElement = append(&row, "input", "")?.unchecked_into();
                attrs(
                    &input,
                    &[
                        ("type", "date"),
                        ("id", id),
                        ("min", &date.min.to_string()),
                        ("max", &date.max.to_string()),
                    ],
                )?;
                // The field shows the date in the browser's own format; the
                // ISO date is written beside it.
                let iso = append(&row, "output", "")?;
                attrs(&iso, &[("for", id), ("class", "iso-date")])?;
                Input::Date { input, iso, row }
            }
        });
    }
    Ok(Controls {
        preset,
        preset_match,
        preset_description,
        inputs,
        idle_shown: std::cell::RefCell::new(vec![None; SETTINGS.len()]),
        overrule_typing: std::cell::Cell::new(false),
    })
}

impl Controls {
    /// Shows setting `i`'s idle line with its words, or hides it, where
    /// that differs from what it shows.
    fn show_idle(&self, i: usize, line: &Element, words: Option<String>) -> Res<()> {
        let mut shown = self.idle_shown.borrow_mut();
        let Some(slot) = shown.get_mut(i) else {
            return Ok(());
        };
        if *slot == words {
            return Ok(());
        }
        if let Some(words) = &words {
            set_text(line, words);
        }
        set_hidden(line, words.is_none())?;
        *slot = words;
        Ok(())
    }

    /// Back or Forward showed another view: what is being typed belongs to
    /// the view left, so the next `show` writes every field (a focused
    /// date field too), and the sliders' fields lose their text and
    /// messages.
    pub fn discard_typing(&self) -> Res<()> {
        self.overrule_typing.set(true);
        for i in 0..self.inputs.len() {
            self.typed(i, None)?;
        }
        Ok(())
    }

    /// After a value was typed into slider `i`'s field: its message, or
    /// none (and the field emptied: the slider and its words show the value).
    /// A bad value stays in the field, marked, with its message beside it.
    pub fn typed(&self, i: usize, problem: Option<&str>) -> Res<()> {
        let Some(Input::Slider {
            exact, exact_error, ..
        }) = self.inputs.get(i)
        else {
            return Ok(());
        };
        match problem {
            Some(message) => {
                set_text(exact_error, message);
                set_hidden(exact_error, false)?;
                set_attr(exact, "aria-invalid", "true")
            }
            None => {
                exact.set_value("");
                set_hidden(exact_error, true)?;
                exact
                    .remove_attribute("aria-invalid")
                    .map_err(super::dom::js_err)
            }
        }
    }

    /// Shows the scenario in the form. `matching` is the preset the scenario
    /// equals, `base` the one it was last equal to (or was chosen). `except`
    /// is the setting whose slider is being dragged, whose position is left
    /// alone so it does not jump under the pointer.
    pub fn show(
        &self,
        scenario: &Scenario,
        matching: Option<&Preset>,
        base: Option<&Preset>,
        except: Option<usize>,
    ) -> Res<()> {
        for (i, (setting, input)) in SETTINGS.iter().zip(&self.inputs).enumerate() {
            let shown = setting.shown(scenario);
            match (&setting.kind, input) {
                (
                    Kind::Slider(slider),
                    Input::Slider {
                        input,
                        output,
                        row,
                        switch,
                        exact,
                        idle,
                        ..
                    },
                ) => {
                    self.show_idle(i, idle, setting.idle(scenario))?;
                    let value = (slider.get)(scenario);
                    if let Some((checkbox, switch_row)) = switch {
                        set_hidden(switch_row, !shown)?;
                        checkbox.set_checked(value.is_some());
                    }
                    set_hidden(row, !shown || value.is_none())?;
                    if let Some(v) = value {
                        if except != Some(i) {
                            input.set_value(&slider.position(v).to_string());
                        }
                        let text = (slider.text)(v);
                        set_text(output, &text);
                        set_attr(input, "aria-valuetext", &text)?;
                        // The value as a link writes it: how to type one.
                        set_attr(exact, "placeholder", &slider.unit.in_url(v))?;
                    }
                }
                (Kind::Choice(choice), Input::Choice { select, row }) => {
                    set_hidden(row, !shown)?;
                    let value = (choice.get)(scenario);
                    if select.value() != value {
                        select.set_value(value);
                    }
                }
                (Kind::Switch(switch), Input::Switch { input, row, idle }) => {
                    set_hidden(row, !shown)?;
                    self.show_idle(i, idle, setting.idle(scenario))?;
                    input.set_checked((switch.get)(scenario));
                }
                (Kind::Date(date), Input::Date { input, iso, row }) => {
                    set_hidden(row, !shown)?;
                    let text = (date.get)(scenario).to_string();
                    // While the field has focus its text is the user's,
                    // typed a part at a time (a year's first digit makes
                    // year 0002): writing it back would move the cursor
                    // and lose the keys. It is put right when focus leaves.
                    // (Focus is asked only when the texts differ: a
                    // slider step need not.)
                    let differs = input.value() != text;
                    let typing = differs
                        && !self.overrule_typing.get()
                        && input.matches(":focus").unwrap_or(false);
                    if typing {
                        set_text(
                            iso,
                            &format!(
                                "{text} (ISO 8601): kept until the date typed is one from {} to {}",
                                date.min, date.max
                            ),
                        );
                    } else {
                        set_text(iso, &format!("{text} (ISO 8601)"));
                    }
                    if differs && !typing {
                        input.set_value(&text);
                    }
                }
                _ => {}
            }
        }
        self.overrule_typing.set(false);
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
                    settings::differences(scenario, &b.scenario).join(", ")
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
