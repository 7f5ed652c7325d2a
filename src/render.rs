//! The canonical Markdown rendering of a [`Notice`].
//!
//! Parsing the rendering gives back an equal notice (spans, regions and
//! diagnostics aside), and rendering that notice gives the same Markdown:
//! the canonical form is a fixed point. Text is escaped so that nothing in
//! it reads as markup.

use crate::model::{Notice, Numbering, Role, Task};
use std::fmt::Write;

/// Marks a rendering as Markdown when nothing else in it does.
const MARKER: &str = "<!-- thongbao: canonical Markdown -->";

/// Renders `n` as canonical Markdown.
///
/// ```
/// let n = thongbao::parse("THÔNG BÁO\n\n**Kết luận của Chủ tịch UBND xã**\n");
/// let md = thongbao::to_markdown(&n);
/// assert_eq!(md, "THÔNG BÁO\n\n**Kết luận của Chủ tịch UBND xã**\n");
/// assert_eq!(thongbao::to_markdown(&thongbao::parse(&md)), md);
/// ```
pub fn to_markdown(n: &Notice) -> String {
    let mut out: Vec<String> = Vec::new();
    let h = &n.header;
    let mut head = Vec::new();
    if let Some(i) = &h.issuer {
        if let Some(p) = &i.parent {
            head.push(escape_list_start(&escape(p)));
        }
        head.push(escape_list_start(&escape(&i.name)));
    }
    if let Some(num) = &h.number {
        head.push(format!("Số: {}", escape(num)));
    }
    if h.place.is_some() || h.date.is_some() {
        let place = h.place.as_deref().map_or_else(String::new, escape);
        let date = h.date.map_or_else(
            || "ngày … tháng … năm …".to_string(),
            |d| format!("ngày {:02} tháng {:02} năm {}", d.day(), d.month(), d.year()),
        );
        head.push(format!("{place}, {date}"));
    }
    let cong_van_subject = n.title.is_none() && n.subject.as_deref().is_some_and(|s| s.starts_with("V/v "));
    if cong_van_subject && let Some(s) = &n.subject {
        head.push(escape(s));
    }
    // One paragraph a line: a header line never joins the next one.
    out.extend(head);
    if let Some(t) = &n.title {
        out.push(escape(t));
    }
    if let Some(s) = n.subject.as_ref().filter(|_| !cong_van_subject) {
        out.push(format!("**{}**", escape(s)));
    }
    if let Some(m) = &n.meeting {
        out.extend(m.paragraphs.iter().map(|p| escape(p)));
    }
    if let Some(a) = &n.assessment {
        if let Some(hd) = &a.heading {
            out.push(section_heading(a.label.as_deref(), hd));
        }
        out.extend(a.paragraphs.iter().map(|p| escape(p)));
    }
    if let Some(ts) = &n.tasks_section {
        if let Some(hd) = &ts.heading {
            out.push(section_heading(ts.label.as_deref(), hd));
        }
        out.extend(ts.intro.iter().map(|p| escape(p)));
    }
    task_list(&n.tasks, 0, &mut out);
    if let Some(c) = &n.closing {
        out.push(format!("{}./.", escape(c)));
    }
    // The signature is read after the recipients head, so it is written
    // even when the list is empty.
    if !n.recipients.is_empty() || !n.archive.is_empty() || n.signature.is_some() {
        out.push("Nơi nhận:".to_string());
        let mut list = String::new();
        for r in &n.recipients {
            let _ = writeln!(list, "- {};", escape_list_start(&escape(&r.text)));
        }
        if !n.archive.is_empty() {
            let _ = writeln!(list, "- Lưu: {}.", n.archive.iter().map(|a| escape(a)).collect::<Vec<_>>().join(", "));
        }
        if !list.trim_end().is_empty() {
            out.push(list.trim_end().to_string());
        }
    }
    if let Some(s) = &n.signature {
        let mut lines = Vec::new();
        if let Some(a) = s.authority {
            lines.push(format!("{}. {}", a.as_str(), s.on_behalf_of.as_deref().map_or_else(String::new, escape)));
        }
        // An acting head's "Q. GIÁM ĐỐC" alone already gives the position.
        let implied = s.authority == Some(crate::model::Authority::Q) && s.position == s.on_behalf_of;
        if let Some(p) = s.position.as_ref().filter(|_| !implied) {
            lines.push(escape(p));
        }
        if let Some(nm) = &s.name {
            lines.push(escape(nm));
        }
        if !lines.is_empty() {
            out.push(lines.join("\n"));
        }
    }
    // The rendering must read as Markdown again: the bold subject says so;
    // without one, a comment does.
    if n.subject.is_none() || cong_van_subject {
        out.insert(0, MARKER.to_string());
    }
    let mut s = out.join("\n\n");
    s.push('\n');
    s
}

