//! The mlcheck binary: parse the command line, run, exit with a documented code.

use clap::Parser;

use mlcheck::base::exit_codes::ExitCode;
use mlcheck::base::lang::Lang;
use mlcheck::cli::Cli;

fn main() {
    mlcheck::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => mlcheck::cli::exit_with(err),
    };
    let locale = Lang::from_locale(|name| std::env::var(name).ok());
    match mlcheck::run(cli, locale) {
        Ok(()) => ExitCode::Success.exit(),
        Err(err) => {
            // In the language `run` settled on: asked for, else the locale's, else the bank's.
            err.report(mlcheck::base::lang::interface());
            err.exit_code().exit()
        }
    }
}
