//! The interactive loop: CPython's `>>> ` / `... ` console.
//!
//! Input is read line by line and accumulated until it forms a complete statement
//! ([`Accumulator`]), which is then handed to [`Interp::run_interactive`]. Whether more
//! lines are needed is decided as CPython's interactive tokenizer and parser do it:
//!
//! * inside an open bracket, a triple-quoted string or after a line-continuation
//!   backslash, keep reading, blank lines included;
//! * after the header of a compound statement (`if`, `def`, `@decorator`, ...), keep
//!   reading until an empty line ends it;
//! * otherwise the line is run at once — also when it is a syntax error, so that
//!   `if x` (no colon) is reported immediately, as python3 does.
//!
//! The first two are told apart with `pymm_compiler` ([`verdict`]): input is
//! incomplete when it fails to compile only because the source ended too early.

use std::io::{self, BufRead, Write};

use pymm_compiler::{Mode, compile};
use pymm_vm::Interp;
use pymm_vm::state::Interactive;
use rustyline::completion::Completer;
use rustyline::config::{CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

/// The primary prompt (`sys.ps1`).
pub const PS1: &str = ">>> ";
/// The continuation prompt (`sys.ps2`).
pub const PS2: &str = "... ";

/// What compiling the input gathered so far says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// It compiles.
    Complete,
    /// It ends inside a bracket, a triple-quoted string or a backslash continuation:
    /// more lines are needed, and blank lines do not end the input.
    Open,
    /// It ends where a statement or an indented block must follow (`if x:`,
    /// `@decorator`, `try:` without `except`): more lines are needed, and an empty line
    /// ends the input (which then fails to compile and is reported).
    NeedsMore,
    /// A syntax error before the end of the input: run it now to report it.
    Error,
}

/// Classifies interactive input with `pymm_compiler` (in `single` mode, as it will be run).
pub fn verdict(source: &str) -> Verdict {
    match compile(source, "<stdin>", Mode::Single) {
        Ok(_) => Verdict::Complete,
        Err(e) => classify_error(source, &e.message, e.line, e.col),
    }
}

/// Tells an error caused by the end of the input from a real one. `line` is 1-based,
/// `col` a 1-based character column, as in `SyntaxError`.
pub fn classify_error(source: &str, message: &str, line: u32, col: u32) -> Verdict {
    if message.ends_with("was never closed")
        || message.starts_with("unterminated triple-quoted string literal")
        || message.starts_with("f-string: unterminated triple-quoted string")
        || message == "unexpected EOF while parsing"
    {
        return Verdict::Open;
    }
    let lines: Vec<&str> = source.lines().collect();
    let line = line as usize;
    // The parser wanted a token after the last line (`@dec`, `try:` + body).
    if line > lines.len() {
        return Verdict::NeedsMore;
    }
    // `if x:` as the last line: its block has not been typed yet.
    if message.starts_with("expected an indented block") && line == lines.len() {
        let last = lines[line - 1].trim_end();
        if col as usize > last.chars().count() {
            return Verdict::NeedsMore;
        }
    }
    Verdict::Error
}

/// Whether a line has no code: empty, blank or only a comment.
fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

/// Whether the input starts a compound statement, which only an empty line ends
/// (even `if x: pass`, as in python3's console).
pub fn starts_block(source: &str) -> bool {
    let first = source.lines().next().unwrap_or("").trim_start();
    if first.starts_with('@') {
        return true;
    }
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    match word.as_str() {
        "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async" => true,
        // A soft keyword: `match = 1` is an assignment.
        "match" => first.trim_end().ends_with(':'),
        _ => false,
    }
}

/// What to do after a line was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Prompt with `... ` for another line.
    More,
    /// Run this source (one interactive statement, newline-terminated).
    Run(String),
    /// Nothing to run (an empty or comment-only line at `>>> `).
    Nothing,
}

/// Gathers the lines of one interactive statement.
#[derive(Debug, Default)]
pub struct Accumulator {
    buf: String,
}

impl Accumulator {
    /// An empty accumulator.
    pub fn new() -> Accumulator {
        Accumulator::default()
    }

