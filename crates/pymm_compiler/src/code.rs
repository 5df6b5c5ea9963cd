//! The compiled unit: [`CodeObject`], its constants, locations and exception
//! table. Field names follow CPython 3.11's `PyCodeObject`
//! (`Include/cpython/code.h`).

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::bytecode::Instr;

/// `co_flags` bits, same values as CPython's `CO_*` constants.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Locals are in fast slots (functions).
    pub const OPTIMIZED: u32 = 0x0001;
    /// A fresh locals dict is made for the frame (functions).
    pub const NEWLOCALS: u32 = 0x0002;
    /// Has a `*args` parameter.
    pub const VARARGS: u32 = 0x0004;
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// Defined inside another function.
    pub const NESTED: u32 = 0x0010;
    /// A generator function.
    pub const GENERATOR: u32 = 0x0020;
    /// No free or cell variables (defined for completeness; CPython 3.11
    /// no longer sets it, and neither does pymm).
    pub const NOFREE: u32 = 0x0040;
    /// An `async def` function.
    pub const COROUTINE: u32 = 0x0080;
    /// An `async def` generator.
    pub const ASYNC_GENERATOR: u32 = 0x0200;

    /// Whether `bit` is set.
    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// Whether the code creates a generator/coroutine object when called.
    pub fn is_generator_like(self) -> bool {
        self.has(Self::GENERATOR | Self::COROUTINE | Self::ASYNC_GENERATOR)
    }
}

impl fmt::Debug for CodeFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [
            (Self::OPTIMIZED, "OPTIMIZED"),
            (Self::NEWLOCALS, "NEWLOCALS"),
            (Self::VARARGS, "VARARGS"),
            (Self::VARKEYWORDS, "VARKEYWORDS"),
            (Self::NESTED, "NESTED"),
            (Self::GENERATOR, "GENERATOR"),
            (Self::NOFREE, "NOFREE"),
            (Self::COROUTINE, "COROUTINE"),
            (Self::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
        ];
        let set: Vec<&str> = names
            .iter()
            .filter(|(b, _)| self.has(*b))
            .map(|(_, n)| *n)
            .collect();
        if set.is_empty() {
            f.write_str("0")
        } else {
            f.write_str(&set.join(", "))
        }
    }
}

/// A constant in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An int that fits in `i64`.
    Int(i64),
    /// Any other int.
    BigInt(Rc<BigInt>),
    /// A float.
    Float(f64),
    /// A complex number `real + imag j`.
    Complex {
        /// Real part.
        real: f64,
        /// Imaginary part.
        imag: f64,
    },
    /// A str (Python strings that are not valid UTF-8, i.e. lone surrogates,
    /// are rejected by the parser).
    Str(Rc<str>),
    /// A bytes object.
    Bytes(Rc<[u8]>),
    /// A tuple of constants (keyword names, folded constant tuples).
    Tuple(Rc<[Constant]>),
    /// A frozenset of constants (from `x in {1, 2}`), distinct elements
    /// in source order.
    FrozenSet(Rc<[Constant]>),
    /// `...`
    Ellipsis,
    /// A nested code object (function, class body, lambda, comprehension).
    Code(Rc<CodeObject>),
}

impl Constant {
    /// Identity used to share equal constants in `co_consts`: like CPython's
    /// `_PyCode_ConstantKey`, `1`, `1.0` and `True` stay distinct and
    /// `0.0`/`-0.0` too.
    pub(crate) fn same_as(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Complex { real: a, imag: b }, Constant::Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Constant::Tuple(a), Constant::Tuple(b))
            | (Constant::FrozenSet(a), Constant::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y))
            }
            (Constant::Code(a), Constant::Code(b)) => Rc::ptr_eq(a, b),
            (Constant::Float(_) | Constant::Complex { .. } | Constant::Code(_), _) => false,
            (a, b) => a == b,
        }
    }

    /// `repr()` of the constant, as `dis` prints it.
    pub fn repr(&self) -> String {
        match self {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(i) => i.to_string(),
            Constant::Float(f) => float_repr(*f),
            Constant::Complex { real, imag } => {
                if *real == 0.0 && real.is_sign_positive() {
                    format!("{}j", float_repr_short(*imag))
                } else {
                    let sign = if *imag < 0.0 || (*imag == 0.0 && imag.is_sign_negative()) {
                        "-"
                    } else {
                        "+"
                    };
                    format!(
                        "({}{}{}j)",
                        float_repr_short(*real),
                        sign,
                        float_repr_short(imag.abs())
                    )
                }
            }
            Constant::Str(s) => str_repr(s),
            Constant::Bytes(b) => bytes_repr(b),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Constant::FrozenSet(items) => {
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                    format!("frozenset({{{}}})", parts.join(", "))
                }
            }
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Code(c) => format!("<code object {}, line {}>", c.name, c.firstlineno),
        }
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        let s = format!("{f:?}");
        s.replace("e", "e+").replace("e+-", "e-")
    }
}

fn float_repr_short(f: f64) -> String {
    if f == f.trunc() && f.is_finite() && f.abs() < 1e16 {
        format!("{f:.0}")
    } else {
        float_repr(f)
    }
}

