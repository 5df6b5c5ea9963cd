//! Calling: functions (argument binding as CPython's `_PyEval_MakeFrameVector`), bound
//! methods, native functions, classes (`type.__call__`), and callable instances.

use pymm_mem::ObjRef;

use crate::exc::{R, memory_error, new_exc, type_error};
use crate::object::*;
use crate::typeobj::{lookup_special, obj_type_name, tb};

/// Keyword arguments: `(name, value)` pairs in call order.
#[derive(Debug, Default)]
pub struct Kw(pub Vec<(ObjRef, ObjRef)>);

impl Kw {
    /// No keyword arguments.
    pub const EMPTY: Kw = Kw(Vec::new());
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The value of keyword `name`.
    pub fn get(&self, name: &str) -> Option<ObjRef> {
        self.0
            .iter()
            .find(|(k, _)| crate::str::as_str(k.as_obj()) == name)
            .map(|(_, v)| v.clone())
    }
}

/// The argument tuple and keyword dict CPython 3.11 builds to call an object that has
/// no vectorcall entry point (`_PyObject_MakeTpCall`): classes written in Python, the
/// built-in types without `tp_vectorcall` (`str`, `int`, `bytes`, ...), instances with
/// `__call__`, and C functions declared `METH_VARARGS`. Holding them for the duration
/// of the call reproduces what a program can observe of them: the tuple and dict free
/// lists they go back to (so `gc.get_count()` moves as in CPython) and the reference
/// the tuple holds to each argument. An empty tuple is CPython's shared singleton and
/// an empty keyword dict is not built, so neither costs anything.
#[derive(Debug, Default)]
pub struct TpCallArgs {
    /// The positional arguments, when there are any (released first, as CPython does).
    pub tuple: Option<ObjRef>,
    /// The keyword arguments, when there are any.
    pub dict: Option<ObjRef>,
}

thread_local! {
    /// The tuple and dict a `CALL_FUNCTION_EX` already holds for the call it is making:
    /// CPython hands them straight to `tp_call`, so the callee must not build its own.
    static PREBUILT: std::cell::RefCell<Option<TpCallArgs>> = const { std::cell::RefCell::new(None) };
}

impl TpCallArgs {
    /// Offers `args` (the call's tuple and dict) to the next [`TpCallArgs::new`] whose
    /// arguments are exactly these objects; [`TpCallArgs::clear_offer`] withdraws it.
    pub fn offer(args: TpCallArgs) {
        PREBUILT.with(|p| *p.borrow_mut() = Some(args));
    }

    /// Withdraws what [`TpCallArgs::offer`] left unused.
    pub fn clear_offer() {
        if let Some(unused) = PREBUILT.with(|p| p.borrow_mut().take()) {
            drop(unused);
        }
    }

    /// The tuple of `args` and the dict of `kw`.
    pub fn new(args: &[ObjRef], kw: &Kw) -> R<TpCallArgs> {
        if let Some(p) = PREBUILT.with(|p| p.borrow_mut().take()) {
            let items = p
                .tuple
                .as_ref()
                .map_or(&[][..], |t| crate::seq::tuple_items(t.as_obj()));
            let same = items.len() == args.len()
                && items.iter().zip(args).all(|(a, b)| a.is(b))
                && p.dict.as_ref().map_or(0, |d| crate::dict::len(d.as_obj())) == kw.0.len();
            if same {
                return Ok(p);
            }
        }
        let tuple = if args.is_empty() {
            None
        } else {
            Some(crate::seq::new_tuple_cloned(args)?)
        };
        let dict = if kw.is_empty() {
            None
        } else {
            let d = crate::dict::try_new_dict()?;
            for (k, v) in &kw.0 {
                crate::dict::set(d.as_obj(), k.clone(), v.clone())?;
            }
            Some(d)
        };
        Ok(TpCallArgs { tuple, dict })
    }

