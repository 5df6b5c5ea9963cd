"""pymm's objgraph: the object-graph tools of the ``objgraph`` package (3.6), written
for pymm over its ``gc`` module.

Counting objects by type (``count``, ``typestats``, ``most_common_types``,
``show_most_common_types``), watching counts grow between two points of a program
(``growth``, ``show_growth``, ``get_new_ids``), finding objects (``by_type``, ``at``,
``at_addrs``, ``get_leaking_objects``), finding who keeps an object alive
(``find_backref_chain``, ``find_ref_chain``, ``is_proper_module``) and drawing the
reference graph around objects as a GraphViz file (``show_backrefs``, ``show_refs``,
``show_chain``), with the package's text formats.

The numbers are pymm's: ``gc.get_objects()`` holds the objects of this interpreter,
so totals of the interpreter's own types (functions, dicts, tuples) differ from
CPython's while those of a program's classes agree. pymm cannot start programs, so
the ``.dot`` file is written but not rendered: the message says which command would
render it.
"""
import gc
import os
import sys

__all__ = [
    "count", "typestats", "most_common_types", "show_most_common_types", "growth",
    "show_growth", "get_new_ids", "get_leaking_objects", "by_type", "at", "at_addrs",
    "find_ref_chain", "find_backref_chain", "show_backrefs", "show_refs", "show_chain",
    "is_proper_module",
]

__version__ = "3.6.2"


def _short_typename(obj):
    return type(obj).__name__


def _long_typename(obj):
    t = type(obj)
    module = getattr(t, "__module__", None)
    return "%s.%s" % (module, t.__name__) if module else t.__name__


def _namer(shortnames):
    return _short_typename if shortnames else _long_typename


def count(typename, objects=None):
    """The number of objects the collector tracks whose type is named ``typename``
    (``'MyClass'``, or ``'module.MyClass'``)."""
    if objects is None:
        objects = gc.get_objects()
    name_of = _long_typename if "." in typename else _short_typename
    return sum(1 for o in objects if name_of(o) == typename)


def typestats(objects=None, shortnames=True, filter=None):
    """A dict from type names to the number of tracked objects of that type."""
    if objects is None:
        objects = gc.get_objects()
    name_of = _namer(shortnames)
    stats = {}
    for o in objects:
        if filter is not None and not filter(o):
            continue
        n = name_of(o)
        stats[n] = stats.get(n, 0) + 1
    return stats


def most_common_types(limit=10, objects=None, shortnames=True, filter=None):
    """``(type name, count)`` pairs, the most frequent first, at most ``limit``."""
    stats = sorted(typestats(objects, shortnames=shortnames, filter=filter).items(),
                   key=lambda item: item[1], reverse=True)
    return stats[:limit] if limit else stats


def show_most_common_types(limit=10, objects=None, shortnames=True, file=None,
                           filter=None):
    """Prints the table of ``most_common_types``."""
    out = sys.stdout if file is None else file
    stats = most_common_types(limit, objects, shortnames=shortnames, filter=filter)
    width = max(len(name) for name, _ in stats)
    for name, n in stats:
        out.write("%-*s %i\n" % (width, name, n))


def growth(limit=10, peak_stats={}, shortnames=True, filter=None):
    """After a full collection, the types whose count rose above its peak in
    ``peak_stats`` (updated): ``(name, count, increase)``, the largest increase
    first."""
    gc.collect()
    stats = typestats(shortnames=shortnames, filter=filter)
    deltas = []
    for name, n in stats.items():
        before = peak_stats.get(name, 0)
        if n > before:
            deltas.append((name, n - before))
            peak_stats[name] = n
    deltas.sort(key=lambda item: item[1], reverse=True)
    if limit:
        deltas = deltas[:limit]
    return [(name, stats[name], delta) for name, delta in deltas]


def show_growth(limit=10, peak_stats=None, shortnames=True, file=None, filter=None):
    """Prints ``growth``: each type, its count and its increase since the last call."""
    if peak_stats is None:
        result = growth(limit, shortnames=shortnames, filter=filter)
    else:
        result = growth(limit, peak_stats, shortnames, filter)
    if not result:
        return
    out = sys.stdout if file is None else file
    width = max(len(name) for name, _, _ in result)
    for name, n, delta in result:
        out.write("%-*s%9d %+9d\n" % (width, name, n, delta))