    /// Whether no line is pending (the prompt is then `>>> `).
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The prompt for the next line.
    pub fn prompt(&self) -> &'static str {
        if self.is_empty() { PS1 } else { PS2 }
    }

    /// Drops the pending lines (Ctrl-C at the prompt).
    pub fn clear(&mut self) {
        self.buf.clear();
    }

    /// Adds one line (with or without its line ending); `verdict` judges the source
    /// gathered so far (normally [`verdict`]).
    pub fn push(&mut self, line: &str, verdict: impl Fn(&str) -> Verdict) -> Step {
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if self.buf.is_empty() && is_blank_or_comment(line) {
            return Step::Nothing;
        }
        self.buf.push_str(line);
        self.buf.push('\n');
        let v = verdict(&self.buf);
        let done = if starts_block(&self.buf) {
            if line.is_empty() {
                v != Verdict::Open
            } else {
                v == Verdict::Error
            }
        } else {
            matches!(v, Verdict::Complete | Verdict::Error)
        };
        if done {
            Step::Run(std::mem::take(&mut self.buf))
        } else {
            Step::More
        }
    }

    /// At end of input: what is pending, to be run (and reported if incomplete).
    pub fn finish(&mut self) -> Option<String> {
        if self.buf.is_empty() {
            None
        } else {
            Some(std::mem::take(&mut self.buf))
        }
    }
}

/// One read from the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A line, without its line ending.
    Line(String),
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-D or end of input.
    Eof,
}

/// Where the console's lines come from.
pub trait LineSource {
    /// Shows `prompt` and reads one line.
    fn read(&mut self, prompt: &str) -> io::Result<Input>;

    /// Whether the console should end the last prompt's line at end of input
    /// (rustyline does it itself on a terminal).
    fn newline_at_eof(&self) -> bool {
        true
    }
}

/// A terminal, edited with rustyline (history, line editing, Tab indents).
#[derive(Debug)]
pub struct Terminal {
    editor: Editor<PyHelper, DefaultHistory>,
}

impl Terminal {
    /// Sets up rustyline on the terminal.
    pub fn new() -> Result<Terminal, ReadlineError> {
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .auto_add_history(false)
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(PyHelper));
        Ok(Terminal { editor })
    }
}

impl LineSource for Terminal {
    fn read(&mut self, prompt: &str) -> io::Result<Input> {
        match self.editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = self.editor.add_history_entry(line.as_str());
                }
                Ok(Input::Line(line))
            }
            Err(ReadlineError::Interrupted) => Ok(Input::Interrupt),
            Err(ReadlineError::Eof) => Ok(Input::Eof),
            Err(ReadlineError::Io(e)) => Err(e),
            Err(e) => Err(io::Error::other(e)),
        }
    }

    fn newline_at_eof(&self) -> bool {
        false
    }
}

/// rustyline helper: Tab at the start of a line inserts four spaces of indentation
/// (python3 inserts a tab there); elsewhere it does nothing.
#[derive(Debug)]
pub struct PyHelper;

impl Completer for PyHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        if before.chars().all(char::is_whitespace) {
            Ok((pos, vec!["    ".to_string()]))
        } else {
            Ok((pos, Vec::new()))
        }
    }
}

impl Hinter for PyHelper {
    type Hint = String;
}

impl Highlighter for PyHelper {}

impl Validator for PyHelper {}

impl Helper for PyHelper {}

/// Standard input that is not a terminal (`pymm -i < file`): prompts go to stderr, as
/// python3 writes them, and lines are read without editing.
#[derive(Debug, Default)]
pub struct Piped;

