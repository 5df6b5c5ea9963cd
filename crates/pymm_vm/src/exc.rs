//! Exceptions: the built-in hierarchy, raising, tracebacks in CPython's format, and the
//! handling of an uncaught exception (`SystemExit`, exit status 1).

use std::rc::Rc;

use pymm_compiler::CodeObject;
use pymm_mem::{Obj, ObjRef};

use crate::object::*;
use crate::state::{is_none, rt};

/// A raised exception (the exception instance).
#[derive(Debug, Clone)]
pub struct Exc(pub ObjRef);

/// Whether the built-in exception class `name` is `OSError` or derives from it.
pub fn is_os_error_name(name: &str) -> bool {
    let mut cur = name;
    loop {
        if cur == "OSError" {
            return true;
        }
        match HIERARCHY.iter().find(|(c, _)| *c == cur) {
            Some((_, p)) if !p.is_empty() => cur = p,
            _ => return false,
        }
    }
}

/// The result of every operation that may raise.
pub type R<T = ObjRef> = Result<T, Exc>;

/// One traceback line: a frame's code and the instruction that was running.
#[derive(Debug, Clone)]
pub struct TbEntry {
    pub code: Rc<CodeObject>,
    pub lasti: u32,
}

/// The built-in hierarchy, parents first.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("BaseExceptionGroup", "BaseException"),
    ("ExceptionGroup", "BaseExceptionGroup"),
];

/// Creates the built-in exception classes and registers them in `builtins`.
pub fn init_exception_types() {
    for &(name, parent) in HIERARCHY {
        let base = if parent.is_empty() {
            crate::state::builtin_type(Kind::Object)
        } else {
            exc_type(parent)
        };
        // CPython's exception structs have no weak-reference slot (`__weakrefoffset__`
        // 0); classes derived from them in Python get one.
        let t = crate::typeobj::new_builtin_subclass(name, &base, Kind::BaseException, false);
        rt().exc_types.borrow_mut().insert(name, t.clone());
        crate::dict::set_str(&rt().builtins, name, t);
    }
    // `class ExceptionGroup(BaseExceptionGroup, Exception)`: its second base.
    let (eg, beg, exc) = (
        exc_type("ExceptionGroup"),
        exc_type("BaseExceptionGroup"),
        exc_type("Exception"),
    );
    let b = crate::typeobj::tb(eg.as_obj());
    b.bases
        .set(crate::seq::new_tuple(vec![beg.clone(), exc.clone()]).expect("out of memory"));
    let mut mro = vec![eg.clone(), beg];
    mro.extend(
        crate::typeobj::tb(exc.as_obj())
            .mro
            .borrow()
            .iter()
            .cloned(),
    );
    b.mro
        .set(mro)
        .expect("out of memory building the built-in types");
    crate::typeobj::add_subclass(&exc, &eg).expect("out of memory building the built-in types");
    crate::dict::set_str(&rt().builtins, "EnvironmentError", exc_type("OSError"));
    crate::dict::set_str(&rt().builtins, "IOError", exc_type("OSError"));
}

/// The built-in exception class `name`.
pub fn exc_type(name: &str) -> ObjRef {
    rt().exc_types
        .borrow()
        .get(name)
        .cloned()
        .unwrap_or_else(|| panic!("unknown exception type {name}"))
}

