//! Per-thread interpreter state: singletons, the small-int cache, the built-in type
//! objects, the `builtins` and `sys.modules` dicts, the handled-exception stack, and the
//! entry points that run a program.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use pymm_mem::ObjRef;

use crate::exc::{self, Exc};
use crate::object::*;

/// The Fx hash (rustc's): a fast hasher for the short identifier keys of the interned
/// strings table, which is consulted on every special-method lookup by name, and of the
/// exception classes by name (`exc::exc_type`, behind every `exc::matches`).
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

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
    match SINGLETONS.with(|c| c.get().copied()) {
        Some(s) => s,
        None => init_singletons(),
    }
}

#[cold]
#[inline(never)]
fn init_singletons() -> &'static Singletons {
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
            let sg: &'static Singletons = Box::leak(Box::new(Singletons {
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
            }));
            // CPython 3.11's statically allocated objects start at 999,999,999 references
            // (`_PyObject_IMMORTAL_REFCNT`): the small ints, the empty tuple and string and
            // the one-character latin-1 strings. None, True and False are not among them.
            let statics = sg
                .small_ints
                .iter()
                .chain(sg.latin1.iter())
                .chain([&sg.empty_tuple, &sg.empty_str]);
            for o in statics {
                o.as_obj().leak_refs(IMMORTAL_REFCNT - o.as_obj().refcnt());
            }
            // None, True, False, Ellipsis and NotImplemented are ordinary statics whose
            // counts, when a CPython 3.11 program starts, come from the code objects and
            // namespaces of the modules `site` and `encodings` loaded (measured with
            // `python3 -c` on 3.11.7: 5494, 409, 386, 16, 5). pymm loads none of them, so
            // it gives the objects those references up front.
            for (o, startup) in [
                (&sg.none, 5494),
                (&sg.true_, 409),
                (&sg.false_, 386),
                (&sg.ellipsis, 16),
                (&sg.notimpl, 5),
            ] {
                o.as_obj().leak_refs(startup - o.as_obj().refcnt());
            }
            sg
        })
    })
}

/// CPython 3.11's `_PyObject_IMMORTAL_REFCNT`.
pub const IMMORTAL_REFCNT: isize = 999_999_999;

/// `None`.
#[inline]
pub fn none() -> ObjRef {
    sg().none.clone()
}

/// Whether `o` is `None`.
#[inline]
pub fn is_none(o: &ObjRef) -> bool {
    crate::object::kind(o.as_obj()) == crate::object::Kind::NoneType
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
    let types = match TYPES.with(|c| c.get().copied()) {
        Some(t) => t,
        None => init_types(),
    };
    types[k as usize].clone()
}

#[cold]
#[inline(never)]
fn init_types() -> &'static [ObjRef] {
    TYPES.with(|c| {
        *c.get_or_init(|| Box::leak(crate::typeobj::make_builtin_types().into_boxed_slice()))
    })
}

/// Mutable interpreter-wide state.
#[derive(Debug)]
pub struct Runtime {
    pub builtins: ObjRef,
    pub modules: ObjRef,
    pub interned: RefCell<HashMap<Box<str>, ObjRef, std::hash::BuildHasherDefault<FxHasher>>>,
    /// Exception types by name (built-in hierarchy).
    pub exc_types: RefCell<HashMap<&'static str, ObjRef, std::hash::BuildHasherDefault<FxHasher>>>,
    /// The handled exception of each active `except` block (`sys.exc_info()`).
    pub exc_info: RefCell<Vec<Option<ObjRef>>>,
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    pub out: RefCell<Vec<u8>>,
    pub argv: RefCell<Vec<String>>,
    pub script_dir: RefCell<Option<std::path::PathBuf>>,
    /// The name of the module `-m` runs as `__main__` (its `__spec__.name`).
    pub main_spec: RefCell<Option<String>>,
    /// Spare slot buffers of frames: a call reuses one instead of asking the system
    /// allocator (they are empty when kept).
    pub frame_buffers: RefCell<Vec<pymm_mem::SlotBuf>>,
}

/// The runtime of this thread, created on first use.
#[inline]
pub fn rt() -> &'static Runtime {
    match RUNTIME.with(|c| c.get().copied()) {
        Some(r) => r,
        None => init_runtime(),
    }
}

