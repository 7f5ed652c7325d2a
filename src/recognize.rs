//! Stage 3: recognition of the regions of the notice.
//!
//! The blocks are walked once, in order, and each one is given a
//! [`RegionKind`]: header (above the type line), title, subject, meeting
//! (the opening paragraphs up to the lead-in), assessment, tasks, closing,
//! recipients, signature, or other (page furniture and what nothing
//! recognises). The result names the blocks of each part for the extractors.

use crate::lexicon::{After, Lexicon};
use crate::model::RegionKind;
use crate::patterns::{
    Matcher, P, Regex, compile_lowered, compile_matcher, compile_matcher_lowered, is_notice_letter, labels, lower_case,
};
use crate::segment::{Block, BlockKind, is_caps_line};
use crate::vocab;
use std::sync::LazyLock;

struct Cues {
    lead_in: Lexicon,
    /// The lead-in phrases in all their forms (lower case), as the lexicon
    /// holds them.
    lead_in_forms: Vec<String>,
    closing: Lexicon,
    assessment: Lexicon,
    task_section: Lexicon,
    meeting_start: LazyLock<Matcher>,
    /// [`MEETING_START_WORDS`], in any case.
    meeting_start_words: Lexicon,
    /// [`vocab::MOTTO_CUES`] and [`vocab::HEADER_MARKS`], built on first
    /// need (see [`is_header_line`]).
    header_marks: LazyLock<Lexicon>,
    /// The motto lines, found after white space inside a line (a header
    /// whose two columns share a line).
    motto: Lexicon,
    conclusion_body: LazyLock<Matcher>,
    concludes: LazyLock<Regex>,
    directs: LazyLock<Regex>,
}

static C: LazyLock<Cues> = LazyLock::new(|| Cues {
    lead_in: Lexicon::caseless(vocab::LEAD_IN_CUES),
    lead_in_forms: vocab::LEAD_IN_CUES.iter().flat_map(|w| vocab::tone_variants(w)).map(|f| f.to_lowercase()).collect(),
    closing: Lexicon::new(vocab::CLOSING_CUES),
    assessment: Lexicon::caseless(vocab::ASSESSMENT_CUES),
    task_section: Lexicon::caseless(vocab::TASK_SECTION_CUES),
    meeting_start: LazyLock::new(|| {
        compile_matcher_lowered(concat!(
            r"(?i)^(?:(?:vào\s+)?(?:sáng|chiều|tối|trưa)?\s*(?:ngày|hôm)\s+[0-9]|tại\s+(?:phiên|cuộc|buổi|hội)|vào\s+lúc|",
            r"ngày\s+[0-9]|trong\s+(?:hai\s+)?ngày|thực hiện|căn cứ|theo\s+chương\s+trình)"
        ))
    }),
    meeting_start_words: Lexicon::caseless(MEETING_START_WORDS),
    header_marks: LazyLock::new(|| Lexicon::new(&[vocab::MOTTO_CUES, vocab::HEADER_MARKS].concat())),
    motto: Lexicon::new(vocab::MOTTO_CUES),
    conclusion_body: LazyLock::new(|| compile_matcher(r"(?i)kết luận")),
    concludes: LazyLock::new(|| compile_lowered(CONCLUDES)),
    directs: LazyLock::new(|| compile_lowered(DIRECTS)),
});

/// The words that every start of a meeting paragraph ([`Cues::meeting_start`])
/// opens with, after white space.
const MEETING_START_WORDS: &[&str] =
    &["vào", "sáng", "chiều", "tối", "trưa", "ngày", "hôm", "tại", "trong", "thực", "căn", "theo"];

/// Whether `s` starts as a meeting paragraph does ("Ngày 30/01/2024, …",
/// "Chiều ngày …", "Thực hiện Chương trình công tác …"). Its first word is
/// looked up first, so that a subject line never needs the pattern.
fn starts_meeting(s: &str) -> bool {
    C.meeting_start_words.find(s.trim_start(), After::Any).is_some() && C.meeting_start.is_match(&lower_case(s))
}

