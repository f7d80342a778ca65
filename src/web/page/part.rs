//! A part of the view that only the full page has (the table, the
//! derivative rules, the share panel and the sections below). The embed's
//! own build (`--no-default-features`) leaves out the `full` feature: there
//! `FullOnly::get` is `None` whatever it holds, so the compiler drops every
//! part's code from that smaller module.

use super::dom::Res;

/// Whether this build has the full page's parts.
pub(super) const FULL: bool = cfg!(feature = "full");

/// A part of the full page, absent from an embed.
pub(super) struct FullOnly<T>(Option<T>);

impl<T> FullOnly<T> {
    /// Builds the part on the full page of a full build; nothing otherwise.
    pub(super) fn build(full_page: bool, make: impl FnOnce() -> Res<T>) -> Res<Self> {
        if FULL && full_page {
            Ok(Self(Some(make()?)))
        } else {
            Ok(Self(None))
        }
    }

    /// The part, if this view has it.
    pub(super) fn get(&self) -> Option<&T> {
        if FULL {
            self.0.as_ref()
        } else {
            None
        }
    }

    /// The part, to change, if this view has it.
    pub(super) fn get_mut(&mut self) -> Option<&mut T> {
        if FULL {
            self.0.as_mut()
        } else {
            None
        }
    }

    /// Whether this view has the part.
    pub(super) fn is_some(&self) -> bool {
        self.get().is_some()
    }
}
