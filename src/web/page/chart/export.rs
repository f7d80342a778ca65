//! The chart as a picture to keep: a standalone SVG document with the
//! title, the scenario in words and the counts above the plot, the axes'
//! titles beside and under it, the legend and the source line below it. The page's stylesheet does not travel
//! with a file, so every colour, line and font size the page computed is
//! written onto the elements themselves.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Element, Window};

use super::{Chart, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use crate::figure::{self, Caption};
use crate::web::page::dom::{append_svg, attrs, document_of, js_err, Res};

/// The painted properties copied onto each drawn element.
const PAINT: [&str; 7] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "opacity",
];

/// Space around the texts, in SVG units (CSS pixels at scale 1).
const MARGIN: f64 = 12.0;

/// A standalone SVG document and its size in CSS pixels.
pub(super) struct Picture {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

fn window() -> Res<Window> {
    web_sys::window().ok_or_else(|| wasm_bindgen::JsError::new("no window"))
}

fn computed(window: &Window, element: &Element) -> Res<CssStyleDeclaration> {
    window
        .get_computed_style(element)
        .map_err(js_err)?
        .ok_or_else(|| wasm_bindgen::JsError::new("no computed style for a chart element"))
}

/// A computed value as an SVG attribute: lengths without their `px`.
fn attribute_value(value: &str) -> String {
    value.replace("px", "")
}

/// Copies the computed paint of `live` and its descendants onto `copy`, a
/// deep clone of it, and drops what is hidden and what only the page uses
/// (ids, classes, ARIA and data attributes).
fn inline(window: &Window, live: &Element, copy: &Element) -> Res<()> {
    let mut pairs = Vec::new();
    let (mut a, mut b) = (live.first_element_child(), copy.first_element_child());
    while let (Some(l), Some(c)) = (a, b) {
        a = l.next_element_sibling();
        b = c.next_element_sibling();
        pairs.push((l, c));
    }
    for (live, copy) in pairs {
        let style = computed(window, &live)?;
        let value = |name: &str| style.get_property_value(name).map_err(js_err);
        if value("display")? == "none" || value("visibility")? == "hidden" {
            copy.remove();
            continue;
        }
        strip(&copy)?;
        match live.tag_name().as_str() {
            "g" | "svg" => {
                let opacity = value("opacity")?;
                if opacity != "1" {
                    copy.set_attribute("opacity", &opacity).map_err(js_err)?;
                }
            }
            tag => {
                for name in PAINT {
                    copy.set_attribute(name, &attribute_value(&value(name)?))
                        .map_err(js_err)?;
                }
                if tag == "text" {
                    for name in ["font-size", "font-weight"] {
                        copy.set_attribute(name, &attribute_value(&value(name)?))
                            .map_err(js_err)?;
                    }
                }
            }
        }
        inline(window, &live, &copy)?;
    }
    Ok(())
}

/// Removes the attributes only the page uses.
fn strip(element: &Element) -> Res<()> {
    for name in element.get_attribute_names().iter() {
        let Some(name) = name.as_string() else {
            continue;
        };
        if name.starts_with("data-")
            || name.starts_with("aria-")
            || ["id", "class", "tabindex", "role", "visibility"].contains(&name.as_str())
        {
            element.remove_attribute(&name).map_err(js_err)?;
        }
    }
    Ok(())
}

/// Appends a line of text at (x, y).
fn text(parent: &Element, x: f64, y: f64, size: f64, fill: &str, words: &str) -> Res<Element> {
    let t = append_svg(parent, "text")?;
    attrs(
        &t,
        &[
            ("x", &x.to_string()),
            ("y", &y.to_string()),
            ("font-size", &size.to_string()),
            ("fill", fill),
        ],
    )?;
    t.set_text_content(Some(words));
    Ok(t)
}

impl Chart {
    /// The chart as it is shown now (its palette, selection and filter
    /// highlight included), with `caption`'s texts, as a standalone SVG.
    pub(super) fn picture(&self, caption: &Caption) -> Res<Picture> {
        let window = window()?;
        let page = computed(&window, &self.svg)?;
        let colour = |name: &str| -> Res<String> {
            Ok(page
                .get_property_value(name)
                .map_err(js_err)?
                .trim()
                .to_string())
        };
        let (bg, ink, muted) = (colour("--bg")?, colour("--ink")?, colour("--muted")?);
        let document = document_of(&self.svg)?;
        let out = document
            .create_element_ns(Some("http://www.w3.org/2000/svg"), "svg")
            .map_err(js_err)?;
        attrs(&out, &[("font-family", "system-ui, sans-serif")])?;
        let back = append_svg(&out, "rect")?;

        let mut y = 6.0;
        for line in &caption.title {
            y += 20.0;
            let title = text(&out, MARGIN, y, 16.0, &ink, line)?;
            attrs(&title, &[("font-weight", "700")])?;
        }
        y += 6.0;
        for line in &caption.lines {
            y += 15.0;
            text(&out, MARGIN, y, 11.0, &ink, line)?;
        }
        y += 10.0;

        let plot: Element = self
            .svg
            .clone_node_with_deep(true)
            .map_err(js_err)?
            .unchecked_into();
        strip(&plot)?;
        inline(&window, &self.svg, &plot)?;
        attrs(
            &plot,
            &[
                ("x", "0"),
                ("y", &y.to_string()),
                ("width", &WIDTH.to_string()),
                ("height", &HEIGHT.to_string()),
            ],
        )?;
        out.append_child(&plot).map_err(js_err)?;
        // The axes' titles (the page says them in its hint): the vertical
        // one up the left edge, beside the powers of ten.
        let (x_mid, y_mid) = (
            (LEFT + WIDTH - RIGHT) / 2.0,
            y + (TOP + HEIGHT - BOTTOM) / 2.0,
        );
        let y_title = text(&out, 16.0, y_mid, 11.0, &muted, figure::Y_AXIS)?;
        attrs(
            &y_title,
            &[
                ("text-anchor", "middle"),
                ("transform", &format!("rotate(-90 16 {y_mid})")),
            ],
        )?;
        y += HEIGHT + 10.0;
        let x_title = text(&out, x_mid, y, 11.0, &muted, figure::X_AXIS)?;
        attrs(&x_title, &[("text-anchor", "middle")])?;
        y += 8.0;

        // The legend, in rows as wide as the picture.
        let mut x = MARGIN;
        y += 14.0;
        let mut item = self.legend.first_element_child();
        while let Some(li) = item {
            item = li.next_element_sibling();
            let words = li.text_content().unwrap_or_default();
            let width = 19.0 + 5.8 * words.chars().count() as f64 + 16.0;
            if x > MARGIN && x + width > WIDTH - MARGIN {
                x = MARGIN;
                y += 20.0;
            }
            if let Some(swatch) = li.first_element_child() {
                let copy: Element = swatch
                    .clone_node_with_deep(true)
                    .map_err(js_err)?
                    .unchecked_into();
                strip(&copy)?;
                inline(&window, &swatch, &copy)?;
                attrs(
                    &copy,
                    &[
                        ("x", &x.to_string()),
                        ("y", &(y - 11.0).to_string()),
                        ("width", "14"),
                        ("height", "14"),
                    ],
                )?;
                out.append_child(&copy).map_err(js_err)?;
            }
            text(&out, x + 19.0, y, 11.0, &ink, &words)?;
            x += width;
        }
        y += 10.0;
        for line in &caption.source {
            y += 14.0;
            text(&out, MARGIN, y, 11.0, &muted, line)?;
        }
        let height = (y + 12.0).ceil();
        attrs(
            &out,
            &[
                ("width", &WIDTH.to_string()),
                ("height", &height.to_string()),
                ("viewBox", &format!("0 0 {WIDTH} {height}")),
            ],
        )?;
        attrs(
            &back,
            &[
                ("width", &WIDTH.to_string()),
                ("height", &height.to_string()),
                ("fill", &bg),
            ],
        )?;
        let svg = web_sys::XmlSerializer::new()
            .map_err(js_err)?
            .serialize_to_string(&out)
            .map_err(js_err)?;
        Ok(Picture {
            svg: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n"),
            width: WIDTH,
            height,
        })
    }
}