impl LineSource for Piped {
    fn read(&mut self, prompt: &str) -> io::Result<Input> {
        let mut err = io::stderr().lock();
        let _ = err.write_all(prompt.as_bytes());
        let _ = err.flush();
        drop(err);
        let mut bytes = Vec::new();
        // `io::stdin()` shares one buffer with anything else reading stdin (`input()`).
        let n = io::stdin().lock().read_until(b'\n', &mut bytes)?;
        if n == 0 {
            return Ok(Input::Eof);
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        Ok(Input::Line(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

/// The banner python3 prints when its console starts (to stderr).
pub fn banner() -> String {
    format!(
        "Python {} on {}\nType Ctrl-D (end of input) to exit.\n",
        crate::args::full_version(),
        std::env::consts::OS
    )
}

/// Runs the console until end of input or `SystemExit`; returns the exit status.
pub fn run(interp: &Interp, input: &mut dyn LineSource) -> i32 {
    let mut acc = Accumulator::new();
    loop {
        // A Ctrl-C that came while no statement ran (python3 would have interrupted the
        // read) must not hit the next statement.
        pymm_vm::state::clear_interrupt();
        match input.read(acc.prompt()) {
            Ok(Input::Line(text)) => {
                // A bracketed paste arrives as one "line" holding several: take them
                // one by one, as if typed.
                for line in text.split('\n') {
                    if let Step::Run(source) = acc.push(line, verdict) {
                        // An error was printed already.
                        if let Interactive::Exit(code) = interp.run_interactive(&source) {
                            return code;
                        }
                    }
                }
            }
            Ok(Input::Interrupt) => {
                // Only a terminal reports Ctrl-C, and rustyline has ended the line.
                acc.clear();
                eprintln!("KeyboardInterrupt");
            }
            Ok(Input::Eof) => {
                if input.newline_at_eof() {
                    eprintln!();
                }
                // End of input within a statement ends the statement, not the console
                // (python3 runs it or reports it, and prompts again).
                let Some(source) = acc.finish() else {
                    return 0;
                };
                if let Interactive::Exit(code) = interp.run_interactive(&source) {
                    return code;
                }
            }
            Err(e) => {
                eprintln!("pymm: reading the console input failed: {e}");
                return 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds lines and returns what was run, in order, plus whether more was wanted
    /// at the end.
    fn feed(lines: &[&str]) -> (Vec<String>, bool) {
        let mut acc = Accumulator::new();
        let mut ran = Vec::new();
        for l in lines {
            if let Step::Run(s) = acc.push(l, verdict) {
                ran.push(s);
            }
        }
        (ran, !acc.is_empty())
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(feed(&["1+1"]), (vec!["1+1\n".to_string()], false));
        assert_eq!(
            feed(&["x = 5", "x"]),
            (vec!["x = 5\n".into(), "x\n".into()], false)
        );
    }

    #[test]
    fn blank_and_comment_lines_at_the_prompt_do_nothing() {
        let mut acc = Accumulator::new();
        assert_eq!(acc.push("", verdict), Step::Nothing);
        assert_eq!(acc.push("   ", verdict), Step::Nothing);
        assert_eq!(acc.push("# note", verdict), Step::Nothing);
        assert!(acc.is_empty());
        assert_eq!(acc.prompt(), PS1);
    }

    #[test]
    fn compound_statements_end_at_an_empty_line() {
        let mut acc = Accumulator::new();
        assert_eq!(acc.push("if x:", verdict), Step::More);
        assert_eq!(acc.prompt(), PS2);
        assert_eq!(acc.push("    print(x)", verdict), Step::More);
        // Comment-only and whitespace-only lines do not end the block (as in python3).
        assert_eq!(acc.push("# c", verdict), Step::More);
        assert_eq!(acc.push("   ", verdict), Step::More);
        assert_eq!(
            acc.push("", verdict),
            Step::Run("if x:\n    print(x)\n# c\n   \n\n".into())
        );
        assert_eq!(acc.prompt(), PS1);
        // Even a one-line compound statement waits for the empty line.
        assert_eq!(feed(&["if 1: print(1)"]), (vec![], true));
        assert_eq!(feed(&["if 1: print(1)", ""]).0, ["if 1: print(1)\n\n"]);
        assert_eq!(feed(&["@dec"]), (vec![], true));
        assert_eq!(feed(&["@dec", "def f(): pass", ""]).0.len(), 1);
        assert_eq!(feed(&["try:", "  pass"]), (vec![], true));
        assert_eq!(feed(&["for i in x:", "  pass", "else:"]), (vec![], true));
        assert_eq!(
            feed(&["class A:", "  def f(self):", "    return 1"]),
            (vec![], true)
        );
        assert_eq!(feed(&["async def f():"]), (vec![], true));
        assert_eq!(feed(&["match x:"]), (vec![], true));
        assert_eq!(feed(&["match = 1"]).0, ["match = 1\n"]);
    }

    #[test]
    fn open_brackets_strings_and_backslashes_continue() {
        assert_eq!(feed(&["(1,"]), (vec![], true));
        // Closing the bracket completes a simple statement without an empty line.
        assert_eq!(feed(&["(1,", "", "2)"]).0, ["(1,\n\n2)\n"]);
        assert_eq!(feed(&["x = [1,", " 2,"]), (vec![], true));
        assert_eq!(
            feed(&["x = \"\"\"a", "", "b\"\"\""]).0,
            ["x = \"\"\"a\n\nb\"\"\"\n"]
        );
        assert_eq!(feed(&["1 + \\", "2"]).0, ["1 + \\\n2\n"]);
        // Inside a block, an empty line within a string does not end the block.
        let (ran, more) = feed(&["def f():", "  x = '''a", "", "b'''", "  return x"]);
        assert!(ran.is_empty() && more);
        let (ran, _) = feed(&["def f():", "  x = (1,", "", "  2)", ""]);
        assert_eq!(ran, ["def f():\n  x = (1,\n\n  2)\n\n"]);
    }

    #[test]
    fn syntax_errors_are_run_at_once() {
        // python3 reports these as soon as the line is entered.
        assert_eq!(feed(&["if x"]).0, ["if x\n"]);
        assert_eq!(feed(&["def f(:"]).0, ["def f(:\n"]);
        assert_eq!(feed(&["1 +"]).0, ["1 +\n"]);
        assert_eq!(feed(&["lambda:"]).0, ["lambda:\n"]);
        assert_eq!(feed(&["  1"]).0, ["  1\n"]);
        assert_eq!(feed(&["x = 'abc"]).0, ["x = 'abc\n"]);
        assert_eq!(feed(&["if 1:", "pass"]).0, ["if 1:\npass\n"]);
        assert_eq!(feed(&["else:"]).0, ["else:\n"]);
    }

    #[test]
    fn several_simple_statements_on_one_line() {
        // python3's console compiles `a; b` as one interactive statement.
        assert_eq!(verdict("import sys; sys.exit(4)\n"), Verdict::Complete);
        assert_eq!(verdict("1; 2;\n"), Verdict::Complete);
        assert_eq!(verdict("x = 1; \\\n  y = 2\n"), Verdict::Complete);
        assert_eq!(feed(&["a = 1; b = 2"]).0, ["a = 1; b = 2\n"]);
        // Not across lines, and nothing after a compound statement.
        assert_eq!(verdict("a\nb\n"), Verdict::Error);
        assert_eq!(verdict("if 1: pass\nx\n"), Verdict::Error);
        let e = compile("a; b\nc\n", "<stdin>", Mode::Single).unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.line, e.col),
            (
                "multiple statements found while compiling a single statement",
                1,
                5
            )
        );
        let e = compile("if 1: pass\nfoo(1)\n", "<stdin>", Mode::Single).unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.line, e.col, e.end_line, e.end_col),
            ("invalid syntax", 2, 1, 2, 4)
        );
    }

    #[test]
    fn an_empty_line_reports_an_unfinished_block() {
        assert_eq!(feed(&["if 1:", ""]).0, ["if 1:\n\n"]);
        assert_eq!(feed(&["try:", "  pass", ""]).0, ["try:\n  pass\n\n"]);
    }

    #[test]
    fn finish_and_clear() {
        let mut acc = Accumulator::new();
        assert_eq!(acc.finish(), None);
        assert_eq!(acc.push("if 1:", verdict), Step::More);
        assert_eq!(acc.push("  print(5)\r\n", verdict), Step::More);
        assert_eq!(acc.finish(), Some("if 1:\n  print(5)\n".into()));
        assert!(acc.is_empty());
        assert_eq!(acc.push("(1,", verdict), Step::More);
        acc.clear();
        assert_eq!(acc.prompt(), PS1);
    }

    #[test]
    fn error_classification() {
        assert_eq!(
            classify_error("(1,\n", "'(' was never closed", 1, 1),
            Verdict::Open
        );
        assert_eq!(
            classify_error("@d\n", "invalid syntax", 2, 1),
            Verdict::NeedsMore
        );
        assert_eq!(
            classify_error(
                "if 1:\n",
                "expected an indented block after 'if' statement on line 1",
                1,
                6
            ),
            Verdict::NeedsMore
        );
        assert_eq!(
            classify_error(
                "if 1:\npass\n",
                "expected an indented block after 'if' statement on line 1",
                2,
                1
            ),
            Verdict::Error
        );
        assert_eq!(
            classify_error("if x\n", "expected ':'", 1, 5),
            Verdict::Error
        );
    }

    #[test]
    fn the_lines_a_fake_verdict_sees() {
        // The accumulator hands the whole pending source to the verdict each time.
        let seen = std::cell::RefCell::new(Vec::new());
        let mut acc = Accumulator::new();
        let v = |s: &str| {
            seen.borrow_mut().push(s.to_string());
            Verdict::Open
        };
        assert_eq!(acc.push("a", v), Step::More);
        assert_eq!(acc.push("b\n", v), Step::More);
        assert_eq!(*seen.borrow(), ["a\n", "a\nb\n"]);
    }

    #[test]
    fn tab_indents_only_at_the_start_of_a_line() {
        let history = DefaultHistory::new();
        let ctx = Context::new(&history);
        let h = PyHelper;
        assert_eq!(
            h.complete("", 0, &ctx).unwrap(),
            (0, vec!["    ".to_string()])
        );
        assert_eq!(
            h.complete("    ", 4, &ctx).unwrap(),
            (4, vec!["    ".to_string()])
        );
        assert_eq!(h.complete("x", 1, &ctx).unwrap(), (1, Vec::<String>::new()));
    }
}
