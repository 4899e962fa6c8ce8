//! Benchmark (prints figures): a five-year group's record on the animator's phone, and a
//! room of phones handing over their session and receiving the hand-back, twice over
//! (see `core::report::room`). Run with
//! `cargo run --release -p entraide-core --example merge_bench` (`make bench-merge` also
//! runs it in WebAssembly).
#![allow(clippy::print_stdout)]

use std::time::Instant;

use entraide_core::report::room::{exchange_figures, large_room};

/// The rooms measured: a realistic five-year group, and the size the record's budget is set
/// for (500 members, 250 sessions, 20,000 help records, 50 phones in the room).
const ROOMS: [(usize, usize, usize, usize); 2] = [(60, 250, 4000, 30), (500, 250, 20_000, 50)];

fn main() {
    for (members, sessions, help, phones) in ROOMS {
        run(members, sessions, help, phones);
    }
}

fn run(members: usize, sessions: usize, help: usize, phones: usize) {
    let started = Instant::now();
    let clock = move || started.elapsed().as_secs_f64() * 1000.0;
    let build = clock();
    let mut room = match large_room(members, sessions, help, phones) {
        Ok(room) => room,
        Err(e) => {
            eprintln!("room: {e}");
            std::process::exit(1);
        }
    };
    let record = room.animator.record();
    println!(
        "\nfive-year group built in {:.0} ms: {} members, {} sessions, {} help, {} tips, {} changes; {phones} phones",
        clock() - build,
        record.members.len(),
        record.sessions.len(),
        record.help.len(),
        record.tips.len(),
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
