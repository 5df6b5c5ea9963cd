//! Running what the command line asked for, on the interpreter thread.

use std::ffi::OsStr;
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use pymm_vm::{Interp, RunOutcome};

use crate::args::{Options, Target};
use crate::repl;

/// Runs the program described by `opts`; returns how it ended.
pub fn run(opts: Options) -> RunOutcome {
    let program = &opts.program;
    let loaded = match &opts.target {
        Target::Module(module) => {
            let interp = Interp::new(opts.argv);
            let outcome = match interp.find_main_module(module) {
                Ok((source, filename)) => {
                    if opts.inspect {
                        interp.exec_main_module(&source, &filename, true);
                        let code = console(&interp, false);
                        interp.finalize();
                        return RunOutcome::Exit(code);
                    }
                    return interp.run_main_module(&source, &filename);
                }
                Err(Ok(msg)) => {
                    eprintln!("{program}: {msg}");
                    RunOutcome::Exit(1)
                }
                Err(Err(code)) => RunOutcome::Exit(code),
            };
            interp.finalize();
            return outcome;
        }
        Target::Command(cmd) => Ok((cmd.clone(), "<string>".to_string())),
        Target::Script(path) => load_script(program, path, opts.skip_first_line),
        Target::Stdin => {
            if opts.inspect || io::stdin().is_terminal() {
                // The console only: nothing to run first.
                let interp = Interp::new(opts.argv);
                let code = console(&interp, !opts.quiet);
                interp.finalize();
                return RunOutcome::Exit(code);
            }
            read_stdin(program).map(|source| (source, "<stdin>".to_string()))
        }
    };
    let interp = Interp::new(opts.argv);
    if opts.inspect {
        // `-i`: the console follows in the program's `__main__`, also when the program
        // could not be loaded or failed (`SystemExit` included); the `atexit` handlers
        // run when the console ends.
        if let Ok((source, filename)) = loaded {
            interp.exec_main(&source, &filename, true);
        }
        let code = console(&interp, false);
        interp.finalize();
        return RunOutcome::Exit(code);
    }
    match loaded {
        Ok((source, filename)) => interp.run_main(&source, &filename),
        Err(code) => RunOutcome::Exit(code),
    }
}

/// Reads the program from (non-terminal) standard input.
fn read_stdin(program: &str) -> Result<String, i32> {
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
        eprintln!("{program}: can't read <stdin>: {}", describe(&e));
        return Err(2);
    }
    decode(bytes, "<stdin>")
}

/// The REPL on the terminal (rustyline) or, with `-i`, on piped standard input.
fn console(interp: &Interp, banner: bool) -> i32 {
    if banner {
        eprint!("{}", repl::banner());
    }
    if io::stdin().is_terminal() {
        match repl::Terminal::new() {
            Ok(mut term) => return repl::run(interp, &mut term),
            // Not usable as a terminal after all: fall back to plain lines.
            Err(e) => eprintln!("pymm: line editing unavailable ({e})"),
        }
    }
    repl::run(interp, &mut repl::Piped)
}

/// python3's absolute form of a script path (`_Py_abspath`): the current directory
/// joined with the path as given, without normalising `.` or `..`.
pub fn abs_path(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let Ok(cwd) = std::env::current_dir() else {
        return path.to_path_buf();
    };
    if path.as_os_str().is_empty() || path.as_os_str() == "." {
        return cwd;
    }
    cwd.join(path)
}

/// An OS error as python3 words it: `[Errno 2] No such file or directory`.
pub fn describe(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(errno) => {
            let text = e.to_string();
            let suffix = format!(" (os error {errno})");
            let text = text.strip_suffix(&suffix).unwrap_or(&text);
            format!("[Errno {errno}] {text}")
        }
        None => e.to_string(),
    }
}

/// Reads a script (or a directory's `__main__.py`); returns its source and the
/// filename for tracebacks, or the exit status after printing python3's message.
fn load_script(
    program: &str,
    path: &OsStr,
    skip_first_line: bool,
) -> Result<(String, String), i32> {
    let given = Path::new(path);
    let abs = abs_path(given);
    let mut file = abs.clone();
    if given.as_os_str().is_empty() || abs.is_dir() {
        file = abs.join("__main__.py");
        if !file.is_file() {
            eprintln!(
                "{program}: can't find '__main__' module in '{}'",
                abs.display()
            );
            return Err(1);
        }
    }
    let mut bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "{program}: can't open file '{}': {}",
                abs.display(),
                describe(&e)
            );
            return Err(2);
        }
    };
    let filename = file.to_string_lossy().into_owned();
    if skip_first_line {
        // `-x`: drop the first line but keep the line numbers.
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(bytes.len());
        bytes.drain(..end);
    }
    decode(bytes, &filename).map(|source| (source, filename))
}

/// Decodes source bytes as UTF-8 (dropping a byte-order mark), or prints python3's
/// `SyntaxError` for undecodable source and returns exit status 1.
pub fn decode(mut bytes: Vec<u8>, filename: &str) -> Result<String, i32> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        eprintln!(
            "{}",
            non_utf8_message(e.as_bytes(), e.utf8_error().valid_up_to(), filename)
        );
        1
    })
}

/// python3's message for source that is not UTF-8 and declares no encoding.
pub fn non_utf8_message(bytes: &[u8], at: usize, filename: &str) -> String {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    format!(
        "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
         but no encoding declared; see https://peps.python.org/pep-0263/ for details",
        bytes[at]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abs_path_keeps_the_path_as_given() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            abs_path(Path::new("/a/../b.py")),
            PathBuf::from("/a/../b.py")
        );
        assert_eq!(abs_path(Path::new("./x.py")), cwd.join("./x.py"));
        assert!(
            abs_path(Path::new("./x.py"))
                .to_string_lossy()
                .ends_with("/./x.py")
        );
        assert_eq!(abs_path(Path::new(".")), cwd);
        assert_eq!(abs_path(Path::new("")), cwd);
    }

    #[test]
    fn os_errors_read_like_python3() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(describe(&e), "[Errno 2] No such file or directory");
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(describe(&e), "[Errno 13] Permission denied");
    }

    #[test]
    fn decoding() {
        assert_eq!(
            decode(b"\xef\xbb\xbfx = 1\n".to_vec(), "f"),
            Ok("x = 1\n".into())
        );
        assert_eq!(
            non_utf8_message(b"x=1\n\xff\n", 4, "<stdin>"),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file <stdin> on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
    }
}
