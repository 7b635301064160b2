pub mod damaged;
pub mod files;
pub mod form;
pub mod header;
pub mod nav;
pub mod print;
pub mod role_prompt;
pub mod vault_gate;
