//! The format-spec mini-language (`format()`, f-strings, `str.format`) for int, float
//! and str, with CPython's rounding (correctly rounded decimal conversion).

use crate::exc::{R, value_error};
use pymm_mem::Obj;

/// A parsed format spec.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    /// `z` (PEP 682): a negative zero after rounding loses its sign.
    pub no_neg_zero: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec.
pub fn parse(spec: &str) -> R<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        s.width = c[st..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| value_error("Too many decimal digits in format string"))?;
        crate::builtins::check_alloc(s.width)?;
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err(value_error("Format specifier missing precision"));
        }
        s.precision = Some(
            c[st..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(value_error("Invalid format specifier"));
    }
    // `parse_internal_render_format_spec`: which types take which separator.
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            return Err(value_error(match s.ty {
                Some(t) if !t.is_control() && (' '..='~').contains(&t) => {
                    format!("Cannot specify '{g}' with '{t}'.")
                }
                Some(t) => format!("Cannot specify '{g}' with '\\x{:x}'.", t as u32),
                None => format!("Cannot specify '{g}' with ''."),
            }));
        }
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// The sign a number is written with: `-` when negative, else what the spec's sign
/// option asks for (`+`, a space, or nothing).
fn sign_text(negative: bool, option: Option<char>) -> &'static str {
    match (negative, option) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// Pads `body` (with `sign`/prefix already split out) to the spec's width.
fn pad(sign: &str, body: &str, s: &Spec, default_align: char) -> String {
    let len = sign.chars().count() + body.chars().count();
    if s.width <= len {
        return format!("{sign}{body}");
    }
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = s.align.unwrap_or(if s.zero && s.fill.is_none() {
        '='
    } else {
        default_align
    });
    let n = s.width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '>' => format!("{}{sign}{body}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        _ => format!("{sign}{}{body}", f(n)),
    }
}

/// `format(int, spec)`.
pub fn format_int(o: Obj<'_>, spec: &str) -> R<String> {
    let s = parse(spec)?;
    let v = crate::int::to_big(o);
    match s.ty {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_spec(crate::int::to_f64(o)?, &s);
        }
        _ if s.no_neg_zero => {
            return Err(value_error(
                "Negative zero coercion (z) not allowed in integer format specifier",
            ));
        }
        Some('c') => {
            let c = num_traits::ToPrimitive::to_u32(&v)
                .and_then(char::from_u32)
                .ok_or_else(|| {
                    crate::exc::new_exc("OverflowError", "%c arg not in range(0x110000)")
                })?;
            return Ok(pad("", &c.to_string(), &s, '<'));
        }
        _ => {}
    }
    if s.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let neg = v < num_bigint::BigInt::from(0);
    let mag = if neg { -v } else { v };
    let (digits, prefix) = match s.ty {
        None | Some('d') | Some('n') => {
            let d = mag.to_str_radix(10);
            crate::int::check_str_digits_out(&d)?;
            (d, "")
        }
        Some('b') => (mag.to_str_radix(2), "0b"),
        Some('o') => (mag.to_str_radix(8), "0o"),
        Some('x') => (mag.to_str_radix(16), "0x"),
        Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X"),
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type 'int'"
            )));
        }
    };
    let digits = match s.grouping {
        Some(g) => group(
            &digits,
            g,
            if matches!(s.ty, Some('b' | 'o' | 'x' | 'X')) {
                4
            } else {
                3
            },
        ),
        None => digits,
    };
    let sign = sign_text(neg, s.sign);
    let prefix = if s.alt { prefix } else { "" };
    let full_sign = format!("{sign}{prefix}");
    if s.zero
        && s.align.is_none()
        && s.grouping.is_some()
        && s.width > digits.len() + full_sign.len()
    {
        // Zero padding inserts separators too.
        let every = if matches!(s.ty, Some('b' | 'o' | 'x' | 'X')) {
            4
        } else {
            3
        };
        let raw: String = digits
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        let mut r = raw.clone();
        loop {
            let g = group(&r, s.grouping.unwrap_or(','), every);
            if g.len() + full_sign.len() >= s.width {
                return Ok(format!("{full_sign}{g}"));
            }
            r.insert(0, '0');
        }
    }
    Ok(pad(&full_sign, &digits, &s, '>'))
}

