//! `synergies`: the command line (and, later, the desktop app).

use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must never end in a bare panic (exit 101) on a facilitator's data: say so
    // plainly and exit with the ordinary error status.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal error, please report it: {info}");
        std::process::exit(1);
    }));
    let status = synergies::cli::run(
        std::env::args_os(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(u8::try_from(status).unwrap_or(1))
}
