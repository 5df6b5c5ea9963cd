//! The differential corpus (tests/corpus): every script is run by the `pymm` binary and
//! must reproduce what CPython 3.11.7 printed when the expected files were recorded
//! (`scripts/corpus_record.py`): stdout byte for byte, the last non-empty line of stderr,
//! and the exit status. Scripts under `tests/corpus/wishlist/` are not run here: they
//! record behaviour pymm does not have yet (`scripts/corpus_check.py --wishlist`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// Every test script under `dir` (relative paths), subdirectories included, except
/// `wishlist/` and the `_mod_*` helper modules and packages.
fn scripts(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(root.join(rel)) else {
            return;
        };
        for e in entries.filter_map(|e| e.ok()) {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = rel.join(&name);
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                if name != "wishlist"
                    && !name.starts_with('.')
                    && !name.starts_with("__")
                    && !name.starts_with("_mod_")
                {
                    walk(root, &path, out);
                }
            } else if name.ends_with(".py") && !name.starts_with("_mod_") {
                out.push(path.to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out);
    out.sort();
    out
}

fn last_line(b: &[u8]) -> String {
    String::from_utf8_lossy(b)
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string())
        .unwrap_or_default()
}

/// Runs one script; `Err` describes the first difference.
fn check(dir: &Path, name: &str) -> Result<(), String> {
    let stem = &name[..name.len() - 3];
    let want_out =
        std::fs::read(dir.join(format!("{stem}.out"))).map_err(|e| format!("{stem}.out: {e}"))?;
    let want_err = std::fs::read_to_string(dir.join(format!("{stem}.err"))).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(dir.join(format!("{stem}.code")))
        .map_err(|e| format!("{stem}.code: {e}"))?
        .trim()
        .parse()
        .map_err(|e| format!("{stem}.code: {e}"))?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pymm"))
        .arg(name)
        .current_dir(dir)
        .env("PYTHONPATH", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {e}"))?;
    // Read the pipes on threads so a chatty script cannot block on a full pipe.
    let mut so = child.stdout.take().expect("stdout");
    let mut se = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut b).ok();
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut b).ok();
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timeout after {}s", TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = t_out.join().unwrap_or_default();
    let err = t_err.join().unwrap_or_default();
    let code = status.code().unwrap_or(-1);
    if out != want_out {
        let (g, w) = (
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&want_out),
        );
        let (gl, wl): (Vec<&str>, Vec<&str>) = (g.lines().collect(), w.lines().collect());
        let i = (0..gl.len().max(wl.len()))
            .find(|&i| gl.get(i) != wl.get(i))
            .unwrap_or(0);
        return Err(format!(
            "stdout line {}: expected {:?}, got {:?} (stderr: {:?})",
            i + 1,
            wl.get(i).unwrap_or(&"<eof>"),
            gl.get(i).unwrap_or(&"<eof>"),
            last_line(&err)
        ));
    }
    if last_line(&err) != want_err.trim_end() {
        return Err(format!(
            "stderr last line: expected {:?}, got {:?}",
            want_err.trim_end(),
            last_line(&err)
        ));
    }
    if code != want_code {
        return Err(format!("exit status: expected {want_code}, got {code}"));
    }
    Ok(())
}

#[test]
fn corpus_matches_cpython() {
    let dir = corpus_dir();
    let names = scripts(&dir);
    assert!(names.len() >= 100, "the corpus has {} scripts", names.len());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    let queue = std::sync::Mutex::new(names.clone());
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some(name) = queue.lock().expect("queue").pop() else {
                        break;
                    };
                    if let Err(e) = check(&dir, &name) {
                        failures
                            .lock()
                            .expect("failures")
                            .push(format!("{name}: {e}"));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("failures");
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} corpus scripts differ from CPython 3.11 (move a script to tests/corpus/wishlist/ only with a note of why):\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