#[cold]
#[inline(never)]
fn init_runtime() -> &'static Runtime {
    RUNTIME.with(|c| {
        *c.get_or_init(|| {
            let r: &'static Runtime = Box::leak(Box::new(Runtime {
                builtins: crate::dict::new_dict(),
                modules: crate::dict::new_dict(),
                interned: RefCell::new(HashMap::default()),
                exc_types: RefCell::new(HashMap::default()),
                exc_info: RefCell::new(Vec::new()),
                depth: Cell::new(0),
                recursion_limit: Cell::new(1000),
                out: RefCell::new(Vec::with_capacity(8192)),
                argv: RefCell::new(Vec::new()),
                script_dir: RefCell::new(None),
                main_spec: RefCell::new(None),
                frame_buffers: RefCell::new(Vec::new()),
            }));
            r
        })
    })
}

/// Initialises the built-ins once the runtime exists.
fn ensure_builtins() {
    thread_local! { static DONE: Cell<bool> = const { Cell::new(false) }; }
    if !DONE.with(|d| d.replace(true)) {
        intern_static_strings();
        exc::init_exception_types();
        crate::builtins::init_builtins();
        init_site_builtins();
    }
}

/// Interns the strings CPython 3.11 allocates statically, with their counts at
/// [`IMMORTAL_REFCNT`] beside the references pymm itself holds: `"sep" is
/// sys.intern("sep")` from the start, and `sys.getrefcount("append")` is about 10**9.
fn intern_static_strings() {
    for s in crate::static_strings::STATIC_STRINGS {
        crate::str::intern(s).as_obj().leak_refs(IMMORTAL_REFCNT);
    }
}

/// The part of CPython's `Lib/_sitebuiltins.py` that pymm has: `exit` and `quit`.
const SITEBUILTINS: &str = "\
class Quitter(object):
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof
    def __repr__(self):
        return 'Use %s() or %s to exit' % (self.name, self.eof)
    def __call__(self, code=None):
        raise SystemExit(code)
";

/// Adds `exit()` and `quit()` to the built-ins, as `site` does: `_sitebuiltins.Quitter`
/// instances whose repr tells how to leave the console and whose call raises
/// `SystemExit(code)`.
fn init_site_builtins() {
    let made = (|| -> Result<(), Exc> {
        let m = crate::builtins::exec_module_source(
            SITEBUILTINS,
            "<frozen _sitebuiltins>",
            "_sitebuiltins",
        )?;
        let quitter = crate::typeobj::getattr(&m, &crate::str::intern("Quitter"))?;
        let eof = crate::str::new_str("Ctrl-D (i.e. EOF)")?;
        for name in ["quit", "exit"] {
            let q = crate::call::call(&quitter, &[crate::str::new_str(name)?, eof.clone()])?;
            crate::dict::set_str(&rt().builtins, name, q);
        }
        Ok(())
    })();
    if let Err(e) = made {
        exc::print_exception(&e);
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

/// `sys.version`: the text after "Python " in `python3 -VV`, and in the console's
/// banner.
pub const VERSION: &str = "3.11.7 (pymm) [Rust]";

/// How a program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// Exit status for the process.
    Exit(i32),
    /// An uncaught `KeyboardInterrupt` (its traceback was printed): python3 then ends
    /// by `SIGINT` with the default action, which a shell reports as status 130.
    Interrupted,
}

impl RunOutcome {
    /// The exit status, 130 (128 + `SIGINT`) for [`RunOutcome::Interrupted`].
    pub fn code(self) -> i32 {
        match self {
            RunOutcome::Exit(code) => code,
            RunOutcome::Interrupted => 130,
        }
    }
}

/// How one interactive statement ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interactive {
    /// It ran.
    Ok,
    /// It raised (a `SyntaxError`, `KeyboardInterrupt`, ...); the traceback was printed.
    Error,
    /// It raised `SystemExit`: the console ends with this status (a message that was
    /// the exit code has been printed).
    Exit(i32),
}

// Ctrl-C: the `SIGINT` handler (in the `pymm` command) only sets this flag; the eval
// loop polls it and raises `KeyboardInterrupt` at the next instruction. One flag for the
// process, as the interpreter runs on one thread.
static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// CPython's `eval_breaker`: set while the eval loop has something to do between
/// instructions (a pending Ctrl-C, or tracemalloc wanting each instruction's location),
/// so that it polls one flag per instruction.
static EVAL_BREAKER: AtomicBool = AtomicBool::new(false);

/// Whether the eval loop must look at its slow per-instruction work.
#[inline(always)]
pub fn eval_breaker() -> bool {
    EVAL_BREAKER.load(Ordering::Relaxed)
}

