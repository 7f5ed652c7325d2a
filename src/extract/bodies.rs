//! Bodies (administrative organs and groups of them) and the roles that
//! tasks give them.
//!
//! A body name opens with a body type from [`vocab::BODY_HEADS`] ("Phòng",
//! "Sở", "Chi cục", "UBND", …) and runs on while its words can belong to a
//! name: capitalised words, lower-case words that are not predicates, "và",
//! "-" or "," before a capitalised word (so "Phòng Lao động, Thương binh và
//! Xã hội" is one name), and a locality ("huyện", "tỉnh Quảng Ngãi") that
//! closes it. A group opens with "các" and a list of group nouns ("các cơ
//! quan, đơn vị, địa phương có liên quan").
//!
//! Roles come only from cue positions: after a role verb ("Giao", "Yêu
//! cầu", "Đề nghị", "phối hợp với"), or as the subject at the start of an
//! item or of a clause after ";". The object of "tham mưu UBND huyện",
//! "báo cáo UBND tỉnh" is never an assignee.

use crate::lexicon::{After, Before, Lexicon};
use crate::model::Role;
use crate::patterns::is_pattern_space;
use crate::vocab;
use std::sync::LazyLock;

struct Rx {
    head: Lexicon,
    group: Group,
    predicate: Lexicon,
    locality: Lexicon,
    title: Lexicon,
    role_prefix: Lexicon,
    advise: Lexicon,
    coordinate: Lexicon,
    head_opener: Lexicon,
    clause_prefix: Lexicon,
    weak: Lexicon,
    field: Lexicon,
    not_body: Lexicon,
    phrase: Lexicon,
    licensor: Lexicon,
    compound: Lexicon,
    /// "xây dựng", "xã hội": two syllables of one word inside a name.
    name_compound: Lexicon,
    role_cue: Lexicon,
    /// The body heads in lower case, beside each as written.
    heads_lower: Vec<(String, &'static str)>,
}

static RX: LazyLock<Rx> = LazyLock::new(|| {
    let roles: Vec<&str> = vocab::ROLE_PREFIXES.iter().map(|(w, _)| *w).collect();
    Rx {
        head: Lexicon::new(vocab::BODY_HEADS),
        group: Group {
            lead: Lexicon::new(vocab::GROUP_LEADS),
            word: Lexicon::caseless(vocab::GROUP_WORDS),
            noun: Lexicon::caseless(vocab::GROUP_NOUNS),
            noun_exact: Lexicon::new(vocab::GROUP_NOUNS),
            qualifier: Lexicon::caseless(vocab::GROUP_QUALIFIERS),
            locality: Lexicon::new(vocab::GROUP_LOCALITIES),
        },
        predicate: Lexicon::new(vocab::PREDICATE_WORDS),
        locality: Lexicon::new(vocab::LOCALITY_WORDS),
        title: Lexicon::new(vocab::TITLE_HEADS),
        role_prefix: Lexicon::caseless(&roles),
        advise: Lexicon::new(vocab::ADVISE_PREDICATES),
        coordinate: Lexicon::new(vocab::COORDINATE_PREDICATES),
        head_opener: Lexicon::new(vocab::HEAD_OPENERS),
        clause_prefix: Lexicon::new(vocab::CLAUSE_PREFIXES),
        phrase: {
            // The commas of a phrase are often left out ("phòng chống thiên tai").
            let bare: Vec<String> = vocab::NAME_PHRASES.iter().map(|p| p.replace(',', "")).collect();
            let all: Vec<&str> = vocab::NAME_PHRASES.iter().copied().chain(bare.iter().map(String::as_str)).collect();
            Lexicon::new(&all)
        },
        field: Lexicon::new(vocab::FIELD_NAMES),
        not_body: Lexicon::new(vocab::NOT_BODIES),
        weak: Lexicon::new(vocab::NAME_VERBS),
        licensor: Lexicon::caseless(vocab::NAME_VERB_LICENSORS),
        compound: Lexicon::caseless(vocab::COMPOUND_NOUNS),
        name_compound: Lexicon::caseless(vocab::NAME_COMPOUNDS),
        role_cue: Lexicon::new(vocab::ROLE_CUES_AFTER),
        heads_lower: vocab::BODY_HEADS.iter().map(|h| (h.to_lowercase(), *h)).collect(),
    }
});

/// The end of a person named before a group of bodies at the start of `s`
/// ("Thủ trưởng", "Đại diện lãnh đạo"; see
/// [`vocab::GROUP_OPENERS_BEFORE_LIST`]).
fn group_opener_end(s: &str) -> Option<usize> {
    let rest = vocab::GROUP_OPENERS_BEFORE_LIST.iter().find_map(|w| s.strip_prefix(w))?;
    let spaced = rest.trim_start_matches(is_pattern_space);
    let second = vocab::GROUP_OPENER_SECOND.iter().find_map(|w| spaced.strip_prefix(w));
    let rest = second.filter(|_| spaced.len() < rest.len()).unwrap_or(rest);
    Some(s.len() - rest.len())
}

/// The end of an ordinal lead at the start of `s` and the white space after
/// it: "Thứ hai, " (see [`vocab::ORDINAL_WORDS`]).
fn ordinal_prefix_end(s: &str) -> Option<usize> {
    let end = crate::patterns::labels::ordinal_lead_end(s)?;
    Some(s.len() - s.get(end..)?.trim_start_matches(is_pattern_space).len())
}

/// A group of bodies: "[lead] các <noun>[ <qualifier>]{, <noun>[
/// <qualifier>] | và <noun>}[ <qualifier>[ [UBND] <locality>]]{0,2}"
/// ("Thủ trưởng các cơ quan, đơn vị có liên quan", "các xã, thị trấn").
struct Group {
    lead: Lexicon,
    word: Lexicon,
    noun: Lexicon,
    /// After "và" a noun is taken in its own case only.
    noun_exact: Lexicon,
    qualifier: Lexicon,
    locality: Lexicon,
}

/// The length of the white space that starts `s`.
fn gap(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

impl Group {
    /// The end of the group that starts `s`, if one does.
    fn end(&self, s: &str) -> Option<usize> {
        let lead = self.lead.lead(s).and_then(|l| self.after_lead(s, l));
        lead.or_else(|| self.after_lead(s, 0))
    }

    /// After `lex` at `at` (once white space if `space`): its end.
    fn next(s: &str, at: usize, space: bool, lex: &Lexicon) -> Option<usize> {
        let r = s.get(at..)?;
        let g = gap(r);
        if space && g == 0 {
            return None;
        }
        let at = at + g;
        lex.find(s.get(at..)?, After::Any).map(|(e, _)| at + e)
    }

    fn after_lead(&self, s: &str, at: usize) -> Option<usize> {
        let at = at + self.word.lead(s.get(at..)?)?;
        let mut p = at + self.noun.find(s.get(at..)?, After::Any)?.0;
        p = Self::next(s, p, true, &self.qualifier).unwrap_or(p);
        loop {
            let comma = s.get(p..).map(|r| p + gap(r)).filter(|&c| s.get(c..).is_some_and(|r| r.starts_with(',')));
            let listed = comma.and_then(|c| Self::next(s, c + 1, false, &self.noun)).or_else(|| {
                let r = s.get(p..)?;
                let g = gap(r);
                let va = r.get(g..)?.strip_prefix("và")?;
                (g > 0 && gap(va) > 0).then_some(())?;
                Self::next(s, p + g + "và".len(), true, &self.noun_exact)
            });
            let Some(e) = listed else { break };
            p = Self::next(s, e, true, &self.qualifier).unwrap_or(e);
        }
        for _ in 0..2 {
            let Some(q) = Self::next(s, p, true, &self.qualifier) else { break };
            p = q;
            let ubnd = Self::next(s, p, true, &UBND).unwrap_or(p);
            p = Self::next(s, ubnd, true, &self.locality).unwrap_or(p);
        }
        Some(p)
    }
}

/// "UBND" before a locality that closes a group.
static UBND: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&["UBND"]));