/// The blocks of each part, by index.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub kinds: Vec<Option<RegionKind>>,
    pub header: Vec<usize>,
    pub title: Option<usize>,
    pub subject: Vec<usize>,
    pub meeting: Vec<usize>,
    pub assessment_head: Option<usize>,
    pub assessment: Vec<usize>,
    pub tasks_head: Option<usize>,
    pub tasks: Vec<usize>,
    pub closing: Vec<usize>,
    pub recipients: Vec<usize>,
    pub signature: Vec<usize>,
}

/// The Roman label and the rest of a section heading ("II. Nhiệm vụ").
pub(crate) fn roman_heading(s: &str) -> Option<(String, String)> {
    let (label, rest) = roman_parts(s)?;
    Some((label.to_string(), rest.to_string()))
}

/// The Roman label of a section heading and the rest of its line after
/// white space, when that rest holds no line break (see
/// [`labels::rest_of_line`]).
fn roman_parts(s: &str) -> Option<(&str, &str)> {
    let lead = labels::roman(s)?;
    let rest = labels::rest_of_line(s, &lead)?;
    Some((s.get(lead.label)?, s.get(rest..)?))
}

/// An Arabic label of one or two digits and the rest of its line, as
/// [`roman_parts`] reads a Roman one ("1. Đánh giá chung").
fn arabic_parts(s: &str) -> Option<(&str, &str)> {
    let lead = labels::number(s).filter(|l| l.label.len() <= 2)?;
    let rest = labels::rest_of_line(s, &lead)?;
    Some((s.get(lead.label)?, s.get(rest..)?))
}

/// Whether `s` is a Roman section heading (see [`roman_heading`]), without
/// taking its parts.
fn is_roman_heading(s: &str) -> bool {
    roman_parts(s).is_some()
}

/// The label and heading of a section head block: a Roman heading ("II.
/// Nhiệm vụ"), a Markdown heading, or an Arabic "1." item (as in "1. Đánh
/// giá chung").
pub(crate) fn section_heading(b: &Block) -> (Option<String>, String) {
    let s = b.str();
    if let Some((l, h)) = roman_heading(s) {
        return (Some(l), h);
    }
    if let Some(crate::segment::Marker::Ordered(d)) = &b.marker {
        return (Some(d.clone()), s.to_string());
    }
    if let Some((l, h)) = arabic_parts(s) {
        return (Some(l.to_string()), h.to_string());
    }
    (None, s.to_string())
}

