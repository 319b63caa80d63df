import { Init1795628451955 } from "./1795628451955-init";

/** In order of application. */
export const sqliteMigrations: Function[] = [Init1795628451955];
