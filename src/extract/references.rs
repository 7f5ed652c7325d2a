//! Documents cited by number: "Quyết định số 01/2024/QĐ-UBND ngày
//! 03/01/2024". A mention without a number is not a reference.

use super::dates::{self, DATE};
use crate::lexicon::{After, Lexicon};
use crate::model::{Date, DocKind};
use crate::patterns::{Regex, compile};
use crate::vocab;
use std::sync::LazyLock;

/// The number, symbol and date that follow a document type and the white
/// space after it, matched where they start: "số 01/2024/QĐ-UBND ngày
/// 03/01/2024".
fn cited_number() -> String {
    format!(
        r"(?:số\s+)?(?P<num>[0-9]{{1,6}}[a-z]?(?:\s*/\s*[0-9]{{4}})?\s*[/-]\s*\p{{Lu}}[\p{{L}}&]*[0-9]*(?:\s*[-/]\s*\p{{Lu}}[\p{{L}}0-9&]*)*)(?:\s*,?\s+ngày\s+{DATE})?"
    )
}

/// The document types that a citation starts with, and what follows them.
struct Rx {
    types: Lexicon,
    number: LazyLock<Regex>,
}

/// The document types are found by a word table, the rest by a pattern
/// anchored after them: an unanchored alternation of every type would
/// keep hundreds of kilobytes of automaton states for each thread.
static RX: LazyLock<Rx> = LazyLock::new(|| {
    let types: Vec<&str> = vocab::CITED_TYPES.iter().map(|(t, _)| *t).collect();
    Rx { types: Lexicon::new(&types), number: LazyLock::new(|| compile(&cited_number())) }
});

/// A citation found in text (byte offsets into that text).
pub(crate) struct Found {
    pub kind: DocKind,
    pub number: String,
    pub date: Option<Date>,
    pub start: usize,
    pub end: usize,
}

/// False only when [`RX`] cannot match `s`: a number and symbol needs a
/// `/` or `-` with a digit before it (across white space and an optional
/// lower-case letter, "12a/…", "2221 /…") and a capital after it (across
/// white space): "01/2024/QĐ-UBND". Most paragraphs have no such place.
fn may_cite(s: &str) -> bool {
    // Both separators in one pass, by memchr.
    memchr::memchr2_iter(b'/', b'-', s.as_bytes()).any(|at| {
        let before = s.get(..at).unwrap_or_default().trim_end();
        let before = before.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(before);
        before.ends_with(|c: char| c.is_ascii_digit())
            && s.get(at + 1..).unwrap_or_default().trim_start().starts_with(char::is_uppercase)
    })
}

