//! Small-cell suppression: which counts of a public release may be shown, so that nobody can
//! be singled out from an open-data table.
//!
//! A public release publishes counts as tables (rows × columns, with row totals, column totals
//! and a grand total) and as lists (categories with a total). A small count can point at a
//! person ("the two Tajik women assisted in Sozak this year"), so:
//! - every count from 1 to the threshold − 1 is hidden for itself (*primary* suppression),
//!   totals included;
//! - enough other counts are hidden with it (*complementary* suppression) that no hidden count
//!   can be worked out exactly from what is shown.
//!
//! Owns that rule and the argument that it holds. Must not do I/O, format files or know where
//! the counts come from: it takes counts and returns what may be shown. The CSV writer prints
//! hidden counts as [`SUPPRESSED_MARK`], and the README of the open-data package explains it.
//!
//! # What a reader knows
//!
//! Think of a table with its totals as one grid of (rows + 1) × (columns + 1) values: the last
//! column holds the row totals, the last row the column totals, the corner the grand total.
//! A reader sees every shown value and knows that each row of the grid adds up to its last
//! value and each column to its last value. Zeros are always shown (below), so the reader
//! also knows that **every hidden value is at least 1**. A hidden value is safe when some
//! other filling of the hidden values, agreeing with all of that, gives it a different value.
//!
//! # Why hidden values must lie on cycles
//!
//! Hiding two values per row and column is the usual rule, and it is not enough. Take hidden
//! cells forming two separate rectangles joined by one more hidden cell: every line has two
//! hidden values, yet adding up the row totals of the first rectangle's rows and subtracting
//! its column totals leaves exactly the joining cell (a test below does it).
//!
//! What works is a *cycle*: hidden values visited by moving alternately along a row and along
//! a column until back at the start, never using a value twice. Move 1 around it: each row and
//! each column of the cycle holds two of its values, and the move changes them so that the
//! line still adds up (one goes up and the other down when both are counts, or both move
//! together when one of them is the line's total). The result agrees with everything shown,
//! so it is another filling the reader cannot rule out, as long as no value the move lowers
//! drops below 1. Each value on the cycle changed, so none of them can be known exactly.
//! Conversely, a hidden value on no cycle of hidden values can always be solved for, as in
//! the example above.
//!
//! So the rule this module keeps is: **every hidden value lies on a cycle of hidden values
//! along which one of the two moves (+1 first, or −1 first) lowers no value that is 1.** A
//! cycle passes each of its lines twice, so every row and column then has either no hidden
//! value or at least two.
//!
//! # How the cells to hide are chosen
//!
//! For each primary cell in reading order, the cheapest cycle through it is searched, where
//! "cost" is the sum of the counts it would newly hide: cells already hidden are free, small
//! counts are cheap (hiding them loses little), zeros are never used. If the cheapest cost is
//! zero the cell is already safe. Otherwise the cycle's cells are hidden. A cycle always
//! exists: a count, its row total, the grand total and its column total form one, and a move
//! raising the count raises the three totals with it and lowers nothing (a hidden total makes
//! the same cycle with a non-zero count under it). The cells hidden for
//! a cycle are safe by that same cycle, and hiding more never spoils a move that already
//! worked, so one pass leaves every hidden value safe. Ties are broken by position (earlier
//! rows and columns first), so the same table always gives the same pattern.
//!
//! The pattern is safe, not minimal: the fewest complementary cells is an integer programme,
//! and on the tables of an annual report a few more hidden cells are a fair price.
//!
//! # Zeros
//!
//! Zeros are always shown and never hidden, not even as complementary cells. A zero says that
//! nobody is there; it cannot point at a person, and hiding zeros would also hide structural
//! zeros that readers need. The cost is the knowledge above (a hidden value is at least 1),
//! which the rule takes into account: a move never brings a hidden value to 0. A zero also
//! takes part in the sums like any shown count, which the cycle rule already covers.
//!
//! # What this does not protect against
//!
//! A reader can still bound a hidden value (each is at least 1, and a shown total caps it).
//! A row whose whole total sits in one column says that everyone in that row shares that
//! column's attribute. Comparing two releases that overlap can reveal what each one hides.
//! Those are for whoever designs a release: the categories it crosses and the periods it
//! covers.

use std::fmt;

/// The threshold of a public release unless the organisation sets another: CTDC answers no
/// query under 10.
pub const DEFAULT_THRESHOLD: u64 = 10;

