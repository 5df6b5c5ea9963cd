//! The built-in modules: `sys`, `math`, `time`, `gc`, `atexit`, `random`, plus the
//! pure-Python modules pymm ships in `src/pylib/` (executed on first import), and
//! `open()` for text files.

use num_traits::{Signed, ToPrimitive, Zero};
use pymm_mem::ObjRef;

use crate::builtins::{arg, to_f64, to_index};
use crate::call::{Kw, call, check_args, new_builtin};
use crate::exc::{R, new_exc, type_error, value_error};
use crate::object::*;
use crate::ops::{float_val, new_float, truthy};
use crate::state::{none, pybool, rt};
use crate::typeobj::obj_type_name;

fn int(v: i64) -> R {
    crate::int::from_i64(v)
}

/// An int for a size, count or index, as `PyLong_FromSsize_t` makes it.
fn ssize(v: usize) -> R {
    crate::int::from_ssize(v)
}

fn s(v: &str) -> R {
    crate::str::new_str(v)
}

/// A module object with a fresh namespace.
fn module(name: &str) -> R<(ObjRef, ObjRef)> {
    let d = crate::dict::try_new_dict()?;
    d.track();
    crate::dict::set_str(&d, "__name__", crate::str::intern(name));
    crate::dict::set_str(&d, "__doc__", none());
    let m = ObjRef::new(
        &MODULE_T,
        ModuleBody {
            dict: d.clone(),
            weaklist: Default::default(),
        },
    )
    .map_err(|_| crate::exc::memory_error())?;
    m.track();
    Ok((m, d))
}

fn defs(d: &ObjRef, fns: &[(&'static str, NativeFn)]) {
    for &(n, f) in fns {
        crate::dict::set_str(d, n, new_builtin(n, f, ""));
    }
}

/// Runs Python source in a module namespace (module-level helpers written in Python).
fn exec_in(d: &ObjRef, src: &str, filename: &str) -> R<()> {
    if crate::dict::get_str(d.as_obj(), "__builtins__").is_none() {
        crate::dict::set_str(
            d,
            "__builtins__",
            crate::dict::get_str(rt().modules.as_obj(), "builtins").unwrap_or_else(none),
        );
    }
    let code = crate::builtins::compile(src, filename, pymm_compiler::Mode::Exec)?;
    let code = crate::frame::new_code(code)?;
    let mut f = crate::frame::Frame::new(code, d.clone(), Some(d.clone()));
    crate::eval::run_frame(&mut f)?;
    Ok(())
}

/// Pure-Python modules embedded in the binary.
const PYLIB: &[(&str, &str)] = &[
    ("bisect", include_str!("pylib/bisect.py")),
    ("collections", include_str!("pylib/collections.py")),
    ("contextlib", include_str!("pylib/contextlib.py")),
    ("copy", include_str!("pylib/copy.py")),
    ("dataclasses", include_str!("pylib/dataclasses.py")),
    ("enum", include_str!("pylib/enum.py")),
    ("functools", include_str!("pylib/functools.py")),
    ("heapq", include_str!("pylib/heapq.py")),
    ("itertools", include_str!("pylib/itertools.py")),
    ("operator", include_str!("pylib/operator.py")),
    ("string", include_str!("pylib/string.py")),
    ("weakref", include_str!("pylib/weakref.py")),
    ("tracemalloc", include_str!("pylib/tracemalloc.py")),
    ("traceback", include_str!("pylib/traceback.py")),
    ("json", include_str!("pylib/json.py")),
    ("io", include_str!("pylib/io.py")),
    ("reprlib", include_str!("pylib/reprlib.py")),
    ("types", include_str!("pylib/types.py")),
    ("_generic_alias", include_str!("pylib/_generic_alias.py")),
    ("fractions", include_str!("pylib/fractions.py")),
    ("abc", include_str!("pylib/abc.py")),
    ("collections.abc", include_str!("pylib/_collections_abc.py")),
    ("os", include_str!("pylib/os.py")),
    ("posixpath", include_str!("pylib/posixpath.py")),
    ("re", include_str!("pylib/re.py")),
    ("keyword", include_str!("pylib/keyword.py")),
    ("timeit", include_str!("pylib/timeit.py")),
    ("typing", include_str!("pylib/typing.py")),
    ("textwrap", include_str!("pylib/textwrap.py")),
    ("pprint", include_str!("pylib/pprint.py")),
    ("statistics", include_str!("pylib/statistics.py")),
    ("struct", include_str!("pylib/struct.py")),
    ("resource", include_str!("pylib/resource.py")),
    ("objgraph", include_str!("pylib/objgraph.py")),
    ("memory_profiler", include_str!("pylib/memory_profiler.py")),
    ("inspect", include_str!("pylib/inspect.py")),
    ("_pymm_eg", include_str!("pylib/_pymm_eg.py")),
    ("linecache", include_str!("pylib/linecache.py")),
    (
        "_frozen_importlib",
        include_str!("pylib/_frozen_importlib.py"),
    ),
    (
        "_frozen_importlib_external",
        include_str!("pylib/_frozen_importlib_external.py"),
    ),
];

/// Creates built-in module `name`, or `None` if there is no such built-in module.
/// Whether `name` is one of pymm's built-in modules with submodules (`collections`).
pub fn is_builtin_package(name: &str) -> bool {
    PYLIB.iter().any(|(n, _)| {
        n.len() > name.len() && n.starts_with(name) && n.as_bytes()[name.len()] == b'.'
    })
}

/// The source of a pure-Python module pymm ships, and the file name it runs under.
pub fn pylib_source(name: &str) -> Option<(&'static str, String)> {
    PYLIB
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, src)| (*src, format!("<pymm>/{name}.py")))
}

pub fn make_builtin_module(name: &str) -> R<Option<ObjRef>> {
    let (m, d) = match name {
        "sys" => sys_module()?,
        "math" => math_module()?,
        "time" => time_module()?,
        "gc" => gc_module()?,
        "atexit" => atexit_module()?,
        "random" => random_module()?,
        "_weakref" => weakref_module()?,
        "_traceback" | "_pymm_sre" | "_struct" | "posix" | "_tracemalloc" => {
            // The modules that are a table of native functions.
            let fns = match name {
                "_traceback" => crate::traceback::module_functions(),
                "_pymm_sre" => crate::sre::module_functions(),
                "_struct" => crate::structmod::module_functions(),
                "posix" => crate::posix::module_functions(),
                _ => crate::tracemalloc::module_functions(),
            };
            let (m, d) = module(name)?;
            defs(&d, fns);
            (m, d)
        }
        "array" => {
            let (m, d) = module("array")?;
            crate::array::module_setup(&d);
            (m, d)
        }
        _ => {
            if let Some((src, file)) = pylib_source(name) {
                let (m, d) = module(name)?;
                // Registered first so that cyclic imports see the partial module.
                crate::dict::set(rt().modules.as_obj(), crate::str::intern(name), m.clone())?;
                if let Err(e) = exec_in(&d, src, &file) {
                    let _ = crate::dict::del(rt().modules.as_obj(), &crate::str::intern(name));
                    return Err(e);
                }
                return Ok(Some(m));
            }
            return Ok(None);
        }
    };
    adopt_functions(&m, &d);
    Ok(Some(m))
}

/// Makes `m` the module of the native functions in its namespace `d` that belong to no
/// module yet (their `__self__` and `__module__`, as `PyModule_AddFunctions` sets them).
pub fn adopt_functions(m: &ObjRef, d: &ObjRef) {
    for (_, v) in crate::dict::items(d.as_obj()) {
        if let Some(b) = v.as_obj().downcast::<BuiltinBody>()
            && b.owner().is_empty()
            && b.bound.get().is_none()
            && b.module.get().is_none()
        {
            b.module.set(Some(m.clone()));
        }
    }
}

/// The `tp_basicsize` of an exception's most derived built-in class: the fields the
/// exception classes of CPython 3.11 add to `PyBaseExceptionObject` (72 bytes).
fn exception_basicsize(obj: pymm_mem::Obj<'_>) -> usize {
    let t = crate::typeobj::type_of(obj);
    let mro = crate::typeobj::tb(t.as_obj()).mro.borrow();
    for c in mro.iter() {
        let b = crate::typeobj::tb(c.as_obj());
        if b.is_heap {
            continue;
        }
        return match b.name.borrow().as_str() {
            "SyntaxError" | "IndentationError" | "TabError" => 136,
            "UnicodeEncodeError" | "UnicodeDecodeError" | "UnicodeTranslateError" => 112,
            n if crate::exc::is_os_error_name(n) => 112,
            "ImportError" | "ModuleNotFoundError" | "ExceptionGroup" => 96,
            "AttributeError" | "BaseExceptionGroup" => 88,
            "NameError" | "UnboundLocalError" | "StopIteration" | "SystemExit" => 80,
            _ => 72,
        };
    }
    72
}

/// Start-up work after the built-ins exist: the collector's hooks into Python
/// (`gc.callbacks`, `gc.garbage`, DEBUG output on `sys.stderr`).
pub fn run_prelude() {
    install_gc_hooks();
}

thread_local! {
    /// `gc.callbacks` and `gc.garbage`, which exist before `gc` is imported.
    /// Leaked like the other start-up objects: they live as long as the runtime.
    static GC_LISTS: std::cell::OnceCell<&'static (ObjRef, ObjRef)> = const { std::cell::OnceCell::new() };
}

fn gc_lists() -> &'static (ObjRef, ObjRef) {
    GC_LISTS.with(|c| {
        *c.get_or_init(|| {
            Box::leak(Box::new((
                crate::seq::new_list(Vec::new()).expect("out of memory at start-up"),
                crate::seq::new_list(Vec::new()).expect("out of memory at start-up"),
            )))
        })
    })
}

fn gc_callbacks() -> ObjRef {
    gc_lists().0.clone()
}

fn gc_garbage() -> ObjRef {
    gc_lists().1.clone()
}

fn run_gc_callbacks(phase: pymm_mem::Phase, info: pymm_mem::CollectionInfo) {
    let cbs = crate::seq::list_items(gc_callbacks().as_obj());
    if cbs.is_empty() {
        return;
    }
    let r = (|| -> R<()> {
        let d = crate::dict::try_new_dict()?;
        crate::dict::set_str(&d, "generation", int(info.generation as i64)?);
        crate::dict::set_str(&d, "collected", ssize(info.collected)?);
        crate::dict::set_str(&d, "uncollectable", ssize(info.uncollectable)?);
        let ph = s(match phase {
            pymm_mem::Phase::Start => "start",
            pymm_mem::Phase::Stop => "stop",
        })?;
        for cb in cbs {
            if let Err(e) = call(&cb, &[ph.clone(), d.clone()]) {
                crate::exc::unraisable(&e, Some(&cb), "garbage collection callback");
            }
        }
        Ok(())
    })();
    drop(r);
}

fn install_gc_hooks() {
    // Made before the hooks that read them exist: making them allocates, which may run a
    // collection, whose callbacks hook would otherwise ask for them while they are made.
    gc_lists();
    let hooks = pymm_mem::HostHooks {
        on_collection: Some(std::rc::Rc::new(run_gc_callbacks)),
        // The collector's DEBUG_* lines go to sys.stderr, which a program may replace.
        debug_write: Some(std::rc::Rc::new(|text: &str| {
            let stderr = crate::dict::get_str(rt().modules.as_obj(), "sys").and_then(|m| {
                crate::typeobj::getattr_opt(&m, &crate::str::intern("stderr"))
                    .ok()
                    .flatten()
            });
            match stderr {
                Some(f) => {
                    if let Err(e) = crate::functions::write_to(Some(&f), text) {
                        crate::exc::write_unraisable(&e, "gc debug output");
                    }
                }
                None => {
                    crate::state::flush_out();
                    eprint!("{text}");
                }
            }
        })),
        call_weakref_callback: Some(std::rc::Rc::new(crate::weakrefs::run_callback)),
        garbage: Some(std::rc::Rc::new(|o: ObjRef| {
            let _ = crate::seq::list_append(gc_garbage().as_obj(), o);
        })),
        ..Default::default()
    };
    pymm_mem::set_host_hooks(hooks);
}