def get_new_ids(skip_update=False, limit=10, sortby="deltas", shortnames=None,
                file=None, _state={}):
    """The ids of the objects, by type name, that appeared since the last call (a dict
    of sets), after printing a table of old, current and new counts per type (sorted
    by ``sortby``: ``'old'``, ``'current'``, ``'new'`` or ``'deltas'``). With
    ``skip_update`` the last call's answer comes back unchanged."""
    if not _state:
        _state.update(old={}, current={}, new={}, shortnames=True)
    if skip_update:
        return _state["new"]
    if shortnames is None:
        shortnames = _state["shortnames"]
    _state["shortnames"] = shortnames
    name_of = _namer(shortnames)
    gc.collect()
    old = _state["current"]
    current = {}
    for o in gc.get_objects():
        current.setdefault(name_of(o), set()).add(id(o))
    new = {}
    rows = []
    for name, ids in current.items():
        fresh = ids - old.get(name, set())
        new[name] = fresh
        n_old = len(old.get(name, ()))
        rows.append((name, n_old, len(ids), len(fresh), len(ids) - n_old))
    for name, ids in old.items():
        if name not in current and ids:
            # Every object of the type went away: still a row, and an empty entry.
            current[name] = set()
            new[name] = set()
            rows.append((name, len(ids), 0, 0, -len(ids)))
    _state["old"], _state["current"], _state["new"] = old, current, new
    column = {"old": 1, "current": 2, "new": 3, "deltas": 4}[sortby]
    rows.sort(key=lambda r: (r[column], r[0]), reverse=True)
    if limit is not None:
        rows = rows[:limit]
    if not rows:
        return new
    out = sys.stdout if file is None else file
    width = max(len(r[0]) for r in rows)
    rule = "=" * (width + 13 * 4)
    print(rule, file=out)
    print("%-*s%13s%13s%13s%13s" % (width, "Type", "Old_ids", "Current_ids", "New_ids",
                                    "Count_Deltas"), file=out)
    print(rule, file=out)
    for name, n_old, n_cur, n_new, delta in rows:
        print("%-*s%13d%13d%+13d%+13d" % (width, name, n_old, n_cur, n_new, delta),
              file=out)
    print(rule, file=out)
    return new


def get_leaking_objects(objects=None):
    """The tracked objects that no tracked object refers to."""
    if objects is None:
        gc.collect()
        objects = gc.get_objects()
    ids = set(id(o) for o in objects)
    for o in objects:
        for r in gc.get_referents(o):
            ids.discard(id(r))
    return [o for o in objects if id(o) in ids]


def by_type(typename, objects=None):
    """The tracked objects whose type is named ``typename``."""
    if objects is None:
        objects = gc.get_objects()
    name_of = _long_typename if "." in typename else _short_typename
    return [o for o in objects if name_of(o) == typename]


def at(addr):
    """The tracked object whose ``id`` is ``addr``, or None."""
    for o in gc.get_objects():
        if id(o) == addr:
            return o
    return None


def at_addrs(address_set):
    """The tracked objects whose ids are in ``address_set``."""
    return [o for o in gc.get_objects() if id(o) in address_set]


def is_proper_module(obj):
    """Whether ``obj`` is a module registered in ``sys.modules`` (a root)."""
    return (type(obj) is type(sys)
            and obj is sys.modules.get(getattr(obj, "__name__", None)))


def _find_chain(obj, predicate, edges, max_depth, extra_ignore):
    # Breadth first from obj; the search's own containers are not part of the graph.
    queue = [obj]
    depth = {id(obj): 0}
    parent = {id(obj): None}
    ignore = set(extra_ignore)
    ignore.update((id(extra_ignore), id(queue), id(depth), id(parent), id(ignore)))
    gc.collect()
    while queue:
        target = queue.pop(0)
        if predicate(target):
            chain = [target]
            while parent[id(target)] is not None:
                target = parent[id(target)]
                chain.append(target)
            return chain
        d = depth[id(target)]
        if d < max_depth:
            found = edges(target)
            ignore.add(id(found))
            for o in found:
                if id(o) not in ignore and id(o) not in depth:
                    depth[id(o)] = d + 1
                    parent[id(o)] = target
                    queue.append(o)
    return [obj]


def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """A shortest chain of references from ``obj`` to an object ``predicate`` accepts
    (``[obj]`` if there is none within ``max_depth``)."""
    return _find_chain(obj, predicate, gc.get_referents, max_depth, extra_ignore)[::-1]


def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """A shortest chain of references to ``obj`` from an object ``predicate`` accepts,
    that object first (``[obj]`` if there is none within ``max_depth``)."""
    return _find_chain(obj, predicate, gc.get_referrers, max_depth, extra_ignore)


