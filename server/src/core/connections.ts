import { ObjectType } from "type-graphql";
import { Assignment } from "../features/assignments/assignment.entity";
import { Concern } from "../features/delegations/concern.entity";
import { Delegation } from "../features/delegations/delegation.entity";
import { Directive } from "../features/directives/directive.entity";
import { Evaluation } from "../features/evaluations/evaluation.entity";
import { UnitEvaluation } from "../features/evaluations/unit-evaluation.entity";
import { Event } from "../features/events/event.entity";
import { Member } from "../features/members/member.entity";
import { NtmCriterionStatus } from "../features/ntm/ntm-criterion-status.entity";
import { NtmRecognition } from "../features/ntm/ntm-recognition.entity";
import { OrgUnit } from "../features/org-units/org-unit.entity";
import { Pledge } from "../features/pledges/pledge.entity";
import { Visit } from "../features/visits/visit.entity";
import { Connection } from "./pagination";

/** The connection (page) type of every paginated list, in one place. */
@ObjectType("OrgUnitConnection", { description: "A page of units." })
export class OrgUnitConnection extends Connection(OrgUnit, "OrgUnit") {}
@ObjectType("MemberConnection", { description: "A page of members." })
export class MemberConnection extends Connection(Member, "Member") {}
@ObjectType("DirectiveConnection", { description: "A page of directives." })
export class DirectiveConnection extends Connection(Directive, "Directive") {}
@ObjectType("AssignmentConnection", { description: "A page of assignments." })
export class AssignmentConnection extends Connection(Assignment, "Assignment") {}
@ObjectType("PledgeConnection", { description: "A page of pledges." })
export class PledgeConnection extends Connection(Pledge, "Pledge") {}
@ObjectType("VisitConnection", { description: "A page of visits." })
export class VisitConnection extends Connection(Visit, "Visit") {}
@ObjectType("EvaluationConnection", { description: "A page of member evaluations." })
export class EvaluationConnection extends Connection(Evaluation, "Evaluation") {}
@ObjectType("UnitEvaluationConnection", { description: "A page of unit grades." })
export class UnitEvaluationConnection extends Connection(UnitEvaluation, "UnitEvaluation") {}
@ObjectType("NtmRecognitionConnection", { description: "A page of NTM recognition decisions." })
export class NtmRecognitionConnection extends Connection(NtmRecognition, "NtmRecognition") {}
@ObjectType("NtmCriterionStatusConnection", { description: "A page of NTM criterion assessments." })
export class NtmCriterionStatusConnection extends Connection(NtmCriterionStatus, "NtmCriterionStatus") {}
@ObjectType("DelegationConnection", { description: "A page of working delegations." })
export class DelegationConnection extends Connection(Delegation, "Delegation") {}
@ObjectType("ConcernConnection", { description: "A page of concerns." })
export class ConcernConnection extends Connection(Concern, "Concern") {}
@ObjectType("EventConnection", {
  description: "A page of events, in the order asked for (oldest first by default).",
})
export class EventConnection extends Connection(Event, "Event") {}
