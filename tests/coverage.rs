#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! Nothing lost: on every fixture input under `fixtures/**` (`.md`, `.txt`),
//! the regions cover every non-blank line (its first non-blank byte lies in
//! a region; a line is blank when it holds only Unicode white space, NBSP
//! included) without overlap, and every span of every value lies within the
//! input on char boundaries.

#[allow(dead_code)]
#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            inputs(&p, out);
        } else if p.extension().is_some_and(|e| e == "md" || e == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn regions_cover_every_fixture_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    inputs(&root, &mut files);
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        // Fixtures in a legacy encoding are not UTF-8: read them as the
        // lossy entry point does.
        let (notice, text, base) = match (thongbao::parse_bytes(&bytes), checks::decode(&bytes)) {
            (Ok(n), Some((text, base))) => (n, text, base),
            _ => (thongbao::parse_bytes_lossy(&bytes), String::from_utf8_lossy(&bytes).into_owned(), 0),
        };
        let src = checks::Source { text: &text, base };
        if let Err(e) = checks::check_all(src, &notice, checks::Coverage::Strict) {
            failures.push(format!("{}: {e}", f.strip_prefix(&root).unwrap().display()));
        }
    }
    assert!(files.len() >= 5, "only {} fixtures found under {}", files.len(), root.display());
    assert!(failures.is_empty(), "{} of {} fixtures fail:\n{}", failures.len(), files.len(), failures.join("\n"));
}
