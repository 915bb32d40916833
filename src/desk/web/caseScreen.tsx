// One case on one screen: status, facts, families (contacts for coordinators), duplicates,
// timeline with notes, and the moves the reader's role allows (a close needs a reason).

import { useEffect, useState } from "preact/hooks";
import type { DeskCase } from "../shared/deskApi.js";
import { DeskCallFailed, type DeskFailure } from "./deskClient.js";
import { useDesk } from "./deskContext.js";
import { referenceIn } from "./numbers.js";
import { FailureNotice } from "./failureNotice.js";

export function CaseScreen({ caseId, onBack, onOpen, onMoved }: { caseId: string; onBack: () => void; onOpen: (caseId: string) => void; onMoved: () => void }) {
  const { client, session, t, fmt } = useDesk();
  const [card, setCard] = useState<DeskCase | null>(null);
  const [failure, setFailure] = useState<DeskFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [moved, setMoved] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    setFailure(null);
    client
      .caseCard(caseId)
      .then((answer) => current && setCard(answer))
      .catch((error: unknown) => current && setFailure(error instanceof DeskCallFailed ? error.kind : "server"));
    return () => {
      current = false;
    };
  }, [client, caseId, attempt]);

  const back = (
    <button type="button" class="back" onClick={onBack}>
      {t("desk-back")}
    </button>
  );
  if (failure) {
    return (
      <section class="case">
        {back}
        <FailureNotice kind={failure} onRetry={() => setAttempt((n) => n + 1)} />
      </section>
    );
  }
  if (!card || card.caseId !== caseId) {
    return (
      <section class="case">
        {back}
        <p class="hint">{t("desk-loading")}</p>
      </section>
    );
  }
  const facts: [string, string | undefined][] = [
    ["desk-case-other-names", card.otherNames],
    ["desk-case-sex", card.sexLabel],
    ["desk-case-birth-year", card.birthYear === undefined ? undefined : fmtYear(card.birthYear, fmt)],
    ["desk-case-left-year", card.leftYear === undefined ? undefined : fmtYear(card.leftYear, fmt)],
    ["desk-col-province", card.provinceLabel],
    ["desk-case-location", card.locationLabel],
    ["desk-case-close-reason", card.closeReasonLabel],
    ["desk-case-family-count", fmt(card.familyCount)],
  ];
  return (
    <section class="case">
      {back}
      <header class="case-head">
        <h2>
          <bdi>{card.fullName}</bdi>
        </h2>
        <p>
          <span class="ref" dir="ltr">
            {referenceIn(session.locale, card.reference)}
          </span>{" "}
          <bdi class={`status s-${card.status}`}>{card.statusLabel}</bdi>
        </p>
      </header>
      {moved !== null ? (
        <p class="done" role="status">
          {t("desk-move-done")} {t("desk-move-notified")}: {fmt(moved)}
        </p>
      ) : null}
      <dl class="facts">
        {facts
          .filter(([, value]) => value !== undefined && value !== "")
          .map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
      </dl>

      {card.families ? (
        <section>
          <h3>{t("desk-case-families")}</h3>
          <ul class="families">
            {card.families.map((family, i) => (
              <li key={i}>
                <b>
                  <bdi>{family.relationLabel}</bdi>
                </b>{" "}
                · <bdi>{family.provinceLabel}</bdi>
                {family.city ? (
                  <>
                    {" "}
                    · <bdi>{family.city}</bdi>
                  </>
                ) : null}
                <br />
                {family.phone ? (
                  <span dir="ltr" class="phone">
                    {family.phone}
                  </span>
                ) : (
                  <span class="hint">{t("desk-case-no-phone")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {card.possibleDuplicates.length > 0 ? (
        <section>
          <h3>{t("desk-case-duplicates")}</h3>
          <ul class="duplicates">
            {card.possibleDuplicates.map((dup) => (
              <li key={dup.caseId}>
                <button type="button" class="link ref" dir="ltr" onClick={() => onOpen(dup.caseId)}>
                  {referenceIn(session.locale, dup.reference)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {card.moves.length > 0 ? (
        <MoveForm
          card={card}
          onMoved={(notified) => {
            setMoved(notified);
            setAttempt((n) => n + 1);
            onMoved();
          }}
        />
      ) : null}

      <section>
        <h3>{t("desk-case-timeline")}</h3>
        <ol class="timeline">
          {card.timeline.map((entry, i) => (
            <li key={i}>
              <bdi class="when">{entry.atLabel}</bdi>
              <bdi class="what">{entry.what}</bdi>
              {entry.familyNote ? (
                <p class="note">
                  <b>{t("desk-case-note-family")}:</b> <bdi>{entry.familyNote}</bdi>
                </p>
              ) : null}
              {entry.internalNote ? (
                <p class="note internal">
                  <b>{t("desk-case-note-internal")}:</b> <bdi>{entry.internalNote}</bdi>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

/** Years are plain numbers: no thousands separator ("۱۳۸۱", not "۱٬۳۸۱"). */
function fmtYear(year: number, fmt: (n: number) => string): string {
  return fmt(year).replace(/[٬,.\s]/g, "");
}

function MoveForm({ card, onMoved }: { card: DeskCase; onMoved: (notified: number) => void }) {
  const { client, session, t } = useDesk();
  const [to, setTo] = useState("");
  const [closeReason, setCloseReason] = useState("");
  const [familyNote, setFamilyNote] = useState("");
  const [internalNote, setInternalNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<DeskFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    if (!to) return setProblem("desk-move-need-status");
    if (to === "closed" && !closeReason) return setProblem("desk-move-need-reason");
    setProblem(null);
    setBusy(true);
    client
      .moveStatus(card.caseId, {
        to,
        ...(to === "closed" ? { closeReason } : {}),
        ...(familyNote.trim() ? { familyNote: familyNote.trim() } : {}),
        ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
      })
      .then((answer) => {
        setTo("");
        setCloseReason("");
        setFamilyNote("");
        setInternalNote("");
        onMoved(answer.notified);
      })
      .catch((error: unknown) => setFailure(error instanceof DeskCallFailed ? error.kind : "server"))
      .finally(() => setBusy(false));
  };
  const value = (set: (v: string) => void) => (event: Event) => set((event.currentTarget as HTMLInputElement).value);

  return (
    <form class="move" onSubmit={submit}>
      <h3>{t("desk-move-title")}</h3>
      <label>
        {t("desk-move-to")}
        <select value={to} onChange={value(setTo)}>
          <option value="">—</option>
          {card.moves.map((move) => (
            <option key={move.code} value={move.code}>
              {move.label}
            </option>
          ))}
        </select>
      </label>
      {to === "closed" ? (
        <label>
          {t("desk-move-reason")}
          <select value={closeReason} onChange={value(setCloseReason)}>
            <option value="">—</option>
            {session.choices.closeReasons.map((reason) => (
              <option key={reason.code} value={reason.code}>
                {reason.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t("desk-move-family-note")}
        <textarea value={familyNote} onInput={value(setFamilyNote)} rows={2} maxLength={1000} />
      </label>
      <label>
        {t("desk-move-internal-note")}
        <textarea value={internalNote} onInput={value(setInternalNote)} rows={2} maxLength={1000} />
      </label>
      {problem ? (
        <p class="problems" role="alert">
          {t(problem)}
        </p>
      ) : null}
      {failure ? <FailureNotice kind={failure} /> : null}
      <button type="submit" class="primary" disabled={busy}>
        {t("desk-move-submit")}
      </button>
    </form>
  );
}