def _quote(s):
    return (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\0", "\\\\0"))


def _node(obj):
    return ("o%d" % id(obj)).replace("-", "_")


def _name_or_repr(value):
    name = getattr(value, "__name__", None)
    return name if isinstance(name, str) else repr(value)[:40]


def _short_repr(obj):
    if isinstance(obj, type) or type(obj) is type(sys) or type(obj) is type(len):
        return _name_or_repr(obj)
    if type(obj).__name__ == "method":
        name = _name_or_repr(obj.__func__)
        return name + " (bound)" if obj.__self__ else name
    if type(obj).__name__ == "function" and obj.__name__ == "<lambda>":
        return "lambda: %s:%s" % (os.path.basename(obj.__code__.co_filename),
                                  obj.__code__.co_firstlineno)
    if isinstance(obj, (tuple, list, dict, set)):
        return "%d items" % len(obj)
    return repr(obj)[:40]


def _label(obj, extra_info, refcounts, shortnames):
    lines = [_namer(shortnames)(obj)]
    if refcounts:
        lines[0] += " [%d]" % (sys.getrefcount(obj) - 4)
    try:
        lines.append(_short_repr(obj))
    except Exception:
        lines.append("(unrepresentable)")
    if extra_info:
        lines.append(str(extra_info(obj)))
    return _quote("\n".join(lines))


def _edge_label(source, target, shortnames):
    if isinstance(target, dict) and target is getattr(source, "__dict__", None):
        return ' [label="__dict__",weight=10]'
    if type(source).__name__ == "method":
        if target is source.__self__:
            return ' [label="__self__",weight=10]'
        if target is source.__func__:
            return ' [label="__func__",weight=10]'
    if type(source).__name__ == "function":
        for k in dir(source):
            if target is getattr(source, k, None):
                return ' [label="%s",weight=10]' % _quote(k)
    if isinstance(source, dict):
        for k, v in source.items():
            if v is target:
                if isinstance(k, str) and k.isidentifier() and k.isascii():
                    return ' [label="%s",weight=2]' % _quote(k)
                try:
                    shown = _short_repr(k)
                except Exception:
                    shown = "(unrepresentable)"
                return ' [label="%s"]' % _quote(_namer(shortnames)(k) + "\n" + shown)
    return ""


def _gradient(start, end, depth, max_depth):
    if max_depth == 0:
        return start
    f = float(depth) / max_depth
    return tuple(a * (1 - f) + b * f for a, b in zip(start, end))


def _on_path(program):
    for d in os.environ.get("PATH", os.defpath).split(os.pathsep):
        if os.path.isfile(os.path.join(d, program)):
            return True
    return False


_names = None


def _dot_file_name():
    # Its own generator, as tempfile's: the program's `random` sequence stays its own.
    global _names
    if _names is None:
        import random
        _names = random.Random()
    while True:
        name = "/tmp/objgraph-%s.dot" % "".join(
            _names.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
        if not os.path.exists(name):
            return name


def _show_graph(objs, edges, forward, max_depth, extra_ignore, filter, too_many,
                highlight, filename, extra_info, refcounts, shortnames, output,
                extra_node_attrs):
    if not isinstance(objs, (list, tuple)):
        objs = [objs]
    if filename and output:
        raise ValueError("Cannot specify both output and filename.")
    lines = ["digraph ObjectGraph {\n",
             "  node[shape=box, style=filled, fillcolor=white];\n"]
    queue = []
    depth = {}
    ignore = set(extra_ignore)
    ignore.update((id(objs), id(extra_ignore), id(queue), id(depth), id(ignore),
                   id(lines)))
    for obj in objs:
        lines.append("  %s[fontcolor=red];\n" % _node(obj))
        depth[id(obj)] = 0
        queue.append(obj)
    del obj
    gc.collect()
    nodes = 0
    while queue:
        nodes += 1
        target = queue.pop(0)
        d = depth[id(target)]
        attrs = ""
        if extra_node_attrs is not None:
            extra = extra_node_attrs(target)
            attrs = ", " + ", ".join('%s="%s"' % (k, _quote(v))
                                     for k, v in sorted(extra.items()) if v is not None)
        lines.append('  %s[label="%s"%s];\n' % (
            _node(target), _label(target, extra_info, refcounts, shortnames), attrs))
        h, s, v = _gradient((0, 0, 1), (0, 0, .3), d, max_depth)
        if type(target) is type(sys):
            h, s = .3, 1
        if highlight and highlight(target):
            h, s, v = .6, .6, 0.5 + v * 0.5
        lines.append('  %s[fillcolor="%g,%g,%g"];\n' % (_node(target), h, s, v))
        if v < 0.5:
            lines.append("  %s[fontcolor=white];\n" % _node(target))
        if hasattr(getattr(target, "__class__", None), "__del__"):
            lines.append("  %s->%s_has_a_del[color=red,style=dotted,len=0.25,"
                         "weight=10];\n" % (_node(target), _node(target)))
            lines.append('  %s_has_a_del[label="__del__",shape=doublecircle,'
                         'height=0.25,color=red,fillcolor="0,.5,1",fontsize=6];\n'
                         % _node(target))
        if d >= max_depth:
            continue
        found = edges(target)
        ignore.add(id(found))
        shown = skipped = 0
        for other in found:
            if id(other) in ignore or (filter and not filter(other)):
                continue
            if shown >= too_many:
                skipped += 1
                continue
            src, dst = (target, other) if forward else (other, target)
            lines.append("  %s -> %s%s;\n" % (_node(src), _node(dst),
                                              _edge_label(src, dst, shortnames)))
            if id(other) not in depth:
                depth[id(other)] = d + 1
                queue.append(other)
            shown += 1
        del found
        if skipped:
            h, s, v = _gradient((0, 1, 1), (0, 1, .3), d + 1, max_depth)
            if forward:
                label = "%d more references" % skipped
                edge = "%s->too_many_%s" % (_node(target), _node(target))
            else:
                label = "%d more backreferences" % skipped
                edge = "too_many_%s->%s" % (_node(target), _node(target))
            lines.append("  %s[color=red,style=dotted,len=0.25,weight=10];\n" % edge)
            lines.append('  too_many_%s[label="%s",shape=box,height=0.25,color=red,'
                         'fillcolor="%g,%g,%g",fontsize=6];\n'
                         % (_node(target), label, h, s, v))
            lines.append("  too_many_%s[fontcolor=white];\n" % _node(target))
    lines.append("}\n")
    text = "".join(lines)
    if output:
        output.write(text)
        return
    dot_name = filename if filename and filename.endswith(".dot") else _dot_file_name()
    with open(dot_name, "w") as f:
        f.write(text)
    print("Graph written to %s (%d nodes)" % (dot_name, nodes))
    if filename == dot_name:
        return
    if not filename:
        filename = dot_name[:-4] + ".png"
    if _on_path("dot"):
        print("pymm cannot start programs; render the graph with: dot -T%s -o%s %s"
              % (os.path.splitext(filename)[1][1:], filename, dot_name))
    elif filename == dot_name[:-4] + ".png":
        print("Graph viewer (xdot) and image renderer (dot) not found,"
              " not doing anything else")
    else:
        print("Image renderer (dot) not found, not doing anything else")


def show_backrefs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
                  highlight=None, filename=None, extra_info=None, refcounts=False,
                  shortnames=True, output=None, extra_node_attrs=None):
    """Writes the graph of the objects that refer to ``objs``, directly and up to
    ``max_depth`` steps away, as a GraphViz file (or to ``output``)."""
    _show_graph(objs, gc.get_referrers, False, max_depth, extra_ignore, filter,
                too_many, highlight, filename, extra_info, refcounts, shortnames,
                output, extra_node_attrs)


def show_refs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
              highlight=None, filename=None, extra_info=None, refcounts=False,
              shortnames=True, output=None, extra_node_attrs=None):
    """Writes the graph of the objects ``objs`` refer to, as ``show_backrefs``."""
    _show_graph(objs, gc.get_referents, True, max_depth, extra_ignore, filter,
                too_many, highlight, filename, extra_info, refcounts, shortnames,
                output, extra_node_attrs)


def show_chain(*chains, **kw):
    """The graph of chains of references from ``find_backref_chain`` (or, with
    ``backrefs=False``, ``find_ref_chain``)."""
    backrefs = kw.pop("backrefs", True)
    chains = [c for c in chains if c]
    ids = set()
    for c in chains:
        ids.update(id(o) for o in c)

    def in_chains(x):
        return id(x) in ids

    max_depth = max(len(c) for c in chains) - 1
    if backrefs:
        show_backrefs([c[-1] for c in chains], max_depth=max_depth, filter=in_chains,
                      **kw)
    else:
        show_refs([c[0] for c in chains], max_depth=max_depth, filter=in_chains, **kw)