/// Recomputes the breaker after one of its causes went away. A cause set concurrently
/// (Ctrl-C) sets its own flag before the breaker, so the second look cannot miss it.
pub(crate) fn recompute_eval_breaker() {
    EVAL_BREAKER.store(
        crate::tracemalloc::TRACING.load(Ordering::SeqCst)
            || crate::trace::TRACE_SET.load(Ordering::SeqCst),
        Ordering::SeqCst,
    );
    if INTERRUPT.load(Ordering::SeqCst) {
        EVAL_BREAKER.store(true, Ordering::SeqCst);
    }
}

/// Sets the breaker (a cause was just set).
pub(crate) fn set_eval_breaker() {
    EVAL_BREAKER.store(true, Ordering::SeqCst);
}

/// Asks the running program to raise `KeyboardInterrupt` (what Ctrl-C does); safe to
/// call from any thread.
pub fn request_interrupt() {
    INTERRUPT.store(true, Ordering::SeqCst);
    set_eval_breaker();
}

/// Forgets a pending interrupt; returns whether there was one.
pub fn clear_interrupt() -> bool {
    let was = INTERRUPT.swap(false, Ordering::SeqCst);
    recompute_eval_breaker();
    was
}

/// The `KeyboardInterrupt` to raise, if Ctrl-C was pressed since the last call.
#[inline(always)]
pub fn take_interrupt() -> Option<Exc> {
    if INTERRUPT.load(Ordering::Relaxed) {
        take_interrupt_slow()
    } else {
        None
    }
}

#[cold]
#[inline(never)]
fn take_interrupt_slow() -> Option<Exc> {
    clear_interrupt().then(|| exc::new_exc_args("KeyboardInterrupt", Vec::new()))
}

/// `time.sleep`: sleeps for `d`, ending early with `KeyboardInterrupt` on Ctrl-C (the
/// flag is looked at every 10 ms).
pub fn sleep(d: std::time::Duration) -> Result<(), Exc> {
    const SLICE: std::time::Duration = std::time::Duration::from_millis(10);
    // Past what an `Instant` can hold: until Ctrl-C.
    let end = std::time::Instant::now().checked_add(d);
    loop {
        if let Some(e) = take_interrupt() {
            return Err(e);
        }
        let left = end.map_or(SLICE, |end| {
            end.saturating_duration_since(std::time::Instant::now())
        });
        if left.is_zero() {
            return Ok(());
        }
        std::thread::sleep(left.min(SLICE));
    }
}

/// How full CPython 3.11's free lists are when a program's first line runs (dicts,
/// floats, lists, then tuples of 1 to 20 items), as `sys._debugmallocstats()` on that
/// line shows them for `python3 script.py` and `python3 -c`: the blocks its start-up
/// code (`site`, `encodings`, ...) released.
const STARTUP_FREELISTS: (usize, usize, usize, [usize; 20]) = (
    8,
    4,
    40,
    [4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6],
);

/// Fills the free lists to [`STARTUP_FREELISTS`] (a list that holds more already keeps
/// them) just before the main program's first line runs, so that its first objects
/// reuse blocks where CPython's do: the first tuples, lists and dicts it makes are no
/// new blocks to tracemalloc, as under python3.
pub(crate) fn seed_startup_freelists() -> crate::R<()> {
    // `sys` exists before any program runs in CPython: importing it must not take
    // blocks from the lists.
    crate::builtins::import_module("sys")?;
    let (dicts, floats, lists, tuples) = STARTUP_FREELISTS;
    let mut made = Vec::new();
    for _ in 0..dicts {
        made.push(crate::dict::try_new_dict()?);
    }
    for _ in 0..floats {
        made.push(crate::ops::new_float(0.5)?);
    }
    for _ in 0..lists {
        made.push(crate::seq::new_list(Vec::new())?);
    }
    for (i, &n) in tuples.iter().enumerate() {
        for _ in 0..n {
            made.push(crate::seq::new_tuple(vec![none(); i + 1])?);
        }
    }
    drop(made);
    Ok(())
}

/// The `runpy` frames (CPython 3.11.7's line numbers) above a module run with `-m`
/// whose code raised.
const RUNPY_RUN: &str = "  File \"<frozen runpy>\", line 198, in _run_module_as_main\n  \
     File \"<frozen runpy>\", line 88, in _run_code\n";

