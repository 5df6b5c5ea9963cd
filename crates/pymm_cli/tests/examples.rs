//! The runnable examples (`examples/*.py`: the seed articles' code and the guided tour)
//! print exactly what CPython 3.11 prints: each is run by `pymm` and by `python3`, and
//! stdout, stderr and the exit status must be identical.

use std::path::Path;
use std::process::Command;

fn run(program: &str, script: &Path) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let out = Command::new(program)
        .arg(script)
        .current_dir(script.parent().expect("examples dir"))
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    (out.stdout, out.stderr, out.status.code())
}

#[test]
fn examples_print_what_cpython_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    assert!(
        scripts.iter().any(|p| p.ends_with("tour.py")),
        "examples/tour.py exists"
    );
    let mut failures = Vec::new();
    for s in &scripts {
        let want = run("python3", s);
        let got = run(env!("CARGO_BIN_EXE_pymm"), s);
        if want != got {
            failures.push(format!(
                "{}: python3 printed\n{}\n--- pymm printed\n{}\n{}",
                s.display(),
                String::from_utf8_lossy(&want.0),
                String::from_utf8_lossy(&got.0),
                String::from_utf8_lossy(&got.1)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n====\n"));
}
