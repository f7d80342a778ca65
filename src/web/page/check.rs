//! "Is our model in scope?": the check form and its results. The panel
//! keeps references to every element it makes and finds nothing by
//! document id; ids exist only to tie labels and messages to fields, made
//! unique per panel.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::dom::{append, attrs, js_err, set_hidden, set_text, Res};
use crate::catalog::Catalog;
use crate::check::compute::ACCELERATORS;
use crate::check::form::METHODS;
use crate::check::{check, CheckForm, CheckReport, FieldError, Output};
use crate::scenario::Scenario;

/// What the user can do in the panel.
pub(super) enum Action {
    /// Check the model as the form stands.
    Check,
    /// The compute method changed.
    Method,
    /// Empty the form.
    Clear,
    /// A field was edited (typed into, ticked, chosen).
    Edited,
    /// Copy the results as text, with the page's link.
    Copy,
}

thread_local! {
    static NEXT_PANEL: Cell<u32> = const { Cell::new(0) };
}

/// A text field with its message.
struct Field {
    key: &'static str,
    input: HtmlInputElement,
    error: Element,
}

/// Said in the results re-checked after a change of scenario while the form
/// has changes not yet checked.
const UNCHECKED_EDITS: &str = "These results are for the form as last checked (the link holds it), not for the changes typed since: press \u{201c}Check this model\u{201d} to check them.";

/// The panel's elements and the form last checked.
pub(super) struct CheckPanel {
    /// The form element (submit runs the check).
    pub form: Element,
    /// The method radios, in [`METHODS`] order.
    pub methods: Vec<HtmlInputElement>,
    /// The clear button.
    pub clear: Element,
    method_groups: Vec<Element>,
    method_error: Element,
    fields: Vec<Field>,
    chip: HtmlSelectElement,
    generates: Vec<HtmlInputElement>,
    generates_error: Element,
    same_developer: HtmlInputElement,
    /// "Trained primarily on biological sequence data".
    biological: HtmlInputElement,
    computed: Element,
    pub(super) results: Element,
    /// The form as last checked (`None`: nothing checked); the URL holds it.
    pub checked: Option<CheckForm>,
    /// The last report, for the chart's marker.
    pub report: Option<CheckReport>,
}

fn input_of(element: Element) -> Res<HtmlInputElement> {
    element
        .dyn_into::<HtmlInputElement>()
        .map_err(|_| wasm_bindgen::JsError::new("check form: not an input"))
}

/// A yes-or-no field of the form: a checkbox labelled `text`, read by its
/// `data-field` (`key`).
fn field_box(parent: &Element, key: &str, text: &str) -> Res<HtmlInputElement> {
    let label = append(parent, "label", "")?;
    attrs(&label, &[("class", "radio")])?;
    let input = input_of(append(&label, "input", "")?)?;
    attrs(&input, &[("type", "checkbox"), ("data-field", key)])?;
    append(&label, "span", text)?;
    Ok(input)
}

/// One labelled text field with its unit and its message.
fn field(parent: &Element, prefix: &str, key: &'static str, label: &str, hint: &str) -> Res<Field> {
    let id = format!("{prefix}-{}", key.replace('.', "-"));
    let wrap = append(parent, "div", "")?;
    attrs(&wrap, &[("class", "control check-field")])?;
    let l = append(&wrap, "label", label)?;
    attrs(&l, &[("for", &id)])?;
    let input = input_of(append(&wrap, "input", "")?)?;
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    attrs(
        &input,
        &[
            ("id", &id),
            ("type", "text"),
            ("data-field", key),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("aria-describedby", &format!("{hint_id} {error_id}")),
        ],
    )?;
    let h = append(&wrap, "p", hint)?;
    attrs(&h, &[("class", "hint"), ("id", &hint_id)])?;
    let error = append(&wrap, "p", "")?;
    attrs(
        &error,
        &[
            ("class", "field-error"),
            ("id", &error_id),
            ("data-error-for", key),
            ("hidden", ""),
        ],
    )?;
    Ok(Field { key, input, error })
}

fn error_line(parent: &Element, key: &str) -> Res<Element> {
    let error = append(parent, "p", "")?;
    attrs(
        &error,
        &[
            ("class", "field-error"),
            ("data-error-for", key),
            ("hidden", ""),
        ],
    )?;
    Ok(error)
}

