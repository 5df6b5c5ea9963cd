//! The `builtins` module, module execution and import, and the built-in behaviour of the
//! core types (repr, operators, subscripts, constructors).

use num_traits::ToPrimitive;
use pymm_compiler::{BinaryOperator as B, ComparisonOperator as C};
use pymm_mem::{Obj, ObjRef, SetTable};

use crate::call::{Kw, call, check_args, new_builtin};
use crate::exc::{Exc, R, memory_error, new_exc, type_error, value_error};
use crate::object::*;
use crate::ops::{float_val, new_float, repr_of, str_of, truthy};
use crate::state::{builtin_type, none, pybool, rt};
use crate::typeobj::{is_heap_instance, obj_type_name};

pub use crate::methods::*;

/// A constructor for a built-in type: `cls(*args, **kw)`.
pub type Ctor = fn(&ObjRef, &[ObjRef], &Kw) -> R;

// ---------------------------------------------------------------------------------------
// Module execution and import

fn new_module(name: &str) -> R<(ObjRef, ObjRef)> {
    let d = crate::dict::try_new_dict()?;
    d.track();
    crate::dict::set_str(&d, "__name__", crate::str::new_str(name)?);
    crate::dict::set_str(&d, "__builtins__", builtin_module());
    crate::dict::set_str(&d, "__doc__", none());
    Ok((module_object(&d)?, d))
}

fn module_object(d: &ObjRef) -> R {
    let m = ObjRef::new(
        &MODULE_T,
        ModuleBody {
            dict: d.clone(),
            weaklist: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    m.track();
    Ok(m)
}

/// Where a module's code comes from, which decides the import-system attributes its
/// namespace starts with.
#[derive(Clone, Copy, Debug)]
pub enum ModuleOrigin<'a> {
    /// The main program: a script or standard input (`file`), `-c` or the console (no
    /// file), or a module run with `-m` (`spec`: its name).
    Main {
        file: Option<&'a str>,
        spec: Option<&'a str>,
    },
    /// A `.py` file found on `sys.path`; `package`: the directory of a package's
    /// `__init__.py`.
    File {
        file: &'a str,
        package: Option<&'a str>,
    },
    /// pymm's own Python source (a pylib module, a frozen helper).
    Internal,
}

/// `importlib._bootstrap_external.cache_from_source`: where CPython would cache the
/// bytecode of `file`.
fn cached_path(file: &str) -> String {
    let (dir, name) = file.rsplit_once('/').unwrap_or((".", file));
    let stem = name.strip_suffix(".py").unwrap_or(name);
    format!("{dir}/__pycache__/{stem}.cpython-311.pyc")
}

/// A `SourceFileLoader` for module `name` at `file`, and its `ModuleSpec` (`origin` the
/// file, `has_location` true; a package's spec lists its directory).
fn file_loader_and_spec(name: &str, file: &str, package: Option<&str>) -> R<(ObjRef, ObjRef)> {
    let attr = |m: &ObjRef, a: &str| crate::typeobj::getattr(m, &crate::str::intern(a));
    let ext = import_module("_frozen_importlib_external")?;
    let (name, file) = (crate::str::new_str(name)?, crate::str::new_str(file)?);
    let loader = call(
        &attr(&ext, "SourceFileLoader")?,
        &[name.clone(), file.clone()],
    )?;
    let spec_type = attr(&import_module("_frozen_importlib")?, "ModuleSpec")?;
    let mut kw = Kw(vec![(crate::str::intern("origin"), file)]);
    if package.is_some() {
        kw.0.push((crate::str::intern("is_package"), pybool(true)));
    }
    let spec = crate::call::call_kw(&spec_type, &[name, loader.clone()], &kw)?;
    crate::typeobj::setattr(
        &spec,
        &crate::str::intern("has_location"),
        Some(pybool(true)),
    )?;
    if let Some(dir) = package {
        let locations = crate::seq::new_list(vec![crate::str::new_str(dir)?])?;
        crate::typeobj::setattr(
            &spec,
            &crate::str::intern("submodule_search_locations"),
            Some(locations),
        )?;
    }
    Ok((loader, spec))
}

/// A module namespace holding what CPython's import system puts in it first, in its
/// order (`__name__`, `__doc__`, `__package__`, `__loader__`, `__spec__`, then the
/// file attributes and `__builtins__`: the builtins module in `__main__`, its dict in an
/// imported module).
fn module_namespace(name: &str, origin: ModuleOrigin<'_>) -> R<(ObjRef, ObjRef)> {
    let (file, spec, package) = match origin {
        ModuleOrigin::Internal => return new_module(name),
        ModuleOrigin::Main { file, spec } => (file, spec, None),
        ModuleOrigin::File { file, package } => (Some(file), Some(name), package),
    };
    let main = matches!(origin, ModuleOrigin::Main { .. });
    let d = crate::dict::try_new_dict()?;
    d.track();
    let set = |k: &str, v: ObjRef| crate::dict::set_str(&d, k, v);
    set("__name__", crate::str::new_str(name)?);
    set("__doc__", none());
    // A package is its own `__package__`; a module belongs to its parent.
    set(
        "__package__",
        match spec {
            Some(s) if package.is_some() => crate::str::new_str(s)?,
            Some(s) => crate::str::new_str(s.rsplit_once('.').map_or("", |p| p.0))?,
            None => none(),
        },
    );
    let (loader, spec_obj) = match (spec, file) {
        (Some(s), Some(f)) => file_loader_and_spec(s, f, package)?,
        // A script: its loader, but no spec.
        (None, Some(f)) if !f.starts_with('<') => {
            let (l, _) = file_loader_and_spec("__main__", f, None)?;
            (l, none())
        }
        _ => {
            let importer = import_module("_frozen_importlib")?;
            let l = crate::typeobj::getattr(&importer, &crate::str::intern("BuiltinImporter"))?;
            (l, none())
        }
    };
    set("__loader__", loader);
    set("__spec__", spec_obj);
    if let Some(dir) = package {
        set(
            "__path__",
            crate::seq::new_list(vec![crate::str::new_str(dir)?])?,
        );
    }
    if main {
        set("__annotations__", crate::dict::try_new_dict()?);
        set("__builtins__", builtin_module());
    }
    if let Some(f) = file {
        set("__file__", crate::str::new_str(f)?);
        let cached = match spec {
            Some(_) if !f.starts_with('<') => crate::str::new_str(&cached_path(f))?,
            _ => none(),
        };
        set("__cached__", cached);
    }
    if !main {
        let builtins = builtin_module();
        let bd = builtins
            .as_obj()
            .downcast::<ModuleBody>()
            .map_or_else(none, |b| b.dict.clone());
        set("__builtins__", bd);
    }
    Ok((module_object(&d)?, d))
}

/// A module made by calling `types.ModuleType(name, doc)`: its dict holds `__name__`,
/// `__doc__`, and `None` for `__package__`, `__loader__` and `__spec__`.
pub fn new_empty_module(name: ObjRef, doc: ObjRef) -> R {
    let d = crate::dict::try_new_dict()?;
    d.track();
    crate::dict::set_str(&d, "__name__", name);
    crate::dict::set_str(&d, "__doc__", doc);
    for k in ["__package__", "__loader__", "__spec__"] {
        crate::dict::set_str(&d, k, none());
    }
    let m = ObjRef::new(
        &MODULE_T,
        ModuleBody {
            dict: d,
            weaklist: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    m.track();
    Ok(m)
}

/// Compiles `source` and runs it as module `name`.
pub fn exec_module_source(source: &str, filename: &str, name: &str) -> R {
    exec_module_file(source, filename, name, ModuleOrigin::Internal)
}

/// Runs a module's `source` in a new namespace set up for where it comes from (see
/// [`ModuleOrigin`]); an imported module leaves `sys.modules` again if its code raises,
/// as CPython's import does.
pub fn exec_module_file(source: &str, filename: &str, name: &str, origin: ModuleOrigin<'_>) -> R {
    let code = compile(source, filename, pymm_compiler::Mode::Exec)?;
    let (m, d) = module_namespace(name, origin)?;
    let main = name == "__main__";
    crate::dict::set(rt().modules.as_obj(), crate::str::intern(name), m.clone())?;
    let code = crate::frame::new_code(code)?;
    // The main program runs with its parse tree alive; an imported module does not.
    let ast = if main {
        crate::frame::ast_constant_refs(&code)
    } else {
        Vec::new()
    };
    let mut f = crate::frame::Frame::new(code, d.clone(), Some(d));
    if main {
        // Out of memory this early, the lists just stay shorter.
        let _ = crate::state::seed_startup_freelists();
    }
    let r = crate::eval::run_frame(&mut f);
    drop(f);
    drop(ast);
    if r.is_err() && !main {
        let _ = crate::dict::del(rt().modules.as_obj(), &crate::str::intern(name));
    }
    r?;
    Ok(m)
}

/// Compiles source, turning a compile error into `SyntaxError`.
pub fn compile(
    source: &str,
    filename: &str,
    mode: pymm_compiler::Mode,
) -> R<std::rc::Rc<pymm_compiler::CodeObject>> {
    pymm_compiler::compile(source, filename, mode).map_err(|e| syntax_error(&e))
}

/// A `SyntaxError` from a compile error; printing it shows CPython's display.
pub fn syntax_error(e: &pymm_compiler::CompileError) -> Exc {
    crate::exc::syntax_error(e)
}

/// An `atexit` handler and its arguments.
type AtExit = (ObjRef, Vec<ObjRef>);

// Thread-locals holding objects are `ManuallyDrop`: the objects belong to the thread's
// pymm_mem runtime, which is kept alive at thread exit (and may be torn down before
// these destructors would run).
thread_local! {
    static ATEXIT: std::mem::ManuallyDrop<std::cell::RefCell<Vec<AtExit>>> = const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(Vec::new())) };
}

/// Runs one REPL input in the namespace of `sys.modules['__main__']`: the module the
/// program ran in (`-i`), else a new one.
pub fn exec_interactive(source: &str) -> R<()> {
    let main = crate::dict::get_str(rt().modules.as_obj(), "__main__")
        .and_then(|m| m.as_obj().downcast::<ModuleBody>().map(|b| b.dict.clone()));
    let d = match main {
        Some(d) => d,
        None => {
            let origin = ModuleOrigin::Main {
                file: None,
                spec: None,
            };
            let (m, d) = module_namespace("__main__", origin)?;
            crate::dict::set(rt().modules.as_obj(), crate::str::intern("__main__"), m)?;
            d
        }
    };
    let code = compile(source, "<stdin>", pymm_compiler::Mode::Single)?;
    let code = crate::frame::new_code(code)?;
    let ast = crate::frame::ast_constant_refs(&code);
    let mut f = crate::frame::Frame::new(code, d.clone(), Some(d));
    let r = crate::eval::run_frame(&mut f);
    drop(f);
    drop(ast);
    r?;
    Ok(())
}

/// Runs the `atexit` handlers (last registered first).
pub fn run_atexit() {
    let hs = ATEXIT.with(|a| std::mem::take(&mut *a.borrow_mut()));
    for (f, args) in hs.into_iter().rev() {
        if let Err(e) = call(&f, &args) {
            crate::exc::write_unraisable(&e, "atexit callback");
        }
    }
}

fn builtin_module() -> ObjRef {
    crate::dict::get_str(rt().modules.as_obj(), "builtins").unwrap_or_else(none)
}

/// `import name`.
pub fn import_module(name: &str) -> R {
    if let Some(m) = crate::dict::get_str(rt().modules.as_obj(), name) {
        return Ok(m);
    }
    if let Some(m) = crate::modules::make_builtin_module(name)? {
        crate::dict::set(rt().modules.as_obj(), crate::str::intern(name), m.clone())?;
        return Ok(m);
    }
    let rel = name.replace('.', "/");
    for dir in search_path() {
        // The path finder reads `''` as the current directory, and names files by it.
        let dir = match dir.as_str() {
            "" => std::env::current_dir().map_or(dir, |d| d.to_string_lossy().into_owned()),
            _ => dir,
        };
        let base = std::path::Path::new(&dir).join(&rel);
        // A package (`name/__init__.py`) before a module (`name.py`), as CPython's
        // path finder looks.
        let init = base.join("__init__.py");
        if let Ok(src) = std::fs::read_to_string(&init) {
            let pkg = base.to_string_lossy().into_owned();
            let file = init.to_string_lossy();
            let origin = ModuleOrigin::File {
                file: &file,
                package: Some(&pkg),
            };
            return exec_module_file(&src, &file, name, origin);
        }
        let file = base.with_extension("py");
        if let Ok(src) = std::fs::read_to_string(&file) {
            let file = file.to_string_lossy();
            let origin = ModuleOrigin::File {
                file: &file,
                package: None,
            };
            return exec_module_file(&src, &file, name, origin);
        }
    }
    Err(crate::exc::import_error(
        "ModuleNotFoundError",
        &format!("No module named '{name}'"),
        name,
    ))
}

/// The source, file name and module name (`__spec__.name`) of a module to run as
/// `__main__`, or how finding it failed (see [`find_main_module`]).
type MainModule = Result<(String, String, String), Result<String, Exc>>;

/// `runpy._get_module_details` for `python3 -m name`: the source, file name and name of
/// the module to run as `__main__` (for a package, its `__main__` submodule), found as
/// `import` would find it, after importing its parent packages. `Err` carries python3's
/// message (printed after the program name) or an exception raised while importing a
/// parent.
pub fn find_main_module(name: &str) -> MainModule {
    if name.is_empty() || name.starts_with('.') {
        return Err(Ok("Relative module names not supported".to_string()));
    }
    let (dirs, leaf) = match name.rsplit_once('.') {
        Some((parent, leaf)) => {
            let pkg = import_name(parent, false).map_err(Err)?;
            let path = crate::typeobj::getattr_opt(&pkg, &crate::str::intern("__path__"))
                .ok()
                .flatten()
                .filter(|p| kind(p.as_obj()) == Kind::List);
            let Some(path) = path else {
                return Err(Ok(format!(
                    "Error while finding module specification for '{name}' \
                     (ModuleNotFoundError: __path__ attribute not found on '{parent}' while \
                     trying to find '{name}')"
                )));
            };
            let dirs = crate::seq::list_items(path.as_obj())
                .iter()
                .filter(|x| kind(x.as_obj()) == Kind::Str)
                .map(|x| crate::str::as_str(x.as_obj()).into_owned())
                .collect();
            (dirs, leaf)
        }
        None => (search_path(), name),
    };
    for dir in dirs {
        let base = std::path::Path::new(&dir).join(leaf);
        if base.join("__init__.py").is_file() {
            // A package runs its `__main__` submodule, after its `__init__`.
            import_name(name, false).map_err(Err)?;
            let main_file = base.join("__main__.py");
            if !main_file.is_file() {
                return Err(Ok(format!(
                    "No module named {name}.__main__; '{name}' is a package and cannot be \
                     directly executed"
                )));
            }
            return read_main(&main_file, format!("{name}.__main__"));
        }
        let file = base.with_extension("py");
        if file.is_file() {
            return read_main(&file, name.to_string());
        }
    }
    if !name.contains('.')
        && let Some((src, file)) = crate::modules::pylib_source(name)
    {
        // A module pymm ships runs only if it has a command line of its own.
        if src.contains("if __name__ == \"__main__\":")
            || src.contains("if __name__ == '__main__':")
        {
            return Ok((src.to_string(), file, name.to_string()));
        }
        return Err(Ok(format!(
            "-m {name}: pymm's {name} module has no command-line interface"
        )));
    }
    Err(Ok(format!("No module named {name}")))
}

fn read_main(file: &std::path::Path, spec: String) -> MainModule {
    let shown = file.to_string_lossy().into_owned();
    std::fs::read_to_string(file)
        .map(|src| (src, shown.clone(), spec))
        .map_err(|e| Ok(format!("can't read {shown}: {e}")))
}

/// `IMPORT_NAME` (absolute): imports each package on the way to `name`, binds each
/// submodule as an attribute of its parent, and returns the top-level module when
/// there is no fromlist (`import a.b` binds `a`), else the module itself.
pub fn import_name(name: &str, top: bool) -> R {
    let mut ends: Vec<usize> = name.match_indices('.').map(|(i, _)| i).collect();
    ends.push(name.len());
    let mut parent: Option<(ObjRef, &str)> = None;
    let mut first = None;
    for e in ends {
        let prefix = &name[..e];
        let m = match &parent {
            None => import_module(prefix)?,
            Some((p, pname)) => {
                let m = match crate::dict::get_str(rt().modules.as_obj(), prefix) {
                    Some(m) => m,
                    None if !is_package(p, pname) => {
                        return Err(crate::exc::import_error(
                            "ModuleNotFoundError",
                            &format!("No module named '{prefix}'; '{pname}' is not a package"),
                            prefix,
                        ));
                    }
                    None => import_module(prefix)?,
                };
                let attr = crate::str::new_str(&prefix[pname.len() + 1..])?;
                let _ = crate::typeobj::setattr(p, &attr, Some(m.clone()));
                m
            }
        };
        if first.is_none() {
            first = Some(m.clone());
        }
        parent = Some((m, prefix));
    }
    let leaf = parent.map(|(m, _)| m);
    Ok(if top { first } else { leaf }.unwrap_or_else(none))
}

/// Whether module `m` (named `name`) can have submodules: it has `__path__`, or is one
/// of pymm's built-in packages (`collections`).
fn is_package(m: &ObjRef, name: &str) -> bool {
    crate::modules::is_builtin_package(name)
        || crate::typeobj::getattr_opt(m, &crate::str::intern("__path__"))
            .ok()
            .flatten()
            .is_some()
}

/// Where `import` looks for `.py` files: `sys.path` once `sys` exists, else the script's
/// directory and `PYTHONPATH`.
fn search_path() -> Vec<String> {
    if let Some(sys) = crate::dict::get_str(rt().modules.as_obj(), "sys")
        && let Some(b) = sys.as_obj().downcast::<ModuleBody>()
        && let Some(p) = crate::dict::get_str(b.dict.as_obj(), "path")
        && kind(p.as_obj()) == Kind::List
    {
        return crate::seq::list_items(p.as_obj())
            .iter()
            .filter(|x| kind(x.as_obj()) == Kind::Str)
            .map(|x| crate::str::as_str(x.as_obj()).into_owned())
            .collect();
    }
    initial_path()
}

/// `sys.path` at start-up: the script's directory, then the `PYTHONPATH` entries.
pub fn initial_path() -> Vec<String> {
    let mut v = vec![
        rt().script_dir
            .borrow()
            .clone()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    ];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        v.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
    }
    v
}

