//! Deadlines: the phrases that bound when a task must be done.
//!
//! # Grammar
//! ```text
//! before    := "trước" (HOUR ",")? "ngày"? DATE
//! by        := ("chậm nhất" | "muộn nhất") "là"? "vào"? "ngày"? DATE
//!            | "đến" "hết"? "ngày" DATE | "đến" D/M/YYYY
//!            | "hoàn thành" "vào"? "ngày" DATE
//!            | ("thời hạn" | "thời gian hoàn thành") ":" "trước"? "ngày"? DATE
//!            | CUE ":"? "trong"? PERIOD | CUE … "trong" PERIOD
//! CUE       := "hoàn thành" | "xong" | "hoàn tất" | "thời gian hoàn thành" | "thời gian thực hiện" | "thời hạn"
//! PERIOD    := "tháng" M ("/" | "năm") YYYY | "quý" (I–IV | 1–4) ("/" | "năm") YYYY
//!            | ("6" | "9") "tháng đầu năm" YYYY | "năm" YYYY
//! recurring := "định kỳ" … | ("trước" | "chậm nhất vào") "ngày" D ("hằng" | "hàng") PERIOD-WORD
//!            | ("hằng" | "hàng") ("tuần" | "tháng" | "quý") "báo cáo"
//! ongoing   := "thường xuyên"
//! other     := ("trong dịp" | "trước" ("Tết" | "dịp" | "mùa" | "kỳ họp")) WORDS | ("hoàn thành" | "xong") "trong tuần" ("này" | "tới")? | "trong thời hạn" N "ngày" ("làm việc")? ("kể từ ngày" DATE)?
//! ```
//! A year or month that names what a task is about ("kế hoạch năm 2024")
//! has no cue and is not a deadline; neither are urgency words ("khẩn
//! trương", "ngay", "kịp thời").

use super::dates::{self, DATE};
use crate::model::{Date, DeadlineKind};
use crate::patterns::compile;
use regex::{Captures, Regex};
use std::sync::LazyLock;

struct Rx {
    stated: Regex,
    recurring: Regex,
    before: Regex,
    by_date: Regex,
    period: Regex,
    within: Regex,
    occasion: Regex,
    ongoing: Regex,
}

const PERIOD: &str = r"(?:(?P<half>6|06|9|09)\s+tháng\s+(?:đầu\s+)?năm(?:\s+(?P<hy>\d{4}))?|tháng\s+(?P<pm>\d{1,2})(?:\s*(?:/|năm|-)\s*(?P<py>\d{4}))?|quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm|-)\s*(?P<qy>\d{4}))?|năm\s+(?P<yy>\d{4}))";

/// Completion cues that make a following period a deadline.
const CUE: &str = r"(?:hoàn\s+thành|xong|hoàn\s+tất|thời\s+gian\s+hoàn\s+thành|thời\s+gian\s+thực\s+hiện|thời\s+hạn)";

/// A period that bounds a task by itself after "trong" ("trong quý
/// III/2022"); a bare year ("trong năm 2024") needs a completion cue.
const BOUNDED: &str = r"(?:(?P<bhalf>6|06|9|09)\s+tháng\s+(?:đầu\s+)?năm\s+(?P<bhy>\d{4})|tháng\s+(?P<bpm>\d{1,2})\s*(?:/|năm|-)\s*(?P<bpy>\d{4})|quý\s+(?P<bq>IV|I{1,3}|[1-4])(?:\s*(?:/|năm|-)\s*(?P<bqy>\d{4}))?)";

