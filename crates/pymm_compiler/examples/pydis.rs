//! Disassembles a Python file: `cargo run -p pymm_compiler --example pydis -- file.py`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: pydis FILE");
    let src = std::fs::read_to_string(&path).expect("read");
    match pymm_compiler::compile(&src, &path, pymm_compiler::Mode::Exec) {
        Ok(code) => print!("{}", pymm_compiler::disassemble(&code)),
        Err(e) => eprint!("{}", e.render()),
    }
}
