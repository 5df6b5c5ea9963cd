//! The instruction set: one [`Instr`] per executed step, eight bytes each.
//!
//! Modelled on CPython 3.11's `Include/opcode.h` / `Python/ceval.c`
//! semantics (see the `dis` documentation of 3.11), with these differences:
//!
//! * Operands are full `u32`s inside the enum, so there is no `EXTENDED_ARG`
//!   and no `CACHE` entries; the VM may keep inline caches in a side table
//!   indexed by instruction position.
//! * Jump operands are **absolute instruction indexes** (not byte offsets,
//!   not relative), for forward and backward jumps alike.
//! * `PRECALL`, `RESUME`, `JUMP_BACKWARD_NO_INTERRUPT` and the `CACHE`
//!   pseudo-ops do not exist: a call is just [`Instr::Call`].
//! * Cell and free variables are addressed by a *deref index* into
//!   `cellvars ++ freevars` (not CPython's `localsplus` index).
//!
//! Stack notation in the docs: `[a, b] -> [c]` means the instruction pops `b`
//! (top of stack) then `a`, and pushes `c`. `NULL` is the VM's "no value"
//! marker that CPython 3.11 pushes for calls (`PUSH_NULL`).

/// A binary operator for [`Instr::BinaryOp`], CPython's `NB_*` order
/// (`Include/opcode.h`, 3.11): the in-place variants try `__iadd__` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum BinaryOperator {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
    InplaceAdd,
    InplaceAnd,
    InplaceFloorDivide,
    InplaceLshift,
    InplaceMatrixMultiply,
    InplaceMultiply,
    InplaceRemainder,
    InplaceOr,
    InplacePower,
    InplaceRshift,
    InplaceSubtract,
    InplaceTrueDivide,
    InplaceXor,
}

impl BinaryOperator {
    /// The operator's source spelling (`+`, `+=`, ...), as `dis` prints it.
    pub fn symbol(self) -> &'static str {
        use BinaryOperator::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }

    /// Whether this is an in-place (augmented assignment) variant.
    pub fn is_inplace(self) -> bool {
        (self as u8) >= (BinaryOperator::InplaceAdd as u8)
    }
}

/// A rich comparison for [`Instr::CompareOp`] (CPython's `Py_LT` ... `Py_GE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum ComparisonOperator {
    Less,
    LessEqual,
    Equal,
    NotEqual,
    Greater,
    GreaterEqual,
}

impl ComparisonOperator {
    /// Source spelling.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Less => "<",
            Self::LessEqual => "<=",
            Self::Equal => "==",
            Self::NotEqual => "!=",
            Self::Greater => ">",
            Self::GreaterEqual => ">=",
        }
    }
}

/// Conversion applied by [`Instr::FormatValue`] before formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Conversion {
    /// No conversion.
    None,
    /// `!s`: `str(value)`.
    Str,
    /// `!r`: `repr(value)`.
    Repr,
    /// `!a`: `ascii(value)`.
    Ascii,
}

/// `MAKE_FUNCTION` flag: a tuple of positional defaults is on the stack.
pub const MAKE_FUNCTION_DEFAULTS: u8 = 0x01;
/// `MAKE_FUNCTION` flag: a dict of keyword-only defaults is on the stack.
pub const MAKE_FUNCTION_KWDEFAULTS: u8 = 0x02;
/// `MAKE_FUNCTION` flag: an annotations tuple `(name, value, name, value, ...)`
/// is on the stack (CPython 3.11's layout).
pub const MAKE_FUNCTION_ANNOTATIONS: u8 = 0x04;
/// `MAKE_FUNCTION` flag: a tuple of cells for the free variables is on the stack.
pub const MAKE_FUNCTION_CLOSURE: u8 = 0x08;

