//! Runs a Python file with pymm_vm (a development helper; the `pymm` command is the
//! real entry point): `cargo run -p pymm_vm --example run -- script.py [args...]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().cloned() else {
        eprintln!("usage: run script.py [args...]");
        std::process::exit(2);
    };
    let code = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let src = match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("run: can't open file '{path}': {e}");
                    return 2;
                }
            };
            let interp = pymm_vm::Interp::new(args);
            let pymm_vm::RunOutcome::Exit(code) = interp.run_main(&src, &path);
            code
        })
        .expect("spawn interpreter thread")
        .join()
        .unwrap_or(70);
    std::process::exit(code);
}