/// Every citation in `s`.
pub(crate) fn find_all(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    if !may_cite(s) {
        return out;
    }
    let rx = &*RX;
    let mut at = 0;
    // Each document type followed by white space, left to right; where the
    // number follows it, a citation, and the search goes on after it.
    while let Some((start, after)) = rx.types.search(s, at, After::Space) {
        let Some(c) = rx.number.captures_anchored_at(s, after) else {
            at = crate::patterns::next_char(s, start);
            continue;
        };
        let (Some(all), Some(n)) = (c.get(0), c.name("num")) else { break };
        let t = s.get(start..after).unwrap_or_default().trim_end();
        let folded = vocab::fold_key(t);
        let kind = vocab::CITED_TYPES
            .iter()
            .find(|(w, _)| vocab::fold_key(w) == folded)
            .map_or(DocKind::Unknown, |(_, k)| DocKind::from_name(k));
        let number: String = n.as_str().split_whitespace().collect();
        let date = dates::from_captures(&c, None).filter(|_| dates::has_year(&c));
        let end = if date.is_some() { all.end() } else { n.end() };
        out.push(Found { kind, number, date, start, end });
        at = all.end();
    }
    out
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&RX.number);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_table() {
        let cases: &[(&str, &str, &str, Option<&str>, &str)] = &[
            (
                "thực hiện Quyết định số 01/2024/QĐ-UBND ngày 03/01/2024 về",
                "quyet_dinh",
                "01/2024/QĐ-UBND",
                Some("2024-01-03"),
                "Quyết định số 01/2024/QĐ-UBND ngày 03/01/2024",
            ),
            (
                "theo Kế hoạch số 125/KH-UBND ngày 15 tháng 3 năm 2025",
                "ke_hoach",
                "125/KH-UBND",
                Some("2025-03-15"),
                "Kế hoạch số 125/KH-UBND ngày 15 tháng 3 năm 2025",
            ),
            ("Công văn số 2221 /UBND-TH của", "cong_van", "2221/UBND-TH", None, "Công văn số 2221 /UBND-TH"),
            ("Nghị định 30/2020/NĐ-CP", "nghi_dinh", "30/2020/NĐ-CP", None, "Nghị định 30/2020/NĐ-CP"),
            (
                "Nghị quyết số 120/2020/QH14 ngày 19/6/2020 của Quốc hội",
                "nghi_quyet",
                "120/2020/QH14",
                Some("2020-06-19"),
                "Nghị quyết số 120/2020/QH14 ngày 19/6/2020",
            ),
            (
                "Thông báo số 45-TB/HU ngày 2/3/2024",
                "thong_bao",
                "45-TB/HU",
                Some("2024-03-02"),
                "Thông báo số 45-TB/HU ngày 2/3/2024",
            ),
        ];
        for (input, kind, number, date, text) in cases {
            let f = find_all(input);
            assert_eq!(f.len(), 1, "for {input:?}");
            let f = &f[0];
            assert_eq!(
                (f.kind.as_str(), f.number.as_str(), f.date.map(|d| d.to_string()).as_deref(), &input[f.start..f.end]),
                (*kind, *number, *date, *text)
            );
        }
        assert!(find_all("Căn cứ Quyết định phê duyệt và công bố Chỉ số").is_empty());
    }

    /// The one pattern that citations were found by before the word table.
    fn one_pattern() -> Regex {
        let types: Vec<&str> = vocab::CITED_TYPES.iter().map(|(t, _)| *t).collect();
        compile(&format!(r"(?P<type>{})\s+{}", crate::vocab::alternation(&types), cited_number()))
    }

    /// The word table and the anchored pattern find what one pattern
    /// found, on every fixture line, the gate samples and lines made for
    /// the edges: types that share words, a type without a number before
    /// one with it, white space inside a type.
    #[test]
    fn citations_are_found_as_by_one_pattern() {
        let one = one_pattern();
        let texts = crate::patterns::tests::gate_texts(&[
            "Thông tư liên tịch số 12/2020/TTLT-BTC và Thông tư 5/2021/TT-BNV",
            "Thông tư liên tịch Thông tư 5/2021/TT-BNV",
            "Quyết định Quyết định số 01/QĐ-UBND ngày 3/1/2024",
            "Quyết  định\tsố 01 / QĐ - UBND ngày 3 tháng 1 năm 2024",
            "xQuyết định 1/A;Kế hoạch 2/KH-UBND, ngày 15/3/2025Công văn 3-CV",
            "Quyết định số 1/qđ Quyết định số",
            "Thông báo số 45-TB/HU ngày 2/3Báo cáo 7/BC",
        ]);
        let kind_of = |t: &str| {
            let folded = vocab::fold_key(t);
            vocab::CITED_TYPES.iter().find(|(w, _)| vocab::fold_key(w) == folded).map(|(_, k)| *k)
        };
        let mut found = 0;
        for t in &texts {
            let old: Vec<_> = one
                .captures_iter(t)
                .filter_map(|c| {
                    let (all, ty, n) = (c.get(0)?, c.name("type")?, c.name("num")?);
                    let date = dates::from_captures(&c, None).filter(|_| dates::has_year(&c));
                    let end = if date.is_some() { all.end() } else { n.end() };
                    let number: String = n.as_str().split_whitespace().collect();
                    Some((all.start(), end, kind_of(ty.as_str()).unwrap_or("unknown").to_string(), number, date))
                })
                .collect();
            let new: Vec<_> = find_all(t)
                .into_iter()
                .map(|f| (f.start, f.end, f.kind.as_str().to_string(), f.number, f.date))
                .collect();
            assert_eq!(new, old, "{t:?}");
            found += old.len();
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn citation_gate_never_hides_a_match() {
        let one = one_pattern();
        let mut matched = 0;
        for t in crate::patterns::gates::tests::samples() {
            let m = one.is_match(&t);
            assert!(!m || may_cite(&t), "{t:?}");
            matched += usize::from(m);
        }
        assert!(matched > 10, "{matched}");
        for t in ["trước ngày 30/6/2024", "Kinh tế - Xã hội", "Sở Nội vụ chủ trì", ""] {
            assert!(!may_cite(t), "{t:?}");
        }
    }
}
