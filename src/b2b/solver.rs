//! The B2B planner's solver: places meetings of two or more organisations on a grid of
//! tables × time slots, so that no organisation and no table is in two meetings at once,
//! no meeting falls when one of its organisations is unavailable, the day takes as few
//! rounds (slots) as it can, and each organisation waits as little as it can between its
//! meetings.
//!
//! How:
//! 1. Meetings that cannot be placed whatever the plan are set aside with their reason
//!    (fewer than two organisations, never all available, locked where it cannot be).
//!    The meetings locked by hand are fixed where they are.
//! 2. The rounds: from the lower bound L = max(most meetings of one organisation,
//!    ⌈meetings ÷ tables⌉) upwards, the first number of rounds R for which every meeting
//!    finds a slot among the first R.
//!    - When every meeting is between two organisations that split into two sides (a
//!      bipartite graph: suppliers and buyers), nothing is locked and nobody is
//!      unavailable, R = L always: the meetings are coloured with König's alternating
//!      paths, then balanced between rounds by swapping alternating paths until no round
//!      holds more meetings than there are tables (de Werra's equitable colouring).
//!    - Otherwise a greedy start (the most constrained meetings first) then a tabu
//!      search on the conflicts (an organisation twice in a round, a round with more
//!      meetings than tables), moving one meeting at a time to the round where it
//!      clashes least.
//! 3. When no R fits every meeting, the best plan found keeps what it can and the rest
//!    is not placed: no room.
//! 4. The idle gaps: rounds are swapped and meetings moved between rounds, without adding
//!    a round or a clash, while the organisations' total wait goes down.
//!
//! A MaxSAT or MIP solver would prove optimality, but no pure-Rust one is both maintained
//! and able to handle these sizes offline in the time a facilitator waits (see the
//! closing note of issue #12); at workshop sizes this reaches the lower bound or one more
//! round, and the bench (`cargo bench --bench b2b`) says how far it is from it.
//!
//! Deterministic: the same problem gives the same plan (its random choices come from a
//! fixed-seed generator).

/// What to plan. Organisations and meetings are indices; times are slot indices.
#[derive(Clone, Debug, Default)]
pub struct Problem {
    /// How many organisations there are (indices `0..organisations`).
    pub organisations: usize,
    /// Each meeting's organisations (distinct indices; two or more).
    pub meetings: Vec<Vec<usize>>,
    /// Meeting tables available in every slot.
    pub tables: usize,
    /// How many slots the day has (indices `0..slots`).
    pub slots: usize,
    /// `unavailable[organisation]` lists the slots it cannot meet in (may be empty, or
    /// shorter than `organisations`: missing means always available).
    pub unavailable: Vec<Vec<usize>>,
    /// Per meeting (same length as `meetings`, or shorter: missing means not locked):
    /// `Some((slot, table))` when it was placed by hand and must stay there.
    pub locked: Vec<Option<(usize, usize)>>,
}

/// Why a meeting could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unplaced {
    /// Fewer than two distinct organisations.
    TooFewOrganisations,
    /// No slot of the day where all of them are available.
    NeverAllAvailable,
    /// Locked where another locked meeting already is (same table, or a shared
    /// organisation), or on a table or slot that does not exist, or at a time one of its
    /// organisations is unavailable: the index of the other locked meeting if any.
    LockedClash { with: Option<usize> },
    /// Every slot where all are available is taken (no table free, or one of them busy).
    NoRoom,
}

/// The plan: where each meeting is, or why it is not placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    /// Per meeting: `Ok((slot, table))` or why not.
    pub placed: Vec<Result<(usize, usize), Unplaced>>,
}

/// max(most meetings of one organisation, ⌈meetings ÷ tables⌉), over the meetings that
/// can be placed.
pub fn lower_bound(problem: &Problem) -> usize {
    Prepared::of(problem).lower_bound()
}

