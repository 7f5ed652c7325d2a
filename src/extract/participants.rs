//! People and groups named in the meeting paragraph and the subject.
//!
//! # Grammar
//! ```text
//! list        := part (";" part)*          part := one (("," | "và" | "cùng") one)*
//!                (a "," or "và" splits only where a new participant starts)
//! one         := person | group | body
//! person      := HONORIFIC NAME (("," | "-" | "–") TITLE)* REASON?
//!              | TITLE NAME | NAME ("-" | ",") TITLE ("," TITLE)*
//! group       := "các đồng chí" TITLE | GROUP-OPENER …   (name null)
//! ```
//! A person's comma-chained titles stay with that person; a title piece
//! that does not open with a title word ("Thể thao và Du lịch") belongs to
//! the title before it.

use super::bodies;
use crate::lexicon::{After, Lexicon};
use crate::patterns::{Regex, compile, compile_lowered, lower_case};
use crate::vocab::{self, alternation};
use std::sync::LazyLock;

struct Rx {
    honorific: Lexicon,
    group: Lexicon,
    title: Lexicon,
    surname: Lexicon,
    surname_ci: Lexicon,
    title_ci: Lexicon,
    middle: Lexicon,
    reason: LazyLock<Regex>,
    separator: LazyLock<Regex>,
}

static RX: LazyLock<Rx> = LazyLock::new(|| Rx {
    honorific: Lexicon::new(vocab::HONORIFICS),
    group: Lexicon::new(vocab::GROUP_OPENERS),
    title: Lexicon::new(vocab::TITLE_HEADS),
    surname: Lexicon::new(vocab::SURNAMES),
    title_ci: Lexicon::caseless(vocab::TITLE_HEADS),
    surname_ci: Lexicon::caseless(vocab::SURNAMES),
    middle: Lexicon::new(vocab::MIDDLE_NAMES),
    reason: LazyLock::new(|| {
        compile_lowered(&format!(
            r"(?i)(?:,?\s*vắng(?:\s+mặt)?)?\s*\(?\s*(?:vì\s+|do\s+)?({})\s*\)?\s*$",
            alternation(vocab::ABSENCE_REASONS)
        ))
    }),
    separator: LazyLock::new(|| compile(r"\s*(?:;|,|\s+và\s+|\s+cùng\s+(?:với\s+)?)\s*")),
});

/// A participant found in text (byte offsets into that text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub name: Option<(usize, usize)>,
    pub titles: Vec<(usize, usize)>,
    pub reason: Option<(usize, usize)>,
    /// The participant's text when it is not `start..end` as written (a
    /// body expanded from a list: "Sở Tài chính" over "Tài chính").
    pub label: Option<String>,
}

/// Whether an honorific and white space ("Đồng chí ", "ông ") start `s`.
fn is_honorific(s: &str) -> bool {
    RX.honorific.lead(s).is_some()
}

/// Whether a group opener and white space ("Các đồng chí ") start `s`.
fn is_group(s: &str) -> bool {
    RX.group.lead(s).is_some()
}

/// Whether a surname and a capitalised word ("Nguyễn Văn") start `s`.
fn is_surname(s: &str) -> bool {
    RX.surname.find(s, After::SpaceUpper).is_some()
}

/// Whether a capitalised word, a middle name and a capitalised word start
/// `s` ("Đinh Thị Hà" without a surname of the list).
fn is_middle(s: &str) -> bool {
    let Some(gap) = s.find(char::is_whitespace) else { return false };
    let mut first = s.get(..gap).unwrap_or_default().chars();
    first.next().is_some_and(char::is_uppercase)
        && first.all(char::is_lowercase)
        && s.get(gap..).is_some_and(|r| RX.middle.find(r.trim_start(), After::SpaceUpper).is_some())
}

/// Whether a title ("Bí thư Huyện ủy", "Tỉnh ủy viên") starts at `at`.
pub(crate) fn starts_title(s: &str, at: usize) -> bool {
    s.get(at..).is_some_and(|r| RX.title.starts(r))
}

/// Whether a new participant starts at `at`.
pub(crate) fn starts_participant(s: &str, at: usize) -> bool {
    let r = s.get(at..).unwrap_or_default();
    is_honorific(r) || is_group(r) || is_surname(r) || bodies::starts_body(s, at)
}

/// Splits `s[a..b]` into participants.
pub(crate) fn split_list(s: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let Some(part) = s.get(a..b) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = a;
    for m in RX.separator.find_iter(part) {
        let (ms, me) = (a + m.start(), a + m.end());
        if ms <= start {
            continue;
        }
        let hard = m.as_str().contains(';');
        // "HĐND và UBND": one body written with two abbreviations.
        let prev_word = s.get(..ms).unwrap_or_default().rsplit(' ').next().unwrap_or_default();
        let next_word = s.get(me..).unwrap_or_default().split(' ').next().unwrap_or_default();
        if m.as_str().trim() == "và" && is_abbreviation(prev_word) && is_abbreviation(next_word) {
            continue;
        }
        let cur = s.get(start..ms).unwrap_or_default();
        let cur_is_group = is_group(cur) && !is_honorific(cur);
        let next_title = RX.title.starts(s.get(me..).unwrap_or_default());
        if hard || (starts_participant(s, me) && !(m.as_str().trim() == "," && next_title && !cur_is_group)) {
            out.push((start, ms));
            start = me;
        }
    }
    out.push((start, b));
    out.into_iter().map(|(x, y)| trim(s, x, y)).filter(|(x, y)| y > x).collect()
}

