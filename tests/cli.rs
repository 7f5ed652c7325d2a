#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! The `notice2json` example, run as a user runs it: formats, standard
//! input, directories, failures and exit codes, `--jobs` determinism, CSV
//! against the JSON, check mode.
//!
//! Cargo gives integration tests the path of `[[bin]]` targets only, not of
//! examples. The tests build the example once per run with the cargo that
//! runs them (`cargo build --example notice2json`, same target directory,
//! profile and features; a no-op when `cargo test` has already built it) and
//! run `target/<profile>/examples/notice2json`. Building, rather than only
//! looking for the file, means `cargo test --test cli` never runs a stale or
//! missing binary; running the binary, rather than `cargo run`, keeps cargo's
//! own messages and exit codes out of what is checked.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example binary, built on first use.
fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // This test runs as <target>/<profile>/deps/cli-<hash>.
        let exe = std::env::current_exe().unwrap();
        let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
        let target_dir = profile_dir.parent().unwrap();
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["build", "--quiet", "--example", "notice2json", "--manifest-path"])
            .arg(root().join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target_dir);
        match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => {}
            Some("release") => {
                cmd.arg("--release");
            }
            Some(other) => {
                cmd.args(["--profile", other]);
            }
        }
        if !cfg!(feature = "schema") {
            cmd.arg("--no-default-features");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "cargo build --example notice2json failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        profile_dir.join("examples").join(format!("notice2json{}", std::env::consts::EXE_SUFFIX))
    })
}

fn run_in(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(root())
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_in(args, None)
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).unwrap()
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(p: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// A directory of `n` copies of the seed notice.
fn batch_of(name: &str, n: usize) -> PathBuf {
    let d = scratch(name);
    let seed = std::fs::read(root().join(SEED)).unwrap();
    for i in 0..n {
        write(&d.join(format!("n{i:02}.md")), &seed);
    }
    d
}

fn parse_file(p: &Path) -> thongbao::Notice {
    thongbao::parse_bytes(&std::fs::read(p).unwrap()).unwrap()
}

/// The JSON of a notice with `"source"` added after the contract's keys.
fn with_source(n: &thongbao::Notice, source: &str) -> String {
    let json = serde_json::to_string(n).unwrap();
    format!("{},\"source\":{}}}", &json[..json.len() - 1], serde_json::to_string(source).unwrap())
}

const SEED: &str = "fixtures/binh-son-2024-01.md";

/// A notice with known problems: a symbol of another type, a deadline
/// before the notice's date, numbering that skips, an item with no
/// assignee, no "Lưu" line, a signature without a name.
const PROBLEMS: &str = "\
ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 45/QĐ-UBND

An Bình, ngày 10 tháng 3 năm 2025

THÔNG BÁO
Kết luận của đồng chí Lê Văn An, Chủ tịch UBND xã tại cuộc họp giao ban tháng 3 năm 2025

Ngày 05/3/2025, đồng chí Lê Văn An, Chủ tịch UBND xã chủ trì cuộc họp giao ban. Đồng chí Chủ tịch UBND xã kết luận như sau:

1. Giao Phòng Kinh tế rà soát các hộ kinh doanh; hoàn thành trước ngày 01/3/2025.

3. Tăng cường kiểm tra an toàn thực phẩm.

Nơi nhận:
- Phòng Kinh tế;
- Công an xã.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
";

#[test]
fn json_of_one_file_is_the_contract_serialization() {
    let o = run(&[SEED]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let want = serde_json::to_string(&parse_file(&root().join(SEED))).unwrap() + "\n";
    assert_eq!(stdout(&o), want);
    assert!(o.stderr.is_empty());

    let pretty = run(&["--pretty", SEED]);
    assert_eq!(stdout(&pretty), serde_json::to_string_pretty(&parse_file(&root().join(SEED))).unwrap() + "\n");
    // --format json is the default.
    assert_eq!(run(&["--format", "json", SEED]).stdout, o.stdout);
    assert_eq!(run(&["--format=json", SEED]).stdout, o.stdout);
}

#[test]
fn stdin_with_dash_or_no_argument() {
    let bytes = std::fs::read(root().join(SEED)).unwrap();
    let want = serde_json::to_string(&thongbao::parse_bytes(&bytes).unwrap()).unwrap() + "\n";
    for args in [&["-"][..], &[][..]] {
        let o = run_in(args, Some(&bytes));
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), want, "{args:?}");
    }
    // As NDJSON, standard input's source is "-".
    let o = run_in(&["--format", "ndjson", "-"], Some(&bytes));
    let v: Value = serde_json::from_str(stdout(&o).trim_end()).unwrap();
    assert_eq!(v["source"], "-");
}

