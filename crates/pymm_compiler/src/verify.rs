//! A bytecode verifier ([`verify`]): checks the invariants the eval loop
//! relies on, so a VM may skip bounds checks on operands it has verified.
//!
//! Like CPython's `stackdepth()` flow pass (`Python/compile.c`), it walks
//! every path, including the edges into exception handlers, and checks that
//! each instruction is reached with one consistent stack depth that never
//! exceeds `max_stackdepth` nor goes negative; that jumps and handlers
//! target real instructions; that operands index existing constants, names,
//! locals and deref slots; and that control never runs off the end.

use crate::bytecode::Instr;
use crate::code::{CodeObject, Constant};

/// Verifies `code` and all code objects nested in its constants.
///
/// # Errors
/// A description of the first violated invariant.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{} ({}): {e}", code.qualname, code.filename))?;
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    if code.locations.len() != n {
        return Err("location table length differs from instruction count".into());
    }
    if n == 0 {
        return Err("no instructions".into());
    }
    for (i, e) in code.exception_table.iter().enumerate() {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("bad exception table entry {e:?}"));
        }
        if i > 0 && code.exception_table[i - 1].end > e.start {
            return Err("exception table entries overlap or are unsorted".into());
        }
    }
    for (i, instr) in code.instructions.iter().enumerate() {
        check_operands(code, *instr).map_err(|e| format!("instruction {i} {instr:?}: {e}"))?;
    }
    let max = i64::from(code.max_stackdepth);
    let mut depth: Vec<Option<i64>> = vec![None; n];
    let mut work = vec![(0usize, 0i64)];
    while let Some((i, d)) = work.pop() {
        if i >= n {
            return Err(format!("control runs off the end (from depth {d})"));
        }
        if d < 0 || d > max {
            return Err(format!(
                "stack depth {d} at instruction {i} outside 0..={max}"
            ));
        }
        match depth[i] {
            Some(old) if old == d => continue,
            Some(old) => {
                return Err(format!("instruction {i} reached with depths {old} and {d}"));
            }
            None => depth[i] = Some(d),
        }
        let instr = code.instructions[i];
        if let Some(h) = code.handler_for(i as u32) {
            let hd = i64::from(h.depth);
            if hd > d {
                return Err(format!(
                    "handler depth {hd} above stack depth {d} at instruction {i}"
                ));
            }
            work.push((h.target as usize, hd + 1 + i64::from(h.push_lasti)));
        }
        if let Some(t) = instr.jump_target() {
            if t as usize >= n {
                return Err(format!("jump target {t} out of range at {i}"));
            }
            work.push((t as usize, d + i64::from(instr.stack_effect(true))));
        }
        if !instr.is_terminator() {
            work.push((i + 1, d + i64::from(instr.stack_effect(false))));
        }
    }
    Ok(())
}

fn check_operands(code: &CodeObject, instr: Instr) -> Result<(), String> {
    use Instr::*;
    let within = |i: u32, len: usize, what: &str| {
        if (i as usize) < len {
            Ok(())
        } else {
            Err(format!("{what} index {i} out of range ({len})"))
        }
    };
    match instr {
        LoadConst(i) | KwNames(i) => within(i, code.constants.len(), "constant"),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => within(i, code.varnames.len(), "local"),
        LoadFastLoadFast(a, b) | StoreFastLoadFast(a, b) | StoreFastStoreFast(a, b) => {
            within(a.into(), code.varnames.len(), "local")?;
            within(b.into(), code.varnames.len(), "local")
        }
        LoadFastLoadConst(a, c) => {
            within(a.into(), code.varnames.len(), "local")?;
            within(c.into(), code.constants.len(), "constant")
        }
        LoadFastLoadAttr(a, n) | LoadFastLoadMethod(a, n) => {
            within(a.into(), code.varnames.len(), "local")?;
            within(n.into(), code.names.len(), "name")
        }
        LoadConstBinaryOp(c, _) => within(c.into(), code.constants.len(), "constant"),
        MakeCell(i) => within(i, code.cellvars.len(), "cell"),
        LoadClosure(i) | LoadDeref(i) | LoadClassDeref(i) | StoreDeref(i) | DeleteDeref(i) => {
            within(i, code.deref_count(), "deref")
        }
        CopyFreeVars(k) => {
            if k as usize == code.freevars.len() {
                Ok(())
            } else {
                Err("COPY_FREE_VARS count differs from freevars".into())
            }
        }
        LoadGlobal(i) | LoadGlobalNull(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i)
        | StoreName(i) | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i)
        | LoadMethod(i) | ImportName(i) | ImportFrom(i) => within(i, code.names.len(), "name"),
        Copy(0) | Swap(0) | Swap(1) => Err("COPY/SWAP operand too small".into()),
        _ => Ok(()),
    }
}
