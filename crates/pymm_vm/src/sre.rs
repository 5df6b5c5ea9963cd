//! Regular expressions for `re`: pymm's own engine with the semantics of CPython's
//! `sre` (a backtracking matcher, leftmost alternative first, greedy and lazy
//! repeats, backreferences, look-ahead and fixed-width look-behind), working on code
//! points so that positions are `str` indices.
//!
//! Three parts: [`parse`] turns a pattern into a tree (with `sre_parse`'s error
//! messages and positions), [`compile`] lowers the tree to a small instruction set,
//! and [`Program::exec`] runs it with an explicit backtracking stack (no native
//! recursion per character, so `(a|b)*` over a long string cannot overflow the
//! stack). An empty iteration ends a repeat, as in sre. The Python-level API
//! (`Pattern`, `Match`, `sub`, `split`, ...) is `src/pylib/re.py` on the native
//! functions at the end of this file.

use std::collections::HashMap;
use std::rc::Rc;

use pymm_mem::ObjRef;

use crate::call::{Kw, check_args};
use crate::exc::{R, type_error};
use crate::object::{Kind, NativeFn, kind};
use crate::state::none;

/// `re.IGNORECASE`, `re.LOCALE`, `re.MULTILINE`, `re.DOTALL`, `re.UNICODE`,
/// `re.VERBOSE`, `re.DEBUG`, `re.ASCII`.
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

/// A pattern error: `sre_constants.error(msg, pattern, pos)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub msg: String,
    pub pos: Option<usize>,
    /// The pattern nests deeper than the parser goes (CPython's `sre_parse` recurses
    /// and raises `RecursionError` there, not `re.error`).
    pub too_deep: bool,
}

/// How deeply groups may nest by default: CPython's `sre_parse` takes two frames per
/// level, so under the default recursion limit of 1000 it fails near 500.
pub const DEFAULT_MAX_DEPTH: usize = 500;

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, Error> {
    Err(Error {
        msg: msg.into(),
        pos: Some(pos),
        too_deep: false,
    })
}

/// A character class item.
#[derive(Debug, Clone, PartialEq)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

/// The parse tree.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Vec<ClassItem>, bool),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Group(Option<usize>, Box<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    BackRef(usize),
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    /// `^`, `$`, `\A`, `\Z`, `\b`, `\B`.
    At(At),
    /// A scoped flag change `(?i:...)`: the flags for the inner node.
    Flags(u32, Box<Node>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Start,
    LineStart,
    End,
    Dollar,
    LineEnd,
    Boundary,
    NonBoundary,
}

const MAXREPEAT: u32 = u32::MAX;

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: u32,
    groups: usize,
    names: HashMap<String, usize>,
    open: Vec<usize>,
    max_depth: usize,
}

/// A parsed pattern: its tree, flags (with the inline ones), group count and names.
#[derive(Debug)]
pub struct Parsed {
    node: Node,
    pub flags: u32,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
}