/// Allocates an exception instance of class `ty` with `args`.
pub fn alloc_exc(ty: &ObjRef, args: ObjRef) -> R {
    let info = crate::typeobj::instance_info(ty.as_obj());
    let o = ObjRef::new(
        info,
        ExcBody {
            args: Slot::new(args),
            notes: OptSlot::default(),
            traceback: Default::default(),
            context: OptSlot::default(),
            cause: OptSlot::default(),
            suppress_context: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// A new exception of built-in class `name` with one string argument.
pub fn new_exc(name: &str, msg: &str) -> Exc {
    let args = match crate::str::new_str(msg) {
        Ok(s) => crate::seq::new_tuple(vec![s]),
        Err(e) => return e,
    };
    match args.and_then(|a| alloc_exc(&exc_type(name), a)) {
        Ok(o) => Exc(o),
        Err(e) => e,
    }
}

/// A new exception of built-in class `name` with the given arguments.
pub fn new_exc_args(name: &str, args: Vec<ObjRef>) -> Exc {
    match crate::seq::new_tuple(args)
        .and_then(|a| alloc_exc(&exc_type(name), a))
        .and_then(|o| os_error_parse(&o).map(|()| o))
    {
        Ok(o) => Exc(o),
        Err(e) => e,
    }
}

/// `oserror_parse_args` + `oserror_init`: an `OSError` made with 2 to 5 arguments keeps
/// its errno, strerror, filename (3rd) and filename2 (5th) apart, and when a filename is
/// given, `args` keeps only the first two. Other exceptions are left alone.
pub fn os_error_parse(e: &ObjRef) -> R<()> {
    let Some(b) = exc_body(e.as_obj()) else {
        return Ok(());
    };
    let items = crate::seq::tuple_items(b.args.get().as_obj()).to_vec();
    // The length first: most exceptions have one argument, and the class test is a walk.
    if !(2..=5).contains(&items.len()) || !matches(e, "OSError") {
        if has_extra(e.as_obj()) && matches(e, "OSError") {
            crate::typeobj::clear_exc_member(e.as_obj(), EXTRA);
        }
        return Ok(());
    }
    let none = crate::state::none();
    let given = |i: usize| {
        items
            .get(i)
            .filter(|x| kind(x.as_obj()) != Kind::NoneType)
            .cloned()
    };
    let filename = given(2);
    let filename2 = filename.as_ref().and(given(4));
    crate::typeobj::set_exc_member(
        e.as_obj(),
        EXTRA,
        crate::seq::new_tuple(vec![
            items[0].clone(),
            items[1].clone(),
            filename.clone().unwrap_or_else(|| none.clone()),
            filename2.unwrap_or(none),
        ])?,
    )?;
    if filename.is_some() {
        b.args.set(crate::seq::new_tuple(items[..2].to_vec())?);
    }
    Ok(())
}

/// A `UnicodeDecodeError` or `UnicodeEncodeError` with CPython's five arguments
/// (`PyUnicodeDecodeError_Create`): the codec, the whole input (a new bytes or the str),
/// the failing range `start..end` and the reason; `str()` builds the message from them.
pub fn unicode_error(
    cls: &str,
    encoding: &str,
    object: R<ObjRef>,
    start: usize,
    end: usize,
    reason: &str,
) -> Exc {
    let args = (|| -> R<Vec<ObjRef>> {
        Ok(vec![
            crate::str::new_str(encoding)?,
            object?,
            crate::int::from_i64(start as i64)?,
            crate::int::from_i64(end as i64)?,
            crate::str::new_str(reason)?,
        ])
    })();
    match args {
        Ok(a) => new_exc_args(cls, a),
        Err(e) => e,
    }
}

/// `UnicodeDecodeError_str` / `UnicodeEncodeError_str` / `UnicodeTranslateError_str`, for
/// exceptions made with the full argument list.
fn unicode_error_str(e: &ObjRef, items: &[ObjRef]) -> R<Option<String>> {
    let translate = matches(e, "UnicodeTranslateError");
    let decode = matches(e, "UnicodeDecodeError");
    let encode = matches(e, "UnicodeEncodeError");
    let (enc, rest) = match (translate, items.len()) {
        (true, 4) => (None, items),
        (false, 5) if decode || encode => (Some(&items[0]), &items[1..]),
        _ => return Ok(None),
    };
    let (object, start, end, reason) = (&rest[0], &rest[1], &rest[2], &rest[3]);
    let (Some(start), Some(end)) = (
        crate::int::to_i64(start.as_obj()),
        crate::int::to_i64(end.as_obj()),
    ) else {
        return Ok(None);
    };
    let reason = crate::ops::str_of(reason)?;
    let codec = match enc {
        Some(c) => format!("'{}' codec can't ", crate::ops::str_of(c)?),
        None => "can't ".to_string(),
    };
    let verb = if decode {
        "decode"
    } else if encode {
        "encode"
    } else {
        "translate"
    };
    if decode {
        let data = crate::builtins::bytes_data(object.as_obj());
        if (start as usize) < data.len() && end == start + 1 {
            return Ok(Some(format!(
                "{codec}decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )));
        }
    } else if let Some(c) = crate::str::char_at(object.as_obj(), start as usize)
        && end == start + 1
        && start >= 0
    {
        let v = c as u32;
        let shown = if v < 0x100 {
            format!("\\x{v:02x}")
        } else if v < 0x10000 {
            format!("\\u{v:04x}")
        } else {
            format!("\\U{v:08x}")
        };
        return Ok(Some(format!(
            "{codec}{verb} character '{shown}' in position {start}: {reason}"
        )));
    }
    let noun = if decode { "bytes" } else { "characters" };
    Ok(Some(format!(
        "{codec}{verb} {noun} in position {start}-{}: {reason}",
        // C arithmetic on Py_ssize_t: end - 1 wraps for the smallest end.
        end.wrapping_sub(1)
    )))
}

/// `ImportError_init`: `msg` (the only argument, if there is exactly one) and the
/// keyword-only `name` and `path`. Other exceptions are left alone.
pub fn import_error_parse(e: &ObjRef, kw: &crate::call::Kw) -> R<()> {
    let Some(b) = exc_body(e.as_obj()) else {
        return Ok(());
    };
    if !matches(e, "ImportError") {
        return Ok(());
    }
    let none = crate::state::none();
    let (mut name, mut path) = (none.clone(), none.clone());
    for (k, v) in &kw.0 {
        match &*crate::str::as_str(k.as_obj()) {
            "name" => name = v.clone(),
            "path" => path = v.clone(),
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for ImportError()"
                )));
            }
        }
    }
    let items = crate::seq::tuple_items(b.args.get().as_obj()).to_vec();
    let msg = if items.len() == 1 {
        items[0].clone()
    } else {
        none
    };
    crate::typeobj::set_exc_member(
        e.as_obj(),
        EXTRA,
        crate::seq::new_tuple(vec![msg, name, path])?,
    )?;
    Ok(())
}

/// The keyword-only arguments of `AttributeError.__init__` (`name`, `obj`) and
/// `NameError.__init__` (`name`), kept as the exception's members; an unknown keyword
/// is CPython's TypeError. Other classes are left alone.
pub fn name_members_parse(e: &ObjRef, kw: &crate::call::Kw) -> R<()> {
    let (class, names): (&str, &[&str]) = if matches(e, "AttributeError") {
        ("AttributeError", &["name", "obj"])
    } else if matches(e, "NameError") {
        ("NameError", &["name"])
    } else {
        return Ok(());
    };
    for (k, _) in &kw.0 {
        let k = crate::str::as_str(k.as_obj());
        if !names.contains(&&*k) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {class}()"
            )));
        }
    }
    for (k, v) in &kw.0 {
        crate::typeobj::set_exc_member(e.as_obj(), &crate::str::as_str(k.as_obj()), v.clone())?;
    }
    Ok(())
}

