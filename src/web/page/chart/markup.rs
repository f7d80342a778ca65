//! The chart's first render: every marker and whisker written as SVG markup,
//! one call per layer, instead of some 3,500 calls one element and
//! attribute at a time (about 60 ms of a first view; BENCHMARKS.md, "Chart
//! markup"). Later renders redraw what changed one element at a time
//! ([`Chart::draw`]); both take each element's attributes from
//! `Drawn::attributes` (a test in tests/chart.rs compares the two).
//!
//! The markup is made of numbers and this module's class names only, never
//! of a model's name or any text from the data or the URL. Where the
//! browser has Trusted Types, it passes through the explorer's own policy,
//! named "scope-explorer", which vouches for exactly that: a host page that
//! enforces Trusted Types (`require-trusted-types-for 'script'`) accepts
//! it, unless the page also limits the policy names it allows and leaves
//! this one out; then the chart is drawn one element at a time, the same.

use std::cell::OnceCell;
use std::fmt::Write;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::marks::{Attributes, Drawn};
use super::Chart;
use crate::web::page::dom::{append_svg, attrs, Res};

impl Chart {
    /// Draws every model at the first render.
    pub(super) fn draw_all(&mut self, drawn: &[Drawn]) -> Res<()> {
        let (markers, whiskers, places) = self.markup(drawn);
        let made = places.iter().flatten().count();
        let written = set_markup(&self.marker_layer, &markers)
            && set_markup(&self.whisker_layer, &whiskers)
            && self.markers.length() as usize == drawn.len()
            && self.whisker_list.length() as usize == made;
        if written {
            self.whiskers = places;
        } else {
            self.marker_layer.set_text_content(None);
            self.whisker_layer.set_text_content(None);
            self.whiskers.fill(None);
            for i in 0..drawn.len() {
                let marker = append_svg(&self.marker_layer, "path")?;
                attrs(&marker, &[("data-i", &i.to_string())])?;
                if self.matches(i) {
                    attrs(&marker, &[("data-match", "")])?;
                }
            }
            for (i, d) in drawn.iter().enumerate() {
                self.draw(i, *d)?;
            }
        }
        for (slot, d) in self.drawn.iter_mut().zip(drawn) {
            *slot = Some(*d);
        }
        Ok(())
    }

    /// The markers' and the whiskers' markup, and where each model's
    /// whisker sits among the whiskers.
    fn markup(&self, drawn: &[Drawn]) -> (String, String, Vec<Option<u32>>) {
        let mut markers = String::with_capacity(drawn.len() * 100);
        let mut whiskers = String::new();
        let mut places = vec![None; drawn.len()];
        let mut made = 0;
        for (i, d) in drawn.iter().enumerate() {
            let matched = if self.matches(i) {
                " data-match=\"\""
            } else {
                ""
            };
            let (marker, whisker) = d.attributes(self.positions[i]);
            write_path(&mut markers, i, matched, &marker);
            if let Some(whisker) = whisker {
                places[i] = Some(made);
                made += 1;
                write_path(&mut whiskers, i, matched, &whisker);
            }
        }
        (markers, whiskers, places)
    }
}

/// Appends model `i`'s `<path>` with its attributes (numbers and class
/// names: see [`super::marks::Drawn::attributes`]).
fn write_path(out: &mut String, i: usize, matched: &str, attributes: &Attributes) {
    let _ = write!(out, r#"<path data-i="{i}"{matched}"#);
    for (name, value) in attributes {
        let _ = write!(out, r#" {name}="{value}""#);
    }
    out.push_str("/>");
}

/// Writes `markup` as `layer`'s children; `false` where the page refuses
/// it.
fn set_markup(layer: &Element, markup: &str) -> bool {
    let value = match policy() {
        Policy::None => Some(JsValue::from_str(markup)),
        Policy::Made(policy) => Reflect::get(&policy, &JsValue::from_str("createHTML"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|create| create.call1(&policy, &JsValue::from_str(markup)).ok()),
        // A string would be refused too, with one more report in the
        // console.
        Policy::Refused => None,
    };
    value.is_some_and(|value| {
        Reflect::set(layer, &JsValue::from_str("innerHTML"), &value).unwrap_or(false)
    })
}

/// The explorer's Trusted Types policy.
#[derive(Clone)]
enum Policy {
    /// The browser has no Trusted Types: a string is markup.
    None,
    /// The policy, which passes markup unchanged: used only for the markup
    /// above.
    Made(JsValue),
    /// The page allows no policy of that name.
    Refused,
}

thread_local! {
    /// Made at the first render of the page's first view.
    static POLICY: OnceCell<Policy> = const { OnceCell::new() };
}

fn policy() -> Policy {
    POLICY.with(|cell| cell.get_or_init(make_policy).clone())
}

fn make_policy() -> Policy {
    let types = Reflect::get(&js_sys::global(), &JsValue::from_str("trustedTypes"));
    let Some(create) = types
        .as_ref()
        .ok()
        .and_then(|types| Reflect::get(types, &JsValue::from_str("createPolicy")).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return Policy::None;
    };
    let types = types.unwrap_or(JsValue::UNDEFINED);
    let rules = Object::new();
    let unchanged = Closure::<dyn Fn(String) -> String>::new(|markup: String| markup);
    let made = Reflect::set(
        &rules,
        &JsValue::from_str("createHTML"),
        &unchanged.into_js_value(),
    )
    .ok()
    .and_then(|_| {
        create
            .call2(&types, &JsValue::from_str("scope-explorer"), &rules)
            .ok()
    });
    made.map_or(Policy::Refused, Policy::Made)
}
