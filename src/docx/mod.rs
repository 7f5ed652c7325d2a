//! Reading Word (`.docx`) notices.
//!
//! A `.docx` file is rendered to Markdown — the *plain-text rendering*
//! that [`to_text`] returns and `notice2json --format text FILE.docx`
//! prints — and that text is parsed as Markdown input, by the same region
//! recognisers and extractors as any other input. The rendering keeps what
//! Word knows and a converter to text loses:
//!
//! - the two-column header table (issuer and number | motto and date) and
//!   the footer table ("Nơi nhận" | signature) stay tables, so their columns
//!   are read as columns, not as interleaved lines;
//! - bold runs are written `**…**`, so the bold subject line reads as one;
//! - automatic numbering, which Word draws but never stores in the text, is
//!   computed from `word/numbering.xml` (levels, `%1.%2.` templates, formats,
//!   start values, restarts, overrides, numbering through a paragraph style)
//!   and written as typed text ("1. ", "a) ", "II. ", "1.2. ", "- "), so
//!   tasks numbered by Word get the same ids as typed numbers.
//!
//! See the `render` module for the rendering rules in full.
//!
//! **Spans.** The spans and regions of a notice read from a `.docx` are
//! byte ranges into the rendering, `to_text(bytes)`: show a value in
//! context by slicing that text.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let bytes: Vec<u8> = Vec::new();
//! # if bytes.is_empty() { return Ok(()); }
//! let notice = thongbao::parse_docx(&bytes)?;
//! let text = thongbao::docx::to_text(&bytes)?;
//! if let Some(task) = notice.tasks.first() {
//!     println!("{}", &text[task.span.start..task.span.end]);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Runs set in a legacy Vietnamese font (TCVN3 `.Vn…`, VNI `VNI-…`) are
//! converted to Unicode; the national header kept in the first page's
//! header part is written first when the body has none.
//!
//! **Safety.** A `.docx` is an untrusted zip archive. Only the parts needed
//! are inflated (the main part, `word/document.xml` or the part
//! `_rels/.rels` names, the styles and numbering, and the relationships and
//! the first page's header when the body has no header block), each
//! through a reader that stops at its cap
//! whatever sizes the archive declares; the caps are those of
//! [`DocxLimits`] (file size, entry count, uncompressed size per part and in
//! all, compression ratio, XML nesting). A DTD (`<!DOCTYPE`, where entities
//! would be declared) is refused. Every failure is a typed [`Error`]:
//! [`Error::NotZip`], [`Error::DamagedZip`], [`Error::NotWordDocument`],
//! [`Error::DocxLimit`], [`Error::XmlDtd`], [`Error::BadXml`]. Nothing
//! recurses on the input's nesting, and nothing panics.
//!
//! The reader is behind the `docx` cargo feature (on by default).

mod document;
mod legacy;
mod numbering;
mod package;
mod render;
mod styles;
mod xml;

use crate::{Error, InputFormat, Notice, ParseOptions};

/// Default of [`DocxLimits::max_file_len`]: 64 MiB.
pub const MAX_FILE_LEN: usize = 64 << 20;
/// Default of [`DocxLimits::max_entries`]: 10,000 zip entries.
pub const MAX_ENTRIES: usize = 10_000;
/// Default of [`DocxLimits::max_part_len`]: 32 MiB uncompressed per part.
pub const MAX_PART_LEN: u64 = 32 << 20;
/// Default of [`DocxLimits::max_total_len`]: 64 MiB uncompressed in all.
pub const MAX_TOTAL_LEN: u64 = 64 << 20;
/// Default of [`DocxLimits::max_ratio`]: 100 to 1.
pub const MAX_RATIO: u64 = 100;
/// Default of [`DocxLimits::ratio_floor`]: 1 MiB.
pub const RATIO_FLOOR: u64 = 1 << 20;
/// Default of [`DocxLimits::max_xml_depth`]: 256 nested elements.
pub const MAX_XML_DEPTH: usize = 256;

/// The safety caps of the `.docx` reader. Over any of them the input is
/// refused with [`Error::DocxLimit`].
///
/// ```
/// let limits = thongbao::docx::DocxLimits { max_part_len: 4 << 20, ..Default::default() };
/// assert_eq!(limits.max_entries, thongbao::docx::MAX_ENTRIES);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxLimits {
    /// The `.docx` file's own size, in bytes. Default: [`MAX_FILE_LEN`].
    pub max_file_len: usize,
    /// Entries in the zip archive. Default: [`MAX_ENTRIES`].
    pub max_entries: usize,
    /// Uncompressed bytes of one part read. Default: [`MAX_PART_LEN`].
    pub max_part_len: u64,
    /// Uncompressed bytes of all the parts read. Default: [`MAX_TOTAL_LEN`].
    pub max_total_len: u64,
    /// Uncompressed bytes per compressed byte of a part, checked once a
    /// part is past [`ratio_floor`](Self::ratio_floor). Default: [`MAX_RATIO`].
    pub max_ratio: u64,
    /// Parts up to this many uncompressed bytes are not held to the ratio.
    /// Default: [`RATIO_FLOOR`].
    pub ratio_floor: u64,
    /// Nesting depth of XML elements. Default: [`MAX_XML_DEPTH`].
    pub max_xml_depth: usize,
}

