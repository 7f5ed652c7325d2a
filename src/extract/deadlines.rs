//! Deadlines: the phrases that bound when a task must be done.
//!
//! # Grammar
//! ```text
//! before    := "trước" (HOUR ",")? "ngày"? DATE
//! by        := ("chậm nhất" | "muộn nhất") "là"? "vào"? "ngày"? DATE
//!            | "không" ("muộn" | "chậm") "hơn" "ngày"? DATE
//!            | "đến" "hết"? "ngày" DATE | "đến" D/M/YYYY
//!            | "hoàn thành" "vào"? "ngày" DATE
//!            | ("thời hạn" | "thời gian hoàn thành") ":" "trước"? "ngày"? DATE
//!            | CUE ":"? "trong"? PERIOD | CUE … "trong" "năm" YYYY
//!            | ("từ nay"? "đến hết" | "từ nay đến" "hết"?) PERIOD
//!            | "trong" BOUNDED | ("đến" | "vào") "cuối năm" YYYY
//!            | SUBMIT … "trong" PERIOD (END-OF-CLAUSE)     SUBMIT := "trình" | "báo cáo" | "gửi" | "nộp"
//!            | "trong" ("thời hạn" | "vòng") N "ngày" ("làm việc")? "kể từ" "ngày"? (DATE | ISSUE)
//! CUE       := "hoàn thành" | "xong" | "hoàn tất" | "thời gian hoàn thành" | "thời gian thực hiện" | "thời hạn"
//! PERIOD    := "tháng" M (("/" | "năm") YYYY)? | "quý" (I–IV | 1–4) (("/" | "năm") YYYY)?
//!            | ("3" | "6" | "9") "tháng" ("đầu" | "cuối")? "năm" YYYY? | "quý" ("đầu" | "cuối") "năm" YYYY?
//!            | "cuối năm" (YYYY | "nay")? | "năm" (YYYY | "nay")
//! ISSUE     := ("ký ban hành" | "ký" | "ban hành") SELF?    (the notice's own date; SELF := "Thông báo này" …)
//! recurring := "định kỳ" … | CUE? HOUR? "ngày"? (D | D/M | WEEKDAY POSITION?) ("hằng" | "hàng" | "mỗi") PERIOD-WORD
//!            | ("hằng" | "hàng") ("tuần" | "tháng" | "quý") "báo cáo" | ^ "định kỳ"? ("hằng" | "hàng") PERIOD-WORD ","
//! ongoing   := "thường xuyên"
//! other     := ("trong dịp" | "trước" ("Tết" | "dịp" | "mùa" | "kỳ họp")) WORDS | ("hoàn thành" | "xong") "trong tuần" ("này" | "tới")?
//!            | "trong" ("thời hạn" | "vòng") N "ngày" ("làm việc")? (an anchor that is not a known date)
//! ```
//! A year or month that names what a task is about ("kế hoạch năm 2024")
//! has no cue and is not a deadline; neither are urgency words ("khẩn
//! trương", "ngay", "kịp thời"). A weekday is never a calendar date: a time
//! on one, or any date followed by "hằng tuần/tháng/quý/năm", recurs. A
//! deadline inside a purpose clause ("để UBND huyện báo cáo UBND tỉnh trước
//! ngày …") is that body's and is dropped when the task has one of its own.

use super::bodies;
use super::dates::{self, DATE};
use crate::lexicon::{After, Before, Lexicon, Marks};
use crate::model::{Date, DeadlineKind};
use crate::patterns::{Captures, Match, Regex, compile_lowered, gap_ends, lower_case, next_char};
use crate::vocab::{self, alternation};
use std::sync::LazyLock;

/// The deadline patterns. Each compiles on its first use, and
/// [`find_all`] uses one only on a text that holds the words it needs: a
/// notice without a recurring time never pays for that pattern. They are
/// written case-insensitive and compiled for text in lower case
/// ([`compile_lowered`]): each searches [`lower_case`] of a text, whose
/// byte offsets are the text's.
struct Rx {
    stated: LazyLock<Regex>,
    recurring: LazyLock<Regex>,
    before: LazyLock<Regex>,
    by_date: LazyLock<Regex>,
    period: LazyLock<Regex>,
    cue: LazyLock<Regex>,
    cue_year: LazyLock<Regex>,
    submit_verb: LazyLock<Regex>,
    submitted_period: LazyLock<Regex>,
    within: LazyLock<Regex>,
    /// [`WITHIN_LEADS`], in any case.
    within_leads: Lexicon,
    /// What every match of `recurring`, `by_date`, [`periods`] and
    /// `occasion` holds
    /// (see [`holds_mark`]), built on first need.
    recurring_marks: LazyLock<Marks>,
    by_date_marks: LazyLock<Marks>,
    period_marks: LazyLock<Marks>,
    occasion_marks: LazyLock<Marks>,
    occasion: LazyLock<Regex>,
    ongoing: LazyLock<Regex>,
    purpose: Lexicon,
}

const PERIOD: &str = r"(?:(?P<half>3|03|6|06|9|09)\s+tháng\s+(?:(?P<hend>đầu|cuối)\s+)?năm(?:\s+(?P<hy>[0-9]{4}))?|tháng\s+(?P<pm>[0-9]{1,2})(?:\s*(?:/|năm|-)\s*(?P<py>[0-9]{4}))?|quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm|-)\s*(?P<qy>[0-9]{4}))?|quý\s+(?P<qe>đầu|cuối)\s+năm(?:\s+(?P<qey>[0-9]{4}))?|(?P<eoy>cuối\s+năm)(?:\s+(?P<ey>[0-9]{4})|\s+nay)?|năm\s+(?:(?P<yy>[0-9]{4})|(?P<ynow>nay)))";

/// The pattern for `text`, compiled on first need; none for a text that a
/// cue check left empty.
fn pattern<'a>(re: &'a LazyLock<Regex>, text: &str) -> Option<&'a Regex> {
    (!text.is_empty()).then(|| &**re)
}

/// The cue words that gate the patterns, one bit each (see [`cues`]).
/// Every period of [`PERIOD`] and [`BOUNDED`] holds "tháng", "quý" or
/// "năm"; every alternative of the recurring pattern holds "hằng",
/// "hàng", "mỗi", "kỳ" or "quý"; a span of days ([`WITHIN_LEADS`])
/// holds "vòng" or "hạn".
const CUE_WORDS: &[&str] =
    &["tháng", "quý", "năm", "hằng", "hàng", "mỗi", "kỳ", "trong", "trước", "xuyên", "vòng", "hạn"];

/// The bits of [`CUE_WORDS`] (by position) that [`cues`] sets, and the bit
/// it sets for a digit.
const PERIOD_WORDS: u16 = 0b111;
const NAM: u16 = 1 << 2;
const RECURRING_WORDS: u16 = 0b111_1010;
const TRONG: u16 = 1 << 7;
const TRUOC: u16 = 1 << 8;
const XUYEN: u16 = 1 << 9;
const SPAN_WORDS: u16 = 0b11 << 10;
const DIGIT: u16 = 1 << 15;

/// What a span of days starts with ("trong thời hạn 10 ngày", "trong vòng
/// 5 ngày làm việc"): the text is searched for one before the pattern of
/// [`Rx::within`] runs, as "hạn" alone is common ("hạn chế").
const WITHIN_LEADS: &[&str] = &["trong thời hạn", "trong vòng"];

