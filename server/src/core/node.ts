import { Field, ID, InterfaceType } from "type-graphql";
import { toGlobalId } from "./global-id";

/** The Relay Node interface: every object with an identity has an opaque global `id`. */
@InterfaceType("Node", {
  description: "An object with a stable, opaque global ID that `node(id:)` can fetch again.",
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  /** The database key; never exposed as such. */
  id: number;

  @Field(() => ID, {
    name: "id",
    description: "Opaque global ID. Pass it to `node(id:)` to fetch the object again.",
  })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
