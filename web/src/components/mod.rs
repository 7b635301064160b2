pub mod damaged;
pub mod files;
pub mod form;
pub mod header;
pub mod nav;
pub mod region_prompt;
pub mod vault_gate;
