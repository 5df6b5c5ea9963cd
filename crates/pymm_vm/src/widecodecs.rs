//! The UTF-16 and UTF-32 codecs (`utf-16`, `utf-16-le`, `utf-16-be`, `utf-32`,
//! `utf-32-le`, `utf-32-be`): CPython's `PyUnicode_EncodeUTF16/32` and
//! `PyUnicode_DecodeUTF16/32Stateful` with the `strict`, `replace` and `ignore` handlers.
//! The plain names write a byte order mark and little-endian units, and read either byte
//! order from a mark (little-endian without one).

use crate::escapes::DecodeError;

/// Which codec a normalised encoding name (lower case, `-` for `_`) is: the unit width
/// (2 or 4), and the byte order (`None`: the plain name, with a byte order mark).
pub fn lookup(enc: &str) -> Option<(usize, Option<bool>)> {
    Some(match enc {
        "utf-16" | "utf16" => (2, None),
        "utf-16-le" | "utf-16le" => (2, Some(true)),
        "utf-16-be" | "utf-16be" => (2, Some(false)),
        "utf-32" | "utf32" => (4, None),
        "utf-32-le" | "utf-32le" => (4, Some(true)),
        "utf-32-be" | "utf-32be" => (4, Some(false)),
        _ => return None,
    })
}

/// CPython's name of the codec, for error messages.
pub fn codec_name(width: usize, le: Option<bool>) -> &'static str {
    match (width, le) {
        (2, None) => "utf-16",
        (2, Some(true)) => "utf-16-le",
        (2, Some(false)) => "utf-16-be",
        (_, None) => "utf-32",
        (_, Some(true)) => "utf-32-le",
        (_, Some(false)) => "utf-32-be",
    }
}

/// `s.encode(codec)`. Never fails: pymm's strings hold no lone surrogates.
pub fn encode(s: &str, width: usize, le: Option<bool>) -> Vec<u8> {
    let little = le.unwrap_or(true);
    let mut out = Vec::with_capacity(s.len() * width + width);
    let mut put = |unit: u32| {
        let bytes = unit.to_le_bytes();
        let mut b = bytes[..width].to_vec();
        if !little {
            b.reverse();
        }
        out.extend(b);
    };
    if le.is_none() {
        put(0xfeff);
    }
    for c in s.chars() {
        if width == 4 {
            put(c as u32);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                put(u32::from(*u));
            }
        }
    }
    out
}

/// `b.decode(codec, errors)` for `strict`, `replace` and `ignore` (the caller checks the
/// handler name).
pub fn decode(
    b: &[u8],
    width: usize,
    le: Option<bool>,
    errors: &str,
) -> Result<String, DecodeError> {
    let mut little = le.unwrap_or(true);
    let mut i = 0;
    if le.is_none() && b.len() >= width {
        let mark = unit(&b[..width], true);
        if mark == 0xfeff {
            i = width;
        } else if mark == if width == 2 { 0xfffe } else { 0xfffe_0000 } {
            little = false;
            i = width;
        }
    }
    let mut out = String::with_capacity(b.len() / width);
    let fail = |e: DecodeError, out: &mut String| -> Result<(), DecodeError> {
        match errors {
            "replace" => {
                out.push('\u{fffd}');
                Ok(())
            }
            "ignore" => Ok(()),
            _ => Err(e),
        }
    };
    while i < b.len() {
        if b.len() - i < width {
            let e = DecodeError {
                start: i,
                end: b.len(),
                reason: "truncated data",
            };
            fail(e, &mut out)?;
            break;
        }
        let u = unit(&b[i..i + width], little);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None => fail(
                    DecodeError {
                        start: i,
                        end: i + 4,
                        reason: if u > 0x10ffff {
                            "code point not in range(0x110000)"
                        } else {
                            "code point in surrogate code point range(0xd800, 0xe000)"
                        },
                    },
                    &mut out,
                )?,
            }
            i += 4;
            continue;
        }
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
            i += 2;
            continue;
        }
        // A surrogate: a high one followed by a low one makes a pair.
        if u >= 0xdc00 {
            fail(
                DecodeError {
                    start: i,
                    end: i + 2,
                    reason: "illegal encoding",
                },
                &mut out,
            )?;
            i += 2;
            continue;
        }
        if b.len() - i < 4 {
            fail(
                DecodeError {
                    start: i,
                    end: b.len(),
                    reason: "unexpected end of data",
                },
                &mut out,
            )?;
            break;
        }
        let low = unit(&b[i + 2..i + 4], little);
        if (0xdc00..0xe000).contains(&low) {
            let c = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
            out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
            i += 4;
        } else {
            fail(
                DecodeError {
                    start: i,
                    end: i + 2,
                    reason: "illegal UTF-16 surrogate",
                },
                &mut out,
            )?;
            i += 2;
        }
    }
    Ok(out)
}

fn unit(b: &[u8], little: bool) -> u32 {
    let mut w = [0u8; 4];
    if little {
        w[..b.len()].copy_from_slice(b);
    } else {
        for (k, x) in b.iter().rev().enumerate() {
            w[k] = *x;
        }
    }
    u32::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let s = "a\u{e9}\u{20ac}\u{1f600}";
        for width in [2, 4] {
            for le in [None, Some(true), Some(false)] {
                let b = encode(s, width, le);
                assert_eq!(decode(&b, width, le, "strict").unwrap(), s);
            }
        }
        assert_eq!(encode("A", 2, None), b"\xff\xfeA\x00");
        assert_eq!(encode("A", 2, Some(false)), b"\x00A");
        assert_eq!(decode(b"\xfe\xff\x00A", 2, None, "strict").unwrap(), "A");
    }

    #[test]
    fn errors_are_cpythons() {
        assert_eq!(
            decode(b"A\x00B", 2, Some(true), "strict")
                .unwrap_err()
                .reason,
            "truncated data"
        );
        assert_eq!(
            decode(b"\x00\xd8A\x00", 2, Some(true), "strict")
                .unwrap_err()
                .reason,
            "illegal UTF-16 surrogate"
        );
        assert_eq!(
            decode(b"\x00\xd8A\x00", 2, Some(true), "replace").unwrap(),
            "\u{fffd}A"
        );
        assert_eq!(
            decode(b"\x00\x00\x11\x00", 4, Some(true), "strict")
                .unwrap_err()
                .reason,
            "code point not in range(0x110000)"
        );
    }
}