    /// For a bound native method: `args[0]` is `self`, which the tuple does not hold.
    pub fn method(args: &[ObjRef], kw: &Kw) -> R<TpCallArgs> {
        TpCallArgs::new(args.get(1..).unwrap_or(&[]), kw)
    }
}

/// The argument parsers of CPython 3.11's Argument Clinic functions that take keyword
/// arguments build, on their first call, a tuple of their keyword names
/// (`_PyArg_Parser.kwtuple`) and keep it for the life of the process: a GC allocation
/// the first `print()` (or `sorted()`, `list.sort()`) of a program makes. `parser` names
/// the function; the tuple is made once per thread and never released.
pub fn clinic_parser_init(parser: &'static str, keywords: &[&str]) -> R<()> {
    thread_local! {
        static PARSERS: std::mem::ManuallyDrop<std::cell::RefCell<Vec<(&'static str, ObjRef)>>> =
            const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(Vec::new())) };
    }
    let known = PARSERS.with(|p| p.borrow().iter().any(|(n, _)| *n == parser));
    if known {
        return Ok(());
    }
    let names = keywords.iter().map(|k| crate::str::intern(k)).collect();
    let t = crate::seq::new_tuple(names)?;
    PARSERS.with(|p| p.borrow_mut().push((parser, t)));
    Ok(())
}

/// The keyword-names tuple CPython builds when it passes a keyword dict on to a
/// vectorcall function (`_PyStack_UnpackDict`, as `slot_tp_init` and `slot_tp_new` do
/// for `__init__` and `__new__` written in Python). `None` without keywords.
pub fn kwnames_tuple(kw: &Kw) -> R<Option<ObjRef>> {
    if kw.is_empty() {
        return Ok(None);
    }
    crate::seq::new_tuple(kw.0.iter().map(|(k, _)| k.clone()).collect()).map(Some)
}

/// A native function object.
pub fn new_builtin(name: &'static str, func: NativeFn, owner: &'static str) -> ObjRef {
    let o = ObjRef::new(
        &BUILTIN_T,
        BuiltinBody {
            def: NativeDef::get(name, func, owner),
            bound: OptSlot::default(),
            module: OptSlot::default(),
            weaklist: Default::default(),
            func,
        },
    )
    .expect("out of memory creating a builtin");
    o.track();
    o
}