/// Whether `e`'s class's `__init__` takes keyword arguments (`ImportError`,
/// `AttributeError`, `NameError` and their subclasses).
pub fn takes_keywords(e: &ObjRef) -> bool {
    matches(e, "ImportError") || matches(e, "AttributeError") || matches(e, "NameError")
}

/// An `ImportError` (or subclass) with message `msg` and `name` set, as the import
/// machinery raises them.
pub fn import_error(cls: &str, msg: &str, name: &str) -> Exc {
    let e = new_exc(cls, msg);
    let kw = match crate::str::new_str(name) {
        Ok(n) => crate::call::Kw(vec![(crate::str::intern("name"), n)]),
        Err(e) => return e,
    };
    match import_error_parse(&e.0, &kw) {
        Ok(()) => e,
        Err(err) => err,
    }
}

/// The exception member holding the fields some exception classes have besides `args`,
/// as a tuple: `OSError`'s `myerrno`, `strerror`, `filename`, `filename2` when it was
/// made with 2 to 5 arguments ([`os_error_parse`]); `ImportError`'s `msg`, `name`,
/// `path` ([`import_error_parse`]).
const EXTRA: &str = "extra";

/// Whether the exception has its extra fields (see [`EXTRA`]).
fn has_extra(e: Obj<'_>) -> bool {
    crate::typeobj::exc_member(e, EXTRA).is_some()
}

/// Field `i` of the exception's extra fields (OSError: 0 errno, 1 strerror, 2 filename,
/// 3 filename2; ImportError: 0 msg, 1 name, 2 path), None if unset.
pub fn extra_field(e: Obj<'_>, i: usize) -> ObjRef {
    crate::typeobj::exc_member(e, EXTRA)
        .and_then(|t| crate::seq::tuple_items(t.as_obj()).get(i).cloned())
        .unwrap_or_else(crate::state::none)
}

/// `TypeError(msg)`.
pub fn type_error(msg: impl AsRef<str>) -> Exc {
    new_exc("TypeError", msg.as_ref())
}

/// `ValueError(msg)`.
pub fn value_error(msg: impl AsRef<str>) -> Exc {
    new_exc("ValueError", msg.as_ref())
}

