/**
 * `load`, called at most once per `ms`: scrapes in a row (two Prometheus servers, a dashboard
 * refreshing) share one answer, and concurrent callers one call. A failed load is not kept.
 */
export function cachedFor<Value>(ms: number, load: () => Promise<Value>): () => Promise<Value> {
  let cached: { at: number; value: Promise<Value> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= ms) {
      const value = load();
      const entry = { at: now, value };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.value;
  };
}
