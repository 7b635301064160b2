//! The Woonkans app: Yew function components over `woonkans-core`.
//!
//! Invariant: no domain decision is made here. Components render core values and send the
//! user's intent to the core; the state is a `Reducible` (`state.rs`) shared through a context.

pub mod app;
pub mod browser;
pub mod components;
pub mod pages;
pub mod route;
pub mod session;
pub mod state;
pub mod vault;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
