//! The meeting paragraph: date, events, venue, chairs, attendees, absentees.
//!
//! # Forms read
//! ```text
//! DATE-PREFIX "," CHAIRS ("đã")? ("đồng")? "chủ trì" EVENTS ("tại" VENUE)?
//! "dưới sự chủ trì của" CHAIRS "," …      "do" CHAIRS "chủ trì"
//! ("Tham dự" | "Dự họp" | "Cùng dự" | "Thành phần") (…)? ("có" | "gồm")? ":"? LIST "."
//! "(vắng" LIST REASON? ")"   |   "Vắng" ("mặt")? ":" LIST "."
//! ```

use super::participants::{self, Found as Person};
use crate::lexicon::{After, Lexicon};
use crate::patterns::{
    Matcher, Regex, compile, compile_lowered, compile_matcher, is_notice_capital, is_pattern_space, is_space_byte,
    lower_case, space_run,
};
use crate::vocab::{self, alternation};
use std::sync::LazyLock;

/// The meeting paragraph's patterns. `under`, `prefix` and `absent` are
/// case-insensitive, compiled for text in lower case: they search
/// [`lower_case`] of the paragraph, whose offsets are the paragraph's.
struct Rx {
    chair: LazyLock<Regex>,
    under: LazyLock<Regex>,
    prefix: LazyLock<Regex>,
    /// The cues of an attendee list ("Tham dự", "Thành phần").
    attendee_cues: Lexicon,
    /// What follows a cue in a list that "có" or "gồm" opens, from the
    /// cue's end: "Hội nghị có các đồng chí:".
    attendee_rest: LazyLock<Matcher>,
    /// The cues of a list that a colon opens: "Thành phần:".
    colon_cues: Lexicon,
    absent: LazyLock<Regex>,
    venue: LazyLock<Regex>,
    /// The words that open a venue ("phòng họp", "hội trường"), built when
    /// a venue starts in lower case.
    venue_heads: LazyLock<Lexicon>,
    venue_cont: LazyLock<Matcher>,
    meeting_kind: Lexicon,
}

static RX: LazyLock<Rx> = LazyLock::new(|| Rx {
    chair: LazyLock::new(|| compile(r"(?:\s+đã)?(?:\s+cùng)?(?:\s+(?:cùng\s+)?đồng)?\s+chủ\s+trì")),
    under: LazyLock::new(|| compile_lowered(r"(?i)dưới\s+sự\s+chủ\s+trì\s+của\s+")),
    prefix: LazyLock::new(|| {
        compile_lowered(concat!(
            r"(?i)^(?:(?:vào\s+)?(?:lúc\s+)?[0-9]{1,2}\s*(?:giờ|h)[^,]*,\s*|(?:vào\s+)?(?:buổi\s+)?(?:sáng|chiều|tối|trưa)?\s*(?:ngày|hôm)\s+[^,]*,\s*",
            r"|tại\s+[^,]*,\s*|(?:trụ sở|hội trường|phòng họp|Hội trường|Trụ sở)[^,]*,\s*|trong\s+(?:hai\s+)?ngày\s+[^,]*,\s*|theo\s+[^,]*,\s*)"
        ))
    }),
    attendee_cues: Lexicon::new(vocab::ATTENDEE_CUES),
    attendee_rest: LazyLock::new(|| compile_matcher(&attendee_rest())),
    colon_cues: Lexicon::new(vocab::ATTENDEE_COLON_CUES),
    absent: LazyLock::new(|| {
        compile_lowered(r"(?i)\(?\s*vắng(?:\s+mặt)?(?:\s+(?P<reason>(?:có|không)\s+lý\s+do)\s*:)?\s*:?\s*")
    }),
    venue: LazyLock::new(|| compile(r"tại\s+")),
    venue_cont: LazyLock::new(|| compile_matcher(r"^(?:trụ sở|hội trường|phòng họp|tầng|nhà|số)(?:[^\p{L}]|$)")),
    venue_heads: LazyLock::new(|| Lexicon::new(vocab::VENUE_HEADS)),
    meeting_kind: Lexicon::new(vocab::MEETING_KINDS),
});

