//! Front end: runs ruff's parser for Python 3.11 and turns its errors into
//! [`CompileError`]s worded like CPython's (`Parser/pegen_errors.c`,
//! `Grammar/python.gram` `invalid_*` rules).
//!
//! ruff recovers from errors and words them its own way; CPython's parser
//! stops at the first. We take ruff's first error (by position), and map its
//! kind to CPython's message. Syntax newer than 3.11 (PEP 695 type
//! parameters and `type` statements, PEP 701-only f-string forms, `except`
//! without parentheses, ...) is reported by ruff as an "unsupported syntax"
//! error for target 3.11 and becomes a `SyntaxError` here.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, ParseOptions,
    UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{TextRange, TextSize};

use crate::error::{CompileError, ErrorKind};
use crate::source::SourceMap;

/// Parses `source` as a module (`expression == false`) or an expression.
pub(crate) fn parse(
    source: &str,
    filename: &str,
    map: &SourceMap<'_>,
    expression: bool,
) -> Result<Mod, CompileError> {
    let mode = if expression {
        ruff_python_parser::Mode::Expression
    } else {
        ruff_python_parser::Mode::Module
    };
    let options = ParseOptions::from(mode).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let first_error = parsed.errors().iter().min_by_key(|e| e.location.start());
    if let Some(error) = first_error {
        if let Some(e) = bracket_error(parsed.tokens(), error, filename, map) {
            return Err(e);
        }
        return Err(convert_parse_error(error, filename, map, parsed.tokens()));
    }
    if let Some(error) = parsed
        .unsupported_syntax_errors()
        .iter()
        .min_by_key(|e| e.range.start())
    {
        let text_at = source
            .get(usize::from(error.range.start())..usize::from(error.range.end()))
            .unwrap_or("");
        let message = match error.kind {
            UnsupportedSyntaxErrorKind::TypeParameterList => "expected '('",
            UnsupportedSyntaxErrorKind::Pep701FString(_) => "f-string: expecting '}'",
            UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
                "multiple exception types must be parenthesized"
            }
            UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => {
                if text_at.starts_with("**") {
                    "dict unpacking cannot be used in dict comprehension"
                } else {
                    "iterable unpacking cannot be used in comprehension"
                }
            }
            _ => "invalid syntax",
        };
        let range = match error.kind {
            UnsupportedSyntaxErrorKind::TypeAliasStatement => {
                // CPython points at the name after `type`.
                let after = next_token_range(map.source(), error.range.start() + TextSize::from(4));
                after.unwrap_or(error.range)
            }
            _ => error.range,
        };
        return Err(CompileError::at(
            ErrorKind::SyntaxError,
            message,
            filename,
            map,
            range,
        ));
    }
    // CPython's tokenizer limit (`MAXLEVEL` in `Parser/tokenizer.h`).
    let mut level = 0u32;
    for token in parsed.tokens().iter() {
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                level += 1;
                if level >= 200 {
                    let range = ruff_text_size::Ranged::range(token);
                    return Err(CompileError::at(
                        ErrorKind::SyntaxError,
                        "too many nested parentheses",
                        filename,
                        map,
                        range,
                    ));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                level = level.saturating_sub(1)
            }
            _ => {}
        }
    }
    Ok(parsed.into_syntax())
}

/// Range of the next non-blank token-ish run of characters after `from`.
fn next_token_range(source: &str, from: TextSize) -> Option<TextRange> {
    let start = usize::from(from);
    let rest = source.get(start..)?;
    let skip = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let begin = start + skip;
    let word = source[begin..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .map(char::len_utf8)
        .sum::<usize>()
        .max(1);
    Some(TextRange::new(
        TextSize::try_from(begin).ok()?,
        TextSize::try_from((begin + word).min(source.len())).ok()?,
    ))
}

/// CPython's wording for ruff's free-form parser messages.
fn other_error_message(msg: &str) -> &'static str {
    match msg {
        "Only one '/' separator allowed" => "/ may appear only once",
        "Only one '*' parameter allowed" => "* argument may appear only once",
        "'/' parameter must appear before '*' parameter" => "/ must be ahead of *",
        "Position-only parameter separator not allowed as first parameter" => {
            "at least one argument must precede /"
        }
        "Cannot have both 'except' and 'except*' on the same 'try'" => {
            "cannot have both 'except' and 'except*' on the same 'try'"
        }
        "Trailing comma not allowed" => {
            "trailing comma not allowed without surrounding parentheses"
        }
        "Only single target (not tuple) can be annotated" => {
            "only single target (not tuple) can be annotated"
        }
        "Only single target (not list) can be annotated" => {
            "only single target (not list) can be annotated"
        }
        "Positional patterns cannot follow keyword patterns" => {
            "positional patterns follow keyword patterns"
        }
        _ => "invalid syntax",
    }
}

