//! Shared by `cargo xtask` and the end-to-end tests: the static server for `dist/` and the
//! Content-Security-Policy post-build step.

pub mod csp;
pub mod server;
