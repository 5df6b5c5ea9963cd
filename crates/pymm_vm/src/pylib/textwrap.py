"""Text wrapping and filling (pymm's own `textwrap`).

`TextWrapper` splits text into words and whitespace (and, with
`break_on_hyphens`, after the hyphens inside hyphenated words), then fills lines
greedily as CPython's does; `wrap`, `fill`, `shorten`, `dedent` and `indent` are
CPython's API.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _letter(c):
    # A word character that is not a digit.
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _word(c):
    return c.isalnum() or c == "_"


def _word_punct(c):
    return _word(c) or c in "!\"'&.,?"


def _hyphen_breaks(word, i):
    """Whether a hyphenated word breaks after the hyphen at `i`: two letters (or
    letter, hyphen, letter) before it, and a letter then a letter (or a hyphen and a
    letter) after it."""
    n = len(word)
    before = (i >= 2 and _letter(word[i - 1]) and _letter(word[i - 2])) or \
        (i >= 3 and _letter(word[i - 1]) and word[i - 2] == "-" and _letter(word[i - 3]))
    if not before or i + 2 >= n:
        return False
    if not _letter(word[i + 1]):
        return False
    if _letter(word[i + 2]):
        return True
    return word[i + 2] == "-" and i + 3 < n and _letter(word[i + 3])


class TextWrapper:
    """Object for wrapping/filling text."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(" "))

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split_word(self, word):
        # Breaks after the hyphens of hyphenated words, and around em-dashes (two or
        # more hyphens between word characters).
        if not self.break_on_hyphens:
            return [word]
        out = []
        start = 0
        i = 0
        n = len(word)
        while i < n:
            if word[i] != "-":
                i += 1
                continue
            j = i
            while j < n and word[j] == "-":
                j += 1
            if j - i >= 2 and i > 0 and _word_punct(word[i - 1]) and j < n and _word(word[j]):
                if i > start:
                    out.append(word[start:i])
                out.append(word[i:j])
                start = j
            elif j - i == 1 and i > start and _hyphen_breaks(word, i):
                out.append(word[start:j])
                start = j
            i = j
        if start < n:
            out.append(word[start:])
        return out

    def _split(self, text):
        chunks = []
        word = []
        space = []
        for c in text:
            if c in _whitespace:
                if word:
                    chunks.extend(self._split_word("".join(word)))
                    word = []
                space.append(c)
            else:
                if space:
                    chunks.append("".join(space))
                    space = []
                word.append(c)
        if word:
            chunks.extend(self._split_word("".join(word)))
        if space:
            chunks.append("".join(space))
        return chunks

    def _fix_sentence_endings(self, chunks):
        # Two spaces after a lowercase letter, a sentence end and an optional quote.
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if c and c[-1] in "\"'":
                c = c[:-1]
            if chunks[i + 1] == " " and len(c) >= 2 and c[-1] in ".!?" and "a" <= c[-2] <= "z":
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1
                         and not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if (cur_line[-1].strip() and
                                cur_len + len(self.placeholder) <= width):
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """Reformat the single paragraph in 'text' into lines of at most 'width'."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Reformat the single paragraph in 'text' to fit in lines of 'width'."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`."""
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            # A line of blanks only: normalised to an empty line.
            lines[i] = ""
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            k = 0
            while k < len(margin) and k < len(indent) and margin[k] == indent[k]:
                k += 1
            margin = margin[:k]
    if margin:
        lines = [line[len(margin):] if line else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Add 'prefix' to the beginning of selected lines in 'text'."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