/// Parses `pattern` with `flags` (`sre_parse.parse`).
pub fn parse(pattern: &str, flags: u32, max_depth: usize) -> Result<Parsed, Error> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut ps = Parser {
        p: &chars,
        i: 0,
        flags,
        groups: 0,
        names: HashMap::new(),
        open: Vec::new(),
        max_depth,
    };
    let node = ps.alternation(0)?;
    if ps.i < chars.len() {
        // Only a stray ')' stops the top level early.
        return err("unbalanced parenthesis", ps.i);
    }
    if ps.flags & (ASCII | LOCALE) == ASCII | LOCALE {
        return Err(Error {
            msg: "ASCII and LOCALE flags are incompatible".into(),
            pos: None,
            too_deep: false,
        });
    }
    let mut names: Vec<(String, usize)> = ps.names.into_iter().collect();
    names.sort_by_key(|(_, g)| *g);
    Ok(Parsed {
        node,
        flags: ps.flags,
        groups: ps.groups,
        names,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self, depth: usize) -> Result<Node, Error> {
        // Every later pass (compiling, widths, look-arounds) recurses over the tree, so
        // bounding the nesting here bounds them all; the native stack is checked too,
        // for a recursion limit raised past what it holds.
        if depth > self.max_depth || crate::state::stack_exhausted() {
            return Err(Error {
                msg: "maximum recursion depth exceeded while calling a Python object".into(),
                pos: None,
                too_deep: true,
            });
        }
        let mut alts = vec![self.sequence(depth)?];
        while self.eat('|') {
            alts.push(self.sequence(depth)?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self, depth: usize) -> Result<Node, Error> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                if c == ')' && depth == 0 {
                    return err("unbalanced parenthesis", self.i);
                }
                break;
            }
            let start = self.i;
            let atom = match c {
                '*' | '+' | '?' | '{' if c != '{' || self.brace_quantifier().is_some() => {
                    return err("nothing to repeat", start);
                }
                _ => self.atom(depth)?,
            };
            let Some(atom) = atom else { continue };
            let atom = self.quantifiers(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        })
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at the cursor, without consuming it: the
    /// bounds and the length. A brace that is not one is a literal.
    fn brace_quantifier(&self) -> Option<(u32, Option<u32>, usize)> {
        let rest = &self.p[self.i..];
        if rest.first() != Some(&'{') {
            return None;
        }
        let close = rest.iter().position(|&c| c == '}')?;
        let body: String = rest[1..close].iter().collect();
        let (lo, hi) = match body.split_once(',') {
            Some((a, b)) => (a, Some(b)),
            None => (body.as_str(), None),
        };
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits(lo) || !hi.is_none_or(digits) || (lo.is_empty() && hi.is_none()) {
            return None;
        }
        let min = if lo.is_empty() {
            0
        } else {
            lo.parse().unwrap_or(MAXREPEAT)
        };
        let max = match hi {
            None => Some(min),
            Some("") => None,
            Some(h) => Some(h.parse().unwrap_or(MAXREPEAT)),
        };
        Some((min, max, close + 1))
    }

    fn quantifiers(&mut self, mut atom: Node, start: usize) -> Result<Node, Error> {
        loop {
            self.skip_verbose();
            let here = self.i;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.i += 1;
                    (0, None)
                }
                Some('+') => {
                    self.i += 1;
                    (1, None)
                }
                Some('?') => {
                    self.i += 1;
                    (0, Some(1))
                }
                Some('{') => match self.brace_quantifier() {
                    Some((min, max, len)) => {
                        if let Some(mx) = max
                            && mx < min
                        {
                            return err("min repeat greater than max repeat", here + 1);
                        }
                        self.i += len;
                        (min, max)
                    }
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if matches!(atom, Node::Repeat { .. }) {
                return err("multiple repeat", here);
            }
            if matches!(atom, Node::At(_) | Node::Empty) {
                return err("nothing to repeat", start);
            }
            let greedy = !self.eat('?');
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greedy,
            };
        }
    }

    /// One atom, or `None` for something that matches nothing (a comment, a global
    /// flag group).
    fn atom(&mut self, depth: usize) -> Result<Option<Node>, Error> {
        let start = self.i;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.i += 1;
        Ok(Some(match c {
            '.' => Node::Any,
            '^' => Node::At(At::LineStart),
            '$' => Node::At(At::Dollar),
            '[' => self.class(start)?,
            '\\' => self.escape(start, false)?.into_node(),
            '(' => return self.group(start, depth),
            c => Node::Char(c),
        }))
    }

    fn group(&mut self, start: usize, depth: usize) -> Result<Option<Node>, Error> {
        let mut capture = true;
        let mut name: Option<String> = None;
        if self.eat('?') {
            let Some(c) = self.peek() else {
                return err("unexpected end of pattern", self.i);
            };
            self.i += 1;
            match c {
                ':' => capture = false,
                'P' => {
                    if self.eat('<') {
                        let n = self.name_until('>', "group name")?;
                        name = Some(n);
                    } else if self.eat('=') {
                        let at = self.i;
                        let n = self.name_until(')', "group name")?;
                        return match self.names.get(&n) {
                            Some(&g) => Ok(Some(Node::BackRef(g))),
                            None => err(format!("unknown group name '{n}'"), at),
                        };
                    } else {
                        return match self.peek() {
                            None => err("unexpected end of pattern", self.i),
                            Some(c) => err(format!("unknown extension ?P{c}"), self.i - 1),
                        };
                    }
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(None);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                '=' | '!' => {
                    let node = self.alternation(depth + 1)?;
                    if !self.eat(')') {
                        return err("missing ), unterminated subpattern", start);
                    }
                    return Ok(Some(Node::Look {
                        behind: false,
                        negate: c == '!',
                        node: Box::new(node),
                    }));
                }
                '<' => {
                    let Some(k) = self.peek() else {
                        return err("unexpected end of pattern", self.i);
                    };
                    if k != '=' && k != '!' {
                        return err(format!("unknown extension ?<{k}"), self.i - 1);
                    }
                    self.i += 1;
                    let node = self.alternation(depth + 1)?;
                    if !self.eat(')') {
                        return err("missing ), unterminated subpattern", start);
                    }
                    if width(&node).is_none() {
                        // Raised by sre_compile, which knows no position.
                        return Err(Error {
                            msg: "look-behind requires fixed-width pattern".into(),
                            pos: None,
                            too_deep: false,
                        });
                    }
                    return Ok(Some(Node::Look {
                        behind: true,
                        negate: k == '!',
                        node: Box::new(node),
                    }));
                }
                c if "aiLmsux-".contains(c) => {
                    self.i -= 1;
                    return self.inline_flags(start, depth);
                }
                c => return err(format!("unknown extension ?{c}"), self.i - 1),
            }
        }
        let index = if capture {
            self.groups += 1;
            let g = self.groups;
            if let Some(n) = &name {
                if self.names.contains_key(n) {
                    return err(
                        format!(
                            "redefinition of group name '{n}' as group {g}; was group {}",
                            self.names[n]
                        ),
                        start + 4,
                    );
                }
                self.names.insert(n.clone(), g);
            }
            Some(g)
        } else {
            None
        };
        if let Some(g) = index {
            self.open.push(g);
        }
        let node = self.alternation(depth + 1)?;
        if index.is_some() {
            self.open.pop();
        }
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(Some(Node::Group(index, Box::new(node))))
    }

    fn name_until(&mut self, end: char, what: &str) -> Result<String, Error> {
        let at = self.i;
        let mut s = String::new();
        loop {
            match self.peek() {
                None => return err(format!("missing {end}, unterminated name"), at),
                Some(c) if c == end => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    s.push(c);
                    self.i += 1;
                }
            }
        }
        if s.is_empty() {
            return err(format!("missing {what}"), at);
        }
        let ident = s
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && s.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !ident {
            return err(format!("bad character in {what} '{s}'"), at);
        }
        Ok(s)
    }

    fn flag_bit(c: char) -> u32 {
        match c {
            'a' => ASCII,
            'i' => IGNORECASE,
            'L' => LOCALE,
            'm' => MULTILINE,
            's' => DOTALL,
            'u' => UNICODE,
            'x' => VERBOSE,
            _ => 0,
        }
    }

    /// `(?aiLmsux)` (global, only at the start) or `(?flags-flags:...)` (scoped).
    fn inline_flags(&mut self, start: usize, depth: usize) -> Result<Option<Node>, Error> {
        let mut on = 0;
        let mut off = 0;
        let mut minus = false;
        loop {
            let Some(c) = self.peek() else {
                return err("missing -, : or )", self.i);
            };
            self.i += 1;
            match c {
                ')' if !minus => {
                    if start != 0 {
                        return err("global flags not at the start of the expression", start);
                    }
                    self.flags |= on;
                    return Ok(None);
                }
                ':' => break,
                '-' if !minus => minus = true,
                c if Self::flag_bit(c) != 0 => {
                    if minus {
                        off |= Self::flag_bit(c);
                    } else {
                        on |= Self::flag_bit(c);
                    }
                }
                c if c.is_alphabetic() => {
                    return err("unknown flag", self.i - 1);
                }
                _ => return err("missing -, : or )", self.i - 1),
            }
        }
        let saved = self.flags;
        self.flags = (self.flags | on) & !off;
        let inner = self.alternation(depth + 1)?;
        let scoped = self.flags;
        self.flags = saved;
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(Some(Node::Flags(scoped, Box::new(inner))))
    }

    fn class(&mut self, start: usize) -> Result<Node, Error> {
        let negate = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let here = self.i;
            self.i += 1;
            let lo = if c == '\\' {
                match self.escape(here, true)? {
                    Escaped::Char(c) => c,
                    Escaped::Class(item) => {
                        items.push(item);
                        continue;
                    }
                    _ => return err("bad escape", here),
                }
            } else {
                c
            };
            // A range `lo-hi`, unless the '-' is last.
            if self.peek() == Some('-') && self.p.get(self.i + 1).is_some_and(|&c| c != ']') {
                self.i += 1;
                let hi_at = self.i;
                let hc = self.p[self.i];
                self.i += 1;
                let hi = if hc == '\\' {
                    match self.escape(hi_at, true)? {
                        Escaped::Char(c) => c,
                        _ => {
                            let text: String = self.p[here..self.i].iter().collect();
                            return err(format!("bad character range {text}"), here);
                        }
                    }
                } else {
                    hc
                };
                if hi < lo {
                    let text: String = self.p[here..self.i].iter().collect();
                    return err(format!("bad character range {text}"), here);
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Node::Class(items, negate))
    }

    /// The escape after a backslash at `start` (the cursor is past the backslash).
    fn escape(&mut self, start: usize, in_class: bool) -> Result<Escaped, Error> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let simple = |c| Ok(Escaped::Char(c));
        match c {
            'n' => simple('\n'),
            't' => simple('\t'),
            'r' => simple('\r'),
            'f' => simple('\x0c'),
            'v' => simple('\x0b'),
            'a' => simple('\x07'),
            'b' if in_class => simple('\x08'),
            'd' => Ok(Escaped::Class(ClassItem::Digit(false))),
            'D' => Ok(Escaped::Class(ClassItem::Digit(true))),
            'w' => Ok(Escaped::Class(ClassItem::Word(false))),
            'W' => Ok(Escaped::Class(ClassItem::Word(true))),
            's' => Ok(Escaped::Class(ClassItem::Space(false))),
            'S' => Ok(Escaped::Class(ClassItem::Space(true))),
            'A' if !in_class => Ok(Escaped::At(At::Start)),
            'Z' if !in_class => Ok(Escaped::At(At::End)),
            'b' => Ok(Escaped::At(At::Boundary)),
            'B' if !in_class => Ok(Escaped::At(At::NonBoundary)),
            'x' => self.hex(start, 2, "x"),
            'u' => self.hex(start, 4, "u"),
            'U' => self.hex(start, 8, "U"),
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|c| ('0'..='7').contains(&c)) {
                    v = v * 8 + self.p[self.i].to_digit(8).unwrap_or(0);
                    self.i += 1;
                    n += 1;
                }
                simple(char::from_u32(v).unwrap_or('\0'))
            }
            '1'..='9' if in_class => {
                // An octal escape of up to three digits; `\8` and `\9` are bad escapes.
                if !('0'..='7').contains(&c) {
                    return err(format!("bad escape \\{c}"), start);
                }
                let mut digits = c.to_string();
                while digits.len() < 3 && self.peek().is_some_and(|c| ('0'..='7').contains(&c)) {
                    digits.push(self.p[self.i]);
                    self.i += 1;
                }
                self.octal(&digits, start)
            }
            '1'..='9' => {
                // An octal escape (three octal digits) or a group reference.
                let mut digits = c.to_string();
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    digits.push(self.p[self.i]);
                    self.i += 1;
                    let octal = |c: char| ('0'..='7').contains(&c);
                    if digits.chars().all(octal) && self.peek().is_some_and(octal) {
                        digits.push(self.p[self.i]);
                        self.i += 1;
                        return self.octal(&digits, start);
                    }
                }
                let g: usize = digits.parse().unwrap_or(0);
                if g > self.groups {
                    return err(format!("invalid group reference {g}"), start + 1);
                }
                if self.open.contains(&g) {
                    return err("cannot refer to an open group", start);
                }
                Ok(Escaped::BackRef(g))
            }
            c if c.is_ascii_alphanumeric() => err(format!("bad escape \\{c}"), start),
            c => simple(c),
        }
    }

    fn octal(&self, digits: &str, start: usize) -> Result<Escaped, Error> {
        let v = u32::from_str_radix(digits, 8).unwrap_or(0);
        if v > 0o377 {
            return err(
                format!("octal escape value \\{digits} outside of range 0-0o377"),
                start,
            );
        }
        Ok(Escaped::Char(char::from_u32(v).unwrap_or('\0')))
    }

    fn hex(&mut self, start: usize, n: usize, what: &str) -> Result<Escaped, Error> {
        let digits: String = self.p[self.i..]
            .iter()
            .take(n)
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        self.i += digits.len();
        if digits.len() < n {
            return err(format!("incomplete escape \\{what}{digits}"), start);
        }
        let v = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
        match char::from_u32(v) {
            Some(c) => Ok(Escaped::Char(c)),
            None => err(format!("bad escape \\{what}{digits}"), start),
        }
    }
}

