/**
 * @jest-environment jsdom
 */
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Form, Input } from "antd";
import { renderInApp } from "../test/render";
import { MutationFormModal } from "./MutationFormModal";

jest.setTimeout(20_000);

const refused = (code: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: "raw server text", extensions: { code } }] });

function renderModal(
  onSubmit: (values: { answer: string }, keyFor: (input: unknown) => string) => Promise<false | void>,
) {
  const onClose = jest.fn();
  const onDone = jest.fn();
  renderInApp(
    <MutationFormModal<{ answer: string }>
      title="Trả lời kiến nghị"
      okText="Trả lời"
      intro={<span>Thiếu vốn đối ứng</span>}
      onSubmit={onSubmit}
      successMessage="Đã trả lời."
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="answer"
        label="Nội dung trả lời"
        rules={[{ required: true, message: "Hãy nhập câu trả lời." }]}
      >
        <Input.TextArea />
      </Form.Item>
    </MutationFormModal>,
  );
  return { onClose, onDone };
}

describe("the mutation form dialog", () => {
  it("opens on its first field, checks the form, sends once and says so", async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn(async () => undefined);
    const { onDone } = renderModal(onSubmit);
    const dialog = await screen.findByRole("dialog", { name: "Trả lời kiến nghị" });
    expect(dialog).toHaveTextContent("Thiếu vốn đối ứng");
    const answer = screen.getByRole("textbox", { name: "Nội dung trả lời" });
    await waitFor(() => expect(answer).toHaveFocus());

    await user.click(screen.getByRole("button", { name: "Trả lời" }));
    expect(await screen.findByText("Hãy nhập câu trả lời.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(answer, "Đã bố trí vốn");
    await user.click(screen.getByRole("button", { name: "Trả lời" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ answer: "Đã bố trí vốn" }, expect.any(Function));
    expect(await screen.findByText("Đã trả lời.")).toBeInTheDocument();
  });

  it("says a refusal as the sentence for its code, stays open, and retries with the same key", async () => {
    const user = userEvent.setup();
    const keys: string[] = [];
    const onSubmit = jest
      .fn<Promise<void>, [{ answer: string }, (input: unknown) => string]>()
      .mockImplementationOnce(async (values, keyFor) => {
        keys.push(keyFor(values));
        throw refused("CONCERN_INVALID_TRANSITION");
      })
      .mockImplementationOnce(async (values, keyFor) => {
        keys.push(keyFor(values));
      });
    const { onDone, onClose } = renderModal(onSubmit);
    await user.type(await screen.findByRole("textbox", { name: "Nội dung trả lời" }), "Trả lời");
    await user.click(screen.getByRole("button", { name: "Trả lời" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không thực hiện được");
    expect(alert).not.toHaveTextContent("raw server text");
    expect(onDone).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Trả lời" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it("closes without sending on Cancel, and when the submission had nothing to send", async () => {
    const user = userEvent.setup();
    const { onClose, onDone } = renderModal(async () => false);
    await user.type(await screen.findByRole("textbox", { name: "Nội dung trả lời" }), "x");
    await user.click(screen.getByRole("button", { name: "Trả lời" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Hủy" }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