#[test]
fn several_inputs_give_ndjson_with_source_in_argument_order() {
    let a = "fixtures/hoa-phong-tai-dinh-cu-2025-06.md";
    let b = "fixtures/dong-lanh-phien-hop-2025-03.txt";
    let o = run(&[a, b]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines: Vec<&str> = stdout(&o).lines().collect();
    assert_eq!(lines, [with_source(&parse_file(&root().join(a)), a), with_source(&parse_file(&root().join(b)), b)]);
    // The contract's keys keep their order; "source" comes last.
    // (Read from the text: a `serde_json::Map` keeps the order only with
    // serde_json's `preserve_order`, which another feature may not enable.)
    assert!(lines[0].starts_with("{\"schema_version\":"), "{}", lines[0]);
    assert!(lines[0].ends_with(&format!(",\"source\":\"{a}\"}}")), "{}", lines[0]);
    // --format ndjson: the same, and one line even for one input.
    assert_eq!(run(&["--format", "ndjson", a, b]).stdout, o.stdout);
    let one = run(&["--format", "ndjson", a]);
    assert_eq!(stdout(&one), with_source(&parse_file(&root().join(a)), a) + "\n");
    // --pretty does not split NDJSON lines.
    assert_eq!(run(&["--pretty", a, b]).stdout, o.stdout);
}

#[test]
fn a_directory_is_searched_recursively_in_sorted_order() {
    let d = scratch("dir");
    let seed = std::fs::read(root().join(SEED)).unwrap();
    for name in ["b.md", "a.txt", "sub/c.markdown", "sub/deeper/d.MD", "a-b/e.md", "z.md"] {
        write(&d.join(name), &seed);
    }
    for skipped in ["notes.json", "image.png", ".hidden.md", ".git/x.md", "README"] {
        write(&d.join(skipped), b"not a notice");
    }
    let arg = d.to_str().unwrap();
    let o = run(&["--format", "ndjson", arg]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let sources: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].as_str().unwrap().to_string())
        .collect();
    let rel: Vec<&str> = sources.iter().map(|s| s.strip_prefix(arg).unwrap().trim_start_matches('/')).collect();
    assert_eq!(rel, ["a-b/e.md", "a.txt", "b.md", "sub/c.markdown", "sub/deeper/d.MD", "z.md"]);
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    // A directory is a batch even when it holds one file: NDJSON with source.
    let single = scratch("dir-single");
    write(&single.join("only.md"), &seed);
    let o = run(&[single.to_str().unwrap()]);
    let v: Value = serde_json::from_str(stdout(&o).trim_end()).unwrap();
    assert!(v["source"].as_str().unwrap().ends_with("only.md"));
}

