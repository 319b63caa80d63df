import { gql, type TypedDocumentNode } from "@apollo/client";
import type { UnitKind } from "../../apollo/schema-types";

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface UnitTreeData {
  orgUnit: UnitNode & { children: (UnitNode & { children: UnitNode[] })[] };
}

export interface UnitTreeVariables {
  code: string;
}

/** A unit with two levels below it: for the city, its districts and their communes. */
export const UNIT_TREE_QUERY: TypedDocumentNode<UnitTreeData, UnitTreeVariables> = gql`
  query UnitTree($code: String!) {
    orgUnit(code: $code) {
      id
      code
      name
      kind
      children {
        id
        code
        name
        kind
        children {
          id
          code
          name
          kind
        }
      }
    }
  }
`;
