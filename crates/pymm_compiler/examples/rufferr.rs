//! Debug helper: prints ruff's raw parse errors for each stdin line.
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines() {
        let src = line
            .expect("stdin")
            .replace("\\n", "\n")
            .replace("\\t", "\t");
        let parsed = ruff_python_parser::parse_unchecked(
            &src,
            ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module),
        );
        let errs: Vec<String> = parsed
            .errors()
            .iter()
            .map(|e| format!("{:?}@{:?}", e.error, e.location))
            .collect();
        println!("{src:?} => {}", errs.join(" ;; "));
    }
}
