//! `notice2json`: converts Vietnamese administrative notices (Markdown,
//! plain text or Word `.docx`) to JSON, NDJSON, CSV or canonical Markdown,
//! and checks them against Decree 30/2020.
//!
//! ```text
//! cargo run --release --example notice2json -- --help
//! ```
//!
//! Inputs are read and parsed on `--jobs` worker threads. The main thread
//! hands out input indices, at most `WINDOW_PER_JOB × jobs` ahead of the one
//! it must write next, and writes each result as soon as every result before
//! it is written: the output is in input order, byte for byte the same for
//! any number of jobs, and memory holds a bounded number of results however
//! long the batch is.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};
use thongbao::{InputFormat, Notice, ParseOptions, Severity};

const HELP: &str = "\
notice2json: converts Vietnamese administrative notices (Thông báo kết luận and other
documents of Decree 30/2020/NĐ-CP), written as Markdown, plain text or Word .docx, to
JSON, NDJSON, CSV or canonical Markdown, and checks them.

usage: notice2json [OPTIONS] [FILE | DIR | -]...

Inputs are files, directories and '-' for standard input (also read when no input is
named). A directory is searched recursively for .md, .markdown, .txt and .docx files, and
for Word documents under any other name (hidden entries and links to directories are
skipped); its files come in sorted path order. A Word document is known by its content (a
zip archive holding word/document.xml), whatever its name; its spans and line numbers
point into its plain-text rendering (--format text).

options:
  -f, --format FORMAT   what to write (default: json):
                          json      the notice's JSON (contract v1); with several inputs
                                    or a directory: one object per line (NDJSON), each
                                    with a \"source\" key holding the input path
                          ndjson    one JSON object per line, always with \"source\"
                          csv       the assignments table, one row per assignment (RFC 4180,
                                    UTF-8): source, number, date, task_id, assignee, role,
                                    due, task_text
                          markdown  the canonical Markdown rendering (one input only)
                          check     the diagnostics, one per line, as compilers print them:
                                    path:line:column: warning[code]: message (or info[code]),
                                    then a summary line; exit status 1 if any is a warning
                          text      the text the notice is parsed from (one input only): for a
                                    .docx its plain-text (Markdown) rendering, which its spans
                                    point into; for text input the input itself
      --pretty          indent the JSON (a single JSON object; NDJSON lines are never split)
      --input KIND      how to read the inputs: auto (default: Markdown when the text shows
                        Markdown markup, plain text otherwise), markdown or text
  -j, --jobs N          convert N inputs at a time (default: the number of cores); the
                        output is the same, byte for byte, whatever N is
  -o, --output FILE     write to FILE instead of standard output
      --max-bytes N     refuse inputs of more than N bytes (default: 16777216, 16 MiB)
      --schema          print the JSON Schema of the JSON output and exit
  -h, --help            print this help and exit

An input that cannot be read (missing, not UTF-8 or UTF-16, over the size limit) is
reported on standard error as 'path: message' and the others go on. On a terminal, a
batch of more than a few inputs shows its progress on standard error.

exit status: 0 when every input was converted, 1 when an input failed (or, with
--format check, a warning was found), 2 for a usage error.

examples:
  notice2json notice.md                             one notice, as one JSON object
  notice2json --pretty notice.md                    the same, indented
  notice2json - < notice.md                         from standard input
  notice2json --input text scan.txt                 read a PDF text layer as plain text
  notice2json --format ndjson archive/ > all.ndjson every notice of a directory, one per line
  notice2json --format csv -o tasks.csv archive/    who does what by when, for a spreadsheet
  notice2json --format markdown notice.md           the canonical Markdown rendering
  notice2json --format check archive/               what a clerk should look at
  notice2json notice.docx                           a Word document, read directly
  notice2json --format text notice.docx             the text of a Word document that spans index
  notice2json --jobs 1 --format ndjson a.md b.md    one input at a time
  notice2json --max-bytes 1000000 archive/          skip inputs over 1 MB
  notice2json --schema > notice.schema.json         the JSON Schema of the output";

/// Results kept waiting for their turn, per worker.
const WINDOW_PER_JOB: usize = 2;
/// A progress line is shown for batches of more than this many inputs.
const PROGRESS_ABOVE: usize = 3;

/// The columns of `--format csv`.
const CSV_HEADER: [&str; 8] = ["source", "number", "date", "task_id", "assignee", "role", "due", "task_text"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Ndjson,
    Csv,
    Markdown,
    Check,
    Text,
}

