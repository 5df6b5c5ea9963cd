//! `pymm`: the command-line front end of the pymm Python 3.11 runtime.
//!
//! It behaves like `python3`:
//!
//! * `pymm script.py [args...]` runs a script (`sys.argv = ['script.py', args...]`);
//! * `pymm -c CMD [args...]` runs a command (`sys.argv = ['-c', args...]`);
//! * `pymm -` or `pymm < file` runs the program read from standard input;
//! * `pymm` on a terminal starts the `>>> ` console (rustyline), `-i` after a program
//!   or on piped input too;
//! * `-V`/`--version` prints `Python 3.11.7` to stdout, `-h`/`--help` a usage text, and
//!   an unknown option gives python3's usage error with exit status 2.
//!
//! The interpreter runs on a thread with a large stack, so that deep Python recursion
//! ends in `RecursionError` rather than a native stack overflow.
//!
//! Ctrl-C (`SIGINT`) raises `KeyboardInterrupt` in the running program: a signal-hook
//! thread sets pymm_vm's interrupt flag, which the eval loop polls. When the exception is
//! not caught, the traceback is printed and, as python3 does, the process ends by
//! `SIGINT` with its default action (status 130 in a shell).

mod args;
mod repl;
mod run;

use std::ffi::OsString;
use std::io::{self, Write};

use args::Parsed;
use pymm_vm::RunOutcome;
use signal_hook::consts::SIGINT;

/// Stack size of the interpreter thread.
const STACK_SIZE: usize = 256 << 20;

fn main() {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let code = match args::parse(&argv) {
        Parsed::Print(text) => {
            // Like python3, ignore a closed stdout (`pymm -h | head -1`).
            let mut out = io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            0
        }
        Parsed::Usage(text) => {
            let _ = io::stderr().write_all(text.as_bytes());
            2
        }
        Parsed::Run(opts) => {
            catch_ctrl_c();
            match run_on_big_stack(opts) {
                RunOutcome::Exit(code) => code,
                RunOutcome::Interrupted => {
                    let _ = io::stdout().flush();
                    let _ = io::stderr().flush();
                    // Dies by the signal, like python3; 130 (128 + SIGINT) if it cannot.
                    let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
                    RunOutcome::Interrupted.code()
                }
            }
        }
    };
    let _ = io::stdout().flush();
    std::process::exit(code)
}

/// Turns Ctrl-C into a request for `KeyboardInterrupt` (instead of the default action,
/// which ends the process at once).
fn catch_ctrl_c() {
    match signal_hook::iterator::Signals::new([SIGINT]) {
        Ok(mut signals) => {
            let spawned = std::thread::Builder::new()
                .name("pymm-sigint".to_string())
                .spawn(move || {
                    for _ in signals.forever() {
                        pymm_vm::state::request_interrupt();
                    }
                });
            if let Err(e) = spawned {
                eprintln!("pymm: can't watch for Ctrl-C: {e}");
            }
        }
        Err(e) => eprintln!("pymm: can't watch for Ctrl-C: {e}"),
    }
}

/// Runs the program on a thread with [`STACK_SIZE`] bytes of stack (the interpreter's
/// objects belong to that thread) and returns how it ended.
fn run_on_big_stack(opts: args::Options) -> RunOutcome {
    let spawned = std::thread::Builder::new()
        .name("pymm-main".to_string())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            pymm_vm::state::set_stack_budget(STACK_SIZE);
            run::run(opts)
        });
    match spawned {
        // After a panic (whose message the panic hook printed), 101 as for Rust programs.
        Ok(handle) => handle.join().unwrap_or(RunOutcome::Exit(101)),
        Err(e) => {
            eprintln!("pymm: can't start the interpreter thread: {e}");
            RunOutcome::Exit(1)
        }
    }
}
