//! Reads NUL-separated Python sources on stdin and prints, per source, one
//! line `kind|msg|line|offset|end_line|end_offset` or `OK` (used to compare
//! pymm's compile errors with CPython's).
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    for src in input.split('\0').filter(|s| !s.is_empty()) {
        match pymm_compiler::compile(src, "x.py", pymm_compiler::Mode::Exec) {
            Ok(_) => println!("OK"),
            Err(e) => println!(
                "{}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.message.replace('\n', " "),
                e.line,
                e.col,
                e.end_line,
                e.end_col
            ),
        }
    }
}
