//! Per-thread interpreter state: singletons, the small-int cache, the built-in type
//! objects, the `builtins` and `sys.modules` dicts, the handled-exception stack, and the
//! entry points that run a program.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::io::Write;

use pymm_mem::ObjRef;

use crate::exc::{self, Exc};
use crate::object::*;

/// Objects that exist before anything else and are never freed.
#[derive(Debug)]
pub struct Singletons {
    pub none: ObjRef,
    pub notimpl: ObjRef,
    pub ellipsis: ObjRef,
    pub true_: ObjRef,
    pub false_: ObjRef,
    pub empty_tuple: ObjRef,
    /// `-5..=256`, CPython's `_PyLong_SMALL_INTS`.
    pub small_ints: Vec<ObjRef>,
    pub empty_str: ObjRef,
    /// One-character latin-1 strings, as CPython caches them.
    pub latin1: Vec<ObjRef>,
}

thread_local! {
    static SINGLETONS: OnceCell<&'static Singletons> = const { OnceCell::new() };
    static TYPES: OnceCell<&'static [ObjRef]> = const { OnceCell::new() };
    static RUNTIME: OnceCell<&'static Runtime> = const { OnceCell::new() };
}

fn unit(t: &'static pymm_mem::TypeInfo) -> ObjRef {
    ObjRef::new(t, Unit).expect("out of memory at start-up")
}

/// The singletons of this thread.
#[inline]
pub fn sg() -> &'static Singletons {
    SINGLETONS.with(|c| {
        *c.get_or_init(|| {
            let small_ints = (-5i64..=256)
                .map(|v| crate::int::alloc_small(v).expect("out of memory at start-up"))
                .collect();
            let latin1 = (0u32..256)
                .map(|c| {
                    crate::str::alloc_str(&char::from_u32(c).expect("latin-1").to_string())
                        .expect("out of memory at start-up")
                })
                .collect();
            Box::leak(Box::new(Singletons {
                none: unit(&NONE_T),
                notimpl: unit(&NOTIMPL_T),
                ellipsis: unit(&ELLIPSIS_T),
                true_: crate::int::alloc_bool(true),
                false_: crate::int::alloc_bool(false),
                empty_tuple: ObjRef::new_var(&TUPLE_T, TupleBody { size: 0 }, [])
                    .expect("out of memory at start-up"),
                small_ints,
                empty_str: crate::str::alloc_str("").expect("out of memory at start-up"),
                latin1,
            }))
        })
    })
}

/// `None`.
#[inline]
pub fn none() -> ObjRef {
    sg().none.clone()
}

/// `True` or `False`.
#[inline]
pub fn pybool(b: bool) -> ObjRef {
    if b {
        sg().true_.clone()
    } else {
        sg().false_.clone()
    }
}

/// `NotImplemented`.
pub fn notimpl() -> ObjRef {
    sg().notimpl.clone()
}

/// The type object of built-in kind `k`.
#[inline]
pub fn builtin_type(k: Kind) -> ObjRef {
    TYPES.with(|c| {
        *c.get_or_init(|| Box::leak(crate::typeobj::make_builtin_types().into_boxed_slice()))
    })[k as usize]
        .clone()
}

/// Mutable interpreter-wide state.
#[derive(Debug)]
pub struct Runtime {
    pub builtins: ObjRef,
    pub modules: ObjRef,
    pub interned: RefCell<HashMap<Box<str>, ObjRef>>,
    /// Exception types by name (built-in hierarchy).
    pub exc_types: RefCell<HashMap<&'static str, ObjRef>>,
    /// The handled exception of each active `except` block (`sys.exc_info()`).
    pub exc_info: RefCell<Vec<Option<ObjRef>>>,
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    pub out: RefCell<Vec<u8>>,
    pub argv: RefCell<Vec<String>>,
    pub script_dir: RefCell<Option<std::path::PathBuf>>,
}

/// The runtime of this thread, created on first use.
#[inline]
pub fn rt() -> &'static Runtime {
    RUNTIME.with(|c| {
        *c.get_or_init(|| {
            let r: &'static Runtime = Box::leak(Box::new(Runtime {
                builtins: crate::dict::new_dict(),
                modules: crate::dict::new_dict(),
                interned: RefCell::new(HashMap::new()),
                exc_types: RefCell::new(HashMap::new()),
                exc_info: RefCell::new(Vec::new()),
                depth: Cell::new(0),
                recursion_limit: Cell::new(1000),
                out: RefCell::new(Vec::with_capacity(8192)),
                argv: RefCell::new(Vec::new()),
                script_dir: RefCell::new(None),
            }));
            r
        })
    })
}

/// Initialises the built-ins once the runtime exists.
fn ensure_builtins() {
    thread_local! { static DONE: Cell<bool> = const { Cell::new(false) }; }
    if !DONE.with(|d| d.replace(true)) {
        exc::init_exception_types();
        crate::builtins::init_builtins();
    }
}

/// Writes to `sys.stdout` (buffered; flushed at exit and when large).
pub fn write_out(s: &str) {
    let mut o = rt().out.borrow_mut();
    o.extend_from_slice(s.as_bytes());
    if o.len() > 1 << 16 {
        let _ = std::io::stdout().write_all(&o);
        o.clear();
    }
}

/// Flushes buffered standard output.
pub fn flush_out() {
    let mut o = rt().out.borrow_mut();
    let mut so = std::io::stdout();
    let _ = so.write_all(&o);
    let _ = so.flush();
    o.clear();
}

/// How a program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// Exit status for the process.
    Exit(i32),
}

/// The interpreter's entry points.
#[derive(Debug, Default)]
pub struct Interp;

impl Interp {
    /// Prepares the interpreter with `sys.argv`.
    pub fn new(argv: Vec<String>) -> Interp {
        *rt().argv.borrow_mut() = argv;
        ensure_builtins();
        Interp
    }

    /// Runs `source` as the `__main__` module; prints an uncaught exception's traceback
    /// on stderr and returns the exit status.
    pub fn run_main(&self, source: &str, filename: &str) -> RunOutcome {
        if let Some(dir) = std::path::Path::new(filename).parent() {
            *rt().script_dir.borrow_mut() = Some(dir.to_path_buf());
        }
        let r = crate::builtins::exec_module_source(source, filename, "__main__");
        let code = match r {
            Ok(_) => 0,
            Err(e) => exc::handle_uncaught(e),
        };
        crate::builtins::run_atexit();
        flush_out();
        RunOutcome::Exit(code)
    }

    /// Runs one interactive statement (REPL), printing expression values.
    pub fn run_interactive(&self, source: &str) -> Result<(), String> {
        let r = crate::builtins::exec_interactive(source);
        flush_out();
        match r {
            Ok(()) => Ok(()),
            Err(e) => {
                let code = exc::print_exception(&e);
                let _ = code;
                Err(String::new())
            }
        }
    }
}

/// Raises `RecursionError` when the Python call depth passes the limit.
pub fn enter_call() -> Result<(), Exc> {
    let r = rt();
    let d = r.depth.get() + 1;
    if d > r.recursion_limit.get() {
        return Err(exc::new_exc(
            "RecursionError",
            "maximum recursion depth exceeded",
        ));
    }
    r.depth.set(d);
    Ok(())
}

/// Leaves a call entered with [`enter_call`].
pub fn leave_call() {
    let r = rt();
    r.depth.set(r.depth.get() - 1);
}
