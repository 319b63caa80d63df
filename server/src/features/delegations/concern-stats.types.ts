import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("ConcernStats", {
  description:
    "How the concerns (khó khăn, vướng mắc) raised in a subtree stand: counts by status and the time it took to resolve them. Only concerns visible to the caller are counted.",
})
export class ConcernStats {
  @Field(() => Int, { description: "Concerns not yet taken up (OPEN, mới)." })
  open: number;

  @Field(() => Int, { description: "Concerns being handled (IN_PROGRESS, đang xử lý)." })
  inProgress: number;

  @Field(() => Int, { description: "Concerns resolved (RESOLVED, đã giải quyết)." })
  resolved: number;

  @Field(() => Int, { description: "All concerns counted: open + inProgress + resolved." })
  total: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Mean days from raising (the day, taken as midnight UTC) to resolution, to one decimal, as `Concern.daysToResolve`; null when none is resolved.",
  })
  averageDaysToResolve: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Median days from raising to resolution, to one decimal; null when none is resolved.",
  })
  medianDaysToResolve: number | null;
}