/// Plans `problem`.
pub fn solve(problem: &Problem) -> Solution {
    let prepared = Prepared::of(problem);
    let mut rng = Rng::new(0x5eed_b2b0_cafe_f00d);
    let free = prepared.free_meetings();
    let mut slot_of = if free.is_empty() {
        vec![None; prepared.orgs.len()]
    } else {
        prepared.slots_by_rounds(&free, &mut rng)
    };
    prepared.fill_free_places(&mut slot_of);
    prepared.reduce_gaps(&mut slot_of, &mut rng);
    // Gaps closed may have opened a place for a meeting left out.
    prepared.fill_free_places(&mut slot_of);
    prepared.solution(&slot_of)
}

/// Where a meeting stands before the search.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Standing {
    /// To place.
    Free,
    /// Locked by hand at (slot, table).
    Fixed(usize, usize),
    /// Cannot be placed, whatever the plan.
    Out(Unplaced),
}

/// The problem, checked: organisations without repeats, allowed slots, locks.
struct Prepared {
    organisations: usize,
    tables: usize,
    slots: usize,
    /// Per meeting: its distinct organisations.
    orgs: Vec<Vec<usize>>,
    /// Per meeting: `allowed[m][slot]` when all of its organisations are available.
    allowed: Vec<Vec<bool>>,
    standing: Vec<Standing>,
}

impl Prepared {
    fn of(problem: &Problem) -> Self {
        let slots = problem.slots;
        let organisations = problem.organisations;
        let mut orgs = Vec::with_capacity(problem.meetings.len());
        let mut allowed = Vec::with_capacity(problem.meetings.len());
        let mut standing = Vec::with_capacity(problem.meetings.len());
        for meeting in &problem.meetings {
            let mut distinct: Vec<usize> = Vec::new();
            for &o in meeting {
                if o < organisations && !distinct.contains(&o) {
                    distinct.push(o);
                }
            }
            let mut ok = vec![true; slots];
            for &o in &distinct {
                for &s in problem.unavailable.get(o).map_or(&[][..], Vec::as_slice) {
                    if let Some(cell) = ok.get_mut(s) {
                        *cell = false;
                    }
                }
            }
            standing.push(if distinct.len() < 2 {
                Standing::Out(Unplaced::TooFewOrganisations)
            } else if !ok.iter().any(|&a| a) {
                Standing::Out(Unplaced::NeverAllAvailable)
            } else {
                Standing::Free
            });
            orgs.push(distinct);
            allowed.push(ok);
        }
        // The locks, in the meetings' order: the first of two that clash keeps its place.
        let mut taken_tables: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        let mut busy: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        for (m, lock) in problem.locked.iter().enumerate().take(orgs.len()) {
            let Some((slot, table)) = *lock else {
                continue;
            };
            if standing[m] != Standing::Free {
                continue;
            }
            let outside = slot >= slots || table >= problem.tables || !allowed[m][slot];
            let with = taken_tables
                .get(&(slot, table))
                .copied()
                .or_else(|| orgs[m].iter().find_map(|&o| busy.get(&(o, slot)).copied()));
            if outside || with.is_some() {
                standing[m] = Standing::Out(Unplaced::LockedClash { with });
                continue;
            }
            taken_tables.insert((slot, table), m);
            for &o in &orgs[m] {
                busy.insert((o, slot), m);
            }
            standing[m] = Standing::Fixed(slot, table);
        }
        if problem.tables == 0 {
            for s in standing.iter_mut().filter(|s| **s == Standing::Free) {
                *s = Standing::Out(Unplaced::NoRoom);
            }
        }
        Self {
            organisations,
            tables: problem.tables,
            slots,
            orgs,
            allowed,
            standing,
        }
    }

    fn lower_bound(&self) -> usize {
        let mut per_organisation = vec![0usize; self.organisations];
        let mut placeable = 0usize;
        for (m, standing) in self.standing.iter().enumerate() {
            let counts = match standing {
                Standing::Free | Standing::Fixed(..) => true,
                Standing::Out(Unplaced::NoRoom) => true,
                Standing::Out(_) => false,
            };
            if counts {
                placeable += 1;
                for &o in &self.orgs[m] {
                    per_organisation[o] += 1;
                }
            }
        }
        let busiest = per_organisation.into_iter().max().unwrap_or(0);
        let by_tables = if self.tables == 0 {
            0
        } else {
            placeable.div_ceil(self.tables)
        };
        busiest.max(by_tables)
    }

