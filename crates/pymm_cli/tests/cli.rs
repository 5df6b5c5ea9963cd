//! End-to-end tests of the `pymm` binary: the behaviour expected is python3's
//! (CPython 3.11.7), checked case by case against it.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PYMM: &str = env!("CARGO_BIN_EXE_pymm");
const TIMEOUT: Duration = Duration::from_secs(120);
const USAGE: &str = "[option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// A scratch directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("pymm-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // The child's working directory is reported with symlinks resolved.
        TempDir(std::fs::canonicalize(&dir).unwrap())
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(Debug)]
struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `pymm args...` in `dir` with `stdin` (empty if `None`), with a time limit.
fn pymm_in(dir: Option<&Path>, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(PYMM);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("spawn pymm");
    let input = stdin.unwrap_or("").to_string();
    let mut child_in = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = child_in.write_all(input.as_bytes());
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("pymm {args:?} did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    writer.join().unwrap();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    Output {
        code: status.code(),
        stdout,
        stderr,
    }
}

fn pymm(args: &[&str]) -> Output {
    pymm_in(None, args, None)
}

#[test]
fn script_prints_values() {
    let dir = TempDir::new("print");
    dir.write(
        "p.py",
        "print(1 + 2)\nprint('hi', [1, 'a'], (2.5, None, True))\nd = {'k': 3}\nprint(d)\n\
         print(*range(3), sep='-')\n",
    );
    let out = pymm_in(Some(dir.path()), &["p.py"], None);
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        "3\nhi [1, 'a'] (2.5, None, True)\n{'k': 3}\n0-1-2\n"
    );
    assert_eq!(out.code, Some(0));
}

#[test]
fn script_arguments_go_to_sys_argv_untouched() {
    let dir = TempDir::new("argv");
    dir.write("a.py", "import sys\nprint(sys.argv)\n");
    let out = pymm_in(
        Some(dir.path()),
        &["-B", "a.py", "x", "--foo", "-V", "-c", "--", "-"],
        None,
    );
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        "['a.py', 'x', '--foo', '-V', '-c', '--', '-']\n"
    );
    assert_eq!(out.code, Some(0));
    // An absolute path stays as given in sys.argv[0].
    let abs = dir.path().join("a.py");
    let out = pymm(&[abs.to_str().unwrap(), "1"]);
    assert_eq!(
        out.stdout,
        format!("[{:?}, '1']\n", abs.to_str().unwrap()).replace('"', "'")
    );
}

/// With the recursion limit raised past what the native stack holds, deep Python
/// recursion and a deeply nested regular expression raise `RecursionError` (CPython
/// 3.11 crashes with a segmentation fault in both).
#[test]
fn recursion_past_the_native_stack_is_a_recursion_error() {
    let code = "import re, sys\nsys.setrecursionlimit(10**8)\n\
                def f(n): return f(n + 1)\n\
                try: f(0)\nexcept RecursionError as e: print('call', e)\n\
                try: re.compile('(' * 3000000 + ')' * 3000000)\n\
                except RecursionError as e: print('re', e)\n";
    let out = pymm(&["-c", code]);
    assert_eq!(
        (out.stdout.as_str(), out.code),
        (
            "call maximum recursion depth exceeded\n\
             re maximum recursion depth exceeded while calling a Python object\n",
            Some(0)
        ),
        "stderr: {}",
        out.stderr
    );
}

#[test]
fn dash_c_runs_a_command() {
    let out = pymm(&["-c", "print(6 * 7)"]);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("42\n", "", Some(0))
    );
    let out = pymm(&["-c", "import sys; print(sys.argv)", "a", "-V", "--help"]);
    assert_eq!(out.stdout, "['-c', 'a', '-V', '--help']\n");
    assert_eq!(out.code, Some(0));
    // An attached command also ends the options.
    let out = pymm(&["-cimport sys; print(sys.argv)", "-B"]);
    assert_eq!(out.stdout, "['-c', '-B']\n");
    let out = pymm(&[
        "-c",
        "import sys\nfor a in sys.argv[1:]:\n    print(a.upper())",
        "x",
        "y",
    ]);
    assert_eq!(out.stdout, "X\nY\n");
}