/// `+=`, `-=`, ... (ruff names them `PlusEqual`, `MinusEqual`, ...).
fn is_augmented_assign(kind: TokenKind) -> bool {
    let name = format!("{kind:?}");
    name.ends_with("Equal")
        && !matches!(
            kind,
            TokenKind::EqEqual
                | TokenKind::NotEqual
                | TokenKind::LessEqual
                | TokenKind::GreaterEqual
                | TokenKind::ColonEqual
        )
}

/// A bracket still open at some position: its kind, and whether a `:` followed it at
/// its own level (a dict display's key and value).
struct OpenBracket {
    kind: TokenKind,
    colon: bool,
}

/// The brackets still open at `at`, outermost first.
fn open_brackets(tokens: &ruff_python_ast::token::Tokens, at: TextSize) -> Vec<OpenBracket> {
    let mut stack: Vec<OpenBracket> = Vec::new();
    for token in tokens.iter() {
        if ruff_text_size::Ranged::range(token).start() >= at {
            break;
        }
        match token.kind() {
            kind @ (TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace) => {
                stack.push(OpenBracket { kind, colon: false })
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            TokenKind::Colon => {
                if let Some(top) = stack.last_mut() {
                    top.colon = true;
                }
            }
            _ => {}
        }
    }
    stack
}

/// Whether `at` is inside a dict display that already has a `key: value` pair: the
/// innermost open bracket is a `{` with a `:` at its own level before `at`.
fn in_dict_display(tokens: &ruff_python_ast::token::Tokens, at: TextSize) -> bool {
    open_brackets(tokens, at)
        .last()
        .is_some_and(|b| b.kind == TokenKind::Lbrace && b.colon)
}

/// Where the key that lacks its `:` starts: the first token after the last comma at
/// the innermost brace's level before `at`.
fn dict_key_start(tokens: &ruff_python_ast::token::Tokens, at: TextSize) -> Option<TextSize> {
    let mut depth = 0i32;
    let mut key = None;
    let mut after_comma = false;
    // Walk backwards over the tokens before `at`.
    let before: Vec<_> = tokens
        .iter()
        .take_while(|t| ruff_text_size::Ranged::range(*t).start() < at)
        .collect();
    for t in before.iter().rev() {
        let start = ruff_text_size::Ranged::range(*t).start();
        match t.kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth > 0 => depth -= 1,
            TokenKind::Lbrace | TokenKind::Comma if depth == 0 => {
                after_comma = true;
                break;
            }
            _ => {}
        }
        if depth == 0
            || matches!(
                t.kind(),
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace
            )
        {
            key = Some(start);
        }
    }
    key.filter(|_| after_comma)
}

