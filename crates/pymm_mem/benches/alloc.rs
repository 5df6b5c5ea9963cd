//! Small-object allocator throughput: `pymm_mem::obmalloc::Heap` against the
//! system allocator and mimalloc (both through `GlobalAlloc`).
//!
//! Run with `cargo bench -p pymm_mem --bench alloc`. Every benchmark performs
//! 1000 allocate+free pairs per iteration, so divan's time per iteration in ns
//! divided by 1000 is the cost of one pair.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::ptr::NonNull;

use divan::Bencher;
use mimalloc::MiMalloc;
use pymm_mem::obmalloc::Heap;

fn main() {
    divan::main();
}

const BATCH: usize = 1000;
const SIZES: &[usize] = &[16, 32, 64, 128, 256, 512];

/// The allocator interface the benchmarks drive.
trait BenchAlloc {
    fn create() -> Self;
    fn alloc(&mut self, size: usize) -> NonNull<u8>;
    /// # Safety
    /// `p` came from `alloc(size)` on `self`.
    unsafe fn free(&mut self, p: NonNull<u8>, size: usize);
}

/// pymm's heap (pymalloc mode).
struct Pymm(Heap);

impl BenchAlloc for Pymm {
    fn create() -> Self {
        Pymm(Heap::new())
    }
    #[inline]
    fn alloc(&mut self, size: usize) -> NonNull<u8> {
        self.0.malloc(size).expect("pymm malloc")
    }
    #[inline]
    unsafe fn free(&mut self, p: NonNull<u8>, _size: usize) {
        // SAFETY: forwarded from the caller.
        unsafe { self.0.free(p) }
    }
}

/// `std::alloc::System` (glibc malloc).
struct Sys;
/// mimalloc through its `GlobalAlloc` implementation.
struct Mi;

macro_rules! global_alloc {
    ($t:ty, $a:expr) => {
        impl BenchAlloc for $t {
            fn create() -> Self {
                Self
            }
            #[inline]
            fn alloc(&mut self, size: usize) -> NonNull<u8> {
                let layout = Layout::from_size_align(size, 16).unwrap();
                // SAFETY: non-zero size, valid layout.
                NonNull::new(unsafe { $a.alloc(layout) }).expect("alloc")
            }
            #[inline]
            unsafe fn free(&mut self, p: NonNull<u8>, size: usize) {
                let layout = Layout::from_size_align(size, 16).unwrap();
                // SAFETY: p came from alloc with this layout (caller's guarantee).
                unsafe { $a.dealloc(p.as_ptr(), layout) }
            }
        }
    };
}
global_alloc!(Sys, System);
global_alloc!(Mi, MiMalloc);

/// Allocate a batch of 1000 blocks, then free them all.
#[divan::bench(types = [Pymm, Sys, Mi], args = SIZES)]
fn batch<A: BenchAlloc>(bencher: Bencher<'_, '_>, size: usize) {
    let mut a = A::create();
    let mut ptrs: Vec<NonNull<u8>> = Vec::with_capacity(BATCH);
    bencher.bench_local(|| {
        for _ in 0..BATCH {
            ptrs.push(a.alloc(black_box(size)));
        }
        for p in ptrs.drain(..) {
            // SAFETY: p was allocated above with this size.
            unsafe { a.free(black_box(p), size) };
        }
    });
}

/// Allocate one block and free it at once, 1000 times, on an otherwise empty
/// heap. For pymm (as for CPython) every free empties the pool, which goes back
/// to its arena's `freepools` and is taken again by the next malloc: the
/// allocator's worst case.
#[divan::bench(types = [Pymm, Sys, Mi], args = SIZES)]
fn interleaved<A: BenchAlloc>(bencher: Bencher<'_, '_>, size: usize) {
    let mut a = A::create();
    bencher.bench_local(|| {
        for _ in 0..BATCH {
            let p = a.alloc(black_box(size));
            // SAFETY: p was just allocated with this size.
            unsafe { a.free(black_box(p), size) };
        }
    });
}

/// Allocate one block and free it at once, 1000 times, while one other block
/// of the same size stays live (so the pool stays in use, the usual state of a
/// running interpreter). Every allocator gets the same extra block.
#[divan::bench(types = [Pymm, Sys, Mi], args = SIZES)]
fn steady<A: BenchAlloc>(bencher: Bencher<'_, '_>, size: usize) {
    let mut a = A::create();
    let anchor = a.alloc(size);
    bencher.bench_local(|| {
        for _ in 0..BATCH {
            let p = a.alloc(black_box(size));
            // SAFETY: p was just allocated with this size.
            unsafe { a.free(black_box(p), size) };
        }
    });
    // SAFETY: anchor was allocated above with this size.
    unsafe { a.free(anchor, size) };
}