/// The role cues, folded once.
static ROLE_KEYS: LazyLock<Vec<(String, Role)>> =
    LazyLock::new(|| vocab::ROLE_PREFIXES.iter().map(|(w, r)| (crate::vocab::fold_key(w), *r)).collect());

/// The role of the cue `verb` as written in the text: the first cue whose
/// key is the key of `verb` in lower case (a lead when none is).
fn cue_role(verb: &str) -> Role {
    let role_of = |key: &str| ROLE_KEYS.iter().find(|(k, _)| k == key).map_or(Role::Lead, |(_, r)| *r);
    // A cue written as the list writes it, but for the case of its ASCII
    // letters ("Giao", "Phối hợp với"): its lower case is the cue, whose
    // key is known (the list is in lower case: a test checks it).
    let listed = vocab::ROLE_PREFIXES.iter().zip(ROLE_KEYS.iter()).find(|((w, _), _)| w.eq_ignore_ascii_case(verb));
    match listed {
        Some((_, (key, _))) => role_of(key),
        None => role_of(&crate::vocab::fold_key(&verb.to_lowercase())),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word,
    Comma,
    Dash,
    Stop,
}

impl Tok {
    /// The kind of the token that starts with `c`.
    fn of(c: char) -> Self {
        match c {
            ',' => Tok::Comma,
            '-' | '–' | '—' => Tok::Dash,
            ':' | ';' | '(' | ')' | '“' | '”' | '"' | '.' | '!' | '?' | '|' => Tok::Stop,
            _ => Tok::Word,
        }
    }
}

/// The tokens of `s` from `at`: (start, end, kind), read as far as they
/// are asked for. A name is read from at most the next 65 tokens: bounded
/// work per scan, so a long line of words stays linear.
struct Tokens<'a> {
    s: &'a str,
    /// Where the next token is looked for.
    pos: usize,
    toks: Vec<(usize, usize, Tok)>,
    /// No token after the last one read.
    done: bool,
}

impl<'a> Tokens<'a> {
    fn new(s: &'a str, at: usize) -> Self {
        Self { s, pos: at, toks: Vec::new(), done: s.get(at..).is_none() }
    }

    /// Token `i`, if there is one.
    fn get(&mut self, i: usize) -> Option<(usize, usize, Tok)> {
        while self.toks.len() <= i && !self.done {
            self.read();
        }
        self.toks.get(i).copied()
    }

    /// Reads the next token, or finds that there is none.
    fn read(&mut self) {
        if self.toks.len() > 64 {
            self.done = true;
            return;
        }
        let rest = self.s.get(self.pos..).unwrap_or_default();
        let trimmed = rest.trim_start();
        let start = self.pos + (rest.len() - trimmed.len());
        let Some(c) = trimmed.chars().next() else {
            self.done = true;
            return;
        };
        let kind = Tok::of(c);
        let mut end = start + c.len_utf8();
        if kind == Tok::Word {
            end = self.word_end(end);
        }
        self.toks.push((start, end, kind));
        self.pos = end;
    }

    /// The end of the word whose next character starts at `at`: before
    /// white space, `, : ; ( ) “ ” " ! ? |`, or a `.` that no letter or
    /// digit follows.
    fn word_end(&self, at: usize) -> usize {
        let bytes = self.s.as_bytes();
        let mut j = at;
        while let Some(&b) = bytes.get(j) {
            let len = if b < 0x80 {
                let d = char::from(b);
                if d.is_whitespace() || matches!(d, ',' | ':' | ';' | '(' | ')' | '"' | '!' | '?' | '|') {
                    break;
                }
                if d == '.' && !self.s.get(j + 1..).is_some_and(|r| r.starts_with(|x: char| x.is_alphanumeric())) {
                    break;
                }
                1
            } else if may_end_word(b) {
                let Some(d) = self.s.get(j..).and_then(|r| r.chars().next()) else { break };
                if d.is_whitespace() || matches!(d, '“' | '”') {
                    break;
                }
                d.len_utf8()
            } else {
                // A letter of Vietnamese, the usual character: its length
                // from its first byte.
                crate::lexicon::utf8_len(b)
            };
            j += len;
        }
        j.min(self.s.len())
    }
}

