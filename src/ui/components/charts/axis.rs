//! The arithmetic of chart axes and labels: plain functions, tested natively.

/// The width of every chart's coordinate system; the SVG scales it to its container.
pub(super) const WIDTH: f64 = 400.0;

/// A coordinate or a length for an SVG attribute, to a tenth.
pub(super) fn num(v: f64) -> String {
    // Written through whole tenths, not float formatting (which would add its tables to the
    // wasm): 12.345 is "12.3", 3.0 is "3".
    let tenths = (v * 10.0).round() as i64;
    let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
    let sign = if tenths < 0 && whole == 0 { "-" } else { "" };
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// The top of a count axis: at least 4, and a round number (even below 10, then tens,
/// hundreds, …) so that its half is a whole number too. Total over every count: worked in
/// u64, where ten times any u32 fits, so the search for the step always ends.
pub(super) fn axis_max(max: u32) -> u64 {
    let max = u64::from(max.max(4));
    if max < 10 {
        max + max % 2
    } else {
        let mut step: u64 = 10;
        while max > step * 10 {
            step *= 10;
        }
        max.div_ceil(step) * step
    }
}

/// Where a label under slot `i` of `n` (each `slot` wide, from `left`) goes: centred under it,
/// except that the first starts at its slot's left edge and the last ends at its right edge, so
/// that no label runs past the chart's sides.
pub(super) fn tick_position(i: usize, n: usize, left: f64, slot: f64) -> (f64, &'static str) {
    if n > 1 && i == 0 {
        (left, "start")
    } else if n > 1 && i + 1 == n {
        (left + slot * n as f64, "end")
    } else {
        (left + slot * (i as f64 + 0.5), "middle")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_axes_end_on_round_numbers_with_whole_halves() {
        assert_eq!(axis_max(0), 4);
        assert_eq!(axis_max(5), 6);
        assert_eq!(axis_max(8), 8);
        assert_eq!(axis_max(10), 10);
        assert_eq!(axis_max(11), 20);
        assert_eq!(axis_max(95), 100);
        assert_eq!(axis_max(101), 200);
        assert_eq!(axis_max(1234), 2000);
    }

    #[test]
    fn the_largest_counts_get_an_axis_without_overflow() {
        // A daily total of u32::MAX once froze the Progress page in this loop.
        assert_eq!(axis_max(u32::MAX), 5_000_000_000);
        assert_eq!(axis_max(1_000_000_001), 2_000_000_000);
    }

    #[test]
    fn end_labels_stay_inside_the_chart() {
        assert_eq!(tick_position(0, 10, 30.0, 10.0), (30.0, "start"));
        assert_eq!(tick_position(4, 10, 30.0, 10.0), (75.0, "middle"));
        assert_eq!(tick_position(9, 10, 30.0, 10.0), (130.0, "end"));
        assert_eq!(tick_position(0, 1, 30.0, 10.0), (35.0, "middle"));
    }

    #[test]
    fn coordinates_are_written_to_a_tenth() {
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-0.25), "-0.3");
        assert_eq!(num(-12.34), "-12.3");
        assert_eq!(num(400.0), "400");
    }
}