/// What a CSV shows instead of a hidden count. One mark for every hidden value: "<10" would
/// be false for complementary cells (they are often large), and telling primary cells from
/// complementary ones would tell the reader which values are small.
pub const SUPPRESSED_MARK: &str = "x";

/// A table of counts as it will be published: rows × columns, with the row totals, column
/// totals and grand total that the release also publishes (computed from the cells).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CountTable {
    /// Rows of counts; every row has the same length.
    pub cells: Vec<Vec<u64>>,
}

impl CountTable {
    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    pub fn columns(&self) -> usize {
        self.cells.first().map_or(0, Vec::len)
    }

    pub fn row_totals(&self) -> Vec<u64> {
        self.cells.iter().map(|row| row.iter().sum()).collect()
    }

    pub fn column_totals(&self) -> Vec<u64> {
        (0..self.columns()).map(|b| self.cells.iter().map(|row| row[b]).sum()).collect()
    }

    pub fn total(&self) -> u64 {
        self.cells.iter().flatten().sum()
    }
}

/// One value of a public release: the count, or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Published {
    Count(u64),
    Suppressed,
}

impl Published {
    /// The count, when it is shown.
    pub fn count(self) -> Option<u64> {
        match self {
            Self::Count(count) => Some(count),
            Self::Suppressed => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        self == Self::Suppressed
    }
}

/// The text of a CSV field: the count, or [`SUPPRESSED_MARK`].
impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(count) => fmt::Display::fmt(count, f),
            Self::Suppressed => f.pad(SUPPRESSED_MARK),
        }
    }
}

/// A [`CountTable`] as it may be published.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SuppressedTable {
    pub cells: Vec<Vec<Published>>,
    pub row_totals: Vec<Published>,
    pub column_totals: Vec<Published>,
    pub total: Published,
}

/// Whether a count must be hidden for itself: it counts somebody, but fewer people than the
/// threshold. A threshold of 0 or 1 hides nothing.
fn is_small(count: u64, threshold: u64) -> bool {
    count > 0 && count < threshold
}

/// Hides what must be hidden in `table` and its totals before they are published, so that no
/// shown count is below `threshold` (except zeros, which are shown) and no hidden count can
/// be worked out from the shown ones (see the module documentation for the argument).
///
/// # Panics
///
/// If the rows of `table` differ in length.
pub fn suppress(table: &CountTable, threshold: u64) -> SuppressedTable {
    let columns = table.columns();
    assert!(table.cells.iter().all(|row| row.len() == columns), "a count table's rows must all have the same length");
    let mut grid = Grid::new(table);

    // Primary suppression, on the totals as well as the cells.
    let mut primary = Vec::new();
    for row in 0..grid.values.len() {
        for column in 0..grid.values[row].len() {
            if is_small(grid.values[row][column], threshold) {
                grid.hidden[row][column] = true;
                primary.push((row, column));
            }
        }
    }

    // Complementary suppression. Only primary cells need a search: a cell hidden here lies
    // on the cycle it was hidden for, and later hiding keeps that cycle's move valid.
    for cell in primary {
        for added in grid.cheapest_cycle(cell) {
            grid.hidden[added.0][added.1] = true;
        }
    }
    grid.published()
}

/// [`suppress`] for a list of categories. `total_published` says whether the release shows
/// the list's total; when it does not, the returned total is [`Published::Suppressed`] and
/// only small counts are hidden, since there is no sum to solve.
///
/// With the total shown, the reader knows that the hidden counts add up to the total minus the
/// shown ones, and that each is at least 1. So a single hidden count is exact, and so are
/// hidden counts that are all 1 (they add up to their number). In those cases the smallest
/// shown count (the first among equals; never a zero) is hidden too, or the total when no
/// count is left to hide.
pub fn suppress_list(counts: &[u64], total_published: bool, threshold: u64) -> (Vec<Published>, Published) {
    let total: u64 = counts.iter().sum();
    let mut hidden: Vec<bool> = counts.iter().map(|&count| is_small(count, threshold)).collect();
    // A hidden total removes the only equation, and a hidden total with a hidden count can
    // both rise by 1, so nothing more is needed then.
    let mut total_hidden = !total_published || is_small(total, threshold);
    while !total_hidden && !list_is_safe(counts, &hidden) {
        let smallest_shown = (0..counts.len()).filter(|&k| !hidden[k] && counts[k] > 0).min_by_key(|&k| (counts[k], k));
        match smallest_shown {
            Some(k) => hidden[k] = true,
            None => total_hidden = true,
        }
    }
    let shown = |value: u64, hide: bool| if hide { Published::Suppressed } else { Published::Count(value) };
    let list = counts.iter().zip(&hidden).map(|(&count, &hide)| shown(count, hide)).collect();
    (list, shown(total, total_hidden))
}