enum Escaped {
    Char(char),
    Class(ClassItem),
    At(At),
    BackRef(usize),
}

impl Escaped {
    fn into_node(self) -> Node {
        match self {
            Escaped::Char(c) => Node::Char(c),
            Escaped::Class(item) => Node::Class(vec![item], false),
            Escaped::At(a) => Node::At(a),
            Escaped::BackRef(g) => Node::BackRef(g),
        }
    }
}

/// The fixed width of `n` in characters, if it has one (look-behind needs it).
fn width(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::At(_) | Node::Look { .. } => Some(0),
        Node::Char(_) | Node::Any | Node::Class(..) => Some(1),
        Node::Cat(v) => v.iter().map(width).sum(),
        Node::Alt(v) => {
            let w = width(&v[0])?;
            v.iter().all(|x| width(x) == Some(w)).then_some(w)
        }
        Node::Group(_, x) | Node::Flags(_, x) => width(x),
        Node::Repeat { node, min, max, .. } => {
            (Some(*min) == *max).then(|| width(node).map(|w| w * *min as usize))?
        }
        Node::BackRef(_) => None,
    }
}

// ---------------------------------------------------------------------------------------
// The instruction set and the compiler

#[derive(Debug, Clone)]
enum Inst {
    Char(char, bool),
    Any(bool),
    Class(Rc<[ClassItem]>, bool, bool, bool),
    At(At, bool),
    Save(usize),
    Split(usize, usize),
    Jmp(usize),
    /// Register `r` := the position (a repeat's start, for the empty-iteration check).
    Mark(usize),
    /// Jump to `exit` when the position is still register `r`'s (an empty iteration).
    IfEmpty(usize, usize),
    BackRef(usize, bool),
    Look {
        behind: bool,
        negate: bool,
        width: usize,
        start: usize,
        end: usize,
    },
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    insts: Vec<Inst>,
    pub groups: usize,
    pub flags: u32,
    pub names: Vec<(String, usize)>,
    nregs: usize,
}

