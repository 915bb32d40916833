// Coordinators and volunteers search cases (/find) and coordinators export the result (/export).
// Roles and provinces are re-read at every call; every search and export is audited with the kind
// of filter and the count, never a name.

import { Readable } from "node:stream";
import type { CaseRecord } from "../../db/models/case.js";
import { caseSearchFilterSchema, filterKind, SEARCH_PAGE_LIMIT, SEARCH_PAGE_SIZE, type CaseSearchFilter } from "../../domain/caseSearchFilter.js";
import { CASE_STATUSES, type CaseStatus } from "../../domain/caseStatus.js";
import { groupedPageSlices, sortByGroupOrder, type GroupCount } from "../../domain/groupedPage.js";
import { ABROAD } from "../../domain/registration/draft.js";
import { registrationWeek, weeksToRead } from "../../domain/registrationWeek.js";
import { casesCounted, type StatisticsTally } from "../../domain/statistics.js";
import { nameSearchKeys } from "../../domain/personName.js";
import { csvRow, UTF8_BOM } from "../../domain/petitions/csv.js";
import { listProvinces, provinceName } from "../../domain/provinces.js";
import { can, type Actor, type ActingUser } from "../../domain/roles.js";
import { splitNames } from "./caseRecordMapping.js";
import type { CaseServiceDeps } from "./caseTypes.js";

/** Columns of the /export file, documented in the README ("Coordinators"). */
export const CASE_EXPORT_COLUMNS = [
  "reference",
  "registered_at",
  "status",
  "close_reason",
  "full_name",
  "other_names",
  "sex",
  "birth_year",
  "left_year",
  "believed_location",
  "province",
  "province_fa",
  "families",
  "duplicate_review",
] as const;

const EXPORT_BATCH = 200;
/**
 * A search that selects few cases (a name, a reference, a province and a status, pending
 * duplicates) reads up to this many in one query, counted and paged here: on FerretDB a count
 * reads the same documents again (bench:coordinators: province+status at 100,000 cases, ~540
 * found, a count p50 108 ms and a page p50 87 ms, each a scan of every case in PostgreSQL).
 */
export const ONE_READ_LIMIT = 1000;
/**
 * A page of a province's or a status's list that would read more weeks than this is one sorted
 * read of the list instead (readByWeek): on FerretDB each week read scans the whole table in
 * PostgreSQL (~60–140 ms at 100,000 cases) where decoding one more case costs ~0.1 ms.
 */
const WALK_WEEKS = 3;

export type SearchError = "forbidden" | "invalid";
export type SearchResult<T> = { ok: true; value: T } | { ok: false; error: SearchError };

export interface CaseSearchHit {
  caseId: string;
  reference: string;
  fullName: string;
  status: CaseStatus;
  province: string;
  registeredAt: Date;
  duplicateReview: CaseRecord["duplicateReview"];
}

/**
 * The orders a page can be read in (the desk's table); /find reads newest registrations first. Not
 * by reference: references are random digits (domain/caseReference.ts), their order says nothing.
 */
export const CASE_SORT_FIELDS = ["registered", "status", "province"] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];
export interface CaseSort {
  field: CaseSortField;
  direction: "asc" | "desc";
}

/** How a page is read: /find's defaults are newest first, SEARCH_PAGE_SIZE a page, the first page. */
export interface CasePageView {
  sort?: CaseSort;
  /** 1 to MAX_PAGE_SIZE. */
  pageSize?: number;
  /** From 0, below SEARCH_PAGE_LIMIT. */
  page?: number;
  /** The order of provinces for a province sort (the reader's alphabet); by default the list's order. */
  provinceOrder?: readonly string[];
}

export const MAX_PAGE_SIZE = 50;
const NEWEST_FIRST: CaseSort = { field: "registered", direction: "desc" };
/** Provinces in the list's order, then families outside Iran. */
const DEFAULT_PROVINCE_ORDER: readonly string[] = [...listProvinces().map((p) => p.code), ABROAD];

