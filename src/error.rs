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
}
