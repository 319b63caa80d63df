import type { DataSource } from "typeorm";
import { startServer, type RunningServer } from "../../app";
import { createDataSource } from "../../db/data-source";
import { Event } from "../../features/events/event.entity";
import { describeWithServices, REDIS_URL } from "../../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { sleep } from "../../test/live-client";
import { inTransaction } from "../mutation";
import { forgetViewers } from "./authenticator";

const ADMIN_ONLY = `{ apiKeys { id } }`;

async function userId(db: DataSource, username: string): Promise<number> {
  const rows: { id: number | string }[] = await db.query(`SELECT id FROM app_user WHERE username = ?`, [
    username,
  ]);
  return Number(rows[0].id);
}

/**
 * What a mutation that changes a user does: the row and its event (entityType `User`) in one transaction. The
 * event reaches every instance's authenticator through the event feed.
 */
async function changeUser(
  db: DataSource,
  id: number,
  set: { roles?: string; active?: boolean },
): Promise<void> {
  await inTransaction(db, async (manager) => {
    if (set.roles != null) await manager.query(`UPDATE app_user SET roles = ? WHERE id = ?`, [set.roles, id]);
    if (set.active != null)
      await manager.query(`UPDATE app_user SET active = ? WHERE id = ?`, [set.active, id]);
    if (db.options.type !== "better-sqlite3")
      await manager.query("SELECT id FROM event_lock WHERE id = 1 FOR UPDATE");
    await manager.getRepository(Event).insert({
      actorUserId: null,
      actorLabel: "test",
      action: "USER_UPDATED",
      entityType: "User",
      entityId: id,
      unitId: null,
      unitPath: null,
      before: {},
      after: set,
    });
  });
}

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code ?? null;

describe("the authenticator's viewer cache", () => {
  let server: TestServer;
  let admin: TestClient;
  let adminId: number;
  const responseCache = process.env.RESPONSE_CACHE;
  beforeAll(async () => {
    // Statement counts of execution itself: no whole-response cache (and its version read) in the way.
    process.env.RESPONSE_CACHE = "off";
    server = await startTestServer("sqlite");
    admin = await server.as("admin");
    adminId = await userId(server.db, "admin");
  });
  afterAll(async () => {
    if (responseCache === undefined) delete process.env.RESPONSE_CACHE;
    else process.env.RESPONSE_CACHE = responseCache;
    await server?.stop();
  });
  afterEach(async () => {
    await server.db.query(`UPDATE app_user SET roles = 'ADMIN', active = 1 WHERE id = ?`, [adminId]);
    forgetViewers(server.db, "all");
  });

  it("reads the viewer at sign-in and keeps it: later requests run no statement for it", async () => {
    const statements = async (client: TestClient) =>
      Number((await client.gql(`{ viewer { username } }`)).headers.get("x-sql-statements"));
    const member = await server.as("member.codo");
    // Only the user row that `viewer` itself reads.
    expect(await statements(member)).toBe(1);
    expect(await statements(member)).toBe(1);
    forgetViewers(server.db, "all");
    expect(await statements(member)).toBe(2);
    expect(await statements(member)).toBe(1);
  });

  it("signing in again shows a change made behind the server's back at once", async () => {
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull();
    await server.db.query(`UPDATE app_user SET roles = 'VIEWER' WHERE id = ?`, [adminId]);
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull(); // cached (for up to the TTL)
    await server.data(`mutation { signIn(username: "admin", password: "demo-2016") { token } }`);
    // The old token too: the viewer is per user.
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBe("FORBIDDEN");
  });

  it("a change invalidated in the mutation's own path takes effect on the very next request", async () => {
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull();
    await changeUser(server.db, adminId, { roles: "VIEWER" });
    // Cached until told: a change behind the server's back waits for the TTL.
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull();
    forgetViewers(server.db, { userIds: [adminId] });
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBe("FORBIDDEN");

    await changeUser(server.db, adminId, { roles: "ADMIN", active: false });
    forgetViewers(server.db, { userIds: [adminId] });
    const disabled = await admin.gql(`{ __typename }`);
    expect(disabled.status).toBe(401);
    expect(codeOf(disabled)).toBe("UNAUTHENTICATED");
    // Failures are not cached: enabling the account again works at once.
    await server.db.query(`UPDATE app_user SET active = 1 WHERE id = ?`, [adminId]);
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull();
  });

  it("a User event delivered by the feed invalidates the viewer", async () => {
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull();
    await changeUser(server.db, adminId, { roles: "VIEWER" });
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBeNull();
    await server.server.live.feed.pull();
    expect(codeOf(await admin.gql(ADMIN_ONLY))).toBe("FORBIDDEN");
  });

  it("a unit whose path changes invalidates the viewers of its subtree", async () => {
    const committee = await server.as("committee.trungan");
    const rows: { id: number | string; path: string }[] = await server.db.query(
      `SELECT id, path FROM org_unit WHERE code = '925.02'`,
    );
    const unitQuery = `{ viewer { username } unitSummary(unit: { code: "925.02" }, year: 2016) { coveredUnit { code } } }`;
    expect((await committee.data(unitQuery)).unitSummary.coveredUnit.code).toBe("925.02");
    const statements = async () =>
      Number((await committee.gql(`{ __typename }`)).headers.get("x-sql-statements"));
    expect(await statements()).toBe(0);
    // Not a move: the path is unchanged, nothing is read again.
    await server.db.getRepository(Event).insert({
      actorUserId: null,
      actorLabel: "test",
      action: "UNIT_RENAMED",
      entityType: "OrgUnit",
      entityId: Number(rows[0].id),
      unitId: Number(rows[0].id),
      unitPath: rows[0].path,
      before: { path: rows[0].path, name: "a" },
      after: { path: rows[0].path, name: "b" },
    });
    await server.server.live.feed.pull();
    expect(await statements()).toBe(0);
    await server.db.getRepository(Event).insert({
      actorUserId: null,
      actorLabel: "test",
      action: "UNIT_MOVED",
      entityType: "OrgUnit",
      entityId: Number(rows[0].id),
      unitId: Number(rows[0].id),
      unitPath: rows[0].path,
      before: { path: rows[0].path },
      after: { path: `${rows[0].path}moved/` },
    });
    await server.server.live.feed.pull();
    expect(await statements()).toBe(1);
    expect(await statements()).toBe(0);
  });

  it("does not cache API keys: a revoked key stops on the next request", async () => {
    const created = await admin.data(
      `mutation { createApiKey(input: { name: "Cổng", unit: { code: "925" } }) { secret apiKey { id } } }`,
    );
    const call = () =>
      fetch(server.server.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": created.createApiKey.secret },
        body: JSON.stringify({ query: `{ __typename }` }),
      });
    expect((await call()).status).toBe(200);
    await admin.data(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, {
      id: created.createApiKey.apiKey.id,
    });
    expect((await call()).status).toBe(401);
  });
});