#[test]
fn dash_c_errors_are_in_string() {
    let out = pymm(&["-c", "1/0"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("  File \"<string>\", line 1, in <module>\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("ZeroDivisionError: division by zero\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn program_from_stdin() {
    let prog = "import sys\nprint(sys.argv)\nprint(sum(range(5)))\n";
    let out = pymm_in(None, &[], Some(prog));
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "['']\n10\n");
    assert_eq!(out.code, Some(0));
    let out = pymm_in(None, &["-", "a", "--b"], Some(prog));
    assert_eq!(out.stdout, "['-', 'a', '--b']\n10\n");
    assert_eq!(out.code, Some(0));
    let out = pymm_in(None, &[], Some("x = 1\n1/0\n"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("  File \"<stdin>\", line 2, in <module>\n"),
        "{}",
        out.stderr
    );
    let out = pymm_in(None, &[], Some(""));
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("", "", Some(0))
    );
}

#[test]
fn uncaught_exception_prints_a_traceback_and_exits_1() {
    let dir = TempDir::new("exc");
    let script = dir.write(
        "zd.py",
        "def f(n):\n    return 10 / n\n\nprint(\"before\")\nf(0)\n",
    );
    let out = pymm_in(Some(dir.path()), &["zd.py"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout, "before\n");
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&"Traceback (most recent call last):"),
        "{}",
        out.stderr
    );
    assert_eq!(
        lines.last(),
        Some(&"ZeroDivisionError: division by zero"),
        "{}",
        out.stderr
    );
    // python3 names the script by its absolute path (cwd joined with the path given).
    let file = script.to_str().unwrap();
    let outer = format!("  File \"{file}\", line 5, in <module>");
    let inner = format!("  File \"{file}\", line 2, in f");
    let o = lines
        .iter()
        .position(|l| *l == outer)
        .unwrap_or_else(|| panic!("{}", out.stderr));
    let i = lines
        .iter()
        .position(|l| *l == inner)
        .unwrap_or_else(|| panic!("{}", out.stderr));
    assert!(o < i, "{}", out.stderr);
    assert!(lines.contains(&"    f(0)"), "{}", out.stderr);
    assert!(lines.contains(&"    return 10 / n"), "{}", out.stderr);
}

#[test]
fn syntax_error_exits_1_before_running_anything() {
    let dir = TempDir::new("syntax1");
    dir.write("se.py", "print(1)\nx = (1,\n");
    let out = pymm_in(Some(dir.path()), &["se.py"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout, "",
        "nothing runs when the module does not compile"
    );
    assert!(
        out.stderr.ends_with("SyntaxError: '(' was never closed\n"),
        "{}",
        out.stderr
    );
    let out = pymm(&["-c", "x = = 2"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.ends_with("SyntaxError: invalid syntax\n"),
        "{}",
        out.stderr
    );
}

/// The whole of python3's display: file and line, the source line, a caret.
#[test]
fn syntax_error_display() {
    let dir = TempDir::new("syntax");
    let script = dir.write("se.py", "print(1)\nx = (1,\n");
    let out = pymm_in(Some(dir.path()), &["se.py"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "  File \"{}\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n",
            script.display()
        )
    );
    let out = pymm(&["-c", "x = = 2"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "  File \"<string>\", line 1\n    x = = 2\n        ^\nSyntaxError: invalid syntax\n"
    );
    // In the console too.
    let out = pymm_in(None, &["-i", "-q"], Some("if x\n"));
    assert_eq!(
        out.stderr,
        ">>>   File \"<stdin>\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n>>> \n"
    );
}

#[test]
fn sys_exit_sets_the_status() {
    let dir = TempDir::new("exit");
    dir.write(
        "ex.py",
        "import sys\nprint('x')\nsys.exit(3)\nprint('not reached')\n",
    );
    let out = pymm_in(Some(dir.path()), &["ex.py"], None);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("x\n", "", Some(3))
    );
    let out = pymm(&["-c", "import sys; sys.exit()"]);
    assert_eq!(out.code, Some(0));
    let out = pymm(&["-c", "raise SystemExit(0)"]);
    assert_eq!((out.stderr.as_str(), out.code), ("", Some(0)));
    let out = pymm(&["-c", "import sys; sys.exit('bye')"]);
    assert_eq!((out.stderr.as_str(), out.code), ("bye\n", Some(1)));
}

#[test]
fn missing_script_exits_2() {
    let dir = TempDir::new("missing");
    let out = pymm_in(Some(dir.path()), &["nope.py", "a"], None);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "{PYMM}: can't open file '{}': [Errno 2] No such file or directory\n",
            dir.path().join("nope.py").display()
        )
    );
    // A directory without __main__.py.
    let out = pymm_in(Some(dir.path()), &["."], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "{PYMM}: can't find '__main__' module in '{}'\n",
            dir.path().display()
        )
    );
}

#[test]
fn inspect_enters_the_console_even_when_the_script_is_missing() {
    let dir = TempDir::new("missing-i");
    let out = pymm_in(
        Some(dir.path()),
        &["-i", "nope.py"],
        Some("print('still here')\n"),
    );
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stdout, "still here\n");
    assert_eq!(
        out.stderr,
        format!(
            "{PYMM}: can't open file '{}': [Errno 2] No such file or directory\n>>> >>> \n",
            dir.path().join("nope.py").display()
        )
    );
}

#[test]
fn directory_with_main_runs_it() {
    let dir = TempDir::new("pkgdir");
    std::fs::create_dir(dir.path().join("app")).unwrap();
    dir.write("app/__main__.py", "import sys\nprint('main', sys.argv)\n");
    let out = pymm_in(Some(dir.path()), &["app", "z"], None);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("main ['app', 'z']\n", "", Some(0))
    );
}

