#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! `notice2json`: converts notices to JSON (or canonical Markdown).
//!
//! ```text
//! cargo run --example notice2json -- [--pretty] [--format json|markdown] [FILE|-]...
//! ```
//! With no file, or `-`, reads standard input. One input prints one JSON
//! object; several print one object per line, each with a "source" key.
//! Errors go to standard error as `path: message`; the exit code is 1 when
//! any input failed and 2 for a usage error.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: notice2json [--pretty] [--format json|markdown] [FILE|-]...

Converts Vietnamese administrative notices (Markdown or plain text) to JSON.

options:
  --pretty              indent the JSON
  --format json         one JSON object per notice (default)
  --format markdown     the canonical Markdown rendering instead
  -h, --help            this help

example:
  notice2json --pretty fixtures/binh-son-2024-01.md";

/// A notice with, in batch output, the path it came from.
#[derive(serde::Serialize)]
struct Doc<'a> {
    #[serde(flatten)]
    notice: &'a thongbao::Notice,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

enum Format {
    Json,
    Markdown,
}

fn main() -> ExitCode {
    let mut pretty = false;
    let mut format = Format::Json;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pretty" => pretty = true,
            "--format" => match args.next().as_deref() {
                Some("json") => format = Format::Json,
                Some("markdown" | "md") => format = Format::Markdown,
                other => return usage(&format!("unknown format {other:?}")),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') && s != "-" => return usage(&format!("unknown option {s}")),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    let batch = files.len() > 1;
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for f in &files {
        let bytes = if f == "-" {
            let mut v = Vec::new();
            std::io::stdin().read_to_end(&mut v).map(|_| v)
        } else {
            std::fs::read(f)
        };
        let notice = match bytes.map_err(|e| e.to_string()).and_then(|b| thongbao::parse_bytes(&b).map_err(|e| e.to_string())) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("{f}: {e}");
                failed = true;
                continue;
            }
        };
        let text = match format {
            Format::Markdown => thongbao::to_markdown(&notice),
            Format::Json => {
                let source = batch.then_some(f.as_str());
                let doc = Doc { notice: &notice, source };
                let s = if pretty && !batch { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) };
                match s {
                    Ok(s) => s + "\n",
                    Err(e) => {
                        eprintln!("{f}: {e}");
                        failed = true;
                        continue;
                    }
                }
            }
        };
        if out.write_all(text.as_bytes()).is_err() {
            return ExitCode::from(1);
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("notice2json: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
