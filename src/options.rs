//! Parser options.

/// How to read the input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Markdown when the text shows Markdown markup (`**`, `#` headings,
    /// tables), plain text otherwise.
    #[default]
    Auto,
    /// Markdown (CommonMark with tables), as converters from DOCX or PDF write it.
    Markdown,
    /// Plain text, possibly hard-wrapped (PDF text layers, antiword).
    Text,
}

/// Options of [`parse_with`](crate::parse_with).
///
/// ```
/// use thongbao::{InputFormat, ParseOptions};
/// let opts = ParseOptions { input_format: InputFormat::Text, ..ParseOptions::default() };
/// assert_eq!(opts.max_input_len, 16 * 1024 * 1024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// How to read the text. Default: [`InputFormat::Auto`].
    pub input_format: InputFormat,
    /// Inputs longer than this many bytes are refused with
    /// [`Error::TooLarge`](crate::Error::TooLarge). Default: 16 MiB.
    pub max_input_len: usize,
    /// Items nested deeper than this are flattened to this depth, with a
    /// `depth_limit` diagnostic. Default: 16.
    pub max_depth: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { input_format: InputFormat::Auto, max_input_len: 16 * 1024 * 1024, max_depth: 16 }
    }
}
