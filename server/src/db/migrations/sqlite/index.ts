import { Init1795628451955 } from "./1795628451955-init";
import { UsersAndIdempotency1795629292320 } from "./1795629292320-users-and-idempotency";
import { EventLock1795630848238 } from "./1795630848238-event-lock";
import { ApiKeys1795634029540 } from "./1795634029540-api-keys";
import { SubtreeCounters1795639098546 } from "./1795639098546-subtree-counters";
import { CoveringIndexes1795642768496 } from "./1795642768496-covering-indexes";
import { OrgUnitLevelPathSort1795648436231 } from "./1795648436231-org-unit-level-path-sort";

/** In order of application. */
export const sqliteMigrations: Function[] = [
  Init1795628451955,
  UsersAndIdempotency1795629292320,
  EventLock1795630848238,
  ApiKeys1795634029540,
  SubtreeCounters1795639098546,
  CoveringIndexes1795642768496,
  OrgUnitLevelPathSort1795648436231,
];
