//! The "Nơi nhận" list and its archive line ("Lưu: VT, TH.").

use crate::patterns::{Regex, compile};
use std::sync::LazyLock;

static ARCHIVE: LazyLock<Regex> = LazyLock::new(|| compile(r"^(?:Lưu|LƯU)\s*:?\s*"));
static CODE: LazyLock<Regex> = LazyLock::new(|| compile(r"^[^\s(]+(?:\s+[^\s(0-9]+)*"));

/// The span of an entry's own text inside `s`: without "-", "+" and the
/// trailing ";" or ".".
pub(crate) fn entry(s: &str) -> (usize, usize) {
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '–' | '•')).len();
    let body = s.get(lead..).unwrap_or_default();
    let kept = body.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '.'));
    (lead, lead + kept.len())
}

/// The parts of an archive line, or `None` when the entry is not one.
pub(crate) fn archive(s: &str) -> Option<Vec<String>> {
    let (a, b) = entry(s);
    let t = s.get(a..b)?;
    let m = ARCHIVE.find(t)?;
    let rest = t.get(m.end()..)?;
    // "Lưu Quốc Trung": a signer whose surname is Lưu, not an archive line.
    if !m.as_str().contains(':') && super::signature::is_name(t.trim().trim_end_matches('.')) {
        return None;
    }
    if m.as_str().trim().len() == t.trim().len() {
        return Some(Vec::new());
    }
    Some(
        rest.split([',', ';'])
            .filter_map(|p| CODE.find(p.trim()).map(|m| m.as_str().trim_end_matches('.').trim().to_string()))
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&ARCHIVE);
    LazyLock::force(&CODE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_archive() {
        let cases: &[(&str, &str)] = &[
            ("- TT. Huyện ủy;", "TT. Huyện ủy"),
            ("- Thường trực Tỉnh ủy (b/c);", "Thường trực Tỉnh ủy (b/c)"),
            ("+ Như trên.", "Như trên"),
        ];
        for (input, expected) in cases {
            let (a, b) = entry(input);
            assert_eq!(&input[a..b], *expected);
        }
        let cases: &[(&str, &[&str])] = &[
            ("- Lưu: VT, TH.", &["VT", "TH"]),
            ("Lưu: VT, TH (3).", &["VT", "TH"]),
            ("- Lưu: VT, KT(Nam).", &["VT", "KT"]),
            ("- Lưu VT", &["VT"]),
            ("Lưu: VT; TH(02b).", &["VT", "TH"]),
            ("- Lưu Văn phòng Huyện ủy.", &["Văn phòng Huyện ủy"]),
        ];
        for (input, expected) in cases {
            assert_eq!(
                archive(input).unwrap_or_default(),
                expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "for {input:?}"
            );
        }
        assert_eq!(archive("- UBND các xã;"), None);
    }
}
