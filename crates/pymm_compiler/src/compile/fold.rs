//! Constant folding, after CPython 3.11's `Python/ast_opt.c`: unary and
//! binary operations on constants, tuples of constants, and list/set
//! displays of constants used as `in` operands or `for` iterables (which
//! become a constant tuple / frozenset). The same size limits as CPython
//! keep folded constants small (`MAX_INT_SIZE` 128 bits, `MAX_STR_SIZE`
//! 4096, `MAX_COLLECTION_SIZE` 256), so `co_consts` — and the reference
//! counts a memory-observing program sees — match CPython's.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{Expr, Operator, UnaryOp};

use super::compiler::Compiler;
use crate::code::Constant;

const MAX_INT_SIZE: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;

fn to_big(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some((**b).clone()),
        Constant::Bool(b) => Some(BigInt::from(i64::from(*b))),
        _ => None,
    }
}

fn from_big(b: BigInt) -> Constant {
    match b.to_i64() {
        Some(v) => Constant::Int(v),
        None => Constant::BigInt(Rc::new(b)),
    }
}

/// An int or float operand as an exactly representable `f64`.
fn to_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let b = to_big(c)?;
            let f = b.to_f64()?;
            (f.abs() < 9_007_199_254_740_992.0).then_some(f)
        }
    }
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => !b.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        Constant::Code(_) => return None,
    })
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v)?)),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => Some(from_big(-to_big(v)?)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => Some(from_big(to_big(v)?)),
        },
        UnaryOp::Invert => match v {
            Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_) => {
                Some(from_big(-to_big(v)? - 1))
            }
            _ => None,
        },
    }
}

fn repeat<T: Clone>(items: &[T], n: &Constant, limit: usize) -> Option<Vec<T>> {
    let n = to_big(n)?.to_i64()?;
    let n = usize::try_from(n.max(0)).ok()?;
    if n > 0 && items.len() > limit / n {
        return None;
    }
    Some(
        items
            .iter()
            .cloned()
            .cycle()
            .take(items.len() * n)
            .collect(),
    )
}

fn fold_binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use Constant as C;
    // Sequences.
    match (op, l, r) {
        (Operator::Add, C::Str(a), C::Str(b)) => {
            return Some(C::Str(Rc::from(format!("{a}{b}").as_str())));
        }
        (Operator::Add, C::Bytes(a), C::Bytes(b)) => {
            return Some(C::Bytes([&a[..], &b[..]].concat().into()));
        }
        (Operator::Add, C::Tuple(a), C::Tuple(b)) => {
            return Some(C::Tuple([&a[..], &b[..]].concat().into()));
        }
        (Operator::Mult, C::Str(s), n) | (Operator::Mult, n, C::Str(s)) => {
            let chars: Vec<char> = s.chars().collect();
            let out: String = repeat(&chars, n, MAX_STR_SIZE)?.into_iter().collect();
            return Some(C::Str(Rc::from(out.as_str())));
        }
        (Operator::Mult, C::Bytes(b), n) | (Operator::Mult, n, C::Bytes(b)) => {
            return Some(C::Bytes(repeat(b, n, MAX_STR_SIZE)?.into()));
        }
        (Operator::Mult, C::Tuple(t), n) | (Operator::Mult, n, C::Tuple(t)) => {
            return Some(C::Tuple(repeat(t, n, MAX_COLLECTION_SIZE)?.into()));
        }
        // bool & | ^ bool is a bool.
        (Operator::BitAnd, C::Bool(a), C::Bool(b)) => return Some(C::Bool(*a & *b)),
        (Operator::BitOr, C::Bool(a), C::Bool(b)) => return Some(C::Bool(*a | *b)),
        (Operator::BitXor, C::Bool(a), C::Bool(b)) => return Some(C::Bool(*a ^ *b)),
        _ => {}
    }
    if let (Some(a), Some(b)) = (to_big(l), to_big(r)) {
        let bits = |x: &BigInt| x.bits();
        return match op {
            Operator::Add => Some(from_big(a + b)),
            Operator::Sub => Some(from_big(a - b)),
            Operator::Mult => {
                if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                    None
                } else {
                    Some(from_big(a * b))
                }
            }
            Operator::FloorDiv => (!b.is_zero()).then(|| from_big(a.div_floor(&b))),
            Operator::Mod => (!b.is_zero()).then(|| from_big(a.mod_floor(&b))),
            Operator::Pow => {
                let e = b.to_u64()?;
                if e > MAX_INT_SIZE || (bits(&a) > 0 && bits(&a) * e > MAX_INT_SIZE) {
                    None
                } else {
                    Some(from_big(num_traits::pow(a, usize::try_from(e).ok()?)))
                }
            }
            Operator::LShift => {
                let s = b.to_u64()?;
                if bits(&a) > 0 && (s > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - s) {
                    None
                } else {
                    Some(from_big(a << usize::try_from(s).ok()?))
                }
            }
            Operator::RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                Some(from_big(a >> usize::try_from(s).ok()?))
            }
            Operator::BitAnd => Some(from_big(a & b)),
            Operator::BitOr => Some(from_big(a | b)),
            Operator::BitXor => Some(from_big(a ^ b)),
            Operator::Div => {
                let (x, y) = (to_f64(l)?, to_f64(r)?);
                (y != 0.0).then_some(C::Float(x / y))
            }
            Operator::MatMult => None,
        };
    }
    if matches!(l, C::Float(_)) || matches!(r, C::Float(_)) {
        let (x, y) = (to_f64(l)?, to_f64(r)?);
        return match op {
            Operator::Add => Some(C::Float(x + y)),
            Operator::Sub => Some(C::Float(x - y)),
            Operator::Mult => Some(C::Float(x * y)),
            Operator::Div => (y != 0.0).then_some(C::Float(x / y)),
            _ => None,
        };
    }
    None
}