impl Default for DocxLimits {
    fn default() -> Self {
        DocxLimits {
            max_file_len: MAX_FILE_LEN,
            max_entries: MAX_ENTRIES,
            max_part_len: MAX_PART_LEN,
            max_total_len: MAX_TOTAL_LEN,
            max_ratio: MAX_RATIO,
            ratio_floor: RATIO_FLOOR,
            max_xml_depth: MAX_XML_DEPTH,
        }
    }
}

/// The plain-text (Markdown) rendering of a `.docx`, with the default
/// caps: the text a `.docx` notice is parsed from and its spans point into.
///
/// # Errors
/// [`Error::NotZip`], [`Error::DamagedZip`], [`Error::NotWordDocument`],
/// [`Error::DocxLimit`], [`Error::XmlDtd`] or [`Error::BadXml`].
pub fn to_text(bytes: &[u8]) -> Result<String, Error> {
    to_text_with(bytes, &DocxLimits::default())
}

/// [`to_text`] with caps.
///
/// # Errors
/// As [`to_text`].
pub fn to_text_with(bytes: &[u8], limits: &DocxLimits) -> Result<String, Error> {
    let mut pkg = package::read(bytes, limits)?;
    let depth = limits.max_xml_depth.max(1);
    let styles = match &pkg.styles {
        Some(s) => styles::parse(s, depth)?,
        None => styles::Styles::default(),
    };
    let numbering = match &pkg.numbering {
        Some(n) => numbering::parse(n, depth)?,
        None => numbering::Numbering::default(),
    };
    let body = document::parse(&pkg.document, &styles, depth)?;
    let text = render::render(&body.blocks, &styles, &numbering);
    // A national header kept in the first page's header part (Word's
    // "different first page" header, or the default one), when the body
    // has none: written first, as Word shows it.
    if render::has_header_block(&text, false) {
        return Ok(text);
    }
    let Some(id) = body.section.as_ref().and_then(|s| s.first_page_header()) else { return Ok(text) };
    let Some(name) = pkg.related(id)? else { return Ok(text) };
    let Some(part) = pkg.part(&name)? else { return Ok(text) };
    let header = document::parse_part(&part, "a header part", &styles, depth)?;
    let head = render::render(&header.blocks, &styles, &numbering);
    if render::has_header_block(&head, true) { Ok(format!("{head}\n{text}")) } else { Ok(text) }
}

/// Parses a `.docx` notice with options and caps: [`to_text_with`], then
/// [`parse_with`](crate::parse_with) on the rendering read as Markdown
/// (`opts.input_format` is not used; `opts.max_input_len` applies to the
/// rendering, [`DocxLimits::max_file_len`] to the file).
///
/// # Errors
/// As [`to_text`], and [`Error::TooLarge`] when the rendering is longer
/// than `opts.max_input_len`.
pub fn parse_with(bytes: &[u8], opts: &ParseOptions, limits: &DocxLimits) -> Result<Notice, Error> {
    let text = to_text_with(bytes, limits)?;
    let opts = ParseOptions { input_format: InputFormat::Markdown, ..opts.clone() };
    crate::parse_with(&text, &opts)
}

/// Whether `bytes` are a Word document: a zip archive (its first bytes are
/// `PK\x03\x04`) that holds `word/document.xml`. Cheap: nothing is inflated.
///
/// ```
/// assert!(!thongbao::docx::is_docx(b"THONG BAO"));
/// ```
pub fn is_docx(bytes: &[u8]) -> bool {
    package::is_zip(bytes) && package::is_docx(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_zip() {
        assert!(matches!(to_text(b"hello"), Err(Error::NotZip { .. })));
        assert!(matches!(to_text(b""), Err(Error::NotZip { .. })));
        assert!(matches!(to_text(b"PK\x03\x04garbage"), Err(Error::DamagedZip { .. })));
    }

    #[test]
    fn document_xml_alone() {
        let styles = styles::Styles::default();
        let doc = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Kết </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>luận</w:t></w:r></w:p>
<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t xml:space="preserve"> c &amp; d</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t># x</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:t> kept</w:t></w:r></w:ins></w:p>
</w:body></w:document>"#;
        let body = document::parse(doc, &styles, 64).unwrap();
        let text = render::render(&body.blocks, &styles, &numbering::Numbering::default());
        assert_eq!(text, "**Kết luận**\n\na b\nc & d\n\n\\# x kept\n");
    }

    #[test]
    fn doctype_refused() {
        let doc = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x">&a;</w:document>"#;
        let r = document::parse(doc, &styles::Styles::default(), 64);
        assert!(matches!(r, Err(Error::XmlDtd { .. })), "{r:?}");
    }

    #[test]
    fn depth_capped() {
        let doc = format!("{}{}", "<a>".repeat(1000), "</a>".repeat(1000));
        let r = document::parse(&doc, &styles::Styles::default(), 256);
        assert!(matches!(r, Err(Error::DocxLimit { .. })), "{r:?}");
    }
}
