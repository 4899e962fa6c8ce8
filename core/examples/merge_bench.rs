//! Benchmark (prints figures): a five-year group's record on the animator's phone, and a
//! room of 30 phones handing over their session and receiving the hand-back, twice over
//! (see `core::report::room`). Run with
//! `cargo run --release -p entraide-core --example merge_bench` (`make bench-merge` also
//! runs it in WebAssembly).
#![allow(clippy::print_stdout)]

use std::time::Instant;

use entraide_core::report::room::{exchange_figures, large_room};

fn main() {
    let started = Instant::now();
    let clock = move || started.elapsed().as_secs_f64() * 1000.0;
    let build = clock();
    let mut room = match large_room(60, 250, 4000, 30) {
        Ok(room) => room,
        Err(e) => {
            eprintln!("room: {e}");
            std::process::exit(1);
        }
    };
    let record = room.animator.record();
    println!(
        "five-year group built in {:.0} ms: {} members, {} sessions, {} help, {} changes; 30 phones",
        clock() - build,
        record.members.len(),
        record.sessions.len(),
        record.help.len(),
        room.animator.len()
    );
    match exchange_figures(&mut room, &clock) {
        Ok(figures) => {
            for f in figures {
                println!("{:<52} {:>10.1} {}", f.label, f.value, f.unit);
            }
        }
        Err(e) => {
            eprintln!("exchange: {e}");
            std::process::exit(1);
        }
    }
}
