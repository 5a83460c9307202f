import { dirname, join } from 'node:path';
import type { ExampleQuery } from './example-queries';

/** The IDE's files, served from the installed packages: no CDN, works offline. */
export const IDE_ASSETS: Record<string, { packageName: string; file: string; type: string }> = {
  'react.js': { packageName: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { packageName: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { packageName: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** Where an asset lies in the installed package (its UMD files are outside the package's exports). */
export function ideAssetPath(asset: { packageName: string; file: string }): string {
  return join(dirname(require.resolve(`${asset.packageName}/package.json`)), asset.file);
}

export const IDE_ASSET_PATH = '/ide';

/** GraphiQL with the example queries as tabs. Mutations from the IDE send `Authorization` from its headers editor. */
export function idePage(examples: ExampleQuery[], endpoint: string): string {
  const tabs = examples.map((example) => ({ query: example.document }));
  const config = JSON.stringify({ endpoint, tabs }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nianbao GraphQL IDE</title>
<link rel="stylesheet" href="${IDE_ASSET_PATH}/graphiql.css">
<style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
<div id="ide">Loading the IDE…</div>
<script src="${IDE_ASSET_PATH}/react.js"></script>
<script src="${IDE_ASSET_PATH}/react-dom.js"></script>
<script src="${IDE_ASSET_PATH}/graphiql.js"></script>
<script>
  const config = ${config};
  const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  ReactDOM.createRoot(document.getElementById('ide')).render(
    React.createElement(GraphiQL, { fetcher, defaultTabs: config.tabs, defaultEditorToolsVisibility: 'variables' }),
  );
</script>
</body>
</html>`;
}