/// What every alternative of the recurring pattern holds besides a
/// recurrence word before a period word ("hằng tuần", "mỗi quý": see
/// [`recurring_marks`]): "định kỳ", or the end or start of a quarter
/// ("tháng cuối quý").
const RECURRING_MARKS: &[&str] = &["định kỳ", "cuối quý", "đầu quý"];

/// The phrases of [`RECURRING_MARKS`] and every recurrence word before
/// every period word.
fn recurring_marks() -> Marks {
    let pairs = vocab::RECURRENCE_WORDS
        .iter()
        .flat_map(|r| vocab::RECURRENCE_PERIODS.iter().map(move |p| format!("{r} {p}")))
        .collect::<Vec<_>>();
    let marks: Vec<&str> = RECURRING_MARKS.iter().copied().chain(pairs.iter().map(String::as_str)).collect();
    Marks::new(&marks)
}

/// What every alternative of the by-date pattern holds: the words that
/// lead its date, or "đến" before a digit ("đến 31/12/2025").
const BY_DATE_MARKS: &[&str] = &[
    "chậm nhất",
    "muộn nhất",
    "không muộn hơn",
    "không chậm hơn",
    "đến hết",
    "đến ngày",
    "hoàn thành ngày",
    "hoàn thành vào ngày",
    "hạn ngày",
    "hạn chót",
    "hạn là",
    "thời hạn",
    "thời gian hoàn thành",
    "hạn hoàn thành",
    "đến 0",
    "đến 1",
    "đến 2",
    "đến 3",
    "đến 4",
    "đến 5",
    "đến 6",
    "đến 7",
    "đến 8",
    "đến 9",
];

/// What every period of [`periods`] holds: a completion cue of [`CUE`]
/// (which a cue year needs too), "đến hết", "từ nay", "cuối năm", or
/// "trong" before how [`BOUNDED`] starts.
const PERIOD_MARKS: &[&str] = &[
    "hoàn thành",
    "xong",
    "hoàn tất",
    "thời gian thực hiện",
    "thời hạn",
    "đến hết",
    "từ nay",
    "cuối năm",
    "trong 3",
    "trong 03",
    "trong 6",
    "trong 06",
    "trong 9",
    "trong 09",
    "trong tháng",
    "trong quý",
];

/// What every alternative of the occasion pattern holds.
const OCCASION_MARKS: &[&str] = &[
    "trong dịp",
    "trước tết",
    "trước dịp",
    "trước mùa",
    "trước kỳ họp",
    "trước khai giảng",
    "trước bế giảng",
    "trước năm học mới",
    "trong tuần",
];

/// Whether `low`, a text in [`lower_case`], holds one of `marks`
/// anywhere: a pattern all of whose matches hold one runs only then (most
/// texts that hold its cue words hold none of its phrases).
fn holds_mark(marks: &Marks, low: &str) -> bool {
    !low.is_empty() && marks.in_text(low)
}

/// Each cue word in lower case, capitalised and in capitals, with its bit,
/// listed under the first byte of the form, and which bytes start a form.
struct CueForms {
    by_byte: Vec<Vec<(String, u16)>>,
    starts: [bool; 256],
}

static CUE_FORMS: LazyLock<CueForms> = LazyLock::new(|| {
    let mut by_byte: Vec<Vec<(String, u16)>> = vec![Vec::new(); 256];
    let mut starts = [false; 256];
    for (i, word) in CUE_WORDS.iter().enumerate() {
        let bit = 1u16 << i;
        let mut chars = word.chars();
        let mut cap: String = chars.next().into_iter().flat_map(char::to_uppercase).collect();
        cap.push_str(chars.as_str());
        for form in [word.to_string(), cap, word.to_uppercase()] {
            let Some(b) = form.bytes().next().map(usize::from) else { continue };
            if let Some(start) = starts.get_mut(b) {
                *start = true;
            }
            if let Some(list) = by_byte.get_mut(b)
                && !list.iter().any(|(f, fb)| *f == form && *fb == bit)
            {
                list.push((form, bit));
            }
        }
    }
    CueForms { by_byte, starts }
});

/// The cue words that `s` holds in lower case, capitalised or in capitals
/// (the bits of [`CUE_WORDS`]), and [`DIGIT`] if it holds an ASCII digit:
/// one pass over `s` for what would otherwise be a substring search per
/// form of every word.
fn cues(s: &str) -> u16 {
    let forms = &*CUE_FORMS;
    let bytes = s.as_bytes();
    let mut found = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            found |= DIGIT;
        } else if forms.starts.get(usize::from(b)).copied().unwrap_or(false) {
            let rest = bytes.get(i..).unwrap_or_default();
            for (form, bit) in forms.by_byte.get(usize::from(b)).map(Vec::as_slice).unwrap_or_default() {
                // A word found once is not sought again; the second byte
                // is compared first, as most places fail there.
                if found & bit == 0 && rest.get(1) == form.as_bytes().get(1) && rest.starts_with(form.as_bytes()) {
                    found |= bit;
                }
            }
        }
    }
    found
}

/// Whether `s`, whose cue words are `cue` (see [`cues`]), may hold a span
/// of days: a digit, "trong" and "vòng" or "hạn", then one of
/// [`WITHIN_LEADS`] in any case.
fn spans(s: &str, cue: u16) -> bool {
    cue & DIGIT != 0
        && cue & TRONG != 0
        && cue & SPAN_WORDS != 0
        && RX.within_leads.search(s, 0, After::Space).is_some()
}

/// Completion cues that make a following period a deadline.
const CUE: &str = r"(?:hoàn\s+thành|xong|hoàn\s+tất|thời\s+gian\s+hoàn\s+thành|thời\s+gian\s+thực\s+hiện|thời\s+hạn)";

/// A period that bounds a task by itself after "trong" ("trong quý
/// III/2022"); a bare year ("trong năm 2024") needs a completion cue.
const BOUNDED: &str = r"(?:(?P<bhalf>3|03|6|06|9|09)\s+tháng\s+(?:(?P<bhend>đầu|cuối)\s+)?năm\s+(?P<bhy>[0-9]{4})|tháng\s+(?P<bpm>[0-9]{1,2})\s*(?:/|năm|-)\s*(?P<bpy>[0-9]{4})|quý\s+(?P<bq>IV|I{1,3}|[1-4])(?:\s*(?:/|năm|-)\s*(?P<bqy>[0-9]{4}))?|quý\s+(?P<bqe>đầu|cuối)\s+năm\s+(?P<bqey>[0-9]{4}))";

/// An hour of the day ("17 giờ", "8h30", "14 giờ 30 phút").
const HOUR: &str = r"[0-9]{1,2}\s*(?:giờ|h)(?:\s*[0-9]{1,2}(?:\s*phút)?)?";

/// The cues that may lead a recurring time.
const RECURRING_CUE: &str = r"(?:trước|(?:chậm|muộn)\s+nhất(?:\s+là)?(?:\s+vào)?|vào|đến)";

