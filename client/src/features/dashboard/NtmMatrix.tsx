import { Empty, Flex, Tooltip, Typography } from "antd";
import { memo, type CSSProperties } from "react";
import { useI18n } from "../../i18n/context";
import { formatNumber } from "../../i18n/format";
import { pageRange } from "../../shared/cursor-pages";
import { PagePager } from "../../shared/PagePager";
import { MATRIX_PAGE_SIZE, type MatrixCommune, type NtmMatrixData } from "./dashboard.query";

const MET = "#52c41a";
const NOT_MET = "#f0f0f0";
const CELL = 22;

const cellStyle: CSSProperties = {
  width: CELL,
  minWidth: CELL,
  height: CELL,
  padding: 0,
  border: "2px solid #fff",
  textAlign: "center",
  fontSize: 11,
};

/** The communes to show: the xã below the unit, or the unit itself when it is a xã. */
export function matrixCommunes(data: NtmMatrixData): {
  communes: MatrixCommune[];
  total: number;
  endCursor: string | null;
} {
  const { orgUnit } = data;
  if (orgUnit.kind === "COMMUNE") return { communes: [orgUnit], total: 1, endCursor: null };
  const { nodes, totalCount, pageInfo } = orgUnit.descendants;
  return { communes: nodes, total: totalCount, endCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}

/** Where the matrix is in the subtree's communes, and how to move (see useCursorPages). */
export interface MatrixPages {
  index: number;
  next: (endCursor: string) => void;
  previous: () => void;
}

/**
 * Communes × the 19 NTM criteria for the year: a green square where a criterion is met. The first column
 * (name and criteria met) stays in place while the grid scrolls sideways on a narrow screen.
 */
export const NtmMatrix = memo(function NtmMatrix({
  data,
  year,
  pages,
  loading,
}: {
  data: NtmMatrixData;
  year: number;
  pages: MatrixPages;
  loading: boolean;
}) {
  const { locale, t } = useI18n();
  const { communes, total, endCursor } = matrixCommunes(data);
  if (communes.length === 0 && pages.index === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.ntm.none")} />;
  }
  const criteria = [...data.ntmCriteria].sort((a, b) => a.number - b.number);
  const criterionName = (criterion: (typeof criteria)[number]) =>
    locale === "vi" ? criterion.name : criterion.nameEn;
  const sticky: CSSProperties = {
    position: "sticky",
    left: 0,
    background: "#fff",
    zIndex: 1,
    textAlign: "left",
    paddingRight: 8,
    whiteSpace: "nowrap",
    fontWeight: "normal",
  };

  return (
    <Flex vertical gap="small">
      <div
        // relative: the visually hidden words in the cells stay inside the scrolling box, not the page.
        style={{ overflowX: "auto", position: "relative" }}
        tabIndex={0}
        role="region"
        aria-label={t("dashboard.matrix")}
        data-testid="ntm-matrix"
      >
        <table style={{ borderCollapse: "collapse", fontSize: 13 }}>
          <caption style={{ captionSide: "bottom", textAlign: "left", paddingTop: 8 }}>
            <Flex gap="middle" wrap>
              <span>
                <span style={{ ...legendSwatch, background: MET }} /> {t("dashboard.matrix.met")}
              </span>
              <span>
                <span style={{ ...legendSwatch, background: NOT_MET }} /> {t("dashboard.matrix.notMet")}
              </span>
            </Flex>
          </caption>
          <thead>
            <tr>
              <th scope="col" style={sticky}>
                {t("dashboard.matrix.commune")}
              </th>
              <th scope="col" style={{ ...cellStyle, width: 40, fontWeight: "normal" }}>
                <Tooltip title={t("dashboard.matrix.count")}>Σ</Tooltip>
              </th>
              {criteria.map((criterion) => (
                <th
                  key={criterion.number}
                  scope="col"
                  style={{ ...cellStyle, fontWeight: "normal" }}
                  abbr={criterionName(criterion)}
                >
                  <Tooltip
                    title={t("dashboard.matrix.criterion", {
                      number: criterion.number,
                      name: criterionName(criterion),
                    })}
                  >
                    {criterion.number}
                  </Tooltip>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {communes.map((commune) => {
              const met = new Set(
                commune.ntmStatuses.filter((status) => status.met).map((status) => status.criterion.number),
              );
              const recognised = commune.ntmRecognition && commune.ntmRecognition.year <= year;
              return (
                <tr key={commune.id}>
                  <th scope="row" style={sticky}>
                    {commune.name}
                    {recognised && (
                      <Typography.Text type="success" style={{ marginLeft: 6, fontSize: 12 }}>
                        ★ {t("dashboard.matrix.recognised", { year: commune.ntmRecognition!.year })}
                      </Typography.Text>
                    )}
                  </th>
                  <td style={{ ...cellStyle, width: 40 }}>{met.size}</td>
                  {criteria.map((criterion) => {
                    const isMet = met.has(criterion.number);
                    return (
                      <td
                        key={criterion.number}
                        style={{ ...cellStyle, background: isMet ? MET : NOT_MET }}
                        title={t("dashboard.matrix.cell", {
                          commune: commune.name,
                          number: criterion.number,
                          name: criterionName(criterion),
                          status: t(isMet ? "dashboard.matrix.met" : "dashboard.matrix.notMet"),
                        })}
                      >
                        <span style={visuallyHidden}>
                          {t(isMet ? "dashboard.matrix.met" : "dashboard.matrix.notMet")}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PagePager
        index={pages.index}
        hasNextPage={endCursor !== null}
        onPrevious={pages.previous}
        onNext={() => endCursor && pages.next(endCursor)}
        loading={loading}
        label={(() => {
          const range = pageRange(pages.index, MATRIX_PAGE_SIZE, communes.length, total);
          return t("dashboard.matrix.page", {
            from: formatNumber(locale, range.from),
            to: formatNumber(locale, range.to),
            total: formatNumber(locale, range.total),
          });
        })()}
      />
    </Flex>
  );
});

const legendSwatch: CSSProperties = {
  display: "inline-block",
  width: 12,
  height: 12,
  verticalAlign: "middle",
  border: "1px solid #d9d9d9",
};

const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};
