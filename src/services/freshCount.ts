/**
 * Counting after a write, shared. Many signers finishing at once each need a count that includes
 * their own signature; on FerretDB a countDocuments costs milliseconds per stored row, so 200
 * separate counts are slow. A caller joins a count that has not started yet (it will see their
 * write), or queues one to start when the running count ends — never one already running, which
 * may have started before their write. Exact, and a burst costs two or three counts.
 */
export function freshCounter<K>(count: (key: K) => Promise<number>): (key: K) => Promise<number> {
  const running = new Map<K, Promise<unknown>>();
  const queued = new Map<K, Promise<number>>();

  function start(key: K): Promise<number> {
    const run = count(key);
    running.set(key, run);
    const clear = () => {
      if (running.get(key) === run) running.delete(key);
    };
    run.then(clear, clear);
    return run;
  }

  return (key) => {
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const current = running.get(key);
    if (!current) return start(key);
    const next = current
      .catch(() => undefined)
      .then(() => {
        queued.delete(key);
        return start(key);
      });
    queued.set(key, next);
    return next;
  };
}
