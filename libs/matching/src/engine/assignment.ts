// Maximum-weight assignment in a bipartite graph where rows and columns each take at most one
// partner and either may stay alone. Rows come in groups sharing one edge list, which is how a
// mentor with several places is given one row per place without copying its candidates.
// It is the min-cost flow source -> row -> column (cost -weight) -> sink, plus row -> sink at
// cost 0, solved by successive shortest paths with potentials, one row at a time (the Hungarian
// method for rectangular problems). Augmenting from the side with fewer rows keeps the search
// trees small: most paths end at once at a column nobody holds yet. Each Dijkstra stops at the
// first way out: a free column, or a row in the tree giving up its column. At the end the
// potentials are an optimal dual solution, which certifies the optimum.

export interface AssignmentProblem {
  readonly columnCount: number;
  /** Group of each row; rows of a group are consecutive. */
  readonly groupOfRow: Int32Array;
  /** Edges of group g are groupStart[g] .. groupStart[g + 1] - 1. */
  readonly groupStart: Int32Array;
  readonly column: Int32Array;
  /** Positive whole weights. */
  readonly weight: Int32Array | Uint8Array;
}

export interface AssignmentSolution {
  /** Column of each row, or -1. */
  readonly columnOfRow: Int32Array;
  readonly total: number;
  /**
   * An optimal dual: prices >= 0, rowPrice[r] + columnPrice[c] >= weight for every edge (equal
   * on the assigned ones), and sum(rowPrice) + sum(columnPrice) === total. A pair left out of
   * the problem whose weight exceeds its two prices is the only kind that could improve the total.
   */
  readonly rowPrice: Int32Array;
  readonly columnPrice: Int32Array;
}

const INFINITY = 0x3fffffff;
const NONE = -1;

