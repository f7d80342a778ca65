//! The browser boundary: the page rendered with web-sys and, in the full
//! build, a wasm-bindgen API over the pure core. Every export returns a
//! `Result`, so bad input becomes a JS `Error` with a message, never a panic.

use wasm_bindgen::prelude::*;

use crate::date::IsoDate;
use crate::presets;
use crate::scenario::Scenario;

#[cfg(feature = "full")]
mod api;
mod page;
mod panic;

#[cfg(feature = "full")]
pub use api::Explorer;
pub use page::{embed_params, mount, mount_embed};

/// The preset a fresh page starts from.
pub const DEFAULT_PRESET: &str = "sb53";

/// Today's date in the browser's time zone; an error if the clock is
/// outside the dates the explorer accepts.
pub fn today() -> Result<IsoDate, JsError> {
    let now = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    IsoDate::parse(&text).map_err(|e| JsError::new(&format!("today's date: {e}")))
}

/// The default preset's scenario, as of today.
pub(crate) fn default_scenario() -> Result<Scenario, JsError> {
    presets::default_view(today()?).ok_or_else(|| JsError::new("the default preset is missing"))
}
