//! No input makes the compiler panic: random token soups and random
//! mutations (deletions, insertions, duplications) of valid programs.

use proptest::prelude::*;
use pymm_compiler::{Mode, compile, verify};

const SEED_PROGRAM: &str = r#"
import os
from m import a as b
x: int = 1
def f(a, /, b=2, *args, c, **kw):
    global g
    y = [i for i in range(a) if i]
    def inner():
        nonlocal y
        y += 1
        return (yield y)
    try:
        with open(a) as fh, b:
            return fh.read()
    except (OSError, ValueError) as e:
        raise RuntimeError from e
    finally:
        del y
class C(B, metaclass=M):
    attr: int
    def m(self):
        return super().m(*self.args, **self.kw)
match x:
    case [1, *rest] | {"k": rest}:
        pass
    case C(a=1) if x:
        pass
print(f"{x!r:>{10}} {x=}", lambda q, *, r=1: q or r)
while x < 10 and not x is None:
    x += 1
    if x: break
    else: continue
else:
    assert x, "msg"
"#;

const TOKENS: &[&str] = &[
    "def", "class", "return", "yield", "lambda", "if", "else", "elif", "for", "in", "while", "try",
    "except", "finally", "with", "as", "match", "case", "global", "nonlocal", "del", "async",
    "await", "import", "from", "pass", "break", "continue", "raise", "assert", "not", "and", "or",
    "is", "x", "y", "_", "1", "2.5", "3j", "'s'", "f'{x}'", "b'b'", "(", ")", "[", "]", "{", "}",
    ":", ",", ".", "=", "==", ":=", "+", "-", "*", "**", "/", "//", "%", "@", "->", "\n", "    ",
    "\t", ";", "...", "None", "True", "\\", "#c\n", "*x", "f'{", "}",
];

fn compile_all_modes(src: &str) {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        if let Ok(code) = compile(src, "fuzz.py", mode)
            && let Err(e) = verify(&code)
        {
            panic!("verifier rejected {src:?}: {e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(0..TOKENS.len(), 0..40)) {
        let src: Vec<&str> = tokens.iter().map(|&i| TOKENS[i]).collect();
        compile_all_modes(&src.join(" "));
    }

    #[test]
    fn mutated_program_never_panics(
        edits in proptest::collection::vec((0usize..2000, 0usize..3, 0..TOKENS.len()), 1..6)
    ) {
        let mut src = SEED_PROGRAM.to_string();
        for (pos, kind, tok) in edits {
            let mut at = pos % (src.len() + 1);
            while !src.is_char_boundary(at) {
                at -= 1;
            }
            match kind {
                0 => {
                    let mut end = (at + 1 + pos % 7).min(src.len());
                    while !src.is_char_boundary(end) {
                        end -= 1;
                    }
                    src.replace_range(at..end, "");
                }
                1 => src.insert_str(at, TOKENS[tok]),
                _ => {
                    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = src[at..].find('\n').map_or(src.len(), |i| at + i);
                    let line = src[line_start..line_end].to_string();
                    src.insert_str(line_end, &format!("\n{line}"));
                }
            }
        }
        compile_all_modes(&src);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,60}") {
        compile_all_modes(&s);
    }
}

#[test]
fn seed_program_compiles() {
    compile(SEED_PROGRAM, "seed.py", Mode::Exec).unwrap_or_else(|e| panic!("{}", e.render()));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let parens = format!("x = {}1{}", "(".repeat(300), ")".repeat(300));
    let err = compile(&parens, "deep.py", Mode::Exec).unwrap_err();
    assert_eq!(err.message, "too many nested parentheses");
    let unary = format!("x = {}1", "-~".repeat(3000));
    assert!(compile(&unary, "deep.py", Mode::Exec).is_err());
    let mut blocks = String::new();
    for depth in 0..150 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(150));
    blocks.push_str("pass\n");
    let _ = compile(&blocks, "deep.py", Mode::Exec);
    let sum = format!("x = 1{}", " + 1".repeat(2800));
    assert!(compile(&sum, "deep.py", Mode::Exec).is_ok());
}
