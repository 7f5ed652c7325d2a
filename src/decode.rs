//! Stage 0: bytes to text. UTF-8 (a byte order mark is skipped), or UTF-16
//! with a byte order mark; anything else is refused with the offset of the
//! first invalid byte.

use crate::error::Error;
use std::borrow::Cow;

/// Decoded text and the number of bytes skipped before it (a BOM).
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub skipped: usize,
}

/// Decodes `bytes`. UTF-16 input is converted to UTF-8; its spans then point
/// into the converted text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = utf8(rest).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() + 3 })?;
        return Ok(Decoded { text: Cow::Borrowed(text), skipped: 3 });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let text = utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
    Ok(Decoded { text: Cow::Borrowed(text), skipped: 0 })
}

/// `bytes` as text, checked by `simdutf8`; on invalid input, the error of
/// `std` (which says where the input went wrong) is worked out anew.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

/// Decodes with U+FFFD for every invalid sequence, reporting where each was.
pub(crate) fn decode_lossy(bytes: &[u8]) -> (Cow<'_, str>, Vec<usize>) {
    if let Ok(text) = utf8(bytes) {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut bad = Vec::new();
    let mut rest = bytes;
    let mut pos = 0;
    loop {
        // std's check stops at the first invalid sequence; `utf8` would
        // check the whole rest again for each one.
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                bad.push(pos + e.valid_up_to());
                let step = e.valid_up_to() + skip.max(1);
                pos += step;
                rest = rest.get(step..).unwrap_or_default();
            }
        }
    }
    (String::from_utf8_lossy(bytes), bad)
}

fn utf16(rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Decoded<'static>, Error> {
    if rest.len() % 2 == 1 {
        // A stray last byte: offsets count the two bytes of the byte order mark.
        return Err(Error::InvalidUtf16 { offset: 2 + rest.len() - 1 });
    }
    let units = rest.chunks_exact(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut out = String::with_capacity(rest.len());
    let mut pos = 2;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                pos += 2 * c.len_utf16();
            }
            Err(_) => return Err(Error::InvalidUtf16 { offset: pos }),
        }
    }
    Ok(Decoded { text: Cow::Owned(out), skipped: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_names_first_bad_byte() {
        let cases: &[(&[u8], usize)] = &[(b"ab\xffcd", 2), (b"\xc3\x28", 0), (b"TH\xc3\x94NG B\xc3\x81O\n\xff", 12)];
        for (input, offset) in cases {
            assert!(matches!(decode(input), Err(Error::InvalidUtf8 { offset: o }) if o == *offset));
        }
    }

    #[test]
    fn fast_check_agrees_with_std() {
        // Every pair of bytes, alone and after a long ASCII run (which
        // takes the SIMD path), and every lead byte with two continuations.
        let pad = [b'a'; 70];
        let mut buf = Vec::new();
        let pairs = (0..=255u8).flat_map(|a| (0..=255u8).map(move |b| vec![a, b]));
        let triples = (0xC0..=0xFFu8).flat_map(|a| (0x70..=0xC0u8).map(move |b| vec![a, b, 0x80, b'x']));
        for seq in pairs.chain(triples) {
            for lead in [&pad[..0], &pad[..]] {
                buf.clear();
                buf.extend_from_slice(lead);
                buf.extend_from_slice(&seq);
                let ours = utf8(&buf).map_err(|e| (e.valid_up_to(), e.error_len()));
                let std = std::str::from_utf8(&buf).map_err(|e| (e.valid_up_to(), e.error_len()));
                assert_eq!(ours, std, "{buf:?}");
            }
        }
    }

    #[test]
    fn bom_and_utf16() {
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!((d.text.as_ref(), d.skipped), ("abc", 3));
        let utf16: Vec<u8> = [0xFEFF_u16, 0x54, 0x1EA0].iter().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&utf16).unwrap().text, "T\u{1EA0}");
        assert!(decode(b"\xFF\xFE\x00\xD8").is_err());
    }

    #[test]
    fn lossy_reports_each_sequence() {
        let (text, bad) = decode_lossy(b"a\xffb\xc3");
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(bad, vec![1, 3]);
    }
}
