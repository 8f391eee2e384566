//! Which of the rows the quiz wrote are still on the screen, so that going back erases only
//! those: a terminal can't move the cursor into rows that scrolled away, and erasing "up"
//! past the top row erases the wrong rows (it stops at the top and leaves half a report).
//!
//! The terminal is modelled by the cursor's row and a count of the erasable rows (the
//! reports of answered questions) directly above it. Where the cursor started is unknown,
//! so the model starts it on the bottom row. That is exact for what matters here: a row can
//! only scroll away when the cursor is on the bottom row, and from the first time the real
//! cursor gets there, model and terminal take the same steps from the same row; before
//! that, nothing scrolled away in either (the model's rows sit lower, never higher).

/// The model of the screen below the quiz's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Onscreen {
    /// Rows of the screen.
    height: usize,
    /// The cursor's row, 0 at the top.
    cursor: usize,
    /// Erasable rows right above the cursor that are still on the screen.
    kept: usize,
}

impl Onscreen {
    /// A screen `height` rows tall, the cursor assumed on its bottom row.
    pub fn new(height: usize) -> Onscreen {
        let height = height.max(1);
        Onscreen { height, cursor: height - 1, kept: 0 }
    }

    /// The terminal was resized to `height` rows. A terminal that shrinks keeps the rows
    /// around the cursor, so the count of kept rows is only ever lowered to fit.
    pub fn resize(&mut self, height: usize) {
        self.height = height.max(1);
        self.cursor = self.cursor.min(self.height - 1);
        self.kept = self.kept.min(self.cursor);
    }

    /// `rows` rows were written that are not erased later (the title, the intro).
    pub fn wrote_fixed(&mut self, rows: usize) {
        for _ in 0..rows {
            self.cursor = (self.cursor + 1).min(self.height - 1);
            self.kept = self.kept.min(self.cursor);
        }
    }

    /// `rows` erasable rows were written (a report of an answer).
    pub fn wrote_kept(&mut self, rows: usize) {
        for _ in 0..rows {
            self.cursor = (self.cursor + 1).min(self.height - 1);
            self.kept = (self.kept + 1).min(self.cursor);
        }
    }

    /// `rows` rows were drawn below the cursor and erased again (a prompt): those that did
    /// not fit below it scrolled the screen up, and rows at the top went with them.
    pub fn drew_and_erased(&mut self, rows: usize) {
        let scrolled = (self.cursor + rows).saturating_sub(self.height - 1);
        self.cursor = self.cursor.saturating_sub(scrolled);
        self.kept = self.kept.min(self.cursor);
    }

    /// How many of the last `rows` erasable rows are still on the screen, and forgets them:
    /// the caller erases that many rows above the cursor, and no more.
    pub fn erase_kept(&mut self, rows: usize) -> usize {
        let visible = rows.min(self.kept);
        self.kept -= visible;
        self.cursor -= visible;
        visible
    }
}

#[cfg(test)]
mod tests {
    use super::Onscreen;

    #[test]
    fn rows_that_fit_stay_erasable() {
        let mut s = Onscreen::new(30);
        s.wrote_fixed(5);
        s.wrote_kept(3);
        s.wrote_kept(4);
        s.drew_and_erased(8);
        assert_eq!(s.erase_kept(4), 4);
        assert_eq!(s.erase_kept(3), 3);
        assert_eq!(s.erase_kept(3), 0, "the title is not erasable");
    }

    #[test]
    fn a_prompt_that_scrolls_the_screen_takes_the_top_rows_with_it() {
        // 10 rows: 6 report rows above the cursor on the bottom row; a 5-row prompt scrolls
        // the screen by 5 and its erasure brings the cursor up to row 4: 4 report rows left.
        let mut s = Onscreen::new(10);
        s.wrote_kept(6);
        s.drew_and_erased(5);
        assert_eq!(s.erase_kept(6), 4);
        assert_eq!(s.erase_kept(1), 0);
    }

    #[test]
    fn long_reports_keep_only_the_rows_above_the_cursor() {
        let mut s = Onscreen::new(10);
        s.wrote_kept(25);
        assert_eq!(s.erase_kept(30), 9);
    }

    #[test]
    fn erased_rows_free_room_that_later_rows_reuse() {
        let mut s = Onscreen::new(10);
        s.wrote_kept(9);
        assert_eq!(s.erase_kept(3), 3);
        s.wrote_kept(2);
        assert_eq!(s.erase_kept(100), 8);
    }

    #[test]
    fn a_smaller_window_keeps_fewer_rows() {
        let mut s = Onscreen::new(30);
        s.wrote_kept(20);
        s.resize(10);
        assert_eq!(s.erase_kept(20), 9);
    }
}