/// With the list's total shown: every hidden count can change, because 1 can be moved between
/// two hidden counts without bringing either below 1. That takes at least two hidden counts
/// and at least one of them above 1 (a 1 then gains what a larger one gives up).
fn list_is_safe(counts: &[u64], hidden: &[bool]) -> bool {
    let hidden_counts: Vec<u64> =
        counts.iter().zip(hidden).filter(|(_, hide)| **hide).map(|(&count, _)| count).collect();
    let number = hidden_counts.len() as u64;
    number == 0 || (number >= 2 && hidden_counts.iter().sum::<u64>() > number)
}

/// A position in the grid: (row, column).
type Cell = (usize, usize);

/// A table with its totals as one grid (see the module documentation), and what is hidden.
struct Grid {
    /// (rows + 1) × (columns + 1): row totals in the last column, column totals in the last
    /// row, the grand total in the corner.
    values: Vec<Vec<u64>>,
    hidden: Vec<Vec<bool>>,
}

/// Which way a cycle passes through a value: from its row to its column or back. Consecutive
/// values of a cycle share a row or a column, so the direction alternates along it, and a
/// move gives alternating changes to the values it passes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    RowToColumn,
    ColumnToRow,
}

impl Grid {
    fn new(table: &CountTable) -> Self {
        let mut values: Vec<Vec<u64>> = table
            .cells
            .iter()
            .zip(table.row_totals())
            .map(|(row, total)| row.iter().copied().chain([total]).collect())
            .collect();
        values.push(table.column_totals().into_iter().chain([table.total()]).collect());
        let hidden = values.iter().map(|row| vec![false; row.len()]).collect();
        Self { values, hidden }
    }

    fn last_row(&self) -> usize {
        self.values.len() - 1
    }

    fn last_column(&self) -> usize {
        self.values[0].len() - 1
    }

    /// +1 for a cell of the table and for the grand total, −1 for a row or column total.
    /// Every line of the grid then adds up to zero when its values are weighted by their
    /// sign: a total stands on the other side of its line's equation from the counts.
    fn sign(&self, (row, column): Cell) -> i64 {
        if (row == self.last_row()) == (column == self.last_column()) { 1 } else { -1 }
    }

    /// How a move changes `cell` when the cycle passes it by `step`: `direction` (+1 or −1)
    /// picks one of the two moves around the cycle. Two values of a cycle in the same line
    /// are passed by different steps, so their weighted changes cancel and the line still
    /// adds up.
    fn change(&self, cell: Cell, step: Step, direction: i64) -> i64 {
        let along = if step == Step::RowToColumn { 1 } else { -1 };
        direction * along * self.sign(cell)
    }

    /// What it costs to use `cell` in a cycle passed by `step` under `direction`: nothing if
    /// it is hidden, its count if it would be newly hidden; `None` if it cannot be used,
    /// because it is a zero (never hidden) or because the move would bring it below 1.
    fn step_cost(&self, cell: Cell, step: Step, direction: i64) -> Option<u64> {
        let value = self.values[cell.0][cell.1];
        if self.change(cell, step, direction) < 0 && value < 2 {
            return None;
        }
        if self.hidden[cell.0][cell.1] {
            Some(0)
        } else if value > 0 {
            Some(value)
        } else {
            None
        }
    }

    /// The shown cells to hide so that the hidden `cell` lies on a cycle with a valid move;
    /// empty when it already does. The cheaper of the two moves wins, the +1 move on a tie.
    fn cheapest_cycle(&self, cell: Cell) -> Vec<Cell> {
        let mut best: Option<(u64, Vec<Cell>)> = None;
        for direction in [1, -1] {
            // The cycle leaves the cell's row towards its column; the move must not bring
            // the cell itself below 1 either.
            if self.step_cost(cell, Step::RowToColumn, direction).is_none() {
                continue;
            }
            if let Some((cost, path)) = self.cheapest_path_back(cell, direction)
                && best.as_ref().is_none_or(|(best_cost, _)| cost < *best_cost)
            {
                best = Some((cost, path));
            }
        }
        // The search always finds a cycle, because one whose move only raises values always
        // exists: a count, its row total, the grand total and its column total. A hidden total
        // is at least 1, so it has a non-zero count under it to make that cycle with.
        let (_, path) = best.expect("a cycle through the totals always exists");
        path.into_iter().filter(|&(row, column)| !self.hidden[row][column]).collect()
    }