fn section_heading(label: Option<&str>, heading: &str) -> String {
    match label {
        Some(l) => format!("{l}. {}", escape(heading)),
        None => format!("### {}", escape(heading)),
    }
}

/// Renders sibling tasks; consecutive rows of a task table become a table.
fn task_list(ts: &[Task], bullet_depth: usize, out: &mut Vec<String>) {
    let mut i = 0;
    while let Some(t) = ts.get(i) {
        if t.numbering == Numbering::TableRow {
            let rows: Vec<&Task> = ts.iter().skip(i).take_while(|r| r.numbering == Numbering::TableRow).collect();
            i += rows.len();
            let mut table = String::from(
                "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n| --- | --- | --- | --- | --- |",
            );
            for r in rows {
                let names = |role: Role| {
                    r.assignees
                        .iter()
                        .filter(|a| a.role == role)
                        .map(|a| escape(&a.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let time = r.deadlines.iter().map(|d| escape(&d.text)).collect::<Vec<_>>().join("; ");
                let _ = write!(
                    table,
                    "\n| {} | {} | {} | {} | {} |",
                    escape(r.label.as_deref().unwrap_or_default()),
                    escape(&r.text),
                    names(Role::Lead),
                    names(Role::Coordinate),
                    time
                );
            }
            out.push(table);
            continue;
        }
        task(t, bullet_depth, out);
        i += 1;
    }
}

fn task(t: &Task, bullet_depth: usize, out: &mut Vec<String>) {
    let mut line = String::new();
    let is_bullet = t.numbering == Numbering::Bullet;
    let label = t.label.as_deref().unwrap_or_default();
    match t.numbering {
        Numbering::Roman | Numbering::Arabic if !label.is_empty() => {
            let _ = write!(line, "{label}. ");
        }
        Numbering::Letter if !label.is_empty() => {
            let _ = write!(line, "{label}) ");
        }
        Numbering::ParenNumber | Numbering::ParenLetter if !label.is_empty() => {
            let _ = write!(line, "({label}) ");
        }
        Numbering::Bullet => {
            line.push_str(&"  ".repeat(bullet_depth));
            line.push_str("- ");
        }
        _ => {}
    }
    match (&t.heading, t.text.is_empty()) {
        (Some(h), true) => {
            let _ = write!(line, "{}:", escape(h));
        }
        (Some(h), false) => {
            let _ = write!(line, "{}: {}.", escape(h), escape(&t.text));
        }
        (None, _) => {
            let _ = write!(line, "{}.", escape(&t.text));
        }
    }
    out.push(line);
    let depth = if is_bullet { bullet_depth + 1 } else { bullet_depth };
    task_list(&t.subtasks, depth, out);
}

/// Escapes a list marker at the start of an item's text ("2. …", "3) …",
/// "- …", "+ …"), which Markdown would read as a nested list.
fn escape_list_start(s: &str) -> String {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = s.get(digits..).unwrap_or_default();
    let marker_end = |r: &str| r.get(1..).is_none_or(|t| t.is_empty() || t.starts_with([' ', '\t']));
    if (1..=9).contains(&digits) && rest.starts_with(['.', ')']) && marker_end(rest) {
        return format!("{}\\{rest}", s.get(..digits).unwrap_or_default());
    }
    if s.starts_with(['-', '+']) && marker_end(s) {
        return format!("\\{s}");
    }
    s.to_string()
}

/// Escapes what Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' | '!') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}