/// The frames above a module run with `-m` that does not compile.
const RUNPY_COMPILE: &str = "  File \"<frozen runpy>\", line 189, in _run_module_as_main\n  \
     File \"<frozen runpy>\", line 159, in _get_module_details\n  \
     File \"<frozen importlib._bootstrap_external>\", line 1074, in get_code\n  \
     File \"<frozen importlib._bootstrap_external>\", line 1004, in source_to_code\n  \
     File \"<frozen importlib._bootstrap>\", line 241, in _call_with_frames_removed\n";

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

    /// Runs `source` as the `__main__` module, then the `atexit` handlers; prints an
    /// uncaught exception's traceback on stderr and returns how the program ended.
    pub fn run_main(&self, source: &str, filename: &str) -> RunOutcome {
        let outcome = self.exec_main(source, filename, false);
        self.finalize();
        outcome
    }

    /// Runs `source` as the `__main__` module, without the `atexit` handlers (see
    /// [`Interp::finalize`]). With `inspect` (`-i`: the console follows), an uncaught
    /// `SystemExit` is printed like any other exception, as python3 does, and ends
    /// nothing.
    pub fn exec_main(&self, source: &str, filename: &str, inspect: bool) -> RunOutcome {
        if let Some(dir) = std::path::Path::new(filename).parent() {
            *rt().script_dir.borrow_mut() = Some(dir.to_path_buf());
        }
        self.exec_main_module(source, filename, inspect)
    }

    /// `python3 -m module`, up to running it: `sys.path[0]` is the current directory,
    /// and the module is found as `import` would find it (a package by its `__main__`
    /// submodule). Returns its source and file name, with `sys.argv[0]` set to the file;
    /// or how the search failed: python3's message (to print after the program name,
    /// exit status 1), or the exit status of an exception raised by a parent package's
    /// code (printed here; `SystemExit` gives its own status).
    pub fn find_main_module(&self, module: &str) -> Result<(String, String), Result<String, i32>> {
        *rt().script_dir.borrow_mut() = std::env::current_dir().ok();
        match crate::builtins::find_main_module(module) {
            Ok((source, file, spec)) => {
                *rt().main_spec.borrow_mut() = Some(spec);
                if let Some(a) = rt().argv.borrow_mut().first_mut() {
                    a.clone_from(&file);
                }
                // `sys` may exist already (a parent package imported it).
                if let Some(sys) = crate::dict::get_str(rt().modules.as_obj(), "sys")
                    && let Some(b) = sys.as_obj().downcast::<ModuleBody>()
                    && let Some(argv) = crate::dict::get_str(b.dict.as_obj(), "argv")
                    && kind(argv.as_obj()) == Kind::List
                    && crate::seq::list_len(argv.as_obj()) > 0
                    && let Ok(f) = crate::str::new_str(&file)
                {
                    let _ = crate::seq::list_splice(argv.as_obj(), 0, 1, vec![f]);
                }
                Ok((source, file))
            }
            Err(Ok(msg)) => {
                // What the search's imports printed comes first.
                flush_out();
                Err(Ok(msg))
            }
            Err(Err(e)) => {
                flush_out();
                Err(Err(exc::handle_uncaught(e)))
            }
        }
    }

    /// Runs a module found by [`Interp::find_main_module`] as `__main__` (see
    /// [`Interp::exec_main`], without changing `sys.path[0]`), then the `atexit` handlers.
    pub fn run_main_module(&self, source: &str, filename: &str) -> RunOutcome {
        let outcome = self.exec_main_module(source, filename, false);
        self.finalize();
        outcome
    }

    /// [`Interp::exec_main`] without changing `sys.path[0]` (for `-m` with `-i`).
    pub fn exec_main_module(&self, source: &str, filename: &str, inspect: bool) -> RunOutcome {
        let spec = rt().main_spec.borrow().clone();
        let origin = crate::builtins::ModuleOrigin::Main {
            file: (filename != "<string>").then_some(filename),
            spec: spec.as_deref(),
        };
        let r = crate::builtins::exec_module_file(source, filename, "__main__", origin);
        // Under `-m`, CPython's `runpy` compiled and ran the module: its frames head the
        // traceback of an exception the module did not catch.
        let outer = match &r {
            Err(e) if spec.is_some() => {
                let compiling = exc::matches(&e.0, "SyntaxError")
                    && exc::exc_body(e.0.as_obj()).is_some_and(|b| b.traceback.get().is_none());
                if compiling { RUNPY_COMPILE } else { RUNPY_RUN }
            }
            _ => "",
        };
        // python3 sets `__main__.__file__` only while the program runs.
        if let Some(m) = crate::dict::get_str(rt().modules.as_obj(), "__main__")
            && let Some(b) = m.as_obj().downcast::<ModuleBody>()
        {
            let _ = crate::dict::del(b.dict.as_obj(), &crate::str::intern("__file__"));
        }
        let outcome = match r {
            Ok(_) => RunOutcome::Exit(0),
            Err(e) if inspect => RunOutcome::Exit(exc::print_exception_below(&e, outer)),
            Err(e) if exc::matches(&e.0, "KeyboardInterrupt") => {
                exc::print_exception_below(&e, outer);
                RunOutcome::Interrupted
            }
            Err(e) => RunOutcome::Exit(exc::handle_uncaught_below(e, outer)),
        };
        flush_out();
        outcome
    }

    /// Runs the `atexit` handlers (once) and flushes standard output: the end of the
    /// program.
    pub fn finalize(&self) {
        crate::builtins::run_atexit();
        flush_out();
        finalize_modules();
        flush_out();
    }

    /// Runs one interactive statement (REPL) in `__main__`, printing expression values,
    /// and an exception's traceback.
    pub fn run_interactive(&self, source: &str) -> Interactive {
        let r = crate::builtins::exec_interactive(source);
        flush_out();
        match r {
            Ok(()) => Interactive::Ok,
            Err(e) => match exc::system_exit_status(&e) {
                Some(code) => Interactive::Exit(code),
                None => {
                    exc::print_exception(&e);
                    Interactive::Error
                }
            },
        }
    }
}

