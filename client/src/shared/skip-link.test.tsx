/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderInApp } from "../test/render";
import { SkipLink } from "./SkipLink";

describe("the skip link", () => {
  it("is the first Tab stop, shows when focused and takes the focus to the main content", async () => {
    const user = userEvent.setup();
    renderInApp(
      <>
        <SkipLink target="main-content" />
        <button type="button">Menu</button>
        <main id="main-content" tabIndex={-1}>
          Nội dung
        </main>
      </>,
      { locale: "en" },
    );
    const link = screen.getByRole("link", { name: "Skip to the main content" });
    expect(link).toHaveStyle({ left: "-10000px" });
    await user.tab();
    expect(link).toHaveFocus();
    expect(link).toHaveStyle({ left: "8px" });
    await user.keyboard("{Enter}");
    expect(screen.getByRole("main")).toHaveFocus();
  });
});
