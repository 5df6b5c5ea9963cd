//! The process's resource use and limits (`getrusage`, `getrlimit`, `setrlimit`,
//! the page size): what a program reads to see its peak memory (`ru_maxrss`) or sets
//! to bound it (`RLIMIT_AS`), as Python's `resource` module offers them. Thin safe
//! wrappers over the C library; every failure is an `errno`.

/// `struct rusage`, the fields Python's `struct_rusage` shows, in its order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rusage {
    /// User and system CPU time, in seconds.
    pub utime: f64,
    pub stime: f64,
    /// Peak resident set size, in kilobytes (Linux).
    pub maxrss: i64,
    pub ixrss: i64,
    pub idrss: i64,
    pub isrss: i64,
    pub minflt: i64,
    pub majflt: i64,
    pub nswap: i64,
    pub inblock: i64,
    pub oublock: i64,
    pub msgsnd: i64,
    pub msgrcv: i64,
    pub nsignals: i64,
    pub nvcsw: i64,
    pub nivcsw: i64,
}

fn errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EINVAL)
}

/// `getrusage(who)`: `who` is `RUSAGE_SELF` (0), `RUSAGE_CHILDREN` (-1) or
/// `RUSAGE_THREAD` (1). `Err(errno)` for another value.
pub fn rusage(who: i32) -> Result<Rusage, i32> {
    let mut ru = core::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `ru` is a writable `struct rusage`; the call writes it or fails.
    if unsafe { libc::getrusage(who, ru.as_mut_ptr()) } != 0 {
        return Err(errno());
    }
    // SAFETY: zero-initialised, and written by the successful call.
    let ru = unsafe { ru.assume_init() };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    Ok(Rusage {
        utime: secs(ru.ru_utime),
        stime: secs(ru.ru_stime),
        maxrss: ru.ru_maxrss,
        ixrss: ru.ru_ixrss,
        idrss: ru.ru_idrss,
        isrss: ru.ru_isrss,
        minflt: ru.ru_minflt,
        majflt: ru.ru_majflt,
        nswap: ru.ru_nswap,
        inblock: ru.ru_inblock,
        oublock: ru.ru_oublock,
        msgsnd: ru.ru_msgsnd,
        msgrcv: ru.ru_msgrcv,
        nsignals: ru.ru_nsignals,
        nvcsw: ru.ru_nvcsw,
        nivcsw: ru.ru_nivcsw,
    })
}

/// `RLIM_INFINITY`, as Python shows it (-1).
pub const RLIM_INFINITY: i64 = -1;

fn from_rlim(v: libc::rlim_t) -> i64 {
    if v == libc::RLIM_INFINITY {
        RLIM_INFINITY
    } else {
        v as i64
    }
}

/// A limit as C's conversion makes it: -1 is `RLIM_INFINITY`, another negative value
/// a huge unsigned one (which the kernel then judges), as CPython passes them.
fn to_rlim(v: i64) -> libc::rlim_t {
    v as libc::rlim_t
}

/// `getrlimit(resource)`: the soft and hard limits (`RLIM_INFINITY` for none).
pub fn rlimit(resource: i32) -> Result<(i64, i64), i32> {
    let mut rl = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `rl` is a writable `struct rlimit`; an unknown resource fails with EINVAL.
    if unsafe { libc::getrlimit(resource as _, &mut rl) } != 0 {
        return Err(errno());
    }
    Ok((from_rlim(rl.rlim_cur), from_rlim(rl.rlim_max)))
}

/// `setrlimit(resource, (soft, hard))` (-1 is `RLIM_INFINITY`).
pub fn set_rlimit(resource: i32, soft: i64, hard: i64) -> Result<(), i32> {
    let rl = libc::rlimit {
        rlim_cur: to_rlim(soft),
        rlim_max: to_rlim(hard),
    };
    // SAFETY: `rl` is a valid `struct rlimit` read by the call.
    if unsafe { libc::setrlimit(resource as _, &rl) } != 0 {
        return Err(errno());
    }
    Ok(())
}

/// The size of a memory page in bytes.
pub fn page_size() -> usize {
    // SAFETY: sysconf reads a configuration value; it has no memory effects.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 { n as usize } else { 4096 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rusage_and_limits() {
        let ru = rusage(0).unwrap();
        assert!(ru.maxrss > 0 && ru.utime >= 0.0);
        assert_eq!(rusage(5), Err(libc::EINVAL));
        let (soft, hard) = rlimit(libc::RLIMIT_NOFILE as i32).unwrap();
        assert!(soft > 0 && (hard == RLIM_INFINITY || hard >= soft));
        set_rlimit(libc::RLIMIT_NOFILE as i32, soft, hard).unwrap();
        assert!(rlimit(9999).is_err());
        assert!(page_size().is_power_of_two());
    }
}
