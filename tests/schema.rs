#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! The committed JSON Schema (`schema/notice.schema.json`) is the one the
//! model generates, and the JSON of every fixture, expected and produced,
//! validates against it.
//!
//! After a change to the model: `BLESS=1 cargo test --test schema` rewrites
//! the committed file.
#![cfg(feature = "schema")]

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed_path() -> PathBuf {
    root().join("schema/notice.schema.json")
}

/// The schema as `notice2json --schema` prints it: the serialize contract
/// (every key the crate writes is required, options are nullable), pretty,
/// with a final newline.
fn generated() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<thongbao::Notice>();
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(committed_path())
        .expect("schema/notice.schema.json is missing: run BLESS=1 cargo test --test schema");
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap()
}

/// The errors of `instance`, one line each ("at /header/date: …").
fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("at {}: {e}", e.instance_path())).collect()
}

/// Files under `dir` with this extension, recursively, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn committed_schema_is_the_generated_one() {
    let want = generated();
    let path = committed_path();
    if std::env::var("BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        panic!(
            "schema/notice.schema.json differs from the schema of the model (first at line {}: committed {:?}, generated {:?}); \
             if the model change is meant, run `BLESS=1 cargo test --test schema` and commit the file",
            line + 1,
            got.lines().nth(line).unwrap_or("<end of file>"),
            want.lines().nth(line).unwrap_or("<end of file>"),
        );
    }
}

#[test]
fn every_fixture_json_validates() {
    let v = validator();
    let fixtures = files(&root().join("fixtures"), "json");
    assert!(!fixtures.is_empty(), "no fixture found");
    let mut bad = Vec::new();
    for f in &fixtures {
        let instance: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for e in errors(&v, &instance) {
            bad.push(format!("{}: {e}", f.display()));
        }
    }
    assert!(bad.is_empty(), "{} fixture(s), errors:\n{}", fixtures.len(), bad.join("\n"));
}

#[test]
fn the_parsers_output_validates() {
    let v = validator();
    let mut inputs = files(&root().join("fixtures"), "md");
    inputs.extend(files(&root().join("fixtures"), "txt"));
    assert!(!inputs.is_empty());
    for f in &inputs {
        let notice = thongbao::parse_bytes(&std::fs::read(f).unwrap()).unwrap();
        let instance = serde_json::to_value(&notice).unwrap();
        let errs = errors(&v, &instance);
        assert!(errs.is_empty(), "{}:\n{}", f.display(), errs.join("\n"));
    }
    // Something that is not a notice at all still gives a valid notice.
    let empty = serde_json::to_value(thongbao::parse("")).unwrap();
    assert_eq!(errors(&v, &empty), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let v = validator();
    let good: Value = serde_json::to_value(
        thongbao::parse_bytes(&std::fs::read(root().join("fixtures/binh-son-2024-01.md")).unwrap()).unwrap(),
    )
    .unwrap();
    assert!(errors(&v, &good).is_empty());
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit); 7] = [
        ("a contract key is missing", |j| {
            j.as_object_mut().unwrap().remove("title");
        }),
        ("an empty list is omitted", |j| {
            j.as_object_mut().unwrap().remove("references");
        }),
        ("another schema version", |j| j["schema_version"] = 2.into()),
        ("a date that is not a calendar date", |j| j["meeting"]["date"] = "2024-02-30".into()),
        ("a role outside the vocabulary", |j| j["assignments"][0]["role"] = "owner".into()),
        ("an unknown diagnostic code", |j| j["diagnostics"][0]["code"] = "no_such_code".into()),
        ("a span without its line", |j| {
            j["regions"][0]["span"].as_object_mut().unwrap().remove("line");
        }),
    ];
    for (name, edit) in cases {
        let mut j = good.clone();
        edit(&mut j);
        assert!(!errors(&v, &j).is_empty(), "the schema accepts JSON where {name}");
    }
    // Unknown keys are allowed (consumers ignore them): "source" in batch output.
    let mut j = good.clone();
    j["source"] = "notices/a.md".into();
    assert!(errors(&v, &j).is_empty());
}
