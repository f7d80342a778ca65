//! The static fallbacks checked into the pages say what the core computes
//! (regenerate them with `cargo run --example fallback`).
#![cfg(not(target_arch = "wasm32"))]

use scope_explorer::catalog::Catalog;
use scope_explorer::embed;
use scope_explorer::evaluate::evaluate;
use scope_explorer::{presentation, presets, urlstate};

fn read(file: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn the_checked_in_fallbacks_match_the_core() {
    let catalog = Catalog::embedded().unwrap();
    for file in embed::FILES {
        let text = read(file);
        assert!(embed::blocks(&text) > 0, "{file} has a fallback block");
        let filled = embed::fill(&text, &catalog).unwrap();
        assert!(
            filled == text,
            "{file}: the fallback is stale; run `cargo run --example fallback`"
        );
    }
}

/// Independently of `fill`: each preset's headline, worked out here, is in
/// the embed page's fallback, and the article's element shows its own
/// scenario's headline.
#[test]
fn the_fallbacks_name_each_scenarios_counts() {
    let catalog = Catalog::embedded().unwrap();
    let page = read("www/embed.html");
    let base = presets::default_view(embed::FALLBACK_AS_OF).unwrap();
    let mut queries = vec![String::new()];
    queries.extend(
        presets::all(embed::FALLBACK_AS_OF)
            .iter()
            .map(|p| format!("preset={}", p.id)),
    );
    for query in &queries {
        let scenario = urlstate::decode(query, &base).scenario;
        let headline = presentation::headline(&evaluate(&catalog, &scenario).summary, &scenario);
        assert!(
            page.contains(&embed::escape(&headline)),
            "{query:?}: {headline}"
        );
    }
    let article = read("www/examples/article.html");
    let scenario = urlstate::decode("preset=broad&as_of=2026-08-08", &base).scenario;
    let headline = presentation::headline(&evaluate(&catalog, &scenario).summary, &scenario);
    assert!(article.contains(&embed::escape(&headline)), "{headline}");
}
