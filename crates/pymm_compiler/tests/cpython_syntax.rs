//! Differential test with CPython's own syntax-error suite: every snippet in
//! the doctests of `Lib/test/test_syntax.py` that CPython 3.11 rejects, pymm
//! rejects too (with the same message for most of them), and every snippet
//! CPython accepts compiles. Skipped when `python3` is missing.

use std::process::Command;

use pymm_compiler::{Mode, compile};

const EXTRACT: &str = r#"
import doctest, sys
import test.test_syntax as ts
out = []
for ex in doctest.DocTestParser().get_examples(ts.__doc__):
    try:
        compile(ex.source, "x.py", "exec")
        out.append("V\x01" + ex.source)
    except SyntaxError as e:
        out.append("I\x01" + ex.source + "\x01" + e.msg)
    except Exception:
        pass
sys.stdout.write("\x00".join(out))
"#;

#[test]
fn test_syntax_snippets_agree_with_cpython() {
    let Ok(out) = Command::new("python3").arg("-c").arg(EXTRACT).output() else {
        return;
    };
    if !out.status.success() {
        return;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let (mut invalid, mut same_message, mut valid) = (0, 0, 0);
    let mut failures = Vec::new();
    for record in text.split('\0').filter(|r| !r.is_empty()) {
        let parts: Vec<&str> = record.split('\x01').collect();
        match parts.as_slice() {
            ["V", src] => {
                valid += 1;
                if let Err(e) = compile(src, "x.py", Mode::Exec) {
                    failures.push(format!("rejected valid {src:?}: {}", e.message));
                }
            }
            ["I", src, msg] => {
                invalid += 1;
                match compile(src, "x.py", Mode::Exec) {
                    Ok(_) => failures.push(format!("accepted invalid {src:?} (CPython: {msg})")),
                    Err(e) if e.message == *msg => same_message += 1,
                    Err(_) => {}
                }
            }
            _ => {}
        }
    }
    eprintln!(
        "{invalid} invalid snippets rejected ({same_message} with CPython's exact message), {valid} valid accepted"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        same_message * 2 > invalid,
        "too few exact messages: {same_message}/{invalid}"
    );
}
