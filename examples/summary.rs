//! Prints the overlap counts of every preset, and of each preset with
//! derivatives excluded, on the embedded dataset:
//! `cargo run --example summary [AS_OF] [QUERY]`. With a page URL query
//! (`"us_flop=1e25&deriv=cumulative"`), prints that scenario's counts too,
//! read as the page reads it (from the page's first view: the SB 53 style
//! preset with estimates on).

use scope_explorer::catalog::Catalog;
use scope_explorer::date::IsoDate;
use scope_explorer::evaluate::{evaluate, OverlapCounts};
use scope_explorer::presentation;
use scope_explorer::presets::{self, DEFAULT_AS_OF};
use scope_explorer::scenario::DerivativeRule;
use scope_explorer::urlstate;

fn row(label: &str, c: &OverlapCounts) -> String {
    format!(
        "{label:<11}{:>6}{:>9}{:>9}{:>9}{:>14}",
        c.both, c.us_only, c.eu_only, c.neither, c.undetermined
    )
}

fn main() {
    let as_of = match std::env::args().nth(1) {
        None => DEFAULT_AS_OF,
        Some(text) => IsoDate::parse(&text).unwrap_or_else(|e| {
            eprintln!("AS_OF: {e}");
            std::process::exit(2);
        }),
    };
    let catalog = match Catalog::embedded() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("embedded dataset: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "{} models, {} developers; as of {as_of}",
        catalog.models.len(),
        catalog.developers.len()
    );
    if let Some(query) = std::env::args().nth(2) {
        let Some(base) = presets::default_view(as_of) else {
            eprintln!("the SB 53 style preset is missing");
            std::process::exit(1);
        };
        let decoded = urlstate::decode(&query, &base);
        for message in &decoded.ignored {
            eprintln!("ignored: {message}");
        }
        let assessment = evaluate(&catalog, &decoded.scenario);
        let s = assessment.summary;
        println!("\n{}", urlstate::encode(&decoded.scenario));
        println!("{}", presentation::headline(&s, &decoded.scenario));
        if let Some(why) =
            presentation::us_undetermined_words(&assessment.verdicts, &decoded.scenario)
        {
            println!("{why}");
        }
        println!(
            "US definition: {} models ({}-{}) from {} developers ({}-{}), {} undetermined; EU tier: {} models ({}-{}; {} rows) from {} developers ({}-{}), {} undetermined models ({} rows)",
            s.us.models_in,
            s.us.models_low,
            s.us.models_high,
            s.us.developers_in,
            s.us.developers_low,
            s.us.developers_high,
            s.us.models_undetermined,
            s.eu.models_in,
            s.eu.models_low,
            s.eu.models_high,
            s.eu.rows_in,
            s.eu.developers_in,
            s.eu.developers_low,
            s.eu.developers_high,
            s.eu.models_undetermined,
            s.eu.rows_undetermined
        );
        println!(
            "{:<11}{:>6}{:>9}{:>9}{:>9}{:>14}",
            "", "both", "US only", "EU only", "neither", "undetermined"
        );
        println!("{}", row("models", &s.models));
        println!("{}", row("developers", &s.developers));
        return;
    }
    for preset in presets::all(as_of) {
        for (variant, rule) in [
            ("", None),
            (", derivatives excluded", Some(DerivativeRule::Exclude)),
        ] {
            let mut scenario = preset.scenario.clone();
            if let Some(rule) = rule {
                if scenario.us.derivatives == rule {
                    continue;
                }
                scenario.us.derivatives = rule;
            }
            let s = evaluate(&catalog, &scenario).summary;
            println!("\n{}{variant}", preset.name);
            println!(
                "{:<11}{:>6}{:>9}{:>9}{:>9}{:>14}",
                "", "both", "US only", "EU only", "neither", "undetermined"
            );
            println!("{}", row("models", &s.models));
            println!("{}", row("developers", &s.developers));
        }
    }
}
