// Cases: the filter, the table (20 rows a page, sorted and filtered by the server) and the export.

import { useEffect, useState } from "preact/hooks";
import type { DeskCaseFilter, DeskCaseSortField, DeskCasesPage, Labelled } from "../shared/deskApi.js";
import { DeskCallFailed, type DeskFailure } from "./deskClient.js";
import { useDesk } from "./deskContext.js";
import { referenceIn } from "./numbers.js";
import { FailureNotice } from "./failureNotice.js";
import { EMPTY_DRAFT, filterFromDraft, type FilterDraft, type FilterProblem } from "./filterForm.js";

type Sort = { field: DeskCaseSortField; direction: "asc" | "desc" };

const PROBLEM_KEYS: Record<FilterProblem, string> = {
  reference: "desk-filter-bad-reference",
  registeredFrom: "desk-filter-bad-date",
  registeredTo: "desk-filter-bad-date",
  dateOrder: "desk-filter-bad-order",
};

/** Filters in use besides the name (shown on the folded "more filters" line). */
function extraFilters(filter: DeskCaseFilter): number {
  return Object.keys(filter).filter((key) => key !== "name").length;
}

export function CasesScreen({ onOpen, version }: { onOpen: (caseId: string) => void; version: number }) {
  const { client, session, t, fmt } = useDesk();
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<FilterProblem[]>([]);
  const [filter, setFilter] = useState<DeskCaseFilter>({});
  const [sort, setSort] = useState<Sort>({ field: "registered", direction: "desc" });
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<DeskCasesPage | null>(null);
  const [failure, setFailure] = useState<DeskFailure | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [exported, setExported] = useState<number | null>(null);
  const [exportFailure, setExportFailure] = useState<DeskFailure | null>(null);
  const [wideScreen] = useState(() => window.matchMedia("(min-width: 641px)").matches);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setFailure(null);
    client
      .cases({ filter, sort, page })
      .then((answer) => current && setResult(answer))
      .catch((error: unknown) => current && setFailure(error instanceof DeskCallFailed ? error.kind : "server"))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, filter, sort, page, attempt, version]);

  const search = (event: Event) => {
    event.preventDefault();
    const parsed = filterFromDraft(draft);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    setExported(null);
    setFilter(parsed.filter);
    setPage(0);
  };
  const clear = () => {
    setDraft(EMPTY_DRAFT);
    setProblems([]);
    setExported(null);
    setFilter({});
    setPage(0);
  };
  const sortBy = (field: DeskCaseSortField) => {
    setSort((old) => (old.field === field ? { field, direction: old.direction === "asc" ? "desc" : "asc" } : { field, direction: field === "registered" ? "desc" : "asc" }));
    setPage(0);
  };
  const exportList = () => {
    setExported(null);
    setExportFailure(null);
    client
      .exportCsv({ filter })
      .then((answer) => setExported(answer.rows))
      .catch((error: unknown) => setExportFailure(error instanceof DeskCallFailed ? error.kind : "server"));
  };
  const field = (name: keyof FilterDraft) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    setDraft({ ...draft, [name]: input.type === "checkbox" ? input.checked : input.value });
  };

  const header = (key: string, sortField?: DeskCaseSortField) => {
    if (!sortField) return <th scope="col">{t(key)}</th>;
    const active = sort.field === sortField;
    return (
      <th scope="col" aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}>
        <button type="button" class={active ? "sort active" : "sort"} onClick={() => sortBy(sortField)}>
          {t(key)}
          <span class="sort-mark" aria-hidden="true">{active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}</span>
        </button>
      </th>
    );
  };

  return (
    <section class="cases">
      <form class="filters" onSubmit={search}>
        <label class="wide">
          {t("desk-filter-name")}
          <input type="search" value={draft.name} onInput={field("name")} maxLength={100} autoComplete="off" />
        </label>
        {/* On a phone the other filters fold away, so the first rows are in sight; the summary counts those in use. */}
        <details class="more wide" open={wideScreen}>
          <summary>
            {t("desk-filter-more")}
            {extraFilters(filter) > 0 ? ` (${fmt(extraFilters(filter))})` : ""}
          </summary>
          <div class="more-grid">
            <label>
              {t("desk-col-reference")}
              <input value={draft.reference} onInput={field("reference")} inputMode="numeric" autoComplete="off" dir="ltr" />
            </label>
            <Choice label={t("desk-col-province")} value={draft.province} choices={session.choices.provinces} onChange={field("province")} />
            <Choice label={t("desk-col-status")} value={draft.status} choices={session.choices.statuses} onChange={field("status")} />
            <Choice label={t("desk-filter-location")} value={draft.location} choices={session.choices.locations} onChange={field("location")} />
            <label>
              {t("desk-filter-from")}
              <input value={draft.registeredFrom} onInput={field("registeredFrom")} placeholder={t("desk-filter-date-example")} autoComplete="off" dir="ltr" />
            </label>
            <label>
              {t("desk-filter-to")}
              <input value={draft.registeredTo} onInput={field("registeredTo")} placeholder={t("desk-filter-date-example")} autoComplete="off" dir="ltr" />
            </label>
            <label class="check wide">
              <input type="checkbox" checked={draft.duplicatesPending} onChange={field("duplicatesPending")} />
              {t("desk-filter-duplicates")}
            </label>
          </div>
        </details>
        {problems.length > 0 ? (
          <ul class="problems wide" role="alert">
            {[...new Set(problems.map((p) => PROBLEM_KEYS[p]))].map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        ) : null}
        <div class="actions wide">
          <button type="submit" class="primary">{t("desk-filter-search")}</button>
          <button type="button" onClick={clear}>{t("desk-filter-clear")}</button>
        </div>
      </form>

      {session.can.export ? (
        <div class="export">
          <button type="button" onClick={exportList}>{t("desk-export")}</button>
          {exported !== null ? (
            <p class="done" role="status">
              {t("desk-export-sent")} {t("desk-export-rows")}: {fmt(exported)}
            </p>
          ) : null}
          {exportFailure ? <FailureNotice kind={exportFailure} /> : null}
        </div>
      ) : null}

      {failure ? (
        <FailureNotice kind={failure} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          <p class="total" aria-live="polite">
            {loading || !result ? t("desk-loading") : `${t("desk-total")}: ${fmt(result.total)}`}
          </p>
          <table class="case-table">
            <thead>
              <tr>
                {header("desk-col-reference")}
                {header("desk-col-name")}
                {header("desk-col-status", "status")}
                {header("desk-col-province", "province")}
                {header("desk-col-registered", "registered")}
              </tr>
            </thead>
            <tbody>
              {result?.rows.map((row) => (
                <tr key={row.caseId}>
                  <td class="ref">
                    <bdi dir="ltr">{referenceIn(session.locale, row.reference)}</bdi>
                  </td>
                  <td class="name">
                    <button type="button" class="link" onClick={() => onOpen(row.caseId)}>
                      <bdi>{row.fullName}</bdi>
                    </button>
                    {row.duplicatePending ? <span class="badge warn">{t("desk-duplicate-mark")}</span> : null}
                  </td>
                  <td>
                    <bdi class={`status s-${row.status}`}>{row.statusLabel}</bdi>
                  </td>
                  <td>
                    <bdi>{row.provinceLabel}</bdi>
                  </td>
                  <td class="date">
                    <bdi>{row.registeredLabel}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result && result.rows.length === 0 && !loading ? <p class="hint">{t("desk-no-cases")}</p> : null}
          {result && result.pages > 1 ? (
            <nav class="pager">
              <button type="button" disabled={page <= 0} onClick={() => setPage(page - 1)}>
                {t("desk-page-previous")}
              </button>
              <span>
                {fmt(result.page + 1)} / {fmt(result.pages)}
              </span>
              <button type="button" disabled={page + 1 >= result.pages} onClick={() => setPage(page + 1)}>
                {t("desk-page-next")}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

function Choice({ label, value, choices, onChange }: { label: string; value: string; choices: Labelled[]; onChange: (event: Event) => void }) {
  const { t } = useDesk();
  return (
    <label>
      {label}
      <select value={value} onChange={onChange}>
        <option value="">{t("desk-filter-any")}</option>
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
