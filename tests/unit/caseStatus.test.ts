import { describe, it, expect } from "vitest";
import {
  CASE_ACTORS,
  CASE_STATUSES,
  CLOSE_REASONS,
  allowedTargets,
  isCaseStatus,
  isClosed,
  isCloseReason,
  transition,
  type CaseActor,
  type CaseStatus,
  type CloseReason,
  type TransitionResult,
} from "../../src/domain/caseStatus.js";

// The agreed table, written out independently of the implementation.
const MOVES: ReadonlyArray<[CaseStatus, CaseStatus, readonly CaseActor[]]> = [
  ["registered", "under_review", ["volunteer", "coordinator"]],
  ["under_review", "verified", ["coordinator"]],
  ["under_review", "registered", ["coordinator"]],
  ["verified", "outreach", ["volunteer", "coordinator"]],
  ["outreach", "contact_established", ["volunteer", "coordinator"]],
  ["contact_established", "outreach", ["coordinator"]],
  ["closed", "under_review", ["coordinator"]],
];
const CLOSING: Readonly<Partial<Record<CaseActor, readonly CloseReason[]>>> = {
  coordinator: ["reunited", "withdrawn_by_family", "duplicate", "not_found", "other"],
  family: ["withdrawn_by_family"],
};

function expected(from: CaseStatus, to: CaseStatus, actor: CaseActor, reason: CloseReason | undefined): TransitionResult {
  if (from === to) return { ok: false, error: "same_status" };
  if (to === "closed") {
    const reasons = CLOSING[actor];
    if (!reasons) return { ok: false, error: "not_allowed" };
    if (reason === undefined) return { ok: false, error: "reason_required" };
    if (!reasons.includes(reason)) return { ok: false, error: "not_allowed" };
    return { ok: true, status: "closed", closeReason: reason };
  }
  const move = MOVES.find(([f, t]) => f === from && t === to);
  if (!move || !move[2].includes(actor)) return { ok: false, error: "not_allowed" };
  if (reason !== undefined) return { ok: false, error: "reason_not_allowed" };
  return { ok: true, status: to };
}

const REASON_OPTIONS: ReadonlyArray<CloseReason | undefined> = [undefined, ...CLOSE_REASONS];

describe("transition", () => {
  const combinations = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.flatMap((to) => CASE_ACTORS.flatMap((actor) => REASON_OPTIONS.map((reason) => ({ from, to, actor, reason })))),
  );

  it.each(combinations)("$from → $to by $actor (reason: $reason)", ({ from, to, actor, reason }) => {
    const request = reason === undefined ? { to, actor } : { to, actor, reason };
    expect(transition(from, request)).toEqual(expected(from, to, actor, reason));
  });

  it("checks every combination and allows exactly 40 of them", () => {
    expect(combinations).toHaveLength(6 * 6 * 4 * 6);
    const allowed = combinations.filter(({ from, to, actor, reason }) => transition(from, { to, actor, reason }).ok);
    expect(allowed).toHaveLength(40);
  });

  it("a volunteer in Ardabil takes a new case into review, a coordinator verifies it", () => {
    expect(transition("registered", { to: "under_review", actor: "volunteer" })).toEqual({ ok: true, status: "under_review" });
    expect(transition("under_review", { to: "verified", actor: "volunteer" })).toEqual({ ok: false, error: "not_allowed" });
    expect(transition("under_review", { to: "verified", actor: "coordinator", note: "confirmed by phone" })).toEqual({
      ok: true,
      status: "verified",
    });
  });

  it("a family can withdraw its case but cannot mark it as a duplicate", () => {
    expect(transition("outreach", { to: "closed", actor: "family", reason: "withdrawn_by_family" })).toEqual({
      ok: true,
      status: "closed",
      closeReason: "withdrawn_by_family",
    });
    expect(transition("outreach", { to: "closed", actor: "family", reason: "duplicate" })).toEqual({ ok: false, error: "not_allowed" });
    expect(transition("outreach", { to: "closed", actor: "family" })).toEqual({ ok: false, error: "reason_required" });
  });

  it("a coordinator reopens a closed case; nobody else can", () => {
    expect(transition("closed", { to: "under_review", actor: "coordinator" })).toEqual({ ok: true, status: "under_review" });
    expect(transition("closed", { to: "under_review", actor: "family" })).toEqual({ ok: false, error: "not_allowed" });
    expect(transition("closed", { to: "closed", actor: "coordinator", reason: "other" })).toEqual({ ok: false, error: "same_status" });
  });
});

describe("allowedTargets", () => {
  it.each<[CaseStatus, CaseActor, CaseStatus[]]>([
    ["registered", "volunteer", ["under_review"]],
    ["registered", "coordinator", ["under_review", "closed"]],
    ["registered", "family", ["closed"]],
    ["registered", "system", []],
    ["under_review", "coordinator", ["registered", "verified", "closed"]],
    ["under_review", "volunteer", []],
    ["verified", "volunteer", ["outreach"]],
    ["outreach", "volunteer", ["contact_established"]],
    ["contact_established", "coordinator", ["outreach", "closed"]],
    ["contact_established", "volunteer", []],
    ["closed", "coordinator", ["under_review"]],
    ["closed", "family", []],
  ])("%s by %s → %j", (from, actor, targets) => {
    expect(allowedTargets(from, actor)).toEqual(targets);
  });

  it("lists exactly the statuses some request can reach", () => {
    for (const from of CASE_STATUSES) {
      for (const actor of CASE_ACTORS) {
        const reachable = CASE_STATUSES.filter((to) => REASON_OPTIONS.some((reason) => transition(from, { to, actor, reason }).ok));
        expect(allowedTargets(from, actor)).toEqual(reachable);
      }
    }
  });
});

describe("vocabulary", () => {
  it.each([
    ["registered", true],
    ["closed", true],
    ["open", false],
    ["", false],
  ] as const)("isCaseStatus(%j) = %s", (s, result) => {
    expect(isCaseStatus(s)).toBe(result);
  });

  it.each([
    ["reunited", true],
    ["withdrawn_by_family", true],
    ["lost", false],
  ] as const)("isCloseReason(%j) = %s", (s, result) => {
    expect(isCloseReason(s)).toBe(result);
  });

  it("only closed is closed", () => {
    expect(CASE_STATUSES.filter(isClosed)).toEqual(["closed"]);
  });
});
