import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { describeFailure } from "../i18n/describe-failure";
import { authFailureCode, classifyFailure } from "./failure";

const graphQLError = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: "developer text", extensions }] });

const serverError = (status: number, bodyText: string) =>
  new ServerError("HTTP error", { response: new Response(bodyText, { status }), bodyText });

describe("classifyFailure", () => {
  it("takes the code from the first GraphQL error's extensions", () => {
    expect(classifyFailure(graphQLError({ code: "UNIT_NOT_FOUND", unitCode: "999" }))).toEqual({
      kind: "api",
      code: "UNIT_NOT_FOUND",
    });
  });

  it("keeps the correlation id of an internal error", () => {
    expect(classifyFailure(graphQLError({ code: "INTERNAL_SERVER_ERROR", correlationId: "c-42" }))).toEqual({
      kind: "api",
      code: "INTERNAL_SERVER_ERROR",
      correlationId: "c-42",
    });
  });

  it("reads the code from an HTTP error whose body is a GraphQL response", () => {
    const body = JSON.stringify({
      errors: [{ message: "x", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
    });
    expect(classifyFailure(serverError(400, body))).toEqual({
      kind: "api",
      code: "GRAPHQL_VALIDATION_FAILED",
    });
  });

  it("falls back to the HTTP status when the body is not a GraphQL response", () => {
    expect(classifyFailure(serverError(502, "<html>Bad Gateway</html>"))).toEqual({
      kind: "http",
      status: 502,
    });
  });

  it("treats a failed fetch as the network being down", () => {
    expect(classifyFailure(new TypeError("Failed to fetch"))).toEqual({ kind: "network" });
  });
});

describe("authFailureCode", () => {
  it("finds a refused token among several errors", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        { message: "a", extensions: { code: "FORBIDDEN" } },
        { message: "b", extensions: { code: "UNAUTHENTICATED" } },
      ],
    });
    expect(authFailureCode(error)).toBe("UNAUTHENTICATED");
  });

  it("reads TOKEN_EXPIRED from the body of an HTTP 401", () => {
    const body = JSON.stringify({ errors: [{ message: "x", extensions: { code: "TOKEN_EXPIRED" } }] });
    expect(authFailureCode(serverError(401, body))).toBe("TOKEN_EXPIRED");
  });

  it("is null for other failures", () => {
    expect(authFailureCode(graphQLError({ code: "FORBIDDEN" }))).toBeNull();
    expect(authFailureCode(serverError(502, "<html>Bad Gateway</html>"))).toBeNull();
    expect(authFailureCode(new TypeError("Failed to fetch"))).toBeNull();
  });
});

describe("describeFailure", () => {
  it("says a wrong password as a sentence", () => {
    expect(describeFailure("vi", { kind: "api", code: "INVALID_CREDENTIALS" }).sentence).toBe(
      "Sai tên đăng nhập hoặc mật khẩu.",
    );
    expect(describeFailure("en", { kind: "api", code: "INVALID_CREDENTIALS" }).sentence).toBe(
      "Wrong user name or password.",
    );
  });

  it("says a known code as a sentence, never the server's message", () => {
    const { sentence } = describeFailure("vi", { kind: "api", code: "UNIT_NOT_FOUND" });
    expect(sentence).toBe("Không tìm thấy đơn vị được yêu cầu.");
  });

  it("names an unknown code", () => {
    expect(describeFailure("en", { kind: "api", code: "SOMETHING_NEW" }).sentence).toBe(
      "Something went wrong (code SOMETHING_NEW).",
    );
  });

  it("gives the reference to quote for a logged server error", () => {
    expect(
      describeFailure("en", { kind: "api", code: "INTERNAL_SERVER_ERROR", correlationId: "c-42" }),
    ).toEqual({
      sentence: "The server ran into a problem. Please try again later.",
      reference: "Error reference: c-42",
    });
  });

  it("says the HTTP status when there is no code", () => {
    expect(describeFailure("vi", { kind: "http", status: 502 }).sentence).toBe(
      "Máy chủ trả lời bất thường (mã HTTP 502).",
    );
  });
});