/// `MemoryError()`: raised when the heap cap is reached.
pub fn memory_error() -> Exc {
    thread_local! { static IN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    // CPython preallocates MemoryError instances; pymm builds one without arguments.
    let t = exc_type("MemoryError");
    let empty = crate::state::sg().empty_tuple.clone();
    match alloc_exc(&t, empty) {
        Ok(o) => Exc(o),
        Err(_) => Exc(t),
    }
}

/// The exception body of `o`, if it is an exception instance.
pub fn exc_body(o: Obj<'_>) -> Option<&ExcBody> {
    o.downcast::<ExcBody>()
}

/// Whether exception instance `e` is an instance of class `cls`.
pub fn matches(e: &ObjRef, cls: &str) -> bool {
    crate::typeobj::is_subtype(
        crate::typeobj::type_of(e.as_obj()).as_obj(),
        exc_type(cls).as_obj(),
    )
}

/// Calls `name(*args)` of `_pymm_eg`, the exception-group algorithms pymm writes in
/// Python (split, the constructor's checks, `except*`'s instructions).
pub fn eg_helper(name: &str, args: &[ObjRef]) -> R {
    let m = crate::builtins::import_module("_pymm_eg")?;
    let f = crate::typeobj::getattr(&m, &crate::str::intern(name))?;
    crate::call::call(&f, args)
}

/// `str(exc)`.
pub fn exc_str(e: &ObjRef) -> R<String> {
    let Some(b) = exc_body(e.as_obj()) else {
        return crate::ops::str_of(e);
    };
    // A class-defined __str__ decides (the traceback's last line uses it too).
    if crate::typeobj::is_heap_instance(e.as_obj())
        && crate::typeobj::user_special(e, "__str__")
            .is_some_and(|f| kind(f.as_obj()) == Kind::Function)
    {
        return crate::ops::str_of(e);
    }
    if matches(e, "SyntaxError") {
        return syntax_str(e);
    }
    if matches(e, "BaseExceptionGroup") {
        // `BaseExceptionGroup_str`: "message (N sub-exceptions)".
        let args = b.args.get();
        let items = crate::seq::tuple_items(args.as_obj()).to_vec();
        if let [message, excs] = items.as_slice() {
            let n = crate::ops::len(excs)?;
            let plural = if n > 1 { "s" } else { "" };
            return Ok(format!(
                "{} ({n} sub-exception{plural})",
                crate::ops::str_of(message)?
            ));
        }
    }
    let args = b.args.get();
    let items = crate::seq::tuple_items(args.as_obj()).to_vec();
    if matches(e, "OSError") && has_extra(e.as_obj()) {
        // OSError_str: "[Errno N] strerror[: 'filename'[ -> 'filename2']]" (when errno and
        // strerror are set or there is a filename).
        let is_set = |o: &ObjRef| kind(o.as_obj()) != Kind::NoneType;
        let (errno, strerror) = (extra_field(e.as_obj(), 0), extra_field(e.as_obj(), 1));
        let (f1, f2) = (extra_field(e.as_obj(), 2), extra_field(e.as_obj(), 3));
        let head = || -> R<String> {
            Ok(format!(
                "[Errno {}] {}",
                crate::ops::str_of(&errno)?,
                crate::ops::str_of(&strerror)?
            ))
        };
        if is_set(&f1) {
            return Ok(if is_set(&f2) {
                format!(
                    "{}: {} -> {}",
                    head()?,
                    crate::ops::repr_of(&f1)?,
                    crate::ops::repr_of(&f2)?
                )
            } else {
                format!("{}: {}", head()?, crate::ops::repr_of(&f1)?)
            });
        }
        if is_set(&errno) && is_set(&strerror) {
            return head();
        }
    }
    if matches(e, "UnicodeError")
        && let Some(s) = unicode_error_str(e, &items)?
    {
        return Ok(s);
    }
    // ImportError_str: its msg when that is a str.
    if matches(e, "ImportError") {
        let msg = extra_field(e.as_obj(), 0);
        if kind(msg.as_obj()) == Kind::Str {
            return Ok(crate::str::as_str(msg.as_obj()).into_owned());
        }
    }
    let t = crate::typeobj::type_of(e.as_obj());
    let is_key = crate::typeobj::is_subtype(t.as_obj(), exc_type("KeyError").as_obj());
    match items.len() {
        0 => Ok(String::new()),
        1 if is_key => crate::ops::repr_of(&items[0]),
        1 => crate::ops::str_of(&items[0]),
        _ => crate::ops::repr_of(&args),
    }
}

// ---------------------------------------------------------------------------------------
// SyntaxError: its fields, `str()` and display

/// The fields of a `SyntaxError` after `msg`, in the order of the details tuple
/// (`SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`).
const SYNTAX_FIELDS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// The `SyntaxError` (or `IndentationError`, `TabError`) for a compile error, built as
/// CPython builds it: `args` is `(msg, (filename, lineno, offset, text, end_lineno,
/// end_offset))`, so the attributes, `str()`, `repr()` and the display all follow.
pub fn syntax_error(e: &pymm_compiler::CompileError) -> Exc {
    let details = || -> R {
        let int = |v: i64| crate::int::from_i64(v);
        let text = match &e.text {
            Some(t) => crate::str::new_str(t)?,
            None => crate::state::none(),
        };
        let info = crate::seq::new_tuple(vec![
            crate::str::new_str(&e.filename)?,
            int(e.line.into())?,
            int(e.col.into())?,
            text,
            int(e.end_line.into())?,
            int(e.end_col.into())?,
        ])?;
        crate::seq::new_tuple(vec![crate::str::new_str(&e.message)?, info])
    };
    match details().and_then(|args| alloc_exc(&exc_type(e.kind.name()), args)) {
        Ok(o) => Exc(o),
        Err(x) => x,
    }
}

/// The `SyntaxError` attribute `name` (`msg`, `filename`, `lineno`, `offset`, `text`,
/// `end_lineno`, `end_offset`, `print_file_and_line`) as `SyntaxError.__init__` sets
/// it from `args`: `msg` is `args[0]`, the others come from a details tuple in
/// `args[1]` (4 to 6 items) or are `None`. An assignment to the attribute is kept in the
/// instance dict, which is looked at first. `None` when `name` is no such attribute.
pub fn syntax_error_attr(e: &ObjRef, name: &str) -> Option<ObjRef> {
    let b = exc_body(e.as_obj())?;
    let args = b.args.get();
    let items = crate::seq::tuple_items(args.as_obj());
    let none = crate::state::none();
    if name == "msg" {
        return Some(items.first().cloned().unwrap_or(none));
    }
    if name == "print_file_and_line" {
        return Some(none);
    }
    let i = SYNTAX_FIELDS.iter().position(|f| *f == name)?;
    let info = match items {
        [_, info] if kind(info.as_obj()) == Kind::Tuple => crate::seq::tuple_items(info.as_obj()),
        _ => &[],
    };
    if !(4..=6).contains(&info.len()) {
        return Some(none);
    }
    Some(info.get(i).cloned().unwrap_or(none))
}

/// `getattr(e, name)`, `None` when it is missing or raises.
fn attr(e: &ObjRef, name: &str) -> Option<ObjRef> {
    crate::typeobj::getattr_opt(e, &crate::str::intern(name))
        .ok()
        .flatten()
}

/// `PyLong_AsSsize_t`: the value of an int (bools included), else `None` (CPython
/// raises, and the caller gives up).
fn as_index(o: &ObjRef) -> Option<i64> {
    if crate::int::is_int(o.as_obj()) {
        crate::int::to_i64(o.as_obj())
    } else {
        None
    }
}

/// `SyntaxError.__str__` (`SyntaxError_str`): `msg (file.py, line 3)`, naming the file
/// by its last path component, with whichever of file and line is known.
fn syntax_str(e: &ObjRef) -> R<String> {
    let none = crate::state::none();
    let msg = attr(e, "msg").unwrap_or_else(|| none.clone());
    let msg = crate::ops::str_of(&msg)?;
    let file = attr(e, "filename")
        .filter(|f| crate::str::is_str(f.as_obj()))
        .map(|f| {
            let f = crate::str::as_str(f.as_obj()).into_owned();
            match f.rfind('/') {
                Some(i) => f[i + 1..].to_string(),
                None => f,
            }
        });
    // `PyLong_CheckExact`: an int, not a bool or an int subclass; -1 on overflow.
    let line = attr(e, "lineno")
        .filter(|l| {
            kind(l.as_obj()) == Kind::Int
                && crate::typeobj::type_of(l.as_obj()).is(&crate::state::builtin_type(Kind::Int))
        })
        .map(|l| crate::int::to_i64(l.as_obj()).unwrap_or(-1));
    Ok(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

/// What CPython's `parse_syntax_error` reads from a `SyntaxError` to display it.
struct SyntaxLocation {
    msg: ObjRef,
    filename: String,
    lineno: i64,
    offset: i64,
    end_lineno: i64,
    end_offset: i64,
    text: Option<String>,
}

/// `parse_syntax_error` (Python/pythonrun.c, 3.11): `None` where CPython gives up and
/// displays the exception like any other (`lineno` not an int, ...).
fn syntax_location(e: &ObjRef) -> Option<SyntaxLocation> {
    let msg = attr(e, "msg")?;
    let filename = attr(e, "filename")?;
    let filename = if is_none(&filename) {
        "<string>".to_string()
    } else {
        crate::ops::str_of(&filename).ok()?
    };
    let lineno = as_index(&attr(e, "lineno")?)?;
    let offset = attr(e, "offset")?;
    let offset = if is_none(&offset) {
        -1
    } else {
        as_index(&offset)?
    };
    // Only `SyntaxError` itself shows a range; its subclasses get a single caret.
    let exact = crate::typeobj::type_of(e.as_obj()).is(&exc_type("SyntaxError"));
    let (end_lineno, end_offset) = if exact {
        let end_lineno = match attr(e, "end_lineno") {
            Some(v) if !is_none(&v) => as_index(&v)?,
            _ => lineno,
        };
        let end_offset = match attr(e, "end_offset") {
            Some(v) if !is_none(&v) => as_index(&v)?,
            _ => -1,
        };
        (end_lineno, end_offset)
    } else {
        (lineno, -1)
    };
    let text = attr(e, "text")?;
    // CPython fails on a `text` that is not a str (and prints nothing more); pymm
    // leaves the source line out.
    let text = (!is_none(&text) && crate::str::is_str(text.as_obj()))
        .then(|| crate::str::as_str(text.as_obj()).into_owned());
    Some(SyntaxLocation {
        msg,
        filename,
        lineno,
        offset,
        end_lineno,
        end_offset,
        text,
    })
}

/// The `  File "...", line N` block of a `SyntaxError` with the source line and its
/// carets (`print_exception_file_and_line` and `print_error_text`, Python/pythonrun.c,
/// 3.11). Offsets are used as byte offsets into the UTF-8 text, as CPython does.
fn format_syntax_location(loc: &SyntaxLocation, out: &mut TbText) {
    out.push_str(&format!(
        "  File \"{}\", line {}\n",
        loc.filename, loc.lineno
    ));
    let Some(text) = &loc.text else { return };
    let line_size = text.len() as i64;
    let mut end_offset = loc.end_offset;
    // A range over several lines is underlined to the end of the first one.
    if loc.end_lineno > loc.lineno {
        end_offset = line_size;
    }
    if end_offset > line_size + 1 {
        end_offset = line_size + 1;
    }
    let carets = if end_offset > 0 && end_offset > loc.offset {
        (end_offset - loc.offset) as usize
    } else {
        1
    };
    let mut offset = loc.offset - 1;
    let mut t = text.as_bytes();
    while let [b' ' | b'\t' | b'\x0c', rest @ ..] = t {
        t = rest;
        offset -= 1;
    }
    let mut len = t.len() as i64;
    if t.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // Embedded newlines: show the line the offset is on.
    while let Some(nl) = t.iter().position(|&c| c == b'\n') {
        let nl = nl as i64;
        if nl >= offset {
            break;
        }
        t = &t[nl as usize + 1..];
        len -= nl + 1;
        offset -= nl + 1;
    }
    out.cut();
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(t));
    if t.get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.cut();
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets));
    out.push('\n');
}

