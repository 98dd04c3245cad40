// Runs a query file with DuckDB (in memory) and writes its result as CSV with a header:
//   node run_duckdb.mjs QUERY.sql OUT.csv
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

const [queryPath, outPath] = process.argv.slice(2);
const query = fs.readFileSync(queryPath, 'utf8').trim().replace(/;$/, '');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const target = outPath.replaceAll("'", "''");
await connection.run(`COPY (${query}) TO '${target}' (FORMAT CSV, HEADER)`);