/// The most instructions a pattern may compile to (counted repeats are unrolled).
const MAX_INSTS: usize = 1 << 20;

struct Compiler {
    insts: Vec<Inst>,
    nregs: usize,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<usize, Error> {
        if self.insts.len() >= MAX_INSTS {
            return Err(Error {
                msg: "pattern too large (pymm unrolls counted repeats)".into(),
                pos: None,
                too_deep: false,
            });
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    fn node(&mut self, n: &Node, flags: u32) -> Result<(), Error> {
        let icase = flags & IGNORECASE != 0;
        let ascii = flags & ASCII != 0;
        match n {
            Node::Empty => {}
            Node::Char(c) => {
                let c = if icase { fold(*c) } else { *c };
                self.push(Inst::Char(c, icase))?;
            }
            Node::Any => {
                self.push(Inst::Any(flags & DOTALL != 0))?;
            }
            Node::Class(items, negate) => {
                self.push(Inst::Class(items.clone().into(), *negate, icase, ascii))?;
            }
            Node::Cat(v) => {
                for x in v {
                    self.node(x, flags)?;
                }
            }
            Node::Alt(v) => {
                let mut jumps = Vec::new();
                for (k, x) in v.iter().enumerate() {
                    if k + 1 < v.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(x, flags)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(x, flags)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Group(g, x) => match g {
                Some(g) => {
                    self.push(Inst::Save(2 * g))?;
                    self.node(x, flags)?;
                    self.push(Inst::Save(2 * g + 1))?;
                }
                None => self.node(x, flags)?,
            },
            Node::Flags(f, x) => self.node(x, *f)?,
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => self.repeat(node, *min, *max, *greedy, flags)?,
            Node::BackRef(g) => {
                self.push(Inst::BackRef(*g, icase))?;
            }
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let at = self.push(Inst::Match)?;
                let start = self.insts.len();
                self.node(node, flags)?;
                self.push(Inst::Match)?;
                let end = self.insts.len();
                self.insts[at] = Inst::Look {
                    behind: *behind,
                    negate: *negate,
                    width: width(node).unwrap_or(0),
                    start,
                    end,
                };
            }
            Node::At(a) => {
                let a = match a {
                    At::LineStart if flags & MULTILINE == 0 => At::Start,
                    At::Dollar if flags & MULTILINE != 0 => At::LineEnd,
                    a => *a,
                };
                self.push(Inst::At(a, ascii))?;
            }
        }
        Ok(())
    }

    fn repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        flags: u32,
    ) -> Result<(), Error> {
        for _ in 0..min {
            self.node(node, flags)?;
        }
        match max {
            None => {
                // L: mark r; split(body, exit); body; ifempty(r, exit); jmp L
                let r = self.nregs;
                self.nregs += 1;
                let top = self.push(Inst::Mark(r))?;
                let split = self.push(Inst::Split(0, 0))?;
                self.node(node, flags)?;
                let check = self.push(Inst::IfEmpty(r, 0))?;
                self.push(Inst::Jmp(top))?;
                let exit = self.insts.len();
                self.insts[split] = if greedy {
                    Inst::Split(split + 1, exit)
                } else {
                    Inst::Split(exit, split + 1)
                };
                self.insts[check] = Inst::IfEmpty(r, exit);
            }
            Some(max) => {
                // Each optional copy: mark r; split(body, exit); body; ifempty(r, exit).
                let mut copies = Vec::new();
                for _ in min..max {
                    let r = self.nregs;
                    self.nregs += 1;
                    self.push(Inst::Mark(r))?;
                    let split = self.push(Inst::Split(0, 0))?;
                    self.node(node, flags)?;
                    let check = self.push(Inst::IfEmpty(r, 0))?;
                    copies.push((r, split, check));
                }
                let exit = self.insts.len();
                for (r, split, check) in copies {
                    self.insts[split] = if greedy {
                        Inst::Split(split + 1, exit)
                    } else {
                        Inst::Split(exit, split + 1)
                    };
                    // An empty iteration ends the repeat.
                    self.insts[check] = Inst::IfEmpty(r, exit);
                }
            }
        }
        Ok(())
    }
}

/// Compiles `pattern` (`sre_compile.compile`).
pub fn compile(pattern: &str, flags: u32) -> Result<Program, Error> {
    compile_nested(pattern, flags, DEFAULT_MAX_DEPTH)
}

/// [`compile`] with groups nesting at most `max_depth` deep.
pub fn compile_nested(pattern: &str, flags: u32, max_depth: usize) -> Result<Program, Error> {
    let parsed = parse(pattern, flags, max_depth)?;
    let mut c = Compiler {
        insts: Vec::new(),
        nregs: 0,
    };
    c.push(Inst::Save(0))?;
    c.node(&parsed.node, parsed.flags)?;
    c.push(Inst::Save(1))?;
    c.push(Inst::Match)?;
    Ok(Program {
        insts: c.insts,
        groups: parsed.groups,
        flags: parsed.flags,
        names: parsed.names,
        nregs: c.nregs,
    })
}

// ---------------------------------------------------------------------------------------
// Matching

/// Simple case folding for IGNORECASE (`sre_lower_unicode`): the lowercase of a
/// character that lowercases to one character.
fn fold(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

fn is_digit(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_digit()
    } else {
        crate::methods::is_decimal_char(c)
    }
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        crate::methods::is_py_space(c)
    }
}

fn class_has(items: &[ClassItem], c: char, ascii: bool) -> bool {
    items.iter().any(|it| match *it {
        ClassItem::Range(lo, hi) => lo <= c && c <= hi,
        ClassItem::Digit(neg) => is_digit(c, ascii) != neg,
        ClassItem::Word(neg) => is_word(c, ascii) != neg,
        ClassItem::Space(neg) => is_space(c, ascii) != neg,
    })
}

fn class_matches(items: &[ClassItem], negate: bool, icase: bool, ascii: bool, c: char) -> bool {
    let mut hit = class_has(items, c, ascii);
    if !hit && icase {
        let lower = fold(c);
        hit = class_has(items, lower, ascii)
            || c.to_uppercase().any(|u| class_has(items, u, ascii))
            || items.iter().any(|it| match *it {
                ClassItem::Range(lo, hi) => {
                    let span = (hi as u32).saturating_sub(lo as u32);
                    span < 512
                        && (lo as u32..=hi as u32)
                            .filter_map(char::from_u32)
                            .any(|x| fold(x) == lower)
                }
                _ => false,
            });
    }
    hit != negate
}

enum Frame {
    /// Resume at `pc`, position `pos`.
    Branch(usize, usize),
    /// Restore capture slot `i` to `v`.
    Slot(usize, Option<usize>),
    /// Restore register `i` to `v`.
    Reg(usize, usize),
}

/// The text being matched and the window `pos..endpos` the match may look at.
#[derive(Debug)]
pub struct Subject<'a> {
    pub text: &'a [char],
    pub end: usize,
}