/// `-m`: the module is found on `sys.path`, whose first entry is the current directory;
/// a package runs its `__main__` after its `__init__`; failures print python3's
/// messages after the program name and exit 1.
#[test]
fn dash_m_runs_a_module_as_main() {
    let dir = TempDir::new("dash-m");
    let cwd = dir.path().to_string_lossy().into_owned();
    dir.write(
        "hello.py",
        "import sys, os\nprint(__name__, sys.argv, sys.path[0] == os.getcwd())\n",
    );
    std::fs::create_dir(dir.path().join("pkg")).unwrap();
    dir.write("pkg/__init__.py", "print('init', __name__)\n");
    dir.write(
        "pkg/__main__.py",
        "print('main', __name__, __package__, __spec__.name, __spec__.parent)\n",
    );
    dir.write("pkg/sub.py", "raise SystemExit(3)\n");
    std::fs::create_dir(dir.path().join("bare")).unwrap();
    dir.write("bare/__init__.py", "print('bare init')\n");
    let run = |args: &[&str]| {
        let out = pymm_in(Some(dir.path()), args, None);
        (out.stdout, out.stderr, out.code)
    };
    assert_eq!(
        run(&["-m", "hello", "a", "-x"]),
        (
            format!("__main__ ['{cwd}/hello.py', 'a', '-x'] True\n"),
            String::new(),
            Some(0)
        )
    );
    assert_eq!(
        run(&["-m", "pkg"]),
        (
            "init pkg\nmain __main__ pkg pkg.__main__ pkg\n".into(),
            String::new(),
            Some(0)
        )
    );
    assert_eq!(
        run(&["-m", "pkg.sub"]),
        ("init pkg\n".into(), String::new(), Some(3))
    );
    let fails = [
        (
            "bare",
            "bare init\n",
            "No module named bare.__main__; 'bare' is a package and cannot be directly executed",
        ),
        ("nosuch", "", "No module named nosuch"),
        ("pkg.nosuch", "init pkg\n", "No module named pkg.nosuch"),
        (".rel", "", "Relative module names not supported"),
    ];
    for (module, stdout, msg) in fails {
        assert_eq!(
            run(&["-m", module]),
            (stdout.into(), format!("{PYMM}: {msg}\n"), Some(1)),
            "-m {module}"
        );
    }
    let (_, stderr, code) = run(&["-m", "hello.x"]);
    assert!(
        stderr.contains("__path__ attribute not found on 'hello'"),
        "{stderr}"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn unknown_option_is_a_usage_error() {
    let out = pymm(&["--xyz"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    let mut lines = out.stderr.lines();
    assert_eq!(lines.next(), Some("unknown option --xyz"));
    assert_eq!(
        lines.next(),
        Some(format!("usage: {PYMM} {USAGE}").as_str())
    );
    let out = pymm(&["-z", "x.py"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.starts_with("Unknown option: -z\nusage: "),
        "{}",
        out.stderr
    );
    let out = pymm(&["-c"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .starts_with("Argument expected for the -c option\nusage: "),
        "{}",
        out.stderr
    );
}

#[test]
fn version_and_help() {
    for flag in ["--version", "-V"] {
        let out = pymm(&[flag]);
        assert_eq!(
            (out.stdout.as_str(), out.stderr.as_str(), out.code),
            ("Python 3.11.7\n", "", Some(0))
        );
    }
    let out = pymm(&["-VV"]);
    assert!(
        out.stdout.starts_with("Python 3.11.7 (pymm"),
        "{}",
        out.stdout
    );
    for flag in ["--help", "-h", "-?"] {
        let out = pymm(&[flag]);
        assert_eq!(out.code, Some(0));
        assert_eq!(out.stderr, "");
        assert!(
            out.stdout.starts_with(&format!("usage: {PYMM} {USAGE}\n")),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("-c cmd : program passed in as string"),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let prog = "def f(n):\n    return f(n + 1)\n\nf(0)\n";
    let out = pymm(&["-c", prog]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("Traceback (most recent call last):\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        &out.stderr[out.stderr.len().saturating_sub(500)..]
    );
}

#[test]
fn skip_first_line_keeps_line_numbers() {
    let dir = TempDir::new("skipx");
    dir.write("x.py", "this is not python\nprint('ok')\n1/0\n");
    let out = pymm_in(Some(dir.path()), &["-x", "x.py"], None);
    assert_eq!(out.stdout, "ok\n");
    assert!(
        out.stderr.contains("x.py\", line 3, in <module>"),
        "{}",
        out.stderr
    );
}

#[test]
fn non_utf8_source() {
    let dir = TempDir::new("utf8");
    let script = dir.write("b.py", b"x = 1\n\xff = 2\n");
    let out = pymm_in(Some(dir.path()), &["b.py"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file {} on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details\n",
            script.display()
        )
    );
    // A UTF-8 byte-order mark is skipped.
    dir.write("bom.py", b"\xef\xbb\xbfprint('bom')\n");
    let out = pymm_in(Some(dir.path()), &["bom.py"], None);
    assert_eq!((out.stdout.as_str(), out.code), ("bom\n", Some(0)));
}

#[test]
fn inspect_reads_the_console_from_piped_stdin() {
    let input = "1+1\nx = 5\nif x:\n    print(x)\n\n1/0\nprint('after')\n";
    let out = pymm_in(None, &["-i", "-q"], Some(input));
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stdout, "2\n5\nafter\n");
    // Prompts go to stderr, as python3 writes them; end of input prints a newline.
    assert!(
        out.stderr
            .starts_with(">>> >>> >>> ... ... >>> Traceback (most recent call last):\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("  File \"<stdin>\", line 1, in <module>\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("ZeroDivisionError: division by zero\n>>> >>> \n"),
        "{}",
        out.stderr
    );
    // Without -q, the banner comes first.
    let out = pymm_in(None, &["-i"], Some("6*7\n"));
    assert_eq!(out.stdout, "42\n");
    assert!(
        out.stderr.starts_with("Python 3.11.7 (pymm"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with(">>> >>> \n"), "{}", out.stderr);
}

#[test]
fn console_syntax_errors_and_unfinished_input() {
    // `if x` is reported as soon as it is entered; a block pending at end of input runs,
    // and the console prompts again before it ends.
    let out = pymm_in(
        None,
        &["-i", "-q"],
        Some("if x\nfor c in 'ab':\n    print(c * 2)\n"),
    );
    assert_eq!(out.stdout, "aa\nbb\n");
    assert_eq!(
        out.stderr,
        ">>>   File \"<stdin>\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n\
         >>> ... ... \n>>> \n"
    );
    // End of input inside a bracket reports it.
    let out = pymm_in(None, &["-i", "-q"], Some("x = (1,\n"));
    assert_eq!(
        out.stderr,
        ">>> ... \n  File \"<stdin>\", line 1\n    x = (1,\n        ^\n\
         SyntaxError: '(' was never closed\n>>> \n"
    );
    let out = pymm_in(None, &["-i", "-q"], Some("if 1:\n"));
    assert_eq!(
        out.stderr,
        ">>> ... \n  File \"<stdin>\", line 1\n    if 1:\n         ^\n\
         IndentationError: expected an indented block after 'if' statement on line 1\n>>> \n"
    );
    // An open bracket continues over blank lines.
    let out = pymm_in(None, &["-i", "-q"], Some("(1,\n\n2)\n"));
    assert_eq!(out.stdout, "(1, 2)\n");
    assert_eq!(out.stderr, ">>> ... ... >>> \n");
}

/// python3 -i runs the console in the program's `__main__`.
#[test]
fn inspect_after_a_command_shares_main() {
    let out = pymm_in(None, &["-i", "-c", "x = 7"], Some("print(x * 6)\n"));
    assert_eq!(out.stdout, "42\n");
    assert_eq!(out.stderr, ">>> >>> \n");
    assert_eq!(out.code, Some(0));
}

/// A SyntaxError raised while the program runs (`compile()`, `exec()`) has a traceback,
/// then the File/line/caret block.
#[test]
fn syntax_error_raised_at_run_time() {
    let dir = TempDir::new("syntax-rt");
    let script = dir.write(
        "rt.py",
        "def f():\n    compile(\"x = = 2\", \"<case>\", \"exec\")\n\n\n\
         try:\n    exec(\"if 1:\\n  pass\\n   y = 1\\n\")\n\
         except IndentationError as e:\n    print(repr(e))\nf()\n",
    );
    let out = pymm_in(Some(dir.path()), &["rt.py"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        "IndentationError('unexpected indent', ('<string>', 3, 3, '   y = 1\\n', 3, -1))\n"
    );
    let file = script.display();
    assert_eq!(
        out.stderr,
        format!(
            "Traceback (most recent call last):\n  File \"{file}\", line 9, in <module>\n    f()\n\
             \x20 File \"{file}\", line 2, in f\n    compile(\"x = = 2\", \"<case>\", \"exec\")\n\
             \x20 File \"<case>\", line 1\n    x = = 2\n        ^\nSyntaxError: invalid syntax\n"
        )
    );
    // An IndentationError of the main script.
    let script = dir.write("ind.py", "def f():\nreturn 1\n");
    let out = pymm_in(Some(dir.path()), &["ind.py"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "  File \"{}\", line 2\n    return 1\n    ^\n\
             IndentationError: expected an indented block after function definition on line 1\n",
            script.display()
        )
    );
}

/// SyntaxErrors made by hand are displayed from their attributes, as python3 does.
#[test]
fn syntax_error_display_from_attributes() {
    let cases = [
        (
            "raise SyntaxError('m', ('f.py', 2, 9, '  ab\\n  cd\\n', 2, 12))",
            "  File \"f.py\", line 2\n      cd\n       ^^\nSyntaxError: m\n",
        ),
        (
            "raise SyntaxError('m', ('f', 2, 3, '\u{e9} abcdef', 2, 6))",
            "  File \"f\", line 2\n    \u{e9} abcdef\n      ^^^\nSyntaxError: m\n",
        ),
        (
            "raise TabError('m', ('f', 2, 3, 'abcdef', 2, 6))",
            "  File \"f\", line 2\n    abcdef\n      ^\nTabError: m\n",
        ),
        (
            "raise SyntaxError('m', ('f', 2, 3, '  abcdef', 3, 1))",
            "  File \"f\", line 2\n    abcdef\n    ^^^^^\nSyntaxError: m\n",
        ),
        (
            "raise SyntaxError('m', (None, 3, None, 'abc'))",
            "  File \"<string>\", line 3\n    abc\nSyntaxError: m\n",
        ),
        (
            "raise SyntaxError(None, ('f', 1, 1, 'x'))",
            "  File \"f\", line 1\n    x\n    ^\nSyntaxError\n",
        ),
        // No line number: displayed like any exception, with str(e).
        (
            "raise SyntaxError('m', ('f.py', None, 2, 'abc'))",
            "SyntaxError: m (f.py)\n",
        ),
        ("raise SyntaxError()", "SyntaxError: None\n"),
        (
            "e = SyntaxError('m', ('f', 2, 3, 'abcdef', 2, 6)); e.add_note('note!'); raise e",
            "  File \"f\", line 2\n    abcdef\n      ^^^\nSyntaxError: m\nnote!\n",
        ),
    ];
    for (prog, tail) in cases {
        let out = pymm(&["-c", prog]);
        assert_eq!(out.code, Some(1), "{prog}");
        let head = "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n";
        assert_eq!(out.stderr, format!("{head}{tail}"), "{prog}");
    }
}

/// `msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`, `str()` and
/// `repr()` of SyntaxError (checked against python3).
#[test]
fn syntax_error_attributes() {
    let prog = r#"for src in ["x = (1, 2\n", "x = = 2\n", "if True:\npass\n", "  x = 1\n"]:
    try:
        compile(src, "/a/b/case.py", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e))
        print(str(e), "|", e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
for args in [(), ("m",), ("m", ("f.py", 3, 1, "t")), ("m", ("a/b/f.py", 3, 1, "t", 4, 5))]:
    e = SyntaxError(*args)
    print(repr(e), "|", str(e), "|", e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
e = SyntaxError("m")
e.lineno = 5
print(str(e))
e.filename = "x/y.py"
print(str(e))
try:
    exec("def f(:\n    pass\n")
except SyntaxError as e:
    print(e, e.args)
"#;
    let expected = r#"SyntaxError SyntaxError("'(' was never closed", ('/a/b/case.py', 1, 5, 'x = (1, 2\n', 1, 0))
'(' was never closed (case.py, line 1) | '(' was never closed /a/b/case.py 1 5 'x = (1, 2\n' 1 0
SyntaxError SyntaxError('invalid syntax', ('/a/b/case.py', 1, 5, 'x = = 2\n', 1, 6))
invalid syntax (case.py, line 1) | invalid syntax /a/b/case.py 1 5 'x = = 2\n' 1 6
IndentationError IndentationError("expected an indented block after 'if' statement on line 1", ('/a/b/case.py', 2, 1, 'pass\n', 2, 5))
expected an indented block after 'if' statement on line 1 (case.py, line 2) | expected an indented block after 'if' statement on line 1 /a/b/case.py 2 1 'pass\n' 2 5
IndentationError IndentationError('unexpected indent', ('/a/b/case.py', 1, 2, '  x = 1\n', 1, -1))
unexpected indent (case.py, line 1) | unexpected indent /a/b/case.py 1 2 '  x = 1\n' 1 -1
SyntaxError() | None | None None None None None None None
SyntaxError('m') | m | m None None None None None None
SyntaxError('m', ('f.py', 3, 1, 't')) | m (f.py, line 3) | m f.py 3 1 t None None
SyntaxError('m', ('a/b/f.py', 3, 1, 't', 4, 5)) | m (f.py, line 3) | m a/b/f.py 3 1 t 4 5
m (line 5)
m (y.py, line 5)
invalid syntax (<string>, line 1) ('invalid syntax', ('<string>', 1, 7, 'def f(:\n', 1, 8))
"#;
    let out = pymm(&["-c", prog]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, expected);
    assert_eq!(out.code, Some(0));
}

#[test]
fn exit_and_quit() {
    let prog = "print(repr(exit), str(quit), exit, quit)\n\
                print(type(exit).__name__, type(exit).__module__, exit.name, exit.eof)\n\
                import sys\nprint('_sitebuiltins' in sys.modules)\n\
                for q, args in [(exit, ()), (quit, (5,)), (exit, ('msg',))]:\n\
                \x20   try:\n        q(*args)\n\
                \x20   except SystemExit as e:\n        print(repr(e), e.code)\n\
                exit(7)\nprint('not reached')\n";
    let out = pymm(&["-c", prog]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        "Use exit() or Ctrl-D (i.e. EOF) to exit Use quit() or Ctrl-D (i.e. EOF) to exit \
         Use exit() or Ctrl-D (i.e. EOF) to exit Use quit() or Ctrl-D (i.e. EOF) to exit\n\
         Quitter _sitebuiltins exit Ctrl-D (i.e. EOF)\nTrue\nSystemExit(None) None\n\
         SystemExit(5) 5\nSystemExit('msg') msg\n"
    );
    assert_eq!(out.code, Some(7));
    let out = pymm(&["-c", "quit('bye')"]);
    assert_eq!((out.stderr.as_str(), out.code), ("bye\n", Some(1)));
    let out = pymm(&["-c", "exit()"]);
    assert_eq!((out.stderr.as_str(), out.code), ("", Some(0)));
}

/// `SystemExit` in the console ends it with its status (after the `atexit` handlers).
#[test]
fn console_exit_status() {
    let out = pymm_in(
        None,
        &["-q", "-i"],
        Some("import atexit; atexit.register(print, 'bye')\nprint(exit)\nexit(2)\nprint(3)\n"),
    );
    assert_eq!(
        out.stdout,
        "<built-in function print>\nUse exit() or Ctrl-D (i.e. EOF) to exit\nbye\n"
    );
    assert_eq!(out.stderr, ">>> >>> >>> ");
    assert_eq!(out.code, Some(2));
    let out = pymm_in(None, &["-q", "-i"], Some("raise SystemExit('msg')\n"));
    assert_eq!((out.stderr.as_str(), out.code), (">>> msg\n", Some(1)));
    // Several statements on one line (`single` mode takes `a; b`).
    let out = pymm_in(
        None,
        &["-q", "-i"],
        Some("1; 2; x = 3; x\na = 1;\nimport sys; sys.exit(4)\nprint(5)\n"),
    );
    assert_eq!(out.stdout, "1\n2\n3\n");
    assert_eq!(out.stderr, ">>> >>> >>> ");
    assert_eq!(out.code, Some(4));
    // A compound statement takes nothing after it.
    let out = pymm_in(None, &["-q", "-i"], Some("if 1: pass\nx\n\n"));
    assert_eq!(
        out.stderr,
        ">>> ...   File \"<stdin>\", line 2\n    x\n    ^\nSyntaxError: invalid syntax\n>>> >>> \n"
    );
}

/// With `-i`, an uncaught exception of the program (even `SystemExit`) is printed and the
/// console follows in the program's `__main__`, where `__file__` is gone (python3).
#[test]
fn inspect_after_an_exception() {
    let out = pymm_in(
        None,
        &["-q", "-i", "-c", "import sys; x = 5; sys.exit(3)"],
        Some("print(x)\n"),
    );
    assert_eq!(out.stdout, "5\n");
    assert_eq!(
        out.stderr,
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n\
         SystemExit: 3\n>>> >>> \n"
    );
    assert_eq!(out.code, Some(0));
    let dir = TempDir::new("inspect-file");
    dir.write(
        "s.py",
        "x = 5\nprint(__file__.endswith('/s.py'), __name__)\n",
    );
    let out = pymm_in(
        Some(dir.path()),
        &["-q", "-i", "s.py"],
        Some("print(x, __name__, '__file__' in globals())\n"),
    );
    assert_eq!(out.stdout, "True __main__\n5 __main__ False\n");
    assert_eq!(out.stderr, ">>> >>> \n");
    // `-c` runs without `__file__`.
    let out = pymm(&["-c", "print('__file__' in globals())"]);
    assert_eq!(out.stdout, "False\n");
}

#[test]
fn sys_version_is_the_version_the_command_reports() {
    let vv = pymm(&["-VV"]);
    let sys = pymm(&["-c", "import sys; print(sys.version)"]);
    assert_eq!(vv.stdout, format!("Python {}", sys.stdout));
}

/// Runs `pymm script` and sends it SIGINT once it printed its first line.
fn interrupt(dir: &TempDir, script: &str) -> (std::process::ExitStatus, String, String) {
    let mut child = Command::new(PYMM)
        .arg(script)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pymm");
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut out, &mut first).unwrap();
    assert_eq!(first, "start\n");
    std::thread::sleep(Duration::from_millis(200));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut err = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("pymm {script} did not stop on SIGINT");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    (status, rest, err_reader.join().unwrap())
}

/// Ctrl-C raises `KeyboardInterrupt`; uncaught, it is printed and the process ends by
/// SIGINT (a shell shows status 130), as python3's does.
#[test]
fn ctrl_c_raises_keyboard_interrupt() {
    use std::os::unix::process::ExitStatusExt;
    let dir = TempDir::new("sigint");
    let script = dir.write(
        "loop.py",
        "import atexit\natexit.register(print, 'atexit ran')\n\
         print('start', flush=True)\nwhile True:\n    pass\n",
    );
    let (status, out, err) = interrupt(&dir, "loop.py");
    assert_eq!(status.signal(), Some(2), "{status:?} {err}");
    assert_eq!(out, "atexit ran\n");
    assert_eq!(
        err,
        format!(
            "Traceback (most recent call last):\n  File \"{}\", line 4, in <module>\n    \
             while True:\nKeyboardInterrupt\n",
            script.display()
        )
    );
    // Caught like any exception.
    dir.write(
        "caught.py",
        "try:\n    print('start', flush=True)\n    i = 0\n    while i >= 0:\n        i += 1\n\
         except KeyboardInterrupt as e:\n    print('caught', repr(e))\nprint('after')\n",
    );
    let (status, out, err) = interrupt(&dir, "caught.py");
    assert_eq!((status.code(), err.as_str()), (Some(0), ""));
    assert_eq!(out, "caught KeyboardInterrupt()\nafter\n");
    // `time.sleep` ends early.
    dir.write(
        "sleep.py",
        "import time\nprint('start', flush=True)\ntry:\n    time.sleep(60)\n\
         except KeyboardInterrupt:\n    print('woke')\n",
    );
    let t = Instant::now();
    let (status, out, _) = interrupt(&dir, "sleep.py");
    assert_eq!((status.code(), out.as_str()), (Some(0), "woke\n"));
    assert!(t.elapsed() < Duration::from_secs(30));
}

/// The console on a real terminal (a pseudo-terminal driven by rexpect).
mod terminal {
    use rexpect::process::WaitStatus;
    use rexpect::session::{PtySession, spawn_command};

    use super::PYMM;

    fn start(args: &[&str]) -> PtySession {
        let mut cmd = std::process::Command::new(PYMM);
        cmd.args(args).env("TERM", "xterm");
        spawn_command(cmd, Some(30_000)).expect("spawn pymm on a pty")
    }

    #[test]
    fn console_on_a_terminal() {
        let mut p = start(&[]);
        p.exp_string("Python 3.11.7 (pymm").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_line("6 * 7").unwrap();
        p.exp_string("42").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_line("for c in 'ab':").unwrap();
        p.exp_string("... ").unwrap();
        p.send_line("    print(c.upper() * 2)").unwrap();
        p.exp_string("... ").unwrap();
        p.send_line("").unwrap();
        p.exp_string("AA").unwrap();
        p.exp_string("BB").unwrap();
        p.exp_string(">>> ").unwrap();
        // Ctrl-C drops the pending input and prints KeyboardInterrupt.
        p.send_line("if True:").unwrap();
        p.exp_string("... ").unwrap();
        p.send_control('c').unwrap();
        p.exp_string("KeyboardInterrupt").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_line("1/0").unwrap();
        p.exp_string("ZeroDivisionError: division by zero").unwrap();
        p.exp_string(">>> ").unwrap();
        // Tab at the start of a line indents.
        p.send_line("if 1:").unwrap();
        p.exp_string("... ").unwrap();
        p.send("\t").unwrap();
        p.send_line("print('tab ' + 'ok')").unwrap();
        p.exp_string("... ").unwrap();
        p.send_line("").unwrap();
        p.exp_string("tab ok").unwrap();
        p.exp_string(">>> ").unwrap();
        // A bracketed paste of several lines runs them one by one.
        p.send("\x1b[200~for c in 'xy':\n    print(c * 3)\n\nprint('pasted'.upper())\n\x1b[201~")
            .unwrap();
        p.send_line("").unwrap();
        p.exp_string("xxx").unwrap();
        p.exp_string("yyy").unwrap();
        p.exp_string("PASTED").unwrap();
        p.exp_string(">>> ").unwrap();
        // Ctrl-D exits with status 0.
        p.send_control('d').unwrap();
        p.exp_eof().unwrap();
        match p.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 0),
            other => panic!("{other:?}"),
        }
    }

    /// Ctrl-C while a statement runs interrupts it and returns to the prompt; `exit(3)`
    /// ends the console with status 3.
    #[test]
    fn ctrl_c_interrupts_a_running_statement() {
        let mut p = start(&["-q"]);
        p.exp_string(">>> ").unwrap();
        p.send_line("while True: pass").unwrap();
        p.exp_string("... ").unwrap();
        p.send_line("").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("Traceback (most recent call last):").unwrap();
        p.exp_string("  File \"<stdin>\", line 1, in <module>")
            .unwrap();
        p.exp_string("KeyboardInterrupt").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_line("print('still ' + 'here')").unwrap();
        p.exp_string("still here").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_line("exit(3)").unwrap();
        p.exp_eof().unwrap();
        match p.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn quiet_console_after_a_script_on_a_terminal() {
        let mut p = start(&["-q", "-i", "-c", "print('ran ' * 2)"]);
        p.exp_string("ran ran").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_line("print('value'.upper())").unwrap();
        p.exp_string("VALUE").unwrap();
        p.exp_string(">>> ").unwrap();
        p.send_control('d').unwrap();
        p.exp_eof().unwrap();
    }
}

/// Traceback source lines are marked as python3 3.11 marks them (PEP 657): `^` under the
/// failing call, `~`/`^` for a binary operator or a subscript, nothing when the mark
/// would cover the whole line, multi-line expressions to the end of their first line,
/// and long runs of one recursive frame cut after 3 (expected output from python3).
#[test]
fn traceback_marks_the_failing_expression() {
    let dir = TempDir::new("carets");
    let cases: [(&str, &str, &str); 7] = [
        // The second half of a superinstruction (LOAD_FAST; LOAD_ATTR and LOAD_CONST;
        // BINARY_OP) fails at its own position.
        (
            "sup_attr.py",
            "def f(o):\n    x = 1\n    y = (x,\n         o.missing)\n\nf(object())\n",
            "  File \"{f}\", line 6, in <module>\n    f(object())\n\
             \x20 File \"{f}\", line 4, in f\n    o.missing)\n    ^^^^^^^^^\n\
             AttributeError: 'object' object has no attribute 'missing'\n",
        ),
        (
            "sup_binop.py",
            "def g(a):\n    return (a\n            +\n            \"s\")\n\ng(1)\n",
            "  File \"{f}\", line 6, in <module>\n    g(1)\n\
             \x20 File \"{f}\", line 2, in g\n    return (a\n            ^\n\
             TypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
        ),
        (
            "bin.py",
            "def f(x):\n    return 1 / x\n\ndef g():\n    return f(0) + 1\n\ng()\n",
            "  File \"{f}\", line 7, in <module>\n    g()\n\
             \x20 File \"{f}\", line 5, in g\n    return f(0) + 1\n           ^^^^\n\
             \x20 File \"{f}\", line 2, in f\n    return 1 / x\n           ~~^~~\n\
             ZeroDivisionError: division by zero\n",
        ),
        (
            "sub.py",
            "d = {\"a\": [1]}\nv = d[\"a\"][ 3 ]\n",
            "  File \"{f}\", line 2, in <module>\n    v = d[\"a\"][ 3 ]\n        ~~~~~~^^^^^\n\
             IndexError: list index out of range\n",
        ),
        (
            "multi.py",
            "x = (1 +\n     \"a\")\n",
            "  File \"{f}\", line 1, in <module>\n    x = (1 +\n         ^^^\n\
             TypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
        ),
        (
            "uni.py",
            "s = \"\u{e9}\"\nt = s  +  1\n",
            "  File \"{f}\", line 2, in <module>\n    t = s  +  1\n        ~~~^~~~\n\
             TypeError: can only concatenate str (not \"int\") to str\n",
        ),
        (
            "rec.py",
            "def r(n):\n    return r(n + 1)\n\nr(0)\n",
            "  File \"{f}\", line 4, in <module>\n    r(0)\n\
             \x20 File \"{f}\", line 2, in r\n    return r(n + 1)\n           ^^^^^^^^\n\
             \x20 File \"{f}\", line 2, in r\n    return r(n + 1)\n           ^^^^^^^^\n\
             \x20 File \"{f}\", line 2, in r\n    return r(n + 1)\n           ^^^^^^^^\n\
             \x20 [Previous line repeated 996 more times]\n\
             RecursionError: maximum recursion depth exceeded\n",
        ),
    ];
    for (name, source, expected) in cases {
        let script = dir.write(name, source);
        let out = pymm_in(Some(dir.path()), &[name], None);
        assert_eq!(out.code, Some(1), "{name}: {}", out.stderr);
        let expected = format!(
            "Traceback (most recent call last):\n{}",
            expected.replace("{f}", &script.display().to_string())
        );
        assert_eq!(out.stderr, expected, "{name}");
    }
}

/// What pymm's frame objects cannot do yet is refused with a clear Python error, never
/// answered wrongly: `sys._getframe(n)` past the calling frame, and the variables of a
/// frame that is still running. The calling frame itself works.
#[test]
fn frame_object_limits_are_python_errors() {
    let out = pymm(&[
        "-c",
        "import sys\ndef f():\n    return sys._getframe().f_code.co_name\nprint(f())",
    ]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (Some(0), "f\n"),
        "{}",
        out.stderr
    );
    for (code, last) in [
        (
            "import sys\nsys._getframe(1)",
            "SystemError: pymm supports sys._getframe() only for the calling frame (depth 0)",
        ),
        (
            "import sys\nsys._getframe().f_locals",
            "SystemError: pymm cannot read the variables of a frame that is still running \
             (use locals() inside it)",
        ),
    ] {
        let out = pymm(&["-c", code]);
        assert_eq!(out.code, Some(1), "{code}: {}", out.stderr);
        assert_eq!(out.stderr.lines().last(), Some(last), "{code}");
    }
}

/// `random.Random`'s generator lives in an internal `random_state` object (pymm's own:
/// CPython keeps it in the C part of the instance), which Python code can neither make
/// nor subclass, and which follows the instance through copies.
#[test]
fn random_state_objects_are_internal() {
    let out = pymm(&[
        "-c",
        "import random, copy\n\
         r = random.Random(1)\n\
         T = type(r._Random__rng)\n\
         for f in (lambda: T(), lambda: type('X', (T,), {})):\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except TypeError as e:\n\
         \x20       print(e)\n\
         c = copy.copy(r)\n\
         print(c._Random__rng is not r._Random__rng, c.random() == r.random())",
    ]);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        (
            "cannot create 'random_state' instances\n\
             type 'random_state' is not an acceptable base type\n\
             True True\n",
            "",
            Some(0)
        )
    );
}

/// `sys._debugmallocstats()` ends with the free lists (`_PyObject_DebugTypeStats`), and a
/// program starts with them as full as CPython 3.11 leaves them after its start-up
/// (measured with python3 on a program's first line).
#[test]
fn free_lists_start_as_cpythons() {
    let out = pymm(&["-c", "import sys; sys._debugmallocstats()"]);
    assert_eq!(out.code, Some(0));
    let lines: Vec<&str> = out.stderr.lines().collect();
    let tail = &lines[lines.len() - 23..];
    assert_eq!(
        tail[..4],
        [
            "            8 free PyDictObjects * 48 bytes each =                  384",
            "           4 free PyFloatObjects * 24 bytes each =                   96",
            "           40 free PyListObjects * 40 bytes each =                1,600",
            "   4 free 1-sized PyTupleObjects * 32 bytes each =                  128",
        ]
    );
    let tuples: Vec<&str> = tail[3..]
        .iter()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(tuples.join(" "), "4 8 2 2 3 0 8 6 1 0 1 3 5 1 2 2 2 3 1 6");
    assert_eq!(
        tail[22],
        " 6 free 20-sized PyTupleObjects * 184 bytes each =                1,104"
    );
}

/// Under `-m` an uncaught exception's traceback starts with the frames of CPython's
/// `runpy` (which compiled and ran the module), as python3 prints them.
#[test]
fn dash_m_tracebacks_start_in_runpy() {
    let dir = TempDir::new("dash-m-tb");
    let cwd = dir.path().to_string_lossy().into_owned();
    dir.write("boom.py", "def f():\n    1/0\nf()\n");
    dir.write("syn.py", "x = (\n");
    let out = pymm_in(Some(dir.path()), &["-m", "boom"], None);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "Traceback (most recent call last):\n  \
             File \"<frozen runpy>\", line 198, in _run_module_as_main\n  \
             File \"<frozen runpy>\", line 88, in _run_code\n  \
             File \"{cwd}/boom.py\", line 3, in <module>\n    f()\n  \
             File \"{cwd}/boom.py\", line 2, in f\n    1/0\n    ~^~\n\
             ZeroDivisionError: division by zero\n"
        )
    );
    let out = pymm_in(Some(dir.path()), &["-m", "syn"], None);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with(
            "Traceback (most recent call last):\n  \
             File \"<frozen runpy>\", line 189, in _run_module_as_main\n"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with("SyntaxError: '(' was never closed\n"));
}

/// `pymm -m memory_profiler script.py`: `@profile` without an import, one table per
/// profiled function when the script ends, measured as resident set size. The figures
/// are the machine's, so the test checks the table's shape, the occurrence counts and
/// that the increments follow the allocations (a list of 2,000,000 pointers is 15.3 MiB).
#[test]
fn memory_profiler_module_profiles_a_script() {
    let dir = TempDir::new("mprof");
    dir.write(
        "work.py",
        "@profile\ndef work(n):\n    a = [1] * n\n    b = [2] * (2 * n)\n    del b\n    \
         for i in range(3):\n        pass\n    return len(a)\n\n\nprint(work(10 ** 6))\n",
    );
    let out = pymm_in(
        Some(dir.path()),
        &["-m", "memory_profiler", "work.py"],
        None,
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "1000000");
    assert_eq!(lines[1], "Filename: work.py");
    assert_eq!(
        lines[3],
        "Line #    Mem usage    Increment  Occurrences   Line Contents"
    );
    assert_eq!(lines[4], "=".repeat(61));
    // Line number, memory, increment and occurrences of each measured line.
    let row = |n: usize| -> (f64, f64, u32) {
        let cols: Vec<&str> = lines[n].split_whitespace().collect();
        assert_eq!(cols[2], "MiB", "{}", lines[n]);
        (
            cols[1].parse().unwrap(),
            cols[3].parse().unwrap(),
            cols[5].parse().unwrap(),
        )
    };
    assert!(lines[5].ends_with("@profile"), "{}", lines[5]);
    assert!(lines[6].trim_start().starts_with("2 ") && lines[6].ends_with("def work(n):"));
    let (_, inc_a, occ) = row(7);
    assert!((7.0..9.0).contains(&inc_a) && occ == 1, "{}", lines[7]);
    let (_, inc_b, _) = row(8);
    assert!((14.0..17.0).contains(&inc_b), "{}", lines[8]);
    let (_, inc_del, _) = row(9);
    assert!((-17.0..-14.0).contains(&inc_del), "{}", lines[9]);
    assert_eq!(row(10).2, 4, "{}", lines[10]);
    assert_eq!(row(11).2, 3, "{}", lines[11]);
    assert_eq!(row(12).2, 1, "{}", lines[12]);
    assert!(lines[12].ends_with("return len(a)"));
    // Usage errors exit 2.
    let out = pymm_in(Some(dir.path()), &["-m", "memory_profiler"], None);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("A program to run must be provided"),
        "{}",
        out.stderr
    );
}
