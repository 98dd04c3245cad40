// Parses a query file as BigQuery SQL (node-sql-parser); prints the statement type, or the
// parser's error and exits 1:  node parse_bigquery.mjs QUERY.sql
import fs from 'node:fs';
import NodeSqlParser from 'node-sql-parser';

const { Parser } = NodeSqlParser;
const query = fs.readFileSync(process.argv[2], 'utf8');
try {
  const ast = new Parser().astify(query, { database: 'BigQuery' });
  const statements = Array.isArray(ast) ? ast : [ast];
  console.log(statements.map((s) => s.type).join(','));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