impl Program {
    fn at(&self, a: At, ascii: bool, s: &Subject<'_>, pos: usize) -> bool {
        let t = s.text;
        let end = s.end;
        match a {
            At::Start => pos == 0,
            At::LineStart => pos == 0 || t.get(pos - 1) == Some(&'\n'),
            At::End => pos == end,
            At::Dollar => pos == end || (pos + 1 == end && t[pos] == '\n'),
            At::LineEnd => pos == end || t.get(pos) == Some(&'\n'),
            At::Boundary | At::NonBoundary => {
                let before = pos > 0 && is_word(t[pos - 1], ascii);
                let after = pos < end && is_word(t[pos], ascii);
                let b = end > 0 && before != after;
                b == (a == At::Boundary)
            }
        }
    }

    /// Runs the program from `pc` at `pos`; on success the capture slots hold the
    /// match. `not_empty_at`: a match ending where it started at that position fails
    /// (sre's `must_advance`).
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        s: &Subject<'_>,
        pc: usize,
        pos: usize,
        slots: &mut [Option<usize>],
        regs: &mut [usize],
        stop: usize,
        not_empty_at: Option<usize>,
        full: bool,
    ) -> Option<usize> {
        let mut stack = Vec::new();
        self.run_with(
            s,
            pc,
            pos,
            slots,
            regs,
            stop,
            not_empty_at,
            full,
            &mut stack,
        )
    }

    /// [`Program::run`] with the caller's (empty) backtracking stack, so that a search
    /// trying every position allocates it once.
    #[allow(clippy::too_many_arguments)]
    fn run_with(
        &self,
        s: &Subject<'_>,
        mut pc: usize,
        mut pos: usize,
        slots: &mut [Option<usize>],
        regs: &mut [usize],
        stop: usize,
        not_empty_at: Option<usize>,
        full: bool,
        stack: &mut Vec<Frame>,
    ) -> Option<usize> {
        stack.clear();
        let start_pos = pos;
        loop {
            let ok = if pc == stop {
                if not_empty_at == Some(start_pos) && pos == start_pos || full && pos != s.end {
                    false
                } else {
                    return Some(pos);
                }
            } else {
                match &self.insts[pc] {
                    Inst::Char(c, icase) => {
                        let hit = pos < s.end
                            && if *icase {
                                fold(s.text[pos]) == *c
                            } else {
                                s.text[pos] == *c
                            };
                        if hit {
                            pos += 1;
                            pc += 1;
                        }
                        hit
                    }
                    Inst::Any(dotall) => {
                        let hit = pos < s.end && (*dotall || s.text[pos] != '\n');
                        if hit {
                            pos += 1;
                            pc += 1;
                        }
                        hit
                    }
                    Inst::Class(items, negate, icase, ascii) => {
                        let hit = pos < s.end
                            && class_matches(items, *negate, *icase, *ascii, s.text[pos]);
                        if hit {
                            pos += 1;
                            pc += 1;
                        }
                        hit
                    }
                    Inst::At(a, ascii) => {
                        let hit = self.at(*a, *ascii, s, pos);
                        pc += 1;
                        hit
                    }
                    Inst::Save(i) => {
                        stack.push(Frame::Slot(*i, slots[*i]));
                        slots[*i] = Some(pos);
                        pc += 1;
                        true
                    }
                    Inst::Split(a, b) => {
                        stack.push(Frame::Branch(*b, pos));
                        pc = *a;
                        true
                    }
                    Inst::Jmp(a) => {
                        pc = *a;
                        true
                    }
                    Inst::Mark(r) => {
                        stack.push(Frame::Reg(*r, regs[*r]));
                        regs[*r] = pos;
                        pc += 1;
                        true
                    }
                    Inst::IfEmpty(r, exit) => {
                        pc = if regs[*r] == pos { *exit } else { pc + 1 };
                        true
                    }
                    Inst::BackRef(g, icase) => match (slots[2 * g], slots[2 * g + 1]) {
                        (Some(a), Some(b)) => {
                            let len = b - a;
                            let hit = pos + len <= s.end
                                && (0..len).all(|k| {
                                    let (x, y) = (s.text[a + k], s.text[pos + k]);
                                    x == y || *icase && fold(x) == fold(y)
                                });
                            if hit {
                                pos += len;
                                pc += 1;
                            }
                            hit
                        }
                        _ => false,
                    },
                    Inst::Look {
                        behind,
                        negate,
                        width,
                        start,
                        end,
                    } => {
                        let from = if *behind {
                            pos.checked_sub(*width)
                        } else {
                            Some(pos)
                        };
                        let mut inner = slots.to_vec();
                        let mut inner_regs = regs.to_vec();
                        let found = from.is_some_and(|from| {
                            let r = self.run(
                                s,
                                *start,
                                from,
                                &mut inner,
                                &mut inner_regs,
                                end - 1,
                                None,
                                false,
                            );
                            r.is_some_and(|p| !*behind || p == pos)
                        });
                        if found && !*negate {
                            // A positive look-around keeps the groups it set.
                            for (i, v) in inner.iter().enumerate() {
                                if slots[i] != *v {
                                    stack.push(Frame::Slot(i, slots[i]));
                                    slots[i] = *v;
                                }
                            }
                        }
                        pc = *end;
                        found != *negate
                    }
                    Inst::Match => {
                        if not_empty_at == Some(start_pos) && pos == start_pos {
                            false
                        } else {
                            return Some(pos);
                        }
                    }
                }
            };
            if ok {
                continue;
            }
            // Backtrack.
            loop {
                match stack.pop() {
                    None => return None,
                    Some(Frame::Slot(i, v)) => slots[i] = v,
                    Some(Frame::Reg(i, v)) => regs[i] = v,
                    Some(Frame::Branch(p, q)) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                }
            }
        }
    }

    /// Tries a match starting exactly at `pos` (to the window's end with `full`); the
    /// capture slots on success.
    pub fn match_at(
        &self,
        s: &Subject<'_>,
        pos: usize,
        full: bool,
        not_empty_at: Option<usize>,
    ) -> Option<Vec<Option<usize>>> {
        let mut slots = vec![None; 2 * (self.groups + 1)];
        let mut regs = vec![usize::MAX; self.nregs];
        let mut stack = Vec::new();
        self.attempt_with(
            s,
            pos,
            full,
            not_empty_at,
            &mut slots,
            &mut regs,
            &mut stack,
        )
        .then_some(slots)
    }

    #[allow(clippy::too_many_arguments)]
    fn attempt_with(
        &self,
        s: &Subject<'_>,
        pos: usize,
        full: bool,
        not_empty_at: Option<usize>,
        slots: &mut [Option<usize>],
        regs: &mut [usize],
        stack: &mut Vec<Frame>,
    ) -> bool {
        slots.fill(None);
        regs.fill(usize::MAX);
        let stop = self.insts.len() - 1;
        self.run_with(s, 0, pos, slots, regs, stop, not_empty_at, full, stack)
            .is_some()
    }

    /// `search`: the match at the first position from `pos` where there is one.
    pub fn search(
        &self,
        s: &Subject<'_>,
        pos: usize,
        not_empty_at: Option<usize>,
    ) -> Option<Vec<Option<usize>>> {
        let first = match self.insts.get(1) {
            Some(Inst::Char(c, false)) => Some(*c),
            _ => None,
        };
        let anchored = matches!(self.insts.get(1), Some(Inst::At(At::Start, ..)));
        let mut slots = vec![None; 2 * (self.groups + 1)];
        let mut regs = vec![usize::MAX; self.nregs];
        let mut stack = Vec::new();
        for p in pos..=s.end {
            if let Some(c) = first
                && (p >= s.end || s.text[p] != c)
            {
                continue;
            }
            if self.attempt_with(s, p, false, not_empty_at, &mut slots, &mut regs, &mut stack) {
                return Some(slots);
            }
            if anchored {
                break;
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------------------
// The native module `_pymm_sre`

/// The compiled programs, and each one's index by (pattern, flags). Programs are kept
/// for the life of the thread (one per distinct pattern and flags); `re` holds the
/// index.
type Programs = (Vec<Rc<Program>>, HashMap<(String, u32), usize>);

thread_local! {
    static PROGRAMS: std::cell::RefCell<Programs> =
        std::cell::RefCell::new((Vec::new(), HashMap::new()));
}

/// The module's functions.
pub fn module_functions() -> &'static [(&'static str, NativeFn)] {
    &[
        ("compile", sre_compile),
        ("exec", sre_exec),
        ("scan", sre_scan),
        ("findall", sre_findall),
        ("subn_literal", sre_subn_literal),
    ]
}

/// Every `finditer` match of `prog` in `text[pos..end]`, as capture slots.
fn scan_all(
    prog: &Program,
    text: &[char],
    pos: usize,
    end: usize,
    limit: usize,
) -> Vec<Vec<Option<usize>>> {
    let s = Subject { text, end };
    let mut out = Vec::new();
    let mut pos = pos;
    let mut must_advance = None;
    while pos <= end && (limit == 0 || out.len() < limit) {
        let Some(m) = prog.search(&s, pos, must_advance) else {
            break;
        };
        let (a, b) = (m[0].unwrap_or(pos), m[1].unwrap_or(pos));
        must_advance = (a == b).then_some(b);
        pos = b;
        out.push(m);
    }
    out
}

fn substr(text: &[char], a: Option<usize>, b: Option<usize>) -> R {
    match (a, b) {
        (Some(a), Some(b)) => crate::str::new_str(&text[a..b].iter().collect::<String>()),
        _ => crate::str::new_str(""),
    }
}

/// `findall(index, string, pos, endpos)`: `Pattern.findall`'s list (the whole
/// matches, the one group's text, or tuples of every group's, unset groups '').
fn sre_findall(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("findall", args, 4, 4)?;
    let (prog, text, pos, end) = program_text_window(args)?;
    let mut out = Vec::new();
    for m in scan_all(&prog, &text, pos, end, 0) {
        out.push(match prog.groups {
            0 => substr(&text, m[0], m[1])?,
            1 => substr(&text, m[2], m[3])?,
            g => crate::seq::new_tuple(
                (1..=g)
                    .map(|i| substr(&text, m[2 * i], m[2 * i + 1]))
                    .collect::<R<Vec<ObjRef>>>()?,
            )?,
        });
    }
    crate::seq::new_list(out)
}

/// `subn_literal(index, replacement, string, count)`: `Pattern.subn` with a
/// replacement that refers to no group; `(new string, count)`.
fn sre_subn_literal(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("subn_literal", args, 4, 4)?;
    let prog = program(&args[0])?;
    let repl = text_arg(&args[1])?;
    let src = text_arg(&args[2])?;
    let count = int_arg(&args[3])?.max(0) as usize;
    let text: Vec<char> = src.chars().collect();
    let matches = scan_all(&prog, &text, 0, text.len(), count);
    let mut out = String::with_capacity(src.len());
    let mut last = 0;
    for m in &matches {
        let (a, b) = (m[0].unwrap_or(last), m[1].unwrap_or(last));
        out.extend(&text[last..a]);
        out.push_str(&repl);
        last = b;
    }
    out.extend(&text[last..]);
    crate::seq::new_tuple(vec![
        crate::str::new_str(&out)?,
        crate::int::from_i64(matches.len() as i64)?,
    ])
}

fn text_arg(o: &ObjRef) -> R<String> {
    if kind(o.as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "expected string or bytes-like object, got '{}'",
            crate::typeobj::obj_type_name(o)
        )));
    }
    Ok(crate::str::as_str(o.as_obj()).into_owned())
}

