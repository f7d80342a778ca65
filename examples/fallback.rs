//! Writes the static fallbacks (the counts shown before the wasm is ready,
//! or without JavaScript) into the checked-in pages: every block between
//! `<!-- fallback: QUERY -->` and `<!-- /fallback -->` in `www/embed.html`
//! and `www/examples/article.html`. Run it after changing the data or the
//! rules: `cargo run --example fallback` (tests/fallback.rs checks it was).

use std::path::Path;

use scope_explorer::catalog::Catalog;
use scope_explorer::embed;

fn main() {
    let catalog = Catalog::embedded().unwrap_or_else(|e| {
        eprintln!("embedded dataset: {e}");
        std::process::exit(1);
    });
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in embed::FILES {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        });
        let filled = embed::fill(&text, &catalog).unwrap_or_else(|e| {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        });
        if filled == text {
            println!("{file}: {} blocks, unchanged", embed::blocks(&text));
            continue;
        }
        std::fs::write(&path, filled).unwrap_or_else(|e| {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        });
        println!("{file}: {} blocks, written", embed::blocks(&text));
    }
}
