//! The mlcheck binary: parse the command line, run, exit with a documented code.

use clap::Parser;

use mlcheck::cli::Cli;
use mlcheck::exit_codes::ExitCode;
use mlcheck::lang::Lang;

fn main() {
    mlcheck::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => mlcheck::cli::exit_with(err),
    };
    // Errors speak the language asked for, else the locale's.
    let locale = Lang::from_locale(|name| std::env::var(name).ok());
    mlcheck::lang::set_interface(cli.bank_args().lang.unwrap_or(locale));
    match mlcheck::run(cli, locale) {
        Ok(()) => ExitCode::Success.exit(),
        Err(err) => {
            // In the quiz's language once the bank has settled it.
            err.report(mlcheck::lang::interface());
            err.exit_code().exit()
        }
    }
}