/// Builds the panel into `parent`.
pub(super) fn build(parent: &Element, catalog: &Catalog) -> Res<CheckPanel> {
    let n = NEXT_PANEL.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let prefix = format!("chk{n}");
    let section = append(parent, "section", "")?;
    attrs(
        &section,
        &[
            ("class", "check"),
            ("aria-labelledby", &format!("{prefix}-title")),
        ],
    )?;
    attrs(
        &append(&section, "h2", "Check a model: is it in scope?")?,
        &[("id", &format!("{prefix}-title"))],
    )?;
    append(&section, "p", "Describe a model that is not in the catalog. Both regimes judge it with the same rules as the catalog's models, under your scenario and under every preset. Numbers take e-notation or a suffix: 6.3e24, 70B, 15T.")?.set_class_name("hint");
    let form = append(&section, "form", "")?;
    attrs(
        &form,
        &[
            ("class", "check-form"),
            ("aria-label", "Model to check"),
            ("novalidate", ""),
        ],
    )?;
    let mut fields = Vec::new();
    fields.push(field(
        &form,
        &prefix,
        "name",
        "Name (optional)",
        "shown in the results",
    )?);
    // The compute method.
    let methods_box = append(&form, "fieldset", "")?;
    attrs(&methods_box, &[("class", "check-methods")])?;
    append(&methods_box, "legend", "Training compute")?;
    let mut methods = Vec::new();
    for (method, label) in METHODS.iter().zip([
        "in FLOP",
        "from parameters and tokens (6 × N × D)",
        "from hardware (chips × peak × time × utilisation)",
    ]) {
        let l = append(&methods_box, "label", "")?;
        attrs(&l, &[("class", "radio")])?;
        let radio = input_of(append(&l, "input", "")?)?;
        attrs(
            &radio,
            &[
                ("type", "radio"),
                ("name", &format!("{prefix}-method")),
                ("value", method),
                ("data-method", method),
            ],
        )?;
        append(&l, "span", label)?;
        methods.push(radio);
    }
    let method_error = error_line(&methods_box, "compute")?;
    let mut method_groups = Vec::new();
    let group = append(&methods_box, "div", "")?;
    group.set_class_name("method-group");
    fields.push(field(
        &group,
        &prefix,
        "compute.flop",
        "Training compute (FLOP)",
        "the model's total training compute, such as 6.3e24 FLOP; a fine-tune's includes its base model's, or leave it empty and give the fine-tune's own below",
    )?);
    method_groups.push(group);
    let group = append(&methods_box, "div", "")?;
    group.set_class_name("method-group");
    fields.push(field(
        &group,
        &prefix,
        "compute.parameters",
        "Parameters (count)",
        "active parameters per token, such as 70B",
    )?);
    fields.push(field(
        &group,
        &prefix,
        "compute.tokens",
        "Training tokens (count)",
        "such as 15T",
    )?);
    method_groups.push(group);
    let group = append(&methods_box, "div", "")?;
    group.set_class_name("method-group");
    let chip_wrap = append(&group, "div", "")?;
    attrs(&chip_wrap, &[("class", "control")])?;
    let chip_id = format!("{prefix}-chip");
    attrs(
        &append(&chip_wrap, "label", "Chip (dense BF16 peak)")?,
        &[("for", &chip_id)],
    )?;
    let chip: HtmlSelectElement = append(&chip_wrap, "select", "")?
        .dyn_into()
        .map_err(|_| wasm_bindgen::JsError::new("check form: not a select"))?;
    attrs(&chip, &[("id", &chip_id), ("data-field", "compute.chip")])?;
    for a in ACCELERATORS {
        let option = append(
            &chip,
            "option",
            &format!(
                "{}: {} TFLOP/s",
                a.name,
                crate::format::plain4(a.peak_flop_per_s / 1e12)
            ),
        )?;
        attrs(&option, &[("value", a.id), ("title", a.source)])?;
    }
    let sources = append(&chip_wrap, "details", "")?;
    append(&sources, "summary", "Sources of the chip figures")?;
    let list = append(&sources, "ul", "")?;
    for a in ACCELERATORS {
        append(&list, "li", a.source)?;
    }
    error_line(&chip_wrap, "compute.chip")?;
    fields.push(field(
        &group,
        &prefix,
        "compute.chips",
        "Number of chips",
        "such as 10,000",
    )?);
    fields.push(field(
        &group,
        &prefix,
        "compute.days",
        "Training time (days)",
        "wall-clock days of the training run",
    )?);
    fields.push(field(
        &group,
        &prefix,
        "compute.utilisation_pct",
        "Utilisation (%)",
        "share of peak achieved (model FLOP utilisation), often 30 to 50%",
    )?);
    method_groups.push(group);
    let computed = append(&methods_box, "p", "")?;
    attrs(
        &computed,
        &[("class", "check-computed"), ("aria-live", "polite")],
    )?;

    fields.push(field(
        &form,
        &prefix,
        "publication_date",
        "Publication date (YYYY-MM-DD)",
        "such as 2026-06-02",
    )?);
    fields.push(field(
        &form,
        &prefix,
        "eci",
        "ECI score (optional, ECI points)",
        "Epoch Capabilities Index, such as 150",
    )?);
    fields.push(field(
        &form,
        &prefix,
        "cybench_pct",
        "Cybench (optional, % solved)",
        "unguided, 0 to 100",
    )?);
    fields.push(field(
        &form,
        &prefix,
        "cost_usd",
        "Training cost (optional, US dollars)",
        "such as 150M; the model's total, a fine-tune's with its base's; read by the cost tests (RAISE and SB 1047 style: over $100M; SB 1047's $10M test for fine-tunes is not modelled), which read Epoch's figures in 2023 dollars",
    )?);
    let outputs = append(&form, "fieldset", "")?;
    attrs(&outputs, &[("class", "check-outputs")])?;
    append(
        &outputs,
        "legend",
        "What it generates (the EU's GPAI criterion)",
    )?;
    let mut generates = Vec::new();
    for output in Output::ALL {
        let l = append(&outputs, "label", "")?;
        attrs(&l, &[("class", "radio")])?;
        let checkbox = input_of(append(&l, "input", "")?)?;
        attrs(
            &checkbox,
            &[
                ("type", "checkbox"),
                ("value", output.name()),
                ("data-output", output.name()),
            ],
        )?;
        append(&l, "span", output.name())?;
        generates.push(checkbox);
    }
    let generates_error = error_line(&outputs, "generates")?;
    // Its message describes each box, as a text field's describes it.
    let generates_error_id = format!("{prefix}-generates-error");
    attrs(&generates_error, &[("id", &generates_error_id)])?;
    for checkbox in &generates {
        attrs(checkbox, &[("aria-describedby", &generates_error_id)])?;
    }

    // EO 14110 sec. 4.2(b)'s lower threshold, for the presets and
    // definitions that have one.
    let biological = field_box(
        &form,
        "biological",
        "Trained primarily on biological sequence data (the EO 14110 style preset's lower threshold: more than 10²³ FLOP)",
    )?;

    let tune = append(&form, "fieldset", "")?;
    append(&tune, "legend", "Fine-tune (optional)")?;
    let base = field(
        &tune,
        &prefix,
        "base_model",
        "Base model from the catalog",
        "start typing to search the catalog's names",
    )?;
    let list_id = format!("{prefix}-models");
    attrs(&base.input, &[("list", &list_id)])?;
    let datalist = append(&tune, "datalist", "")?;
    attrs(&datalist, &[("id", &list_id)])?;
    for m in &catalog.models {
        attrs(&append(&datalist, "option", "")?, &[("value", &m.name)])?;
    }
    fields.push(base);
    fields.push(field(
        &tune,
        &prefix,
        "finetune_flop",
        "Fine-tune's own compute (FLOP)",
        "the fine-tuning alone, such as 5e24; with no training compute above, the rules read the base's plus this",
    )?);
    let same_developer = field_box(
        &tune,
        "same_developer",
        "The fine-tuner is the base model's developer",
    )?;

    let buttons = append(&form, "div", "")?;
    attrs(&buttons, &[("class", "check-buttons")])?;
    attrs(
        &append(&buttons, "button", "Check this model")?,
        &[("type", "submit"), ("data-action", "check")],
    )?;
    let clear = append(&buttons, "button", "Clear")?;
    attrs(&clear, &[("type", "button"), ("data-action", "clear")])?;
    let results = append(&section, "div", "")?;
    attrs(
        &results,
        &[("class", "check-results"), ("aria-live", "polite")],
    )?;
    let panel = CheckPanel {
        form,
        methods,
        clear,
        method_groups,
        method_error,
        fields,
        chip,
        generates,
        generates_error,
        same_developer,
        biological,
        computed,
        results,
        checked: None,
        report: None,
    };
    panel.fill(&CheckForm::default())?;
    Ok(panel)
}

