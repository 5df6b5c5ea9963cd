//! The small-object allocator (CPython's `Objects/obmalloc.c`, "pymalloc").
//!
//! TEMPORARY STUB: the public API below is final; the bodies are being replaced
//! by the arena/pool implementation.

use core::ptr::NonNull;

/// Every block is aligned to this many bytes (CPython `ALIGNMENT`).
pub const ALIGNMENT: usize = 16;
/// Requests of 1..=512 bytes are served from pools; 0 and larger go to the system allocator.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes: class `i` has blocks of `(i + 1) * 16` bytes.
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// Pool size (CPython with `WITH_PYMALLOC_RADIX_TREE`, large pools).
pub const POOL_SIZE: usize = 16 * 1024;
/// Arena size (large arenas).
pub const ARENA_SIZE: usize = 1 << 20;
/// Bytes at the start of each pool taken by its header, rounded up to `ALIGNMENT`.
pub const POOL_OVERHEAD: usize = 48;

/// Which allocation family a request belongs to (CPython's `PyMem_Raw*`, `PyMem_*`, `PyObject_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    /// `PyMem_RawMalloc`: always the system allocator.
    Raw = 0,
    /// `PyMem_Malloc`: pymalloc.
    Mem = 1,
    /// `PyObject_Malloc`: pymalloc.
    Obj = 2,
}

/// How the heap serves small requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocatorMode {
    /// Arenas and pools (the default; CPython's `PYTHONMALLOC=pymalloc`).
    Pymalloc,
    /// Every request goes to the system allocator (CPython's `PYTHONMALLOC=malloc`), so
    /// tools such as valgrind see every object as its own block.
    Malloc,
}

/// An allocation failed: the heap limit would be exceeded, or the system allocator refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError {
    /// The number of bytes that was asked for.
    pub requested: usize,
}

impl core::fmt::Display for AllocError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "cannot allocate {} bytes", self.requested)
    }
}

impl std::error::Error for AllocError {}

/// A private heap.
#[derive(Debug)]
pub struct Heap {
    mode: AllocatorMode,
    limit: Option<usize>,
    raw_blocks: usize,
    _not_send: core::marker::PhantomData<*mut u8>,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    /// A heap in `Pymalloc` mode without a limit.
    pub fn new() -> Self {
        Self::with_mode(AllocatorMode::Pymalloc)
    }

    /// A heap in the given mode without a limit.
    pub fn with_mode(mode: AllocatorMode) -> Self {
        Heap { mode, limit: None, raw_blocks: 0, _not_send: core::marker::PhantomData }
    }

    /// The mode chosen at construction.
    pub fn mode(&self) -> AllocatorMode {
        self.mode
    }

    /// Sets (or removes) the cap on the bytes this heap obtains from the system
    /// (arenas of 1 MiB plus the usable size of every raw block).
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.limit = limit;
    }

    /// The current cap.
    pub fn limit(&self) -> Option<usize> {
        self.limit
    }

    /// Allocates `size` bytes aligned to 16.
    #[inline]
    pub fn malloc(&mut self, size: usize) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: malloc with a non-zero size; a null result is handled.
        let p = unsafe { libc::malloc(size.max(1)) };
        self.raw_blocks += 1;
        NonNull::new(p.cast()).ok_or(AllocError { requested: size })
    }

    /// Frees a block.
    ///
    /// # Safety
    /// `ptr` came from `malloc`/`realloc` of this heap and was not freed since.
    #[inline]
    pub unsafe fn free(&mut self, ptr: NonNull<u8>) {
        self.raw_blocks -= 1;
        // SAFETY: the caller guarantees ptr is a live block of ours.
        unsafe { libc::free(ptr.as_ptr().cast()) }
    }

    /// Resizes a block.
    ///
    /// # Safety
    /// As for [`Heap::free`].
    pub unsafe fn realloc(&mut self, ptr: NonNull<u8>, new_size: usize) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: the caller guarantees ptr is a live block of ours.
        let p = unsafe { libc::realloc(ptr.as_ptr().cast(), new_size.max(1)) };
        NonNull::new(p.cast()).ok_or(AllocError { requested: new_size })
    }

    /// `sys.getallocatedblocks()`.
    pub fn allocated_blocks(&self) -> usize {
        self.raw_blocks
    }
}
