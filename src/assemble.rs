//! Stage 5: the typed model, assembled from the regions and the extracted
//! fields, with every span mapped back to the original input.

use crate::extract::{
    bodies, dates, deadlines, header, meeting, participants, recipients, references, signature, tasks,
};
use crate::lexicon::Lexicon;
use crate::model::*;
use crate::normalize::SourceMap;
use crate::patterns::{
    Matcher, P, Regex, compile, compile_lowered, compile_matcher, compile_matcher_lowered, lower_case,
};
use crate::recognize::{self, Layout};
use crate::segment::{Block, Text};
use crate::vocab;
use std::sync::LazyLock;

static CONCLUDER: LazyLock<Regex> = LazyLock::new(|| {
    compile_lowered(r"(?i)^(?:thông báo\s+)?(?:ý kiến\s+)?(?:kết luận|chỉ đạo)\s+(?:và chỉ đạo\s+)?của\s+")
});
static CONCLUDER_END: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::caseless(vocab::CONCLUDER_ENDS));
static LEAD_IN_PERSON: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:\s+đã)?(?:\s+có)?(?:\s+ý\s+kiến)?\s+kết\s+luận"));
/// A label with no text ("1." in an empty draft).
static BARE_LABEL: LazyLock<Matcher> =
    LazyLock::new(|| compile_matcher(r"^\(?(?:[0-9]{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]?$"));
/// Whether the text before a colon opens a list of bodies ("các Sở: Tài
/// chính, Xây dựng"): it ends with [`vocab::PLURAL_MARKER`] in any case,
/// white space and one word (what `(?i)các\s+\S+$` matched).
fn list_colon(before: &str) -> bool {
    use crate::patterns::is_pattern_space;
    // Up to the last word: empty, or ending in white space.
    let word = before.trim_end_matches(|c| !is_pattern_space(c));
    if word.len() == before.len() {
        return false;
    }
    let opener = word.trim_end_matches(is_pattern_space);
    let n = vocab::PLURAL_MARKER.chars().count();
    let tail = opener.chars().rev().take(n).collect::<Vec<_>>();
    tail.len() == n && tail.iter().rev().flat_map(|c| c.to_lowercase()).eq(vocab::PLURAL_MARKER.chars())
}
/// What follows a list colon: names separated by commas, the first one a
/// capital and at most this many more characters before its comma.
const LIST_NAME_CHARS: usize = 40;

/// Whether `s` (after a list colon) starts with a name and a comma: a
/// capital, then a comma within [`LIST_NAME_CHARS`] characters and before
/// any `:` or `;` (what `^\s*\p{Lu}[^,:;]{0,40},` matches, without the
/// counting states of a bounded gap; see [`crate::patterns::gap_ends`]).
fn list_after(s: &str) -> bool {
    let mut chars = s.trim_start_matches(crate::patterns::is_pattern_space).chars();
    chars.next().is_some_and(crate::patterns::is_notice_capital)
        && chars.take(LIST_NAME_CHARS + 1).find(|c| matches!(c, ',' | ':' | ';')) == Some(',')
}
/// "tại <meeting>" in a subject, in any case, after white space: "tại"
/// and each meeting word.
static SUBJECT_EVENT: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrases: Vec<String> = vocab::MEETING_KINDS.iter().map(|k| format!("tại {k}")).collect();
    Lexicon::caseless(&phrases.iter().map(String::as_str).collect::<Vec<_>>())
});
static SUBJECT_DIRECTION: LazyLock<Matcher> =
    LazyLock::new(|| compile_matcher_lowered(r"(?i)^(?:thông báo\s+)?ý\s+kiến\s+chỉ\s+đạo\s+của"));
static SUBJECT_CONCLUSION: LazyLock<Matcher> =
    LazyLock::new(|| compile_matcher_lowered(r"(?i)^(?:thông báo\s+)?(?:ý kiến\s+)?kết luận"));

struct Ctx<'a> {
    map: &'a SourceMap,
    diags: Vec<Diagnostic>,
    /// Whether Roman sections are part of task ids: when two or more of
    /// them hold tasks, their items' numbers repeat ("I.1", "II.1").
    roman_in_ids: bool,
}

impl Ctx<'_> {
    fn span(&self, t: &Text, a: usize, b: usize) -> Span {
        self.map.span(t.src_start(a), t.src_end(b))
    }

    fn diag(&mut self, severity: Severity, code: Code, message: String, span: Option<Span>) {
        self.diags.push(Diagnostic { severity, code, message, span });
    }
}

