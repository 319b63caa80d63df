/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderInApp } from "../../test/render";
import { ConfirmationFeed } from "./ConfirmationFeed";
import type { DashboardFigures } from "./dashboard.query";
import type { FeedItem } from "./feed";
import { KeyFigures } from "./KeyFigures";
import type { ConfirmationFeed as Feed } from "./useDashboardData";

/** A `dashboard` payload as the server sends it for Cờ Đỏ in 2016 (numbers chosen to need formatting). */
const figures: DashboardFigures = {
  unit: { id: "U925", code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" },
  year: 2016,
  month: 9,
  lastEventId: "E120",
  computedAt: "2016-09-17T03:00:00Z",
  pledgeCount: 1234,
  confirmedCount: 617,
  confirmationRate: 0.5,
  pledgesByStatus: [
    { status: "CONFIRMED", count: 617 },
    { status: "REPORTED", count: 17 },
  ],
  visitCompliance: { assessed: 79, compliant: 60, belowMinimum: 19 },
  openConcerns: 3,
  ntm: {
    communeCount: 9,
    communesRecognised: 2,
    ruralDistrictCount: 1,
    districtsRecognised: 0,
    averageCriteriaMet: 15.4,
    communesByCriteriaMet: [{ criteriaMet: 19, communes: 2 }],
  },
};

const cell = {
  id: "U1",
  code: "925.02.03",
  name: "Ấp Trung Thạnh",
  kind: "HAMLET_CELL" as const,
  parent: { id: "U2", code: "925.02", name: "Trung An", kind: "COMMUNE" as const },
};

const items: FeedItem[] = [
  {
    eventId: "E120",
    occurredAt: "2016-09-17T02:30:00Z",
    title: "Láng nhựa 2 km đường",
    year: 2016,
    unit: cell,
    order: 2,
  },
  { eventId: "E119", occurredAt: "2016-09-16T09:00:00Z", title: "", year: 2016, unit: null, order: 1 },
];

const feed = (change: Partial<Feed> = {}): Feed => ({
  items,
  loading: false,
  error: null,
  live: { status: "live", error: null, retry: () => undefined },
  ...change,
});

describe("the dashboard's figures", () => {
  it("shows each headline number of the payload, formatted in Vietnamese", () => {
    renderInApp(<KeyFigures figures={figures} large={false} />);
    expect(screen.getByTestId("confirmed-count")).toHaveTextContent("617");
    expect(screen.getByText("trên tổng số 1.234 phần việc")).toBeInTheDocument();
    expect(screen.getByTestId("confirmation-rate")).toHaveTextContent("50%");
    expect(screen.getByTestId("pledge-count")).toHaveTextContent("1.234");
    expect(screen.getByText("Về cơ sở đủ số lần, tháng 9/2016")).toBeInTheDocument();
    // 60 of 79 assignments: 75.9%, with the Vietnamese decimal comma.
    expect(screen.getByTestId("visit-compliance")).toHaveTextContent("75,9%");
    expect(screen.getByText("60/79 phân công đạt yêu cầu")).toBeInTheDocument();
    expect(screen.getByTestId("open-concerns")).toHaveTextContent("3");
  });

  it("says so in English, with English number formats", () => {
    renderInApp(<KeyFigures figures={figures} large={false} />, { locale: "en" });
    expect(screen.getByText("Pledges confirmed")).toBeInTheDocument();
    expect(screen.getByText("of 1,234 pledges in all")).toBeInTheDocument();
    expect(screen.getByTestId("visit-compliance")).toHaveTextContent("75.9%");
  });

  it("shows a dash, not 0%, when no assignment was assessed in the month or nothing was pledged", () => {
    renderInApp(
      <KeyFigures
        figures={{
          ...figures,
          confirmationRate: null,
          visitCompliance: { assessed: 0, compliant: 0, belowMinimum: 0 },
        }}
        large={false}
      />,
    );
    expect(screen.getByTestId("visit-compliance")).toHaveTextContent("—");
    expect(screen.getByTestId("confirmation-rate")).toHaveTextContent("—");
    expect(screen.getByText("Không có phân công phải đánh giá trong tháng")).toBeInTheDocument();
  });
});

describe("the confirmation feed", () => {
  it("lists the confirmations newest first, with the unit, its commune, the year and the time", () => {
    renderInApp(<ConfirmationFeed feed={feed()} large={false} />);
    const list = screen.getByRole("list", { name: "Xác nhận mới nhất" });
    const entries = within(list).getAllByRole("listitem");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveAttribute("data-event-id", "E120");
    expect(entries[0]).toHaveTextContent("Láng nhựa 2 km đường");
    expect(entries[0]).toHaveTextContent("Chi bộ Ấp Trung Thạnh · Xã Trung An · năm 2016");
    // The time is a <time> element carrying the moment itself.
    const time = within(entries[0]).getByText(/^Xác nhận lúc/);
    expect(time.closest("time")).toHaveAttribute("dateTime", "2016-09-17T02:30:00Z");
    expect(entries[1]).toHaveTextContent("(phần việc không có tên)");
  });

  it("speaks English when asked", () => {
    renderInApp(<ConfirmationFeed feed={feed()} large={false} />, { locale: "en" });
    const list = screen.getByRole("list", { name: "Latest confirmations" });
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent(
      "Ấp Trung Thạnh hamlet cell · Trung An commune · year 2016",
    );
  });

  it("says there is nothing yet instead of an empty list", () => {
    renderInApp(<ConfirmationFeed feed={feed({ items: [] })} large={false} />);
    expect(screen.queryByRole("list")).not.toBeInTheDocument();
    expect(screen.getByText("Chưa có xác nhận nào gần đây.")).toBeInTheDocument();
  });

  it("shows the failure as a sentence when the history could not be read", () => {
    renderInApp(
      <ConfirmationFeed feed={feed({ items: [], error: new TypeError("Failed to fetch") })} large={false} />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Không tải được dữ liệu");
    expect(screen.queryByText(/Failed to fetch/)).not.toBeInTheDocument();
  });
});
