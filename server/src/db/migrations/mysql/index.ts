import { Init1795628452468 } from "./1795628452468-init";
import { UsersAndIdempotency1795629293125 } from "./1795629293125-users-and-idempotency";
import { EventLock1795630849159 } from "./1795630849159-event-lock";
import { ApiKeys1795634030233 } from "./1795634030233-api-keys";
import { SubtreeCounters1795639100936 } from "./1795639100936-subtree-counters";
import { CoveringIndexes1795642769405 } from "./1795642769405-covering-indexes";
import { OrgUnitLevelPathSort1795648438850 } from "./1795648438850-org-unit-level-path-sort";

/** In order of application. */
export const mysqlMigrations: Function[] = [
  Init1795628452468,
  UsersAndIdempotency1795629293125,
  EventLock1795630849159,
  ApiKeys1795634030233,
  SubtreeCounters1795639100936,
  CoveringIndexes1795642769405,
  OrgUnitLevelPathSort1795648438850,
];
