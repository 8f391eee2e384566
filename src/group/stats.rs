//! The statistics `compare` needs: the exact two-sided sign test, and what its p-value may
//! honestly be said to mean. Pure arithmetic, no I/O.

/// The smallest number of movers for which a sign test can reach p < 0.05: with 5 movers all
/// going one way, p = 2 / 2⁵ = 0.0625; with 6, p = 2 / 2⁶ = 0.03125.
pub const MIN_MOVERS: u64 = 6;

/// The level below which a p-value is called "unlikely to be chance".
pub const LEVEL: f64 = 0.05;

/// Up to this many movers the sum is counted exactly in integers: C(n, i) × (n - i + 1) stays
/// below 2¹²⁸ (C(120, 60) × 61 < 2¹²³).
const EXACT_UP_TO: u64 = 120;

/// The exact two-sided sign test of `up` movers one way against `down` the other, those who
/// stayed left out: with `n = up + down` and `k = min(up, down)`,
/// `p = min(1, 2 × Σ_{i=0..k} C(n, i) / 2ⁿ)`, and `p = 1` when nobody moved.
pub fn sign_test(up: u64, down: u64) -> f64 {
    let n = up + down;
    let k = up.min(down);
    if n == 0 || 2 * k == n {
        // Nobody moved, or as many each way: the tail holds at least half, doubled at least 1.
        return 1.0;
    }
    let p = if n <= EXACT_UP_TO { 2.0 * exact_tail(n, k) } else { 2.0 * tail_from_logs(n, k) };
    p.min(1.0)
}

/// Σ_{i=0..k} C(n, i) / 2ⁿ, summed in integers and divided once, for `n <= EXACT_UP_TO`.
fn exact_tail(n: u64, k: u64) -> f64 {
    let mut c: u128 = 1; // C(n, 0)
    let mut sum: u128 = 1;
    for i in 1..=k {
        // C(n, i) = C(n, i - 1) × (n - i + 1) / i, exact at every step.
        c = c * u128::from(n - i + 1) / u128::from(i);
        sum += c;
    }
    // 2ⁿ is exact in f64; the quotient is rounded once.
    sum as f64 / 2f64.powi(n as i32)
}

/// The same tail for any `n`, without overflow or underflow: the largest term, C(n, k) / 2ⁿ,
/// in logarithms, times the sum of the terms relative to it, which shrink by i / (n - i + 1)
/// each step down (k < n / 2, so they shrink at least a little, and the sum converges).
fn tail_from_logs(n: u64, k: u64) -> f64 {
    let ln_top: f64 =
        (1..=k).map(|j| ((n - k + j) as f64 / j as f64).ln()).sum::<f64>() - n as f64 * std::f64::consts::LN_2;
    let (mut term, mut relative) = (1.0f64, 1.0f64);
    for i in (1..=k).rev() {
        term *= i as f64 / (n - i + 1) as f64;
        relative += term;
        if term < relative * 1e-18 {
            break;
        }
    }
    (ln_top + relative.ln()).exp()
}

/// What a sign test's result may be said to mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Nobody moved either way.
    NobodyMoved,
    /// Fewer than [`MIN_MOVERS`] moved: no split of so few could reach the 5% level, so the
    /// test can't tell chance from a real change, whatever the split.
    TooFew,
    /// p ≥ 0.05: the split could easily be chance.
    Chance,
    /// p < 0.05 with at least [`MIN_MOVERS`] movers: unlikely to be chance at the 5% level.
    Unlikely,
}

impl Reading {
    /// Reads a test of `movers` people with p-value `p`.
    pub fn of(movers: u64, p: f64) -> Reading {
        if movers == 0 {
            Reading::NobodyMoved
        } else if movers < MIN_MOVERS {
            Reading::TooFew
        } else if p < LEVEL {
            Reading::Unlikely
        } else {
            Reading::Chance
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1e-300)
    }

    #[test]
    fn hand_worked_values() {
        // 9 toward one side, 1 toward the other: 2 × (1 + 10) / 1024 = 22 / 1024.
        assert_eq!(sign_test(1, 9), 0.021484375);
        assert_eq!(sign_test(9, 1), 0.021484375);
        // 10 of 10: 2 / 1024.
        assert_eq!(sign_test(10, 0), 0.001953125);
        // 6 of 6, the fewest movers that can reach 5%: 2 / 64.
        assert_eq!(sign_test(0, 6), 0.03125);
        // 5 of 5 can't: 2 / 32.
        assert_eq!(sign_test(5, 0), 0.0625);
        // 8 against 2: 2 × (1 + 10 + 45) / 1024 = 112 / 1024.
        assert_eq!(sign_test(8, 2), 0.109375);
        // 7 against 3: 2 × (1 + 10 + 45 + 120) / 1024 = 352 / 1024.
        assert_eq!(sign_test(3, 7), 0.34375);
        // 15 against 5: 2 × Σ_{i≤5} C(20, i) / 2²⁰ = 2 × 21700 / 1048576.
        assert_eq!(sign_test(15, 5), 43400.0 / 1048576.0);
    }