/// Python's `repr()` of a str (quote choice and escapes as CPython).
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Source span of one instruction: 1-based lines, 0-based columns counted in
/// UTF-8 bytes (CPython's `co_positions()` convention).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// First line (1-based).
    pub line: u32,
    /// Last line (1-based).
    pub end_line: u32,
    /// Start column (0-based, UTF-8 bytes).
    pub col: u32,
    /// End column (0-based, exclusive, UTF-8 bytes).
    pub end_col: u32,
}

/// One entry of the zero-cost exception table (CPython 3.11
/// `Objects/exception_handling_notes.txt`): if an exception is raised by an
/// instruction with index in `start..end`, the VM pops the value stack down to
/// `depth` items, pushes the instruction index of the raising instruction as
/// an int if `push_lasti`, pushes the exception, and jumps to `target`.
/// Entries do not overlap; the table is sorted by `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// Handler instruction index.
    pub target: u32,
    /// Stack depth to unwind to before pushing (lasti and) the exception.
    pub depth: u32,
    /// Whether `lasti` is pushed below the exception.
    pub push_lasti: bool,
}

/// A compiled code object.
#[derive(Clone, PartialEq)]
pub struct CodeObject {
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_firstlineno`.
    pub firstlineno: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_flags`.
    pub flags: CodeFlags,
    /// Local (fast) variable names; parameters come first in order
    /// (positional, keyword-only, `*args`, `**kwargs`).
    pub varnames: Vec<Rc<str>>,
    /// Names of cells created by this code (deref slots `0..cellvars.len()`),
    /// sorted.
    pub cellvars: Vec<Rc<str>>,
    /// For each cellvar, the index of the parameter it is initialised from,
    /// if the cell variable is an argument (`None` otherwise).
    pub cell2arg: Vec<Option<u32>>,
    /// Names of free variables (deref slots `cellvars.len()..`), sorted;
    /// the closure tuple passed to `MakeFunction` follows this order.
    pub freevars: Vec<Rc<str>>,
    /// Global / attribute / imported names (`co_names`).
    pub names: Vec<Rc<str>>,
    /// `co_consts`. For functions, `consts[0]` is the docstring or `None`
    /// (as CPython 3.11 does).
    pub constants: Vec<Constant>,
    /// The instructions.
    pub instructions: Vec<Instr>,
    /// One location per instruction.
    pub locations: Vec<Location>,
    /// The exception table, sorted by `start`.
    pub exception_table: Vec<ExceptionTableEntry>,
    /// Maximum value-stack depth (`co_stacksize`).
    pub max_stackdepth: u32,
}

impl CodeObject {
    /// The line instruction `pc` belongs to, for tracebacks and allocation traces: its
    /// own, or for an artificial instruction (line 0, which line tracing skips) the
    /// line of the nearest instruction before it that has one; the first line past the
    /// end or when none has.
    pub fn line_at(&self, pc: usize) -> u32 {
        let Some(upto) = self.locations.get(..=pc) else {
            return self.firstlineno;
        };
        upto.iter()
            .rev()
            .map(|l| l.line)
            .find(|&l| l > 0)
            .unwrap_or(self.firstlineno)
    }

    /// Finds the handler for an exception raised at instruction `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionTableEntry> {
        let i = self.exception_table.partition_point(|e| e.end <= index);
        self.exception_table
            .get(i)
            .filter(|e| e.start <= index && index < e.end)
    }

    /// The index of the first instruction past the prologue (cells made, free
    /// variables copied, the generator returned): CPython's `_co_firsttraceable`, its
    /// `RESUME`. Until a frame gets there, tracemalloc charges its allocations to the
    /// caller (`_PyFrame_IsIncomplete`).
    pub fn first_traceable(&self) -> usize {
        let mut i = 0;
        while let Some(ins) = self.instructions.get(i) {
            match ins {
                Instr::MakeCell(_) | Instr::CopyFreeVars(_) => i += 1,
                Instr::ReturnGenerator => {
                    i += 1;
                    if matches!(self.instructions.get(i), Some(Instr::PopTop)) {
                        i += 1;
                    }
                    break;
                }
                _ => break,
            }
        }
        i
    }

    /// The number of variable slots of a frame running this code (CPython's
    /// `co_nlocalsplus`): fast locals, then cells, then free variables.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.deref_count()
    }

    /// The number of slots a frame running this code needs: its variables and its
    /// deepest value stack (`co_nlocalsplus + co_stacksize`).
    pub fn frame_slots(&self) -> usize {
        self.nlocalsplus() + self.max_stackdepth as usize
    }

    /// The number of deref slots (`cellvars.len() + freevars.len()`).
    pub fn deref_count(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// Name of deref slot `i`.
    pub fn deref_name(&self, i: u32) -> &str {
        let i = i as usize;
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }
}

impl fmt::Debug for CodeObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<code object {} at {:?}, file \"{}\", line {}>",
            self.name, self as *const _, self.filename, self.firstlineno
        )
    }
}