fn recurring_pattern() -> String {
    let every =
        format!(r"(?:của\s+)?{}\s+{}", alternation(vocab::RECURRENCE_WORDS), alternation(vocab::RECURRENCE_PERIODS));
    let weekday = format!(r"{}(?:\s+{})?", alternation(vocab::WEEKDAYS), alternation(vocab::DAY_POSITIONS));
    let quarter_end = r"(?:của\s+)?tháng\s+(?:cuối|đầu)\s+(?:mỗi\s+|hằng\s+|hàng\s+)?quý";
    let day = r"[0-9]{1,2}(?:\s*[/.\-]\s*[0-9]{1,2}|\s+tháng\s+[0-9]{1,2})?";
    let lead = format!(r"(?:{RECURRING_CUE}\s+)?(?:{HOUR}\s*,?\s*)?(?:(?:ngày|{})\s+)?", alternation(vocab::DAY_PARTS));
    format!(
        concat!(
            r"(?i)(?:{lead}{weekday}\s+{every}",
            r"|{lead}ngày\s+{day}\s+(?:{every}|{quarter_end})",
            r"|(?:trước|(?:chậm|muộn)\s+nhất(?:\s+là)?(?:\s+vào)?)\s+(?:{hour}\s*,?\s*)?[0-9]{{1,2}}\s*[/.\-]\s*[0-9]{{1,2}}\s+{every}",
            r"|trước\s+{hour}\s+{every}",
            r"|định\s+kỳ\s+[0-9]{{1,2}}\s+(?:ngày|tuần|tháng)(?:\s*/\s*lần)?|định\s+kỳ(?:\s+(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm))?",
            r"|(?P<core>(?:hằng|hàng)\s+(?:tuần|tháng|quý))\s+báo\s+cáo|báo\s+cáo\s+(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý)",
            r"|(?:^\s*|[.;:!?]\s*)(?P<fronted>(?:định\s+kỳ\s+)?{rec}\s+{per})\s*,)"
        ),
        lead = lead,
        weekday = weekday,
        every = every,
        day = day,
        quarter_end = quarter_end,
        hour = HOUR,
        rec = alternation(vocab::RECURRENCE_WORDS),
        per = alternation(vocab::RECURRENCE_PERIODS),
    )
}

static RX: LazyLock<Rx> = LazyLock::new(|| Rx {
    stated: LazyLock::new(|| {
        compile_lowered(&format!(r"(?i)^\s*(?:trong\s+)?(?:{PERIOD}|(?:ngày\s+)?{DATE})\s*\.?\s*$"))
    }),
    recurring: LazyLock::new(|| compile_lowered(&recurring_pattern())),
    before: LazyLock::new(|| {
        compile_lowered(&format!(
            r"(?i)trước\s+(?:{HOUR}\s*,?\s*)?(?:(?:ngày\s+)?{}\s*,?\s*)?(?:ngày\s+)?{DATE}",
            alternation(vocab::WEEKDAYS)
        ))
    }),
    by_date: LazyLock::new(|| {
        compile_lowered(&format!(
            r"(?i)(?:(?:chậm|muộn)\s+nhất\s+(?:là\s+)?(?:vào\s+)?(?:ngày\s+)?|không\s+(?:muộn|chậm)\s+hơn\s+(?:ngày\s+)?|đến\s+(?:hết\s+)?ngày\s+|hoàn\s+thành\s+(?:vào\s+)?ngày\s+|hạn\s+(?:chót\s+)?(?:là\s+)?ngày\s+|(?:thời\s+hạn|thời\s+gian\s+hoàn\s+thành|hạn\s+hoàn\s+thành|hạn\s+chót)\s*:\s*(?:trước\s+)?(?:ngày\s+)?){DATE}|đến\s+(?:hết\s+)?(?P<fd>[0-9]{{1,2}})\s*[/.\-]\s*(?P<fm>[0-9]{{1,2}})\s*[/.\-]\s*(?P<fy>[0-9]{{4}})"
        ))
    }),
    period: LazyLock::new(|| {
        compile_lowered(&format!(
            r"(?i)(?:{CUE}\s*:?\s*(?:trong\s+|vào\s+|từ\s+tháng\s+[0-9]{{1,2}}(?:\s*/\s*[0-9]{{4}})?\s+(?:đến|tới)\s+)?|(?:từ\s+nay\s+)?đến\s+hết\s+|từ\s+nay\s+(?:đến|tới)\s+(?:hết\s+)?){PERIOD}|trong\s+{BOUNDED}|(?:đến|vào)\s+cuối\s+năm\s+(?P<cy>[0-9]{{4}})"
        ))
    }),
    cue: LazyLock::new(|| compile_lowered(&format!("(?i){CUE}"))),
    cue_year: LazyLock::new(|| compile_lowered(&format!(r"(?i){PERIOD_LEAD}\s+năm\s+(?P<fy>[0-9]{{4}})"))),
    submit_verb: LazyLock::new(|| {
        compile_lowered(&format!(r"(?i)(?-u:\b){}(?-u:\b)", alternation(vocab::DEADLINE_SUBMIT_CUES)))
    }),
    submitted_period: LazyLock::new(|| {
        compile_lowered(&format!(r"(?i)(?P<at>{PERIOD_LEAD}\s+{PERIOD})\s*(?:[.;,)]|$|(?:để|và)(?:[^\p{{L}}0-9]|$))"))
    }),
    within: LazyLock::new(|| {
        compile_lowered(&format!(
            r"(?i)(?P<base>trong\s+(?:thời\s+hạn|(?P<vong>vòng))\s+(?P<n>[0-9]{{1,3}})\s+ngày(?P<work>\s+làm\s+việc)?)(?:\s*,?\s*kể\s+từ\s+(?:ngày\s+)?(?:{DATE}|(?P<issue>{})(?:\s*\(\s*(?P<selfref>{self_ref})\s*\)|\s+{self_ref})?))?",
            alternation(vocab::ISSUE_ANCHORS),
            self_ref = alternation(vocab::SELF_REFERENCES)
        ))
    }),
    occasion: LazyLock::new(|| {
        compile_lowered(
            r"(?i)(?:trong\s+dịp|trước\s+(?:Tết|dịp|mùa|kỳ\s+họp|khai\s+giảng|bế\s+giảng|năm\s+học\s+mới))\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3}|(?:hoàn\s+thành|xong)\s+(?:ngay\s+)?trong\s+tuần(?:\s+(?:này|tới|sau))?",
        )
    }),
    ongoing: LazyLock::new(|| compile_lowered(r"(?i)thường\s+xuyên")),
    within_leads: Lexicon::caseless(WITHIN_LEADS),
    recurring_marks: LazyLock::new(recurring_marks),
    by_date_marks: LazyLock::new(|| Marks::new(BY_DATE_MARKS)),
    period_marks: LazyLock::new(|| Marks::new(PERIOD_MARKS)),
    occasion_marks: LazyLock::new(|| Marks::new(OCCASION_MARKS)),
    purpose: Lexicon::caseless(vocab::PURPOSE_WORDS),
});

/// What resolves a deadline that does not name all of its date: the year of
/// the notice (for dates written without one) and its issue date (for
/// "kể từ ngày ký").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct When {
    pub year: Option<u32>,
    pub issued: Option<Date>,
}

impl From<Option<u32>> for When {
    fn from(year: Option<u32>) -> When {
        When { year, issued: None }
    }
}

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

/// Whether a captured "đầu"/"cuối" says "cuối" (the end of the year).
fn says_end(m: crate::patterns::Match<'_>) -> bool {
    m.as_str().starts_with(['c', 'C'])
}

