//! Native timings of the core on the embedded dataset:
//! `cargo run --release --example bench`. Prints medians over many runs.

use std::hint::black_box;
use std::time::Instant;

use scope_explorer::catalog::Catalog;
use scope_explorer::check::{check, CheckInput, Output};
use scope_explorer::evaluate::{evaluate, evaluate_after};
use scope_explorer::presets::{self, DEFAULT_AS_OF};
use scope_explorer::projection::{project, ProjectionSettings};
use scope_explorer::sweep::us_threshold_sweep;
use scope_explorer::timeline::timeline;
use scope_explorer::view::AssessmentView;

/// Median time of `f` in microseconds over `runs` runs.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The check the benchmark times: another developer's fine-tune of Llama
/// 3.1-405B with 5 × 10²⁴ FLOP of its own, its total left empty (the base's
/// figure plus the fine-tune's). `cargo test` runs the test below, so the
/// benchmark cannot fall behind the check's input rules unnoticed.
fn check_form() -> CheckInput {
    CheckInput {
        name: None,
        compute: None,
        publication_date: presets::DEFAULT_AS_OF,
        eci: None,
        cybench_pct: None,
        cost_usd: None,
        generates: vec![Output::Text],
        base_model: Some("Llama 3.1-405B".into()),
        finetune_flop: Some(5e24),
        same_developer: false,
        biological: false,
    }
}

fn main() {
    let catalog = Catalog::embedded().expect("embedded dataset parses");
    let mut scenario = presets::find("eu-ai-act", DEFAULT_AS_OF)
        .expect("preset exists")
        .scenario;
    println!(
        "{} models, {} developers",
        catalog.models.len(),
        catalog.developers.len()
    );
    let parse = median_us(50, || {
        black_box(Catalog::embedded().unwrap());
    });
    println!("parse the embedded dataset:        {parse:>9.1} µs");
    let mut step = 0;
    let eval = median_us(2000, || {
        // A slider step: a new threshold each time.
        step = (step + 1) % 120;
        scenario.us.compute_threshold_flop = 10f64.powf(22.0 + step as f64 * 0.05);
        black_box(evaluate(&catalog, &scenario));
    });
    println!("evaluate one scenario (slider step): {eval:>7.1} µs");
    let assessment = evaluate(&catalog, &scenario);
    let view = median_us(200, || {
        black_box(AssessmentView::new(&catalog, &assessment, &scenario));
    });
    println!("reasons in words for every model:  {view:>9.1} µs");
    let sweep = median_us(100, || {
        black_box(us_threshold_sweep(&catalog, &scenario, 22.0, 28.0, 61));
    });
    println!("sensitivity sweep (61 thresholds): {sweep:>9.1} µs");

    // The page's first view: estimates on (fitted once, then cached).
    let mut estimated = presets::default_view(presets::DEFAULT_AS_OF).expect("preset exists");
    let fit = median_us(20, || {
        black_box(Catalog::embedded().unwrap().estimates(0.8));
    }) - parse;
    println!("fit the estimates and estimate every model: {fit:>7.1} µs");
    let eval = median_us(500, || {
        step = (step + 1) % 120;
        estimated.us.compute_threshold_flop = 10f64.powf(22.0 + step as f64 * 0.05);
        black_box(evaluate(&catalog, &estimated));
    });
    println!("evaluate, estimates on (slider step): {eval:>6.1} µs");
    // What the page does on a US slider step: the EU side is kept.
    let mut before = estimated.clone();
    let mut previous = evaluate(&catalog, &before);
    let after = median_us(500, || {
        step = (step + 1) % 120;
        estimated.us.compute_threshold_flop = 10f64.powf(22.0 + step as f64 * 0.05);
        let next = evaluate_after(&catalog, &estimated, &before, &previous);
        before = estimated.clone();
        previous = black_box(next);
    });
    println!("the same, keeping the EU side (evaluate_after): {after:>6.1} µs");
    let sweep = median_us(20, || {
        black_box(us_threshold_sweep(&catalog, &estimated, 22.0, 28.0, 61));
    });
    println!("sensitivity sweep, estimates on:   {sweep:>9.1} µs");

    // Check a model (the fine-tune), the timeline and the projection.
    let form = check_form();
    let checked = median_us(50, || {
        black_box(check(&catalog, &form, &estimated).unwrap());
    });
    println!("check a model (scenario, 7 presets): {checked:>7.1} µs");
    let time = median_us(20, || {
        black_box(timeline(&catalog, &estimated));
    });
    println!("timeline (quarters 2020 to as-of):  {time:>9.1} µs");
    let projected = median_us(200, || {
        black_box(project(&catalog, &estimated, ProjectionSettings::default()));
    });
    println!("projection to 2030:                 {projected:>9.1} µs");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_benchmarked_check_is_accepted() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::default_view(DEFAULT_AS_OF).unwrap();
        let result = check(&catalog, &check_form(), &scenario);
        assert!(result.is_ok(), "{:?}", result.err());
    }
}
