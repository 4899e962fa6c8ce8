//! JSON command line: reads a matching request on stdin, writes the groups on stdout.
//! Bad input: the message (naming the field) on stderr and exit code 2.

use std::io::{Read, Write};
use std::process::ExitCode;

use entraide_core::matching::json;

fn main() -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    match json::run(&input) {
        Ok(out) => {
            if std::io::stdout().write_all(out.as_bytes()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