/// The date that ends the period of [`PERIOD`] or [`BOUNDED`] that `c`
/// captured (each group `x` of [`PERIOD`] is `bx` in [`BOUNDED`]), with
/// `year` for a period written without one.
fn period_end(c: &Captures<'_>, year: Option<u32>) -> Option<Date> {
    let get = |(n, b): (&str, &str)| c.name(n).or_else(|| c.name(b));
    let num = |n: (&str, &str)| get(n).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(h) = num(("half", "bhalf")) {
        let month = if get(("hend", "bhend")).is_some_and(says_end) { 12 } else { h };
        return Date::last_of_month(num(("hy", "bhy")).or(year)?, month);
    }
    if let Some(m) = num(("pm", "bpm")) {
        return Date::last_of_month(num(("py", "bpy")).or(year)?, m);
    }
    if let Some(q) = get(("q", "bq")).and_then(|q| roman_quarter(q.as_str())) {
        return Date::last_of_month(num(("qy", "bqy")).or(year)?, q * 3);
    }
    if let Some(e) = get(("qe", "bqe")) {
        return Date::last_of_month(num(("qey", "bqey")).or(year)?, if says_end(e) { 12 } else { 3 });
    }
    if c.name("eoy").is_some() {
        return Date::new(num(("ey", "bey")).or(year)?, 12, 31);
    }
    if c.name("ynow").is_some() {
        return Date::new(year?, 12, 31);
    }
    Date::new(num(("yy", "byy")).or_else(|| num(("fy", "bfy"))).or_else(|| num(("cy", "bcy")))?, 12, 31)
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

/// A vocabulary list folded once for comparing without case or tone
/// placement.
type Folded = LazyLock<Vec<String>>;

fn folded(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| vocab::fold_key(&w.to_lowercase())).collect()
}

static SUBJECT_WORDS: Folded = LazyLock::new(|| folded(vocab::DEADLINE_PERIOD_SUBJECT_WORDS));
static SUBMIT_NOUN_PREFIXES: Folded = LazyLock::new(|| folded(vocab::DEADLINE_SUBMIT_NOUN_PREFIXES));

/// Whether `words` (a folded vocabulary list) holds `w`.
fn word_in(words: &[String], w: &str) -> bool {
    let key = vocab::fold_key(&w.to_lowercase());
    words.contains(&key)
}