static RX: LazyLock<Rx> = LazyLock::new(|| Rx {
    stated: compile(&format!(r"(?i)^\s*(?:trong\s+)?(?:{PERIOD}|(?:ngày\s+)?{DATE})\s*\.?\s*$")),
    recurring: compile(concat!(
        r"(?i)(?:(?:trước|chậm nhất(?:\s+vào)?)\s+ngày\s+\d{1,2}\s+(?:(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:tuần|tháng|quý|năm)|(?:của\s+)?tháng\s+(?:cuối|đầu)\s+(?:mỗi\s+|hằng\s+|hàng\s+)?quý)",
        r"|định\s+kỳ\s+\d{1,2}\s+(?:ngày|tuần|tháng)(?:\s*/\s*lần)?|định\s+kỳ(?:\s+(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm))?",
        r"|(?P<core>(?:hằng|hàng)\s+(?:tuần|tháng|quý))\s+báo\s+cáo|báo\s+cáo\s+(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý)",
        r"|trước\s+\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?\s+(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng))"
    )),
    before: compile(&format!(
        r"(?i)trước\s+(?:\d{{1,2}}\s*(?:giờ|h)(?:\s*\d{{1,2}}(?:\s*phút)?)?\s*,?\s*)?(?:ngày\s+)?{DATE}"
    )),
    by_date: compile(&format!(
        r"(?i)(?:(?:chậm|muộn)\s+nhất\s+(?:là\s+)?(?:vào\s+)?(?:ngày\s+)?|đến\s+(?:hết\s+)?ngày\s+|hoàn\s+thành\s+(?:vào\s+)?ngày\s+|hạn\s+(?:chót\s+)?(?:là\s+)?ngày\s+|(?:thời\s+hạn|thời\s+gian\s+hoàn\s+thành|hạn\s+hoàn\s+thành|hạn\s+chót)\s*:\s*(?:trước\s+)?(?:ngày\s+)?){DATE}|đến\s+(?:hết\s+)?(?P<fd>\d{{1,2}})\s*[/.\-]\s*(?P<fm>\d{{1,2}})\s*[/.\-]\s*(?P<fy>\d{{4}})"
    )),
    period: compile(&format!(
        r"(?i){CUE}\s*:?\s*(?:trong\s+|vào\s+|từ\s+tháng\s+\d{{1,2}}(?:\s*/\s*\d{{4}})?\s+(?:đến|tới)\s+)?{PERIOD}|trong\s+{BOUNDED}|{CUE}[^.;:!?]{{1,60}}?trong\s+năm\s+(?P<fy>\d{{4}})"
    )),
    within: compile(&format!(
        r"(?i)trong\s+thời\s+hạn\s+(?P<n>\d{{1,3}})\s+ngày(?P<work>\s+làm\s+việc)?(?:\s*,?\s*kể\s+từ\s+(?:ngày\s+)?{DATE})?"
    )),
    occasion: compile(
        r"(?i)(?:trong\s+dịp|trước\s+(?:Tết|dịp|mùa|kỳ\s+họp))\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3}|(?:hoàn\s+thành|xong)\s+(?:ngay\s+)?trong\s+tuần(?:\s+(?:này|tới|sau))?",
    ),
    ongoing: compile(r"(?i)thường\s+xuyên"),
});

/// A deadline found in text (byte offsets into that text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub kind: DeadlineKind,
    pub due: Option<Date>,
    pub start: usize,
    pub end: usize,
}

fn roman_quarter(q: &str) -> Option<u32> {
    Some(match q.to_ascii_uppercase().as_str() {
        "I" | "1" => 1,
        "II" | "2" => 2,
        "III" | "3" => 3,
        "IV" | "4" => 4,
        _ => return None,
    })
}

fn period_end(c: &Captures<'_>, year: Option<u32>) -> Option<Date> {
    let num = |n: &str| c.name(n).or_else(|| c.name(&format!("b{n}"))).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(h) = num("half") {
        return Date::last_of_month(num("hy").or(year)?, h);
    }
    if let Some(m) = num("pm") {
        return Date::last_of_month(num("py").or(year)?, m);
    }
    if let Some(q) = c.name("q").or_else(|| c.name("bq")).and_then(|q| roman_quarter(q.as_str())) {
        return Date::last_of_month(num("qy").or(year)?, q * 3);
    }
    Date::new(num("yy").or_else(|| num("fy"))?, 12, 31)
}

/// Adds `n` working days (Monday to Friday) to `d`.
fn add_working_days(d: Date, n: u32) -> Date {
    let mut cur = d;
    let mut left = n.min(10_000);
    while left > 0 {
        cur = cur.add_days(1);
        if cur.weekday() < 5 {
            left -= 1;
        }
    }
    cur
}

