import type { UnitKind, UnitLevel } from "../../gql/graphql";

export interface TreeUnit {
  code: string;
  name: string;
  kind: UnitKind;
  level?: UnitLevel;
}

/** A node of the unit tree as Ant Design's Tree takes it; `children` absent until the unit is opened. */
export interface UnitTreeNode {
  key: string;
  unit: TreeUnit;
  /** Cells have nothing below them: no expand button, no request. */
  isLeaf: boolean;
  children?: UnitTreeNode[];
}

export function toTreeNode(unit: TreeUnit): UnitTreeNode {
  return { key: unit.code, unit, isLeaf: unit.level === "CELL" };
}

/**
 * The tree with `children` put under the node `key` (the answer to opening it). A unit with no children
 * becomes a leaf, so it shows no expand button any more. Nodes not on the way to `key` are kept as they are.
 */
export function withChildren(
  nodes: readonly UnitTreeNode[],
  key: string,
  children: readonly TreeUnit[],
): UnitTreeNode[] {
  return nodes.map((node) => {
    if (node.key === key) {
      return children.length === 0
        ? { ...node, isLeaf: true, children: undefined }
        : { ...node, children: children.map(toTreeNode) };
    }
    if (!node.children) return node;
    return { ...node, children: withChildren(node.children, key, children) };
  });
}

/** Keys of the nodes whose children are loaded, so the tree does not ask for them again. */
export function loadedKeys(nodes: readonly UnitTreeNode[]): string[] {
  return nodes.flatMap((node) => (node.children ? [node.key, ...loadedKeys(node.children)] : []));
}

/**
 * The text to send as `search`: trimmed, or null when it cannot find anything yet (fewer than two characters,
 * or no letter or digit: the server refuses a search without letters with BAD_USER_INPUT).
 */
export function searchText(input: string): string | null {
  const text = input.trim().replace(/\s+/g, " ");
  if (text.length < 2 || !/[\p{L}\p{N}]/u.test(text)) return null;
  return text;
}
