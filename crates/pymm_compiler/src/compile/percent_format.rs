//! `"..." % (a, b)` compiled as an f-string, like CPython 3.11's
//! `optimize_format` (`Python/ast_opt.c`): when the left operand is a str
//! literal, the right a tuple display (not all constants, no `*`), and every
//! conversion is a simple `%s`, `%r` or `%a` (optionally with `-`, a width
//! and a precision), the formatting happens with `FORMAT_VALUE` and
//! `BUILD_STRING` instead of `str.__mod__`. Anything else keeps `BINARY_OP %`.

use std::rc::Rc;

use ruff_python_ast::{Expr, ExprBinOp, Operator};
use ruff_text_size::Ranged;

use super::compiler::{CResult, Compiler};
use crate::bytecode::{Conversion, Instr};
use crate::code::Constant;

/// One piece of the rewritten format.
enum Piece<'a> {
    Literal(String),
    Value {
        arg: &'a Expr,
        conversion: Conversion,
        spec: Option<String>,
    },
}

/// CPython's `simple_format_arg_parse` + `parse_format` for one `%...`
/// conversion starting after the `%`; returns the conversion and the
/// format spec, or `None` when unsupported.
fn parse_conversion(chars: &[char], pos: &mut usize) -> Option<(Conversion, Option<String>)> {
    let next = |pos: &mut usize| -> Option<char> {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut ch = next(pos)?;
    let mut left = false;
    loop {
        match ch {
            '-' => {
                left = true;
                ch = next(pos)?;
            }
            '+' | ' ' | '#' | '0' => return None,
            _ => break,
        }
    }
    let mut width: Option<u32> = None;
    while let Some(d) = ch.to_digit(10) {
        width = Some(width.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
        ch = next(pos)?;
    }
    let mut prec: Option<u32> = None;
    if ch == '.' {
        ch = next(pos)?;
        prec = Some(0);
        while let Some(d) = ch.to_digit(10) {
            prec = Some(prec.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            ch = next(pos)?;
        }
    }
    let conversion = match ch {
        's' => Conversion::Str,
        'r' => Conversion::Repr,
        'a' => Conversion::Ascii,
        _ => return None,
    };
    let mut spec = String::new();
    if !left && width.is_some_and(|w| w > 0) {
        spec.push('>');
    }
    if let Some(w) = width {
        spec.push_str(&w.to_string());
    }
    if let Some(p) = prec {
        spec.push('.');
        spec.push_str(&p.to_string());
    }
    Some((conversion, (!spec.is_empty()).then_some(spec)))
}

/// Splits `fmt` into pieces for `args`, or `None` if it cannot be rewritten.
fn plan<'a>(fmt: &str, args: &'a [Expr]) -> Option<Vec<Piece<'a>>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut used = 0;
    let mut pieces = Vec::new();
    loop {
        let mut literal = String::new();
        while pos < chars.len() {
            if chars[pos] != '%' {
                literal.push(chars[pos]);
                pos += 1;
            } else if chars.get(pos + 1) == Some(&'%') {
                literal.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        if pos >= chars.len() {
            break;
        }
        let arg = args.get(used)?;
        pos += 1; // the '%'
        let (conversion, spec) = parse_conversion(&chars, &mut pos)?;
        used += 1;
        pieces.push(Piece::Value {
            arg,
            conversion,
            spec,
        });
    }
    (used == args.len()).then_some(pieces)
}

impl<'a> Compiler<'a> {
    /// Compiles `b` as an f-string if CPython would; returns whether it did.
    pub(super) fn try_percent_format(&mut self, b: &'a ExprBinOp) -> CResult<bool> {
        if b.op != Operator::Mod {
            return Ok(false);
        }
        let (Expr::StringLiteral(fmt), Expr::Tuple(t)) = (&*b.left, &*b.right) else {
            return Ok(false);
        };
        if t.elts.iter().any(|e| matches!(e, Expr::Starred(_))) || self.fold(&b.right).is_some() {
            return Ok(false);
        }
        let Some(pieces) = plan(fmt.value.to_str(), &t.elts) else {
            return Ok(false);
        };
        let n = pieces.len() as u32;
        for piece in pieces {
            match piece {
                Piece::Literal(s) => self.load_const(Constant::Str(Rc::from(s.as_str()))),
                Piece::Value {
                    arg,
                    conversion,
                    spec,
                } => {
                    self.compile_expr(arg)?;
                    let saved = self.set_loc(arg.range());
                    let has_spec = spec.is_some();
                    if let Some(s) = spec {
                        self.load_const(Constant::Str(Rc::from(s.as_str())));
                    }
                    self.emit(Instr::FormatValue(conversion, has_spec));
                    self.restore_loc(saved);
                }
            }
        }
        match n {
            0 => self.load_const(Constant::Str(Rc::from(""))),
            1 => {}
            n => self.emit(Instr::BuildString(n)),
        }
        Ok(true)
    }
}
