/** The last `limit` captures, in memory: a development catcher must not grow without bound. */
export class CaptureStore<Item extends { id: number }> {
  private items: Item[] = [];
  private nextId = 1;

  constructor(private readonly limit = 500) {}

  /** Stores `build(id)` under the next id, dropping the oldest capture past the limit. */
  add(build: (id: number) => Item): Item {
    const item = build(this.nextId++);
    this.items.push(item);
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
    return item;
  }

  /** Newest first, as the page shows them. */
  list(): Item[] {
    return [...this.items].reverse();
  }
}