/// Whether the text before `at` ends with one of `words` (a folded
/// vocabulary list). Only the last words are folded, so a call costs the
/// same wherever `at` is.
fn ends_with_word(s: &str, at: usize, words: &[String]) -> bool {
    let head = s.get(..at).unwrap_or_default().trim_end();
    // The last word of `head`, folded, ends with the last word of the one
    // that matches: a test of one word before folding the last words.
    let Some(last) = head.split_whitespace().next_back() else { return false };
    let last = vocab::fold_key(&last.to_lowercase());
    if !words.iter().any(|w| last.ends_with(w.rsplit(' ').next().unwrap_or_default())) {
        return false;
    }
    let before = vocab::fold_key(&vocab::last_words(head, 160).to_lowercase());
    words.iter().any(|w| {
        before.strip_suffix(w.as_str()).is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// The word that opens a period a clause ends with ("trình … trong tháng
/// 10", "hoàn thành … trong năm 2024"): ASCII letters with no other case
/// forms than their capitals, so that a byte comparison finds where the
/// period's pattern may match.
const PERIOD_LEAD: &str = "trong";

/// At most this many characters stand between a submission verb and the
/// period it is due in, none of them one of [`CLAUSE_STOPS`].
const SUBMIT_GAP_CHARS: usize = 80;

/// Between a completion cue and the year it is due in ("hoàn thành việc
/// cấp giấy chứng nhận trong năm 2024"): at least one and at most this many
/// characters, none of them one of [`CLAUSE_STOPS`].
const CUE_GAP_CHARS: usize = 60;

/// The characters that end a clause.
const CLAUSE_STOPS: [char; 5] = ['.', ';', ':', '!', '?'];

/// The first place in the clause after byte `start` of `s` where `found`
/// finds something: `min` to `max` characters on, none of those
/// characters one of [`CLAUSE_STOPS`] (what `[^.;:!?]{min,max}?` followed by
/// a pattern would match; see [`crate::patterns::gap_ends`]), a place tried
/// only where [`PERIOD_LEAD`] starts.
fn in_clause<T>(s: &str, start: usize, (min, max): (usize, usize), found: impl FnMut(usize) -> Option<T>) -> Option<T> {
    let lead = |at: &usize| s.get(*at..*at + PERIOD_LEAD.len()).is_some_and(|w| w.eq_ignore_ascii_case(PERIOD_LEAD));
    gap_ends(s, start, max, &CLAUSE_STOPS).skip(min).filter(lead).find_map(found)
}

/// The next submission verb at or after `from` that has a period to be due
/// in, and that period's groups: the nearest place after the verb, within
/// its clause, where the period pattern matches.
///
/// One pattern would be `verb[^.;:!?]{0,80}?period`; see [`in_clause`].
fn next_submission(s: &str, from: usize) -> Option<(Match<'_>, Captures<'_>)> {
    let rx = &*RX;
    let mut from = from;
    while let Some(verb) = rx.submit_verb.find_at(s, from) {
        let period =
            in_clause(s, verb.end(), (0, SUBMIT_GAP_CHARS), |at| rx.submitted_period.captures_anchored_at(s, at));
        if let Some(period) = period {
            return Some((verb, period));
        }
        from = next_char(s, verb.start());
    }
    None
}

/// The next completion cue at or after `from` and before `before` with a
/// year to be done in ("hoàn thành … trong năm 2024"): where the cue starts,
/// and the year's groups. One pattern would be `cue[^.;:!?]{1,60}?year`;
/// see [`in_clause`]. Without one, `Err` holds where to look next time: the
/// first cue not tried (`usize::MAX` when there is none).
fn next_cue_year(s: &str, from: usize, before: usize) -> Result<(usize, Captures<'_>), usize> {
    let rx = &*RX;
    let mut from = from;
    while let Some(cue) = rx.cue.find_at(s, from) {
        if cue.start() >= before {
            return Err(cue.start());
        }
        if let Some(year) = in_clause(s, cue.end(), (1, CUE_GAP_CHARS), |at| rx.cue_year.captures_anchored_at(s, at)) {
            return Ok((cue.start(), year));
        }
        from = next_char(s, cue.start());
    }
    Err(usize::MAX)
}

/// Every period of the period pattern and of [`next_cue_year`] (sought
/// only if `cue_years`) in `s`, in order and without overlaps, as one
/// pattern holding both as alternatives (the cue year third of four) would
/// find them: the one that starts first; at the same start, the period
/// pattern's (only its first alternative can start where a cue does, and
/// it comes before). (start, end, groups.) `s` is a text in
/// [`lower_case`], as for every function here that searches with the
/// deadline patterns.
fn periods(s: &str, cue_years: bool) -> Vec<(usize, usize, Captures<'_>)> {
    let rx = &*RX;
    let mut out = Vec::new();
    let mut from = 0;
    // No cue before this one is left to try: each cue is sought once.
    let mut cues_from = if cue_years { 0 } else { usize::MAX };
    while from <= s.len() {
        let period = rx.period.captures_at(s, from).and_then(|c| c.get(0).map(|m| (m.start(), m.end(), c)));
        let before = period.as_ref().map_or(usize::MAX, |p| p.0);
        let mut found = period;
        if cues_from < before {
            match next_cue_year(s, from.max(cues_from), before) {
                Ok((start, year)) => found = year.get(0).map(|m| (start, m.end(), year)),
                Err(next) => cues_from = next,
            }
        }
        let Some(found) = found else { break };
        from = found.1.max(next_char(s, found.0));
        out.push(found);
    }
    out
}

/// "trong <period>" at the end of a clause that a submission verb opens
/// ("trình Chủ tịch UBND xã trong tháng 10."): (start, end, due).
fn submitted(s: &str, year: Option<u32>) -> Vec<(usize, usize, Date)> {
    let mut out = Vec::new();
    if s.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some((verb, c)) = next_submission(s, from) {
        let Some(at) = c.name("at") else { break };
        from = verb.end();
        let noun = s.get(..verb.start()).unwrap_or_default().split_whitespace().last().is_some_and(|w| {
            let w = w.trim_start_matches(|ch: char| !ch.is_alphanumeric());
            word_in(&SUBMIT_NOUN_PREFIXES, w)
        });
        if noun || c.name("yy").is_some() || c.name("ynow").is_some() || ends_with_word(s, at.start(), &SUBJECT_WORDS) {
            continue;
        }
        if let Some(d) = period_end(&c, year) {
            out.push((at.start(), at.end(), d));
        }
        from = at.end();
    }
    out
}

/// The byte ranges of purpose clauses that a body opens ("để UBND huyện
/// báo cáo …"), each up to the end of its clause.
fn purpose_clauses(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, _, next) in RX.purpose.leads_in(s, Before::NonWord) {
        if !bodies::starts_body(s, next) {
            continue;
        }
        let rest = s.get(next..).unwrap_or_default();
        let mut chars = rest.char_indices().peekable();
        let mut end = s.len();
        while let Some((i, ch)) = chars.next() {
            let next_blank = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
            if ch == ';' || (ch == '.' && next_blank) {
                end = next + i;
                break;
            }
        }
        out.push((start, end));
    }
    out
}

/// Every deadline in `s`, in order, without overlaps. `when` resolves
/// dates written without a year and deadlines counted from the notice's
/// own date (a bare `Option<u32>` year converts into it).
pub(crate) fn find_all(s: &str, when: impl Into<When>) -> Vec<Found> {
    let When { year, issued } = when.into();
    let rx = &*RX;
    let mut all: Vec<(usize, Found)> = Vec::new();
    let mut push = |prio: usize, kind, due, start, end| all.push((prio, Found { kind, due, start, end }));
    // The patterns that need a digit or a period word run only on a text
    // that has one (on "" they find nothing at once).
    let cue = cues(s);
    let says = |bits: u16| cue & bits != 0;
    let dated = says(DIGIT);
    let periodic = says(PERIOD_WORDS);
    let trong = says(TRONG);
    let runs = [
        says(RECURRING_WORDS),
        dated && says(TRUOC),
        dated,
        periodic,
        spans(s, cue),
        periodic && trong,
        trong || says(TRUOC),
        says(XUYEN),
    ];
    // The patterns are case-insensitive through the text: they search its
    // lower case, whose byte offsets are those of `s` (made only if one
    // runs).
    let low = if runs.contains(&true) { lower_case(s) } else { std::borrow::Cow::Borrowed("") };
    let [recurring, before, by_date, period, within, submitted_in, occasion, ongoing] =
        runs.map(|yes| if yes { &*low } else { "" });
    // Of the texts with their cue words, few hold the phrases of these.
    let recurring = if holds_mark(&rx.recurring_marks, recurring) { recurring } else { "" };
    let by_date = if holds_mark(&rx.by_date_marks, by_date) { by_date } else { "" };
    let occasion = if holds_mark(&rx.occasion_marks, occasion) { occasion } else { "" };
    let period = if holds_mark(&rx.period_marks, period) { period } else { "" };
    for c in pattern(&rx.recurring, recurring).into_iter().flat_map(|r| r.captures_iter(recurring)) {
        if let Some(m) = c.name("core").or_else(|| c.name("fronted")).or_else(|| c.get(0)) {
            push(0, DeadlineKind::Recurring, None, m.start(), m.end());
        }
    }
    for c in pattern(&rx.before, before).into_iter().flat_map(|r| r.captures_iter(before)) {
        if let Some(m) = c.get(0)
            && let Some(d) = dates::from_captures(&c, year)
            && !followed_by_digit(s, m.end())
        {
            push(1, DeadlineKind::Before, Some(d), m.start(), m.end());
        }
    }
    for c in pattern(&rx.by_date, by_date).into_iter().flat_map(|r| r.captures_iter(by_date)) {
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
    // A cue year needs "trong" and "năm".
    let cue_years = trong && says(NAM);
    for (start, end, c) in if period.is_empty() { Vec::new() } else { periods(period, cue_years) } {
        // "trong <period>" without a cue names what a task is about after
        // a subject word ("Nhiệm vụ trong 6 tháng cuối năm 2025").
        let bounded = ["bhalf", "bpm", "bq", "bqe"].iter().any(|n| c.name(n).is_some());
        if !(bounded && ends_with_word(s, start, &SUBJECT_WORDS))
            && let Some(d) = period_end(&c, year)
        {
            push(3, DeadlineKind::By, Some(d), start, end);
        }
    }
    for (start, end, d) in submitted(submitted_in, year) {
        push(3, DeadlineKind::By, Some(d), start, end);
    }
    for c in pattern(&rx.within, within).into_iter().flat_map(|r| r.captures_iter(within)) {
        let (Some(m), Some(base)) = (c.get(0), c.name("base")) else { continue };
        let rest = s.get(m.end()..).unwrap_or_default().trim_start();
        if c.name("vong").is_some()
            && m.end() == base.end()
            && vocab::DEADLINE_LOOKBACK_WORDS.iter().any(|w| {
                rest.strip_prefix(w).is_some_and(|r| r.is_empty() || r.starts_with(|ch: char| !ch.is_alphanumeric()))
            })
        {
            // "trong vòng 10 ngày qua" looks back: no deadline.
            continue;
        }
        let n = c.name("n").and_then(|x| x.as_str().parse::<u32>().ok()).unwrap_or(0);
        let (anchor, end) = if c.name("issue").is_some() {
            // The notice's own date, unless the word goes on to name
            // something else ("kể từ ngày ký hợp đồng").
            if rest.is_empty() || rest.starts_with(|ch: char| !ch.is_alphanumeric()) {
                (issued, m.end())
            } else {
                (None, base.end())
            }
        } else {
            (dates::from_captures(&c, year), m.end())
        };
        let due = anchor.map(|a| if c.name("work").is_some() { add_working_days(a, n) } else { a.add_days(n) });
        let kind = if due.is_some() { DeadlineKind::By } else { DeadlineKind::Other };
        push(4, kind, due, m.start(), end);
    }
    for m in pattern(&rx.occasion, occasion).into_iter().flat_map(|r| r.find_iter(occasion)) {
        let text = s.get(m.start()..m.end()).unwrap_or_default();
        let cut = vocab::DEADLINE_CLAUSE_BREAKS.iter().filter_map(|w| text.find(w)).min().unwrap_or(text.len());
        push(5, DeadlineKind::Other, None, m.start(), m.start() + cut);
    }
    for m in pattern(&rx.ongoing, ongoing).into_iter().flat_map(|r| r.find_iter(ongoing)) {
        push(6, DeadlineKind::Ongoing, None, m.start(), m.end());
    }
    all.sort_by_key(|(prio, f)| (*prio, f.start));
    let mut out: Vec<Found> = Vec::new();
    for (_, f) in all {
        if out.iter().any(|g| f.start < g.end && g.start < f.end) {
            continue;
        }
        out.push(f);
    }
    // A deadline in a purpose clause that a body opens is that body's; it
    // is dropped when the task states one of its own.
    // With one deadline or none, dropping those inside changes nothing.
    let purpose = if out.len() > 1 { purpose_clauses(s) } else { Vec::new() };
    let inside = |f: &Found| purpose.iter().any(|(a, b)| *a <= f.start && f.start < *b);
    if out.iter().any(|f| !inside(f)) {
        out.retain(|f| !inside(f));
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The deadline of a cell that states the time of a task ("Tháng 5/2026",
/// "Trước ngày 30/4/2026", "Thường xuyên"): the phrases of [`find_all`], or
/// else a bare period or date, which bounds the task (kind `by`).
pub(crate) fn stated(s: &str, when: impl Into<When>) -> Vec<Found> {
    let when = when.into();
    let found = find_all(s, when);
    if !found.is_empty() {
        return found;
    }
    let year = when.year;
    let low = lower_case(s);
    let Some(c) = RX.stated.captures(&low) else { return Vec::new() };
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

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    let rx = &*RX;
    for re in [
        &rx.stated,
        &rx.recurring,
        &rx.before,
        &rx.by_date,
        &rx.period,
        &rx.cue,
        &rx.cue_year,
        &rx.submit_verb,
        &rx.submitted_period,
        &rx.within,
        &rx.occasion,
        &rx.ongoing,
    ] {
        LazyLock::force(re);
    }
    for marks in [&rx.recurring_marks, &rx.by_date_marks, &rx.period_marks, &rx.occasion_marks] {
        LazyLock::force(marks);
    }
    LazyLock::force(&SUBJECT_WORDS);
    LazyLock::force(&SUBMIT_NOUN_PREFIXES);
    LazyLock::force(&CUE_FORMS);
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
            // "trong vòng" as "trong thời hạn"
            (
                "hoàn thành trong vòng 10 ngày kể từ ngày 25/6/2025",
                None,
                By,
                Some("2025-07-05"),
                "trong vòng 10 ngày kể từ ngày 25/6/2025",
            ),
            (
                "trong vòng 15 ngày làm việc kể từ ngày 02/6/2025",
                None,
                By,
                Some("2025-06-23"),
                "trong vòng 15 ngày làm việc kể từ ngày 02/6/2025",
            ),
            ("trả lời trong vòng 10 ngày.", None, Other, None, "trong vòng 10 ngày"),
            // the issue date is not known here
            ("trong vòng 10 ngày kể từ ngày ký", Some(2025), Other, None, "trong vòng 10 ngày kể từ ngày ký"),
            // periods: the end of the year, its first quarter
            ("trong 6 tháng cuối năm 2025", None, By, Some("2025-12-31"), "trong 6 tháng cuối năm 2025"),
            ("hoàn thành cuối năm 2025", None, By, Some("2025-12-31"), "hoàn thành cuối năm 2025"),
            ("phấn đấu đến cuối năm 2025 đạt chuẩn", None, By, Some("2025-12-31"), "đến cuối năm 2025"),
            ("hoàn thành trong quý đầu năm 2026", None, By, Some("2026-03-31"), "hoàn thành trong quý đầu năm 2026"),
            ("đưa vào sử dụng trong quý đầu năm 2026", None, By, Some("2026-03-31"), "trong quý đầu năm 2026"),
            (
                "hoàn thành trong 3 tháng cuối năm",
                Some(2025),
                By,
                Some("2025-12-31"),
                "hoàn thành trong 3 tháng cuối năm",
            ),
            // "đến hết" + a period; "không muộn/chậm hơn"
            ("từ nay đến hết năm 2025", None, By, Some("2025-12-31"), "từ nay đến hết năm 2025"),
            ("thực hiện đến hết tháng 9/2025", None, By, Some("2025-09-30"), "đến hết tháng 9/2025"),
            ("duy trì đến hết quý III/2025", None, By, Some("2025-09-30"), "đến hết quý III/2025"),
            ("không muộn hơn ngày 20/7/2025", None, By, Some("2025-07-20"), "không muộn hơn ngày 20/7/2025"),
            ("không chậm hơn ngày 20/7/2025", None, By, Some("2025-07-20"), "không chậm hơn ngày 20/7/2025"),
            // a submission verb, then a period that ends the clause
            ("trình Chủ tịch UBND xã trong tháng 10.", Some(2025), By, Some("2025-10-31"), "trong tháng 10"),
            ("gửi Phòng Nội vụ trong quý III.", Some(2025), By, Some("2025-09-30"), "trong quý III"),
            // a weekday or a date, then "hằng …": recurring
            (
                "báo cáo trước 17 giờ ngày thứ Sáu hằng tuần",
                None,
                Recurring,
                None,
                "trước 17 giờ ngày thứ Sáu hằng tuần",
            ),
            (
                "tổ chức vào ngày Chủ nhật cuối cùng hằng tháng",
                None,
                Recurring,
                None,
                "vào ngày Chủ nhật cuối cùng hằng tháng",
            ),
            ("hoàn thành trước 31/12 hằng năm", Some(2025), Recurring, None, "trước 31/12 hằng năm"),
            ("báo cáo trước ngày 30 hằng tháng", Some(2025), Recurring, None, "trước ngày 30 hằng tháng"),
            ("tuần tra vào tối thứ Bảy hằng tuần", None, Recurring, None, "vào tối thứ Bảy hằng tuần"),
            ("báo cáo trước 16 giờ thứ Năm hằng tuần", None, Recurring, None, "trước 16 giờ thứ Năm hằng tuần"),
            (
                "báo cáo trước 17 giờ, thứ Sáu, ngày 14/3/2025",
                None,
                Before,
                Some("2025-03-14"),
                "trước 17 giờ, thứ Sáu, ngày 14/3/2025",
            ),
            ("nộp trước ngày 15/12 hàng năm", Some(2025), Recurring, None, "trước ngày 15/12 hàng năm"),
            ("Hằng tuần, Phòng Nội vụ báo cáo UBND huyện.", None, Recurring, None, "Hằng tuần"),
            ("Định kỳ hằng tháng, Phòng Nội vụ báo cáo UBND huyện.", None, Recurring, None, "Định kỳ hằng tháng"),
            // a purpose clause that a body opens is that body's
            (
                "báo cáo kết quả trước ngày 10/6 để UBND huyện báo cáo UBND tỉnh trước ngày 15/6/2025",
                Some(2025),
                Before,
                Some("2025-06-10"),
                "trước ngày 10/6",
            ),
        ];
        for (input, year, kind, due, text) in cases {
            let got = one(input, *year);
            assert_eq!(got, vec![(*kind, due.map(str::to_string), text.to_string())], "for {input:?}");
        }
    }

    #[test]
    fn anchored_on_the_issue_date() {
        let when = When { year: Some(2025), issued: Date::new(2025, 3, 10) };
        let cases: &[(&str, DeadlineKind, Option<&str>, &str)] = &[
            (
                "trong vòng 10 ngày kể từ ngày ký Thông báo này",
                By,
                Some("2025-03-20"),
                "trong vòng 10 ngày kể từ ngày ký Thông báo này",
            ),
            (
                "trong vòng 10 ngày kể từ ngày ký (Thông báo này).",
                By,
                Some("2025-03-20"),
                "trong vòng 10 ngày kể từ ngày ký (Thông báo này)",
            ),
            (
                "trong thời hạn 07 ngày kể từ ngày ban hành.",
                By,
                Some("2025-03-17"),
                "trong thời hạn 07 ngày kể từ ngày ban hành",
            ),
            (
                "trong vòng 05 ngày làm việc kể từ ngày ký",
                By,
                Some("2025-03-17"),
                "trong vòng 05 ngày làm việc kể từ ngày ký",
            ),
            // signing something else is not the notice's date
            ("trong vòng 30 ngày kể từ ngày ký hợp đồng", Other, None, "trong vòng 30 ngày"),
        ];
        for (s, kind, due, text) in cases {
            let got: Vec<Row> = find_all(s, when)
                .into_iter()
                .map(|f| (f.kind, f.due.map(|d| d.to_string()), s[f.start..f.end].to_string()))
                .collect();
            assert_eq!(got, vec![(*kind, due.map(str::to_string), text.to_string())], "for {s:?}");
        }
    }

    /// The gate of spans of days hides none: wherever the pattern matches
    /// a fixture line, a gate sample or a line made for it, the gate is
    /// open; it is shut on texts that hold "hạn" or "trong" otherwise.
    #[test]
    fn span_gate_never_hides_a_span() {
        let lines = [
            "trong thời hạn 10 ngày kể từ ngày ký",
            "Trong vòng 5 ngày làm việc",
            "TRONG THỜI HẠN 15 NGÀY",
            "trong  thời\thạn 3 ngày",
            "báo cáo trong vòng 7 ngày qua",
        ];
        let mut texts = crate::patterns::tests::gate_texts(&lines);
        texts.extend(lines.iter().map(|l| l.to_lowercase()));
        let matched = crate::patterns::tests::gate_hides_none(
            &texts,
            |t| RX.within.is_match(&lower_case(t)),
            |t| spans(t, cues(t)),
        );
        assert!(matched >= 8, "{matched}");
        for t in ["khắc phục hạn chế trong năm 2024", "trong 10 ngày", "thời hạn 10 ngày trong năm"] {
            assert!(!spans(t, cues(t)), "{t:?}");
        }
    }

    /// The phrase gates of the recurring, by-date, period and occasion
    /// patterns hide no match: wherever a pattern matches a fixture line, a gate
    /// sample or a line made for it (as written and in capitals), its gate
    /// is open; it is shut on texts that hold only the cue words.
    #[test]
    fn phrase_gates_never_hide_a_match() {
        let recurring = [
            "Định kỳ hằng tháng báo cáo UBND huyện",
            "định kỳ 6 tháng/lần",
            "trước 17 giờ thứ Sáu hằng tuần",
            "vào ngày 25 hằng tháng",
            "ngày 20 của tháng cuối quý",
            "ngày 15 tháng đầu mỗi quý",
            "chậm nhất 25/12 hàng năm",
            "trước 16h hằng tuần",
            "hằng quý báo cáo",
            "báo cáo hàng tháng",
            "Hằng  tuần,\tgửi báo cáo",
            "mỗi năm, tổng hợp",
            "sáng thứ Hai hàng tuần",
        ];
        let by_date = [
            "chậm nhất là vào ngày 15/3/2025",
            "không muộn hơn ngày 20/5/2024",
            "không chậm hơn 20/5/2024",
            "đến hết ngày 31/12/2025",
            "đến ngày 30/6",
            "hoàn thành vào ngày 10/10/2024",
            "hạn chót là ngày 5/5/2025",
            "hạn là ngày 1/2/2025",
            "thời hạn: trước ngày 15/8/2025",
            "Thời gian hoàn thành: 30/9/2025",
            "hạn hoàn thành: ngày 12/12/2025",
            "đến 31/12/2025",
            "đến  hết 31/12/2025",
            "MUỘN NHẤT NGÀY 20/11/2025",
        ];
        let occasion = [
            "trong dịp Tết Nguyên đán",
            "trước Tết Nguyên đán 2025",
            "trước mùa mưa bão",
            "trước kỳ họp HĐND huyện",
            "trước khai giảng năm học",
            "trước bế giảng năm học",
            "trước năm học mới 2025",
            "hoàn thành ngay trong tuần này",
            "xong trong  tuần",
            "TRƯỚC DỊP LỄ 30/4",
        ];
        let period = [
            "hoàn thành trong quý II/2025",
            "Hoàn thành: tháng 6/2025",
            "xong trong tháng 10",
            "hoàn tất năm 2024",
            "thời gian thực hiện: quý 3 năm 2025",
            "thời hạn: tháng 12/2025",
            "thời gian hoàn thành tháng 3/2025",
            "từ nay đến hết năm 2025",
            "đến hết tháng 9/2025",
            "từ nay tới cuối năm",
            "trong 6 tháng đầu năm 2025",
            "trong 03 tháng cuối năm 2024",
            "trong tháng 5/2025",
            "trong quý IV/2025",
            "trong quý cuối năm 2025",
            "đến cuối năm 2025",
            "vào  cuối năm 2026",
            "hoàn thành các nội dung trong năm 2024",
            "từ nay tới tháng 6/2025",
            "xong: quý 3/2025",
            "trong 03 tháng đầu năm 2025",
            "trong 9 tháng đầu năm 2026",
        ];
        let lines: Vec<&str> = recurring.iter().chain(&by_date).chain(&period).chain(&occasion).copied().collect();
        let mut texts = crate::patterns::tests::gate_texts(&lines);
        texts.extend(lines.iter().map(|l| l.to_uppercase()));
        let rx = &*RX;
        let matcher = |re: &'static Regex| move |low: &str| re.is_match(low);
        // What a pattern matches in a lower-cased text, its gate's phrases,
        // the lines made for it and texts its gate is shut on.
        type Gate<'a> = (&'a dyn Fn(&str) -> bool, &'a Marks, &'a [&'a str], &'a [&'a str]);
        let gates: [Gate; 4] = [
            (
                &matcher(&rx.recurring),
                &rx.recurring_marks,
                &recurring,
                &["ngân hàng chính sách", "kỳ họp thứ 8", "quý II/2025"],
            ),
            (&matcher(&rx.by_date), &rx.by_date_marks, &by_date, &["trước ngày 15/3/2025", "đến năm 2025", "hạn chế"]),
            (
                &|low| !periods(low, true).is_empty(),
                &rx.period_marks,
                &period,
                &["trong năm 2024", "kế hoạch năm 2024", "tháng 5/2025"],
            ),
            (
                &matcher(&rx.occasion),
                &rx.occasion_marks,
                &occasion,
                &["trong năm 2024", "trước ngày 5/5", "trong tháng 6"],
            ),
        ];
        for (matches, marks, made, shut) in gates {
            for l in made {
                for t in [l.to_string(), l.to_uppercase()] {
                    assert!(matches(&lower_case(&t)), "made line {t:?} does not match");
                }
            }
            let matched = crate::patterns::tests::gate_hides_none(
                &texts,
                |t| matches(&lower_case(t)),
                |t| holds_mark(marks, &lower_case(t)),
            );
            assert!(matched >= 2 * made.len(), "{matched}");
            for t in shut {
                assert!(!holds_mark(marks, &lower_case(t)), "{t:?}");
            }
        }
    }

    #[test]
    fn cue_words_in_three_cases() {
        // What `cues` stands for: each word in lower case, capitalised or
        // in capitals, anywhere in the text.
        fn mentions(s: &str, word: &str) -> bool {
            let mut chars = word.chars();
            let cap: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            s.contains(word) || s.contains(cap.as_str()) || s.contains(word.to_uppercase().as_str())
        }
        for s in [
            "",
            "Hoàn thành trong Quý II/2025",
            "THỰC HIỆN THƯỜNG XUYÊN, HẰNG THÁNG",
            "định kỳ hàng năm, mỗi kỳ trước ngày 5",
            "tHáng trOng",
            "thườngxuyên; Năm nay",
        ] {
            let got = cues(s);
            for (i, w) in CUE_WORDS.iter().enumerate() {
                assert_eq!(got & (1 << i) != 0, mentions(s, w), "{w:?} in {s:?}");
            }
            assert_eq!(got & DIGIT != 0, s.bytes().any(|b| b.is_ascii_digit()), "{s:?}");
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
            "kết quả đạt được trong vòng 10 ngày qua",
            "báo cáo tình hình thực hiện trong tháng 10.",
            "xây dựng Chương trình công tác trong tháng 10.",
            "tổng kết công tác cuối năm 2025",
            "Nhiệm vụ trong 6 tháng cuối năm 2025",
            "thực hiện các nhiệm vụ trọng tâm trong quý III/2025",
            "Quy hoạch chung đô thị đến năm 2030",
        ] {
            assert!(find_all(s, Some(2024)).is_empty(), "{s:?} gave {:?}", one(s, Some(2024)));
        }
    }

    /// The one pattern [`next_submission`] replaced, the gap written into
    /// it: kept to check that the walk finds what it found.
    fn submission_as_one_pattern() -> Regex {
        crate::patterns::compile(&format!(
            r"(?i)(?-u:\b)(?P<verb>{})(?-u:\b)(?P<gap>[^.;:!?]{{0,80}}?)(?P<at>{PERIOD_LEAD}\s+{PERIOD})\s*(?:[.;,)]|$|(?:để|và)(?:[^\p{{L}}0-9]|$))",
            alternation(vocab::DEADLINE_SUBMIT_CUES)
        ))
    }

    /// What [`submitted`] reads of each submission in `t`, in its order:
    /// the verb, the period, the date it ends and the year groups it asks.
    type Seen = (usize, usize, usize, usize, Option<String>, bool, bool);

    fn seen(verb: Match<'_>, c: &Captures<'_>) -> Option<Seen> {
        let at = c.name("at")?;
        let due = period_end(c, Some(2024)).map(|d| d.to_string());
        Some((verb.start(), verb.end(), at.start(), at.end(), due, c.name("yy").is_some(), c.name("ynow").is_some()))
    }

    #[test]
    fn submissions_are_found_as_by_one_pattern() {
        // The walk assumes that no form of a verb starts another (one
        // pattern would try the shorter when the longer led nowhere), and
        // that its lead word compares as ASCII bytes.
        for a in vocab::DEADLINE_SUBMIT_CUES {
            for b in vocab::DEADLINE_SUBMIT_CUES {
                assert!(a == b || !b.to_lowercase().starts_with(&a.to_lowercase()), "{a} starts {b}");
            }
        }
        assert!(PERIOD_LEAD.bytes().all(|b| b.is_ascii_lowercase() && b != b'k' && b != b's'));

        let one = submission_as_one_pattern();
        let mut texts = crate::patterns::fixture_lines();
        let long = |n: usize| " ư".repeat(n / 2);
        let gaps = [
            String::new(),
            " ".into(),
            " Chủ tịch UBND huyện ".into(),
            " kết quả; ".into(),
            " số liệu! ".into(),
            long(78),
            long(79),
            long(80),
            long(82),
        ];
        let periods = [
            "trong tháng 10",
            "trong quý III/2024",
            "TRONG NĂM 2025",
            "trong 6 tháng đầu năm",
            "trong tuần",
            "trong năm nay",
        ];
        for verb in
            vocab::DEADLINE_SUBMIT_CUES.iter().flat_map(|v| [v.to_string(), v.to_uppercase(), format!("chương {v}")])
        {
            for gap in &gaps {
                for period in periods {
                    for end in [".", "", " để", " và tổng hợp", "x", ")", " trong tháng 11."] {
                        texts.push(format!("Giao Phòng A {verb}{gap}{period}{end}"));
                        texts.push(format!("{verb}{gap}{period}{end} rồi {verb} trong tháng 12"));
                    }
                }
            }
        }
        let mut found = 0;
        for t in &texts {
            let (mut old, mut new) = (Vec::new(), Vec::new());
            let mut from = 0;
            while let Some(c) = one.captures_at(t, from) {
                let verb = c.name("verb").expect("a verb");
                old.push(seen(verb, &c));
                from = verb.end();
            }
            let mut from = 0;
            let low = lower_case(t);
            while let Some((verb, c)) = next_submission(&low, from) {
                new.push(seen(verb, &c));
                from = verb.end();
            }
            assert_eq!(new, old, "{t:?}");
            found += old.len();
        }
        assert!(found > 500, "{found}");
    }

    /// The one pattern that [`periods`] replaced, the cue year an
    /// alternative with its gap written in.
    fn periods_as_one_pattern() -> Regex {
        crate::patterns::compile(&format!(
            r"(?i)(?:{CUE}\s*:?\s*(?:trong\s+|vào\s+|từ\s+tháng\s+[0-9]{{1,2}}(?:\s*/\s*[0-9]{{4}})?\s+(?:đến|tới)\s+)?|(?:từ\s+nay\s+)?đến\s+hết\s+|từ\s+nay\s+(?:đến|tới)\s+(?:hết\s+)?){PERIOD}|trong\s+{BOUNDED}|{CUE}[^.;:!?]{{1,60}}?trong\s+năm\s+(?P<fy>[0-9]{{4}})|(?:đến|vào)\s+cuối\s+năm\s+(?P<cy>[0-9]{{4}})"
        ))
    }

    #[test]
    fn periods_are_found_as_by_one_pattern() {
        let one = periods_as_one_pattern();
        let mut texts = crate::patterns::fixture_lines();
        let long = |n: usize| " ư".repeat(n / 2);
        let gaps =
            [String::new(), " ".into(), " việc cấp giấy ".into(), " việc A; ".into(), long(58), long(60), long(62)];
        let cues = ["hoàn thành", "XONG", "Thời gian thực hiện", "thời hạn", "chưa hoàn tất"];
        let tails =
            ["trong năm 2024", "TRONG NĂM 2025.", "trong tháng 10/2024", "trong quý III", "trong năm nay", "trong năm"];
        for cue in cues {
            for gap in &gaps {
                for tail in tails {
                    for (before, after) in
                        [("", ""), ("Nhiệm vụ ", " và đến hết tháng 6"), ("đến hết quý II ", " xong trong năm 2026")]
                    {
                        texts.push(format!("{before}{cue}{gap}{tail}{after}"));
                    }
                }
            }
        }
        let key = |start: usize, end: usize, c: &Captures<'_>| {
            let bounded = ["bhalf", "bpm", "bq", "bqe"].iter().any(|n| c.name(n).is_some());
            (start, end, bounded, period_end(c, Some(2024)).map(|d| d.to_string()))
        };
        let mut found = 0;
        for t in &texts {
            let old: Vec<_> =
                one.captures_iter(t).filter_map(|c| c.get(0).map(|m| key(m.start(), m.end(), &c))).collect();
            let low = lower_case(t);
            let new: Vec<_> = periods(&low, true).iter().map(|(a, b, c)| key(*a, *b, c)).collect();
            assert_eq!(new, old, "{t:?}");
            found += old.len();
        }
        assert!(found > 300, "{found}");
    }
}
