//! Command-line parsing with python3's rules.
//!
//! This is a hand-written port of CPython 3.11's `Python/getopt.c` plus the option
//! handling of `Python/initconfig.c` (`config_parse_cmdline`) rather than a clap
//! parser, because clap cannot express python3's model without fighting it:
//!
//! * `-c CMD` and `-m MOD` *terminate* the option list, also when the value is attached
//!   (`-cCMD`, `-Bc CMD`): everything after them goes to `sys.argv` untouched, even
//!   `-V` or `--help`. clap keeps parsing options after an attached value
//!   (`-cx -B` sets `-B`), and making the positional `allow_hyphen_values` to collect
//!   the rest turns unknown options (`-z`, `--xyz`) into a script name instead of an
//!   error.
//! * Short options cluster and may repeat (`-OO`, `-bb`, `-Bc code`, `-hV`), where
//!   `-h` exits at once but `-V` only after the whole option list was read
//!   (`-V -z` is a usage error, `-Vc x` prints the version).
//! * The diagnostics are python3's, word for word (`unknown option --xyz`,
//!   `Unknown option: -z`, `Argument expected for the -c option`), followed by the
//!   usage line, with exit status 2; `-h` and `-V` print python3's texts to stdout.
//!
//! So clap would only be a tokenizer here, and not the right one.

use std::ffi::{OsStr, OsString};

/// The version of Python that pymm implements.
pub const PY_VERSION: &str = "3.11.7";

/// `sys.version` ([`pymm_vm::state::VERSION`]): what `-VV` prints after "Python ", and
/// the REPL banner too.
pub fn full_version() -> String {
    pymm_vm::state::VERSION.to_string()
}

/// python3's short options; a `:` follows those that take an argument
/// (`SHORT_OPTS` in `Python/getopt.c`).
const SHORT_OPTS: &str = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

/// Where the program comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-c CMD`.
    Command(String),
    /// `-m MOD`.
    Module(String),
    /// A script file, as given on the command line.
    Script(OsString),
    /// Standard input: the REPL on a terminal, else the program text.
    Stdin,
}

/// What to run, once the options are parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// `argv[0]` of the `pymm` process, as python3 names itself in its messages.
    pub program: String,
    /// The program to run.
    pub target: Target,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `-i`: enter the REPL after running the program (also reading a non-terminal stdin
    /// line by line).
    pub inspect: bool,
    /// `-q`: no banner when the REPL starts.
    pub quiet: bool,
    /// `-x`: skip the first line of the source.
    pub skip_first_line: bool,
}

/// The outcome of parsing the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Run a program.
    Run(Options),
    /// Print this to stdout and exit 0 (`-h`, `-V`, `--help-all`, ...).
    Print(String),
    /// A usage error: print this to stderr and exit 2.
    Usage(String),
}

fn lossy(s: &OsStr) -> String {
    s.to_string_lossy().into_owned()
}

/// The usage line (`usage_line` in `Python/initconfig.c`).
pub fn usage_line(program: &str) -> String {
    format!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n")
}

/// A usage error: python3 prints the message, the usage line and a hint, then exits 2.
fn usage_error(program: &str, message: &str) -> Parsed {
    Parsed::Usage(format!(
        "{message}\n{}Try `pymm -h' for more information.\n",
        usage_line(program)
    ))
}

/// `-h` / `--help`: python3's help text, limited to what pymm does.
pub fn help_text(program: &str) -> String {
    let mut s = usage_line(program);
    s.push_str(
        "\
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-m mod : run library module as a script (terminates option list)
-q     : don't print version and copyright messages on interactive startup
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-b, -B, -d, -E, -I, -O, -OO, -P, -R, -s, -S, -u, -v, -W arg, -X opt,
--check-hash-based-pycs always|default|never:
         accepted for compatibility with python3 and ignored
--help-env      : print help about Python environment variables and exit
--help-xoptions : print help about implementation-specific -X options and exit
--help-all      : print complete help information and exit
Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
",
    );
    s
}

const HELP_ENV: &str = "\
pymm reads no PYTHON* environment variables: PYTHONPATH, PYTHONHOME,
PYTHONINSPECT, PYTHONUNBUFFERED and the others are ignored.
";

const HELP_XOPTIONS: &str = "\
pymm has no implementation-specific -X options; -X opt is accepted and ignored.
";

