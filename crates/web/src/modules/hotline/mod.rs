//! The hotline: the appeals register and the intake form that fills it.

pub mod directory;
pub mod intake;
pub mod register;