/// Builds the notice from the blocks and their layout.
pub(crate) fn assemble(
    original: &str,
    norm: &str,
    map: &SourceMap,
    blocks: &[Block],
    layout: &Layout,
    joined: &[usize],
    max_depth: usize,
) -> Notice {
    let mut cx = Ctx { map, diags: Vec::new(), roman_in_ids: false };
    if let Some((code, message)) = crate::quality::assess(norm) {
        return unreadable(original, map, blocks, code, message);
    }
    let text = |i: usize| blocks.get(i).map_or("", Block::str);

    // Header.
    let mut lines = Vec::new();
    for &i in &layout.header {
        let Some(b) = blocks.get(i) else { continue };
        for (a, e) in b.text.line_ranges() {
            let l = b.str().get(a..e).unwrap_or_default();
            if let Some((_, col)) = b.cell {
                match l.find(" V/v ") {
                    Some(i) => {
                        lines.push(header::Line { text: l.get(..i).unwrap_or(l), col: col.min(1) });
                        lines.push(header::Line { text: l.get(i + 1..).unwrap_or_default(), col: col.min(1) });
                    }
                    None => lines.push(header::Line { text: l, col: col.min(1) }),
                }
                continue;
            }
            for (k, c) in header::columns(l).into_iter().enumerate() {
                // "Số: 12/UBND-TH V/v …": the number and the subject of a công văn.
                match c.find(" V/v ") {
                    Some(i) => {
                        lines.push(header::Line { text: c.get(..i).unwrap_or(c), col: k.min(1) });
                        lines.push(header::Line { text: c.get(i + 1..).unwrap_or_default(), col: k.min(1) });
                    }
                    None => lines.push(header::Line { text: c, col: k.min(1) }),
                }
            }
        }
    }
    let header = header::read(&lines);
    let year = header.date.map(Date::year).or_else(|| {
        lines.iter().find_map(|l| {
            let t = l.text;
            let at = t.find("năm ")? + "năm ".len();
            t.get(at..at + 4)?.parse::<u32>().ok().filter(|y| (1900..=2999).contains(y))
        })
    });

    // Title, kind, subject.
    let stars = |c: char| c == '*' || c.is_whitespace();
    let title = layout.title.map(|i| text(i).trim_matches(stars).trim_end_matches(':').trim_matches(stars).to_string());
    let kind = match &title {
        Some(t) => vocab::doc_type_kind(t).map_or(DocKind::Unknown, DocKind::from_name),
        None if lines.iter().any(|l| l.text.starts_with("V/v") || l.text.starts_with("Kính gửi"))
            || blocks.iter().any(|b| b.str().starts_with("Kính gửi")) =>
        {
            DocKind::CongVan
        }
        None => DocKind::Unknown,
    };
    let mut subject_text = Text::default();
    for &i in &layout.subject {
        if let Some(b) = blocks.get(i) {
            subject_text.append(&b.text);
        }
    }
    let mut subject = (!subject_text.is_empty()).then(|| subject_text.as_str().to_string());
    if subject.is_none() && title.is_none() {
        // A công văn states its subject in the header ("V/v …").
        subject = lines.iter().find(|l| l.text.starts_with("V/v ")).map(|l| l.text.trim().to_string());
    }

    // Meeting.
    let mut meeting = None;
    let mut meeting_bare = None;
    if !layout.meeting.is_empty() {
        let mut m = Meeting::default();
        let mut bare_event = None;
        // Items under "Tham dự Hội nghị có:" are attendees, one or more each.
        let mut listing = false;
        for (n, &i) in layout.meeting.iter().enumerate() {
            let Some(b) = blocks.get(i) else { continue };
            let s = b.str();
            m.paragraphs.push(s.to_string());
            let item = b.is_bullet();
            if listing && item {
                let body = s.trim_start_matches(['-', '+', '•', '*', '–', '—', '−', ' ']);
                let off = s.len() - body.len();
                for p in meeting::listed(body) {
                    let p = participants::Found {
                        start: p.start + off,
                        end: p.end + off,
                        name: p.name.map(|(a, e)| (a + off, e + off)),
                        titles: p.titles.iter().map(|(a, e)| (a + off, e + off)).collect(),
                        reason: p.reason.map(|(a, e)| (a + off, e + off)),
                        label: p.label,
                    };
                    m.attendees.push(participant(s, &b.text, &p, &cx));
                }
                continue;
            }
            listing = meeting::ends_with_attendee_cue(s) || listing && item;
            if n == 0 {
                m.date = dates::find_all(s, year)
                    .into_iter()
                    .find(|f| !dates::of_cited_document(s, f.start))
                    .and_then(|f| f.date);
            }
            let f = meeting::read(s);
            let to_p = |p: &participants::Found, cx: &Ctx<'_>| participant(s, &b.text, p, cx);
            // "…, các đồng chí đồng chủ trì Hội nghị thống nhất kết luận như
            // sau:" refers back to the chairs already named.
            if m.chairs.is_empty() || !crate::recognize::is_lead_in(s) {
                m.chairs.extend(f.chairs.iter().map(|p| to_p(p, &cx)));
            }
            m.attendees.extend(f.attendees.iter().map(|p| to_p(p, &cx)));
            m.absentees.extend(f.absentees.iter().map(|p| to_p(p, &cx)));
            if m.events.is_empty() {
                m.events.extend(f.events.iter().filter_map(|(a, e)| s.get(*a..*e)).map(str::to_string));
            }
            if bare_event.is_none() {
                bare_event = f.bare_event.and_then(|(a, e)| s.get(a..e)).map(str::to_string);
            }
            if m.location.is_none() {
                m.location = f.location.and_then(|(a, e)| s.get(a..e)).map(str::to_string);
            }
        }
        meeting = Some(m);
        meeting_bare = bare_event;
    }
    let year = year.or_else(|| meeting.as_ref().and_then(|m| m.date).map(Date::year));

    // Concluder: from the subject, else from the lead-in.
    let mut concluder = None;
    // CONCLUDER and the SUBJECT_ patterns read the subject in lower case.
    if let Some(m) = CONCLUDER.find(&lower_case(subject_text.as_str())) {
        let s = subject_text.as_str();
        let end = CONCLUDER_END.spaced(s, m.end()).unwrap_or(s.len());
        let p = participants::parse(s, m.end(), end);
        if p.end > p.start {
            concluder = Some(participant(s, &subject_text, &p, &cx));
        }
    }
    if concluder.is_none()
        && let Some(&i) = layout.meeting.last()
        && let Some(b) = blocks.get(i)
        && recognize::is_lead_in(b.str())
        && let Some(m) = LEAD_IN_PERSON.find(b.str())
    {
        let s = b.str();
        let head = s.get(..m.start()).unwrap_or_default();
        let from = vocab::HONORIFICS
            .iter()
            .filter_map(|h| head.rfind(&format!("{h} ")))
            .max()
            .or_else(|| head.rfind(';').map(|i| i + 1))
            .unwrap_or(0);
        let p = participants::parse(s, from, m.start());
        if p.name.is_some() || !p.titles.is_empty() {
            concluder = Some(participant(s, &b.text, &p, &cx));
        }
    }
    if let (Some(c), Some(m)) = (concluder.as_mut(), meeting.as_ref())
        && c.name.is_none()
        && let Some(chair) = m.chairs.iter().find(|ch| {
            ch.name.is_some()
                && ch.titles.iter().any(|t| c.titles.iter().any(|ct| vocab::fold_key(ct) == vocab::fold_key(t)))
        })
    {
        c.name.clone_from(&chair.name);
    }

    // The meeting paragraph may name only an organising body ("UBND tỉnh tổ
    // chức cuộc họp …"): the chair and the event are then the subject's.
    if let Some(m) = meeting.as_mut() {
        if m.chairs.is_empty()
            && let Some(c) = &concluder
            && (c.name.is_some() || !c.titles.is_empty())
        {
            m.chairs.push(c.clone());
        }
        if m.events.is_empty()
            && let Some(at) = SUBJECT_EVENT.after_white_space(subject_text.as_str())
        {
            // From the white space after "tại".
            let after = subject_text.as_str().get(at + 1..).unwrap_or_default();
            let from = at + 1 + after.find(char::is_whitespace).unwrap_or(0);
            m.events.push(subject_text.as_str().get(from..).unwrap_or_default().trim().to_string());
        }
        if m.events.is_empty()
            && let Some(e) = meeting_bare.take()
        {
            m.events.push(e);
        }
    }

    // A conclusion notice: its subject says so, or (a THÔNG BÁO or KẾT
    // LUẬN) its lead-in has a leader conclude ("… kết luận như sau:"), not
    // merely cite a conclusion ("theo Kết luận số …, … thông báo như sau:").
    // "Ý kiến chỉ đạo của X tại buổi kiểm tra" counts after a meeting with a
    // chair.
    let chaired = meeting.as_ref().is_some_and(|m| !m.chairs.is_empty());
    let notice_kind = matches!(kind, DocKind::ThongBao | DocKind::KetLuan);
    let subject_low = subject.as_deref().map(lower_case);
    let is_conclusion = subject_low.as_deref().is_some_and(|s| SUBJECT_CONCLUSION.is_match(s.trim_start_matches('*')))
        || (notice_kind
            && chaired
            && subject_low.as_deref().is_some_and(|s| SUBJECT_DIRECTION.is_match(s.trim_start_matches('*'))))
        || (notice_kind
            && layout.meeting.last().is_some_and(|&i| {
                recognize::is_lead_in(text(i))
                    && (recognize::concludes(text(i)) || chaired && recognize::directs(text(i)))
            }));

    // Assessment.
    let mut assessment = None;
    if layout.assessment_head.is_some() || !layout.assessment.is_empty() {
        let mut heading = None;
        let mut label = None;
        let mut start = None;
        if let Some(h) = layout.assessment_head.and_then(|i| blocks.get(i)) {
            let s = h.str();
            let (l, head) = recognize::section_heading(h);
            let at = s.len().saturating_sub(head.len());
            start = Some(cx.span(&h.text, at, s.len()));
            heading = Some(head.trim_end_matches(':').trim().to_string());
            label = l;
        }
        let paras: Vec<&Block> = layout.assessment.iter().filter_map(|&i| blocks.get(i)).collect();
        let first = paras.first().map(|b| cx.span(&b.text, 0, 0));
        let last = paras.last().map(|b| cx.span(&b.text, b.str().len(), b.str().len()));
        if let Some(st) = start.or(first) {
            let end = last.map_or(st.end, |l| l.end.max(st.start));
            assessment = Some(Assessment {
                heading,
                paragraphs: paras.iter().map(|b| b.str().to_string()).collect(),
                span: Span { start: st.start, end, line: st.line },
                label,
            });
        }
    }

    // Tasks.
    let task_blocks: Vec<&Block> = layout.tasks.iter().filter_map(|&i| blocks.get(i)).collect();
    let tasks::Tree { nodes, roots, intro, flattened } = tasks::build(&task_blocks, max_depth);
    // One id per node: sized once, never rehashed.
    let mut used = std::collections::HashMap::with_capacity(nodes.len());
    let mut tasks_out = Vec::new();
    cx.roman_in_ids = roots
        .iter()
        .filter(|&&r| nodes.get(r).is_some_and(|n| n.style == tasks::Style::Roman && !n.children.is_empty()))
        .count()
        >= 2;
    for (pos, &r) in roots.iter().enumerate() {
        let when = deadlines::When { year, issued: header.date };
        tasks_out.push(task(&nodes, r, None, pos + 1, when, &mut used, &mut cx));
    }
    // After an assessment numbered "1." the tasks start at "2.".
    let after = assessment.as_ref().and_then(|a: &Assessment| a.label.as_deref()).and_then(|l| l.parse::<usize>().ok());
    numbering(&nodes, &roots, &tasks_out, after.unwrap_or(0), &mut cx);
    for f in flattened {
        if let Some(n) = nodes.get(f) {
            let sp = cx.span(&n.text, 0, n.text.as_str().len());
            cx.diag(
                Severity::Warning,
                Code::DepthLimit,
                format!("items nested deeper than {max_depth} levels were flattened"),
                Some(sp),
            );
        }
    }
    let tasks_section = layout.tasks_head.and_then(|i| blocks.get(i)).map(|h| {
        let (l, head) = recognize::section_heading(h);
        TasksSection {
            label: l,
            heading: Some(head.trim_end_matches(':').trim().to_string()),
            intro: intro.iter().map(|t| t.as_str().to_string()).collect(),
        }
    });
    let tasks_section = tasks_section.map(|mut t| {
        t.intro.retain(|p| !BARE_LABEL.is_match(p));
        t
    });
    let mut tasks_section = tasks_section.or_else(|| {
        let intro: Vec<&Text> = intro.iter().filter(|t| !BARE_LABEL.is_match(t.as_str())).collect();
        (!intro.is_empty()).then(|| TasksSection {
            label: None,
            heading: None,
            intro: intro.iter().map(|t| t.as_str().to_string()).collect(),
        })
    });
    let mut assignments = Vec::new();
    for t in &tasks_out {
        assign(t, &[], None, &mut assignments, &mut cx);
    }

    // Closing.
    let closing_parts: Vec<String> =
        layout.closing.iter().map(|&i| strip_end_mark(text(i)).to_string()).filter(|s| !s.is_empty()).collect();
    let mut closing = (!closing_parts.is_empty()).then(|| closing_parts.join(" "));

    // Recipients and archive. A PDF may interleave the signature column
    // with the list ("Nơi nhận: KT. CHỦ TỊCH", "- TT Tỉnh ủy; PHÓ CHỦ TỊCH"):
    // those capital tails go to the signature.
    let mut recipients_out: Vec<Recipient> = Vec::new();
    let mut archive = Vec::new();
    let mut sig_from_recipients: Vec<String> = Vec::new();
    // Whether the last entry is still open (no ";", "." or "," at its end):
    // a following line without a dash continues it ("- Các cơ quan, đơn vị
    // thuộc" / "UBND huyện;").
    let mut open_entry = false;
    for (n, &i) in layout.recipients.iter().enumerate() {
        let Some(b) = blocks.get(i) else { continue };
        let continues =
            std::mem::take(&mut open_entry) && b.marker.is_none() && !b.str().trim_start().starts_with(['-', '+', '•']);
        let mut s = b.str();
        let mut base = 0;
        if n == 0 {
            let Some(colon) = s.find(':') else { continue };
            base = colon + 1;
            s = s.get(base..).unwrap_or_default();
            let rest = s.trim().trim_start_matches(['|', ' ', '\t']).trim();
            if rest.is_empty() {
                continue;
            }
            if P.is_signature_mark(rest) || crate::segment::is_caps_line(rest) {
                sig_from_recipients.push(rest.to_string());
                continue;
            }
        }
        // A footer table read row by row: the right column is the signature.
        let mut cut = s.len();
        for (i, _) in s.match_indices(" |").chain(s.match_indices('\t')) {
            cut = cut.min(i);
        }
        // Two columns that a PDF extraction set side by side: a wide gap
        // and a line in capitals (or a mark) after it.
        let wide = |j: usize| {
            b.text.src_start(base + j + 1).saturating_sub(b.text.src_end(base + j)) > 4
                && !b.text.breaks().contains(&(base + j + 1))
        };
        if let Some(i) = s.match_indices(' ').map(|(j, _)| j).find(|&j| wide(j))
            && i < cut
        {
            let right = s.get(i..).unwrap_or_default().trim();
            if !s.get(..i).unwrap_or_default().trim().is_empty()
                && (P.is_signature_mark(right)
                    || crate::segment::is_caps_line(right)
                    || signature::is_name(right)
                    || signature::is_signed_mark(right))
            {
                cut = i;
            }
        }
        if cut < s.len() {
            let right = s.get(cut..).unwrap_or_default().trim_start_matches([' ', '|', '\t']).trim();
            if !right.is_empty() {
                sig_from_recipients.push(right.to_string());
            }
            s = s.get(..cut).unwrap_or_default();
        }
        for (a, e) in split_entries(s) {
            let mut part = s.get(a..e).unwrap_or_default();
            if let Some(semi) = part.rfind("; ") {
                let tail = part.get(semi + 2..).unwrap_or_default().trim();
                if crate::segment::is_caps_line(tail) && tail.split_whitespace().count() >= 2 {
                    sig_from_recipients.push(tail.to_string());
                    part = part.get(..semi + 1).unwrap_or(part);
                }
            }
            if let Some(parts) = recipients::archive(part) {
                // "Lưu: VT, KT.   Nghiêm Xuân Bách": the signer's name, from the
                // signature column of a PDF, after the last part.
                for p in parts {
                    match p.split_once(". ").filter(|(_, name)| signature::is_name(name.trim())) {
                        Some((code, name)) => {
                            archive.push(code.to_string());
                            sig_from_recipients.push(name.trim().to_string());
                        }
                        None => archive.push(p),
                    }
                }
                continue;
            }
            let (x, y) = recipients::entry(part);
            if continues
                && a == 0
                && y > x
                && let Some(last) = recipients_out.last_mut()
            {
                let more = cx.span(&b.text, base + a + x, base + a + y);
                last.text = format!("{} {}", last.text, part.get(x..y).unwrap_or_default());
                last.span.end = more.end;
                open_entry = !part.trim_end().ends_with([';', '.', ',']);
                continue;
            }
            if y > x {
                open_entry = !part.trim_end().ends_with([';', '.', ',', ':']);
                recipients_out.push(Recipient {
                    text: part.get(x..y).unwrap_or_default().to_string(),
                    span: cx.span(&b.text, base + a + x, base + a + y),
                });
            }
        }
    }

    // Signature.
    let mut sig_lines: Vec<&str> = sig_from_recipients.iter().map(String::as_str).collect();
    for &i in &layout.signature {
        if let Some(b) = blocks.get(i) {
            for (a, e) in b.text.line_ranges() {
                sig_lines.push(b.str().get(a..e).unwrap_or_default());
            }
        }
    }
    let signature = signature::read(&sig_lines);

    // References, in document order, once per document cited.
    let mut refs: Vec<Reference> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let k = layout.kinds.get(i).copied().flatten();
        if matches!(
            k,
            Some(RegionKind::Header | RegionKind::Recipients | RegionKind::Signature | RegionKind::Other) | None
        ) {
            continue;
        }
        for f in references::find_all(b.str()) {
            if refs.iter().any(|r| r.number == f.number && r.kind == f.kind) {
                continue;
            }
            refs.push(Reference {
                kind: f.kind,
                number: f.number,
                date: f.date,
                text: b.str().get(f.start..f.end).unwrap_or_default().to_string(),
                span: cx.span(&b.text, f.start, f.end),
            });
        }
    }

    // A document that does not announce conclusions (a schedule, an
    // inspection result, a công văn, a speech) has no concluding meeting and
    // no directives of one: its body is kept as `other`, and only the
    // header, title, subject, recipients, signature and references are read.
    let mut region_kinds = layout.kinds.clone();
    if !is_conclusion {
        concluder = None;
        meeting = None;
        assessment = None;
        tasks_out.clear();
        assignments.clear();
        closing = None;
        tasks_section = None;
        cx.diags.retain(|d| !matches!(d.code, Code::TaskWithoutAssignee | Code::NumberingGap | Code::DepthLimit));
        for k in region_kinds.iter_mut() {
            if matches!(k, Some(RegionKind::Meeting | RegionKind::Assessment | RegionKind::Tasks | RegionKind::Closing))
            {
                *k = Some(RegionKind::Other);
            }
        }
        // Citations are read from the parts kept: the subject.
        let kept: Vec<(usize, usize)> = layout
            .subject
            .iter()
            .filter_map(|&i| blocks.get(i))
            .flat_map(|b| b.pieces.iter().map(|&(s, e)| (map.start(s), map.end(e))))
            .collect();
        refs.retain(|r| kept.iter().any(|(s, e)| *s <= r.span.start && r.span.start < *e));
    }

    // Regions.
    let regions = regions(original, blocks, &region_kinds, &layout.kinds, map, &mut cx);

    // Diagnostics of the whole.
    if header.issuer.is_none() && header.number.is_none() && header.date.is_none() && header.place.is_none() {
        cx.diag(
            Severity::Warning,
            Code::MissingHeader,
            "no header (issuer, number, place and date) was found above the type line".into(),
            None,
        );
    }
    if title.is_none() {
        cx.diag(
            Severity::Warning,
            Code::MissingTitle,
            "no document type line (THÔNG BÁO, QUYẾT ĐỊNH, …) was found".into(),
            None,
        );
    }
    for &j in joined {
        let sp = map.span(j, j);
        cx.diag(
            Severity::Info,
            Code::JoinedPageBreak,
            "a paragraph broken across a page or blank line was joined back".into(),
            Some(sp),
        );
    }
    let mut n = Notice {
        schema_version: SCHEMA_VERSION,
        kind,
        is_conclusion,
        header,
        title,
        subject,
        concluder,
        meeting,
        assessment,
        tasks_section,
        tasks: tasks_out,
        assignments,
        closing,
        recipients: recipients_out,
        archive,
        signature,
        references: refs,
        regions,
        diagnostics: cx.diags,
    };
    // The format checks of Decree 30/2020 (missing number, date, recipients…).
    n.diagnostics.extend(crate::checks::check(&n));
    n.diagnostics.sort_by_key(|d| (d.span.is_some(), d.span.map(|s| s.start), d.code));
    n
}

