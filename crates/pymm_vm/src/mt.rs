//! CPython 3.11-compatible Mersenne Twister and the algorithms of `random.py`.
//!
//! [`Mt`] reproduces `_random.Random` from CPython's `Modules/_randommodule.c`
//! (MT19937 with Python's seeding rules) bit for bit, and layers on top of it
//! the Python-level algorithms of `Lib/random.py` (3.11): `randrange`,
//! `randint`, `shuffle`, `sample`, `choices`, `gauss` and the other
//! distributions. For the same seed every method consumes exactly the same
//! 32-bit outputs of the generator as CPython 3.11 and returns the same
//! values, so a pymm program seeded with `random.seed(x)` sees the numbers a
//! CPython program would.
//!
//! The sequence-level helpers work on indices: `choice`, `sample` and
//! `choices` return positions into the population and leave the indexing to
//! the caller. Errors are returned as [`RandomError`], which carries the
//! Python exception type and CPython's exact message text.
//!
//! Argument conversion (`operator.index`, float deprecation warnings, type
//! errors for unsupported seed types) is the caller's job; the methods take
//! already converted Rust values.

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::f64::consts::{E, PI, TAU};
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use num_bigint::{BigInt, BigUint};
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Number of 32-bit words in the MT19937 state.
const N: usize = 624;
/// MT19937 middle word offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `random.NV_MAGICCONST` = `4 * exp(-0.5) / sqrt(2.0)`, bit-exact.
const NV_MAGICCONST: f64 = f64::from_bits(0x3ffb_72cd_3f33_1398);
/// `random.LOG4` = `log(4.0)`, bit-exact.
const LOG4: f64 = f64::from_bits(0x3ff6_2e42_fefa_39ef);
/// `random.SG_MAGICCONST` = `1.0 + log(4.5)`, bit-exact.
const SG_MAGICCONST: f64 = f64::from_bits(0x4004_0859_baee_748f);

/// A Python exception raised by one of the `random` algorithms: the
/// exception type and CPython 3.11's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RandomError {
    /// `ValueError(msg)`.
    ValueError(String),
    /// `TypeError(msg)`.
    TypeError(String),
    /// `IndexError(msg)`.
    IndexError(String),
    /// `ZeroDivisionError(msg)`.
    ZeroDivisionError(String),
    /// `OverflowError(msg)`.
    OverflowError(String),
}

impl RandomError {
    /// The Python name of the exception type, e.g. `"ValueError"`.
    pub fn exc_type_name(&self) -> &'static str {
        match self {
            RandomError::ValueError(_) => "ValueError",
            RandomError::TypeError(_) => "TypeError",
            RandomError::IndexError(_) => "IndexError",
            RandomError::ZeroDivisionError(_) => "ZeroDivisionError",
            RandomError::OverflowError(_) => "OverflowError",
        }
    }

    /// The exception message (the `str()` of the exception).
    pub fn message(&self) -> &str {
        match self {
            RandomError::ValueError(m)
            | RandomError::TypeError(m)
            | RandomError::IndexError(m)
            | RandomError::ZeroDivisionError(m)
            | RandomError::OverflowError(m) => m,
        }
    }

    fn value(msg: impl Into<String>) -> Self {
        RandomError::ValueError(msg.into())
    }

    fn math_domain() -> Self {
        RandomError::value("math domain error")
    }

    fn float_division() -> Self {
        RandomError::ZeroDivisionError("float division by zero".to_owned())
    }
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exc_type_name(), self.message())
    }
}

impl std::error::Error for RandomError {}

/// The state of CPython's `random.Random`: an MT19937 generator (624 words
/// plus the position in them) and the `gauss_next` cache of
/// [`Mt::gauss`].
#[derive(Clone)]
pub struct Mt {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl fmt::Debug for Mt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mt")
            .field("index", &self.index)
            .field("gauss_next", &self.gauss_next)
            .finish_non_exhaustive()
    }
}

impl Default for Mt {
    /// Same as [`Mt::new`].
    fn default() -> Self {
        Mt::new()
    }
}

impl Mt {
    /// Number of 32-bit words in the state returned by [`Mt::getstate`].
    pub const STATE_WORDS: usize = N;

