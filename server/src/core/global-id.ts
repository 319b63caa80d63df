import { ApiError, ErrorCode } from "./errors";

/** Opaque global IDs: base64url("Type:id"). Clients must not parse them. */
export function toGlobalId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function fromGlobalId(globalId: string): { type: string; id: number } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId)
    ? Buffer.from(globalId, "base64url").toString("utf8")
    : "";
  const match = /^([A-Z][A-Za-z]*):([1-9][0-9]{0,15})$/.exec(decoded);
  if (!match) throw new ApiError(ErrorCode.INVALID_ID, `"${globalId}" is not a valid ID.`, { id: globalId });
  return { type: match[1], id: Number(match[2]) };
}

/** Decodes a global ID and checks that it names the expected type. */
export function idOfType(globalId: string, type: string): number {
  const decoded = fromGlobalId(globalId);
  if (decoded.type !== type) {
    throw new ApiError(ErrorCode.INVALID_ID, `"${globalId}" is not the ID of a ${type}.`, {
      id: globalId,
      expected: type,
    });
  }
  return decoded.id;
}
