import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { requireRole } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { text } from "../../core/input";
import { IdempotencyKeyArg, runMutation, snapshot } from "../../core/mutation";
import { DateTimeScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";
import { OrgUnit } from "../org-units/org-unit.entity";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { ApiKey } from "./api-key.entity";
import { newApiKey } from "./api-key.secret";

@InputType("CreateApiKeyInput", { description: "A new read-only key for a third party." })
export class CreateApiKeyInput {
  @Field({ description: "Who the key is for." })
  name: string;
  @Field(() => UnitRef, { description: "The subtree the key may read." })
  unit: UnitRef;
  @Field(() => Int, { nullable: true, description: "Cost points an hour; 50,000 when omitted." })
  pointsPerHour?: number;
  @Field(() => Int, { nullable: true, description: "Cost points in any 10 seconds; 10,000 when omitted." })
  burstPoints?: number;
}

@ObjectType("CreatedApiKey", { description: "A new key and its secret, shown this once only." })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: "The key." })
  apiKey: ApiKey;
  @Field({
    description:
      "The secret to send as `Authorization: Bearer <secret>` or `X-Api-Key`; it is not stored and cannot be shown again.",
  })
  secret: string;
}

@ObjectType("RateLimitStatus", { description: "The caller's cost budget after this request." })
export class RateLimitStatus {
  @Field(() => Int, { description: "Points in the hourly budget." })
  limit: number;
  @Field(() => Int, { description: "Points left in the current hour." })
  remaining: number;
  @Field(() => DateTimeScalar, { description: "When the budget is whole again." })
  resetAt: Date;
  @Field(() => Int, { description: "What this request cost." })
  cost: number;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "API keys issued in your subtree (ADMIN)." })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    requireRole(ctx, Role.ADMIN);
    return ctx.db.getRepository(ApiKey).find({ order: { id: "ASC" } });
  }

  @Query(() => RateLimitStatus, {
    nullable: true,
    description: "Your cost budget after this request; null when you are not metered (signed-in users).",
  })
  rateLimit(@Ctx() ctx: Context): RateLimitStatus | null {
    return ctx.rateLimit ?? null;
  }

  @Mutation(() => CreatedApiKey, {
    description:
      "Issues a read-only API key for a third party, cut to a unit's subtree (ADMIN). Action API_KEY_CREATED.",
  })
  async createApiKey(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateApiKeyInput, { description: "The key." }) input: CreateApiKeyInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ): Promise<CreatedApiKey> {
    requireRole(ctx, Role.ADMIN);
    const unit = await resolveUnitRef(ctx, input.unit);
    const { key, prefix, secretHash } = newApiKey();
    const points = (value: number | undefined, fallback: number, field: string) => {
      const n = value ?? fallback;
      if (!Number.isInteger(n) || n < 1 || n > 100_000_000)
        throw badInput(`${field} must be a positive whole number.`, { field });
      return n;
    };
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

  @Mutation(() => ApiKey, {
    description:
      "Revokes an API key: it stops working at once, its open subscriptions are closed (ADMIN). Action API_KEY_REVOKED.",
  })
  revokeApiKey(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { description: "The key." }) id: string,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ): Promise<ApiKey> {
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
}
