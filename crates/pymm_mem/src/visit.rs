//! The visitor handed to `traverse` hooks (CPython's `visitproc`).
//!
//! The collector's visits (`visit_decref`, `visit_reachable`, `visit_move`) are
//! variants of one concrete enum rather than function pointers, so a
//! traverse hook makes one indirect call per object and the per-edge work is
//! inlined.

use crate::header::GcHead;
use crate::object::{Obj, ObjRef, gc_head};

pub(crate) enum VisitKind<'v> {
    /// `visit_decref` (subtract_refs).
    Decref,
    /// `visit_decref` during the fused `update_refs` + `subtract_refs` walk of a
    /// collection of every tracked object: a tracked referent the walk has not reached
    /// yet gets its gc_refs set here (its reference count, less this reference).
    DecrefAll,
    /// `visit_reachable` (move_unreachable); the young list head.
    Reachable(*const GcHead),
    /// `visit_move` (move_legacy_finalizer_reachable); the list to move into.
    Move(*const GcHead),
    /// Any closure.
    Fn(&'v mut dyn FnMut(Obj<'_>)),
}

/// Receives the references an object holds.
pub struct Visitor<'v> {
    pub(crate) kind: VisitKind<'v>,
}

impl core::fmt::Debug for Visitor<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Visitor")
    }
}

impl<'v> Visitor<'v> {
    /// A visitor that calls `f` on every object visited.
    pub fn from_fn(f: &'v mut dyn FnMut(Obj<'_>)) -> Visitor<'v> {
        Visitor {
            kind: VisitKind::Fn(f),
        }
    }

    /// Visits one referenced object.
    #[inline(always)]
    pub fn visit(&mut self, obj: Obj<'_>) {
        match &mut self.kind {
            VisitKind::Decref => {
                if obj.is_gc() {
                    let g = gc_head(obj.ptr());
                    if g.is_collecting() {
                        g.decref();
                    }
                }
            }
            VisitKind::DecrefAll => {
                if obj.is_gc() {
                    let g = gc_head(obj.ptr());
                    if g.is_collecting() {
                        g.decref();
                    } else if g.is_tracked() {
                        g.reset_refs(obj.refcnt() - 1);
                    }
                }
            }
            VisitKind::Reachable(young) => {
                if obj.is_gc() {
                    crate::gc::collect::visit_reachable(gc_head(obj.ptr()), *young);
                }
            }
            VisitKind::Move(to) => {
                if obj.is_gc() {
                    let g = gc_head(obj.ptr());
                    if g.is_collecting() {
                        crate::gc::list::move_to(g, *to);
                        g.clear_collecting();
                    }
                }
            }
            VisitKind::Fn(f) => f(obj),
        }
    }

    /// Whether visiting may run arbitrary code (a closure), rather than one of the
    /// collector's own visits, which only touch GC heads.
    #[inline]
    pub(crate) fn runs_code(&self) -> bool {
        matches!(self.kind, VisitKind::Fn(_))
    }

    /// Visits the object an owned reference points to.
    #[inline]
    pub fn visit_ref(&mut self, r: &ObjRef) {
        self.visit(r.as_obj())
    }

    /// Visits an optional reference.
    #[inline]
    pub fn visit_opt(&mut self, r: Option<&ObjRef>) {
        if let Some(r) = r {
            self.visit(r.as_obj())
        }
    }
}

/// Calls the object's traverse hook with `f` (nothing happens for types without one).
pub fn traverse(obj: Obj<'_>, f: &mut dyn FnMut(Obj<'_>)) {
    if let Some(t) = obj.type_info().traverse {
        let mut v = Visitor::from_fn(f);
        t(obj, &mut v);
    }
}
