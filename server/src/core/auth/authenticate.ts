import type { DataSource } from "typeorm";
import { OrgUnit } from "../../features/org-units/org-unit.entity";
import { User } from "../../features/users/user.entity";
import { ApiError, ErrorCode } from "../errors";
import { bearerToken, type TokenAuthority } from "./token";
import type { Viewer } from "./viewer";

/** Turns an Authorization value into the viewer it names (null when absent); errors when it is present but bad. */
export async function authenticate(
  db: DataSource,
  tokens: TokenAuthority,
  authorization: unknown,
): Promise<Viewer | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const userId = await tokens.verify(token);
  return viewerOf(db, userId);
}

export async function viewerOf(db: DataSource, userId: number): Promise<Viewer> {
  const user = await db.getRepository(User).findOneBy({ id: userId });
  if (!user || !user.active)
    throw new ApiError(ErrorCode.UNAUTHENTICATED, "The account is disabled or gone; sign in again.");
  const unit = await db.getRepository(OrgUnit).findOneByOrFail({ id: user.unitId });
  return {
    userId: user.id,
    username: user.username,
    roles: user.roles,
    unitId: unit.id,
    unitPath: unit.path,
    memberId: user.memberId,
  };
}