/// Distinct constants in first-seen order (frozenset elements).
pub(super) fn dedup(items: Vec<Constant>) -> Vec<Constant> {
    let mut seen = std::collections::HashSet::new();
    let mut unique: Vec<Constant> = Vec::with_capacity(items.len());
    for c in items {
        let fresh = match super::unit::ConstKey::of(&c) {
            Some(k) => seen.insert(k),
            None => !unique.iter().any(|u| u.same_as(&c)),
        };
        if fresh {
            unique.push(c);
        }
    }
    unique
}

/// `"abc"[1]`, `b"!"[0]`, `(1, 2)[-1]` with a constant int index in range.
fn fold_subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = to_big(index)?.to_i64()?;
    let at = |len: usize| -> Option<usize> {
        let len = i64::try_from(len).ok()?;
        let j = if i < 0 { i + len } else { i };
        (0..len).contains(&j).then_some(j as usize)
    };
    match value {
        Constant::Str(s) => {
            let n = s.chars().count();
            let c = s.chars().nth(at(n)?)?;
            Some(Constant::Str(Rc::from(c.to_string().as_str())))
        }
        Constant::Bytes(b) => Some(Constant::Int(i64::from(b[at(b.len())?]))),
        Constant::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

impl Compiler<'_> {
    /// The constant value of `e`, if it is a literal or folds to one.
    pub(super) fn fold(&self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => self.literal(e).ok(),
            Expr::UnaryOp(u) => fold_unary(u.op, &self.fold(&u.operand)?),
            Expr::BinOp(b) => {
                let l = self.fold(&b.left)?;
                let r = self.fold(&b.right)?;
                fold_binary(b.op, &l, &r)
            }
            Expr::Subscript(s) => fold_subscript(&self.fold(&s.value)?, &self.fold(&s.slice)?),
            Expr::Tuple(t) => {
                let items: Option<Vec<Constant>> = t
                    .elts
                    .iter()
                    .map(|x| match x {
                        Expr::Starred(_) => None,
                        _ => self.fold(x),
                    })
                    .collect();
                items.map(|v| Constant::Tuple(v.into()))
            }
            _ => None,
        }
    }

    /// `x in [1, 2]` / `for x in {1, 2}`: a list or set display of
    /// constants becomes a constant tuple or frozenset.
    pub(super) fn fold_iterable(&self, e: &Expr) -> Option<Constant> {
        let (elts, set) = match e {
            Expr::List(l) => (&l.elts, false),
            Expr::Set(s) => (&s.elts, true),
            _ => return None,
        };
        let items: Option<Vec<Constant>> = elts
            .iter()
            .map(|x| match x {
                Expr::Starred(_) => None,
                _ => self.fold(x),
            })
            .collect();
        let items = items?;
        if set {
            Some(Constant::FrozenSet(dedup(items).into()))
        } else {
            Some(Constant::Tuple(items.into()))
        }
    }
}
