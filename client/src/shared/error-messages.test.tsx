/**
 * @jest-environment jsdom
 */
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderInApp } from "../test/render";
import { MutationFailure } from "./MutationFailure";
import { QueryFailure } from "./QueryFailure";

/** What a developer would see in the response: never for the user. */
const RAW = "Pledge 42 is in status CONFIRMED; expected REPORTED";
const STACK = "Error: boom\n    at PledgeService.confirm (pledge.service.ts:88:11)";

const apiError = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({
    data: null,
    errors: [{ message: RAW, extensions: { ...extensions, stacktrace: [STACK] } }],
  });

function expectNoDeveloperText() {
  expect(document.body).not.toHaveTextContent(RAW);
  expect(document.body).not.toHaveTextContent("PledgeService");
  expect(document.body).not.toHaveTextContent("CONFIRMED");
}

describe("a refused change, from its extensions.code", () => {
  it.each([
    ["vi", "Không thực hiện được", "Phần việc này đã được xác nhận hoặc từ chối."],
    ["en", "That did not go through", "This pledge has already been confirmed or rejected."],
  ] as const)("is a sentence in %s", (locale, title, sentence) => {
    renderInApp(<MutationFailure error={apiError({ code: "PLEDGE_ALREADY_DECIDED" })} />, { locale });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(sentence);
    expectNoDeveloperText();
  });

  it.each([
    ["vi", "Xã chưa đạt đủ 19 tiêu chí trong năm của quyết định. Các tiêu chí chưa đạt: Giao thông, Điện."],
    [
      "en",
      "The commune does not meet all 19 criteria in the decision's year. Criteria not met: Giao thông, Điện.",
    ],
  ] as const)("names what the details add, in %s", (locale, sentence) => {
    const error = apiError({
      code: "NTM_CRITERIA_NOT_MET",
      missingCriteria: [
        { number: 2, name: "Giao thông" },
        { number: 4, name: "Điện" },
      ],
    });
    renderInApp(<MutationFailure error={error} />, { locale });
    expect(screen.getByRole("alert")).toHaveTextContent(sentence);
  });

  it("shows nothing without an error", () => {
    renderInApp(<MutationFailure error={null} />);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("a failed query, from its extensions.code", () => {
  it.each([
    ["vi", "Không tải được dữ liệu", "Bạn không có quyền xem dữ liệu này.", "Thử lại"],
    ["en", "The data could not be loaded", "You may not see this data.", "Try again"],
  ] as const)("is a sentence in %s with a way to try again", async (locale, title, sentence, retry) => {
    const onRetry = jest.fn();
    renderInApp(<QueryFailure error={apiError({ code: "FORBIDDEN" })} onRetry={onRetry} />, { locale });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(sentence);
    expectNoDeveloperText();
    await userEvent.click(screen.getByRole("button", { name: retry }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("quotes the error reference of an internal fault, and nothing of the fault itself", () => {
    renderInApp(<QueryFailure error={apiError({ code: "INTERNAL_SERVER_ERROR", correlationId: "c-42" })} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Mã tra cứu lỗi: c-42");
    expectNoDeveloperText();
  });

  it("offers to sign in again when the token ran out", async () => {
    const { auth } = renderInApp(
      <QueryFailure error={apiError({ code: "TOKEN_EXPIRED" })} onRetry={jest.fn()} />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("đăng nhập lại");
    await userEvent.click(screen.getByRole("button", { name: "Đăng nhập" }));
    expect(auth.openSignIn).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Thử lại" })).not.toBeInTheDocument();
  });

  it("names an unknown code rather than showing the message", () => {
    renderInApp(<QueryFailure error={apiError({ code: "SOMETHING_NEW" })} />, { locale: "en" });
    expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong (code SOMETHING_NEW).");
    expectNoDeveloperText();
  });

  it("says the server cannot be reached when the network failed", () => {
    renderInApp(<QueryFailure error={new TypeError("Failed to fetch")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Không kết nối được với máy chủ.");
    expect(document.body).not.toHaveTextContent("Failed to fetch");
  });
});