/// The notice of a text too broken to read (legacy encoding, lost
/// diacritics): nothing is extracted, so nothing is invented; every line is
/// kept in `other` regions and the diagnostic says why.
fn unreadable(original: &str, map: &SourceMap, blocks: &[Block], code: Code, message: &str) -> Notice {
    let mut cx = Ctx { map, diags: Vec::new(), roman_in_ids: false };
    let kinds = vec![Some(RegionKind::Other); blocks.len()];
    let regions = regions(original, blocks, &kinds, &kinds, map, &mut cx);
    let diagnostics = vec![
        Diagnostic { severity: Severity::Warning, code, message: message.to_string(), span: None },
        Diagnostic {
            severity: Severity::Warning,
            code: Code::MissingHeader,
            message: "no header (issuer, number, place and date) could be read".into(),
            span: None,
        },
    ];
    Notice {
        schema_version: SCHEMA_VERSION,
        kind: DocKind::Unknown,
        is_conclusion: false,
        header: Header::default(),
        title: None,
        subject: None,
        concluder: None,
        meeting: None,
        assessment: None,
        tasks_section: None,
        tasks: Vec::new(),
        assignments: Vec::new(),
        closing: None,
        recipients: Vec::new(),
        archive: Vec::new(),
        signature: None,
        references: Vec::new(),
        regions,
        diagnostics,
    }
}