fn is_abbreviation(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// `a..b` without surrounding white space and punctuation.
pub(crate) fn trim(s: &str, a: usize, b: usize) -> (usize, usize) {
    let t = s.get(a..b).unwrap_or_default();
    let lead = t.len()
        - t.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '(')).len();
    let t2 = t.get(lead..).unwrap_or_default();
    let kept = t2.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | ')'));
    let mut end = a + lead + kept.len();
    // Keep a closing parenthesis that closes one opened inside.
    if s.get(a + lead..end).is_some_and(|x| x.matches('(').count() > x.matches(')').count())
        && s.get(end..).is_some_and(|r| r.starts_with(')'))
    {
        end += 1;
    }
    (a + lead, end)
}

/// The end of a run of capitalised name words from `at` (at most six).
fn name_run(s: &str, at: usize) -> Option<usize> {
    let mut end = None;
    let mut pos = at;
    for (n, w) in s.get(at..)?.split(' ').enumerate() {
        let word = w.trim_end_matches([',', ';', '.', ':', ')']);
        let first = word.chars().next()?;
        let from = s.get(pos..).unwrap_or_default();
        let ok = first.is_uppercase()
            && word.chars().skip(1).all(|c| c.is_lowercase() || c == '\'')
            && !RX.title.starts(from)
            && (n < 3 || !bodies::starts_body(s, pos));
        if !ok || n >= 6 {
            break;
        }
        end = Some(pos + word.len());
        if word.len() != w.len() {
            break;
        }
        pos += w.len() + 1;
    }
    end
}