// ---------------------------------------------------------------------------------------
// Constructors of the core objects

/// A new function object.
pub fn new_function(
    code: ObjRef,
    globals: ObjRef,
    defaults: Option<ObjRef>,
    kwdefaults: Option<ObjRef>,
    closure: Option<ObjRef>,
    annotations: Option<ObjRef>,
) -> R {
    let cb = crate::frame::code_body(&code);
    let name = crate::str::intern(&cb.code.name);
    // Shared with the code object's `co_qualname`, as CPython's function is.
    let qualname = crate::str::intern(&cb.code.qualname);
    let doc = if cb.code.flags.has(pymm_compiler::CodeFlags::OPTIMIZED) {
        cb.consts
            .first()
            .filter(|c| kind(c.as_obj()) == Kind::Str)
            .cloned()
    } else {
        None
    };
    let module = crate::dict::get_str(globals.as_obj(), "__name__");
    let ann = match annotations {
        Some(t) => {
            let d = crate::dict::try_new_dict()?;
            let items = crate::seq::tuple_items(t.as_obj());
            for p in items.chunks(2) {
                if let [k, v] = p {
                    crate::dict::set(d.as_obj(), k.clone(), v.clone())?;
                }
            }
            Some(d)
        }
        None => None,
    };
    let simple_arity = {
        let co = &cb.code;
        let simple = co.kwonlyargcount == 0
            && !co.flags.has(pymm_compiler::CodeFlags::VARARGS)
            && !co.flags.has(pymm_compiler::CodeFlags::VARKEYWORDS)
            && !co.flags.is_generator_like();
        if simple { co.argcount } else { u32::MAX }
    };
    let f = ObjRef::new(
        &FUNCTION_T,
        FunctionBody {
            vectorcall: crate::frame::call_function_owned,
            simple_arity,
            code,
            builtins: rt().builtins.clone(),
            globals,
            name: Slot::new(name),
            qualname: Slot::new(qualname),
            defaults: OptSlot::new(defaults),
            kwdefaults: OptSlot::new(kwdefaults),
            closure: OptSlot::new(closure),
            doc: OptSlot::new(doc),
            dict: OptSlot::default(),
            module: OptSlot::new(module),
            annotations: OptSlot::new(ann),
            weaklist: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    f.track();
    Ok(f)
}

/// A new slice.
pub fn new_slice(start: ObjRef, stop: ObjRef, step: ObjRef) -> R {
    let s = ObjRef::new(&SLICE_T, SliceBody { start, stop, step }).map_err(|_| memory_error())?;
    s.track();
    Ok(s)
}

/// A new bytes object.
pub fn new_bytes(b: &[u8]) -> R {
    // CPython shares b'' and the 256 one-byte bytes objects.
    if b.len() <= 1 {
        return Ok(small_bytes(b.first().map_or(256, |&c| c as usize)));
    }
    alloc_bytes(b)
}

fn small_bytes(i: usize) -> ObjRef {
    thread_local! {
        static SMALL: std::cell::OnceCell<&'static [ObjRef]> = const { std::cell::OnceCell::new() };
    }
    SMALL.with(|c| {
        c.get_or_init(|| {
            let v: Vec<ObjRef> = (0..=256usize)
                .map(|i| {
                    let b: &[u8] = if i == 256 { &[] } else { &[i as u8] };
                    let o = alloc_bytes(b).expect("out of memory at start-up");
                    // Statically allocated in CPython 3.11 (see state::IMMORTAL_REFCNT).
                    o.as_obj()
                        .leak_refs(crate::state::IMMORTAL_REFCNT - o.as_obj().refcnt());
                    o
                })
                .collect();
            Box::leak(v.into_boxed_slice())
        })[i]
            .clone()
    })
}

fn alloc_bytes(b: &[u8]) -> R {
    let mut items = Vec::with_capacity(b.len() + 1);
    items.extend_from_slice(b);
    items.push(0);
    ObjRef::new_var(
        &BYTES_T,
        BytesBody {
            size: b.len(),
            hash: std::cell::Cell::new(-1),
        },
        items,
    )
    .map_err(|_| memory_error())
}

/// The bytes of a bytes object.
pub fn bytes_data(o: Obj<'_>) -> &[u8] {
    match (o.downcast::<BytesBody>(), o.var_items::<BytesBody>()) {
        (Some(b), Some(items)) => &items[..b.size],
        _ => &[],
    }
}

/// `hash(bytes)`.
pub fn bytes_hash(o: Obj<'_>) -> isize {
    let s = String::from_utf8_lossy(bytes_data(o)).into_owned();
    let t = crate::str::alloc_str(&s).ok();
    t.map_or(0, |t| crate::str::hash(t.as_obj()))
}

/// `x in bytes`.
pub fn bytes_contains(b: &ObjRef, x: &ObjRef) -> R<bool> {
    let data = bytes_data(b.as_obj());
    if let Some(v) = crate::int::to_i64(x.as_obj()) {
        return Ok((0..256).contains(&v) && data.contains(&(v as u8)));
    }
    let n = bytes_data(x.as_obj());
    Ok(n.is_empty() || data.windows(n.len()).any(|w| w == n))
}

/// `range` parts as `i64`s.
pub fn range_parts(o: &ObjRef) -> R<(i64, i64, i64)> {
    let r = o.as_obj().downcast::<RangeBody>().expect("range");
    let g = |x: &ObjRef| {
        crate::int::to_i64(x.as_obj()).ok_or_else(|| {
            new_exc(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )
        })
    };
    Ok((g(&r.start)?, g(&r.stop)?, g(&r.step)?))
}

/// `len(range)`.
pub fn range_len(o: &ObjRef) -> R<usize> {
    let r = o.as_obj().downcast::<RangeBody>().expect("range");
    crate::int::to_i64(r.length.as_obj())
        .map(|n| n as usize)
        .ok_or_else(|| {
            new_exc(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )
        })
}

fn compute_range_len(a: i128, b: i128, c: i128) -> i128 {
    if c > 0 && a < b {
        (b - a - 1) / c + 1
    } else if c < 0 && a > b {
        (a - b - 1) / (-c) + 1
    } else {
        0
    }
}

/// A new range. 128-bit bounds: the slices of 64-bit ranges can leave 64 bits.
pub fn new_range(a: i128, b: i128, c: i128) -> R {
    let len = compute_range_len(a, b, c);
    ObjRef::new(
        &RANGE_T,
        RangeBody {
            start: crate::int::from_i128(a)?,
            stop: crate::int::from_i128(b)?,
            step: crate::int::from_i128(c)?,
            length: crate::int::from_i128(len)?,
        },
    )
    .map_err(|_| memory_error())
}

/// `range == range`.
pub fn range_eq(a: &ObjRef, b: &ObjRef) -> R<bool> {
    let (x, y) = (range_parts(a)?, range_parts(b)?);
    let (lx, ly) = (
        compute_range_len(x.0.into(), x.1.into(), x.2.into()),
        compute_range_len(y.0.into(), y.1.into(), y.2.into()),
    );
    Ok(lx == ly && (lx == 0 || (x.0 == y.0 && (lx == 1 || x.2 == y.2))))
}

/// `x in range`.
pub fn range_contains(r: &ObjRef, x: &ObjRef) -> R<bool> {
    if crate::int::is_int(x.as_obj()) && range_parts(r).is_err() {
        return Ok(crate::methods::range_position(r, x).is_some());
    }
    if let Some(v) = crate::int::to_i64(x.as_obj()).filter(|_| crate::int::is_int(x.as_obj())) {
        let (a, b, c) = range_parts(r)?;
        let (v, a, b, c) = (v as i128, a as i128, b as i128, c as i128);
        return Ok(if c > 0 {
            v >= a && v < b && (v - a) % c == 0
        } else {
            v <= a && v > b && (a - v) % (-c) == 0
        });
    }
    for v in crate::iter::collect(r)? {
        if crate::ops::eq_bool(&v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The items of a mapping (a dict or anything with `keys()` and `__getitem__`).
pub fn mapping_items(m: &ObjRef) -> R<Vec<(ObjRef, ObjRef)>> {
    if kind(m.as_obj()) == Kind::Dict && !is_heap_instance(m.as_obj()) {
        return Ok(crate::dict::items(m.as_obj()));
    }
    let keys = crate::typeobj::getattr(m, &crate::str::intern("keys"))?;
    let ks = crate::iter::collect(&call(&keys, &[])?)?;
    let mut out = Vec::with_capacity(ks.len());
    for k in ks {
        let v = crate::ops::getitem(m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// A callable's name as CPython shows it in argument errors.
pub fn func_display_name(f: &ObjRef) -> String {
    // `_PyObject_FunctionStr`: `module.qualname()`, without the module for builtins (or
    // when there is none), or `str(f)` when `f` has no `__qualname__`.
    let attr = |name| {
        crate::typeobj::getattr_opt(f, &crate::str::intern_static(name))
            .ok()
            .flatten()
    };
    let Some(q) = attr("__qualname__").and_then(|q| crate::ops::str_of(&q).ok()) else {
        return crate::ops::str_of(f).unwrap_or_default();
    };
    match attr("__module__")
        .filter(|m| kind(m.as_obj()) != Kind::NoneType)
        .and_then(|m| crate::ops::str_of(&m).ok())
    {
        Some(m) if m != "builtins" => format!("{m}.{q}()"),
        _ => format!("{q}()"),
    }
}

/// `except T:` matching.
pub fn exception_matches(e: &ObjRef, t: &ObjRef) -> R<bool> {
    let base = crate::exc::exc_type("BaseException");
    let et = crate::typeobj::type_of(e.as_obj());
    let check = |c: &ObjRef| -> R<bool> {
        if kind(c.as_obj()) != Kind::Type || !crate::typeobj::is_subtype(c.as_obj(), base.as_obj())
        {
            return Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(crate::typeobj::is_subtype(et.as_obj(), c.as_obj()))
    };
    if kind(t.as_obj()) == Kind::Tuple {
        for c in crate::seq::tuple_items(t.as_obj()) {
            if check(c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    check(t)
}

/// Class patterns in `match`.
pub fn match_class(
    subj: &ObjRef,
    cls: &ObjRef,
    npos: usize,
    kwnames: &ObjRef,
) -> R<Option<ObjRef>> {
    if kind(cls.as_obj()) != Kind::Type {
        return Err(type_error("called match pattern must be a class"));
    }
    if !crate::builtins::isinstance(subj, cls)? {
        return Ok(None);
    }
    let mut out = Vec::new();
    if npos > 0 {
        let self_match = matches!(
            crate::typeobj::tb(cls.as_obj()).base_kind,
            Kind::Int
                | Kind::Bool
                | Kind::Float
                | Kind::Str
                | Kind::Bytes
                | Kind::List
                | Kind::Tuple
                | Kind::Dict
                | Kind::Set
                | Kind::FrozenSet
        ) && !crate::typeobj::tb(cls.as_obj()).is_heap;
        if self_match {
            if npos > 1 {
                return Err(type_error(format!(
                    "{}() accepts 1 positional sub-pattern ({npos} given)",
                    crate::typeobj::type_name(cls.as_obj())
                )));
            }
            out.push(subj.clone());
        } else {
            let ma = crate::typeobj::getattr_opt(cls, &crate::str::intern("__match_args__"))?;
            let names = ma
                .map(|m| crate::seq::tuple_items(m.as_obj()).to_vec())
                .unwrap_or_default();
            if names.len() < npos {
                return Err(type_error(format!(
                    "{}() accepts {} positional sub-pattern{} ({npos} given)",
                    crate::typeobj::type_name(cls.as_obj()),
                    names.len(),
                    if names.len() == 1 { "" } else { "s" }
                )));
            }
            for n in &names[..npos] {
                match crate::typeobj::getattr_opt(subj, n)? {
                    Some(v) => out.push(v),
                    None => return Ok(None),
                }
            }
        }
    }
    for n in crate::seq::tuple_items(kwnames.as_obj()) {
        match crate::typeobj::getattr_opt(subj, n)? {
            Some(v) => out.push(v),
            None => return Ok(None),
        }
    }
    crate::seq::new_tuple(out).map(Some)
}

/// `isinstance(o, cls)` for one class or a tuple of classes.
pub fn isinstance(o: &ObjRef, cls: &ObjRef) -> R<bool> {
    if kind(cls.as_obj()) == Kind::Tuple {
        for c in crate::seq::tuple_items(cls.as_obj()) {
            if isinstance(o, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    // An `__instancecheck__` written in Python on the class of `cls` decides: a
    // metaclass's (ABCs), or the class of an object that is not a class
    // (`types.GenericAlias` refuses).
    if let Some(f) = crate::typeobj::lookup(
        crate::typeobj::type_of(cls.as_obj()).as_obj(),
        &crate::str::intern("__instancecheck__"),
    ) && kind(f.as_obj()) == Kind::Function
    {
        return truthy(&call(&f, &[cls.clone(), o.clone()])?);
    }
    if kind(cls.as_obj()) != Kind::Type {
        return Err(type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    }
    if crate::typeobj::is_subtype(crate::typeobj::type_of(o.as_obj()).as_obj(), cls.as_obj()) {
        return Ok(true);
    }
    // `object_isinstance`: an object may claim another class through `__class__`
    // (proxies do).
    if (crate::weakrefs::is_proxy(o) || crate::typeobj::is_heap_instance(o.as_obj()))
        && let Some(c) = crate::typeobj::getattr_opt(o, &crate::str::intern("__class__"))?
        && kind(c.as_obj()) == Kind::Type
        && !c.is(&crate::typeobj::type_of(o.as_obj()))
    {
        return Ok(crate::typeobj::is_subtype(c.as_obj(), cls.as_obj()));
    }
    Ok(false)
}

/// Whether a user class defines `__eq__` but no `__hash__` anywhere below `object`.
pub fn defines_eq_without_hash(o: &ObjRef) -> bool {
    let t = crate::typeobj::type_of(o.as_obj());
    let mro = crate::typeobj::tb(t.as_obj()).mro.borrow().to_vec();
    for c in mro.iter() {
        let d = &crate::typeobj::tb(c.as_obj()).dict;
        if crate::dict::get_str(d.as_obj(), "__hash__").is_some() {
            return false;
        }
        if crate::dict::get_str(d.as_obj(), "__eq__").is_some() {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// repr

/// `repr(float)` with CPython's shortest round-trip rules.
pub fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let mut e = format!("{v:e}");
    // Among the shortest round-tripping strings CPython takes the closest (ties to
    // even); Rust's shortest mode can pick the other one of a tie.
    let nd = e
        .split('e')
        .next()
        .map_or(0, |m| m.bytes().filter(u8::is_ascii_digit).count());
    let exact = format!("{:.*e}", nd.saturating_sub(1), v);
    if exact.parse::<f64>() == Ok(v) {
        e = exact;
    }
    let (mant, exp) = e.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent");
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.push_str(&"0".repeat(int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.push_str(&"0".repeat((-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    }
    out
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn with_repr_guard(o: &ObjRef, recursive: &str, f: impl FnOnce() -> R<String>) -> R<String> {
    let a = o.as_obj().addr();
    if REPR_STACK.with(|s| s.borrow().contains(&a)) {
        return Ok(recursive.into());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(a));
    let r = f();
    REPR_STACK.with(|s| s.borrow_mut().pop());
    r
}

/// `repr` of objects whose type does not override `__repr__`.
pub fn builtin_repr(o: &ObjRef) -> R<String> {
    let obj = o.as_obj();
    Ok(match kind(obj) {
        Kind::NoneType => "None".into(),
        Kind::NotImplementedType => "NotImplemented".into(),
        Kind::Ellipsis => "Ellipsis".into(),
        Kind::Int | Kind::Bool => crate::int::repr_checked(obj)?,
        Kind::Float => float_repr(float_val(o).unwrap_or(0.0)),
        Kind::Complex => {
            let c = obj.downcast::<ComplexBody>().expect("complex");
            complex_repr(c.0, c.1)
        }
        Kind::Str => crate::str::repr(&crate::str::as_str(obj)),
        Kind::Bytes => bytes_repr(bytes_data(obj)),
        Kind::Tuple => with_repr_guard(o, "(...)", || {
            let items = crate::seq::tuple_items(obj);
            let parts = items.iter().map(repr_of).collect::<R<Vec<_>>>()?;
            Ok(if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            })
        })?,
        Kind::List => with_repr_guard(o, "[...]", || {
            let parts = crate::seq::list_items(obj)
                .iter()
                .map(repr_of)
                .collect::<R<Vec<_>>>()?;
            Ok(format!("[{}]", parts.join(", ")))
        })?,
        Kind::Dict => with_repr_guard(o, "{...}", || {
            let mut parts = Vec::new();
            for (k, v) in crate::dict::items(obj) {
                parts.push(format!("{}: {}", repr_of(&k)?, repr_of(&v)?));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        })?,
        Kind::Set | Kind::FrozenSet => with_repr_guard(o, "{...}", || {
            let items = set_items(obj);
            let frozen = kind(obj) == Kind::FrozenSet;
            let tn = obj_type_name(o);
            if items.is_empty() {
                return Ok(format!("{tn}()"));
            }
            let parts = items.iter().map(repr_of).collect::<R<Vec<_>>>()?;
            let inner = format!("{{{}}}", parts.join(", "));
            Ok(if frozen || is_heap_instance(obj) {
                format!("{tn}({inner})")
            } else {
                inner
            })
        })?,
        Kind::Range => {
            let r = obj.downcast::<RangeBody>().expect("range");
            let (a, b) = (repr_of(&r.start)?, repr_of(&r.stop)?);
            if crate::int::to_i64(r.step.as_obj()) == Some(1) {
                format!("range({a}, {b})")
            } else {
                format!("range({a}, {b}, {})", repr_of(&r.step)?)
            }
        }
        Kind::Slice => {
            let s = obj.downcast::<SliceBody>().expect("slice");
            format!(
                "slice({}, {}, {})",
                repr_of(&s.start)?,
                repr_of(&s.stop)?,
                repr_of(&s.step)?
            )
        }
        Kind::Function => {
            let f = obj.downcast::<FunctionBody>().expect("function");
            format!(
                "<function {} at {:#x}>",
                crate::str::as_str(f.qualname.get().as_obj()),
                obj.addr()
            )
        }
        Kind::BuiltinFunction => {
            let b = obj.downcast::<BuiltinBody>().expect("builtin");
            match (b.flavor(), b.bound.get()) {
                (BuiltinFlavor::MethodWrapper, Some(s)) => format!(
                    "<method-wrapper '{}' of {} object at {:#x}>",
                    b.name(),
                    obj_type_name(&s),
                    s.as_obj().addr()
                ),
                (BuiltinFlavor::WrapperDescriptor, _) => {
                    format!("<slot wrapper '{}' of '{}' objects>", b.name(), b.owner())
                }
                (BuiltinFlavor::MethodDescriptor, _) => {
                    format!("<method '{}' of '{}' objects>", b.name(), b.owner())
                }
                (_, Some(s)) if kind(s.as_obj()) != Kind::Module => {
                    format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name(),
                        obj_type_name(&s),
                        s.as_obj().addr()
                    )
                }
                // A built-in type's static method (see `methods::type_static`).
                _ if let Some(t) = b.module.get().filter(|m| kind(m.as_obj()) == Kind::Type) => {
                    format!(
                        "<built-in method {} of type object at {:#x}>",
                        b.name(),
                        t.as_obj().addr()
                    )
                }
                _ => format!("<built-in function {}>", b.name()),
            }
        }
        Kind::Method => {
            let m = obj.downcast::<MethodBody>().expect("method");
            let fname = match kind(m.func.as_obj()) {
                Kind::Function => crate::str::as_str(
                    m.func
                        .as_obj()
                        .downcast::<FunctionBody>()
                        .expect("f")
                        .qualname
                        .get()
                        .as_obj(),
                )
                .into_owned(),
                _ => "?".into(),
            };
            format!("<bound method {} of {}>", fname, repr_of(&m.this)?)
        }
        Kind::Type => {
            let m = crate::typeobj::type_module(obj);
            let q = crate::typeobj::tb(obj).qualname.borrow().clone();
            if m == "builtins" {
                format!("<class '{q}'>")
            } else {
                format!("<class '{m}.{q}'>")
            }
        }
        Kind::Module => {
            let d = &obj.downcast::<ModuleBody>().expect("module").dict;
            let n = crate::dict::get_str(d.as_obj(), "__name__")
                .map(|s| crate::str::as_str(s.as_obj()).into_owned())
                .unwrap_or_default();
            if crate::dict::get_str(d.as_obj(), "__file__").is_some() && n != "__main__" {
                let f = crate::dict::get_str(d.as_obj(), "__file__")
                    .map(|s| crate::str::as_str(s.as_obj()).into_owned())
                    .unwrap_or_default();
                format!("<module '{n}' from '{f}'>")
            } else if crate::dict::get_str(d.as_obj(), "__spec__").is_some() {
                // Made by `types.ModuleType(...)`: no spec, loader or file to describe.
                format!("<module '{n}'>")
            } else {
                format!("<module '{n}' (built-in)>")
            }
        }
        Kind::Generator => {
            let g = obj.downcast::<GenBody>().expect("gen");
            format!(
                "<generator object {} at {:#x}>",
                crate::str::as_str(g.qualname.get().as_obj()),
                obj.addr()
            )
        }
        Kind::BaseException => {
            let b = obj.downcast::<ExcBody>().expect("exc");
            let args = b.args.get();
            let items = crate::seq::tuple_items(args.as_obj());
            let tn = obj_type_name(o);
            if items.len() == 1 {
                format!("{tn}({})", repr_of(&items[0])?)
            } else {
                format!("{tn}{}", repr_of(&args)?)
            }
        }
        Kind::Cell => format!("<cell at {:#x}>", obj.addr()),
        Kind::Traceback => format!("<traceback object at {:#x}>", obj.addr()),
        Kind::Frame => {
            let f = obj.downcast::<FrameBody>().expect("frame");
            let co = &crate::frame::code_body(&f.code).code;
            format!(
                "<frame at {:#x}, file {}, line {}, code {}>",
                obj.addr(),
                crate::str::repr(&co.filename),
                crate::traceback::frame_lineno(f),
                co.name
            )
        }
        Kind::Code => {
            let c = obj.downcast::<CodeBody>().expect("code");
            format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.name,
                obj.addr(),
                c.code.filename,
                c.code.firstlineno
            )
        }
        Kind::MappingProxy => format!(
            "mappingproxy({})",
            repr_of(&crate::typeobj::proxied_mapping(obj).expect("mappingproxy"))?
        ),
        Kind::DictView => {
            let v = obj.downcast::<DictViewBody>().expect("view");
            let (name, items) = match crate::object::view_which(obj) {
                0 => (
                    "dict_keys",
                    crate::dict::items(v.dict.as_obj())
                        .into_iter()
                        .map(|(k, _)| repr_of(&k))
                        .collect::<R<Vec<_>>>()?,
                ),
                1 => (
                    "dict_values",
                    crate::dict::items(v.dict.as_obj())
                        .into_iter()
                        .map(|(_, x)| repr_of(&x))
                        .collect::<R<Vec<_>>>()?,
                ),
                _ => (
                    "dict_items",
                    crate::dict::items(v.dict.as_obj())
                        .into_iter()
                        .map(|(k, x)| Ok(format!("({}, {})", repr_of(&k)?, repr_of(&x)?)))
                        .collect::<R<Vec<_>>>()?,
                ),
            };
            format!("{name}([{}])", items.join(", "))
        }
        Kind::Iterator => format!("<{} object at {:#x}>", obj.type_info().name(), obj.addr()),
        Kind::Property => format!("<property object at {:#x}>", obj.addr()),
        Kind::WeakRef | Kind::WeakProxy | Kind::WeakCallableProxy => crate::weakrefs::repr(o)?,
        Kind::ByteArray => crate::bytearray::repr(o),
        Kind::Array => crate::array::repr(o)?,
        Kind::MemoryView => crate::memoryview::repr(o),
        Kind::GetSetDescr | Kind::MemberDescr => crate::typeobj::getset_repr(o),
        _ => {
            let t = crate::typeobj::type_of(obj);
            let m = crate::typeobj::type_module(t.as_obj());
            let q = crate::typeobj::tb(t.as_obj()).qualname.borrow().clone();
            if m == "builtins" {
                format!("<{q} object at {:#x}>", obj.addr())
            } else {
                format!("<{m}.{q} object at {:#x}>", obj.addr())
            }
        }
    })
}

fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |v: f64| {
        let s = float_repr(v);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if re == 0.0 && !re.is_sign_negative() {
        format!("{}j", fmt(im))
    } else {
        let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) {
            "-"
        } else {
            "+"
        };
        format!("({}{}{}j)", fmt(re), sign, fmt(im.abs()))
    }
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(c as char);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

// ---------------------------------------------------------------------------------------
// Operators on built-in types

fn num_f64(o: &ObjRef) -> Option<f64> {
    match kind(o.as_obj()) {
        Kind::Float => float_val(o),
        Kind::Int | Kind::Bool => crate::int::to_f64(o.as_obj()).ok(),
        _ => None,
    }
}

/// Float floor division and modulo as CPython's `float_divmod`.
pub fn float_divmod(x: f64, y: f64) -> R<(f64, f64)> {
    if y == 0.0 {
        return Err(new_exc("ZeroDivisionError", "float divmod()"));
    }
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((floordiv, m))
}

/// Binary operators of the built-in types other than int×int; `None` if unsupported.
pub fn builtin_binop(op: B, a: &ObjRef, b: &ObjRef) -> R<Option<ObjRef>> {
    let (x, y) = (a.as_obj(), b.as_obj());
    let (ka, kb) = (kind(x), kind(y));
    if ka == Kind::ByteArray || kb == Kind::ByteArray {
        return crate::bytearray::binop(op, a, b);
    }
    if ka == Kind::Array || kb == Kind::Array {
        return crate::array::binop(op, a, b);
    }
    if matches!(op, B::Or | B::InplaceOr) && (ka == Kind::Type || kb == Kind::Type) {
        // `int | str` (PEP 604): `type.__or__` / `type.__ror__`.
        let r = crate::methods::union_or(a, b)?;
        return Ok((kind(r.as_obj()) != Kind::NotImplementedType).then_some(r));
    }
    let isnum = |k: Kind| matches!(k, Kind::Int | Kind::Bool | Kind::Float);
    if isnum(ka) && isnum(kb) {
        let (Some(p), Some(q)) = (num_f64(a), num_f64(b)) else {
            return Err(new_exc(
                "OverflowError",
                "int too large to convert to float",
            ));
        };
        let r = match op {
            B::Add | B::InplaceAdd => p + q,
            B::Subtract | B::InplaceSubtract => p - q,
            B::Multiply | B::InplaceMultiply => p * q,
            B::TrueDivide | B::InplaceTrueDivide => {
                if q == 0.0 {
                    return Err(new_exc("ZeroDivisionError", "float division by zero"));
                }
                p / q
            }
            B::FloorDivide | B::InplaceFloorDivide => {
                if q == 0.0 {
                    return Err(new_exc("ZeroDivisionError", "float floor division by zero"));
                }
                float_divmod(p, q)?.0
            }
            B::Remainder | B::InplaceRemainder => {
                if q == 0.0 {
                    return Err(new_exc("ZeroDivisionError", "float modulo"));
                }
                float_divmod(p, q)?.1
            }
            B::Power | B::InplacePower => {
                if p == 0.0 && q < 0.0 {
                    return Err(new_exc(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if p < 0.0 && q.fract() != 0.0 {
                    let (r, i) = complex_pow(p, 0.0, q, 0.0)?;
                    return ObjRef::new(&COMPLEX_T, ComplexBody(r, i))
                        .map(Some)
                        .map_err(|_| memory_error());
                }
                let r = p.powf(q);
                if r.is_infinite() && p.is_finite() && q.is_finite() {
                    return Err(new_exc(
                        "OverflowError",
                        "(34, 'Numerical result out of range')",
                    ));
                }
                r
            }
            _ => return Ok(None),
        };
        return new_float(r).map(Some);
    }
    let iscx = |k: Kind| isnum(k) || k == Kind::Complex;
    if iscx(ka) && iscx(kb) {
        let c = |o: &ObjRef| match o.as_obj().downcast::<ComplexBody>() {
            Some(c) => (c.0, c.1),
            None => (num_f64(o).unwrap_or(0.0), 0.0),
        };
        let ((p, q), (r, s)) = (c(a), c(b));
        let (re, im) = match op {
            B::Add | B::InplaceAdd => (p + r, q + s),
            B::Subtract | B::InplaceSubtract => (p - r, q - s),
            B::Multiply | B::InplaceMultiply => (p * r - q * s, p * s + q * r),
            B::TrueDivide | B::InplaceTrueDivide => match c_quot((p, q), (r, s)) {
                Some(z) => z,
                None => return Err(new_exc("ZeroDivisionError", "complex division by zero")),
            },
            B::Power | B::InplacePower => complex_pow(p, q, r, s)?,
            _ => return Ok(None),
        };
        return ObjRef::new(&COMPLEX_T, ComplexBody(re, im))
            .map(Some)
            .map_err(|_| memory_error());
    }
    match (ka, kb, op) {
        (Kind::Str, Kind::Str, B::Add | B::InplaceAdd) => {
            let mut s = crate::str::as_str(x).into_owned();
            s.push_str(&crate::str::as_str(y));
            crate::str::new_str(&s).map(Some)
        }
        (Kind::Str, Kind::Int | Kind::Bool, B::Multiply | B::InplaceMultiply)
        | (Kind::Int | Kind::Bool, Kind::Str, B::Multiply | B::InplaceMultiply) => {
            let (s, n) = if ka == Kind::Str { (x, y) } else { (y, x) };
            let n = repeat_count(n)?;
            let t = crate::str::as_str(s);
            check_repeat_len(t.chars().count(), n, "string is")?;
            let bytes = try_repeat(t.as_bytes(), n)?;
            let r = String::from_utf8(bytes).expect("repeated UTF-8 stays UTF-8");
            crate::str::new_str(&r).map(Some)
        }
        (Kind::Str, _, B::Remainder | B::InplaceRemainder) => {
            crate::str::percent_format(a, b).map(Some)
        }
        (Kind::Bytes, _, B::Remainder | B::InplaceRemainder) => {
            new_bytes(&crate::str::bytes_percent_format(bytes_data(x), b)?).map(Some)
        }
        (Kind::Bytes, Kind::Bytes, B::Add | B::InplaceAdd) => {
            let mut v = bytes_data(x).to_vec();
            v.extend_from_slice(bytes_data(y));
            new_bytes(&v).map(Some)
        }
        (Kind::Bytes, Kind::Int, B::Multiply) => {
            let n = repeat_count(y)?;
            check_repeat_len(bytes_data(x).len(), n, "bytes are")?;
            new_bytes(&try_repeat(bytes_data(x), n)?).map(Some)
        }
        (Kind::List, Kind::List, B::Add) => {
            let mut v = crate::seq::list_items(x);
            v.extend(crate::seq::list_items(y));
            crate::seq::new_list(v).map(Some)
        }
        (Kind::List, _, B::InplaceAdd) => {
            let items = crate::iter::collect(b)?;
            crate::seq::list_extend(x, items)?;
            Ok(Some(a.clone()))
        }
        (Kind::Tuple, Kind::Tuple, B::Add | B::InplaceAdd) => {
            let mut v = crate::seq::tuple_items(x).to_vec();
            v.extend_from_slice(crate::seq::tuple_items(y));
            crate::seq::new_tuple(v).map(Some)
        }
        (Kind::List | Kind::Tuple, Kind::Int | Kind::Bool, B::Multiply | B::InplaceMultiply)
        | (Kind::Int | Kind::Bool, Kind::List | Kind::Tuple, B::Multiply) => {
            let (s, n) = if matches!(ka, Kind::List | Kind::Tuple) {
                (a, y)
            } else {
                (b, x)
            };
            let n = repeat_count(n)?;
            if op == B::InplaceMultiply && kind(s.as_obj()) == Kind::List {
                crate::seq::list_inplace_repeat(s.as_obj(), n as i64)?;
                return Ok(Some(s.clone()));
            }
            let items = crate::iter::collect(s)?;
            // `list_repeat`/`tuplerepeat`: a size past PY_SSIZE_T_MAX is a MemoryError.
            let v = try_repeat(&items, n)?;
            if kind(s.as_obj()) == Kind::List {
                crate::seq::new_list(v).map(Some)
            } else {
                crate::seq::new_tuple(v).map(Some)
            }
        }
        (
            Kind::Set | Kind::FrozenSet | Kind::DictView,
            Kind::Set | Kind::FrozenSet | Kind::DictView,
            _,
        ) => set_binop(op, a, b),
        (Kind::Dict, Kind::Dict, B::Or) => {
            let d = crate::dict::try_new_dict()?;
            for (k, v) in crate::dict::items(x)
                .into_iter()
                .chain(crate::dict::items(y))
            {
                crate::dict::set(d.as_obj(), k, v)?;
            }
            Ok(Some(d))
        }
        (Kind::Dict, Kind::Dict, B::InplaceOr) => {
            for (k, v) in crate::dict::items(y) {
                crate::dict::set(x, k, v)?;
            }
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

/// `_Py_c_prod`.
fn c_prod(x: (f64, f64), y: (f64, f64)) -> (f64, f64) {
    (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0)
}

/// `_Py_c_quot` (Smith's method, so that huge and tiny operands do not overflow or
/// underflow on the way); `None` for a zero divisor (CPython's `EDOM`).
fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // A NaN in the divisor.
        Some((f64::NAN, f64::NAN))
    }
}

/// `c_powi`: an integral power by repeated squaring, a negative one as a quotient.
fn c_powi(x: (f64, f64), n: i64) -> Option<(f64, f64)> {
    let powu = |n: u64| {
        let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = c_prod(r, p);
            }
            mask <<= 1;
            p = c_prod(p, p);
        }
        r
    };
    if n > 0 {
        Some(powu(n as u64))
    } else {
        c_quot((1.0, 0.0), powu(n.unsigned_abs()))
    }
}

/// `_Py_c_pow`: the polar formula; `None` for zero to a negative or complex power.
fn c_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    if b == (0.0, 0.0) {
        return Some((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        return (b.1 == 0.0 && b.0 >= 0.0).then_some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `complex_pow`: small integral exponents by [`c_powi`], the others by [`c_pow`], with
/// CPython's errors.
fn complex_pow(a: f64, b: f64, c: f64, d: f64) -> R<(f64, f64)> {
    let r = if d == 0.0 && c == c.floor() && c.abs() <= 100.0 {
        c_powi((a, b), c as i64)
    } else {
        c_pow((a, b), (c, d))
    };
    let Some((re, im)) = r else {
        return Err(new_exc(
            "ZeroDivisionError",
            "0.0 to a negative or complex power",
        ));
    };
    // `_Py_ADJUST_ERANGE2`: an infinite part is an overflow.
    if re.is_infinite() || im.is_infinite() {
        return Err(new_exc("OverflowError", "complex exponentiation"));
    }
    Ok((re, im))
}

// ---------------------------------------------------------------------------------------
// Subscripts

fn index_of(k: &ObjRef, what: &str) -> R<i64> {
    if crate::int::is_int(k.as_obj()) {
        return crate::int::to_i64(k.as_obj())
            .ok_or_else(|| new_exc("IndexError", "cannot fit 'int' into an index-sized integer"));
    }
    if is_heap_instance(k.as_obj())
        && let Some(f) = crate::typeobj::lookup_special(k, "__index__")
    {
        let r = call(&f, &[k.clone()])?;
        return index_of(&r, what);
    }
    Err(type_error(format!(
        "{what} indices must be integers or slices, not {}",
        obj_type_name(k)
    )))
}

/// Optional slice bound as `i64`.
pub fn slice_bound(o: &ObjRef) -> R<Option<i64>> {
    if kind(o.as_obj()) == Kind::NoneType {
        return Ok(None);
    }
    if crate::int::is_int(o.as_obj()) {
        return Ok(Some(match crate::int::to_i64(o.as_obj()) {
            Some(v) => v,
            None => {
                if crate::int::to_big(o.as_obj()) < num_bigint::BigInt::from(0) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
        }));
    }
    if let Some(f) = crate::typeobj::lookup_special(o, "__index__") {
        let r = call(&f, &[o.clone()])?;
        return slice_bound(&r);
    }
    Err(type_error(
        "slice indices must be integers or None or have an __index__ method",
    ))
}

/// `slice.indices(len)` for a slice object.
pub fn slice_of(s: &ObjRef, len: usize) -> R<(i64, i64, i64, usize)> {
    let b = s.as_obj().downcast::<SliceBody>().expect("slice");
    crate::seq::slice_indices(
        slice_bound(&b.start)?,
        slice_bound(&b.stop)?,
        slice_bound(&b.step)?,
        len,
    )
}

fn pick<T: Clone>(v: &[T], start: i64, step: i64, n: usize) -> Vec<T> {
    (0..n)
        .map(|i| v[(start + i as i64 * step) as usize].clone())
        .collect()
}

/// `o[k]` for built-in containers.
pub fn builtin_getitem(o: &ObjRef, k: &ObjRef) -> R {
    let obj = o.as_obj();
    let is_slice = kind(k.as_obj()) == Kind::Slice;
    match kind(obj) {
        Kind::ByteArray => crate::bytearray::getitem(o, k),
        Kind::Array => crate::array::getitem(o, k),
        Kind::MemoryView => crate::memoryview::getitem(o, k),
        Kind::List => {
            if is_slice {
                let len = crate::seq::list_len(obj);
                let (a, _, c, n) = slice_of(k, len)?;
                // Copy only the selected items (from the locked buffer).
                let picked = crate::seq::list_body(obj)
                    .expect("list")
                    .items
                    .with_items(|items| pick(items, a, c, n));
                return crate::seq::new_list(picked);
            }
            let i = index_of(k, "list")?;
            let n = crate::seq::list_len(obj);
            crate::seq::norm_index(i, n)
                .and_then(|i| crate::seq::list_get(obj, i))
                .ok_or_else(|| new_exc("IndexError", "list index out of range"))
        }
        Kind::Tuple => {
            let items = crate::seq::tuple_items(obj);
            if is_slice {
                let (a, _, c, n) = slice_of(k, items.len())?;
                if a == 0 && c == 1 && n == items.len() && !is_heap_instance(obj) {
                    return Ok(o.clone());
                }
                return crate::seq::new_tuple(pick(items, a, c, n));
            }
            let i = index_of(k, "tuple")?;
            crate::seq::norm_index(i, items.len())
                .map(|i| items[i].clone())
                .ok_or_else(|| new_exc("IndexError", "tuple index out of range"))
        }
        Kind::Str => {
            // PEP 393 storage is indexed directly: a slice or an item costs its own
            // length, not the string's.
            let len = crate::str::char_len(obj);
            if is_slice {
                let (a, _, c, n) = slice_of(k, len)?;
                return crate::str::substring(obj, a, c, n);
            }
            let i = index_of(k, "string")?;
            let i = crate::seq::norm_index(i, len)
                .ok_or_else(|| new_exc("IndexError", "string index out of range"))?;
            let c = crate::str::char_at(obj, i).unwrap_or('\0');
            let mut buf = [0u8; 4];
            crate::str::new_str(c.encode_utf8(&mut buf))
        }
        Kind::Bytes => {
            let d = bytes_data(obj);
            if is_slice {
                let (a, _, c, n) = slice_of(k, d.len())?;
                return new_bytes(&pick(d, a, c, n));
            }
            let i = index_of(k, "byte")?;
            crate::seq::norm_index(i, d.len())
                .map(|i| crate::int::from_i64(d[i] as i64))
                .ok_or_else(|| new_exc("IndexError", "index out of range"))?
        }
        Kind::Dict => match crate::dict::get(obj, k)? {
            Some(v) => Ok(v),
            None => {
                if is_heap_instance(obj)
                    && let Some(m) = crate::typeobj::lookup_special(o, "__missing__")
                {
                    return call(&m, &[o.clone(), k.clone()]);
                }
                Err(crate::exc::new_exc_args("KeyError", vec![k.clone()]))
            }
        },
        Kind::Range
            if !is_slice
                && (range_parts(o).is_err()
                    || (crate::int::is_int(k.as_obj())
                        && crate::int::to_i64(k.as_obj()).is_none())) =>
        {
            // Parts beyond i64: BigInt arithmetic.
            let r = o.as_obj().downcast::<RangeBody>().expect("range");
            let big = |x: &ObjRef| crate::int::to_big(x.as_obj());
            let mut i = if crate::int::is_int(k.as_obj()) {
                big(k)
            } else {
                num_bigint::BigInt::from(index_of(k, "range")?)
            };
            let n = big(&r.length);
            if i.sign() == num_bigint::Sign::Minus {
                i += &n;
            }
            if i.sign() == num_bigint::Sign::Minus || i >= n {
                return Err(new_exc("IndexError", "range object index out of range"));
            }
            crate::int::from_big(&(big(&r.start) + i * big(&r.step)))
        }
        Kind::Range => {
            let (a, b, c) = range_parts(o)?;
            let (a, b, c) = (a as i128, b as i128, c as i128);
            // At most 2**64 - 1 items (a 64-bit range with step 1).
            let n = compute_range_len(a, b, c);
            if is_slice {
                // CPython's compute_slice: the slice's own stop, scaled.
                let sb = k.as_obj().downcast::<SliceBody>().expect("slice");
                let (s, e, st, _) = crate::seq::slice_indices_wide(
                    slice_bound(&sb.start)?,
                    slice_bound(&sb.stop)?,
                    slice_bound(&sb.step)?,
                    n,
                )?;
                return new_range(a + s * c, a + e * c, c * st);
            }
            let i = index_of(k, "range")? as i128;
            let i = if i < 0 { i + n } else { i };
            if !(0..n).contains(&i) {
                return Err(new_exc("IndexError", "range object index out of range"));
            }
            crate::int::from_i128(a + i * c)
        }
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            obj_type_name(o)
        ))),
    }
}

/// `o[k] = v` / `del o[k]` for built-in containers.
pub fn builtin_setitem(o: &ObjRef, k: ObjRef, v: Option<ObjRef>) -> R<()> {
    let obj = o.as_obj();
    match kind(obj) {
        Kind::MappingProxy => Err(type_error(if v.is_some() {
            "'mappingproxy' object does not support item assignment"
        } else {
            "'mappingproxy' object does not support item deletion"
        })),
        Kind::ByteArray => crate::bytearray::setitem(o, &k, v),
        Kind::Array => crate::array::setitem(o, &k, v),
        Kind::MemoryView => crate::memoryview::setitem(o, &k, v),
        Kind::List => {
            let n = crate::seq::list_len(obj);
            if kind(k.as_obj()) == Kind::Slice {
                let (a, b, c, m) = slice_of(&k, n)?;
                let new_items = match &v {
                    Some(v) => crate::iter::collect(v)?,
                    None => Vec::new(),
                };
                if c == 1 {
                    let hi = b.max(a) as usize;
                    return crate::seq::list_splice(obj, a as usize, hi, new_items);
                }
                if v.is_none() {
                    // Walked upwards whatever the step's sign, as `list_ass_subscript` does.
                    let (lo, step) = if c > 0 {
                        (a, c)
                    } else {
                        (a + (m as i64 - 1) * c, -c)
                    };
                    return crate::seq::list_delete_stepped(obj, lo as usize, step as usize, m);
                }
                if new_items.len() != m {
                    return Err(value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {m}",
                        new_items.len()
                    )));
                }
                let b = crate::seq::list_body(obj).expect("list");
                for (i, x) in new_items.into_iter().enumerate() {
                    drop(b.items.replace((a + i as i64 * c) as usize, x));
                }
                return Ok(());
            }
            let i = index_of(&k, "list")?;
            let Some(i) = crate::seq::norm_index(i, n) else {
                return Err(new_exc("IndexError", "list assignment index out of range"));
            };
            match v {
                Some(v) => {
                    let old = crate::seq::list_body(obj)
                        .expect("list")
                        .items
                        .replace(i, v);
                    drop(old);
                }
                None => drop(crate::seq::list_pop(obj, i)),
            }
            Ok(())
        }
        Kind::Dict => match v {
            Some(v) => crate::dict::set(obj, k, v),
            None => match crate::dict::del(obj, &k)? {
                Some(_) => Ok(()),
                None => Err(crate::exc::new_exc_args("KeyError", vec![k])),
            },
        },
        _ => Err(type_error(if v.is_some() {
            format!(
                "'{}' object does not support item assignment",
                obj_type_name(o)
            )
        } else {
            format!(
                "'{}' object doesn't support item deletion",
                obj_type_name(o)
            )
        })),
    }
}

// ---------------------------------------------------------------------------------------
// Sets (CPython's setobject.c table: linear probes, then perturbation)

const LINEAR_PROBES: usize = 9;

/// A new set or frozenset.
pub fn new_set(items: &[ObjRef], frozen: bool) -> R {
    let s = ObjRef::new(
        if frozen { &FROZENSET_T } else { &SET_T },
        SetBody::default(),
    )
    .map_err(|_| memory_error())?;
    s.track();
    for x in items {
        set_add(&s, x.clone())?;
    }
    Ok(s)
}

fn sbody(s: Obj<'_>) -> &SetBody {
    s.downcast::<SetBody>().expect("set body")
}

/// `set_clear_internal`: empties the set, then releases the old keys first to last.
pub fn set_clear(s: &ObjRef) {
    drop(sbody(s.as_obj()).take_all());
}

/// The number of keys.
pub fn set_len(s: Obj<'_>) -> usize {
    s.downcast::<SetBody>().map_or(0, |b| b.used.get())
}

/// The live keys in table order.
pub fn set_items(s: Obj<'_>) -> Vec<ObjRef> {
    let b = sbody(s);
    let mut out = Vec::with_capacity(b.used.get());
    for i in 0..b.table.len() {
        if let Some((h, Some(k))) = b.table.get(i)
            && h != -1
        {
            out.push(k);
        }
    }
    out
}

/// The first live key at or after table position `i`.
pub fn set_entry_from(s: Obj<'_>, mut i: usize) -> Option<(usize, ObjRef)> {
    let b = s.downcast::<SetBody>()?;
    while i < b.table.len() {
        if let Some((h, Some(k))) = b.table.get(i)
            && h != -1
        {
            return Some((i + 1, k));
        }
        i += 1;
    }
    None
}

fn set_find(b: &SetBody, key: &ObjRef, hash: isize) -> R<Result<usize, usize>> {
    let size = b.table.len();
    let mask = size - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    let mut freeslot: Option<usize> = None;
    loop {
        for j in 0..=LINEAR_PROBES {
            let pos = (i + j) & mask;
            if i + LINEAR_PROBES > mask && j > 0 {
                break;
            }
            let (h, k) = b.table.get(pos).expect("slot");
            match k {
                None => return Ok(Err(freeslot.unwrap_or(pos))),
                Some(k) => {
                    if h == -1 {
                        freeslot.get_or_insert(pos);
                    } else if h == hash && (k.is(key) || crate::ops::eq_bool(&k, key)?) {
                        return Ok(Ok(pos));
                    }
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

fn set_resize(b: &SetBody, minused: usize) -> R<()> {
    let mut newsize = SetTable::<(isize, Option<ObjRef>)>::SMALL;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old = b.table.reset(newsize).map_err(|_| memory_error())?;
    b.fill.set(0);
    b.used.set(0);
    for (h, k) in old {
        if let Some(k) = k
            && h != -1
        {
            insert_clean(b, k, h);
        }
    }
    Ok(())
}

fn insert_clean(b: &SetBody, key: ObjRef, hash: isize) {
    let mask = b.table.len() - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        for j in 0..=LINEAR_PROBES {
            if i + LINEAR_PROBES > mask && j > 0 {
                break;
            }
            let pos = (i + j) & mask;
            if b.table.get(pos).is_some_and(|e| e.1.is_none()) {
                let _ = b.table.replace(pos, (hash, Some(key)));
                b.fill.set(b.fill.get() + 1);
                b.used.set(b.used.get() + 1);
                return;
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/// `s.add(x)`.
pub fn set_add(s: &ObjRef, key: ObjRef) -> R<()> {
    let h = crate::ops::hash(&key)?;
    set_add_hashed(s, key, h)
}

/// `set_update_internal`: `s |= other` as CPython fills the table. From another set
/// (`set_merge`) the table is first sized for both, and an empty set takes the other's
/// entries in table order with their stored hashes (`set_insert_clean`), so the
/// resulting order matches CPython's; from a dict, the table is sized for its keys.
pub fn set_update_from(s: &ObjRef, other: &ObjRef) -> R<()> {
    let o = other.as_obj();
    let b = sbody(s.as_obj());
    let mask = b.table.len() - 1;
    if matches!(kind(o), Kind::Set | Kind::FrozenSet) {
        let ob = sbody(o);
        let n = ob.used.get();
        if n == 0 || s.is(other) {
            return Ok(());
        }
        let entries: Vec<(isize, ObjRef)> = (0..ob.table.len())
            .filter_map(|i| match ob.table.get(i) {
                Some((h, Some(k))) if h != -1 => Some((h, k)),
                _ => None,
            })
            .collect();
        if (b.fill.get() + n) * 5 >= mask * 3 {
            set_resize(b, (b.used.get() + n) * 2)?;
        }
        if b.fill.get() == 0 {
            if b.table.len() == ob.table.len() && ob.fill.get() == ob.used.get() {
                // Same size and no dummies: the entries keep their positions.
                for i in 0..ob.table.len() {
                    if let Some(e @ (_, Some(_))) = ob.table.get(i) {
                        let _ = b.table.replace(i, e);
                    }
                }
                b.fill.set(n);
                b.used.set(n);
                return Ok(());
            }
            for (h, k) in entries {
                insert_clean(b, k, h);
            }
            return Ok(());
        }
        for (h, k) in entries {
            set_add_hashed(s, k, h)?;
        }
        return Ok(());
    }
    if kind(o) == Kind::Dict && !is_heap_instance(o) {
        let n = crate::dict::len(o);
        if (b.fill.get() + n) * 5 >= mask * 3 {
            set_resize(b, (b.used.get() + n) * 2)?;
        }
    }
    for x in crate::iter::collect(other)? {
        set_add(s, x)?;
    }
    Ok(())
}

/// `set_add_entry`: adds `key` whose hash is `h`.
fn set_add_hashed(s: &ObjRef, key: ObjRef, h: isize) -> R<()> {
    let b = sbody(s.as_obj());
    match set_find(b, &key, h)? {
        Ok(_) => Ok(()),
        Err(pos) => {
            let was_dummy = b.table.get(pos).is_some_and(|e| e.1.is_some());
            let old = b.table.replace(pos, (h, Some(key)));
            drop(old);
            if !was_dummy {
                b.fill.set(b.fill.get() + 1);
            }
            b.used.set(b.used.get() + 1);
            let mask = b.table.len() - 1;
            if b.fill.get() * 5 >= mask * 3 {
                let u = b.used.get();
                set_resize(b, if u > 50000 { u * 2 } else { u * 4 })?;
            }
            Ok(())
        }
    }
}

/// `s.discard(x)`; whether it was present.
pub fn set_discard(s: &ObjRef, key: &ObjRef) -> R<bool> {
    let h = crate::ops::hash(key)?;
    let b = sbody(s.as_obj());
    match set_find(b, key, h)? {
        Ok(pos) => {
            let old = b.table.get(pos).and_then(|e| e.1);
            let dummy = crate::state::sg().ellipsis.clone();
            let prev = b.table.replace(pos, (-1, Some(dummy)));
            b.used.set(b.used.get() - 1);
            drop(prev);
            drop(old);
            Ok(true)
        }
        Err(_) => Ok(false),
    }
}

/// `x in s`.
pub fn set_contains(s: &ObjRef, key: &ObjRef) -> R<bool> {
    let h = match crate::ops::hash(key) {
        Ok(h) => h,
        Err(e) => {
            if kind(key.as_obj()) == Kind::Set {
                let f = new_set(&set_items(key.as_obj()), true)?;
                return set_contains(s, &f);
            }
            return Err(e);
        }
    };
    let b = sbody(s.as_obj());
    Ok(set_find(b, key, h)?.is_ok())
}

/// `hash(frozenset)`, CPython's algorithm.
pub fn frozenset_hash(o: &ObjRef) -> R<isize> {
    let b = sbody(o.as_obj());
    let cached = b.hash.get();
    if cached != 0 && cached != -1 {
        return Ok(cached);
    }
    let mut hash: u64 = 0;
    for k in set_items(o.as_obj()) {
        let h = crate::ops::hash(&k)? as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    }
    hash ^= (b.used.get() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as isize;
    if h == -1 {
        h = 590923713;
    }
    b.hash.set(h);
    Ok(h)
}

fn as_key_list(o: &ObjRef) -> R<Vec<ObjRef>> {
    if matches!(kind(o.as_obj()), Kind::Set | Kind::FrozenSet) {
        Ok(set_items(o.as_obj()))
    } else {
        crate::iter::collect(o)
    }
}

fn set_binop(op: B, a: &ObjRef, b: &ObjRef) -> R<Option<ObjRef>> {
    let is_set = |o: &ObjRef| matches!(kind(o.as_obj()), Kind::Set | Kind::FrozenSet);
    if is_set(a)
        && is_set(b)
        && matches!(
            op,
            B::Or
                | B::And
                | B::Subtract
                | B::Xor
                | B::InplaceOr
                | B::InplaceAnd
                | B::InplaceSubtract
                | B::InplaceXor
        )
    {
        return set_binop_exact(op, a, b).map(Some);
    }
    let frozen = kind(a.as_obj()) == Kind::FrozenSet;
    let inplace = matches!(
        op,
        B::InplaceOr | B::InplaceAnd | B::InplaceSubtract | B::InplaceXor
    ) && kind(a.as_obj()) == Kind::Set;
    let av = as_key_list(a)?;
    let bset = if is_set(b) {
        b.clone()
    } else {
        new_set(&as_key_list(b)?, true)?
    };
    let aset = if is_set(a) {
        a.clone()
    } else {
        new_set(&av, true)?
    };
    let mut out = Vec::new();
    match op {
        B::Or | B::InplaceOr => {
            out.extend(av.iter().cloned());
            out.extend(set_items(bset.as_obj()));
        }
        B::And | B::InplaceAnd => {
            for x in &av {
                if set_contains(&bset, x)? {
                    out.push(x.clone());
                }
            }
        }
        B::Subtract | B::InplaceSubtract => {
            for x in &av {
                if !set_contains(&bset, x)? {
                    out.push(x.clone());
                }
            }
        }
        B::Xor | B::InplaceXor => {
            for x in &av {
                if !set_contains(&bset, x)? {
                    out.push(x.clone());
                }
            }
            for x in set_items(bset.as_obj()) {
                if !set_contains(&aset, &x)? {
                    out.push(x);
                }
            }
        }
        _ => return Ok(None),
    }
    if inplace {
        let old = sbody(a.as_obj()).take_all();
        for x in out {
            set_add(a, x)?;
        }
        drop(old);
        return Ok(Some(a.clone()));
    }
    new_set(&out, frozen).map(Some)
}

/// The live `(hash, key)` entries of a set in table order.
fn set_entries(s: Obj<'_>) -> Vec<(isize, ObjRef)> {
    let b = sbody(s);
    (0..b.table.len())
        .filter_map(|i| match b.table.get(i) {
            Some((h, Some(k))) if h != -1 => Some((h, k)),
            _ => None,
        })
        .collect()
}

/// Whether set `s` holds `key`, whose hash is `h`.
fn set_has_hashed(s: &ObjRef, key: &ObjRef, h: isize) -> R<bool> {
    let b = sbody(s.as_obj());
    Ok(set_find(b, key, h)?.is_ok())
}

/// A new empty set of `a`'s kind (set or frozenset), as `make_new_set_basetype`.
fn empty_like(a: &ObjRef) -> R {
    new_set(&[], kind(a.as_obj()) == Kind::FrozenSet)
}

/// setobject.c's operators between two sets: the tables are filled in CPython's order
/// (copies through `set_merge`, results through `set_add_entry` in the iterated set's
/// table order, in-place updates in place), so iteration order and sizes match.
fn set_binop_exact(op: B, a: &ObjRef, b: &ObjRef) -> R {
    let inplace = kind(a.as_obj()) == Kind::Set
        && matches!(
            op,
            B::InplaceOr | B::InplaceAnd | B::InplaceSubtract | B::InplaceXor
        );
    match op {
        B::InplaceOr if inplace => {
            set_update_from(a, b)?;
            Ok(a.clone())
        }
        B::Or | B::InplaceOr => {
            // `set_or`: a copy of `a`, updated with `b`.
            let r = empty_like(a)?;
            set_update_from(&r, a)?;
            set_update_from(&r, b)?;
            Ok(r)
        }
        B::And | B::InplaceAnd => {
            // `set_intersection`: iterate the smaller set, keep what the other holds.
            let (small, large) = if set_len(b.as_obj()) > set_len(a.as_obj()) {
                (a, b)
            } else {
                (b, a)
            };
            let r = empty_like(a)?;
            for (h, k) in set_entries(small.as_obj()) {
                if set_has_hashed(large, &k, h)? {
                    set_add_hashed(&r, k, h)?;
                }
            }
            if !inplace {
                return Ok(r);
            }
            // `set_intersection_update` swaps the bodies.
            let (ab, rb) = (sbody(a.as_obj()), sbody(r.as_obj()));
            let table = rb.table.take_all();
            let old = ab.table.replace_all(table).map_err(|_| memory_error())?;
            ab.used.set(rb.used.get());
            ab.fill.set(rb.fill.get());
            rb.used.set(0);
            rb.fill.set(0);
            drop(old);
            Ok(a.clone())
        }
        B::Subtract | B::InplaceSubtract => {
            if inplace {
                // `set_difference_update_internal`: discard each of `b`'s keys.
                if a.is(b) {
                    set_clear(a);
                    return Ok(a.clone());
                }
                for (_, k) in set_entries(b.as_obj()) {
                    set_discard(a, &k)?;
                }
                return Ok(a.clone());
            }
            // `set_difference`: copy and discard when `b` is small, else filter `a`.
            if set_len(a.as_obj()) >> 2 > set_len(b.as_obj()) {
                let r = empty_like(a)?;
                set_update_from(&r, a)?;
                for (_, k) in set_entries(b.as_obj()) {
                    set_discard(&r, &k)?;
                }
                return Ok(r);
            }
            let r = empty_like(a)?;
            for (h, k) in set_entries(a.as_obj()) {
                if !set_has_hashed(b, &k, h)? {
                    set_add_hashed(&r, k, h)?;
                }
            }
            Ok(r)
        }
        B::Xor | B::InplaceXor => {
            // `set_symmetric_difference_update`: each of `b`'s keys is discarded if
            // present, else added; `a ^ b` does it on a copy of `b` with `a`.
            let (target, source) = if inplace {
                (a.clone(), b.clone())
            } else {
                let r = empty_like(a)?;
                set_update_from(&r, b)?;
                (r, a.clone())
            };
            if target.is(&source) {
                set_clear(&target);
                return Ok(target);
            }
            for (h, k) in set_entries(source.as_obj()) {
                if set_has_hashed(&target, &k, h)? {
                    set_discard(&target, &k)?;
                } else {
                    set_add_hashed(&target, k, h)?;
                }
            }
            Ok(target)
        }
        _ => Err(type_error("unsupported set operation")),
    }
}

/// Set comparisons (subset/superset/equality).
pub fn set_compare(a: &ObjRef, b: &ObjRef, op: C) -> R<Option<bool>> {
    let ka = kind(a.as_obj());
    let kb = kind(b.as_obj());
    let setlike = |k: Kind| matches!(k, Kind::Set | Kind::FrozenSet | Kind::DictView);
    if !setlike(ka) || !setlike(kb) {
        return Ok(match op {
            C::Equal => Some(false),
            C::NotEqual => Some(true),
            _ => None,
        });
    }
    let x = new_set(&as_key_list(a)?, true)?;
    let y = new_set(&as_key_list(b)?, true)?;
    let subset = |p: &ObjRef, q: &ObjRef| -> R<bool> {
        for k in set_items(p.as_obj()) {
            if !set_contains(q, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (lx, ly) = (sbody(x.as_obj()).used.get(), sbody(y.as_obj()).used.get());
    Ok(Some(match op {
        C::Equal => lx == ly && subset(&x, &y)?,
        C::NotEqual => !(lx == ly && subset(&x, &y)?),
        C::LessEqual => subset(&x, &y)?,
        C::Less => lx < ly && subset(&x, &y)?,
        C::GreaterEqual => subset(&y, &x)?,
        C::Greater => lx > ly && subset(&y, &x)?,
    }))
}

// ---------------------------------------------------------------------------------------
// format()

/// `format(v, spec)` for built-in types.
pub fn builtin_format(v: &ObjRef, spec: &str) -> R<String> {
    let obj = v.as_obj();
    match kind(obj) {
        Kind::Int | Kind::Bool if !(kind(obj) == Kind::Bool && spec.is_empty()) => {
            crate::format::format_int(obj, spec)
        }
        Kind::Float => crate::format::format_float(float_val(v).unwrap_or(0.0), spec),
        // `unicode__format__`: an empty spec gives `str(self)` for subclass instances.
        Kind::Str if spec.is_empty() && crate::typeobj::is_heap_instance(obj) => str_of(v),
        Kind::Str => crate::format::format_str(&crate::str::as_str(obj), spec),
        Kind::Complex if !spec.is_empty() => {
            let c = obj.downcast::<ComplexBody>().expect("complex");
            crate::format::format_complex(c.0, c.1, spec)
        }
        _ => {
            if spec.is_empty() {
                return str_of(v);
            }
            Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                obj_type_name(v)
            )))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Initialisation of builtins

/// Registers a native function in `builtins`.
pub fn def(name: &'static str, f: crate::object::NativeFn) {
    crate::dict::set_str(&rt().builtins, name, new_builtin(name, f, ""));
}

/// Fills the `builtins` module.
pub fn init_builtins() {
    let b = &rt().builtins;
    for (name, k) in [
        ("int", Kind::Int),
        ("bool", Kind::Bool),
        ("float", Kind::Float),
        ("complex", Kind::Complex),
        ("str", Kind::Str),
        ("bytes", Kind::Bytes),
        ("bytearray", Kind::ByteArray),
        ("memoryview", Kind::MemoryView),
        ("tuple", Kind::Tuple),
        ("list", Kind::List),
        ("dict", Kind::Dict),
        ("set", Kind::Set),
        ("frozenset", Kind::FrozenSet),
        ("range", Kind::Range),
        ("slice", Kind::Slice),
        ("type", Kind::Type),
        ("object", Kind::Object),
        ("property", Kind::Property),
        ("staticmethod", Kind::StaticMethod),
        ("classmethod", Kind::ClassMethod),
        ("super", Kind::Super),
    ] {
        crate::dict::set_str(b, name, builtin_type(k));
    }
    crate::dict::set_str(b, "None", none());
    crate::dict::set_str(b, "True", pybool(true));
    crate::dict::set_str(b, "False", pybool(false));
    crate::dict::set_str(b, "NotImplemented", crate::state::notimpl());
    crate::dict::set_str(b, "Ellipsis", crate::state::sg().ellipsis.clone());
    crate::dict::set_str(b, "__debug__", pybool(true));
    crate::functions::register();
    crate::methods::register_methods();
    crate::typeobj::invalidate_type_cache();
    let m = ObjRef::new(
        &MODULE_T,
        ModuleBody {
            dict: b.clone(),
            weaklist: Default::default(),
        },
    )
    .expect("builtins module");
    m.track();
    crate::dict::set_str(b, "__name__", crate::str::intern("builtins"));
    crate::modules::adopt_functions(&m, b);
    let _ = crate::dict::set(rt().modules.as_obj(), crate::str::intern("builtins"), m);
    crate::modules::run_prelude();
}

/// Registers `f` with `atexit`.
pub fn atexit_register(f: ObjRef, args: Vec<ObjRef>) {
    ATEXIT.with(|a| a.borrow_mut().push((f, args)));
}

/// The attribute dict of a staticmethod or classmethod (`sm_dict`), made on first use.
pub fn wrapper_dict(w: &WrapperBody) -> R {
    if let Some(d) = w.1.get() {
        return Ok(d);
    }
    let d = crate::dict::try_new_dict()?;
    d.track();
    w.1.set(Some(d.clone()));
    Ok(d)
}

/// Attributes of built-in objects that are not in their type's dict.
pub fn builtin_attr(o: &ObjRef, name: &str) -> R<Option<ObjRef>> {
    let obj = o.as_obj();
    Ok(match (kind(obj), name) {
        (Kind::Function, _) => {
            let f = obj.downcast::<FunctionBody>().expect("function");
            match name {
                "__name__" => Some(f.name.get()),
                "__qualname__" => Some(f.qualname.get()),
                "__doc__" => Some(f.doc.get().unwrap_or_else(none)),
                "__module__" => Some(f.module.get().unwrap_or_else(none)),
                "__defaults__" => Some(f.defaults.get().unwrap_or_else(none)),
                "__kwdefaults__" => Some(f.kwdefaults.get().unwrap_or_else(none)),
                "__code__" => Some(f.code.clone()),
                "__globals__" => Some(f.globals.clone()),
                "__closure__" => Some(f.closure.get().unwrap_or_else(none)),
                "__annotations__" => {
                    if f.annotations.get().is_none() {
                        f.annotations.set(Some(crate::dict::try_new_dict()?));
                    }
                    f.annotations.get()
                }
                "__dict__" => {
                    if f.dict.get().is_none() {
                        let d = crate::dict::try_new_dict()?;
                        d.track();
                        f.dict.set(Some(d));
                    }
                    f.dict.get()
                }
                _ => f
                    .dict
                    .get()
                    .and_then(|d| crate::dict::get_str(d.as_obj(), name)),
            }
        }
        (Kind::BuiltinFunction, "__name__" | "__qualname__") => Some(crate::str::new_str(
            obj.downcast::<BuiltinBody>().expect("b").name(),
        )?),
        (Kind::BuiltinFunction, "__self__") => {
            let b = obj.downcast::<BuiltinBody>().expect("b");
            // A type in the module slot: a `tp_new` wrapper's self is its type; a
            // METH_STATIC function (`maketrans`) shows none.
            let module = b
                .module
                .get()
                .filter(|m| kind(m.as_obj()) == Kind::Module || b.name() == "__new__");
            Some(b.bound.get().or(module).unwrap_or_else(none))
        }
        (Kind::BuiltinFunction, "__module__") => {
            let b = obj.downcast::<BuiltinBody>().expect("b");
            Some(
                b.module
                    .get()
                    .and_then(|m| {
                        let d = &m.as_obj().downcast::<ModuleBody>()?.dict;
                        crate::dict::get_str(d.as_obj(), "__name__")
                    })
                    .unwrap_or_else(none),
            )
        }
        (Kind::Method, "__self__") => Some(obj.downcast::<MethodBody>().expect("m").this.clone()),
        (Kind::Method, "__func__") => Some(obj.downcast::<MethodBody>().expect("m").func.clone()),
        (Kind::Method, _) => {
            let f = obj.downcast::<MethodBody>().expect("m").func.clone();
            return crate::typeobj::getattr_opt(&f, &crate::str::intern(name));
        }
        (Kind::BaseException, _) => {
            let e = obj.downcast::<ExcBody>().expect("exc");
            match name {
                "msg" | "name" | "path" if crate::exc::matches(o, "ImportError") => {
                    let i = match name {
                        "msg" => 0,
                        "name" => 1,
                        _ => 2,
                    };
                    Some(crate::exc::extra_field(obj, i))
                }
                "encoding" | "object" | "start" | "end" | "reason"
                    if crate::exc::matches(o, "UnicodeError") =>
                {
                    // The fields of UnicodeDecodeError/EncodeError (five arguments) and
                    // UnicodeTranslateError (four, no encoding).
                    let items = crate::seq::tuple_items(e.args.get().as_obj()).to_vec();
                    let translate = crate::exc::matches(o, "UnicodeTranslateError");
                    let names: &[&str] = if translate {
                        &["object", "start", "end", "reason"]
                    } else {
                        &["encoding", "object", "start", "end", "reason"]
                    };
                    match names.iter().position(|n| *n == name) {
                        Some(i) if items.len() == names.len() => Some(items[i].clone()),
                        Some(_) => Some(none()),
                        None => None,
                    }
                }
                "errno" | "strerror" | "filename" | "filename2"
                    if crate::exc::matches(o, "OSError") =>
                {
                    let i = match name {
                        "errno" => 0,
                        "strerror" => 1,
                        "filename" => 2,
                        _ => 3,
                    };
                    Some(crate::exc::extra_field(obj, i))
                }
                "exceptions" if crate::exc::matches(o, "BaseExceptionGroup") => {
                    crate::seq::tuple_items(e.args.get().as_obj())
                        .get(1)
                        .map(|l| crate::seq::new_tuple(crate::iter::collect(l).unwrap_or_default()))
                        .transpose()?
                }
                "message" if crate::exc::matches(o, "BaseExceptionGroup") => {
                    crate::seq::tuple_items(e.args.get().as_obj())
                        .first()
                        .cloned()
                }
                "name" | "obj" if crate::exc::matches(o, "AttributeError") => {
                    Some(crate::typeobj::exc_member(obj, name).unwrap_or_else(none))
                }
                "name" if crate::exc::matches(o, "NameError") => {
                    Some(crate::typeobj::exc_member(obj, name).unwrap_or_else(none))
                }
                "args" => Some(e.args.get()),
                "__cause__" => Some(e.cause.get().unwrap_or_else(none)),
                "__context__" => Some(e.context.get().unwrap_or_else(none)),
                "__suppress_context__" => Some(pybool(e.suppress_context.get())),
                "__traceback__" => Some(e.traceback.get().unwrap_or_else(none)),
                "__notes__" => e.notes.get(),
                "value" if crate::exc::matches(o, "StopIteration") => Some(
                    crate::seq::tuple_items(e.args.get().as_obj())
                        .first()
                        .cloned()
                        .unwrap_or_else(none),
                ),
                "code" if crate::exc::matches(o, "SystemExit") => {
                    let a = e.args.get();
                    let items = crate::seq::tuple_items(a.as_obj());
                    Some(match items.len() {
                        0 => none(),
                        1 => items[0].clone(),
                        _ => a.clone(),
                    })
                }
                _ if crate::exc::matches(o, "SyntaxError") => {
                    crate::exc::syntax_error_attr(o, name)
                }
                _ => None,
            }
        }
        (Kind::Generator, _) => {
            let g = obj.downcast::<GenBody>().expect("gen");
            match name {
                "__name__" => Some(g.name.get()),
                "__qualname__" => Some(g.qualname.get()),
                "gi_running" => Some(pybool(crate::genobj::is_running(obj))),
                "gi_code" => Some(g.code.get()),
                _ => crate::genobj::frame_attr(obj, name)?,
            }
        }
        (Kind::Complex, "real") => Some(new_float(obj.downcast::<ComplexBody>().expect("c").0)?),
        (Kind::Complex, "imag") => Some(new_float(obj.downcast::<ComplexBody>().expect("c").1)?),
        (Kind::Int | Kind::Bool, "real" | "numerator") => {
            Some(crate::int::from_big(&crate::int::to_big(obj))?)
        }
        (Kind::Int | Kind::Bool, "imag") => Some(crate::int::from_i64(0)?),
        (Kind::Int | Kind::Bool, "denominator") => Some(crate::int::from_i64(1)?),
        (Kind::Float, "real") => Some(o.clone()),
        (Kind::Float, "imag") => Some(new_float(0.0)?),
        (Kind::Range, "start" | "stop" | "step") => {
            let r = obj.downcast::<RangeBody>().expect("range");
            Some(match name {
                "start" => r.start.clone(),
                "stop" => r.stop.clone(),
                _ => r.step.clone(),
            })
        }
        (Kind::Slice, "start" | "stop" | "step") => {
            let r = obj.downcast::<SliceBody>().expect("slice");
            Some(match name {
                "start" => r.start.clone(),
                "stop" => r.stop.clone(),
                _ => r.step.clone(),
            })
        }
        (Kind::Property, "fget" | "fset" | "fdel" | "__doc__") => {
            let p = obj.downcast::<PropertyBody>().expect("p");
            Some(
                match name {
                    "fget" => p.fget.get(),
                    "fset" => p.fset.get(),
                    "fdel" => p.fdel.get(),
                    _ => p.doc.get(),
                }
                .unwrap_or_else(none),
            )
        }
        (Kind::StaticMethod | Kind::ClassMethod, _) => {
            let w = obj.downcast::<WrapperBody>().expect("w");
            match name {
                "__func__" | "__wrapped__" => Some(w.0.get()),
                "__isabstractmethod__" => {
                    let f = w.0.get();
                    let abs = crate::typeobj::getattr_opt(
                        &f,
                        &crate::str::intern_static("__isabstractmethod__"),
                    )?;
                    Some(pybool(match abs {
                        Some(v) => crate::ops::truthy(&v)?,
                        None => false,
                    }))
                }
                "__dict__" => Some(wrapper_dict(w)?),
                _ => {
                    w.1.get()
                        .and_then(|d| crate::dict::get_str(d.as_obj(), name))
                }
            }
        }
        (Kind::Code, _) => {
            let c = obj.downcast::<CodeBody>().expect("code");
            match name {
                "co_name" => Some(crate::str::new_str(&c.code.name)?),
                "co_qualname" => Some(crate::str::intern(&c.code.qualname)),
                "co_filename" => Some(crate::str::new_str(&c.code.filename)?),
                "co_firstlineno" => Some(crate::int::from_i64(c.code.firstlineno as i64)?),
                "co_argcount" => Some(crate::int::from_i64(c.code.argcount as i64)?),
                "co_kwonlyargcount" => Some(crate::int::from_i64(c.code.kwonlyargcount as i64)?),
                "co_posonlyargcount" => Some(crate::int::from_i64(c.code.posonlyargcount as i64)?),
                "co_flags" => Some(crate::int::from_i64(c.code.flags.0 as i64)?),
                "co_varnames" => Some(crate::seq::new_tuple(c.varnames.clone())?),
                "co_names" => Some(crate::seq::new_tuple(c.names.clone())?),
                "co_consts" => Some(crate::seq::new_tuple(c.consts.clone())?),
                "co_freevars" => Some(crate::seq::new_tuple(
                    c.code
                        .freevars
                        .iter()
                        .map(|n| crate::str::intern(n))
                        .collect(),
                )?),
                "co_cellvars" => Some(crate::seq::new_tuple(
                    c.code
                        .cellvars
                        .iter()
                        .map(|n| crate::str::intern(n))
                        .collect(),
                )?),
                "co_nlocals" => Some(crate::int::from_i64(c.code.varnames.len() as i64)?),
                "co_stacksize" => Some(crate::int::from_i64(c.code.max_stackdepth.into())?),
                _ => None,
            }
        }
        (Kind::Traceback, _) => {
            let t = obj.downcast::<TracebackBody>().expect("traceback");
            match name {
                "tb_next" => Some(t.next.get().unwrap_or_else(none)),
                "tb_frame" => Some(t.frame.get()),
                "tb_lasti" => Some(crate::int::from_i64(i64::from(t.lasti.get()) * 2)?),
                "tb_lineno" => Some(crate::int::from_i64(t.lineno.get().into())?),
                _ => None,
            }
        }
        (Kind::Frame, _) => {
            let f = obj.downcast::<FrameBody>().expect("frame");
            match name {
                "f_code" => Some(f.code.clone()),
                "f_back" => Some(f.back.get().unwrap_or_else(none)),
                "f_globals" => Some(f.globals.clone()),
                "f_builtins" => Some(f.builtins.clone()),
                "f_locals" => {
                    if f.live.get() {
                        return Err(new_exc(
                            "SystemError",
                            "pymm cannot read the variables of a frame that is still running \
                             (use locals() inside it)",
                        ));
                    }
                    Some(crate::traceback::frame_locals(f)?)
                }
                "f_lineno" => Some(crate::int::from_i64(
                    crate::traceback::frame_lineno(f).into(),
                )?),
                // Before the first instruction (a `'call'` trace event): 0, CPython's
                // RESUME.
                "f_lasti" => Some(crate::int::from_i64(match f.lasti.get() {
                    u32::MAX => 0,
                    i => i64::from(i) * 2,
                })?),
                "f_trace" => Some(none()),
                _ => None,
            }
        }
        (Kind::Cell, "cell_contents") => match obj.downcast::<CellBody>().expect("cell").0.get() {
            Some(v) => Some(v),
            None => return Err(value_error("Cell is empty")),
        },
        (Kind::Super, _) => return crate::methods::super_getattr(o, name),
        (Kind::WeakRef, _) => crate::weakrefs::ref_attr(o, name),
        (Kind::Array, _) => return crate::array::attr(o, name),
        (Kind::MemoryView, _) => return crate::memoryview::attr(o, name),
        (Kind::GetSetDescr | Kind::MemberDescr, _) => return crate::typeobj::getset_attr(o, name),
        (
            Kind::MappingProxy,
            "get" | "keys" | "values" | "items" | "copy" | "__getitem__" | "__contains__"
            | "__len__" | "__iter__" | "__reversed__",
        ) => {
            let m = crate::typeobj::proxied_mapping(obj).expect("mappingproxy");
            return crate::typeobj::getattr_opt(&m, &crate::str::intern(name));
        }
        (Kind::DictView, "mapping") => {
            Some(obj.downcast::<DictViewBody>().expect("v").dict.clone())
        }
        _ => None,
    })
}

/// Whether `bytes` more bytes can be had at all. CPython builds an oversized result
/// (a padded string, a repeated sequence) with one allocation that fails with
/// `MemoryError`; pymm must fail the same way before Rust's infallible string
/// building would abort. Only sizes past 1 MiB are probed, with a reservation that is
/// never touched and is released at once.
pub fn check_alloc(bytes: usize) -> R<()> {
    if bytes < 1 << 20 {
        return Ok(());
    }
    let mut v: Vec<u8> = Vec::new();
    v.try_reserve_exact(bytes)
        .map_err(|_| crate::exc::memory_error())
}

/// The count of `seq * n` (`sq_repeat` takes a `Py_ssize_t`: a larger int is an
/// `OverflowError`; a negative count means 0).
pub fn repeat_count(n: Obj<'_>) -> R<usize> {
    crate::int::to_i64(n)
        .map(|v| v.max(0) as usize)
        .ok_or_else(|| {
            new_exc(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )
        })
}

/// `unit` repeated `n` times, or `MemoryError` when that much memory cannot be had
/// (what CPython's allocation failure gives; never an allocation abort).
pub fn try_repeat<T: Clone>(unit: &[T], n: usize) -> R<Vec<T>> {
    if unit.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let total = unit
        .len()
        .checked_mul(n)
        .ok_or_else(crate::exc::memory_error)?;
    let mut v = Vec::new();
    v.try_reserve_exact(total)
        .map_err(|_| crate::exc::memory_error())?;
    if let [x] = unit {
        v.resize(n, x.clone());
    } else {
        for _ in 0..n {
            v.extend_from_slice(unit);
        }
    }
    Ok(v)
}

/// `unicode_repeat` / `bytes_repeat`'s length check: a result longer than
/// `PY_SSIZE_T_MAX` is an `OverflowError` ("repeated string is too long").
fn check_repeat_len(len: usize, n: usize, what: &str) -> R<()> {
    if n > 0 && len > i64::MAX as usize / n {
        return Err(new_exc(
            "OverflowError",
            &format!("repeated {what} too long"),
        ));
    }
    Ok(())
}

/// Converts an object to `i64` for natives (`__index__`).
pub fn to_index(o: &ObjRef) -> R<i64> {
    if crate::int::is_int(o.as_obj()) {
        return crate::int::to_i64(o.as_obj()).ok_or_else(|| {
            new_exc(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )
        });
    }
    if let Some(f) = crate::typeobj::lookup_special(o, "__index__") {
        let r = call(&f, &[o.clone()])?;
        return to_index(&r);
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        obj_type_name(o)
    )))
}

/// [`to_index`] for an argument CPython reads as a C `int` (`"i"`) or `long` (`"l"`,
/// 64 bits here): the overflow names that type. `bits` is 32 or 64.
pub fn to_c_integer(o: &ObjRef, bits: u32) -> R<i64> {
    let name = if bits == 32 { "int" } else { "long" };
    let too_large = || {
        new_exc(
            "OverflowError",
            &format!("Python int too large to convert to C {name}"),
        )
    };
    let v = match to_index(o) {
        Err(e) if crate::exc::matches(&e.0, "OverflowError") => return Err(too_large()),
        r => r?,
    };
    if bits == 32 && i32::try_from(v).is_err() {
        return Err(too_large());
    }
    Ok(v)
}

/// Converts a number to `f64` (`__float__`).
pub fn to_f64(o: &ObjRef) -> R<f64> {
    match kind(o.as_obj()) {
        Kind::Float => Ok(float_val(o).unwrap_or(0.0)),
        Kind::Int | Kind::Bool => crate::int::to_f64(o.as_obj()),
        _ => {
            if let Some(f) = crate::typeobj::lookup_special(o, "__float__") {
                let r = call(&f, &[o.clone()])?;
                return to_f64(&r);
            }
            if let Some(f) = crate::typeobj::lookup_special(o, "__index__") {
                let r = call(&f, &[o.clone()])?;
                return to_f64(&r);
            }
            Err(type_error(format!(
                "must be real number, not {}",
                obj_type_name(o)
            )))
        }
    }
}

/// Helper for natives: the i-th argument or a keyword.
pub fn arg(args: &[ObjRef], kw: &Kw, i: usize, name: &str) -> Option<ObjRef> {
    args.get(i).cloned().or_else(|| kw.get(name))
}

/// `check_args` re-exported for the method tables.
pub fn nargs(name: &str, args: &[ObjRef], min: usize, max: usize) -> R<()> {
    check_args(name, args, min, max)
}

/// `int` conversion helper used by big-int natives.
pub fn big_to_usize(b: &num_bigint::BigInt) -> Option<usize> {
    b.to_usize()
}