    fn free_meetings(&self) -> Vec<usize> {
        (0..self.standing.len())
            .filter(|&m| self.standing[m] == Standing::Free)
            .collect()
    }

    fn fixed_slot(&self, m: usize) -> Option<usize> {
        match self.standing[m] {
            Standing::Fixed(slot, _) => Some(slot),
            _ => None,
        }
    }

    /// The slot of every meeting (`None`: not placed), found by trying the fewest rounds
    /// first.
    fn slots_by_rounds(&self, free: &[usize], rng: &mut Rng) -> Vec<Option<usize>> {
        let last_fixed = (0..self.standing.len())
            .filter_map(|m| self.fixed_slot(m))
            .max()
            .map_or(0, |s| s + 1);
        let earliest_possible = free
            .iter()
            .filter_map(|&m| self.allowed[m].iter().position(|&a| a))
            .max()
            .map_or(0, |s| s + 1);
        let first = self
            .lower_bound()
            .max(last_fixed)
            .max(earliest_possible)
            .max(1);
        if first <= self.slots
            && let Some(plan) = self.bipartite_plan(free, first)
        {
            return plan;
        }
        // Rounds tried: first, first+1, first+2, then doubling steps up to the day's
        // slots; then back down by halves between the last that failed and the first
        // that fitted.
        let mut found: Option<(usize, Vec<Option<usize>>)> = None;
        let mut lowest_untried = first;
        let mut rounds = first;
        let mut step = 1;
        let mut tries = 0;
        while rounds <= self.slots {
            if let Some(plan) = self.search(free, rounds, rng).complete() {
                found = Some((rounds, plan));
                break;
            }
            lowest_untried = rounds + 1;
            tries += 1;
            if tries >= 3 {
                step *= 2;
            }
            if rounds == self.slots {
                break;
            }
            rounds = (rounds + step).min(self.slots);
        }
        let Some((fitted, mut plan)) = found else {
            return self.search(free, self.slots, rng).keep_what_fits(self);
        };
        let (mut low, mut high) = (lowest_untried, fitted);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.search(free, middle, rng).complete() {
                Some(better) => {
                    plan = better;
                    high = middle;
                }
                None => low = middle + 1,
            }
        }
        plan
    }

    /// The exact plan in `rounds` rounds when every free meeting is between two
    /// organisations of a bipartite graph, nothing is locked and every free meeting can
    /// be in any of the first `rounds` slots; `None` otherwise.
    fn bipartite_plan(&self, free: &[usize], rounds: usize) -> Option<Vec<Option<usize>>> {
        let any_fixed = self
            .standing
            .iter()
            .any(|s| matches!(s, Standing::Fixed(..)));
        if any_fixed
            || free
                .iter()
                .any(|&m| self.orgs[m].len() != 2 || self.allowed[m][..rounds].contains(&false))
        {
            return None;
        }
        // Two sides: colour the organisations by a breadth-first walk.
        let mut neighbours = vec![Vec::new(); self.organisations];
        for &m in free {
            let (a, b) = (self.orgs[m][0], self.orgs[m][1]);
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
        let mut side: Vec<Option<bool>> = vec![None; self.organisations];
        for start in 0..self.organisations {
            if side[start].is_some() {
                continue;
            }
            side[start] = Some(false);
            let mut queue = std::collections::VecDeque::from([start]);
            while let Some(o) = queue.pop_front() {
                let here = side[o]?;
                for &n in &neighbours[o] {
                    match side[n] {
                        None => {
                            side[n] = Some(!here);
                            queue.push_back(n);
                        }
                        Some(there) if there == here => return None,
                        Some(_) => {}
                    }
                }
            }
        }
        let mut colouring = EdgeColouring::new(self.organisations, rounds);
        for &m in free {
            colouring.colour(m, self.orgs[m][0], self.orgs[m][1])?;
        }
        colouring.balance(self.tables);
        let mut slot_of = vec![None; self.orgs.len()];
        for (m, colour) in colouring.colour_of {
            slot_of[m] = Some(colour);
        }
        Some(slot_of)
    }

    /// A tabu search for a plan of the free meetings in the first `rounds` slots.
    fn search(&self, free: &[usize], rounds: usize, rng: &mut Rng) -> Search {
        let mut search = Search::new(self, free, rounds);
        search.greedy_start(self);
        let budget = 20_000 + 40 * free.len();
        search.tabu(self, budget, rng);
        search
    }

    /// Puts each free meeting not placed in the first slot of the day where it fits
    /// without a clash, if there is one.
    fn fill_free_places(&self, slot_of: &mut [Option<usize>]) {
        let mut grid = Grid::new(self.organisations, self.slots);
        for (m, slot) in slot_of.iter().enumerate() {
            if let Some(s) = self.fixed_slot(m).or(*slot) {
                grid.add(&self.orgs[m], s);
            }
        }
        for m in self.free_meetings() {
            if slot_of[m].is_some() {
                continue;
            }
            let fits = (0..self.slots).find(|&s| {
                self.allowed[m][s]
                    && grid.load[s] < self.tables
                    && self.orgs[m].iter().all(|&o| grid.count(o, s) == 0)
            });
            if let Some(slot) = fits {
                grid.add(&self.orgs[m], slot);
                slot_of[m] = Some(slot);
            }
        }
    }

    /// Moves meetings between slots and swaps whole slots, keeping every constraint and
    /// the rounds used, while the organisations' idle gaps go down.
    fn reduce_gaps(&self, slot_of: &mut [Option<usize>], rng: &mut Rng) {
        let all_slot = |m: usize, slot_of: &[Option<usize>]| self.fixed_slot(m).or(slot_of[m]);
        let rounds = (0..self.orgs.len())
            .filter_map(|m| all_slot(m, slot_of))
            .max()
            .map_or(0, |s| s + 1);
        if rounds < 2 {
            return;
        }
        let mut grid = Grid::new(self.organisations, rounds);
        for m in 0..self.orgs.len() {
            if let Some(s) = all_slot(m, slot_of) {
                grid.add(&self.orgs[m], s);
            }
        }
        let free: Vec<usize> = (0..self.orgs.len())
            .filter(|&m| self.fixed_slot(m).is_none() && slot_of[m].is_some())
            .collect();
        if free.is_empty() {
            return;
        }
        let locked_slot: Vec<bool> = (0..rounds)
            .map(|s| (0..self.orgs.len()).any(|m| self.fixed_slot(m) == Some(s)))
            .collect();
        let attempts = 4_000 + 60 * free.len();
        for _ in 0..attempts {
            if rng.below(4) == 0 {
                // Swap two whole slots.
                let (a, b) = (rng.below(rounds), rng.below(rounds));
                if a == b || locked_slot[a] || locked_slot[b] {
                    continue;
                }
                let in_a: Vec<usize> = free
                    .iter()
                    .copied()
                    .filter(|&m| slot_of[m] == Some(a))
                    .collect();
                let in_b: Vec<usize> = free
                    .iter()
                    .copied()
                    .filter(|&m| slot_of[m] == Some(b))
                    .collect();
                if in_a.iter().any(|&m| !self.allowed[m][b])
                    || in_b.iter().any(|&m| !self.allowed[m][a])
                {
                    continue;
                }
                let touched: Vec<usize> = {
                    let mut t: Vec<usize> = in_a
                        .iter()
                        .chain(&in_b)
                        .flat_map(|&m| self.orgs[m].iter().copied())
                        .collect();
                    t.sort_unstable();
                    t.dedup();
                    t
                };
                let before: usize = touched.iter().map(|&o| grid.gaps(o)).sum();
                grid.swap_slots(&touched, a, b);
                let after: usize = touched.iter().map(|&o| grid.gaps(o)).sum();
                if after <= before {
                    for &m in &in_a {
                        slot_of[m] = Some(b);
                    }
                    for &m in &in_b {
                        slot_of[m] = Some(a);
                    }
                } else {
                    grid.swap_slots(&touched, a, b);
                }
            } else {
                // Move one meeting to a slot where it fits.
                let m = free[rng.below(free.len())];
                let Some(from) = slot_of[m] else {
                    continue;
                };
                let to = rng.below(rounds);
                if to == from || !self.allowed[m][to] || grid.load[to] >= self.tables {
                    continue;
                }
                if self.orgs[m].iter().any(|&o| grid.count(o, to) > 0) {
                    continue;
                }
                let before: usize = self.orgs[m].iter().map(|&o| grid.gaps(o)).sum();
                grid.remove(&self.orgs[m], from);
                grid.add(&self.orgs[m], to);
                let after: usize = self.orgs[m].iter().map(|&o| grid.gaps(o)).sum();
                if after <= before {
                    slot_of[m] = Some(to);
                } else {
                    grid.remove(&self.orgs[m], to);
                    grid.add(&self.orgs[m], from);
                }
            }
        }
    }

    /// The solution: tables given in each slot after the locked ones, lowest first.
    fn solution(&self, slot_of: &[Option<usize>]) -> Solution {
        let mut taken: Vec<Vec<bool>> = vec![vec![false; self.tables]; self.slots];
        for standing in &self.standing {
            if let Standing::Fixed(slot, table) = *standing {
                taken[slot][table] = true;
            }
        }
        let placed = self
            .standing
            .iter()
            .enumerate()
            .map(|(m, standing)| match standing {
                Standing::Fixed(slot, table) => Ok((*slot, *table)),
                Standing::Out(why) => Err(why.clone()),
                Standing::Free => {
                    let Some(slot) = slot_of.get(m).copied().flatten() else {
                        return Err(Unplaced::NoRoom);
                    };
                    let Some(table) = taken[slot].iter().position(|t| !t) else {
                        return Err(Unplaced::NoRoom);
                    };
                    taken[slot][table] = true;
                    Ok((slot, table))
                }
            })
            .collect();
        Solution { placed }
    }
}

