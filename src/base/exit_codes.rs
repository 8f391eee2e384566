//! The process exit codes mlcheck documents, in one place (README: "Exit codes").

/// How a run of mlcheck ended, as the shell sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// The command did what was asked.
    Success,
    /// Anything not covered below, such as a failed write to stdout.
    GeneralError,
    /// The command line itself is wrong (clap uses the same code).
    Usage,
    /// Bad data: an invalid answers file or question bank (sysexits EX_DATAERR).
    DataError,
    /// An input file could not be opened or read (sysexits EX_NOINPUT).
    NoInput,
    /// The user pressed Ctrl-C (128 + SIGINT).
    Cancelled,
}

impl ExitCode {
    /// The numeric status handed to the operating system.
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::GeneralError => 1,
            ExitCode::Usage => 2,
            ExitCode::DataError => 65,
            ExitCode::NoInput => 66,
            ExitCode::Cancelled => 130,
        }
    }

    /// Ends the process with this code.
    pub fn exit(self) -> ! {
        std::process::exit(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::ExitCode;

    #[test]
    fn codes_match_the_readme() {
        assert_eq!(ExitCode::Success.code(), 0);
        assert_eq!(ExitCode::GeneralError.code(), 1);
        assert_eq!(ExitCode::Usage.code(), 2);
        assert_eq!(ExitCode::DataError.code(), 65);
        assert_eq!(ExitCode::NoInput.code(), 66);
        assert_eq!(ExitCode::Cancelled.code(), 130);
    }
}