    /// A generator seeded like `random.Random()`: from 624 words of OS
    /// randomness, falling back to time and process id (as CPython does
    /// when `os.urandom` fails).
    pub fn new() -> Self {
        let mut mt = Mt {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        mt.seed_from_os();
        mt
    }

    /// A generator seeded like `random.Random(n)` for an int `n`.
    pub fn from_int(n: &BigInt) -> Self {
        let mut mt = Mt {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        mt.seed_from_int(n);
        mt
    }

    // ---------------------------------------------------------------------
    // MT19937 core (Modules/_randommodule.c)
    // ---------------------------------------------------------------------

    /// MT19937 `init_genrand`: initialise the state from one 32-bit word.
    ///
    /// This is a low-level primitive; it does not clear the `gauss_next`
    /// cache (the `seed_*` methods do).
    pub fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// MT19937 `init_by_array`: initialise the state from a key of 32-bit
    /// words, as CPython's seeding does.
    ///
    /// CPython never passes an empty key; an empty `key` is treated as
    /// `[0]` (what `random.seed(0)` uses). Does not clear `gauss_next`.
    pub fn init_by_array(&mut self, key: &[u32]) {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// Regenerate all 624 words of the state.
    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
            self.state[kk] = self.state[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
            self.state[kk] = self.state[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (self.state[N - 1] & UPPER_MASK) | (self.state[0] & LOWER_MASK);
        self.state[N - 1] = self.state[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// The next tempered 32-bit output (`genrand_uint32`).
    pub fn genrand_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: a float in `[0.0, 1.0)` with 53 random bits,
    /// built from two outputs (`genrand_res53`).
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)`: a non-negative int with `k` random bits.
    ///
    /// For `k <= 32` one output is drawn and its top `k` bits are kept. For
    /// larger `k`, `ceil(k / 32)` outputs are drawn and used as 32-bit
    /// digits, least significant first; the last (most significant) one
    /// keeps only its top `k % 32` bits when `k` is not a multiple of 32.
    ///
    /// CPython takes `k` as a C `int`; see [`Mt::getrandbits_checked`] for
    /// that argument check. A huge `k` here simply allocates `k / 8` bytes.
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k == 0 {
            return BigUint::zero();
        }
        if k <= 32 {
            return BigUint::from(self.genrand_u32() >> (32 - k));
        }
        BigUint::new(self.getrandbits_words(k))
    }

    /// `random.getrandbits(k)` with CPython's argument checks: `k` outside
    /// the C `int` range raises `OverflowError("Python int too large to
    /// convert to C int")`, a negative `k` raises `ValueError("number of
    /// bits must be non-negative")`.
    pub fn getrandbits_checked(&mut self, k: &BigInt) -> Result<BigUint, RandomError> {
        let k = k.to_i32().ok_or_else(|| {
            RandomError::OverflowError("Python int too large to convert to C int".to_owned())
        })?;
        let k = u64::try_from(k)
            .map_err(|_| RandomError::value("number of bits must be non-negative"))?;
        Ok(self.getrandbits(k))
    }

    /// The 32-bit digits (least significant first) of `getrandbits(k)`,
    /// `k > 0`.
    fn getrandbits_words(&mut self, k: u64) -> Vec<u32> {
        let count = (k - 1) / 32 + 1;
        let mut words = Vec::with_capacity(usize::try_from(count).unwrap_or(0).min(1 << 24));
        let mut remaining = k;
        while remaining > 0 {
            let mut r = self.genrand_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
                remaining = 0;
            } else {
                remaining -= 32;
            }
            words.push(r);
        }
        words
    }

    /// `getrandbits(k)` for `k <= 64`, as a `u64` (same draws as
    /// [`Mt::getrandbits`]). A `k` above 64 is treated as 64.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        let k = k.min(64);
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return u64::from(self.genrand_u32() >> (32 - k));
        }
        let lo = u64::from(self.genrand_u32());
        let hi = u64::from(self.genrand_u32() >> (64 - k));
        (hi << 32) | lo
    }

    /// `getrandbits(k)` for `k <= 128`, as a `u128`.
    fn getrandbits_u128(&mut self, k: u32) -> u128 {
        let k = k.min(128);
        if k <= 64 {
            return u128::from(self.getrandbits_u64(k));
        }
        let lo = u128::from(self.getrandbits_u64(64));
        let hi = u128::from(self.getrandbits_u64(k - 64));
        (hi << 64) | lo
    }

    /// `random.randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    ///
    /// CPython raises `OverflowError` when `n * 8` does not fit a C `int`;
    /// the caller checks that.
    pub fn randbytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n.min(1 << 26));
        let mut remaining = n;
        while remaining >= 4 {
            out.extend_from_slice(&self.genrand_u32().to_le_bytes());
            remaining -= 4;
        }
        if remaining > 0 {
            let word = self.genrand_u32() >> (32 - 8 * remaining);
            out.extend(word.to_le_bytes().iter().take(remaining));
        }
        out
    }

    /// `_random.Random.getstate()`: the 624 state words and the index
    /// (`0..=624`) of the next word to temper. `random.Random.getstate()`
    /// returns `(3, tuple(words) + (index,), gauss_next)`; see
    /// [`Mt::gauss_next`].
    pub fn getstate(&self) -> (Vec<u32>, usize) {
        (self.state.to_vec(), self.index)
    }

    /// `_random.Random.setstate()`: restore the state words and index.
    ///
    /// Errors like CPython: `ValueError("state vector is the wrong size")`
    /// unless `words` has 624 entries, `ValueError("invalid state")` if
    /// `index > 624`. (CPython truncates each word to 32 bits; the caller
    /// does that conversion.) Does not touch `gauss_next`.
    pub fn setstate(&mut self, words: &[u32], index: usize) -> Result<(), RandomError> {
        let state: [u32; N] = words
            .try_into()
            .map_err(|_| RandomError::value("state vector is the wrong size"))?;
        if index > N {
            return Err(RandomError::value("invalid state"));
        }
        self.state = state;
        self.index = index;
        Ok(())
    }

    /// The `gauss_next` cache used by [`Mt::gauss`] (part of
    /// `random.Random.getstate()`).
    pub fn gauss_next(&self) -> Option<f64> {
        self.gauss_next
    }

    /// Set the `gauss_next` cache (from `random.Random.setstate()`).
    pub fn set_gauss_next(&mut self, value: Option<f64>) {
        self.gauss_next = value;
    }

    // ---------------------------------------------------------------------
    // Seeding (random.Random.seed, version 2 unless stated)
    // ---------------------------------------------------------------------

    /// `random.seed(None)`: seed from 624 words of OS randomness
    /// (`/dev/urandom`), or from time, process id and per-process entropy
    /// when that is unavailable. Clears `gauss_next`.
    pub fn seed_from_os(&mut self) {
        let key = os_random_key().unwrap_or_else(fallback_key);
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `random.seed(n)` for an int `n`: the absolute value is split into
    /// 32-bit words, least significant first (`0` gives `[0]`), and fed to
    /// `init_by_array`. Clears `gauss_next`.
    pub fn seed_from_int(&mut self, n: &BigInt) {
        self.seed_from_biguint(n.magnitude());
    }

    /// `random.seed(n)` for a non-negative int given as a `BigUint`.
    pub fn seed_from_biguint(&mut self, n: &BigUint) {
        let words = n.to_u32_digits();
        self.init_by_array(&words);
        self.gauss_next = None;
    }

    /// `random.seed(b)` for `bytes`/`bytearray` with version 2 (the default):
    /// the seed is `int.from_bytes(b + sha512(b).digest(), 'big')`.
    /// Clears `gauss_next`.
    pub fn seed_from_bytes(&mut self, b: &[u8]) {
        let mut buf = Vec::with_capacity(b.len() + 64);
        buf.extend_from_slice(b);
        buf.extend_from_slice(&sha512(b));
        self.seed_from_biguint(&BigUint::from_bytes_be(&buf));
    }

    /// `random.seed(s)` for a `str` with version 2: seeds from
    /// `s.encode()` (UTF-8) like [`Mt::seed_from_bytes`]. (A Python str
    /// with lone surrogates raises `UnicodeEncodeError` in CPython; such
    /// strings cannot be a Rust `&str`.)
    pub fn seed_from_str(&mut self, s: &str) {
        self.seed_from_bytes(s.as_bytes());
    }

    /// `random.seed(x)` for a seed that CPython hashes: floats, and str or
    /// bytes with a version other than 1 and 2. CPython seeds with
    /// `(size_t)hash(x)`, i.e. the hash reinterpreted as unsigned 64-bit
    /// (not its absolute value). Clears `gauss_next`.
    pub fn seed_from_hash(&mut self, hash: i64) {
        self.seed_from_biguint(&BigUint::from(hash as u64));
    }

    /// `random.seed(a, version=1)` for a str given as its code points (for
    /// `bytes`, each byte is one code point, since CPython decodes them as
    /// latin-1). Clears `gauss_next`.
    pub fn seed_v1_code_points(&mut self, code_points: &[u32]) {
        let mut x: u64 = match code_points.first() {
            Some(&c) => u64::from(c) << 7,
            None => 0,
        };
        for &c in code_points {
            x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
        }
        x ^= code_points.len() as u64;
        self.seed_from_biguint(&BigUint::from(x));
    }

    /// `random.seed(s, version=1)` for a `str`.
    pub fn seed_v1_str(&mut self, s: &str) {
        let cps: Vec<u32> = s.chars().map(u32::from).collect();
        self.seed_v1_code_points(&cps);
    }

    /// `random.seed(b, version=1)` for `bytes`/`bytearray`.
    pub fn seed_v1_bytes(&mut self, b: &[u8]) {
        let cps: Vec<u32> = b.iter().map(|&c| u32::from(c)).collect();
        self.seed_v1_code_points(&cps);
    }

    // ---------------------------------------------------------------------
    // Integer methods
    // ---------------------------------------------------------------------

    /// `Random._randbelow(n)` (`_randbelow_with_getrandbits`): a uniform
    /// int in `[0, n)`, drawing `getrandbits(n.bit_length())` until the
    /// result is below `n`.
    ///
    /// Precondition `n > 0`: CPython loops forever for `n == 0`; here
    /// `n == 0` returns 0 without drawing.
    pub fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// [`Mt::randbelow`] for a `u64` bound: same draws, no allocation.
    /// `n == 0` returns 0 without drawing (see [`Mt::randbelow`]).
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// [`Mt::randbelow`] for a `u128` bound.
    fn randbelow_u128(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u128(k);
            if r < n {
                return r;
            }
        }
    }

    /// `random.randrange(start, stop=None, step=1)` on ints.
    ///
    /// `stop: None` is the one-argument form. `step: None` means the
    /// argument was omitted. (CPython checks `step is not 1` when `stop` is
    /// `None`; an explicit step equal to 1 is accepted here, like the cached
    /// small int 1 is in CPython.)
    ///
    /// Errors, with CPython 3.11's messages: `TypeError("Missing a non-None
    /// stop argument")`, `ValueError("empty range for randrange()")`,
    /// `ValueError("empty range for randrange() (start, stop, width)")`,
    /// `ValueError("zero step for randrange()")`.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> Result<BigInt, RandomError> {
        let Some(stop) = stop else {
            if step.is_some_and(|s| !s.is_one()) {
                return Err(RandomError::TypeError(
                    "Missing a non-None stop argument".to_owned(),
                ));
            }
            if start.is_positive() {
                return Ok(BigInt::from(self.randbelow(start.magnitude())));
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        let one = BigInt::one();
        let step = step.unwrap_or(&one);
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow(width.magnitude())));
            }
            return Err(RandomError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            floor_div(&(&width + step - 1), step)
        } else if step.is_negative() {
            floor_div(&(&width + step + 1), step)
        } else {
            return Err(RandomError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * BigInt::from(self.randbelow(n.magnitude())))
    }

