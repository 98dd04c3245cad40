// The query benchmark's anchor: DuckDB answering triad's weekly relation index (events-weighted
// mean Goldstein of each dyad, both directions, minus the world's mean of the week) over the same
// cells, read from `triad export cells` CSV into a DuckDB file once. Prints the median of ROUNDS
// timed runs in ms and the index as JSON lines for the comparison.
//   node duckdb_index.mjs CELLS.csv DB.duckdb FROM TO A-B,A-C,B-C
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

const [cellsCsv, dbPath, from, to, dyadList] = process.argv.slice(2);
const fresh = !fs.existsSync(dbPath);
const instance = await DuckDBInstance.create(dbPath);
const c = await instance.connect();
if (fresh) {
  await c.run(`CREATE TABLE cells AS SELECT * FROM read_csv('${cellsCsv.replaceAll("'", "''")}', header=true)`);
}
const dyads = dyadList.split(',').map((d) => d.split('-'));
const pairs = dyads.map(([a, b]) => `('${a}','${b}')`).join(',');
const query = `
WITH c AS (
  SELECT date_trunc('week', CAST(date AS DATE)) AS week, source, target, events, goldstein_sum
  FROM cells WHERE CAST(date AS DATE) BETWEEN DATE '${from}' AND DATE '${to}'),
world AS (SELECT week, sum(goldstein_sum) / sum(events) AS m FROM c GROUP BY week),
d AS (
  SELECT week, least(source, target) AS a, greatest(source, target) AS b,
         sum(goldstein_sum) / sum(events) AS m, sum(events) AS n
  FROM c WHERE (least(source, target), greatest(source, target)) IN (
    SELECT least(x, y), greatest(x, y) FROM (VALUES ${pairs}) t(x, y))
  GROUP BY ALL)
SELECT d.week, d.a, d.b, d.n, d.m - world.m AS value FROM d JOIN world USING (week)
WHERE d.n >= 5 ORDER BY d.a, d.b, d.week`;
const times = [];
let rows = [];
for (let i = 0; i < Number(process.env.ROUNDS || 5); ++i) {
  const t0 = process.hrtime.bigint();
  const reader = await c.runAndReadAll(query);
  rows = reader.getRowObjectsJson();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((x, y) => x - y);
console.log(JSON.stringify({ median_ms: times[Math.floor(times.length / 2)], first_ms: null, rows: rows.length }));
for (const r of rows) console.log(JSON.stringify(r));
