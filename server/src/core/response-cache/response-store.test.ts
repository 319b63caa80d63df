import { ResponseStore } from "./response-store";

const json = (data: object) => JSON.stringify(data);

describe("ResponseStore", () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it("serves an entry only at the version it was computed at", () => {
    const store = new ResponseStore(10_000, 60_000, clock);
    const data = { a: 1 };
    expect(store.set("k", "7", 7, data, json(data))).toBe(true);
    expect(store.get("k", "7")?.data).toBe(data);
    expect(store.get("k", "8")).toBeUndefined();
  });

  it("does not let a slower request replace an entry of a newer version", () => {
    const store = new ResponseStore(10_000, 60_000, clock);
    store.set("k", "9", 9, { v: 9 }, json({ v: 9 }));
    expect(store.set("k", "8", 8, { v: 8 }, json({ v: 8 }))).toBe(false);
    expect(store.get("k", "9")?.data).toEqual({ v: 9 });
    expect(store.set("k", "10", 10, { v: 10 }, json({ v: 10 }))).toBe(true);
    expect(store.get("k", "9")).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it("drops entries past the TTL whatever their version", () => {
    const store = new ResponseStore(10_000, 60_000, clock);
    store.set("k", "1", 1, { a: 1 }, json({ a: 1 }));
    now += 60_001;
    expect(store.get("k", "1")).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it("keeps the total size under the bound, dropping the least recently used first", () => {
    const payload = { text: "x".repeat(80) }; // 91 bytes of JSON, plus the key's 2
    const store = new ResponseStore(800, 60_000, clock);
    for (let i = 0; i < 8; i++) store.set(`k${i}`, "1", 1, payload, json(payload));
    expect([store.size, store.bytes]).toEqual([8, 744]);
    store.get("k0", "1"); // k0 becomes the most recently used: k1 goes first
    store.set("k8", "1", 1, payload, json(payload));
    expect([store.size, store.bytes]).toEqual([8, 744]);
    expect(store.get("k1", "1")).toBeUndefined();
    expect(store.get("k0", "1")).toBeDefined();
    expect(store.get("k8", "1")).toBeDefined();
  });

  it("does not store an entry larger than an eighth of the bound", () => {
    const store = new ResponseStore(800, 60_000, clock);
    const big = { text: "y".repeat(120) };
    expect(store.set("k", "1", 1, big, json(big))).toBe(false);
    expect(store.size).toBe(0);
  });
});