fn int_arg(o: &ObjRef) -> R<i64> {
    crate::builtins::to_index(o)
}

/// `compile(pattern, flags) -> (index, groups, names, flags)`, or `(msg, pos)` for an
/// error (the caller raises `re.error`).
fn sre_compile(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("compile", args, 2, 2)?;
    let pattern = text_arg(&args[0])?;
    let flags = int_arg(&args[1])? as u32;
    let key = (pattern.clone(), flags);
    let known = PROGRAMS.with(|p| p.borrow().1.get(&key).copied());
    let index = match known {
        Some(i) => i,
        None => match compile_nested(
            &pattern,
            flags,
            crate::state::rt().recursion_limit.get() / 2,
        ) {
            Ok(prog) => PROGRAMS.with(|p| {
                let mut p = p.borrow_mut();
                p.0.push(Rc::new(prog));
                let i = p.0.len() - 1;
                p.1.insert(key, i);
                i
            }),
            Err(e) if e.too_deep => return Err(crate::exc::new_exc("RecursionError", &e.msg)),
            Err(e) => {
                let pos = match e.pos {
                    Some(p) => crate::int::from_i64(p as i64)?,
                    None => none(),
                };
                return crate::seq::new_tuple(vec![crate::str::new_str(&e.msg)?, pos]);
            }
        },
    };
    let prog = PROGRAMS.with(|p| p.borrow().0[index].clone());
    let names = crate::dict::try_new_dict()?;
    for (n, g) in &prog.names {
        crate::dict::set(
            names.as_obj(),
            crate::str::new_str(n)?,
            crate::int::from_i64(*g as i64)?,
        )?;
    }
    crate::seq::new_tuple(vec![
        crate::int::from_i64(index as i64)?,
        crate::int::from_i64(prog.groups as i64)?,
        names,
        crate::int::from_i64(i64::from(prog.flags))?,
    ])
}

