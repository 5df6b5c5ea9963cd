//! Builds a graph with cycles, weak references and finalizers using pymm_mem's
//! safe API, drops it, and shows what CPython's collector algorithm finds,
//! generation by generation.
//!
//! Run: `cargo run --release -p pymm_mem --example graph`

use std::cell::RefCell;
use std::rc::Rc;

use pymm_mem::{CollectionInfo, Finalize, Gc, HostHooks, Phase, Trace, Visitor, Weak, gc};

/// A person in a small social graph: friends are strong edges (cycles!).
struct Person {
    name: String,
    friends: RefCell<Vec<Gc<Person>>>,
    /// A weak edge: does not keep the mentor alive.
    mentor: RefCell<Option<Weak<Person>>>,
}

// SAFETY: trace visits exactly the strong handles the value owns.
unsafe impl Trace for Person {
    fn trace(&self, v: &mut Visitor<'_>) {
        self.friends.trace(v);
    }
    const NAME: &'static str = "Person";
}

impl Finalize for Person {
    fn finalize(&self) {
        println!(
            "    __del__ {} (has {} friends)",
            self.name,
            self.friends.borrow().len()
        );
    }
}

fn person(name: &str) -> Gc<Person> {
    Gc::new_finalized(Person {
        name: name.into(),
        friends: RefCell::new(Vec::new()),
        mentor: RefCell::new(None),
    })
}

fn befriend(a: &Gc<Person>, b: &Gc<Person>) {
    a.friends.borrow_mut().push(b.clone());
    b.friends.borrow_mut().push(a.clone());
}

fn show_counts(label: &str) {
    let (c0, c1, c2) = gc::get_count();
    println!(
        "{label:<34} count=({c0}, {c1}, {c2})  generations=[{}, {}, {}]  blocks={}",
        gc::generation_len(0),
        gc::generation_len(1),
        gc::generation_len(2),
        pymm_mem::allocated_blocks()
    );
}

fn main() {
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let l2 = log.clone();
    pymm_mem::set_host_hooks(HostHooks {
        on_collection: Some(Rc::new(move |phase: Phase, info: CollectionInfo| {
            if phase == Phase::Stop {
                l2.borrow_mut().push(format!(
                    "collected generation {}: {} unreachable, {} uncollectable",
                    info.generation, info.collected, info.uncollectable
                ));
            }
        })),
        ..Default::default()
    });

    println!("thresholds {:?}", gc::get_threshold());
    show_counts("start");

    // 1. A triangle of friends: a reference cycle.
    let ada = person("Ada");
    let bob = person("Bob");
    let cy = person("Cy");
    befriend(&ada, &bob);
    befriend(&bob, &cy);
    befriend(&cy, &ada);
    // A weak edge and a weak reference with a callback, from outside the cycle.
    *bob.mentor.borrow_mut() = Some(Gc::downgrade(&ada));
    let watcher =
        Gc::downgrade_with_callback(&cy, |_| println!("    weakref callback: Cy is gone"));
    show_counts("after building the triangle");

    // 2. An acyclic pair is freed by reference counting alone, at once.
    {
        let solo = person("Solo");
        let _buddy = Gc::new(solo.friends.borrow().len());
    }
    show_counts("after an acyclic pair came and went");

    // 3. Drop the triangle: reference counts never reach zero, the cycle survives `del`.
    println!(
        "refcount of Ada before dropping the handles: {}",
        Gc::strong_count(&ada)
    );
    drop((ada, bob, cy));
    println!("watcher dead after drop? {}", watcher.is_dead());
    show_counts("after dropping the triangle");

    // 4. A young collection moves survivors up; the cycle is found when its generation is collected.
    println!("gc.collect(0) -> {}", gc::collect(0));
    show_counts("after collect(0)");
    println!("gc.collect(2) ->");
    let n = gc::collect(2);
    println!("  = {n}");
    println!("watcher dead after collect? {}", watcher.is_dead());
    show_counts("after collect(2)");

    // 5. Automatic collections: allocate past threshold 0 (700) while keeping a cycle per object.
    let mut keep = Vec::new();
    for i in 0..5000 {
        // No finalizer here, to keep the output short.
        let p = Gc::new(Person {
            name: format!("p{i}"),
            friends: RefCell::new(Vec::new()),
            mentor: RefCell::new(None),
        });
        if i % 2 == 0 {
            befriend(&p, &p.clone());
        } else {
            keep.push(p);
        }
    }
    show_counts("after 5000 allocations");
    drop(keep);
    let s = gc::get_stats();
    for (g, st) in s.iter().enumerate() {
        println!(
            "generation {g}: {} collections, {} collected, {} uncollectable",
            st.collections, st.collected, st.uncollectable
        );
    }
    let lines = log.borrow();
    println!("{} collections ran; the first few:", lines.len());
    for l in lines.iter().take(5) {
        println!("  {l}");
    }
    drop(lines);
    pymm_mem::set_host_hooks(HostHooks::default());
    gc::collect(2);
    show_counts("at the end");
}