struct Options {
    format: Format,
    pretty: bool,
    parse: ParseOptions,
    jobs: Option<usize>,
    output: Option<PathBuf>,
    schema: bool,
    inputs: Vec<OsString>,
}

enum Command {
    Run(Options),
    Help,
}

/// One input of the batch, in output order.
struct Input {
    /// The path as shown in messages and in `source` ("-" for standard input).
    name: String,
    /// `None` for standard input.
    path: Option<PathBuf>,
    /// An error found while listing a directory.
    error: Option<String>,
}

/// What a worker made of one input.
enum Outcome {
    Done { bytes: Vec<u8>, warnings: usize, infos: usize },
    Failed(String),
}

/// A notice with, in batch output, the path it came from, after the keys of
/// the contract.
#[derive(serde::Serialize)]
struct Sourced<'a> {
    #[serde(flatten)]
    notice: &'a Notice,
    source: &'a str,
}

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(o)) => o,
        Ok(Command::Help) => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("notice2json: {msg}\nTry 'notice2json --help' for more information.");
            return ExitCode::from(2);
        }
    };
    let mut out: Box<dyn Write> = match &opts.output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("notice2json: {}: {e}", p.display());
                return ExitCode::from(1);
            }
        },
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    if opts.schema {
        return match write_schema(&mut out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("notice2json: {e}");
                ExitCode::from(1)
            }
        };
    }
    let batch = is_batch(&opts.inputs);
    let inputs = expand(&opts.inputs);
    let status = run(&opts, &inputs, batch, &mut out);
    let flushed = out.flush();
    match (status, flushed) {
        (Ok(code), Ok(())) => ExitCode::from(code),
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(1),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("notice2json: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut o = Options {
        format: Format::Json,
        pretty: false,
        parse: ParseOptions::default(),
        jobs: None,
        output: None,
        schema: false,
        inputs: Vec::new(),
    };
    let mut only_inputs = false;
    while let Some(arg) = args.next() {
        let Some(s) = arg.to_str().filter(|s| !only_inputs && s.starts_with('-') && *s != "-") else {
            o.inputs.push(arg);
            continue;
        };
        // "--name=value" or "--name value".
        let (name, inline) = match s.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (s, None),
        };
        let takes_value =
            matches!(name, "-f" | "--format" | "--input" | "-j" | "--jobs" | "-o" | "--output" | "--max-bytes");
        let value = if takes_value {
            match inline {
                Some(v) => v,
                None => args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .ok_or_else(|| format!("{name} needs a value"))?,
            }
        } else if inline.is_some() {
            return Err(format!("{name} takes no value"));
        } else {
            String::new()
        };
        match name {
            "--" => only_inputs = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--pretty" => o.pretty = true,
            "--schema" => o.schema = true,
            "-f" | "--format" => {
                o.format = match value.as_str() {
                    "json" => Format::Json,
                    "ndjson" | "jsonl" => Format::Ndjson,
                    "csv" => Format::Csv,
                    "markdown" | "md" => Format::Markdown,
                    "check" => Format::Check,
                    "text" | "txt" => Format::Text,
                    v => {
                        return Err(format!(
                            "unknown format '{v}' (expected json, ndjson, csv, markdown, check or text)"
                        ));
                    }
                }
            }
            "--input" => {
                o.parse.input_format = match value.as_str() {
                    "auto" => InputFormat::Auto,
                    "markdown" | "md" => InputFormat::Markdown,
                    "text" | "txt" => InputFormat::Text,
                    v => return Err(format!("unknown input kind '{v}' (expected auto, markdown or text)")),
                }
            }
            "-j" | "--jobs" => match value.parse::<usize>() {
                Ok(n) if n > 0 => o.jobs = Some(n),
                _ => return Err(format!("--jobs takes a whole number above 0, not '{value}'")),
            },
            "-o" | "--output" => o.output = Some(PathBuf::from(value)),
            "--max-bytes" => match value.parse::<usize>() {
                Ok(n) => o.parse.max_input_len = n,
                Err(_) => return Err(format!("--max-bytes takes a number of bytes, not '{value}'")),
            },
            _ => return Err(format!("unknown option '{name}'")),
        }
    }
    if o.schema && !o.inputs.is_empty() {
        return Err("--schema takes no input".into());
    }
    if o.inputs.is_empty() {
        o.inputs.push("-".into());
    }
    if o.format == Format::Markdown && is_batch(&o.inputs) {
        return Err("--format markdown takes one input file".into());
    }
    if o.format == Format::Text && is_batch(&o.inputs) {
        return Err("--format text takes one input file".into());
    }
    Ok(Command::Run(o))
}

