//! The static summary an embed shows before its WebAssembly is ready, or
//! when scripts are off: the counts of a scenario at build time, written
//! into the HTML by `cargo run --example fallback` between markers
//! (`<!-- fallback: QUERY -->` ... `<!-- /fallback -->`, QUERY a page query
//! or `presets` for the default view and every preset). A test checks that
//! the checked-in HTML still says what the core computes.

use super::{headline_for, source_line, DATA_SNAPSHOT};
use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::presets;

/// The date the fallback counts are computed at when the query has no
/// `as_of`: the data snapshot's.
pub const FALLBACK_AS_OF: IsoDate = DATA_SNAPSHOT;

/// The checked-in pages with fallback blocks, from the crate's root.
pub const FILES: [&str; 2] = ["www/embed.html", "www/examples/article.html"];

const OPEN: &str = "<!-- fallback: ";
const OPEN_END: &str = " -->";
const CLOSE: &str = "<!-- /fallback -->";

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn note(as_of: IsoDate) -> String {
    escape(&format!(
        "Counts as of {as_of}, computed in advance; the interactive view needs JavaScript and WebAssembly, and the permission of the page's Content-Security-Policy where it has one. {}",
        source_line()
    ))
}

/// The fallback of one scenario, given as a page query.
pub fn scenario_html(catalog: &Catalog, query: &str) -> Result<String, String> {
    let (headline, as_of) = headline_for(catalog, query, FALLBACK_AS_OF)
        .ok_or_else(|| "the default preset is missing".to_string())?;
    Ok(format!(
        "<p class=\"fallback-counts\">{}</p>\n<p class=\"fallback-note\">{}</p>",
        escape(&headline),
        note(as_of)
    ))
}

/// The fallback of the default view and of every preset, as a list.
pub fn summaries_html(catalog: &Catalog) -> Result<String, String> {
    let mut items = vec![("The default view".to_string(), String::new())];
    for preset in presets::all(FALLBACK_AS_OF) {
        items.push((preset.name.to_string(), format!("preset={}", preset.id)));
    }
    let mut html = String::from("<ul class=\"fallback-list\">\n");
    for (name, query) in items {
        let (headline, _) = headline_for(catalog, &query, FALLBACK_AS_OF)
            .ok_or_else(|| "the default preset is missing".to_string())?;
        html.push_str(&format!(
            "<li><strong>{}</strong>: {}</li>\n",
            escape(&name),
            escape(&headline)
        ));
    }
    html.push_str("</ul>\n");
    html.push_str(&format!(
        "<p class=\"fallback-note\">{}</p>",
        note(FALLBACK_AS_OF)
    ));
    Ok(html)
}

/// How many fallback blocks `text` has.
pub fn blocks(text: &str) -> usize {
    text.matches(OPEN).count()
}

/// `text` with every fallback block between markers written afresh. An
/// error names the marker that is not closed.
pub fn fill(text: &str, catalog: &Catalog) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let after_open = &rest[start + OPEN.len()..];
        let end_of_open = after_open
            .find(OPEN_END)
            .ok_or_else(|| "a fallback marker is not closed with -->".to_string())?;
        let query = after_open[..end_of_open].trim();
        let body = &after_open[end_of_open + OPEN_END.len()..];
        let close = body
            .find(CLOSE)
            .ok_or_else(|| format!("the fallback block {query:?} has no {CLOSE}"))?;
        let html = if query == "presets" {
            summaries_html(catalog)?
        } else {
            scenario_html(catalog, query)?
        };
        out.push_str(&rest[..start + OPEN.len() + end_of_open + OPEN_END.len()]);
        out.push('\n');
        out.push_str(&html);
        out.push('\n');
        out.push_str(CLOSE);
        rest = &body[close + CLOSE.len()..];
    }
    out.push_str(text.get(text.len() - rest.len()..).unwrap_or(""));
    Ok(out)
}
