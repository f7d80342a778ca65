//! The selected model's details, in a box at its marker: above it when
//! there is room in the window, else below, and kept inside the chart's
//! frame sideways (at 360 px too). It is positioned over the page, so
//! nothing moves when it appears; its text goes in as text.

use web_sys::{Element, HtmlElement};

use crate::web::page::dom::{js_err, set_hidden, set_text, Res};

/// Space between the marker and the box, in CSS pixels.
const GAP: f64 = 10.0;

/// The tooltip element and whether it is shown.
pub(super) struct Tooltip {
    element: HtmlElement,
    visible: bool,
}

impl Tooltip {
    pub(super) fn new(element: HtmlElement) -> Tooltip {
        Tooltip {
            element,
            visible: false,
        }
    }

    pub(super) fn visible(&self) -> bool {
        self.visible
    }

    /// Sets the text (shown or not).
    pub(super) fn write(&self, text: &str) {
        set_text(&self.element, text);
    }

    pub(super) fn hide(&mut self) -> Res<()> {
        self.visible = false;
        set_hidden(&self.element, true)
    }

    /// Shows the box beside `marker`, inside `frame` (its containing block).
    pub(super) fn show_at(&mut self, frame: &Element, marker: &Element) -> Res<()> {
        if self.element.text_content().unwrap_or_default().is_empty() {
            return self.hide();
        }
        set_hidden(&self.element, false)?;
        self.visible = true;
        let style = self.element.style();
        // Measured where it cannot be squeezed by the frame's right edge.
        style.set_property("left", "0px").map_err(js_err)?;
        style.set_property("top", "0px").map_err(js_err)?;
        let (width, height) = (
            f64::from(self.element.offset_width()),
            f64::from(self.element.offset_height()),
        );
        let box_of = frame.get_bounding_client_rect();
        let at = marker.get_bounding_client_rect();
        let centre = (at.left() + at.right()) / 2.0 - box_of.left();
        let left = (centre - width / 2.0).min(box_of.width() - width).max(0.0);
        // Above the marker when the window has room there, else below.
        let top = if at.top() - height - GAP >= 0.0 {
            at.top() - box_of.top() - height - GAP
        } else {
            at.bottom() - box_of.top() + GAP
        };
        style
            .set_property("left", &format!("{left:.0}px"))
            .map_err(js_err)?;
        style
            .set_property("top", &format!("{top:.0}px"))
            .map_err(js_err)?;
        Ok(())
    }
}