/// Whether the output is a batch: several inputs, or a directory (however
/// many files it holds).
fn is_batch(inputs: &[OsString]) -> bool {
    inputs.len() > 1 || inputs.iter().any(|i| Path::new(i).is_dir())
}

#[cfg(feature = "schema")]
fn write_schema(out: &mut dyn Write) -> io::Result<()> {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Notice>();
    let text = serde_json::to_string_pretty(&schema).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

#[cfg(not(feature = "schema"))]
fn write_schema(_: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::other("this build has no JSON Schema (the `schema` feature is off)"))
}

/// The inputs in output order: each argument in turn, a directory replaced
/// by its files in sorted path order.
fn expand(args: &[OsString]) -> Vec<Input> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Input { name: "-".into(), path: None, error: None });
            continue;
        }
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut found = Vec::new();
            walk(&p, &mut found);
            if found.is_empty() {
                let error = Some("no .md, .markdown, .txt or .docx file in this directory".to_string());
                found.push(Input { name: p.to_string_lossy().into_owned(), path: None, error });
            }
            found.sort_by(|a, b| a.name.cmp(&b.name));
            out.extend(found);
        } else {
            out.push(Input { name: p.to_string_lossy().into_owned(), path: Some(p), error: None });
        }
    }
    out
}

/// The notice files under `dir`, recursively.
fn walk(dir: &Path, out: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Input { name: dir.to_string_lossy().into_owned(), path: None, error: Some(e.to_string()) });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Input { name: dir.to_string_lossy().into_owned(), path: None, error: Some(e.to_string()) });
                continue;
            }
        };
        let path = entry.path();
        let file_name = entry.file_name();
        if file_name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, out);
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && is_notice_file(&path) {
            out.push(Input { name: path.to_string_lossy().into_owned(), path: Some(path), error: None });
        }
    }
}

/// Whether a file found in a directory is an input: a notice by its
/// extension (.md, .markdown, .txt, .docx), or a Word document by its content.
fn is_notice_file(p: &Path) -> bool {
    let by_name = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["md", "markdown", "txt", "docx"].iter().any(|x| e.eq_ignore_ascii_case(x)));
    by_name || is_word_file(p)
}

/// Whether the file is a Word document: it starts with the zip signature
/// and the archive holds `word/document.xml`. Only zip files of at most
/// `WORD_SNIFF_MAX` bytes are read to tell.
#[cfg(feature = "docx")]
fn is_word_file(p: &Path) -> bool {
    const WORD_SNIFF_MAX: u64 = 64 << 20;
    let Ok(mut f) = std::fs::File::open(p) else { return false };
    let mut magic = [0u8; 4];
    if f.read_exact(&mut magic).is_err() || &magic != b"PK\x03\x04" {
        return false;
    }
    if !f.metadata().is_ok_and(|m| m.len() <= WORD_SNIFF_MAX) {
        return false;
    }
    std::fs::read(p).is_ok_and(|bytes| thongbao::docx::is_docx(&bytes))
}

#[cfg(not(feature = "docx"))]
fn is_word_file(_: &Path) -> bool {
    false
}

/// The notice, and the text its spans point into: the rendering of a Word
/// document (any zip archive is read as one, so that a zip that is not a
/// Word document gets its own error), or the input's text.
fn read_notice<'a>(bytes: &'a [u8], opts: &ParseOptions) -> Result<(Notice, std::borrow::Cow<'a, [u8]>), String> {
    #[cfg(feature = "docx")]
    if bytes.starts_with(b"PK\x03\x04") {
        let text = thongbao::docx::to_text(bytes).map_err(|e| e.to_string())?;
        let opts = ParseOptions { input_format: InputFormat::Markdown, ..opts.clone() };
        let notice = thongbao::parse_with(&text, &opts).map_err(|e| e.to_string())?;
        return Ok((notice, text.into_bytes().into()));
    }
    let notice = thongbao::parse_bytes_with(bytes, opts).map_err(|e| e.to_string())?;
    Ok((notice, source_text(bytes)))
}