/// Line `line` of `file`, without its line break (what `display_source_line` reads).
pub fn source_line(file: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .nth(line.checked_sub(1)? as usize)
        .map(str::to_string)
}

/// CPython's `IS_WHITESPACE` of the traceback display.
fn is_tb_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

/// `_PyPegen_byte_offset_to_character_offset`: characters in the first `col` bytes.
fn char_offset(line: &str, col: usize) -> usize {
    let bytes = &line.as_bytes()[..col.min(line.len())];
    String::from_utf8_lossy(bytes).chars().count()
}

/// One frame's source line and, under it, the marks of the failing expression
/// (`tb_displayline`, Python/traceback.c, 3.11): `^` under the instruction's span, or,
/// for a binary operation or a subscript on one line, `~` under the operands and `^`
/// under the operator or the brackets. No marks when they would cover the whole
/// (stripped) line, or when the instruction has no position.
fn format_source_line(out: &mut String, line: &str, loc: Option<pymm_compiler::Location>) {
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.iter().take_while(|c| is_tb_space(**c)).count();
    out.push_str("    ");
    out.extend(&chars[indent..]);
    out.push('\n');
    let Some(loc) = loc else { return };
    if loc.line == 0 || (loc.line == loc.end_line && loc.col == 0 && loc.end_col == 0) {
        return;
    }
    let start = char_offset(line, loc.col as usize);
    let mut end = char_offset(line, loc.end_col as usize);
    let mut anchors = None;
    if loc.line == loc.end_line {
        // Both offsets are within the line (`char_offset` clamps them).
        let segment: String = chars[start..end.max(start)].iter().collect();
        anchors = pymm_compiler::anchors::caret_anchors(&segment).map(|(l, r)| {
            (
                start + char_offset(&segment, l),
                start + char_offset(&segment, r),
            )
        });
    } else {
        // A multi-line expression is marked to the end of its first line's text.
        end = chars
            .iter()
            .rposition(|c| !is_tb_space(*c))
            .map_or(0, |i| i + 1);
    }
    if end.saturating_sub(start) == chars.len() - indent && anchors.is_none() {
        return;
    }
    // Positions are 1-based here, from the first column of the stripped line
    // (which the 4-space indent displaces).
    for pos in (indent as isize - 3)..=end as isize {
        let c = if pos <= start as isize {
            ' '
        } else if let Some((l, r)) = anchors {
            if (l as isize) < pos && pos <= r as isize {
                '^'
            } else {
                '~'
            }
        } else {
            '^'
        };
        out.push(c);
    }
    out.push('\n');
}