/// Whether a character other than ASCII whose UTF-8 starts with `b` can
/// end a word: white space (U+0085, U+00A0: C2; U+1680: E1; U+2000 to
/// U+205F: E2; U+3000: E3) or a curly quote (U+201C, U+201D: E2). A
/// necessary condition: other first bytes (C3 to C6, most E1) are letters
/// read on without decoding.
fn may_end_word(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// At most the first `n` bytes of `s`, cut at a character boundary: what
/// an anchored cue can match, so that testing it costs no more.
fn prefix_of(s: &str, n: usize) -> &str {
    s.get(..s.floor_char_boundary(n)).unwrap_or_default()
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The part of `w` after its last space (all of `w` without one).
fn after_last_space(w: &str) -> &str {
    w.as_bytes().iter().rposition(|&b| b == b' ').and_then(|k| w.get(k + 1..)).unwrap_or(w)
}

fn all_caps(w: &str) -> bool {
    let w = after_last_space(w);
    // A lower-case letter, the usual answer, is seen first.
    !w.chars().any(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Makes `buf` hold `s` (no allocation once it is long enough).
fn set(buf: &mut String, s: &str) {
    buf.clear();
    buf.push_str(s);
}

/// The last word of `s` in a buffer with room for the two words that
/// [`scan`] keeps in it (no reallocation as the name is read).
fn last_word_buffer(s: &str) -> String {
    let last = s.split_whitespace().next_back().unwrap_or_default();
    let mut buf = String::with_capacity(last.len().max(48));
    buf.push_str(last);
    buf
}

/// Whether a body or a group starts at `at`.
pub(crate) fn starts_body(s: &str, at: usize) -> bool {
    let r = s.get(at..).unwrap_or_default();
    (RX.head.starts(r) && !RX.not_body.starts(r)) || RX.group.end(r).is_some()
}

/// The end of the body name or group that starts at `at`, if one does.
pub(crate) fn scan(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    let (mut end, mut after_loc, mut prev_word, mut words) = if let Some(g) = RX.group.end(rest) {
        let g = rest.get(..g).unwrap_or_default().trim_end();
        (at + g.len(), false, last_word_buffer(g), 1)
    } else {
        if RX.not_body.starts(rest) {
            return None;
        }
        let h = rest.get(..RX.head.word_at(rest)?).unwrap_or_default();
        (at + h.len(), RX.locality.starts(h), last_word_buffer(h), 0)
    };
    let mut toks = Tokens::new(s, end);
    // Capitalised words in a row: after a proper name ("… Hòa Phong") or an
    // abbreviation ("Sở GTVT"), a lower-case word starts the predicate.
    let mut caps_run = 0;
    let mut i = 0;
    while let Some((ts, te, kind)) = toks.get(i) {
        let w = s.get(ts..te).unwrap_or_default();
        let from = s.get(ts..).unwrap_or_default();
        let next = toks.get(i + 1);
        let next_word = next.filter(|t| t.2 == Tok::Word).and_then(|t| s.get(t.0..t.1));
        let next_from = next.and_then(|t| s.get(t.0..)).unwrap_or_default();
        match kind {
            Tok::Word if w == "và" || w == "&" => {
                // "… dân dụng và công nghiệp tỉnh": a lower-case pair that a
                // locality closes within three words belongs to the name.
                let closes = next_word.is_some_and(|n| !capitalised(n) && n != "các")
                    && (i + 1..i + 4)
                        .map_while(|k| toks.get(k))
                        .any(|t| t.2 == Tok::Word && s.get(t.0..).is_some_and(|r| RX.locality.starts(r)));
                let joins = closes
                    || next_word.is_some_and(|n| {
                        capitalised(n)
                            && (!RX.head.starts(next_from) || all_caps(&prev_word))
                            && !RX.title.starts(next_from)
                            && !after_loc
                    });
                if !joins {
                    break;
                }
            }
            Tok::Word if RX.phrase.starts(from) => {
                let len = RX.phrase.word_at(from).unwrap_or(0);
                end = ts + len;
                while toks.get(i + 1).is_some_and(|t| t.1 <= end) {
                    i += 1;
                }
                set(&mut prev_word, s.get(ts..end).unwrap_or_default());
                caps_run = 0;
                words += 1;
            }
            Tok::Word => {
                // The locality that starts here, looked up once for the
                // three questions below.
                let locality = RX.locality.word_at(from);
                let last = after_last_space(&prev_word);
                // "… Xây dựng …": the second syllable of a capitalised word.
                let second_syllable = !capitalised(w) && capitalised(last) && RX.name_compound.is_pair(last, w);
                // "… Chính sách xã hội …": a word that only looks like a locality.
                let not_locality = next_word.is_some_and(|n| locality.is_some() && RX.name_compound.is_pair(w, n))
                    && !after_loc
                    && words > 0;
                if second_syllable || not_locality {
                    end = if not_locality { toks.get(i + 1).map_or(te, |t| t.1) } else { te };
                    if not_locality {
                        i += 1;
                    }
                    set(&mut prev_word, s.get(ts..end).unwrap_or_default());
                    caps_run = 0;
                    words += 1;
                    i += 1;
                    continue;
                }
                if !capitalised(w) {
                    // A role cue ("phân công", "giao") starts the predicate.
                    if RX.role_prefix.lead(prefix_of(from, 48)).is_some()
                        && !next_word.is_some_and(|n| RX.name_compound.is_pair(w, n))
                    {
                        break;
                    }
                    if (after_loc || caps_run >= 2 || all_caps(&prev_word) && words > 0) && locality.is_none() {
                        break;
                    }
                    let compound = RX.compound.is_pair(last, w) || next_word.is_some_and(|n| RX.compound.is_pair(w, n));
                    let weak = std::cell::OnceCell::new();
                    let is_weak = || *weak.get_or_init(|| RX.weak.starts(from));
                    let licensed = compound || is_weak() && RX.licensor.is(&prev_word);
                    if RX.predicate.starts(from) && !licensed && !(is_weak() && name_continues(s, &mut toks, i)) {
                        break;
                    }
                    if let Some(loc) = locality {
                        // A locality of two words ("thành phố", "thị xã") is taken whole.
                        let loc_end = ts + loc;
                        while toks.get(i + 1).is_some_and(|t| t.1 <= loc_end) {
                            i += 1;
                        }
                        after_loc = true;
                        end = loc_end;
                        set(&mut prev_word, s.get(ts..loc_end).unwrap_or_default());
                        caps_run = 0;
                        words += 1;
                        i += 1;
                        continue;
                    }
                } else if after_loc && RX.head.starts(from) {
                    break;
                }
                end = te;
                caps_run = if capitalised(w) { caps_run + 1 } else { 0 };
                // The last word before it, then this one.
                prev_word.drain(..prev_word.as_bytes().iter().rposition(|&b| b == b' ').map_or(0, |k| k + 1));
                prev_word.push(' ');
                prev_word.push_str(w);
                words += 1;
                if words > 14 {
                    break;
                }
            }
            Tok::Comma | Tok::Dash => {
                // "… các huyện, thị xã": a list of localities after "các".
                let localities = kind == Tok::Comma
                    && s.get(at..ts).is_some_and(|n| n.contains(" các "))
                    && RX.locality.starts(next_from);
                // After a proper name ("Viễn thông Hải Xuân, Viettel …") a
                // comma ends the name; inside a field name ("Văn hóa, Thể
                // thao") the word before it is in lower case, and after
                // "các xã" the names listed are places ("Hòa Lạc, Thụy Sơn").
                let plural = s.get(at..ts).is_some_and(|n| n.contains("các ") || n.contains("Các "));
                let joins = localities
                    || next_word.is_some_and(|n| {
                        capitalised(n)
                            && !RX.head.starts(next_from)
                            && !RX.title.starts(next_from)
                            && (!after_loc || plural)
                            && (kind == Tok::Dash || caps_run < 2 || plural)
                    });
                if !joins {
                    break;
                }
            }
            Tok::Stop => break,
        }
        i += 1;
    }
    Some(end)
}

/// At a verb that can also be part of a name ("Phòng Quản lý xây dựng"),
/// whether the name runs on: the clause reaches a role cue ("chủ trì",
/// "phối hợp", …), a colon or its end within twelve words, without another
/// predicate on the way.
fn name_continues(s: &str, toks: &mut Tokens<'_>, from: usize) -> bool {
    for k in from + 1..from + 13 {
        let Some((ts, _, kind)) = toks.get(k) else { break };
        let r = s.get(ts..).unwrap_or_default();
        match kind {
            Tok::Stop => return r.starts_with(':'),
            Tok::Comma => return false,
            Tok::Word if RX.role_cue.starts(r) => return true,
            Tok::Word if RX.predicate.starts(r) && !RX.weak.starts(r) => return false,
            _ => {}
        }
    }
    false
}

/// The end of a proper name of two to six capitalised words at `at`
/// ("Viettel Hải Xuân"): a body without a body word, taken only as the
/// next entry of a list that a body opened. A person's name (a surname
/// first) is not one.
fn proper_name(s: &str, at: usize) -> Option<usize> {
    let mut toks = Tokens::new(s, at);
    let mut end = None;
    let mut n = 0;
    for k in 0..7 {
        let Some((ts, te, kind)) = toks.get(k) else { break };
        let w = s.get(ts..te).unwrap_or_default();
        if kind != Tok::Word || !capitalised(w) {
            break;
        }
        if n == 0 && (vocab::SURNAMES.contains(&w) || RX.title.starts(s.get(ts..).unwrap_or_default())) {
            return None;
        }
        n += 1;
        end = Some(te);
    }
    end.filter(|_| (2..=6).contains(&n))
}

/// The colon that ends a topic head at the start of `s` ("Về thu ngân
/// sách: …"): within one sentence and 160 bytes.
pub(crate) fn topic_head(s: &str) -> Option<usize> {
    let opener = vocab::topic_opener(s)?;
    let c = s.find(':').filter(|&c| c < 160)?;
    let head = s.get(opener.len()..c)?;
    (!head.trim().is_empty() && !head.contains(['.', ';'])).then_some(c)
}

/// Bodies listed from `at`: the first one and those after "," or "và".
pub(crate) fn scan_list(s: &str, at: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = at;
    while let Some(end) = scan(s, pos).or_else(|| if out.is_empty() { None } else { proper_name(s, pos) }) {
        if end <= pos {
            break;
        }
        out.push((pos, end));
        let rest = s.get(end..).unwrap_or_default();
        let trimmed = rest.trim_start_matches([' ', ',']);
        let skip = rest.len() - trimmed.len();
        let (next, off) = if let Some(r) = trimmed.strip_prefix("và ") {
            (r, skip + "và ".len())
        } else if rest.trim_start().starts_with(',') {
            (trimmed, skip)
        } else {
            break;
        };
        let lead = next.len() - next.trim_start().len();
        let np = end + off + lead;
        if !(starts_body(s, np) || proper_name(s, np).is_some()) || out.len() > 32 {
            break;
        }
        pos = np;
    }
    out
}

/// A body found on a task, with its role (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// The name, when it is not the text at `start..end` (a list expanded
    /// from "các Sở: Tài chính, Xây dựng" gives "Sở Tài chính" over "Tài chính").
    pub name: Option<String>,
}

/// Expands a group followed by a colon list: "lãnh đạo các Sở: Tài chính,
/// Xây dựng" gives ("Sở Tài chính", span of "Tài chính") and ("Sở Xây
/// dựng", …); "UBND các xã: A, B" gives "UBND xã A", "UBND xã B". `start..end`
/// is the group; the list runs to the next ";", ":" or sentence end.
pub(crate) fn expand_list(s: &str, start: usize, end: usize) -> Option<Vec<(usize, usize, String)>> {
    let group = s.get(start..end)?;
    let rest = s.get(end..)?;
    let after = rest.trim_start();
    if !after.starts_with(':') {
        return None;
    }
    let cac = group.rfind("các ").or_else(|| group.rfind("Các "))?;
    let after_cac = group.get(cac + "các ".len()..)?;
    // "các phòng", "các chi cục": the body type, written as a name's head
    // ("Phòng Nội vụ"); localities stay in lower case ("xã An Hải").
    let lower = after_cac.to_lowercase();
    let typed = RX
        .heads_lower
        .iter()
        .filter(|(hl, _)| {
            lower.starts_with(hl.as_str())
                && lower.get(hl.len()..).is_none_or(|r| r.is_empty() || r.starts_with([' ', ',']))
        })
        .map(|(_, h)| h)
        .max_by_key(|h| h.len());
    let first = after_cac.split([',', ' ']).next()?.trim();
    let noun = match typed {
        Some(h) if !vocab::LOCALITY_WORDS.contains(&first) => *h,
        _ => first,
    };
    let before = group.get(..cac)?.trim();
    let prefix = before.get(group_opener_end(before).unwrap_or(0)..).unwrap_or_default().trim();
    let head = if prefix.is_empty() { noun.to_string() } else { format!("{prefix} {noun}") };
    let list_start = end + (rest.len() - after.len()) + 1;
    let tail = s.get(list_start..)?;
    // A line break ends the list unless the list runs on over a wrapped
    // line (hard-wrapped PDF text): an item after it, or nothing before it.
    let wrapped = |i: usize| {
        let next = tail.get(i + 1..).unwrap_or_default().trim_start();
        !tail.get(..i).unwrap_or_default().trim().is_empty()
            && !next.is_empty()
            && !crate::patterns::P.is_item_label(next)
            && !crate::patterns::P.is_bullet_start(next)
    };
    let end_at = |semicolon: bool| {
        let stop = tail
            .char_indices()
            .find(|&(i, c)| matches!(c, ':' | '(') || c == ';' && semicolon || c == '\n' && !wrapped(i))
            .map_or(tail.len(), |(i, _)| i);
        tail.get(..stop).and_then(|t| t.find(". ")).unwrap_or(stop)
    };
    // "các phòng: Văn hóa, Khoa học và Thông tin; Nội vụ; Tài chính": a list
    // whose items hold commas is split at ";" alone.
    let long = tail.get(..end_at(false)).unwrap_or_default();
    // Not when a later part names a participant of its own ("…; Công an
    // tỉnh; Chủ tịch UBND các xã").
    let by_semicolon = long.contains(';')
        && long.split(';').map(str::trim).filter(|p| !p.is_empty()).enumerate().all(|(k, p)| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.split_whitespace().count() <= 8
                && !p.split_whitespace().any(|w| RX.predicate.starts(w) && !capitalised(w))
                && (k == 0 || !starts_body(p, 0) && !RX.title.starts(p))
        });
    let stop = if by_semicolon { long.len() } else { end_at(true) };
    let mut out = Vec::new();
    let list = tail.get(..stop)?;
    // Separators outside the field names that hold one ("Kế hoạch và Đầu tư").
    let protected: Vec<(usize, usize)> = RX.field.search_all(list, After::Any);
    let inside = |i: usize| protected.iter().any(|(a, b)| *a <= i && i < *b);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let separators: Vec<(usize, &str)> = if by_semicolon {
        list.match_indices(';').collect()
    } else {
        list.match_indices(',').chain(list.match_indices(" và ")).collect()
    };
    for (i, sep) in separators {
        if !inside(i) {
            cuts.push((i, i + sep.len()));
        }
    }
    cuts.sort_unstable();
    let mut parts: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((list.len(), list.len()))) {
        parts.push((from, list.get(from..a).unwrap_or_default()));
        from = b;
    }
    let parts_len = parts.iter().filter(|(_, p)| !p.trim().is_empty()).count();
    for (off, part) in parts {
        {
            let off = list_start + off;
            let lead = part.len() - part.trim_start().len();
            let item = part.trim().trim_end_matches('.');
            // The list ends where a predicate starts ("Xây dựng rà soát").
            let cut = item
                .match_indices(char::is_whitespace)
                .map(|(i, _)| i + 1)
                .find(|&i| item.get(i..).is_some_and(|r| !capitalised(r) && RX.predicate.starts(r)))
                .map_or(item.len(), |i| i - 1);
            let whole = cut == item.len();
            let item = item.get(..cut).unwrap_or(item).trim();
            if item.is_empty() {
                continue;
            }
            if !item.chars().next().is_some_and(char::is_uppercase) || item.split_whitespace().count() > 8 {
                // An item that is not a name: keep the whole list as written
                // rather than drop a part of it.
                return None;
            }
            if parts_len == 1 && !whole {
                // "UBND các xã: Tập trung chỉ đạo …" is a sentence, not a list.
                return None;
            }
            {
                let item_name = item.split_whitespace().collect::<Vec<_>>().join(" ");
                let name = if RX.head.starts(item) { item_name } else { format!("{head} {item_name}") };
                out.push((off + lead, off + lead + item.len(), name));
            }
            if !whole {
                // The list ended inside this part, at its predicate.
                break;
            }
        }
    }
    (out.len() >= 2 || out.len() == 1 && !list.contains(',')).then_some(out)
}

fn push_expanded(out: &mut Vec<Found>, s: &str, a: usize, b: usize, role: Role) {
    match expand_list(s, a, b) {
        Some(items) => {
            out.extend(items.into_iter().map(|(x, y, name)| Found { start: x, end: y, role, name: Some(name) }))
        }
        None => out.push(Found { start: a, end: b, role, name: None }),
    }
}

/// The assignees named in a task's text.
pub(crate) fn assignees(s: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // After a role verb.
    for (a, b, next) in RX.role_prefix.leads_in(s, Before::Open) {
        let role = cue_role(s.get(a..b).unwrap_or_default());
        for (a, b) in scan_list(s, next) {
            push_expanded(&mut out, s, a, b, role);
        }
    }
    // In subject position: the item's start and each clause after ";".
    let mut starts = vec![0];
    if let Some(c) = topic_head(s) {
        starts.push(c + 1);
    }
    starts.extend(s.match_indices(';').map(|(i, _)| i + 1));
    for st in starts {
        let lead = s.get(st..).map_or(0, |r| r.len() - r.trim_start().len());
        let mut p = st + lead;
        // "Đối với Phòng X:" names the body its items are for.
        let mut head_only = false;
        // "Thứ hai, Sở X hướng dẫn …": the subject after the ordinal.
        if st == 0
            && let Some(end) = s.get(p..).and_then(ordinal_prefix_end)
        {
            p += end;
        }
        if let Some(m) = s.get(p..).and_then(|r| RX.clause_prefix.lead(r)) {
            for (a, b) in scan_list(s, p + m) {
                push_expanded(&mut out, s, a, b, Role::Lead);
            }
            continue;
        }
        if st == 0
            && let Some(m) = s.get(p..).and_then(|r| RX.head_opener.lead(r))
        {
            p += m;
            head_only = true;
        }
        let list = scan_list(s, p);
        let Some(&(_, last)) = list.last() else { continue };
        let after = s.get(last..).unwrap_or_default().trim_start();
        // "UBND tỉnh yêu cầu X": the issuer speaking, not an assignee; but
        // "UBND các xã phối hợp với X vận động …" does the task.
        let cue = RX.role_prefix.lead(prefix_of(after, 200));
        // "… phân công lãnh đạo trực": a cue whose object is not a body
        // leaves the subject the one who acts.
        let cue_to_body = cue.is_some_and(|e| starts_body(after, e));
        if cue_to_body && !RX.coordinate.starts(after) {
            continue;
        }
        if head_only && !after.starts_with(':') {
            continue;
        }
        let role = if RX.advise.starts(after) {
            Role::Advise
        } else if RX.coordinate.starts(after) && !cue_to_body {
            Role::Coordinate
        } else {
            Role::Lead
        };
        let subject = after.is_empty()
            || (after.starts_with(':') && expand_list(s, list.first().map_or(p, |x| x.0), last).is_none())
            || (after.starts_with(':') && list.len() == 1)
            || after.starts_with(|c: char| c.is_lowercase()) && !after.starts_with("và ");
        if subject {
            for (a, b) in list {
                push_expanded(&mut out, s, a, b, role);
            }
        }
    }
    out.sort_by_key(|f| f.start);
    one_per_name(s, out)
}

/// The entries of `found` (in order), one per name and role, a lead not
/// also an adviser, and none overlapping one kept before it. Names are
/// compared by their [`crate::vocab::fold_key`], folded only once there is
/// another entry to compare them with (a task names one body most often).
fn one_per_name(s: &str, found: Vec<Found>) -> Vec<Found> {
    let key = |f: &Found| {
        crate::vocab::fold_key(f.name.as_deref().unwrap_or_else(|| s.get(f.start..f.end).unwrap_or_default()))
    };
    let mut kept: Vec<(Option<String>, Found)> = Vec::new();
    for f in found {
        if kept.is_empty() {
            kept.push((None, f));
            continue;
        }
        let n = key(&f);
        for (kn, k) in &mut kept {
            if kn.is_none() {
                *kn = Some(key(k));
            }
        }
        let same = |kn: &Option<String>| kn.as_deref() == Some(n.as_str());
        if kept.iter().any(|(kn, k)| same(kn) && (k.role == f.role || (k.role == Role::Lead && f.role == Role::Advise)))
        {
            continue;
        }
        if f.role == Role::Lead {
            kept.retain(|(kn, k)| !(same(kn) && k.role == Role::Advise));
        }
        if kept.iter().any(|(_, k)| k.start < f.end && f.start < k.end) {
            continue;
        }
        kept.push((Some(n), f));
    }
    kept.into_iter().map(|(_, f)| f).collect()
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&RX);
    LazyLock::force(&UBND);
    LazyLock::force(&ROLE_KEYS);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::compile;
    use crate::vocab::alternation;

    /// `group_opener_end` and `ordinal_prefix_end` end where the patterns
    /// they replaced ended their match, at the start of every fixture line,
    /// after every white space of it, and on made-up lines.
    #[test]
    fn openers_end_where_the_patterns_did() {
        let group = compile(r"^(?:[Tt]hủ trưởng|[Ll]ãnh đạo|[Đđ]ại diện)(?:\s+[Ll]ãnh đạo)?");
        let ordinal = compile(&format!(r"^Thứ\s+{}\s*,\s*", alternation(vocab::ORDINAL_WORDS)));
        let made = [
            "Thủ trưởng các cơ quan",
            "thủ trưởng",
            "Lãnh đạo  lãnh đạo",
            "Đại diện Lãnh đạo các xã",
            "Đại diệnlãnh đạo",
            "đại diện lãnh",
            "Thủ  trưởng",
            "Thứ hai, Sở",
            "Thứ  ba ,  UBND",
            "Thứ tư,",
            "Thứ năm Sở",
            "Thứhai, x",
            "Thứ bảy,\tx",
            "Thứ mười,",
            "Thứ ba",
            "thứ hai, x",
            "Thứ nhất,Sở",
            "",
        ];
        let lines = crate::patterns::tests::normalized_lines(&made);
        let mut seen = [0, 0, 0, 0];
        for line in lines.iter().map(String::as_str).chain(made) {
            let starts = line.match_indices(char::is_whitespace).map(|(i, c)| i + c.len());
            for r in starts.chain([0]).filter_map(|i| line.get(i..)) {
                let want = group.find(r).map(|m| m.end());
                seen[usize::from(want.is_some())] += 1;
                assert_eq!(group_opener_end(r), want, "{r:?}");
                let want = ordinal.find(r).map(|m| m.end());
                seen[2 + usize::from(want.is_some())] += 1;
                assert_eq!(ordinal_prefix_end(r), want, "{r:?}");
            }
        }
        assert!(seen[1] > 10 && seen[3] > 5, "{seen:?}");
    }

    /// Every character that ends a word outside ASCII starts with a byte
    /// that `may_end_word` lets through, and words read as before.
    #[test]
    fn word_end_gate_is_necessary() {
        for c in ('\u{80}'..=char::MAX).filter(|&c| c.is_whitespace() || matches!(c, '“' | '”')) {
            let mut buf = [0u8; 4];
            let first = c.encode_utf8(&mut buf).bytes().next().unwrap_or(0);
            assert!(may_end_word(first), "{c:?}");
        }
        let texts = [
            "Sở Xây\u{a0}dựng, Phòng “A” b.c d. e",
            "UBND\u{2003}huyện; x|y (z) ồ!",
            "Đức\u{3000}Hòa\u{1680}ẞ\u{202f}x",
            "a\u{301}b\u{0B}c 1.5 T.Ư.",
            "",
        ];
        for t in texts {
            let old: Vec<(usize, usize, Tok)> = {
                let mut out = Vec::new();
                let mut pos = 0;
                while let Some(rest) = t.get(pos..) {
                    let trimmed = rest.trim_start();
                    let start = pos + rest.len() - trimmed.len();
                    let Some(c) = trimmed.chars().next() else { break };
                    let kind = Tok::of(c);
                    let mut end = start + c.len_utf8();
                    if kind == Tok::Word {
                        for (j, d) in trimmed.char_indices().skip(1) {
                            if d.is_whitespace()
                                || matches!(d, ',' | ':' | ';' | '(' | ')' | '“' | '”' | '"' | '!' | '?' | '|')
                            {
                                break;
                            }
                            if d == '.'
                                && !t.get(start + j + 1..).is_some_and(|r| r.starts_with(|x: char| x.is_alphanumeric()))
                            {
                                break;
                            }
                            end = start + j + d.len_utf8();
                        }
                    }
                    out.push((start, end, kind));
                    pos = end;
                }
                out
            };
            let mut toks = Tokens::new(t, 0);
            let new: Vec<(usize, usize, Tok)> = (0..40).map_while(|i| toks.get(i)).collect();
            assert_eq!(new, old, "{t:?}");
        }
    }

    /// The role of a cue read from the list as written is the role its
    /// folded lower case gives.
    #[test]
    fn cue_roles_agree_with_their_keys() {
        let slow = |verb: &str| {
            let key = crate::vocab::fold_key(&verb.to_lowercase());
            ROLE_KEYS.iter().find(|(w, _)| *w == key).map_or(Role::Lead, |(_, r)| *r)
        };
        for (w, _) in vocab::ROLE_PREFIXES {
            assert_eq!(w.to_lowercase(), *w, "{w:?}");
            let upper = w.to_uppercase();
            let capital: String = w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect();
            for v in [w.to_string(), upper, capital, w.replace(' ', "  "), w.replace('ố', "ô\u{301}")] {
                assert_eq!(cue_role(&v), slow(&v), "{v:?}");
            }
        }
        assert_eq!(cue_role(""), slow(""));
    }

    /// The group grammar reads as the regex it replaced.
    #[test]
    fn group_agrees_with_its_regex() {
        let old = compile(&format!(
            r"^(?:(?:{lead})\s+)?(?i:các)\s+(?i:{nouns})(?:\s+(?i:{quals}))?(?:(?:\s*,\s*(?i:{nouns})|\s+và\s+{nouns})(?:\s+(?i:{quals}))?)*(?:\s+(?i:{quals})(?:\s+(?:UBND\s+)?{locs})?){{0,2}}",
            lead = alternation(vocab::GROUP_LEADS),
            nouns = alternation(vocab::GROUP_NOUNS),
            quals = alternation(vocab::GROUP_QUALIFIERS),
            locs = alternation(vocab::GROUP_LOCALITIES),
        ));
        let texts = [
            "các cơ quan, đơn vị có liên quan thực hiện",
            "Thủ trưởng các cơ quan, đơn vị liên quan",
            "UBND các xã, thị trấn chủ động",
            "Các phòng, ban và đơn vị trên địa bàn huyện",
            "các đơn vị có liên quan UBND huyện xây dựng",
            "các xã và Thị trấn",
            "Chủ tịch UBND các xã ,  phường",
            "các",
            "các  cơ quan",
            "Giám đốc các sở, ban, ngành tỉnh",
            "cácđơn vị",
            "lãnh đạo các cơ quan",
            "Lãnh đạo Sở",
        ];
        for t in texts {
            for (i, _) in t.char_indices() {
                let r = &t[i..];
                assert_eq!(RX.group.end(r), old.find(r).map(|m| m.end()), "{r:?}");
            }
        }
    }

    fn names(s: &str) -> Vec<(String, Role)> {
        assignees(s).into_iter().map(|f| (f.name.unwrap_or_else(|| s[f.start..f.end].to_string()), f.role)).collect()
    }

    #[test]
    fn body_names() {
        let cases: &[(&str, &str)] = &[
            ("Phòng Lao động, Thương binh và Xã hội: Phối hợp", "Phòng Lao động, Thương binh và Xã hội"),
            ("Trung tâm dịch vụ việc làm tỉnh Quảng Ngãi tổ chức sàn", "Trung tâm dịch vụ việc làm tỉnh Quảng Ngãi"),
            ("Ban Chỉ huy Quân sự huyện: tập trung", "Ban Chỉ huy Quân sự huyện"),
            ("Chi cục thuế huyện: có kế hoạch", "Chi cục thuế huyện"),
            ("Phòng Lao động - Thương binh và Xã hội tham mưu", "Phòng Lao động - Thương binh và Xã hội"),
            (
                "Phòng Nông nghiệp và Phát triển nông thôn huyện tham mưu",
                "Phòng Nông nghiệp và Phát triển nông thôn huyện",
            ),
            ("Sở Văn hóa, Thể thao và Du lịch chủ trì", "Sở Văn hóa, Thể thao và Du lịch"),
            ("Sở Xây dựng hướng dẫn", "Sở Xây dựng"),
            ("Sở Văn hóa, Thể thao và Du lịch khởi công Nhà văn hóa tỉnh", "Sở Văn hóa, Thể thao và Du lịch"),
            ("Phòng Tài chính - Kế hoạch định kỳ hằng tuần báo cáo", "Phòng Tài chính - Kế hoạch"),
            ("Văn phòng HĐND và UBND huyện theo dõi", "Văn phòng HĐND và UBND huyện"),
            ("Công an huyện, Ban Chỉ huy", "Công an huyện"),
            ("các cơ quan, đơn vị có chức năng vận động", "các cơ quan, đơn vị có chức năng"),
            ("UBND các xã, thị trấn triển khai", "UBND các xã, thị trấn"),
            ("Phòng Tài chính - Kế hoạch chủ trì, phối hợp", "Phòng Tài chính - Kế hoạch"),
        ];
        for (input, expected) in cases {
            let end = scan(input, 0);
            assert_eq!(end.map(|e| &input[..e]), Some(*expected), "for {input:?}");
        }
        assert_eq!(scan("Tham mưu UBND huyện", 0), None);
    }

    #[test]
    fn roles() {
        use Role::*;
        let cases: &[(&str, &[(&str, Role)])] = &[
            (
                "Giao Phòng Lao động, Thương binh và Xã hội: Phối hợp với Trung tâm Y tế huyện tổ chức",
                &[("Phòng Lao động, Thương binh và Xã hội", Lead), ("Trung tâm Y tế huyện", Coordinate)],
            ),
            ("Đề nghị Chi cục thuế huyện: có kế hoạch", &[("Chi cục thuế huyện", Requested)]),
            (
                "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng, Sở Nội vụ và các cơ quan liên quan rà soát",
                &[
                    ("Sở Tài chính", Lead),
                    ("Sở Xây dựng", Coordinate),
                    ("Sở Nội vụ", Coordinate),
                    ("các cơ quan liên quan", Coordinate),
                ],
            ),
            (
                "Công an huyện, Ban Chỉ huy Quân sự huyện theo chức năng, nhiệm vụ thực hiện",
                &[("Công an huyện", Lead), ("Ban Chỉ huy Quân sự huyện", Lead)],
            ),
            ("Tham mưu UBND huyện chỉ đạo triển khai", &[]),
            ("Sở Nội vụ tham mưu UBND tỉnh ban hành", &[("Sở Nội vụ", Advise)]),
            (
                "Căn cứ Quyết định; các cơ quan, đơn vị, địa phương chủ động rà soát",
                &[("các cơ quan, đơn vị, địa phương", Lead)],
            ),
            ("Phòng Văn hoá và Thông tin", &[("Phòng Văn hoá và Thông tin", Lead)]),
            ("Yêu cầu Thủ trưởng các cơ quan, đơn vị tập trung", &[("Thủ trưởng các cơ quan, đơn vị", Lead)]),
            ("tổ chức Lễ giao, nhận quân năm 2024", &[]),
            ("Giao các Sở: Tài chính, Xây dựng rà soát", &[("Sở Tài chính", Lead), ("Sở Xây dựng", Lead)]),
            ("Giao UBND các xã: Hòa An, Hòa Bình: tổ chức", &[("UBND xã Hòa An", Lead), ("UBND xã Hòa Bình", Lead)]),
            (
                "Đề nghị Bưu điện Tân Lộc, Mobifone Tân Lộc hỗ trợ",
                &[("Bưu điện Tân Lộc", Requested), ("Mobifone Tân Lộc", Requested)],
            ),
            ("Giao UBND các xã Tân An, Phú Lộc rà soát", &[("UBND các xã Tân An, Phú Lộc", Lead)]),
            ("Giao công chức Văn hóa - Xã hội: tuyên truyền", &[("công chức Văn hóa - Xã hội", Lead)]),
            ("Phối hợp với Trưởng bản Nà Lừa kiểm đếm", &[("Trưởng bản Nà Lừa", Coordinate)]),
            (
                "UBND các phường phối hợp chặt chẽ với Trung tâm Y tế vận động",
                &[("UBND các phường", Lead), ("Trung tâm Y tế", Coordinate)],
            ),
            ("Các phòng thuộc Ban Tuyên giáo Huyện ủy:", &[("Các phòng thuộc Ban Tuyên giáo Huyện ủy", Lead)]),
            (
                "Sở Tài chính chủ trì, phối hợp Phòng Tài chính - Kế hoạch lập dự toán",
                &[("Sở Tài chính", Lead), ("Phòng Tài chính - Kế hoạch", Coordinate)],
            ),
            ("Công an huyện phối hợp thực hiện", &[("Công an huyện", Coordinate)]),
            (
                "Đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố và Ban Quản lý dự án tỉnh rà soát",
                &[("Ủy ban nhân dân các huyện, thị xã, thành phố", Requested), ("Ban Quản lý dự án tỉnh", Requested)],
            ),
            (
                "Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn phân công lãnh đạo trực Tết",
                &[("Thủ trưởng các cơ quan, đơn vị", Lead), ("Chủ tịch UBND các xã, thị trấn", Lead)],
            ),
            (
                "Đề nghị UBND các xã, phường chỉ đạo Phòng Văn hóa - Xã hội rà soát",
                &[("UBND các xã, phường", Requested)],
            ),
            ("Về thu ngân sách: Phòng Kinh tế đôn đốc thu", &[("Phòng Kinh tế", Lead)]),
            (
                "Yêu cầu Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện rà soát",
                &[("Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện", Lead)],
            ),
        ];
        for (input, expected) in cases {
            let want: Vec<(String, Role)> = expected.iter().map(|(n, r)| (n.to_string(), *r)).collect();
            assert_eq!(names(input), want, "for {input:?}");
        }
    }
}