#[test]
fn failures_are_reported_per_input_and_the_batch_goes_on() {
    let d = scratch("mixed");
    let bad = d.join("bad.md");
    write(&bad, b"TH\xc3\x94NG B\xc3\x81O\n\xff\xfe broken\n");
    let big = d.join("big.md");
    write(&big, &std::fs::read(root().join(SEED)).unwrap().repeat(3));
    let missing = d.join("missing.md");
    let (bad_s, big_s, missing_s) = (bad.to_str().unwrap(), big.to_str().unwrap(), missing.to_str().unwrap());
    let size = std::fs::metadata(&big).unwrap().len();
    let limit = (size - 1).to_string();

    let o = run(&[
        "--format",
        "ndjson",
        "--max-bytes",
        &limit,
        bad_s,
        "fixtures/hoa-phong-tai-dinh-cu-2025-06.md",
        missing_s,
        big_s,
    ]);
    assert_eq!(code(&o), 1);
    let out: Vec<&str> = stdout(&o).lines().collect();
    assert_eq!(out.len(), 1, "the good input is still converted");
    assert!(out[0].ends_with(r#""source":"fixtures/hoa-phong-tai-dinh-cu-2025-06.md"}"#));
    let err: Vec<&str> = stderr(&o).lines().collect();
    assert_eq!(err.len(), 3, "{err:?}");
    assert!(
        err[0].starts_with(&format!("{bad_s}: ")) && err[0].contains("UTF-8") && err[0].contains("byte offset 12"),
        "{}",
        err[0]
    );
    assert!(err[1].starts_with(&format!("{missing_s}: ")), "{}", err[1]);
    assert!(err[2].starts_with(&format!("{big_s}: ")) && err[2].contains(&format!("{size} bytes")), "{}", err[2]);
    assert!(!stderr(&o).contains("panicked"));

    // All good: exit 0, nothing on standard error.
    let ok = run(&["--format", "ndjson", "fixtures/hoa-phong-tai-dinh-cu-2025-06.md", big_s]);
    assert_eq!(code(&ok), 0);
    assert!(ok.stderr.is_empty(), "{}", stderr(&ok));
    // Standard input over the limit.
    let o = run_in(&["--max-bytes", "10", "-"], Some(b"THONG BAO 0123456789"));
    assert_eq!(code(&o), 1);
    assert_eq!(stderr(&o), "-: input is over the limit of 10 bytes (see --max-bytes)\n");
    // A directory without a notice file is a failure, not a silent success.
    let empty = scratch("mixed-empty");
    write(&empty.join("notes.json"), b"{}");
    let o = run(&["--format", "ndjson", empty.to_str().unwrap(), "fixtures/hoa-phong-tai-dinh-cu-2025-06.md"]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stderr(&o).starts_with(&format!("{}: no .md", empty.display())), "{}", stderr(&o));
    // One failing input alone: exit 1, no output.
    let one = run(&[missing_s]);
    assert_eq!((code(&one), one.stdout.is_empty()), (1, true));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--no-such-flag"][..],
        &["--format", "xml", SEED],
        &["--format"],
        &["--input", "docx", SEED],
        &["--jobs", "0", SEED],
        &["--jobs", "many", SEED],
        &["--max-bytes", "-1", SEED],
        &["--pretty=yes", SEED],
        &["--format", "markdown", SEED, "fixtures/hoa-phong-tai-dinh-cu-2025-06.md"],
        &["--format", "markdown", "fixtures"],
        &["--schema", SEED],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(stderr(&o).starts_with("notice2json: ") && stderr(&o).contains("--help"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn help_documents_every_option_with_examples() {
    let o = run(&["--help"]);
    assert_eq!(code(&o), 0);
    let h = stdout(&o);
    for word in [
        "--format",
        "json",
        "ndjson",
        "csv",
        "markdown",
        "check",
        "--pretty",
        "--input",
        "auto",
        "text",
        "--jobs",
        "--output",
        "--max-bytes",
        "--schema",
        "--help",
        "source",
        "exit status",
        "examples:",
    ] {
        assert!(h.contains(word), "--help does not mention {word}");
    }
    // Each option shows up in an example.
    let examples = &h[h.find("examples:").unwrap()..];
    for opt in [
        "--pretty",
        "--input",
        "--format ndjson",
        "--format csv",
        "-o ",
        "--format markdown",
        "--format check",
        "--jobs",
        "--max-bytes",
        "--schema",
        " - ",
    ] {
        assert!(examples.contains(opt), "no example uses {opt}");
    }
    assert_eq!(run(&["-h"]).stdout, o.stdout);
}

#[test]
fn jobs_do_not_change_a_byte() {
    let d = scratch("jobs");
    let mut k = 0;
    for f in std::fs::read_dir(root().join("fixtures")).unwrap() {
        let p = f.unwrap().path();
        if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")) {
            for copy in 0..2 {
                write(&d.join(format!("c{copy}")).join(p.file_name().unwrap()), &std::fs::read(&p).unwrap());
                k += 1;
            }
        }
    }
    write(&d.join("c1/broken.md"), b"\xff\xfe\xfd");
    assert!(k >= 14);
    let dir = d.to_str().unwrap();
    for format in ["ndjson", "csv", "check"] {
        let one = run(&["--format", format, "--jobs", "1", dir]);
        assert_eq!(code(&one), 1, "{format}: the broken file fails");
        assert!(!one.stdout.is_empty());
        let four = run(&["--format", format, "--jobs", "4", dir]);
        assert!(one.stdout == four.stdout, "{format}: --jobs 1 and --jobs 4 differ");
        assert_eq!(stderr(&one), stderr(&four), "{format}");
    }
}

#[test]
fn csv_is_the_assignments_table() {
    let files = [
        "fixtures/binh-son-2024-01.md",
        "fixtures/hoa-phong-tai-dinh-cu-2025-06.md",
        "fixtures/so-xay-dung-giao-ban-2025-10.txt",
    ];
    let o = run(&[&["--format", "csv"][..], &files[..]].concat());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // RFC 4180: CRLF line ends.
    assert!(stdout(&o).ends_with("\r\n") && !stdout(&o).replace("\r\n", "").contains('\n'));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec!["source", "number", "date", "task_id", "assignee", "role", "due", "task_text"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let mut want = Vec::new();
    for f in files {
        let n = parse_file(&root().join(f));
        let v = serde_json::to_value(&n).unwrap();
        for a in v["assignments"].as_array().unwrap() {
            let s = |k: &str| a[k].as_str().unwrap_or("").to_string();
            let task = n.task(a["task_id"].as_str().unwrap()).unwrap();
            let text = if task.text.is_empty() { task.heading.clone().unwrap_or_default() } else { task.text.clone() };
            let number = n.header.number.clone().unwrap_or_default();
            let date = n.header.date.map(|d| d.to_string()).unwrap_or_default();
            want.push(vec![f.to_string(), number, date, s("task_id"), s("assignee"), s("role"), s("due"), text]);
        }
    }
    assert!(want.len() > 10);
    let got: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(str::to_string).collect()).collect();
    assert_eq!(got, want);
    // Names with commas are quoted, not split.
    assert!(got.iter().any(|r| r[4].contains(',')) || got.iter().any(|r| r[7].contains(',')));
    // No assignment: the header row alone.
    let empty = scratch("csv-empty").join("empty.md");
    write(&empty, b"");
    let o = run(&["--format", "csv", empty.to_str().unwrap()]);
    assert_eq!(stdout(&o), "source,number,date,task_id,assignee,role,due,task_text\r\n");
}

#[test]
fn markdown_is_the_canonical_rendering() {
    let o = run(&["--format", "markdown", SEED]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), thongbao::to_markdown(&parse_file(&root().join(SEED))));
    // --input text reads Markdown markup as plain text.
    let md = run(&["--input", "markdown", SEED]);
    let text = run(&["--input", "text", SEED]);
    assert_eq!(code(&text), 0);
    let opts = thongbao::ParseOptions { input_format: thongbao::InputFormat::Text, ..Default::default() };
    let want = thongbao::parse_bytes_with(&std::fs::read(root().join(SEED)).unwrap(), &opts).unwrap();
    assert_eq!(stdout(&text), serde_json::to_string(&want).unwrap() + "\n");
    assert_eq!(code(&md), 0);
}

#[test]
fn check_mode_prints_compiler_style_lines() {
    let d = scratch("check");
    let file = d.join("problems.txt");
    write(&file, PROBLEMS.as_bytes());
    let path = file.to_str().unwrap();
    let o = run(&["--format", "check", path]);
    assert_eq!(code(&o), 1, "warnings give exit 1");
    let lines: Vec<&str> = stdout(&o).lines().collect();
    let (summary, diags) = lines.split_last().unwrap();
    let at = |line: usize, col: usize, sev: &str, code: &str| format!("{path}:{line}:{col}: {sev}[{code}]: ");
    // 1-based line and character column of the start of each finding.
    let col_of = |needle: &str| {
        let start = PROBLEMS.find(needle).unwrap();
        let line = PROBLEMS[..start].matches('\n').count() + 1;
        let col = PROBLEMS[..start].rsplit('\n').next().unwrap().chars().count() + 1;
        (line, col)
    };
    let (dl, dc) = col_of("trước ngày 01/3/2025");
    let (gl, gc) = col_of("Tăng cường");
    let (rl, _) = col_of("Nơi nhận");
    let (sl, _) = col_of("TM. ỦY BAN");
    let want = [
        at(1, 1, "warning", "malformed_number"),
        at(dl, dc, "warning", "deadline_before_issue"),
        at(gl, gc, "warning", "numbering_gap"),
        at(gl, gc, "info", "task_without_assignee"),
        at(rl, 1, "warning", "missing_archive"),
        at(sl, 1, "warning", "signature_without_name"),
    ];
    for w in &want {
        assert!(
            diags.iter().any(|l| l.starts_with(w.as_str()) && l.len() > w.len()),
            "no line {w:?} in:\n{}",
            stdout(&o)
        );
    }
    // Every line has the form, and the JSON has the same diagnostics.
    let n = parse_file(&file);
    assert_eq!(diags.len(), n.diagnostics.len());
    for (l, d) in diags.iter().zip(&n.diagnostics) {
        let code = serde_json::to_value(d.code).unwrap();
        let sev = serde_json::to_value(d.severity).unwrap();
        let line = d.span.map_or(1, |s| s.line);
        assert!(l.starts_with(&format!("{path}:{line}:")), "{l}");
        assert!(l.contains(&format!(": {}[{}]: {}", sev.as_str().unwrap(), code.as_str().unwrap(), d.message)), "{l}");
    }
    let warnings = n.diagnostics.iter().filter(|d| d.severity == thongbao::Severity::Warning).count();
    let infos = n.diagnostics.len() - warnings;
    assert_eq!(
        *summary,
        format!("1 file checked: {warnings} warnings, {infos} info{}", if infos == 1 { "" } else { "s" })
    );
}

#[test]
fn check_mode_exit_0_without_warnings() {
    let d = scratch("check-clean");
    let clean = PROBLEMS
        .replace("45/QĐ-UBND", "45/TB-UBND")
        .replace("trước ngày 01/3/2025", "trước ngày 31/3/2025")
        .replace("3. Tăng cường", "2. Giao Công an xã tăng cường")
        .replace("- Công an xã.", "- Công an xã;\n- Lưu: VT.")
        .replace("CHỦ TỊCH\n", "CHỦ TỊCH\n\nLê Văn An\n");
    let file = d.join("clean.txt");
    write(&file, clean.as_bytes());
    let o = run(&["--format", "check", file.to_str().unwrap()]);
    assert!(!stdout(&o).contains("warning["), "{}", stdout(&o));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).lines().last().unwrap().starts_with("1 file checked: 0 warnings, "), "{}", stdout(&o));
}

#[test]
fn output_goes_to_a_file() {
    let d = scratch("output");
    let out = d.join("all.ndjson");
    let o = run(&["--format", "ndjson", "-o", out.to_str().unwrap(), SEED]);
    assert_eq!(code(&o), 0);
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), with_source(&parse_file(&root().join(SEED)), SEED) + "\n");
    let o = run(&["--output", d.join("no/such/dir/x").to_str().unwrap(), SEED]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("no/such/dir/x"));
}