describeWithServices("the viewer cache on two instances sharing MariaDB and Redis", () => {
  let server: TestServer;
  let second: RunningServer;
  let secondDb: DataSource;
  beforeAll(async () => {
    // No polling to speak of: the change must arrive through Redis.
    const config = { REDIS_URL, EVENT_POLL_MS: 60_000 };
    server = await startTestServer("mysql", { config });
    secondDb = createDataSource(server.database.config);
    await secondDb.initialize();
    second = await startServer({ ...server.database.config, ...config }, secondDb);
  });
  afterAll(async () => {
    await second?.stop();
    await secondDb?.destroy();
    await server?.stop();
  });

  it("a role change on one instance reaches the other within the pub/sub delay", async () => {
    const token = (await server.as("admin")).token!;
    const adminId = await userId(server.db, "admin");
    const onSecond = async (query: string) => {
      const response = await fetch(second.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    };
    expect(codeOf(await onSecond(ADMIN_ONLY))).toBeNull();
    await changeUser(server.db, adminId, { roles: "VIEWER" });
    // The second instance still has the viewer cached...
    expect(codeOf(await onSecond(ADMIN_ONLY))).toBeNull();
    // ...until the first publishes (after its commit, as runMutation does).
    const started = Date.now();
    server.server.live.feed.signal();
    let code: unknown = null;
    while (code !== "FORBIDDEN" && Date.now() - started < 5_000) {
      await sleep(5);
      code = codeOf(await onSecond(ADMIN_ONLY));
    }
    const delay = Date.now() - started;
    expect(code).toBe("FORBIDDEN");
    // Far below the 60 s poll and TTL: the pub/sub signal and one read of the event table.
    expect(delay).toBeLessThan(1_000);
    console.log(`viewer change seen on the other instance after ${delay} ms`);
  });
});
