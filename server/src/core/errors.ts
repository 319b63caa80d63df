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
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new ApiError(ErrorCode.BAD_USER_INPUT, message, details);
