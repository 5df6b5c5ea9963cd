//! Exceptions: the built-in hierarchy, raising, tracebacks in CPython's format, and the
//! handling of an uncaught exception (`SystemExit`, exit status 1).

use std::rc::Rc;

use pymm_compiler::CodeObject;
use pymm_mem::{Obj, ObjRef};

use crate::object::*;
use crate::state::rt;

/// A raised exception (the exception instance).
#[derive(Debug, Clone)]
pub struct Exc(pub ObjRef);

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
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ResourceWarning", "Warning"),
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
        let t = crate::typeobj::new_builtin_subclass(name, &base, Kind::BaseException);
        rt().exc_types.borrow_mut().insert(name, t.clone());
        crate::dict::set_str(&rt().builtins, name, t);
    }
    let eg = exc_type("Exception");
    let _ = eg;
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
            weaklist: Default::default(),
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
    match crate::seq::new_tuple(args).and_then(|a| alloc_exc(&exc_type(name), a)) {
        Ok(o) => Exc(o),
        Err(e) => e,
    }
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

/// `str(exc)`.
pub fn exc_str(e: &ObjRef) -> R<String> {
    let Some(b) = exc_body(e.as_obj()) else {
        return crate::ops::str_of(e);
    };
    let args = b.args.get();
    let items = crate::seq::tuple_items(args.as_obj()).to_vec();
    let t = crate::typeobj::type_of(e.as_obj());
    let is_key = crate::typeobj::is_subtype(t.as_obj(), exc_type("KeyError").as_obj())
        && crate::typeobj::type_name(t.as_obj()) == "KeyError";
    match items.len() {
        0 => Ok(String::new()),
        1 if is_key => crate::ops::repr_of(&items[0]),
        1 => crate::ops::str_of(&items[0]),
        _ => crate::ops::repr_of(&args),
    }
}

fn source_line(file: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .nth(line.checked_sub(1)? as usize)
        .map(|l| l.trim().to_string())
}

fn format_one(e: &ObjRef, out: &mut String) {
    if let Some(b) = exc_body(e.as_obj()) {
        let tb = b.traceback.borrow().clone();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for t in tb.iter() {
                let loc = t.code.locations.get(t.lasti as usize).copied();
                let line = loc.map_or(t.code.firstlineno, |l| l.line);
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    t.code.filename, line, t.code.name
                ));
                if let Some(src) = source_line(&t.code.filename, line) {
                    out.push_str(&format!("    {src}\n"));
                }
            }
        }
    }
    let t = crate::typeobj::type_of(e.as_obj());
    let mut name = crate::typeobj::type_name(t.as_obj());
    let module = crate::typeobj::type_module(t.as_obj());
    if module != "builtins" && module != "__main__" {
        name = format!("{module}.{name}");
    }
    let msg = exc_str(e).unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
}

fn format_chain(e: &ObjRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(e.as_obj().addr());
    if let Some(b) = exc_body(e.as_obj()) {
        if let Some(c) = b.cause.get() {
            if !seen.contains(&c.as_obj().addr()) {
                format_chain(&c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Some(c) = b.context.get()
            && !b.suppress_context.get()
            && !seen.contains(&c.as_obj().addr())
        {
            format_chain(&c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    format_one(e, out);
}

/// Prints an exception with its traceback and chain to stderr, as CPython does.
pub fn print_exception(e: &Exc) -> i32 {
    crate::state::flush_out();
    let mut s = String::new();
    format_chain(&e.0, &mut s, &mut Vec::new());
    eprint!("{s}");
    1
}

/// Handles an exception that reached the top: `SystemExit` gives its status, anything
/// else is printed and gives 1.
pub fn handle_uncaught(e: Exc) -> i32 {
    if matches(&e.0, "SystemExit") {
        crate::state::flush_out();
        let code = exc_body(e.0.as_obj()).map(|b| b.args.get());
        let items = code
            .as_ref()
            .map(|a| crate::seq::tuple_items(a.as_obj()).to_vec())
            .unwrap_or_default();
        let Some(v) = items.first() else { return 0 };
        if kind(v.as_obj()) == Kind::NoneType {
            return 0;
        }
        if let Some(n) = crate::int::to_i64(v.as_obj()) {
            return n as i32;
        }
        let s = crate::ops::str_of(v).unwrap_or_default();
        eprintln!("{s}");
        return 1;
    }
    print_exception(&e)
}

/// Prints "Exception ignored in: ..." for an error in `__del__` or a callback.
pub fn write_unraisable(e: &Exc, context: &str) {
    crate::state::flush_out();
    let mut s = format!("Exception ignored in: {context}\n");
    format_chain(&e.0, &mut s, &mut Vec::new());
    eprint!("{s}");
}