/// How many meetings each organisation has in each slot, and each slot's load.
#[derive(Clone)]
struct Grid {
    rounds: usize,
    /// `count[organisation * rounds + slot]`.
    count: Vec<u32>,
    load: Vec<usize>,
}

impl Grid {
    fn new(organisations: usize, rounds: usize) -> Self {
        Self {
            rounds,
            count: vec![0; organisations * rounds],
            load: vec![0; rounds],
        }
    }

    fn count(&self, organisation: usize, slot: usize) -> u32 {
        self.count[organisation * self.rounds + slot]
    }

    fn add(&mut self, orgs: &[usize], slot: usize) {
        for &o in orgs {
            self.count[o * self.rounds + slot] += 1;
        }
        self.load[slot] += 1;
    }

    fn remove(&mut self, orgs: &[usize], slot: usize) {
        for &o in orgs {
            self.count[o * self.rounds + slot] -= 1;
        }
        self.load[slot] -= 1;
    }

    /// The idle slots of `organisation` between its first meeting and its last.
    fn gaps(&self, organisation: usize) -> usize {
        let row = &self.count[organisation * self.rounds..(organisation + 1) * self.rounds];
        let (Some(first), Some(last)) = (
            row.iter().position(|&c| c > 0),
            row.iter().rposition(|&c| c > 0),
        ) else {
            return 0;
        };
        row[first..=last].iter().filter(|&&c| c == 0).count()
    }

