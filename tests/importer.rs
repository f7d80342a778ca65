#![cfg(not(target_arch = "wasm32"))]
//! Runs the import_epoch binary on the small Epoch extracts in
//! tests/fixtures/epoch and checks the derived CSV and the report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_import_epoch");

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    manifest_dir().join("tests/fixtures/epoch")
}

fn developers() -> PathBuf {
    manifest_dir().join("data/developers.csv")
}

/// A fresh, empty folder under the system temp dir, unique to this test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "scope-explorer-import-{}-{test}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(input_dir: &Path, out: &Path, report: Option<&Path>) -> Output {
    let mut command = Command::new(BIN);
    command
        .arg("--input-dir")
        .arg(input_dir)
        .arg("--out")
        .arg(out)
        .arg("--developers")
        .arg(developers());
    if let Some(report) = report {
        command.arg("--report").arg(report);
    }
    command.output().expect("the importer binary runs")
}

/// Copies the fixture folder, so a test can break one file.
fn copy_fixtures(to: &Path) {
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn read_rows(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            headers
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect();
    (headers, rows)
}

fn find<'a>(rows: &'a [BTreeMap<String, String>], name: &str) -> &'a BTreeMap<String, String> {
    rows.iter()
        .find(|row| row["name"] == name)
        .unwrap_or_else(|| panic!("no row named {name:?}"))
}

