import { Init1795628452468 } from "./1795628452468-init";

/** In order of application. */
export const mysqlMigrations: Function[] = [Init1795628452468];
