//! Compile errors: message, class, line and offset as CPython 3.11 reports
//! them. Every expectation below was produced by
//! `python3 -c 'compile(src, "x.py", "exec")'` (`e.msg, e.lineno, e.offset`).

use pymm_compiler::{ErrorKind, Mode, compile};

#[track_caller]
fn check(src: &str, kind: ErrorKind, msg: &str, line: u32, offset: u32) {
    let err = compile(src, "x.py", Mode::Exec).expect_err(src);
    assert_eq!(
        (err.kind, err.message.as_str(), err.line, err.col),
        (kind, msg, line, offset),
        "source: {src:?}"
    );
}

#[test]
fn errors_match_cpython() {
    check(
        "x = (1,\n",
        ErrorKind::SyntaxError,
        "'(' was never closed",
        1,
        5,
    );
    check(
        "def f(:\n  pass",
        ErrorKind::SyntaxError,
        "invalid syntax",
        1,
        7,
    );
    check("if x\n  pass", ErrorKind::SyntaxError, "expected ':'", 1, 5);
    check(
        "  x = 1",
        ErrorKind::IndentationError,
        "unexpected indent",
        1,
        2,
    );
    check(
        "if x:\n    a\n  b",
        ErrorKind::IndentationError,
        "unindent does not match any outer indentation level",
        3,
        4,
    );
    check(
        "if x:\npass",
        ErrorKind::IndentationError,
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    );
    check(
        "return 1",
        ErrorKind::SyntaxError,
        "'return' outside function",
        1,
        1,
    );
    check(
        "break",
        ErrorKind::SyntaxError,
        "'break' outside loop",
        1,
        1,
    );
    check(
        "continue",
        ErrorKind::SyntaxError,
        "'continue' not properly in loop",
        1,
        1,
    );
    check(
        "yield 1",
        ErrorKind::SyntaxError,
        "'yield' outside function",
        1,
        1,
    );
    check(
        "nonlocal x",
        ErrorKind::SyntaxError,
        "nonlocal declaration not allowed at module level",
        1,
        1,
    );
    check(
        "def f():\n  nonlocal x",
        ErrorKind::SyntaxError,
        "no binding for nonlocal 'x' found",
        2,
        3,
    );
    check(
        "def f():\n  x = 1\n  global x",
        ErrorKind::SyntaxError,
        "name 'x' is assigned to before global declaration",
        3,
        3,
    );
    check(
        "def f():\n  print(x)\n  global x",
        ErrorKind::SyntaxError,
        "name 'x' is used prior to global declaration",
        3,
        3,
    );
    check(
        "1 = x",
        ErrorKind::SyntaxError,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "f() = 1",
        ErrorKind::SyntaxError,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "x + 1 = 2",
        ErrorKind::SyntaxError,
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "del 1",
        ErrorKind::SyntaxError,
        "cannot delete literal",
        1,
        5,
    );
    check(
        "for 1 in x: pass",
        ErrorKind::SyntaxError,
        "cannot assign to literal",
        1,
        5,
    );
    check("x = 1 +", ErrorKind::SyntaxError, "invalid syntax", 1, 8);
    check("x = $", ErrorKind::SyntaxError, "invalid syntax", 1, 5);
    check(
        "'abc",
        ErrorKind::SyntaxError,
        "unterminated string literal (detected at line 1)",
        1,
        1,
    );
    check(
        "\"\"\"abc",
        ErrorKind::SyntaxError,
        "unterminated triple-quoted string literal (detected at line 1)",
        1,
        1,
    );
    check(
        "class A:\n  return 1",
        ErrorKind::SyntaxError,
        "'return' outside function",
        2,
        3,
    );
    check(
        "def f(x, x): pass",
        ErrorKind::SyntaxError,
        "duplicate argument 'x' in function definition",
        1,
        10,
    );
    check(
        "def f():\n  from m import *",
        ErrorKind::SyntaxError,
        "import * only allowed at module level",
        2,
        17,
    );
    check(
        "a, *b, *c = x",
        ErrorKind::SyntaxError,
        "multiple starred expressions in assignment",
        1,
        1,
    );
    check(
        "x += 1, 2 = 3",
        ErrorKind::SyntaxError,
        "invalid syntax",
        1,
        11,
    );
    check(
        "(a, b) += 1",
        ErrorKind::SyntaxError,
        "'tuple' is an illegal expression for augmented assignment",
        1,
        1,
    );
    check(
        "def f(x=1, y): pass",
        ErrorKind::SyntaxError,
        "non-default argument follows default argument",
        1,
        12,
    );
    check(
        "type X = int",
        ErrorKind::SyntaxError,
        "invalid syntax",
        1,
        6,
    );
    check(
        "def f[T](x): pass",
        ErrorKind::SyntaxError,
        "expected '('",
        1,
        6,
    );
    check(
        "while True:\n  def g():\n    break",
        ErrorKind::SyntaxError,
        "'break' outside loop",
        3,
        5,
    );
    check(
        "a = 1\n\tb = 2",
        ErrorKind::IndentationError,
        "unexpected indent",
        2,
        1,
    );
    check(
        "x = [1, 2",
        ErrorKind::SyntaxError,
        "'[' was never closed",
        1,
        5,
    );
    check("x = )", ErrorKind::SyntaxError, "unmatched ')'", 1, 5);
    check("import", ErrorKind::SyntaxError, "invalid syntax", 1, 7);
    check(
        "from x import",
        ErrorKind::SyntaxError,
        "invalid syntax",
        1,
        14,
    );
    check(
        "def f(*): pass",
        ErrorKind::SyntaxError,
        "named arguments must follow bare *",
        1,
        7,
    );
    check(
        "f(**a, *b)",
        ErrorKind::SyntaxError,
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
    );
    check(
        "await x",
        ErrorKind::SyntaxError,
        "'await' outside function",
        1,
        1,
    );
    check(
        "async def f():\n  yield from x",
        ErrorKind::SyntaxError,
        "'yield from' inside async function",
        2,
        3,
    );
    check(
        "*a = 1",
        ErrorKind::SyntaxError,
        "starred assignment target must be in a list or tuple",
        1,
        1,
    );
    check(
        "x = *a",
        ErrorKind::SyntaxError,
        "can't use starred expression here",
        1,
        5,
    );
    check(
        "None = 1",
        ErrorKind::SyntaxError,
        "cannot assign to None",
        1,
        1,
    );
    check(
        "__debug__ = 1",
        ErrorKind::SyntaxError,
        "cannot assign to __debug__",
        1,
        1,
    );
    check(
        "f(x for x in y, 1)",
        ErrorKind::SyntaxError,
        "Generator expression must be parenthesized",
        1,
        3,
    );
    check(
        "def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x",
        ErrorKind::SyntaxError,
        "name 'x' is nonlocal and global",
        4,
        5,
    );
    check(
        "class C:\n  [(y := 1) for x in z]",
        ErrorKind::SyntaxError,
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        5,
    );
    check(
        "[i := 0 for i in x]",
        ErrorKind::SyntaxError,
        "assignment expression cannot rebind comprehension iteration variable 'i'",
        1,
        2,
    );
    check("else: pass", ErrorKind::SyntaxError, "invalid syntax", 1, 1);
    check(
        "del f()",
        ErrorKind::SyntaxError,
        "cannot delete function call",
        1,
        5,
    );
    check(
        "a.b += 1 = 2",
        ErrorKind::SyntaxError,
        "invalid syntax",
        1,
        10,
    );
    check(
        "x: int = 1 = 2",
        ErrorKind::SyntaxError,
        "invalid syntax",
        1,
        12,
    );
    check(
        "True = 1",
        ErrorKind::SyntaxError,
        "cannot assign to True",
        1,
        1,
    );
    check(
        "def f():\n  return\n  yield x\nclass A:\n  yield 1",
        ErrorKind::SyntaxError,
        "'yield' outside function",
        5,
        3,
    );
    check(
        "for x in y:\n  pass\ncontinue",
        ErrorKind::SyntaxError,
        "'continue' not properly in loop",
        3,
        1,
    );
    check(
        "def f():\n  return 1\n  break",
        ErrorKind::SyntaxError,
        "'break' outside loop",
        3,
        3,
    );
    check(
        "x = 1\nif x:\n  continue",
        ErrorKind::SyntaxError,
        "'continue' not properly in loop",
        3,
        3,
    );
    check(
        "def f(a):\n  global a",
        ErrorKind::SyntaxError,
        "name 'a' is parameter and global",
        2,
        3,
    );
    check(
        "def f(a):\n  nonlocal a",
        ErrorKind::SyntaxError,
        "name 'a' is parameter and nonlocal",
        2,
        3,
    );
    check(
        "def f():\n  x: int = 1\n  global x",
        ErrorKind::SyntaxError,
        "annotated name 'x' can't be global",
        3,
        3,
    );
    check(
        "match x:\n  case a:\n    pass\n  case b:\n    pass",
        ErrorKind::SyntaxError,
        "name capture 'a' makes remaining patterns unreachable",
        2,
        8,
    );
    check(
        "match x:\n  case [a, a]:\n    pass",
        ErrorKind::SyntaxError,
        "multiple assignments to name 'a' in pattern",
        2,
        12,
    );
    check(
        "match x:\n  case a | [b]:\n    pass",
        ErrorKind::SyntaxError,
        "name capture 'a' makes remaining patterns unreachable",
        2,
        8,
    );
    check(
        "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass",
        ErrorKind::SyntaxError,
        "default 'except:' must be last",
        3,
        1,
    );
    check(
        "[x for x in y] = 1",
        ErrorKind::SyntaxError,
        "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "lambda: 1 = 2",
        ErrorKind::SyntaxError,
        "cannot assign to lambda",
        1,
        1,
    );
    check(
        "x = yield = 1",
        ErrorKind::SyntaxError,
        "assignment to yield expression not possible",
        1,
        5,
    );
    check(
        "def f():\n    x = 1\n   y = 2",
        ErrorKind::IndentationError,
        "unindent does not match any outer indentation level",
        3,
        9,
    );
    check(
        "print('x'",
        ErrorKind::SyntaxError,
        "'(' was never closed",
        1,
        6,
    );
    check("foo(", ErrorKind::SyntaxError, "'(' was never closed", 1, 4);
    check("a b", ErrorKind::SyntaxError, "invalid syntax", 1, 3);
    check(
        "if True:\n    pass\n  else:\n    pass",
        ErrorKind::IndentationError,
        "unindent does not match any outer indentation level",
        3,
        8,
    );
    check(
        "class A:\n  nonlocal x",
        ErrorKind::SyntaxError,
        "no binding for nonlocal 'x' found",
        2,
        3,
    );
    check(
        "with a as 1: pass",
        ErrorKind::SyntaxError,
        "cannot assign to literal",
        1,
        11,
    );
    check(
        "del (a, 1)",
        ErrorKind::SyntaxError,
        "cannot delete literal",
        1,
        9,
    );
    check(
        "{**a for a in b}",
        ErrorKind::SyntaxError,
        "dict unpacking cannot be used in dict comprehension",
        1,
        2,
    );
    check(
        "[*a for a in b]",
        ErrorKind::SyntaxError,
        "iterable unpacking cannot be used in comprehension",
        1,
        2,
    );
}