// ---------------------------------------------------------------------------------------
// sys

const SYS_PY: &str = r#"
class UnraisableHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, err_msg, object):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.err_msg = err_msg
        self.object = object
    def __repr__(self):
        return "UnraisableHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, err_msg=%r, object=%r)" % (
            self.exc_type, self.exc_value, self.exc_traceback, self.err_msg, self.object)

class _Stream:
    def __init__(self, fd, name):
        self._fd = fd
        self.name = name
        self.encoding = 'utf-8'
        self.errors = 'strict'
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        _write(self._fd, s)
        return len(s)
    def writelines(self, lines):
        for line in lines:
            self.write(line)
    def flush(self):
        _flush(self._fd)
    def isatty(self):
        return False
    def fileno(self):
        return self._fd
    def __repr__(self):
        return "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>" % (self.name, 'r' if self._fd == 0 else 'w')

class _Stdin(_Stream):
    def readline(self):
        return _readline()
    def read(self):
        out = []
        while True:
            line = _readline()
            if not line:
                return ''.join(out)
            out.append(line)
    def __iter__(self):
        while True:
            line = _readline()
            if not line:
                return
            yield line

__unraisablehook__ = unraisablehook
stdout = __stdout__ = _Stream(1, '<stdout>')
stderr = __stderr__ = _Stream(2, '<stderr>')
stdin = __stdin__ = _Stdin(0, '<stdin>')
del _Stream, _Stdin
"#;

/// sys's struct sequences (version_info, flags, float_info, int_info, hash_info: tuple
/// subclasses with named, read-only fields) and the rest of sys's constants.
const SYS_STRUCTS_PY: &str = r#"
def _structseq(name, fields, values):
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sys.%s' instances" % name)
    def __getattr__(self, attr):
        if attr in fields:
            return self[fields.index(attr)]
        raise AttributeError("'sys.%s' object has no attribute '%s'" % (name, attr))
    def __setattr__(self, attr, value):
        if attr in fields:
            raise AttributeError('readonly attribute')
        raise AttributeError("'sys.%s' object has no attribute '%s'" % (name, attr))
    def __repr__(self):
        return 'sys.%s(%s)' % (name, ', '.join(['%s=%r' % (f, v) for f, v in zip(fields, self)]))
    def __reduce__(self):
        return (type(self), (tuple(self),))
    ns = {'__new__': __new__, '__getattr__': __getattr__, '__setattr__': __setattr__,
          '__repr__': __repr__, '__str__': __repr__, '__reduce__': __reduce__, '__module__': 'sys',
          'n_fields': len(fields), 'n_sequence_fields': len(fields), 'n_unnamed_fields': 0}
    cls = type(name, (tuple,), ns)
    return tuple.__new__(cls, values)

version_info = _structseq('version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                          (3, 11, 7, 'final', 0))
flags = _structseq('flags', ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
                             'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning',
                             'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
                             'warn_default_encoding', 'safe_path', 'int_max_str_digits'),
                   (0, 0, 0, 0, int(_dont_write_bytecode), 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
float_info = _structseq('float_info', ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp',
                                       'dig', 'mant_dig', 'epsilon', 'radix', 'rounds'),
                        (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
                         15, 53, 2.220446049250313e-16, 2, 1))
int_info = _structseq('int_info', ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
                                   'str_digits_check_threshold'), (30, 4, 4300, 640))
hash_info = _structseq('hash_info', ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits',
                                     'seed_bits', 'cutoff'),
                       (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
thread_info = _structseq('thread_info', ('name', 'lock', 'version'), ('pthread', 'semaphore', None))
del _structseq

class SimpleNamespace:
    __module__ = 'types'
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
    def __repr__(self):
        return 'namespace(%s)' % ', '.join(['%s=%r' % kv for kv in self.__dict__.items()])
    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

implementation = SimpleNamespace(name='pymm', cache_tag=None, version=version_info,
                                 hexversion=hexversion, _multiarch='x86_64-linux-gnu')
del SimpleNamespace
dont_write_bytecode = bool(_dont_write_bytecode)
del _dont_write_bytecode
float_repr_style = 'short'
builtin_module_names = ('_tracemalloc', '_weakref', 'array', 'atexit', 'builtins', 'gc', 'math', 'sys', 'time')
abiflags = ''

def getdefaultencoding():
    return 'utf-8'

def getfilesystemencoding():
    return 'utf-8'

def getfilesystemencodeerrors():
    return 'surrogateescape'
"#;

fn sys_get_int_max_str_digits(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("get_int_max_str_digits", args, 0, 0)?;
    int(crate::int::max_str_digits() as i64)
}

fn sys_set_int_max_str_digits(args: &[ObjRef], kw: &Kw) -> R {
    check_args("set_int_max_str_digits", args, 0, 1)?;
    let Some(v) = arg(args, kw, 0, "maxdigits") else {
        return Err(type_error(
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
        ));
    };
    let n = to_index(&v)?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::int::set_max_str_digits(n as usize);
    Ok(none())
}

fn sys_write(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_write", args, 2, 2)?;
    let text = crate::str::as_str(args[1].as_obj()).into_owned();
    match to_index(&args[0])? {
        2 => {
            crate::state::flush_out();
            eprint!("{text}");
        }
        _ => crate::state::write_out(&text),
    }
    Ok(none())
}

fn sys_flush(_args: &[ObjRef], _kw: &Kw) -> R {
    crate::state::flush_out();
    Ok(none())
}

fn sys_readline(_args: &[ObjRef], _kw: &Kw) -> R {
    crate::state::flush_out();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(_) => s(&line),
        Err(e) => Err(new_exc("OSError", &e.to_string())),
    }
}

/// The default `sys.unraisablehook`: "Exception ignored in: repr(object)" and the
/// traceback, on stderr.
fn sys_unraisablehook(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("unraisablehook", args, 1, 1)?;
    let a = &args[0];
    let get = |n: &str| crate::typeobj::getattr(a, &crate::str::intern(n));
    let v = get("exc_value")?;
    let obj = get("object")?;
    let ctx = if kind(obj.as_obj()) == Kind::NoneType {
        String::new()
    } else {
        crate::ops::repr_of(&obj)?
    };
    crate::exc::write_unraisable(&crate::exc::Exc(v), &ctx);
    Ok(none())
}

fn sys_exit(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("exit", args, 0, 1)?;
    // `sys.exit(None)` raises SystemExit() with no arguments, as CPython does.
    let a: Vec<ObjRef> = args
        .iter()
        .filter(|a| kind(a.as_obj()) != Kind::NoneType)
        .cloned()
        .collect();
    Err(crate::exc::new_exc_args("SystemExit", a))
}

fn sys_getrecursionlimit(_args: &[ObjRef], _kw: &Kw) -> R {
    int(rt().recursion_limit.get() as i64)
}

