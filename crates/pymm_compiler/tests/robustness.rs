//! Robustness: real Python files compile without error or panic.
//!
//! * `tests/corpus/**/*.py` of the workspace (skipped when missing);
//! * a few files of CPython's own test suite (`test_gc.py`, ...);
//! * `stdlib_sweep` (ignored by default, run with `--ignored`): every
//!   top-level `Lib/*.py` module and every `Lib/test/test_*.py`.

use std::path::{Path, PathBuf};
use std::process::Command;

use pymm_compiler::{Mode, compile, verify};

/// Directory of CPython's `Lib/` (via the installed `python3`).
fn stdlib_dir() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?;
    let p = PathBuf::from(s.trim());
    p.is_dir().then_some(p)
}

/// Whether CPython 3.11 itself accepts the file (some test inputs are
/// deliberately invalid, e.g. `badsyntax_*.py`).
fn cpython_accepts(path: &Path) -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')",
        ])
        .arg(path)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn py_files(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if recursive {
                py_files(&p, true, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Compiles each file; returns (compiled, failures as "path: error").
fn compile_all(files: &[PathBuf]) -> (usize, Vec<String>) {
    let mut ok = 0;
    let mut failures = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let Ok(src) = String::from_utf8(bytes) else {
            continue; // non-UTF-8 source (PEP 263 coding cookies) is out of scope
        };
        let name = f.display().to_string();
        match std::panic::catch_unwind(|| compile(&src, &name, Mode::Exec)) {
            Ok(Ok(code)) => match verify(&code) {
                Ok(()) => ok += 1,
                Err(e) => failures.push(format!("{name}: verifier: {e}")),
            },
            Ok(Err(e)) => {
                if cpython_accepts(f) {
                    failures.push(format!("{name}: {e}"));
                } else {
                    ok += 1;
                }
            }
            Err(_) => failures.push(format!("{name}: PANIC")),
        }
    }
    (ok, failures)
}

#[test]
fn workspace_corpus_compiles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    if !dir.is_dir() {
        eprintln!("tests/corpus missing; skipped");
        return;
    }
    let mut files = Vec::new();
    py_files(&dir, true, &mut files);
    let (ok, failures) = compile_all(&files);
    eprintln!("corpus: {ok} files compiled");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cpython_memory_tests_compile() {
    let Some(lib) = stdlib_dir() else {
        eprintln!("python3 not found; skipped");
        return;
    };
    let names = [
        "test/test_gc.py",
        "test/test_weakref.py",
        "test/test_finalization.py",
        "test/test_sys.py",
        "test/test_scope.py",
        "test/test_grammar.py",
        "test/test_exceptions.py",
        "test/test_generators.py",
        "test/test_with.py",
        "test/test_class.py",
        "test/test_fstring.py",
        "test/test_syntax.py",
        "weakref.py",
        "gc.py",
        "collections/__init__.py",
        "dataclasses.py",
        "typing.py",
        "inspect.py",
    ];
    let files: Vec<PathBuf> = names
        .iter()
        .map(|n| lib.join(n))
        .filter(|p| p.exists())
        .collect();
    let (ok, failures) = compile_all(&files);
    eprintln!("cpython files: {ok} compiled");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "sweeps the whole stdlib (~1 minute in debug builds)"]
fn stdlib_sweep() {
    let Some(lib) = stdlib_dir() else {
        return;
    };
    let mut files = Vec::new();
    py_files(&lib, false, &mut files);
    py_files(&lib.join("test"), false, &mut files);
    let (ok, failures) = compile_all(&files);
    eprintln!("stdlib sweep: {ok} of {} files compiled", files.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