fn participant(s: &str, t: &Text, p: &participants::Found, cx: &Ctx<'_>) -> Participant {
    let sl = |(a, b): (usize, usize)| s.get(a..b).unwrap_or_default().to_string();
    Participant {
        name: p.name.map(sl),
        titles: p.titles.iter().map(|r| sl(*r)).collect(),
        reason: p.reason.map(sl),
        text: p.label.clone().unwrap_or_else(|| sl((p.start, p.end))),
        span: cx.span(t, p.start, p.end),
    }
}

/// Removes the end mark "./." and a final period.
fn strip_end_mark(s: &str) -> &str {
    let s = s.trim_end();
    let s = s.strip_suffix("./.").or_else(|| s.strip_suffix("/.")).unwrap_or(s).trim_end();
    s.strip_suffix('.').unwrap_or(s).trim_end()
}

/// Entries of a recipients block: one per "- " entry (several may share a
/// line in text taken from a PDF).
fn split_entries(s: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    for (i, _) in s.match_indices(" - ").chain(s.match_indices(" + ")) {
        // Entries end with ";" or "." (and "," in Party notices).
        if i > 0 && s.get(..i).is_some_and(|h| h.trim_end().ends_with([';', '.', ':', ','])) {
            cuts.push(i + 1);
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    for (k, &c) in cuts.iter().enumerate() {
        let e = cuts.get(k + 1).copied().unwrap_or(s.len());
        out.push((c, e));
    }
    out
}

/// The first colon that closes a heading: not in a time ("14:00"), not
/// inside parentheses.
fn heading_colon(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            // A heading is one phrase: it does not run over a sentence end
            // or a clause.
            ';' if depth <= 0 => return None,
            '.' if depth <= 0 && s.get(i + 1..).is_some_and(|r| r.starts_with(' ')) => return None,
            // "…, Thời gian hoàn thành: Quý III/2025": a field, not a heading.
            ':' if depth <= 0 && field_label_before(s.get(..i).unwrap_or_default()) => {}
            ':' if depth <= 0
                && !s.get(i + 1..).is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()))
                && !(list_colon(s.get(..i).unwrap_or_default()) && list_after(s.get(i + 1..).unwrap_or_default())) =>
            {
                return Some(i);
            }
            _ => {}
        }
    }
    None
}

