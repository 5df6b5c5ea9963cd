//! Freed arenas go back to the system. Alone in its test binary: another test mapping
//! an arena could get a just-unmapped address and make it look mapped again.

use pymm_mem::obmalloc::{Heap, SizeClass};

fn free_all(h: &mut Heap, v: Vec<std::ptr::NonNull<u8>>) {
    for p in v {
        // SAFETY: live blocks of this heap, each freed once.
        unsafe { h.free(p) };
    }
}

/// Whether the page at `addr` is mapped in this process (`/proc/self/maps`).
fn is_mapped(addr: usize) -> bool {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines().any(|l| {
        let range = l.split_whitespace().next().unwrap();
        let (a, b) = range.split_once('-').unwrap();
        let (a, b) = (
            usize::from_str_radix(a, 16).unwrap(),
            usize::from_str_radix(b, 16).unwrap(),
        );
        (a..b).contains(&addr)
    })
}

/// A freed arena's pages go back to the system, on the helper thread by default
/// (shortly after) or at once when background unmapping is off.
#[test]
fn freed_arenas_are_unmapped() {
    for background in [true, false] {
        pymm_mem::obmalloc::set_background_unmap(background);
        let mut h = Heap::new();
        let per_arena = 63 * SizeClass::for_request(512).unwrap().blocks_per_pool();
        let v: Vec<_> = (0..3 * per_arena).map(|_| h.malloc(512).unwrap()).collect();
        // One block from each of three different arenas.
        let samples: Vec<usize> = [0, v.len() / 2, v.len() - 1]
            .iter()
            .map(|&i| v[i].as_ptr() as usize)
            .collect();
        assert!(samples.iter().all(|&a| is_mapped(a)));
        free_all(&mut h, v);
        assert!(h.stats().arenas_reclaimed >= 2);
        // At most one empty arena stays mapped. (Once seen unmapped, a sample counts:
        // another test may map a new arena at the same address afterwards.)
        let mut seen = [false; 3];
        let mut unmapped = || {
            for (s, &a) in seen.iter_mut().zip(&samples) {
                *s |= !is_mapped(a);
            }
            seen.iter().filter(|&&s| s).count()
        };
        if !background {
            assert!(unmapped() >= 2, "unmapped synchronously");
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while unmapped() < 2 {
            assert!(std::time::Instant::now() < deadline, "never unmapped");
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
    pymm_mem::obmalloc::set_background_unmap(true);
}