/// Rounds `v` to `n` decimal places, correctly (via the shortest-repr decimal digits).
/// `round(float, n)`: OverflowError when the rounded value is out of range.
pub fn round_float_checked(v: f64, n: i64) -> crate::exc::R<f64> {
    let r = round_float(v, n);
    if r.is_infinite() && v.is_finite() {
        return Err(crate::exc::new_exc(
            "OverflowError",
            "rounded value too large to represent",
        ));
    }
    Ok(r)
}

pub fn round_float(v: f64, n: i64) -> f64 {
    if !v.is_finite() || n > 300 {
        return v;
    }
    if n < -308 {
        return 0.0 * v.signum();
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, v);
        s.parse().unwrap_or(v)
    } else {
        // Exactly, as CPython's dtoa mode 3: |v| = m * 2**e rounded half-even to a
        // multiple of 10**-n, then read back correctly rounded.
        use num_integer::Integer;
        let bits = v.abs().to_bits();
        let (be, bm) = ((bits >> 52) as i64, bits & ((1u64 << 52) - 1));
        let (m, e) = if be == 0 {
            (bm, -1074)
        } else {
            (bm | (1 << 52), be - 1075)
        };
        let mut num = num_bigint::BigInt::from(m);
        let mut den = num_traits::pow(num_bigint::BigInt::from(10), (-n) as usize);
        if e >= 0 {
            num <<= e as usize;
        } else {
            den <<= (-e) as usize;
        }
        let (mut q, r) = num.div_rem(&den);
        let twice = r * 2;
        if twice > den || (twice == den && q.is_odd()) {
            q += 1;
        }
        let r: f64 = format!("{q}e{}", -n).parse().unwrap_or(f64::INFINITY);
        r.copysign(v)
    }
}

fn strip_trailing_zeros(s: &str) -> String {
    if let Some(pos) = s.find(['e', 'E']) {
        let (m, e) = s.split_at(pos);
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        return format!("{m}{e}");
    }
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn exp_fmt(v: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, v);
    let (m, e) = s.split_once('e').expect("exponent");
    let e: i32 = e.parse().expect("exponent");
    let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper { r.to_uppercase() } else { r }
}

fn general_fmt(v: f64, prec: usize, alt: bool, upper: bool) -> String {
    general_fmt_from(v, prec, alt, upper, 0)
}

/// `'g'` formatting that switches to exponent notation `shift` exponents earlier:
/// CPython's `Py_DTSF_ADD_DOT_0` (the format of a float with a precision and no type)
/// uses 1.
fn general_fmt_from(v: f64, prec: usize, alt: bool, upper: bool, shift: i32) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if v == 0.0 && shift == 0 {
        let z = if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
        return if v.is_sign_negative() {
            format!("-{z}")
        } else {
            z
        };
    }
    let s = format!("{:.*e}", p - 1, v);
    let (_, e) = s.split_once('e').expect("exp");
    let exp: i32 = e.parse().expect("exp");
    let r = if -4 <= exp && exp < p as i32 - shift {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, v)
    } else {
        exp_fmt(v, p - 1, upper)
    };
    if alt { r } else { strip_trailing_zeros(&r) }
}

