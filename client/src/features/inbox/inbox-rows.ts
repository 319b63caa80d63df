import type { InboxData, InboxPledge, InboxUnit } from "./inbox.query";

export interface InboxRow {
  pledge: InboxPledge;
  unit: InboxUnit;
}

/**
 * The pledges of a page waiting for this committee's decision — those of the units directly below its own —
 * oldest report first (they have waited longest). Pledges already decided (here or, as the cache learnt,
 * elsewhere) are left out at once, before the list is fetched again.
 */
export function inboxRows(data: InboxData, hidden: ReadonlySet<string> = new Set()): InboxRow[] {
  const rows: InboxRow[] = [];
  for (const node of data.pledges.nodes) {
    const { unit: nodeUnit, ...pledge } = node;
    const { parent, ...unit } = nodeUnit;
    if (parent?.code !== data.orgUnit.code) continue;
    if (pledge.status !== "REPORTED" || hidden.has(pledge.id)) continue;
    rows.push({ pledge, unit });
  }
  return rows.sort(
    (a, b) =>
      (a.pledge.reportedAt ?? "").localeCompare(b.pledge.reportedAt ?? "") ||
      a.pledge.id.localeCompare(b.pledge.id),
  );
}

/** Whether a user's roles let them confirm pledges (ADMIN users of the city also hold COMMITTEE). */
export function canConfirm(roles: readonly string[]): boolean {
  return roles.includes("COMMITTEE");
}
