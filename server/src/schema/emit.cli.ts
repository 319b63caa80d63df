import fs from "node:fs";
import "reflect-metadata";
import { printSchemaWithDescriptions } from "./print";
import { createSchema, SCHEMA_FILE } from "./build-schema";

createSchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, printSchemaWithDescriptions(schema));
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
