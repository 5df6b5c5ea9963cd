"""Trace memory allocations (pymm's own `tracemalloc`, on its native `_tracemalloc`).

The native half hooks pymm's allocator and records, for every live block of its heap,
the size and the Python frames that allocated it (as many as `start(nframe)` asks).
This module turns those traces into snapshots and statistics with the API and output
formats of CPython 3.11's `tracemalloc`.
"""
import linecache

from _tracemalloc import (start, stop, is_tracing, get_traceback_limit,
                          get_traced_memory, reset_peak, clear_traces,
                          get_tracemalloc_memory, _get_traces,
                          _get_object_traceback, _check_tracing)

__all__ = ["start", "stop", "is_tracing", "get_traceback_limit",
           "get_traced_memory", "reset_peak", "clear_traces",
           "get_tracemalloc_memory", "take_snapshot", "get_object_traceback",
           "Snapshot", "Statistic", "StatisticDiff", "Traceback", "Frame",
           "Filter", "DomainFilter"]


def _format_size(size, sign):
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(size) < 100 and unit != "B":
            # 3 digits (xx.x UNIT)
            if sign:
                return "%+.1f %s" % (size, unit)
            return "%.1f %s" % (size, unit)
        if abs(size) < 10 * 1024 or unit == "TiB":
            # 4 or 5 digits (xxxx UNIT)
            if sign:
                return "%+.0f %s" % (size, unit)
            return "%.0f %s" % (size, unit)
        size /= 1024


class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self.filename, self.lineno)

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self.filename, self.lineno)


class Traceback:
    """The frames where a block was allocated, most recent call first."""

    __slots__ = ("_frames", "_total_nframe")

    def __init__(self, frames, total_nframe=None):
        # Stored oldest first, as CPython's.
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(trace) for trace in self._frames[index])
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        s = "<Traceback %r" % (tuple(self),)
        if self._total_nframe is None:
            s += ">"
        else:
            s += " total_nframe=%s>" % self.total_nframe
        return s

    def format(self, limit=None, most_recent_first=False):
        lines = []
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:abs(limit)]
        if most_recent_first:
            frames = list(reversed(frames))
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            line = linecache.getline(frame.filename, frame.lineno).strip()
            if line:
                lines.append('    %s' % line)
        return lines


def get_object_traceback(obj):
    """The traceback where `obj` was allocated, or None if it was not traced."""
    frames = _get_object_traceback(obj)
    if frames is not None:
        return Traceback(frames)
    return None


class Trace:
    """One traced memory block."""

    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(trace) for trace in self._traces[index])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


class Statistic:
    """Memory allocated at one place (a line, a file or a traceback)."""

    __slots__ = ("traceback", "size", "count")

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.count == other.count)

    def __str__(self):
        text = "%s: size=%s, count=%i" % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            average = self.size / self.count
            text += ", average=%s" % _format_size(average, False)
        return text

    def __repr__(self):
        return "<Statistic traceback=%r size=%i count=%i>" % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """The difference of one statistic between an old and a new snapshot."""

    __slots__ = ("traceback", "size", "size_diff", "count", "count_diff")

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.size_diff == other.size_diff and self.count == other.count
                and self.count_diff == other.count_diff)

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback, _format_size(self.size, False),
            _format_size(self.size_diff, True), self.count, self.count_diff)
        if self.count:
            average = self.size / self.count
            text += ", average=%s" % _format_size(average, False)
        return text

    def __repr__(self):
        return "<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>" % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count,
                self.traceback)


def _compare_grouped_stats(old_group, new_group):
    statistics = []
    for traceback, stat in new_group.items():
        previous = old_group.pop(traceback, None)
        if previous is not None:
            stat = StatisticDiff(traceback, stat.size, stat.size - previous.size,
                                 stat.count, stat.count - previous.count)
        else:
            stat = StatisticDiff(traceback, stat.size, stat.size, stat.count, stat.count)
        statistics.append(stat)
    for traceback, stat in old_group.items():
        statistics.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return statistics


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive


