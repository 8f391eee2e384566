//! The mlcheck binary: parse the command line, run, exit with a documented code.

use clap::Parser;

use mlcheck::cli::Cli;
use mlcheck::exit_codes::ExitCode;

fn main() {
    mlcheck::install_panic_hook();
    let cli = Cli::parse();
    match mlcheck::run(cli) {
        Ok(()) => ExitCode::Success.exit(),
        Err(err) => {
            err.report();
            err.exit_code().exit()
        }
    }
}