/// The field labels of [`vocab::FIELD_LABELS`], folded once.
static FIELD_LABEL_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| vocab::FIELD_LABELS.iter().map(|l| vocab::fold_key(l)).collect());

/// Whether `before` ends with a field label of [`vocab::FIELD_LABELS`].
fn field_label_before(before: &str) -> bool {
    let t = before.trim_end();
    let clause = t.rsplit([',', ';', '.']).next().unwrap_or(t).trim();
    // Only the last words can hold a label.
    let key = vocab::fold_key(vocab::last_words(clause, 120));
    FIELD_LABEL_KEYS.iter().any(|l| key.strip_suffix(l.as_str()).is_some_and(|p| p.is_empty() || p.ends_with(' ')))
}

/// The end of an item's text without its end punctuation.
fn text_end(s: &str) -> usize {
    let t = s.trim_end();
    let t = t.strip_suffix("./.").unwrap_or(t).trim_end();
    let t = t.strip_suffix(['.', ';']).unwrap_or(t).trim_end();
    t.len()
}

fn task(
    nodes: &[tasks::Node],
    idx: usize,
    parent_id: Option<&str>,
    position: usize,
    year: deadlines::When,
    used: &mut std::collections::HashMap<String, usize>,
    cx: &mut Ctx<'_>,
) -> Task {
    let Some(n) = nodes.get(idx) else {
        return Task {
            id: String::new(),
            label: None,
            numbering: Numbering::None,
            heading: None,
            text: String::new(),
            assignees: Vec::new(),
            deadlines: Vec::new(),
            subtasks: Vec::new(),
            span: Span { start: 0, end: 0, line: 1 },
        };
    };
    let s = n.text.as_str();
    let label = n.label.as_ref().map(|l| l.trim_end_matches(['.', ')']).trim_start_matches('(').to_string());
    let mut id = match (n.style, parent_id, &label) {
        (tasks::Style::Arabic(k), _, Some(l)) if k >= 2 => l.clone(),
        (tasks::Style::Roman, _, Some(l)) => l.clone(),
        (_, Some(p), Some(l)) => format!("{p}.{l}"),
        (_, None, Some(l)) => l.clone(),
        (_, Some(p), None) => format!("{p}.{position}"),
        (_, None, None) => position.to_string(),
    };
    // A repeated id gets the next free "_k"; each id keeps the next k to
    // try, so a thousand repeats cost a thousand steps, not a million.
    if let Some(&next) = used.get(&id) {
        let base = id.clone();
        let mut k = next;
        loop {
            id = format!("{base}_{k}");
            k += 1;
            if !used.contains_key(&id) {
                break;
            }
        }
        used.insert(base, k);
    }
    used.insert(id.clone(), 2);

    let has_children = !n.children.is_empty();
    let end = text_end(s);
    // "Về công tác X" over "Giao Phòng Y chủ trì:" (two paragraphs joined):
    // the topic is the heading, the assignment the text.
    let topic_split = |h_len: usize| {
        let topic = vocab::topic_opener(s).is_some();
        n.text
            .breaks()
            .iter()
            .copied()
            .find(|&p| p < h_len && s.get(p..).is_some_and(|r| r.starts_with(char::is_uppercase)))
            .filter(|_| topic && has_children)
    };
    let (heading, body) = match heading_colon(s) {
        Some(c) => {
            let before = s.get(..c).unwrap_or_default().trim_end();
            let after_at = c + 1 + s.get(c + 1..).map_or(0, |r| r.len() - r.trim_start().len());
            if after_at >= end {
                match topic_split(before.len()) {
                    Some(p) => (Some((0, s.get(..p).unwrap_or_default().trim_end().len())), (p, before.len())),
                    None => (Some((0, before.len())), (end, end)),
                }
            } else if before.len() < 160 && (bodies::topic_head(s) == Some(c) || !bodies::assignees(before).is_empty())
            {
                (Some((0, before.len())), (after_at, end))
            } else {
                (None, (0, end))
            }
        }
        None if has_children => {
            let h = s.get(..end).unwrap_or_default().trim_end().trim_end_matches(':').trim_end();
            match topic_split(h.len()) {
                Some(p) => (Some((0, s.get(..p).unwrap_or_default().trim_end().len())), (p, h.len())),
                None => (Some((0, h.len())), (end, end)),
            }
        }
        None => (None, (0, end)),
    };
    let sl = |(a, b): (usize, usize)| s.get(a..b).unwrap_or_default().to_string();
    let assignees = bodies::assignees(s.get(..end).unwrap_or_default())
        .into_iter()
        .map(|f| Assignee {
            name: f.name.unwrap_or_else(|| sl((f.start, f.end))),
            role: f.role,
            span: cx.span(&n.text, f.start, f.end),
        })
        .collect();
    let deadlines = deadlines::find_all(s, year)
        .into_iter()
        .map(|f| Deadline {
            kind: f.kind,
            due: f.due,
            text: sl((f.start, f.end)),
            span: cx.span(&n.text, f.start, f.end),
        })
        .collect();
    // A task table row: its lead, coordinator and time cells.
    let mut assignees: Vec<Assignee> = assignees;
    let mut deadlines: Vec<Deadline> = deadlines;
    let mut cells_end = None;
    if let Some(cells) = &n.cells {
        for (cell, role) in [(&cells.lead, Role::Lead), (&cells.coordinate, Role::Coordinate)] {
            let Some(t) = cell else { continue };
            let cs = t.as_str();
            // Parts of the cell split at ";" (which never falls inside a
            // name), each read as a list of bodies or kept whole.
            let mut found = Vec::new();
            let mut from = 0;
            for part in cs.split(';') {
                let lead = part.len() - part.trim_start().len();
                let (pa, pe) = (from + lead, from + part.trim_end().trim_end_matches('.').len());
                from += part.len() + 1;
                if pe <= pa {
                    continue;
                }
                let seg = cs.get(..pe).unwrap_or_default();
                let mut got = bodies::scan_list(seg, pa);
                if got.last().is_none_or(|(_, e)| seg.get(*e..).is_some_and(|r| !r.trim().is_empty())) {
                    got = vec![(pa, pe)];
                }
                found.extend(got);
            }
            for (a, e) in found {
                assignees.push(Assignee {
                    name: cs.get(a..e).unwrap_or_default().to_string(),
                    role,
                    span: cx.span(t, a, e),
                });
            }
            cells_end = Some(cx.span(t, cs.len(), cs.len()).end);
        }
        if let Some(t) = &cells.time {
            let cs = t.as_str();
            for f in deadlines::stated(cs, year) {
                deadlines.push(Deadline {
                    kind: f.kind,
                    due: f.due,
                    text: cs.get(f.start..f.end).unwrap_or_default().to_string(),
                    span: cx.span(t, f.start, f.end),
                });
            }
            cells_end = Some(cx.span(t, cs.len(), cs.len()).end);
        }
    }
    // One assignee or none has no repeat to drop.
    if assignees.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        assignees.retain(|a| seen.insert((vocab::fold_key(&a.name), a.role)));
    }
    let mut subtasks = Vec::new();
    for (k, &c) in n.children.iter().enumerate() {
        let pid = if n.style == tasks::Style::Roman && !cx.roman_in_ids { None } else { Some(id.as_str()) };
        subtasks.push(task(nodes, c, pid, k + 1, year, used, cx));
    }
    numbering(nodes, &n.children, &subtasks, 0, cx);
    let own = cx.span(&n.text, 0, end.max(1).min(s.len()));
    let own_end = cells_end.map_or(own.end, |e| e.max(own.end));
    let last_end = subtasks.last().map_or(own_end, |t: &Task| t.span.end.max(own_end));
    let numbering = match n.style {
        _ if n.label.is_none()
            && !matches!(n.style, tasks::Style::Bullet(..) | tasks::Style::Ordinal | tasks::Style::Table) =>
        {
            Numbering::None
        }
        tasks::Style::Roman => Numbering::Roman,
        tasks::Style::Arabic(_) | tasks::Style::Ordered(_) => Numbering::Arabic,
        tasks::Style::Letter => Numbering::Letter,
        tasks::Style::ParenNum => Numbering::ParenNumber,
        tasks::Style::ParenLetter => Numbering::ParenLetter,
        tasks::Style::Ordinal => Numbering::Ordinal,
        tasks::Style::Table => Numbering::TableRow,
        tasks::Style::Bullet(..) => Numbering::Bullet,
        tasks::Style::Unlabelled => Numbering::None,
    };
    Task {
        id,
        label,
        numbering,
        heading: heading.map(sl),
        text: sl(body),
        assignees,
        deadlines,
        subtasks,
        span: Span { start: own.start, end: last_end, line: own.line },
    }
}

