//! Field scores against hand-written truth.
//!
//! `tests/truth/` holds, for every fixture, the JSON a careful reader wrote
//! by reading the notice (before any parser output existed). This test
//! compares the parser's output with it field by field — every leaf value
//! of the contract, positions aside — and requires a mean field score of at
//! least 0.9 over all fixtures, no fixture under 0.5, and every near miss
//! classified right (`kind`, `is_conclusion`). The golden files in
//! `fixtures/` pin the exact output; this test measures how right it is.
//! `TRUTH_REPORT=1` prints the score of every fixture.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Keys that are positions or wording rather than content.
const IGNORED: &[&str] =
    &["span", "regions", "message", "numbering", "tasks_section", "paragraphs", "label_of_assessment"];

fn leaves(v: &Value, path: String, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if IGNORED.contains(&k.as_str()) || (k == "label" && path.ends_with(".assessment")) {
                    continue;
                }
                leaves(x, format!("{path}.{k}"), out);
            }
        }
        Value::Array(a) => {
            out.insert(format!("{path}#len"), Value::from(a.len()));
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        other => {
            out.insert(path, other.clone());
        }
    }
}

fn score(truth: &Value, got: &Value) -> f64 {
    let (mut t, mut g) = (BTreeMap::new(), BTreeMap::new());
    leaves(truth, String::new(), &mut t);
    leaves(got, String::new(), &mut g);
    // Diagnostics count by code only (their order and spans vary).
    for m in [&mut t, &mut g] {
        m.retain(|k, _| !k.starts_with(".diagnostics"));
    }
    let codes = |v: &Value| {
        let mut c: Vec<String> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].to_string()).collect();
        c.sort();
        c.dedup();
        c
    };
    let (tc, gc) = (codes(truth), codes(got));
    let keys: std::collections::BTreeSet<&String> = t.keys().chain(g.keys()).collect();
    let same = keys.iter().filter(|k| t.get(**k) == g.get(**k)).count() + usize::from(tc == gc);
    same as f64 / (keys.len() + 1) as f64
}

fn truth_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            truth_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn field_scores_against_truth() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    truth_files(&root.join("tests/truth"), &mut files);
    files.sort();
    assert!(files.len() >= 40, "expected the truth of at least 40 fixtures, found {}", files.len());
    let report = std::env::var_os("TRUTH_REPORT").is_some();
    let mut total = 0.0;
    let mut low = Vec::new();
    let mut misclassified = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root.join("tests/truth")).unwrap();
        let base = root.join("fixtures").join(rel).with_extension("");
        let input = ["md", "txt"].iter().map(|e| base.with_extension(e)).find(|p| p.exists()).unwrap();
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let got = serde_json::to_value(thongbao::parse_bytes(&std::fs::read(&input).unwrap()).unwrap()).unwrap();
        let s = score(&truth, &got);
        if report {
            println!("{s:.3} {}", rel.display());
        }
        if s < 0.5 {
            low.push(format!("{} ({s:.3})", rel.display()));
        }
        if truth["kind"] != got["kind"] || truth["is_conclusion"] != got["is_conclusion"] {
            misclassified.push(rel.display().to_string());
        }
        total += s;
    }
    let mean = total / files.len() as f64;
    println!("mean field score {mean:.3} over {} fixtures", files.len());
    assert!(mean >= 0.9, "mean field score {mean:.3} is under 0.9");
    assert!(low.is_empty(), "fixtures scoring under 0.5: {low:?}");
    assert!(misclassified.is_empty(), "kind or is_conclusion wrong for: {misclassified:?}");
}