impl CheckPanel {
    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    fn value(&self, key: &str) -> String {
        self.field(key).map(|f| f.input.value()).unwrap_or_default()
    }

    /// The form as typed.
    pub fn read(&self) -> CheckForm {
        let method = self
            .methods
            .iter()
            .find(|r| r.checked())
            .map(|r| r.value())
            .unwrap_or_default();
        CheckForm {
            name: self.value("name"),
            method: method.clone(),
            flop: self.value("compute.flop"),
            parameters: self.value("compute.parameters"),
            tokens: self.value("compute.tokens"),
            chip: if method == "hardware" {
                self.chip.value()
            } else {
                String::new()
            },
            chips: self.value("compute.chips"),
            days: self.value("compute.days"),
            utilisation_pct: self.value("compute.utilisation_pct"),
            publication_date: self.value("publication_date"),
            eci: self.value("eci"),
            cybench_pct: self.value("cybench_pct"),
            cost_usd: self.value("cost_usd"),
            generates: self
                .generates
                .iter()
                .filter(|c| c.checked())
                .map(|c| c.value())
                .collect(),
            base_model: self.value("base_model"),
            finetune_flop: self.value("finetune_flop"),
            same_developer: self.same_developer.checked(),
            biological: self.biological.checked(),
        }
    }