fn program(o: &ObjRef) -> R<Rc<Program>> {
    let i = int_arg(o)?;
    PROGRAMS
        .with(|p| p.borrow().0.get(i as usize).cloned())
        .ok_or_else(|| crate::exc::value_error("no such compiled pattern"))
}

/// The `(index, string, pos, endpos, ...)` arguments: the program, the string's code
/// points, and the window clamped to them.
fn program_text_window(args: &[ObjRef]) -> R<(Rc<Program>, Vec<char>, usize, usize)> {
    let prog = program(&args[0])?;
    let text: Vec<char> = text_arg(&args[1])?.chars().collect();
    let (pos, end) = window(text.len(), int_arg(&args[2])?, int_arg(&args[3])?);
    Ok((prog, text, pos, end))
}

/// Clamps `pos`/`endpos` as sre does.
fn window(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let end = endpos.clamp(0, len as i64) as usize;
    let pos = pos.clamp(0, len as i64) as usize;
    (pos, end)
}

fn spans_tuple(m: &[Option<usize>]) -> R {
    let mut v = Vec::with_capacity(m.len());
    for x in m {
        v.push(crate::int::from_i64(x.map_or(-1, |p| p as i64))?);
    }
    crate::seq::new_tuple(v)
}

/// `exec(index, string, pos, endpos, mode)`: mode 0 match, 1 search, 2 fullmatch;
/// the capture positions as a flat tuple (-1 unset), or None.
fn sre_exec(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("exec", args, 5, 5)?;
    let (prog, text, pos, end) = program_text_window(args)?;
    let mode = int_arg(&args[4])?;
    let s = Subject { text: &text, end };
    if pos > end {
        return Ok(none());
    }
    let m = match mode {
        0 => prog.match_at(&s, pos, false, None),
        2 => prog.match_at(&s, pos, true, None),
        _ => prog.search(&s, pos, None),
    };
    match m {
        Some(m) => spans_tuple(&m),
        None => Ok(none()),
    }
}

