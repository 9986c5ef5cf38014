//! The `komek` command's tests, one binary: the real executable on real data directories.

mod support;

mod cli;
mod operations;
mod report;
