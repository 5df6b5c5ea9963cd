//! placeholder
pub mod obmalloc;
