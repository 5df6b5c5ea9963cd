"""Exception groups: the parts of CPython 3.11's Objects/exceptions.c and ceval.c that
pymm writes in Python. The interpreter calls these for BaseExceptionGroup's
constructor check and its split/subgroup/derive methods, and for the CHECK_EG_MATCH and
PREP_RERAISE_STAR instructions of `except*`.
"""


def new_check(cls, args):
    """The class a BaseExceptionGroup(message, exceptions) call makes, after
    BaseExceptionGroup_new's checks."""
    if len(args) != 2:
        raise TypeError("BaseExceptionGroup.__new__() takes exactly 2 arguments "
                        "(%d given)" % len(args))
    message, exceptions = args
    if not isinstance(message, str):
        raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s"
                        % type(message).__name__)
    if not hasattr(type(exceptions), "__getitem__") or isinstance(exceptions, dict):
        raise TypeError("second argument (exceptions) must be a sequence")
    excs = tuple(exceptions)
    if not excs:
        raise ValueError("second argument (exceptions) must be a non-empty sequence")
    nested_base = False
    for i, e in enumerate(excs):
        if not isinstance(e, BaseException):
            raise ValueError("Item %d of second argument (exceptions) is not an exception" % i)
        if not isinstance(e, Exception):
            nested_base = True
    if cls is ExceptionGroup:
        if nested_base:
            raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
    elif cls is BaseExceptionGroup:
        if not nested_base:
            return ExceptionGroup
    elif nested_base and issubclass(cls, Exception):
        raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
    return cls


def _matcher(value):
    if isinstance(value, type) and issubclass(value, BaseException):
        return lambda e: isinstance(e, value)
    if isinstance(value, tuple) and all(
            isinstance(t, type) and issubclass(t, BaseException) for t in value):
        return lambda e: isinstance(e, value)
    if callable(value) and not isinstance(value, type):
        return value
    raise TypeError("expected a function, exception type or tuple of exception types")


def _copy_metadata(orig, new):
    new.__traceback__ = orig.__traceback__
    new.__context__ = orig.__context__
    new.__cause__ = orig.__cause__
    try:
        notes = orig.__notes__
    except AttributeError:
        pass
    else:
        # A copy, so that the parts have lists of their own.
        if hasattr(type(notes), "__getitem__") and not isinstance(notes, dict):
            notes = list(notes)
        new.__notes__ = notes


def _split(eg, match, construct_rest):
    if match(eg):
        return eg, None
    if not isinstance(eg, BaseExceptionGroup):
        return None, (eg if construct_rest else None)
    matched = []
    rest = []
    for e in eg.exceptions:
        m, r = _split(e, match, construct_rest)
        if m is not None:
            matched.append(m)
        if r is not None:
            rest.append(r)
    m = r = None
    if matched:
        m = eg.derive(matched)
        _copy_metadata(eg, m)
    if construct_rest and rest:
        r = eg.derive(rest)
        _copy_metadata(eg, r)
    return m, r


def split(eg, matcher_value):
    """BaseExceptionGroup.split."""
    return _split(eg, _matcher(matcher_value), True)


def subgroup(eg, matcher_value):
    """BaseExceptionGroup.subgroup."""
    return _split(eg, _matcher(matcher_value), False)[0]


def derive(eg, excs):
    """BaseExceptionGroup.derive."""
    return BaseExceptionGroup(eg.message, excs)


def check_eg_match(exc, match_type):
    """CHECK_EG_MATCH: (match, rest) of `exc` for `except* match_type`; match is None
    when nothing matches."""
    types = match_type if isinstance(match_type, tuple) else (match_type,)
    for t in types:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException "
                            "is not allowed")
        if issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return exc, None
        # A naked exception: wrapped in a group, with its traceback.
        wrapped = BaseExceptionGroup("", (exc,))
        wrapped.__traceback__ = exc.__traceback__
        return wrapped, None
    if isinstance(exc, BaseExceptionGroup):
        return split(exc, match_type)
    return None, None


def _leaf_ids(e, out):
    if isinstance(e, BaseExceptionGroup):
        for sub in e.exceptions:
            _leaf_ids(sub, out)
    else:
        out.add(id(e))


def _same_metadata(a, b):
    return (getattr(a, "__notes__", None) is getattr(b, "__notes__", None)
            and a.__traceback__ is b.__traceback__
            and a.__cause__ is b.__cause__
            and a.__context__ is b.__context__)


def prep_reraise_star(orig, excs):
    """PREP_RERAISE_STAR: what an `except*` block re-raises when its clauses are done:
    the unhandled and re-raised parts of `orig` (in its structure) and the exceptions
    the clauses raised, or None."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception was wrapped: at most one clause ran.
        return excs[0]
    raised = []
    reraised = []
    for e in excs:
        if e is None:
            continue
        if _same_metadata(e, orig):
            reraised.append(e)
        else:
            raised.append(e)
    keep = set()
    for e in reraised:
        _leaf_ids(e, keep)
    projection = None
    if keep:
        projection = _split(orig, lambda e: id(e) in keep, False)[0]
    if not raised:
        return projection
    if projection is not None:
        raised.append(projection)
    return BaseExceptionGroup("", raised)
