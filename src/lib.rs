//! # thongbao
//!
//! Reads Vietnamese administrative notices — above all the *Thông báo kết
//! luận*, the notice that announces a leader's conclusions after a meeting —
//! and turns them into a typed [`Notice`] with a stable JSON export (the v1
//! contract: every key always present, spans into the original bytes).
//!
//! The format follows Decree 30/2020/NĐ-CP on administrative documents:
//! header (issuer, "Số: 45/TB-UBND", place and date), type line, subject,
//! body, "Nơi nhận" and signature. Input is Markdown (as converted from DOCX
//! or PDF) or plain text.
//!
//! ```
//! let text = "THÔNG BÁO\n\n**Kết luận của đồng chí Lê Văn An, Chủ tịch UBND xã tại cuộc họp giao ban**\n\n\
//! Ngày 05/3/2025, đồng chí Lê Văn An, Chủ tịch UBND xã chủ trì cuộc họp giao ban. \
//! Đồng chí Chủ tịch UBND xã kết luận như sau:\n\n\
//! 1. Giao Phòng Kinh tế chủ trì, phối hợp với Công an xã rà soát; hoàn thành trước ngày 15/3/2025.\n";
//! let notice = thongbao::parse(text);
//! assert!(notice.is_conclusion);
//! assert_eq!(notice.meeting.as_ref().and_then(|m| m.date).map(|d| d.to_string()).as_deref(), Some("2025-03-05"));
//! let row = &notice.assignments[0];
//! assert_eq!(row.assignee.as_deref(), Some("Phòng Kinh tế"));
//! assert_eq!(row.due.map(|d| d.to_string()).as_deref(), Some("2025-03-15"));
//! let json = serde_json::to_string(&notice)?;
//! assert!(json.starts_with(r#"{"schema_version":1,"kind":"thong_bao""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The pipeline, one module per stage: [`normalize`](crate) (NFC, spaces,
//! Đ/Ð, with a map back to the original bytes) → segment (Markdown through
//! pulldown-cmark, or plain text) → recognize (regions) → extract (one
//! module per field) → assemble (the model) → [`render`] (canonical
//! Markdown). See `ARCHITECTURE.md`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)
)]

mod assemble;
mod checks;
mod decode;
#[cfg(feature = "docx")]
pub mod docx;
mod error;
mod extract;
mod lexicon;
pub mod model;
mod normalize;
mod options;
mod patterns;
mod quality;
mod recognize;
pub mod render;
mod segment;
pub mod vocab;

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use error::Error;
pub use model::{
    Assessment, Assignee, Assignment, Authority, Code, Date, DateError, Deadline, DeadlineKind, Diagnostic, DocKind,
    Header, Issuer, Meeting, Notice, Numbering, Participant, Recipient, Reference, Region, RegionKind, Role,
    SCHEMA_VERSION, Severity, Signature, Span, Task, TasksSection,
};
pub use options::{InputFormat, ParseOptions};
pub use render::to_markdown;

use std::str::FromStr;

/// Compiles every pattern and builds every word table the parser uses, now.
///
/// Parsing never needs this: each pattern is compiled the first time a
/// notice needs it, which is most of what the first parse in a process
/// costs (tens of milliseconds). A long-running service can call this at
/// start-up so that no request pays for it, and a program that converts
/// one notice can run it on a spare thread while it reads its input: the
/// patterns are compiled in the reverse of the order the parser needs
/// them, so the two threads meet in the middle instead of waiting for
/// each other.
///
/// ```
/// let warm = std::thread::spawn(thongbao::warm_up);
/// let notice = thongbao::parse("Số: 45/TB-UBND\n\nTHÔNG BÁO\n");
/// assert_eq!(notice.header.number.as_deref(), Some("45/TB-UBND"));
/// warm.join().expect("warm-up does not panic");
/// ```
pub fn warm_up() {
    extract::deadlines::warm_up();
    extract::dates::warm_up();
    extract::bodies::warm_up();
    extract::references::warm_up();
    extract::signature::warm_up();
    extract::recipients::warm_up();
    extract::participants::warm_up();
    extract::meeting::warm_up();
    assemble::warm_up();
    recognize::warm_up();
    extract::header::warm_up();
    segment::warm_up();
    patterns::warm_up();
    vocab::warm_up();
}

