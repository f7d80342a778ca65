//! Saving the chart's picture: the SVG document as it is, or drawn onto a
//! canvas at twice its size and saved as PNG. Drawing it needs the page to
//! allow images from `blob:` URLs (`img-src 'self' blob:`, see README);
//! where it does not, the PNG download reports that in the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlCanvasElement};

use super::export::Picture;
use crate::web::page::dom::{document_of, js_err, report, Res};

/// What a download button saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The standalone SVG document.
    Svg,
    /// The same, drawn as a PNG image.
    Png,
}

impl Format {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The button's class (an embed hides the PNG button: see embed.css).
    pub fn class(self) -> &'static str {
        match self {
            Format::Svg => "download-svg",
            Format::Png => "download-png",
        }
    }
}

/// The PNG's pixels per CSS pixel of the picture.
const PNG_SCALE: f64 = 2.0;

/// Saves `blob` as a file called `name`, through a link's download.
fn save(anchor_owner: &Element, blob: &Blob, name: &str) -> Res<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_err)?;
    let link: web_sys::HtmlAnchorElement = document_of(anchor_owner)?
        .create_element("a")
        .map_err(js_err)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(js_err)
}

fn svg_blob(picture: &Picture) -> Res<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&picture.svg));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_err)
}

/// Saves the picture as an SVG file.
pub(super) fn save_svg(owner: &Element, picture: &Picture, name: &str) -> Res<()> {
    save(owner, &svg_blob(picture)?, name)
}

/// Draws the picture onto a canvas and saves it as a PNG file, once the
/// browser has read it; a failure is shown in `error_box`.
pub(super) fn save_png(
    owner: &Element,
    picture: &Picture,
    name: &str,
    error_box: &Element,
) -> Res<()> {
    let url = web_sys::Url::create_object_url_with_blob(&svg_blob(picture)?).map_err(js_err)?;
    let image = web_sys::HtmlImageElement::new().map_err(js_err)?;
    let (width, height) = (picture.width * PNG_SCALE, picture.height * PNG_SCALE);
    let loaded = {
        let (image, owner, name, url, error_box) = (
            image.clone(),
            owner.clone(),
            name.to_string(),
            url.clone(),
            error_box.clone(),
        );
        Closure::once_into_js(move || {
            let drawn = draw(&image, &owner, width, height, &name, &error_box);
            web_sys::Url::revoke_object_url(&url).ok();
            if let Err(e) = drawn {
                report(&error_box, e);
            }
        })
    };
    let failed = {
        let (url, error_box) = (url.clone(), error_box.clone());
        Closure::once_into_js(move || {
            web_sys::Url::revoke_object_url(&url).ok();
            report(
                &error_box,
                JsError::new(
                    "Download chart (PNG): the browser could not draw the chart as an image (a page's Content-Security-Policy must allow img-src blob:); the SVG download works without it.",
                ),
            );
        })
    };
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_onerror(Some(failed.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// Draws the loaded picture at its PNG size and saves the canvas.
fn draw(
    image: &web_sys::HtmlImageElement,
    owner: &Element,
    width: f64,
    height: f64,
    name: &str,
    error_box: &Element,
) -> Res<()> {
    let canvas: HtmlCanvasElement = document_of(owner)?
        .create_element("canvas")
        .map_err(js_err)?
        .unchecked_into();
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_err)?
        .ok_or_else(|| JsError::new("Download chart (PNG): no 2D canvas in this browser"))?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .map_err(js_err)?;
    let (owner, name, error_box) = (owner.clone(), name.to_string(), error_box.clone());
    let saved = Closure::once_into_js(move |blob: JsValue| {
        let result = match blob.dyn_into::<Blob>() {
            Ok(blob) => save(&owner, &blob, &name),
            Err(_) => Err(JsError::new(
                "Download chart (PNG): the browser made no image from the chart",
            )),
        };
        if let Err(e) = result {
            report(&error_box, e);
        }
    });
    canvas.to_blob(saved.unchecked_ref()).map_err(js_err)
}
