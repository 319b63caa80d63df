import { hashPassword } from "../../core/auth/password";
import { DEMO_PASSWORD } from "../can-tho";
import type { BulkWriter } from "./bulk-writer";

export interface GeneratedUser {
  username: string;
  displayName: string;
  roles: string[];
  unitId: number;
  memberId: number | null;
}

/** Writes the demo users, all with the demo password, hashed once (scrypt is slow on purpose) and shared. */
export async function writeUsers(writer: BulkWriter, users: GeneratedUser[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  users.forEach((user, i) => writer.add("users", { id: i + 1, ...user, passwordHash, active: true }));
  await writer.checkpoint();
}