/// One bytecode instruction. `Copy`, at most eight bytes (asserted below).
///
/// Jump targets (`target`) are absolute indexes into
/// [`CodeObject::instructions`](crate::CodeObject::instructions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    /// Does nothing. `[] -> []`
    Nop,
    /// Discards the top of stack. `[a] -> []`
    PopTop,
    /// Pushes the `NULL` call marker. `[] -> [NULL]`
    PushNull,
    /// Pushes a copy of the `n`-th item (1 = top). `[.., x, ..] -> [.., x, .., x]`
    Copy(u32),
    /// Swaps the top with the `n`-th item (n >= 2). `[x, .., y] -> [y, .., x]`
    Swap(u32),

    // ---- constants and variables -------------------------------------
    /// Pushes `consts[i]`. `[] -> [value]`
    LoadConst(u32),
    /// Pushes local `varnames[i]`; `UnboundLocalError` if unbound. `[] -> [value]`
    LoadFast(u32),
    /// Pops into local `varnames[i]`. `[value] -> []`
    StoreFast(u32),
    /// Unbinds local `varnames[i]` (`UnboundLocalError` if unbound). `[] -> []`
    DeleteFast(u32),
    /// Creates a new cell for deref slot `i` (a cellvar). If that cellvar is an
    /// argument (see `CodeObject::cell2arg`), the cell starts out holding the
    /// argument's value. Emitted at the start of the code. `[] -> []`
    MakeCell(u32),
    /// Copies the function's closure cells into deref slots
    /// `ncellvars..ncellvars+n` (CPython's `COPY_FREE_VARS`). `[] -> []`
    CopyFreeVars(u32),
    /// Pushes the *cell object* in deref slot `i` (for building closures).
    /// `[] -> [cell]`
    LoadClosure(u32),
    /// Pushes the contents of the cell in deref slot `i`; `NameError` /
    /// `UnboundLocalError` if empty. `[] -> [value]`
    LoadDeref(u32),
    /// Class bodies only: looks name `freevars`-name of deref slot `i` up in the
    /// class namespace first, then in the cell. `[] -> [value]`
    LoadClassDeref(u32),
    /// Stores into the cell in deref slot `i`. `[value] -> []`
    StoreDeref(u32),
    /// Empties the cell in deref slot `i`. `[] -> []`
    DeleteDeref(u32),
    /// Pushes `names[i]` from the globals, then the builtins. `[] -> [value]`
    LoadGlobal(u32),
    /// Superinstruction `PUSH_NULL; LOAD_GLOBAL i` (CPython 3.11's
    /// `LOAD_GLOBAL` with the low oparg bit set), the common start of a call
    /// to a global function. `[] -> [NULL, value]`
    LoadGlobalNull(u32),
    /// Stores `names[i]` in the globals. `[value] -> []`
    StoreGlobal(u32),
    /// Deletes `names[i]` from the globals. `[] -> []`
    DeleteGlobal(u32),
    /// Pushes `names[i]` looked up in locals, globals, builtins. `[] -> [value]`
    LoadName(u32),
    /// Stores `names[i]` in the locals mapping. `[value] -> []`
    StoreName(u32),
    /// Deletes `names[i]` from the locals mapping. `[] -> []`
    DeleteName(u32),

    // ---- attributes and items ------------------------------------------
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `obj.names[i] = value`. `[value, obj] -> []`
    StoreAttr(u32),
    /// `del obj.names[i]`. `[obj] -> []`
    DeleteAttr(u32),
    /// Looks up method `names[i]`: `[obj] -> [meth, obj]` when it is a plain
    /// function found on the type (unbound-method optimisation), otherwise
    /// `[obj] -> [NULL, obj.names[i]]`. Always followed (after the arguments)
    /// by [`Instr::Call`].
    LoadMethod(u32),
    /// `[container, key] -> [container[key]]`
    BinarySubscr,
    /// `container[key] = value`. `[value, container, key] -> []`
    StoreSubscr,
    /// `del container[key]`. `[container, key] -> []`
    DeleteSubscr,

    // ---- operators -------------------------------------------------------
    /// `[a, b] -> [a op b]`
    BinaryOp(BinaryOperator),
    /// `[a] -> [+a]`
    UnaryPositive,
    /// `[a] -> [-a]`
    UnaryNegative,
    /// `[a] -> [not a]` (always a bool)
    UnaryNot,
    /// `[a] -> [~a]`
    UnaryInvert,
    /// `[a, b] -> [a op b]` (rich comparison, result may be any object)
    CompareOp(ComparisonOperator),
    /// `[a, b] -> [a is b]`, or `is not` when the flag is `true`.
    IsOp(bool),
    /// `[a, b] -> [a in b]`, or `not in` when the flag is `true`.
    ContainsOp(bool),

    // ---- building ---------------------------------------------------------
    /// `[x1..xn] -> [(x1, .., xn)]`
    BuildTuple(u32),
    /// `[x1..xn] -> [[x1, .., xn]]`
    BuildList(u32),
    /// `[x1..xn] -> [{x1, .., xn}]`
    BuildSet(u32),
    /// `[k1, v1, .., kn, vn] -> [{k1: v1, ..}]`
    BuildMap(u32),
    /// `[v1..vn, keys_tuple] -> [dict(zip(keys, values))]`
    BuildConstKeyMap(u32),
    /// Concatenates `n` strings. `[s1..sn] -> [s1 + .. + sn]`
    BuildString(u32),
    /// `[start, stop] -> [slice(start, stop)]` for 2,
    /// `[start, stop, step] -> [slice(..)]` for 3.
    BuildSlice(u32),
    /// Appends TOS to the list at `stack[-i]` (after popping). `[.., list, .., v] -> [.., list, ..]`
    ListAppend(u32),
    /// Adds TOS to the set at `stack[-i]` (after popping).
    SetAdd(u32),
    /// `[.., dict, .., k, v] -> [.., dict, ..]`; `dict[k] = v` with the dict at `stack[-i]` after popping.
    MapAdd(u32),
    /// `list.extend(iterable)`, list at `stack[-i]` after popping. `[.., iterable] -> [..]`
    ListExtend(u32),
    /// `set.update(iterable)`, set at `stack[-i]` after popping.
    SetUpdate(u32),
    /// `dict.update(mapping)`, dict at `stack[-i]` after popping.
    DictUpdate(u32),
    /// Like `DictUpdate` but raises on duplicate keys (for `f(**a, **b)`).
    /// The callable is at `stack[-i-2]` (for the error message).
    DictMerge(u32),
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[seq] -> [xn, .., x1]` (x1 on top), exactly `n` items or `ValueError`.
    UnpackSequence(u32),
    /// Star-unpacking `a, *b, c = seq`: `before` items, a list, `after` items;
    /// the first item ends on top. `[seq] -> [after.., list, before..]`
    UnpackEx {
        /// Items before the starred target.
        before: u16,
        /// Items after the starred target.
        after: u16,
    },

    // ---- calls and functions ------------------------------------------
    /// CPython 3.11 `CALL`: the stack is `[A, B, arg1..argn]`. If `A` is
    /// `NULL` the callable is `B` and the arguments are `arg1..argn`;
    /// otherwise the callable is `A` and the arguments are `B, arg1..argn`
    /// (method calls after [`Instr::LoadMethod`], decorators, comprehension
    /// calls and `with` exits use this). If the previous instruction was
    /// [`Instr::KwNames`], the last `len(kwnames)` arguments are keyword
    /// arguments. `[A, B, args..] -> [result]`
    Call(u32),
    /// Records `consts[i]` (a tuple of str) as the keyword names of the
    /// immediately following `Call`. `[] -> []`
    KwNames(u32),
    /// `f(*args, **kwargs)`: `[NULL, callable, args_tuple] -> [result]`, or with
    /// the flag `[NULL, callable, args_tuple, kwargs_dict] -> [result]`.
    /// (`A` may be non-`NULL`, meaning the same as for `Call`.)
    CallFunctionEx(bool),
    /// Builds a function from the code object on top, with the extra items
    /// selected by the `MAKE_FUNCTION_*` flags below it, in the order
    /// defaults, kwdefaults, annotations, closure (bottom to top).
    /// `[extras.., code] -> [function]`
    MakeFunction(u8),
    /// Returns TOS to the caller. `[value] -> (frame exits)`
    ReturnValue,
    /// Pushes `builtins.__build_class__`. `[] -> [func]`
    LoadBuildClass,
    /// Creates a generator / coroutine object for the current frame and
    /// returns it; when the generator is first resumed execution continues
    /// after this instruction with the sent value (`None`) pushed. First
    /// instruction of every generator (followed by `PopTop`). Stack effect
    /// on the resumed path: `[] -> [sent]`.
    ReturnGenerator,
    /// Suspends a generator, yielding TOS; on resumption pushes the value sent
    /// in. `[value] -> [sent]`
    YieldValue,
    /// `yield from`/`await` driver: `[receiver, value] -> [receiver, yielded]`
    /// when the sub-iterator yields (falls through to `YieldValue`), or
    /// `[receiver, value] -> [return_value]` and jumps to `target` when it
    /// returns. While suspended at the following `YieldValue`, the receiver
    /// at `stack[-2]` is the delegate for `throw()`/`close()`.
    Send(u32),
    /// `[iterable] -> [iter(iterable)]`, except a generator or coroutine is
    /// left alone (`yield from`).
    GetYieldFromIter,
    /// `[obj] -> [awaitable]` (`__await__`); operand: 0 plain, 1 after
    /// `__aenter__`, 2 after `__aexit__` (error wording).
    GetAwaitable(u32),
    /// `[obj] -> [obj.__aiter__()]`
    GetAIter,
    /// `[aiter] -> [aiter, awaitable(aiter.__anext__())]`
    GetANext,
    /// Ends an `async for`: `[aiter, exc] -> []` if `exc` is
    /// `StopAsyncIteration`, else re-raises it.
    EndAsyncFor,
    /// `[mgr] -> [bound __aexit__, awaitable(__aenter__())]`
    BeforeAsyncWith,
    /// Wraps the yielded value of an async generator. `[v] -> [wrapped]`
    AsyncGenWrap,

    // ---- iteration and jumps ---------------------------------------------
    /// `[obj] -> [iter(obj)]`
    GetIter,
    /// `[iter] -> [iter, next(iter)]`; when exhausted pops the iterator and
    /// jumps to `target`.
    ForIter(u32),
    /// Unconditional jump. Any jump whose target is not after the jump
    /// itself is a backward jump (loops): that is where the VM checks its
    /// eval breaker. Conditional jumps can be backward too (the bottom test
    /// of a `while` loop).
    Jump(u32),
    /// `[v] -> []`, jumps if `v` is false.
    PopJumpIfFalse(u32),
    /// `[v] -> []`, jumps if `v` is true.
    PopJumpIfTrue(u32),
    /// `[v] -> []`, jumps if `v is None`.
    PopJumpIfNone(u32),
    /// `[v] -> []`, jumps if `v is not None`.
    PopJumpIfNotNone(u32),
    /// If TOS is true jump, keeping it; else pop it. (`or`)
    JumpIfTrueOrPop(u32),
    /// If TOS is false jump, keeping it; else pop it. (`and`)
    JumpIfFalseOrPop(u32),

    // ---- exceptions -------------------------------------------------------
    /// `raise`: 0 = re-raise the active exception, 1 = `[exc] -> raise exc`,
    /// 2 = `[exc, cause] -> raise exc from cause`.
    RaiseVarargs(u32),
    /// `[.., exc] -> raise exc` keeping its traceback. If `n > 0`, after
    /// popping `exc` the frame's `lasti` is restored from `stack[-n]` (an int
    /// pushed by a lasti-handler entry).
    Reraise(u32),
    /// Handler entry: `[exc] -> [prev_exc_info, exc]` and makes `exc` the
    /// handled exception (`sys.exc_info()`).
    PushExcInfo,
    /// `[prev_exc_info] -> []`, restoring it as the handled exception.
    PopExcept,
    /// `[exc, type] -> [exc, isinstance-match(exc, type)]` (validates `type`).
    CheckExcMatch,
    /// `except*` matching: `[exc, type] -> [rest, match]` when part of the
    /// exception group matches (`exc.split(type)`; `rest` may be `None`),
    /// or `[exc, type] -> [exc, None]` when nothing matches.
    CheckEgMatch,
    /// End of an `except*` block: `[orig, raised_list] -> [exc_or_None]`,
    /// the exception group to re-raise (CPython's `PREP_RERAISE_STAR`).
    PrepReraiseStar,
    /// Pushes `AssertionError`. `[] -> [AssertionError]`
    LoadAssertionError,
    /// `[mgr] -> [bound __exit__, mgr.__enter__()]`
    BeforeWith,
    /// In a `with` handler: `[exit, lasti, prev_exc, exc] -> [exit, lasti,
    /// prev_exc, exc, exit(type(exc), exc, exc.__traceback__)]`.
    WithExceptStart,

    // ---- imports -----------------------------------------------------------
    /// `[level, fromlist] -> [module]`: `__import__(names[i], globals, locals,
    /// fromlist, level)`.
    ImportName(u32),
    /// `[module] -> [module, module.names[i]]` (falling back to the submodule
    /// in `sys.modules`; `ImportError` when missing).
    ImportFrom(u32),
    /// `from m import *` into the locals. `[module] -> []`
    ImportStar,

    // ---- pattern matching (`match`) ----------------------------------------
    /// `[obj] -> [obj, len(obj)]`
    GetLen,
    /// `[subject] -> [subject, is_mapping(subject)]` (`Py_TPFLAGS_MAPPING`).
    MatchMapping,
    /// `[subject] -> [subject, is_sequence(subject)]` (`Py_TPFLAGS_SEQUENCE`,
    /// never for str/bytes/bytearray).
    MatchSequence,
    /// `[subject, keys] -> [subject, keys, values_tuple_or_None]`: looks every
    /// key up in the mapping `subject` (via `get`).
    MatchKeys,
    /// Class pattern with `n` positional sub-patterns:
    /// `[subject, cls, kw_names] -> [attrs_tuple_or_None]` using
    /// `__match_args__` for the positional ones.
    MatchClass(u32),

    // ---- misc -------------------------------------------------------------
    /// `[value, fmt_spec?] -> [str]`: `format(conv(value), fmt_spec)`. The
    /// spec is present iff the flag is `true`.
    FormatValue(Conversion, bool),
    /// `Mode::Single` only: `[value] -> []`, calls `sys.displayhook(value)`.
    PrintExpr,
    /// Creates `__annotations__ = {}` in the locals if missing. `[] -> []`
    SetupAnnotations,

    // ---- superinstructions ------------------------------------------------
    // Never emitted by the compiler: [`quicken`] puts one in place of the first of two
    // instructions (CPython 3.11's `LOAD_FAST__LOAD_FAST` and relatives). It does the
    // work of both and continues after the second, which stays in place for jumps to
    // it; an error in the second part is reported at the second's position.
    /// `LOAD_FAST a; LOAD_FAST b`
    LoadFastLoadFast(u16, u16),
    /// `LOAD_FAST a; LOAD_CONST c`
    LoadFastLoadConst(u16, u16),
    /// `LOAD_FAST a; LOAD_ATTR name`
    LoadFastLoadAttr(u16, u16),
    /// `LOAD_FAST a; LOAD_METHOD name`
    LoadFastLoadMethod(u16, u16),
    /// `STORE_FAST a; LOAD_FAST b`
    StoreFastLoadFast(u16, u16),
    /// `STORE_FAST a; STORE_FAST b`
    StoreFastStoreFast(u16, u16),
    /// `LOAD_CONST c; BINARY_OP op`
    LoadConstBinaryOp(u16, BinaryOperator),
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 8);