/// Parses a notice from text with the default options.
///
/// Never fails: what is not understood is kept in `other` regions and
/// reported in `diagnostics`. No size limit applies; [`parse_with`] has one.
pub fn parse(text: &str) -> Notice {
    let opts = ParseOptions { max_input_len: usize::MAX, ..ParseOptions::default() };
    parse_inner(text, 0, &opts)
}

/// Parses a notice from text, with options.
///
/// # Errors
/// [`Error::TooLarge`] when the text is longer than `opts.max_input_len`.
pub fn parse_with(text: &str, opts: &ParseOptions) -> Result<Notice, Error> {
    if text.len() > opts.max_input_len {
        return Err(Error::TooLarge { len: text.len(), limit: opts.max_input_len });
    }
    Ok(parse_inner(text, 0, opts))
}

/// Parses a notice from bytes: UTF-8 (a byte order mark is skipped), or
/// UTF-16 with a byte order mark. Spans point into `bytes` (for UTF-16, into
/// its UTF-8 conversion).
///
/// # Errors
/// [`Error::InvalidUtf8`] (with the offset of the first invalid byte),
/// [`Error::InvalidUtf16`], or [`Error::TooLarge`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Notice, Error> {
    parse_bytes_with(bytes, &ParseOptions::default())
}

/// [`parse_bytes`] with options.
///
/// # Errors
/// As [`parse_bytes`].
pub fn parse_bytes_with(bytes: &[u8], opts: &ParseOptions) -> Result<Notice, Error> {
    if bytes.len() > opts.max_input_len {
        return Err(Error::TooLarge { len: bytes.len(), limit: opts.max_input_len });
    }
    let d = decode::decode(bytes)?;
    Ok(parse_inner(&d.text, d.skipped, opts))
}

/// Parses bytes that may hold invalid UTF-8: every invalid sequence is
/// replaced by U+FFFD and reported by a `replaced_invalid_utf8` diagnostic.
/// Spans point into the replaced text.
pub fn parse_bytes_lossy(bytes: &[u8]) -> Notice {
    let (text, bad) = decode::decode_lossy(bytes);
    let opts = ParseOptions { max_input_len: usize::MAX, ..ParseOptions::default() };
    let mut n = parse_inner(&text, 0, &opts);
    for offset in bad {
        n.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: Code::ReplacedInvalidUtf8,
            message: format!("an invalid UTF-8 sequence at byte {offset} was replaced by U+FFFD"),
            span: None,
        });
    }
    n
}

/// Parses a Word (`.docx`) notice with the default options.
///
/// The document is rendered to Markdown ([`docx::to_text`]) and that text is
/// parsed: the notice's spans and regions point into `docx::to_text(bytes)`.
/// Needs the `docx` feature (on by default).
///
/// # Errors
/// [`Error::NotZip`], [`Error::DamagedZip`], [`Error::NotWordDocument`],
/// [`Error::DocxLimit`], [`Error::XmlDtd`], [`Error::BadXml`], or
/// [`Error::TooLarge`] (the rendering over the input size limit).
#[cfg(feature = "docx")]
pub fn parse_docx(bytes: &[u8]) -> Result<Notice, Error> {
    parse_docx_with(bytes, &ParseOptions::default())
}

/// [`parse_docx`] with options (the default [`docx::DocxLimits`]; see
/// [`docx::parse_with`] to set them). `opts.input_format` is not used: the
/// rendering is Markdown.
///
/// # Errors
/// As [`parse_docx`].
#[cfg(feature = "docx")]
pub fn parse_docx_with(bytes: &[u8], opts: &ParseOptions) -> Result<Notice, Error> {
    docx::parse_with(bytes, opts, &docx::DocxLimits::default())
}