/// Where the closing sentence shows in `s`: a closing cue ("Trên đây là",
/// "Nay thông báo") at the start or after white space (the offset of
/// that white space), or the closing mark "./." at the end.
fn closing_at(s: &str) -> Option<usize> {
    // Only a byte that starts a phrase can start a cue: the other places
    // need no look at the character before them.
    let cue = s.bytes().enumerate().find_map(|(i, b)| {
        if !C.closing.starts_byte(b) {
            return None;
        }
        let at = match s.get(..i)?.chars().next_back() {
            None => 0,
            Some(p) if p.is_whitespace() => i - p.len_utf8(),
            Some(_) => return None,
        };
        C.closing.find(s.get(i..)?, After::Any).map(|_| at)
    });
    let t = s.trim_end();
    let mark = t.strip_suffix("./.").map(str::len);
    match (cue, mark) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Whether an assessment cue ("Đánh giá", "Kết quả đạt được") starts `s`.
fn starts_assessment(s: &str) -> bool {
    C.assessment.find(s, After::Any).is_some()
}

/// Whether `s` names the tasks ("nhiệm vụ", "tổ chức thực hiện") anywhere.
fn names_tasks(s: &str) -> bool {
    C.task_section.search(s, 0, After::Any).is_some()
}

/// Whether the block is an Arabic item headed as the assessment ("1. Đánh
/// giá chung"), which opens the assessment section where no Roman level exists.
fn is_arabic_assessment(b: &Block) -> bool {
    let arabic = matches!(&b.marker, Some(crate::segment::Marker::Ordered(_))) || arabic_parts(b.str()).is_some();
    if !arabic {
        return false;
    }
    let (label, heading) = section_heading(b);
    label.as_deref() == Some("1")
        && heading.chars().count() < 80
        && starts_assessment(heading.trim())
        && !names_tasks(&heading)
}

/// Whether `s` reads as a lead-in to the conclusions ("… kết luận như sau:").
pub(crate) fn is_lead_in(s: &str) -> bool {
    // "… kết luận như sau:": a cue, then the colon that ends the text.
    // A text that ends with a phrase as written ("… kết luận như sau") needs
    // no search of its last words.
    s.trim_end()
        .strip_suffix(':')
        .map(str::trim_end)
        .is_some_and(|t| C.lead_in_forms.iter().any(|f| t.ends_with(f.as_str())) || C.lead_in.ends(t))
}

/// Whether the line opens the closing sentence ("Nay thông báo …", "UBND
/// tỉnh thông báo để …").
pub(crate) fn opens_closing(s: &str) -> bool {
    closing_at(s).is_some_and(|at| at < 60 && !s.contains(" kết luận như sau"))
}

/// The words of a lead-in that has someone conclude, and at most how many
/// characters stand between them and its final colon.
const CONCLUDES: &str = r"(?i)kết\s+luận";
const CONCLUDES_GAP_CHARS: usize = 60;

/// The words of a lead-in that gives directions (see [`CONCLUDES`]).
const DIRECTS: &str = r"(?i)ý\s+kiến\s+chỉ\s+đạo";
const DIRECTS_GAP_CHARS: usize = 40;

/// Whether a lead-in has someone conclude: "kết luận" in its last clause,
/// just before the colon ("… kết luận như sau:", "… kết luận một số nội
/// dung sau:").
pub(crate) fn concludes(s: &str) -> bool {
    leads_to_final_colon(s, &C.concludes, CONCLUDES_GAP_CHARS)
}

/// Whether a lead-in gives directions: "… có ý kiến chỉ đạo như sau:".
pub(crate) fn directs(s: &str) -> bool {
    leads_to_final_colon(s, &C.directs, DIRECTS_GAP_CHARS)
}

/// Whether `s` ends with a colon (then only white space) that `words` lead
/// up to: the words, at most `max` characters none of which is `,` `.` `;`
/// or `:`, then the colon. What `words[^,.;:]{0,max}:\s*$` matches, the gap
/// walked back from the colon rather than counted by the lazy DFA (see
/// [`crate::patterns::gap_ends`]).
fn leads_to_final_colon(s: &str, words: &Regex, max: usize) -> bool {
    let t = s.trim_end_matches(crate::patterns::is_pattern_space);
    let Some(body) = t.strip_suffix(':') else { return false };
    // The gap holds no stop, and neither do the words: both lie after the
    // last stop before the colon.
    let clause = body.get(body.rfind([',', '.', ';', ':']).map_or(0, |i| i + 1)..).unwrap_or_default();
    // `words` reads the clause in lower case, at the same offsets.
    words.find_iter(&lower_case(clause)).any(|m| clause.get(m.end()..).is_some_and(|gap| gap.chars().count() <= max))
}

pub(crate) fn mentions_conclusion(s: &str) -> bool {
    C.conclusion_body.is_match(s)
}

fn is_furniture(b: &Block) -> bool {
    // A table cell is never page furniture ("1" in a "TT" column).
    if b.cell.is_some() && b.kind != BlockKind::Rule {
        return false;
    }
    let s = b.str();
    b.kind == BlockKind::Rule
        || (b.kind == BlockKind::Html && s.starts_with("<!--"))
        || P.is_furniture(s)
        || P.is_rule_line(s)
}

/// Whether the line opens as only a header line does: the motto or a mark
/// of [`vocab::HEADER_MARKS`], a subject mark of [`vocab::SUBJECT_MARKS`]
/// (a whole word), the address [`vocab::ADDRESS_MARK`], or a run of "*"
/// alone. A walk rather than the pattern it was, whose letter class cost
/// most notices a compile.
fn is_header_line(s: &str) -> bool {
    let word_ends = |r: &str| r.chars().next().is_none_or(|c| !is_notice_letter(c));
    vocab::SUBJECT_MARKS.iter().any(|m| s.strip_prefix(m).is_some_and(word_ends))
        || s.starts_with(vocab::ADDRESS_MARK)
        || !s.is_empty() && s.bytes().all(|b| b == b'*')
        || C.header_marks.find(s, After::Any).is_some()
}

fn is_header_like(b: &Block) -> bool {
    let s = b.str();
    b.kind == BlockKind::Cell
        || is_caps_line(s)
        || P.is_number_line(s)
        || P.is_date_line(s)
        || is_header_line(s)
        || motto_after_space(s)
        || s.contains(" | ")
        || s.starts_with('|')
}

/// Whether a motto line starts after a white space character of `s`
/// (what `\s(?:MOTTO_CUES)` finds; a test keeps the pattern). A word
/// table, not a pattern: an unanchored alternation of the motto keeps
/// hundreds of kilobytes of automaton states for each thread.
fn motto_after_space(s: &str) -> bool {
    C.motto.after_white_space(s).is_some()
}

/// Gives every block its region and collects the parts.
pub(crate) fn recognize(blocks: &[Block]) -> Layout {
    let n = blocks.len();
    let mut l = Layout { kinds: vec![None; n], ..Layout::default() };
    let empty = Block::new(BlockKind::Paragraph, 0);
    let blk = |i: usize| blocks.get(i).unwrap_or(&empty);
    let text = |i: usize| blk(i).str();
    let content: Vec<usize> = (0..n).filter(|&i| blocks.get(i).is_some_and(|b| !is_furniture(b))).collect();

    // The type line, and the recipients head after it.
    let title = content.iter().copied().find(|&i| P.is_doc_type_line(text(i)));
    l.title = title;
    let body_from = title.map_or(0, |t| t + 1);
    let recipients_head = content.iter().copied().find(|&i| i >= body_from && P.is_recipients_head(text(i)));

    // Header: blocks above the type line, or the header-like blocks at the
    // top of a document without one.
    let header_end = match title {
        Some(t) => t,
        None => {
            let mut end = 0;
            for &i in &content {
                if blocks.get(i).is_some_and(is_header_like)
                    && !P.is_signature_mark(text(i))
                    && !P.is_recipients_head(text(i))
                {
                    end = i + 1;
                } else {
                    break;
                }
            }
            end
        }
    };
    for &i in content.iter().filter(|&&i| i < header_end) {
        if blocks.get(i).is_some_and(is_header_like) {
            l.header.push(i);
            set(&mut l, i, RegionKind::Header);
        }
    }
    if let Some(t) = title {
        set(&mut l, t, RegionKind::Title);
    }

    // Where the body ends: the recipients or the first signature mark.
    let mut rest: Vec<usize> = content.iter().copied().filter(|&i| i >= header_end.max(body_from)).collect();
    // A signing block may stand above "Nơi nhận" (its column read first).
    let first_mark = rest.iter().copied().find(|&i| P.is_signature_mark(text(i)) && blk(i).marker.is_none());
    let body_end = match (recipients_head, first_mark) {
        (Some(r), Some(m)) => r.min(m),
        (r, m) => r.or(m).unwrap_or(n),
    };
    rest.retain(|&i| i < body_end);

    // Subject: the block(s) right under the type line.
    let mut k = 0;
    if title.is_some() {
        while let Some(&i) = rest.get(k) {
            let b = blk(i);
            let first = k == 0;
            // A bold line after a bold subject line, or a lower-case line right
            // after the first ("KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY" / "tại buổi
            // làm việc …"): the subject goes on. A meeting paragraph starts
            // with a capital.
            let cont = !first
                && ((b.strong && rest.get(k - 1).is_some_and(|&p| blk(p).strong))
                    || (k == 1 && b.marker.is_none() && b.str().starts_with(char::is_lowercase)));
            if (first && !starts_meeting(b.str()) && b.marker.is_none() && !P.is_item_label(b.str())) || cont {
                l.subject.push(i);
                set(&mut l, i, RegionKind::Subject);
                k += 1;
            } else {
                break;
            }
        }
    } else {
        // A công văn carries its subject in the header ("V/v …").
        l.subject
            .extend(l.header.iter().copied().filter(|&i| text(i).starts_with("V/v") || text(i).starts_with("Về việc")));
    }
    let body: Vec<usize> = rest.get(k..).unwrap_or_default().to_vec();

    // Closing: the last body block when it reads as one.
    let mut body_stop = body.len();
    while let Some(&i) = body_stop.checked_sub(1).and_then(|k| body.get(k)) {
        let s = text(i);
        if (closing_at(s).is_some() && blk(i).marker.is_none() && !P.is_item_label(s)) || s == "./." {
            l.closing.insert(0, i);
            set(&mut l, i, RegionKind::Closing);
            body_stop -= 1;
        } else {
            break;
        }
    }
    let body = body.get(..body_stop).unwrap_or_default();

    // Meeting: the opening paragraphs up to the lead-in.
    let mut first_item = body.iter().position(|&i| is_item_or_heading(blk(i)));
    // "Tham dự Hội nghị có:" over bulleted attendees: the bullets belong to
    // the meeting when the lead-in comes after them.
    if let Some(f) = first_item
        && f > 0
        && body.get(f - 1).is_some_and(|&i| crate::extract::meeting::ends_with_attendee_cue(text(i)))
    {
        let bullets = body.iter().skip(f).take_while(|&&i| blk(i).is_bullet()).count();
        let after = f + bullets;
        let lead = body.iter().skip(after).take(4).position(|&i| is_lead_in(text(i)));
        if bullets > 0
            && let Some(p) = lead
            && body.iter().skip(after).take(p).all(|&i| !is_item_or_heading(blk(i)))
        {
            first_item = Some(after + p + 1);
        }
    }
    let lead_in = body.iter().take(first_item.unwrap_or(body.len()).max(1)).position(|&i| is_lead_in(text(i)));
    let meeting_len = match lead_in {
        Some(p) => p + 1,
        None => body
            .iter()
            .take(first_item.unwrap_or(0))
            .take_while(|&&i| starts_meeting(text(i)) || mentions_conclusion(text(i)))
            .count(),
    };
    for &i in body.iter().take(meeting_len) {
        l.meeting.push(i);
        set(&mut l, i, RegionKind::Meeting);
    }
    let sections = body.get(meeting_len..).unwrap_or_default();

    // Sections: Roman headings (or Markdown headings) split the rest; the
    // assessment is the section so headed, or the unnumbered opening
    // paragraphs that read as one.
    let mut current = RegionKind::Tasks;
    let mut seen_item = false;
    // Whether the assessment head, once found, is an Arabic item.
    let mut arabic_head = false;
    for (pos, &i) in sections.iter().enumerate() {
        let b = blk(i);
        let s = b.str();
        let arabic_assessment = l.assessment_head.is_none() && !seen_item && is_arabic_assessment(b);
        let head = b.kind == BlockKind::Heading || (b.marker.is_none() && is_roman_heading(s)) || arabic_assessment;
        if head {
            let heading = section_heading(b).1;
            let assess = starts_assessment(heading.trim()) && !names_tasks(&heading);
            if assess && l.assessment_head.is_none() && !seen_item {
                l.assessment_head = Some(i);
                arabic_head = is_arabic_assessment(b);
                current = RegionKind::Assessment;
            } else {
                // "### 1. Phòng Nội vụ": a numbered heading that names no
                // section is an item.
                let item_heading = b.kind == BlockKind::Heading
                    && P.is_item_label(s)
                    && !is_roman_heading(s)
                    && !names_tasks(&heading);
                if l.tasks_head.is_none() && !item_heading {
                    l.tasks_head = Some(i);
                } else {
                    l.tasks.push(i);
                }
                current = RegionKind::Tasks;
            }
            set(&mut l, i, current);
            continue;
        }
        if pos == 0 && l.assessment_head.is_none() && !is_item_or_heading(b) && starts_assessment(s) {
            current = RegionKind::Assessment;
        }
        if current == RegionKind::Assessment && is_item_or_heading(b) && (l.assessment_head.is_none() || arabic_head) {
            current = RegionKind::Tasks;
        }
        if current == RegionKind::Assessment {
            l.assessment.push(i);
        } else {
            seen_item |= is_item_or_heading(b);
            l.tasks.push(i);
        }
        set(&mut l, i, current);
    }

    // Two Roman sections that both hold items ("I. Nhiệm vụ chung", "II.
    // Nhiệm vụ cụ thể"): they are tasks, not one tasks section's heading.
    if let Some(h) = l.tasks_head
        && blk(h).kind != BlockKind::Heading
        && is_roman_heading(text(h))
    {
        let is_roman = |i: usize| blk(i).marker.is_none() && is_roman_heading(text(i));
        // One pass: whether the head's section and any later Roman section
        // hold items.
        let mut holding = [false, false];
        let mut section = 0;
        for &i in &l.tasks {
            if is_roman(i) {
                section = 1;
            } else if is_item_or_heading(blk(i))
                && let Some(slot) = holding.get_mut(section)
            {
                *slot = true;
            }
        }
        if holding == [true, true] {
            l.tasks.insert(0, h);
            l.tasks_head = None;
        }
    }

    // Recipients: the head and the entries after it, through "Lưu".
    if let Some(h) = recipients_head {
        l.recipients.push(h);
        set(&mut l, h, RegionKind::Recipients);
        let after: Vec<usize> = content.iter().copied().filter(|&i| i > h).collect();
        let sig_line = |i: usize| {
            let s = text(i);
            P.is_signature_mark(s) || (is_caps_line(s) && blk(i).marker.is_none() && !s.starts_with('-'))
        };
        let entry = |i: usize| {
            let s = text(i);
            blk(i).marker.is_some() || s.starts_with(['-', '+', '•']) || is_archive(s)
        };
        for (k, &i) in after.iter().enumerate() {
            let b = blk(i);
            let s = b.str();
            if b.cell.is_some_and(|(_, col)| col >= 1) {
                // The right column of a footer table: the signature.
                l.signature.push(i);
                set(&mut l, i, RegionKind::Signature);
                continue;
            }
            if sig_line(i) {
                // A PDF that interleaves the columns line by line ("Nơi
                // nhận:" / "KT. GIÁM ĐỐC" / "- UBND tỉnh;" / "PHÓ GIÁM ĐỐC"):
                // the signature lines between entries go to the signature.
                let interleaved = after.iter().skip(k + 1).take(3).find(|&&j| !sig_line(j)).is_some_and(|&j| entry(j));
                if interleaved {
                    l.signature.push(i);
                    set(&mut l, i, RegionKind::Signature);
                    continue;
                }
                break;
            }
            if b.marker.is_none()
                && !s.starts_with('-')
                && !s.starts_with('+')
                && !l.recipients.is_empty()
                && l.recipients.len() > 1
            {
                let prev_archive = l.recipients.last().is_some_and(|&p| is_archive(text(p)));
                if prev_archive {
                    break;
                }
            }
            l.recipients.push(i);
            set(&mut l, i, RegionKind::Recipients);
            if is_archive(s) {
                break;
            }
        }
    }

    // Signature: what follows the recipients (or the closing), and a
    // signing block written before the recipients.
    let sig_from = l.recipients.last().copied().map_or_else(|| l.closing.last().map_or(body_end, |c| c + 1), |r| r + 1);
    let free: Vec<usize> = content
        .iter()
        .copied()
        .filter(|&i| i >= sig_from.min(body_end) && l.kinds.get(i).copied().flatten().is_none())
        .collect();
    for i in free {
        l.signature.push(i);
        set(&mut l, i, RegionKind::Signature);
    }

    // Rules take the region of the block before them; furniture is other.
    let mut prev = None;
    for (i, slot) in l.kinds.iter_mut().enumerate() {
        if slot.is_none() {
            let rule = blk(i).kind == BlockKind::Rule || P.is_rule_line(text(i));
            *slot = Some(if rule { prev.unwrap_or(RegionKind::Other) } else { RegionKind::Other });
        }
        prev = *slot;
    }
    l
}

/// Whether the recipient entry is the archive line ("Lưu: VT, TH.").
pub(crate) fn is_archive(s: &str) -> bool {
    let s = s.trim_start_matches(['-', ' ', '+']);
    // "Lưu Quốc Trung": a name, unless a colon makes it the archive line.
    if !s.contains(':') && crate::extract::signature::is_name(s.trim().trim_end_matches('.')) {
        return false;
    }
    vocab::ARCHIVE_CUES
        .iter()
        .any(|c| s.strip_prefix(c).is_some_and(|r| r.starts_with([':', ' ', '\u{a0}']) || r.is_empty()))
}

fn is_item_or_heading(b: &Block) -> bool {
    b.marker.is_some() || b.kind == BlockKind::Heading || P.is_item_label(b.str())
}

fn set(l: &mut Layout, i: usize, k: RegionKind) {
    if let Some(slot) = l.kinds.get_mut(i) {
        *slot = Some(k);
    }
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    let rx = &*C;
    for re in [&rx.concludes, &rx.directs] {
        LazyLock::force(re);
    }
    LazyLock::force(&rx.header_marks);
    for m in [&rx.meeting_start, &rx.conclusion_body] {
        LazyLock::force(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::alternation;

    /// The Roman and Arabic heading walks read
    /// [`labels::tests::label_texts`] as the patterns they replaced did.
    #[test]
    fn heading_walks_read_as_the_patterns() {
        let roman = crate::patterns::compile(r"^([IVXLC]{1,6})\s*[.\-)]\s+(.*)$");
        let arabic = crate::patterns::compile(r"^([0-9]{1,2})[.)\-]\s+(.*)$");
        fn by<'t>(re: &Regex, t: &'t str) -> Option<(&'t str, &'t str)> {
            let c = re.captures(t)?;
            Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
        }
        let texts = labels::tests::label_texts();
        let (mut romans, mut arabics) = (0, 0);
        for t in &texts {
            let (r, a) = (by(&roman, t), by(&arabic, t));
            assert_eq!(roman_parts(t), r, "{t:?}");
            assert_eq!(arabic_parts(t), a, "{t:?}");
            romans += usize::from(r.is_some());
            arabics += usize::from(a.is_some());
        }
        assert!(romans > 50 && arabics > 50, "{romans} {arabics}");
    }

    /// `is_header_line` answers as the pattern it replaced, on every
    /// fixture line and on made-up lines.
    #[test]
    fn header_line_answers_as_the_pattern_did() {
        let old = compile_matcher(&format!(
            r"^(?:{}|V/v(?:[^\p{{L}}]|$)|Về việc(?:[^\p{{L}}]|$)|Kính gửi|\*+$)",
            alternation(&[vocab::MOTTO_CUES, vocab::HEADER_MARKS].concat()),
        ));
        let made = [
            "V/v tổ chức",
            "V/v",
            "V/vận",
            "V/v.",
            "Về việc",
            "Về việcx",
            "Về  việc",
            "Về việc: x",
            "Kính gửi:",
            "Kính gửii",
            "***",
            "*",
            "** x",
            "",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG  HOÀ XÃ",
            "Độc lập - Tự do",
            "DỰ THẢO",
            "Dự thảo 2",
            "KHẨN",
            "V/vĐ",
            "V/v1",
        ];
        let lines = crate::patterns::tests::normalized_lines(&made);
        let mut seen = [0, 0];
        for line in lines.iter().map(String::as_str).chain(made) {
            let want = old.is_match(line);
            seen[usize::from(want)] += 1;
            assert_eq!(is_header_line(line), want, "{line:?}");
        }
        assert!(seen[0] > 1_000 && seen[1] > 30, "{seen:?}");
    }

    /// The first words of a meeting paragraph hide none: wherever the
    /// pattern matches a fixture line or a line made for it, the words are
    /// there; a subject line is turned away by them.
    #[test]
    fn meeting_start_words_never_hide_a_start() {
        let lines = crate::patterns::tests::gate_texts(&[
            "  ngày 5/2/2024",
            "Sángngày 5",
            "\tHôm 3",
            "Vào lúc 8 giờ",
            "TẠI PHIÊN HỌP",
            "trong hai ngày 3 và 4",
            "Căn cứ Kế hoạch",
            "Theo chương trình",
        ]);
        let first_word = |l: &str| C.meeting_start_words.find(l.trim_start(), After::Any).is_some();
        let matched =
            crate::patterns::tests::gate_hides_none(&lines, |l| C.meeting_start.is_match(&lower_case(l)), first_word);
        assert!(matched > 20, "{matched}");
        assert!(C.meeting_start_words.find("Kết luận của đồng chí Chủ tịch", After::Any).is_none());
    }

    /// The motto after white space is found where the pattern it replaced
    /// found it, on every fixture line and on lines made for the edges.
    #[test]
    fn motto_after_space_as_the_pattern_did() {
        let one = crate::patterns::compile_matcher(&format!(r"\s(?:{})", alternation(vocab::MOTTO_CUES)));
        let mut lines = crate::patterns::fixture_lines();
        lines.extend(
            [
                "UBND HUYỆN X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "VĂN PHÒNG\tĐộc lập - Tự do - Hạnh phúc",
                "a  CỘNG  HOÀ XÃ\tHỘI CHỦ NGHĨA VIỆT NAMx",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "a CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
                "aĐộc lập",
                "a độc lập",
                "a Độc lập",
                "x ĐẢNG CỘNG SẢN VIỆT NAM",
                " ",
                "",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for l in &lines {
            let old = one.is_match(l);
            assert_eq!(motto_after_space(l), old, "{l:?}");
            found += usize::from(old);
        }
        assert!(found > 5, "{found}");
    }

    #[test]
    fn final_colons_are_found_as_by_one_pattern() {
        let concludes_one = crate::patterns::compile_matcher(r"(?i)kết\s+luận[^,.;:]{0,60}:\s*$");
        let directs_one = crate::patterns::compile_matcher(r"(?i)ý\s+kiến\s+chỉ\s+đạo[^,.;:]{0,40}:\s*$");
        let mut texts = crate::patterns::fixture_lines();
        texts.extend(crate::patterns::tests::gap_lines(
            &[
                "Đồng chí Chủ tịch kết luận",
                "KẾT LUẬN",
                "kết  luận",
                "Ý KIẾN CHỈ ĐẠO",
                "có ý kiến chỉ đạo",
                "ý, kết luận",
            ],
            &["ư", " ", ",", ".", ":"],
            &[":", ": ", ":\t\n", ":x", "", ": \u{a0}"],
            60,
        ));
        texts.extend(crate::patterns::tests::gap_lines(&["ý kiến chỉ đạo"], &["a"], &[":"], 40));
        let (mut yes_c, mut yes_d) = (0, 0);
        for t in &texts {
            let want = concludes_one.is_match(t);
            assert_eq!(concludes(t), want, "concludes {t:?}");
            yes_c += usize::from(want);
            let want = directs_one.is_match(t);
            assert_eq!(directs(t), want, "directs {t:?}");
            yes_d += usize::from(want);
        }
        assert!(yes_c > 20 && yes_d > 10, "{yes_c} {yes_d}");
    }

    #[test]
    fn roman_heading_check_agrees_with_its_reading() {
        let mut romans = 0;
        for t in &crate::patterns::gates::tests::samples() {
            assert_eq!(is_roman_heading(t), roman_heading(t).is_some(), "roman {t:?}");
            romans += usize::from(is_roman_heading(t));
        }
        assert!(romans > 3, "{romans}");
    }

    #[test]
    fn lead_ins_end_with_a_cue() {
        assert!(is_lead_in("Chủ tịch UBND tỉnh kết luận như sau:"));
        assert!(is_lead_in("ĐỒNG CHÍ CHỦ TRÌ KẾT LUẬN NHƯ SAU :"));
        assert!(is_lead_in("Đồng chí Bí thư kết luận một số nội dung sau:"));
        assert!(!is_lead_in("Tham dự Hội nghị có:"));
        assert!(!is_lead_in("kết luận như sau"));
    }
}
