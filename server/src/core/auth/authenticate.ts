import type { DataSource } from "typeorm";
import { ApiKey } from "../../features/api-keys/api-key.entity";
import { parseApiKey, secretMatches } from "../../features/api-keys/api-key.secret";
import { OrgUnit } from "../../features/org-units/org-unit.entity";
import { Role, User } from "../../features/users/user.entity";
import { ApiError, ErrorCode } from "../errors";
import { bearerToken, type TokenAuthority } from "./token";
import type { Viewer } from "./viewer";

/**
 * Turns the credentials of a request into the viewer they name (null when there are none); errors when they are
 * present but bad. A signed-in user's JWT or a third party's API key (`atk_…`), as `Authorization: Bearer …` or
 * `X-Api-Key: …`.
 */
export async function authenticate(
  db: DataSource,
  tokens: TokenAuthority,
  authorization: unknown,
  apiKeyHeader?: unknown,
): Promise<Viewer | null> {
  const token =
    bearerToken(authorization) ??
    (typeof apiKeyHeader === "string" && apiKeyHeader.trim() !== "" ? apiKeyHeader.trim() : null);
  if (!token) return null;
  if (token.startsWith("atk_")) return apiKeyViewer(db, token);
  const userId = await tokens.verify(token);
  return viewerOf(db, userId);
}

/** An API key's viewer: a VIEWER of its unit's subtree; revoked keys stop at once (checked on every request). */
export async function apiKeyViewer(db: DataSource, key: string): Promise<Viewer> {
  const parsed = parseApiKey(key);
  const row = parsed ? await db.getRepository(ApiKey).findOneBy({ prefix: parsed.prefix }) : null;
  if (!parsed || !row || !secretMatches(parsed.secret, row.secretHash)) {
    throw new ApiError(ErrorCode.UNAUTHENTICATED, "The API key is not valid.");
  }
  if (row.revokedAt) throw new ApiError(ErrorCode.UNAUTHENTICATED, "The API key was revoked.");
  const unit = await db.getRepository(OrgUnit).findOneByOrFail({ id: row.unitId });
  return {
    userId: 0,
    username: `apikey:${row.prefix}`,
    roles: [Role.VIEWER],
    unitId: unit.id,
    unitPath: unit.path,
    memberId: null,
    apiKeyId: row.id,
  };
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