fn sys_setrecursionlimit(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("setrecursionlimit", args, 1, 1)?;
    if kind(args[0].as_obj()) == Kind::Float {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = to_index(&args[0])?;
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    // CPython 3.11's count: the module's frame, the function frames, and this call of
    // a built-in (`cfunction_vectorcall_*` enters a recursive call).
    let depth = rt().depth.get() as i64 + 2;
    if n <= depth {
        return Err(new_exc(
            "RecursionError",
            &format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    rt().recursion_limit.set(n as usize);
    Ok(none())
}

/// `object.__sizeof__`: the object's size as CPython 3.11 computes it, without the GC
/// head and the managed-dict pre-header; includes the separately allocated buffers of
/// lists, dicts and sets.
pub fn basic_sizeof(o: &ObjRef) -> usize {
    let obj = o.as_obj();
    let heap = crate::typeobj::is_heap_instance(obj);
    // Subclass instances of built-in types add `__weakref__` (8 bytes) where CPython
    // allows it, and a trailing dict pointer for tuples; `__slots__ = ()` leaves both
    // out.
    let extra = if heap && crate::typeobj::has_dict(obj) {
        match kind(obj) {
            Kind::List
            | Kind::Dict
            | Kind::Float
            | Kind::Tuple
            | Kind::Bytes
            | Kind::BaseException => 8,
            _ => 0,
        }
    } else {
        0
    };
    extra
        + match kind(obj) {
            Kind::List => 40 + 8 * crate::seq::list_body(obj).map_or(0, |b| b.items.capacity()),
            Kind::Dict => crate::dict::sizeof(obj),
            Kind::Set | Kind::FrozenSet => {
                let n = obj.downcast::<SetBody>().map_or(0, |b| b.table.len());
                200 + if n > 8 { 16 * n } else { 0 }
            }
            Kind::Object if heap => {
                let t = crate::typeobj::type_of(obj);
                let mro = crate::typeobj::tb(t.as_obj()).mro.borrow().to_vec();
                let nslots: usize = mro
                    .iter()
                    .map(|c| {
                        crate::typeobj::tb(c.as_obj())
                            .slots
                            .borrow()
                            .as_ref()
                            .map_or(0, |v| {
                                v.iter()
                                    .filter(|n| *n != "__dict__" && *n != "__weakref__")
                                    .count()
                            })
                    })
                    .sum();
                let has_slots_only = mro
                    .iter()
                    .filter(|c| crate::typeobj::tb(c.as_obj()).is_heap)
                    .all(|c| crate::typeobj::tb(c.as_obj()).slots.borrow().is_some());
                let weak = !has_slots_only
                    || mro.iter().any(|c| {
                        crate::typeobj::tb(c.as_obj())
                            .slots
                            .borrow()
                            .as_ref()
                            .is_some_and(|v| v.iter().any(|n| n == "__weakref__"))
                    });
                16 + 8 * nslots + if weak { 8 } else { 0 }
            }
            Kind::Object => 16,
            Kind::Function => 136,
            Kind::Method => 48,
            // The object and its frame's slots block: CPython's one block (`GenBody`).
            Kind::Generator => {
                let slots = obj.downcast::<GenBody>().map_or(0, |g| {
                    crate::frame::code_body(&g.code.get()).code.frame_slots()
                });
                obj.basic_size() + 8 * slots
            }
            Kind::Cell => 24,
            Kind::Traceback => 40,
            Kind::Frame => {
                // `frame_sizeof`: PyFrameObject up to its frame data (48 bytes), the
                // interpreter frame's specials (72), and a word per variable and per
                // value-stack slot of the code.
                let f = obj.downcast::<FrameBody>().expect("frame");
                120 + 8 * crate::frame::code_body(&f.code).code.frame_slots()
            }
            Kind::Code => 192,
            Kind::Module => 56,
            Kind::Type => {
                if crate::typeobj::tb(obj).is_heap {
                    1672
                } else {
                    408
                }
            }
            Kind::BaseException => exception_basicsize(obj),
            Kind::Property => 64,
            Kind::StaticMethod | Kind::ClassMethod => 32,
            Kind::Super => 40,
            Kind::Slice => 40,
            Kind::Range => 48,
            // `wrapperobject` (descriptor and self) or `PyCFunctionObject`.
            Kind::BuiltinFunction => match obj.downcast::<BuiltinBody>().map(|b| b.flavor()) {
                Some(BuiltinFlavor::MethodWrapper) => 32,
                _ => 56,
            },
            Kind::Tuple => 24 + 8 * crate::seq::tuple_items(obj).len(),
            Kind::ByteArray => crate::bytearray::sizeof(obj),
            Kind::Array => crate::array::sizeof(obj),
            Kind::MemoryView => 168,
            Kind::Int | Kind::Bool => 24 + 4 * crate::int::ndigits(obj).max(1),
            Kind::Float => 24,
            // A subclass instance is CPython's non-compact `PyUnicodeObject` (with its
            // dict and weak-reference slots: 96 bytes, of which the caller counts the
            // 16 of pymm's pre-header) and a separate buffer of `length + 1` code units.
            Kind::Str if heap => {
                let b = crate::str::str_body(obj).expect("str");
                80 + (b.length + 1) * ((b.state.get() >> crate::str::KIND_SHIFT) & 7) as usize
            }
            _ => obj.basic_size(),
        }
}

/// Whether instances of `o`'s type carry a managed `__dict__` (CPython 3.11 adds 16 bytes).
/// Subclasses of variable-size types (int, tuple, bytes) and of exceptions keep their
/// dict pointer in the object instead.
fn has_managed_dict(o: &ObjRef) -> bool {
    let obj = o.as_obj();
    if !crate::typeobj::is_heap_instance(obj)
        || matches!(
            kind(obj),
            Kind::Int | Kind::Tuple | Kind::Bytes | Kind::BaseException
        )
    {
        return false;
    }
    let t = crate::typeobj::type_of(obj);
    let mro = crate::typeobj::tb(t.as_obj()).mro.borrow().to_vec();
    mro.iter().any(|c| {
        let b = crate::typeobj::tb(c.as_obj());
        b.is_heap
            && b.slots
                .borrow()
                .as_ref()
                .is_none_or(|v| v.iter().any(|n| n == "__dict__"))
    })
}

/// `sys.getsizeof(obj[, default])`.
fn sys_getsizeof(args: &[ObjRef], kw: &Kw) -> R {
    let o = arg(args, kw, 0, "object")
        .ok_or_else(|| type_error("getsizeof() missing required argument 'object' (pos 1)"))?;
    let default = arg(args, kw, 1, "default");
    // A `__sizeof__` other than the built-in types' own is called, whatever it is (`None`
    // raises the TypeError of calling it).
    let size = match crate::typeobj::user_special(&o, "__sizeof__") {
        Some(f) => {
            let r = call(&f, &[o.clone()]);
            match r {
                Ok(v) => {
                    if !crate::int::is_int(v.as_obj()) {
                        let e = type_error("an integer is required");
                        return default.ok_or(e);
                    }
                    let n = crate::int::to_big(v.as_obj());
                    if n.is_negative() {
                        return Err(value_error("__sizeof__() should return >= 0"));
                    }
                    n.to_usize().ok_or_else(|| {
                        new_exc(
                            "OverflowError",
                            "Python int too large to convert to C ssize_t",
                        )
                    })?
                }
                Err(e) if default.is_some() && crate::exc::matches(&e.0, "TypeError") => {
                    return Ok(default.unwrap_or_else(none));
                }
                Err(e) => return Err(e),
            }
        }
        _ => basic_sizeof(&o),
    };
    let gc = if o.as_obj().is_gc() { 16 } else { 0 };
    let managed = if has_managed_dict(&o) { 16 } else { 0 };
    ssize(size + gc + managed)
}

fn sys_getrefcount(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getrefcount", args, 1, 1)?;
    // CPython 3.11 passes arguments without a tuple: the count includes exactly the
    // one reference the call holds, as pymm's argument vector does.
    let o = args[0].as_obj();
    let mut n = o.refcnt() as i64;
    // CPython 3.11 does not count the interned-strings dict's references to its keys
    // (`PyUnicode_InternInPlace` takes them back); pymm's intern table holds one.
    if crate::str::is_interned(o) {
        n -= 1;
    }
    crate::int::from_i64_as(n, crate::int::IntAlloc::Exact)
}

fn sys_intern(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("sys.intern", args, 1, 1)?;
    if kind(args[0].as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "intern() argument must be str, not {}",
            obj_type_name(&args[0])
        )));
    }
    if crate::typeobj::is_heap_instance(args[0].as_obj()) {
        return Err(type_error(format!(
            "can't intern {}",
            obj_type_name(&args[0])
        )));
    }
    Ok(crate::str::intern_in_place(&args[0]))
}

fn sys_getallocatedblocks(_args: &[ObjRef], _kw: &Kw) -> R {
    ssize(pymm_mem::allocated_blocks())
}

fn sys_debugmallocstats(_args: &[ObjRef], _kw: &Kw) -> R {
    crate::state::flush_out();
    let mut out = String::new();
    pymm_mem::with_heap(|h| h.write_debug_malloc_stats(&mut out));
    // `_PyObject_DebugTypeStats`: the free lists, with CPython's object sizes.
    out.push('\n');
    let line = pymm_mem::obmalloc::write_freelist_line;
    line(
        &mut out,
        pymm_mem::freelist_len(&DICT_T, 0),
        "PyDictObject",
        48,
    );
    line(
        &mut out,
        pymm_mem::freelist_len(&FLOAT_T, 0),
        "PyFloatObject",
        24,
    );
    line(
        &mut out,
        pymm_mem::freelist_len(&LIST_T, 0),
        "PyListObject",
        40,
    );
    for n in 1..=20 {
        let name = format!("{n}-sized PyTupleObject");
        line(
            &mut out,
            pymm_mem::freelist_len(&TUPLE_T, n - 1),
            &name,
            24 + 8 * n,
        );
    }
    eprint!("{out}");
    Ok(none())
}

/// `sys._getframe`: the eval loop answers calls made from Python code (it knows the
/// calling activation, see `eval::frame_builtin`); this runs only for other callers.
pub fn sys_getframe(_args: &[ObjRef], _kw: &Kw) -> R {
    Err(new_exc("ValueError", "call stack is not deep enough"))
}

fn sys_exc_info(_args: &[ObjRef], _kw: &Kw) -> R {
    let cur = rt()
        .exc_info
        .borrow()
        .iter()
        .rev()
        .flatten()
        .next()
        .cloned();
    match cur {
        Some(e) => {
            let tb = crate::exc::exc_body(e.as_obj())
                .and_then(|b| b.traceback.get())
                .unwrap_or_else(none);
            crate::seq::new_tuple(vec![crate::typeobj::type_of(e.as_obj()), e, tb])
        }
        None => crate::seq::new_tuple(vec![none(), none(), none()]),
    }
}

fn sys_exception(_args: &[ObjRef], _kw: &Kw) -> R {
    Ok(rt()
        .exc_info
        .borrow()
        .iter()
        .rev()
        .flatten()
        .next()
        .cloned()
        .unwrap_or_else(none))
}

fn sys_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("sys")?;
    let argv = rt()
        .argv
        .borrow()
        .iter()
        .map(|a| s(a))
        .collect::<R<Vec<_>>>()?;
    crate::dict::set_str(&d, "argv", crate::seq::new_list(argv)?);
    let path = crate::builtins::initial_path()
        .iter()
        .map(|p| s(p))
        .collect::<R<Vec<_>>>()?;
    crate::dict::set_str(&d, "path", crate::seq::new_list(path)?);
    crate::dict::set_str(&d, "modules", rt().modules.clone());
    crate::dict::set_str(&d, "version", s(crate::state::VERSION)?);
    crate::dict::set_str(&d, "platform", s("linux")?);
    crate::dict::set_str(&d, "byteorder", s("little")?);
    crate::dict::set_str(&d, "maxsize", int(i64::MAX)?);
    crate::dict::set_str(&d, "maxunicode", int(0x10ffff)?);
    crate::dict::set_str(
        &d,
        "executable",
        s(&std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default())?,
    );
    crate::dict::set_str(&d, "implementation_name", s("pymm")?);
    crate::dict::set_str(&d, "hexversion", int(0x030b07f0)?);
    crate::dict::set_str(&d, "api_version", int(1013)?);
    defs(
        &d,
        &[
            ("_write", sys_write),
            ("_flush", sys_flush),
            ("_readline", sys_readline),
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("getsizeof", sys_getsizeof),
            ("getrefcount", sys_getrefcount),
            ("intern", sys_intern),
            ("getallocatedblocks", sys_getallocatedblocks),
            ("_debugmallocstats", sys_debugmallocstats),
            ("exc_info", sys_exc_info),
            ("_getframe", sys_getframe),
            ("settrace", crate::trace::sys_settrace),
            ("gettrace", crate::trace::sys_gettrace),
            ("unraisablehook", sys_unraisablehook),
            ("exception", sys_exception),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ],
    );
    crate::dict::set(rt().modules.as_obj(), crate::str::intern("sys"), m.clone())?;
    crate::dict::set_str(
        &d,
        "_dont_write_bytecode",
        pybool(std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())),
    );
    exec_in(&d, SYS_PY, "<pymm>/sys.py")?;
    exec_in(&d, SYS_STRUCTS_PY, "<pymm>/sys.py")?;
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// math

fn f1(args: &[ObjRef], name: &str) -> R<f64> {
    check_args(name, args, 1, 1)?;
    to_f64(&args[0])
}

macro_rules! math_fn {
    ($fname:ident, $pyname:expr, $body:expr) => {
        fn $fname(args: &[ObjRef], _kw: &Kw) -> R {
            let x = f1(args, $pyname)?;
            let f: fn(f64) -> f64 = $body;
            let r = f(x);
            if r.is_nan() && !x.is_nan() {
                return Err(value_error("math domain error"));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(new_exc("OverflowError", "math range error"));
            }
            new_float(r)
        }
    };
}

math_fn!(math_sin, "sin", f64::sin);
math_fn!(math_cos, "cos", f64::cos);
math_fn!(math_tan, "tan", f64::tan);
math_fn!(math_asin, "asin", f64::asin);
math_fn!(math_acos, "acos", f64::acos);
math_fn!(math_atan, "atan", f64::atan);
math_fn!(math_sinh, "sinh", f64::sinh);
math_fn!(math_cosh, "cosh", f64::cosh);
math_fn!(math_tanh, "tanh", f64::tanh);
math_fn!(math_exp, "exp", f64::exp);
math_fn!(math_expm1, "expm1", f64::exp_m1);
math_fn!(math_fabs, "fabs", f64::abs);
math_fn!(math_degrees, "degrees", f64::to_degrees);
math_fn!(math_radians, "radians", f64::to_radians);

fn math_sqrt(args: &[ObjRef], _kw: &Kw) -> R {
    let x = f1(args, "sqrt")?;
    if x < 0.0 {
        return Err(value_error("math domain error"));
    }
    new_float(x.sqrt())
}

fn math_atan2(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("atan2", args, 2, 2)?;
    new_float(to_f64(&args[0])?.atan2(to_f64(&args[1])?))
}

fn math_fmod(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("fmod", args, 2, 2)?;
    let (x, y) = (to_f64(&args[0])?, to_f64(&args[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(value_error("math domain error"));
    }
    new_float(x % y)
}

fn math_copysign(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("copysign", args, 2, 2)?;
    new_float(to_f64(&args[0])?.copysign(to_f64(&args[1])?))
}

fn int_round(args: &[ObjRef], name: &str, f: fn(f64) -> f64, dunder: &'static str) -> R {
    check_args(name, args, 1, 1)?;
    let x = &args[0];
    if crate::int::is_int(x.as_obj()) {
        return crate::int::from_big(&crate::int::to_big(x.as_obj()));
    }
    if kind(x.as_obj()) != Kind::Float
        && let Some(m) = crate::typeobj::lookup_special(x, dunder)
    {
        return call(&m, &[x.clone()]);
    }
    let v = to_f64(x)?;
    if v.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(new_exc(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    crate::int::from_f64(f(v))
}

fn math_floor(args: &[ObjRef], _kw: &Kw) -> R {
    int_round(args, "floor", f64::floor, "__floor__")
}
fn math_ceil(args: &[ObjRef], _kw: &Kw) -> R {
    int_round(args, "ceil", f64::ceil, "__ceil__")
}
fn math_trunc(args: &[ObjRef], _kw: &Kw) -> R {
    if let Some(x) = args.first()
        && !matches!(kind(x.as_obj()), Kind::Float | Kind::Int | Kind::Bool)
        && crate::typeobj::lookup_special(x, "__trunc__").is_none()
    {
        return Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            obj_type_name(x)
        )));
    }
    int_round(args, "trunc", f64::trunc, "__trunc__")
}

fn big_arg(o: &ObjRef) -> R<num_bigint::BigInt> {
    if crate::int::is_int(o.as_obj()) {
        Ok(crate::int::to_big(o.as_obj()))
    } else if kind(o.as_obj()) == Kind::Float {
        Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ))
    } else {
        Ok(num_bigint::BigInt::from(to_index(o)?))
    }
}

