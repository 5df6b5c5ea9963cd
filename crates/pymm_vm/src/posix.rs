//! The native `posix` module: the operating-system calls `os` (written in Python, in
//! `src/pylib/os.py`) is built on. Paths are `str` (or anything with `__fspath__`
//! returning one, which `os` resolves first); failures raise `OSError` with CPython's
//! errno, message and filename, so the class is the errno's subclass
//! (`FileNotFoundError`, `FileExistsError`, ...).
//!
//! There is no `putenv`/`unsetenv`: changing the process environment is `unsafe` in
//! Rust and pymm starts no child processes, so `os.environ` is a mapping of its own,
//! read once at import.

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use pymm_mem::ObjRef;

use crate::builtins::{arg, to_index};
use crate::call::{Kw, check_args};
use crate::exc::{R, type_error};
use crate::object::{Kind, NativeFn, kind};
use crate::state::{none, pybool};
use crate::typeobj::obj_type_name;

/// The module's functions.
pub fn module_functions() -> &'static [(&'static str, NativeFn)] {
    &[
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", unlink),
        ("rename", rename),
        ("replace", rename),
        ("stat", stat),
        ("lstat", lstat),
        ("access", access),
        ("getpid", getpid),
        ("getppid", getppid),
        ("cpu_count", cpu_count),
        ("urandom", urandom),
        ("strerror", strerror),
        ("_environ", environ),
        ("_getrusage", getrusage),
        ("_getrlimit", getrlimit),
        ("_setrlimit", setrlimit),
        ("_getpagesize", getpagesize),
    ]
}

