//! Prints `OPNAME line end_line col end_col` for the instructions that can
//! raise with a caret display, for comparison with CPython's `co_positions`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: positions FILE");
    let src = std::fs::read_to_string(&path).expect("read");
    let code = pymm_compiler::compile(&src, &path, pymm_compiler::Mode::Exec).expect("compile");
    let mut out = Vec::new();
    walk(&code, &mut out);
    out.sort();
    for l in out {
        println!("{l}");
    }
}

fn walk(c: &pymm_compiler::CodeObject, out: &mut Vec<String>) {
    use pymm_compiler::Instr::*;
    for (i, instr) in c.instructions.iter().enumerate() {
        let name = match instr {
            Call(_) | CallFunctionEx(_) => "CALL",
            BinaryOp(_) => "BINARY_OP",
            BinarySubscr => "BINARY_SUBSCR",
            LoadAttr(_) => "LOAD_ATTR",
            LoadMethod(_) => "LOAD_METHOD",
            CompareOp(_) => "COMPARE_OP",
            StoreAttr(_) => "STORE_ATTR",
            StoreSubscr => "STORE_SUBSCR",
            _ => continue,
        };
        let l = c.locations[i];
        out.push(format!(
            "{} {} {} {} {} {}",
            c.qualname, name, l.line, l.end_line, l.col, l.end_col
        ));
    }
    for k in &c.constants {
        if let pymm_compiler::Constant::Code(inner) = k {
            walk(inner, out);
        }
    }
}
