//! The crate's error type: input that cannot be read as text at all.
//!
//! Content problems never give an error: a notice that is not understood
//! still gives a [`Notice`](crate::Notice), with diagnostics.

/// Why an input could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8.
    #[error("input is not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes are UTF-16 (they start with a UTF-16 byte order mark) but
    /// are not valid UTF-16.
    #[error("input is UTF-16 (byte order mark found) but is not valid UTF-16 near byte offset {offset}")]
    InvalidUtf16 {
        /// Byte offset of the first invalid code unit.
        offset: usize,
    },
    /// The input is larger than the configured limit.
    #[error("input is {len} bytes, over the limit of {limit} bytes (see ParseOptions::max_input_len)")]
    TooLarge {
        /// The input's length in bytes.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A `.docx` input is not a zip archive (a `.docx` file is a zip package).
    #[error("input is not a .docx file: {detail}")]
    NotZip {
        /// What the input is instead, as far as its first bytes tell.
        detail: String,
    },
    /// A `.docx` input is a damaged zip archive (truncated, bad central
    /// directory, checksum mismatch, unsupported compression or encryption).
    #[error("the .docx package is damaged: {detail}")]
    DamagedZip {
        /// The zip reader's message, with the part it concerns.
        detail: String,
    },
    /// A zip archive without `word/document.xml`: not a Word document.
    #[error("the zip archive has no word/document.xml: it is not a Word (.docx) document")]
    NotWordDocument,
    /// A `.docx` input is over one of the safety caps of
    /// `docx::DocxLimits` (entry count, uncompressed size, compression
    /// ratio, XML nesting): a zip bomb or a hostile package.
    #[error("the .docx package is refused: {what} is {value}, over the limit of {limit} (see docx::DocxLimits)")]
    DocxLimit {
        /// What is over its cap.
        what: String,
        /// The value found (for a size, as far as it was read).
        value: u64,
        /// The cap.
        limit: u64,
    },
    /// A part of a `.docx` declares a DTD (`<!DOCTYPE …>`), where entities
    /// could be defined and expanded without bound: refused.
    #[error("{part} declares a DTD (<!DOCTYPE>): refused, since its entities could expand without bound")]
    XmlDtd {
        /// The part ("word/document.xml").
        part: String,
    },
    /// A part of a `.docx` is not well-formed XML.
    #[error("{part} is not well-formed XML: {detail}")]
    BadXml {
        /// The part ("word/document.xml").
        part: String,
        /// The XML reader's message, with the byte offset in the part.
        detail: String,
    },
}