/// The text of errno `n` (`strerror`), without Rust's " (os error n)".
fn errno_text(n: i32) -> String {
    let s = std::io::Error::from_raw_os_error(n).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror, filename[, None, filename2])`, which the constructor turns
/// into the errno's subclass.
pub(crate) fn os_error(
    e: &std::io::Error,
    path: Option<&str>,
    path2: Option<&str>,
) -> crate::exc::Exc {
    let errno = e.raw_os_error().unwrap_or(5);
    let mut args = vec![
        crate::int::from_i64(i64::from(errno)),
        crate::str::new_str(&errno_text(errno)),
    ];
    if let Some(p) = path {
        args.push(crate::str::new_str(p));
        if let Some(p2) = path2 {
            args.push(Ok(none()));
            args.push(crate::str::new_str(p2));
        }
    }
    let made = args
        .into_iter()
        .collect::<R<Vec<ObjRef>>>()
        .and_then(|args| crate::call::call(&crate::exc::exc_type("OSError"), &args));
    match made {
        Ok(exc) => crate::exc::Exc(exc),
        Err(e) => e,
    }
}

/// A path argument (`str`; `os` has already applied `fspath`).
fn path_arg(fname: &str, args: &[ObjRef], kw: &Kw, i: usize, name: &str) -> R<Option<String>> {
    match arg(args, kw, i, name) {
        None => Ok(None),
        Some(p) if kind(p.as_obj()) == Kind::Str => {
            Ok(Some(crate::str::as_str(p.as_obj()).into_owned()))
        }
        Some(p) => Err(type_error(format!(
            "{fname}: {name} should be string, bytes or os.PathLike, not {}",
            obj_type_name(&p)
        ))),
    }
}

fn required_path(fname: &str, args: &[ObjRef], kw: &Kw, i: usize, name: &str) -> R<String> {
    path_arg(fname, args, kw, i, name)?.ok_or_else(|| {
        type_error(format!(
            "{fname}() missing required argument '{name}' (pos {})",
            i + 1
        ))
    })
}

fn getcwd(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getcwd", args, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(&e, None, None))?;
    crate::str::new_str(&d.to_string_lossy())
}

fn chdir(args: &[ObjRef], kw: &Kw) -> R {
    let p = required_path("chdir", args, kw, 0, "path")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(none())
}

fn listdir(args: &[ObjRef], kw: &Kw) -> R {
    let p = path_arg("listdir", args, kw, 0, "path")?.unwrap_or_else(|| ".".into());
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(&e, Some(&p), None))?;
        names.push(crate::str::new_str(&entry.file_name().to_string_lossy())?);
    }
    crate::seq::new_list(names)
}

fn mode_arg(args: &[ObjRef], kw: &Kw, i: usize, default: u32) -> R<u32> {
    match arg(args, kw, i, "mode") {
        Some(m) => Ok(to_index(&m)? as u32),
        None => Ok(default),
    }
}

fn mkdir(args: &[ObjRef], kw: &Kw) -> R {
    use std::os::unix::fs::DirBuilderExt;
    let p = required_path("mkdir", args, kw, 0, "path")?;
    let mode = mode_arg(args, kw, 1, 0o777)?;
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(&p)
        .map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(none())
}

fn rmdir(args: &[ObjRef], kw: &Kw) -> R {
    let p = required_path("rmdir", args, kw, 0, "path")?;
    std::fs::remove_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(none())
}

fn unlink(args: &[ObjRef], kw: &Kw) -> R {
    let p = required_path("remove", args, kw, 0, "path")?;
    std::fs::remove_file(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(none())
}

fn rename(args: &[ObjRef], kw: &Kw) -> R {
    let src = required_path("rename", args, kw, 0, "src")?;
    let dst = required_path("rename", args, kw, 1, "dst")?;
    std::fs::rename(&src, &dst).map_err(|e| os_error(&e, Some(&src), Some(&dst)))?;
    Ok(none())
}

/// The ten integer fields of `os.stat_result` then the three float times.
fn stat_tuple(m: &std::fs::Metadata) -> R {
    let ints = [
        i64::from(m.mode()),
        m.ino() as i64,
        m.dev() as i64,
        m.nlink() as i64,
        i64::from(m.uid()),
        i64::from(m.gid()),
        m.size() as i64,
        m.atime(),
        m.mtime(),
        m.ctime(),
    ];
    let mut items = ints
        .iter()
        .map(|&v| crate::int::from_i64(v))
        .collect::<R<Vec<ObjRef>>>()?;
    for (s, ns) in [
        (m.atime(), m.atime_nsec()),
        (m.mtime(), m.mtime_nsec()),
        (m.ctime(), m.ctime_nsec()),
    ] {
        items.push(crate::ops::new_float(s as f64 + ns as f64 * 1e-9)?);
    }
    crate::seq::new_tuple(items)
}

fn stat(args: &[ObjRef], kw: &Kw) -> R {
    let p = required_path("stat", args, kw, 0, "path")?;
    let m = std::fs::metadata(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    stat_tuple(&m)
}

fn lstat(args: &[ObjRef], kw: &Kw) -> R {
    let p = required_path("lstat", args, kw, 0, "path")?;
    let m = std::fs::symlink_metadata(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    stat_tuple(&m)
}

/// `access(path, mode)`: existence (`F_OK`) and the permission bits for the owner,
/// which is what a non-root user's `access` decides on for their own files.
fn access(args: &[ObjRef], kw: &Kw) -> R {
    let p = required_path("access", args, kw, 0, "path")?;
    let mode = mode_arg(args, kw, 1, 0)?;
    let Ok(m) = std::fs::metadata(&p) else {
        return Ok(pybool(false));
    };
    let bits = m.permissions().mode();
    let ok = (mode & 4 == 0 || bits & 0o444 != 0)
        && (mode & 2 == 0 || bits & 0o222 != 0)
        && (mode & 1 == 0 || bits & 0o111 != 0);
    Ok(pybool(ok))
}

/// The `OSError` for `errno` `n` (the `resource` functions' failures).
fn errno_error(n: i32) -> crate::exc::Exc {
    os_error(&std::io::Error::from_raw_os_error(n), None, None)
}

/// An argument CPython reads as a C `int`.
fn c_int_arg(o: &ObjRef) -> R<i32> {
    Ok(crate::builtins::to_c_integer(o, 32)? as i32)
}

/// `_getrusage(who)`: the sixteen `struct_rusage` fields (`resource.getrusage`).
fn getrusage(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_getrusage", args, 1, 1)?;
    let who = c_int_arg(&args[0])?;
    let ru = pymm_mem::process::rusage(who).map_err(errno_error)?;
    let ints = [
        ru.maxrss,
        ru.ixrss,
        ru.idrss,
        ru.isrss,
        ru.minflt,
        ru.majflt,
        ru.nswap,
        ru.inblock,
        ru.oublock,
        ru.msgsnd,
        ru.msgrcv,
        ru.nsignals,
        ru.nvcsw,
        ru.nivcsw,
    ];
    let mut items = vec![
        crate::ops::new_float(ru.utime)?,
        crate::ops::new_float(ru.stime)?,
    ];
    for v in ints {
        items.push(crate::int::from_i64(v)?);
    }
    crate::seq::new_tuple(items)
}

/// `_getrlimit(resource)`: `(soft, hard)`, -1 for no limit.
fn getrlimit(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_getrlimit", args, 1, 1)?;
    let res = c_int_arg(&args[0])?;
    let (soft, hard) = pymm_mem::process::rlimit(res).map_err(errno_error)?;
    crate::seq::new_tuple(vec![
        crate::int::from_i64(soft)?,
        crate::int::from_i64(hard)?,
    ])
}

/// `_setrlimit(resource, soft, hard)`; `None`, or the errno of the failure as an int
/// (the Python side words CPython's errors).
fn setrlimit(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_setrlimit", args, 3, 3)?;
    let res = c_int_arg(&args[0])?;
    let soft = crate::builtins::to_c_integer(&args[1], 64)?;
    let hard = crate::builtins::to_c_integer(&args[2], 64)?;
    match pymm_mem::process::set_rlimit(res, soft, hard) {
        Ok(()) => Ok(none()),
        Err(n) => crate::int::from_i64(i64::from(n)),
    }
}

fn getpagesize(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_getpagesize", args, 0, 0)?;
    crate::int::from_i64(pymm_mem::process::page_size() as i64)
}

fn getpid(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getpid", args, 0, 0)?;
    crate::int::from_i64(i64::from(std::process::id()))
}

fn getppid(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getppid", args, 0, 0)?;
    crate::int::from_i64(i64::from(std::os::unix::process::parent_id()))
}

/// `cpu_count()`: the processors online (`sysconf(_SC_NPROCESSORS_ONLN)`), read from
/// `/sys`; the scheduler's view when that is unavailable.
fn cpu_count(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("cpu_count", args, 0, 0)?;
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .and_then(|s| count_cpu_list(s.trim()));
    match online.or_else(|| std::thread::available_parallelism().ok().map(|n| n.get())) {
        Some(n) => crate::int::from_i64(n as i64),
        None => Ok(none()),
    }
}

/// The number of CPUs in a list such as `0-3,6,8-9`.
fn count_cpu_list(s: &str) -> Option<usize> {
    let mut n = 0;
    for part in s.split(',') {
        match part.split_once('-') {
            Some((a, b)) => n += b.parse::<usize>().ok()?.checked_sub(a.parse().ok()?)? + 1,
            None => {
                part.parse::<usize>().ok()?;
                n += 1;
            }
        }
    }
    Some(n)
}

fn urandom(args: &[ObjRef], kw: &Kw) -> R {
    use std::io::Read;
    let n = arg(args, kw, 0, "size")
        .ok_or_else(|| type_error("urandom() missing required argument 'size' (pos 1)"))?;
    let n = to_index(&n)?;
    if n < 0 {
        return Err(crate::exc::value_error("negative argument not allowed"));
    }
    let mut buf = crate::structmod::zeroed(n as usize)?;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(&e, None, None))?;
    crate::builtins::new_bytes(&buf)
}

fn strerror(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("strerror", args, 1, 1)?;
    let n = to_index(&args[0])?;
    let n = i32::try_from(n).map_err(|_| {
        crate::exc::new_exc("OverflowError", "signed integer is greater than maximum")
    })?;
    crate::str::new_str(&errno_text(n))
}

/// The process environment at the time of the call, as a dict of str.
fn environ(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_environ", args, 0, 0)?;
    let d = crate::dict::try_new_dict()?;
    for (k, v) in std::env::vars_os() {
        crate::dict::set(
            d.as_obj(),
            crate::str::new_str(&k.to_string_lossy())?,
            crate::str::new_str(&v.to_string_lossy())?,
        )?;
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::count_cpu_list;

    #[test]
    fn cpu_lists() {
        assert_eq!(count_cpu_list("0"), Some(1));
        assert_eq!(count_cpu_list("0-1"), Some(2));
        assert_eq!(count_cpu_list("0-3,6,8-9"), Some(7));
        assert_eq!(count_cpu_list("x"), None);
    }
}