    #[test]
    fn nobody_one_and_ties() {
        assert_eq!(sign_test(0, 0), 1.0);
        // One mover: 2 × 1 / 2 = 1.
        assert_eq!(sign_test(1, 0), 1.0);
        assert_eq!(sign_test(0, 1), 1.0);
        // Two the same way: 2 × 1 / 4.
        assert_eq!(sign_test(2, 0), 0.5);
        for k in [1, 2, 50, 1000, 100_000] {
            assert_eq!(sign_test(k, k), 1.0, "{k} each way");
        }
        // 2 against 1: 2 × (1 + 3) / 8 = 1.
        assert_eq!(sign_test(2, 1), 1.0);
    }

    #[test]
    fn large_samples_stay_finite_and_exact() {
        // All of 2000 one way: 2 / 2²⁰⁰⁰ underflows f64 to 0, which is what it is.
        assert_eq!(sign_test(2000, 0), 0.0);
        // 1 against 1100: 2 × (1 + 1101) / 2¹¹⁰¹ = 2204 × 2⁻¹¹⁰¹, far below f64's normal range.
        let p = sign_test(1, 1100);
        assert!((0.0..1e-300).contains(&p), "{p}");
        // 60 000 against 40 000: a z of about 63, a p-value that underflows.
        assert!(sign_test(60_000, 40_000) < 1e-300);
        // Against exact rational arithmetic (Python's integers and fractions):
        for (up, down, expected) in
            [(5010, 4990, 0.8493103266373204), (530, 470, 0.06202319509836318), (1000, 1200, 2.1817026407914712e-05)]
        {
            let p = sign_test(up, down);
            assert!((p - expected).abs() <= 1e-10 * expected, "{up} against {down}: {p} vs {expected}");
        }
    }

    #[test]
    fn the_two_methods_meet() {
        for n in [20u64, 60, 100, 120] {
            for k in 0..n.div_ceil(2) {
                let (a, b) = (exact_tail(n, k), tail_from_logs(n, k));
                assert!(close(a, b), "n={n} k={k}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn readings() {
        assert_eq!(Reading::of(0, 1.0), Reading::NobodyMoved);
        assert_eq!(Reading::of(5, sign_test(5, 0)), Reading::TooFew);
        assert_eq!(Reading::of(6, sign_test(6, 0)), Reading::Unlikely);
        assert_eq!(Reading::of(10, sign_test(9, 1)), Reading::Unlikely);
        assert_eq!(Reading::of(10, sign_test(8, 2)), Reading::Chance);
    }

    /// No split of fewer than MIN_MOVERS reaches the level, so TooFew hides nothing.
    #[test]
    fn too_few_never_hides_a_small_p() {
        for n in 1..MIN_MOVERS {
            for up in 0..=n {
                assert!(sign_test(up, n - up) >= LEVEL, "{up} of {n}");
            }
        }
    }

    proptest! {
        #[test]
        fn symmetric_and_a_probability(up in 0u64..3000, down in 0u64..3000) {
            let p = sign_test(up, down);
            prop_assert!((0.0..=1.0).contains(&p));
            prop_assert_eq!(p, sign_test(down, up));
        }

        /// A more lopsided split of the same movers is never less surprising.
        #[test]
        fn monotone_in_the_split(n in 1u64..400, k in 0u64..200) {
            let k = k.min(n / 2);
            if k > 0 {
                prop_assert!(sign_test(k - 1, n - k + 1) <= sign_test(k, n - k));
            }
        }

        /// Against the tail computed from scratch with Pascal's triangle in f64 (exact
        /// below 2⁵³, so for n up to 50).
        #[test]
        fn matches_pascal(n in 1u64..=50, k in 0u64..=25) {
            let k = k.min(n);
            let mut row = vec![1f64];
            for _ in 0..n {
                let mut next = vec![1f64; row.len() + 1];
                for i in 1..row.len() {
                    next[i] = row[i - 1] + row[i];
                }
                row = next;
            }
            let small = k.min(n - k) as usize;
            let tail: f64 = row[..=small].iter().sum();
            let expected = (2.0 * tail / 2f64.powi(n as i32)).min(1.0);
            prop_assert!(close(sign_test(k, n - k), expected));
        }
    }
}