fn math_factorial(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("factorial", args, 1, 1)?;
    let n = big_arg(&args[0])?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| {
        new_exc(
            "OverflowError",
            "factorial() argument should not exceed 9223372036854775807",
        )
    })?;
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    crate::int::from_big(&acc)
}

fn math_gcd(args: &[ObjRef], _kw: &Kw) -> R {
    use num_integer::Integer;
    let mut g = num_bigint::BigInt::zero();
    for a in args {
        g = g.gcd(&big_arg(a)?);
    }
    crate::int::from_big(&g)
}

fn math_lcm(args: &[ObjRef], _kw: &Kw) -> R {
    use num_integer::Integer;
    let mut l = num_bigint::BigInt::from(1);
    for a in args {
        let b = big_arg(a)?;
        if b.is_zero() {
            return int(0);
        }
        l = l.lcm(&b);
    }
    crate::int::from_big(&l.abs())
}

fn math_isqrt(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("isqrt", args, 1, 1)?;
    let n = big_arg(&args[0])?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    crate::int::from_big(&n.sqrt())
}

fn math_comb(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("comb", args, 2, 2)?;
    let (n, k) = (big_arg(&args[0])?, big_arg(&args[1])?);
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return int(0);
    }
    let k = k.clone().min(&n - &k).to_u64().unwrap_or(0);
    let mut acc = num_bigint::BigInt::from(1);
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    crate::int::from_big(&acc)
}

fn math_perm(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("perm", args, 1, 2)?;
    let n = big_arg(&args[0])?;
    let k = match args.get(1).filter(|k| kind(k.as_obj()) != Kind::NoneType) {
        Some(k) => big_arg(k)?,
        None => n.clone(),
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return int(0);
    }
    let mut acc = num_bigint::BigInt::from(1);
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        acc *= &n - i;
    }
    crate::int::from_big(&acc)
}

fn math_isfinite(args: &[ObjRef], _kw: &Kw) -> R {
    Ok(pybool(f1(args, "isfinite")?.is_finite()))
}
fn math_isinf(args: &[ObjRef], _kw: &Kw) -> R {
    Ok(pybool(f1(args, "isinf")?.is_infinite()))
}
fn math_isnan(args: &[ObjRef], _kw: &Kw) -> R {
    Ok(pybool(f1(args, "isnan")?.is_nan()))
}

fn math_isclose(args: &[ObjRef], kw: &Kw) -> R {
    check_args("isclose", args, 2, 2)?;
    let (a, b) = (to_f64(&args[0])?, to_f64(&args[1])?);
    let rel = match kw.get("rel_tol") {
        Some(v) => to_f64(&v)?,
        None => 1e-9,
    };
    let abs = match kw.get("abs_tol") {
        Some(v) => to_f64(&v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(pybool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(pybool(false));
    }
    let d = (b - a).abs();
    Ok(pybool(
        d <= (rel * b).abs() || d <= (rel * a).abs() || d <= abs,
    ))
}

fn math_prod(args: &[ObjRef], kw: &Kw) -> R {
    check_args("prod", args, 1, 1)?;
    let mut acc = kw.get("start").map_or_else(|| int(1), Ok)?;
    for o in crate::iter::collect(&args[0])? {
        acc = crate::ops::binary_op(pymm_compiler::BinaryOperator::Multiply, &acc, &o)?;
    }
    Ok(acc)
}

// The system libm (glibc), which CPython's math module calls for these functions.
// SAFETY: these C functions take and return plain doubles, touch no memory and are
// thread-safe; declaring them `safe` is sound.
unsafe extern "C" {
    fn dlsym(handle: *mut std::ffi::c_void, name: *const std::ffi::c_char)
    -> *mut std::ffi::c_void;
    #[link_name = "asinh"]
    safe fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    safe fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    safe fn c_atanh(x: f64) -> f64;
    #[link_name = "exp2"]
    safe fn c_exp2(x: f64) -> f64;
    #[link_name = "erf"]
    safe fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    safe fn c_erfc(x: f64) -> f64;
    #[link_name = "nextafter"]
    safe fn c_nextafter(x: f64, y: f64) -> f64;
}

/// libm's cbrt. compiler_builtins links in its own `cbrt` (correctly rounded), which
/// shadows glibc's at link time; CPython gets glibc's, so look that up at run time.
fn c_cbrt(x: f64) -> f64 {
    type F = extern "C" fn(f64) -> f64;
    static CBRT: std::sync::OnceLock<Option<F>> = std::sync::OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: dlsym(RTLD_DEFAULT, name) with a NUL-terminated name only reads the
        // dynamic symbol tables.
        let p = unsafe { dlsym(std::ptr::null_mut(), c"cbrt".as_ptr()) };
        if p.is_null() {
            return None;
        }
        // SAFETY: `p` is the address of libm's `double cbrt(double)`.
        Some(unsafe { std::mem::transmute::<*mut std::ffi::c_void, F>(p) })
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

/// CPython's `math_1` with `can_overflow == 0`: an infinite result from a finite
/// argument is a singularity (ValueError), not an overflow.
macro_rules! math_fn_nov {
    ($fname:ident, $pyname:expr, $body:expr) => {
        fn $fname(args: &[ObjRef], _kw: &Kw) -> R {
            let x = f1(args, $pyname)?;
            let f: fn(f64) -> f64 = $body;
            let r = f(x);
            if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
                return Err(value_error("math domain error"));
            }
            new_float(r)
        }
    };
}

math_fn_nov!(math_cbrt, "cbrt", |x| c_cbrt(x));
math_fn_nov!(math_asinh, "asinh", |x| c_asinh(x));
math_fn_nov!(math_acosh, "acosh", |x| c_acosh(x));
math_fn_nov!(math_atanh, "atanh", |x| c_atanh(x));
math_fn_nov!(math_log1p, "log1p", f64::ln_1p);
math_fn!(math_exp2, "exp2", |x| c_exp2(x));

fn math_erf(args: &[ObjRef], _kw: &Kw) -> R {
    new_float(c_erf(f1(args, "erf")?))
}
fn math_erfc(args: &[ObjRef], _kw: &Kw) -> R {
    new_float(c_erfc(f1(args, "erfc")?))
}

/// A float argument of a two-argument function (CPython's `math_2` error rules).
fn math_2(args: &[ObjRef], name: &str, f: fn(f64, f64) -> f64) -> R {
    check_args(name, args, 2, 2)?;
    let (x, y) = (to_f64(&args[0])?, to_f64(&args[1])?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(new_exc("OverflowError", "math range error"));
    }
    new_float(r)
}

fn math_nextafter(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("nextafter", args, 2, 2)?;
    new_float(c_nextafter(to_f64(&args[0])?, to_f64(&args[1])?))
}

fn math_ulp(args: &[ObjRef], _kw: &Kw) -> R {
    let x = f1(args, "ulp")?;
    if x.is_nan() {
        return new_float(x);
    }
    let x = x.abs();
    if x.is_infinite() {
        return new_float(x);
    }
    let up = c_nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return new_float(x - c_nextafter(x, f64::NEG_INFINITY));
    }
    new_float(up - x)
}

/// IEEE 754 remainder: x - n*y with n the nearest integer to x/y (ties to even).
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        // Compare m with ay - m rather than with 0.5 * ay (which may be inexact).
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: pick the even multiple.
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn math_remainder(args: &[ObjRef], _kw: &Kw) -> R {
    math_2(args, "remainder", ieee_remainder)
}

/// sin(pi * x), accurate near integers (finite x only).
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

// Lanczos approximation (N = 13, g = 6.024680040776729583740234375) as a rational
// function, the parameters CPython's gamma/lgamma use.
const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// Result of gamma/lgamma: the value or a math error (domain / range).
enum MathErr {
    Domain,
    Range,
}

fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for i in 2..(x as i64) {
                f *= i as f64;
            }
            return Ok(f);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErr::Range)
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sin_pi(x));
        }
        return Err(MathErr::Range);
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, scaled for the first-order correction.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        (y - ax) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - ax
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let sp = y.powf(ax / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
        r
    } else {
        let mut r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let sp = y.powf(ax / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
        r
    };
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn lgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula.
        r = 1.144_729_885_849_400_2 - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn gamma_result(r: Result<f64, MathErr>) -> R {
    match r {
        Ok(v) => new_float(v),
        Err(MathErr::Domain) => Err(value_error("math domain error")),
        Err(MathErr::Range) => Err(new_exc("OverflowError", "math range error")),
    }
}

fn math_gamma(args: &[ObjRef], _kw: &Kw) -> R {
    gamma_result(tgamma(f1(args, "gamma")?))
}
fn math_lgamma(args: &[ObjRef], _kw: &Kw) -> R {
    gamma_result(lgamma(f1(args, "lgamma")?))
}

/// frexp for finite nonzero x: (m, e) with 0.5 <= |m| < 1 and x == m * 2**e.
fn frexp_exact(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut bits = x.to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i64;
    let mut adj = 0;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let y = x * 2f64.powi(64);
        bits = y.to_bits();
        exp = ((bits >> 52) & 0x7ff) as i64;
        adj = -64;
    }
    let e = exp - 1022 + adj;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// x * 2**e, correctly rounded (C's ldexp).
fn ldexp_exact(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let e = e.clamp(-3000, 3000);
    let (m, me) = frexp_exact(x);
    let total = me + e;
    if total > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if total >= -1021 {
        // Normal result: exact.
        return m * pow2(total - 1) * 2.0;
    }
    // Subnormal or underflow: one rounding step.
    if total < -1100 {
        return 0f64.copysign(x);
    }
    (m * pow2(total + 100)) * pow2(-100)
}

/// 2**e for -1022 <= e <= 1023, exactly.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

fn math_frexp(args: &[ObjRef], _kw: &Kw) -> R {
    let x = f1(args, "frexp")?;
    let (m, e) = frexp_exact(x);
    crate::seq::new_tuple(vec![new_float(m)?, int(e)?])
}

fn math_ldexp(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("ldexp", args, 2, 2)?;
    let x = to_f64(&args[0])?;
    if !crate::int::is_int(args[1].as_obj()) {
        return Err(type_error("Expected an int as second argument to ldexp."));
    }
    let b = crate::int::to_big(args[1].as_obj());
    let e = b
        .to_i64()
        .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX });
    let r = ldexp_exact(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(new_exc("OverflowError", "math range error"));
    }
    new_float(r)
}

fn math_modf(args: &[ObjRef], _kw: &Kw) -> R {
    let x = f1(args, "modf")?;
    if x.is_infinite() {
        return crate::seq::new_tuple(vec![new_float(0f64.copysign(x))?, new_float(x)?]);
    }
    if x.is_nan() {
        return crate::seq::new_tuple(vec![new_float(x)?, new_float(x)?]);
    }
    let i = x.trunc();
    crate::seq::new_tuple(vec![new_float((x - i).copysign(x))?, new_float(i)?])
}