fn assign(t: &Task, inherited: &[Assignee], inherited_due: Option<Date>, out: &mut Vec<Assignment>, cx: &mut Ctx<'_>) {
    let own_due = t.deadlines.iter().filter_map(|d| d.due).min();
    let due = own_due.or(inherited_due);
    let leads_own = t.assignees.iter().any(|a| matches!(a.role, Role::Lead | Role::Requested | Role::Advise));
    let eff: Vec<Assignee> = if t.assignees.is_empty() {
        inherited.to_vec()
    } else if leads_own {
        t.assignees.clone()
    } else {
        // Only coordinators on the item: the lead comes from above.
        inherited.iter().filter(|a| a.role != Role::Coordinate).cloned().chain(t.assignees.iter().cloned()).collect()
    };
    if t.subtasks.is_empty() {
        if eff.is_empty() {
            out.push(Assignment { task_id: t.id.clone(), assignee: None, role: None, due });
            cx.diag(
                Severity::Info,
                Code::TaskWithoutAssignee,
                format!("task {} names no assignee, and no item above it does", t.id),
                Some(t.span),
            );
        }
        for a in &eff {
            out.push(Assignment { task_id: t.id.clone(), assignee: Some(a.name.clone()), role: Some(a.role), due });
        }
        return;
    }
    for s in &t.subtasks {
        assign(s, &eff, due, out, cx);
    }
}

