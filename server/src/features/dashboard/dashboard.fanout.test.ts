import { sharedExecutions } from "../../core/observability/metrics";
import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { sleep, subscribe, wsClient } from "../../test/live-client";

const DASHBOARD = `subscription($year: Int!) { dashboard(unit: { code: "925" }, year: $year) { unit { code name parent { code } } year month lastEventId computedAt confirmedCount pledgeCount pledgesByStatus { status count } ntm { communesRecognised } openConcerns visitCompliance { assessed compliant } } }`;

async function executions(): Promise<Record<string, number>> {
  const counts: Record<string, number> = { executed: 0, reused: 0, unshared: 0 };
  for (const v of (await sharedExecutions.get()).values) counts[String(v.labels.outcome)] = v.value;
  return counts;
}

describeEachDatabase("dashboard fan-out: one execution per update and viewer scope", (dialect) => {
  let server: TestServer;
  let member: TestClient;
  let trungan: TestClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    [member, trungan] = await Promise.all([server.as("member.codo"), server.as("committee.trungan")]);
  });
  afterAll(() => server?.stop());

  it("sends N city viewers of one dashboard the same payload from one execution, and a Cờ Đỏ viewer its own", async () => {
    const assignment = (await member.data(`{ viewer { member { assignments(year: 2016) { id } } } }`)).viewer
      .member.assignments[0].id;
    const pledge = (
      await member.data(
        `mutation($a: ID!) { registerPledge(input: { assignment: $a, year: 2016, title: "Tu sửa 2 km đường giao thông nông thôn", category: INFRASTRUCTURE }) { id } }`,
        { a: assignment },
      )
    ).registerPledge.id;
    await member.data(
      `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Đã xong" }) { id } }`,
      {
        id: pledge,
      },
    );

    const N = 40;
    const city = wsClient(server.server.wsUrl, (await server.as("viewer.city")).token);
    const codo = wsClient(server.server.wsUrl, (await server.as("viewer.codo")).token);
    const citySubs = Array.from({ length: N }, () => subscribe(city, DASHBOARD, { year: 2016 }));
    const codoSub = subscribe(codo, DASHBOARD, { year: 2016 });
    const all = [...citySubs, codoSub];
    await Promise.all(all.map((s) => s.waitFor(1, 10000)));
    await sleep(300);

    const before = await executions();
    const counts = all.map((s) => s.messages.length);
    await trungan.data(`mutation($id: ID!) { confirmPledge(input: { id: $id }) { id status } }`, {
      id: pledge,
    });
    await Promise.all(all.map((s, i) => s.waitFor(counts[i] + 1, 10000)));
    await sleep(300);
    const after = await executions();

    // Every city subscriber got the very same payload (the same computation: same computedAt)…
    const cityLast = citySubs.map((s) => JSON.stringify(s.messages[s.messages.length - 1]));
    expect(new Set(cityLast).size).toBe(1);
    const updates = citySubs[0].messages.length - counts[0];
    expect(citySubs.every((s, i) => s.messages.length - counts[i] === updates)).toBe(true);
    const last = JSON.parse(cityLast[0]).dashboard;
    expect(last.confirmedCount).toBe(citySubs[0].messages[counts[0] - 1].dashboard.confirmedCount + 1);
    expect(last.unit.parent.code).toBe("92");
    // …made by one graphql-js execution per update for all N; the Cờ Đỏ viewer sees another part of the tree,
    // so its result is never taken from the city viewers' execution.
    const codoUpdates = codoSub.messages.length - counts[N];
    expect(after.executed - before.executed).toBe(updates + codoUpdates);
    expect(after.reused - before.reused).toBe(updates * (N - 1));
    expect(codoSub.messages[codoSub.messages.length - 1].dashboard.confirmedCount).toBe(last.confirmedCount);
    console.log(
      `[${dialect}] ${N} + 1 subscribers, ${updates} update(s): ${after.executed - before.executed} execution(s), ${after.reused - before.reused} reused`,
    );
    // Completing the operations ends them on the server: the hub lets go of every subscriber.
    expect(server.server.live.hub.size.subscribers).toBe(N + 1);
    all.forEach((s) => s.close());
    await sleep(300);
    expect(server.server.live.hub.size.subscribers).toBe(0);
    await Promise.all([city.dispose(), codo.dispose()]);
  });
});