/// Whether what follows "tại" opens a venue: a capital ("Hội trường A"),
/// a word of [`vocab::VENUE_HEADS`] ("phòng họp số 2"), or a local unit of
/// [`vocab::VENUE_LOCALITIES`], maybe after "các", then white space and a
/// capital ("xã Bình An"). A walk rather than a pattern: the narrowed
/// capitals made the pattern one of the costlier to compile.
fn is_venue_head(r: &str) -> bool {
    // White space (one character at least), then a capital.
    let capital_after_space = |t: &str| {
        let rest = t.trim_start_matches(is_pattern_space);
        rest.len() < t.len() && rest.chars().next().is_some_and(is_notice_capital)
    };
    let unit = |t: &str| vocab::VENUE_LOCALITIES.iter().any(|w| t.strip_prefix(w).is_some_and(capital_after_space));
    // "các" and white space before the unit.
    let plural = r
        .strip_prefix(vocab::PLURAL_MARKER)
        .filter(|t| t.starts_with(is_pattern_space))
        .map(|t| t.trim_start_matches(is_pattern_space));
    r.chars().next().is_some_and(is_notice_capital)
        || RX.venue_heads.find(r, After::Any).is_some()
        || unit(r)
        || plural.is_some_and(unit)
}

/// The verbs that open a list after an attendee cue ("Tham dự có:").
const LIST_VERBS: &[&str] = &["có", "gồm"];

/// The first white space at or after `from` in `s` that a verb of
/// [`LIST_VERBS`] follows (the length of `s` when there is none): one pass
/// that stops there.
fn next_list_verb(s: &str, from: usize) -> usize {
    let bytes = s.as_bytes();
    let follows = |i: usize| LIST_VERBS.iter().any(|w| bytes.get(i + 1..).is_some_and(|r| r.starts_with(w.as_bytes())));
    bytes.iter().enumerate().skip(from).find(|&(i, &b)| is_space_byte(b) && follows(i)).map_or(s.len(), |(i, _)| i)
}

/// What lies ahead of the places where attendee cues are tried, found
/// once and again only when passed: the next white space that a list verb
/// follows, and whether a ':' or ';' (which a listed cue cannot cross)
/// comes before it. The places only move forward, so the text is read
/// once however many cues it holds.
#[derive(Default)]
struct Ahead {
    /// The next white space before a list verb.
    verb: Option<usize>,
    /// The next ':' or ';' before that verb, or the verb itself when none.
    stop: Option<usize>,
}

impl Ahead {
    /// Whether a verb comes before any ':' or ';' from `at` on.
    fn verb_first(&mut self, s: &str, at: usize) -> bool {
        let verb = match self.verb {
            Some(v) if v >= at => v,
            _ => *self.verb.insert(next_list_verb(s, at)),
        };
        let stop = match self.stop {
            Some(t) if t >= at => t,
            _ => {
                let between = s.as_bytes().get(at..verb).unwrap_or_default();
                *self.stop.insert(memchr::memchr2(b':', b';', between).map_or(verb, |i| at + i))
            }
        };
        verb < s.len() && stop >= verb
    }
}

/// What follows an attendee cue in a list that "có" or "gồm" opens: a
/// meeting word and what names it, then "có" or "gồm", a colon, and "các
/// đồng chí:".
fn attendee_rest() -> String {
    format!(
        r"^(?:\s+(?:{})[^:;]*?)?\s+{}\s*:?\s*(?:các\s+(?:đồng\s+chí|đại\s+biểu)\s*:\s*)?",
        alternation(vocab::MEETING_KINDS),
        alternation(LIST_VERBS)
    )
}

/// The first attendee cue that starts at or after `from`: where it starts
/// (at the white space or `.;,` before it, if any) and where what opens
/// the list ends. What one pattern found,
/// `(?:^|[\s.;,])(?:CUES)REST|(?:^|[\s.;])(?:COLON_CUES)\s*:\s*`, found by
/// two word tables, a pattern anchored after a cue ([`attendee_rest`]) and
/// a walk over the colon ([`colon_after`]): the unanchored alternation of
/// every cue kept hundreds of kilobytes of automaton states for each
/// thread (a test keeps the pattern).
fn attendee_cue(s: &str, from: usize) -> Option<(usize, usize)> {
    attendee_cue_with(s, from, &mut Ahead::default())
}

