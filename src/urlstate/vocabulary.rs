//! How the decoder quotes what it was given.

/// A value quoted for a message: escaped, and cut short if long.
pub(super) fn quoted(raw: &str) -> String {
    const MAX_CHARS: usize = 40;
    if raw.chars().count() > MAX_CHARS {
        let head: String = raw.chars().take(MAX_CHARS).collect();
        format!("{head:?}…")
    } else {
        format!("{raw:?}")
    }
}
