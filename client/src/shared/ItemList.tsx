import { Flex, Pagination, theme } from "antd";
import { useState, type Key, type ReactNode } from "react";

/**
 * A plain list (ul/li) with dividers, paged when longer than `pageSize`. Ant Design 6 deprecates its List;
 * these lists are short and need nothing more.
 */
export function ItemList<T>({
  items,
  itemKey,
  renderItem,
  pageSize,
  size = "middle",
  ariaLabel,
}: {
  items: readonly T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  pageSize?: number;
  size?: "small" | "middle";
  ariaLabel?: string;
}) {
  const { token } = theme.useToken();
  const [page, setPage] = useState(1);
  const paged = pageSize !== undefined && items.length > pageSize;
  const shown = paged ? items.slice((page - 1) * pageSize, page * pageSize) : items;
  const padding = size === "small" ? 8 : 12;
  return (
    <Flex vertical gap="small">
      <ul aria-label={ariaLabel} style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {shown.map((item, index) => (
          <li
            key={itemKey(item)}
            style={{
              paddingBlock: padding,
              borderBottom: index < shown.length - 1 ? `1px solid ${token.colorSplit}` : undefined,
            }}
          >
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {paged && (
        <Pagination
          size="small"
          align="end"
          current={page}
          pageSize={pageSize}
          total={items.length}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </Flex>
  );
}