class Filter(BaseFilter):
    """Keeps (or drops) traces by file name pattern and line number."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False,
                 domain=None):
        super().__init__(inclusive)
        self.filename_pattern = filename_pattern
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    def _match_frame_impl(self, filename, lineno):
        if not _fnmatch(filename, self.filename_pattern):
            return False
        if self.lineno is None:
            return True
        return lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if self.all_frames:
            if any(self._match_frame_impl(f, l) for f, l in traceback):
                return self.inclusive
            return not self.inclusive
        filename, lineno = traceback[0]
        return self._match_frame(filename, lineno)

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        res = self._match_traceback(traceback)
        if self.domain is not None:
            if self.inclusive:
                return res and (domain == self.domain)
            return res or (domain != self.domain)
        return res


class DomainFilter(BaseFilter):
    """Keeps (or drops) traces of one domain."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        return (domain == self.domain) ^ (not self.inclusive)


def _fnmatch(name, pattern):
    """Shell-style matching of `*` and `?` (enough for file name filters)."""
    if pattern.endswith(".pyc"):
        pattern = pattern[:-1]
    memo = {}

    def match(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if j == len(pattern):
            r = i == len(name)
        elif pattern[j] == "*":
            r = match(i, j + 1) or (i < len(name) and match(i + 1, j))
        elif i < len(name) and (pattern[j] == "?" or pattern[j] == name[i]):
            r = match(i + 1, j + 1)
        else:
            r = False
        memo[key] = r
        return r

    return match(0, 0)


class Snapshot:
    """The traces of all memory blocks allocated by Python at one moment."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters:
            if not any(f._match(trace) for f in include_filters):
                return False
        if exclude_filters:
            if any(not f._match(trace) for f in exclude_filters):
                return False
        return True

    def filter_traces(self, filters):
        """A new snapshot with only the traces the filters accept."""
        for f in filters:
            if not isinstance(f, BaseFilter):
                raise TypeError("filters must be a list of filters, not %s"
                                % type(f).__name__)
        if filters:
            include_filters = [f for f in filters if f.inclusive]
            exclude_filters = [f for f in filters if not f.inclusive]
            new_traces = [trace for trace in self.traces._traces
                          if self._filter_trace(include_filters, exclude_filters, trace)]
        else:
            new_traces = list(self.traces._traces)
        return Snapshot(new_traces, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ("traceback", "filename", "lineno"):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ("lineno", "filename"):
            raise ValueError("cumulative mode cannot by used with key type %r" % key_type)
        stats = {}
        tracebacks = {}
        for trace in self.traces._traces:
            domain, size, trace_traceback, total_nframe = trace
            if key_type == "traceback":
                keys = [trace_traceback]
            else:
                frames = trace_traceback if cumulative else trace_traceback[:1]
                keys = []
                for frame in frames:
                    key = frame if key_type == "lineno" else (frame[0], 0)
                    if key not in keys:
                        keys.append(key)
            for key in keys:
                traceback = tracebacks.get(key)
                if traceback is None:
                    traceback = Traceback(key if key_type == "traceback" else (key,))
                    tracebacks[key] = traceback
                stat = stats.get(traceback)
                if stat:
                    stat.size += size
                    stat.count += 1
                else:
                    stats[traceback] = Statistic(traceback, size, 1)
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistics grouped by `key_type`, biggest first."""
        grouped = self._group_by(key_type, cumulative)
        statistics = list(grouped.values())
        statistics.sort(reverse=True, key=Statistic._sort_key)
        return statistics

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """Statistics of the differences from `old_snapshot`, biggest change first."""
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        statistics = _compare_grouped_stats(old_group, new_group)
        statistics.sort(reverse=True, key=StatisticDiff._sort_key)
        return statistics


def take_snapshot():
    """A snapshot of the traces of the blocks allocated by Python."""
    _check_tracing()
    traces = _get_traces()
    traceback_limit = get_traceback_limit()
    return Snapshot(traces, traceback_limit)
