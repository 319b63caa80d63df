import { Role } from "../../features/users/user.entity";
import { invalidateForEvent } from "./authenticator";
import type { Viewer } from "./viewer";
import { ViewerCache } from "./viewer-cache";

const viewer = (userId: number, unitPath = "/1/", roles: Role[] = [Role.ADMIN]): Viewer => ({
  userId,
  username: `u${userId}`,
  roles,
  unitId: 1,
  unitPath,
  memberId: null,
});

/** A read that counts its calls and can be held open until the test releases it. */
function reader(make: (id: number) => Viewer = (id) => viewer(id)) {
  const calls: number[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  return {
    calls,
    hold: (on: boolean) => (hold = on),
    release: () => held.splice(0).forEach((go) => go()),
    read: (id: number) => {
      calls.push(id);
      const value = make(id);
      return hold
        ? new Promise<Viewer>((resolve) => held.push(() => resolve(value)))
        : Promise.resolve(value);
    },
  };
}

describe("ViewerCache", () => {
  it("reads a user once, then answers from memory with a frozen viewer", async () => {
    const cache = new ViewerCache({ max: 10, ttlMs: 60_000 });
    const r = reader();
    const first = await cache.load(7, r.read);
    const second = await cache.load(7, r.read);
    expect(r.calls).toEqual([7]);
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it("reads again after the TTL", async () => {
    let now = 1_000;
    const cache = new ViewerCache({ max: 10, ttlMs: 60_000, now: () => now });
    const r = reader();
    await cache.load(7, r.read);
    now += 59_999;
    await cache.load(7, r.read);
    expect(r.calls).toEqual([7]);
    now += 1;
    await cache.load(7, r.read);
    expect(r.calls).toEqual([7, 7]);
  });

  it("keeps at most `max` viewers, dropping the least recently used", async () => {
    const cache = new ViewerCache({ max: 2, ttlMs: 60_000 });
    const r = reader();
    await cache.load(1, r.read);
    await cache.load(2, r.read);
    await cache.load(1, r.read); // 1 is now the newest
    await cache.load(3, r.read); // drops 2
    expect(cache.size).toBe(2);
    await cache.load(1, r.read);
    await cache.load(2, r.read);
    expect(r.calls).toEqual([1, 2, 3, 2]);
  });

  it("shares one read between concurrent misses for the same user", async () => {
    const cache = new ViewerCache({ max: 10, ttlMs: 60_000 });
    const r = reader();
    r.hold(true);
    const both = Promise.all([cache.load(7, r.read), cache.load(7, r.read)]);
    r.release();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(r.calls).toEqual([7]);
  });

  it("forgets a user, and does not store a read that started before the invalidation", async () => {
    const cache = new ViewerCache({ max: 10, ttlMs: 60_000 });
    let roles = [Role.ADMIN];
    const r = reader((id) => viewer(id, "/1/", roles));
    await cache.load(7, r.read);
    roles = [Role.VIEWER];
    expect((await cache.load(7, r.read)).roles).toEqual([Role.ADMIN]); // cached
    cache.forgetUser(7);
    expect((await cache.load(7, r.read)).roles).toEqual([Role.VIEWER]);

    // A read in flight while the user changes again: its answer is not kept.
    cache.forgetUser(7);
    r.hold(true);
    const inFlight = cache.load(7, r.read);
    cache.forgetUser(7);
    roles = [Role.MEMBER];
    r.hold(false);
    const after = cache.load(7, r.read); // not joined to the stale read
    r.release();
    expect((await inFlight).roles).toEqual([Role.VIEWER]);
    expect((await after).roles).toEqual([Role.MEMBER]);
    expect((await cache.load(7, r.read)).roles).toEqual([Role.MEMBER]);
  });

  it("forgets the users of a subtree, and only those", async () => {
    const cache = new ViewerCache({ max: 10, ttlMs: 60_000 });
    const paths: Record<number, string> = { 1: "/1/", 2: "/1/5/", 3: "/1/5/9/", 4: "/1/6/", 5: "/1/50/" };
    const r = reader((id) => viewer(id, paths[id]));
    for (const id of [1, 2, 3, 4, 5]) await cache.load(id, r.read);
    cache.forgetSubtree("/1/5/");
    for (const id of [1, 2, 3, 4, 5]) await cache.load(id, r.read);
    expect(r.calls.slice(5)).toEqual([2, 3]);
  });

  it("turns events into invalidations: User events, and OrgUnit events that change a path", async () => {
    const cache = new ViewerCache({ max: 10, ttlMs: 60_000 });
    const paths: Record<number, string> = { 1: "/1/", 2: "/1/5/" };
    const r = reader((id) => viewer(id, paths[id]));
    const fill = async () => {
      for (const id of [1, 2]) await cache.load(id, r.read);
    };
    await fill();
    invalidateForEvent(cache, { entityType: "Pledge", entityId: 1, before: null, after: null });
    invalidateForEvent(cache, {
      entityType: "OrgUnit",
      entityId: 5,
      before: { path: "/1/5/", name: "a" },
      after: { path: "/1/5/", name: "b" },
    });
    await fill();
    expect(r.calls).toEqual([1, 2]);
    invalidateForEvent(cache, { entityType: "User", entityId: 1, before: {}, after: {} });
    await fill();
    expect(r.calls).toEqual([1, 2, 1]);
    invalidateForEvent(cache, {
      entityType: "OrgUnit",
      entityId: 5,
      before: { path: "/1/5/" },
      after: { path: "/1/7/5/" },
    });
    await fill();
    expect(r.calls).toEqual([1, 2, 1, 2]);
  });
});
