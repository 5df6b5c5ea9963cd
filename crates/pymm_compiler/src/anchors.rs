//! Traceback caret anchors: which part of a failing expression CPython 3.11 marks with
//! `^` under a traceback's source line (`extract_anchors_from_line` and
//! `extract_anchors_from_expr` in `Python/traceback.c`).

use ruff_python_ast::PythonVersion;
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

/// CPython's `IS_WHITESPACE`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// When `segment` (the source text of one instruction's location) parses as a module
/// holding exactly one expression statement that is a binary operation or a subscript,
/// the byte offsets within `segment` where the secondary marks start and end: the
/// operator of a binary operation, or the brackets and slice of a subscript (the rest
/// of the segment is underlined with `~`). `None` for every other segment.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(segment, options);
    if !parsed.errors().is_empty() || !parsed.unsupported_syntax_errors().is_empty() {
        return None;
    }
    let Mod::Module(m) = parsed.syntax() else {
        return None;
    };
    let [Stmt::Expr(stmt)] = m.body.as_slice() else {
        return None;
    };
    let bytes = segment.as_bytes();
    match stmt.value.as_ref() {
        Expr::BinOp(b) => {
            let from = usize::from(b.left.range().end());
            let to = usize::from(b.right.range().start());
            // The operator starts at the first byte between the operands that is not
            // blank, a closing parenthesis of the left operand or a comment mark; a
            // second non-blank byte makes it a two-character one (`//`, `**`, `<<`).
            let i =
                (from..to).find(|&i| !is_space(bytes[i]) && !matches!(bytes[i], b')' | b'#'))?;
            let two = i + 1 < to && !is_space(bytes[i + 1]);
            Some((i, i + 1 + usize::from(two)))
        }
        Expr::Subscript(s) => {
            // From the `[` after the value (past a closing parenthesis) through the `]`
            // after the slice.
            let n = bytes.len();
            let mut left = usize::from(s.value.range().end());
            while left < n && bytes[left] != b'[' {
                left += 1;
            }
            let mut right = usize::from(s.slice.range().end()) + 1;
            while right < n && bytes[right] != b']' {
                right += 1;
            }
            if right < n {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operators_and_subscripts() {
        assert_eq!(caret_anchors("a + b"), Some((2, 3)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("x+y*z"), Some((1, 2)));
        // Checked against python3's tracebacks.
        assert_eq!(caret_anchors("(a) + b"), Some((4, 5)));
        assert_eq!(caret_anchors("(a) // b"), Some((4, 6)));
        assert_eq!(caret_anchors("a  **  b"), Some((3, 5)));
        assert_eq!(caret_anchors("d['k']"), Some((1, 6)));
        assert_eq!(caret_anchors("a[ \"k\" ]"), Some((1, 8)));
        assert_eq!(caret_anchors("(a)[1]"), Some((3, 6)));
        assert_eq!(caret_anchors("m[1:2]"), Some((1, 6)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a.b"), None);
        assert_eq!(caret_anchors("a +"), None);
        assert_eq!(caret_anchors("a + b; c"), None);
        assert_eq!(caret_anchors("x = a + b"), None);
    }
}
