//! Checks of a parsed notice against Decree 30/2020/NĐ-CP, the ones a clerk
//! makes before a notice goes out: the header's number and date, the form of
//! the number and symbol (Annex I, §II.3), the "Nơi nhận" list and its "Lưu"
//! line, the signer's name, and deadlines that fall before the notice's date.
//!
//! Each finding is a [`Diagnostic`] of the model, so it appears in the JSON
//! as well. Numbering gaps and tasks without an assignee are found while the
//! task tree is built, not here.

use crate::model::{Code, Diagnostic, DocKind, Header, Notice, RegionKind, Severity, Span};
use crate::patterns::{is_notice_capital, is_notice_letter};

/// The serial and the type code of a "số và ký hiệu" (whitespace already
/// removed) when it has one of the forms of Decree 30/2020: an
/// administrative document or a công văn ("45/TB-UBND", "2221/UBND-TH"), a
/// legal document with its year ("30/2020/NĐ-CP") or a Party document
/// ("45-TB/HU"). The serial may be blank (a draft): one to six digits and
/// maybe a small letter ("12a"). A symbol group starts with a capital and
/// may mix case ("QyĐ", "TTr"), digits and "&".
///
/// Read by hand rather than with three patterns: their letter classes made
/// them the largest of the crate once compiled (about 150 KB together).
fn number_form(number: &str) -> Option<(&str, &str)> {
    let cut = number.find(['/', '-'])?;
    let (serial, rest) = number.split_at(cut);
    let digits = serial.bytes().take_while(u8::is_ascii_digit).count();
    let tail = serial.as_bytes().get(digits..).unwrap_or_default();
    let good_serial = serial.is_empty() || ((1..=6).contains(&digits) && matches!(tail, [] | [b'a'..=b'z']));
    if !good_serial {
        return None;
    }
    let ty = if let Some(symbol) = rest.strip_prefix('/') {
        let year = symbol.get(..5).filter(|y| y.bytes().take(4).all(|b| b.is_ascii_digit()) && y.ends_with('/'));
        match year {
            Some(_) => symbol.get(5..).and_then(dashed),
            None => dashed(symbol),
        }
    } else {
        // "45-TB/HU": the type, "/", then one or more groups after "-".
        let symbol = rest.strip_prefix('-')?;
        let (ty, issuer) = symbol.split_once('/')?;
        (group(ty) && issuer.split('-').all(group)).then_some(ty)
    }?;
    Some((serial, ty))
}

/// Whether `g` is a symbol group: a capital, then letters, digits and "&".
fn group(g: &str) -> bool {
    let mut chars = g.chars();
    chars.next().is_some_and(is_notice_capital) && chars.all(|c| is_notice_letter(c) || c.is_ascii_digit() || c == '&')
}

/// The type of a symbol that is groups joined by "-", two at least ("TB-UBND").
fn dashed(symbol: &str) -> Option<&str> {
    let (ty, more) = symbol.split_once('-')?;
    (group(ty) && more.split('-').all(group)).then_some(ty)
}

/// The type codes of Decree 30/2020, Annex III (and the older codes of
/// Circular 01/2011) for the kinds that have one; a công văn has none.
const TYPE_CODES: &[(&str, &[&str])] = &[
    ("thong_bao", &["TB"]),
    ("quyet_dinh", &["QĐ", "QD"]),
    ("ke_hoach", &["KH"]),
    ("bao_cao", &["BC"]),
    ("ket_luan", &["KL"]),
    ("nghi_quyet", &["NQ"]),
    ("chi_thi", &["CT"]),
    ("quy_che", &["QC"]),
    ("quy_dinh", &["QyĐ", "QĐ"]),
    ("thong_cao", &["TC"]),
    ("huong_dan", &["HD"]),
    ("chuong_trinh", &["CTr"]),
    ("phuong_an", &["PA"]),
    ("de_an", &["ĐA"]),
    ("du_an", &["DA"]),
    ("bien_ban", &["BB"]),
    ("to_trinh", &["TTr"]),
    ("cong_dien", &["CĐ"]),
    ("giay_moi", &["GM"]),
    ("giay_gioi_thieu", &["GGT"]),
    ("giay_uy_quyen", &["GUQ", "UQ"]),
    ("ban_ghi_nho", &["BGN"]),
];