    fn swap_slots(&mut self, orgs: &[usize], a: usize, b: usize) {
        for &o in orgs {
            self.count.swap(o * self.rounds + a, o * self.rounds + b);
        }
        self.load.swap(a, b);
    }
}

/// A tabu search's state: every free meeting in one of the first `rounds` slots, with
/// the clashes counted.
struct Search {
    rounds: usize,
    free: Vec<usize>,
    /// Per meeting (all of them): its slot, when free and placed.
    slot_of: Vec<Option<usize>>,
    grid: Grid,
    /// An organisation twice in a slot counts once per extra meeting; a slot over the
    /// tables once per extra meeting.
    cost: i64,
    best_cost: i64,
    best: Vec<Option<usize>>,
}

impl Search {
    fn new(p: &Prepared, free: &[usize], rounds: usize) -> Self {
        let mut grid = Grid::new(p.organisations, rounds);
        for m in 0..p.orgs.len() {
            if let Some(s) = p.fixed_slot(m) {
                grid.add(&p.orgs[m], s);
            }
        }
        Self {
            rounds,
            free: free.to_vec(),
            slot_of: vec![None; p.orgs.len()],
            grid,
            cost: 0,
            best_cost: i64::MAX,
            best: Vec::new(),
        }
    }

    /// The clashes `m` adds in `slot`.
    fn adding_cost(&self, p: &Prepared, m: usize, slot: usize) -> i64 {
        let orgs = p.orgs[m]
            .iter()
            .filter(|&&o| self.grid.count(o, slot) > 0)
            .count();
        orgs as i64 + i64::from(self.grid.load[slot] >= p.tables)
    }

