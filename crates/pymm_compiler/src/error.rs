//! [`CompileError`]: everything CPython's `SyntaxError` display needs.

use std::fmt;

use ruff_text_size::TextRange;

use crate::source::SourceMap;

/// Which exception class the error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `SyntaxError`
    SyntaxError,
    /// `IndentationError` (a `SyntaxError` subclass)
    IndentationError,
    /// `TabError` (an `IndentationError` subclass)
    TabError,
}

impl ErrorKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error, carrying the fields of a CPython `SyntaxError`:
/// `msg`, `filename`, `lineno`, `offset`, `end_lineno`, `end_offset`, `text`.
/// Offsets are 1-based character columns as in CPython; `end_offset` may be
/// `0` or `-1` where CPython reports that (e.g. for indentation errors).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Exception class.
    pub kind: ErrorKind,
    /// `msg`.
    pub message: String,
    /// `filename`.
    pub filename: String,
    /// `lineno` (1-based).
    pub line: u32,
    /// `offset` (1-based character column).
    pub col: u32,
    /// `end_lineno`.
    pub end_line: u32,
    /// `end_offset` (1-based character column, exclusive).
    pub end_col: i32,
    /// `text`: the source line the error is on, with its newline.
    pub text: Option<String>,
}

impl CompileError {
    /// Builds an error for a byte range of `source`.
    pub(crate) fn at(
        kind: ErrorKind,
        message: impl Into<String>,
        filename: &str,
        map: &SourceMap<'_>,
        range: TextRange,
    ) -> Self {
        let (line, col) = map.line_char_col(range.start().into());
        let (end_line, end_col) = map.line_char_col(range.end().into());
        let mut text = map.line_text(line).to_string();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        CompileError {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            line,
            col,
            end_line,
            end_col: end_col as i32,
            text: Some(text),
        }
    }

    /// CPython 3.11's display of the error when a script fails to compile
    /// (`Python/pythonrun.c: print_exception` / `print_error_text`):
    ///
    /// ```text
    ///   File "x.py", line 3
    ///     y = (1 +
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        if let Some(text) = &self.text {
            let reps = if self.end_line == self.line && self.end_col > self.col as i32 {
                (self.end_col - self.col as i32) as usize
            } else if self.end_line > self.line && self.end_col > 0 {
                // Multi-line range: CPython underlines to the end of the line.
                let len = text.trim_end_matches(['\n', '\r']).chars().count() + 1;
                len.saturating_sub(self.col as usize).max(1)
            } else {
                1
            };
            let mut offset = self.col as i64 - 1;
            let mut rest: &str = text;
            while let Some(c) = rest.chars().next() {
                if c == ' ' || c == '\t' || c == '\x0c' {
                    rest = &rest[1..];
                    offset -= 1;
                } else {
                    break;
                }
            }
            let shown = rest.trim_end_matches(['\n', '\r']);
            let len = shown.chars().count() as i64;
            if offset > len {
                offset = len;
            }
            out.push_str("    ");
            out.push_str(shown);
            out.push('\n');
            if offset >= 0 {
                out.push_str("    ");
                out.push_str(&" ".repeat(offset as usize));
                out.push_str(&"^".repeat(reps));
                out.push('\n');
            }
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.message,
            self.filename,
            self.line
        )
    }
}

impl std::error::Error for CompileError {}
