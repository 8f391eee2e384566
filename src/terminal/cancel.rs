//! Ctrl-C during the interactive quiz. console turns the Ctrl-C key into SIGINT against
//! its own process and the prompt then fails with `Interrupted`, so both the signal
//! handler and the prompt's error path arrive here; exactly one of them restores the
//! terminal, prints "cancelled" (in the quiz's language) and exits with 130. The other
//! waits for the exit.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::base::exit_codes::ExitCode;
use crate::base::{lang, messages};

static CANCELLING: AtomicBool = AtomicBool::new(false);
/// Set when the terminal can't take escape sequences (TERM=dumb): the cursor was never hidden.
static PLAIN: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
static SAVED_TERMIOS: OnceLock<libc::termios> = OnceLock::new();

/// Remembers the terminal's settings and installs the SIGINT handler. Call once, before
/// the first prompt; `plain` is true on a terminal that takes no escape sequences.
pub fn install(plain: bool) {
    PLAIN.store(plain, Ordering::SeqCst);
    #[cfg(unix)]
    {
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr writes a termios into the pointer on success, which we check.
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, termios.as_mut_ptr()) } == 0 {
            let _ = SAVED_TERMIOS.set(unsafe { termios.assume_init() });
        }
    }
    // A second installation attempt fails harmlessly; the first handler stays.
    let _ = ctrlc::set_handler(|| cancel());
}

/// Restores the terminal (cooked mode, cursor shown), says "cancelled" on stderr in the
/// quiz's language and exits with 130. Safe to call from several threads: only the first
/// one acts.
pub fn cancel() -> ! {
    if CANCELLING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    #[cfg(unix)]
    if let Some(termios) = SAVED_TERMIOS.get() {
        // SAFETY: restoring settings read from the same descriptor by tcgetattr.
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, termios);
        }
    }
    let term = console::Term::stderr();
    if term.is_term() && !PLAIN.load(Ordering::SeqCst) {
        let _ = term.show_cursor();
    }
    let mut stderr = std::io::stderr();
    let _ = writeln!(stderr, "\n{}", messages::get(lang::interface()).cancelled);
    let _ = stderr.flush();
    ExitCode::Cancelled.exit()
}
