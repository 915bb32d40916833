// A page of rows sorted by a field whose order is not the alphabet of its codes — statuses in the
// order a case moves through them, provinces in the reader's alphabet: the rows come group by group
// (each group one value of the field, newest first inside it), and a page is the slices of the
// groups it overlaps. Pure: the counts come from the database, the slices go back to it.

export interface GroupCount {
  group: string;
  count: number;
}

export interface GroupSlice {
  group: string;
  skip: number;
  limit: number;
}

/** The slices of the ordered groups that hold rows [page × size, page × size + size). */
export function groupedPageSlices(groups: readonly GroupCount[], page: number, size: number): GroupSlice[] {
  const start = page * size;
  const end = start + size;
  const slices: GroupSlice[] = [];
  let offset = 0;
  for (const { group, count } of groups) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + count);
    if (to > from) slices.push({ group, skip: from - offset, limit: to - from });
    offset += count;
    if (offset >= end) break;
  }
  return slices;
}

/** Sorts rows by the rank of their group in `order` (unknown groups last), keeping each group's own order. */
export function sortByGroupOrder<T>(rows: readonly T[], groupOf: (row: T) => string, order: readonly string[]): T[] {
  const rank = new Map(order.map((group, i) => [group, i]));
  const rankOf = (row: T) => rank.get(groupOf(row)) ?? order.length;
  return rows.map((row, i) => ({ row, i })).sort((a, b) => rankOf(a.row) - rankOf(b.row) || a.i - b.i).map(({ row }) => row);
}
