//! The mlcheck binary: parse the command line, run, exit with a documented code.

use clap::Parser;

use mlcheck::cli::Cli;
use mlcheck::exit_codes::ExitCode;

fn main() {
    mlcheck::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => mlcheck::cli::exit_with(err),
    };
    match mlcheck::run(cli) {
        Ok(()) => ExitCode::Success.exit(),
        Err(err) => {
            err.report();
            err.exit_code().exit()
        }
    }
}