/// The codes of copies (bản sao y, sao lục, trích sao), valid on any kind.
const COPY_CODES: &[&str] = &["SY", "SL", "TrS", "TS"];

/// The findings on `n`, in the order of the checks (the caller sorts).
pub(crate) fn check(n: &Notice) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut add = |severity, code, message: String, span| out.push(Diagnostic { severity, code, message, span });

    // The header, unless there is none at all (already `missing_header`).
    let h = &n.header;
    let no_header = h.issuer.is_none() && h.number.is_none() && h.date.is_none() && h.place.is_none();
    if !no_header && !n.has_diagnostic(Code::MissingHeader) {
        match (&h.number, &h.serial) {
            (None, _) => {
                add(Severity::Warning, Code::MissingNumber, "the header has no number line (\"Số: …\")".into(), None)
            }
            (Some(number), None) => add(
                Severity::Info,
                Code::MissingNumber,
                format!("the number is left blank in \"Số: {number}\" (a draft, or numbered when issued)"),
                None,
            ),
            (Some(_), Some(_)) => {}
        }
        match (h.date, &h.place) {
            (Some(_), _) => {}
            (None, Some(place)) => add(
                Severity::Info,
                Code::MissingDate,
                format!("the day is left blank in the date line of {place} (a draft, or dated when issued)"),
                None,
            ),
            (None, None) => add(
                Severity::Warning,
                Code::MissingDate,
                "the header has no place and date line (\"…, ngày … tháng … năm …\")".into(),
                None,
            ),
        }
        if let Some((severity, message)) = number_problem(h, &n.kind, n.title.as_deref()) {
            add(severity, Code::MalformedNumber, message, None);
        }
    }

    // The footer.
    match region(n, RegionKind::Recipients) {
        None => add(Severity::Warning, Code::MissingRecipients, "there is no \"Nơi nhận\" list".into(), None),
        Some(span) if n.archive.is_empty() => {
            add(
                Severity::Warning,
                Code::MissingArchive,
                "the \"Nơi nhận\" list has no \"Lưu: …\" line".into(),
                Some(span),
            );
        }
        Some(_) => {}
    }
    if let Some(sig) = &n.signature
        && sig.name.is_none()
    {
        add(
            Severity::Warning,
            Code::SignatureWithoutName,
            "the signing block names no signer".into(),
            region(n, RegionKind::Signature),
        );
    }

    // Deadlines against the notice's date, or the meeting's.
    let issued = h
        .date
        .map(|d| (d, "the notice's date"))
        .or_else(|| n.meeting.as_ref().and_then(|m| m.date).map(|d| (d, "the meeting's date")));
    if let Some((issued, what)) = issued {
        for t in n.tasks_flat() {
            for d in &t.deadlines {
                if let Some(due) = d.due.filter(|due| *due < issued) {
                    add(
                        Severity::Warning,
                        Code::DeadlineBeforeIssue,
                        format!("task {}: the deadline \"{}\" ({due}) is before {what} ({issued})", t.id, d.text),
                        Some(d.span),
                    );
                }
            }
        }
    }
    out
}

/// The span of the first region of this kind.
fn region(n: &Notice, kind: RegionKind) -> Option<Span> {
    n.regions.iter().find(|r| r.kind == kind).map(|r| r.span)
}

