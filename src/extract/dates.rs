//! Dates as Vietnamese notices write them.
//!
//! # Grammar
//! ```text
//! date      := numeric | words
//! numeric   := D{1,2} SEP D{1,2} (SEP D{4})?        SEP := "/" | "-" | "."
//! words     := "ngày" D{1,2} "tháng" D{1,2} (("năm" | "," | "/") D{4})?
//! ```
//! A date without a year takes the year given by the caller (the notice's
//! or the meeting's); a day or month out of range gives no date.

use crate::lexicon::{After, Lexicon};
use crate::model::Date;
use crate::patterns::{Captures, Matcher, Regex, compile_lowered, compile_matcher_lowered, lower_case};
use std::sync::LazyLock;

/// The date sub-pattern, with groups d1 m1 y1 (numeric) and d2 m2 y2 (words).
pub(crate) const DATE: &str = r"(?:(?P<d1>[0-9]{1,2})\s*[/.\-]\s*(?P<m1>[0-9]{1,2})(?:\s*[/.\-]\s*(?P<y1>[0-9]{4}))?|(?P<d2>[0-9]{1,2})\s+tháng\s+(?P<m2>[0-9]{1,2})(?:\s*(?:năm|,|/)\s*(?P<y2>[0-9]{4}))?)";

/// Several days of one month: "ngày 12 và 13 tháng 3 năm 2021", "ngày 03
/// và 04/3/2025", "hai ngày 03-04/3/2025" (the first day is taken).
static MULTI_DAY: LazyLock<Regex> = LazyLock::new(|| {
    compile_lowered(concat!(
        r"(?i)ngày\s+(?:(?P<d2>[0-9]{1,2})\s*(?:và|,|-|–|đến)\s*(?:ngày\s+)?[0-9]{1,2}\s+tháng\s+(?P<m2>[0-9]{1,2})(?:\s*(?:năm|,|/)\s*(?P<y2>[0-9]{4}))?",
        r"|(?P<d1>[0-9]{1,2})\s*(?:và|,|-|–|đến)\s*(?:ngày\s+)?[0-9]{1,2}\s*[/.\-]\s*(?P<m1>[0-9]{1,2})(?:\s*[/.\-]\s*(?P<y1>[0-9]{4}))?)"
    ))
});

/// The words between two days of [`MULTI_DAY`] ("và", "đến"), and
/// "ngày", in any case.
static DAY_LINKS: LazyLock<(Lexicon, Lexicon)> =
    LazyLock::new(|| (Lexicon::caseless(&["và", "đến"]), Lexicon::caseless(&["ngày"])));

/// Whether [`MULTI_DAY`] may match `s`: a digit, white space, a link ("và",
/// ",", "-", "–", "đến"), white space, "ngày" and white space or not, then a
/// digit. Most texts have no such place, and never need the pattern.
fn may_span_days(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (links, day) = &*DAY_LINKS;
    let space = |at: usize| at + crate::patterns::space_run(bytes, at);
    // The link follows the last digit of a run.
    let run_end =
        |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit) && !bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    (0..bytes.len()).filter(|&i| run_end(i)).any(|i| {
        let at = space(i + 1);
        let rest = s.get(at..).unwrap_or_default();
        let link = match rest.as_bytes() {
            [b',' | b'-', ..] => Some(1),
            [0xE2, 0x80, 0x93, ..] => Some(3),
            _ => links.find(rest, After::Any).map(|(end, _)| end),
        };
        let Some(link) = link else { return false };
        let at = space(at + link);
        let at = s.get(at..).and_then(|r| day.find(r, After::Space)).map_or(at, |(_, next)| at + next);
        bytes.get(at).is_some_and(u8::is_ascii_digit)
    })
}

static ANY_DATE: LazyLock<Regex> = LazyLock::new(|| compile_lowered(&format!(r"(?i)(?:ngày\s+)?{DATE}")));

/// A document number right before a date ("Kế hoạch số 45/KH-UBND ngày
/// 02/01/2025"): that date is the cited document's.
static CITED_NUMBER: LazyLock<Matcher> =
    LazyLock::new(|| compile_matcher_lowered(r"(?i)số\s*:?\s*[0-9]+\s*[/-]\s*[\p{L}0-9.&/\-]+\s*,?\s*$"));

/// Whether the date at `start` of `s` is the date of a cited document.
pub(crate) fn of_cited_document(s: &str, start: usize) -> bool {
    let before = s.get(..start).unwrap_or_default();
    let from = before.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    before.get(from..).is_some_and(|b| CITED_NUMBER.is_match(&lower_case(b)))
}

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub date: Option<Date>,
}

/// The date of the `DATE` groups of `c`, with `year` for a date without one.
pub(crate) fn from_captures(c: &Captures<'_>, year: Option<u32>) -> Option<Date> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m, y) =
        if c.name("d1").is_some() { (num("d1"), num("m1"), num("y1")) } else { (num("d2"), num("m2"), num("y2")) };
    Date::new(y.or(year)?, m?, d?)
}

