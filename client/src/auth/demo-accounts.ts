import type { Role, UnitKind } from "../apollo/schema-types";

/**
 * Demo build only: the seeded accounts the sign-in form offers to fill in (see README, "Users, roles and what
 * each may see"). The server's demo seed creates them with this password; a real deployment has neither.
 */
export const DEMO_PASSWORD = "demo-2016";

export interface DemoAccount {
  username: string;
  role: Role;
  unit: { name: string; kind: UnitKind };
}

const CAN_THO = { name: "Cần Thơ", kind: "CITY" } as const;
const CO_DO = { name: "Cờ Đỏ", kind: "RURAL_DISTRICT" } as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "admin", role: "ADMIN", unit: CAN_THO },
  { username: "viewer.city", role: "VIEWER", unit: CAN_THO },
  { username: "committee.codo", role: "COMMITTEE", unit: CO_DO },
  { username: "viewer.codo", role: "VIEWER", unit: CO_DO },
  { username: "member.codo", role: "MEMBER", unit: CO_DO },
  { username: "committee.trungan", role: "COMMITTEE", unit: { name: "Trung An", kind: "COMMUNE" } },
];