/// [`attendee_cue`] with what lies ahead known from earlier calls.
fn attendee_cue_with(s: &str, from: usize, ahead: &mut Ahead) -> Option<(usize, usize)> {
    let rx = &*RX;
    let bytes = s.as_bytes();
    let try_at = |start: usize, cue: usize, ahead: &mut Ahead| {
        let rest = s.get(cue..)?;
        // A list that a verb opens needs the verb before the next ':' or
        // ';' (which the pattern does not cross).
        let listed = ahead
            .verb_first(s, cue)
            .then(|| {
                rx.attendee_cues
                    .find_all_at(rest, After::Any)
                    .into_iter()
                    .find_map(|(end, _)| rx.attendee_rest.find_end(rest.get(end..)?).map(|len| cue + end + len))
            })
            .flatten();
        // A colon list: not after a comma.
        let colon = || {
            (start == cue || bytes.get(start) != Some(&b','))
                .then(|| {
                    rx.colon_cues.find_all_at(rest, After::Any).into_iter().find_map(|(end, _)| colon_after(rest, end))
                })
                .flatten()
                .map(|len| cue + len)
        };
        listed.or_else(colon).map(|end| (start, end))
    };
    let starts = |b: Option<&u8>| b.is_some_and(|&b| rx.attendee_cues.starts_byte(b) || rx.colon_cues.starts_byte(b));
    if from == 0
        && starts(bytes.first())
        && let Some(found) = try_at(0, 0, ahead)
    {
        return Some(found);
    }
    // The match starts at the separator before the cue.
    let mut q = from;
    while let Some(&b) = bytes.get(q) {
        if (is_space_byte(b) || matches!(b, b'.' | b';' | b','))
            && starts(bytes.get(q + 1))
            && let Some(found) = try_at(q, q + 1, ahead)
        {
            return Some(found);
        }
        q += 1;
    }
    None
}

/// The end of the colon at `at` of `s` and of the white space around it
/// (what `\s*:\s*` matches there), if there is one.
fn colon_after(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let colon = at + space_run(bytes, at);
    (bytes.get(colon) == Some(&b':')).then(|| colon + 1 + space_run(bytes, colon + 1))
}

/// Every attendee cue in `s`, left to right (see [`attendee_cue`]).
fn attendee_cues(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut ahead = Ahead::default();
    let mut from = 0;
    while let Some((start, end)) = attendee_cue_with(s, from, &mut ahead) {
        out.push((start, end));
        from = end.max(start + 1);
    }
    out
}

/// Whether a meeting word ("Hội nghị", "cuộc họp") starts `s`.
fn is_meeting_kind(s: &str) -> bool {
    RX.meeting_kind.find(s, After::Any).is_some()
}

/// What the meeting paragraph says (byte offsets into that paragraph).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub chairs: Vec<Person>,
    pub attendees: Vec<Person>,
    pub absentees: Vec<Person>,
    pub events: Vec<(usize, usize)>,
    pub location: Option<(usize, usize)>,
    /// The meeting named only by its word before "do … chủ trì" ("cuộc
    /// họp"): the event when neither the paragraph nor the subject names
    /// one more fully.
    pub bare_event: Option<(usize, usize)>,
}

