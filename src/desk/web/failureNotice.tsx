// Never a blank page: every failed call says why in the reader's words, with a retry when one can help.

import type { DeskFailure } from "./deskClient.js";
import { FAILURE_KEYS, retryable, useDesk } from "./deskContext.js";

export function FailureNotice({ kind, onRetry }: { kind: DeskFailure; onRetry?: () => void }) {
  const { t } = useDesk();
  return (
    <div class="failure" role="alert">
      <p>{t(FAILURE_KEYS[kind])}</p>
      {onRetry && retryable(kind) ? (
        <button type="button" onClick={onRetry}>
          {t("desk-retry")}
        </button>
      ) : null}
    </div>
  );
}
