//! The `unicode_escape` and `raw_unicode_escape` codecs (CPython's
//! `PyUnicode_AsUnicodeEscapeString`, `_PyUnicode_DecodeUnicodeEscapeInternal` and their raw
//! variants in `Objects/unicodeobject.c`).

/// `s.encode("unicode_escape")` (`raw`: `"raw_unicode_escape"`). Never fails.
pub fn encode(s: &str, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v >= 0x10000 {
            out.extend(format!("\\U{v:08x}").bytes());
        } else if v >= 0x100 {
            out.extend(format!("\\u{v:04x}").bytes());
        } else if raw {
            out.push(v as u8);
        } else {
            match c {
                '\\' => out.extend(b"\\\\"),
                '\t' => out.extend(b"\\t"),
                '\n' => out.extend(b"\\n"),
                '\r' => out.extend(b"\\r"),
                _ if !(0x20..0x7f).contains(&v) => out.extend(format!("\\x{v:02x}").bytes()),
                _ => out.push(v as u8),
            }
        }
    }
    out
}

/// A decoding error of a codec: the byte range and CPython's reason.
#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// `b.decode("unicode_escape")` (`raw`: `"raw_unicode_escape"`, where only `\u` and `\U`
/// escapes are), with the `strict` handler.
pub fn decode(b: &[u8], raw: bool) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(char::from(c));
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // An escape only when the backslash run before `u`/`U` is odd.
            let mut run = 0;
            while i < b.len() && b[i] == b'\\' {
                run += 1;
                i += 1;
            }
            let kind = b.get(i).copied();
            if run % 2 == 0 || !matches!(kind, Some(b'u' | b'U')) {
                out.extend(std::iter::repeat_n('\\', run));
                continue;
            }
            out.extend(std::iter::repeat_n('\\', run - 1));
            let digits = if kind == Some(b'u') { 4 } else { 8 };
            let (ch, next) = hex_escape(b, i + 1, digits, start, "rawunicodeescape")?;
            out.push(ch);
            i = next;
            continue;
        }
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err(DecodeError {
                start,
                end: b.len(),
                reason: "\\ at end of string",
            });
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let digits = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let (ch, next) = hex_escape(b, i, digits, start, "unicodeescape")?;
                out.push(ch);
                i = next;
            }
            b'N' => {
                let bad = |end| DecodeError {
                    start,
                    end,
                    reason: "malformed \\N character escape",
                };
                if b.get(i) != Some(&b'{') {
                    return Err(bad((i).min(b.len())));
                }
                let Some(close) = b[i + 1..].iter().position(|&c| c == b'}') else {
                    return Err(bad(b.len()));
                };
                let name = &b[i + 1..i + 1 + close];
                let found = std::str::from_utf8(name)
                    .ok()
                    .filter(|n| !n.is_empty())
                    .and_then(unicode_names2::character);
                match found {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(DecodeError {
                            start,
                            end: i + 2 + close,
                            reason: "unknown Unicode character name",
                        });
                    }
                }
                i += close + 2;
            }
            // An unknown escape stays as written.
            _ => {
                out.push('\\');
                out.push(char::from(e));
            }
        }
    }
    Ok(out)
}

/// The `digits` hex digits at `at` of a `\x`, `\u` or `\U` escape starting at `start`.
fn hex_escape(
    b: &[u8],
    at: usize,
    digits: usize,
    start: usize,
    codec: &str,
) -> Result<(char, usize), DecodeError> {
    let mut v: u32 = 0;
    for k in 0..digits {
        match b.get(at + k).and_then(|&d| char::from(d).to_digit(16)) {
            Some(d) => v = v * 16 + d,
            None => {
                return Err(DecodeError {
                    start,
                    end: at + k,
                    reason: match digits {
                        2 => "truncated \\xXX escape",
                        4 => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    },
                });
            }
        }
    }
    match char::from_u32(v) {
        Some(ch) => Ok((ch, at + digits)),
        // Surrogates, which pymm's strings cannot hold, and values past U+10FFFF.
        None if v <= 0x10ffff => Ok(('\u{fffd}', at + digits)),
        None => Err(DecodeError {
            start,
            end: at + digits,
            reason: if codec == "rawunicodeescape" {
                "\\Uxxxxxxxx out of range"
            } else {
                "illegal Unicode character"
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_cpython() {
        assert_eq!(
            encode("a\t\\'\"\x00\x7f\u{e9}\u{20ac}\u{1f600}", false),
            b"a\\t\\\\'\"\\x00\\x7f\\xe9\\u20ac\\U0001f600".to_vec()
        );
        assert_eq!(encode("\u{e9}\\\u{20ac}", true), b"\xe9\\\\u20ac".to_vec());
    }

    #[test]
    fn decodes_and_reports_errors() {
        assert_eq!(
            decode(b"a\\n\\101\\x41\\u00e9\\N{EM DASH}\\q\\\nz", false).unwrap(),
            "a\nAA\u{e9}\u{2014}\\qz"
        );
        assert_eq!(
            decode(b"ab\\x4", false),
            Err(DecodeError {
                start: 2,
                end: 5,
                reason: "truncated \\xXX escape"
            })
        );
        assert_eq!(
            decode(b"x\\", false).unwrap_err().reason,
            "\\ at end of string"
        );
        assert_eq!(decode(b"\\\\u0041 \\u0041", true).unwrap(), "\\\\u0041 A");
    }
}
