//! Prints pymm's compile error for each JSON-lines case on stdin as
//! `kind|msg|line|offset|end_line|end_offset` (used to compare with CPython).
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        // Each line is a Rust-escaped source: \n and \t escapes only.
        let src = line.replace("\\n", "\n").replace("\\t", "\t");
        match pymm_compiler::compile(&src, "x.py", pymm_compiler::Mode::Exec) {
            Ok(_) => println!("OK"),
            Err(e) => println!(
                "{}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.message,
                e.line,
                e.col,
                e.end_line,
                e.end_col
            ),
        }
    }
}