/// What is wrong with the number and symbol, if anything.
fn number_problem(h: &Header, kind: &DocKind, title: Option<&str>) -> Option<(Severity, String)> {
    let number = h.number.as_deref()?;
    let Some((serial, ty)) = number_form(number) else {
        return Some((
            Severity::Warning,
            format!(
                "the number and symbol {number} are not of a form of Decree 30/2020 (\"45/TB-UBND\", \"2221/UBND-TH\", \"45-TB/HU\")"
            ),
        ));
    };
    if let Some((_, codes)) = TYPE_CODES.iter().find(|(k, _)| *k == kind.as_str()) {
        let same = |c: &&str| c.to_uppercase() == ty.to_uppercase();
        if !codes.iter().any(same) && !COPY_CODES.iter().any(same) {
            let expected = codes.first().copied().unwrap_or_default();
            let doc = title.map_or_else(|| format!("a {kind} document"), |t| format!("a {t}"));
            return Some((
                Severity::Warning,
                format!("the symbol of {number} starts with {ty}, where {doc} takes {expected}"),
            ));
        }
    }
    if serial.len() == 1 && serial.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            Severity::Info,
            format!(
                "the number {serial} of {number} should be written 0{serial}: numbers under 10 take a leading zero"
            ),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Deadline, DeadlineKind, Issuer, Meeting, Region, Signature, Task};

    fn span(start: usize, line: usize) -> Span {
        Span { start, end: start + 10, line }
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// A notice that passes every check.
    fn good() -> Notice {
        let task = Task {
            id: "1".into(),
            label: Some("1".into()),
            numbering: crate::model::Numbering::Arabic,
            heading: None,
            text: "Giao Phòng Nội vụ rà soát; hoàn thành trước ngày 15/3/2025".into(),
            assignees: Vec::new(),
            deadlines: vec![Deadline {
                kind: DeadlineKind::Before,
                due: Some(date("2025-03-15")),
                text: "hoàn thành trước ngày 15/3/2025".into(),
                span: span(400, 12),
            }],
            subtasks: Vec::new(),
            span: span(380, 12),
        };
        Notice {
            schema_version: crate::model::SCHEMA_VERSION,
            kind: DocKind::ThongBao,
            is_conclusion: true,
            header: Header {
                issuer: Some(Issuer { name: "ỦY BAN NHÂN DÂN XÃ AN BÌNH".into(), parent: None }),
                number: Some("45/TB-UBND".into()),
                serial: Some("45".into()),
                symbol: Some("TB-UBND".into()),
                place: Some("An Bình".into()),
                date: Some(date("2025-03-06")),
            },
            title: Some("THÔNG BÁO".into()),
            subject: None,
            concluder: None,
            meeting: None,
            assessment: None,
            tasks_section: None,
            tasks: vec![task],
            assignments: Vec::new(),
            closing: None,
            recipients: Vec::new(),
            archive: vec!["VT".into()],
            signature: Some(Signature {
                authority: None,
                on_behalf_of: None,
                position: Some("CHỦ TỊCH".into()),
                name: Some("Lê Văn An".into()),
            }),
            references: Vec::new(),
            regions: vec![
                Region { kind: RegionKind::Header, span: span(0, 1) },
                Region { kind: RegionKind::Recipients, span: span(600, 20) },
                Region { kind: RegionKind::Signature, span: span(700, 30) },
            ],
            diagnostics: Vec::new(),
        }
    }

    fn number(n: &mut Notice, number: &str, kind: DocKind) {
        n.header.number = Some(number.into());
        n.kind = kind;
    }

    #[test]
    fn table() {
        type Case = (&'static str, fn(&mut Notice), &'static [(Code, Severity)]);
        use Code::*;
        use Severity::{Info, Warning};
        let cases: &[Case] = &[
            ("a complete notice", |_| {}, &[]),
            ("no number line", |n| n.header.number = None, &[(MissingNumber, Warning)]),
            (
                "blank number of a draft",
                |n| {
                    n.header.number = Some("/TB-UBND".into());
                    n.header.serial = None;
                },
                &[(MissingNumber, Info)],
            ),
            ("no date line", |n| (n.header.date, n.header.place) = (None, None), &[(MissingDate, Warning)]),
            ("blank day of a draft", |n| n.header.date = None, &[(MissingDate, Info)]),
            ("no header at all: header checks are silent", |n| n.header = Header::default(), &[]),
            (
                "flagged missing_header: header checks are silent",
                |n| {
                    n.header.number = None;
                    n.diagnostics.push(Diagnostic {
                        severity: Warning,
                        code: MissingHeader,
                        message: String::new(),
                        span: None,
                    });
                },
                &[],
            ),
            ("admin form with a unit", |n| number(n, "05/TB-UBND-VP", DocKind::ThongBao), &[]),
            ("công văn form", |n| number(n, "2221/UBND-TH", DocKind::CongVan), &[]),
            ("legal form with year", |n| number(n, "30/2020/NĐ-CP", DocKind::Other("nghi_dinh".into())), &[]),
            ("Party form", |n| number(n, "45-TB/HU", DocKind::ThongBao), &[]),
            ("letter after the serial", |n| number(n, "30c/NQ-CP", DocKind::Other("nghi_quyet".into())), &[]),
            ("mixed-case type code", |n| number(n, "12/TTr-UBND", DocKind::Other("to_trinh".into())), &[]),
            ("ASCII QD for QĐ", |n| number(n, "01/QD-UBND", DocKind::QuyetDinh), &[]),
            ("copy block code", |n| number(n, "03/SY-UBND", DocKind::ThongBao), &[]),
            ("hyphen lost", |n| number(n, "1961/QĐUBND", DocKind::QuyetDinh), &[(MalformedNumber, Warning)]),
            ("no slash", |n| number(n, "45TB-UBND", DocKind::ThongBao), &[(MalformedNumber, Warning)]),
            ("lower-case symbol", |n| number(n, "45/tb-ubnd", DocKind::ThongBao), &[(MalformedNumber, Warning)]),
            ("letters in the serial", |n| number(n, "4x5/TB-UBND", DocKind::ThongBao), &[(MalformedNumber, Warning)]),
            ("another type's code", |n| number(n, "45/QĐ-UBND", DocKind::ThongBao), &[(MalformedNumber, Warning)]),
            (
                "công văn symbol on a thông báo",
                |n| number(n, "45/UBND-VP", DocKind::ThongBao),
                &[(MalformedNumber, Warning)],
            ),
            (
                "serial without its leading zero",
                |n| number(n, "5/TB-UBND", DocKind::ThongBao),
                &[(MalformedNumber, Info)],
            ),
            (
                "no Nơi nhận: the Lưu line is not asked for too",
                |n| {
                    n.regions.retain(|r| r.kind != RegionKind::Recipients);
                    n.archive.clear();
                },
                &[(MissingRecipients, Warning)],
            ),
            ("no Lưu line", |n| n.archive.clear(), &[(MissingArchive, Warning)]),
            (
                "signature without a name",
                |n| n.signature.as_mut().unwrap().name = None,
                &[(SignatureWithoutName, Warning)],
            ),
            ("no signature block: not this check's business", |n| n.signature = None, &[]),
            (
                "deadline before the notice's date",
                |n| n.header.date = Some(date("2025-03-20")),
                &[(DeadlineBeforeIssue, Warning)],
            ),
            ("deadline on the notice's date", |n| n.header.date = Some(date("2025-03-15")), &[]),
            (
                "deadline before the meeting's date, without a notice date",
                |n| {
                    n.header = Header::default();
                    n.meeting = Some(Meeting { date: Some(date("2025-04-01")), ..Meeting::default() });
                },
                &[(DeadlineBeforeIssue, Warning)],
            ),
            (
                "a deadline without a day",
                |n| {
                    n.header.date = Some(date("2025-03-20"));
                    n.tasks[0].deadlines[0].due = None;
                },
                &[],
            ),
        ];
        for (name, edit, want) in cases {
            let mut n = good();
            edit(&mut n);
            let got: Vec<(Code, Severity)> = check(&n).iter().map(|d| (d.code, d.severity)).collect();
            assert_eq!(&got, want, "{name}");
        }
    }

    #[test]
    fn spans_and_messages() {
        let mut n = good();
        n.header.date = Some(date("2025-03-20"));
        n.archive.clear();
        n.signature.as_mut().unwrap().name = None;
        let d = check(&n);
        let at = |c: Code| d.iter().find(|d| d.code == c).unwrap();
        assert_eq!(at(Code::DeadlineBeforeIssue).span, Some(span(400, 12)), "the deadline's own span");
        assert!(
            at(Code::DeadlineBeforeIssue).message.contains("2025-03-15")
                && at(Code::DeadlineBeforeIssue).message.contains("task 1")
        );
        assert_eq!(at(Code::MissingArchive).span, Some(span(600, 20)), "the Nơi nhận list");
        assert_eq!(at(Code::SignatureWithoutName).span, Some(span(700, 30)), "the signing block");
    }

    #[test]
    fn subtask_deadlines_are_checked() {
        let mut n = good();
        let mut child = n.tasks[0].clone();
        child.id = "1.1".into();
        child.deadlines[0].due = Some(date("2025-01-01"));
        n.tasks[0].deadlines.clear();
        n.tasks[0].subtasks.push(child);
        let d = check(&n);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.starts_with("task 1.1:"), "{}", d[0].message);
    }

    /// The three patterns `number_form` replaced, as they were.
    fn number_patterns() -> [crate::patterns::Regex; 3] {
        use crate::patterns::compile;
        const SERIAL: &str = r"(?P<serial>[0-9]{1,6}[a-z]?)?";
        const GROUP: &str = r"\p{Lu}[\p{L}0-9&]*";
        [
            compile(&format!(r"^{SERIAL}/(?P<type>{GROUP})(?:-{GROUP})+$")),
            compile(&format!(r"^{SERIAL}/[0-9]{{4}}/(?P<type>{GROUP})(?:-{GROUP})+$")),
            compile(&format!(r"^{SERIAL}-(?P<type>{GROUP})/{GROUP}(?:-{GROUP})*$")),
        ]
    }

    /// `number_form` answers as the patterns did: on every word of the
    /// fixtures with a "/" or "-", and on numbers made of pieces that are
    /// right, nearly right and wrong.
    #[test]
    fn number_form_answers_as_the_patterns_did() {
        let old = number_patterns();
        let by_patterns = |n: &str| -> Option<(String, String)> {
            old.iter().find_map(|re| re.captures(n)).map(|c| {
                let part = |name| c.name(name).map_or(String::new(), |m| m.as_str().to_string());
                (part("serial"), part("type"))
            })
        };
        let mut numbers: Vec<String> = crate::patterns::fixture_lines()
            .iter()
            .flat_map(|l| l.split_whitespace().map(String::from).collect::<Vec<_>>())
            .filter(|w| w.contains(['/', '-']))
            .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ':' | '(' | ')' | '"')).to_string())
            .collect();
        // The right pieces first: every other number takes only those.
        let serials = ["", "1", "05", "123456", "12a", "1234567", "12A", "12ab", "a", "1b2"];
        let years = ["", "2020/", "202/", "20201/", "2O20/", "2020-"];
        let groups =
            ["TB", "UBND", "NĐ", "QyĐ", "TTr", "VP&T", "Tb1", "ĐẠI", "ÝÊN", "Ă", "tb", "1TB", "", "Ω", "T×", "&"];
        let seps = ["/", "-"];
        // A fixed walk through the pieces (no randomness between runs).
        let mut seed = 0x2545_f491_u64;
        let mut pick = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap() % n
        };
        for i in 0..20_000 {
            let right = i % 2 == 0;
            let (s, y, g) = if right { (5, 2, 10) } else { (serials.len(), years.len(), groups.len()) };
            let mut n = String::from(serials[pick(s)]);
            n.push_str(seps[pick(2)]);
            n.push_str(years[pick(y)]);
            n.push_str(groups[pick(g)]);
            for _ in 0..pick(4) {
                n.push_str(seps[pick(2)]);
                n.push_str(groups[pick(g)]);
            }
            numbers.push(n);
        }
        numbers.extend(
            ["45/TB-UBND", "30/2020/NĐ-CP", "45-TB/HU", "/TB-UBND", "-TB/HU", "", "/", "-", "45", "TB-UBND"]
                .map(String::from),
        );
        let mut matched = 0;
        for n in &numbers {
            let want = by_patterns(n);
            matched += usize::from(want.is_some());
            let got = number_form(n).map(|(s, t)| (s.to_string(), t.to_string()));
            assert_eq!(got, want, "{n:?}");
        }
        // The walk reaches both answers often enough to mean something.
        assert!(matched > 1_000 && numbers.len() - matched > 1_000, "{matched} of {}", numbers.len());
    }
}