/// Interpreter shutdown as CPython's `finalize_modules` does it, as far as programs can
/// observe: the modules leave `sys.modules` (last imported first), and a collection then
/// finds each module namespace with its classes and functions as cyclic garbage, so the
/// finalizers of objects that only globals kept alive run while those globals still
/// exist, in the collector's order.
fn finalize_modules() {
    let mods: Vec<(ObjRef, ObjRef)> = crate::dict::items(rt().modules.as_obj());
    for (name, _) in mods.iter().rev() {
        let n = crate::str::as_str(name.as_obj());
        if n != "builtins" && n != "sys" {
            let _ = crate::dict::del(rt().modules.as_obj(), name);
        }
    }
    drop(mods);
    pymm_mem::gc::collect(2);
}

thread_local! {
    /// The lowest stack address interpreting may reach on this thread; 0 when nobody
    /// said ([`set_stack_budget`]).
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// The address of a local of the caller's frame: how deep the native stack is.
#[inline(always)]
fn stack_address() -> usize {
    let here = 0u8;
    std::hint::black_box(&here) as *const u8 as usize
}

/// Declares that the calling thread's stack is `size` bytes, starting about here: a
/// Python call (or a regular-expression parse) that would go deeper than most of it
/// raises `RecursionError` instead of overflowing the native stack, whatever
/// `sys.setrecursionlimit` allows. Called once by the thread that runs the program.
pub fn set_stack_budget(size: usize) {
    // An eighth is kept for the native work one level may do past the last check.
    let floor = stack_address().saturating_sub(size - size / 8);
    STACK_FLOOR.with(|f| f.set(floor));
}

/// Whether the native stack is used past the budget ([`set_stack_budget`]).
#[inline]
pub fn stack_exhausted() -> bool {
    stack_address() < STACK_FLOOR.with(Cell::get)
}

/// Raises `RecursionError` when the Python call depth passes the limit, or the native
/// stack its budget.
#[inline]
pub fn enter_call() -> Result<(), Exc> {
    let r = rt();
    let d = r.depth.get() + 1;
    // CPython counts the module's frame too: `depth` is the number of function frames
    // above it.
    if d >= r.recursion_limit.get() || stack_exhausted() {
        return Err(recursion_error());
    }
    r.depth.set(d);
    Ok(())
}

#[cold]
#[inline(never)]
fn recursion_error() -> Exc {
    exc::new_exc("RecursionError", "maximum recursion depth exceeded")
}

/// Leaves a call entered with [`enter_call`].
#[inline]
pub fn leave_call() {
    let r = rt();
    let d = r.depth.get() - 1;
    r.depth.set(d);
    if crate::tracemalloc::TRACING.load(Ordering::Relaxed) {
        crate::tracemalloc::left_call(d);
    }
}