/**
 * The database order of a sort; ties broken by the newest registration, then the id, so pages never
 * overlap. Statuses and provinces are not sorted by their codes' alphabet: unless the filter pins
 * them to one value, their pages are read group by group (`groupsOf`), newest first in each group.
 */
function sortOf(sort: CaseSort): Record<string, 1 | -1> {
  const d = sort.direction === "asc" ? 1 : -1;
  switch (sort.field) {
    case "registered":
      return { createdAt: d, _id: d };
    case "status":
      return { status: d, createdAt: -1, _id: -1 };
    case "province":
      return { province: d, createdAt: -1, _id: -1 };
  }
}

export interface CaseSearchPage {
  filter: CaseSearchFilter;
  page: number;
  pages: number;
  total: number;
  hits: CaseSearchHit[];
}

export interface CaseSearchService {
  /** The acting person's current filter ({} when they have none). */
  currentFilter(actor: ActingUser): Promise<CaseSearchFilter>;
  /** Validates and keeps the filter (replacing the previous one) and returns its first page (or the page `view` asks for, in its order and size). */
  search(actor: ActingUser, filter: unknown, view?: CasePageView): Promise<SearchResult<CaseSearchPage>>;
  /** A page (from 0) of the current filter's results. */
  page(actor: ActingUser, page: unknown): Promise<SearchResult<CaseSearchPage>>;
  /**
   * The current filter's cases (or those of `filter`, checked like a search's) as CSV, read from a
   * cursor as the file is sent; audited once it is read to the end. `rows()`: the cases written so far.
   */
  exportCsv(actor: ActingUser, filter?: unknown): Promise<SearchResult<{ filter: CaseSearchFilter; csv: Readable; rows: () => number }>>;
}

/** The tally's count of a query's cases (a query `isTallyCounted` accepts). */
function tallyCount(tally: StatisticsTally, query: Record<string, unknown>): number {
  const province = query.province as string | { $in: string[] } | undefined;
  const provinces = province === undefined ? "all" : typeof province === "string" ? [province] : province.$in;
  return casesCounted(tally, provinces, query.status as string | undefined);
}

