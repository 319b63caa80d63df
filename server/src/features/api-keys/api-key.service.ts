import { requireRole } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { text } from "../../core/input";
import { runMutation, snapshot } from "../../core/mutation";
import type { UnitRef } from "../../core/subtree";
import { OrgUnit } from "../org-units/org-unit.entity";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { ApiKey } from "./api-key.entity";
import { newApiKey } from "./api-key.secret";

/** Issuing, listing and revoking third parties' API keys: ADMIN only, each change with its event row. */

export interface NewApiKey {
  name: string;
  unit: UnitRef;
  pointsPerHour?: number;
  burstPoints?: number;
}

export function listApiKeys(ctx: Context): Promise<ApiKey[]> {
  requireRole(ctx, Role.ADMIN);
  return ctx.db.getRepository(ApiKey).find({ order: { id: "ASC" } });
}

function points(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > 100_000_000)
    throw badInput(`${field} must be a positive whole number.`, { field });
  return n;
}

/** A new key and its secret (shown this once only). */
export async function createApiKey(
  ctx: Context,
  input: NewApiKey,
  idempotencyKey?: string,
): Promise<{ apiKey: ApiKey; secret: string }> {
  requireRole(ctx, Role.ADMIN);
  const unit = await resolveUnitRef(ctx, input.unit);
  const { key, prefix, secretHash } = newApiKey();
  const pointsPerHour = points(input.pointsPerHour, 50_000, "pointsPerHour");
  const burstPoints = points(input.burstPoints, 10_000, "burstPoints");
  const apiKey = await runMutation(
    ctx,
    { name: "createApiKey", entity: ApiKey, entityType: "ApiKey", input, idempotencyKey },
    async (scope) => {
      const repository = scope.manager.getRepository(ApiKey);
      const created = await repository.save(
        repository.create({
          name: text(input.name, "name", 120, true)!,
          prefix,
          secretHash,
          unitId: unit.id,
          pointsPerHour,
          burstPoints,
          createdByUserId: scope.viewer.userId,
          revokedAt: null,
        }),
      );
      const { secretHash: _hidden, ...visible } = snapshot(created) ?? {};
      await scope.record({
        action: "API_KEY_CREATED",
        entityType: "ApiKey",
        entityId: created.id,
        unit,
        before: null,
        after: visible,
      });
      return created;
    },
  );
  // A retried call returns the key it created first; its secret cannot be shown again.
  if (apiKey.prefix !== prefix)
    throw new ApiError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      "This key was already created; its secret was shown once.",
    );
  return { apiKey, secret: key };
}

/** Revokes a key at once (revoking a revoked key changes nothing). */
export function revokeApiKey(ctx: Context, id: string, idempotencyKey?: string): Promise<ApiKey> {
  requireRole(ctx, Role.ADMIN);
  return runMutation(
    ctx,
    { name: "revokeApiKey", entity: ApiKey, entityType: "ApiKey", input: { id }, idempotencyKey },
    async (scope) => {
      const key = await scope.manager.getRepository(ApiKey).findOneBy({ id: idOfType(id, "ApiKey") });
      if (!key) throw notFound("ApiKey", id);
      if (key.revokedAt) return key;
      const unit = await scope.manager.getRepository(OrgUnit).findOneByOrFail({ id: key.unitId });
      await scope.manager.getRepository(ApiKey).update({ id: key.id }, { revokedAt: new Date() });
      const after = await scope.manager.getRepository(ApiKey).findOneByOrFail({ id: key.id });
      await scope.record({
        action: "API_KEY_REVOKED",
        entityType: "ApiKey",
        entityId: key.id,
        unit,
        before: { revokedAt: null },
        after: { revokedAt: after.revokedAt?.toISOString() },
      });
      return after;
    },
  );
}