    /// The clashes `m` takes away from its `slot`.
    fn removing_gain(&self, p: &Prepared, m: usize, slot: usize) -> i64 {
        let orgs = p.orgs[m]
            .iter()
            .filter(|&&o| self.grid.count(o, slot) > 1)
            .count();
        orgs as i64 + i64::from(self.grid.load[slot] > p.tables)
    }

    fn clashes(&self, p: &Prepared, m: usize) -> bool {
        let Some(slot) = self.slot_of[m] else {
            return false;
        };
        self.grid.load[slot] > p.tables || p.orgs[m].iter().any(|&o| self.grid.count(o, slot) > 1)
    }

    fn allowed_slots<'a>(&self, p: &'a Prepared, m: usize) -> impl Iterator<Item = usize> + 'a {
        let rounds = self.rounds;
        p.allowed[m]
            .iter()
            .take(rounds)
            .enumerate()
            .filter(|(_, a)| **a)
            .map(|(s, _)| s)
    }

    fn place(&mut self, p: &Prepared, m: usize, slot: usize) {
        self.cost += self.adding_cost(p, m, slot);
        self.grid.add(&p.orgs[m], slot);
        self.slot_of[m] = Some(slot);
    }

    fn unplace(&mut self, p: &Prepared, m: usize) {
        if let Some(slot) = self.slot_of[m].take() {
            self.grid.remove(&p.orgs[m], slot);
            self.cost -= self.adding_cost(p, m, slot);
        }
    }

    /// The most constrained meetings first (fewest slots, busiest organisations), each
    /// where it adds the fewest clashes, then in the emptiest slot.
    fn greedy_start(&mut self, p: &Prepared) {
        let mut meetings_of = vec![0usize; p.organisations];
        for &m in &self.free {
            for &o in &p.orgs[m] {
                meetings_of[o] += 1;
            }
        }
        let mut order = self.free.clone();
        order.sort_by_key(|&m| {
            let choices = self.allowed_slots(p, m).count();
            let busy: usize = p.orgs[m].iter().map(|&o| meetings_of[o]).sum();
            (choices, std::cmp::Reverse(busy), m)
        });
        for m in order {
            let mut best: Option<(i64, usize, usize)> = None;
            for slot in self.allowed_slots(p, m) {
                let key = (self.adding_cost(p, m, slot), self.grid.load[slot], slot);
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
            // A meeting with no allowed slot among these rounds stays out of this try.
            if let Some((_, _, slot)) = best {
                self.place(p, m, slot);
            }
        }
        self.remember_if_best();
    }

    fn remember_if_best(&mut self) {
        if self.cost < self.best_cost {
            self.best_cost = self.cost;
            self.best.clone_from(&self.slot_of);
        }
    }

    fn tabu(&mut self, p: &Prepared, budget: usize, rng: &mut Rng) {
        let mut tabu_until = vec![0usize; p.orgs.len() * self.rounds];
        let mut clashing = Vec::new();
        let patience = 1_000 + 10 * self.free.len();
        let mut last_improved = 0;
        for iteration in 1..=budget {
            if self.cost == 0 || iteration - last_improved > patience {
                break;
            }
            clashing.clear();
            clashing.extend(self.free.iter().copied().filter(|&m| self.clashes(p, m)));
            if clashing.is_empty() {
                break;
            }
            // Look at no more than 40 of the clashing meetings per step.
            let looked_at = clashing.len().min(40);
            let start = rng.below(clashing.len());
            let mut chosen: Option<(i64, usize, usize)> = None;
            let mut ties = 0;
            for k in 0..looked_at {
                let m = clashing[(start + k) % clashing.len()];
                let Some(from) = self.slot_of[m] else {
                    continue;
                };
                let gain = self.removing_gain(p, m, from);
                for to in self.allowed_slots(p, m) {
                    if to == from {
                        continue;
                    }
                    let delta = self.adding_cost(p, m, to) - gain;
                    let is_tabu = tabu_until[m * self.rounds + to] > iteration;
                    if is_tabu && self.cost + delta >= self.best_cost {
                        continue;
                    }
                    match chosen {
                        Some((d, _, _)) if delta > d => {}
                        Some((d, _, _)) if delta == d => {
                            ties += 1;
                            if rng.below(ties + 1) == 0 {
                                chosen = Some((delta, m, to));
                            }
                        }
                        _ => {
                            ties = 0;
                            chosen = Some((delta, m, to));
                        }
                    }
                }
            }
            let Some((_, m, to)) = chosen else {
                continue;
            };
            let Some(from) = self.slot_of[m] else {
                continue;
            };
            self.unplace(p, m);
            self.place(p, m, to);
            let tenure = rng.below(10) + clashing.len() * 6 / 10 + 1;
            tabu_until[m * self.rounds + from] = iteration + tenure;
            if self.cost < self.best_cost {
                last_improved = iteration;
            }
            self.remember_if_best();
        }
    }

    /// The plan when it has no clash and every free meeting is in it.
    fn complete(self) -> Option<Vec<Option<usize>>> {
        if self.best_cost != 0 {
            return None;
        }
        let plan = self.best;
        self.free.iter().all(|&m| plan[m].is_some()).then_some(plan)
    }

    /// The best plan found, without the meetings that clash most until none clashes.
    fn keep_what_fits(mut self, p: &Prepared) -> Vec<Option<usize>> {
        // Rebuild the best state.
        let best = std::mem::take(&mut self.best);
        for m in self.free.clone() {
            self.unplace(p, m);
        }
        for (m, slot) in best.iter().enumerate() {
            if let Some(s) = *slot {
                self.place(p, m, s);
            }
        }
        loop {
            let worst = self
                .free
                .iter()
                .copied()
                .filter(|&m| self.clashes(p, m))
                .max_by_key(|&m| {
                    let slot = self.slot_of[m].unwrap_or(0);
                    (self.removing_gain(p, m, slot), std::cmp::Reverse(m))
                });
            let Some(m) = worst else {
                break;
            };
            self.unplace(p, m);
        }
        self.slot_of
    }
}