function startOfDay(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export interface CaseSearchDeps extends Pick<CaseServiceDeps, "models" | "clock" | "cipher" | "audit" | "actorNow"> {
  /**
   * The statistics tally when it is fresh (services/statistics.ts `currentTally`): broad lists take
   * their totals and the weeks to read from it. Without one, every list is counted and sorted.
   */
  tally?: () => Promise<StatisticsTally | null>;
}

export function createCaseSearchService(deps: CaseSearchDeps): CaseSearchService {
  const { models, clock, cipher, audit, actorNow, tally: freshTally = () => Promise.resolve(null) } = deps;

  /**
   * The database filters for a search, tried in order until one finds something (a name: its whole
   * token first, then its words). Only fields we built, values checked by the zod schema;
   * volunteers scoped to their provinces.
   *
   * Written for FerretDB's PostgreSQL backend as much as for MongoDB: FerretDB v1.24 pushes down to
   * SQL only top-level equality on scalars (a scalar against an array field included) and filters
   * everything else (`$or`, `$in`, `$all`, ranges, `null`, dotted paths) in Go after reading the
   * documents the pushed-down part selected. So every filter that can be an equality is one, and
   * what cannot be (`erasedAt: null`, dates, the other words of a name) only narrows the few
   * documents an equality already selected. On MongoDB 7 the same equalities use the indexes
   * named in db/models/case.ts.
   */
  function queriesOf(actor: Actor, filter: CaseSearchFilter): Record<string, unknown>[] {
    const query: Record<string, unknown> = { erasedAt: null };
    if (!can(actor, "province.all")) {
      if (filter.province && !actor.provinces.includes(filter.province)) query.province = { $in: [] };
      else if (filter.province) query.province = filter.province;
      // One province (most volunteers) as an equality, pushed down; `$in` is not (with no name or
      // other equality beside it, it reads every case).
      else query.province = actor.provinces.length === 1 ? actor.provinces[0] : { $in: [...actor.provinces] };
    } else if (filter.province) query.province = filter.province;
    if (filter.reference) query.reference = filter.reference;
    if (filter.status) query.status = filter.status;
    if (filter.location) query["relative.location"] = filter.location;
    if (filter.duplicatesPending) query.duplicateReview = "pending";
    if (filter.registeredFrom || filter.registeredTo) {
      const range: Record<string, Date> = {};
      if (filter.registeredFrom) range.$gte = startOfDay(filter.registeredFrom);
      if (filter.registeredTo) range.$lt = new Date(startOfDay(filter.registeredTo).getTime() + 86_400_000);
      query.createdAt = range;
    }
    if (!filter.name) return [query];
    // The keyed hashes of the name's phonetic keys, as registration stores them: every word of the
    // name, then the whole name (any script, with or without spaces).
    const keys = nameSearchKeys(filter.name);
    const whole = keys.at(-1);
    if (!whole) return [{ ...query, nameTokens: { $in: [] } }];
    const byWhole = { ...query, nameTokens: cipher.searchToken(whole) };
    const words = keys.slice(0, -1);
    if (words.length <= 1) return [byWhole];
    // Only when the whole name finds nothing (another word order, a middle name, a name split
    // between the full and the other names): every word. The longest word (usually the rarest)
    // as an equality selects the candidates; `$all` checks the other words on those few.
    const pivot = words.reduce((a, b) => (b.length > a.length ? b : a));
    return [byWhole, { ...query, nameTokens: cipher.searchToken(pivot), $and: [{ nameTokens: { $all: words.map((w) => cipher.searchToken(w)) } }] }];
  }

  async function storedFilter(actor: ActingUser): Promise<CaseSearchFilter> {
    const stored = await models.caseSearches.findOne({ userId: cipher.userRef(actor.userId) }).lean().exec();
    const parsed = caseSearchFilterSchema.safeParse(stored ? JSON.parse(cipher.decryptOptional(stored.filterEnc) ?? "{}") : {});
    return parsed.success ? parsed.data : {};
  }

  /**
   * The groups a status sort (the steps' order) or a province sort (the reader's alphabet) reads,
   * ascending or reversed; null for other sorts, or when the query pins the field to one value.
   */
  function groupsOf(query: Record<string, unknown>, sort: CaseSort, provinceOrder: readonly string[]): string[] | null {
    if (sort.field !== "status" && sort.field !== "province") return null;
    const pinned = query[sort.field];
    if (typeof pinned === "string") return null;
    let order = sort.field === "status" ? [...CASE_STATUSES] : [...provinceOrder];
    const among = (pinned as { $in?: unknown } | undefined)?.$in;
    if (Array.isArray(among)) order = order.filter((group) => among.includes(group));
    return sort.direction === "asc" ? order : order.reverse();
  }

  type HitRecord = Pick<CaseRecord, "_id" | "reference" | "status" | "province" | "relative" | "createdAt" | "duplicateReview">;
  const sorted = (query: Record<string, unknown>, sort: CaseSort) =>
    models.cases.find(query, { reference: 1, status: 1, province: 1, "relative.fullNameEnc": 1, createdAt: 1, duplicateReview: 1 }).sort(sortOf(sort));

  /** Whether the tally counts a query's cases: no filter but provinces and a status. */
  const isTallyCounted = (query: Record<string, unknown>) =>
    Object.keys(query).every((key) => key === "erasedAt" || key === "province" || key === "status") && (query.status === undefined || typeof query.status === "string");

  /** Whether a query selects few cases (hundreds at 100,000): an equality on a name token, a reference, pending duplicates, or a province and a status. */
  const selectsFew = (query: Record<string, unknown>) =>
    typeof query.nameTokens === "string" || "reference" in query || "duplicateReview" in query || (typeof query.province === "string" && "status" in query);

  /**
   * Rows `skip` to `skip + limit` of a broad query in registration order, and whether more follow.
   *
   * Read a week at a time (the weeks in the list's order) until the page and one more row are
   * found: an equality on the week selects about a week of cases (bench:desk: ~1,000 of 100,000),
   * where sorting the whole query reads every case on FerretDB. For the list of every case, whole
   * weeks before the page are skipped by the tally's count of them (weeks the tally counted to
   * their end; a case withdrawn since may then show twice across two pages until the next refresh).
   * A deep page of a list with an equality (a province, a status) that would take more than
   * WALK_WEEKS weeks is one sorted read of the list instead: that equality selects the list's
   * cases alone (bench:desk: page 50 of one province).
   */
  async function readByWeek(
    query: Record<string, unknown>,
    tally: StatisticsTally,
    total: number,
    direction: CaseSort["direction"],
    skip: number,
    limit: number,
  ): Promise<{ records: HitRecord[]; more: boolean }> {
    const weeks = weeksToRead(tally.weeks, tally.computedAt, clock.now(), direction === "asc");
    const everyCase = query.province === undefined && query.status === undefined;
    const hasEquality = typeof query.province === "string" || typeof query.status === "string";
    const countedWeeks = weeks.filter((week) => (tally.weeks[week] ?? 0) > 0).length;
    if (!everyCase && hasEquality && (skip + limit + 1) * countedWeeks > WALK_WEEKS * Math.max(1, total)) {
      const read = await sorted(query, { field: "registered", direction }).skip(skip).limit(limit + 1).lean<HitRecord[]>().exec();
      return { records: read.slice(0, limit), more: read.length > limit };
    }
    const lastCountedWeek = registrationWeek(tally.computedAt);
    const records: HitRecord[] = [];
    let before = skip;
    for (const week of weeks) {
      const counted = tally.weeks[week] ?? 0;
      if (everyCase && week < lastCountedWeek && counted <= before) {
        before -= counted;
        continue;
      }
      const found = await sorted({ ...query, registeredWeek: week }, { field: "registered", direction }).lean<HitRecord[]>().exec();
      if (found.length <= before) {
        before -= found.length;
        continue;
      }
      records.push(...found.slice(before));
      before = 0;
      if (records.length > limit) break;
    }
    return { records: records.slice(0, limit), more: records.length > limit };
  }

  /**
   * The total and one page of a broad query (all cases, provinces, a status) from the tally: its
   * counts are the totals (and each group's, for a status or province sort), its weeks the weeks to
   * read. The tally is at most a few minutes old (STATS_REFRESH_MINUTES): cases registered since
   * are read (their weeks always are), and a list that goes on past the counted total gets one
   * more page.
   */
  async function resultsByWeek(
    query: Record<string, unknown>,
    page: number,
    size: number,
    sort: CaseSort,
    provinceOrder: readonly string[],
    tally: StatisticsTally,
  ): Promise<{ total: number; current: number; records: HitRecord[] }> {
    const lastPage = (total: number) => Math.max(1, Math.ceil(total / size)) - 1;
    const groups = groupsOf(query, sort, provinceOrder);
    if (groups) {
      const field = sort.field as "status" | "province";
      const counts: GroupCount[] = groups.map((group) => ({ group, count: tallyCount(tally, { ...query, [field]: group }) }));
      const total = counts.reduce((sum, c) => sum + c.count, 0);
      const current = Math.min(page, lastPage(total));
      const records: HitRecord[] = [];
      for (const slice of groupedPageSlices(counts, current, size)) {
        const count = counts.find((c) => c.group === slice.group)?.count ?? 0;
        records.push(...(await readByWeek({ ...query, [field]: slice.group }, tally, count, "desc", slice.skip, slice.limit)).records);
      }
      return { total, current, records };
    }
    // A status or province sort of a list pinned to one status or province: newest first (sortOf).
    const direction = sort.field === "registered" ? sort.direction : "desc";
    const total = tallyCount(tally, query);
    let current = page;
    let read = await readByWeek(query, tally, total, direction, current * size, size);
    if (read.records.length === 0 && current > lastPage(total)) {
      current = lastPage(total);
      read = await readByWeek(query, tally, total, direction, current * size, size);
    }
    return { total: Math.max(total, current * size + read.records.length + (read.more ? 1 : 0)), current, records: read.records };
  }

  /**
   * The total and one page of a query: in one read (up to ONE_READ_LIMIT cases) when it selects
   * few; a week at a time with the tally's totals when it is broad and a fresh tally is at hand;
   * else a count, then the page.
   */
  async function resultsOf(
    query: Record<string, unknown>,
    page: number,
    size: number,
    sort: CaseSort,
    provinceOrder: readonly string[],
  ): Promise<{ total: number; current: number; records: HitRecord[] }> {
    const groups = groupsOf(query, sort, provinceOrder);
    const field = sort.field as "status" | "province";
    if (selectsFew(query) && page * size < ONE_READ_LIMIT) {
      const read = await sorted(query, groups ? NEWEST_FIRST : sort).limit(ONE_READ_LIMIT + 1).lean<HitRecord[]>().exec();
      if (read.length <= ONE_READ_LIMIT) {
        const all = groups ? sortByGroupOrder(read, (r) => r[field], groups) : read;
        const current = Math.min(page, Math.max(1, Math.ceil(all.length / size)) - 1);
        return { total: all.length, current, records: all.slice(current * size, (current + 1) * size) };
      }
    }
    if (isTallyCounted(query)) {
      const tally = await freshTally();
      if (tally) return resultsByWeek(query, page, size, sort, provinceOrder, tally);
    }
    if (groups) {
      // A count per group (an equality each), then the slices of the groups this page overlaps.
      const counts: GroupCount[] = [];
      for (const group of groups) counts.push({ group, count: await models.cases.countDocuments({ ...query, [field]: group }).exec() });
      const total = counts.reduce((sum, c) => sum + c.count, 0);
      const current = Math.min(page, Math.max(1, Math.ceil(total / size)) - 1);
      const records: HitRecord[] = [];
      for (const slice of groupedPageSlices(counts, current, size)) {
        records.push(...(await sorted({ ...query, [field]: slice.group }, NEWEST_FIRST).skip(slice.skip).limit(slice.limit).lean<HitRecord[]>().exec()));
      }
      return { total, current, records };
    }
    const total = await models.cases.countDocuments(query).exec();
    const current = Math.min(page, Math.max(1, Math.ceil(total / size)) - 1);
    const records = await sorted(query, sort).skip(current * size).limit(size).lean<HitRecord[]>().exec();
    return { total, current, records };
  }

  async function pageOf(
    actor: Actor,
    filter: CaseSearchFilter,
    page: number,
    size = SEARCH_PAGE_SIZE,
    sort = NEWEST_FIRST,
    provinceOrder: readonly string[] = DEFAULT_PROVINCE_ORDER,
  ): Promise<CaseSearchPage> {
    const queries = queriesOf(actor, filter);
    let results = await resultsOf(queries[0]!, page, size, sort, provinceOrder);
    for (const next of queries.slice(1)) {
      if (results.total > 0) break;
      results = await resultsOf(next, page, size, sort, provinceOrder);
    }
    const { total, current, records } = results;
    await audit.record(actor.userId, "case.search", undefined, { filter: filterKind(filter), results: total, page: current });
    return {
      filter,
      page: current,
      pages: Math.max(1, Math.ceil(total / size)),
      total,
      hits: records.map((r) => ({
        caseId: r._id.toHexString(),
        reference: r.reference,
        status: r.status,
        province: r.province,
        fullName: cipher.decryptOptional(r.relative?.fullNameEnc) ?? "",
        registeredAt: r.createdAt,
        duplicateReview: r.duplicateReview,
      })),
    };
  }

  /** The first of a search's queries that finds anything (what its pages showed), for the export. */
  async function findingQuery(actor: Actor, filter: CaseSearchFilter): Promise<Record<string, unknown>> {
    const queries = queriesOf(actor, filter);
    for (const query of queries.slice(0, -1)) {
      if (await models.cases.exists(query).exec()) return query;
    }
    return queries.at(-1)!;
  }

  return {
    currentFilter: storedFilter,

    async search(acting, input, view = {}) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.view")) return { ok: false, error: "forbidden" };
      const parsed = caseSearchFilterSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: "invalid" };
      const { page = 0, pageSize = SEARCH_PAGE_SIZE, sort = NEWEST_FIRST, provinceOrder = DEFAULT_PROVINCE_ORDER } = view;
      const validView =
        Number.isInteger(page) && page >= 0 && page < SEARCH_PAGE_LIMIT && Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_PAGE_SIZE && CASE_SORT_FIELDS.includes(sort.field) && ["asc", "desc"].includes(sort.direction);
      if (!validView) return { ok: false, error: "invalid" };
      await models.caseSearches
        .updateOne({ userId: cipher.userRef(actor.userId) }, { $set: { filterEnc: cipher.encrypt(JSON.stringify(parsed.data)), updatedAt: clock.now() } }, { upsert: true })
        .exec();
      return { ok: true, value: await pageOf(actor, parsed.data, page, pageSize, sort, provinceOrder) };
    },

    async page(acting, input) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.view")) return { ok: false, error: "forbidden" };
      const page = typeof input === "number" && Number.isInteger(input) && input >= 0 && input < SEARCH_PAGE_LIMIT ? input : null;
      if (page === null) return { ok: false, error: "invalid" };
      return { ok: true, value: await pageOf(actor, await storedFilter(actor), page) };
    },

    async exportCsv(acting, input) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.export")) return { ok: false, error: "forbidden" };
      let filter: CaseSearchFilter;
      if (input === undefined) filter = await storedFilter(actor);
      else {
        const parsed = caseSearchFilterSchema.safeParse(input);
        if (!parsed.success) return { ok: false, error: "invalid" };
        filter = parsed.data;
      }
      const query = await findingQuery(actor, filter);
      /** One row a case; families counted for a batch of cases at once (one query per batch, not per case). */
      const rowsOf = async (batch: CaseRecord[]): Promise<string> => {
        const counts = await models.caseLinks
          .aggregate<{ _id: CaseRecord["_id"]; n: number }>([{ $match: { caseId: { $in: batch.map((r) => r._id) }, withdrawnAt: null } }, { $group: { _id: "$caseId", n: { $sum: 1 } } }])
          .exec();
        const families = new Map(counts.map((c) => [c._id.toHexString(), c.n]));
        return batch
          .map(
            (r) =>
              `${csvRow([
                r.reference,
                r.createdAt.toISOString(),
                r.status,
                r.closeReason ?? "",
                cipher.decryptOptional(r.relative.fullNameEnc),
                splitNames(cipher.decryptOptional(r.relative.otherNamesEnc)).join("; "),
                r.relative.sex ?? "",
                r.relative.birthYear ?? null,
                r.relative.leftYear ?? null,
                r.relative.location ?? "",
                r.province === "abroad" ? "abroad" : provinceName(r.province, "en"),
                r.province === "abroad" ? "" : provinceName(r.province, "fa"),
                families.get(r._id.toHexString()) ?? 0,
                r.duplicateReview,
              ])}\r\n`,
          )
          .join("");
      };
      let rows = 0;
      async function* lines(): AsyncGenerator<string> {
        yield `${UTF8_BOM}${csvRow(CASE_EXPORT_COLUMNS)}\r\n`;
        // Read from a cursor and written out batch by batch: the whole list is never in memory.
        const cursor = models.cases.find(query).sort({ createdAt: 1, _id: 1 }).lean<CaseRecord>().cursor({ batchSize: EXPORT_BATCH });
        let batch: CaseRecord[] = [];
        for await (const record of cursor) {
          batch.push(record);
          if (batch.length < EXPORT_BATCH) continue;
          rows += batch.length;
          yield await rowsOf(batch);
          batch = [];
        }
        if (batch.length > 0) {
          rows += batch.length;
          yield await rowsOf(batch);
        }
        await audit.record(actor.userId, "case.export", undefined, { filter: filterKind(filter), rows });
      }
      return { ok: true, value: { filter, csv: Readable.from(lines(), { objectMode: false }), rows: () => rows } };
    },
  };
}
