//! Evaluation against gold annotations.

pub mod claims;
pub mod speakers;