    /// Shows a form (from the URL, or empty).
    pub fn fill(&self, form: &CheckForm) -> Res<()> {
        let texts = [
            ("name", &form.name),
            ("compute.flop", &form.flop),
            ("compute.parameters", &form.parameters),
            ("compute.tokens", &form.tokens),
            ("compute.chips", &form.chips),
            ("compute.days", &form.days),
            ("compute.utilisation_pct", &form.utilisation_pct),
            ("publication_date", &form.publication_date),
            ("eci", &form.eci),
            ("cybench_pct", &form.cybench_pct),
            ("cost_usd", &form.cost_usd),
            ("base_model", &form.base_model),
            ("finetune_flop", &form.finetune_flop),
        ];
        for (key, text) in texts {
            if let Some(f) = self.field(key) {
                f.input.set_value(text);
            }
        }
        for radio in &self.methods {
            radio.set_checked(radio.value() == form.method());
        }
        if !form.chip.is_empty() {
            self.chip.set_value(&form.chip);
        }
        for c in &self.generates {
            c.set_checked(form.generates.iter().any(|g| *g == c.value()));
        }
        self.same_developer.set_checked(form.same_developer);
        self.biological.set_checked(form.biological);
        self.show_method()
    }

    /// Shows the chosen method's fields only.
    pub fn show_method(&self) -> Res<()> {
        let form = self.read();
        for (method, group) in METHODS.iter().zip(&self.method_groups) {
            set_hidden(group, *method != form.method())?;
        }
        Ok(())
    }

    fn show_errors(&self, errors: &[FieldError]) -> Res<()> {
        self.show_messages(errors, true)
    }

    /// Shows each message beside its field: errors (`blocking`, the field
    /// marked invalid) or notes that did not stop the check.
    fn show_messages(&self, errors: &[FieldError], blocking: bool) -> Res<()> {
        let mut lines: Vec<(&str, &Element, &[HtmlInputElement])> = self
            .fields
            .iter()
            .map(|f| (f.key, &f.error, std::slice::from_ref(&f.input)))
            .collect();
        lines.push(("compute", &self.method_error, &[]));
        lines.push(("generates", &self.generates_error, &self.generates));
        let chip_error = self
            .form
            .query_selector("[data-error-for=\"compute.chip\"]")
            .map_err(js_err)?;
        if let Some(e) = &chip_error {
            lines.push(("compute.chip", e, &[]));
        }
        for (key, line, inputs) in lines {
            let messages: Vec<&str> = errors
                .iter()
                .filter(|e| e.field == key || (key == "compute" && e.field == "compute.method"))
                .map(|e| e.message.as_str())
                .collect();
            set_text(line, &messages.join("; "));
            set_hidden(line, messages.is_empty())?;
            line.set_class_name(if blocking {
                "field-error"
            } else {
                "field-note"
            });
            for input in inputs {
                if messages.is_empty() || !blocking {
                    input.remove_attribute("aria-invalid").map_err(js_err)?;
                } else {
                    attrs(input, &[("aria-invalid", "true")])?;
                }
            }
        }
        Ok(())
    }