/// Bipartite edge colouring with `colours` colours by alternating paths (König), then
/// balanced so that no colour has more than `tables` edges when that can be done.
struct EdgeColouring {
    colours: usize,
    /// `at[vertex * colours + colour]`: the edge of that colour at the vertex.
    at: Vec<Option<usize>>,
    /// Edge → its ends.
    ends: std::collections::HashMap<usize, (usize, usize)>,
    /// Edge → its colour (in the order coloured).
    colour_of: Vec<(usize, usize)>,
    index_of: std::collections::HashMap<usize, usize>,
}

impl EdgeColouring {
    fn new(vertices: usize, colours: usize) -> Self {
        Self {
            colours,
            at: vec![None; vertices * colours],
            ends: std::collections::HashMap::new(),
            colour_of: Vec::new(),
            index_of: std::collections::HashMap::new(),
        }
    }

    fn free_colour(&self, v: usize) -> Option<usize> {
        (0..self.colours).find(|&c| self.at[v * self.colours + c].is_none())
    }

    fn other_end(&self, edge: usize, v: usize) -> usize {
        let (a, b) = self.ends[&edge];
        if a == v { b } else { a }
    }

    fn set(&mut self, edge: usize, colour: usize) {
        let (a, b) = self.ends[&edge];
        self.at[a * self.colours + colour] = Some(edge);
        self.at[b * self.colours + colour] = Some(edge);
        let i = self.index_of[&edge];
        self.colour_of[i].1 = colour;
    }