/// Traceback text and where it splits into the pieces `traceback.format_exception`
/// returns (a frame, a chain message, a line of the exception itself).
#[derive(Debug, Default)]
pub struct TbText {
    text: String,
    cuts: Vec<usize>,
    /// `limit` of the `traceback` functions, for every traceback of a chain.
    pub limit: Option<i64>,
}

impl TbText {
    /// Starts a new piece.
    fn cut(&mut self) {
        self.cuts.push(self.text.len());
    }
    /// The whole text.
    pub fn into_string(self) -> String {
        self.text
    }
    /// The pieces, in order (none empty).
    pub fn into_pieces(self) -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for &c in self.cuts.iter().chain(std::iter::once(&self.text.len())) {
            if c > from {
                out.push(self.text[from..c].to_string());
                from = c;
            }
        }
        out
    }
}

impl std::ops::Deref for TbText {
    type Target = String;
    fn deref(&self) -> &String {
        &self.text
    }
}

impl std::ops::DerefMut for TbText {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.text
    }
}

/// The first `limit` entries (the last `-limit` when negative), as the `traceback`
/// module's `limit` arguments select them.
pub fn limited(tb: &[TbEntry], limit: Option<i64>) -> &[TbEntry] {
    match limit {
        Some(n) if n >= 0 => &tb[..(n as usize).min(tb.len())],
        Some(n) => &tb[tb.len().saturating_sub(n.unsigned_abs() as usize)..],
        None => tb,
    }
}

/// The frames of a traceback chain, one piece each (`StackSummary.format`), with runs of
/// one repeated line cut after 3. `limit` keeps the first `limit` entries (the last
/// `-limit` when negative), as `traceback.extract_tb` does.
pub fn format_frames(tb: &[TbEntry], limit: Option<i64>, out: &mut TbText) {
    let tb = limited(tb, limit);
    // `tb_printinternal`: a run of entries with the same file, line and function shows
    // its first 3, then how many more there were.
    const CUTOFF: usize = 3;
    let repeated = |out: &mut TbText, n: usize| {
        if n > CUTOFF {
            let more = n - CUTOFF;
            out.cut();
            out.push_str(&format!(
                "  [Previous line repeated {more} more time{}]\n",
                if more > 1 { "s" } else { "" }
            ));
        }
    };
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0;
    for t in tb.iter() {
        let loc = t.code.locations.get(t.lasti as usize).copied();
        let line = t.code.line_at(t.lasti as usize);
        let key = (&*t.code.filename, line, &*t.code.name);
        if last != Some(key) {
            repeated(out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > CUTOFF {
            continue;
        }
        out.cut();
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            t.code.filename, line, t.code.name
        ));
        if let Some(src) = source_line(&t.code.filename, line) {
            format_source_line(out, &src, loc);
        }
    }
    repeated(out, count);
}

pub fn format_one(e: &ObjRef, out: &mut TbText) {
    format_one_below(e, "", out);
}

/// [`format_one`] with `outer` (lines of frames that ran the code, such as `runpy`'s
/// under `-m`) shown at the top of the traceback.
fn format_one_below(e: &ObjRef, outer: &str, out: &mut TbText) {
    if let Some(b) = exc_body(e.as_obj()) {
        let all = crate::traceback::entries(b.traceback.get());
        let tb = limited(&all, out.limit);
        if !tb.is_empty() || !outer.is_empty() {
            out.cut();
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(outer);
            format_frames(tb, None, out);
        }
    }
    format_exception_only(e, out);
}