/// Parses `args` (including `argv[0]`) as python3 does.
pub fn parse(args: &[OsString]) -> Parsed {
    let program = args
        .first()
        .map_or_else(|| "pymm".to_string(), |a| lossy(a));
    let mut inspect = false;
    let mut quiet = false;
    let mut skip_first_line = false;
    let mut print_version = 0u32;
    let mut target: Option<Target> = None;

    let mut i = 1; // index of the next argument
    'args: while i < args.len() {
        let arg = lossy(&args[i]);
        if !arg.starts_with('-') || arg == "-" {
            break; // the script, or `-` for stdin
        }
        i += 1;
        match arg.as_str() {
            "--" => break,
            "--help" | "--help-all" => return Parsed::Print(help_text(&program)),
            "--version" => {
                print_version += 1;
                continue;
            }
            "--help-env" => return Parsed::Print(HELP_ENV.to_string()),
            "--help-xoptions" => return Parsed::Print(HELP_XOPTIONS.to_string()),
            "--check-hash-based-pycs" => {
                let Some(value) = args.get(i) else {
                    return usage_error(
                        &program,
                        "Argument expected for the --check-hash-based-pycs options",
                    );
                };
                i += 1;
                if !matches!(lossy(value).as_str(), "always" | "default" | "never") {
                    return usage_error(
                        &program,
                        "--check-hash-based-pycs must be one of 'default', 'always', or 'never'",
                    );
                }
                continue;
            }
            _ => {}
        }
        if arg.starts_with("--") {
            return usage_error(&program, &format!("unknown option {arg}"));
        }
        // A cluster of short options: `-Bq`, `-OO`, `-cCODE`, `-Wdefault`.
        let cluster: Vec<char> = arg.chars().skip(1).collect();
        let mut k = 0;
        while k < cluster.len() {
            let opt = cluster[k];
            k += 1;
            if opt == '-' {
                // `-B-`: getopt.c says "expected long option" and stops parsing there.
                eprintln!("expected long option");
                break 'args;
            }
            if opt == 'J' {
                return usage_error(&program, "-J is reserved for Jython");
            }
            let Some(pos) = SHORT_OPTS.find(opt) else {
                return usage_error(&program, &format!("Unknown option: -{opt}"));
            };
            let takes_arg = SHORT_OPTS[pos + opt.len_utf8()..].starts_with(':');
            let value = if takes_arg {
                if k < cluster.len() {
                    let v: String = cluster[k..].iter().collect();
                    k = cluster.len();
                    Some(v)
                } else if let Some(v) = args.get(i) {
                    i += 1;
                    Some(lossy(v))
                } else {
                    return usage_error(
                        &program,
                        &format!("Argument expected for the -{opt} option"),
                    );
                }
            } else {
                None
            };
            match opt {
                'c' => {
                    // python3 runs the command with a newline appended.
                    let mut cmd = value.unwrap_or_default();
                    cmd.push('\n');
                    target = Some(Target::Command(cmd));
                    break 'args;
                }
                'm' => {
                    target = Some(Target::Module(value.unwrap_or_default()));
                    break 'args;
                }
                'h' | '?' => return Parsed::Print(help_text(&program)),
                'V' => print_version += 1,
                'i' => inspect = true,
                'q' => quiet = true,
                'x' => skip_first_line = true,
                // Accepted and ignored: b B d E I O P R s S t u v W X.
                _ => {}
            }
        }
    }

    if print_version > 0 {
        let v = if print_version >= 2 {
            full_version()
        } else {
            PY_VERSION.to_string()
        };
        return Parsed::Print(format!("Python {v}\n"));
    }

    let rest = || args[i..].iter().map(|a| lossy(a));
    let (target, argv) = match target {
        Some(Target::Command(c)) => {
            let argv = std::iter::once("-c".to_string()).chain(rest()).collect();
            (Target::Command(c), argv)
        }
        Some(Target::Module(m)) => {
            let argv = std::iter::once("-m".to_string()).chain(rest()).collect();
            (Target::Module(m), argv)
        }
        Some(t @ (Target::Script(_) | Target::Stdin)) => (t, rest().collect()),
        None => match args.get(i) {
            Some(a) if a.as_os_str() != "-" => (Target::Script(a.clone()), rest().collect()),
            Some(_) => (Target::Stdin, rest().collect()),
            None => (Target::Stdin, vec![String::new()]),
        },
    };
    Parsed::Run(Options {
        program,
        target,
        argv,
        inspect,
        quiet,
        skip_first_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Parsed {
        let mut v: Vec<OsString> = vec!["pymm".into()];
        v.extend(args.iter().map(OsString::from));
        parse(&v)
    }

    fn run(args: &[&str]) -> Options {
        match p(args) {
            Parsed::Run(o) => o,
            other => panic!("{args:?}: expected Run, got {other:?}"),
        }
    }

    fn usage_first_line(args: &[&str]) -> String {
        match p(args) {
            Parsed::Usage(s) => {
                let mut lines = s.lines();
                let first = lines.next().unwrap().to_string();
                assert_eq!(
                    lines.next().unwrap(),
                    "usage: pymm [option] ... [-c cmd | -m mod | file | -] [arg] ..."
                );
                first
            }
            other => panic!("{args:?}: expected Usage, got {other:?}"),
        }
    }

    #[test]
    fn the_version_is_sys_version() {
        assert!(
            pymm_vm::state::VERSION.starts_with(&format!("{PY_VERSION} ")),
            "{}",
            pymm_vm::state::VERSION
        );
        assert_eq!(full_version(), pymm_vm::state::VERSION);
    }

    #[test]
    fn script_and_its_arguments() {
        let o = run(&["s.py", "a", "--foo", "-V", "-c", "x"]);
        assert_eq!(o.target, Target::Script("s.py".into()));
        assert_eq!(o.argv, ["s.py", "a", "--foo", "-V", "-c", "x"]);
        let o = run(&["-B", "-u", "s.py", "--", "y"]);
        assert_eq!(o.target, Target::Script("s.py".into()));
        assert_eq!(o.argv, ["s.py", "--", "y"]);
        let o = run(&["--", "-c"]);
        assert_eq!(o.target, Target::Script("-c".into()));
        assert_eq!(o.argv, ["-c"]);
    }

    #[test]
    fn command_terminates_options() {
        let o = run(&["-c", "print(1)", "-V", "--help", "a"]);
        assert_eq!(o.target, Target::Command("print(1)\n".into()));
        assert_eq!(o.argv, ["-c", "-V", "--help", "a"]);
        let o = run(&["-cx", "-B"]);
        assert_eq!(o.target, Target::Command("x\n".into()));
        assert_eq!(o.argv, ["-c", "-B"]);
        let o = run(&["-Bc", "x", "y"]);
        assert_eq!(o.target, Target::Command("x\n".into()));
        assert_eq!(o.argv, ["-c", "y"]);
        let o = run(&["-c", "--", "y"]);
        assert_eq!(o.target, Target::Command("--\n".into()));
        assert_eq!(o.argv, ["-c", "y"]);
        let o = run(&["-c", "x", "--", "y"]);
        assert_eq!(o.argv, ["-c", "--", "y"]);
        let o = run(&["-m", "mod", "z"]);
        assert_eq!(o.target, Target::Module("mod".into()));
        assert_eq!(o.argv, ["-m", "z"]);
    }

    #[test]
    fn stdin_targets() {
        let o = run(&[]);
        assert_eq!(o.target, Target::Stdin);
        assert_eq!(o.argv, [""]);
        let o = run(&["-", "a", "--b"]);
        assert_eq!(o.target, Target::Stdin);
        assert_eq!(o.argv, ["-", "a", "--b"]);
        let o = run(&["-iq"]);
        assert!(o.inspect && o.quiet && !o.skip_first_line);
        assert_eq!(o.argv, [""]);
    }

    #[test]
    fn flags_cluster_and_repeat() {
        let o = run(&[
            "-OO",
            "-bb",
            "-Wdefault",
            "-W",
            "error",
            "-X",
            "dev",
            "-xi",
            "s.py",
        ]);
        assert!(o.inspect && o.skip_first_line && !o.quiet);
        assert_eq!(o.argv, ["s.py"]);
        let o = run(&["--check-hash-based-pycs", "never", "s.py"]);
        assert_eq!(o.argv, ["s.py"]);
    }

    #[test]
    fn version_and_help() {
        assert_eq!(p(&["-V"]), Parsed::Print("Python 3.11.7\n".into()));
        assert_eq!(p(&["--version"]), Parsed::Print("Python 3.11.7\n".into()));
        assert_eq!(
            p(&["-Vc", "print(1)"]),
            Parsed::Print("Python 3.11.7\n".into())
        );
        match p(&["-VV"]) {
            Parsed::Print(s) => assert_eq!(s, "Python 3.11.7 (pymm) [Rust]\n"),
            other => panic!("{other:?}"),
        }
        for h in [
            &["-h"][..],
            &["--help"],
            &["-?"],
            &["-Vh"],
            &["-hV"],
            &["--help-all"],
        ] {
            match p(h) {
                Parsed::Print(s) => assert!(s.starts_with("usage: pymm [option]"), "{s}"),
                other => panic!("{h:?}: {other:?}"),
            }
        }
        // After `-c CMD` or the script, `-V` belongs to the program.
        assert!(matches!(p(&["-c", "x", "-V"]), Parsed::Run(_)));
        assert!(matches!(p(&["s.py", "--version"]), Parsed::Run(_)));
    }

    #[test]
    fn usage_errors_match_python3() {
        assert_eq!(usage_first_line(&["--xyz"]), "unknown option --xyz");
        assert_eq!(usage_first_line(&["--he"]), "unknown option --he");
        assert_eq!(usage_first_line(&["-z"]), "Unknown option: -z");
        assert_eq!(usage_first_line(&["-Bz"]), "Unknown option: -z");
        assert_eq!(usage_first_line(&["-V", "-z"]), "Unknown option: -z");
        assert_eq!(
            usage_first_line(&["-c"]),
            "Argument expected for the -c option"
        );
        assert_eq!(
            usage_first_line(&["-W"]),
            "Argument expected for the -W option"
        );
        assert_eq!(usage_first_line(&["-J"]), "-J is reserved for Jython");
        assert_eq!(
            usage_first_line(&["--check-hash-based-pycs", "x"]),
            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
        );
    }
}