    /// Colours `edge` between `u` and `v`; `None` when a vertex has no colour left
    /// (more edges than colours).
    fn colour(&mut self, edge: usize, u: usize, v: usize) -> Option<()> {
        let a = self.free_colour(u)?;
        let b = self.free_colour(v)?;
        self.ends.insert(edge, (u, v));
        self.index_of.insert(edge, self.colour_of.len());
        self.colour_of.push((edge, usize::MAX));
        if self.at[v * self.colours + a].is_some() {
            // Swap a and b along the path from v that alternates a, b, a, ...; in a
            // bipartite graph it never reaches u, so a becomes free at v and stays free
            // at u.
            let path = self.alternating_path(v, a, b);
            self.swap_along(&path, a, b);
        }
        self.set(edge, a);
        Some(())
    }

    /// The edges of the path from `start` whose colours alternate `first`, `second`, ...
    fn alternating_path(&self, start: usize, first: usize, second: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut vertex = start;
        let mut colour = first;
        while let Some(edge) = self.at[vertex * self.colours + colour] {
            if path.last() == Some(&edge) || path.len() > self.ends.len() {
                break;
            }
            path.push(edge);
            vertex = self.other_end(edge, vertex);
            colour = if colour == first { second } else { first };
        }
        path
    }

    fn swap_along(&mut self, path: &[usize], a: usize, b: usize) {
        for &edge in path {
            let (x, y) = self.ends[&edge];
            for v in [x, y] {
                for c in [a, b] {
                    if self.at[v * self.colours + c] == Some(edge) {
                        self.at[v * self.colours + c] = None;
                    }
                }
            }
        }
        for &edge in path {
            let i = self.index_of[&edge];
            let now = self.colour_of[i].1;
            let next = if now == a { b } else { a };
            self.set(edge, next);
        }
    }

    /// Evens out the colours' sizes: while a colour has more than `tables` edges (or
    /// more than one edge over another colour), swap the two colours along a path of
    /// the bigger one's and the smaller one's edges that starts and ends with the
    /// bigger's; each swap moves one edge from the bigger to the smaller.
    fn balance(&mut self, tables: usize) {
        loop {
            let mut size = vec![0usize; self.colours];
            for &(_, c) in &self.colour_of {
                size[c] += 1;
            }
            let Some(big) = (0..self.colours).max_by_key(|&c| (size[c], std::cmp::Reverse(c)))
            else {
                return;
            };
            let Some(small) = (0..self.colours).min_by_key(|&c| (size[c], c)) else {
                return;
            };
            if size[big] <= tables.max(size[small] + 1) {
                return;
            }
            // A path component with more edges of `big` than of `small` (there is one,
            // as `big` has more edges): it starts at a vertex where `big` is used and
            // `small` is free, and has an odd number of edges.
            let path = self.colour_of.iter().find_map(|&(edge, c)| {
                if c != big {
                    return None;
                }
                let (x, y) = self.ends[&edge];
                [x, y]
                    .into_iter()
                    .filter(|&v| self.at[v * self.colours + small].is_none())
                    .map(|v| self.alternating_path(v, big, small))
                    .find(|path| path.len() % 2 == 1)
            });
            let Some(path) = path else {
                return;
            };
            self.swap_along(&path, big, small);
        }
    }
}

/// A small fixed-seed generator (xorshift64*), so that the plan is the same every time.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        if bound == 0 {
            return 0;
        }
        usize::try_from(x % bound as u64).unwrap_or(0)
    }
}
