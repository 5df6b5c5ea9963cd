//! A `dis`-style disassembler ([`disassemble`]), recursive into nested code
//! objects; used for snapshot tests and debugging.

use std::fmt::Write;

use crate::bytecode::{Conversion, Instr};
use crate::code::{CodeObject, Constant};

/// Disassembles `code` and every code object in its constants, in the style
/// of CPython 3.11's `dis.dis` (instruction indexes instead of byte offsets;
/// `>>` marks jump targets; the exception table follows each listing).
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} (qualname {}), line {}>:",
        code.name, code.qualname, code.firstlineno
    );
    let _ = writeln!(
        out,
        "  argcount={} posonly={} kwonly={} flags={:?} stacksize={}",
        code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.max_stackdepth
    );
    let list = |v: &[std::rc::Rc<str>]| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", list(&code.varnames));
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {}", list(&code.cellvars));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", list(&code.freevars));
    }
    let targets: std::collections::HashSet<u32> = code
        .instructions
        .iter()
        .filter_map(|i| i.jump_target())
        .chain(code.exception_table.iter().map(|e| e.target))
        .collect();
    let mut last_line = 0;
    for (i, instr) in code.instructions.iter().enumerate() {
        let loc = code.locations.get(i).copied().unwrap_or_default();
        let line = if loc.line != last_line && loc.line != 0 {
            last_line = loc.line;
            format!("{:>4}", loc.line)
        } else {
            "    ".to_string()
        };
        let marker = if targets.contains(&(i as u32)) {
            ">>"
        } else {
            "  "
        };
        let (name, arg, detail) = describe(code, *instr);
        let arg = arg.map_or(String::new(), |a| a.to_string());
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!(" ({detail})")
        };
        let text = format!("{line} {marker}{i:>5} {name:<22}{arg:>5}{detail}");
        let _ = writeln!(out, "{}", text.trim_end());
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end.saturating_sub(1),
                e.target,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

fn name_at(v: &[std::rc::Rc<str>], i: u32) -> String {
    v.get(i as usize).map_or("?".into(), |s| s.to_string())
}

