import { Assignment } from "../features/assignments/assignment.entity";
import { Concern } from "../features/delegations/concern.entity";
import { Delegation } from "../features/delegations/delegation.entity";
import { Directive } from "../features/directives/directive.entity";
import { Evaluation } from "../features/evaluations/evaluation.entity";
import { UnitEvaluation } from "../features/evaluations/unit-evaluation.entity";
import { Event } from "../features/events/event.entity";
import { EventLock } from "../features/events/event-lock.entity";
import { ApiKey } from "../features/api-keys/api-key.entity";
import { Member } from "../features/members/member.entity";
import { Position } from "../features/members/position.entity";
import { Term } from "../features/members/term.entity";
import { NtmCriterionStatus } from "../features/ntm/ntm-criterion-status.entity";
import { NtmCriterion } from "../features/ntm/ntm-criterion.entity";
import { NtmRecognition } from "../features/ntm/ntm-recognition.entity";
import { OrgUnit } from "../features/org-units/org-unit.entity";
import { Pledge } from "../features/pledges/pledge.entity";
import { Visit } from "../features/visits/visit.entity";
import { User } from "../features/users/user.entity";
import { IdempotencyKey } from "../features/idempotency/idempotency-key.entity";
import { SubtreeCounter } from "../features/counters/subtree-counter.entity";

export const entities = [
  OrgUnit,
  Term,
  Member,
  Position,
  Directive,
  Assignment,
  NtmCriterion,
  NtmCriterionStatus,
  NtmRecognition,
  Pledge,
  Visit,
  Evaluation,
  UnitEvaluation,
  Delegation,
  Concern,
  Event,
  User,
  IdempotencyKey,
  EventLock,
  ApiKey,
  SubtreeCounter,
];