/// The Euclidean norm of `vec` (all finite, non-negative), `max` its largest element:
/// power-of-two scaling, Dekker-split squares, compensated summation and a final
/// square-root correction, giving CPython's (almost always correctly rounded) result.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (mut csum, mut f1, mut f2, mut f3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    let (_, max_e) = frexp_exact(max);
    if max_e >= -1023 {
        let scale = ldexp_exact(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            add(&mut csum, &mut f1, hi * hi);
            add(&mut csum, &mut f2, 2.0 * hi * lo);
            f3 += lo * lo;
        }
        let h = (csum - 1.0 + (f1 + f2 + f3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        add(&mut csum, &mut f1, -hi * hi);
        add(&mut csum, &mut f2, -2.0 * hi * lo);
        add(&mut csum, &mut f3, -lo * lo);
        let x = csum - 1.0 + (f1 + f2 + f3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut f1, x * x);
    }
    max * (csum - 1.0 + f1).sqrt()
}

fn math_hypot(args: &[ObjRef], _kw: &Kw) -> R {
    let mut v = Vec::with_capacity(args.len());
    let (mut max, mut nan) = (0.0f64, false);
    for a in args {
        let x = to_f64(a)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    new_float(vector_norm(&v, max, nan))
}

fn math_dist(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("dist", args, 2, 2)?;
    let p = crate::iter::collect(&args[0])?;
    let q = crate::iter::collect(&args[1])?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(q.iter()) {
        let x = (to_f64(a)? - to_f64(b)?).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    new_float(vector_norm(&v, max, nan))
}

/// CPython's `loghelper`: ints too large for a float are split as m * 2**e.
fn log_helper(o: &ObjRef, f: fn(f64) -> f64) -> R<f64> {
    if crate::int::is_int(o.as_obj()) {
        let b = crate::int::to_big(o.as_obj());
        if !b.is_positive() {
            return Err(value_error("math domain error"));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // The top 64 bits with a sticky bit, rounded once to 53 bits.
        let bits = b.bits();
        let shift = bits - 64;
        let top = (&b >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = u64::from(
            (&b & ((num_bigint::BigInt::from(1) << shift) - 1)) != num_bigint::BigInt::zero(),
        );
        let mut m = ((top | sticky) as f64) / 2f64.powi(64);
        let mut e = bits as f64;
        if m == 1.0 {
            m = 0.5;
            e += 1.0;
        }
        return Ok(f(m) + f(2.0) * e);
    }
    let x = to_f64(o)?;
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(value_error("math domain error"));
    }
    Ok(r)
}

fn math_log(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    check_args("log", args, 1, 2)?;
    let num = log_helper(&args[0], f64::ln)?;
    match args.get(1) {
        None => new_float(num),
        Some(b) => {
            let den = log_helper(b, f64::ln)?;
            if den == 0.0 {
                return Err(new_exc("ZeroDivisionError", "float division by zero"));
            }
            new_float(num / den)
        }
    }
}
fn math_log2(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("log2", args, 1, 1)?;
    new_float(log_helper(&args[0], f64::log2)?)
}
fn math_log10(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("log10", args, 1, 1)?;
    new_float(log_helper(&args[0], f64::log10)?)
}

/// CPython's math.pow special-casing around libm's pow.
fn math_pow(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("pow", args, 2, 2)?;
    let (x, y) = (to_f64(&args[0])?, to_f64(&args[1])?);
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(value_error("math domain error"));
        }
        if r.is_infinite() {
            if x == 0.0 {
                return Err(value_error("math domain error"));
            }
            return Err(new_exc("OverflowError", "math range error"));
        }
        r
    };
    new_float(r)
}

/// Shewchuk's exact partial sums with CPython's special-value and overflow handling.
fn math_fsum(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("fsum", args, 1, 1)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    let it = crate::iter::get_iter(&args[0])?;
    while let Some(o) = crate::iter::next(&it)? {
        let mut x = to_f64(&o)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(new_exc("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return new_float(special);
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    new_float(hi)
}

fn math_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("math")?;
    crate::dict::set_str(&d, "pi", new_float(std::f64::consts::PI)?);
    crate::dict::set_str(&d, "e", new_float(std::f64::consts::E)?);
    crate::dict::set_str(&d, "tau", new_float(std::f64::consts::TAU)?);
    crate::dict::set_str(&d, "inf", new_float(f64::INFINITY)?);
    crate::dict::set_str(&d, "nan", new_float(f64::NAN)?);
    defs(
        &d,
        &[
            ("sqrt", math_sqrt),
            ("sin", math_sin),
            ("cos", math_cos),
            ("tan", math_tan),
            ("asin", math_asin),
            ("acos", math_acos),
            ("atan", math_atan),
            ("atan2", math_atan2),
            ("sinh", math_sinh),
            ("cosh", math_cosh),
            ("tanh", math_tanh),
            ("exp", math_exp),
            ("expm1", math_expm1),
            ("log", math_log),
            ("log2", math_log2),
            ("log10", math_log10),
            ("log1p", math_log1p),
            ("pow", math_pow),
            ("fabs", math_fabs),
            ("floor", math_floor),
            ("ceil", math_ceil),
            ("trunc", math_trunc),
            ("factorial", math_factorial),
            ("gcd", math_gcd),
            ("lcm", math_lcm),
            ("isqrt", math_isqrt),
            ("comb", math_comb),
            ("perm", math_perm),
            ("hypot", math_hypot),
            ("fmod", math_fmod),
            ("copysign", math_copysign),
            ("degrees", math_degrees),
            ("radians", math_radians),
            ("isfinite", math_isfinite),
            ("isinf", math_isinf),
            ("isnan", math_isnan),
            ("isclose", math_isclose),
            ("fsum", math_fsum),
            ("prod", math_prod),
            ("modf", math_modf),
            ("frexp", math_frexp),
            ("ldexp", math_ldexp),
            ("dist", math_dist),
            ("erf", math_erf),
            ("erfc", math_erfc),
            ("cbrt", math_cbrt),
            ("asinh", math_asinh),
            ("acosh", math_acosh),
            ("atanh", math_atanh),
            ("exp2", math_exp2),
            ("nextafter", math_nextafter),
            ("ulp", math_ulp),
            ("remainder", math_remainder),
            ("gamma", math_gamma),
            ("lgamma", math_lgamma),
        ],
    );
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// time

fn epoch() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

fn mono() -> std::time::Duration {
    START.with(|s| s.elapsed())
}

fn time_time(_a: &[ObjRef], _k: &Kw) -> R {
    new_float(epoch())
}
fn time_time_ns(_a: &[ObjRef], _k: &Kw) -> R {
    crate::int::from_i128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128),
    )
}
fn time_perf_counter(_a: &[ObjRef], _k: &Kw) -> R {
    new_float(mono().as_secs_f64())
}
fn time_perf_counter_ns(_a: &[ObjRef], _k: &Kw) -> R {
    crate::int::from_i128(mono().as_nanos() as i128)
}
fn time_process_time(_a: &[ObjRef], _k: &Kw) -> R {
    new_float(mono().as_secs_f64())
}
fn time_sleep(args: &[ObjRef], _k: &Kw) -> R {
    check_args("sleep", args, 1, 1)?;
    let secs = to_f64(&args[0])?;
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    crate::state::flush_out();
    crate::state::sleep(std::time::Duration::from_secs_f64(secs))?;
    Ok(none())
}

/// struct_time, gmtime/localtime (UTC: pymm has no time zone database), mktime,
/// asctime/ctime, strftime (glibc's C-locale directives) and strptime.
const TIME_PY: &str = r##"
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_DAYNAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_MONNAMES = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
             'September', 'October', 'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
_FIELD_INDEX = {n: i for i, n in enumerate(_FIELDS)}

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = len(seq)
        if n < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % n)
        if n > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % n)
        self = tuple.__new__(cls, seq[:9])
        object.__setattr__(self, '_extra', seq[9:] + (None,) * (11 - n))
        return self

    def __getattr__(self, name):
        i = _FIELD_INDEX.get(name)
        if i is not None:
            return self[i]
        if name == 'tm_zone':
            return self._extra[0]
        if name == 'tm_gmtoff':
            return self._extra[1]
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        if name in _FIELD_INDEX or name in ('tm_zone', 'tm_gmtoff'):
            raise AttributeError('readonly attribute')
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join('%s=%r' % (n, v) for n, v in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m - 3 if m > 2 else m + 9) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def _timestamp(secs):
    if secs is None:
        return _now_floor()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if not -9.2e18 < secs < 9.2e18:
            raise OverflowError('timestamp out of range for platform time_t')
        return int(secs // 1.0)
    secs = _index(secs)
    if not -(1 << 63) <= secs < (1 << 63):
        raise OverflowError('timestamp out of range for platform time_t')
    return secs


def _struct(secs, zone):
    days, rem = divmod(secs, 86400)
    y, m, d = _civil_from_days(days)
    if not -2147481748 <= y <= 2147485547:
        raise OverflowError('timestamp out of range for platform time_t')
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, wday, yday, 0, zone, 0))


def gmtime(secs=None):
    return _struct(_timestamp(secs), 'GMT')


def localtime(secs=None):
    return _struct(_timestamp(secs), 'UTC')


def _tuple_arg(t, fname):
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fname)
    return [_index(v) for v in t]


def mktime(t):
    y, m, d, hh, mm, ss = _tuple_arg(t, 'mktime')[:6]
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    days = _days_from_civil(y, m, 1) + d - 1
    return float(days * 86400 + hh * 3600 + mm * 60 + ss)


def _checked(t, fname):
    if t is None:
        st = localtime()
        return list(st), st.tm_zone, 0
    v = _tuple_arg(t, fname)
    zone = gmtoff = None
    if isinstance(t, struct_time):
        zone, gmtoff = t._extra
    if v[1] == 0:
        v[1] = 1
    elif not 1 <= v[1] <= 12:
        raise ValueError('month out of range')
    if v[2] == 0:
        v[2] = 1
    elif not 0 <= v[2] <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= v[3] <= 23:
        raise ValueError('hour out of range')
    if not 0 <= v[4] <= 59:
        raise ValueError('minute out of range')
    if not 0 <= v[5] <= 61:
        raise ValueError('seconds out of range')
    if v[6] < 0:
        raise ValueError('day of week out of range')
    v[6] %= 7
    if v[7] == 0:
        v[7] = 1
    elif not 1 <= v[7] <= 366:
        raise ValueError('day of year out of range')
    v[8] = -1 if v[8] < -1 else (1 if v[8] > 1 else v[8])
    return v, zone, gmtoff