/// Converts every input on worker threads and writes the results in input
/// order as they come; the exit code.
fn run(opts: &Options, inputs: &[Input], batch: bool, out: &mut dyn Write) -> io::Result<u8> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = opts.jobs.unwrap_or(cores).clamp(1, inputs.len().max(1));
    if inputs.len() == 1 && cores > 1 {
        // One notice: most of its cost is compiling the patterns it needs.
        // A spare core compiles them from the other end meanwhile (see
        // `thongbao::warm_up`); the thread is left to end with the process.
        std::thread::spawn(thongbao::warm_up);
    }
    let window = jobs * WINDOW_PER_JOB;
    let mut progress = Progress::new(inputs.len(), opts.output.is_some());
    let (mut failed, mut warnings, mut infos, mut checked) = (0usize, 0usize, 0usize, 0usize);
    if opts.format == Format::Csv {
        out.write_all(&csv_bytes(&[CSV_HEADER.map(String::from)]))?;
    }
    let (job_tx, job_rx) = mpsc::channel::<usize>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| -> io::Result<()> {
        // Owned by this closure, so that the workers stop however it returns.
        let job_tx = job_tx;
        let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome)>();
        for _ in 0..jobs {
            let (job_rx, done_tx) = (&job_rx, done_tx.clone());
            scope.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next index.
                    let next = job_rx.lock().map_err(drop).and_then(|rx| rx.recv().map_err(drop));
                    let Ok(i) = next else { break };
                    // A panic would leave a hole in the output order: report it as a failure instead.
                    let outcome = std::panic::catch_unwind(|| inputs.get(i).map(|input| convert(input, opts, batch)))
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| Outcome::Failed("internal error: the parser panicked on this input".into()));
                    if done_tx.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let (mut sent, mut next) = (0, 0);
        let mut waiting: BTreeMap<usize, Outcome> = BTreeMap::new();
        while next < inputs.len() {
            while sent < inputs.len() && sent < next + window {
                if job_tx.send(sent).is_err() {
                    break;
                }
                sent += 1;
            }
            let Ok((i, outcome)) = done_rx.recv() else { break };
            waiting.insert(i, outcome);
            while let Some(outcome) = waiting.remove(&next) {
                let name = inputs.get(next).map_or("", |i| i.name.as_str());
                match outcome {
                    Outcome::Done { bytes, warnings: w, infos: n } => {
                        out.write_all(&bytes)?;
                        out.flush()?;
                        (warnings, infos, checked) = (warnings + w, infos + n, checked + 1);
                    }
                    Outcome::Failed(msg) => {
                        progress.clear();
                        eprintln!("{name}: {msg}");
                        failed += 1;
                    }
                }
                next += 1;
                progress.show(next);
            }
        }
        Ok(())
    })?;
    progress.clear();
    if opts.format == Format::Check {
        writeln!(out, "{}", summary(checked, warnings, infos, failed))?;
    }
    Ok(u8::from(failed > 0 || (opts.format == Format::Check && warnings > 0)))
}

/// Reads, parses and formats one input.
fn convert(input: &Input, opts: &Options, batch: bool) -> Outcome {
    if let Some(e) = &input.error {
        return Outcome::Failed(e.clone());
    }
    let bytes = match read(input.path.as_deref(), opts.parse.max_input_len) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    let (notice, source) = match read_notice(&bytes, &opts.parse) {
        Ok(n) => n,
        Err(e) => return Outcome::Failed(e),
    };
    let (mut warnings, mut infos) = (0, 0);
    let text = match opts.format {
        Format::Json | Format::Ndjson => {
            // The JSON of a notice is about twice its text: sized once,
            // the buffer is not copied as it grows.
            let mut out = Vec::with_capacity(bytes.len().saturating_mul(5) / 2 + 4096);
            let json = if opts.format == Format::Ndjson || batch {
                serde_json::to_writer(&mut out, &Sourced { notice: &notice, source: &input.name })
            } else if opts.pretty {
                serde_json::to_writer_pretty(&mut out, &notice)
            } else {
                serde_json::to_writer(&mut out, &notice)
            };
            if let Err(e) = json {
                return Outcome::Failed(e.to_string());
            }
            out.push(b'\n');
            return Outcome::Done { bytes: out, warnings, infos };
        }
        Format::Markdown => thongbao::to_markdown(&notice),
        Format::Text => {
            let text = source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&source);
            return Outcome::Done { bytes: text.to_vec(), warnings, infos };
        }
        Format::Csv => return Outcome::Done { bytes: csv_bytes(&csv_rows(&notice, &input.name)), warnings, infos },
        Format::Check => {
            let mut s = String::new();
            for d in &notice.diagnostics {
                let (line, column) = d.span.map_or((1, 1), |sp| (sp.line, column(&source, sp.start)));
                let severity = match d.severity {
                    Severity::Warning => {
                        warnings += 1;
                        "warning"
                    }
                    Severity::Info => {
                        infos += 1;
                        "info"
                    }
                };
                let _ = writeln!(s, "{}:{line}:{column}: {severity}[{}]: {}", input.name, name_of(&d.code), d.message);
            }
            s
        }
    };
    Outcome::Done { bytes: text.into_bytes(), warnings, infos }
}