fn format_float_spec(v: f64, s: &Spec) -> R<String> {
    let mut neg = v.is_sign_negative();
    let a = v.abs();
    let upper = matches!(s.ty, Some('E' | 'F' | 'G'));
    // The alternate form always has a decimal point (a zero-precision result too).
    let point = |t: String| {
        if s.alt && !t.contains('.') {
            match t.find(['e', 'E', '%']) {
                Some(i) => format!("{}.{}", &t[..i], &t[i..]),
                None => format!("{t}."),
            }
        } else {
            t
        }
    };
    let mut body = if a.is_nan() || a.is_infinite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        if s.ty == Some('%') {
            format!("{t}%")
        } else {
            t.to_string()
        }
    } else {
        match s.ty {
            Some('f' | 'F') => point(format!("{:.*}", s.precision.unwrap_or(6), a)),
            Some('e' | 'E') => point(exp_fmt(a, s.precision.unwrap_or(6), upper)),
            Some('g' | 'G') => point(general_fmt(a, s.precision.unwrap_or(6), s.alt, upper)),
            Some('%') => point(format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0)),
            // No type: `repr`'s form without a precision; with one, `'g'` that turns to
            // exponent notation one exponent earlier and writes an integer with `.0`.
            None => match s.precision {
                Some(p) => {
                    let g = general_fmt_from(a, p, s.alt, false, 1);
                    if g.contains(['.', 'e']) {
                        point(g)
                    } else {
                        format!("{g}.0")
                    }
                }
                None => point(crate::builtins::float_repr(a)),
            },
            Some('n') => point(general_fmt(a, s.precision.unwrap_or(6), s.alt, false)),
            Some(t) => {
                return Err(value_error(format!(
                    "Unknown format code '{t}' for object of type 'float'"
                )));
            }
        }
    };
    if upper {
        body = body.to_uppercase();
    }
    // `z`: a value that rounded to zero is written without its sign.
    if s.no_neg_zero
        && neg
        && !a.is_nan()
        && body
            .split(['e', 'E', '%'])
            .next()
            .is_some_and(|m| m.chars().all(|c| c == '0' || c == '.'))
    {
        neg = false;
    }
    if let Some(g) = s.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        body = format!("{}{}", group(&int_part, g, 3), rest);
    }
    Ok(pad(sign_text(neg && !v.is_nan(), s.sign), &body, s, '>'))
}

/// `format(float, spec)`.
pub fn format_float(v: f64, spec: &str) -> R<String> {
    let s = parse(spec)?;
    format_float_spec(v, &s)
}

/// `format(complex, spec)` (`format_complex_internal`): both parts formatted alike, the
/// imaginary one always signed; with no type, `str()`'s form, in parentheses unless the
/// real part is a positive zero.
pub fn format_complex(re: f64, im: f64, spec: &str) -> R<String> {
    let s = parse(spec)?;
    if s.align == Some('=') {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    if s.zero {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if let Some(t) = s.ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')
    {
        return Err(value_error(format!(
            "Unknown format code '{t}' for object of type 'complex'"
        )));
    }
    let part = Spec {
        fill: None,
        align: None,
        width: 0,
        zero: false,
        ty: match s.ty {
            Some('n') | None => Some('g'),
            t => t,
        },
        ..s.clone()
    };
    // No type and no precision: each part as `repr` writes it, without a `.0`.
    let repr_mode = s.ty.is_none() && s.precision.is_none();
    let (skip_re, parens) = if s.ty.is_none() {
        let positive_zero = re == 0.0 && re.is_sign_positive();
        (positive_zero, !positive_zero)
    } else {
        (false, false)
    };
    let fmt = |v: f64, forced: bool| -> R<String> {
        let sign = if forced { Some('+') } else { s.sign };
        if repr_mode {
            let mut r = crate::builtins::float_repr(v.abs());
            if r.ends_with(".0") {
                r.truncate(r.len() - 2);
            }
            let sg = sign_text(v.is_sign_negative() && !v.is_nan(), sign);
            return Ok(format!("{sg}{r}"));
        }
        format_float_spec(
            v,
            &Spec {
                sign,
                ..part.clone()
            },
        )
    };
    let re_s = if skip_re {
        String::new()
    } else {
        fmt(re, false)?
    };
    let im_s = fmt(im, !skip_re)?;
    let body = if parens {
        format!("({re_s}{im_s}j)")
    } else {
        format!("{re_s}{im_s}j")
    };
    Ok(pad("", &body, &s, '>'))
}

/// `format(str, spec)`.
pub fn format_str(text: &str, spec: &str) -> R<String> {
    let s = parse(spec)?;
    if let Some(t) = s.ty
        && t != 's'
    {
        return Err(value_error(format!(
            "Unknown format code '{t}' for object of type 'str'"
        )));
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let t: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    let mut s2 = s.clone();
    if s2.zero && s2.align.is_none() {
        s2.align = Some('<');
        s2.fill = Some('0');
    }
    Ok(pad("", &t, &s2, '<'))
}