/// Two errors CPython's tokenizer and grammar word specially:
/// - `print x` / `exec x` (`invalid_legacy_expression`): "Missing parentheses in call
///   to 'print'. Did you mean print(...)?", spanning from the name to the end of the line;
/// - a number run into a name (`1__0`, `1.e`, `0x1g`): "invalid decimal literal" (or
///   hexadecimal, octal, binary), from the tokenizer's `verify_end_of_number`.
fn legacy_or_number_error(
    error: &ParseError,
    filename: &str,
    map: &SourceMap<'_>,
    tokens: &ruff_python_ast::token::Tokens,
) -> Option<CompileError> {
    let at = error.location.start();
    let source = map.source();
    let mut prev = None;
    for token in tokens.iter() {
        let r = ruff_text_size::Ranged::range(token);
        if r.start() >= at {
            break;
        }
        prev = Some((token.kind(), r));
    }
    let (kind, r) = prev?;
    let after = source.get(usize::from(at)..)?;
    // `{1:}` (`invalid_kvpair`): CPython marks the colon.
    if kind == TokenKind::Colon
        && matches!(error.error, ParseErrorType::ExpectedExpression)
        && open_brackets(tokens, at)
            .last()
            .is_some_and(|b| b.kind == TokenKind::Lbrace)
    {
        return Some(CompileError::at(
            ErrorKind::SyntaxError,
            "expression expected after dictionary key and ':'",
            filename,
            map,
            r,
        ));
    }
    let starts_name = after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    if matches!(kind, TokenKind::Int | TokenKind::Float | TokenKind::Complex)
        && r.end() == at
        && starts_name
    {
        let number = source.get(usize::from(r.start())..usize::from(r.end()))?;
        let base = match number.get(..2).map(str::to_ascii_lowercase).as_deref() {
            _ if kind == TokenKind::Complex => "imaginary",
            Some("0x") => "hexadecimal",
            Some("0o") => "octal",
            Some("0b") => "binary",
            _ => "decimal",
        };
        let next = after.chars().next().unwrap_or(' ');
        // A digit the base does not have is named; the tokenizer points at it.
        if matches!(base, "octal" | "binary") && next.is_ascii_digit() {
            return Some(CompileError::at(
                ErrorKind::SyntaxError,
                format!("invalid digit '{next}' in {base} literal"),
                filename,
                map,
                TextRange::empty(at),
            ));
        }
        // Otherwise it points at the last character it accepted: before the first one
        // that cannot continue the number (`1__0` stops at its second underscore).
        let first_bad = if next == '_' {
            at + TextSize::from(1)
        } else {
            at
        };
        let last_good = first_bad - TextSize::from(1);
        return Some(CompileError::at(
            ErrorKind::SyntaxError,
            format!("invalid {base} literal"),
            filename,
            map,
            TextRange::empty(last_good),
        ));
    }
    if kind == TokenKind::Name {
        let name = source.get(usize::from(r.start())..usize::from(r.end()))?;
        let line_start = source[..usize::from(r.start())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let first_on_line = source[line_start..usize::from(r.start())].trim().is_empty();
        let gap = source.get(usize::from(r.end())..usize::from(at))?;
        if matches!(name, "print" | "exec")
            && first_on_line
            && !gap.is_empty()
            && gap.chars().all(|c| c == ' ' || c == '\t')
            && !after.starts_with(['(', '=', '.', '[', ',', ')', ':', ';', '\n'])
        {
            let line_end = source[usize::from(at)..]
                .find('\n')
                .map_or(source.len(), |i| usize::from(at) + i);
            let end = TextSize::try_from(line_end).ok()?;
            return Some(CompileError::at(
                ErrorKind::SyntaxError,
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                filename,
                map,
                TextRange::new(r.start(), end),
            ));
        }
    }
    None
}

fn text_before_is_list(source: &str, at: TextSize) -> bool {
    let line_start = source[..usize::from(at)].rfind('\n').map_or(0, |i| i + 1);
    source[line_start..usize::from(at)]
        .trim_start()
        .starts_with('[')
}

fn convert_parse_error(
    error: &ParseError,
    filename: &str,
    map: &SourceMap<'_>,
    tokens: &ruff_python_ast::token::Tokens,
) -> CompileError {
    let range = error.location;
    let source = map.source();
    let text_at = source
        .get(usize::from(range.start())..usize::from(range.end()))
        .unwrap_or("");
    let mut kind = ErrorKind::SyntaxError;
    if let Some(e) = legacy_or_number_error(error, filename, map, tokens) {
        return e;
    }
    let message: String = match &error.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                // CPython: offset is one past the end of the offending line.
                let (line, _) = map.line_col(range.start().into());
                let len = map
                    .line_text(line)
                    .trim_end_matches(['\n', '\r'])
                    .chars()
                    .count();
                let mut e = CompileError::at(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    filename,
                    map,
                    range,
                );
                e.line = line;
                e.col = len as u32 + 1;
                e.end_line = line;
                e.end_col = -1;
                return e;
            }
            LexicalErrorType::UnclosedStringError => {
                let (line, _) = map.line_col(range.start().into());
                if text_at.starts_with("\"\"\"") || text_at.starts_with("'''") {
                    format!("unterminated triple-quoted string literal (detected at line {line})")
                } else {
                    format!("unterminated string literal (detected at line {line})")
                }
            }
            LexicalErrorType::FStringError(e) => fstring_message(e),
            LexicalErrorType::Eof => "unexpected EOF while parsing".into(),
            LexicalErrorType::LineContinuationError => {
                // CPython points at the character after the backslash.
                return CompileError::at(
                    ErrorKind::SyntaxError,
                    "unexpected character after line continuation character",
                    filename,
                    map,
                    TextRange::empty(range.start() + TextSize::from(1)),
                );
            }
            LexicalErrorType::InvalidByteLiteral => {
                "bytes can only contain ASCII literal characters".into()
            }
            LexicalErrorType::OtherError(msg)
                if msg.starts_with("ParseIntError") && text_at.len() == 2 =>
            {
                // A radix prefix without digits: CPython names a digit the base lacks.
                let base = match text_at.to_ascii_lowercase().as_str() {
                    "0o" => "octal",
                    "0b" => "binary",
                    _ => "hexadecimal",
                };
                let next = source[usize::from(range.end())..].chars().next();
                return match next {
                    Some(d) if d.is_ascii_digit() => CompileError::at(
                        ErrorKind::SyntaxError,
                        format!("invalid digit '{d}' in {base} literal"),
                        filename,
                        map,
                        TextRange::empty(range.end()),
                    ),
                    _ => CompileError::at(
                        ErrorKind::SyntaxError,
                        format!("invalid {base} literal"),
                        filename,
                        map,
                        TextRange::empty(range.end() - TextSize::from(1)),
                    ),
                };
            }
            LexicalErrorType::OtherError(msg) if &**msg == "Invalid decimal integer literal" => {
                // The tokenizer marks the leading zeros (and their underscores).
                let zeros = text_at.len() - text_at.trim_start_matches(['0', '_']).len();
                return CompileError::at(
                    ErrorKind::SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    filename,
                    map,
                    TextRange::at(range.start(), TextSize::try_from(zeros).unwrap_or_default()),
                );
            }
            LexicalErrorType::OtherError(msg) => {
                if msg.contains("triple-quoted") {
                    let (line, _) = map.line_col(range.start().into());
                    format!("unterminated triple-quoted string literal (detected at line {line})")
                } else {
                    "invalid syntax".into()
                }
            }
            _ => "invalid syntax".into(),
        },
        ParseErrorType::UnexpectedIndentation => {
            // CPython: offset is the 0-based column of the first token, no end.
            let (line, end) = map.line_char_col(range.end().into());
            let mut e = CompileError::at(
                ErrorKind::IndentationError,
                "unexpected indent",
                filename,
                map,
                range,
            );
            e.line = line;
            e.col = end - 1;
            e.end_line = line;
            e.end_col = -1;
            return e;
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected an indented block after") => {
            let clause = msg.trim_start_matches("Expected an indented block after ");
            let clause = match clause {
                "function definition" => "function definition".to_string(),
                "`class` definition" => "class definition".to_string(),
                other => {
                    let word = other.split('`').nth(1).unwrap_or("");
                    format!("'{word}' statement")
                }
            };
            let (err_line, _) = map.line_col(range.start().into());
            let mut header = err_line.saturating_sub(1).max(1);
            while header > 1 && map.line_text(header).trim().is_empty() {
                header -= 1;
            }
            return CompileError::at(
                ErrorKind::IndentationError,
                format!("expected an indented block after {clause} on line {header}"),
                filename,
                map,
                range,
            );
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => {
            "expected 'except' or 'finally' block".into()
        }
        ParseErrorType::OtherError(msg) if msg == "Expected a parameter name" => match text_at {
            "True" | "False" | "None" => format!("cannot assign to {text_at}"),
            _ => "invalid syntax".into(),
        },
        ParseErrorType::OtherError(msg) => other_error_message(msg).into(),
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Comma,
            found,
        } if is_augmented_assign(*found) => {
            if text_before_is_list(source, range.start()) {
                "'list' is an illegal expression for augmented assignment".into()
            } else {
                "'tuple' is an illegal expression for augmented assignment".into()
            }
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Comma,
            found:
                TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringStart,
        } if !open_brackets(tokens, range.start()).is_empty() => {
            "invalid syntax. Perhaps you forgot a comma?".into()
        }
        ParseErrorType::ExpectedToken { expected, .. } => match expected {
            TokenKind::Colon if in_dict_display(tokens, range.start()) => {
                // CPython marks the key (from its start, with no end column).
                let key = dict_key_start(tokens, range.start()).unwrap_or(range.start());
                let mut e = CompileError::at(
                    kind,
                    "':' expected after dictionary key",
                    filename,
                    map,
                    TextRange::empty(key),
                );
                e.end_col = 0;
                return e;
            }
            TokenKind::Colon => "expected ':'".into(),
            TokenKind::Lpar
                if source[..usize::from(range.start())]
                    .trim_end()
                    .rsplit(|c: char| c.is_whitespace())
                    .nth(1)
                    == Some("def") =>
            {
                "expected '('".into()
            }
            TokenKind::Else => "expected 'else' after 'if' expression".into(),
            TokenKind::Indent => {
                kind = ErrorKind::IndentationError;
                "expected an indented block".into()
            }
            TokenKind::Rpar if !text_at.is_empty() && text_at != ")" => "invalid syntax".into(),
            _ => "invalid syntax".into(),
        },
        ParseErrorType::FStringError(e) => fstring_message(e),
        ParseErrorType::InvalidAssignmentTarget => {
            let what = describe_target(text_at);
            let keyword = matches!(
                target_kind(text_at),
                "None" | "True" | "False" | "__debug__" | "lambda"
            );
            let parenthesized = source[..usize::from(range.start())]
                .trim_end()
                .ends_with('(');
            if text_at.starts_with("yield") && !parenthesized {
                "assignment to yield expression not possible".into()
            } else if !keyword && followed_by_single_eq(source, range.end()) {
                format!("{what} here. Maybe you meant '==' instead of '='?")
            } else {
                what
            }
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            if text_at.starts_with('[') {
                "'list' is an illegal expression for augmented assignment".into()
            } else if text_at.starts_with('(') || text_at.contains(',') {
                "'tuple' is an illegal expression for augmented assignment".into()
            } else {
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    target_kind(text_at)
                )
            }
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => "illegal target for annotation".into(),
        ParseErrorType::InvalidDeleteTarget => {
            if text_at.starts_with('*') {
                "cannot delete starred".into()
            } else {
                describe_target(text_at).replace("assign to", "delete")
            }
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            format!(
                "cannot use assignment expressions with {}",
                target_kind(text_at)
            )
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            "positional argument follows keyword argument".into()
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".into()
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".into()
        }
        ParseErrorType::ExpectedKeywordParam => "named arguments must follow bare *".into(),
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            "Generator expression must be parenthesized".into()
        }
        ParseErrorType::InvalidStarredExpressionUsage => {
            let before = source[..usize::from(range.start())].trim_end();
            if before.ends_with(['+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '~', '@']) {
                // `1 +* 2`: CPython's parser fails at the `*` token itself.
                let star = TextRange::at(range.start(), TextSize::from(1));
                return CompileError::at(kind, "invalid syntax", filename, map, star);
            }
            if before.ends_with('(') {
                "cannot use starred expression here".into()
            } else {
                "invalid syntax".into()
            }
        }
        ParseErrorType::VarParameterWithDefault => {
            if source[..usize::from(range.start())].ends_with("**") {
                "var-keyword argument cannot have default value".into()
            } else {
                "var-positional argument cannot have default value".into()
            }
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            "arguments cannot follow var-keyword argument".into()
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            "iterable unpacking cannot be used in comprehension".into()
        }
        _ => "invalid syntax".into(),
    };
    CompileError::at(kind, message, filename, map, range)
}

