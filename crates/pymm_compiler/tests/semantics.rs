//! Unit-level checks of what the compiler produces: scopes, closures,
//! constants, flags, locations and the exception table.

use std::rc::Rc;

use pymm_compiler::{CodeFlags, CodeObject, Constant, Instr, Location, Mode, compile, verify};

fn module(src: &str) -> Rc<CodeObject> {
    let code = compile(src, "t.py", Mode::Exec).unwrap_or_else(|e| panic!("{}", e.render()));
    verify(&code).unwrap();
    code
}

/// The nested code object named `name` (depth-first).
fn find(code: &Rc<CodeObject>, name: &str) -> Rc<CodeObject> {
    fn go(c: &Rc<CodeObject>, name: &str) -> Option<Rc<CodeObject>> {
        if &*c.name == name {
            return Some(c.clone());
        }
        c.constants.iter().find_map(|k| match k {
            Constant::Code(inner) => go(inner, name),
            _ => None,
        })
    }
    go(code, name).unwrap_or_else(|| panic!("no code object {name}"))
}

fn names(v: &[Rc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}

#[test]
fn instructions_are_at_most_eight_bytes() {
    assert!(std::mem::size_of::<Instr>() <= 8);
    assert_eq!(std::mem::size_of::<Location>(), 16);
}

#[test]
fn closures_make_cells_and_free_variables() {
    let m = module(
        "def counter():\n    count = 0\n    def inc():\n        nonlocal count\n        count += 1\n        return count\n    return inc\n",
    );
    let counter = find(&m, "counter");
    let inc = find(&m, "inc");
    assert_eq!(names(&counter.cellvars), ["count"]);
    assert_eq!(names(&inc.freevars), ["count"]);
    assert_eq!(counter.instructions[0], Instr::MakeCell(0));
    assert_eq!(inc.instructions[0], Instr::CopyFreeVars(1));
    assert!(counter.instructions.contains(&Instr::LoadClosure(0)));
    assert!(counter.instructions.contains(&Instr::MakeFunction(
        pymm_compiler::bytecode::MAKE_FUNCTION_CLOSURE
    )));
    assert!(inc.instructions.contains(&Instr::StoreDeref(0)));
    assert_eq!(inc.qualname.as_ref(), "counter.<locals>.inc");
    assert!(inc.flags.has(CodeFlags::NESTED));
}

#[test]
fn argument_cells_are_recorded_in_cell2arg() {
    let m = module("def f(a, x):\n    return lambda: x\n");
    let f = find(&m, "f");
    assert_eq!(names(&f.cellvars), ["x"]);
    assert_eq!(f.cell2arg, [Some(1)]);
}

#[test]
fn class_bodies_use_classderef_and_class_cell() {
    let m = module(
        "def outer():\n    v = 1\n    class C:\n        w = v\n        def m(self):\n            return super().m(), __class__\n    return C\n",
    );
    let c = find(&m, "C");
    assert_eq!(names(&c.cellvars), ["__class__"]);
    assert_eq!(names(&c.freevars), ["v"]);
    // `w = v` reads the enclosing function's cell through LOAD_CLASSDEREF.
    assert!(c.instructions.contains(&Instr::LoadClassDeref(1)));
    let classcell = c
        .names
        .iter()
        .position(|n| &**n == "__classcell__")
        .unwrap() as u32;
    assert!(c.instructions.contains(&Instr::StoreName(classcell)));
    let meth = find(&m, "m");
    assert_eq!(names(&meth.freevars), ["__class__"]);
    assert_eq!(meth.qualname.as_ref(), "outer.<locals>.C.m");
}

#[test]
fn globals_and_private_names() {
    let m = module(
        "def f():\n    global g\n    g = 1\n    return h\nclass K:\n    def m(self):\n        return self.__secret\n",
    );
    let f = find(&m, "f");
    assert!(f.instructions.contains(&Instr::StoreGlobal(0)));
    assert!(matches!(
        f.instructions[f.instructions.len() - 2],
        Instr::LoadGlobal(_)
    ));
    let meth = find(&m, "m");
    assert!(names(&meth.names).contains(&"_K__secret"));
}

#[test]
fn docstrings_and_lambda_constants() {
    let m = module("def f():\n    'doc'\n    return 1\ng = lambda: 2\n\"module doc\"\n");
    let f = find(&m, "f");
    assert_eq!(f.constants[0], Constant::Str(Rc::from("doc")));
    let l = find(&m, "<lambda>");
    assert_eq!(l.constants[0], Constant::None);
    let m2 = module("'module doc'\nx = 1\n");
    assert_eq!(m2.constants[0], Constant::Str(Rc::from("module doc")));
}

#[test]
fn numeric_constants() {
    let m =
        module("a = 2**100\nb = 0xFFFF_FFFF_FFFF_FFFF_FF\nc = -5\nd = 3j\ne = (1, 'x', None)\n");
    let big = m
        .constants
        .iter()
        .find(|c| matches!(c, Constant::BigInt(_)))
        .unwrap();
    // 0xFFFF_FFFF_FFFF_FFFF_FF == 2**72 - 1 (`2**100` is an operation, not folded).
    assert_eq!(big.repr(), "4722366482869645213695");
    assert!(m.constants.contains(&Constant::Int(-5)));
    assert!(m.constants.contains(&Constant::Complex {
        real: 0.0,
        imag: 3.0
    }));
    assert!(m.constants.iter().any(|c| c.repr() == "(1, 'x', None)"));
}

#[test]
fn generators_and_coroutines_have_flags_and_prologue() {
    let m = module(
        "def g():\n    yield 1\nasync def c():\n    await g()\nasync def ag():\n    yield 1\n",
    );
    let g = find(&m, "g");
    assert!(g.flags.has(CodeFlags::GENERATOR));
    assert_eq!(g.instructions[..2], [Instr::ReturnGenerator, Instr::PopTop]);
    assert!(find(&m, "c").flags.has(CodeFlags::COROUTINE));
    let ag = find(&m, "ag");
    assert!(ag.flags.has(CodeFlags::ASYNC_GENERATOR));
    assert!(ag.instructions.contains(&Instr::AsyncGenWrap));
}

#[test]
fn comprehension_walrus_binds_in_enclosing_function() {
    let m = module("def f(xs):\n    [last := x for x in xs]\n    return last\n");
    let f = find(&m, "f");
    assert_eq!(names(&f.cellvars), ["last"]);
    let comp = find(&m, "<listcomp>");
    assert_eq!(names(&comp.freevars), ["last"]);
    assert_eq!(names(&comp.varnames), [".0", "x"]);
    assert_eq!(comp.argcount, 1);
}

#[test]
fn annotations() {
    let m = module("x: int = 1\ndef f(a: int) -> str: pass\n");
    assert_eq!(m.instructions[0], Instr::SetupAnnotations);
    assert!(m.instructions.iter().any(|i| matches!(i, Instr::MakeFunction(f) if f & pymm_compiler::bytecode::MAKE_FUNCTION_ANNOTATIONS != 0)));
    let m = module("from __future__ import annotations\ndef f(a: List[int]): pass\n");
    assert!(m.constants.contains(&Constant::Str(Rc::from("List[int]"))));
    // Annotations of locals inside functions are not evaluated.
    let m = module("def f():\n    y: undefined_name = 1\n");
    assert!(!names(&find(&m, "f").names).contains(&"undefined_name"));
}

#[test]
fn interactive_mode_prints_expression_statements() {
    let code = compile("1 + 1\n", "<stdin>", Mode::Single).unwrap();
    assert!(code.instructions.contains(&Instr::PrintExpr));
    // Expression statements nested in blocks print too (the REPL's `for`).
    let code = compile("for i in x: i\n", "<stdin>", Mode::Single).unwrap();
    assert!(code.instructions.contains(&Instr::PrintExpr));
    let exec = compile("1 + 1\n", "t.py", Mode::Exec).unwrap();
    assert!(!exec.instructions.contains(&Instr::PrintExpr));
}

#[test]
fn eval_mode_returns_the_value() {
    let code = compile("a + 1", "<string>", Mode::Eval).unwrap();
    assert_eq!(*code.instructions.last().unwrap(), Instr::ReturnValue);
    assert_eq!(code.instructions[0], Instr::LoadName(0));
}

#[test]
fn locations_cover_the_expression() {
    let m = module("x = 1\nresult = obj.attr + f(y)\n");
    let attr = m
        .instructions
        .iter()
        .position(|i| matches!(i, Instr::LoadAttr(_)))
        .unwrap();
    let loc = m.locations[attr];
    assert_eq!(
        (loc.line, loc.col, loc.end_line, loc.end_col),
        (2, 9, 2, 17)
    );
    let call = m
        .instructions
        .iter()
        .position(|i| matches!(i, Instr::Call(1)))
        .unwrap();
    let loc = m.locations[call];
    assert_eq!((loc.col, loc.end_col), (20, 24));
}

#[test]
fn exception_table_lookup() {
    let m = module("try:\n    a()\nexcept E:\n    b()\n");
    let call = m
        .instructions
        .iter()
        .position(|i| matches!(i, Instr::Call(0)))
        .unwrap() as u32;
    let entry = m.handler_for(call).expect("covered");
    assert_eq!(entry.depth, 0);
    assert!(!entry.push_lasti);
    assert_eq!(m.instructions[entry.target as usize], Instr::PushExcInfo);
    let last = m.instructions.len() as u32 - 1;
    assert!(m.handler_for(last).is_none());
}

#[test]
fn dead_code_after_return_is_dropped() {
    let m = module("def f():\n    return 1\n    x = 2\n    def g(): pass\n");
    let f = find(&m, "f");
    assert_eq!(f.instructions, [Instr::LoadConst(1), Instr::ReturnValue]);
}

#[test]
fn stack_effects_are_consistent_with_verifier() {
    // The verifier re-derives every depth from Instr::stack_effect; a
    // program exercising most opcodes must pass it.
    let src = include_str!("../examples/sample_program.py");
    let code = module(src);
    assert!(code.max_stackdepth >= 3);
}

#[test]
fn optimize_levels() {
    use pymm_compiler::{CompileOptions, compile_with};
    let src = "'mod doc'\ndef f():\n    'f doc'\n    assert x, 'boom'\n    return __debug__\n";
    let o0 = compile_with(src, "t.py", Mode::Exec, CompileOptions { optimize: 0 }).unwrap();
    let f0 = find(&o0, "f");
    assert!(f0.instructions.contains(&Instr::LoadAssertionError));
    assert_eq!(f0.constants[0], Constant::Str(Rc::from("f doc")));
    let o1 = compile_with(src, "t.py", Mode::Exec, CompileOptions { optimize: 1 }).unwrap();
    let f1 = find(&o1, "f");
    assert!(!f1.instructions.contains(&Instr::LoadAssertionError));
    assert!(f1.constants.contains(&Constant::Bool(false)));
    assert_eq!(f1.constants[0], Constant::Str(Rc::from("f doc")));
    let o2 = compile_with(src, "t.py", Mode::Exec, CompileOptions { optimize: 2 }).unwrap();
    assert_eq!(find(&o2, "f").constants[0], Constant::None);
    assert!(!o2.names.iter().any(|n| &**n == "__doc__"));
}

#[test]
fn single_mode_takes_one_statement() {
    let err = compile("x = 1\ny = 2\n", "<stdin>", Mode::Single).unwrap_err();
    assert_eq!(
        (err.message.as_str(), err.line, err.col),
        (
            "multiple statements found while compiling a single statement",
            1,
            6
        )
    );
    assert!(compile("if x:\n    pass\n", "<stdin>", Mode::Single).is_ok());
}

#[test]
fn percent_formatting_becomes_fstring_code() {
    // CPython 3.11's `optimize_format`: same instructions as `dis` shows.
    let m = module("x = 'a%s-%5r|%-3s %.2a %% end' % (p, q, r, s)\ny = '%d' % (p,)\n");
    let formats = m
        .instructions
        .iter()
        .filter(|i| matches!(i, Instr::FormatValue(..)))
        .count();
    assert_eq!(formats, 4);
    assert!(m.instructions.contains(&Instr::BuildString(9)));
    assert!(m.constants.contains(&Constant::Str(Rc::from(">5"))));
    assert!(m.constants.contains(&Constant::Str(Rc::from(" % end"))));
    // `%d` is not a simple conversion: it stays a BINARY_OP.
    assert!(
        m.instructions
            .iter()
            .any(|i| matches!(i, Instr::BinaryOp(_)))
    );
}
