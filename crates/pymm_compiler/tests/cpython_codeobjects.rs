//! Differential test against CPython 3.11: for every code object of a set
//! of programs, name, qualname, first line, argument counts, `co_varnames`,
//! `co_cellvars`, `co_freevars` and `co_flags` equal what `python3`'s
//! `compile()` produces, for sample programs, `tests/corpus` and every
//! `Lib/*.py` and `Lib/test/*.py` file. Skipped when `python3` is missing.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::Command;

use pymm_compiler::{CodeObject, Constant, Mode, compile};

const DUMP: &str = r#"
import sys
def walk(c, out):
    out.append("|".join([c.co_name, c.co_qualname, str(c.co_firstlineno), str(c.co_argcount),
        str(c.co_posonlyargcount), str(c.co_kwonlyargcount), ",".join(c.co_varnames),
        ",".join(c.co_cellvars), ",".join(c.co_freevars), str(c.co_flags & 0x2ff)]))
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            walk(k, out)
for path in sys.argv[1:]:
    out = []
    try:
        walk(compile(open(path, encoding="utf-8").read(), path, "exec"), out)
    except Exception:
        pass
    print("@@@ " + path)
    print("\n".join(sorted(out)))
"#;

/// CPython's dump for each path (one `python3` run for all of them).
fn cpython_dumps(paths: &[PathBuf]) -> Option<std::collections::HashMap<String, Vec<String>>> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(DUMP)
        .args(paths)
        .output()
        .ok()?;
    let mut map = std::collections::HashMap::new();
    let mut current: Option<String> = None;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some(p) = line.strip_prefix("@@@ ") {
            current = Some(p.to_string());
            map.insert(p.to_string(), Vec::new());
        } else if let Some(c) = &current
            && !line.is_empty()
        {
            map.get_mut(c).expect("entry").push(line.to_string());
        }
    }
    Some(map)
}

fn walk(c: &CodeObject, out: &mut Vec<String>) {
    let join = |v: &[std::rc::Rc<str>]| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut line = String::new();
    let _ = write!(
        line,
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        c.name,
        c.qualname,
        c.firstlineno,
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount,
        join(&c.varnames),
        join(&c.cellvars),
        join(&c.freevars),
        c.flags.0 & 0x2ff
    );
    out.push(line);
    for k in &c.constants {
        if let Constant::Code(inner) = k {
            walk(inner, out);
        }
    }
}

fn compare(path: &PathBuf, theirs: &[String]) -> Result<usize, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path.display().to_string();
    let code = compile(&src, &name, Mode::Exec).map_err(|e| e.render())?;
    let mut ours = Vec::new();
    walk(&code, &mut ours);
    ours.sort();
    let mut diffs = Vec::new();
    for l in theirs {
        if !ours.contains(l) {
            diffs.push(format!("  cpython: {l}"));
        }
    }
    for l in &ours {
        if !theirs.contains(l) {
            diffs.push(format!("  pymm:    {l}"));
        }
    }
    if diffs.is_empty() {
        Ok(ours.len())
    } else {
        Err(format!("{name}:\n{}", diffs.join("\n")))
    }
}

fn python_available() -> bool {
    Command::new("python3").arg("--version").output().is_ok()
}

#[test]
fn code_object_metadata_matches_cpython() {
    if !python_available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("pymm_codeobj_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [include_str!("../examples/sample_program.py")];
    let mut paths = Vec::new();
    for (i, p) in programs.iter().enumerate() {
        let path = dir.join(format!("prog{i}.py"));
        std::fs::write(&path, p).unwrap();
        paths.push(path);
    }
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    if let Ok(entries) = std::fs::read_dir(&corpus) {
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|f| f.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        paths.extend(files);
    }
    let (total, failures) = compare_all(&paths);
    eprintln!("{total} code objects match CPython");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn stdlib_files(sub: &str) -> Vec<PathBuf> {
    let Ok(out) = Command::new("python3")
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
    else {
        return Vec::new();
    };
    let lib = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join(sub);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&lib)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn stdlib_code_objects_match_cpython() {
    let files = stdlib_files(".");
    let (total, failures) = compare_all(&files);
    eprintln!(
        "{total} code objects match CPython; {} files differ",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "all of Lib/test (~15 s in debug builds)"]
fn stdlib_test_suite_code_objects_match_cpython() {
    let files = stdlib_files("test");
    let (total, failures) = compare_all(&files);
    eprintln!(
        "{total} code objects match CPython; {} files differ",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn compare_all(paths: &[PathBuf]) -> (usize, Vec<String>) {
    let Some(dumps) = cpython_dumps(paths) else {
        return (0, Vec::new());
    };
    let mut total = 0;
    let mut failures = Vec::new();
    for p in paths {
        let Some(theirs) = dumps.get(&p.display().to_string()) else {
            continue;
        };
        if theirs.is_empty() {
            continue; // CPython could not compile or read it either
        }
        match compare(p, theirs) {
            Ok(n) => total += n,
            Err(e) => failures.push(e),
        }
    }
    (total, failures)
}