    /// [`Mt::randrange`] for `i64` arguments: same draws, same errors, no
    /// big-int arithmetic.
    pub fn randrange_i64(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<i64, RandomError> {
        let r = self.randrange_i128(
            i128::from(start),
            stop.map(i128::from),
            step.map(i128::from),
        )?;
        to_i64(r)
    }

    /// `random.randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RandomError> {
        let stop = b + 1;
        self.randrange(a, Some(&stop), None)
    }

    /// [`Mt::randint`] for `i64` arguments (no overflow at `i64::MAX`).
    pub fn randint_i64(&mut self, a: i64, b: i64) -> Result<i64, RandomError> {
        let r = self.randrange_i128(i128::from(a), Some(i128::from(b) + 1), None)?;
        to_i64(r)
    }

    /// `randrange` on values of at most 65 bits.
    fn randrange_i128(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: Option<i128>,
    ) -> Result<i128, RandomError> {
        let Some(stop) = stop else {
            if step.is_some_and(|s| s != 1) {
                return Err(RandomError::TypeError(
                    "Missing a non-None stop argument".to_owned(),
                ));
            }
            if start > 0 {
                return Ok(self.randbelow_u128(start.unsigned_abs()) as i128);
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        let step = step.unwrap_or(1);
        if step == 1 {
            if width > 0 {
                return Ok(start + self.randbelow_u128(width.unsigned_abs()) as i128);
            }
            return Err(RandomError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step > 0 {
            floor_div_i128(width + step - 1, step)
        } else if step < 0 {
            floor_div_i128(width + step + 1, step)
        } else {
            return Err(RandomError::value("zero step for randrange()"));
        };
        if n <= 0 {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow_u128(n.unsigned_abs()) as i128)
    }

    // ---------------------------------------------------------------------
    // Sequence methods (indices into the population)
    // ---------------------------------------------------------------------

    /// `random.choice(seq)` for a sequence of length `len`: the index
    /// `_randbelow(len)`. Empty sequences raise `IndexError("Cannot choose
    /// from an empty sequence")`.
    pub fn choice(&mut self, len: usize) -> Result<usize, RandomError> {
        if len == 0 {
            return Err(RandomError::IndexError(
                "Cannot choose from an empty sequence".to_owned(),
            ));
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `random.shuffle(x)` in place: for `i` from `len - 1` down to 1, swap
    /// `x[i]` with `x[_randbelow(i + 1)]`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        self.shuffle_with(x.len(), |i, j| x.swap(i, j));
    }

    /// `random.shuffle` for a sequence that is not a Rust slice: makes the
    /// same draws and calls `swap(i, j)` (with `j <= i < len`) for each
    /// exchange `x[i], x[j] = x[j], x[i]` in CPython's order.
    pub fn shuffle_with(&mut self, len: usize, mut swap: impl FnMut(usize, usize)) {
        for i in (1..len).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            swap(i, j);
        }
    }

    /// `random.sample(population, k)` for a population of length `n`: the
    /// selected indices, in selection order.
    ///
    /// Uses CPython's rule to pick the algorithm: with `setsize = 21`, plus
    /// `4 ** ceil(log(3 * k, 4))` when `k > 5`, a pool of the `n` indices
    /// is used if `n <= setsize`, otherwise a set of already selected
    /// indices (redrawing duplicates).
    ///
    /// `k < 0` or `k > n` raises `ValueError("Sample larger than population
    /// or is negative")`; a caller holding a Python int outside `i64` can
    /// pass `i64::MIN`/`i64::MAX` for the same error.
    pub fn sample(&mut self, n: usize, k: i64) -> Result<Vec<usize>, RandomError> {
        let k = match usize::try_from(k) {
            Ok(k) if k <= n => k,
            _ => {
                return Err(RandomError::value(
                    "Sample larger than population or is negative",
                ));
            }
        };
        let mut result = Vec::with_capacity(k);
        if n as u128 <= sample_setsize(k) {
            // An n-length pool; non-selected indices live in pool[..n - i].
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.sample(population, k, counts=counts)` for a population of
    /// length `n`: the selected population indices, in selection order.
    ///
    /// Errors in CPython's order: `ValueError("The number of counts does not
    /// match the population")`, `IndexError("pop from empty list")` (no
    /// counts), `ValueError("Total of counts must be greater than zero")`,
    /// `OverflowError("Python int too large to convert to C ssize_t")`
    /// (total above `isize::MAX`), then the errors of [`Mt::sample`].
    pub fn sample_counts(
        &mut self,
        n: usize,
        counts: &[i64],
        k: i64,
    ) -> Result<Vec<usize>, RandomError> {
        let mut cum_counts: Vec<i128> = counts
            .iter()
            .scan(0i128, |acc, &c| {
                *acc += i128::from(c);
                Some(*acc)
            })
            .collect();
        if cum_counts.len() != n {
            return Err(RandomError::value(
                "The number of counts does not match the population",
            ));
        }
        let total = cum_counts
            .pop()
            .ok_or_else(|| RandomError::IndexError("pop from empty list".to_owned()))?;
        if total <= 0 {
            return Err(RandomError::value(
                "Total of counts must be greater than zero",
            ));
        }
        let total = isize::try_from(total)
            .ok()
            .and_then(|t| usize::try_from(t).ok())
            .ok_or_else(|| {
                RandomError::OverflowError(
                    "Python int too large to convert to C ssize_t".to_owned(),
                )
            })?;
        let selections = self.sample(total, k)?;
        Ok(selections
            .into_iter()
            .map(|s| bisect_right(&cum_counts, &(s as i128), cum_counts.len()))
            .collect())
    }

    /// `random.choices(population, k=k)` without weights for a population
    /// of length `n`: each index is `floor(random() * n)`.
    ///
    /// Like CPython, an empty population draws once and then raises
    /// `IndexError("list index out of range")` (when `k > 0`). A negative
    /// Python `k` selects nothing: pass 0.
    pub fn choices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, RandomError> {
        let nf = n as f64;
        let mut out = Vec::with_capacity(k.min(1 << 24));
        for _ in 0..k {
            let i = (self.random() * nf).floor() as usize;
            if i >= n {
                return Err(RandomError::IndexError(
                    "list index out of range".to_owned(),
                ));
            }
            out.push(i);
        }
        Ok(out)
    }

    /// `random.choices(population, cum_weights=cum_weights, k=k)` for a
    /// population of length `n`: each index is
    /// `bisect(cum_weights, random() * total, 0, n - 1)` with
    /// `total = cum_weights[-1] + 0.0`.
    ///
    /// Errors, checked before any draw: `ValueError("The number of weights
    /// does not match the population")`, `IndexError("list index out of
    /// range")` (empty weights), `ValueError("Total of weights must be
    /// greater than zero")`, `ValueError("Total of weights must be
    /// finite")`. Weights that are Python ints too large for an `f64` lose
    /// precision here.
    pub fn choices_cum_weights(
        &mut self,
        n: usize,
        cum_weights: &[f64],
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        if cum_weights.len() != n {
            return Err(RandomError::value(
                "The number of weights does not match the population",
            ));
        }
        let total = match cum_weights.last() {
            Some(&last) => last + 0.0,
            None => {
                return Err(RandomError::IndexError(
                    "list index out of range".to_owned(),
                ));
            }
        };
        if total <= 0.0 {
            return Err(RandomError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(RandomError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        let mut out = Vec::with_capacity(k.min(1 << 24));
        for _ in 0..k {
            let x = self.random() * total;
            out.push(bisect_right(cum_weights, &x, hi));
        }
        Ok(out)
    }

    /// `random.choices(population, weights, k=k)`: accumulates `weights`
    /// left to right (`itertools.accumulate`) and continues as
    /// [`Mt::choices_cum_weights`].
    pub fn choices_weights(
        &mut self,
        n: usize,
        weights: &[f64],
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let cum: Vec<f64> = weights
            .iter()
            .enumerate()
            .scan(0.0f64, |acc, (i, &w)| {
                *acc = if i == 0 { w } else { *acc + w };
                Some(*acc)
            })
            .collect();
        self.choices_cum_weights(n, &cum, k)
    }

    // ---------------------------------------------------------------------
    // Real-valued distributions
    // ---------------------------------------------------------------------

    /// `random.uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.triangular(low, high, mode)`; `mode: None` is the default
    /// (midpoint). When `mode` is given and `high - low == 0` CPython's
    /// `ZeroDivisionError` is caught and `low` is returned (after the draw).
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(mode) => {
                let span = high - low;
                if span == 0.0 {
                    return low;
                }
                (mode - low) / span
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        // u * c is never negative here (or is NaN), so math.sqrt cannot fail.
        low + (high - low) * (u * c).sqrt()
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan): draws
    /// pairs `u1 = random(), u2 = 1 - random()` until accepted.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            // u2 is in (0, 1], so log cannot fail.
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.gauss(mu, sigma)` (Box-Muller): uses the cached
    /// `gauss_next` if set; otherwise draws two numbers, returns the cosine
    /// variate and caches the sine one.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`;
    /// `OverflowError("math range error")` if that overflows.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, RandomError> {
        py_exp(self.normalvariate(mu, sigma))
    }

    /// `random.expovariate(lambd)`: `-log(1.0 - random()) / lambd`. A zero
    /// `lambd` raises `ZeroDivisionError("float division by zero")` after
    /// the draw, as in CPython.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, RandomError> {
        let x = -py_log(1.0 - self.random())?;
        py_div(x, lambd)
    }

    /// `random.vonmisesvariate(mu, kappa)`. CPython (and this) loops
    /// forever for a NaN `kappa`.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, RandomError> {
        if kappa <= 1e-6 {
            return Ok(TAU * self.random());
        }
        let s = py_div(0.5, kappa)?;
        let r = s + py_sqrt(1.0 + s * s)?;
        let z = loop {
            let u1 = self.random();
            let z = (PI * u1).cos();
            let d = py_div(z, r + z)?;
            let u2 = self.random();
            if u2 < 1.0 - d * d {
                break z;
            }
            let lhs = 1.0 - d;
            if u2 <= lhs * py_exp(d)? {
                break z;
            }
        };
        let q = py_div(1.0, r)?;
        let f = py_div(q + z, 1.0 + q * z)?;
        let u3 = self.random();
        let theta = if u3 > 0.5 {
            py_mod(mu + py_acos(f)?, TAU)
        } else {
            py_mod(mu - py_acos(f)?, TAU)
        };
        Ok(theta)
    }

    /// `random.gammavariate(alpha, beta)`. `alpha <= 0` or `beta <= 0`
    /// raises `ValueError("gammavariate: alpha and beta must be > 0.0")`
    /// before any draw. CPython (and this) loops forever for a NaN `alpha`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(RandomError::value(
                "gammavariate: alpha and beta must be > 0.0",
            ));
        }
        if alpha > 1.0 {
            // R.C.H. Cheng, "The generation of Gamma variables with
            // non-integral shape parameters", Applied Statistics (1977).
            let ainv = py_sqrt(2.0 * alpha - 1.0)?;
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = py_div(py_log(py_div(u1, 1.0 - u1)?)?, ainv)?;
                let x = alpha * py_exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= py_log(z)? {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-py_log(1.0 - self.random())? * beta)
        } else {
            // ALGORITHM GS of Statistical Computing - Kennedy & Gentle.
            loop {
                let u = self.random();
                let b = (E + alpha) / E;
                let p = b * u;
                let x = if p <= 1.0 {
                    py_pow(p, py_div(1.0, alpha)?)?
                } else {
                    -py_log(py_div(b - p, alpha)?)?
                };
                let u1 = self.random();
                let accept = if p > 1.0 {
                    u1 <= py_pow(x, alpha - 1.0)?
                } else {
                    u1 <= py_exp(-x)?
                };
                if accept {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `random.betavariate(alpha, beta)`: `y = gammavariate(alpha, 1.0)`;
    /// `y / (y + gammavariate(beta, 1.0))` if `y` is truthy, else `0.0`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let other = self.gammavariate(beta, 1.0)?;
            return py_div(y, y + other);
        }
        Ok(0.0)
    }

    /// `random.paretovariate(alpha)`: `(1.0 - random()) ** (-1.0 / alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        py_pow(u, py_div(-1.0, alpha)?)
    }

    /// `random.weibullvariate(alpha, beta)`:
    /// `alpha * (-log(1.0 - random())) ** (1.0 / beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        let base = -py_log(u)?;
        Ok(alpha * py_pow(base, py_div(1.0, beta)?)?)
    }
}

// -------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------

/// `setsize` of `random.sample`: `21`, plus `4 ** ceil(log(k * 3, 4))` for
/// `k > 5`, with the logarithm computed in floating point as CPython does.
fn sample_setsize(k: usize) -> u128 {
    let mut setsize: u128 = 21;
    if k > 5 {
        let x = (k as u128 * 3) as f64;
        let e = (x.ln() / 4.0f64.ln()).ceil() as u32;
        setsize = setsize.saturating_add(4u128.checked_pow(e).unwrap_or(u128::MAX));
    }
    setsize
}

/// `bisect.bisect_right(a, x, 0, hi)` (with `hi <= a.len()`).
fn bisect_right<T: PartialOrd>(a: &[T], x: &T, hi: usize) -> usize {
    let mut lo = 0;
    let mut hi = hi.min(a.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < &a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Python's `a // b` for ints, `b != 0`.
fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    let r = a - &q * b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q - 1
    } else {
        q
    }
}

/// Python's `a // b` for `i128`, `b != 0` and no `i128::MIN / -1`.
fn floor_div_i128(a: i128, b: i128) -> i128 {
    let q = a / b;
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Narrow a `randrange_i128` result (always within the `i64` arguments'
/// range) back to `i64`.
fn to_i64(v: i128) -> Result<i64, RandomError> {
    i64::try_from(v).map_err(|_| {
        RandomError::OverflowError("Python int too large to convert to C long".to_owned())
    })
}

/// Python float division: `ZeroDivisionError` for a zero divisor.
fn py_div(a: f64, b: f64) -> Result<f64, RandomError> {
    if b == 0.0 {
        Err(RandomError::float_division())
    } else {
        Ok(a / b)
    }
}

/// Python float `a % b` for `b != 0`: the result has the sign of `b`.
fn py_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) { m + b } else { m }
    } else {
        0.0f64.copysign(b)
    }
}

/// `math.log(x)` for a float.
fn py_log(x: f64) -> Result<f64, RandomError> {
    if x.is_nan() || x > 0.0 {
        Ok(x.ln())
    } else {
        Err(RandomError::math_domain())
    }
}

/// `math.exp(x)`.
fn py_exp(x: f64) -> Result<f64, RandomError> {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        Err(RandomError::OverflowError("math range error".to_owned()))
    } else {
        Ok(r)
    }
}

/// `math.sqrt(x)`.
fn py_sqrt(x: f64) -> Result<f64, RandomError> {
    if x < 0.0 {
        Err(RandomError::math_domain())
    } else {
        Ok(x.sqrt())
    }
}

/// `math.acos(x)`.
fn py_acos(x: f64) -> Result<f64, RandomError> {
    if x.abs() > 1.0 {
        Err(RandomError::math_domain())
    } else {
        Ok(x.acos())
    }
}

/// `DOUBLE_IS_ODD_INTEGER` from CPython's floatobject.c.
fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// Python's float `x ** y` (`float_pow`), for the cases that yield a float.
///
/// A negative finite base with a non-integral exponent gives a complex
/// number in CPython; none of this module's callers can reach that case,
/// which is reported as a `ValueError` here.
fn py_pow(iv: f64, iw: f64) -> Result<f64, RandomError> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(RandomError::ZeroDivisionError(
                "0.0 cannot be raised to a negative power".to_owned(),
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(RandomError::value(
                "negative number cannot be raised to a fractional power",
            ));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(RandomError::OverflowError(
            "(34, 'Numerical result out of range')".to_owned(),
        ));
    }
    Ok(if negate { -r } else { r })
}

/// 624 words from `/dev/urandom`, as CPython's `random_seed_urandom` reads.
fn os_random_key() -> Option<Vec<u32>> {
    let mut file = std::fs::File::open("/dev/urandom").ok()?;
    let mut buf = [0u8; N * 4];
    file.read_exact(&mut buf).ok()?;
    Some(
        buf.chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

/// Seed key when OS randomness is unavailable: time, process id and the
/// standard library's per-process random hash keys, like CPython's
/// `random_seed_time_pid` plus extra entropy.
fn fallback_key() -> Vec<u32> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(now);
    hasher.write_u64(count);
    let mixed = hasher.finish();
    vec![
        now as u32,
        (now >> 32) as u32,
        std::process::id(),
        count as u32,
        mixed as u32,
        (mixed >> 32) as u32,
    ]
}

/// SHA-512 round constants.
const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

/// SHA-512 initial hash value.
const SHA512_H0: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

/// The SHA-512 digest of `data` (FIPS 180-4), as `hashlib.sha512` gives it.
fn sha512(data: &[u8]) -> [u8; 64] {
    let mut msg = Vec::with_capacity(data.len() + 256);
    msg.extend_from_slice(data);
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u128).wrapping_mul(8)).to_be_bytes());

    let mut h = SHA512_H0;
    let mut w = [0u64; 80];
    for block in msg.chunks_exact(128) {
        for (wt, bytes) in w.iter_mut().zip(block.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(bytes);
            *wt = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(SHA512_K[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (hv, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *hv = hv.wrapping_add(v);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, v) in out.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&v.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded(n: i64) -> Mt {
        Mt::from_int(&BigInt::from(n))
    }

    fn big(s: &str) -> BigInt {
        s.parse().expect("valid int literal")
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha512_matches_hashlib() {
        let cases: [(Vec<u8>, &str); 6] = [
            (
                b"".to_vec(),
                "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            ),
            (
                b"abc".to_vec(),
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
            (
                (0..=255u8).cycle().take(768).collect(),
                "f1721f49518ee462a3d81def26d81037cd474b4254b85ad7c8f1509594d0177bbb996ee9625813852bacac108c2a72c83a8587050fec1dcda64730d6470953e6",
            ),
            (
                vec![b'a'; 111],
                "fa9121c7b32b9e01733d034cfc78cbf67f926c7ed83e82200ef86818196921760b4beff48404df811b953828274461673c68d04e297b0eb7b2b4d60fc6b566a2",
            ),
            (
                vec![b'a'; 112],
                "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca",
            ),
            (
                vec![b'a'; 128],
                "b73d1929aa615934e61a871596b3f3b33359f42b8175602e89f7e06e5f658a243667807ed300314b95cacdd579f3e33abdfbe351909519a846d465c59582f321",
            ),
        ];
        for (data, want) in cases {
            assert_eq!(hex(&sha512(&data)), want, "len {}", data.len());
        }
    }

    #[test]
    fn magic_constants_match_runtime_formulas() {
        assert_eq!(NV_MAGICCONST, 4.0 * (-0.5f64).exp() / 2.0f64.sqrt());
        assert_eq!(LOG4, 4.0f64.ln());
        assert_eq!(SG_MAGICCONST, 1.0 + 4.5f64.ln());
    }

    #[test]
    fn seed_42_random() {
        let mut mt = seeded(42);
        let got: Vec<f64> = (0..5).map(|_| mt.random()).collect();
        assert_eq!(
            bits(&got),
            [
                0x3fe4762f307200c5,
                0x3f999c6b5eeb2060,
                0x3fd19a1491f589dc,
                0x3fcc922b623b8c1c,
                0x3fe7912c1468f47e
            ]
        );
        assert_eq!(seeded(42).random(), 0.6394267984578837);
    }

    #[test]
    fn big_seed_getrandbits() {
        let mut mt = Mt::from_int(&big("12345678901234567890"));
        assert_eq!(
            mt.getrandbits(100),
            big("707656484213018010632064310826").magnitude().clone()
        );
        assert_eq!(mt.getrandbits(32), BigUint::from(2758709522u32));
        assert_eq!(mt.getrandbits(1), BigUint::zero());
        assert_eq!(mt.getrandbits(0), BigUint::zero());
        assert_eq!(mt.getrandbits(33), BigUint::from(3660358429u64));
        assert_eq!(mt.getrandbits_u64(64), 9699347516778196924);
    }

    #[test]
    fn seeding_variants() {
        let mut mt = seeded(0);
        let cases_str: [(&str, u64); 3] = [
            ("hello", 0x3fd6a441bebd6e04),
            ("h\u{e9}llo \u{2713}", 0x3fe1e5958d6caa3f),
            ("", 0x3feeba2b25d163e4),
        ];
        for (s, want) in cases_str {
            mt.seed_from_str(s);
            assert_eq!(mt.random().to_bits(), want, "seed({s:?})");
        }
        mt.seed_from_bytes(b"hello");
        assert_eq!(mt.random(), 0.3537754404730722);
        let data: Vec<u8> = [0u8, 0xff].repeat(100);
        mt.seed_from_bytes(&data);
        assert_eq!(mt.random().to_bits(), 0x3fd7eaffd1b42fd4);

        let cases_int: [(BigInt, u64); 5] = [
            (BigInt::zero(), 0x3feb0580f98a7dbe),
            (BigInt::from(-5), 0x3fe3eecf89059360),
            (BigInt::from(1u64 << 32), 0x3fbced31cb3df170),
            (BigInt::from(u32::MAX), 0x3fe454d9227a7013),
            (
                big("1606938044258990275541962092341162602522202993782792835313721"),
                0x3fc2dc1a9cf32da4,
            ),
        ];
        for (n, want) in cases_int {
            mt.seed_from_int(&n);
            assert_eq!(mt.random().to_bits(), want, "seed({n})");
        }

        // Floats seed with (size_t)hash(x).
        mt.seed_from_hash(1152921504606846977);
        assert_eq!(mt.random().to_bits(), 0x3fe1a80c674aba1a);
        mt.seed_from_hash(-1152921504606846977);
        assert_eq!(mt.random().to_bits(), 0x3fe6b943c9c3f231);

        mt.seed_v1_str("hello");
        assert_eq!(mt.random().to_bits(), 0x3fea2d606431d886);
        mt.seed_v1_bytes(b"hello");
        assert_eq!(mt.random().to_bits(), 0x3fea2d606431d886);
        mt.seed_v1_str("");
        assert_eq!(mt.random().to_bits(), 0x3feb0580f98a7dbe);
        mt.seed_v1_str("h\u{e9}llo \u{2713}");
        assert_eq!(mt.random().to_bits(), 0x3feb63f611866e56);
        mt.seed_v1_bytes(b"\xe9t\xe9");
        assert_eq!(mt.random().to_bits(), 0x3fdf13e55866c9aa);
    }

    #[test]
    fn os_seeding_differs() {
        let mut a = Mt::new();
        let mut b = Mt::default();
        let xa: Vec<u32> = (0..4).map(|_| a.genrand_u32()).collect();
        let xb: Vec<u32> = (0..4).map(|_| b.genrand_u32()).collect();
        assert_ne!(xa, xb);
        let key = fallback_key();
        assert_eq!(key.len(), 6);
    }

    #[test]
    fn state_round_trip() {
        let mut mt = seeded(7);
        let (words, index) = mt.getstate();
        assert_eq!(index, 624);
        assert_eq!(&words[..3], &[2147483648, 2261207994, 869397079]);
        assert_eq!(words[623], 2448866966);
        assert_eq!(mt.gauss_next(), None);
        mt.random();
        let (words, index) = mt.getstate();
        assert_eq!(index, 2);
        assert_eq!(&words[..3], &[2209797851, 1310782419, 3119086015]);
        assert_eq!(words[623], 935579968);

        for _ in 0..1000 {
            mt.random();
        }
        let (words, index) = mt.getstate();
        assert_eq!(index, 130);
        let mut other = seeded(1);
        other.setstate(&words, index).expect("valid state");
        let got: Vec<f64> = (0..3).map(|_| other.random()).collect();
        assert_eq!(
            bits(&got),
            [0x3fc16e889069e87c, 0x3feb6d1e4c43f94b, 0x3fefe03fd274dcdc]
        );

        assert_eq!(
            other.setstate(&words[..623], 0),
            Err(RandomError::ValueError(
                "state vector is the wrong size".into()
            ))
        );
        assert_eq!(
            other.setstate(&words, 625),
            Err(RandomError::ValueError("invalid state".into()))
        );
        // All-zero state is accepted, and random() then returns 0.0.
        other.setstate(&[0; 624], 624).expect("valid state");
        assert_eq!(other.random(), 0.0);
    }

    #[test]
    fn gauss_cache_state() {
        let mut mt = seeded(5);
        mt.gauss(0.0, 1.0);
        assert_eq!(mt.gauss_next().map(f64::to_bits), Some(0xbff25eddbbe8cb1d));
        assert_eq!(mt.gauss(0.0, 1.0).to_bits(), 0xbff25eddbbe8cb1d);
        assert_eq!(mt.gauss(0.0, 1.0).to_bits(), 0x3fe56c4a129f3e5e);
        mt.seed_from_int(&BigInt::from(5));
        assert_eq!(mt.gauss_next(), None);
    }

    #[test]
    fn seed_1_integer_and_sequence_methods() {
        let mut mt = seeded(1);
        let ints: Vec<i64> = (0..10)
            .map(|_| mt.randint_i64(1, 100).expect("non-empty"))
            .collect();
        assert_eq!(ints, [18, 73, 98, 9, 33, 16, 64, 98, 58, 61]);

        assert_eq!(mt.randrange_i64(10, None, None), Ok(6));
        assert_eq!(mt.randrange_i64(5, Some(50), Some(3)), Ok(41));
        assert_eq!(mt.randrange_i64(50, Some(5), Some(-7)), Ok(43));
        assert_eq!(
            mt.randrange(&BigInt::from(-10), Some(&BigInt::from(10)), None),
            Ok(BigInt::from(-7))
        );
        let two70 = BigInt::one() << 70;
        assert_eq!(
            mt.randrange(&two70, None, None),
            Ok(big("1021761627354767340466"))
        );
        let two65 = BigInt::one() << 65;
        assert_eq!(
            mt.randrange(&-&two65, Some(&two65), Some(&BigInt::from(12345))),
            Ok(big("-36659305096144884527"))
        );

        let mut list: Vec<u32> = (0..20).collect();
        mt.shuffle(&mut list);
        assert_eq!(
            list,
            [
                4, 2, 11, 1, 9, 5, 17, 16, 6, 12, 18, 15, 13, 19, 0, 10, 3, 7, 8, 14
            ]
        );

        assert_eq!(
            mt.sample(100, 10),
            Ok(vec![70, 29, 44, 86, 28, 97, 58, 37, 2, 53])
        );
        assert_eq!(mt.sample(10, 10), Ok(vec![8, 1, 2, 5, 6, 7, 0, 4, 9, 3]));
        assert_eq!(mt.sample(30, 7), Ok(vec![16, 26, 21, 6, 9, 25, 18]));
        assert_eq!(
            mt.sample(1_000_000, 20),
            Ok(vec![
                925346, 523619, 887302, 986619, 529828, 412461, 617613, 894737, 36202, 503554,
                254531, 779858, 836138, 423926, 434439, 697034, 181411, 384957, 575457, 925611
            ])
        );

        let picks: Vec<usize> = (0..10).map(|_| mt.choice(7).expect("non-empty")).collect();
        assert_eq!(picks, [5, 6, 5, 5, 2, 0, 3, 5, 4, 0]);

        let g: Vec<f64> = (0..5).map(|_| mt.gauss(0.0, 1.0)).collect();
        assert_eq!(
            bits(&g),
            [
                0x3fcb9ab5bf40bfa0,
                0xbff31a1f4cf15b53,
                0xbfed1401891114bc,
                0x3fe71201c807fea6,
                0x3fd2c1931f59acda
            ]
        );
        assert_eq!(mt.gauss(10.0, 2.0).to_bits(), 0x4024386aa9ead385);

        let nv: Vec<f64> = (0..5).map(|_| mt.normalvariate(1.0, 3.0)).collect();
        assert_eq!(
            bits(&nv),
            [
                0x3ffca75cf3eae4df,
                0xc003446cb8bfddac,
                0x4003acdf2b6fcce1,
                0xbffd5b7d96a2f02a,
                0x401a0fd802ff1d6c
            ]
        );
        let ex: Vec<f64> = (0..3)
            .map(|_| mt.expovariate(1.5).expect("nonzero"))
            .collect();
        assert_eq!(
            bits(&ex),
            [0x3fda38d8e96f1863, 0x3fcac568f84b985b, 0x3fe0f0a73e4e035c]
        );
        let tri = [
            mt.triangular(0.0, 1.0, None),
            mt.triangular(1.0, 5.0, Some(2.0)),
            mt.triangular(5.0, 1.0, Some(4.0)),
            mt.triangular(3.0, 3.0, Some(3.0)),
        ];
        assert_eq!(
            bits(&tri),
            [
                0x3feb507136b1796e,
                0x3ff26afa3fe4a314,
                0x4004e3d8c5a6f93f,
                0x4008000000000000
            ]
        );
        let un: Vec<f64> = (0..3).map(|_| mt.uniform(2.5, 7.5)).collect();
        assert_eq!(
            bits(&un),
            [0x401bb93d4cd89d27, 0x4018cf60a1c7fffd, 0x401a2ecbd9d2b83a]
        );

        assert_eq!(mt.choices(10, 8), Ok(vec![5, 5, 4, 0, 8, 5, 1, 5]));
        assert_eq!(
            mt.choices_cum_weights(5, &[1.0, 3.0, 3.0, 10.0, 11.0], 8),
            Ok(vec![3, 3, 3, 3, 3, 3, 3, 0])
        );
        assert_eq!(
            mt.choices_weights(4, &[0.1, 0.2, 0.3, 0.4], 6),
            Ok(vec![1, 1, 2, 3, 3, 3])
        );

        assert_eq!(hex(&mt.randbytes(7)), "150a02d1bd52ee");
        assert_eq!(hex(&mt.randbytes(8)), "41f35a41d63d4f08");
        assert_eq!(mt.randbytes(0), Vec::<u8>::new());
        assert_eq!(mt.random().to_bits(), 0x3feaef92dbc63747);
    }

    #[test]
    fn seed_3_distributions() {
        let mut mt = seeded(3);
        let ln: Vec<f64> = (0..3)
            .map(|_| mt.lognormvariate(0.0, 1.0).expect("finite"))
            .collect();
        assert_eq!(
            bits(&ln),
            [0x3fd7de730d57e052, 0x3fe2381ed481d0ef, 0x3ff4275b037bbe46]
        );
        let mut vm: Vec<f64> = (0..3)
            .map(|_| mt.vonmisesvariate(1.0, 4.0).expect("ok"))
            .collect();
        vm.push(mt.vonmisesvariate(0.5, 0.0).expect("ok"));
        vm.push(mt.vonmisesvariate(-2.0, 0.5).expect("ok"));
        assert_eq!(
            bits(&vm),
            [
                0x3fefab6e305e4930,
                0x3fe1b339584ae383,
                0x3ffbf3c59441c1ed,
                0x4015d0fcd7d424a8,
                0x4015fa118da66748
            ]
        );
        let mut ga: Vec<f64> = (0..3)
            .map(|_| mt.gammavariate(2.5, 1.5).expect("ok"))
            .collect();
        ga.extend((0..3).map(|_| mt.gammavariate(0.5, 2.0).expect("ok")));
        ga.push(mt.gammavariate(1.0, 3.0).expect("ok"));
        assert_eq!(
            bits(&ga),
            [
                0x3fef63064a11a2c6,
                0x401208ecad057208,
                0x3fe577b9f56e0186,
                0x3fe40ca2fcab66d0,
                0x4003f98b76f71aa3,
                0x400ad74ba1063da3,
                0x40135e2f0d725c3b
            ]
        );
        let mut be: Vec<f64> = (0..3)
            .map(|_| mt.betavariate(2.0, 5.0).expect("ok"))
            .collect();
        be.push(mt.betavariate(0.3, 0.7).expect("ok"));
        assert_eq!(
            bits(&be),
            [
                0x3fd93ff51d01cdfe,
                0x3fd648e9d93f940b,
                0x3fc9a16e65b4fd4f,
                0x3fc6740e9ff185dc
            ]
        );
        let pa: Vec<f64> = (0..3).map(|_| mt.paretovariate(2.0).expect("ok")).collect();
        assert_eq!(
            bits(&pa),
            [0x3ffde8a30656df01, 0x3ff203a50fca1f95, 0x40037ec9c3e59386]
        );
        let we: Vec<f64> = (0..3)
            .map(|_| mt.weibullvariate(1.5, 2.0).expect("ok"))
            .collect();
        assert_eq!(
            bits(&we),
            [0x3ff627e058bfcb1e, 0x3febcc945b55047d, 0x3fd894c89c7a892f]
        );
        assert_eq!(mt.random().to_bits(), 0x3feb537f328e16b1);
    }

    #[test]
    fn seed_99_counts_large_ranges() {
        let mut mt = seeded(99);
        assert_eq!(mt.sample_counts(3, &[3, 2, 4], 5), Ok(vec![2, 2, 0, 1, 2]));
        assert_eq!(
            mt.sample_counts(3, &[10, 0, 10], 20),
            Ok(vec![
                0, 2, 0, 0, 0, 2, 0, 2, 2, 2, 0, 2, 0, 2, 0, 2, 0, 2, 2, 0
            ])
        );
        assert_eq!(
            mt.sample(200, 60),
            Ok(vec![
                38, 118, 169, 45, 145, 86, 21, 183, 135, 173, 22, 120, 80, 103, 10, 68, 142, 1,
                108, 52, 92, 136, 20, 198, 132, 50, 155, 176, 13, 91, 33, 55, 41, 113, 152, 196,
                128, 164, 9, 28, 5, 43, 121, 107, 177, 181, 189, 36, 79, 182, 97, 84, 34, 133, 186,
                51, 14, 54, 166, 65
            ])
        );
        assert_eq!(mt.random().to_bits(), 0x3fe1747f719dc3e9);
        let e30 = big("1000000000000000000000000000000");
        assert_eq!(
            mt.randrange(&e30, Some(&-&e30), Some(&-BigInt::from(7u64.pow(20)))),
            Ok(big("6797103997568890766879011209"))
        );
        assert_eq!(mt.randint_i64(i64::MIN, i64::MAX), Ok(3597094934747576666));
        assert_eq!(
            mt.randint(&BigInt::zero(), &BigInt::from(u64::MAX)),
            Ok(BigInt::from(1029654662977241705u64))
        );
        assert_eq!(mt.randint_i64(-5, 5), Ok(4));
        assert_eq!(
            mt.randrange_i64(i64::MIN, Some(i64::MAX), Some(3)),
            Ok(7601014877931026014)
        );
        assert_eq!(
            mt.randrange_i64(i64::MAX, Some(i64::MIN), Some(-5)),
            Ok(-191372561647670838)
        );
        assert_eq!(mt.getrandbits(64), BigUint::from(1779801866374644533u64));
        assert_eq!(
            mt.getrandbits(65),
            big("2650103708152764262").magnitude().clone()
        );
        assert_eq!(
            mt.getrandbits_checked(&BigInt::from(128)),
            Ok(big("139473087676689524108497583820416228773")
                .magnitude()
                .clone())
        );
        assert_eq!(mt.getrandbits_u64(31), 312483454);
        assert_eq!(mt.random().to_bits(), 0x3fed92813cd48fac);
    }

    #[test]
    fn error_messages() {
        let mut mt = seeded(1);
        let v = |m: &str| RandomError::ValueError(m.to_owned());
        assert_eq!(
            mt.randrange_i64(0, None, None),
            Err(v("empty range for randrange()"))
        );
        assert_eq!(
            mt.randrange_i64(-3, None, None),
            Err(v("empty range for randrange()"))
        );
        assert_eq!(
            mt.randrange_i64(0, Some(0), None),
            Err(v("empty range for randrange() (0, 0, 0)"))
        );
        assert_eq!(
            mt.randrange(&BigInt::from(5), Some(&BigInt::from(2)), None),
            Err(v("empty range for randrange() (5, 2, -3)"))
        );
        assert_eq!(
            mt.randrange_i64(0, Some(10), Some(0)),
            Err(v("zero step for randrange()"))
        );
        assert_eq!(
            mt.randrange(
                &BigInt::zero(),
                Some(&BigInt::from(10)),
                Some(&BigInt::zero())
            ),
            Err(v("zero step for randrange()"))
        );
        assert_eq!(
            mt.randrange_i64(0, Some(10), Some(-1)),
            Err(v("empty range for randrange()"))
        );
        assert_eq!(
            mt.randrange_i64(10, None, Some(2)),
            Err(RandomError::TypeError(
                "Missing a non-None stop argument".into()
            ))
        );
        assert_eq!(
            mt.randrange_i64(10, None, Some(1)).map(|r| r < 10),
            Ok(true)
        );
        assert_eq!(
            mt.randint_i64(5, 4),
            Err(v("empty range for randrange() (5, 5, 0)"))
        );
        assert_eq!(
            mt.randint(&BigInt::from(5), &BigInt::from(4)),
            Err(v("empty range for randrange() (5, 5, 0)"))
        );
        assert_eq!(
            mt.choice(0),
            Err(RandomError::IndexError(
                "Cannot choose from an empty sequence".into()
            ))
        );
        let sample_err = v("Sample larger than population or is negative");
        assert_eq!(mt.sample(3, 4), Err(sample_err.clone()));
        assert_eq!(mt.sample(3, -1), Err(sample_err.clone()));
        assert_eq!(mt.sample(0, 0), Ok(vec![]));
        assert_eq!(
            mt.sample_counts(3, &[0, 0, 0], 2),
            Err(v("Total of counts must be greater than zero"))
        );
        assert_eq!(
            mt.sample_counts(3, &[1, 1], 2),
            Err(v("The number of counts does not match the population"))
        );
        assert_eq!(
            mt.sample_counts(0, &[], 0),
            Err(RandomError::IndexError("pop from empty list".into()))
        );
        assert_eq!(
            mt.sample_counts(3, &[i64::MAX, i64::MAX, 1], 2),
            Err(RandomError::OverflowError(
                "Python int too large to convert to C ssize_t".into()
            ))
        );
        assert_eq!(mt.sample_counts(2, &[1, 1], 3), Err(sample_err));
        let index_err = RandomError::IndexError("list index out of range".into());
        assert_eq!(mt.choices(0, 1), Err(index_err.clone()));
        assert_eq!(mt.choices(0, 0), Ok(vec![]));
        assert_eq!(mt.choices_cum_weights(0, &[], 1), Err(index_err));
        assert_eq!(
            mt.choices_cum_weights(2, &[0.0, 0.0], 1),
            Err(v("Total of weights must be greater than zero"))
        );
        assert_eq!(
            mt.choices_cum_weights(2, &[0.0, f64::INFINITY], 1),
            Err(v("Total of weights must be finite"))
        );
        assert_eq!(
            mt.choices_cum_weights(2, &[0.0, f64::NAN], 1),
            Err(v("Total of weights must be finite"))
        );
        assert_eq!(
            mt.choices_cum_weights(2, &[1.0], 1),
            Err(v("The number of weights does not match the population"))
        );
        assert_eq!(
            mt.expovariate(0.0),
            Err(RandomError::ZeroDivisionError(
                "float division by zero".into()
            ))
        );
        assert_eq!(
            mt.gammavariate(0.0, 1.0),
            Err(v("gammavariate: alpha and beta must be > 0.0"))
        );
        assert_eq!(
            mt.paretovariate(0.0),
            Err(RandomError::ZeroDivisionError(
                "float division by zero".into()
            ))
        );
        assert_eq!(mt.triangular(1.0, 1.0, Some(1.0)), 1.0);
        assert_eq!(
            mt.getrandbits_checked(&BigInt::from(-1)),
            Err(v("number of bits must be non-negative"))
        );
        assert_eq!(
            mt.getrandbits_checked(&big("2147483648")),
            Err(RandomError::OverflowError(
                "Python int too large to convert to C int".into()
            ))
        );
        let err = mt.randrange_i64(0, None, None).expect_err("empty");
        assert_eq!(err.exc_type_name(), "ValueError");
        assert_eq!(err.to_string(), "ValueError: empty range for randrange()");
    }

    #[test]
    fn randbelow_consistency() {
        // The u64 fast path and the BigUint path consume the same draws.
        let mut a = seeded(11);
        let mut b = seeded(11);
        for n in [1u64, 2, 3, 7, 1 << 32, (1 << 32) + 1, u64::MAX, 1000003] {
            assert_eq!(
                BigUint::from(a.randbelow_u64(n)),
                b.randbelow(&BigUint::from(n))
            );
        }
        assert_eq!(a.randbelow_u64(0), 0);
        assert_eq!(a.getstate(), b.getstate());
        let mut shuffled_len: Vec<(usize, usize)> = Vec::new();
        a.shuffle_with(5, |i, j| shuffled_len.push((i, j)));
        assert_eq!(shuffled_len.len(), 4);
        assert!(shuffled_len.iter().all(|&(i, j)| j <= i));
    }

    #[test]
    fn python_float_helpers() {
        assert_eq!(
            py_pow(0.0, -1.0),
            Err(RandomError::ZeroDivisionError(
                "0.0 cannot be raised to a negative power".into()
            ))
        );
        assert_eq!(py_pow(-0.0, 1.0).map(f64::to_bits), Ok((-0.0f64).to_bits()));
        assert_eq!(py_pow(-2.0, 3.0), Ok(-8.0));
        assert_eq!(py_pow(2.0, 0.5), Ok(2.0f64.sqrt()));
        assert_eq!(
            py_pow(10.0, 400.0),
            Err(RandomError::OverflowError(
                "(34, 'Numerical result out of range')".into()
            ))
        );
        assert_eq!(py_pow(0.7, 2000.0).map(|x| x > 0.0), Ok(true));
        assert_eq!(py_mod(-1.0, TAU), TAU - 1.0);
        assert_eq!(py_mod(-0.0, TAU).to_bits(), 0);
        assert_eq!(
            py_exp(1000.0),
            Err(RandomError::OverflowError("math range error".into()))
        );
        assert_eq!(
            py_log(0.0),
            Err(RandomError::ValueError("math domain error".into()))
        );
        assert_eq!(
            py_acos(1.5),
            Err(RandomError::ValueError("math domain error".into()))
        );
        assert_eq!(sample_setsize(5), 21);
        assert_eq!(sample_setsize(6), 21 + 64);
        assert_eq!(sample_setsize(60), 21 + 256);
    }
}