    /// The cheapest way from `cell`'s column back to its row without using `cell`, each step
    /// allowed by [`Self::step_cost`], and its cost. Dijkstra's search over the lines of the
    /// grid as nodes (rows first, then columns), the cells joining them as edges. The nearest
    /// node is settled first, the lowest index among equals, and a route is replaced only by
    /// a strictly cheaper one: that is the tie-break by position.
    fn cheapest_path_back(&self, cell: Cell, direction: i64) -> Option<(u64, Vec<Cell>)> {
        let rows = self.values.len();
        let columns = self.values[0].len();
        let (start, goal) = (rows + cell.1, cell.0);
        let mut cost: Vec<Option<u64>> = vec![None; rows + columns];
        let mut reached_by: Vec<Option<(usize, Cell)>> = vec![None; rows + columns];
        let mut settled = vec![false; rows + columns];
        cost[start] = Some(0);
        while let Some(node) =
            (0..rows + columns).filter(|&n| !settled[n] && cost[n].is_some()).min_by_key(|&n| (cost[n], n))
        {
            if node == goal {
                break;
            }
            settled[node] = true;
            let here = cost[node].unwrap_or(0);
            let (step, edges): (Step, Vec<(Cell, usize)>) = if node < rows {
                (Step::RowToColumn, (0..columns).map(|column| ((node, column), rows + column)).collect())
            } else {
                (Step::ColumnToRow, (0..rows).map(|row| ((row, node - rows), row)).collect())
            };
            for (via, next) in edges {
                if via == cell || settled[next] {
                    continue;
                }
                let Some(step_cost) = self.step_cost(via, step, direction) else {
                    continue;
                };
                let there = here + step_cost;
                if cost[next].is_none_or(|known| there < known) {
                    cost[next] = Some(there);
                    reached_by[next] = Some((node, via));
                }
            }
        }
        let total_cost = cost[goal]?;
        let mut path = Vec::new();
        let mut node = goal;
        while let Some((previous, via)) = reached_by[node] {
            path.push(via);
            node = previous;
        }
        Some((total_cost, path))
    }

