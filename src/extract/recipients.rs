//! The "Nơi nhận" list and its archive line ("Lưu: VT, TH.").

use crate::patterns::{Regex, compile, is_pattern_space};
use std::sync::LazyLock;

static ARCHIVE: LazyLock<Regex> = LazyLock::new(|| compile(r"^(?:Lưu|LƯU)\s*:?\s*"));

/// The end of an archive code at the start of `p`: its first word (up to
/// white space or "("), then each further word up to a digit or "(" ("VT",
/// "VP UBND", but "TH" of "TH 2b"); `None` when `p` opens with neither.
/// What `^[^\s(]+(?:\s+[^\s(0-9]+)*` found, walked.
fn code_end(p: &str) -> Option<usize> {
    let word = |s: &str, digits: bool| {
        s.find(|c: char| is_pattern_space(c) || c == '(' || !digits && c.is_ascii_digit()).unwrap_or(s.len())
    };
    let mut end = word(p, true);
    if end == 0 {
        return None;
    }
    while let Some(rest) = p.get(end..) {
        // Without white space, what follows a word is "(", a digit or
        // nothing: no further word starts there.
        let spaced = rest.trim_start_matches(is_pattern_space);
        let more = word(spaced, false);
        if more == 0 {
            break;
        }
        end += rest.len() - spaced.len() + more;
    }
    Some(end)
}

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
            .filter_map(|p| {
                let p = p.trim();
                code_end(p).and_then(|e| p.get(..e)).map(|c| c.trim_end_matches('.').trim().to_string())
            })
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&ARCHIVE);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `code_end` ends where `^[^\s(]+(?:\s+[^\s(0-9]+)*` ended its match,
    /// on every part of every fixture line split as archive lines are, and
    /// on made-up parts.
    #[test]
    fn code_end_ends_where_the_pattern_did() {
        let old = compile(r"^[^\s(]+(?:\s+[^\s(0-9]+)*");
        let made = [
            "VT",
            "VT.",
            "VP UBND",
            "TH 2b",
            "TH(2)",
            "TH (2)",
            "(2) VT",
            "a  b  c",
            "a b1 c",
            "Lưu VT",
            "",
            " ",
            "ĐT-XD Hồ sơ",
            "VT\tTH",
            "KT 5 bản",
            "x(",
            "x (y",
            "Phòng Nội vụ 02",
        ];
        let lines = crate::patterns::tests::normalized_lines(&made);
        let mut seen = [0, 0];
        for line in lines.iter().map(String::as_str).chain(made) {
            for part in line.split([',', ';']).map(str::trim) {
                let want = old.find(part).map(|m| m.end());
                seen[usize::from(want.is_some())] += 1;
                assert_eq!(code_end(part), want, "{part:?}");
            }
        }
        assert!(seen[0] > 10 && seen[1] > 1_000, "{seen:?}");
    }

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
