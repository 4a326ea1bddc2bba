import { dirname, join } from 'node:path';

/** The IDE's files, served by the app from node_modules so it works with no internet access. */
export const IDE_ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': { file: require.resolve('graphiql/graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: require.resolve('graphiql/graphiql.min.css'), type: 'text/css' },
  // react and react-dom export no subpaths; their UMD builds sit beside package.json.
  'react.production.min.js': {
    file: join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  // Not compiled: shipped beside src and dist, like the migrations.
  'ide.js': { file: join(__dirname, '../../assets/ide.js'), type: 'text/javascript' },
  'ide.css': { file: join(__dirname, '../../assets/ide.css'), type: 'text/css' },
};

/** No inline script or style: the Content-Security-Policy (ide.headers.ts) allows the app's files only. */
export const IDE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tcpfleet GraphQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/ide/graphiql.min.css">
<link rel="stylesheet" href="/ide/ide.css">
</head>
<body>
<div id="graphiql">Loading the GraphQL IDE…</div>
<script src="/ide/react.production.min.js"></script>
<script src="/ide/react-dom.production.min.js"></script>
<script src="/ide/graphiql.min.js"></script>
<script src="/ide/ide.js"></script>
</body>
</html>
`;
