import { Flex } from "antd";
import type { UnitKind } from "../../gql/graphql";
import { AppLink } from "../../shared/AppLink";
import { ItemList } from "../../shared/ItemList";
import { unitPath } from "../../shared/paths";
import { UnitKindTag } from "../../shared/UnitKindTag";

/** The units directly below, each a link to its page. */
export function UnitChildren({
  units,
}: {
  units: readonly { code: string; name: string; kind: UnitKind }[];
}) {
  return (
    <ItemList
      size="small"
      items={units}
      itemKey={(unit) => unit.code}
      renderItem={(unit) => (
        <Flex gap="small" align="center" justify="space-between">
          <AppLink to={unitPath(unit.code)}>{unit.name}</AppLink>
          <UnitKindTag kind={unit.kind} />
        </Flex>
      )}
    />
  );
}
