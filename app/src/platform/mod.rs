//! Thin adapters to the browser. Pages never call browser APIs for storage, camera or
//! workers directly; they go through these.

pub mod activity;
pub mod camera;
pub mod download;
pub mod service_worker;
pub mod speech;
pub mod storage;