/// The lines of the exception itself (`format_exception_only`): a SyntaxError's
/// location, `Type: message`, the notes; one piece each.
pub fn format_exception_only(e: &ObjRef, out: &mut TbText) {
    let t = crate::typeobj::type_of(e.as_obj());
    let mut name = crate::typeobj::type_name(t.as_obj());
    let module = crate::typeobj::type_module(t.as_obj());
    if module != "builtins" && module != "__main__" {
        name = format!("{module}.{name}");
    }
    // A SyntaxError shows where the error is, then only its `msg`.
    let location = if matches(e, "SyntaxError") {
        syntax_location(e)
    } else {
        None
    };
    let msg = match &location {
        Some(loc) => {
            out.cut();
            format_syntax_location(loc, out);
            if is_none(&loc.msg) {
                Ok(String::new())
            } else {
                crate::ops::str_of(&loc.msg)
            }
        }
        None => exc_str(e),
    };
    let mut msg = msg.unwrap_or_else(|_| "<exception str() failed>".into());
    if let Some(s) = crate::typeobj::exc_member(e.as_obj(), "suggestion")
        .map(|s| crate::str::as_str(s.as_obj()).into_owned())
        .or_else(|| attribute_suggestion(e))
    {
        msg.push_str(&format!(". Did you mean: '{s}'?"));
    }
    out.cut();
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    format_notes(e, out);
}

/// The exception's `__notes__`, one per line (`print_exception_notes`, 3.11).
fn format_notes(e: &ObjRef, out: &mut TbText) {
    let Some(notes) = attr(e, "__notes__") else {
        return;
    };
    let items = match kind(notes.as_obj()) {
        Kind::List => crate::seq::list_items(notes.as_obj()),
        Kind::Tuple => crate::seq::tuple_items(notes.as_obj()).to_vec(),
        _ => {
            out.cut();
            let r = crate::ops::repr_of(&notes);
            out.push_str(r.as_deref().unwrap_or("<__notes__ repr() failed>"));
            out.push('\n');
            return;
        }
    };
    for note in items {
        out.cut();
        match crate::ops::str_of(&note) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("<note str() failed>"),
        }
        out.push('\n');
    }
}

pub fn format_chain(e: &ObjRef, out: &mut TbText, seen: &mut Vec<usize>) {
    format_chain_below(e, "", out, seen);
}

/// [`format_chain`] with `outer` frames above the last exception's traceback (the
/// chained ones were caught inside the program, below those frames).
fn format_chain_below(e: &ObjRef, outer: &str, out: &mut TbText, seen: &mut Vec<usize>) {
    format_in_group(e, outer, &mut GroupCtx::default(), out, seen);
}

/// Where an exception is printed inside exception groups (CPython's
/// `_ExceptionPrintContext`): each level of nesting indents by two columns and draws
/// a `|` margin.
#[derive(Default)]
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