fn describe(code: &CodeObject, instr: Instr) -> (&'static str, Option<i64>, String) {
    use Instr::*;
    let c = |i: u32| {
        code.constants
            .get(i as usize)
            .map_or("?".into(), Constant::repr)
    };
    let n = |i: u32| name_at(&code.names, i);
    let v = |i: u32| name_at(&code.varnames, i);
    let d = |i: u32| {
        if (i as usize) < code.deref_count() {
            code.deref_name(i).to_string()
        } else {
            "?".into()
        }
    };
    let a = |x: u32| Some(i64::from(x));
    let to = |t: u32| format!("to {t}");
    let pair = |x: String, y: String| format!("{x}; {y}");
    match instr {
        Nop => ("NOP", None, String::new()),
        PopTop => ("POP_TOP", None, String::new()),
        PushNull => ("PUSH_NULL", None, String::new()),
        Copy(x) => ("COPY", a(x), String::new()),
        Swap(x) => ("SWAP", a(x), String::new()),
        LoadConst(x) => ("LOAD_CONST", a(x), c(x)),
        LoadFast(x) => ("LOAD_FAST", a(x), v(x)),
        LoadFastLoadFast(x, y) => ("LOAD_FAST__LOAD_FAST", None, pair(v(x.into()), v(y.into()))),
        LoadFastLoadConst(x, y) => (
            "LOAD_FAST__LOAD_CONST",
            None,
            pair(v(x.into()), c(y.into())),
        ),
        LoadFastLoadAttr(x, y) => ("LOAD_FAST__LOAD_ATTR", None, pair(v(x.into()), n(y.into()))),
        LoadFastLoadMethod(x, y) => (
            "LOAD_FAST__LOAD_METHOD",
            None,
            pair(v(x.into()), n(y.into())),
        ),
        StoreFastLoadFast(x, y) => (
            "STORE_FAST__LOAD_FAST",
            None,
            pair(v(x.into()), v(y.into())),
        ),
        StoreFastStoreFast(x, y) => (
            "STORE_FAST__STORE_FAST",
            None,
            pair(v(x.into()), v(y.into())),
        ),
        LoadConstBinaryOp(x, op) => (
            "LOAD_CONST__BINARY_OP",
            None,
            pair(c(x.into()), op.symbol().into()),
        ),
        StoreFast(x) => ("STORE_FAST", a(x), v(x)),
        DeleteFast(x) => ("DELETE_FAST", a(x), v(x)),
        MakeCell(x) => ("MAKE_CELL", a(x), d(x)),
        CopyFreeVars(x) => ("COPY_FREE_VARS", a(x), String::new()),
        LoadClosure(x) => ("LOAD_CLOSURE", a(x), d(x)),
        LoadDeref(x) => ("LOAD_DEREF", a(x), d(x)),
        LoadClassDeref(x) => ("LOAD_CLASSDEREF", a(x), d(x)),
        StoreDeref(x) => ("STORE_DEREF", a(x), d(x)),
        DeleteDeref(x) => ("DELETE_DEREF", a(x), d(x)),
        LoadGlobal(x) => ("LOAD_GLOBAL", a(x), n(x)),
        LoadGlobalNull(x) => ("LOAD_GLOBAL_NULL", a(x), format!("NULL + {}", n(x))),
        StoreGlobal(x) => ("STORE_GLOBAL", a(x), n(x)),
        DeleteGlobal(x) => ("DELETE_GLOBAL", a(x), n(x)),
        LoadName(x) => ("LOAD_NAME", a(x), n(x)),
        StoreName(x) => ("STORE_NAME", a(x), n(x)),
        DeleteName(x) => ("DELETE_NAME", a(x), n(x)),
        LoadAttr(x) => ("LOAD_ATTR", a(x), n(x)),
        StoreAttr(x) => ("STORE_ATTR", a(x), n(x)),
        DeleteAttr(x) => ("DELETE_ATTR", a(x), n(x)),
        LoadMethod(x) => ("LOAD_METHOD", a(x), n(x)),
        BinarySubscr => ("BINARY_SUBSCR", None, String::new()),
        StoreSubscr => ("STORE_SUBSCR", None, String::new()),
        DeleteSubscr => ("DELETE_SUBSCR", None, String::new()),
        BinaryOp(op) => ("BINARY_OP", Some(op as i64), op.symbol().into()),
        UnaryPositive => ("UNARY_POSITIVE", None, String::new()),
        UnaryNegative => ("UNARY_NEGATIVE", None, String::new()),
        UnaryNot => ("UNARY_NOT", None, String::new()),
        UnaryInvert => ("UNARY_INVERT", None, String::new()),
        CompareOp(op) => ("COMPARE_OP", Some(op as i64), op.symbol().into()),
        IsOp(inv) => ("IS_OP", Some(i64::from(inv)), String::new()),
        ContainsOp(inv) => ("CONTAINS_OP", Some(i64::from(inv)), String::new()),
        BuildTuple(x) => ("BUILD_TUPLE", a(x), String::new()),
        BuildList(x) => ("BUILD_LIST", a(x), String::new()),
        BuildSet(x) => ("BUILD_SET", a(x), String::new()),
        BuildMap(x) => ("BUILD_MAP", a(x), String::new()),
        BuildConstKeyMap(x) => ("BUILD_CONST_KEY_MAP", a(x), String::new()),
        BuildString(x) => ("BUILD_STRING", a(x), String::new()),
        BuildSlice(x) => ("BUILD_SLICE", a(x), String::new()),
        ListAppend(x) => ("LIST_APPEND", a(x), String::new()),
        SetAdd(x) => ("SET_ADD", a(x), String::new()),
        MapAdd(x) => ("MAP_ADD", a(x), String::new()),
        ListExtend(x) => ("LIST_EXTEND", a(x), String::new()),
        SetUpdate(x) => ("SET_UPDATE", a(x), String::new()),
        DictUpdate(x) => ("DICT_UPDATE", a(x), String::new()),
        DictMerge(x) => ("DICT_MERGE", a(x), String::new()),
        ListToTuple => ("LIST_TO_TUPLE", None, String::new()),
        UnpackSequence(x) => ("UNPACK_SEQUENCE", a(x), String::new()),
        UnpackEx { before, after } => (
            "UNPACK_EX",
            Some(i64::from(before) | (i64::from(after) << 8)),
            format!("{before} before, {after} after"),
        ),
        Call(x) => ("CALL", a(x), String::new()),
        KwNames(x) => ("KW_NAMES", a(x), c(x)),
        CallFunctionEx(kw) => ("CALL_FUNCTION_EX", Some(i64::from(kw)), String::new()),
        MakeFunction(f) => ("MAKE_FUNCTION", Some(i64::from(f)), make_function_flags(f)),
        ReturnValue => ("RETURN_VALUE", None, String::new()),
        LoadBuildClass => ("LOAD_BUILD_CLASS", None, String::new()),
        ReturnGenerator => ("RETURN_GENERATOR", None, String::new()),
        YieldValue => ("YIELD_VALUE", None, String::new()),
        Send(t) => ("SEND", a(t), to(t)),
        GetYieldFromIter => ("GET_YIELD_FROM_ITER", None, String::new()),
        GetAwaitable(x) => ("GET_AWAITABLE", a(x), String::new()),
        GetAIter => ("GET_AITER", None, String::new()),
        GetANext => ("GET_ANEXT", None, String::new()),
        EndAsyncFor => ("END_ASYNC_FOR", None, String::new()),
        BeforeAsyncWith => ("BEFORE_ASYNC_WITH", None, String::new()),
        AsyncGenWrap => ("ASYNC_GEN_WRAP", None, String::new()),
        GetIter => ("GET_ITER", None, String::new()),
        ForIter(t) => ("FOR_ITER", a(t), to(t)),
        Jump(t) => ("JUMP", a(t), to(t)),
        PopJumpIfFalse(t) => ("POP_JUMP_IF_FALSE", a(t), to(t)),
        PopJumpIfTrue(t) => ("POP_JUMP_IF_TRUE", a(t), to(t)),
        PopJumpIfNone(t) => ("POP_JUMP_IF_NONE", a(t), to(t)),
        PopJumpIfNotNone(t) => ("POP_JUMP_IF_NOT_NONE", a(t), to(t)),
        JumpIfTrueOrPop(t) => ("JUMP_IF_TRUE_OR_POP", a(t), to(t)),
        JumpIfFalseOrPop(t) => ("JUMP_IF_FALSE_OR_POP", a(t), to(t)),
        RaiseVarargs(x) => ("RAISE_VARARGS", a(x), String::new()),
        Reraise(x) => ("RERAISE", a(x), String::new()),
        PushExcInfo => ("PUSH_EXC_INFO", None, String::new()),
        PopExcept => ("POP_EXCEPT", None, String::new()),
        CheckExcMatch => ("CHECK_EXC_MATCH", None, String::new()),
        CheckEgMatch => ("CHECK_EG_MATCH", None, String::new()),
        PrepReraiseStar => ("PREP_RERAISE_STAR", None, String::new()),
        LoadAssertionError => ("LOAD_ASSERTION_ERROR", None, String::new()),
        BeforeWith => ("BEFORE_WITH", None, String::new()),
        WithExceptStart => ("WITH_EXCEPT_START", None, String::new()),
        ImportName(x) => ("IMPORT_NAME", a(x), n(x)),
        ImportFrom(x) => ("IMPORT_FROM", a(x), n(x)),
        ImportStar => ("IMPORT_STAR", None, String::new()),
        FormatValue(conv, spec) => {
            let conv_s = match conv {
                Conversion::None => "",
                Conversion::Str => "str",
                Conversion::Repr => "repr",
                Conversion::Ascii => "ascii",
            };
            let mut parts = Vec::new();
            if !conv_s.is_empty() {
                parts.push(conv_s.to_string());
            }
            if spec {
                parts.push("with format".into());
            }
            (
                "FORMAT_VALUE",
                Some(conv as i64 | if spec { 4 } else { 0 }),
                parts.join(", "),
            )
        }
        PrintExpr => ("PRINT_EXPR", None, String::new()),
        GetLen => ("GET_LEN", None, String::new()),
        MatchMapping => ("MATCH_MAPPING", None, String::new()),
        MatchSequence => ("MATCH_SEQUENCE", None, String::new()),
        MatchKeys => ("MATCH_KEYS", None, String::new()),
        MatchClass(x) => ("MATCH_CLASS", a(x), String::new()),
        SetupAnnotations => ("SETUP_ANNOTATIONS", None, String::new()),
    }
}

fn make_function_flags(f: u8) -> String {
    let mut parts = Vec::new();
    for (bit, name) in [
        (crate::bytecode::MAKE_FUNCTION_DEFAULTS, "defaults"),
        (crate::bytecode::MAKE_FUNCTION_KWDEFAULTS, "kwdefaults"),
        (crate::bytecode::MAKE_FUNCTION_ANNOTATIONS, "annotations"),
        (crate::bytecode::MAKE_FUNCTION_CLOSURE, "closure"),
    ] {
        if f & bit != 0 {
            parts.push(name);
        }
    }
    parts.join(", ")
}
