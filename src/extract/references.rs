//! Documents cited by number: "Quyết định số 01/2024/QĐ-UBND ngày
//! 03/01/2024". A mention without a number is not a reference.

use super::dates::{self, DATE};
use crate::model::{Date, DocKind};
use crate::patterns::{Regex, compile};
use crate::vocab::{self, alternation};
use std::sync::LazyLock;

static RX: LazyLock<Regex> = LazyLock::new(|| {
    let types: Vec<&str> = vocab::CITED_TYPES.iter().map(|(t, _)| *t).collect();
    compile(&format!(
        r"(?P<type>{})\s+(?:số\s+)?(?P<num>[0-9]{{1,6}}[a-z]?(?:\s*/\s*[0-9]{{4}})?\s*[/-]\s*\p{{Lu}}[\p{{L}}&]*[0-9]*(?:\s*[-/]\s*\p{{Lu}}[\p{{L}}0-9&]*)*)(?:\s*,?\s+ngày\s+{DATE})?",
        alternation(&types)
    ))
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
    for c in RX.captures_iter(s) {
        let (Some(all), Some(t), Some(n)) = (c.get(0), c.name("type"), c.name("num")) else { continue };
        let folded = vocab::fold_key(t.as_str());
        let kind = vocab::CITED_TYPES
            .iter()
            .find(|(w, _)| vocab::fold_key(w) == folded)
            .map_or(DocKind::Unknown, |(_, k)| DocKind::from_name(k));
        let number: String = n.as_str().split_whitespace().collect();
        let date = dates::from_captures(&c, None).filter(|_| dates::has_year(&c));
        let end = if date.is_some() { all.end() } else { n.end() };
        out.push(Found { kind, number, date, start: all.start(), end });
    }
    out
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&RX);
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

    #[test]
    fn citation_gate_never_hides_a_match() {
        let mut matched = 0;
        for t in crate::patterns::gates::tests::samples() {
            let m = RX.is_match(&t);
            assert!(!m || may_cite(&t), "{t:?}");
            matched += usize::from(m);
        }
        assert!(matched > 10, "{matched}");
        for t in ["trước ngày 30/6/2024", "Kinh tế - Xã hội", "Sở Nội vụ chủ trì", ""] {
            assert!(!may_cite(t), "{t:?}");
        }
    }
}
