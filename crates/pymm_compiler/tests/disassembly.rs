//! Snapshot tests (insta) of the disassembly of representative programs.
//! Review changes with `cargo insta review` (or set `INSTA_UPDATE=always`).

use pymm_compiler::{Mode, compile, disassemble, verify};

fn dis(src: &str) -> String {
    let code = compile(src, "snap.py", Mode::Exec).unwrap_or_else(|e| panic!("{}", e.render()));
    verify(&code).unwrap();
    disassemble(&code)
}

#[test]
fn functions_and_defaults() {
    insta::assert_snapshot!(dis(r#"
def f(a, /, b=2, *args, c, d=4, **kw) -> int:
    "Docstring."
    return a + b * c

def g(x: int = 1, *, y: str = "s"):
    pass

print(f(1, c=3), g(*[1], **{"y": "z"}))
"#));
}

#[test]
fn closures_and_nonlocal() {
    insta::assert_snapshot!(dis(r#"
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

def outer(x):
    def middle():
        def inner():
            return x
        return inner
    return middle
"#));
}

#[test]
fn classes_super_and_annotations() {
    insta::assert_snapshot!(dis(r#"
class Base:
    pass

class C(Base, metaclass=type):
    "A class."
    attr: int = 1
    __private = 2

    def method(self):
        return super().method() + self.__private

    @staticmethod
    def static(x):
        return x
"#));
}

#[test]
fn generators_and_yield_from() {
    insta::assert_snapshot!(dis(r#"
def gen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            return x
    yield from other()
"#));
}

#[test]
fn comprehensions() {
    insta::assert_snapshot!(dis(r#"
squares = [x * x for x in range(10) if x % 2]
pairs = {k: v for k, v in items}
uniq = {y for x in rows for y in x}
total = sum(n for n in nums)
"#));
}

#[test]
fn try_except_finally() {
    insta::assert_snapshot!(dis(r#"
def f():
    try:
        work()
    except (KeyError, IndexError) as e:
        handle(e)
    except Exception:
        raise
    else:
        ok()
    finally:
        cleanup()

def g():
    for x in xs:
        try:
            if x:
                break
            continue
        finally:
            done()
"#));
}

#[test]
fn with_statements() {
    insta::assert_snapshot!(dis(r#"
def f(path):
    with open(path) as fh, lock:
        return fh.read()
"#));
}

#[test]
fn fstrings() {
    insta::assert_snapshot!(dis(r#"
name = "x"
width = 10
s = f"{name!r:>{width}} {name=} {3.5:.2f} plain {{braces}}"
"#));
}

#[test]
fn match_statement() {
    insta::assert_snapshot!(dis(r#"
def describe(obj):
    match obj:
        case 0 | 1:
            return "small"
        case [x, *rest]:
            return x
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=y) if y > 0:
            return y
        case _:
            return None
"#));
}

#[test]
fn interactive_mode_prints_expressions() {
    let code = compile("1 + 2", "<stdin>", Mode::Single).unwrap();
    insta::assert_snapshot!(disassemble(&code));
}