/// The end of the sentence that runs from `from`: a "." followed by white
/// space and a capital letter, or the end of the text.
fn sentence_end(s: &str, from: usize) -> usize {
    let rest = s.get(from..).unwrap_or_default();
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' if depth <= 0 => {
                let after = rest.get(i + 1..).unwrap_or_default();
                let word_before = rest.get(..i).unwrap_or_default().rsplit(' ').next().unwrap_or_default();
                let abbrev = vocab::DOTTED_ABBREVIATIONS.contains(&word_before);
                if (after.is_empty() || after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase))
                    && !abbrev
                {
                    return from + i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn sentence_start(s: &str, before: usize) -> usize {
    let head = s.get(..before).unwrap_or_default();
    head.rfind(". ").map_or(0, |i| i + 2)
}

/// Reads the meeting paragraph `s`.
pub(crate) fn read(s: &str) -> Found {
    let mut f = Found::default();
    let events_from;
    let mut event_stop: Option<usize> = None;
    // "cuộc họp do đồng chí X chủ trì": the bare word, when nothing better.
    let mut bare_event: Option<(usize, usize)> = None;
    // The text for the case-insensitive patterns (see `Rx`).
    let low = lower_case(s);
    // Chairs.
    if let Some(m) = RX.under.find(&low) {
        let end = chair_end(s, &low, m.end());
        f.chairs = persons(s, m.end(), end);
        let sent = sentence_start(s, m.start());
        events_from = RX.meeting_kind.search(s, sent, After::NotLetter).map(|e| e.0);
    } else if let Some(m) = RX.chair.find(s) {
        let sent = sentence_start(s, m.start());
        let mut from = sent;
        if let Some(d) = s.get(sent..m.start()).and_then(|t| t.rfind(" do ")) {
            from = sent + d + 4;
        } else {
            while let Some(p) = low.get(from..m.start()).and_then(|t| RX.prefix.find(t)) {
                if p.end() == 0 {
                    break;
                }
                from += p.end();
                // "tại Phòng họp số 2, UBND huyện, đồng chí …": the body
                // that houses the room belongs to the venue.
                if p.as_str().starts_with("tại")
                    && let Some(skip) = venue_body(s, from, m.start())
                {
                    from = skip;
                }
            }
        }
        f.chairs = persons(s, from, m.start());
        // "… tổ chức cuộc họp X do đồng chí … chủ trì", "tại Hội nghị X,
        // đồng chí … đã chủ trì và phát biểu": the event stands before.
        let after = s.get(m.end()..).unwrap_or_default().trim_start();
        let lim = s.get(sent..m.start()).and_then(|t| t.rfind(" do ")).map_or(from, |d| sent + d);
        // Not a room ("phòng họp"), not the bare word ("Hội nghị do …").
        let events = RX.meeting_kind.search_all(s.get(..lim).unwrap_or_default(), After::NotLetter);
        let before = events.iter().copied().find(|&(a, b)| {
            a >= sent
                && !s.get(..a).unwrap_or_default().to_lowercase().ends_with("phòng ")
                && s.get(b..lim).is_some_and(|r| r.trim().chars().count() > 3)
        });
        bare_event = events
            .iter()
            .find(|&&(a, _)| a >= sent && !s.get(..a).unwrap_or_default().to_lowercase().ends_with("phòng "))
            .map(|&(a, b)| participants::trim(s, a, b));
        events_from = match before {
            Some((e, _)) if !is_meeting_kind(after) => {
                event_stop = Some(s.get(e..lim).and_then(|t| t.rfind([',', ';'])).map_or(lim, |i| e + i));
                Some(e)
            }
            _ => Some(m.end()),
        };
    } else {
        events_from = RX.meeting_kind.search(s, 0, After::NotLetter).map(|e| e.0).filter(|&p| p < sentence_end(s, 0));
    }
    let under_at = RX.under.find(&low).map(|m| m.start());
    // Events, and the venue after them.
    if let Some(from) = events_from {
        let lead = s.get(from..).map_or(0, |r| r.len() - r.trim_start().len());
        let mut from = from + lead;
        // "… chủ trì đã có buổi làm việc …": the event starts at its word.
        for aux in vocab::MEETING_EVENT_AUXILIARIES {
            if let Some(r) = s.get(from..).and_then(|r| r.strip_prefix(aux))
                && is_meeting_kind(r)
            {
                from += aux.len();
                break;
            }
        }
        // "…; cùng dự có …", "…, tham dự có …": those present are no event.
        let cue_at = attendee_cue(s, from).map_or(s.len(), |(start, _)| start);
        let stop = [
            cue_at,
            sentence_end(s, from),
            s.get(from..).and_then(|r| r.find('(')).map_or(s.len(), |i| from + i),
            under_at.filter(|&u| u > from).unwrap_or(s.len()),
            event_stop.filter(|&e| e > from).unwrap_or(s.len()),
        ];
        let mut end = stop.into_iter().min().unwrap_or(s.len());
        for m in RX.venue.find_iter(s.get(from..end).unwrap_or_default()) {
            let at = from + m.end();
            let r = s.get(at..).unwrap_or_default();
            if !is_meeting_kind(r) && is_venue_head(r) {
                let vend = s.get(at..end).and_then(|r| r.find([',', ';', '('])).map_or(end, |i| at + i);
                f.location = Some(participants::trim(s, at, vend));
                end = from + m.start();
                break;
            }
        }
        for (k, part) in s.get(from..end).unwrap_or_default().split(';').enumerate() {
            let off = part.as_ptr() as usize - s.as_ptr() as usize;
            // After ";", only another meeting ("…; Phiên họp UBND …").
            if k > 0 && !is_meeting_kind(part.trim_start()) {
                break;
            }
            // "Hội nghị X và Phiên họp Y": two events.
            let mut cuts: Vec<usize> = part
                .match_indices(" và ")
                .map(|(i, _)| i)
                .filter(|&i| part.get(i + " và ".len()..).is_some_and(is_meeting_kind))
                .collect();
            cuts.push(part.len());
            let mut a0 = 0;
            for c in cuts {
                let (a, b) = participants::trim(s, off + a0, off + c);
                if b > a {
                    f.events.push((a, b));
                }
                a0 = c + " và ".len();
            }
        }
    }
    f.bare_event = bare_event;
    // "UBND tỉnh tổ chức Hội nghị X. … chủ trì Hội nghị.": the bare word
    // refers back to the full name given earlier.
    if let [(a, b)] = f.events.as_slice()
        && s.get(*a..*b).is_some_and(|e| RX.meeting_kind.is(e))
        && let Some(full) = full_event(s, *a)
    {
        f.events = vec![full];
    }
    // Venue elsewhere ("Ngày …, tại Hội trường …, đồng chí … chủ trì").
    if f.location.is_none() {
        for m in RX.venue.find_iter(s) {
            let at = m.end();
            let r = s.get(at..).unwrap_or_default();
            if !is_meeting_kind(r) && is_venue_head(r) {
                let vend = venue_end(s, at);
                f.location = Some(participants::trim(s, at, vend));
                break;
            }
        }
    }
    // Absentees.
    let mut absent_until = 0;
    for m in RX.absent.find_iter(&low) {
        if m.start() < absent_until {
            continue;
        }
        // "<X> vắng mặt." names the absentee before the word.
        let after = s.get(m.end()..).unwrap_or_default().trim_start();
        // "… vắng mặt có lý do." : the reason after the word.
        let reason_len = vocab::ABSENCE_REASONS.iter().find(|r| after.starts_with(**r)).map_or(0, |r| r.len());
        let after_reason = after.get(reason_len..).unwrap_or_default().trim_start();
        if !m.as_str().contains(':')
            && !m.as_str().contains('(')
            && (after_reason.is_empty() || after_reason.starts_with(['.', ';', ',']))
        {
            let from = sentence_start(s, m.start());
            let from = s.get(from..m.start()).and_then(|t| t.rfind(';')).map_or(from, |i| from + i + 1);
            let reason_at = m.end() + (s.get(m.end()..).map_or(0, |r| r.len() - r.trim_start().len()));
            let reason = (reason_len > 0).then_some((reason_at, reason_at + reason_len));
            absent_until = reason.map_or(m.end(), |r| r.1);
            f.absentees.extend(
                absent_persons(s, from, m.start()).into_iter().map(|p| Person { reason: p.reason.or(reason), ..p }),
            );
            continue;
        }
        let open = m.as_str().trim_start().starts_with('(');
        let end = if open {
            s.get(m.end()..).and_then(|r| r.find(')')).map_or(s.len(), |i| m.end() + i)
        } else {
            sentence_end(s, m.end())
        };
        absent_until = end;
        // "Vắng mặt có lý do: …": the reason stands before the list.
        let reason =
            RX.absent.captures_at(&low, m.start()).and_then(|c| c.name("reason")).map(|r| (r.start(), r.end()));
        f.absentees
            .extend(absent_persons(s, m.end(), end).into_iter().map(|p| Person { reason: p.reason.or(reason), ..p }));
    }
    // Attendees.
    // Each list runs to the end of its sentence, and never past the next
    // cue (which also keeps the work linear when cues repeat).
    let cues = attendee_cues(s);
    for (k, &(_, cue_end)) in cues.iter().enumerate() {
        let next = cues.get(k + 1).map_or(s.len(), |n| n.0);
        let end = sentence_end(s.get(..next).unwrap_or(s), cue_end);
        // "…; vắng: đồng chí X" or "(vắng …)" ends the list of those present.
        let end = RX
            .absent
            .find_iter(low.get(cue_end..end).unwrap_or_default())
            .map(|a| (cue_end + a.start(), a.as_str().contains('(')))
            .find(|&(at, paren)| {
                paren || s.get(cue_end..at).is_some_and(|b| b.trim_end().ends_with([';', ',', '.', ':']))
            })
            .map_or(end, |(at, _)| at);
        f.attendees.extend(persons(s, cue_end, end));
    }
    f
}

/// The first fuller mention of an event before `before`: a meeting word
/// followed by words, up to the end of its sentence or its chair phrase.
fn full_event(s: &str, before: usize) -> Option<(usize, usize)> {
    let head = s.get(..before)?;
    for (from, _) in RX.meeting_kind.search_all(head, After::NotLetter) {
        // "…; cùng dự có …", "…, tham dự có …": those present are no event.
        let cue_at = attendee_cue(s, from).map_or(s.len(), |(start, _)| start);
        let stop = [
            cue_at,
            sentence_end(s, from),
            s.get(from..).and_then(|r| r.find(['(', ';'])).map_or(s.len(), |i| from + i),
            s.get(from..).and_then(|r| r.find(" do ")).map_or(s.len(), |i| from + i),
            s.get(from..).and_then(|r| r.find(" dưới sự chủ trì")).map_or(s.len(), |i| from + i),
        ];
        let end = stop.into_iter().min().unwrap_or(s.len()).min(before);
        let (a, b) = participants::trim(s, from, end);
        if s.get(a..b).is_some_and(|e| e.split_whitespace().count() > 2) {
            return Some((a, b));
        }
    }
    None
}

/// Where a venue that starts at `at` ends: at a comma, unless the venue
/// goes on ("phòng họp số 2, trụ sở UBND tỉnh").
/// After a venue and its comma, a body that houses it ("UBND huyện, ")
/// when a participant follows: the offset after its comma.
fn venue_body(s: &str, from: usize, limit: usize) -> Option<usize> {
    let r = s.get(from..limit)?;
    let body_end = crate::extract::bodies::scan(r, 0)?;
    // The body's name, then its comma.
    let comma = body_end
        + r.get(body_end..)?
            .find(|c: char| !c.is_whitespace())
            .filter(|&i| r.get(body_end + i..).is_some_and(|t| t.starts_with(',')))?;
    let after = from + comma + 1;
    let lead = s.get(after..).map_or(0, |t| t.len() - t.trim_start().len());
    let next = s.get(after + lead..limit)?;
    (participants::starts_participant(next, 0) && !crate::extract::bodies::starts_body(next, 0)).then_some(after + lead)
}

fn venue_end(s: &str, at: usize) -> usize {
    let mut end = at;
    loop {
        let r = s.get(end..).unwrap_or_default();
        let stop = vocab::VENUE_STOPS.iter().filter_map(|p| r.find(p)).min().map_or(s.len(), |i| end + i);
        let after = s.get(stop + 1..).unwrap_or_default().trim_start();
        let listed = s.get(at..).is_some_and(|v| v.starts_with("các ")) && after.starts_with(char::is_uppercase);
        if s.get(stop..).is_some_and(|x| x.starts_with(',')) && (RX.venue_cont.is_match(after) || listed) && stop > end
        {
            end = stop + 1;
            continue;
        }
        // "tại Phòng họp số 2, UBND huyện, đồng chí …".
        if s.get(stop..).is_some_and(|x| x.starts_with(','))
            && let Some(lead) = s.get(stop + 1..).map(|t| t.len() - t.trim_start().len())
            && let Some(skip) = venue_body(s, stop + 1 + lead, s.len())
        {
            // The end of the body, before its comma.
            return s.get(..skip).and_then(|h| h.rfind(',')).unwrap_or(stop).max(stop);
        }
        return stop;
    }
}

/// Where a chair phrase after "dưới sự chủ trì của" ends (`low` is `s` in
/// [`lower_case`], for the absence pattern).
fn chair_end(s: &str, low: &str, from: usize) -> usize {
    let se = sentence_end(s, from);
    // "… (vắng đồng chí X)" after the chair is not part of the chair.
    let se =
        RX.absent.find_at(low, from).filter(|m| m.start() < se && m.as_str().contains('(')).map_or(se, |m| m.start());
    let rest = s.get(from..se).unwrap_or_default();
    for (i, _) in rest.match_indices(',') {
        let after = rest.get(i + 1..).unwrap_or_default().trim_start();
        let continues = after.starts_with(char::is_uppercase)
            && (!crate::extract::bodies::starts_body(after, 0) || participants::starts_title(after, 0))
            || participants::starts_participant(after, 0) && after.starts_with("các đồng chí");
        if !continues {
            return from + i;
        }
    }
    se
}

/// Whether `s` ends with an attendee cue and a colon ("Tham dự Hội nghị
/// có:", "Thành phần:"): the list follows as items.
pub(crate) fn ends_with_attendee_cue(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(':') && attendee_cues(t).last().is_some_and(|&(_, end)| end >= t.len())
}

/// The participants of one item of an attendee list ("- Đồng chí X, Phó
/// Chủ tịch UBND huyện;").
pub(crate) fn listed(s: &str) -> Vec<Person> {
    persons(s, 0, s.len())
}

/// Absentees: as [`persons`], and a parenthesis at the end of an entry
/// ("…, Trưởng thôn Bản Mạ (ốm)") is the reason, whatever its words.
fn absent_persons(s: &str, a: usize, b: usize) -> Vec<Person> {
    persons(s, a, b)
        .into_iter()
        .map(|p| {
            if p.reason.is_some() {
                return p;
            }
            let t = s.get(p.start..p.end).unwrap_or_default();
            let open = t.rfind('(').filter(|&i| i > 0 && t.trim_end().ends_with(')'));
            match open {
                Some(i) => {
                    let inner_start = p.start + i + 1;
                    let inner_end = p.start + t.trim_end().len() - 1;
                    let (ra, rb) = participants::trim(s, inner_start, inner_end);
                    let (ea, eb) = participants::trim(s, p.start, p.start + i);
                    if rb <= ra || eb <= ea {
                        return p;
                    }
                    let q = participants::parse(s, ea, eb);
                    Person {
                        start: q.start,
                        end: q.end,
                        name: q.name,
                        titles: q.titles,
                        reason: Some((ra, rb)),
                        label: p.label,
                    }
                }
                None => p,
            }
        })
        .collect()
}

fn persons(s: &str, a: usize, b: usize) -> Vec<Person> {
    let mut out = Vec::new();
    let mut covered = 0;
    for (x, y) in participants::split_list(s, a, b) {
        if x < covered {
            continue;
        }
        // "lãnh đạo các Sở: Tài chính, Xây dựng" names two bodies.
        let text = s.get(x..y).unwrap_or_default();
        if let Some(colon) = text.find(':')
            && let Some(items) = crate::extract::bodies::expand_list(s, x, x + colon)
        {
            covered = items.last().map_or(covered, |it| it.1);
            out.extend(items.into_iter().map(|(i, j, label)| Person {
                start: i,
                end: j,
                name: None,
                titles: Vec::new(),
                reason: None,
                label: Some(label),
            }));
            continue;
        }
        out.push(participants::parse(s, x, y));
    }
    out
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    let rx = &*RX;
    for re in [&rx.chair, &rx.under, &rx.prefix, &rx.absent, &rx.venue] {
        LazyLock::force(re);
    }
    for m in [&rx.venue_cont, &rx.attendee_rest] {
        LazyLock::force(m);
    }
    LazyLock::force(&rx.venue_heads);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_venue_head` answers as the pattern it replaced, on what follows
    /// every "tại" and every white space of the fixture lines, and on
    /// made-up heads.
    #[test]
    fn venue_head_answers_as_the_pattern_did() {
        let old = compile_matcher(&format!(
            r"^(?:{}|\p{{Lu}}|(?:các\s+)?(?:xã|phường|thị trấn|thôn|bản|huyện|tỉnh|thành phố)\s+\p{{Lu}})",
            alternation(vocab::VENUE_HEADS)
        ));
        let made = [
            "xã Bình An",
            "xã  Bình An",
            "xã bình An",
            "xãBình",
            "các xã Đông",
            "các  thôn Tây",
            "cácxã Đông",
            "các Sở",
            "thị trấn Ba Tơ",
            "thị  trấn Ba",
            "thành phố Huế",
            "bản Mường",
            "phòng họp số 2",
            "phòng  họp",
            "hội trường",
            "nhà văn hoá",
            "nhà văn hóa xã",
            "điểm cầu",
            "trụ sở",
            "các",
            "xã",
            "xã ",
            "",
            "Ủy ban",
            "đình làng",
            "tỉnh\tQuảng Ngãi",
            "huyện\nBình Sơn",
            "ở xã Bình An",
        ];
        let lines = crate::patterns::tests::normalized_lines(&made);
        let mut seen = [0, 0];
        for line in lines.iter().map(String::as_str).chain(made) {
            let heads = line.match_indices(char::is_whitespace).map(|(i, c)| i + c.len());
            for r in heads.chain([0]).filter_map(|i| line.get(i..)) {
                let want = old.is_match(r);
                seen[usize::from(want)] += 1;
                assert_eq!(is_venue_head(r), want, "{r:?}");
            }
        }
        assert!(seen[0] > 1_000 && seen[1] > 1_000, "{seen:?}");
    }

    /// The word tables and the anchored pattern find the cues that one
    /// pattern found, on every fixture line and on lines made for the
    /// edges: cues that share words, a cue whose verb is past a ':' or a
    /// ';', separators before a cue, a colon after a comma. (The pattern
    /// of the colon cues had one space inside "Thành phần" and "Tham dự";
    /// like every other cue they now take any white space.)
    #[test]
    fn attendee_cues_are_found_as_by_one_pattern() {
        let rest = attendee_rest();
        let one = compile(&format!(
            r"(?:^|[\s.;,])(?:{}){}|(?:^|[\s.;])(?:{})\s*:\s*",
            alternation(vocab::ATTENDEE_CUES),
            rest.strip_prefix('^').unwrap_or(&rest),
            alternation(vocab::ATTENDEE_COLON_CUES)
        ));
        for cue in vocab::ATTENDEE_CUES {
            assert!(!cue.contains([':', ';']), "{cue}");
        }
        let texts = crate::patterns::tests::normalized_lines(&[
            "Dự họp có: các đồng chí A; Tham dự Hội nghị gồm các đại biểu: B",
            "Dự họp: A. Cùng dự buổi làm việc với đoàn có đồng chí C, tham dự có D",
            "Thành phần dự họp: A, Thành phần: B;Tham dự:C.Dự họp  :  D",
            "Thành  phần\ttham dự :A. Thành phần tham :B. Thành phần dự họp gồm:",
            "Tham dự Hội nghị năm: có A; Tham dự cuộc họp; có B; tham dự họp với các ngành gồm C",
            "xTham dự có A, Thành phần tham dự gồm:B cùng tham dự Hội thảo về có",
            "Dự họp họp có A Dự cuộc họp khác gồm B",
            "Dự họp với các ngành có A",
            "Tham dự\tcó\n:  các đồng chí :  A",
            "Tham dự có",
            "tham dự",
            ",Thành phần: A",
            "Thành phần:",
            "",
        ]);
        let mut found = 0;
        for t in &texts {
            let old: Vec<_> = one.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(attendee_cues(t), old, "{t:?}");
            for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)).step_by(9) {
                assert_eq!(attendee_cue(t, from), one.find_at(t, from).map(|m| (m.start(), m.end())), "{t:?} {from}");
            }
            found += old.len();
        }
        assert!(found > 20, "{found}");
    }

    fn texts(s: &str, v: &[Person]) -> Vec<String> {
        v.iter().map(|p| s[p.start..p.end].to_string()).collect()
    }

    #[test]
    fn meeting_forms() {
        let s = "Ngày 30/01/2024, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện cùng các đồng chí Phó Chủ tịch UBND huyện chủ trì Hội nghị tổng kết năm 2023; Phiên họp UBND huyện thường kỳ tháng 01/2024 (vắng đồng chí Trần Văn Bảo có lý do). Tham dự có đồng chí Lê Thị Cúc, Trưởng Ban Dân vận Huyện ủy; các đồng chí Ủy viên UBND huyện.";
        let f = read(s);
        assert_eq!(
            texts(s, &f.chairs),
            vec!["đồng chí Nguyễn Văn An, Chủ tịch UBND huyện", "các đồng chí Phó Chủ tịch UBND huyện"]
        );
        let ev: Vec<&str> = f.events.iter().map(|(a, b)| &s[*a..*b]).collect();
        assert_eq!(ev, vec!["Hội nghị tổng kết năm 2023", "Phiên họp UBND huyện thường kỳ tháng 01/2024"]);
        assert_eq!(texts(s, &f.absentees), vec!["đồng chí Trần Văn Bảo"]);
        assert_eq!(
            texts(s, &f.attendees),
            vec!["đồng chí Lê Thị Cúc, Trưởng Ban Dân vận Huyện ủy", "các đồng chí Ủy viên UBND huyện"]
        );
        assert_eq!(f.location, None);
    }

    #[test]
    fn venue_and_do_chu_tri() {
        let s = "Sáng ngày 17 tháng 6 năm 2025, tại Hội trường UBND tỉnh, đồng chí Hoàng Minh Đức, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tiến độ dự án. Dự họp có đại diện lãnh đạo các Sở: Tài chính, Xây dựng.";
        let f = read(s);
        assert_eq!(texts(s, &f.chairs), vec!["đồng chí Hoàng Minh Đức, Phó Chủ tịch UBND tỉnh"]);
        assert_eq!(f.location.map(|(a, b)| &s[a..b]), Some("Hội trường UBND tỉnh"));
        assert_eq!(texts(s, &f.attendees), vec!["Tài chính", "Xây dựng"]);
        let labels: Vec<_> = f.attendees.iter().map(|p| p.label.clone().unwrap_or_default()).collect();
        assert_eq!(labels, vec!["Sở Tài chính", "Sở Xây dựng"]);
        let s2 = "Ngày 8/4/2026, cuộc họp do đồng chí Vũ Văn Hải, Chủ tịch UBND xã chủ trì.";
        assert_eq!(texts(s2, &read(s2).chairs), vec!["đồng chí Vũ Văn Hải, Chủ tịch UBND xã"]);
    }
}
