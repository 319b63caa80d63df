import { IdempotencyKeys, randomKey } from "./idempotency";

describe("IdempotencyKeys", () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it("sends the same key when the same values are submitted again (a retry)", () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ title: "13 km" })).toBe("key-1");
    expect(keys.keyFor({ title: "13 km" })).toBe("key-1");
  });

  it("sends a new key when the values change, so the server never sees one key with two inputs", () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ title: "13 km" });
    expect(keys.keyFor({ title: "14 km" })).toBe("key-2");
  });

  it("starts a new submission after a success, even with equal values", () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ title: "13 km" });
    keys.done();
    expect(keys.keyFor({ title: "13 km" })).toBe("key-2");
  });
});

describe("randomKey", () => {
  it("is a UUID the API accepts (8–128 characters)", () => {
    const key = randomKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomKey()).not.toBe(key);
  });
});