def asctime(t=None):
    v = _checked(t, 'asctime')[0]
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (_DAYS[v[6]], _MONS[v[1] - 1], v[2], v[3], v[4], v[5], v[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def _weeks_in_year(y):
    jan1 = (_days_from_civil(y, 1, 1) + 3) % 7
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 53 if jan1 == 3 or (leap and jan1 == 2) else 52


def _iso_week(y, yday, wday):
    # ISO 8601 week-based year and week number; yday is 0-based, wday 0 = Monday.
    wk = (yday - wday + 10) // 7
    if wk < 1:
        return y - 1, _weeks_in_year(y - 1)
    if wk > _weeks_in_year(y):
        return y + 1, 1
    return y, wk


def _expand(c, v, zone, gmtoff):
    # (text, is_numeric, default width, default pad)
    y, mon, mday, hour, minute, sec, wday, yday = v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] - 1
    if c == 'Y':
        return str(y), 1, 1, '0'
    if c == 'm':
        return str(mon), 1, 2, '0'
    if c == 'd':
        return str(mday), 1, 2, '0'
    if c == 'e':
        return str(mday), 1, 2, ' '
    if c == 'H':
        return str(hour), 1, 2, '0'
    if c == 'k':
        return str(hour), 1, 2, ' '
    if c == 'I':
        return str((hour + 11) % 12 + 1), 1, 2, '0'
    if c == 'l':
        return str((hour + 11) % 12 + 1), 1, 2, ' '
    if c == 'M':
        return str(minute), 1, 2, '0'
    if c == 'S':
        return str(sec), 1, 2, '0'
    if c == 'y':
        return str(y % 100), 1, 2, '0'
    if c == 'C':
        return str(y // 100), 1, 1, '0'
    if c == 'j':
        return str(yday + 1), 1, 3, '0'
    if c == 'a':
        return _DAYS[wday], 0, 0, ' '
    if c == 'A':
        return _DAYNAMES[wday], 0, 0, ' '
    if c in 'bh':
        return _MONS[mon - 1], 0, 0, ' '
    if c == 'B':
        return _MONNAMES[mon - 1], 0, 0, ' '
    if c == 'p':
        return ('AM', 'PM')[hour >= 12], 0, 0, ' '
    if c == 'P':
        return ('am', 'pm')[hour >= 12], 0, 0, ' '
    if c == 'w':
        return str((wday + 1) % 7), 1, 1, '0'
    if c == 'u':
        return str(wday + 1), 1, 1, '0'
    if c == 'U':
        return str((yday + 7 - (wday + 1) % 7) // 7), 1, 2, '0'
    if c == 'W':
        return str((yday + 7 - wday) // 7), 1, 2, '0'
    if c in 'VGg':
        iy, wk = _iso_week(y, yday, wday)
        if c == 'V':
            return str(wk), 1, 2, '0'
        if c == 'G':
            return str(iy), 1, 1, '0'
        return str(iy % 100), 1, 2, '0'
    if c == 'n':
        return '\n', 0, 0, ' '
    if c == 't':
        return '\t', 0, 0, ' '
    if c == '%':
        return '%', 0, 0, ' '
    if c == 's':
        return str(int(mktime(tuple(v)))), 1, 1, '0'
    if c == 'z':
        off = gmtoff or 0
        sign = '-' if off < 0 else '+'
        off = abs(off) // 60
        return '%s%02d%02d' % (sign, off // 60, off % 60), 0, 0, ' '
    if c == 'Z':
        if zone is None:
            zone = tzname[v[8] > 0]
        return zone, 0, 0, ' '
    sub = {'c': '%a %b %e %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S', 'D': '%m/%d/%y',
           'T': '%H:%M:%S', 'R': '%H:%M', 'r': '%I:%M:%S %p', 'F': '%Y-%m-%d'}.get(c)
    if sub is not None:
        return _format(sub, v, zone, gmtoff), 0, 0, ' '
    return None


def _format(fmt, v, zone, gmtoff):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        j = i + 1
        flag = ''
        while j < n and fmt[j] in '-_0^#':
            flag = fmt[j]
            j += 1
        width = ''
        while j < n and fmt[j].isdigit():
            width += fmt[j]
            j += 1
        if j < n and fmt[j] in 'EO':
            j += 1
        if j >= n:
            out.append(fmt[i:])
            break
        r = _expand(fmt[j], v, zone, gmtoff)
        if r is None:
            out.append(fmt[i:j + 1])
            i = j + 1
            continue
        text, numeric, w, pad = r
        if flag == '-':
            w = 0
        elif flag == '_':
            pad = ' '
        elif flag == '0':
            pad = '0'
        elif flag == '^':
            text = text.upper()
        if width:
            w = int(width)
            if not numeric and flag != '0':
                pad = ' '
            elif numeric and flag not in '_-':
                pad = '0'
        if len(text) < w:
            if numeric and pad == '0' and text[0] == '-':
                text = '-' + '0' * (w - len(text)) + text[1:]
            else:
                text = pad * (w - len(text)) + text
        out.append(text)
        i = j + 1
    return ''.join(out)


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    v, zone, gmtoff = _checked(t, 'strftime')
    return _format(format, v, zone, gmtoff)


def _strptime_error(data, fmt):
    return ValueError('time data %r does not match format %r' % (data, fmt))


def strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    for a in (data_string, format):
        if not isinstance(a, str):
            raise TypeError('strptime() argument 0 must be str, not %s' % type(a))
    s = data_string
    fmt = format
    pos = 0
    found = {}
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            if pos >= len(s) or not s[pos].isspace():
                raise _strptime_error(data_string, format)
            while pos < len(s) and s[pos].isspace():
                pos += 1
            continue
        if c != '%':
            if pos >= len(s) or s[pos].lower() != c.lower():
                raise _strptime_error(data_string, format)
            pos += 1
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("stray % in format '%s'" % format)
        d = fmt[i + 1]
        i += 2
        if d == '%':
            if pos >= len(s) or s[pos] != '%':
                raise _strptime_error(data_string, format)
            pos += 1
            continue
        widths = {'d': 2, 'm': 2, 'y': 2, 'Y': 4, 'H': 2, 'I': 2, 'M': 2, 'S': 2, 'j': 3, 'f': 6, 'w': 1, 'u': 1, 'U': 2, 'W': 2}
        if d in widths:
            k = pos
            while k < len(s) and k - pos < widths[d] and s[k].isdigit():
                k += 1
            if k == pos or (d in 'yY' and k - pos != widths[d]):
                raise _strptime_error(data_string, format)
            found[d] = s[pos:k]
            pos = k
            continue
        names = {'a': _DAYS, 'A': _DAYNAMES, 'b': _MONS, 'B': _MONNAMES, 'h': _MONS, 'p': ('AM', 'PM')}.get(d)
        if names is not None:
            best = None
            for idx, name in enumerate(names):
                if s[pos:pos + len(name)].lower() == name.lower() and (best is None or len(name) > len(names[best])):
                    best = idx
            if best is None:
                raise _strptime_error(data_string, format)
            pos += len(names[best])
            found[d.lower() if d != 'h' else 'b'] = best
            continue
        if d == 'Z':
            for z in ('UTC', 'GMT'):
                if s[pos:pos + 3].upper() == z:
                    pos += 3
                    break
            else:
                raise _strptime_error(data_string, format)
            continue
        raise ValueError("'%s' is a bad directive in format '%s'" % (d, '%' + d))
    if pos != len(s):
        raise ValueError('unconverted data remains: %s' % s[pos:])
    year = 1900
    if 'Y' in found:
        year = int(found['Y'])
    elif 'y' in found:
        year = int(found['y'])
        year += 2000 if year <= 68 else 1900
    month = found.get('b', None)
    month = month + 1 if month is not None else int(found.get('m', 1))
    day = int(found.get('d', 1))
    hour = int(found.get('H', 0))
    if 'I' in found:
        hour = int(found['I']) % 12
        if found.get('p') == 1:
            hour += 12
    minute = int(found.get('M', 0))
    second = int(found.get('S', 0))
    if 'j' in found:
        y2, month, day = _civil_from_days(_days_from_civil(year, 1, 1) + int(found['j']) - 1)
    if not 1 <= month <= 12 or not 1 <= day <= 31 or hour > 23 or minute > 59 or second > 61:
        raise _strptime_error(data_string, format)
    days = _days_from_civil(year, month, day)
    yday = days - _days_from_civil(year, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((year, month, day, hour, minute, second, wday, yday, -1, None, None))
"##;

fn time_index(args: &[ObjRef], _k: &Kw) -> R {
    check_args("_index", args, 1, 1)?;
    if crate::int::is_int(args[0].as_obj()) {
        return crate::int::from_big(&crate::int::to_big(args[0].as_obj()));
    }
    int(to_index(&args[0])?)
}

fn time_now_floor(_a: &[ObjRef], _k: &Kw) -> R {
    int(epoch().floor() as i64)
}

fn time_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("time")?;
    defs(
        &d,
        &[
            ("time", time_time),
            ("time_ns", time_time_ns),
            ("perf_counter", time_perf_counter),
            ("perf_counter_ns", time_perf_counter_ns),
            ("monotonic", time_perf_counter),
            ("monotonic_ns", time_perf_counter_ns),
            ("process_time", time_process_time),
            ("sleep", time_sleep),
            ("_index", time_index),
            ("_now_floor", time_now_floor),
        ],
    );
    exec_in(&d, TIME_PY, "<pymm>/time.py")?;
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// gc

fn gen_arg(o: &ObjRef) -> R<usize> {
    let g = to_index(o)?;
    if !(0..=2).contains(&g) {
        return Err(value_error("invalid generation"));
    }
    Ok(g as usize)
}

fn gc_collect(args: &[ObjRef], kw: &Kw) -> R {
    if args.len() > 1 {
        return Err(type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    let g = match arg(args, kw, 0, "generation") {
        Some(g) => gen_arg(&g)?,
        None => 2,
    };
    ssize(pymm_mem::gc::collect(g))
}
/// The argument-count errors of the gc functions, worded as CPython's argument clinic.
fn gc_no_args(name: &str, args: &[ObjRef]) -> R<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "gc.{name}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

fn gc_one_arg(name: &str, args: &[ObjRef]) -> R<()> {
    if args.len() == 1 {
        Ok(())
    } else {
        Err(type_error(format!(
            "gc.{name}() takes exactly one argument ({} given)",
            args.len()
        )))
    }
}

fn gc_enable(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("enable", _a)?;
    pymm_mem::gc::enable();
    Ok(none())
}
fn gc_disable(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("disable", _a)?;
    pymm_mem::gc::disable();
    Ok(none())
}
fn gc_isenabled(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("isenabled", _a)?;
    Ok(pybool(pymm_mem::gc::is_enabled()))
}
fn gc_get_count(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("get_count", _a)?;
    let (a, b, c) = pymm_mem::gc::get_count();
    crate::seq::new_tuple(vec![int(a as i64)?, int(b as i64)?, int(c as i64)?])
}
fn gc_get_threshold(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("get_threshold", _a)?;
    let (a, b, c) = pymm_mem::gc::get_threshold();
    crate::seq::new_tuple(vec![int(a as i64)?, int(b as i64)?, int(c as i64)?])
}
fn gc_set_threshold(args: &[ObjRef], _k: &Kw) -> R {
    match args.len() {
        0 => {
            return Err(type_error(
                "set_threshold() takes at least 1 argument (0 given)",
            ));
        }
        n if n > 3 => {
            return Err(type_error(format!(
                "set_threshold() takes at most 3 arguments ({n} given)"
            )));
        }
        _ => {}
    }
    let v = args.iter().map(to_index).collect::<R<Vec<i64>>>()?;
    let u = |x: i64| x.max(0) as usize;
    pymm_mem::gc::set_threshold(u(v[0]), v.get(1).copied().map(u), v.get(2).copied().map(u));
    Ok(none())
}
fn gc_get_debug(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("get_debug", _a)?;
    int(pymm_mem::gc::get_debug() as i64)
}
fn gc_set_debug(args: &[ObjRef], _k: &Kw) -> R {
    gc_one_arg("set_debug", args)?;
    pymm_mem::gc::set_debug(to_index(&args[0])? as u32);
    Ok(none())
}
fn gc_is_tracked(args: &[ObjRef], _k: &Kw) -> R {
    gc_one_arg("is_tracked", args)?;
    Ok(pybool(args[0].as_obj().is_tracked()))
}
fn gc_is_finalized(args: &[ObjRef], _k: &Kw) -> R {
    gc_one_arg("is_finalized", args)?;
    Ok(pybool(args[0].as_obj().is_finalized()))
}
fn gc_get_objects(args: &[ObjRef], kw: &Kw) -> R {
    let g = match arg(args, kw, 0, "generation").filter(|g| kind(g.as_obj()) != Kind::NoneType) {
        Some(g) => {
            let n = to_index(&g)?;
            if n == -1 {
                // CPython's default: every generation.
                return crate::seq::new_list(pymm_mem::gc::get_objects(None));
            }
            if n >= 3 {
                return Err(value_error(
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            if n < 0 {
                return Err(value_error("generation parameter cannot be negative"));
            }
            Some(n as usize)
        }
        None => None,
    };
    crate::seq::new_list(pymm_mem::gc::get_objects(g))
}
fn gc_get_referents(args: &[ObjRef], _k: &Kw) -> R {
    let objs: Vec<_> = args.iter().map(|a| a.as_obj()).collect();
    crate::seq::new_list(pymm_mem::gc::get_referents(&objs))
}
fn gc_get_referrers(args: &[ObjRef], _k: &Kw) -> R {
    let objs: Vec<_> = args.iter().map(|a| a.as_obj()).collect();
    crate::seq::new_list(pymm_mem::gc::get_referrers(&objs, &[]))
}
fn gc_freeze(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("freeze", _a)?;
    pymm_mem::gc::freeze();
    Ok(none())
}
fn gc_unfreeze(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("unfreeze", _a)?;
    pymm_mem::gc::unfreeze();
    Ok(none())
}
fn gc_get_freeze_count(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("get_freeze_count", _a)?;
    int(pymm_mem::gc::get_freeze_count() as i64)
}
fn gc_get_stats(_a: &[ObjRef], _k: &Kw) -> R {
    gc_no_args("get_stats", _a)?;
    let mut out = Vec::new();
    for st in pymm_mem::gc::get_stats() {
        let d = crate::dict::try_new_dict()?;
        crate::dict::set_str(&d, "collections", ssize(st.collections)?);
        crate::dict::set_str(&d, "collected", ssize(st.collected)?);
        crate::dict::set_str(&d, "uncollectable", ssize(st.uncollectable)?);
        out.push(d);
    }
    crate::seq::new_list(out)
}

fn gc_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("gc")?;
    defs(
        &d,
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_count", gc_get_count),
            ("get_threshold", gc_get_threshold),
            ("set_threshold", gc_set_threshold),
            ("get_debug", gc_get_debug),
            ("set_debug", gc_set_debug),
            ("is_tracked", gc_is_tracked),
            ("is_finalized", gc_is_finalized),
            ("get_objects", gc_get_objects),
            ("get_referents", gc_get_referents),
            ("get_referrers", gc_get_referrers),
            ("freeze", gc_freeze),
            ("unfreeze", gc_unfreeze),
            ("get_freeze_count", gc_get_freeze_count),
            ("get_stats", gc_get_stats),
        ],
    );
    for (n, v) in [
        ("DEBUG_STATS", pymm_mem::gc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", pymm_mem::gc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", pymm_mem::gc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", pymm_mem::gc::DEBUG_SAVEALL),
        ("DEBUG_LEAK", pymm_mem::gc::DEBUG_LEAK),
    ] {
        crate::dict::set_str(&d, n, int(v as i64)?);
    }
    crate::dict::set_str(&d, "garbage", gc_garbage());
    crate::dict::set_str(&d, "callbacks", gc_callbacks());
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// _weakref (the native half of `weakref`; the rest is pylib/weakref.py)

fn weakref_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("_weakref")?;
    defs(&d, crate::weakrefs::module_functions());
    let r = crate::state::builtin_type(Kind::WeakRef);
    crate::dict::set_str(&d, "ref", r.clone());
    crate::dict::set_str(&d, "ReferenceType", r);
    crate::dict::set_str(&d, "ProxyType", crate::state::builtin_type(Kind::WeakProxy));
    crate::dict::set_str(
        &d,
        "CallableProxyType",
        crate::state::builtin_type(Kind::WeakCallableProxy),
    );
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// atexit

fn atexit_register(args: &[ObjRef], _kw: &Kw) -> R {
    let Some(f) = args.first() else {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::call::is_callable(f) {
        return Err(type_error("the first argument must be callable"));
    }
    crate::builtins::atexit_register(f.clone(), args[1..].to_vec());
    Ok(f.clone())
}

fn atexit_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("atexit")?;
    defs(&d, &[("register", atexit_register)]);
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// random (CPython's Mersenne Twister and random.py algorithms, in crate::mt)

thread_local! {
    static RNG: std::cell::RefCell<crate::mt::Mt> = std::cell::RefCell::new(crate::mt::Mt::new());
}

fn rng<T>(f: impl FnOnce(&mut crate::mt::Mt) -> T) -> T {
    RNG.with(|r| f(&mut r.borrow_mut()))
}

fn rerr(e: crate::mt::RandomError) -> crate::exc::Exc {
    new_exc(e.exc_type_name(), e.message())
}

fn random_seed(args: &[ObjRef], kw: &Kw) -> R {
    check_args("seed", args, 0, 2)?;
    let a = arg(args, kw, 0, "a");
    match a {
        None => rng(|m| m.seed_from_os()),
        Some(a) => match kind(a.as_obj()) {
            Kind::NoneType => rng(|m| m.seed_from_os()),
            Kind::Int | Kind::Bool => {
                let n = crate::int::to_big(a.as_obj());
                rng(|m| m.seed_from_int(&n));
            }
            Kind::Str => {
                let t = crate::str::as_str(a.as_obj()).into_owned();
                rng(|m| m.seed_from_str(&t));
            }
            Kind::Bytes => {
                let b = crate::builtins::bytes_data(a.as_obj()).to_vec();
                rng(|m| m.seed_from_bytes(&b));
            }
            Kind::Float => {
                let h = crate::ops::hash(&a)? as i64;
                rng(|m| m.seed_from_hash(h));
            }
            _ => {
                return Err(type_error(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                ));
            }
        },
    }
    Ok(none())
}

fn random_random(_a: &[ObjRef], _k: &Kw) -> R {
    new_float(rng(|m| m.random()))
}

fn big_of(o: &ObjRef, what: &str) -> R<num_bigint::BigInt> {
    if crate::int::is_int(o.as_obj()) {
        return Ok(crate::int::to_big(o.as_obj()));
    }
    if kind(o.as_obj()) == Kind::Float {
        let v = float_val(o).unwrap_or(0.0);
        if v.fract() == 0.0 && v.is_finite() {
            return Ok(crate::int::to_big(crate::int::from_f64(v)?.as_obj()));
        }
        return Err(value_error(format!("non-integer {what} for randrange()")));
    }
    Ok(num_bigint::BigInt::from(to_index(o)?))
}

fn random_randrange(args: &[ObjRef], kw: &Kw) -> R {
    check_args("randrange", args, 1, 3)?;
    let start = big_of(&arg(args, kw, 0, "start").unwrap_or_else(none), "arg 1")?;
    let stop = args.get(1).map(|o| big_of(o, "stop")).transpose()?;
    let step = args.get(2).map(|o| big_of(o, "step")).transpose()?;
    let r = rng(|m| m.randrange(&start, stop.as_ref(), step.as_ref())).map_err(rerr)?;
    crate::int::from_big(&r)
}

fn random_randint(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("randint", args, 2, 2)?;
    let (a, b) = (big_of(&args[0], "start")?, big_of(&args[1], "stop")?);
    let r = rng(|m| m.randint(&a, &b)).map_err(rerr)?;
    crate::int::from_big(&r)
}

fn random_getrandbits(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getrandbits", args, 1, 1)?;
    let k = big_of(&args[0], "k")?;
    let r = rng(|m| m.getrandbits_checked(&k)).map_err(rerr)?;
    crate::int::from_big(&num_bigint::BigInt::from(r))
}

fn seq_items(o: &ObjRef) -> R<Vec<ObjRef>> {
    match kind(o.as_obj()) {
        Kind::Set | Kind::FrozenSet | Kind::Dict => Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        )),
        _ => crate::iter::collect(o),
    }
}

fn random_choice(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("choice", args, 1, 1)?;
    let n = crate::ops::len(&args[0])?;
    let i = rng(|m| m.choice(n)).map_err(rerr)?;
    crate::ops::getitem(&args[0], &int(i as i64)?)
}

fn random_shuffle(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("shuffle", args, 1, 1)?;
    let l = &args[0];
    let n = crate::ops::len(l)?;
    let mut err = None;
    rng(|m| {
        m.shuffle_with(n, |i, j| {
            if err.is_some() {
                return;
            }
            let r = (|| -> R<()> {
                let (a, b) = (int(i as i64)?, int(j as i64)?);
                let (x, y) = (crate::ops::getitem(l, &a)?, crate::ops::getitem(l, &b)?);
                crate::ops::setitem(l, a, y)?;
                crate::ops::setitem(l, b, x)
            })();
            if let Err(e) = r {
                err = Some(e);
            }
        })
    });
    match err {
        Some(e) => Err(e),
        None => Ok(none()),
    }
}

fn random_sample(args: &[ObjRef], kw: &Kw) -> R {
    check_args("sample", args, 1, 2)?;
    let pop = seq_items(&args[0])?;
    let k = arg(args, kw, 1, "k").ok_or_else(|| {
        type_error("Random.sample() missing 1 required keyword-only argument: 'k'")
    })?;
    let k = to_index(&k)?;
    let idx = match kw.get("counts") {
        Some(c) if kind(c.as_obj()) != Kind::NoneType => {
            let counts = crate::iter::collect(&c)?
                .iter()
                .map(to_index)
                .collect::<R<Vec<_>>>()?;
            rng(|m| m.sample_counts(pop.len(), &counts, k)).map_err(rerr)?
        }
        _ => rng(|m| m.sample(pop.len(), k)).map_err(rerr)?,
    };
    crate::seq::new_list(idx.into_iter().map(|i| pop[i].clone()).collect())
}

fn random_choices(args: &[ObjRef], kw: &Kw) -> R {
    check_args("choices", args, 1, 2)?;
    let pop = seq_items(&args[0])?;
    let k = match kw.get("k") {
        Some(k) => to_index(&k)?.max(0) as usize,
        None => 1,
    };
    let floats =
        |o: &ObjRef| -> R<Vec<f64>> { crate::iter::collect(o)?.iter().map(to_f64).collect() };
    let weights = arg(args, kw, 1, "weights").filter(|w| kind(w.as_obj()) != Kind::NoneType);
    let cum = kw
        .get("cum_weights")
        .filter(|w| kind(w.as_obj()) != Kind::NoneType);
    let idx = match (weights, cum) {
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (Some(w), None) => {
            let w = floats(&w)?;
            rng(|m| m.choices_weights(pop.len(), &w, k)).map_err(rerr)?
        }
        (None, Some(c)) => {
            let c = floats(&c)?;
            rng(|m| m.choices_cum_weights(pop.len(), &c, k)).map_err(rerr)?
        }
        (None, None) => rng(|m| m.choices(pop.len(), k)).map_err(rerr)?,
    };
    crate::seq::new_list(idx.into_iter().map(|i| pop[i].clone()).collect())
}

fn f2(args: &[ObjRef], name: &str) -> R<(f64, f64)> {
    check_args(name, args, 2, 2)?;
    Ok((to_f64(&args[0])?, to_f64(&args[1])?))
}

fn random_uniform(args: &[ObjRef], _kw: &Kw) -> R {
    let (a, b) = f2(args, "uniform")?;
    new_float(rng(|m| m.uniform(a, b)))
}

fn random_gauss(args: &[ObjRef], kw: &Kw) -> R {
    let mu = arg(args, kw, 0, "mu").map_or(Ok(0.0), |v| to_f64(&v))?;
    let sigma = arg(args, kw, 1, "sigma").map_or(Ok(1.0), |v| to_f64(&v))?;
    new_float(rng(|m| m.gauss(mu, sigma)))
}

fn random_normalvariate(args: &[ObjRef], kw: &Kw) -> R {
    let mu = arg(args, kw, 0, "mu").map_or(Ok(0.0), |v| to_f64(&v))?;
    let sigma = arg(args, kw, 1, "sigma").map_or(Ok(1.0), |v| to_f64(&v))?;
    new_float(rng(|m| m.normalvariate(mu, sigma)))
}

fn random_expovariate(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("expovariate", args, 1, 1)?;
    let l = to_f64(&args[0])?;
    new_float(rng(|m| m.expovariate(l)).map_err(rerr)?)
}

fn random_triangular(args: &[ObjRef], kw: &Kw) -> R {
    let low = arg(args, kw, 0, "low").map_or(Ok(0.0), |v| to_f64(&v))?;
    let high = arg(args, kw, 1, "high").map_or(Ok(1.0), |v| to_f64(&v))?;
    let mode = arg(args, kw, 2, "mode")
        .filter(|v| kind(v.as_obj()) != Kind::NoneType)
        .map(|v| to_f64(&v))
        .transpose()?;
    new_float(rng(|m| m.triangular(low, high, mode)))
}

/// `random.getstate()`: `(3, (624 state words..., index), gauss_next)`.
fn random_getstate(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getstate", args, 0, 0)?;
    let (words, index, gauss) = rng(|m| {
        let (w, i) = m.getstate();
        (w, i, m.gauss_next())
    });
    let mut items = Vec::with_capacity(words.len() + 1);
    for w in words {
        items.push(crate::int::from_i64(i64::from(w))?);
    }
    items.push(crate::int::from_i64(index as i64)?);
    let gauss = match gauss {
        Some(g) => new_float(g)?,
        None => none(),
    };
    crate::seq::new_tuple(vec![
        crate::int::from_i64(3)?,
        crate::seq::new_tuple(items)?,
        gauss,
    ])
}

/// `random.setstate(state)`, with `Random.setstate`'s checks and errors (versions 2
/// and 3; version 2 words are taken modulo 2**32, as `random.py` converts them).
fn random_setstate(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("setstate", args, 1, 1)?;
    let state = &args[0];
    let version = crate::ops::getitem(state, &crate::int::from_i64(0)?)?;
    let v = crate::int::to_i64(version.as_obj());
    if !matches!(v, Some(2 | 3)) {
        return Err(value_error(format!(
            "state with version {} passed to Random.setstate() of version 3",
            crate::ops::repr_of(&version)?
        )));
    }
    let parts = crate::iter::collect(state)?;
    if parts.len() != 3 {
        return Err(value_error(if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!(
                "not enough values to unpack (expected 3, got {})",
                parts.len()
            )
        }));
    }
    let (internal, gauss) = (&parts[1], &parts[2]);
    if kind(internal.as_obj()) != Kind::Tuple {
        return Err(type_error("state vector must be a tuple"));
    }
    let items = crate::seq::tuple_items(internal.as_obj());
    if items.len() != crate::mt::Mt::STATE_WORDS + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(items.len() - 1);
    for x in &items[..items.len() - 1] {
        let n = crate::int::to_big(to_index_obj(x)?.as_obj());
        let w = if v == Some(2) {
            let m = num_bigint::BigInt::from(1u64 << 32);
            ((n % &m) + &m) % &m
        } else if n.sign() == num_bigint::Sign::Minus {
            return Err(new_exc(
                "OverflowError",
                "can't convert negative value to unsigned int",
            ));
        } else {
            n & num_bigint::BigInt::from(0xffff_ffffu64)
        };
        words.push(num_traits::ToPrimitive::to_u32(&w).unwrap_or(0));
    }
    let index = to_index(&items[items.len() - 1])?;
    let index = usize::try_from(index).map_err(|_| value_error("invalid state"))?;
    let gauss = if kind(gauss.as_obj()) == Kind::NoneType {
        None
    } else {
        Some(to_f64(gauss)?)
    };
    rng(|m| {
        m.setstate(&words, index)?;
        m.set_gauss_next(gauss);
        Ok(())
    })
    .map_err(rerr)?;
    Ok(none())
}

/// An index-like object as an int (`operator.index`).
fn to_index_obj(o: &ObjRef) -> R {
    if crate::int::is_int(o.as_obj()) {
        return Ok(o.clone());
    }
    crate::int::from_i64(to_index(o)?)
}

/// `_rng_swap(state)`: exchanges the thread's module generator with the one `state`
/// holds (made by `_rng_fresh()`), in place: how a `random.Random` instance runs the
/// module's functions on its own generator.
fn random_rng_swap(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_rng_swap", args, 1, 1)?;
    let state = args[0]
        .as_obj()
        .downcast::<RandomStateBody>()
        .ok_or_else(|| type_error("_rng_swap() needs a generator state"))?;
    let mut other = state
        .0
        .try_borrow_mut()
        .map_err(|_| new_exc("RuntimeError", "generator state in use"))?;
    RNG.with(|r| match r.try_borrow_mut() {
        Ok(mut m) => {
            std::mem::swap(&mut *m, &mut *other);
            Ok(none())
        }
        Err(_) => Err(new_exc("RuntimeError", "generator state in use")),
    })
}

/// `_rng_fresh()`: a generator state seeded from the operating system.
fn random_rng_fresh(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_rng_fresh", args, 0, 0)?;
    ObjRef::new(
        &RANDOM_STATE_T,
        RandomStateBody(std::cell::RefCell::new(crate::mt::Mt::new())),
    )
    .map_err(|_| crate::exc::memory_error())
}

fn random_randbytes(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("randbytes", args, 1, 1)?;
    let n = to_index(&args[0])?;
    let n = usize::try_from(n).map_err(|_| value_error("negative argument not allowed"))?;
    crate::builtins::new_bytes(&rng(|m| m.randbytes(n)))
}

fn random_betavariate(args: &[ObjRef], _kw: &Kw) -> R {
    let (a, b) = f2(args, "betavariate")?;
    new_float(rng(|m| m.betavariate(a, b)).map_err(rerr)?)
}

fn random_gammavariate(args: &[ObjRef], _kw: &Kw) -> R {
    let (a, b) = f2(args, "gammavariate")?;
    new_float(rng(|m| m.gammavariate(a, b)).map_err(rerr)?)
}

fn random_lognormvariate(args: &[ObjRef], _kw: &Kw) -> R {
    let (a, b) = f2(args, "lognormvariate")?;
    new_float(rng(|m| m.lognormvariate(a, b)).map_err(rerr)?)
}

fn random_vonmisesvariate(args: &[ObjRef], _kw: &Kw) -> R {
    let (a, b) = f2(args, "vonmisesvariate")?;
    new_float(rng(|m| m.vonmisesvariate(a, b)).map_err(rerr)?)
}

fn random_weibullvariate(args: &[ObjRef], _kw: &Kw) -> R {
    let (a, b) = f2(args, "weibullvariate")?;
    new_float(rng(|m| m.weibullvariate(a, b)).map_err(rerr)?)
}

fn random_paretovariate(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("paretovariate", args, 1, 1)?;
    let a = to_f64(&args[0])?;
    new_float(rng(|m| m.paretovariate(a)).map_err(rerr)?)
}

/// `random.Random`: each instance owns a generator of its own, kept as state bytes and
/// swapped in around every call of the module function of the same name.
const RANDOM_PY: &str = r#"
def _make_random_class(swap, fresh):
    class Random:
        VERSION = 3

        def __init__(self, x=None):
            self._Random__rng = fresh()
            self.seed(x)

        def __getstate__(self):
            return self.getstate()

        def __setstate__(self, state):
            self.setstate(state)

        def __reduce__(self):
            return self.__class__, (), self.getstate()

    def method(name):
        function = globals()[name]
        def method(self, *args, **kwargs):
            state = self._Random__rng
            swap(state)
            try:
                return function(*args, **kwargs)
            finally:
                swap(state)
        method.__name__ = name
        method.__qualname__ = 'Random.' + name
        return method

    for name in ('seed', 'random', 'randrange', 'randint', 'getrandbits', 'choice',
                 'shuffle', 'sample', 'choices', 'uniform', 'gauss', 'normalvariate',
                 'expovariate', 'triangular', 'betavariate', 'gammavariate',
                 'lognormvariate', 'vonmisesvariate', 'paretovariate', 'weibullvariate',
                 'randbytes', 'getstate', 'setstate'):
        setattr(Random, name, method(name))
    Random.__qualname__ = 'Random'
    return Random

Random = _make_random_class(_rng_swap, _rng_fresh)
del _make_random_class, _rng_swap, _rng_fresh
"#;

fn random_module() -> R<(ObjRef, ObjRef)> {
    let (m, d) = module("random")?;
    defs(
        &d,
        &[
            ("seed", random_seed),
            ("random", random_random),
            ("randrange", random_randrange),
            ("randint", random_randint),
            ("getrandbits", random_getrandbits),
            ("choice", random_choice),
            ("shuffle", random_shuffle),
            ("sample", random_sample),
            ("choices", random_choices),
            ("uniform", random_uniform),
            ("gauss", random_gauss),
            ("normalvariate", random_normalvariate),
            ("expovariate", random_expovariate),
            ("triangular", random_triangular),
            ("betavariate", random_betavariate),
            ("gammavariate", random_gammavariate),
            ("lognormvariate", random_lognormvariate),
            ("vonmisesvariate", random_vonmisesvariate),
            ("paretovariate", random_paretovariate),
            ("weibullvariate", random_weibullvariate),
            ("randbytes", random_randbytes),
            ("getstate", random_getstate),
            ("setstate", random_setstate),
            ("_rng_swap", random_rng_swap),
            ("_rng_fresh", random_rng_fresh),
        ],
    );
    exec_in(&d, RANDOM_PY, "<pymm>/random.py")?;
    Ok((m, d))
}

// ---------------------------------------------------------------------------------------
// open()

const FILE_PY: &str = r#"
class TextIOWrapper:
    def __init__(self, name, mode, data):
        self.name = name
        self.mode = mode
        self.closed = False
        self._data = data
        self._pos = 0
        self._out = []
    def _check(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
    def read(self, size=-1):
        self._check()
        if 'r' not in self.mode:
            raise UnsupportedOperation('not readable')
        if size is None or size < 0:
            r = self._data[self._pos:]
        else:
            r = self._data[self._pos:self._pos + size]
        self._pos += len(r)
        return r
    def readline(self):
        self._check()
        i = self._data.find('\n', self._pos)
        end = len(self._data) if i < 0 else i + 1
        r = self._data[self._pos:end]
        self._pos = end
        return r
    def readlines(self):
        return list(self)
    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line
    def write(self, s):
        self._check()
        if 'r' in self.mode and '+' not in self.mode:
            raise UnsupportedOperation('not writable')
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        self._out.append(s)
        return len(s)
    def writelines(self, lines):
        for line in lines:
            self.write(line)
    def flush(self):
        if self._out:
            _append_file(self.name, ''.join(self._out))
            self._out = []
    def close(self):
        if not self.closed:
            self.flush()
            self.closed = True
    def __enter__(self):
        return self
    def __exit__(self, *a):
        self.close()
    def __del__(self):
        self.close()
    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding='UTF-8'>" % (self.name, self.mode)

class UnsupportedOperation(OSError, ValueError):
    pass
"#;

fn append_file(args: &[ObjRef], _kw: &Kw) -> R {
    use std::io::Write;
    check_args("_append_file", args, 2, 2)?;
    let path = crate::str::as_str(args[0].as_obj()).into_owned();
    let text = crate::str::as_str(args[1].as_obj()).into_owned();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .map_err(|e| os_error(&e, &path))?;
    f.write_all(text.as_bytes())
        .map_err(|e| os_error(&e, &path))?;
    Ok(none())
}

/// `PyErr_SetFromErrnoWithFilenameObject`: the errno's `OSError` subclass, with the path.
fn os_error(e: &std::io::Error, path: &str) -> crate::exc::Exc {
    crate::posix::os_error(e, Some(path), None)
}

thread_local! {
    static IO_NS: std::mem::ManuallyDrop<std::cell::RefCell<Option<ObjRef>>> = const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(None)) };
}

fn io_namespace() -> R<ObjRef> {
    if let Some(d) = IO_NS.with(|n| n.borrow().clone()) {
        return Ok(d);
    }
    let (_, d) = module("_io")?;
    defs(&d, &[("_append_file", append_file)]);
    exec_in(&d, FILE_PY, "<pymm>/_io.py")?;
    IO_NS.with(|n| *n.borrow_mut() = Some(d.clone()));
    Ok(d)
}

/// `open(file, mode='r', encoding=None)` for text files.
pub fn open_file(args: &[ObjRef], kw: &Kw) -> R {
    let file = arg(args, kw, 0, "file")
        .ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?;
    if kind(file.as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            obj_type_name(&file)
        )));
    }
    let path = crate::str::as_str(file.as_obj()).into_owned();
    let mode = arg(args, kw, 1, "mode")
        .map(|m| crate::str::as_str(m.as_obj()).into_owned())
        .unwrap_or_else(|| "r".into());
    if mode.contains('b') {
        return Err(value_error("pymm's open() supports text mode only"));
    }
    if !mode.chars().all(|c| "rwaxt+".contains(c))
        || mode.chars().filter(|c| "rwax".contains(*c)).count() != 1
    {
        return Err(value_error(format!("invalid mode: '{mode}'")));
    }
    let data = if mode.contains('r') {
        std::fs::read_to_string(&path).map_err(|e| os_error(&e, &path))?
    } else {
        if mode.contains('w') {
            std::fs::write(&path, "").map_err(|e| os_error(&e, &path))?;
        } else if mode.contains('x') {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| os_error(&e, &path))?;
        } else {
            std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&path)
                .map_err(|e| os_error(&e, &path))?;
        }
        String::new()
    };
    let ns = io_namespace()?;
    let cls = crate::dict::get_str(ns.as_obj(), "TextIOWrapper")
        .ok_or_else(|| new_exc("SystemError", "io not initialised"))?;
    call(&cls, &[file.clone(), s(&mode)?, s(&data)?])
}

/// Used by `float()` on objects: exposes [`float_val`] for natives that need it.
pub fn float_of(o: &ObjRef) -> Option<f64> {
    float_val(o)
}

/// Whether `o` is truthy (re-exported for modules written in Rust).
pub fn is_true(o: &ObjRef) -> R<bool> {
    truthy(o)
}