/// `max_group_width` and `max_group_depth` of CPython's exception-group display.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text` with every line behind the context's indentation and margin.
    fn emit(&self, text: &str, margin: char, out: &mut TbText) {
        if text.is_empty() {
            return;
        }
        out.cut();
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// Formats `e` with its chain (`TracebackException.format`), drawing exception groups
/// as CPython does: the group's traceback and message, then each sub-exception in a
/// numbered frame, nested groups further in.
fn format_in_group(
    e: &ObjRef,
    outer: &str,
    ctx: &mut GroupCtx,
    out: &mut TbText,
    seen: &mut Vec<usize>,
) {
    seen.push(e.as_obj().addr());
    if let Some(b) = exc_body(e.as_obj()) {
        let chained = if let Some(c) = b.cause.get() {
            Some((
                c,
                "\nThe above exception was the direct cause of the following exception:\n\n",
            ))
        } else if let Some(c) = b.context.get()
            && !b.suppress_context.get()
        {
            Some((
                c,
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            ))
        } else {
            None
        };
        if let Some((c, msg)) = chained
            && !seen.contains(&c.as_obj().addr())
        {
            format_in_group(&c, "", ctx, out, seen);
            ctx.emit(msg, '|', out);
        }
    }
    let outer = if ctx.depth == 0 { outer } else { "" };
    let excs = if matches(e, "BaseExceptionGroup") {
        crate::typeobj::getattr_opt(e, &crate::str::intern("exceptions"))
            .ok()
            .flatten()
            .map(|t| crate::seq::tuple_items(t.as_obj()).to_vec())
    } else {
        None
    };
    let mut one = TbText {
        limit: out.limit,
        ..TbText::default()
    };
    format_one_below(e, outer, &mut one);
    let pieces = one.into_pieces();
    let Some(excs) = excs else {
        for p in &pieces {
            ctx.emit(p, '|', out);
        }
        return;
    };
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(
            &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
            '|',
            out,
        );
        return;
    }
    let top = ctx.depth == 0;
    if top {
        ctx.depth += 1;
    }
    for p in &pieces {
        match p.strip_prefix("Traceback (most recent call last):\n") {
            Some(rest) => {
                ctx.emit(
                    "Exception Group Traceback (most recent call last):\n",
                    if top { '+' } else { '|' },
                    out,
                );
                ctx.emit(rest, '|', out);
            }
            None => ctx.emit(p, '|', out),
        }
    }
    let n = if excs.len() <= MAX_GROUP_WIDTH {
        excs.len()
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        out.cut();
        out.push_str(&format!(
            "{}{}+---------------- {title} ----------------\n",
            ctx.indent(),
            if i == 0 { "+-" } else { "  " }
        ));
        ctx.depth += 1;
        if truncated {
            let remaining = excs.len() - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            ctx.emit(
                &format!("and {remaining} more exception{plural}\n"),
                '|',
                out,
            );
        } else {
            format_in_group(&excs[i], "", ctx, out, seen);
        }
        if last && ctx.need_close {
            out.cut();
            out.push_str(&format!(
                "{}+------------------------------------\n",
                ctx.indent()
            ));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if top {
        ctx.depth = 0;
    }
}

/// `offer_suggestions_for_attribute_error`: the closest name in `dir(obj)`.
fn attribute_suggestion(e: &ObjRef) -> Option<String> {
    if !matches(e, "AttributeError") {
        return None;
    }
    let name =
        crate::typeobj::exc_member(e.as_obj(), "name").filter(|n| kind(n.as_obj()) == Kind::Str)?;
    let obj = crate::typeobj::exc_member(e.as_obj(), "obj")?;
    let dir = crate::dict::get_str(rt().builtins.as_obj(), "dir")?;
    let listing = crate::call::call(&dir, &[obj]).ok()?;
    let names: Vec<String> = crate::iter::collect(&listing)
        .ok()?
        .iter()
        .filter(|x| kind(x.as_obj()) == Kind::Str)
        .map(|x| crate::str::as_str(x.as_obj()).into_owned())
        .collect();
    crate::suggest::calculate(&names, &crate::str::as_str(name.as_obj()))
}

/// Prints an exception with its traceback and chain to stderr, as CPython does.
pub fn print_exception(e: &Exc) -> i32 {
    print_exception_below(e, "")
}

/// [`print_exception`] for an exception that left code run by frames the program does
/// not see (`outer`: their traceback lines, shown at the top of the traceback).
pub fn print_exception_below(e: &Exc, outer: &str) -> i32 {
    crate::state::flush_out();
    let mut s = TbText::default();
    format_chain_below(&e.0, outer, &mut s, &mut Vec::new());
    eprint!("{}", s.into_string());
    1
}

/// The exit status a `SystemExit` asks for (`_Py_HandleSystemExit`): its `code` is
/// `None` (0) or an int, or anything else, which is printed to stderr (status 1).
/// `None` when `e` is not a `SystemExit`.
pub fn system_exit_status(e: &Exc) -> Option<i32> {
    if !matches(&e.0, "SystemExit") {
        return None;
    }
    crate::state::flush_out();
    let Some(code) = attr(&e.0, "code") else {
        // No `code` attribute: the exception itself is printed.
        let s = crate::ops::str_of(&e.0).unwrap_or_default();
        eprintln!("{s}");
        return Some(1);
    };
    if is_none(&code) {
        return Some(0);
    }
    if crate::int::is_int(code.as_obj()) {
        return Some(crate::int::to_i64(code.as_obj()).map_or(-1, |n| n as i32));
    }
    let s = crate::ops::str_of(&code).unwrap_or_default();
    eprintln!("{s}");
    Some(1)
}

/// Handles an exception that reached the top: `SystemExit` gives its status, anything
/// else (`KeyboardInterrupt` included) is printed and gives 1.
pub fn handle_uncaught(e: Exc) -> i32 {
    handle_uncaught_below(e, "")
}

/// [`handle_uncaught`] with `outer` frames at the top of the traceback (see
/// [`print_exception_below`]).
pub fn handle_uncaught_below(e: Exc, outer: &str) -> i32 {
    match system_exit_status(&e) {
        Some(code) => code,
        None => print_exception_below(&e, outer),
    }
}

/// Prints "Exception ignored in: ..." for an error in `__del__` or a callback.
pub fn write_unraisable(e: &Exc, context: &str) {
    crate::state::flush_out();
    let mut s = TbText::default();
    s.push_str(&format!("Exception ignored in: {context}\n"));
    format_chain(&e.0, &mut s, &mut Vec::new());
    eprint!("{}", s.into_string());
}

/// `PyErr_WriteUnraisable(obj)`: hands the error to `sys.unraisablehook` when a program
/// replaced it (with CPython's `UnraisableHookArgs`), else prints "Exception ignored in:
/// repr(obj)" and the traceback.
pub fn unraisable(e: &Exc, obj: Option<&ObjRef>, context: &str) {
    if let Some(hook) = custom_unraisablehook() {
        let r = (|| -> R<()> {
            let sys = crate::dict::get_str(rt().modules.as_obj(), "sys")
                .ok_or_else(|| new_exc("SystemError", "no sys"))?;
            let cls = crate::typeobj::getattr(&sys, &crate::str::intern("UnraisableHookArgs"))?;
            let none = crate::state::none();
            let args = crate::call::call(
                &cls,
                &[
                    crate::typeobj::type_of(e.0.as_obj()),
                    e.0.clone(),
                    none.clone(),
                    none,
                    obj.cloned().unwrap_or_else(crate::state::none),
                ],
            )?;
            crate::call::call(&hook, &[args])?;
            Ok(())
        })();
        match r {
            Ok(()) => return,
            Err(e2) => write_unraisable(&e2, "sys.unraisablehook"),
        }
    }
    let ctx = match obj {
        Some(o) => crate::ops::repr_of(o).unwrap_or_else(|_| context.to_string()),
        None => context.to_string(),
    };
    write_unraisable(e, &ctx);
}

/// `sys.unraisablehook` when a program replaced the default.
fn custom_unraisablehook() -> Option<ObjRef> {
    let sys = crate::dict::get_str(rt().modules.as_obj(), "sys")?;
    let d = &sys.as_obj().downcast::<ModuleBody>()?.dict;
    let hook = crate::dict::get_str(d.as_obj(), "unraisablehook")?;
    let default = crate::dict::get_str(d.as_obj(), "__unraisablehook__")?;
    (!hook.is(&default)).then_some(hook)
}