impl FromStr for Notice {
    type Err = Error;

    /// Parses with the default options; fails only on the size limit.
    fn from_str(s: &str) -> Result<Notice, Error> {
        parse_with(s, &ParseOptions::default())
    }
}

fn parse_inner(text: &str, base: usize, opts: &ParseOptions) -> Notice {
    patterns::engine::expect_text(text.len());
    let norm = normalize::normalize(text, base);
    let src: &str = &norm.text;
    let markdown = match opts.input_format {
        InputFormat::Markdown => true,
        InputFormat::Text => false,
        InputFormat::Auto => looks_like_markdown(src),
    };
    let depth = opts.max_depth.max(1);
    let raw = if markdown { segment::markdown::blocks(src, depth) } else { segment::plain::blocks(src, depth) };
    let mut joined = Vec::new();
    let blocks = segment::post_process(src, raw, &mut joined);
    let layout = recognize::recognize(&blocks);
    assemble::assemble(text, src, &norm.map, &blocks, &layout, &joined, depth)
}

/// Whether the text shows Markdown markup: bold runs, ATX headings, or a
/// table whose delimiter row comes right under its first row (padded
/// plain-text tables, as antiword writes them, have rows above their rules).
fn looks_like_markdown(s: &str) -> bool {
    let holds = |needle: &str| memchr::memmem::find(s.as_bytes(), needle.as_bytes()).is_some();
    if holds("**") || holds("__") || s.starts_with("<!-- thongbao") {
        return true;
    }
    let mut prev: [&str; 2] = ["", ""];
    for l in lines_of(s) {
        let t = l.trim_start();
        if t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ") {
            return true;
        }
        let delimiter =
            t.starts_with('|') && t.contains("---") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
        if delimiter && prev[1].trim_start().starts_with('|') && !prev[0].trim_start().starts_with('|') {
            return true;
        }
        prev = [prev[1], l];
    }
    false
}

/// The lines of `s` as `str::lines` gives them (a line feed ends a line,
/// with the carriage return before it), each line feed found by one
/// memchr pass over the text rather than a search per line.
fn lines_of(s: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let last = (!s.is_empty() && !s.ends_with('\n')).then_some(s.len());
    memchr::memchr_iter(b'\n', s.as_bytes()).chain(last).map(move |end| {
        let l = s.get(from..end).unwrap_or_default();
        from = end + 1;
        if end < s.len() { l.strip_suffix('\r').unwrap_or(l) } else { l }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_cut_as_by_str_lines() {
        let mut texts: Vec<String> =
            ["", "\n", "\n\n", "a", "a\n", "a\r\nb", "a\r\nb\r", "a\rb\n", "\r\n", "x\n\r\n\ry"]
                .map(String::from)
                .into();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")).expect("fixtures").flatten() {
            if let Ok(t) = std::fs::read_to_string(entry.path()) {
                texts.push(t.replace('\n', "\r\n"));
                texts.push(t);
            }
        }
        for t in &texts {
            assert_eq!(super::lines_of(t).collect::<Vec<_>>(), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn markdown_is_told_from_plain_text() {
        let markdown = [
            "| a | b |\n|---|---|\n",
            "| a | b |\r\n|---|---|\r\n",
            "x\n| a | b |\n|---|---|",
            "## Tiêu đề",
            "a\r\n# b",
            "**x**",
            "a __b__",
        ];
        let plain = ["", "\n", "| a | b |\n|---|---|\r", "| x |\n| a | b |\n|---|---|\n", "plain\ntext\n", "#không"];
        for t in markdown {
            assert!(super::looks_like_markdown(t), "{t:?}");
        }
        for t in plain {
            assert!(!super::looks_like_markdown(t), "{t:?}");
        }
    }
}