fn fstring_message(e: &InterpolatedStringErrorType) -> String {
    match e {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".into(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".into(),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        InterpolatedStringErrorType::UnterminatedString => "f-string: unterminated string".into(),
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            "f-string: unterminated triple-quoted string".into()
        }
        _ => "f-string: invalid syntax".into(),
    }
}

fn followed_by_single_eq(source: &str, end: TextSize) -> bool {
    let rest = source.get(usize::from(end)..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t', ')']);
    rest.starts_with('=') && !rest.starts_with("==")
}

/// CPython's `_PyPegen_get_expr_name`, approximated from the source text.
fn target_kind(text: &str) -> &'static str {
    let t = text.trim();
    match t {
        "None" => return "None",
        "True" => return "True",
        "False" => return "False",
        "..." => return "ellipsis",
        "__debug__" => return "__debug__",
        _ => {}
    }
    let first = t.chars().next().unwrap_or(' ');
    let lower = t.to_ascii_lowercase();
    if ["b'", "b\"", "r'", "r\"", "u'", "u\"", "br", "rb"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return "literal";
    }
    if t.starts_with('(') && t.contains(" for ") && t.contains(" in ") {
        return "generator expression";
    }
    if t.contains(" if ") && t.contains(" else ") && !t.starts_with('(') && !t.starts_with('[') {
        return "conditional expression";
    }
    if first.is_ascii_digit() || first == '"' || first == '\'' || (first == '.' && t.len() > 1) {
        return "literal";
    }
    if (t.starts_with('f') || t.starts_with('F')) && t[1..].starts_with(['"', '\'']) {
        return "f-string expression";
    }
    if t.starts_with("lambda") {
        return "lambda";
    }
    if t.starts_with("(yield") || t.starts_with("yield") {
        return "yield expression";
    }
    if t.starts_with("await") {
        return "await expression";
    }
    if let Some(inner) = t.strip_prefix('{') {
        return if t.contains(':') || inner.trim_start().starts_with('}') {
            "dict literal"
        } else {
            "set display"
        };
    }
    if has_top_level_comparison(t) {
        return "comparison";
    }
    if t.ends_with(')') && !t.starts_with('(') {
        return "function call";
    }
    if t.starts_with('[') && t.contains(" for ") {
        return "list comprehension";
    }
    "expression"
}