#[test]
fn output_is_deterministic_and_has_the_expected_facts() {
    let dir = scratch("facts");
    let (first, second) = (dir.join("first.csv"), dir.join("second.csv"));
    let report_path = dir.join("report.txt");
    let run1 = run(&fixtures(), &first, Some(&report_path));
    assert!(
        run1.status.success(),
        "{}",
        String::from_utf8_lossy(&run1.stderr)
    );
    let run2 = run(&fixtures(), &second, None);
    assert!(run2.status.success());
    let bytes = std::fs::read(&first).unwrap();
    assert_eq!(bytes, std::fs::read(&second).unwrap(), "two runs differ");
    assert_eq!(run1.stdout, run2.stdout, "two reports differ");
    assert!(!bytes.contains(&b'\r'), "Unix newlines only");

    let (headers, rows) = read_rows(&first);
    assert_eq!(
        headers.join(","),
        "name,developer,organizations,country,publication_date,domain,task,compute_flop,\
         compute_confidence,compute_source,base_model,finetune_compute_flop,open_weights,\
         accessibility,cost_usd,eci,eci_version,eci_versions,cybench_unguided_pct,\
         estimated_over_1e25,maybe_over_1e25,sources,link,eci_history,parameters,training_tokens,\
         active_parameters,moe"
    );

    let composer = find(&rows, "Composer 2");
    assert_eq!(composer["base_model"], "Kimi K2.5");
    assert_eq!(composer["compute_flop"].parse::<f64>().unwrap(), 2.32e25);
    assert_eq!(composer["developer"], "Cursor");

    // Parameters, tokens and the active parameters of a mixture of experts
    // (read from Epoch's "Parameters notes").
    let deepseek = find(&rows, "DeepSeek-V3");
    assert_eq!(deepseek["parameters"].parse::<f64>().unwrap(), 6.71e11);
    assert_eq!(deepseek["training_tokens"].parse::<f64>().unwrap(), 1.48e13);
    assert_eq!(
        deepseek["active_parameters"].parse::<f64>().unwrap(),
        3.7e10
    );
    assert_eq!(deepseek["moe"], "true");
    assert_eq!(composer["moe"], "");

    let opus = find(&rows, "Claude Opus 4.6");
    assert!(opus["eci"].parse::<f64>().unwrap() > 100.0);
    assert!(opus["eci_versions"].parse::<u32>().unwrap() > 1);
    assert_eq!(opus["compute_flop"], "");
    assert_eq!(opus["sources"], "eci");
    // Each scored version's release date and score (versions sharing both
    // are written once), by date.
    let history: Vec<&str> = opus["eci_history"].split(';').collect();
    assert!(!history.is_empty() && history.len() <= opus["eci_versions"].parse::<usize>().unwrap());
    assert!(
        history.iter().all(|h| h.starts_with("2026-")),
        "{history:?}"
    );
    let best: f64 = opus["eci"].parse().unwrap();
    assert!(
        history.iter().any(|h| h.ends_with(&format!(":{best}"))),
        "{history:?}"
    );

    // Compute undisclosed, frontier developer: Anthropic has an included
    // model over 1e25 FLOP (Claude 3.7 Sonnet), and Opus 4.7 is a 2026
    // language model with no compute, ECI score or flag.
    let opus_47 = find(&rows, "Claude Opus 4.7");
    assert_eq!(opus_47["developer"], "Anthropic");
    assert_eq!(opus_47["compute_flop"], "");
    assert_eq!(opus_47["compute_confidence"], "");
    assert_eq!(opus_47["eci"], "");
    assert_eq!(opus_47["estimated_over_1e25"], "");
    assert_eq!(opus_47["sources"], "notable");
    // "Google" maps to Google DeepMind, which has Gemini 1.0 Ultra.
    assert_eq!(
        find(&rows, "Gemini 3.5 Flash")["developer"],
        "Google DeepMind"
    );
    // Before 2023: still skipped although OpenAI is a frontier developer.
    assert!(rows.iter().all(|row| row["name"] != "InstructGPT 6B"));

    // eci and eci_versions (scored versions only) are empty together.
    for row in &rows {
        assert_eq!(
            row["eci"].is_empty(),
            row["eci_versions"].is_empty(),
            "{}",
            row["name"]
        );
    }

    let llama = find(&rows, "Llama 3.1-405B");
    assert_eq!(llama["compute_flop"], "3.8e25");
    assert_eq!(llama["developer"], "Meta");
    assert_eq!(llama["estimated_over_1e25"], "true");
    assert_eq!(llama["cybench_unguided_pct"], "7.5");
    assert_eq!(llama["sources"], "notable;large_scale;frontier;eci;cybench");

    // "Google" (PaLM 2) and "Google DeepMind" (Gemini 1.0 Ultra) are one developer.
    assert_eq!(find(&rows, "PaLM 2")["developer"], "Google DeepMind");
    assert_eq!(
        find(&rows, "Gemini 1.0 Ultra")["developer"],
        "Google DeepMind"
    );
    assert!(rows
        .iter()
        .all(|row| row["developer"] != "Google" && row["developer"] != "DeepMind"));

    // A model with several organisations keeps them all, lead first.
    let molmo = find(&rows, "MolmoAct 2");
    assert_eq!(molmo["developer"], "Allen Institute for AI");
    assert!(molmo["organizations"].contains("; University of Washington"));

    // Names are clean and unique; base models point at rows; rows are sorted.
    let mut names: Vec<&str> = rows.iter().map(|row| row["name"].as_str()).collect();
    assert!(
        names.contains(&"Lapa LLM"),
        "whitespace in names is cleaned"
    );
    for row in &rows {
        let base = &row["base_model"];
        assert!(base.is_empty() || names.contains(&base.as_str()), "{base}");
    }
    let dates: Vec<&str> = rows
        .iter()
        .map(|row| row["publication_date"].as_str())
        .filter(|d| !d.is_empty())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), rows.len(), "names are unique");

    // The report (stdout and --report file) lists names it could not join.
    let stdout = String::from_utf8(run1.stdout).unwrap();
    assert!(stdout.contains("Cybench versions not matched (1)"));
    assert!(stdout.contains("gemini-1.5-pro-001"));
    assert!(stdout.contains("Claude Opus 4.6"));
    assert!(stdout.contains("compute undisclosed, frontier developer"));
    assert!(stdout.contains("2026-04-16 Claude Opus 4.7 (Anthropic): frontier developer"));
    assert!(stdout.contains("2022-01-27 InstructGPT 6B (OpenAI)"));
    assert_eq!(std::fs::read_to_string(&report_path).unwrap(), stdout);

    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_input_file_is_named_and_output_untouched() {
    let dir = scratch("missing");
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap();
    copy_fixtures(&input);
    std::fs::remove_file(input.join("epoch_cybench_2025-12.csv")).unwrap();
    let out = dir.join("models.csv");
    std::fs::write(&out, "previous contents\n").unwrap();

    let output = run(&input, &out, None);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("epoch_cybench_"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "previous contents\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_header_column_is_named() {
    let dir = scratch("header");
    copy_fixtures(&dir);
    let path = dir.join("epoch_notable_ai_models_2026-08-08.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    let header = header.replace("Training compute (FLOP)", "Training compute");
    std::fs::write(&path, format!("{header}\n{rest}")).unwrap();

    let output = run(&dir, &dir.join("models.csv"), None);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"Training compute (FLOP)\""), "{stderr}");
    assert!(
        stderr.contains("epoch_notable_ai_models_2026-08-08.csv"),
        "{stderr}"
    );
    assert!(!dir.join("models.csv").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn newest_of_several_matching_files_is_used() {
    let dir = scratch("newest");
    copy_fixtures(&dir);
    // An older snapshot with a broken header must be ignored.
    std::fs::write(dir.join("epoch_cybench_2020-01.csv"), "nothing useful\n1\n").unwrap();
    let output = run(&dir, &dir.join("models.csv"), None);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("using the newest, epoch_cybench_2025-12.csv"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn notable_frontier_model_without_compute_or_flag_is_included() {
    // GLM-4-Plus: Notable marks it "Frontier model", with no compute figure;
    // Zhipu has no model over 1e25 FLOP here. Without its Frontier-file row
    // (and so without the over-1e25 flag) only that column includes it.
    let dir = scratch("frontier-column");
    copy_fixtures(&dir);
    let path = dir.join("epoch_frontier_ai_models_2025-07.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: String = text
        .split_inclusive('\n')
        .filter(|line| !line.starts_with("GLM-4-Plus,"))
        .collect();
    assert_ne!(kept, text, "the fixture has a GLM-4-Plus Frontier row");
    std::fs::write(&path, kept).unwrap();

    let out = dir.join("models.csv");
    let output = run(&dir, &out, None);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, rows) = read_rows(&out);
    let glm = find(&rows, "GLM-4-Plus");
    assert_eq!(glm["compute_flop"], "");
    assert_eq!(glm["estimated_over_1e25"], "");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("GLM-4-Plus (Z.ai (Zhipu AI)): Notable: Frontier model"));
    let _ = std::fs::remove_dir_all(&dir);
}
