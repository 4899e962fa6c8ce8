//! Native figures for the vault (prints, never asserts). Run in release:
//! `cargo run --release --example vault_bench` (add `-- --quick` to skip log_n 18).
//!
//! Prints: scrypt unlock time per work factor; sealing and opening 20,000 help records
//! (~120 bytes of JSON each) in batches of 500 and as one batch; bytes stored per record.

use std::time::Instant;

use entraide_core::vault::{Record, Vault, VaultError};
use serde_json::json;

const RECORDS: usize = 20_000;
const BATCH: usize = 500;

fn help_record(i: usize) -> Record {
    let topics = ["email", "search", "photos", "ameli", "visio", "security"];
    let devices = ["phone", "computer", "tablet"];
    Record::new(
        "help",
        format!("h{i:06}"),
        json!({
            "topic": topics[i % topics.len()],
            "device": devices[i % devices.len()],
            "minutes": 15 + (i % 4) * 10,
            "helper": format!("p{:04}", i % 97),
            "session": format!("s{:03}", i / 40),
        }),
    )
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn main() -> Result<(), VaultError> {
    let quick = std::env::args().any(|a| a == "--quick");
    let top = if quick { 17 } else { 18 };
    println!("scrypt (age, r=8, p=1), native release, one run each:");
    for log_n in 14..=top {
        let start = Instant::now();
        let (_, wrapped) = Vault::create("pomme poire lune velo sapin miel ours plage", log_n)?;
        let create = ms(start);
        let start = Instant::now();
        let _vault = Vault::unlock("pomme poire lune velo sapin miel ours plage", &wrapped)?;
        let unlock = ms(start);
        println!(
            "  log_n {log_n}: create {create:7.1} ms, unlock {unlock:7.1} ms, memory {} MiB, wrapped key {} bytes",
            (128u64 << log_n) * 8 / (1 << 20),
            wrapped.len()
        );
    }

    let vault = Vault::from_raw_key_for_tests([42; 32], 16);
    let records: Vec<Record> = (0..RECORDS).map(help_record).collect();
    let json_bytes: usize = records
        .iter()
        .map(|r| serde_json::to_vec(r).map(|v| v.len()).unwrap_or(0))
        .sum();
    println!(
        "\n{RECORDS} help records, {:.0} bytes of JSON each on average",
        json_bytes as f64 / RECORDS as f64
    );

    let start = Instant::now();
    let mut blobs = Vec::new();
    for (i, chunk) in records.chunks(BATCH).enumerate() {
        blobs.push(vault.seal_batch(i as u64, chunk)?);
    }
    let seal_batches = ms(start);
    let stored: usize = blobs.iter().map(Vec::len).sum();
    let start = Instant::now();
    let mut opened = 0;
    for blob in &blobs {
        opened += vault.open_batch(blob)?.records.len();
    }
    let open_batches = ms(start);
    println!(
        "  batches of {BATCH} ({} blobs): seal {seal_batches:.1} ms ({:.2} ms per batch), open {open_batches:.1} ms, {opened} records, {stored} bytes stored = {:.1} per record",
        blobs.len(),
        seal_batches / blobs.len() as f64,
        stored as f64 / RECORDS as f64
    );

    let start = Instant::now();
    let one = vault.seal_batch(0, &records)?;
    let seal_one = ms(start);
    let start = Instant::now();
    let back = vault.open_batch(&one)?;
    let open_one = ms(start);
    println!(
        "  one batch: seal {seal_one:.1} ms, open {open_one:.1} ms, {} records, {} bytes = {:.1} per record",
        back.records.len(),
        one.len(),
        one.len() as f64 / RECORDS as f64
    );
    println!(
        "  overhead per blob: {} bytes (header + tag)",
        entraide_core::vault::blob::HEADER_LEN + entraide_core::vault::blob::TAG_LEN
    );

    let start = Instant::now();
    for i in 0..RECORDS {
        std::hint::black_box(vault.store_key("help", &format!("h{i:06}")));
    }
    println!("  {RECORDS} store keys: {:.1} ms", ms(start));
    Ok(())
}