/// A native method bound to `this`.
pub fn bind_builtin(f: &ObjRef, this: ObjRef) -> R {
    let b = f.as_obj().downcast::<BuiltinBody>().expect("builtin");
    let o = ObjRef::new(
        &BUILTIN_T,
        BuiltinBody {
            def: b.def,
            bound: OptSlot::new(Some(this)),
            module: OptSlot::default(),
            weaklist: Default::default(),
            func: b.func,
        },
    )
    .map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// A class method bound to class `cls`: a built-in one becomes a built-in method of the
/// type object (`classmethod_descriptor`'s binding: `dict.fromkeys` is
/// `<built-in method fromkeys of type object ...>`), others a bound method.
pub fn bind_classmethod(func: ObjRef, cls: ObjRef) -> R {
    if kind(func.as_obj()) == Kind::BuiltinFunction
        && func
            .as_obj()
            .downcast::<BuiltinBody>()
            .is_some_and(|b| b.bound.get().is_none())
    {
        return bind_builtin(&func, cls);
    }
    new_method(func, cls)
}

/// A bound method.
pub fn new_method(func: ObjRef, this: ObjRef) -> R {
    let vectorcall = if kind(func.as_obj()) == Kind::Function {
        method_call_function
    } else {
        method_call_other
    };
    let o = ObjRef::new(
        &METHOD_T,
        MethodBody {
            func,
            this,
            weaklist: Default::default(),
            vectorcall,
        },
    )
    .map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// The call of a method whose function is written in Python: `self` and the arguments
/// move into the function's frame.
fn method_call_function(m: &MethodBody, mut args: Vec<ObjRef>, kw: Kw) -> R {
    args.insert(0, m.this.clone());
    crate::frame::call_function_owned(&m.func, args, kw)
}

/// The call of a method whose function is any other callable.
fn method_call_other(m: &MethodBody, mut args: Vec<ObjRef>, kw: Kw) -> R {
    args.insert(0, m.this.clone());
    call_owned_kw(&m.func, args, kw)
}

/// `f(*args)`.
#[inline]
pub fn call(f: &ObjRef, args: &[ObjRef]) -> R {
    call_kw(f, args, &Kw::EMPTY)
}

/// `f(*args, **kw)`.
pub fn call_kw(f: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let o = f.as_obj();
    match kind(o) {
        Kind::Function => crate::frame::call_function(f, args, kw),
        Kind::BuiltinFunction => {
            let b = o.downcast::<BuiltinBody>().expect("builtin");
            match b.bound.get() {
                Some(this) => {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(this);
                    v.extend_from_slice(args);
                    (b.func)(&v, kw)
                }
                None => (b.func)(args, kw),
            }
        }
        Kind::Method => {
            let m = o.downcast::<MethodBody>().expect("method");
            let mut v = Vec::with_capacity(args.len() + 1);
            v.extend_from_slice(args);
            (m.vectorcall)(m, v, Kw(kw.0.clone()))
        }
        Kind::Type => type_call(f, args, kw),
        Kind::WeakRef => crate::weakrefs::call_ref(f, args, kw),
        Kind::WeakCallableProxy => call_kw(&crate::weakrefs::unproxy(f)?, args, kw),
        _ => match lookup_special(f, "__call__") {
            Some(c) => {
                // `slot_tp_call` is reached through `tp_call`.
                let _tp = TpCallArgs::new(args, kw)?;
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(f.clone());
                v.extend_from_slice(args);
                call_kw(&c, &v, kw)
            }
            None => Err(type_error(format!(
                "'{}' object is not callable",
                obj_type_name(f)
            ))),
        },
    }
}

/// `f(*args, **kw)` handing the argument vector over: Python functions move it into
/// their frame.
pub fn call_owned(f: &ObjRef, args: Vec<ObjRef>, kw: &Kw) -> R {
    let o = f.as_obj();
    match kind(o) {
        Kind::Function => crate::frame::call_function_owned(f, args, Kw(kw.0.clone())),
        Kind::Method => {
            let m = o.downcast::<MethodBody>().expect("method");
            (m.vectorcall)(m, args, Kw(kw.0.clone()))
        }
        _ => call_kw(f, &args, kw),
    }
}

/// `f(*args, **kw)` handing both the positional and the keyword arguments over (a
/// Python function moves them into its frame, as CPython's vectorcall does).
pub fn call_owned_kw(f: &ObjRef, args: Vec<ObjRef>, kw: Kw) -> R {
    let o = f.as_obj();
    match kind(o) {
        Kind::Function => {
            let fb = o.downcast::<FunctionBody>().expect("function");
            (fb.vectorcall)(f, args, kw)
        }
        Kind::Method => {
            let m = o.downcast::<MethodBody>().expect("method");
            (m.vectorcall)(m, args, kw)
        }
        _ => call_kw(f, &args, &kw),
    }
}

/// Whether `callable(o)`.
pub fn is_callable(o: &ObjRef) -> bool {
    matches!(
        kind(o.as_obj()),
        Kind::Function
            | Kind::BuiltinFunction
            | Kind::Method
            | Kind::Type
            | Kind::WeakRef
            | Kind::WeakCallableProxy
    ) || lookup_special(o, "__call__").is_some()
}

/// `OSError(errno, ...)` makes the subclass for that errno (PEP 3151).
pub(crate) fn oserror_subclass(cls: &ObjRef, args: &[ObjRef]) -> Option<ObjRef> {
    if args.len() < 2
        || tb(cls.as_obj()).base_kind != Kind::BaseException
        || !cls.is(&crate::exc::exc_type("OSError"))
    {
        return None;
    }
    let name = match crate::int::to_i64(args[0].as_obj())? {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    };
    Some(crate::exc::exc_type(name))
}

/// `type.__call__(cls, *args, **kw)`.
fn type_call(cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if let Some(sub) = oserror_subclass(cls, args) {
        return type_call(&sub, args, kw);
    }
    if tb(cls.as_obj()).base_kind == Kind::BaseException
        && crate::typeobj::is_subtype(
            cls.as_obj(),
            crate::exc::exc_type("BaseExceptionGroup").as_obj(),
        )
    {
        // `BaseExceptionGroup_new`'s checks; BaseExceptionGroup of Exceptions only makes
        // an ExceptionGroup.
        let t = crate::seq::new_tuple_cloned(args)?;
        let made = crate::exc::eg_helper("new_check", &[cls.clone(), t])?;
        if !made.is(cls) {
            return type_call(&made, args, kw);
        }
    }
    // A metaclass that defines __call__ in Python takes over instance creation.
    let meta = crate::typeobj::type_of(cls.as_obj());
    if tb(meta.as_obj()).is_heap
        && let Some(c) =
            crate::typeobj::lookup(meta.as_obj(), &crate::str::intern_static("__call__"))
        && kind(c.as_obj()) == Kind::Function
    {
        // `slot_tp_call`, reached through `tp_call`.
        let _tp = TpCallArgs::new(args, kw)?;
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(cls.clone());
        v.extend_from_slice(args);
        return call_kw(&c, &v, kw);
    }
    type_call_default(cls, args, kw)
}

/// `type.__call__(cls, *args, **kw)`: `__new__` then `__init__` (what a metaclass's
/// `super().__call__()` reaches).
pub fn type_call_default(cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let t = tb(cls.as_obj());
    if !t.is_heap
        && let Some(ctor) = crate::builtins::constructor(cls)
    {
        // The built-in types without `tp_vectorcall` in CPython 3.11 are called through
        // `tp_call` with an argument tuple; the others (list, dict, float, range, ...)
        // take the arguments from the stack.
        let _tp = if matches!(
            t.base_kind,
            Kind::Str
                | Kind::Int
                | Kind::Bytes
                | Kind::ByteArray
                | Kind::Complex
                | Kind::Slice
                | Kind::MemoryView
                | Kind::Property
                | Kind::StaticMethod
                | Kind::ClassMethod
        ) {
            TpCallArgs::new(args, kw)?
        } else {
            TpCallArgs::default()
        };
        return ctor(cls, args, kw);
    }
    if !t.is_heap
        && !matches!(t.base_kind, Kind::BaseException | Kind::Type)
        && crate::builtins::constructor_for_kind(t.base_kind).is_none()
    {
        // A built-in type with no constructor (CPython's `tp_new` is NULL): iterators,
        // generators, frames, built-in functions, `random.Random`'s generator state.
        return Err(type_error(format!(
            "cannot create '{}' instances",
            crate::typeobj::type_name(cls.as_obj())
        )));
    }
    // Metaclass call: type(name, bases, ns) goes through the class machinery.
    if t.base_kind == Kind::Type {
        // `type_vectorcall` only serves `type(x)`; other calls of a metaclass go through
        // `tp_call` with an argument tuple.
        let _tp = if args.len() == 1 && kw.is_empty() && !t.is_heap {
            TpCallArgs::default()
        } else {
            TpCallArgs::new(args, kw)?
        };
        return crate::builtins::type_new(cls, args, kw);
    }
    // Classes have no vectorcall entry point in CPython 3.11: `type_call` gets a tuple.
    let tp = TpCallArgs::new(args, kw)?;
    // A `__new__` written in Python (possibly wrapped as a staticmethod) runs first;
    // otherwise the instance is allocated with the solid base's layout.
    let user_new = lookup_special_on_type(cls, "__new__")
        .map(|n| match kind(n.as_obj()) {
            Kind::StaticMethod => n.as_obj().downcast::<WrapperBody>().expect("sm").0.get(),
            _ => n,
        })
        .filter(|f| kind(f.as_obj()) == Kind::Function);
    let obj = match user_new {
        Some(f) => {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(cls.clone());
            v.extend_from_slice(args);
            let _names = kwnames_tuple(kw)?;
            call_owned_kw(&f, v, Kw(kw.0.clone()))?
        }
        None => {
            if t.base_kind != Kind::Object
                && t.base_kind != Kind::BaseException
                && let Some(ctor) = crate::builtins::constructor_for_kind(t.base_kind)
            {
                let o = crate::methods::new_builtin_subclass_instance(cls, ctor, args, kw)?;
                return finish_init(o, cls, args, kw);
            }
            crate::typeobj::alloc_instance(cls)?
        }
    };
    if !crate::typeobj::is_subtype(crate::typeobj::type_of(obj.as_obj()).as_obj(), cls.as_obj()) {
        return Ok(obj);
    }
    if t.base_kind == Kind::BaseException
        && let Some(b) = obj.as_obj().downcast::<ExcBody>()
    {
        // `BaseException_new` keeps the call's own tuple as `args`.
        b.args.set(match &tp.tuple {
            Some(t) => t.clone(),
            None => crate::seq::new_tuple(Vec::new())?,
        });
        crate::exc::os_error_parse(&obj)?;
        crate::exc::import_error_parse(&obj, kw)?;
        crate::exc::name_members_parse(&obj, kw)?;
        // `BaseException_init` takes no keywords (ImportError's, AttributeError's and
        // NameError's own inits take some).
        if !kw.is_empty()
            && !crate::exc::takes_keywords(&obj)
            && lookup_special_on_type(cls, "__init__")
                .is_none_or(|i| kind(i.as_obj()) != Kind::Function)
        {
            return Err(type_error(format!(
                "{}() takes no keyword arguments",
                crate::typeobj::type_name(cls.as_obj())
            )));
        }
    }
    finish_init(obj, cls, args, kw)
}

fn finish_init(obj: ObjRef, cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if let Some(init) = lookup_special_on_type(cls, "__init__")
        && kind(init.as_obj()) == Kind::Function
    {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(obj.clone());
        v.extend_from_slice(args);
        let names = kwnames_tuple(kw)?;
        let r = call_owned_kw(&init, v, Kw(kw.0.clone()))?;
        drop(names);
        check_init_result(&r)?;
    } else if (!args.is_empty() || !kw.is_empty())
        && tb(cls.as_obj()).base_kind == Kind::Object
        && lookup_special_on_type(cls, "__new__")
            .is_none_or(|n| kind(n.as_obj()) == Kind::BuiltinFunction)
    {
        return Err(type_error(format!(
            "{}() takes no arguments",
            crate::typeobj::type_name(cls.as_obj())
        )));
    }
    Ok(obj)
}

/// `type_call`'s check of what `__init__` returned.
pub fn check_init_result(r: &ObjRef) -> R<()> {
    if kind(r.as_obj()) != Kind::NoneType {
        return Err(type_error(format!(
            "__init__() should return None, not '{}'",
            obj_type_name(r)
        )));
    }
    Ok(())
}

fn lookup_special_on_type(cls: &ObjRef, name: &'static str) -> Option<ObjRef> {
    crate::typeobj::lookup(cls.as_obj(), &crate::str::intern_static(name))
}

/// Checks a native function's positional argument count.
pub fn check_args(name: &str, args: &[ObjRef], min: usize, max: usize) -> R<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({} given)", args.len()),
                1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
                _ => format!("{name} expected {min} arguments, got {}", args.len()),
            }
        } else if args.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(type_error(msg));
    }
    Ok(())
}

/// Rejects keyword arguments for natives that take none.
pub fn no_kw(name: &str, kw: &Kw) -> R<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(new_exc(
            "TypeError",
            &format!("{name}() takes no keyword arguments"),
        ))
    }
}