/// `scan(index, string, pos, endpos)`: every match of `finditer`, each as `exec`'s
/// tuple (after an empty match the next one may not be empty at the same place).
fn sre_scan(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("scan", args, 4, 4)?;
    let (prog, text, pos, end) = program_text_window(args)?;
    let mut out = Vec::new();
    for m in scan_all(&prog, &text, pos, end, 0) {
        out.push(spans_tuple(&m)?);
    }
    crate::seq::new_list(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, t: &str) -> Option<(usize, usize)> {
        let prog = compile(p, 0).expect("compiles");
        let text: Vec<char> = t.chars().collect();
        let s = Subject {
            text: &text,
            end: text.len(),
        };
        prog.search(&s, 0, None)
            .map(|m| (m[0].unwrap(), m[1].unwrap()))
    }

    #[test]
    fn basics() {
        assert_eq!(find("abc", "xxabcx"), Some((2, 5)));
        assert_eq!(find("a+", "baaa"), Some((1, 4)));
        assert_eq!(find("a+?", "baaa"), Some((1, 2)));
        assert_eq!(find("(a|ab)(c|bcd)", "abcd"), Some((0, 4)));
        assert_eq!(find(r"(\w+)\s\1", "hello hello"), Some((0, 11)));
        assert_eq!(find("a{2,3}", "aaaa"), Some((0, 3)));
        assert_eq!(find("x*", "aaa"), Some((0, 0)));
        assert_eq!(find("(a*)*b", "aaab"), Some((0, 4)));
        assert_eq!(find("(?<=a)b", "cbab"), Some((3, 4)));
        assert_eq!(find("a(?!b)", "abac"), Some((2, 3)));
        assert_eq!(find("^b", "ab"), None);
        assert_eq!(find("a$", "a\n"), Some((0, 1)));
        assert_eq!(find("[^a-c]+", "abcxyz"), Some((3, 6)));
        assert_eq!(find("(?i)ABC", "xabc"), Some((1, 4)));
    }

    #[test]
    fn long_subjects_do_not_recurse() {
        let t = "ab".repeat(200_000);
        assert_eq!(find("(a|b)*", &t), Some((0, 400_000)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // (A small bound: a debug build's test thread has a small stack.)
        let deep = format!("{}a{}", "(".repeat(2_000_000), ")".repeat(2_000_000));
        assert!(compile_nested(&deep, 0, 40).is_err_and(|e| e.too_deep));
        let fine = format!("{}a{}", "(?:".repeat(40), ")".repeat(40));
        assert!(compile_nested(&fine, 0, 40).is_ok());
        let over = format!("{}a{}", "(?:".repeat(41), ")".repeat(41));
        assert!(compile_nested(&over, 0, 40).is_err_and(|e| e.too_deep));
    }

    #[test]
    fn errors() {
        let e = |p: &str| compile(p, 0).err().map(|e| (e.msg, e.pos));
        assert_eq!(
            e("(a"),
            Some(("missing ), unterminated subpattern".into(), Some(0)))
        );
        assert_eq!(e("a)"), Some(("unbalanced parenthesis".into(), Some(1))));
        assert_eq!(e("*a"), Some(("nothing to repeat".into(), Some(0))));
        assert_eq!(e("a**"), Some(("multiple repeat".into(), Some(2))));
        assert_eq!(
            e("[a"),
            Some(("unterminated character set".into(), Some(0)))
        );
        assert_eq!(e(r"\q"), Some(("bad escape \\q".into(), Some(0))));
        assert_eq!(
            e("(?<=a+)b"),
            Some(("look-behind requires fixed-width pattern".into(), None))
        );
    }
}
