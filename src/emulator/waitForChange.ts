// Resolves once a check over one chat's state passes, re-checking on every change of that chat.
import type { ChatEvent } from "./chatRecords.js";
import type { ChatStore } from "./chatStore.js";

export function waitForChange<T>(
  store: ChatStore,
  chatId: number,
  check: () => T | undefined,
  timeoutMs: number,
  describeFailure: () => string,
): Promise<T> {
  const ready = check();
  if (ready !== undefined) return Promise.resolve(ready);
  return new Promise<T>((resolve, reject) => {
    const onChange = (event: ChatEvent) => {
      if (event.userId !== chatId) return;
      const value = check();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(describeFailure()));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      store.events.off("change", onChange);
    };
    store.events.on("change", onChange);
  });
}
