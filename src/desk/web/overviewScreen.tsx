// Overview: the /stats figures, petitions and events as charts (hover or tap a bar for its number).

import { useEffect, useState } from "preact/hooks";
import type { DeskOverview } from "../shared/deskApi.js";
import { BarList, Columns, Progress, RsvpBar } from "./charts.js";
import { DeskCallFailed, type DeskFailure } from "./deskClient.js";
import { useDesk } from "./deskContext.js";
import { FailureNotice } from "./failureNotice.js";

export function OverviewScreen() {
  const { client, t, fmt } = useDesk();
  const [overview, setOverview] = useState<DeskOverview | null>(null);
  const [failure, setFailure] = useState<DeskFailure | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setFailure(null);
    client
      .overview()
      .then((answer) => current && setOverview(answer))
      .catch((error: unknown) => current && setFailure(error instanceof DeskCallFailed ? error.kind : "server"));
    return () => {
      current = false;
    };
  }, [client, attempt]);

  if (failure) return <FailureNotice kind={failure} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!overview) return <p class="hint">{t("desk-loading")}</p>;
  const section = (key: string, body: preact.ComponentChildren) => (
    <section class="panel">
      <h3>{t(key)}</h3>
      {body}
    </section>
  );
  return (
    <div class="overview">
      {/* A sentence from the server: when the figures were counted and how often they are. */}
      <p class="hint">
        <bdi>{overview.asOfLabel}</bdi>
      </p>
      <div class="tiles">
        <div class="tile">
          <b>{fmt(overview.totalCases)}</b>
          <span>{t("desk-overview-total")}</span>
        </div>
        <div class="tile">
          <b>{fmt(overview.staleCases)}</b>
          <span>{t("desk-overview-stale")}</span>
        </div>
      </div>
      {section("desk-overview-by-province", <BarList items={overview.casesByProvince} label={t("desk-overview-by-province")} />)}
      {section("desk-overview-by-status", <BarList items={overview.casesByStatus} label={t("desk-overview-by-status")} />)}
      {section("desk-overview-by-month", <Columns items={overview.registrationsByMonth} label={t("desk-overview-by-month")} />)}
      {section("desk-overview-contact-by-month", <Columns items={overview.contactByMonth} label={t("desk-overview-contact-by-month")} />)}
      {section("desk-overview-signatures", <Columns items={overview.signaturesByDay} label={t("desk-overview-signatures")} />)}
      {section(
        "desk-overview-petitions",
        overview.petitions.length === 0 ? (
          <p class="hint">{t("desk-overview-empty")}</p>
        ) : (
          overview.petitions.map((petition) => (
            <article key={petition.ref} class="petition">
              <h4>
                <bdi>{petition.title}</bdi> <bdi class="badge">{petition.statusLabel}</bdi>
              </h4>
              <Progress count={petition.count} goal={petition.goal} label={t("desk-overview-goal")} />
              <Columns items={petition.byDay} label={t("desk-overview-signatures")} />
              <BarList items={petition.byProvince} label={t("desk-overview-by-province")} />
            </article>
          ))
        ),
      )}
      {section(
        "desk-overview-events",
        overview.events.length === 0 ? (
          <p class="hint">{t("desk-overview-empty")}</p>
        ) : (
          overview.events.map((event, i) => (
            <article key={i} class="event">
              <h4>
                <bdi>{event.title}</bdi>
              </h4>
              <p class="hint">
                <bdi>{event.startsLabel}</bdi>
              </p>
              <RsvpBar yes={event.yes} maybe={event.maybe} no={event.no} />
            </article>
          ))
        ),
      )}
    </div>
  );
}