/// The instructions with superinstructions in place of the first of each fusable pair
/// (operands that do not fit in 16 bits are left alone). Every position keeps an
/// instruction that does its original work from there, so jump targets, exception
/// tables and line tables stay valid.
pub fn quicken(code: &[Instr]) -> Vec<Instr> {
    use Instr::*;
    let mut out = code.to_vec();
    for (i, pair) in code.windows(2).enumerate() {
        let small = |x: u32| u16::try_from(x).ok();
        let fused = match (pair[0], pair[1]) {
            (LoadFast(a), LoadFast(b)) => {
                small(a).zip(small(b)).map(|(a, b)| LoadFastLoadFast(a, b))
            }
            (LoadFast(a), LoadConst(b)) => {
                small(a).zip(small(b)).map(|(a, b)| LoadFastLoadConst(a, b))
            }
            (LoadFast(a), LoadAttr(b)) => {
                small(a).zip(small(b)).map(|(a, b)| LoadFastLoadAttr(a, b))
            }
            (LoadFast(a), LoadMethod(b)) => small(a)
                .zip(small(b))
                .map(|(a, b)| LoadFastLoadMethod(a, b)),
            (StoreFast(a), LoadFast(b)) => {
                small(a).zip(small(b)).map(|(a, b)| StoreFastLoadFast(a, b))
            }
            (StoreFast(a), StoreFast(b)) => small(a)
                .zip(small(b))
                .map(|(a, b)| StoreFastStoreFast(a, b)),
            (LoadConst(c), BinaryOp(op)) => small(c).map(|c| LoadConstBinaryOp(c, op)),
            _ => None,
        };
        if let Some(s) = fused {
            out[i] = s;
        }
    }
    out
}

