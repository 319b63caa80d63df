import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context";
import { IdempotencyKeyArg } from "../../core/mutation";
import { DateTimeScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";
import { ApiKey } from "./api-key.entity";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-key.service";

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
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return listApiKeys(ctx);
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
  createApiKey(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateApiKeyInput, { description: "The key." }) input: CreateApiKeyInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ): Promise<CreatedApiKey> {
    return createApiKey(ctx, input, idempotencyKey);
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
    return revokeApiKey(ctx, id, idempotencyKey);
  }
}