/// Every deadline in `s`, in order, without overlaps. `year` resolves
/// dates written without one.
pub(crate) fn find_all(s: &str, year: Option<u32>) -> Vec<Found> {
    let rx = &*RX;
    let mut all: Vec<(usize, Found)> = Vec::new();
    let mut push = |prio: usize, kind, due, start, end| all.push((prio, Found { kind, due, start, end }));
    for c in rx.recurring.captures_iter(s) {
        if let Some(m) = c.name("core").or_else(|| c.get(0)) {
            push(0, DeadlineKind::Recurring, None, m.start(), m.end());
        }
    }
    for c in rx.before.captures_iter(s) {
        if let Some(m) = c.get(0)
            && let Some(d) = dates::from_captures(&c, year)
            && !followed_by_digit(s, m.end())
        {
            push(1, DeadlineKind::Before, Some(d), m.start(), m.end());
        }
    }
    for c in rx.by_date.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if followed_by_digit(s, m.end()) {
            continue;
        }
        let due = if c.name("fd").is_some() {
            let num = |n: &str| c.name(n).and_then(|x| x.as_str().parse::<u32>().ok());
            num("fy").zip(num("fm")).zip(num("fd")).and_then(|((y, mo), d)| Date::new(y, mo, d))
        } else {
            dates::from_captures(&c, year)
        };
        if let Some(d) = due {
            push(2, DeadlineKind::By, Some(d), m.start(), m.end());
        }
    }
    for c in rx.period.captures_iter(s) {
        if let Some(m) = c.get(0)
            && let Some(d) = period_end(&c, year)
        {
            push(3, DeadlineKind::By, Some(d), m.start(), m.end());
        }
    }
    for c in rx.within.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        let n = c.name("n").and_then(|x| x.as_str().parse::<u32>().ok()).unwrap_or(0);
        let anchor = dates::from_captures(&c, year);
        let due = anchor.map(|a| if c.name("work").is_some() { add_working_days(a, n) } else { a.add_days(n) });
        let kind = if due.is_some() { DeadlineKind::By } else { DeadlineKind::Other };
        push(4, kind, due, m.start(), m.end());
    }
    for m in rx.occasion.find_iter(s) {
        let text = m.as_str();
        let cut = [" và ", " để ", " nhằm ", " đảm bảo ", " bảo đảm "]
            .iter()
            .filter_map(|w| text.find(w))
            .min()
            .unwrap_or(text.len());
        push(5, DeadlineKind::Other, None, m.start(), m.start() + cut);
    }
    for m in rx.ongoing.find_iter(s) {
        push(6, DeadlineKind::Ongoing, None, m.start(), m.end());
    }
    all.sort_by_key(|(prio, f)| (f.start, *prio));
    let mut out: Vec<Found> = Vec::new();
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    let mut by_prio = all.clone();
    by_prio.sort_by_key(|(prio, f)| (*prio, f.start));
    for (prio, f) in by_prio {
        if taken.iter().any(|(a, b, _)| f.start < *b && *a < f.end) {
            continue;
        }
        taken.push((f.start, f.end, prio));
        out.push(f);
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The deadline of a cell that states the time of a task ("Tháng 5/2026",
/// "Trước ngày 30/4/2026", "Thường xuyên"): the phrases of [`find_all`], or
/// else a bare period or date, which bounds the task (kind `by`).
pub(crate) fn stated(s: &str, year: Option<u32>) -> Vec<Found> {
    let found = find_all(s, year);
    if !found.is_empty() {
        return found;
    }
    let Some(c) = RX.stated.captures(s) else { return Vec::new() };
    let due = if c.name("d1").is_some() || c.name("d2").is_some() {
        dates::from_captures(&c, year)
    } else {
        period_end(&c, year)
    };
    let t = s.trim_end().trim_end_matches('.');
    let lead = t.len() - t.trim_start().len();
    due.map(|d| vec![Found { kind: DeadlineKind::By, due: Some(d), start: lead, end: t.len() }]).unwrap_or_default()
}

fn followed_by_digit(s: &str, end: usize) -> bool {
    s.get(end..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c == '/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineKind::*;

    type Row = (DeadlineKind, Option<String>, String);

    fn one(s: &str, year: Option<u32>) -> Vec<Row> {
        find_all(s, year)
            .into_iter()
            .map(|f| (f.kind, f.due.map(|d| d.to_string()), s[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn deadline_table() {
        type Case<'a> = (&'a str, Option<u32>, DeadlineKind, Option<&'a str>, &'a str);
        let cases: &[Case<'_>] = &[
            ("Thời gian hoàn thành trước ngày 07/02/2024.", None, Before, Some("2024-02-07"), "trước ngày 07/02/2024"),
            ("báo cáo trước 31/8/2024", None, Before, Some("2024-08-31"), "trước 31/8/2024"),
            ("trước ngày 15 tháng 3 năm 2024", None, Before, Some("2024-03-15"), "trước ngày 15 tháng 3 năm 2024"),
            ("trước 14 giờ ngày 05/12/2024", None, Before, Some("2024-12-05"), "trước 14 giờ ngày 05/12/2024"),
            ("trước ngày 30-8-2011", None, Before, Some("2011-08-30"), "trước ngày 30-8-2011"),
            ("trước ngày 25/5", Some(2025), Before, Some("2025-05-25"), "trước ngày 25/5"),
            ("chậm nhất ngày 20 tháng 4 năm 2025", None, By, Some("2025-04-20"), "chậm nhất ngày 20 tháng 4 năm 2025"),
            ("đến ngày 31/10/2025", None, By, Some("2025-10-31"), "đến ngày 31/10/2025"),
            ("phấn đấu đến 15/7/2025 hoàn thành", None, By, Some("2025-07-15"), "đến 15/7/2025"),
            ("hoàn thành trong tháng 02/2024.", None, By, Some("2024-02-29"), "hoàn thành trong tháng 02/2024"),
            ("hoàn thành trong tháng 9 năm 2025", None, By, Some("2025-09-30"), "hoàn thành trong tháng 9 năm 2025"),
            ("hoàn thành trong Quý II/2025", None, By, Some("2025-06-30"), "hoàn thành trong Quý II/2025"),
            ("xong trong quý 3/2025", None, By, Some("2025-09-30"), "xong trong quý 3/2025"),
            ("hoàn thành trong năm 2025", None, By, Some("2025-12-31"), "hoàn thành trong năm 2025"),
            (
                "hoàn thành các hạng mục còn lại trong năm 2025",
                None,
                By,
                Some("2025-12-31"),
                "hoàn thành các hạng mục còn lại trong năm 2025",
            ),
            (
                "Hoàn thành đề án, trình UBND tỉnh trong 6 tháng đầu năm 2025",
                None,
                By,
                Some("2025-06-30"),
                "trong 6 tháng đầu năm 2025",
            ),
            (
                "Thời gian thực hiện: 6 tháng đầu năm 2025",
                None,
                By,
                Some("2025-06-30"),
                "Thời gian thực hiện: 6 tháng đầu năm 2025",
            ),
            ("định kỳ hằng tháng báo cáo", None, Recurring, None, "định kỳ hằng tháng"),
            ("báo cáo trước ngày 15 hằng tháng", None, Recurring, None, "trước ngày 15 hằng tháng"),
            ("chậm nhất vào ngày 05 hằng tháng", None, Recurring, None, "chậm nhất vào ngày 05 hằng tháng"),
            ("Hằng tuần báo cáo", None, Recurring, None, "Hằng tuần"),
            ("tổ chức diễn tập trong quý III/2022", None, By, Some("2022-09-30"), "trong quý III/2022"),
            ("định kỳ 02 tuần/lần", None, Recurring, None, "định kỳ 02 tuần/lần"),
            ("báo cáo định kỳ 6 tháng", None, Recurring, None, "định kỳ 6 tháng"),
            ("thực hiện thường xuyên", None, Ongoing, None, "thường xuyên"),
            ("an ninh trong dịp Tết Nguyên đán.", None, Other, None, "trong dịp Tết Nguyên đán"),
            ("trong thời hạn 10 ngày làm việc", None, Other, None, "trong thời hạn 10 ngày làm việc"),
            (
                "trong thời hạn 10 ngày kể từ ngày 01/3/2025",
                None,
                By,
                Some("2025-03-11"),
                "trong thời hạn 10 ngày kể từ ngày 01/3/2025",
            ),
            (
                "trong thời hạn 5 ngày làm việc kể từ ngày 07/3/2025",
                None,
                By,
                Some("2025-03-14"),
                "trong thời hạn 5 ngày làm việc kể từ ngày 07/3/2025",
            ),
        ];
        for (input, year, kind, due, text) in cases {
            let got = one(input, *year);
            assert_eq!(got, vec![(*kind, due.map(str::to_string), text.to_string())], "for {input:?}");
        }
    }

    #[test]
    fn stated_times() {
        let cases: &[(&str, DeadlineKind, Option<&str>)] = &[
            ("Tháng 5/2026", By, Some("2026-05-31")),
            ("Trước ngày 30/4/2026", Before, Some("2026-04-30")),
            ("Thường xuyên", Ongoing, None),
            ("Quý III/2025", By, Some("2025-09-30")),
            ("15/6/2025", By, Some("2025-06-15")),
        ];
        for (s, kind, due) in cases {
            let f = stated(s, None);
            assert_eq!(f.len(), 1, "{s}");
            assert_eq!((f[0].kind, f[0].due.map(|d| d.to_string())), (*kind, due.map(str::to_string)), "{s}");
        }
    }

    #[test]
    fn not_deadlines() {
        for s in [
            "Kế hoạch Chuyển đổi số năm 2024",
            "Tuần lễ Chuyển đổi số trên địa bàn huyện năm 2024",
            "để thực hiện tốt hơn trong năm 2024",
            "nhiệm vụ trọng tâm tháng 02/2024",
            "Khẩn trương tham mưu, triển khai ngay, kịp thời",
            "Một số nhiệm vụ trước, trong và sau Tết Nguyên đán",
            "tỷ lệ 1/2000 trước đây",
        ] {
            assert!(find_all(s, Some(2024)).is_empty(), "{s:?} gave {:?}", one(s, Some(2024)));
        }
    }
}