    /// After the user's own check: an error that stopped it takes the
    /// focus to its field (the first in the form), as a form that cannot
    /// be sent does.
    pub fn focus_first_error(&self) -> Res<()> {
        if let Some(input) = self
            .form
            .query_selector("[aria-invalid='true']")
            .map_err(js_err)?
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            input.focus().map_err(js_err)?;
        }
        Ok(())
    }

    /// Checks the form as typed under `scenario`: the results, or each
    /// error beside its field (the form keeps what was typed).
    pub fn run(&mut self, catalog: &Catalog, scenario: &Scenario) -> Res<()> {
        let form = self.read();
        self.check_form(form, catalog, scenario)
    }

    /// Checks `form` under `scenario` and keeps it as the form checked.
    fn check_form(&mut self, form: CheckForm, catalog: &Catalog, scenario: &Scenario) -> Res<()> {
        self.report = None;
        let result = form
            .parse(catalog)
            .and_then(|input| check(catalog, &input, scenario));
        match result {
            Ok(report) => {
                self.show_messages(&report.notes, false)?;
                super::check_results::show(&self.results, &report)?;
                let computed = report.compute.as_ref().map_or(String::new(), |c| {
                    format!(
                        "= {}: {}",
                        crate::format::flop_beside(c.flop, &crate::check::thresholds(scenario)),
                        c.how
                    )
                });
                set_text(&self.computed, &computed);
                self.report = Some(report);
            }
            Err(errors) => {
                self.show_errors(&errors)?;
                set_text(&self.computed, "");
                self.results.set_text_content(None);
                append(
                    &self.results,
                    "p",
                    &format!(
                        "{} field{} to correct: see the message{} beside {}.",
                        errors.len(),
                        if errors.len() == 1 { "" } else { "s" },
                        if errors.len() == 1 { "" } else { "s" },
                        if errors.len() == 1 { "it" } else { "them" }
                    ),
                )?
                .set_class_name("field-error");
            }
        }
        self.checked = Some(form);
        Ok(())
    }

    /// Empties the form and the results.
    pub fn clear(&mut self) -> Res<()> {
        self.fill(&CheckForm::default())?;
        self.show_errors(&[])?;
        self.results.set_text_content(None);
        set_text(&self.computed, "");
        self.checked = None;
        self.report = None;
        Ok(())
    }

    /// Re-checks the form last checked (the one the URL holds), after a
    /// change of scenario: not edits typed since and not yet checked, which
    /// the link would not carry (a tester's shared view gave other verdicts
    /// than the page had shown).
    pub fn refresh(&mut self, catalog: &Catalog, scenario: &Scenario) -> Res<()> {
        if let Some(form) = self.checked.clone() {
            let edited = self.read() != form;
            self.check_form(form, catalog, scenario)?;
            self.show_stale(edited)?;
        }
        Ok(())
    }

    /// Copies the results shown as text (`check::text::report_text`),
    /// with `link`, saying so beside the button.
    pub fn copy_results(&self, link: &str) -> Res<()> {
        let (Some(report), Some(status)) = (
            &self.report,
            self.results
                .query_selector(".copy-status")
                .map_err(js_err)?,
        ) else {
            return Ok(());
        };
        let text = crate::check::text::report_text(report, link);
        super::share::copy_text(
            &text,
            "results",
            &status,
            "This page may not write the clipboard: select the results and press Ctrl+C (or \u{2318}C).".to_string(),
        )
    }

    /// After an edit of the form: while the results shown are for another
    /// form than the one typed, they say so at their top (a compliance
    /// tester changed the fine-tune's compute and read the old verdicts
    /// as current).
    pub fn edited(&self) -> Res<()> {
        match &self.checked {
            Some(form) if self.results.first_element_child().is_some() => {
                self.show_stale(self.read() != *form)
            }
            _ => Ok(()),
        }
    }

    /// Says (or stops saying) above the results that the form has changes
    /// not yet checked.
    fn show_stale(&self, edited: bool) -> Res<()> {
        let shown = self
            .results
            .query_selector(".check-stale")
            .map_err(super::dom::js_err)?;
        match (shown, edited) {
            (None, true) => {
                let line = self
                    .results
                    .owner_document()
                    .ok_or_else(|| wasm_bindgen::JsError::new("no document"))?
                    .create_element("p")
                    .map_err(super::dom::js_err)?;
                attrs(&line, &[("class", "hint check-stale"), ("role", "status")])?;
                line.set_text_content(Some(UNCHECKED_EDITS));
                self.results
                    .prepend_with_node_1(&line)
                    .map_err(super::dom::js_err)?;
            }
            (Some(line), false) => line.remove(),
            _ => {}
        }
        Ok(())
    }
}