#[cfg(feature = "schema")]
#[test]
fn schema_flag_prints_the_committed_schema() {
    let o = run(&["--schema"]);
    assert_eq!(code(&o), 0);
    let committed = std::fs::read_to_string(root().join("schema/notice.schema.json")).unwrap();
    assert!(
        stdout(&o) == committed,
        "--schema differs from schema/notice.schema.json (see tests/schema.rs to bless it)"
    );
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let d = batch_of("no-progress", 8);
    let o = run(&["--format", "ndjson", d.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{:?}", stderr(&o));
}

/// On a terminal (a pseudo-terminal made by util-linux `script`), a batch
/// shows a progress line on standard error; skipped where `script` is not.
#[cfg(target_os = "linux")]
#[test]
fn progress_on_a_terminal() {
    let d = batch_of("progress", 8);
    let out = d.with_extension("ndjson");
    let cmd = format!("{} --format ndjson -o {} {}", bin().display(), out.display(), d.display());
    let Ok(o) =
        Command::new("script").args(["-qefc", &cmd, "/dev/null"]).current_dir(root()).stdin(Stdio::null()).output()
    else {
        eprintln!("skipped: no `script` command");
        return;
    };
    if !out.exists() {
        eprintln!("skipped: `script` could not run the binary on a terminal: {}", String::from_utf8_lossy(&o.stderr));
        return;
    }
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let tty = String::from_utf8_lossy(&o.stdout);
    assert!(tty.contains("inputs (100%)"), "{tty:?}");
    // The output file holds only the notices.
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().all(|l| l.starts_with(r#"{"schema_version":1"#)));
    // With standard output on the same terminal, no progress line.
    let cmd = format!("{} --format ndjson {}", bin().display(), d.display());
    let o = Command::new("script")
        .args(["-qefc", &cmd, "/dev/null"])
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains("(100%)"));
}

/// Results are written as soon as they are next in order, not when the
/// batch is done: the first notice comes out while a later input (a FIFO)
/// has not even been written yet.
#[cfg(unix)]
#[test]
fn results_are_streamed() {
    let d = scratch("stream");
    let fifo = d.join("later.md");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let mut child = Command::new(bin())
        .args(["--format", "ndjson", "--jobs", "2", SEED, fifo.to_str().unwrap()])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = Vec::new();
        let mut byte = [0u8; 1];
        while out.read(&mut byte).is_ok_and(|n| n == 1) {
            first.push(byte[0]);
            if byte[0] == b'\n' {
                let _ = tx.send(first.clone());
                first.clear();
            }
        }
    });
    let first = rx.recv_timeout(std::time::Duration::from_secs(60));
    // Let the FIFO's reader finish either way.
    std::fs::write(&fifo, std::fs::read(root().join(SEED)).unwrap()).unwrap();
    let first = first.expect("no output before the last input was readable: results are not streamed");
    assert!(String::from_utf8(first).unwrap().ends_with(&format!("\"source\":\"{SEED}\"}}\n")));
    let second = rx.recv_timeout(std::time::Duration::from_secs(60)).unwrap();
    assert!(String::from_utf8(second).unwrap().contains("later.md"));
    assert!(child.wait().unwrap().success());
}