#[test]
fn newer_syntax_is_rejected() {
    // PEP 695 (3.12) and PEP 701 (3.12) are not Python 3.11.
    for src in [
        "type X = int",
        "def f[T](x): pass",
        "class C[T]: pass",
        "f'{'a'}'",
        "f'{x!r:{'>'}10}'",
    ] {
        let err = compile(src, "x.py", Mode::Exec).expect_err(src);
        assert_eq!(err.kind, ErrorKind::SyntaxError, "{src}");
    }
}

#[test]
fn render_matches_cpython_script_display() {
    // Expected text: CPython 3.11 running the file as a script (stderr).
    let err = compile("x = 1\nif x:\n    y = (1 +\n", "a.py", Mode::Exec).unwrap_err();
    assert_eq!(
        err.render(),
        "  File \"a.py\", line 3\n    y = (1 +\n        ^\nSyntaxError: '(' was never closed\n"
    );
    let err = compile("def f():\n        return 1 +* 2\n", "b.py", Mode::Exec).unwrap_err();
    assert_eq!(
        err.render(),
        "  File \"b.py\", line 2\n    return 1 +* 2\n              ^\nSyntaxError: invalid syntax\n"
    );
    let err = compile("if x:\n    a\n  b\n", "e.py", Mode::Exec).unwrap_err();
    assert_eq!(
        err.render(),
        "  File \"e.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n"
    );
    let err = compile("def f():\n\tnonlocal x\n", "g.py", Mode::Exec).unwrap_err();
    assert_eq!(
        err.render(),
        "  File \"g.py\", line 2\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'x' found\n"
    );
    let err = compile("x = [i for i in x]\n1 = (x +\n y)\n", "d.py", Mode::Exec).unwrap_err();
    assert_eq!(
        err.render(),
        "  File \"d.py\", line 2\n    1 = (x +\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"
    );
}

#[test]
fn error_carries_source_line_and_filename() {
    let err = compile("a = 1\nb = (\n", "prog.py", Mode::Exec).unwrap_err();
    assert_eq!(err.filename, "prog.py");
    assert_eq!(err.text.as_deref(), Some("b = (\n"));
    assert_eq!(
        err.to_string(),
        "SyntaxError: '(' was never closed (prog.py, line 2)"
    );
}

#[test]
fn eval_and_single_modes() {
    assert!(compile("1 + 2", "<string>", Mode::Eval).is_ok());
    assert!(compile("x = 1", "<string>", Mode::Eval).is_err());
    assert!(compile("x = 1", "<stdin>", Mode::Single).is_ok());
}
