import { GraphQLError } from "graphql";

/**
 * Every error code the API returns in `extensions.code`. Clients switch on these, never on messages.
 * Codes are part of the public contract: add new ones, never rename.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INVALID_ID: "INVALID_ID",
  INVALID_CURSOR: "INVALID_CURSOR",
  PAGE_SIZE_EXCEEDED: "PAGE_SIZE_EXCEEDED",
  NOT_FOUND: "NOT_FOUND",
  UNIT_NOT_FOUND: "UNIT_NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  TOKEN_EXPIRED: "TOKEN_EXPIRED",
  FORBIDDEN: "FORBIDDEN",
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  VERSION_CONFLICT: "VERSION_CONFLICT",
  PLEDGE_NOT_EDITABLE: "PLEDGE_NOT_EDITABLE",
  PLEDGE_NOT_REPORTED: "PLEDGE_NOT_REPORTED",
  PLEDGE_ALREADY_DECIDED: "PLEDGE_ALREADY_DECIDED",
  PLEDGE_WITHDRAWN: "PLEDGE_WITHDRAWN",
  PLEDGE_ALREADY_REPORTED: "PLEDGE_ALREADY_REPORTED",
  REASON_REQUIRED: "REASON_REQUIRED",
  SELF_CONFIRMATION_FORBIDDEN: "SELF_CONFIRMATION_FORBIDDEN",
  NOT_CONFIRMER: "NOT_CONFIRMER",
  NOT_ASSIGNED_MEMBER: "NOT_ASSIGNED_MEMBER",
  ASSIGNMENT_NOT_ACTIVE: "ASSIGNMENT_NOT_ACTIVE",
  ASSIGNMENT_ALREADY_ENDED: "ASSIGNMENT_ALREADY_ENDED",
  NOT_A_COMMUNE: "NOT_A_COMMUNE",
  NTM_CRITERIA_NOT_MET: "NTM_CRITERIA_NOT_MET",
  NTM_COMMUNES_NOT_RECOGNISED: "NTM_COMMUNES_NOT_RECOGNISED",
  NTM_ALREADY_RECOGNISED: "NTM_ALREADY_RECOGNISED",
  CONCERN_INVALID_TRANSITION: "CONCERN_INVALID_TRANSITION",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export const notFound = (type: string, id: unknown) =>
  new ApiError(ErrorCode.NOT_FOUND, `No ${type} with that ID is visible to you.`, { type, id });

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new ApiError(ErrorCode.BAD_USER_INPUT, message, details);