/// The input's bytes, refused past `limit` without reading them all.
fn read(path: Option<&Path>, limit: usize) -> Result<Vec<u8>, String> {
    let over = |len: Option<u64>| {
        let len = len.map_or_else(String::new, |n| format!("{n} bytes, "));
        format!("input is {len}over the limit of {limit} bytes (see --max-bytes)")
    };
    let limit64 = u64::try_from(limit).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    let read = match path {
        None => io::stdin().lock().take(limit64.saturating_add(1)).read_to_end(&mut bytes),
        Some(p) => {
            let f = std::fs::File::open(p).map_err(|e| e.to_string())?;
            let len = f.metadata().map_err(|e| e.to_string())?.len();
            if len > limit64 {
                return Err(over(Some(len)));
            }
            // Room for the whole file and the read that finds its end.
            bytes.reserve(usize::try_from(len).unwrap_or(0).saturating_add(1));
            f.take(limit64.saturating_add(1)).read_to_end(&mut bytes)
        }
    };
    read.map_err(|e| e.to_string())?;
    if bytes.len() > limit {
        return Err(over(None));
    }
    Ok(bytes)
}

/// The rows of the assignments table.
fn csv_rows(n: &Notice, source: &str) -> Vec<[String; 8]> {
    let tasks = n.tasks_flat();
    let opt = |o: Option<String>| o.unwrap_or_default();
    n.assignments
        .iter()
        .map(|a| {
            let task_text = tasks.iter().find(|t| t.id == a.task_id).map_or_else(String::new, |t| {
                if t.text.is_empty() { t.heading.clone().unwrap_or_default() } else { t.text.clone() }
            });
            [
                source.to_string(),
                opt(n.header.number.clone()),
                opt(n.header.date.map(|d| d.to_string())),
                a.task_id.clone(),
                opt(a.assignee.clone()),
                opt(a.role.map(|r| r.as_str().to_string())),
                opt(a.due.map(|d| d.to_string())),
                task_text,
            ]
        })
        .collect()
}

/// Records as RFC 4180 CSV: quoted where needed, CRLF line ends.
fn csv_bytes(rows: &[[String; 8]]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for r in rows {
        // Writing to memory fails only on a bug of the csv crate.
        let _ = w.write_record(r);
    }
    w.into_inner().unwrap_or_default()
}

/// The text that spans index: the input's bytes, or the UTF-8 conversion of
/// UTF-16 input.
fn source_text(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units =
            rest.chunks_exact(2).map(|c| unit([c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)]));
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
            .into_bytes()
            .into()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        bytes.into()
    }
}

/// The 1-based character column of byte `at` on its line (a byte order mark
/// is not a column).
fn column(text: &[u8], at: usize) -> usize {
    let head = text.get(..at.min(text.len())).unwrap_or_default();
    let line = head.iter().rposition(|&b| b == b'\n').and_then(|i| head.get(i + 1..)).unwrap_or(head);
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    1 + line.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The JSON name of a code ("missing_header").
fn name_of(code: &thongbao::Code) -> String {
    serde_json::to_value(code).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn summary(files: usize, warnings: usize, infos: usize, failed: usize) -> String {
    let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
    let mut s = format!("{} checked: {}, {}", n(files, "file"), n(warnings, "warning"), n(infos, "info"));
    if failed > 0 {
        let _ = write!(s, "; {} could not be read", n(failed, "input"));
    }
    s
}

/// A "[12/300]" line on standard error, redrawn in place, for batches on a
/// terminal. Off when standard error is not a terminal, and when the output
/// goes to the same terminal (the lines would mix).
struct Progress {
    on: bool,
    total: usize,
    drawn: Option<Instant>,
}

impl Progress {
    fn new(total: usize, to_file: bool) -> Progress {
        let on = total > PROGRESS_ABOVE && io::stderr().is_terminal() && (to_file || !io::stdout().is_terminal());
        Progress { on, total, drawn: None }
    }

    fn show(&mut self, done: usize) {
        let due = self.drawn.is_none_or(|t| t.elapsed() >= Duration::from_millis(100)) || done == self.total;
        if self.on && due {
            eprint!("\r\x1b[Knotice2json: {done}/{} inputs ({}%)", self.total, done * 100 / self.total.max(1));
            self.drawn = Some(Instant::now());
        }
    }

    fn clear(&mut self) {
        if self.on && self.drawn.take().is_some() {
            eprint!("\r\x1b[K");
        }
    }
}
