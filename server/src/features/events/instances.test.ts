import { toGlobalId } from "../../core/global-id";
import { createDataSource } from "../../db/data-source";
import { migrate } from "../../db/migrate";
import { seed } from "../../demo/seed";
import { createTestDatabase, describeWithServices, REDIS_URL, type TestDatabase } from "../../test/databases";
import {
  buildServerForProcesses,
  startInstance,
  startRedisProxy,
  type Instance,
  type RedisProxy,
} from "../../test/instances";
import { sleep, subscribe, wsClient } from "../../test/live-client";
import type { DataSource } from "typeorm";

const SECRET = "instances-test-secret-that-is-long-enough-0123456789";
const CONFIRMATIONS = `subscription { confirmationLanded(unit: { code: "925" }) { event { id } pledge { id } } }`;

/**
 * Several server processes behind one database and one Redis, as production runs them: a confirmation made on
 * one instance reaches subscribers on every instance, through Redis; and when Redis is unreachable, through each
 * instance's poll of the event table.
 */
describeWithServices("several server processes sharing MariaDB and Redis", () => {
  let database: TestDatabase;
  let db: DataSource;
  const started: Instance[] = [];
  let proxy: RedisProxy;

  beforeAll(async () => {
    buildServerForProcesses();
    database = await createTestDatabase("mysql");
    db = createDataSource(database.config);
    await db.initialize();
    await migrate(db);
    await seed(db);
    proxy = await startRedisProxy(REDIS_URL);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(started.map((i) => i.stop()));
    await proxy?.close();
    await db?.destroy();
    await database?.drop();
  });

  const instance = async (env: Record<string, string>) => {
    const started1 = await startInstance({
      DATABASE_URL: database.config.DATABASE_URL,
      JWT_SECRET: SECRET,
      ...env,
    });
    started.push(started1);
    return started1;
  };

  /** Pledges of Trung An's cells put in REPORTED state (set-up), for committee.trungan to confirm. */
  async function reportedPledges(n: number): Promise<string[]> {
    const rows: { id: number }[] = await db.query(
      `SELECT p.id FROM pledge p JOIN org_unit u ON u.id = p.unit_id JOIN org_unit x ON x.id = u.parent_id
       WHERE x.code = '925.02' AND p.status = 'REGISTERED' ORDER BY p.id LIMIT ${n}`,
    );
    expect(rows).toHaveLength(n);
    for (const row of rows) await db.query("UPDATE pledge SET status = 'REPORTED' WHERE id = ?", [row.id]);
    return rows.map((r) => toGlobalId("Pledge", r.id));
  }

  async function confirmOn(target: Instance, ids: string[]): Promise<void> {
    const token = await target.signIn("committee.trungan");
    for (const id of ids) {
      const body = await target.gql(
        `mutation($id: ID!) { confirmPledge(input: { id: $id }) { status } }`,
        { id },
        token,
      );
      expect(body.errors).toBeUndefined();
    }
  }

  it("delivers a confirmation made on the second instance to a subscriber on the first, through Redis", async () => {
    // The table poll is slowed to a minute here, so only the Redis signal can deliver within the deadline.
    const [a, b] = await Promise.all([
      instance({ REDIS_URL, EVENT_POLL_MS: "60000" }),
      instance({ REDIS_URL, EVENT_POLL_MS: "60000" }),
    ]);
    const client = wsClient(a.wsUrl, await a.signIn("viewer.codo"));
    const sub = subscribe(client, CONFIRMATIONS);
    await sleep(300);
    const [id] = await reportedPledges(1);
    const started = Date.now();
    await confirmOn(b, [id]);
    const message = await sub.next(2000);
    expect(message.confirmationLanded.pledge.id).toBe(id);
    console.log(
      `confirmation on instance B reached a subscriber on instance A in ${Date.now() - started} ms`,
    );
    await client.dispose();
  });

  it("still delivers all three confirmations to both instances while Redis is unreachable, and recovers after", async () => {
    const [a, b] = await Promise.all([
      instance({ REDIS_URL: proxy.url, EVENT_POLL_MS: "1000" }),
      instance({ REDIS_URL: proxy.url, EVENT_POLL_MS: "1000" }),
    ]);
    const clients = [
      wsClient(a.wsUrl, await a.signIn("viewer.codo")),
      wsClient(b.wsUrl, await b.signIn("viewer.codo")),
    ];
    const subs = clients.map((c) => subscribe(c, CONFIRMATIONS));
    await sleep(300);
    const ids = await reportedPledges(4);
    await proxy.cut(); // Redis is now unreachable for both instances
    try {
      const started = Date.now();
      await confirmOn(b, ids.slice(0, 3));
      for (const sub of subs) {
        const got = await sub.waitFor(3, 5000);
        expect(got.map((m) => m.confirmationLanded.pledge.id)).toEqual(ids.slice(0, 3));
      }
      console.log(
        `with Redis unreachable, 3 confirmations reached both instances within ${Date.now() - started} ms`,
      );
    } finally {
      await proxy.restore();
    }
    await sleep(2500); // the instances reconnect to Redis
    await confirmOn(a, ids.slice(3));
    for (const sub of subs) expect((await sub.next(3000)).confirmationLanded.pledge.id).toBe(ids[3]);
    for (const sub of subs) expect(sub.messages).toHaveLength(4);
    await Promise.all(clients.map((c) => c.dispose()));
  });
});