/// Whether the `DATE` groups of `c` wrote a year.
pub(crate) fn has_year(c: &Captures<'_>) -> bool {
    c.name("y1").is_some() || c.name("y2").is_some()
}

/// Every date in `s`, in order. A numeric match followed by another digit or
/// slash (a ratio such as "1/2000") is not a date.
pub(crate) fn find_all(s: &str, year: Option<u32>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // The patterns read `s` in lower case, whose offsets are those of `s`.
    let low = lower_case(s);
    for c in may_span_days(s).then(|| MULTI_DAY.captures_iter(&low)).into_iter().flatten() {
        // "30-8-2011" is one date, not days 30 and 8 of month 20.
        if let Some(m) = c.get(0)
            && !s.get(m.end()..).is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/'))
        {
            out.push(Found { start: m.start(), end: m.end(), date: from_captures(&c, year) });
        }
    }
    for c in ANY_DATE.captures_iter(&low) {
        let Some(m) = c.get(0) else { continue };
        if out.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        if s.get(m.end()..).is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/')) {
            continue;
        }
        if m.start() > 0 && s.get(..m.start()).is_some_and(|p| p.ends_with(|ch: char| ch.is_ascii_digit() || ch == '/'))
        {
            continue;
        }
        out.push(Found { start: m.start(), end: m.end(), date: from_captures(&c, year) });
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&MULTI_DAY);
    LazyLock::force(&ANY_DATE);
    LazyLock::force(&CITED_NUMBER);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check before [`MULTI_DAY`] hides none of its matches, on every
    /// fixture line, the gate samples and lines made for it; a date alone
    /// does not pass it.
    #[test]
    fn day_spans_are_never_hidden() {
        let texts = crate::patterns::tests::gate_texts(&[
            "ngày 12 và 13 tháng 3 năm 2021",
            "NGÀY 12 VÀ NGÀY 13 THÁNG 3",
            "ngày 03 và 04/3/2025",
            "hai ngày 03-04/3/2025",
            "ngày 3 – 4/3/2025",
            "ngày 3,4/3",
            "Ngày 3 Đến ngày  4 tháng 5",
            "ngày 3\tđến\tNgày\t4/5",
        ]);
        let matched =
            crate::patterns::tests::gate_hides_none(&texts, |t| MULTI_DAY.is_match(&lower_case(t)), may_span_days);
        assert!(matched >= 8, "{matched}");
        for t in ["Ngày 30/01/2024, đồng chí A chủ trì", "tháng 01/2024, nhiệm vụ", "ngày 3 và ngày", ""]
        {
            assert!(!may_span_days(t), "{t:?}");
        }
        // A necessary condition only: two years pass it.
        assert!(may_span_days("năm 2024 và 2025"));
    }

    #[test]
    fn date_table() {
        let cases: &[(&str, Option<u32>, Option<&str>)] = &[
            ("ngày 30/01/2024", None, Some("2024-01-30")),
            ("Ngày 8/4/2026,", None, Some("2026-04-08")),
            ("ngày 17 tháng 6 năm 2022", None, Some("2022-06-17")),
            ("ngày 30-8-2011", None, Some("2011-08-30")),
            ("ngày 15/3", Some(2025), Some("2025-03-15")),
            ("ngày 15/3", None, None),
            ("ngày 31/02/2024", None, None),
            ("05.12.2024", None, Some("2024-12-05")),
            ("ngày 02 tháng 02 năm 2024", None, Some("2024-02-02")),
            ("ngày 12 tháng 3, 2021", None, Some("2021-03-12")),
            ("Ngày 12 và 13 tháng 3 năm 2021", None, Some("2021-03-12")),
            ("Ngày 03 và 04/3/2025", None, Some("2025-03-03")),
            ("từ ngày 03 đến ngày 04/3/2025", None, Some("2025-03-03")),
            ("trong hai ngày 03-04/3/2025", None, Some("2025-03-03")),
            ("ngày 15/3 và 20/4/2025", None, None),
        ];
        for (input, year, expected) in cases {
            let found = find_all(input, *year);
            let got = found.first().and_then(|f| f.date).map(|d| d.to_string());
            assert_eq!(got.as_deref(), *expected, "for {input:?}");
        }
    }

    #[test]
    fn dates_of_cited_documents() {
        let s = "Thực hiện Kế hoạch số 45/KH-UBND ngày 02/01/2025 của UBND huyện, ngày 15/4/2025, đồng chí An chủ trì";
        let found: Vec<bool> = find_all(s, None).iter().map(|f| of_cited_document(s, f.start)).collect();
        assert_eq!(found, [true, false]);
        let s = "Theo Công văn số 12-TB/HU, ngày 3/5/2025";
        assert!(find_all(s, None).iter().all(|f| of_cited_document(s, f.start)));
        let s = "Ngày 15/4/2025, tại phòng họp số 2";
        assert!(!find_all(s, None).iter().any(|f| of_cited_document(s, f.start)));
    }

    #[test]
    fn ratios_are_not_dates() {
        assert!(find_all("tỷ lệ 1/2000 trung tâm", Some(2024)).is_empty());
        assert!(find_all("số 45/TB-UBND", Some(2024)).is_empty());
    }
}