/// Whether `t` has a comparison operator outside brackets and string quotes.
fn has_top_level_comparison(t: &str) -> bool {
    let b = t.as_bytes();
    let mut depth = 0i32;
    let mut quote = None;
    // The text outside brackets and quotes, for the word operators.
    let mut top = String::new();
    for (i, &c) in b.iter().enumerate() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(c),
            (None, b'(' | b'[' | b'{') => depth += 1,
            (None, b')' | b']' | b'}') => depth -= 1,
            (None, b'<' | b'>') if depth == 0 => return true,
            (None, b'=' | b'!') if depth == 0 && b.get(i + 1) == Some(&b'=') => return true,
            (None, _) if depth == 0 => top.push(c as char),
            _ => {}
        }
        if depth > 0 || quote.is_some() {
            top.push(' ');
        }
    }
    let words: Vec<&str> = top.split_whitespace().collect();
    words.iter().skip(1).any(|w| matches!(*w, "in" | "is"))
}

fn describe_target(text: &str) -> String {
    let kind = target_kind(text);
    match kind {
        "None" | "True" | "False" | "__debug__" | "ellipsis" => format!("cannot assign to {kind}"),
        _ => format!("cannot assign to {kind}"),
    }
}

/// CPython's tokenizer reports unbalanced brackets before the parser's
/// error: `'(' was never closed`, `unmatched ')'`, `closing parenthesis ...`.
fn bracket_error(
    tokens: &ruff_python_ast::token::Tokens,
    first: &ParseError,
    filename: &str,
    map: &SourceMap<'_>,
) -> Option<CompileError> {
    let mut stack: Vec<(char, TextRange)> = Vec::new();
    let open_of = |k: TokenKind| match k {
        TokenKind::Lpar => Some('('),
        TokenKind::Lsqb => Some('['),
        TokenKind::Lbrace => Some('{'),
        _ => None,
    };
    let close_of = |k: TokenKind| match k {
        TokenKind::Rpar => Some(')'),
        TokenKind::Rsqb => Some(']'),
        TokenKind::Rbrace => Some('}'),
        _ => None,
    };
    let error_start = first.location.start();
    for token in tokens.iter() {
        let kind = token.kind();
        let range = ruff_text_size::Ranged::range(token);
        if let Some(c) = open_of(kind) {
            stack.push((c, range));
        } else if let Some(c) = close_of(kind) {
            if range.start() > error_start {
                return None;
            }
            match stack.pop() {
                None => {
                    return Some(CompileError::at(
                        ErrorKind::SyntaxError,
                        format!("unmatched '{c}'"),
                        filename,
                        map,
                        TextRange::empty(range.start()),
                    ));
                }
                Some((o, orange)) => {
                    let expected = match o {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if expected != c {
                        let (oline, _) = map.line_col(orange.start().into());
                        let (cline, _) = map.line_col(range.start().into());
                        let suffix = if oline == cline {
                            String::new()
                        } else {
                            format!(" on line {oline}")
                        };
                        return Some(CompileError::at(
                            ErrorKind::SyntaxError,
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{o}'{suffix}"
                            ),
                            filename,
                            map,
                            TextRange::empty(range.start()),
                        ));
                    }
                }
            }
        }
    }
    let at_eof = usize::from(error_start) >= map.source().trim_end().len();
    let (o, orange) = stack.pop()?;
    if !at_eof {
        return None;
    }
    let mut e = CompileError::at(
        ErrorKind::SyntaxError,
        format!("'{o}' was never closed"),
        filename,
        map,
        orange,
    );
    e.end_col = 0;
    Some(e)
}
