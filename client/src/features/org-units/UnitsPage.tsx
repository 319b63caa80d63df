import { useLocationPath } from "../../app/navigation";
import { unitCodeOfPath } from "../../shared/paths";
import { UnitBrowser } from "./UnitBrowser";
import { UnitPage } from "./UnitPage";

/** Đơn vị: the tree and search on /units, a unit's page on /units/:code. */
export function UnitsPage() {
  const code = unitCodeOfPath(useLocationPath());
  return code ? <UnitPage key={code} code={code} /> : <UnitBrowser />;
}
