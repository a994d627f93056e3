//! Evaluation against gold annotations.

pub mod claims;
