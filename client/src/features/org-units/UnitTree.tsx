import { useApolloClient, useQuery } from "@apollo/client/react";
import { Flex, Tree, Typography } from "antd";
import { useCallback, useMemo, useState, type Key } from "react";
import { UnitChildrenDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { AppLink } from "../../shared/AppLink";
import { unitPath } from "../../shared/paths";
import { Loading } from "../../shared/Loading";
import { QueryFailure } from "../../shared/QueryFailure";
import { UnitKindTag } from "../../shared/UnitKindTag";
import { loadedKeys, toTreeNode, withChildren, type UnitTreeNode } from "./unit-tree";

/**
 * The unit tree from `rootCode`, each level fetched when it is opened (`orgUnit(code){ children }`).
 * Keyboard: Tab to the tree, arrow keys to move, → and ← to open and close; each name is a link to its page.
 */
export function UnitTree({ rootCode }: { rootCode: string }) {
  const { t } = useI18n();
  const client = useApolloClient();
  const root = useQuery(UnitChildrenDocument, { variables: { code: rootCode } });
  // Children loaded since, by parent code; the root's come from the query above.
  const [tree, setTree] = useState<UnitTreeNode[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([rootCode]);
  const [failure, setFailure] = useState<unknown>(null);

  const initial = useMemo(() => {
    const unit = root.data?.orgUnit;
    return unit ? withChildren([toTreeNode(unit)], unit.code, unit.children) : null;
  }, [root.data]);
  const nodes = tree ?? initial;

  const loadData = useCallback(
    async ({ key }: { key: Key }) => {
      const code = String(key);
      try {
        const { data } = await client.query({ query: UnitChildrenDocument, variables: { code } });
        if (!data) return;
        setTree((current) => withChildren(current ?? initial ?? [], code, data.orgUnit.children));
      } catch (error) {
        setFailure(error);
      }
    },
    [client, initial],
  );

  if (root.error && !root.loading)
    return <QueryFailure error={root.error} onRetry={() => void root.refetch()} />;
  if (!nodes) return <Loading />;

  return (
    <Flex vertical gap="small">
      {failure !== null && <QueryFailure error={failure} onRetry={() => setFailure(null)} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("units.tree.hint")}
      </Typography.Text>
      <Tree<UnitTreeNode>
        aria-label={t("units.tree.label")}
        showLine
        selectable={false}
        treeData={nodes}
        loadData={loadData}
        loadedKeys={loadedKeys(nodes)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        titleRender={(node) => (
          <Flex gap={6} align="center" wrap style={{ paddingBlock: 2 }}>
            <AppLink to={unitPath(node.unit.code)}>{node.unit.name}</AppLink>
            <UnitKindTag kind={node.unit.kind} />
          </Flex>
        )}
      />
    </Flex>
  );
}
