import { CaptureStore } from './capture-store.js';

describe('CaptureStore', () => {
  it('lists captures newest first with increasing ids', () => {
    const store = new CaptureStore<{ id: number; text: string }>();
    store.add((id) => ({ id, text: 'first' }));
    store.add((id) => ({ id, text: 'second' }));

    expect(store.list()).toEqual([
      { id: 2, text: 'second' },
      { id: 1, text: 'first' },
    ]);
  });

  it('keeps only the newest `limit` captures, ids still counting on', () => {
    const store = new CaptureStore<{ id: number }>(3);
    for (let i = 0; i < 5; i += 1) store.add((id) => ({ id }));

    expect(store.list().map((item) => item.id)).toEqual([5, 4, 3]);
  });
});