    fn published(&self) -> SuppressedTable {
        let (last_row, last_column) = (self.last_row(), self.last_column());
        let at = |row: usize, column: usize| {
            if self.hidden[row][column] { Published::Suppressed } else { Published::Count(self.values[row][column]) }
        };
        SuppressedTable {
            cells: (0..last_row).map(|row| (0..last_column).map(|column| at(row, column)).collect()).collect(),
            row_totals: (0..last_row).map(|row| at(row, last_column)).collect(),
            column_totals: (0..last_column).map(|column| at(last_row, column)).collect(),
            total: at(last_row, last_column),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Published::{Count, Suppressed};
    use super::*;
    use proptest::prelude::*;
    use std::collections::VecDeque;

    fn table(cells: &[&[u64]]) -> CountTable {
        CountTable { cells: cells.iter().map(|row| row.to_vec()).collect() }
    }

    /// The true grid: the table with its totals in the last column and row.
    fn truth(table: &CountTable) -> Vec<Vec<u64>> {
        let mut grid: Vec<Vec<u64>> = table
            .cells
            .iter()
            .zip(table.row_totals())
            .map(|(row, total)| row.iter().copied().chain([total]).collect())
            .collect();
        grid.push(table.column_totals().into_iter().chain([table.total()]).collect());
        grid
    }

    /// The grid as a reader sees it.
    fn seen(published: &SuppressedTable) -> Vec<Vec<Published>> {
        let mut grid: Vec<Vec<Published>> = published
            .cells
            .iter()
            .zip(&published.row_totals)
            .map(|(row, total)| row.iter().copied().chain([*total]).collect())
            .collect();
        grid.push(published.column_totals.iter().copied().chain([published.total]).collect());
        grid
    }

    fn hidden_cells(seen: &[Vec<Published>]) -> Vec<Cell> {
        let mut cells = Vec::new();
        for (row, values) in seen.iter().enumerate() {
            for (column, value) in values.iter().enumerate() {
                if value.is_suppressed() {
                    cells.push((row, column));
                }
            }
        }
        cells
    }

    /// Whether a reader could not rule `filling` out: it shows what is shown, has no hidden
    /// value below 1 (zeros are always shown), and its rows and columns add up to their totals.
    fn fits(seen: &[Vec<Published>], filling: &[Vec<i64>]) -> bool {
        let (last_row, last_column) = (seen.len() - 1, seen[0].len() - 1);
        let agrees = seen.iter().flatten().zip(filling.iter().flatten()).all(|(shown, &value)| match shown {
            Count(count) => value == *count as i64,
            Suppressed => value >= 1,
        });
        let rows_add_up = filling.iter().all(|row| row[..last_column].iter().sum::<i64>() == row[last_column]);
        let columns_add_up = (0..=last_column)
            .all(|column| (0..last_row).map(|row| filling[row][column]).sum::<i64>() == filling[last_row][column]);
        agrees && rows_add_up && columns_add_up
    }

    /// A filling the reader cannot rule out that gives `cell` another value, found the way the
    /// module documentation argues: a cycle of hidden values (breadth-first, its own search)
    /// and a move of 1 around it. Whatever the search finds, [`fits`] checks it arithmetically.
    fn another_filling(seen: &[Vec<Published>], truth: &[Vec<u64>], cell: Cell) -> Option<Vec<Vec<i64>>> {
        let (rows, columns) = (seen.len(), seen[0].len());
        let sign = |(row, column): Cell| if (row == rows - 1) == (column == columns - 1) { 1 } else { -1 };
        for direction in [1i64, -1] {
            let change = |via: Cell, from_row: bool| direction * if from_row { 1 } else { -1 } * sign(via);
            let (start, goal) = (rows + cell.1, cell.0);
            let mut reached_by: Vec<Option<(usize, Cell)>> = vec![None; rows + columns];
            let mut visited = vec![false; rows + columns];
            visited[start] = true;
            let mut queue = VecDeque::from([start]);
            while let Some(node) = queue.pop_front() {
                let edges: Vec<(Cell, usize)> = if node < rows {
                    (0..columns).map(|column| ((node, column), rows + column)).collect()
                } else {
                    (0..rows).map(|row| ((row, node - rows), row)).collect()
                };
                for (via, next) in edges {
                    let usable = via != cell
                        && !visited[next]
                        && seen[via.0][via.1].is_suppressed()
                        && truth[via.0][via.1] as i64 + change(via, node < rows) >= 1;
                    if usable {
                        visited[next] = true;
                        reached_by[next] = Some((node, via));
                        queue.push_back(next);
                    }
                }
            }
            if !visited[goal] {
                continue;
            }
            let mut filling: Vec<Vec<i64>> =
                truth.iter().map(|row| row.iter().map(|&value| value as i64).collect()).collect();
            filling[cell.0][cell.1] += change(cell, true);
            let mut node = goal;
            while let Some((previous, via)) = reached_by[node] {
                filling[via.0][via.1] += change(via, previous < rows);
                node = previous;
            }
            if fits(seen, &filling) && filling[cell.0][cell.1] != truth[cell.0][cell.1] as i64 {
                return Some(filling);
            }
        }
        None
    }

    /// A filling of a list the reader cannot rule out that gives `k` another value: 1 more or
    /// less for it, alone or traded with another hidden count.
    fn another_list_filling(seen: &[Published], seen_total: Published, truth: &[u64], k: usize) -> Option<Vec<i64>> {
        let fits = |filling: &[i64]| {
            let agrees = seen.iter().zip(filling).all(|(shown, &value)| match shown {
                Count(count) => value == *count as i64,
                Suppressed => value >= 1,
            });
            agrees && seen_total.count().is_none_or(|total| filling.iter().sum::<i64>() == total as i64)
        };
        let base: Vec<i64> = truth.iter().map(|&value| value as i64).collect();
        for change in [1, -1] {
            let mut alone = base.clone();
            alone[k] += change;
            if fits(&alone) {
                return Some(alone);
            }
            for other in (0..truth.len()).filter(|&m| m != k && seen[m].is_suppressed()) {
                let mut traded = alone.clone();
                traded[other] -= change;
                if fits(&traded) {
                    return Some(traded);
                }
            }
        }
        None
    }

    // ---- Hand-made cases ----

    #[test]
    fn a_two_by_two_with_one_small_cell_hides_its_four_cells_and_no_total() {
        let published = suppress(&table(&[&[3, 20], &[15, 30]]), DEFAULT_THRESHOLD);
        assert_eq!(published.cells, vec![vec![Suppressed; 2]; 2]);
        assert_eq!(published.row_totals, vec![Count(23), Count(45)]);
        assert_eq!(published.column_totals, vec![Count(18), Count(50)]);
        assert_eq!(published.total, Count(68));
    }

    #[test]
    fn everything_at_or_above_the_threshold_is_shown() {
        let cells = table(&[&[10, 25, 40], &[11, 10, 99]]);
        let published = suppress(&cells, DEFAULT_THRESHOLD);
        assert!(hidden_cells(&seen(&published)).is_empty());
        assert_eq!(published.cells[1], vec![Count(11), Count(10), Count(99)]);
        assert_eq!(published.total, Count(195));
    }

    #[test]
    fn zeros_are_shown_and_never_hidden_to_protect_others() {
        let published = suppress(&table(&[&[0, 20], &[15, 0]]), DEFAULT_THRESHOLD);
        assert!(hidden_cells(&seen(&published)).is_empty());

        // The 4 needs partners; the zeros beside it are not used.
        let published = suppress(&table(&[&[4, 0, 30], &[0, 20, 12], &[25, 14, 0]]), DEFAULT_THRESHOLD);
        let grid = seen(&published);
        assert!(grid[0][0].is_suppressed());
        assert_eq!((grid[0][1], grid[1][0], grid[2][2]), (Count(0), Count(0), Count(0)));
    }

    #[test]
    fn small_totals_are_hidden_too() {
        let published = suppress(&table(&[&[3, 2], &[0, 0]]), DEFAULT_THRESHOLD);
        assert_eq!(published.cells, vec![vec![Suppressed, Suppressed], vec![Count(0), Count(0)]]);
        assert_eq!(published.row_totals, vec![Suppressed, Count(0)]);
        assert_eq!(published.column_totals, vec![Suppressed, Suppressed]);
        assert_eq!(published.total, Suppressed);
    }

    #[test]
    fn ties_go_to_the_earlier_position() {
        // Columns 1 and 2 would protect the 3 at the same cost; column 1 comes first.
        let published = suppress(&table(&[&[3, 20, 20], &[20, 20, 20]]), DEFAULT_THRESHOLD);
        assert_eq!(
            published.cells,
            vec![vec![Suppressed, Suppressed, Count(20)], vec![Suppressed, Suppressed, Count(20)]]
        );
    }

    #[test]
    fn one_cell_tables_and_empty_tables() {
        let small = suppress(&table(&[&[5]]), DEFAULT_THRESHOLD);
        assert_eq!(hidden_cells(&seen(&small)).len(), 4);
        assert!(hidden_cells(&seen(&suppress(&table(&[&[50]]), DEFAULT_THRESHOLD))).is_empty());

        let empty = suppress(&CountTable::default(), DEFAULT_THRESHOLD);
        assert!(empty.cells.is_empty() && empty.row_totals.is_empty() && empty.column_totals.is_empty());
        assert_eq!(empty.total, Count(0));
    }

    #[test]
    fn a_threshold_of_one_or_zero_hides_nothing() {
        for threshold in [0, 1] {
            assert!(hidden_cells(&seen(&suppress(&table(&[&[1, 2], &[0, 1]]), threshold))).is_empty());
        }
    }

    #[test]
    fn two_hidden_per_line_is_not_enough() {
        // The small cells make two rectangles joined by the 1 at (1, 2): two or three of them
        // in every line, and every total is large.
        let cells = table(&[&[1, 1, 50, 50], &[1, 1, 1, 50], &[50, 50, 1, 1], &[50, 50, 1, 1]]);
        let values = truth(&cells);
        let small = |row: usize, column: usize| is_small(values[row][column], DEFAULT_THRESHOLD);
        let shown = |row: usize, column: usize| if small(row, column) { 0 } else { values[row][column] };
        for line in 0..5 {
            assert_ne!((0..5).filter(|&k| small(line, k)).count(), 1);
            assert_ne!((0..5).filter(|&k| small(k, line)).count(), 1);
        }

        // With only those hidden, a reader adds the hidden counts of rows 0 and 1 (their totals
        // minus what is shown in them), subtracts those of columns 0 and 1, and gets (1, 2).
        let hidden_in_rows: u64 = (0..2).map(|row| values[row][4] - (0..4).map(|c| shown(row, c)).sum::<u64>()).sum();
        let hidden_in_columns: u64 =
            (0..2).map(|column| values[4][column] - (0..4).map(|r| shown(r, column)).sum::<u64>()).sum();
        assert_eq!(hidden_in_rows - hidden_in_columns, values[1][2]);

        let grid = seen(&suppress(&cells, DEFAULT_THRESHOLD));
        assert!(hidden_cells(&grid).len() > 9);
        for cell in hidden_cells(&grid) {
            assert!(another_filling(&grid, &values, cell).is_some(), "{cell:?} is exact");
        }
    }

    #[test]
    fn hidden_ones_are_not_left_pinned_by_a_shown_total() {
        // Were only the four 1s hidden, a cycle through them would exist, but every move
        // around it lowers two of them to 0. Indeed row 0 would show 52 and 50, so its two
        // hidden counts add up to 2, and since a hidden count is at least 1 both are 1.
        let cells = table(&[&[1, 1, 50], &[1, 1, 50], &[50, 50, 50]]);
        let grid = seen(&suppress(&cells, DEFAULT_THRESHOLD));
        assert!(hidden_cells(&grid).len() > 4);
        for cell in hidden_cells(&grid) {
            assert!(another_filling(&grid, &truth(&cells), cell).is_some(), "{cell:?} is exact");
        }
    }

    #[test]
    fn one_small_category_with_a_shown_total_hides_the_smallest_other_one() {
        let (list, total) = suppress_list(&[40, 3, 25, 12, 12, 0], true, DEFAULT_THRESHOLD);
        assert_eq!(list, vec![Count(40), Suppressed, Count(25), Suppressed, Count(12), Count(0)]);
        assert_eq!(total, Count(92));
    }

    #[test]
    fn a_list_without_its_total_hides_only_small_categories() {
        let (list, total) = suppress_list(&[40, 3, 25], false, DEFAULT_THRESHOLD);
        assert_eq!(list, vec![Count(40), Suppressed, Count(25)]);
        assert_eq!(total, Suppressed);
    }

    #[test]
    fn hidden_ones_adding_up_to_their_number_hide_one_more() {
        let (list, total) = suppress_list(&[1, 50, 1, 30], true, DEFAULT_THRESHOLD);
        assert_eq!(list, vec![Suppressed, Count(50), Suppressed, Suppressed]);
        assert_eq!(total, Count(82));

        // Nothing left to hide but the total.
        let (list, total) = suppress_list(&[1; 12], true, DEFAULT_THRESHOLD);
        assert_eq!(list, vec![Suppressed; 12]);
        assert_eq!(total, Suppressed);
    }

    #[test]
    fn a_small_list_total_is_hidden_with_its_categories() {
        let (list, total) = suppress_list(&[0, 4, 0], true, DEFAULT_THRESHOLD);
        assert_eq!(list, vec![Count(0), Suppressed, Count(0)]);
        assert_eq!(total, Suppressed);
    }

    #[test]
    fn a_list_of_large_counts_is_shown_whole() {
        let (list, total) = suppress_list(&[10, 0, 33], true, DEFAULT_THRESHOLD);
        assert_eq!(list, vec![Count(10), Count(0), Count(33)]);
        assert_eq!(total, Count(43));
    }

    #[test]
    fn csv_text_is_the_count_or_the_mark() {
        assert_eq!(Count(12).to_string(), "12");
        assert_eq!(Count(0).to_string(), "0");
        assert_eq!(Suppressed.to_string(), SUPPRESSED_MARK);
        assert_eq!(format!("{:>3}|{:>3}", Count(7), Suppressed), "  7|  x");
    }

    // ---- Random tables ----

    /// Counts for one table: mixed, all small, all large, or mostly zeros.
    fn counts(kind: u8, threshold: u64) -> BoxedStrategy<u64> {
        match kind {
            0 => (0u64..40).boxed(),
            1 => (0..threshold).boxed(),
            2 => (threshold..threshold + 40).boxed(),
            _ => prop_oneof![3 => Just(0u64), 1 => 0u64..40].boxed(),
        }
    }

    fn tables() -> impl Strategy<Value = (CountTable, u64)> {
        (1usize..6, 1usize..6, 1u64..15, 0u8..4).prop_flat_map(|(rows, columns, threshold, kind)| {
            proptest::collection::vec(proptest::collection::vec(counts(kind, threshold), columns), rows)
                .prop_map(move |cells| (CountTable { cells }, threshold))
        })
    }

    fn lists() -> impl Strategy<Value = (Vec<u64>, bool, u64)> {
        (0usize..8, any::<bool>(), 1u64..15, 0u8..4).prop_flat_map(|(length, total_published, threshold, kind)| {
            proptest::collection::vec(counts(kind, threshold), length)
                .prop_map(move |list| (list, total_published, threshold))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn every_small_count_or_total_is_hidden_and_shown_ones_are_true((cells, threshold) in tables()) {
            let values = truth(&cells);
            let grid = seen(&suppress(&cells, threshold));
            for (shown_row, true_row) in grid.iter().zip(&values) {
                for (&shown, &value) in shown_row.iter().zip(true_row) {
                    if is_small(value, threshold) {
                        prop_assert_eq!(shown, Suppressed);
                    } else {
                        prop_assert!(shown == Count(value) || shown == Suppressed);
                    }
                }
            }
        }

        #[test]
        fn no_line_has_exactly_one_hidden_value((cells, threshold) in tables()) {
            let grid = seen(&suppress(&cells, threshold));
            for row in &grid {
                prop_assert_ne!(row.iter().filter(|value| value.is_suppressed()).count(), 1);
            }
            for column in 0..grid[0].len() {
                prop_assert_ne!(grid.iter().filter(|row| row[column].is_suppressed()).count(), 1);
            }
        }

        #[test]
        fn no_hidden_value_can_be_worked_out((cells, threshold) in tables()) {
            let values = truth(&cells);
            let grid = seen(&suppress(&cells, threshold));
            for cell in hidden_cells(&grid) {
                prop_assert!(another_filling(&grid, &values, cell).is_some(), "{:?} is exact", cell);
            }
        }

        #[test]
        fn shown_counts_are_zero_or_at_least_the_threshold((cells, threshold) in tables()) {
            let values = truth(&cells);
            let grid = seen(&suppress(&cells, threshold));
            for (shown_row, true_row) in grid.iter().zip(&values) {
                for (&shown, &value) in shown_row.iter().zip(true_row) {
                    if let Count(count) = shown {
                        prop_assert!(count == 0 || count >= threshold);
                    }
                    if value == 0 {
                        prop_assert_eq!(shown, Count(0));
                    }
                }
            }
            if !values.iter().flatten().any(|&value| is_small(value, threshold)) {
                prop_assert!(hidden_cells(&grid).is_empty());
            }
        }

        #[test]
        fn the_same_table_gives_the_same_pattern((cells, threshold) in tables()) {
            prop_assert_eq!(suppress(&cells, threshold), suppress(&cells.clone(), threshold));
        }

        #[test]
        fn a_list_hides_its_small_counts_and_shows_true_ones((list, total_published, threshold) in lists()) {
            let (shown, total) = suppress_list(&list, total_published, threshold);
            let true_total: u64 = list.iter().sum();
            for (&shown, &value) in shown.iter().zip(&list) {
                if is_small(value, threshold) {
                    prop_assert_eq!(shown, Suppressed);
                }
                if let Count(count) = shown {
                    prop_assert!(count == value && (count == 0 || count >= threshold));
                }
                if value == 0 {
                    prop_assert_eq!(shown, Count(0));
                }
            }
            if !total_published || is_small(true_total, threshold) {
                prop_assert_eq!(total, Suppressed);
            } else if let Count(count) = total {
                prop_assert_eq!(count, true_total);
            }
            if !list.iter().any(|&value| is_small(value, threshold)) {
                prop_assert!(!shown.iter().any(|value| value.is_suppressed()));
                prop_assert_eq!(total.is_suppressed(), !total_published);
            }
        }

        #[test]
        fn no_hidden_list_count_can_be_worked_out((list, total_published, threshold) in lists()) {
            let (shown, total) = suppress_list(&list, total_published, threshold);
            let hidden: Vec<usize> = (0..list.len()).filter(|&k| shown[k].is_suppressed()).collect();
            if total_published && !total.is_suppressed() {
                prop_assert_ne!(hidden.len(), 1);
            }
            for k in hidden {
                prop_assert!(another_list_filling(&shown, total, &list, k).is_some(), "category {} is exact", k);
            }
        }

        #[test]
        fn the_same_list_gives_the_same_pattern((list, total_published, threshold) in lists()) {
            let first = suppress_list(&list, total_published, threshold);
            prop_assert_eq!(first, suppress_list(&list, total_published, threshold));
        }
    }
}