export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { columnCount, groupOfRow, groupStart, column, weight } = problem;
  const rowCount = groupOfRow.length;

  // Potentials of the flow network; the sink's stays 0. Row potentials never go below 0 (the way
  // out through staying alone); a column's stays 0 until a row holds it, and it is never released.
  const rowPotential = new Int32Array(rowCount);
  const columnPotential = new Int32Array(columnCount);
  const columnOfRow = new Int32Array(rowCount).fill(NONE);
  const rowOfColumn = new Int32Array(columnCount).fill(NONE);
  const weightOfRow = new Int32Array(rowCount);

  const columnDistance = new Int32Array(columnCount).fill(INFINITY);
  const columnSettled = new Uint8Array(columnCount);
  const reachedFromRow = new Int32Array(columnCount);
  const reachedWithWeight = new Int32Array(columnCount);
  const touchedColumns = new Int32Array(columnCount);
  const rowDistance = new Int32Array(rowCount);
  const settledRows = new Int32Array(rowCount);
  const heap = new IndexedMinHeap(columnDistance);

  let touchedCount = 0;
  let settledCount = 0;
  let exitDistance = INFINITY;
  let exitColumn = NONE;
  let exitRow = NONE;

  const settleRow = (row: number, distance: number) => {
    rowDistance[row] = distance;
    settledRows[settledCount++] = row;
    const base = distance + rowPotential[row];
    if (base < exitDistance) {
      exitDistance = base;
      exitRow = row;
      exitColumn = NONE;
    }
    const group = groupOfRow[row];
    for (let e = groupStart[group]; e < groupStart[group + 1]; e++) {
      const c = column[e];
      if (columnSettled[c]) continue;
      const candidate = base - columnPotential[c] - weight[e];
      if (candidate < columnDistance[c]) {
        if (columnDistance[c] === INFINITY) touchedColumns[touchedCount++] = c;
        columnDistance[c] = candidate;
        reachedFromRow[c] = row;
        reachedWithWeight[c] = weight[e];
        heap.push(c);
      }
    }
  };

  for (let source = 0; source < rowCount; source++) {
    const group = groupOfRow[source];
    // Once a row of the group chose to stay alone, its siblings (same edges, later) would too.
    if (source > 0 && groupOfRow[source - 1] === group && columnOfRow[source - 1] === NONE) continue;

    // Enter the row with the smallest potential that keeps all its reduced costs non-negative.
    let potential = 0;
    for (let e = groupStart[group]; e < groupStart[group + 1]; e++) {
      const needed = weight[e] + columnPotential[column[e]];
      if (needed > potential) potential = needed;
    }
    rowPotential[source] = potential;

    touchedCount = settledCount = 0;
    exitDistance = INFINITY;
    exitColumn = exitRow = NONE;
    settleRow(source, 0);
    while (heap.size > 0) {
      const c = heap.peek();
      const distance = columnDistance[c];
      if (distance >= exitDistance) break;
      heap.pop();
      columnSettled[c] = 1;
      const holder = rowOfColumn[c];
      if (holder === NONE) {
        exitDistance = distance;
        exitColumn = c;
        exitRow = NONE;
        break;
      }
      // A held column leads on to its row at no extra cost: the edge holding it is tight.
      settleRow(holder, distance);
    }

    for (let k = 0; k < settledCount; k++) {
      const row = settledRows[k];
      if (rowDistance[row] < exitDistance) rowPotential[row] -= exitDistance - rowDistance[row];
    }
    for (let k = 0; k < touchedCount; k++) {
      const c = touchedColumns[k];
      if (columnSettled[c] && columnDistance[c] < exitDistance) columnPotential[c] -= exitDistance - columnDistance[c];
      columnDistance[c] = INFINITY;
      columnSettled[c] = 0;
    }
    heap.clear();

    // Walk the path back: each column on it goes to the row that reached it, whose previous
    // column goes on to the row before, up to the source.
    let c = exitColumn;
    if (exitColumn === NONE && exitRow !== source) {
      c = columnOfRow[exitRow];
      columnOfRow[exitRow] = NONE;
      weightOfRow[exitRow] = 0;
    }
    while (c !== NONE) {
      const row = reachedFromRow[c];
      const previous = columnOfRow[row];
      columnOfRow[row] = c;
      rowOfColumn[c] = row;
      weightOfRow[row] = reachedWithWeight[c];
      c = previous;
    }
  }

  const total = weightOfRow.reduce((sum, w) => sum + w, 0);
  return { columnOfRow, total, rowPrice: rowPotential, columnPrice: columnPotential.map((p) => -p) };
}

/** A binary min-heap of column indices keyed by an external distance array. */
class IndexedMinHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(private readonly key: Int32Array) {
    this.items = new Int32Array(key.length);
    this.position = new Int32Array(key.length).fill(NONE);
  }

  peek(): number {
    return this.items[0];
  }

  /** Inserts the item, or moves it up after its key decreased. */
  push(item: number): void {
    let at = this.position[item];
    if (at === NONE) {
      at = this.size++;
      this.items[at] = item;
      this.position[item] = at;
    }
    this.siftUp(at);
  }

  pop(): number {
    const top = this.items[0];
    this.position[top] = NONE;
    const last = this.items[--this.size];
    if (this.size > 0) {
      this.items[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    for (let at = 0; at < this.size; at++) this.position[this.items[at]] = NONE;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    return this.key[a] < this.key[b] || (this.key[a] === this.key[b] && a < b);
  }

  private siftUp(at: number): void {
    const item = this.items[at];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(item, this.items[parent])) break;
      this.items[at] = this.items[parent];
      this.position[this.items[at]] = at;
      at = parent;
    }
    this.items[at] = item;
    this.position[item] = at;
  }

  private siftDown(at: number): void {
    const item = this.items[at];
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.less(this.items[child + 1], this.items[child])) child++;
      if (!this.less(this.items[child], item)) break;
      this.items[at] = this.items[child];
      this.position[this.items[at]] = at;
      at = child;
    }
    this.items[at] = item;
    this.position[item] = at;
  }
}
