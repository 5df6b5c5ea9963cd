//! Byte offsets to lines and columns ([`SourceMap`]).
//!
//! Instruction locations use CPython's `co_positions()` convention (1-based
//! lines, 0-based UTF-8 byte columns); `SyntaxError` offsets use CPython's
//! parser convention (1-based character columns).

/// Line starts of one source text.
#[derive(Debug, Clone)]
pub struct SourceMap<'s> {
    source: &'s str,
    line_starts: Vec<u32>,
}

impl<'s> SourceMap<'s> {
    /// Indexes `source`.
    pub fn new(source: &'s str) -> Self {
        let mut line_starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            source,
            line_starts,
        }
    }

    /// The source text.
    pub fn source(&self) -> &'s str {
        self.source
    }

    /// 0-based line index containing byte `offset`.
    fn line_index(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.source.len() as u32);
        let li = self.line_index(offset);
        (li as u32 + 1, offset - self.line_starts[li])
    }

    /// 1-based line and 1-based *character* column of `offset`.
    pub fn line_char_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.source.len() as u32);
        let li = self.line_index(offset);
        let start = self.line_starts[li] as usize;
        let mut end = offset as usize;
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let chars = self.source[start..end].chars().count();
        (li as u32 + 1, chars as u32 + 1)
    }

    /// Number of lines.
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Text of 1-based line `line`, including its line terminator.
    pub fn line_text(&self, line: u32) -> &'s str {
        let li = (line.max(1) - 1) as usize;
        if li >= self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[li] as usize;
        let end = self
            .line_starts
            .get(li + 1)
            .map_or(self.source.len(), |&e| e as usize);
        &self.source[start..end]
    }
}
