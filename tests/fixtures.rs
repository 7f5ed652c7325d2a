//! Golden tests over `fixtures/`: every input (`.md`, `.txt`) beside its
//! expected `.json` must parse to exactly that JSON; the JSON must
//! deserialize back to the same notice; and the canonical Markdown must
//! parse back to the same notice (spans, regions and diagnostics aside) and
//! re-render to itself.
//!
//! `BLESS=1 cargo test --test fixtures` rewrites the expected files — review
//! the diff before committing it. On a mismatch the actual output is written
//! to `target/fixture-actual/` for comparison.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]

use serde_json::Value;
use std::path::{Path, PathBuf};

fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            inputs(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt"))
            && p.with_extension("json").exists()
        {
            out.push(p);
        }
    }
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut v = Vec::new();
    inputs(&root, &mut v);
    assert!(v.len() >= 7, "expected at least 7 fixtures, found {}", v.len());
    v
}

fn pretty(n: &thongbao::Notice) -> String {
    serde_json::to_string_pretty(n).unwrap() + "\n"
}

/// The JSON without positions: what the render round trip must keep.
fn strip_positions(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "span" | "regions" | "diagnostics"))
                .map(|(k, v)| (k.clone(), strip_positions(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_positions).collect()),
        other => other.clone(),
    }
}

#[test]
fn golden() {
    let bless = std::env::var_os("BLESS").is_some();
    let actual_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fixture-actual");
    let mut failed = Vec::new();
    for input in fixtures() {
        let bytes = std::fs::read(&input).unwrap();
        let notice = thongbao::parse_bytes(&bytes).unwrap();
        let got = pretty(&notice);
        let expected_path = input.with_extension("json");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap();
        if got != expected {
            let rel = input.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
            let out = actual_dir.join(rel).with_extension("json");
            std::fs::create_dir_all(out.parent().unwrap()).unwrap();
            std::fs::write(&out, &got).unwrap();
            failed.push(format!("{} (actual: {})", rel.display(), out.display()));
        }
    }
    assert!(failed.is_empty(), "fixtures whose output differs from the expected JSON:\n{}", failed.join("\n"));
}

#[test]
fn json_round_trip() {
    for input in fixtures() {
        let notice = thongbao::parse_bytes(&std::fs::read(&input).unwrap()).unwrap();
        let json = serde_json::to_string(&notice).unwrap();
        let back: thongbao::Notice = serde_json::from_str(&json).unwrap();
        assert_eq!(back, notice, "{}", input.display());
        assert_eq!(serde_json::to_string(&back).unwrap(), json, "{}: JSON bytes not stable", input.display());
    }
}

#[test]
fn render_round_trip() {
    let mut failed = Vec::new();
    for input in fixtures() {
        let notice = thongbao::parse_bytes(&std::fs::read(&input).unwrap()).unwrap();
        let md = thongbao::to_markdown(&notice);
        let again = thongbao::parse(&md);
        let (a, b) = (
            strip_positions(&serde_json::to_value(&notice).unwrap()),
            strip_positions(&serde_json::to_value(&again).unwrap()),
        );
        if a != b {
            failed.push(format!(
                "{}: parse(render(x)) differs from x; first difference: {}",
                input.display(),
                first_diff(&a, &b, "")
            ));
        } else if thongbao::to_markdown(&again) != md {
            failed.push(format!("{}: the canonical Markdown is not a fixed point", input.display()));
        }
    }
    assert!(failed.is_empty(), "render round trip failed:\n{}", failed.join("\n"));
}

/// The path and values of the first difference between two JSON values.
fn first_diff(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if v != w {
                    return first_diff(v, w, &format!("{path}.{k}"));
                }
            }
            format!("{path}: keys differ")
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if v != w {
                    return first_diff(v, w, &format!("{path}[{i}]"));
                }
            }
            format!("{path}: equal")
        }
        _ => format!("{path}: {a} vs {b}"),
    }
}

#[test]
fn deterministic() {
    for input in fixtures() {
        let bytes = std::fs::read(&input).unwrap();
        assert_eq!(pretty(&thongbao::parse_bytes(&bytes).unwrap()), pretty(&thongbao::parse_bytes(&bytes).unwrap()));
    }
}
