//! Evaluation against gold annotations.

pub mod calibration;
pub mod claims;
pub mod speakers;
