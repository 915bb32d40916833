// The desk's shell: loads the session (who, which language, which words), then the tabs
// Cases and Overview; a case opens over the list, which stays as it was for the way back.

import { useEffect, useMemo, useState } from "preact/hooks";
import type { DeskSession } from "../shared/deskApi.js";
import { BOOT_KEYS, bootText } from "./bootStrings.js";
import { CaseScreen } from "./caseScreen.js";
import { CasesScreen } from "./casesScreen.js";
import { DeskCallFailed, type DeskClient, type DeskFailure } from "./deskClient.js";
import { DeskContext, FAILURE_KEYS, retryable, sessionText, useDesk, type Desk } from "./deskContext.js";
import { numberFormat } from "./numbers.js";
import { OverviewScreen } from "./overviewScreen.js";

export function App({ client, bootLocale }: { client: DeskClient | null; bootLocale: string }) {
  const [session, setSession] = useState<DeskSession | null>(null);
  const [failure, setFailure] = useState<DeskFailure | null>(client ? null : "unauthorized");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!client) return;
    setFailure(null);
    client
      .session()
      .then((answer) => {
        document.documentElement.lang = answer.locale;
        document.documentElement.dir = answer.dir;
        setSession(answer);
      })
      .catch((error: unknown) => setFailure(error instanceof DeskCallFailed ? error.kind : "server"));
  }, [client, attempt]);

  const desk = useMemo<Desk | null>(
    () =>
      session && client
        ? { session, client, t: (key) => sessionText(session, key), fmt: numberFormat(session.locale), rtl: session.dir === "rtl" }
        : null,
    [session, client],
  );

  if (!desk) {
    // Before the session answers only the words built into the page exist (src/desk/web/bootStrings.ts).
    return (
      <main class="boot">
        {failure ? (
          <div class="failure" role="alert">
            <p>{bootText(bootLocale, bootFailureKey(failure))}</p>
            {retryable(failure) ? (
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                {bootText(bootLocale, "desk-retry")}
              </button>
            ) : null}
          </div>
        ) : (
          <p class="hint">{bootText(bootLocale, "desk-loading")}</p>
        )}
      </main>
    );
  }
  return (
    <DeskContext.Provider value={desk}>
      <Shell />
    </DeskContext.Provider>
  );
}

function bootFailureKey(failure: DeskFailure): string {
  const key = FAILURE_KEYS[failure];
  return (BOOT_KEYS as readonly string[]).includes(key) ? key : "desk-error-server";
}

type Tab = "cases" | "overview";

function Shell() {
  const { t } = useDesk();
  const [tab, setTab] = useState<Tab>("cases");
  const [openCase, setOpenCase] = useState<string | null>(null);
  // Bumped by a status move, so the list under the case shows the new status on the way back.
  const [listVersion, setListVersion] = useState(0);
  const open = (caseId: string) => {
    setOpenCase(caseId);
    window.scrollTo(0, 0);
  };
  const tabButton = (key: Tab, label: string) => (
    <button type="button" role="tab" aria-selected={tab === key} class={tab === key ? "tab active" : "tab"} onClick={() => { setTab(key); setOpenCase(null); }}>
      {label}
    </button>
  );
  return (
    <main>
      <header class="top">
        <h1>{t("desk-title")}</h1>
        <nav class="tabs" role="tablist">
          {tabButton("cases", t("desk-tab-cases"))}
          {tabButton("overview", t("desk-tab-overview"))}
        </nav>
      </header>
      {/* The list stays mounted (hidden) under an open case: filter, sort, page and scroll survive the way back. */}
      <div hidden={tab !== "cases" || openCase !== null}>
        <CasesScreen onOpen={open} version={listVersion} />
      </div>
      {tab === "cases" && openCase ? <CaseScreen caseId={openCase} onBack={() => setOpenCase(null)} onOpen={open} onMoved={() => setListVersion((n) => n + 1)} /> : null}
      {tab === "overview" ? <OverviewScreen /> : null}
    </main>
  );
}