/// Parses one participant phrase `s[a..b]`.
pub(crate) fn parse(s: &str, a: usize, b: usize) -> Found {
    let (a, mut b) = trim(s, a, b);
    let mut reason = None;
    // The reason's pattern reads the phrase in lower case (offsets kept).
    let low = s.get(a..b).map(lower_case);
    if let Some(c) = low.as_deref().and_then(|t| RX.reason.captures(t))
        && let (Some(all), Some(r)) = (c.get(0), c.get(1))
        && all.start() > 0
    {
        reason = Some((a + r.start(), a + r.end()));
        b = trim(s, a, a + all.start()).1;
    }
    let mut f = Found { start: a, end: b, name: None, titles: Vec::new(), reason, label: None };
    let text = s.get(a..b).unwrap_or_default();
    let plural = text.starts_with("các ") || text.starts_with("Các ") || text.contains(" các ");
    if (is_group(text) || plural) && !is_honorific(text) {
        if let Some(rest) = text.strip_prefix("các đồng chí ").or_else(|| text.strip_prefix("Các đồng chí "))
        {
            f.titles.push((b - rest.len(), b));
        }
        return f;
    }
    // A phrase in capitals ("THỦ TƯỚNG CHÍNH PHỦ LÂM QUỐC VIỆT"): the name is
    // the trailing words from a family name on, as written.
    if crate::segment::is_caps_line(text) {
        let words: Vec<(usize, &str)> = text
            .split(' ')
            .scan(0, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            })
            .collect();
        let n = words.len();
        for k in 1..n {
            let Some(&(at, w)) = words.get(k) else { break };
            let tail = n - k;
            if (2..=4).contains(&tail) && RX.surname_ci.is(w) {
                f.name = Some((a + at, b));
                f.titles.push(trim(s, a, a + at));
                return f;
            }
        }
        // A title in capitals ("THỦ TƯỚNG CHÍNH PHỦ") is a title; a body
        // ("BAN THƯỜNG VỤ HUYỆN ỦY") is not.
        if RX.title_ci.find(text, After::Gap).is_some() {
            f.titles.push((a, b));
        }
        return f;
    }
    let (name_at, titles_from) = if let Some(m) = RX.honorific.lead(text) {
        (Some(a + m), None)
    } else if is_surname(text) && !RX.title.starts(text) {
        (Some(a), None)
    } else if RX.title.starts(text) {
        // "Phó Chủ tịch UBND tỉnh Nguyễn Văn A": the name closes the phrase.
        let mut found = None;
        for (i, _) in text.char_indices().filter(|(i, c)| *c == ' ' && *i > 0) {
            let p = a + i + 1;
            let r = s.get(p..).unwrap_or_default();
            if (is_surname(r) || is_middle(r)) && name_run(s, p) == Some(b) {
                found = Some(p);
                break;
            }
        }
        match found {
            Some(p) => {
                let t = trim(s, a, p);
                f.name = Some((p, b));
                f.titles.push(t);
                return f;
            }
            None => (None, Some(a)),
        }
    } else {
        (None, None)
    };
    let mut rest = titles_from;
    if let Some(n) = name_at {
        match name_run(s, n) {
            Some(e) => {
                f.name = Some((n, e));
                rest = Some(e);
            }
            // "đồng chí Chủ tịch UBND huyện": a title without a name.
            None => rest = Some(n),
        }
    }
    if let Some(r) = rest {
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut start = r;
        let tail = s.get(r..b).unwrap_or_default();
        let mut cuts: Vec<(usize, usize)> = tail.match_indices(',').map(|(i, _)| (r + i, r + i + 1)).collect();
        for sep in [" - ", " – ", " — "] {
            cuts.extend(tail.match_indices(sep).map(|(i, m)| (r + i, r + i + m.len())));
        }
        cuts.sort_unstable();
        for (cs, ce) in cuts.into_iter().chain(std::iter::once((b, b))) {
            let (x, y) = trim(s, start, cs);
            if y > x {
                let opens_title = RX.title.starts(s.get(x..).unwrap_or_default());
                match pieces.last_mut() {
                    Some(last) if !opens_title => last.1 = y,
                    _ => pieces.push((x, y)),
                }
            }
            start = ce;
        }
        f.titles = pieces;
    }
    f
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    let rx = &*RX;
    for re in [&rx.reason, &rx.separator] {
        LazyLock::force(re);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> (Option<String>, Vec<String>, Option<String>) {
        let f = parse(s, 0, s.len());
        (
            f.name.map(|(a, b)| s[a..b].to_string()),
            f.titles.iter().map(|(a, b)| s[*a..*b].to_string()).collect(),
            f.reason.map(|(a, b)| s[a..b].to_string()),
        )
    }

    #[test]
    fn participant_table() {
        type Case<'a> = (&'a str, Option<&'a str>, &'a [&'a str], Option<&'a str>);
        let cases: &[Case<'_>] = &[
            ("đồng chí Nguyễn Tường An, Chủ tịch UBND huyện", Some("Nguyễn Tường An"), &["Chủ tịch UBND huyện"], None),
            (
                "đồng chí Lê Văn Bình, Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy",
                Some("Lê Văn Bình"),
                &["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy"],
                None,
            ),
            ("đồng chí Trần Thị Cúc có lý do", Some("Trần Thị Cúc"), &[], Some("có lý do")),
            ("các đồng chí Phó Chủ tịch UBND huyện", None, &["Phó Chủ tịch UBND huyện"], None),
            ("các đơn vị sự nghiệp thuộc huyện", None, &[], None),
            ("Phó Chủ tịch UBND tỉnh Hoàng Minh Đức", Some("Hoàng Minh Đức"), &["Phó Chủ tịch UBND tỉnh"], None),
            (
                "ông Phạm Quốc Huy - Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                Some("Phạm Quốc Huy"),
                &["Giám đốc Sở Văn hóa, Thể thao và Du lịch"],
                None,
            ),
            (
                "Đ/c Vũ Thanh Hà – Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh",
                Some("Vũ Thanh Hà"),
                &["Tỉnh ủy viên", "Phó Chủ tịch UBND tỉnh"],
                None,
            ),
            ("Chủ tịch UBND huyện", None, &["Chủ tịch UBND huyện"], None),
        ];
        for (input, name, titles, reason) in cases {
            let want =
                (name.map(str::to_string), titles.iter().map(|t| t.to_string()).collect(), reason.map(str::to_string));
            assert_eq!(show(input), want, "for {input:?}");
        }
    }

    #[test]
    fn list_splitting() {
        let s = "đồng chí Lê Văn Bình, Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy; các đồng chí Ủy viên UBND huyện; các đơn vị sự nghiệp thuộc huyện, thành viên Ban Chỉ đạo A và thành viên Ban Chỉ đạo B huyện";
        let parts: Vec<&str> = split_list(s, 0, s.len()).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            vec![
                "đồng chí Lê Văn Bình, Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy",
                "các đồng chí Ủy viên UBND huyện",
                "các đơn vị sự nghiệp thuộc huyện",
                "thành viên Ban Chỉ đạo A",
                "thành viên Ban Chỉ đạo B huyện",
            ]
        );
        let chairs = "đồng chí Nguyễn Văn An, Chủ tịch UBND huyện cùng các đồng chí Phó Chủ tịch UBND huyện";
        let parts: Vec<&str> = split_list(chairs, 0, chairs.len()).into_iter().map(|(a, b)| &chairs[a..b]).collect();
        assert_eq!(parts, vec!["đồng chí Nguyễn Văn An, Chủ tịch UBND huyện", "các đồng chí Phó Chủ tịch UBND huyện"]);
    }
}
