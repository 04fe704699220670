//! Command-line helpers for subcommands that do more than run the library once and print.

pub mod new;
pub mod serve;
