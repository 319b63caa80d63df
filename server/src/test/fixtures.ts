import type { TestClient, TestServer } from "./harness";

/** Row and event counts read straight from the database: "changes nothing" means these stay equal. */
export async function databaseState(
  server: TestServer,
  table: string,
  id?: number,
): Promise<{ rows: unknown[]; events: number }> {
  const rows =
    id == null
      ? await server.db.query(`SELECT * FROM ${table} ORDER BY id`)
      : await server.db.query(`SELECT * FROM ${table} WHERE id = ?`, [id]);
  const events = await server.db.query("SELECT COUNT(*) AS n FROM event");
  return { rows: JSON.parse(JSON.stringify(rows)), events: Number(events[0].n) };
}

/** Events with this action about this entity, as the admin reads them through the API (every page). */
export async function eventsFor(
  admin: TestClient,
  action: string,
  entityId: string,
): Promise<{ action: string; actorLabel: string; before: any; after: any }[]> {
  const found: { entityId: string; action: string; actorLabel: string; before: any; after: any }[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await admin.data(
      `query($actions: [String!], $after: String) { events(filter: { actions: $actions }, first: 100, after: $after) {
        nodes { action actorLabel entityId before after } pageInfo { hasNextPage endCursor } } }`,
      { actions: [action], after },
    );
    found.push(...data.events.nodes);
    if (!data.events.pageInfo.hasNextPage) break;
    after = data.events.pageInfo.endCursor;
  }
  return found.filter((n) => n.entityId === entityId);
}

/** The first error code of a response, or null. */
export const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.code as string) ?? null;