impl Instr {
    /// The jump target, if this instruction can jump.
    pub fn jump_target(self) -> Option<u32> {
        use Instr::*;
        match self {
            ForIter(t) | Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t)
            | PopJumpIfNotNone(t) | JumpIfTrueOrPop(t) | JumpIfFalseOrPop(t) | Send(t) => Some(t),
            _ => None,
        }
    }

    /// Replaces the jump target (used by the assembler to resolve labels).
    pub(crate) fn with_target(self, t: u32) -> Instr {
        use Instr::*;
        match self {
            ForIter(_) => ForIter(t),
            Jump(_) => Jump(t),
            PopJumpIfFalse(_) => PopJumpIfFalse(t),
            PopJumpIfTrue(_) => PopJumpIfTrue(t),
            PopJumpIfNone(_) => PopJumpIfNone(t),
            PopJumpIfNotNone(_) => PopJumpIfNotNone(t),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(t),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(t),
            Send(_) => Send(t),
            other => other,
        }
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Instr::Jump(_) | Instr::ReturnValue | Instr::RaiseVarargs(_) | Instr::Reraise(_)
        )
    }

    /// Net stack effect when falling through (`jump = false`) or when jumping.
    pub fn stack_effect(self, jump: bool) -> i32 {
        use Instr::*;
        let n = |x: u32| x as i32;
        match self {
            Nop | Jump(_) | DeleteFast(_) | MakeCell(_) | CopyFreeVars(_) | DeleteDeref(_)
            | DeleteGlobal(_) | DeleteName(_) | KwNames(_) | SetupAnnotations | Swap(_)
            | UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert | LoadAttr(_) | GetIter
            | GetYieldFromIter | GetAwaitable(_) | GetAIter | ListToTuple | YieldValue
            | AsyncGenWrap => 0,
            PopTop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_)
            | DeleteAttr(_) | BinarySubscr | BinaryOp(_) | CompareOp(_) | IsOp(_)
            | ContainsOp(_) | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_)
            | DictUpdate(_) | DictMerge(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_)
            | PopJumpIfNone(_) | PopJumpIfNotNone(_) | ImportName(_) | ImportStar | PrintExpr
            | PopExcept | ReturnValue | Reraise(_) => -1,
            PushNull | Copy(_) | LoadConst(_) | LoadFast(_) | LoadClosure(_) | LoadDeref(_)
            | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) | LoadMethod(_) | LoadBuildClass
            | PushExcInfo | LoadAssertionError | BeforeWith | WithExceptStart | ImportFrom(_)
            | GetANext | BeforeAsyncWith | ReturnGenerator | GetLen | MatchMapping
            | MatchSequence | MatchKeys => 1,
            MatchClass(_) => -2,
            StoreAttr(_) | DeleteSubscr | MapAdd(_) | EndAsyncFor => -2,
            LoadGlobalNull(_) => 2,
            StoreSubscr => -3,
            CheckExcMatch | CheckEgMatch => 0,
            PrepReraiseStar => -1,
            BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => 1 - n(k),
            BuildMap(k) => 1 - 2 * n(k),
            BuildConstKeyMap(k) => -n(k),
            BuildSlice(k) => 1 - n(k),
            UnpackSequence(k) => n(k) - 1,
            UnpackEx { before, after } => i32::from(before) + i32::from(after),
            Call(k) => -n(k) - 1,
            CallFunctionEx(kw) => -2 - i32::from(kw),
            MakeFunction(flags) => -(flags.count_ones() as i32),
            RaiseVarargs(k) => -n(k),
            FormatValue(_, spec) => -i32::from(spec),
            LoadFastLoadFast(..) | LoadFastLoadConst(..) | LoadFastLoadMethod(..) => 2,
            LoadFastLoadAttr(..) => 1,
            StoreFastLoadFast(..) | LoadConstBinaryOp(..) => 0,
            StoreFastStoreFast(..) => -2,
            ForIter(_) => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            JumpIfTrueOrPop(_) | JumpIfFalseOrPop(_) => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            Send(_) => {
                if jump {
                    -1
                } else {
                    0
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instr::*;

    #[test]
    fn quicken_fuses_pairs_and_keeps_every_second_instruction() {
        let code = [
            LoadFast(0),
            LoadFast(1),
            LoadAttr(2),
            StoreFast(3),
            StoreFast(4),
            LoadFast(70_000),
            LoadFast(1),
            LoadConst(5),
            BinaryOp(BinaryOperator::Add),
            ReturnValue,
        ];
        let q = quicken(&code);
        assert_eq!(q.len(), code.len());
        assert_eq!(
            q,
            [
                LoadFastLoadFast(0, 1),
                LoadFastLoadAttr(1, 2),
                LoadAttr(2),
                StoreFastStoreFast(3, 4),
                StoreFast(4),
                // An operand past 16 bits stays unfused.
                LoadFast(70_000),
                LoadFastLoadConst(1, 5),
                LoadConstBinaryOp(5, BinaryOperator::Add),
                BinaryOp(BinaryOperator::Add),
                ReturnValue,
            ]
        );
        // A superinstruction's stack effect is its pair's.
        for (i, s) in q.iter().enumerate() {
            if *s != code[i] {
                assert_eq!(
                    s.stack_effect(false),
                    code[i].stack_effect(false) + code[i + 1].stack_effect(false),
                    "{s:?}"
                );
            }
        }
    }
}