/// Flags siblings whose numbering skips or goes back (per label style).
/// `after` is the number an Arabic list continues (0: it starts at 1).
fn numbering(nodes: &[tasks::Node], siblings: &[usize], built: &[Task], after: usize, cx: &mut Ctx<'_>) {
    let mut last: Vec<(tasks::Style, usize, String)> = Vec::new();
    if after > 0 {
        last.push((tasks::Style::Arabic(1), after, after.to_string()));
    }
    for (&i, t) in siblings.iter().zip(built) {
        let Some(n) = nodes.get(i) else { continue };
        let Some(v) = tasks::ordinal(n.style, n.label.as_deref()) else {
            // An unnumbered first item stands for the number before "2.".
            if n.label.is_none() && matches!(n.style, tasks::Style::Arabic(1) | tasks::Style::Letter) {
                let v = last.iter().find(|(s, _, _)| *s == n.style).map_or(1, |(_, p, _)| p + 1);
                last.retain(|(s, _, _)| *s != n.style);
                last.push((n.style, v, String::new()));
            }
            continue;
        };
        let label = n.label.clone().unwrap_or_default();
        let prev = last.iter().find(|(s, _, _)| *s == n.style);
        let expected = prev.map_or(1, |(_, p, _)| p + 1);
        let dotted_first = matches!(n.style, tasks::Style::Arabic(k) if k >= 2) && prev.is_none();
        if v != expected && !dotted_first {
            let msg = match prev {
                Some((_, _, pl)) => format!("item {label} follows item {pl}: the numbering skips or goes back"),
                None => format!("the numbering starts at {label}"),
            };
            cx.diag(Severity::Warning, Code::NumberingGap, msg, Some(t.span));
        }
        last.retain(|(s, _, _)| *s != n.style);
        last.push((n.style, v, label));
    }
}

/// The regions: each block's pieces with its kind, consecutive pieces of a
/// kind merged, and every non-blank line that no block covers kept as
/// `other`.
fn regions(
    original: &str,
    blocks: &[Block],
    kinds: &[Option<RegionKind>],
    understood: &[Option<RegionKind>],
    map: &SourceMap,
    cx: &mut Ctx<'_>,
) -> Vec<Region> {
    let mut pieces: Vec<(usize, usize, RegionKind)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let k = kinds.get(i).copied().flatten().unwrap_or(RegionKind::Other);
        let known = understood.get(i).copied().flatten().is_some_and(|u| u != RegionKind::Other);
        for &(s, e) in &b.pieces {
            if e > s {
                pieces.push((s, e, k));
            }
        }
        if k == RegionKind::Other
            && !known
            && !P.is_furniture(b.str())
            && !P.is_rule_line(b.str())
            && !b.str().is_empty()
        {
            let sp = map.span(b.start(), b.end());
            cx.diag(
                Severity::Info,
                Code::UnrecognizedText,
                "text that no part of a notice explains was kept as an `other` region".into(),
                Some(sp),
            );
        }
    }
    // Into original offsets, in order, without overlap.
    let mut orig: Vec<(usize, usize, RegionKind)> =
        pieces.into_iter().map(|(s, e, k)| (map.start(s), map.end(e), k)).filter(|p| p.1 > p.0).collect();
    orig.sort_by_key(|p| (p.0, p.1));
    // Lines of the original input that no piece covers (a line of control
    // characters or of invisible ones, which normalisation blanks, is not
    // blank): kept as `other`.
    let mut extra = Vec::new();
    let mut pi = 0;
    for (ls, le) in non_blank_lines(original, map.base()) {
        while orig.get(pi).is_some_and(|p| p.1 <= ls) {
            pi += 1;
        }
        let covered = orig.get(pi).is_some_and(|p| p.0 <= ls && ls < p.1);
        if !covered {
            let next = orig.get(pi).map_or(le, |p| p.0.max(ls));
            let end = if next > ls { next.min(le) } else { le };
            extra.push((ls, end, RegionKind::Other));
        }
    }
    orig.extend(extra);
    orig.sort_by_key(|p| (p.0, p.1));
    let mut out: Vec<(usize, usize, RegionKind)> = Vec::new();
    for (s, e, k) in orig {
        let s = out.last().map_or(s, |l| s.max(l.1));
        if e <= s {
            continue;
        }
        match out.last_mut() {
            Some(l) if l.2 == k => l.1 = e,
            _ => out.push((s, e, k)),
        }
    }
    out.into_iter()
        .map(|(start, end, kind)| Region { kind, span: Span { start, end, line: map.line_of(start) } })
        .collect()
}

/// The non-blank lines of the original text (a line is blank when it holds
/// only white space), as (first non-blank byte, end of line), offset by `base`.
fn non_blank_lines(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    // The lines `text.split('\n')` gives, each line feed found by memchr.
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = text.get(from..end).unwrap_or_default();
        let lead = line.len() - line.trim_start().len();
        let kept = line.trim_end().len();
        if kept > lead {
            out.push((base + from + lead, base + from + kept));
        }
        from = end + 1;
    }
    out
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&CONCLUDER);
    LazyLock::force(&CONCLUDER_END);
    LazyLock::force(&LEAD_IN_PERSON);
    LazyLock::force(&BARE_LABEL);
    LazyLock::force(&SUBJECT_EVENT);
    LazyLock::force(&SUBJECT_DIRECTION);
    LazyLock::force(&SUBJECT_CONCLUSION);
    LazyLock::force(&FIELD_LABEL_KEYS);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `list_colon` answers as `(?i)các\s+\S+$` did, on every prefix of
    /// every fixture line that ends before a colon, and on made-up ends.
    #[test]
    fn list_colon_answers_as_the_pattern_did() {
        let old = crate::patterns::compile_matcher(r"(?i)các\s+\S+$");
        let made = [
            "các Sở",
            "Các  Sở",
            "CÁC\tban",
            "giao các Sở",
            "Mácác ngành",
            "các",
            "các ",
            " các Sở ",
            "cácSở",
            "cÁc x",
            "cac Sở",
            "các Sở Tài",
            "các Ủy ban",
            "",
            "x các\n\nSở",
            "ác Sở",
            "các\u{a0}Sở",
        ];
        let lines = crate::patterns::tests::normalized_lines(&made);
        let mut texts: Vec<&str> = lines.iter().map(String::as_str).collect();
        texts.extend(made);
        let mut seen = [0, 0];
        for line in texts {
            let ends = line.match_indices(':').map(|(i, _)| i).chain([line.len()]);
            for before in ends.filter_map(|i| line.get(..i)) {
                let want = old.is_match(before);
                seen[usize::from(want)] += 1;
                assert_eq!(list_colon(before), want, "{before:?}");
            }
        }
        assert!(seen[0] > 100 && seen[1] > 10, "{seen:?}");
    }

    /// "tại <meeting>" is found after the white space where the pattern it
    /// replaced found it, on every fixture line and on lines made for the
    /// edges.
    #[test]
    fn subject_event_as_the_pattern_found_it() {
        let one = compile(&format!(r"(?i)\stại\s+(?:{})", vocab::alternation(vocab::MEETING_KINDS)));
        let lines = crate::patterns::tests::normalized_lines(&[
            "Kết luận của đồng chí Chủ tịch tại Hội nghị tổng kết",
            "Kết luận TẠI  CUỘC HỌP giao ban",
            "Kết luận\ttại phiên họp; tại hội nghị",
            "tại Hội nghị",
            "Kết luận tạiHội nghị",
            "Kết luận tại trụ sở",
            " tại",
            "",
        ]);
        let mut found = 0;
        for l in &lines {
            let old = one.find(l).map(|m| m.start());
            assert_eq!(SUBJECT_EVENT.after_white_space(l), old, "{l:?}");
            found += usize::from(old.is_some());
        }
        assert!(found > 5, "{found}");
    }

    #[test]
    fn list_after_answers_as_one_pattern() {
        let one = crate::patterns::compile_matcher(r"^\s*\p{Lu}[^,:;]{0,40},");
        let mut texts = crate::patterns::fixture_lines();
        texts.extend(crate::patterns::tests::gap_lines(
            &["Tài chính", " Xây", "\tĐ", "ư", "Ấ", "1", "×"],
            &["ư", " ", ";", ":", "a"],
            &[",", ", Nội vụ", ":", ""],
            40,
        ));
        let mut yes = 0;
        for t in &texts {
            let want = one.is_match(t);
            assert_eq!(super::list_after(t), want, "{t:?}");
            yes += usize::from(want);
        }
        assert!(yes > 20, "{yes}");
    }
}
